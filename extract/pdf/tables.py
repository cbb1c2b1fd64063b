"""Rebuild a layout's action table from page geometry.

A chain of small functions over plain primitives: find the header line by the layout's column
labels; take each column's span from where its label starts; split every text line into cells by
x; cut rows at the horizontal rules across the key column (ruled tables) or at the gaps in it
(unruled tables); give a merged cell to every row its span covers; carry a table over page
breaks, dropping its repeated header and joining a row the break split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.layouts.base import LABEL_PREFIX, TableSpec, label_key
from extract.pdf.primitives import Rule, TextLine, Word
from extract.pdf.settings import PdfSettings

COLUMN_PAD = 3.0  # points: cell text starts this far left of its label's start at most


@dataclass(frozen=True)
class ColumnBox:
    cell: str
    x0: float
    x1: float

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class CellLine:
    """The words of one text line that fall in one column."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    order: int  # the text line's position in the whole document


@dataclass
class RowDraft:
    """A table row while its pages are read (local to the table reader)."""

    cells: dict[str, list[CellLine]] = field(default_factory=dict)
    top: float = 0.0
    bottom: float = 0.0

    def add(self, cell: str, lines: list[CellLine]) -> None:
        self.cells.setdefault(cell, []).extend(lines)


def match_header(line: TextLine, spec: TableSpec, width: float) -> tuple[ColumnBox, ...] | None:
    """The columns, if `line` is the table's header: every label's first word, in order."""
    words = [word.text.lower()[:LABEL_PREFIX] for word in line.words]
    starts: list[float] = []
    position = 0
    for column in spec.columns:
        wanted = label_key(column.label)
        found = next((i for i in range(position, len(words)) if words[i] == wanted), None)
        if found is None:
            return None
        starts.append(line.words[found].x0)
        position = found + 1
    edges = [x - COLUMN_PAD for x in starts] + [width]
    edges[0] = 0.0
    return tuple(
        ColumnBox(column.cell, edges[i], edges[i + 1]) for i, column in enumerate(spec.columns)
    )


def continues_header(line: TextLine, spec: TableSpec) -> bool:
    """True for a line of a header that wraps: all its words are (pieces of) label words."""
    words = {word.lower() for column in spec.columns for word in re.split(r"[\s/-]+", column.label)}
    parts = [part.lower() for word in line.words for part in re.split(r"[/-]+", word.text) if part]
    return bool(parts) and all(any(part in word for word in words) for part in parts)


def split_cells(line: TextLine, columns: tuple[ColumnBox, ...], order: int) -> dict[str, CellLine]:
    """The words of a line by column (a word goes to the column its left edge falls in)."""
    parts: dict[str, list[Word]] = {}
    for word in line.words:
        column = next((c for c in reversed(columns) if word.x0 >= c.x0), columns[0])
        parts.setdefault(column.cell, []).append(word)
    return {
        cell: CellLine(
            " ".join(word.text for word in words),
            words[0].x0,
            words[-1].x1,
            min(word.top for word in words),
            line.bottom,
            line.page,
            order,
        )
        for cell, words in parts.items()
    }


def fits_columns(line: TextLine, columns: tuple[ColumnBox, ...]) -> bool:
    """True when no word of the line crosses a column edge (a table line, not a paragraph)."""
    for word in line.words:
        column = next((c for c in reversed(columns) if word.x0 >= c.x0), columns[0])
        if word.x1 > column.x1 + COLUMN_PAD:
            return False
    return True


def _boundaries(rules: list[Rule], column: ColumnBox, top: float, bottom: float) -> list[float]:
    """Heights of the rules that cross the column between `top` and `bottom`."""
    return sorted(
        {
            round(r.y, 1)
            for r in rules
            if r.x0 <= column.center <= r.x1 and top - 2 <= r.y <= bottom + 2
        }
    )


def _intervals(cuts: list[float], top: float, bottom: float) -> list[tuple[float, float]]:
    edges = sorted({top, *cuts, bottom})
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b - a > 1]


def _lines_in(lines: list[CellLine], interval: tuple[float, float]) -> list[CellLine]:
    a, b = interval
    return [line for line in lines if a - 1 <= (line.top + line.bottom) / 2 < b]


def _gap_blocks(lines: list[CellLine], gap: float) -> list[list[CellLine]]:
    blocks: list[list[CellLine]] = []
    for line in lines:
        if blocks and line.top - blocks[-1][-1].bottom < gap:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def page_rows(
    cells: dict[str, list[CellLine]],
    rules: list[Rule],
    columns: tuple[ColumnBox, ...],
    spec: TableSpec,
    area: tuple[float, float],
    settings: PdfSettings,
) -> tuple[RowDraft | None, list[RowDraft]]:
    """Rows of one page's part of a table, and the text above its first row (the rest of a row
    that a page break split), given the cell lines of the part and the page's rules."""
    top, bottom = area
    by_cell = {column.cell: column for column in columns}
    key_lines = cells.get(spec.key, [])
    key_cuts = _boundaries(rules, by_cell[spec.key], top, bottom)
    ruled = bool(key_cuts)
    if ruled:
        spans = [i for i in _intervals(key_cuts, top, bottom) if _lines_in(key_lines, i)]
    else:
        heights = [line.bottom - line.top for line in key_lines] or [10.0]
        blocks = _gap_blocks(key_lines, settings.row_gap_lines * min(heights))
        starts = [block[0].top for block in blocks]
        spans = list(zip(starts, [*starts[1:], bottom + 1], strict=True)) if starts else []
    rows = [RowDraft(top=a, bottom=b) for a, b in spans]
    first_top = spans[0][0] if spans else bottom + 1
    carry = RowDraft(top=top, bottom=first_top)
    for column in columns:
        lines = cells.get(column.cell, [])
        if not lines:
            continue
        carry.add(
            column.cell, [line for line in lines if line.top < first_top - settings.line_tolerance]
        )
        if ruled:
            cuts = _boundaries(rules, column, top, bottom)
            for interval in _intervals(cuts, top, bottom):
                text = _lines_in(lines, interval)
                for row in rows:
                    overlap = min(row.bottom, interval[1]) - max(row.top, interval[0])
                    if text and overlap > 0.5 * (row.bottom - row.top):
                        row.add(column.cell, text)
        else:
            for row in rows:
                row.add(
                    column.cell,
                    [
                        line
                        for line in lines
                        if row.top - settings.line_tolerance
                        <= line.top
                        < row.bottom - settings.line_tolerance
                    ],
                )
    return (carry if carry.cells and any(carry.cells.values()) else None), rows
