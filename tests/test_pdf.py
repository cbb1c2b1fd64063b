"""The PDF reader on PDFs drawn from structured rows (tests/pdf_fixtures.py)."""

import shutil

import pandas as pd
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.errors import CorruptDocument, EncryptedDocument, ScannedDocument
from extract.pdf import pages as pages_module
from extract.pdf.pages import read_pages, scan
from extract.pdf.plan import read_pdf_plan
from extract.pdf.primitives import TextLine, Word
from extract.pdf.settings import PdfSettings
from extract.pdf.tables import ColumnBox, runs_across
from pipelines.ingest import ingest, parse_file
from tests.conftest import FIXTURES, RAW, VARIANTS
from tests.pdf_fixtures import (
    Block,
    FixturePlan,
    FixtureTable,
    compare_rows,
    plan_from_rows,
    render,
    synthetic_rows,
)

TITLES = {
    "rcc_sydost": "Handlingsplan 2026 RCC Sydöst",
    "region_vastmanland": "Verksamhetsplan LPO cancersjukdomar Region Västmanland 2026",
    "region_kronoberg": "Handlingsplan cancer Region Kronoberg 2026",
    "region_skane": "REGIONAL CANCERPLAN 2026-2028: HANDLINGSPLAN REGION SKÅNE",
    "rcc_arsrapport": "RCC Sydöst årsrapport 2024",
}
TABLE_LAYOUTS = ("rcc_sydost", "region_vastmanland", "region_kronoberg", "region_skane")
CASES = {
    "ruled": {},
    "unruled": {"ruled": False},
    "landscape": {"landscape": True},
    "rows_split_by_page_breaks": {"long_cells": True},
}


def draw(tmp_path, layout, goals=12, long_cells=False, **options):
    rows = synthetic_rows(layout, goals, 3, long_cells)
    path = render(plan_from_rows(layout, rows, TITLES[layout], **options), tmp_path / "plan.pdf")
    return rows, parse_file(path)


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("layout", TABLE_LAYOUTS)
def test_every_drawn_row_is_read(tmp_path, layout, case):
    options = dict(CASES[case])
    long_cells = options.pop("long_cells", False)
    rows, parsed = draw(
        tmp_path, layout, goals=8 if long_cells else 12, long_cells=long_cells, **options
    )
    assert parsed.detection.layout.name == layout
    result = compare_rows(rows, parsed.rows)
    assert result.recall == 1.0
    assert result.field_accuracy >= 0.99, (result.field_right, result.field_total)
    assert len(parsed.rows) == len(rows)


def test_a_table_over_two_page_breaks_keeps_its_merged_goals(tmp_path):
    rows, parsed = draw(tmp_path, "region_skane", goals=12)
    pages = {row.page_end for row in parsed.rows}
    assert len(pages) >= 3  # the table crosses at least two page breaks
    assert [" ".join(row.goal.split()) for row in parsed.rows] == [row.goal for row in rows]
    assert all(row.section == "SCREENING FÖR LUNGCANCER" for row in parsed.rows)


def test_rows_split_by_a_page_break_span_both_pages(tmp_path):
    _, parsed = draw(tmp_path, "rcc_sydost", goals=8, long_cells=True)
    split = [row for row in parsed.rows if row.page_end > row.page_start]
    assert split, "the fixture should split rows over page breaks"
    assert all(row.responsible == ("Verksamhetschef", "Processledare screening") for row in split)


def test_narrow_columns_that_wrap_words(tmp_path):
    widths = (70.0, 120.0, 45.0, 60.0)  # words are broken inside the narrow columns
    rows, parsed = draw(tmp_path, "rcc_sydost", goals=6, widths=widths)
    result = compare_rows(rows, parsed.rows)
    assert result.recall == 1.0 and result.field_accuracy >= 0.99


def test_running_heads_and_page_numbers_are_not_content(tmp_path):
    head = "Handlingsplan 2026 – Målområde 1"
    rows, parsed = draw(tmp_path, "rcc_sydost", goals=12, running_head=head)
    text = " ".join(line.text for line in parsed.document.lines)
    assert "Sida" not in text and "Handlingsplan 2026 – Målområde" not in text
    assert all(row.area_number == 1 for row in parsed.rows)


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_rows_drawn_as_pdf_read_back_the_same(tmp_path, path):
    text = parse_file(path)
    layout = text.detection.layout.name
    plan = plan_from_rows(
        layout, text.rows, TITLES[layout], landscape=layout == "region_vastmanland"
    )
    pdf = parse_file(render(plan, tmp_path / f"{path.stem}.pdf"))
    assert pdf.detection.layout.name == layout
    result = compare_rows(list(text.rows), pdf.rows)
    assert result.found == len(text.rows) == len(pdf.rows)


@pytest.mark.parametrize(
    ("prefix", "options"),
    [
        # a goal merged over two rows, cut by a page break: its rest in lower case beside the
        # second row's cells, which start together, is no sign the first row goes on
        ("004", {"font_size": 11.0, "landscape": True}),
        ("001", {"font_size": 7.0}),
        # a row cut by a page break whose key goes on with an acronym ("IPÖ till …") beside its
        # merged goal's rest in lower case: the same row, not a new one
        ("001", {}),
    ],
)
def test_seed_rows_drawn_in_other_type_read_back_the_same(tmp_path, prefix, options):
    text = parse_file(next(RAW.glob(f"{prefix}_*.txt")))
    layout = text.detection.layout.name
    plan = plan_from_rows(layout, text.rows, TITLES[layout], **options)
    pdf = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert compare_rows(list(text.rows), pdf.rows).found == len(text.rows) == len(pdf.rows)


def _encrypted(path):
    sheet = canvas.Canvas(str(path), pagesize=A4, encrypt="hemligt")
    sheet.drawString(72, 720, "Målbild Planerade aktiviteter Ansvarig Status")
    sheet.save()
    return path


def _scanned(path):
    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.rect(72, 400, 400, 300, fill=1)  # a page with only a picture on it
    sheet.save()
    return path


def test_bad_pdfs_get_specific_errors(tmp_path):
    good = render(
        plan_from_rows(
            "region_skane", synthetic_rows("region_skane", 2, 2), TITLES["region_skane"]
        ),
        tmp_path / "good.pdf",
    )
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    renamed = tmp_path / "renamed.pdf"
    shutil.copy(FIXTURES / "skane_small.txt", renamed)
    with pytest.raises(EncryptedDocument):
        parse_file(_encrypted(tmp_path / "locked.pdf"))
    with pytest.raises(ScannedDocument):
        parse_file(_scanned(tmp_path / "scan.pdf"))
    for path in (truncated, renamed):
        with pytest.raises(CorruptDocument):
            parse_file(path)


def test_mixed_batch_ingests_the_good_files(tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    render(
        plan_from_rows(
            "region_kronoberg", synthetic_rows("region_kronoberg", 3, 1), TITLES["region_kronoberg"]
        ),
        drop / "kronoberg.pdf",
    )
    _encrypted(drop / "locked.pdf")
    _scanned(drop / "scan.pdf")
    (drop / "empty.pdf").write_bytes(b"")
    (drop / "noise.pdf").write_bytes(bytes(range(256)) * 8)
    good = render(
        plan_from_rows(
            "region_skane", synthetic_rows("region_skane", 2, 2), TITLES["region_skane"]
        ),
        tmp_path / "whole.pdf",
    )
    (drop / "truncated.pdf").write_bytes(good.read_bytes()[:2000])
    shutil.copy(FIXTURES / "skane_small.txt", drop / "skane.txt")
    report = ingest([drop], tmp_path / "out")
    errors = {result.path.name: result.error for result in report.results}
    assert errors["kronoberg.pdf"] is None and errors["skane.txt"] is None
    assert "encrypted" in errors["locked.pdf"]
    assert "no text layer" in errors["scan.pdf"]
    assert errors["empty.pdf"] and errors["noise.pdf"]
    assert "truncated" in errors["truncated.pdf"] or "damaged" in errors["truncated.pdf"]
    documents = pd.read_parquet(tmp_path / "out" / "documents")
    assert sorted(documents["format"]) == ["pdf", "text"]
    activities = pd.read_parquet(tmp_path / "out" / "activities")
    pdf_rows = activities[activities["source_file"] == "kronoberg.pdf"]
    assert len(pdf_rows.groupby("row_id")) == 3 and (pdf_rows["page_start"] >= 1).all()


def test_inspect_draws_a_pdf_page(tmp_path):
    from click.testing import CliRunner

    from pipelines.cli import main

    rows = synthetic_rows("region_skane", 4, 3)
    pdf = render(plan_from_rows("region_skane", rows, TITLES["region_skane"]), tmp_path / "s.pdf")
    picture = tmp_path / "page.png"
    result = CliRunner().invoke(main, ["inspect", str(pdf), "--page", "1", "--image", str(picture)])
    assert result.exit_code == 0, result.output
    assert "region_skane" in result.output and "format pdf" in result.output
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    arguments = ["inspect", str(pdf), "--page", "99", "--image", str(picture)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code != 0 and "pages" in result.output


GENERIC_GOALS = (
    (1, "Prevention och tidig upptäckt", "Fler rökfria patienter före operation"),
    (4, "Kompetensförsörjning", "Stabil bemanning av specialistsjuksköterskor i cancervården"),
    (10, "Barn och unga", "Barn som närstående får stöd under hela vårdförloppet"),
)


@pytest.mark.parametrize(
    ("header", "area_label"),
    [
        (("Åtgärd", "Ansvar", "Klart", "Uppföljning"), "Målområde"),
        (("Insatser", "Ansvarig enhet", "Tidplan", "Status"), "Fokusområde"),
        (("Nr", "Aktivitet", "Huvudansvarig", "Tidsperiod", "Läge"), "Insatsområde"),
        # a qualifier before a label, compounds that end with a label, newer synonyms
        (("Planerad aktivitet", "Utförare", "Period", "Nuläge"), "Målområde"),
        (("Huvudaktivitet", "Verksamhetsansvarig", "Tidshorisont", "Utfall"), "Målområde"),
    ],
)
@pytest.mark.parametrize("ruled", [True, False])
def test_a_plan_in_a_layout_no_sample_has(tmp_path, header, area_label, ruled):
    """Headers of labels no sample uses, a "Mål: …" paragraph above each table, headings of an
    area label of the vocabulary and a number ("Fokusområde 3 – …"): read by the generic layout,
    the area from the headings, status only from its column."""
    tables = []
    for area, name, goal in GENERIC_GOALS:
        rows = tuple(
            {
                "activities": f"Insats {i} för målet, följs upp efter avslutad cancerbehandling",
                "responsible": "Verksamhetschef\nProcessledare",
                "timeframe": "2029",
                "status": "Pågår" if i == 1 else "",
                "number": str(i),
            }
            for i in (1, 2)
        )
        before = (Block(f"{area_label} {area} – {name}", heading=True), Block(f"Mål: {goal}"))
        tables.append(FixtureTable(rows, before))
    plan = FixturePlan(
        "generic", "Handlingsplan 2029, Region Värmland", tuple(tables), ruled=ruled, header=header
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert parsed.detection.layout.name == "generic"
    assert parsed.facts.region == "Region Värmland"
    rows = parsed.rows
    assert [(row.area_number, row.goal) for row in rows] == [
        (area, goal) for area, _, goal in GENERIC_GOALS for _ in (1, 2)
    ]
    assert all(row.responsible == ("Verksamhetschef", "Processledare") for row in rows)
    assert all(row.timeframe == ("2029",) for row in rows)
    assert [row.status for row in rows] == [("Pågår",), ()] * 3  # "avslutad" in text: no status
    numbers = ["1", "2"] if "Nr" in header else [None, None]
    assert [row.goal_number for row in rows] == numbers * 3


_open = pages_module.open_pdf


def test_each_page_is_read_once_within_the_memory_budget(monkeypatch):
    """The first pass keeps the pages it read (up to `kept_words` words) and the second pass
    reads only the pages after them; the rows are the same whatever the budget."""
    pdf = VARIANTS / "d01-skane-vastragotaland.pdf"
    first = scan(pdf)
    assert len(first.pages) == first.n_pages  # a short plan is read once
    opened = []
    monkeypatch.setattr(pages_module, "open_pdf", lambda path: opened.append(path) or _open(path))
    list(read_pages(pdf, first))
    assert opened == []
    small = PdfSettings(kept_words=300)
    assert 0 < len(scan(pdf, small).pages) < first.n_pages
    monkeypatch.undo()
    rows = [row.activities for row in read_pdf_plan(pdf)[2]]
    assert [row.activities for row in read_pdf_plan(pdf, small)[2]] == rows


@pytest.mark.parametrize("ruled", [True, False])
def test_a_goal_merged_over_short_rows_is_whole_in_each_of_them(tmp_path, ruled):
    """A goal merged over rows shorter than its text runs past the first row's lower border,
    which is drawn in the other columns but not under the merged cell: the border cuts no
    cell it does not cross, so every row the goal spans has all of it. Without rules, the
    goal's paragraph runs on past the next row's start and stays whole."""
    goal = "Fler deltar i screening för cancer i länet bland alla vuxna"
    rows = tuple(
        {"number": str(i), "goal": goal, "activities": f"Insats {i}", "responsible": "HR"}
        for i in (1, 2, 3)
    )
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2029, Region Värmland",
        (FixtureTable(rows, (Block("Målområde 1 – Prevention", heading=True),)),),
        header=("Nr", "Mål", "Insats", "Ansvar"),
        widths=(40, 90, 200, 185),
        ruled=ruled,
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert [(" ".join(row.goal.split()), row.activities) for row in parsed.rows] == [
        (goal, (f"Insats {i}",)) for i in (1, 2, 3)
    ]


@pytest.mark.parametrize(
    "goals",
    [
        ("Mål 1: Minskad tobaksrökning bland vuxna", "Mål 2: Fler deltar i screening"),
        # a goal long enough to wrap across the table's width
        (
            "Mål 1: Minskad tobaksrökning bland vuxna i hela länet under planperioden, särskilt "
            "bland unga vuxna och bland personer med låg inkomst i alla länets kommuner",
            "Mål 2: Fler deltar i screening",
        ),
    ],
)
@pytest.mark.parametrize(("ruled", "padding"), [(True, 3.0), (False, 3.0), (True, 0.0)])
def test_a_goal_stated_in_a_row_across_the_table_heads_the_rows_below_it(
    tmp_path, goals, ruled, padding
):
    """A table without a goal column may state each goal in a row of one cell across its
    width ("Mål 1: …"): the rows below it have that goal, though they touch it (Word's table
    style sets no space after a paragraph)."""
    rows = []
    for goal in goals:
        rows.append({"across": goal})
        rows += [
            {"activities": f"Insats {i} för målet", "responsible": "HR", "timeframe": "2029"}
            for i in (1, 2)
        ]
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2029, Region Värmland",
        (FixtureTable(tuple(rows), (Block("Målområde 1 – Prevention", heading=True),)),),
        header=("Aktivitet", "Ansvarig", "Tidsplan"),
        ruled=ruled,
        row_padding=padding,
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    stated = [goal.split(": ", 1)[1] for goal in goals]
    assert [(" ".join(row.goal.split()), row.activities) for row in parsed.rows] == [
        (goal, (f"Insats {i} för målet",)) for goal in stated for i in (1, 2)
    ]


@pytest.mark.parametrize(
    "header",
    [
        ("Mål", "Aktivitet", "Ansvar och tidsplan", "Status"),
        ("Mål", "Aktivitet", "Ansvarig", "Tid och status"),
    ],
)
def test_a_column_of_two_labels_joined_by_och_fills_both_cells(tmp_path, header):
    """ "Ansvar och tidsplan", "Tid och status": one column whose actors, time entries and
    status words go to their own cells."""
    rows = tuple(
        {
            "goal": f"Mål {i} för en bättre vård",
            "activities": f"Insats {i} för målet",
            "responsible": "Verksamhetschef",
            "timeframe": "2029",
            "status": "Pågår",
        }
        for i in (1, 2)
    )
    before = (Block("Målområde 1 – Prevention", heading=True),)
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2029, Region Värmland",
        (FixtureTable(rows, before),),
        header=header,
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert [(row.responsible, row.timeframe, row.status) for row in parsed.rows] == [
        (("Verksamhetschef",), ("2029",), ("Pågår",))
    ] * 2


@pytest.mark.parametrize("font_size", [8.5, 11.0])
def test_an_unruled_table_in_large_type_keeps_its_rows(tmp_path, font_size):
    """Without rules a row starts after a gap in the key column; in a larger type the cells'
    padding is a smaller share of a line, so the gap is measured against the leading too."""
    goals = ("Minskad tobaksrökning bland vuxna i länet", "Kortare väntetider till behandling")
    rows = tuple(
        {
            "goal": goals[i // 2],
            "activities": f"• Insats {i} i primärvården\n• Uppföljning {i} varje kvartal",
            "responsible": "Verksamhetschef",
            "timeframe": "2027",
        }
        for i in range(4)
    )
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2029, Region Värmland",
        (FixtureTable(rows, (Block("Målområde 1 – Prevention", heading=True),)),),
        header=("Mål", "Aktivitet", "Ansvarig", "Tidsplan"),
        ruled=False,
        font_size=font_size,
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert [(" ".join(row.goal.split()), len(row.activities)) for row in parsed.rows] == [
        (goals[i // 2], 2) for i in range(4)
    ]


def test_goals_stated_above_tables_in_larger_type_than_the_cells(tmp_path):
    """Cells in 7 pt under "Mål: …" paragraphs in 9 pt that wrap, and a header in 8.5 pt
    repeated on the next page: the goal's second line and the header are no headings (which
    would end the goal or the table), so every row keeps its goal."""
    goals = [
        f"Minskad tobaksrökning bland vuxna i länet genom samordnade insatser i hela "
        f"vårdkedjan och i alla kommunerna ({n})"
        for n in range(1, 7)
    ]
    tables = tuple(
        FixtureTable(
            tuple(
                {
                    "activities": f"• Insats {n}.{i} i primärvården\n• Uppföljning varje kvartal",
                    "responsible": "Verksamhetschef",
                    "timeframe": "2027",
                    "status": "Pågår",
                }
                for i in (1, 2, 3)
            ),
            (Block(f"Mål: {goal}"),),
        )
        for n, goal in enumerate(goals, 1)
    )
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2029, Region Värmland",
        tables,
        header=("Aktivitet", "Ansvarig", "Tidsplan", "Status"),
        font_size=7.0,
        running_head="Region Värmland – Handlingsplan cancer 2029",
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert max(row.page_end for row in parsed.rows) > 1  # the tables run over a page break
    assert [" ".join(row.goal.split()) for row in parsed.rows] == [g for g in goals for _ in "123"]


def test_a_table_set_larger_than_the_text_around_it_keeps_its_rows(tmp_path):
    """Cells in 11 pt on a page of 9 pt text: the table's rows are no headings (a heading is
    larger than the table's own cells, not than the page's text)."""
    text = " ".join(["Regionen arbetar vidare med planen under året."] * 40)
    rows = tuple(
        {"goal": f"Mål nummer {i} för länet", "activities": f"Insats {i}", "responsible": "HR"}
        for i in (1, 2, 3)
    )
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2029, Region Värmland",
        (FixtureTable(rows, (Block(text), Block("Målområde 1 – Prevention", heading=True))),),
        header=("Mål", "Aktivitet", "Ansvarig"),
        font_size=11.0,
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert [row.activities for row in parsed.rows] == [(f"Insats {i}",) for i in (1, 2, 3)]


def _line(*words: tuple[str, float, float]) -> TextLine:
    return TextLine(
        1, tuple(Word(text, x0, x1, 100.0, 110.0, 10.0, False) for text, x0, x1 in words)
    )


def test_a_sentence_across_the_columns_resumes_no_table():
    """Below a heading a table may go on without its header, but a goal's sentence printed
    across the page ("Nationellt mål: …") fits the columns by chance: its words go on a word
    space apart where they pass a column's edge; a row's cells stand apart."""
    columns = (ColumnBox("goal", 0, 100), ColumnBox("activities", 100, 200))
    sentence = _line(("Nationellt", 0, 48), ("mål:", 51, 70), ("RCC", 73, 98), ("bidrar", 101, 130))
    row = _line(("Öka", 0, 20), ("deltagandet", 23, 80), ("•", 106, 110), ("Utbilda", 113, 150))
    assert runs_across(sentence, columns, PdfSettings())
    assert not runs_across(row, columns, PdfSettings())
    # a word straddling the edge (pdftotext -layout's goal line under its columns' labels)
    straddling = _line(("och", 80, 92), ("de", 95, 104), ("närstående.", 107, 140))
    assert runs_across(straddling, columns, PdfSettings())


def test_a_narrow_table_set_in_from_the_margins_is_cut_by_its_rules_in_every_column(tmp_path):
    """A table narrower than the page stands in from its margins: its first column's box runs
    from the page's left edge, its last column's to the right edge, yet the rules under each
    row cut them (a rule is looked for inside a column's cells, under its label)."""
    rows = [
        {"activities": f"Insats {i} för målet", "responsible": f"Enhet {i}", "timeframe": year}
        for i, year in enumerate(("2027", "2028", "2029"), 1)
    ]
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2027, Region Värmland",
        (FixtureTable(tuple(rows), (Block("Målområde 1 – Prevention", heading=True),)),),
        header=("Aktivitet", "Ansvarig", "Tidsplan"),
        widths=(90.0, 90.0, 60.0),  # a table centred on the page, far in from its margins
        row_padding=0.0,  # rows that touch: only the rules set them apart
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert [(row.activities, row.responsible, row.timeframe) for row in parsed.rows] == [
        ((f"Insats {i} för målet",), (f"Enhet {i}",), (year,))
        for i, year in enumerate(("2027", "2028", "2029"), 1)
    ]


def test_a_status_column_keeps_words_outside_the_vocabulary_as_written(tmp_path):
    """A status column may say what the status vocabulary does not list ("Försenad", a traffic
    light): the words are kept as written, their value unknown, rather than dropped."""
    statuses = ("Pågår", "Försenad", "Grön")
    rows = [
        {"activities": f"Insats {i} för målet", "responsible": "HR", "status": status}
        for i, status in enumerate(statuses, 1)
    ]
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2027, Region Värmland",
        (FixtureTable(tuple(rows), (Block("Målområde 1 – Prevention", heading=True),)),),
        header=("Aktivitet", "Ansvarig", "Status"),
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert [(row.status_raw, row.status) for row in parsed.records] == [
        (("Pågår",), "ongoing"),
        (("Försenad",), "unknown"),
        (("Grön",), "unknown"),
    ]


def test_a_header_qualifying_its_labels_in_brackets_is_read(tmp_path):
    """Labels qualified in brackets ("Ansvarig (funktion)", wrapped over two lines in a narrow
    column) name their columns as the labels alone do."""
    rows = [
        {"goal": f"Mål {i}", "activities": f"Insats {i} för målet", "responsible": "HR"}
        for i in (1, 2)
    ]
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2027, Region Värmland",
        (FixtureTable(tuple(rows), (Block("Målområde 1 – Prevention", heading=True),)),),
        header=("Delmål (vad vill vi uppnå)", "Aktivitet (vad ska göras)", "Ansvarig (funktion)"),
        widths=(90.0, 110.0, 90.0),
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert [(row.goal, row.activities, row.responsible) for row in parsed.rows] == [
        (f"Mål {i}", (f"Insats {i} för målet",), ("HR",)) for i in (1, 2)
    ]


@pytest.mark.parametrize("ruled", [True, False])
def test_a_title_row_repeated_with_the_header_on_each_page_does_not_end_the_table(tmp_path, ruled):
    """A table may carry its title in a row above the header ("Målområde 2 – …"), which Word
    repeats with the header on each page: there it goes on the table (a row the page break cut
    stays whole) instead of opening a new one."""
    long = " ".join(["Insatsen beskrivs här i flera meningar som fyller cellen."] * 6)
    titles = ("Prevention och tidig upptäckt", "Kompetensförsörjning", "Barn och unga")
    tables = tuple(
        FixtureTable(
            tuple(
                {
                    "goal": f"Mål {area}.{i}",
                    "activities": f"Insats {i}. {long}",
                    "responsible": "HR",
                }
                for i in range(1, 7)
            ),
            title=f"Målområde {area} – {title}",
        )
        for area, title in zip((1, 4, 10), titles, strict=True)
    )
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2027, Region Värmland",
        tables,
        header=("Mål", "Aktivitet", "Ansvarig"),
        ruled=ruled,
        font_size=11.0,
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert sum(row.page_end > row.page_start for row in parsed.rows) >= 3  # rows cut by pages
    assert [(row.goal, row.activities[0][:9]) for row in parsed.rows] == [
        (f"Mål {area}.{i}", f"Insats {i}.") for area in (1, 4, 10) for i in range(1, 7)
    ]
    assert [record.area_id for record in parsed.records] == [1] * 6 + [4] * 6 + [10] * 6


def test_a_goal_set_as_large_as_a_heading_is_the_goal_not_the_section(tmp_path):
    """A "Mål: …" paragraph above a table may be set as large as a heading: it is the rows'
    goal, and their section stays the heading above it."""
    rows = ({"activities": "Insats för målet", "responsible": "HR", "timeframe": "2027"},)
    before = (
        Block("Målområde 1 – Prevention och tidig upptäckt", heading=True),
        Block("HUDCANCER", heading=True),
        Block("Mål: Minskat insjuknande i hudcancer", heading=True),
    )
    plan = FixturePlan(
        "generic",
        "Handlingsplan 2027, Region Värmland",
        (FixtureTable(rows, before),),
        header=("Aktivitet", "Ansvarig", "Tidsplan"),
    )
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert [(r.area_id, r.section, r.goal) for r in parsed.records] == [
        (1, "HUDCANCER", "Minskat insjuknande i hudcancer")
    ]
