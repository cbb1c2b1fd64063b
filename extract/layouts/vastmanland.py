"""Region Västmanland verksamhetsplan.

One table per "<title>, Kapitel N" with six columns: Område | Uppdrag/Mål enligt RCC
Mellansverige | Aktivitet från RCC | Aktivitet i RV | Ansvarig-Tidsram | Status. Område and
Uppdrag/Mål are merged over several rows; in the flattened text their text ("3.a) Cancerprevention
Det övergripande målet är …") lands between the rows, just before the last row it spans. A row's
own cells follow each other: RCC activity, RV activity, responsible, separated by one blank line,
while rows are separated by several.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.cells import (
    Block,
    find_status,
    find_time_mentions,
    is_bullet,
    split_actors,
    split_capital_boundary,
    split_items,
    split_trailing_actor,
    starts_with_actor,
    to_blocks,
)
from extract.document import Document, Line
from extract.layouts.base import Layout, ParsedRow, Signature, cell_text, item_text, make_row

HEADER_RE = re.compile(r"^\s*Område\s+Uppdrag/Mål\s+enligt\s+RCC", re.I)
CHAPTER_RE = re.compile(r"^\s*(\S.*?,\s*Kapitel\s+\d+)\s*$")
MARKER_RE = re.compile(r"^\s*\d{1,2}\.(?:[a-z]\.?)?\)")  # "2.)", "3.a)", "4.c.)"
URL_RE = re.compile(r"^\s*https?://\S+\s*$")


@dataclass(frozen=True)
class VastmanlandSettings:
    row_gap: int = 2  # blank lines between two rows (cells of one row are one blank line apart)
    max_actor_words: int = 5  # words of an actor cell sharing a line with the activity
    min_area_chars: int = 3  # an Område label is at least this long before its goal starts


SETTINGS = VastmanlandSettings()


@dataclass(frozen=True)
class _Marker:
    """The merged Område and Uppdrag/Mål cells of a group of rows."""

    section: str
    goal: tuple[Line, ...]


@dataclass(frozen=True)
class _Row:
    cells: tuple[tuple[Line, ...], ...]


def _marker(blocks: list[Block], index: int) -> tuple[_Marker, int]:
    """Read the marker block at `index` (and the goal block after it when it stands apart)."""
    block = blocks[index]
    first = block.first
    head = split_capital_boundary(
        first, len(MARKER_RE.match(first.text).group(0)) + SETTINGS.min_area_chars
    )
    if len(head) == 2:
        return _Marker(head[0].stripped, (head[1], *block.lines[1:])), index + 1
    section = " ".join(line.stripped for line in block.lines)
    if index + 1 < len(blocks) and blocks[index + 1].gap_before < SETTINGS.row_gap:
        return _Marker(section, blocks[index + 1].lines), index + 2
    return _Marker(section, ()), index + 1


def _items(blocks: list[Block]) -> list[_Row | _Marker]:
    """Rows (blocks grouped by wide gaps) and markers, in document order."""
    items: list[_Row | _Marker] = []
    cells: list[tuple[Line, ...]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if MARKER_RE.match(block.first.text):
            if cells:
                items.append(_Row(tuple(cells)))
                cells = []
            marker, index = _marker(blocks, index)
            items.append(marker)
            continue
        if cells and block.gap_before >= SETTINGS.row_gap:
            items.append(_Row(tuple(cells)))
            cells = []
        cells.append(block.lines)
        index += 1
    if cells:
        items.append(_Row(tuple(cells)))
    return items


def _with_responsible_cell(cells: tuple[tuple[Line, ...], ...]) -> tuple[tuple[Line, ...], ...]:
    """A row without its responsible cell: look for it at the end of the activity's first line."""
    if len(cells) != 2:
        return cells
    first, *rest = cells[1]
    parts = split_trailing_actor(first, SETTINGS.max_actor_words)
    if len(parts) == 1:
        return cells
    return (cells[0], (parts[0],), (parts[1], *rest))


def _row(row: _Row, marker: _Marker | None, chapter: str | None) -> ParsedRow:
    cells = _with_responsible_cell(row.cells)
    rcc, activity, responsible = (list(cells) + [(), (), ()])[:3]
    extra = [line for cell in cells[3:] for line in cell]
    activity_lines = list(activity)
    activities = (
        [item_text(item) for item in split_items(activity_lines)]
        if activity_lines and is_bullet(activity_lines[0].text)
        else ([cell_text(activity_lines)] if activity_lines else [])
    )
    actors_cell = bool(responsible) and starts_with_actor(responsible[0].stripped)
    notes = [cell_text(extra)] if extra else []
    if responsible and not actors_cell:
        notes.insert(0, cell_text(responsible))
    written = "\n".join([*activities, *notes, cell_text(responsible)])
    goal = marker.goal if marker else ()
    return make_row(
        "action_row",
        [*goal, *(line for cell in cells for line in cell)],
        goal=cell_text(goal) or None,
        rcc_activity=cell_text(rcc) or None,
        activities=activities,
        responsible=split_actors([line.stripped for line in responsible]) if actors_cell else [],
        timeframe=find_time_mentions(written),
        status=find_status("\n".join(notes)),
        notes="\n".join(notes) or None,
        chapter=chapter,
        section=marker.section if marker else None,
    )


def _chapter_rows(lines: list[Line], chapter: str | None) -> list[ParsedRow]:
    items = _items(to_blocks(lines))
    rows: list[ParsedRow] = []
    previous: _Marker | None = None
    for position, item in enumerate(items):
        if isinstance(item, _Marker):
            previous = item
            continue
        before = items[position - 1] if position else None
        if isinstance(before, _Marker):
            marker = before
        else:
            marker = next((m for m in items[position + 1 :] if isinstance(m, _Marker)), previous)
        rows.append(_row(item, marker, chapter))
    return rows


def parse(document: Document) -> list[ParsedRow]:
    """Every row of every chapter table of a Västmanland verksamhetsplan."""
    rows: list[ParsedRow] = []
    chapter: str | None = None
    body: list[Line] | None = None
    for line in document.lines:
        if match := CHAPTER_RE.match(line.text):
            if body:
                rows.extend(_chapter_rows(body, chapter))
            chapter, body = match.group(1), None
        elif HEADER_RE.match(line.text):
            body = [] if body is None else body
        elif body is not None and chapter is not None and not URL_RE.match(line.text):
            body.append(line)
    if body:
        rows.extend(_chapter_rows(body, chapter))
    return rows


LAYOUT = Layout(
    name="region_vastmanland",
    description="Region Västmanland: six-column tables per 'Kapitel N' (Område | Uppdrag/Mål | "
    "Aktivitet från RCC | Aktivitet i RV | Ansvarig-Tidsram | Status) with merged cells",
    region="Region Västmanland",
    document_type="verksamhetsplan",
    signatures=(
        Signature("column header 'Område Uppdrag/Mål enligt RCC …'", HEADER_RE, 3.0),
        Signature("chapter headings '…, Kapitel N'", CHAPTER_RE, 1.0),
        Signature("Område labels '3.a)'", MARKER_RE, 1.0),
    ),
    parse=parse,
)
