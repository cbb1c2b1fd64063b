"""Turn the rows of a PDF table into parsed rows, cell by cell, as the layout's columns say."""

from __future__ import annotations

import re

from extract.cells import (
    Block,
    find_status,
    find_time_mentions,
    is_bullet,
    split_actors,
    split_items,
    time_prefix,
    unique,
)
from extract.document import Line
from extract.layouts.base import Layout, ParsedRow, cell_text, item_text, make_row
from extract.layouts.kronoberg import GOAL_RE, responsible_sentence
from extract.pdf.reader import TableRow

INCOMPLETE_TIME_RE = re.compile(
    r"^(?:Q\s?\d(?:\s*[-–]\s*Q?\s?\d)?|VT|HT|höst(?:en)?|vår(?:en)?|januari|februari|mars|april|maj|juni"
    r"|juli|augusti|september|oktober|november|december)$",
    re.IGNORECASE,
)


def _lines(row: TableRow, cell: str) -> list[Line]:
    """A cell's text as lines numbered from the row's first line (for the text helpers)."""
    return [
        Line(row.line_start + i, row.page_start, text)
        for i, text in enumerate(row.cells.get(cell, ()))
    ]


def _items(lines: list[Line]) -> list[str]:
    """One activity per bullet; a cell without bullets is one activity."""
    if not lines:
        return []
    if is_bullet(lines[0].text):
        return [item_text(item) for item in split_items(lines)]
    return [cell_text(lines)]


def _time_entries(lines: list[Line]) -> list[str]:
    """A time cell's entries: a line that starts with a time opens one, other lines go on."""
    entries: list[str] = []
    for line in lines:
        wraps = entries and INCOMPLETE_TIME_RE.match(entries[-1])  # "Q3" / "2027", narrow column
        if entries and (wraps or not time_prefix(line.stripped)):
            entries[-1] = f"{entries[-1]} {line.stripped}"
        else:
            entries.append(line.stripped)
    return unique(entries)


def table_row(row: TableRow, layout: Layout) -> ParsedRow:
    """The parsed row of one table row."""
    spec = layout.table
    assert spec is not None
    goal = cell_text(_lines(row, "goal")) or None
    goal_number = None
    if spec.numbered_goals and goal and (match := GOAL_RE.match(goal)):
        goal_number, goal = match.group(1), goal[match.end() :]
    activities = _items(_lines(row, "activities"))
    responsible = split_actors([line.text for line in _lines(row, "responsible")])
    notes_lines = _lines(row, "notes")
    notes = None
    if notes_lines:
        actors, used = responsible_sentence(Block(tuple(notes_lines)))
        responsible = responsible or actors
        kept = [line for line in notes_lines if line.number not in used] if actors else notes_lines
        notes = cell_text(kept) or None
    written = "\n".join([*activities, notes or "", *row.cells.get("status", ())])
    timeframe = _time_entries(_lines(row, "timeframe")) or find_time_mentions(written)
    section = cell_text(_lines(row, "section")) or row.context.section
    span = [Line(row.line_start, row.page_start, "x"), Line(row.line_end, row.page_end, "x")]
    return make_row(
        "action_row",
        span,
        goal=goal,
        goal_number=goal_number,
        rcc_activity=cell_text(_lines(row, "rcc_activity")) or None,
        activities=activities,
        responsible=responsible,
        timeframe=timeframe,
        status=find_status(written),
        notes=notes,
        chapter=row.context.chapter,
        section=re.sub(r"\s+", " ", section) if section else None,
        area_number=row.context.area,
        bbox=row.bbox,
    )
