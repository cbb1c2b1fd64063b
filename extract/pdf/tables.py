"""Rebuild an action table from page geometry.

A chain of small functions over plain primitives: find the header line by the column vocabulary,
with the lines a wrapped header goes on with; take each column's span from where its label
starts; split every text line into cells by x; cut rows at the horizontal rules across the key
column (ruled tables) or at the gaps in it (unruled tables); give a merged cell to every row its
span covers; carry a table over page breaks, dropping its repeated header and joining a row the
break split.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.cells import CAPITALISED_RE, is_bullet, runs_on
from extract.columns import (
    LIST_CELLS,
    MAX_WRAP_WORDS,
    HeaderColumn,
    drop_qualifiers,
    fold,
    group_words,
    is_header,
    label_cells,
    opens_column,
    parse_header_text,
    qualifiers,
    vocabulary_words,
)
from extract.pdf.primitives import Rule, TextLine, Word
from extract.pdf.settings import PdfSettings

COLUMN_PAD = 3.0  # points: cell text starts this far left of its label's start at most
WRAP_GAP_LINES = 0.6  # a header's next line stands at most this many line heights below it
MAX_WRAP_LINES = 2  # lines a header label wraps onto at most


ENUMERATOR_RE = re.compile(r"^\(?\d{1,3}(?:\.\d{1,2})*(?:\.|\)|\.\))\s")  # "5) …", "12. …"


def opens_cell(text: str) -> bool:
    """Text that can open a cell: a capital, a bullet or an enumerator ("5) …", "12. …"); not
    "och …", "2024-02-01 arrangerad …" or "1177 eller …", which go on from the page before."""
    return text[:1].isupper() or is_bullet(text) or bool(ENUMERATOR_RE.match(text))


LETTER_WORD_RE = re.compile(r"^[A-ZÅÄÖ] [A-ZÅÄÖa-zåäö]")  # "I samarbete …", "I RgK …"


def opens_surely(text: str) -> bool:
    """Text that opens a cell beyond doubt: a bullet, an enumerator or a capitalised word (not
    an acronym, which may stand inside a sentence; a capital letter that is a word of its own)."""
    capitalised = CAPITALISED_RE.match(text) or LETTER_WORD_RE.match(text)
    return is_bullet(text) or bool(ENUMERATOR_RE.match(text) or capitalised)


@dataclass(frozen=True)
class ColumnBox:
    cell: str  # the main cell the column fills
    x0: float
    x1: float
    cells: tuple[str, ...] = ()  # every cell a combined column fills ("Ansvarig-Tidsram")
    label: tuple[float, float] | None = None  # where its label's words stand, x0 and x1

    @property
    def inside(self) -> float:
        """A point inside the column's cells: its label's middle (the box runs from the page's
        left edge for the first column, to its right edge for the last), else the box's."""
        x0, x1 = self.label or (self.x0, self.x1)
        return (x0 + x1) / 2


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
    sure: bool = True  # False where only its cells' words, no gap or rule, started the row

    def add(self, cell: str, lines: list[CellLine]) -> None:
        self.cells.setdefault(cell, []).extend(lines)


@dataclass(frozen=True)
class Header:
    """A table header found on a page: its columns and where its last (wrapped) line ends."""

    columns: tuple[ColumnBox, ...]
    bottom: float
    n_lines: int  # the header line and the lines it wraps onto


def _tight(line: TextLine, above: TextLine) -> bool:
    """Set tight below the line above, as a wrapped label's lines are."""
    return line.top - above.bottom <= WRAP_GAP_LINES * (above.bottom - above.top)


def _continues_header(line: TextLine, above: TextLine, header: TextLine) -> bool:
    """A line a header wraps onto: set tight below the line above, in the header's bold type, or
    (a header in body type) made of label words only ("aktiviteter", "Tidsram")."""
    if not _tight(line, above):
        return False
    if header.bold:
        return line.bold
    return all(word in vocabulary_words() for word in fold(line.text))


def _slot(x: float, starts: Sequence[float]) -> int:
    """The column, by where the labels start, that a word starting at `x` falls in."""
    return max((i for i, start in enumerate(starts) if x >= start - COLUMN_PAD), default=0)


def _label_starts(line: TextLine, opens_only: bool, starts: Sequence[float] = ()) -> list[float]:
    """`starts` and where `line`'s labels start (only those that open a label or modifier with
    `opens_only`: a wrapped line's), each one not already there; words that qualify a label in
    brackets start none."""
    found = list(starts)
    marks = qualifiers([word.text for word in line.words])
    words = [word for word, qualifier in zip(line.words, marks, strict=True) if not qualifier]
    for group in group_words([word.text for word in words]):
        word = words[group[0]]
        opens = not opens_only or opens_column(word.text)
        if opens and all(abs(word.x0 - x) > COLUMN_PAD for x in found):
            found.append(word.x0)
    return found


def _opened_cells(line: TextLine, starts: list[float]) -> int:
    """How many of a line's columns (by the header's label starts) open with a word that opens a
    cell beyond doubt and is no label word: a row's first line opens several; a header's wrapped
    line ("enligt RCC", "RCC", "am", "Mellansverige") one at most."""
    firsts: dict[int, Word] = {}
    for word in line.words:
        firsts.setdefault(_slot(word.x0, starts), word)
    return sum(
        1
        for word in firsts.values()
        if opens_surely(word.text) and not set(fold(word.text)) <= vocabulary_words()
    )


def _short_wrap(lines: Sequence[TextLine], after: int, starts: list[float]) -> list[TextLine]:
    """The lines a header in body type wraps onto with words outside the vocabulary ("enligt
    RCC", "Mellansverige"): short lines set tight below it that open one cell at most, or that
    a gap sets apart from the row below (a header row's padding)."""
    band = [lines[after]]
    for following in lines[after + 1 : after + 1 + MAX_WRAP_LINES]:
        if not _tight(following, band[-1]) or len(following.words) > MAX_WRAP_WORDS:
            break
        band.append(following)
    for count in range(len(band) - 1, 0, -1):
        wraps = band[1 : count + 1]
        below = lines[after + count + 1] if after + count + 1 < len(lines) else None
        if below is None or not _tight(below, wraps[-1]):
            return wraps
        if all(_opened_cells(wrap, starts) <= 1 for wrap in wraps):
            return wraps
    return []


def _wrapped_label(lines: list[list[str]]) -> HeaderColumn:
    """A column's label from its words line by line: the lines joined by a space, or, where that
    names fewer cells, a word broken at the line's end joined to its rest ("Ansvarig-Tidsr" /
    "am"); without its qualifiers in brackets."""
    spaced = drop_qualifiers(" ".join(" ".join(words) for words in lines))
    unbroken = drop_qualifiers("".join(" ".join(words) for words in lines))
    label = max((spaced, unbroken), key=lambda text: len(label_cells(text)))
    return HeaderColumn(label, label_cells(label))


def find_header(lines: Sequence[TextLine], index: int, width: float) -> Header | None:
    """The table header that starts at `lines[index]`, read by the column vocabulary, with the
    lines it wraps onto; None when the line is no header."""
    line = lines[index]
    if parse_header_text(line.text) is None:
        return None
    band = [line]
    while index + len(band) < len(lines) and len(band) <= MAX_WRAP_LINES:
        following = lines[index + len(band)]
        if not _continues_header(following, band[-1], line):
            break
        band.append(following)
    starts = _label_starts(line, False)
    if not line.bold:
        band += _short_wrap(lines, index + len(band) - 1, starts)
    for band_line in band[1:]:
        starts = _label_starts(band_line, True, starts)
    starts.sort()
    texts: list[list[list[str]]] = [[] for _ in starts]  # a column's words, line by line
    extents: list[list[float]] = [[] for _ in starts]  # the x0 and x1 of its words
    for band_line in band:
        slots: dict[int, list[str]] = {}
        for word in band_line.words:
            slot = _slot(word.x0, starts)
            slots.setdefault(slot, []).append(word.text)
            extents[slot] += (word.x0, word.x1)
        for slot, words in slots.items():
            texts[slot].append(words)
    columns = [_wrapped_label(label_lines) for label_lines in texts]
    if not is_header(columns):
        return None
    edges = [x - COLUMN_PAD for x in starts] + [width]
    edges[0] = 0.0
    boxes = tuple(
        ColumnBox(
            column.cell,
            edges[i],
            edges[i + 1],
            column.cells or (column.cell,),
            (min(extents[i]), max(extents[i])),
        )
        for i, column in enumerate(columns)
    )
    return Header(boxes, band[-1].bottom, len(band))


def _column_of(word: Word, columns: tuple[ColumnBox, ...]) -> ColumnBox:
    """The column a word's left edge falls in (the first, left of every column)."""
    return next((c for c in reversed(columns) if word.x0 >= c.x0), columns[0])


def split_cells(line: TextLine, columns: tuple[ColumnBox, ...], order: int) -> dict[str, CellLine]:
    """The words of a line by column (a word goes to the column its left edge falls in)."""
    parts: dict[str, list[Word]] = {}
    for word in line.words:
        column = _column_of(word, columns)
        parts.setdefault(column.cell, []).append(word)
    return {
        cell: CellLine(
            " ".join(word.text for word in words),
            words[0].x0,
            words[-1].x1,
            min(word.top for word in words),
            max(word.cell_bottom for word in words),
            line.page,
            order,
        )
        for cell, words in parts.items()
    }


def fits_columns(line: TextLine, columns: tuple[ColumnBox, ...]) -> bool:
    """True when no word of the line crosses a column edge (a table line, not a paragraph)."""
    for word in line.words:
        column = _column_of(word, columns)
        if word.x1 > column.x1 + COLUMN_PAD:
            return False
    return True


def runs_across(line: TextLine, columns: tuple[ColumnBox, ...], settings: PdfSettings) -> bool:
    """True when the line's words go on from one column into the next a word space apart (a
    sentence across the table's width: "Nationellt mål: …"), not set apart as cells are."""
    space = settings.cell_gap_lines * (line.bottom - line.top)
    pairs = zip(line.words, line.words[1:], strict=False)
    return any(
        _column_of(before, columns) is not _column_of(word, columns) and word.x0 - before.x1 < space
        for before, word in pairs
    )


def _boundaries(rules: list[Rule], column: ColumnBox, top: float, bottom: float) -> list[float]:
    """Heights of the rules that cross the column (inside its cells) between `top` and
    `bottom`."""
    return sorted(
        {
            round(r.y, 1)
            for r in rules
            if r.x0 <= column.inside <= r.x1 and top - 2 <= r.y <= bottom + 2
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


def _row_gap(cells: dict[str, list[CellLine]], settings: PdfSettings) -> float:
    """The vertical gap that sets an unruled table's rows (and a merged cell's paragraphs)
    apart: the gap between a paragraph's lines (the leading) and a share of a line's height
    more, so a larger type, whose leading is no larger a share of it, still shows its rows."""
    heights = [line.bottom - line.top for lines in cells.values() for line in lines] or [10.0]
    height = min(heights)
    gaps = [
        below.top - above.bottom
        for lines in cells.values()
        for above, below in zip(lines, lines[1:], strict=False)
        if 0 <= below.top - above.bottom < height
    ]
    leading = statistics.median(gaps) if gaps else 0.0
    return min(settings.row_gap_lines * height, leading + settings.row_gap_extra * height)


def _opens_at(
    lines: list[CellLine], top: float, gap: float, tolerance: float, by_words: bool = True
) -> bool:
    """Whether a column's cell may open at `top`: its line there follows a gap or (`by_words`)
    opens beyond doubt (a capitalised word, a bullet, an enumerator)."""
    for index, line in enumerate(lines):
        if abs(line.top - top) > tolerance:
            continue
        above = lines[index - 1] if index else None
        if above is None or line.top - above.bottom >= gap:
            return True
        return by_words and opens_surely(line.text)
    return False


def _unruled_starts(
    cells: dict[str, list[CellLine]], key: str, gap: float, settings: PdfSettings
) -> list[float]:
    """Where the rows of an unruled table start, since a row's cells start together: at a block
    of the key column (text after a gap) where another column opens a cell (`_opens_at`: after a
    gap, or beyond doubt though it touches the row above, as Word's table style sets no space
    between paragraphs); where two other columns open blocks together beside an empty key cell;
    a gap inside a cell (between its bullets) starts no row. Where the other columns are empty,
    a key block opens a row unless it is a further bullet. `gap` sets rows apart (`_row_gap`)."""
    tolerance = settings.line_tolerance
    key_blocks = _gap_blocks(cells.get(key, []), gap)
    beside_cells = {
        cell: [block[0].top for block in _gap_blocks(lines, gap)]
        for cell, lines in cells.items()
        if cell != key and lines
    }
    beside = list(beside_cells.values())
    if not beside:
        return [
            block[0].top
            for index, block in enumerate(key_blocks)
            if index == 0 or not is_bullet(block[0].text)
        ]
    starts = [
        block[0].top
        for index, block in enumerate(key_blocks)
        if index == 0
        or any(_opens_at(cells[cell], block[0].top, gap, tolerance) for cell in beside_cells)
    ]
    key_lines = cells.get(key, [])
    for top in sorted({top for tops in beside for top in tops}):
        opening = [
            cell
            for cell, tops in beside_cells.items()
            if any(abs(t - top) <= tolerance for t in tops)
        ]
        key_here = any(line.top - tolerance <= top <= line.bottom for line in key_lines)
        # list cells open a paragraph each item: together they start a row only with a new text
        texts = any(cell not in LIST_CELLS for cell in opening)
        if len(opening) >= 2 and texts and not key_here and starts and top > starts[0]:
            starts.append(top)
    return sorted(set(starts))


def _gapless_starts(
    cells: dict[str, list[CellLine]],
    key: str,
    after: float,
    gap: float,
    tolerance: float,
    after_gap_only: frozenset[str] = frozenset(),
) -> list[float]:
    """Where rows start without a gap (a text laid out by spaces prints a ruled table's rows
    without blank lines; Word's table style sets no space between paragraphs, so an unruled
    table's rows touch): at a key line below `after` that opens a cell beyond doubt beside two
    columns whose cells open there (`_opens_at`); a column of `after_gap_only` (a merged cell,
    whose capitalised line may stand inside its paragraph) opens only after a gap."""
    others = [
        (lines, cell not in after_gap_only)
        for cell, lines in cells.items()
        if cell != key and lines
    ]
    key_lines = cells.get(key, [])
    return [
        line.top
        for index, line in enumerate(key_lines)
        if line.top > after
        and opens_surely(line.text)
        and not (index and runs_on(key_lines[index - 1].text))  # "… om och inom" / "Palliativ"
        and sum(1 for lines, words in others if _opens_at(lines, line.top, gap, tolerance, words))
        >= 2
    ]


def _opened_at_starts(
    units: list[list[CellLine]], starts: list[float], tolerance: float
) -> list[list[CellLine]]:
    """A merged cell's paragraphs, each cut where one of its lines opens a cell beyond doubt at a
    row's start (a new goal that starts with its row, no blank line above it)."""
    cut: list[list[CellLine]] = []
    for unit in units:
        cut.append([unit[0]])
        for line in unit[1:]:
            opens = opens_surely(line.text) and any(abs(line.top - s) <= tolerance for s in starts)
            if opens:
                cut.append([line])
            else:
                cut[-1].append(line)
    return cut


def page_rows(
    cells: dict[str, list[CellLine]],
    rules: list[Rule],
    columns: tuple[ColumnBox, ...],
    key: str,
    merged: frozenset[str],
    area: tuple[float, float],
    settings: PdfSettings,
) -> tuple[RowDraft | None, list[RowDraft]]:
    """Rows of one page's part of a table, and the text above its first row (the rest of a row
    that a page break split), given the cell lines of the part and the page's rules. In an
    unruled table a merged cell's paragraph (lines without a gap) may run on past the next
    row's start: it stays whole, in the row it starts in."""
    top, bottom = area
    by_cell = {column.cell: column for column in columns}
    key_lines = cells.get(key, [])
    unsure: set[float] = set()
    key_cuts = _boundaries(rules, by_cell[key], top, bottom)
    ruled = bool(key_cuts)
    gap = 0.0 if ruled else _row_gap(cells, settings)  # what sets an unruled table's rows apart
    if ruled:
        spans = [i for i in _intervals(key_cuts, top, bottom) if _lines_in(key_lines, i)]
    else:
        starts = _unruled_starts(cells, key, gap, settings)
        # rows may touch (a spaced text prints a ruled table's rows without blank lines; Word's
        # table style sets no space between paragraphs): a row also starts where the key opens
        # beside two cells that open; in a PDF a merged cell opens so only after a gap (its
        # capitalised line may stand inside its paragraph). Told by the words: unsure
        merged_by_gap = frozenset() if settings.rows_without_gaps else merged
        tolerance = settings.line_tolerance
        gapless = (
            _gapless_starts(cells, key, starts[0], gap, tolerance, merged_by_gap) if starts else []
        )
        unsure = set(gapless) - set(starts)  # rows told by their words alone
        starts = sorted({*starts, *gapless})
        spans = list(zip(starts, [*starts[1:], bottom + 1], strict=True)) if starts else []
    rows = [RowDraft(top=a, bottom=b, sure=a not in unsure) for a, b in spans]
    row_tops = [a for a, _ in spans]
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
            # a merged cell's paragraph goes whole to the row it starts in, any other line alone
            tolerance = settings.line_tolerance
            if column.cell not in merged:
                units = [[line] for line in lines]
            elif settings.rows_without_gaps:  # a new goal that opens with its row, no gap above
                units = _opened_at_starts(_gap_blocks(lines, gap), row_tops, tolerance)
            else:
                units = _gap_blocks(lines, gap)
            for row in rows:
                row.add(
                    column.cell,
                    [
                        line
                        for unit in units
                        if row.top - tolerance <= unit[0].top < row.bottom - tolerance
                        for line in unit
                    ],
                )
    return (carry if carry.cells and any(carry.cells.values()) else None), rows
