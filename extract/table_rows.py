"""Table rows as the readers find them (PDF geometry or text), and their parsed rows: each row's
cells are filled column by column, as the header names them.

Each column fills the cells its label names (extract/data/columns.tsv); a combined column
("Ansvarig-Tidsram", "Status/förutsättningar/ansvar") is split by what its lines hold: time
entries, an "Ansvar:" sentence, status words, the rest. Status words count only in a column
that names status, or in the cells the layout declares (`TableSpec.status_in`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from extract.cells import (
    GOAL_RE,
    Block,
    find_status,
    find_time_mentions,
    is_bullet,
    is_status_cell,
    paragraphs,
    responsible_sentence,
    split_actors,
    split_items,
    time_prefix,
    unique,
)
from extract.columns import label_cells
from extract.document import Line
from extract.layout import (
    TABLE_ROW_KIND,
    ParsedRow,
    TableSpec,
    cell_text,
    item_text,
    make_row,
)
from extract.time_words import MONTH_NAME, SEASON, TERM


class ColumnCells(Protocol):
    """A table column, from a PDF or a text header: the cells it fills."""

    @property
    def cells(self) -> tuple[str, ...]: ...


LABELLED_RE = re.compile(r"^\s*(\w+(?:\s\w+)?)\s*:\s*(.*)$")  # "Mål: …", "Nationellt mål: …"


@dataclass(frozen=True)
class Context:
    """What is in force above a table: area number, chapter, section headings, and the goal a
    "Mål: …" paragraph right above it states (for a table without a goal column)."""

    area: int | None = None
    chapter: str | None = None
    section: str | None = None
    goal: str | None = None


@dataclass(frozen=True)
class TableRow:
    """One row of an action table: its cells' text lines and where it stands."""

    cells: dict[str, tuple[str, ...]]
    fills: dict[str, tuple[str, ...]]  # a column's main cell -> every cell it fills
    context: Context
    page_start: int
    page_end: int
    line_start: int
    line_end: int
    bbox: tuple[float, float, float, float] | None = None  # a PDF's x0, top, x1, bottom
    sure: bool = True  # False when a text reader was unsure where the row's cells are cut


def stated_goal(text: str) -> str | None:
    """The goal a "Mål: …" line states (any goal label of the column vocabulary), else None."""
    match = LABELLED_RE.match(text)
    if match and label_cells(match.group(1)) == ("goal",) and match.group(2).strip():
        return match.group(2).strip()
    return None


TEXT_CELLS = frozenset({"goal", "activities", "rcc_activity"})  # cells of running text
TITLE_LINES = 3  # lines a table's title row (repeated above its header on each page) may take


def fills(columns: Iterable[ColumnCells], cell: str) -> bool:
    """True when one of a table's columns fills `cell` (where a column fills the goal, a "Mål: …"
    line in it is the cell's text, not the next table's goal)."""
    return any(cell in column.cells for column in columns)


INCOMPLETE_TIME_RE = re.compile(  # a time entry waiting for its year on the next line
    rf"^(?:Q\s?\d(?:\s*[-–]\s*Q?\s?\d)?|{TERM}|{SEASON}|{MONTH_NAME})$", re.IGNORECASE
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
    for line in (line for line in lines if not line.is_blank):
        wraps = entries and INCOMPLETE_TIME_RE.match(entries[-1])  # "Q3" / "2027", narrow column
        if entries and (wraps or not time_prefix(line.stripped)):
            entries[-1] = f"{entries[-1]} {line.stripped}"
        else:
            entries.append(line.stripped)
    return unique(entries)


def _split_combined(row: TableRow) -> dict[str, list[Line]]:
    """Every cell's lines, a combined column's lines shared out among the cells it fills."""
    cells: dict[str, list[Line]] = {}
    for main, fills in row.fills.items():
        lines = _lines(row, main)
        if "timeframe" in fills and main != "timeframe":
            cells.setdefault("timeframe", []).extend(
                line for line in lines if time_prefix(line.stripped)
            )
            lines = [line for line in lines if not time_prefix(line.stripped)]
        if "responsible" in fills and main != "responsible":
            actors, used = responsible_sentence(Block(tuple(lines)))
            if actors:
                for actor in actors:  # one paragraph each: already split
                    cells.setdefault("responsible", []).extend(
                        Line(row.line_start, row.page_start, text) for text in (actor, "")
                    )
                lines = [line for line in lines if line.number not in used]
        if "status" in fills and main != "status":  # "Tid och status": its status words
            cells.setdefault("status", []).extend(
                line for line in lines if is_status_cell(line.stripped)
            )
            lines = [line for line in lines if not is_status_cell(line.stripped)]
        rest = "notes" if "notes" in fills else main
        cells.setdefault(rest, []).extend(lines)
    return cells


def _status(row: TableRow, cells: dict[str, list[Line]], spec: TableSpec) -> list[str]:
    """Status words of the columns that name status, then of the cells the layout declares. A
    column of status alone that holds no word of the vocabulary ("Försenad", "Grön") gives its
    text as written: what the plan says, its value unknown, never dropped."""
    found: list[str] = []
    for main, fills in row.fills.items():
        if "status" in fills:
            words = find_status(cell_text(_lines(row, main)))
            if not words and fills == ("status",):  # each paragraph as written, on one line
                words = [text.replace("\n", " ") for text in paragraphs(row.cells.get(main, ()))]
            found += words
    for cell in spec.status_in:
        found.extend(find_status(cell_text(cells.get(cell, []))))
    return unique(found)


def table_row(row: TableRow, spec: TableSpec) -> ParsedRow:
    """The parsed row of one table row."""
    cells = _split_combined(row)
    goal = cell_text(cells.get("goal", [])) or row.context.goal
    goal_number = cell_text(cells.get("number", [])).strip(" .") or None
    if spec.numbered_goals and goal and (match := GOAL_RE.match(goal)):
        goal_number, goal = match.group(1), goal[match.end() :]
    activities = _items(cells.get("activities", []))
    responsible = split_actors([line.text for line in cells.get("responsible", [])])
    notes = cell_text(cells.get("notes", [])) or None
    written = "\n".join([*activities, notes or "", cell_text(cells.get("status", []))])
    timeframe = _time_entries(cells.get("timeframe", [])) or find_time_mentions(written)
    section = cell_text(cells.get("area", [])) or row.context.section
    span = [Line(row.line_start, row.page_start, "x"), Line(row.line_end, row.page_end, "x")]
    return make_row(
        TABLE_ROW_KIND,
        span,
        goal=goal,
        goal_number=goal_number,
        rcc_activity=cell_text(cells.get("rcc_activity", [])) or None,
        activities=activities,
        responsible=responsible,
        timeframe=timeframe,
        status=_status(row, cells, spec),
        notes=notes,
        chapter=row.context.chapter,
        section=re.sub(r"\s+", " ", section) if section else None,
        area_number=row.context.area,
        bbox=row.bbox,
    )
