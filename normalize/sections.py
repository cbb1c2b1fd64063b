"""The sections of an annual report: every heading with its area, its page and line span, and the
work-done items (the report_item rows) under it.

A heading is found by the report layout's own rule (`extract/layouts/arsrapport.is_heading`);
its section runs to the next heading. The area comes from the heading vocabulary
(`data/heading_areas.tsv`), else from the area word rules (`data/text_areas.tsv`) on the heading
and the section's first lines (`area_source` says which, with the rules' share of the votes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.document import Document, Line
from extract.layouts.arsrapport import is_heading
from normalize.areas import area_for_heading
from normalize.classify import rule_votes
from normalize.records import ActivityRecord, Provenance, stable_id
from normalize.version import PIPELINE_VERSION

REPORT_ITEM = "report_item"
REPORT_TYPE = "årsrapport"  # the document type whose headings are sections
CONTEXT_LINES = 6  # the section's first lines the area model reads beside its heading


@dataclass(frozen=True)
class SectionRecord:
    """One heading of an annual report: a row of `output/sections`."""

    section_id: str
    doc_id: str
    source_file: str
    region: str | None
    heading: str
    area_id: int | None
    area_source: str  # heading (the vocabulary), rules (the word rules), or unresolved
    area_confidence: float
    items: tuple[str, ...]  # the work-done items listed under it (report_item activities)
    page_start: int
    page_end: int
    line_start: int
    line_end: int
    pipeline_version: str


def headings(lines: Sequence[Line]) -> list[int]:
    """Indexes of the heading lines."""
    return [
        index
        for index, line in enumerate(lines)
        if not line.is_blank and is_heading(lines[index - 1] if index else None, line)
    ]


def _area(heading: str, body: Sequence[Line]) -> tuple[int | None, str, float]:
    """From the heading vocabulary, else from the word rules on the heading and the section's
    first lines (the area model is not loaded for this: its 2 s start-up would double the time
    of a report's ingest, for one heading more of 31 on the annotated report)."""
    if (area := area_for_heading(heading)) is not None:
        return area, "heading", 1.0
    context = " ".join([heading, *(line.stripped for line in body if not line.is_blank)])
    votes = rule_votes(context)
    if not votes:
        return None, "unresolved", 0.0
    area, count = votes.most_common(1)[0]
    return area, "rules", count / sum(votes.values())


def section_records(
    document: Document, records: Sequence[ActivityRecord], source: Provenance
) -> list[SectionRecord]:
    """The sections of an annual report, from its text lines or a PDF's (headings by type)."""
    lines = document.lines
    starts = headings(lines)
    sections: list[SectionRecord] = []
    for start, stop in zip(starts, [*starts[1:], len(lines)], strict=True):
        heading, body = lines[start], lines[start + 1 : stop]
        last = next((line for line in reversed(body) if not line.is_blank), heading)
        area, area_source, confidence = _area(heading.stripped, body[: CONTEXT_LINES * 2])
        items = tuple(
            record.activity_raw or ""
            for record in records
            if record.kind == REPORT_ITEM
            and record.activity_raw
            and heading.number <= record.line_start <= last.number
        )
        sections.append(
            SectionRecord(
                stable_id(source.doc_id, "section", heading.number),
                source.doc_id,
                source.source_file,
                source.region,
                heading.stripped,
                area,
                area_source,
                confidence,
                items,
                heading.page,
                last.page,
                heading.number,
                last.number,
                PIPELINE_VERSION,
            )
        )
    return sections
