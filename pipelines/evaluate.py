"""Accuracy against the hand-made gold rows: row precision/recall/F1 and per-field accuracy.

A gold row counts as found when a predicted row of the same document matches it on both goal
and activity text: each compared after folding (lower case, letters and digits only) with a
similarity of at least `MATCH_THRESHOLD` (rapidfuzz ratio), one predicted row per gold row.
Precision counts the predicted rows inside the line range the gold file annotates. Time entries
compare by the period and recurrence they mean ("Under 2024" = "2024"), other sets by folded text.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from extract.errors import InputError
from extract.reader import document_from_bytes
from normalize.classify import (
    AreaClassifier,
    AreaExample,
    area_text,
    rule_votes,
    train_classifier,
)
from normalize.records import ActivityRecord
from normalize.text import match_key
from normalize.time import parse_time
from pipelines.ingest import ParsedDocument, parse_document, parse_file
from pipelines.text_forms import FORMS, LAYOUT_VARIANTS, TEXT_TOOLS

MATCH_THRESHOLD = 0.90


@dataclass(frozen=True)
class Thresholds:
    """Floors of the accuracy report."""

    row_f1: float = 0.95
    area_accuracy: float = 0.97
    responsible_f1: float = 0.90
    timeframe_f1: float = 0.0
    status_f1: float = 0.0


PER_FILE = Thresholds()  # each annotated document (issue #2)
POOLED = Thresholds(  # all gold rows together (issue #4)
    area_accuracy=0.98, responsible_f1=0.95, timeframe_f1=0.95, status_f1=0.97
)


@dataclass(frozen=True)
class PredictedRow:
    """A predicted source row, put together from its activity records."""

    row_id: str
    line_start: int
    line_end: int
    area_id: int | None
    goal: str
    goal_number: str | None
    rcc_activity: str
    activities: tuple[str, ...]
    responsible: tuple[str, ...]
    timeframe: tuple[str, ...]
    status: tuple[str, ...]


def precision_recall_f1(found: int, gold: int, predicted: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of `found` matches among `predicted` items and `gold` ones
    (0 where there is nothing to divide by)."""
    precision = found / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    total = precision + recall
    return precision, recall, (2 * precision * recall / total if total else 0.0)


@dataclass
class SetScore:
    """Micro-averaged precision/recall over sets of strings, and exact-set accuracy."""

    true_positives: int = 0
    predicted: int = 0
    expected: int = 0
    exact: int = 0
    pairs: int = 0

    def add(
        self, predicted: list[str], expected: list[str], key: Callable[[str], object] = match_key
    ) -> None:
        p, e = {key(x) for x in predicted} - {""}, {key(x) for x in expected} - {""}
        self.true_positives += len(p & e)
        self.predicted += len(p)
        self.expected += len(e)
        self.exact += p == e
        self.pairs += 1

    def absorb(self, other: SetScore) -> None:
        """Add another score's counts to this one (micro-averaging)."""
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.expected += other.expected
        self.exact += other.exact
        self.pairs += other.pairs

    @property
    def f1(self) -> float:
        if not self.predicted and not self.expected:
            return 1.0
        return 2 * self.true_positives / (self.predicted + self.expected)

    @property
    def accuracy(self) -> float:
        return self.exact / self.pairs if self.pairs else 1.0


@dataclass
class FileScore:
    """The scores of one gold file."""

    name: str
    document: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    field_totals: Counter[str] = field(default_factory=Counter)
    sets: dict[str, SetScore] = field(default_factory=lambda: defaultdict(SetScore))
    missed: list[str] = field(default_factory=list)
    layout: str | None = None  # the layout that read the file (rendered plans)

    @property
    def precision(self) -> float:
        return precision_recall_f1(self.matched, self.gold, self.predicted)[0]

    @property
    def recall(self) -> float:
        return precision_recall_f1(self.matched, self.gold, self.predicted)[1]

    @property
    def f1(self) -> float:
        return precision_recall_f1(self.matched, self.gold, self.predicted)[2]

    def accuracy(self, name: str) -> float:
        total = self.field_totals[name]
        return self.fields[name] / total if total else 1.0

    def failures(self, thresholds: Thresholds) -> list[str]:
        checks = {
            "row F1": (self.f1, thresholds.row_f1),
            "area accuracy": (self.accuracy("area"), thresholds.area_accuracy),
            "responsible F1": (self.sets["responsible"].f1, thresholds.responsible_f1),
            "time frame F1": (self.sets["timeframe"].f1, thresholds.timeframe_f1),
            "status F1": (self.sets["status"].f1, thresholds.status_f1),
        }
        return [
            f"{self.name}: {label} {value:.3f} < {floor:.2f}"
            for label, (value, floor) in checks.items()
            if value < floor
        ]


def pooled(scores: list[FileScore], name: str = "all gold") -> FileScore:
    """All gold files as one: counts added up, set scores micro-averaged."""
    total = FileScore(name, "")
    for score in scores:
        total.gold += score.gold
        total.predicted += score.predicted
        total.matched += score.matched
        total.fields.update(score.fields)
        total.field_totals.update(score.field_totals)
        for name, part in score.sets.items():
            total.sets[name].absorb(part)
    return total


def predicted_rows(records: tuple[ActivityRecord, ...]) -> list[PredictedRow]:
    grouped: dict[str, list[ActivityRecord]] = defaultdict(list)
    for record in records:
        grouped[record.row_id].append(record)
    rows = []
    for row_id, group in grouped.items():
        first = group[0]
        rows.append(
            PredictedRow(
                row_id=row_id,
                line_start=first.line_start,
                line_end=first.line_end,
                area_id=first.area_id,
                goal=first.goal_raw or "",
                goal_number=first.goal_number,
                rcc_activity=first.rcc_activity or "",
                activities=tuple(r.activity_raw for r in group if r.activity_raw),
                responsible=first.responsible,
                timeframe=first.timeframe_raw,
                status=first.status_raw,
            )
        )
    return rows


def time_key(entry: str) -> object:
    """Time entries compare by what they mean ("Under 2024" = "2024"), else by their text."""
    value = parse_time(entry)
    return (value.start, value.end, value.recurrence) if value.understood else match_key(entry)


def similarity(left: str, right: str) -> float:
    a, b = match_key(left), match_key(right)
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100


def _pair_score(gold: dict, row: PredictedRow) -> float | None:
    goal = similarity(gold["goal"] or "", row.goal)
    activity = similarity(" ".join(gold["activities"]), " ".join(row.activities))
    if goal < MATCH_THRESHOLD or activity < MATCH_THRESHOLD:
        return None
    return goal + activity


def match_rows(gold_rows: list[dict], rows: list[PredictedRow]) -> dict[int, PredictedRow]:
    """One-to-one matches (gold index -> predicted row), best pairs first."""
    candidates = []
    for g, gold in enumerate(gold_rows):
        for p, row in enumerate(rows):
            if (score := _pair_score(gold, row)) is not None:
                candidates.append((score, g, p))
    matched: dict[int, PredictedRow] = {}
    used: set[int] = set()
    for _, g, p in sorted(candidates, reverse=True):
        if g not in matched and p not in used:
            matched[g] = rows[p]
            used.add(p)
    return matched


def _score_fields(score: FileScore, gold: dict, row: PredictedRow) -> None:
    def check(name: str, ok: bool) -> None:
        score.fields[name] += ok
        score.field_totals[name] += 1

    check("area", row.area_id == gold["area_id"] or row.area_id in gold.get("area_alt", []))
    check("goal", match_key(row.goal) == match_key(gold["goal"]))
    check(
        "activities",
        Counter(map(match_key, row.activities)) == Counter(map(match_key, gold["activities"])),
    )
    if gold.get("goal_number"):
        check("goal_number", row.goal_number == gold["goal_number"])
    if gold.get("rcc_activity"):
        check("rcc_activity", match_key(row.rcc_activity) == match_key(gold["rcc_activity"]))
    score.sets["responsible"].add(list(row.responsible), gold["responsible"])
    score.sets["timeframe"].add(list(row.timeframe), gold["timeframe"], time_key)
    score.sets["status"].add(list(row.status), gold["status"])


def read_variant(path: Path, variant: str) -> tuple[ParsedDocument, dict[int, int]]:
    """Parse the file as the variant lays it out; also map each original line to its new number."""
    lines = path.read_text("utf-8").split("\n")
    numbered = LAYOUT_VARIANTS[variant](lines)
    document = document_from_bytes("\n".join(text for _, text in numbered).encode(), path)
    line_map: dict[int, int] = {}
    for new, (old, _) in enumerate(numbered, 1):
        line_map.setdefault(old, new)
    for old in range(len(lines), 0, -1):  # a dropped line maps to the next line kept
        line_map.setdefault(old, line_map.get(old + 1, len(numbered)))
    return parse_document(document), line_map


def read_gold(gold_path: Path) -> list[dict]:
    return [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]


@dataclass
class AreaCheck:
    """Area from text alone on a set of rows: right answers of model + rules and of the model
    alone, out of `rows`."""

    rows: int = 0
    right: int = 0
    model: int = 0

    def add(self, classifier: AreaClassifier, text: str, areas: set[int]) -> None:
        scores, votes = classifier.model_scores(text), rule_votes(text)
        self.rows += 1
        self.right += classifier.decide(scores, votes)[0] in areas
        self.model += classifier.decide(scores, Counter())[0] in areas


@dataclass
class AreaReport:
    """Area from text alone, cross-validated by document: per gold file, and on the
    heading-decided rows outside the gold (the word rules were written with the gold in view;
    these rows were not)."""

    files: dict[str, AreaCheck]
    outside: AreaCheck

    @property
    def gold(self) -> AreaCheck:
        checks = self.files.values()
        return AreaCheck(
            *(sum(getattr(c, name) for c in checks) for name in ("rows", "right", "model"))
        )


def cross_validate_areas(gold_dir: Path, examples: list[AreaExample]) -> AreaReport:
    """Area from each gold row's text alone, headings withheld, with a model trained without
    the row's document; the same for the example rows outside the gold's line ranges."""
    gold_by_doc: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for path in sorted(gold_dir.glob("*.jsonl")):
        for gold in read_gold(path):
            gold_by_doc[gold["doc"]].append((path.name, gold))
    report = AreaReport(
        {name: AreaCheck() for name, _ in sum(gold_by_doc.values(), [])}, AreaCheck()
    )
    for doc in sorted({e.doc for e in examples} | set(gold_by_doc)):
        classifier = train_classifier(e for e in examples if e.doc != doc)
        for name, gold in gold_by_doc[doc]:
            text = area_text(gold["goal"], gold["activities"], gold.get("rcc_activity"))
            report.files[name].add(classifier, text, {gold["area_id"], *gold.get("area_alt", [])})
        spans = [gold["lines"] for _, gold in gold_by_doc[doc]]
        for example in examples:
            if example.doc == doc and not any(a <= example.line <= b for a, b in spans):
                report.outside.add(classifier, example.text, {example.area_id})
    return report


def score_file(gold_path: Path, raw_dir: Path, variant: str = "as_written") -> FileScore:
    gold_rows = read_gold(gold_path)
    document = gold_rows[0]["doc"]
    parsed, line_map = read_variant(raw_dir / document, variant)
    first = line_map[min(row["lines"][0] for row in gold_rows)]
    last = line_map[max(row["lines"][1] for row in gold_rows)]
    rows = [row for row in predicted_rows(parsed.records) if first <= row.line_start <= last]
    score = FileScore(gold_path.name, document, gold=len(gold_rows), predicted=len(rows))
    return _scored(
        score, gold_rows, rows, lambda g: f"{g['id']} lines {g['lines'][0]}-{g['lines'][1]}"
    )


def _scored(
    score: FileScore, gold_rows: list[dict], rows: list[PredictedRow], name: Callable[[dict], str]
) -> FileScore:
    """The score with its rows matched to the gold, fields scored and missed rows `name`d."""
    matched = match_rows(gold_rows, rows)
    score.matched = len(matched)
    for index, gold in enumerate(gold_rows):
        if index in matched:
            _score_fields(score, gold, matched[index])
        else:
            score.missed.append(name(gold))
    return score


ROW_KINDS = frozenset({"action_row", "national_goal", "regional_insats"})  # what the gold annotates
RENDERED = Thresholds(  # plans rendered from Word, read from their PDFs (issue #9)
    row_f1=0.97, area_accuracy=0.97, responsible_f1=0.95, status_f1=0.90
)


def score_rendered(gold_path: Path, source: Path) -> FileScore:
    """Score a whole rendered plan against its gold rows, matched by text (its gold's line
    numbers refer to nothing); a file that cannot be read scores no rows."""
    gold_rows = read_gold(gold_path)
    try:
        parsed = parse_file(source)
    except InputError as err:
        score = FileScore(source.name, source.name, gold=len(gold_rows), layout="unread")
        score.missed.append(f"the file was not read: {err}")
        return score
    records = tuple(record for record in parsed.records if record.kind in ROW_KINDS)
    rows = predicted_rows(records)
    score = FileScore(
        source.name,
        source.name,
        gold=len(gold_rows),
        predicted=len(rows),
        layout=parsed.detection.layout.name,
    )
    return _scored(score, gold_rows, rows, lambda g: f"{g['id']}: {' '.join(g['activities'])[:60]}")


def evaluate_rendered(variants_dir: Path, form: str) -> list[FileScore]:
    """Score every rendered plan of `variants_dir` read in `form`: one of FORMS (a stored file),
    or one of TEXT_TOOLS (its text extracted from the plan's PDF now, into a scratch folder)."""
    suffix = ".gold.jsonl"
    golds = sorted(variants_dir.glob(f"*{suffix}"))
    if form in FORMS:
        return [
            score_rendered(gold, gold.with_name(gold.name[: -len(suffix)] + FORMS[form]))
            for gold in golds
        ]
    scores = []
    with tempfile.TemporaryDirectory() as scratch:
        for gold in golds:
            stem = gold.name[: -len(suffix)]
            text = Path(scratch) / f"{stem}.{form}.txt"
            text.write_text(TEXT_TOOLS[form](gold.with_name(f"{stem}.pdf")), encoding="utf-8")
            scores.append(score_rendered(gold, text))
    return scores


def evaluate(gold_dir: Path, raw_dir: Path, variant: str = "as_written") -> list[FileScore]:
    """Score every `*.jsonl` gold file in `gold_dir` against the documents in `raw_dir`,
    laid out as `variant` (one of LAYOUT_VARIANTS)."""
    return [score_file(path, raw_dir, variant) for path in sorted(gold_dir.glob("*.jsonl"))]


FIELD_COLUMNS = ("area", "goal", "activities", "goal_number", "rcc_activity")
SET_COLUMNS = ("responsible", "timeframe", "status")


def format_report(
    scores: list[FileScore], areas: AreaReport | None = None, title: str = "gold file"
) -> str:
    """A plain-text table, one line per gold file and one for all together; with `areas`
    (from `cross_validate_areas`), its column and the area-from-text figures under the table.
    Rendered plans name the layout that read them."""
    head = [
        title,
        "gold",
        "pred",
        "P",
        "R",
        "F1",
        *(f"{name}" for name in FIELD_COLUMNS),
        *(f"{name} F1" for name in SET_COLUMNS),
        *(["area from text (CV)"] if areas else []),
    ]
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for s in [*scores, pooled(scores, "all gold" if title == "gold file" else "all files")]:
        cells = [
            f"{s.name} ({s.layout})" if s.layout else s.name,
            str(s.gold),
            str(s.predicted),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
        ]
        cells += [
            f"{s.accuracy(name):.3f}" if s.field_totals[name] else "–" for name in FIELD_COLUMNS
        ]
        cells += [f"{s.sets[name].f1:.3f}" if s.matched else "–" for name in SET_COLUMNS]
        if areas:
            check = areas.files.get(s.name, areas.gold)
            cells.append(f"{check.right / check.rows:.3f}" if check.rows else "–")
        lines.append(" | ".join(cells))
    table = "\n".join(f"| {line} |" for line in lines)
    if areas is None:
        return table
    return "\n".join(
        [
            table,
            "",
            "area from text alone (headings withheld), cross-validated by document "
            "(model trained without the row's document):",
            _area_line("gold rows", areas.gold),
            _area_line("heading-decided rows outside the gold", areas.outside),
        ]
    )


def _area_line(label: str, check: AreaCheck) -> str:
    if not check.rows:
        return f"  {label}: none"
    return (
        f"  {label} ({check.rows}): model + word rules {check.right / check.rows:.3f}, "
        f"model alone {check.model / check.rows:.3f}"
    )
