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
    is_actor_cell,
    is_bullet,
    runs_on,
    split_actors,
    split_capital_boundary,
    split_items,
    split_trailing_actor,
    split_wide_sentence,
    to_blocks,
)
from extract.document import Document, Line
from extract.headings import URL_RE
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

HEADER_RE = re.compile(r"^\s*Område\s+Uppdrag/Mål\s+enligt\s+RCC.*?\bStatus\b", re.I)
CHAPTER_RE = re.compile(r"^\s*(\S.*?,\s*Kapitel\s+\d+)\s*$")
MARKER_RE = re.compile(r"^\s*\d{1,2}\.?(?:[a-z]\.?)?\)")  # "2.)", "3.a)", "4.c.)", "5)"


@dataclass(frozen=True)
class VastmanlandSettings:
    row_gap: int = 3  # this many blank lines always separate two rows (cells: one or two)
    max_actor_words: int = 5  # words of an actor cell sharing a line with the activity
    max_goal_line: int = 56  # the widest line of the Uppdrag/Mål column; wider lines hold two cells
    min_area_chars: int = 3  # an Område label is at least this long before its goal starts
    stem_chars: int = 6  # words are compared on their first letters (Swedish compounds inflect)


COMMON_GOAL_WORDS = "Det övergripande målet är att sjukvårdsregionen regionerna cancervården"


SETTINGS = VastmanlandSettings()


@dataclass(frozen=True)
class _Marker:
    """The merged Område and Uppdrag/Mål cells of a group of rows."""

    section: str
    goal: tuple[Line, ...]


@dataclass(frozen=True)
class _Row:
    cells: tuple[tuple[Line, ...], ...]


def _end_goal(lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    """The merged goal, and the start of a row cell that shared its last line."""
    goal, *rest = split_wide_sentence(lines, SETTINGS.max_goal_line)
    return goal, (rest[0] if rest else ())


def _marker(blocks: list[Block], index: int) -> tuple[_Marker, tuple[Line, ...], int]:
    """Read the marker block at `index` and its goal: the rest of its line, else the next block.

    Returns the marker, the start of a row cell that shared the goal's last line, and the index
    of the next block.
    """
    block = blocks[index]
    first = block.first
    label_end = len(MARKER_RE.match(first.text).group(0)) + SETTINGS.min_area_chars
    head = split_capital_boundary(first, label_end)
    if len(head) == 2:
        goal, rest = _end_goal((head[1], *block.lines[1:]))
        return _Marker(head[0].stripped, goal), rest, index + 1
    opening = next(
        (
            i
            for i, line in enumerate(block.lines[1:], 1)
            if line.stripped[:1].isupper() and not runs_on(block.lines[i - 1].stripped)
        ),
        None,
    )
    if opening is not None:  # the goal follows the label in the same block
        goal, rest = _end_goal(block.lines[opening:])
        section = " ".join(line.stripped for line in block.lines[:opening])
        return _Marker(section, goal), rest, index + 1
    section = " ".join(line.stripped for line in block.lines)
    if index + 1 < len(blocks) and not MARKER_RE.match(blocks[index + 1].first.text):
        goal, rest = _end_goal(blocks[index + 1].lines)
        return _Marker(section, goal), rest, index + 2
    return _Marker(section, ()), (), index + 1


def _starts_lower(block: Block) -> bool:
    return block.first.stripped[:1].islower()


def _is_actor_cell(lines: tuple[Line, ...]) -> bool:
    return is_actor_cell(cell_text(lines), SETTINGS.max_actor_words)


def _items(blocks: list[Block]) -> list[_Row | _Marker]:
    """Rows and markers in document order.

    A row's cells follow each other: its activities, then one or more responsible cells (they
    start with an actor). The first other cell after those, a wide gap or a marker opens the next
    row; a cell that starts in lower case goes on with the cell above it.
    """
    items: list[_Row | _Marker] = []
    cells: list[tuple[Line, ...]] = []
    seen_actor = False

    def close() -> None:
        nonlocal seen_actor
        if cells:
            items.append(_Row(tuple(cells)))
            cells.clear()
        seen_actor = False

    index = 0
    while index < len(blocks):
        block = blocks[index]
        if MARKER_RE.match(block.first.text):
            close()
            marker, rest, index = _marker(blocks, index)
            items.append(marker)
            if rest:
                cells.append(rest)
            continue
        if block.gap_before >= SETTINGS.row_gap:
            close()
        actor = len(cells) >= 2 and _is_actor_cell(block.lines)
        if seen_actor and not actor:
            close()
        if not cells and items and isinstance(items[-1], _Marker) and _starts_lower(block):
            marker = items[-1]  # the merged goal went on over a page break
            items[-1] = _Marker(marker.section, (*marker.goal, *block.lines))
            index += 1
            continue
        if cells and not actor and _starts_lower(block):
            cells[-1] = (*cells[-1], *block.lines)
        else:
            cells.append(block.lines)
        seen_actor = seen_actor or actor
        index += 1
    close()
    return items


def _with_responsible_cell(cells: tuple[tuple[Line, ...], ...]) -> tuple[tuple[Line, ...], ...]:
    """A row without its responsible cell: look for it at the end of the activity's first line."""
    if len(cells) != 2:
        return cells
    if _is_actor_cell(cells[1]):
        return (cells[0], (), cells[1])  # no activity in RV, only who is responsible
    first, *rest = cells[1]
    parts = split_trailing_actor(first, SETTINGS.max_actor_words)
    if len(parts) == 1:
        return cells
    return (cells[0], (parts[0],), (parts[1], *rest))


def _row(row: _Row, marker: _Marker | None, chapter: str | None) -> ParsedRow:
    cells = _with_responsible_cell(row.cells)
    rcc, activity = (list(cells) + [(), ()])[:2]
    responsible = [line for cell in cells[2:] if _is_actor_cell(cell) for line in cell]
    notes = [cell_text(cell) for cell in cells[2:] if not _is_actor_cell(cell)]
    activities = (
        [item_text(item) for item in split_items(activity)]
        if activity and is_bullet(activity[0].text)
        else ([cell_text(activity)] if activity else [])
    )
    written = "\n".join([*activities, *notes, cell_text(responsible)])
    goal = marker.goal if marker else ()
    return make_row(
        "action_row",
        [*goal, *(line for cell in cells for line in cell)],
        goal=cell_text(goal) or None,
        rcc_activity=cell_text(rcc) or None,
        activities=activities,
        responsible=split_actors([line.stripped for line in responsible]),
        timeframe=find_time_mentions(written),
        status=find_status("\n".join(notes)),
        notes="\n".join(notes) or None,
        chapter=chapter,
        section=marker.section if marker else None,
    )


def _words(text: str) -> set[str]:
    """Word stems of a text, for telling which merged goal a row is about."""
    return {word[: SETTINGS.stem_chars] for word in re.findall(r"\w{5,}", text.lower())}


def _topic_overlap(row: _Row, marker: _Marker) -> int:
    row_words = _words(" ".join(line.stripped for cell in row.cells[:2] for line in cell))
    marker_words = _words(marker.section + " " + cell_text(marker.goal))
    return len((row_words & marker_words) - _words(COMMON_GOAL_WORDS))


def _assign_markers(
    items: list[_Row | _Marker], page_tops: set[int]
) -> list[tuple[_Row, _Marker | None]]:
    """Pair each row with the merged Område/Uppdrag cells it sits under.

    The merged text lands before the last rows of its span: the row right after a marker is
    under it, and so is the first row of a page (the span goes on over the page break); rows
    further on are under the next marker, unless they share more words with the one above.
    """
    markers = [i for i, item in enumerate(items) if isinstance(item, _Marker)]
    pairs: list[tuple[_Row, _Marker | None]] = []
    for position, item in enumerate(items):
        if isinstance(item, _Marker):
            continue
        before = next((items[i] for i in reversed(markers) if i < position), None)
        after = next((items[i] for i in markers if i > position), None)
        follows_marker = position > 0 and isinstance(items[position - 1], _Marker)
        page_top = item.cells[0][0].number in page_tops
        if before is None or after is None:
            marker = before or after
        elif follows_marker or page_top:
            marker = before
        else:
            closer_above = _topic_overlap(item, before) > _topic_overlap(item, after)
            marker = before if closer_above else after
        pairs.append((item, marker))
    return pairs


def _chapter_rows(lines: list[Line], chapter: str | None, page_tops: set[int]) -> list[ParsedRow]:
    items = _items(to_blocks(lines))
    return [_row(row, marker, chapter) for row, marker in _assign_markers(items, page_tops)]


def parse(document: Document) -> list[ParsedRow]:
    """Every row of every chapter table of a Västmanland verksamhetsplan."""
    rows: list[ParsedRow] = []
    chapter: str | None = None
    body: list[Line] | None = None
    page_tops: set[int] = set()  # first lines below a repeated column header
    after_header = False
    for line in document.lines:
        if match := CHAPTER_RE.match(line.text):
            if body:
                rows.extend(_chapter_rows(body, chapter, page_tops))
            chapter, body = match.group(1), None
        elif match := HEADER_RE.match(line.text):
            body = [] if body is None else body
            after_header = True
            if rest := line.text[match.end() :].strip():  # a cell printed on the header's line
                body.append(Line(line.number, line.page, rest))
                page_tops.add(line.number)
                after_header = False
        elif body is not None and chapter is not None and not URL_RE.match(line.text):
            body.append(line)
            if after_header and not line.is_blank:
                page_tops.add(line.number)
                after_header = False
    if body:
        rows.extend(_chapter_rows(body, chapter, page_tops))
    return rows


LAYOUT = Layout(
    name="region_vastmanland",
    description="Region Västmanland: six-column tables per 'Kapitel N' (Område | Uppdrag/Mål | "
    "Aktivitet från RCC | Aktivitet i RV | Ansvarig-Tidsram | Status) with merged cells",
    document_type="verksamhetsplan",
    signatures=(
        Signature("chapter headings '…, Kapitel N'", CHAPTER_RE, 1.0),
        Signature("Område labels '3.a)'", MARKER_RE, 1.0),
    ),
    parse=parse,
    table=TableSpec(
        header=(
            "Område",
            "Uppdrag/Mål enligt RCC Mellansverige",
            "Aktivitet från RCC",
            "Aktivitet i RV",
            "Ansvarig-Tidsram",
            "Status",
        ),
        key="rcc_activity",
        merged=frozenset({"area", "goal"}),
        chapter_pattern=CHAPTER_RE,
    ),
    text_orders=frozenset({LINE_ORDER}),
)
