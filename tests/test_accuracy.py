"""The parsers must keep their accuracy on the hand-made gold (tests/data/gold, from issue #2)."""

import pytest

from pipelines.evaluate import Thresholds, evaluate
from tests.conftest import GOLD, RAW

SCORES = {score.name: score for score in evaluate(GOLD, RAW)}
DOUBLED = {score.name: score for score in evaluate(GOLD, RAW, "doubled_blank_lines")}


def test_every_gold_file_is_scored():
    assert set(SCORES) == {path.name for path in GOLD.glob("*.jsonl")}


@pytest.mark.parametrize("name", sorted(SCORES))
def test_gold_file_meets_thresholds(name):
    score = SCORES[name]
    assert score.gold > 0 and score.predicted > 0
    assert score.failures(Thresholds()) == []


@pytest.mark.parametrize("name", sorted(DOUBLED))
def test_doubled_blank_lines_parse_as_well(name):
    """Another PDF-to-text tool may print two blank lines where this one printed one."""
    assert DOUBLED[name].failures(Thresholds()) == []
