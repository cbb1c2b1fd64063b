"""Score the metrics a document reports against hand annotations (`gold/metrics/*.jsonl`, see
the annotation guide): a metric is found when a predicted one has the same value, unit and year
and a close indicator (a content word in common: the same word, or the same first six letters,
of three letters or more and not a stop word). Each gold metric matches at most one prediction.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from normalize.metrics import MetricRecord
from pipelines.evaluate import precision_recall_f1
from pipelines.ingest import parse_file

STOP_WORDS = frozenset(  # Swedish function words: no evidence that two indicators agree
    [
        "och",
        "att",
        "som",
        "för",
        "med",
        "den",
        "det",
        "har",
        "hos",
        "inom",
        "från",
        "till",
        "av",
        "på",
        "om",
        "är",
        "en",
        "ett",
        "de",
        "ska",
        "alla",
        "all",
        "där",
        "när",
        "var",
        "vid",
    ]
)
MIN_F1 = 0.90  # value, unit and year found
MIN_TARGET = 0.90  # is_target right, of the metrics found
PREFIX = 6  # letters two inflected forms of a Swedish word share ("omfattar", "omfattas")


def _content(text: str) -> set[str]:
    words = {word.lower() for word in re.findall(r"[^\W\d_]{3,}", text)}
    return {word[:PREFIX] for word in words - STOP_WORDS}


def close(indicator: str, gold: str) -> bool:
    """Whether two indicators speak of the same thing (a content word in common)."""
    return bool(_content(indicator) & _content(gold))


@dataclass
class MetricScore:
    name: str
    gold: int
    predicted: int
    found: int = 0
    targets_right: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return precision_recall_f1(self.found, self.gold, self.predicted)[0]

    @property
    def recall(self) -> float:
        return precision_recall_f1(self.found, self.gold, self.predicted)[1]

    @property
    def f1(self) -> float:
        return precision_recall_f1(self.found, self.gold, self.predicted)[2]

    @property
    def target_accuracy(self) -> float:
        return self.targets_right / self.found if self.found else 0.0

    def failures(self) -> list[str]:
        """The done-when floors of the metrics (issue #14) this file is below."""
        found = [
            f"{self.name}: metrics F1 {self.f1:.3f} < {MIN_F1}" if self.f1 < MIN_F1 else "",
            f"{self.name}: is_target right {self.target_accuracy:.3f} < {MIN_TARGET}"
            if self.target_accuracy < MIN_TARGET
            else "",
        ]
        return [failure for failure in found if failure]

    def line(self) -> str:
        return (
            f"| {self.name} | {self.gold} | {self.predicted} | {self.precision:.3f} | "
            f"{self.recall:.3f} | {self.f1:.3f} | {self.target_accuracy:.3f} |"
        )


def _matches(gold: dict, metric: MetricRecord) -> bool:
    return (
        abs(metric.value - float(gold["value"])) < 1e-6
        and metric.unit == gold["unit"]
        and metric.year == gold.get("year")
        and close(metric.indicator, gold["indicator"])
    )


def score_metrics(gold_path: Path, raw_dir: Path) -> MetricScore:
    """Score the metrics of the document a gold file annotates (its `doc`, in `raw_dir`)."""
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]
    predicted = list(parse_file(raw_dir / gold[0]["doc"]).metrics)
    score = MetricScore(gold_path.name, len(gold), len(predicted))
    unused = list(predicted)
    for entry in gold:
        match = next((metric for metric in unused if _matches(entry, metric)), None)
        if match is None:
            score.missed.append(f"{entry['id']}: {entry['value']} {entry['unit']} {entry['text']}")
            continue
        unused.remove(match)
        score.found += 1
        score.targets_right += match.is_target == bool(entry.get("is_target"))
    return score


def evaluate_metrics(gold_dir: Path, raw_dir: Path) -> list[MetricScore]:
    """Score every metrics gold file of `gold_dir/metrics`."""
    return [score_metrics(path, raw_dir) for path in sorted((gold_dir / "metrics").glob("*.jsonl"))]


def format_metrics(scores: list[MetricScore]) -> str:
    header = "| metrics file | gold | pred | P | R | F1 | is_target right |\n" + "|---" * 7 + "|"
    return "\n".join([header, *(score.line() for score in scores)])
