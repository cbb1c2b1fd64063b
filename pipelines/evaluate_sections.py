"""Score an annual report's sections against hand annotations (`gold/sections/*.jsonl`, see the
annotation guide): headings matched by their text, the area of each matched heading (its
`area_alt` also counts), and the work-done items under the headings (each gold item matched by
its text to at most one item of the same heading)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from normalize.sections import SectionRecord
from pipelines.evaluate import MATCH_THRESHOLD, precision_recall_f1, similarity
from pipelines.ingest import parse_file

MIN_HEADING_F1 = 0.95
MIN_AREA = 0.90
MIN_ITEMS_F1 = 0.90


@dataclass
class SectionScore:
    name: str
    headings: tuple[int, int, int] = (0, 0, 0)  # found, gold, predicted
    areas_right: int = 0
    items: tuple[int, int, int] = (0, 0, 0)
    missed: list[str] = field(default_factory=list)

    @property
    def heading_f1(self) -> float:
        return precision_recall_f1(*self.headings)[2]

    @property
    def area_accuracy(self) -> float:
        return self.areas_right / self.headings[0] if self.headings[0] else 0.0

    @property
    def items_f1(self) -> float:
        return precision_recall_f1(*self.items)[2]

    def failures(self) -> list[str]:
        checks = [
            ("heading F1", self.heading_f1, MIN_HEADING_F1),
            ("area", self.area_accuracy, MIN_AREA),
            ("work-done items F1", self.items_f1, MIN_ITEMS_F1),
        ]
        return [f"{self.name}: {name} {value:.3f} < {floor}" for name, value, floor in checks
                if value < floor]  # fmt: skip

    def line(self) -> str:
        return (
            f"| {self.name} | {self.headings[1]} | {self.headings[2]} | {self.heading_f1:.3f} | "
            f"{self.area_accuracy:.3f} | {self.items[1]} | {self.items[2]} | {self.items_f1:.3f} |"
        )


def _items_found(gold: list[str], predicted: list[str]) -> int:
    unused, found = list(predicted), 0
    for item in gold:
        match = next((p for p in unused if similarity(item, p) >= MATCH_THRESHOLD), None)
        if match is not None:
            unused.remove(match)
            found += 1
    return found


def read_gold(gold_path: Path) -> list[dict]:
    """The section records of a gold file."""
    return [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]


def score_sections(gold_path: Path, raw_dir: Path, source: Path | None = None) -> SectionScore:
    """Score the sections of the report a gold file annotates (its `doc`, in `raw_dir`), or
    of `source`: the same report in another form (a PDF of it)."""
    gold = read_gold(gold_path)
    source = source or raw_dir / gold[0]["doc"]
    predicted: list[SectionRecord] = list(parse_file(source).sections)
    score = SectionScore(source.name if source.name != gold[0]["doc"] else gold_path.name)
    unused = list(predicted)
    found = areas = items_found = 0
    for entry in gold:
        match = next(
            (s for s in unused if similarity(entry["heading"], s.heading) >= MATCH_THRESHOLD), None
        )
        if match is None:
            score.missed.append(f"{entry['id']}: {entry['heading']}")
            continue
        unused.remove(match)
        found += 1
        areas += match.area_id in (entry["area_id"], *entry.get("area_alt", []))
        items_found += _items_found(entry["bullets"], list(match.items))
    score.headings = (found, len(gold), len(predicted))
    score.areas_right = areas
    gold_items = sum(len(entry["bullets"]) for entry in gold)
    score.items = (items_found, gold_items, sum(len(s.items) for s in predicted))
    return score


def evaluate_sections(gold_dir: Path, raw_dir: Path) -> list[SectionScore]:
    """Score every sections gold file of `gold_dir/sections`."""
    return [score_sections(p, raw_dir) for p in sorted((gold_dir / "sections").glob("*.jsonl"))]


def format_sections(scores: list[SectionScore]) -> str:
    header = (
        "| sections file | gold | pred | heading F1 | area | gold items | pred items | items F1 |"
        "\n" + "|---" * 8 + "|"
    )
    return "\n".join([header, *(score.line() for score in scores)])
