"""The parsers must keep their accuracy on the hand-made gold (tests/data/gold, from issue #2)."""

import pytest

from pipelines.evaluate import Thresholds, evaluate
from tests.conftest import GOLD, RAW

SCORES = {score.name: score for score in evaluate(GOLD, RAW)}


def test_every_gold_file_is_scored():
    assert set(SCORES) == {path.name for path in GOLD.glob("*.jsonl")}


@pytest.mark.parametrize("name", sorted(SCORES))
def test_gold_file_meets_thresholds(name):
    score = SCORES[name]
    assert score.gold > 0 and score.predicted > 0
    assert score.failures(Thresholds()) == []
