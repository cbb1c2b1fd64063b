"""The parsers and normalisers must keep their accuracy on the hand-made gold (tests/data/gold)."""

import pytest

from normalize.classify import read_area_examples
from pipelines.evaluate import PER_FILE, POOLED, cross_validate_areas, evaluate, pooled
from tests.conftest import GOLD, RAW

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


def test_area_from_text_cross_validated_by_document():
    """Headings withheld, model trained without the row's document (word rules included)."""
    areas = cross_validate_areas(GOLD, read_area_examples())
    gold = areas.gold
    assert set(areas.files) == set(SCORES) and gold.rows == pooled(list(SCORES.values())).gold
    assert gold.right / gold.rows >= 0.85
    assert areas.outside.rows > 0 and gold.model / gold.rows >= 0.65
