"""The typed record of the shared schema, built from parsed rows with their provenance."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from extract.layout import ParsedRow
from normalize.actors import normalize_actor
from normalize.areas import areas, resolve_area
from normalize.status import status_of, trailing_status
from normalize.text import clean_text, flat_text
from normalize.time import combine, parse_time
from normalize.version import PIPELINE_VERSION


@dataclass(frozen=True)
class Provenance:
    """Where records come from: the document, its layout and region, and its own glossary."""

    doc_id: str
    source_file: str
    layout: str
    region: str | None
    glossary: Mapping[str, str] = field(default_factory=dict)
    known_words: frozenset[str] = frozenset()  # words the document spells whole


@dataclass(frozen=True)
class ActivityRecord:
    """One activity of one source row: a row of `output/activities`."""

    activity_id: str
    doc_id: str
    source_file: str
    region: str | None
    layout: str
    kind: str
    level: str | None
    row_id: str
    activity_index: int
    area_id: int | None
    area: str | None
    area_source: str
    area_confidence: float
    chapter: str | None
    section: str | None
    goal_number: str | None
    goal: str | None
    goal_raw: str | None
    rcc_activity: str | None
    activity: str | None
    activity_raw: str | None
    responsible: tuple[str, ...]
    responsible_normalized: tuple[str, ...]
    timeframe_raw: tuple[str, ...]
    time_start: date | None
    time_end: date | None
    time_precision: str | None
    recurrence: str | None
    status_raw: tuple[str, ...]
    status: str
    notes: str | None
    page_start: int
    page_end: int
    line_start: int
    line_end: int
    bbox: tuple[float, ...] | None
    pipeline_version: str


def stable_id(*parts: object) -> str:
    """A deterministic 16-hex-digit id from the given parts."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def row_records(row: ParsedRow, source: Provenance, repeat: int = 0) -> list[ActivityRecord]:
    """The records of one parsed row: one per activity, or one with no activity if it has none.
    `repeat` counts earlier rows of the document with the same kind and line span."""
    span = (source.doc_id, row.kind, row.level, row.line_start, row.line_end)
    row_id = stable_id(*span, repeat) if repeat else stable_id(*span)
    headings = replace(
        row,
        section=clean_text(row.section, source.known_words),
        chapter=clean_text(row.chapter, source.known_words),
    )  # a heading broken inside a narrow cell ("Kontaktsjuksköter skor") read whole
    area_id, area_source, area_confidence = resolve_area(headings)
    period = combine([parse_time(entry) for entry in row.timeframe])
    activities: tuple[str | None, ...] = row.activities or (None,)
    responsible = tuple(filter(None, (clean_text(actor) for actor in row.responsible)))
    normalized = tuple(
        dict.fromkeys(normalize_actor(a, source.glossary, source.known_words) for a in responsible)
    )
    records = []
    for index, raw in enumerate(activities):
        activity = clean_text(raw, source.known_words)
        ending = trailing_status(activity)
        records.append(
            ActivityRecord(
                activity_id=stable_id(row_id, index),
                doc_id=source.doc_id,
                source_file=source.source_file,
                region=source.region,
                layout=source.layout,
                kind=row.kind,
                level=row.level,
                row_id=row_id,
                activity_index=index,
                area_id=area_id,
                area=areas().get(area_id) if area_id else None,
                area_source=area_source,
                area_confidence=area_confidence,
                chapter=flat_text(row.chapter),
                section=flat_text(row.section),
                goal_number=row.goal_number,
                goal=clean_text(row.goal, source.known_words),
                goal_raw=flat_text(row.goal),
                rcc_activity=clean_text(row.rcc_activity, source.known_words),
                activity=activity,
                activity_raw=flat_text(raw),
                responsible=responsible,
                responsible_normalized=normalized,
                timeframe_raw=tuple(filter(None, (flat_text(t) for t in row.timeframe))),
                time_start=period.start,
                time_end=period.end,
                time_precision=period.precision,
                recurrence=period.recurrence,
                status_raw=row.status,
                status=status_of(ending or row.status),
                notes=clean_text(row.notes, source.known_words),
                page_start=row.page_start,
                page_end=row.page_end,
                line_start=row.line_start,
                line_end=row.line_end,
                bbox=tuple(round(value, 1) for value in row.bbox) if row.bbox else None,
                pipeline_version=PIPELINE_VERSION,
            )
        )
    return records


def document_records(rows: list[ParsedRow], source: Provenance) -> list[ActivityRecord]:
    """The records of a document's rows; rows that share a line span keep distinct ids."""
    seen: Counter[tuple[object, ...]] = Counter()
    records: list[ActivityRecord] = []
    for row in rows:
        span = (row.kind, row.level, row.line_start, row.line_end)
        records.extend(row_records(row, source, seen[span]))
        seen[span] += 1
    return records
