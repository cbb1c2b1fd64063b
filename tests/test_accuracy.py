"""The parsers and normalisers must keep their accuracy on the hand-made gold (tests/data/gold)."""

import shutil

import pytest

from pipelines.evaluate import (
    PER_FILE,
    POOLED,
    RENDERED,
    evaluate,
    evaluate_rendered,
    pooled,
)
from pipelines.evaluate_metrics import evaluate_metrics
from pipelines.evaluate_sections import evaluate_sections, read_gold, score_sections
from tests.conftest import GOLD, RAW, VARIANTS
from tests.pdf_fixtures import render, report_from_text

SCORES = {score.name: score for score in evaluate(GOLD, RAW)}
DOUBLED = {score.name: score for score in evaluate(GOLD, RAW, "doubled_blank_lines")}


def test_every_gold_file_is_scored():
    assert set(SCORES) == {path.name for path in GOLD.glob("*.jsonl")}


@pytest.mark.parametrize("name", sorted(SCORES))
def test_gold_file_meets_thresholds(name):
    score = SCORES[name]
    assert score.gold > 0 and score.predicted > 0
    assert score.failures(PER_FILE) == []


def test_all_gold_rows_together_meet_the_normalisation_floors():
    """Issue #4: status, time frame and responsible F1 and area accuracy over all gold rows."""
    assert pooled(list(SCORES.values())).failures(POOLED) == []


@pytest.mark.parametrize("name", sorted(DOUBLED))
def test_doubled_blank_lines_parse_as_well(name):
    """Another PDF-to-text tool may print two blank lines where this one printed one."""
    assert DOUBLED[name].failures(PER_FILE) == []


PDF_SCORES = {score.name: score for score in evaluate_rendered(VARIANTS, "pdf")}


def test_every_rendered_plan_is_scored():
    assert len(PDF_SCORES) == len(list(VARIANTS.glob("*.gold.jsonl"))) >= 6


@pytest.mark.parametrize("name", sorted(PDF_SCORES))
def test_rendered_pdf_meets_the_floors(name):
    """Issue #9: plans laid out anew (Word -> PDF), read from the PDF: row F1, area,
    responsible and status floors on every file."""
    score = PDF_SCORES[name]
    assert score.gold > 0 and score.predicted > 0
    assert score.failures(RENDERED) == []


def test_the_plan_in_no_samples_layout_is_read_by_the_generic_layout():
    generic = [score for name, score in PDF_SCORES.items() if "generic" in name]
    assert generic and all(score.layout == "generic" for score in generic)
    regional = [score for name, score in PDF_SCORES.items() if "generic" not in name]
    assert all(score.layout != "generic" for score in regional)


@pytest.mark.parametrize(("form", "floor"), [("pypdf", 0.95), ("pdftotext", 0.72)])
def test_rendered_plans_as_text_hold_their_level(form, floor):
    """Issue #10 is open: text from other tools than the samples' is read less well than a PDF.
    These floors sit just under this version's pooled row F1 (0.966 and 0.736), so it can only
    get better; area stays right."""
    total = pooled(evaluate_rendered(VARIANTS, form), "all files")
    assert total.f1 >= floor
    assert total.accuracy("area") >= 0.94


def test_text_extracted_by_an_installed_tool_is_scored_from_the_pdf(tmp_path):
    """`evaluate --form pdfminer` extracts each plan's text from its PDF now and scores it."""
    stem = "d05-generic-norrbotten"
    for suffix in (".pdf", ".gold.jsonl"):
        shutil.copy(VARIANTS / f"{stem}{suffix}", tmp_path)
    (score,) = evaluate_rendered(tmp_path, "pdfminer")
    assert score.name == f"{stem}.pdfminer.txt"
    assert score.layout == "generic"
    assert score.predicted > 0 and score.f1 > 0.5
    assert list(tmp_path.iterdir()) and not list(tmp_path.glob("*.txt"))  # nothing left behind


def test_reported_values_are_found_with_their_year_and_kind():
    """Issue #14's floors on the annotated metrics (002): F1 >= 0.90, is_target >= 0.90."""
    scores = evaluate_metrics(GOLD, RAW)
    assert scores and all(not score.failures() for score in scores), [s.line() for s in scores]


def test_annual_report_sections_hold_their_level():
    """Issue #14's floors on 003: headings F1 >= 0.95, area >= 0.90, work-done items F1 >= 0.90."""
    (score,) = evaluate_sections(GOLD, RAW)
    assert not score.failures(), score.line()


def test_annual_report_sections_from_its_pdf(tmp_path):
    """The same report printed as a PDF (its annotated headings set as headings, its text
    re-wrapped) gives its sections by the same floors: headings from the type, not the breaks."""
    gold_path = GOLD / "sections" / "003.sections.jsonl"
    gold = read_gold(gold_path)
    text = (RAW / gold[0]["doc"]).read_text("utf-8")
    plan = report_from_text(text, {entry["lines"][0] for entry in gold}, "Årsrapport 2024")
    pdf = render(plan, tmp_path / "report.pdf")
    score = score_sections(gold_path, RAW, pdf)
    assert score.name == "report.pdf"
    assert not score.failures(), score.line()
