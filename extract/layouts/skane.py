"""Region Skåne action plan.

Upper-case headings, then tables "Målbild | Planerade aktiviteter | Ansvarig | Status". One goal
(Målbild) often spans several activity rows, so in the flattened text a row reads: goal (only on
its first row), activity, responsible actors, and perhaps a status word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.cells import (
    Block,
    find_status,
    find_time_mentions,
    is_actor_cell,
    is_bullet,
    is_status_cell,
    names_actor,
    split_actors,
    split_capital_boundary,
    split_items,
    split_trailing_actor,
    starts_with_actor,
    to_blocks,
)
from extract.document import Document, Line
from extract.layout import (
    LINE_ORDER,
    Layout,
    ParsedRow,
    Signature,
    TableSpec,
    cell_text,
    item_text,
    make_row,
)
from extract.layouts.regions import TableRegion, table_regions

CELL_GAP = "  "  # two spaces inside a line separate two cells


@dataclass(frozen=True)
class SkaneSettings:
    """Named tolerances of this layout's column widths, in characters."""

    max_cell_line: int = 55  # the widest line a single cell wraps to; longer lines hold two cells
    max_actor_words: int = 5  # an actor cell line has at most this many words
    max_unknown_actor_words: int = 3  # a cell not opening with an actor term: actors if this short
    min_goal_chars: int = 12  # a goal sharing a line with its activity is at least this long


SETTINGS = SkaneSettings()


def _split_wide(line: Line) -> list[Line]:
    """Split a line wider than one cell: an actor cell at its end, then a goal at its start."""
    if len(line.stripped) <= SETTINGS.max_cell_line:
        return [line]
    cells = split_trailing_actor(line, SETTINGS.max_actor_words)
    if len(cells) == 2:
        return [*_split_wide(cells[0]), cells[1]]
    return split_capital_boundary(line, SETTINGS.min_goal_chars)


def _cells(line: Line) -> list[Line]:
    """The cells sharing one line: split at wide gaps, then where a part is too wide."""
    parts = [part.strip() for part in line.stripped.split(CELL_GAP) if part.strip()]
    cells = [Line(line.number, line.page, part) for part in parts] or [line]
    return [piece for cell in cells for piece in _split_wide(cell)]


def _is_actor_line(text: str) -> bool:
    """A line of a responsible cell: it names an actor, or goes on with the one above."""
    return text[:1].islower() or starts_with_actor(text) or names_actor(text)


def _is_actor_block(lines: list[Line]) -> bool:
    """A responsible cell: actor names, each line a new actor or the rest of the one above."""
    text = cell_text(lines)
    return (
        is_actor_cell(text, SETTINGS.max_unknown_actor_words)
        and all(_is_actor_line(line.stripped) for line in lines[1:])
        and max(len(line.stripped.split()) for line in lines) <= SETTINGS.max_actor_words
        and not lines[-1].stripped.endswith(".")
    )


def _segments(block: Block) -> list[list[Line]]:
    """Split a block into cells: where a line holds two cells, or actor lines follow text."""
    segments: list[list[Line]] = [[]]
    for index, line in enumerate(block.lines):
        cells = _cells(line)
        if (
            len(cells) == 1
            and index
            and segments[-1]
            and not _is_actor_block(segments[-1])
            and _is_actor_block(block.lines[index:])
            and line.stripped[:1].isupper()
        ):
            segments.append([])
        for position, cell in enumerate(cells):
            if position:
                segments.append([])
            segments[-1].append(cell)
    return [segment for segment in segments if segment]


@dataclass(frozen=True)
class _Cell:
    kind: str  # "text", "bullets", "actors", "status"
    lines: tuple[Line, ...]


def _classify(segment: list[Line]) -> _Cell:
    text = cell_text(segment)
    if is_status_cell(text):
        return _Cell("status", tuple(segment))
    if is_bullet(segment[0].text):
        return _Cell("bullets", tuple(segment))
    if _is_actor_block(segment):
        return _Cell("actors", tuple(segment))
    return _Cell("text", tuple(segment))


def _activity_items(cells: list[_Cell]) -> list[list[Line]]:
    items: list[list[Line]] = []
    for cell in cells:
        if cell.kind == "bullets":
            items.extend(split_items(cell.lines))
        else:
            items.append(list(cell.lines))
    return items


def _join_continuations(cells: list[_Cell]) -> list[_Cell]:
    """Join a text cell that starts in lower case to the cell above (a cell broken by a gap)."""
    joined: list[_Cell] = []
    for cell in cells:
        if joined and cell.kind == "text" and cell.lines[0].stripped[:1].islower():
            joined[-1] = _Cell(joined[-1].kind, (*joined[-1].lines, *cell.lines))
        else:
            joined.append(cell)
    return joined


def _row(
    region: TableRegion,
    goal: list[Line],
    pending: list[_Cell],
    actors: list[Line],
    status: list[str],
) -> tuple[ParsedRow | None, list[Line]]:
    """The row of the cells read since the last responsible cell, and the goal now in force."""
    pending = _join_continuations(pending)
    if len(pending) >= 2 and pending[0].kind == "text":
        opening = 1
        while opening < len(pending) - 1 and pending[opening].kind == "bullets":
            opening += 1  # bullets inside the Målbild cell, before the activity text
        if pending[-1].kind == "bullets":
            opening = 1
        goal = [line for cell in pending[:opening] for line in cell.lines]
        pending = pending[opening:]
    items = _activity_items(pending)
    if not items and not goal:
        return None, goal
    activities = [item_text(item) for item in items]
    written = "\n".join(activities)
    row = make_row(
        "action_row",
        [*goal, *(line for item in items for line in item), *actors],
        goal=cell_text(goal) or None,
        activities=activities,
        responsible=split_actors([line.stripped for line in actors]),
        status=status or ([region.status] if region.status else []),
        timeframe=find_time_mentions(written),
        section=region.section,
        chapter=region.chapter,
    )
    return row, goal


def _region_rows(region: TableRegion, goal: list[Line]) -> tuple[list[ParsedRow], list[Line]]:
    """The rows of one table region; `goal` is the Målbild carried over from the region above."""
    cells = [
        _classify(segment) for block in to_blocks(region.lines) for segment in _segments(block)
    ]
    rows: list[ParsedRow] = []
    pending: list[_Cell] = []
    index = 0
    while index < len(cells):
        cell = cells[index]
        if cell.kind == "actors":
            actors = list(cell.lines)
            while index + 1 < len(cells) and cells[index + 1].kind == "actors":
                index += 1
                actors.extend(cells[index].lines)
            status: list[str] = []
            if index + 1 < len(cells) and cells[index + 1].kind == "status":
                index += 1
                status = find_status(cell_text(cells[index].lines))
            row, goal = _row(region, goal, pending, actors, status)
            rows.extend([row] if row else [])
            pending = []
        elif cell.kind == "status" and rows and not pending:
            rows[-1] = replace(
                rows[-1],
                status=tuple(find_status(cell_text(cell.lines))),
                line_end=max(rows[-1].line_end, cell.lines[-1].number),
                page_end=max(rows[-1].page_end, cell.lines[-1].page),
            )
        else:
            pending.append(cell)
        index += 1
    if pending:
        row, goal = _row(region, goal, pending, [], [])
        rows.extend([row] if row else [])
    return rows, goal


SPEC = TableSpec(
    header=("Målbild", "Planerade aktiviteter", "Ansvarig", "Status"),
    key="activities",
    merged=frozenset({"goal"}),
)


def parse(document: Document) -> list[ParsedRow]:
    """Every activity row of a Skåne action plan in the samples' text order; a goal carries over
    to the rows it spans."""
    rows: list[ParsedRow] = []
    goal: list[Line] = []
    section: str | None = None
    for region in table_regions(document.lines):
        if region.section != section:
            goal, section = [], region.section
        region_rows, goal = _region_rows(region, goal)
        rows.extend(region_rows)
    return rows


LAYOUT = Layout(
    name="region_skane",
    description="Region Skåne: upper-case headings, Målbild | Planerade aktiviteter | Ansvarig | "
    "Status tables, a Målbild spanning several activity rows",
    document_type="handlingsplan",
    signatures=(
        Signature(
            "upper-case section headings",
            re.compile(r"^\s*[A-ZÅÄÖ]{4,}(?:\s+[A-ZÅÄÖ&–-]+){2,}\s*$"),
            0.5,
        ),
    ),
    parse=parse,
    table=SPEC,
    text_orders=frozenset({LINE_ORDER}),
)
