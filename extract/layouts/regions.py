"""Cut a document into table regions: the lines under a column header, with the headings above.

Used by layouts whose tables follow upper-case headings (Kronoberg, Skåne): the last heading
before a column header is the section, an earlier one in the same run is the chapter.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.columns import header_spans
from extract.document import Line
from extract.headings import is_upper_heading
from extract.text_tables import stray_labels


@dataclass(frozen=True)
class TableRegion:
    chapter: str | None
    section: str | None
    lines: tuple[Line, ...]
    status: str | None = None  # a status printed on the section heading's line, for its rows


def heading_parts(line: Line) -> tuple[str, str] | None:
    """(heading, rest of its line) if the line is an upper-case heading, else None.

    A status cell of the row above may share the heading's line after a wide gap
    ("BIOBANK     Pågår"); it is returned as the rest, and goes with the section's rows.
    """
    head, _, rest = line.stripped.partition("   ")
    if not is_upper_heading(head):
        return None
    return head, rest.strip()


def table_regions(lines: tuple[Line, ...]) -> list[TableRegion]:
    """Every table in the document (opened by any header the column vocabulary reads) with the
    chapter and section headings that govern it."""
    regions: list[TableRegion] = []
    headings: list[str] = []
    chapter: str | None = None
    section: str | None = None
    status: str | None = None  # from the heading line ("BIOBANK     Pågår")
    heading_status: str | None = None
    body: list[Line] | None = None
    spans = header_spans(lines)
    skip = 0
    for index, line in enumerate(lines):
        if skip:
            skip -= 1  # the lines a header wraps onto
            continue
        parts = heading_parts(line)
        resumes = body is None and bool(regions) and bool(headings)
        if index in spans or (resumes and stray_labels(line.stripped)):
            # a header, or under a heading part of one: a reading-order tool may print the
            # labels of a table that goes on below a heading apart ("Målbild" alone)
            skip = spans[index].n_lines - 1 if index in spans else 0
            if body is not None:
                regions.append(TableRegion(chapter, section, tuple(body), status))
            if len(headings) >= 2:
                chapter = headings[0]
            if headings:
                section, status = headings[-1], heading_status
            body, headings, heading_status = [], [], None
        elif parts:
            heading, rest = parts
            if body is not None:
                regions.append(TableRegion(chapter, section, tuple(body), status))
                body = None
            headings.append(heading)
            heading_status = rest or None
        elif body is not None:
            if not stray_labels(line.stripped):  # a header label printed among the cells
                body.append(line)
        elif headings and not line.is_blank:
            headings = []  # prose between a heading and the next table: not a table heading
    if body is not None:
        regions.append(TableRegion(chapter, section, tuple(body), status))
    return regions
