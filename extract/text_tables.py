"""Read action tables from text by their headers, whichever tool printed the text.

A table opens at any header the column vocabulary reads (extract/columns.py) and runs to the next
heading, area line or "Mål: …" line. Its text is cut into blocks — at blank lines, at bullets, and
where a tool marks a paragraph's end (pypdf ends a wrapped line with a space and a paragraph's
last line without) — and the blocks are given to columns by the best path over the whole table
(`assign_columns`): what each block looks like (bullets, time entries, status words, actor names,
length) against the columns' order in a row, so one unclear block does not shift every row after
it. Stray header labels that a reading-order tool prints among the cells are dropped.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extract.cells import (
    CAPITALISED_RE,
    GOAL_RE,
    MAX_WORD_TAIL,
    RESPONSIBLE_RE,
    has_time,
    is_bullet,
    is_status_cell,
    joined_actors,
    names_actor,
    runs_on,
    split_actors,
    split_inline_bullet,
    starts_with_actor,
    status_tail,
    strip_bullet,
    time_prefix,
)
from extract.columns import (
    LIST_CELLS,
    MAX_HEADER_LINES,
    HeaderColumn,
    HeaderSpan,
    fold,
    has_label,
    header_spans,
    label_line,
    parse_header_lines,
)
from extract.document import Document, Line
from extract.headings import is_upper_heading
from extract.labelled_blocks import field_cell
from extract.layout import PARAGRAPH_MARKED, READING_ORDER, TableSpec
from extract.page_numbers import page_number_lines
from extract.table_rows import TEXT_CELLS, TITLE_LINES, Context, TableRow, fills, stated_goal
from extract.text_order import text_order

INFEASIBLE = 1e6
SENTENCE_END = (".", "!", "?", ":", ";", ",")
NUMERAL_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?$")  # a row's number: "1", "2.3", "4."
NUMERAL_HEAD_RE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*[.)]?)\s+(\S.*)$")  # "1.2 • Delta i …"
ENUMERATOR_RE = re.compile(r"^\d{1,2}\.?(?:[a-z]\.?)?\)\s")  # "2.) …", "3.a) …", "4.c.) …", "5) …"


@dataclass(frozen=True)
class PathCosts:
    """The costs of the best path through a table's blocks (lower is likelier)."""

    new_row: float = 1.0  # a row starts
    skipped_cell: float = 0.15  # an empty cell passed over
    skipped_merged: float = 0.05  # a merged cell's place in the rows after its first
    skipped_nested: float = 1.0  # a merged cell left empty right after a merged cell opened anew
    inner_merged_alone: float = 1.0  # a row opening with a nested merged cell's new value alone
    missing_key: float = 2.5  # a row without its key cell (every row has one)
    same_cell: float = 0.4  # one more block in a list-like cell (activities, responsible, notes)
    same_text_cell: float = 1.2  # one more block in a goal or another text cell
    max_actor_words: int = 10  # an actor's name is short
    short_actor_words: int = 4  # a name this short may put its actor term anywhere
    dotted_name_words: int = 2  # a name this short may end with a full stop ("… Sydöst.")
    max_time_words: int = 5  # a time entry is short
    worded_time: float = 0.5  # a time cell in words, ending with a time entry
    max_label_words: int = 6  # a numbered area or section label ("2.) Patientmedverkan") is short
    numbered_elsewhere: float = 3.0  # where goals are numbered, a numbered block outside a goal
    unnumbered_goal: float = 1.0  # where goals are numbered, a goal block without its number
    unmarked: float = 1.0  # a capitalised block without the marker its cell's blocks open with
    marker_share: float = 0.7  # a cell whose blocks open with one marker this often has it
    min_style_blocks: int = 3  # blocks a cell needs before its style is judged
    length_misfit: float = 0.5  # per doubling of a block's length beyond the tolerance
    length_tolerance: float = 1.0  # doublings from a cell's usual length that cost nothing
    unsplit: float = 0.5  # a line read as one cell across a capitalised word inside it
    resume_row: float = 0.3  # a bullet after a page break that cut a row, back in that row
    back_to_marked: float = 0.8  # in reading order, a bullet going back to its bulleted cell
    back_to_other: float = 1.5  # in reading order, another block going back to an earlier cell
    revisit: float = 0.3  # in reading order, after going back, on to a cell the row had passed
    min_word_before_split: int = 4  # letters of the word before a cell boundary inside a line
    fit_share: float = 0.8  # a word fits a line when it ends within this share of the widest
    plain_after_bullet: float = 1.0  # a capitalised block without a bullet after a bullet item
    bullet_after_plain: float = 1.0  # a bullet item in the cell of the plain block before it
    text_opener: float = 1.0  # an actor's cell opening with a word the text cells open with
    min_opener_blocks: int = 2  # blocks of a text cell a first word must open to count


COSTS = PathCosts()
UNSURE_EMISSION = 1.5  # a block this unlike its column's content makes its row's cut unsure


@dataclass(frozen=True)
class Block:
    """Lines of one cell or part of one, as the text cuts them."""

    lines: tuple[Line, ...]
    open: bool = False  # its paragraph goes on (a page break cut it; pypdf marks it so)
    after_break: bool = False  # the first block after a page break
    joined: bool = False  # its first line is the rest of the previous block's last line
    resumes: bool = False  # a bullet first after a page break: maybe one more item of the row
    row_cut: bool = False  # that page break cut a row (blocks before it were left open)

    @property
    def text(self) -> str:
        return " ".join(line.stripped for line in self.lines)


def _looks_like_actor(text: str, costs: PathCosts) -> bool:
    """An actor's name: short, no sentence (a name of `dotted_name_words` may end with a full
    stop: "Screeningsamordnare Sydöst."), opening with an actor term (or naming one when very
    short: "Kontakt SSK"); names joined into one party ("… med stöd av …") may be longer, each
    opening with an actor term."""
    words = len(text.split())
    if text.rstrip().endswith("."):  # a sentence, not a name, unless short ("… Sydöst.")
        return words <= costs.dotted_name_words and starts_with_actor(text)
    if words > costs.max_actor_words:
        parts = joined_actors(text)
        return len(parts) > 1 and all(
            starts_with_actor(part) and len(part.split()) <= costs.max_actor_words for part in parts
        )
    return starts_with_actor(text) or (words <= costs.short_actor_words and names_actor(text))


def _lists_actors(block: Block, costs: PathCosts) -> bool:
    """A block of several actors' names, a line or more each (a reading-order tool prints a
    row's responsible cells as one block): every name reads as an actor's."""
    if len(block.lines) < 2 or any(is_bullet(line.text) for line in block.lines):
        return False
    names = split_actors([line.stripped for line in block.lines])
    return len(names) > 1 and all(_looks_like_actor(name, costs) for name in names)


EMISSION_CACHE_SIZE = 65536  # (block, cell) pairs whose emission is kept


@lru_cache(maxsize=EMISSION_CACHE_SIZE)
def emission(block: Block, cell: str, costs: PathCosts = COSTS) -> float:
    """How unlike a block is to the content of `cell` (0: just like it; kept for the paths
    that weigh the same block again)."""
    text = block.text
    words = len(text.split())
    status = is_status_cell(text)
    prefix = time_prefix(text)
    time = prefix is not None and words <= costs.max_time_words
    actor = _looks_like_actor(text, costs) or _lists_actors(block, costs)
    bullet = is_bullet(block.lines[0].text)
    numeral = NUMERAL_RE.match(text) is not None
    if cell == "number":
        return 0.0 if numeral else INFEASIBLE
    if numeral:
        return 3.0  # a row's printed number ("1", "2.3") in a column of text
    if cell == "status":
        return 0.0 if status else INFEASIBLE
    if cell == "timeframe":
        if time:
            return 0.0
        # words around time entries ("Digitalt webbinarie 21 mars 2025 samt fysiskt Q3-4 2025")
        worded = not bullet and words <= 2 * costs.max_time_words and _ends_with_time(text)
        return costs.worded_time if worded else INFEASIBLE
    if cell == "responsible":
        if actor or RESPONSIBLE_RE.match(text):
            return 0.0  # an actor, or actors labelled "Ansvar: …"
        return 1.0 if words <= 6 and not bullet and not status and not time else 5.0
    if status or time:
        return 3.0
    if cell == "activities":
        return 0.2 if bullet else (1.5 if actor else 0.5)
    if cell in ("goal", "rcc_activity"):
        if words <= costs.max_label_words and ENUMERATOR_RE.match(text):
            return 1.5  # a numbered label: an area's or section's name
        if bullet or actor:
            return 3.0 if bullet else 2.0
        return 1.0 if starts_with_actor(text) else 0.5  # "Processledare … resp. process."
    if cell == "area":
        if words <= costs.max_label_words and ENUMERATOR_RE.match(text):
            return 0.0  # "2.) Patientmedverkan", "3.a) Cancerprevention"
        return 1.0 if words <= 8 and not bullet else 3.0  # an area's name is short, no list item
    return 1.0  # notes


def _ends_with_time(text: str) -> bool:
    """The text's last words are a time entry ("… samt fysiskt Q3-4 2025")."""
    words = text.split()
    return any(time_prefix(" ".join(words[-k:])) for k in range(1, min(len(words), 3) + 1))


def marker(text: str) -> str | None:
    """What a block opens with: "bullet" ("• …"), "number" ("3.a) …", "12. …") or None."""
    if is_bullet(text):
        return "bullet"
    if ENUMERATOR_RE.match(text) or GOAL_RE.match(text):
        return "number"
    return None


@dataclass(frozen=True)
class CellStyle:
    """How a document prints its cells, judged over all its tables: the marker most blocks of
    a cell open with (bullets for activities, numbers for areas), and the usual length (median
    words) of each cell's blocks."""

    markers: dict[str, str] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=dict)
    text_openers: frozenset[str] = frozenset()  # first words of text cells, never of an actor

    def misfit(self, block: Block, cell: str, costs: PathCosts = COSTS) -> float:
        """The cost of a block unlike the cell's style: capitalised and without the marker the
        cell's blocks open with; more than `length_tolerance` doublings shorter or longer than
        its blocks."""
        text = block.text
        cost = 0.0
        if cell in self.markers and marker(text) != self.markers[cell] and text[:1].isupper():
            cost += costs.unmarked
        if cell in self.words:
            ratio = abs(math.log2(len(text.split()) / self.words[cell]))
            cost += costs.length_misfit * max(0.0, ratio - costs.length_tolerance)
        if cell == "responsible" and first_word(text) in self.text_openers:
            cost += costs.text_opener  # "Öka täckningsgraden" where activities open with "Öka"
        return cost


@dataclass(frozen=True)
class TableModel:
    """What the best path knows of a table: its columns, the key cell every row has, the merged
    cells that stand in the first of their rows only, whether goals are numbered ("12. …"), and
    the style the document prints each cell in."""

    columns: tuple[HeaderColumn, ...]
    key: str
    merged: frozenset[str] = frozenset()
    numbered: bool = False
    reading_order: bool = False  # cells of a row may come in any order (pdftotext)
    style: CellStyle = field(default_factory=lambda: CellStyle())
    statuses: frozenset[str] = frozenset()  # the document's own status words (`own_statuses`)


def column_emission(block: Block, model: TableModel, index: int, costs: PathCosts = COSTS) -> float:
    """How unlike a block is to what column `index` holds: the likeliest of the cells it fills
    (a combined column "Status/förutsättningar/ansvar" holds any of them). Where goals are
    numbered, a numbered block is a goal and a goal without a number is less likely (its rest
    after a page break has none); in a column of bullets, a capitalised block without one is
    less likely (it is the next cell)."""
    column = model.columns[index]
    cells = column.cells or ("notes",)
    cost = min(emission(block, cell, costs) for cell in cells)
    if "status" in cells and status_key(block.text) in model.statuses:
        cost = 0.0
    cost += model.style.misfit(block, column.cell, costs)
    text = block.text
    if not model.numbered:
        return cost
    if GOAL_RE.match(text):
        return 0.0 if "goal" in cells else cost + costs.numbered_elsewhere
    return cost + costs.unnumbered_goal if "goal" in cells else cost


def assign_columns(
    blocks: Sequence[Block], model: TableModel, costs: PathCosts = COSTS
) -> list[tuple[int, bool]]:
    """The best column for every block, and whether the block opens a row (Viterbi over the
    column order of a row: a block stays in its cell, moves right, or opens the next row). Every
    row has its key cell; a merged cell stands in the first of the rows it spans only. Where a
    block may go back to an earlier cell (reading order, a page break's rest), the path keeps
    how far right its row has reached: the cells passed are not charged again when the row
    ends, and going on into one of them costs `revisit` (a second row's cells are no longer
    read as one row's items printed out of order)."""
    columns, key, merged = model.columns, model.key, model.merged
    n = len(columns)
    cells = [column.cell for column in columns]
    if not blocks:
        return []

    def passed(cell: str) -> float:
        if cell == key:
            return costs.missing_key
        return costs.skipped_merged if cell in merged else costs.skipped_cell

    def skip(start: int, stop: int) -> float:
        """The cost of leaving the cells start..stop-1 of a row empty."""
        return sum(passed(cells[k]) for k in range(start, stop))

    def move(i: int, j: int) -> float:
        """The cost of going on from column i to column j > i in one row: merged cells nest, so
        a merged cell that opens a new value (an area) opens new values in the merged cells
        right of it (its goal) too."""
        if cells[i] not in merged:
            return skip(i + 1, j)
        return sum(
            costs.skipped_nested if cells[k] in merged else passed(cells[k])
            for k in range(i + 1, j)
        )

    def alone(j: int) -> float:
        """A row opening with a new value of a merged cell nested in another merged cell
        (a goal under an area) while the outer one goes on: nested cells change together."""
        if model.reading_order:  # a reading-order tool prints a row's cells apart: no cue
            return 0.0
        nested = cells[j] in merged and any(cells[k] in merged for k in range(j))
        return costs.inner_merged_alone if nested else 0.0

    def fits(block: Block, index: int) -> float:
        return column_emission(block, model, index, costs)

    def steps(
        block: Block, marked: str | None, unlike: float, i: int, r: int, j: int
    ) -> list[tuple[tuple[int, int], float, bool]]:
        """From state (i, r), the ways on to column j: the state reached, its cost, whether
        the block opens a row."""
        found: list[tuple[tuple[int, int], float, bool]] = []
        if j == i:
            same = costs.same_cell if cells[j] in LIST_CELLS else costs.same_text_cell
            found.append(((i, r), costs.unsplit if block.joined else same + unlike, False))
        elif j > r:
            found.append(((j, j), move(r, j), False))
        elif j > i:  # a cell of the row passed before: printed twice, or the next row
            found.append(((j, r), costs.revisit, False))
        elif block.resumes and (block.row_cut or cells[j] != key):
            # the next item of a list the page break came in (where the break cut no cell, a
            # bullet in the key cell opens the next row)
            found.append(((j, r), costs.resume_row, False))
        elif (
            model.reading_order
            and marked == "bullet"
            and (model.style.markers.get(cells[j]) == marked or cells[j] in LIST_CELLS)
        ):
            found.append(((j, r), costs.back_to_marked, False))
        elif model.reading_order and cells[j] not in (key, *merged):
            found.append(((j, r), costs.back_to_other, False))
        if not block.joined:  # one line is one row
            ends_row = skip(r + 1, n) + costs.new_row + skip(0, j) + alone(j)
            found.append(((j, j), ends_row, True))
        return found

    # a state is (i, r): the latest block in column i, the row having reached column r >= i
    # (in reading order a block may go back to an earlier cell; the cells up to r are passed)
    cost: dict[tuple[int, int], float] = {(i, i): skip(0, i) + fits(blocks[0], i) for i in range(n)}
    back: list[dict[tuple[int, int], tuple[tuple[int, int], bool]]] = [{}]
    for before, block in zip(blocks, blocks[1:], strict=False):
        marked = marker(block.text)
        # in reading order (the tool cut the blocks itself), a cell's items share their marker:
        # a capitalised block without one after a bullet item opens another cell
        unlike = (
            costs.plain_after_bullet
            if model.reading_order
            and marked is None
            and marker(before.text) == "bullet"
            and block.text[:1].isupper()
            else 0.0
        )
        if marked == "bullet" and marker(before.text) is None:
            # in any order, a bullet item right after a plain block is no item of its cell
            # (a plain goal and a bullet below it open the next row)
            unlike += costs.bullet_after_plain
        if model.numbered and GOAL_RE.match(block.text):
            unlike += costs.numbered_elsewhere  # a goal's cell holds one numbered goal
        emissions = [fits(block, j) for j in range(n)]
        new_cost: dict[tuple[int, int], float] = {}
        pointers: dict[tuple[int, int], tuple[tuple[int, int], bool]] = {}
        for (i, r), so_far in cost.items():
            for j in range(n):
                for state, step, opens in steps(block, marked, unlike, i, r, j):
                    value = so_far + step + emissions[j]
                    if value < new_cost.get(state, math.inf):
                        new_cost[state], pointers[state] = value, ((i, r), opens)
        cost = new_cost
        back.append(pointers)
    state = min(cost, key=lambda s: cost[s] + skip(s[1] + 1, n))
    path: list[tuple[int, bool]] = []
    for t in range(len(blocks) - 1, -1, -1):
        previous, opens = back[t].get(state, ((-1, -1), True))
        path.append((state[0], opens))
        state = previous
    return path[::-1]


PAGE_BREAK = Line(0, 0, "\f")  # where a table's header is repeated: a new page


def cut_blocks(
    lines: Sequence[Line],
    paragraph_marks: bool,
    inner_words: frozenset[str] = frozenset(),
    columns: Sequence[HeaderColumn] = (),
) -> list[Block]:
    """A table body's blocks: cut at blank lines and at bullets. With `paragraph_marks` (the
    tool ends a wrapped line with a space), a block whose last line does so goes on: where a
    page break cut a row (pypdf prints the first part of each cell, the repeated header, then
    the rest of each cell), the blocks after the break are the rests of the open blocks before
    it, in order. While more than one rest is due, a paragraph's end marked by the tool ends
    the rest even before a lower-case line, when that line opens with a whole word (one of
    `inner_words`, seen inside lines) rather than the end of a broken one. Where the rests after
    a break outnumber the blocks left open, or a rest in lower case comes where none was, the
    cells the break cut hide in the blocks they ended in (`_reopen`). Without the tool's marks
    (pdftotext), the words tell: blocks of running text that stop without a sentence's end wait,
    as many as lower-case rests come (`_unfinished_before`); a rest ends with a sentence before
    a capitalised line, and a label of the table's `columns` is none."""
    blocks: list[Block] = []
    current: list[Line] = []
    waiting: list[int] = []  # open blocks before a page break, still without their rest
    hidden = range(0)  # the blocks before a page break that left none open
    previous_page = 0  # the first block of the page before the last page break

    def take_rest(target: int, block: Block) -> None:
        """The block after a page break is the rest of the cell `target` (its mark kept)."""
        blocks[target] = Block((*blocks[target].lines, *current), block.open)

    def close() -> None:
        if not current:
            return
        block = Block(tuple(current), paragraph_marks and _goes_on(current[-1]))
        nonlocal broken, cut_row, hidden
        if hidden and current[0].stripped[:1].islower() and _is_rest(current[0]):
            waiting[:] = _reopen(blocks, hidden)
        hidden = range(0)
        if waiting and _is_rest(current[0]) and _word_tail(current[0], inner_words):
            # the rest of a word the break cut at a line's end ("sjukvårdsregionen" / "s …"):
            # of the cell that ended without a space right before the first open one
            target = _broken_before(blocks, range(previous_page, waiting[0]))
            if target is None:
                target = waiting.pop(0)
            take_rest(target, block)
        elif (
            waiting
            and _is_rest(current[0])
            and _may_go_on(blocks[waiting[0]], current[0])
            and (paragraph_marks or _unmarked_rest(block))
            and not repeats_label(block.text, columns)
        ):
            target = waiting.pop(0)
            take_rest(target, block)
        elif broken and (stray_labels(block.text) or repeats_label(block.text, columns)):
            blocks.append(block)  # a header's labels printed again after the break: no cell
        elif (
            broken
            and paragraph_marks
            and _word_tail(current[0], inner_words)
            and (target := _broken_word(blocks, range(previous_page, len(blocks)), inner_words))
            is not None
        ):
            # no block waits, but one before the break ended on a piece of a word
            take_rest(target, block)
        elif blocks and not broken and CLOSING_RE.fullmatch(block.text):
            last = blocks[-1]  # ")" alone: the end of the block before, no cell of its own
            blocks[-1] = replace(last, lines=(*last.lines, *current), open=block.open)
        else:
            resumes = broken and is_bullet(current[0].text)
            if not (paragraph_marks and resumes and cut_row):  # rests may follow its list
                waiting.clear()
            blocks.append(replace(block, after_break=broken, resumes=resumes, row_cut=cut_row))
            broken = cut_row = False
        current.clear()

    broken = False  # a page break came since the last block appended
    cut_row = False  # and it cut a row: some blocks before it were open
    page_start = 0  # the first block of the page
    for position, line in enumerate(lines):
        if line is PAGE_BREAK:
            close()
            made = _split_cut_cells(blocks)
            window = range(_window_start(blocks, page_start), len(blocks))
            if made.difference(window):  # parts split off where no rest can reach them
                _unsplit(blocks, made.difference(window))
                window = range(_window_start(blocks, page_start), len(blocks))
            due = _rests_due(lines, position + 1)
            if paragraph_marks:
                waiting[:] = [i for i in window if _left_open(blocks[i])]
            else:
                waiting[:] = _unfinished_before(blocks, window, due)
            if paragraph_marks and waiting and due > len(waiting):
                added = len(waiting)  # more cells were cut than blocks left open: some hid
                waiting[:] = _reopen_before(blocks, waiting, page_start, due - len(waiting))
                window = range(window.start, window.stop + len(waiting) - added)
            hidden = window if paragraph_marks and not waiting else range(0)
            previous_page = page_start
            broken, cut_row, page_start = True, bool(waiting), len(blocks)
            continue
        rest_ends = (
            bool(current and waiting)
            and bool(
                GOAL_RE.match(line.text)  # the next goal opens: no rest goes on past it
                or ENUMERATOR_RE.match(line.text)
                or (  # unmarked: a rest ends with a sentence before a capitalised line
                    not paragraph_marks
                    and _may_go_on(blocks[waiting[0]], current[0])
                    and bool(FULL_STOP_RE.search(current[-1].stripped))
                    and line.stripped[:1].isupper()
                )
                or (  # a resumed list's item ends at its paragraph's end before a rest
                    paragraph_marks
                    and is_bullet(current[0].text)
                    and not _goes_on(current[-1])
                    and line.stripped[:1].islower()
                )
                or (
                    paragraph_marks
                    and len(waiting) > 1
                    and not _word_tail(current[0], inner_words)  # a broken word's rest goes on
                    and _ends_rest(current[-1], line, inner_words)
                )
            )
        )
        if line.is_blank or (is_bullet(line.text) and current) or rest_ends:
            close()
        if hidden and not current and line.stripped[:1].islower() and two_rests(line):
            # two rests where no block was left open: two cells hidden, the first rest the
            # earlier one's
            later = _reopen(blocks, hidden)
            earlier = _reopen(blocks, range(hidden.start, later[0] + 1)) if later else []
            waiting[:] = [earlier[0], later[0] + 1] if earlier else later
            hidden = range(0)
        parts = two_rests(line) if len(waiting) > 1 and not current else None
        if parts is None and paragraph_marks and len(waiting) > 1 and not current:
            width = max(len(item.stripped) for item in blocks[waiting[0]].lines)
            parts = _last_rests(line, lines[position + 1 :], width)
        if parts is not None:
            current.append(parts[0])  # the first rest ends on this line, the next starts on it
            close()
            line = parts[1]
        if not line.is_blank:
            current.append(line)
    close()
    return blocks


CLOSING_RE = re.compile(r"[)\]}.,;:!?”\"]+")  # marks that only end what stands before them


def _rests_due(lines: Sequence[Line], start: int) -> int:
    """How many cells' rests the paragraphs from `start` (right after a page break) hold: each
    that opens in lower case (not a status word, a bullet or a label) is one, two where a
    sentence ends before a lower-case word on its first line; the first other paragraph ends
    them."""
    count, paragraph = 0, []
    for line in (*lines[start:], Line(0, 0, "")):
        if line is PAGE_BREAK:
            break
        if not line.is_blank:
            paragraph.append(line)
            continue
        if not paragraph:
            continue
        first = paragraph[0]
        text = " ".join(item.stripped for item in paragraph)
        if stray_labels(text):
            paragraph = []  # a header's labels printed again: the rests may follow
            continue
        if not (_opens_midway(text) and _is_rest(first)) or is_status_cell(text):
            break
        count += 2 if two_rests(first) else 1
        paragraph = []
    return count


def _opens_midway(text: str) -> bool:
    """A paragraph that opens in the middle of a sentence: in lower case, or with a date that
    a lower-case word goes on ("2024-02-01 arrangerad av …"; not a time cell of its own)."""
    words = text.split()
    dated = len(words) > 1 and words[0][:1].isdigit() and words[1][:1].islower()
    return text[:1].islower() or (dated and not _reads_as_time(text))


def _reopen_before(blocks: list[Block], waiting: list[int], start: int, count: int) -> list[int]:
    """Up to `count` cells hidden before (or in) the first open block of `waiting`, within a
    row's reach and not before `start`, reopened the latest first; the open blocks then."""
    waiting = list(waiting)
    for _ in range(count):
        row = range(max(start, waiting[0] - OPEN_BLOCK_WINDOW), waiting[0])
        own = range(waiting[0], waiting[0] + 1)
        if not (found := _reopen(blocks, row) or _reopen(blocks, own)):
            break
        waiting = sorted({found[0], *(index + (index >= found[0]) for index in waiting)})
    return waiting


def _left_open(block: Block) -> bool:
    """A block a page break may have cut: marked as going on, or stopped mid-phrase ("… kontakt
    med", where a piece of a line split off lost its mark)."""
    return block.open or runs_on(block.lines[-1].text)


def _unfinished_before(blocks: Sequence[Block], window: range, due: int) -> list[int]:
    """Where the tool marks no paragraph ends, the blocks of `window` that wait for the `due`
    rests after a page break: unfinished ones, those that run on first ("… struktur och"
    before "… direkt till kvalitetsregister", a goal that needs no full stop), in order."""
    unfinished = [i for i in window if _unfinished(blocks[i])]
    running = [i for i in unfinished if runs_on(blocks[i].lines[-1].text)]
    stopped = [i for i in unfinished if i not in running]
    return sorted((running + stopped)[:due])


def _unfinished(block: Block) -> bool:
    """Where the tool marks no paragraph ends, a block a page break may have cut: running text
    that stops without a sentence's end ("… forskningen och öka", "… insamlingar (t.ex."), not
    a cell of a few words that needs none (an actor's name, a status, a time entry)."""
    text = block.text.rstrip()
    ended = text.endswith((".", "!", "?")) and not runs_on(text)  # not "… (t.ex."
    return not ended and not _reads_as_cell(text)


def _unmarked_rest(block: Block) -> bool:
    """Where the tool marks no paragraph ends, a block after a page break that may be a cut
    cell's rest: not a numbered goal, nor a cell of its own in lower case ("pågår")."""
    return not GOAL_RE.match(block.text) and not _reads_as_cell(block.text)


def _reads_as_cell(text: str) -> bool:
    """Text that is a cell of its own wherever it stands, in lower case too: an actor's name,
    a status, a time entry ("kvinnokliniken", "pågår", "2025")."""
    return is_status_cell(text) or _reads_as_time(text) or _looks_like_actor(text, COSTS)


def _may_go_on(block: Block, first: Line) -> bool:
    """Whether a line may go on a block the break left open: where only its words say so (it
    stopped mid-phrase, the tool's mark lost), not with a capitalised word ("… portaler på" /
    "Validering i …" is the next row)."""
    return block.open or not first.stripped[:1].isupper()


def _word_tail(first: Line, inner_words: frozenset[str]) -> bool:
    """A line that opens with the short end of a broken word ("s patienter …"): a lower-case
    piece the text never prints as a word of its own inside a line."""
    piece = first.stripped.split()[0] if first.stripped else ""
    return (
        piece.isalpha()
        and piece.islower()
        and len(piece) <= MAX_WORD_TAIL
        and (piece not in inner_words)
    )


def _broken_word(blocks: list[Block], window: range, inner_words: frozenset[str]) -> int | None:
    """The last block of `window` that ends on a piece of a word: without a space, on a
    lower-case word the text never prints inside a line ("… prioriteringsordnin")."""
    for index in reversed(window):
        last = blocks[index].lines[-1]
        word = last.stripped.split()[-1] if last.stripped else ""
        if not last.ends_open and word.isalpha() and word.islower() and word not in inner_words:
            return index
    return None


def _broken_before(blocks: list[Block], window: range) -> int | None:
    """The last block of `window` if it ends without a space on a letter: a word the page
    break may have cut at the line's end."""
    if not window:
        return None
    last = blocks[window[-1]].lines[-1]
    return window[-1] if not last.ends_open and last.stripped[-1:].isalpha() else None


def _reopen(blocks: list[Block], window: range) -> list[int]:
    """Where a page break left no block open but a rest follows it, the cell it cut ended on an
    open line and the next cell followed on the next line, opening with a capitalised word (not
    an acronym, which a sentence may go on with) in the same block ("Uppnå … till Register för "
    / "Direktöverföring av …"): the last such block of `window` (an actor's name is one) is split
    there, its first part open. The index of that part, or none found."""
    for index in reversed(window):
        block = blocks[index]
        if _looks_like_actor(block.text, COSTS):
            continue  # "RCC " / "Mellansverige": one name
        for cut in range(len(block.lines) - 1, 0, -1):
            before, line = block.lines[cut - 1], block.lines[cut]
            if before.ends_open and CAPITALISED_RE.match(line.stripped):
                first = replace(block, lines=block.lines[:cut], open=True)
                blocks[index : index + 1] = [first, Block(block.lines[cut:], block.open)]
                return [index]
    return []


FULL_STOP = r"[^\W\d_]{4}\)?[.!?]"  # "… cancersjukdom.", "(ansvar …)."; not "t.ex.", "inkl."
FULL_STOP_RE = re.compile(FULL_STOP + r"$")
TWO_RESTS_RE = re.compile(rf"^(.*?{FULL_STOP})\s+(?=[a-zåäö])")  # "cancersjukdom. för att …"


def two_rests(line: Line) -> tuple[Line, Line] | None:
    """A line after a page break that ends one cell's rest with a sentence and opens another
    cell's in lower case: the tool printed two rests that share a baseline on one line (a
    sentence does not go on in lower case after its full stop; "t.ex." and "inkl." are no
    sentence ends, four letters must come before the stop)."""
    match = TWO_RESTS_RE.match(line.text)
    if match is None:
        return None
    return replace(line, text=match.group(1)), replace(line, text=line.text[match.end() :])


ONE_CELL_WIDTH = 1.25  # a cell's line is at most this much longer than its longest line before
# a page break (letters differ in width); a longer line holds two cells' rests


def _last_rests(line: Line, after: Sequence[Line], width: int) -> tuple[Line, Line] | None:
    """Two cells still wait for their rests after a page break and only this line, a paragraph's
    end in lower case, is left before the next cell opens: the tool printed both rests on it,
    side by side with nothing between ("rehabilitering rehabilitering"), so it is longer than
    the first cell's column is wide (`width`: its cell's longest line before the break). The
    first rest takes the words that fit that width, one at least, and the next rest the
    others."""
    words = line.stripped.split()
    if len(words) < 2 or not line.stripped[:1].islower() or _goes_on(line):
        return None
    if len(line.stripped) <= ONE_CELL_WIDTH * width:
        return None  # fits the first cell's column: its rest alone
    following = next((item for item in after if not item.is_blank), None)
    if following is not None and following is not PAGE_BREAK and _opens_midway(following.text):
        return None  # more rests follow: one a line
    cut = 1
    while cut < len(words) - 1 and len(" ".join(words[: cut + 1])) <= width:
        cut += 1
    return replace(line, text=" ".join(words[:cut])), replace(line, text=" ".join(words[cut:]))


def _is_rest(first: Line) -> bool:
    """A block after a page break, opening with `first`, that may be the rest of a cell the
    break cut: not a bullet item, a numbered label nor a header's label (the second line of
    "Planerade / aktiviteter")."""
    return not (
        is_bullet(first.text) or ENUMERATOR_RE.match(first.text) or stray_labels(first.text)
    )


def _ends_rest(last: Line, line: Line, inner_words: frozenset[str]) -> bool:
    """After a page break, `last` ends one cell's rest and `line` starts the next cell's: the
    tool marks `last` as a paragraph's end and `line` opens with a whole word, in lower case
    only because it goes on a word the previous page broke ("patient-" / "och- …")."""
    words = line.stripped.split()
    first = words[0].strip(',.;:-–”"()') if words else ""
    return not line.is_blank and not _goes_on(last) and first[:1].islower() and first in inner_words


def inner_words(lines: Sequence[Line]) -> frozenset[str]:
    """The lower-case words a text prints inside a line, between other words or marks: whole
    words (a word broken at a line's end prints its first part last on a line and its last part
    first on the next one only)."""
    return frozenset(
        word for line in lines for word in re.findall(r"(?<=\s)[a-zåäö]+\b(?=\W)", line.stripped)
    )


def _goes_on(line: Line) -> bool:
    """A block's last line leaves its paragraph open: it ends with a space (where the tool marks
    paragraph ends) or with a word broken at a hyphen ("patient-")."""
    text = line.text.rstrip()
    return line.ends_open or (text.endswith("-") and text[-2:-1].isalpha())


def _paragraph(lines: Sequence[Line]) -> str:
    """The text of the paragraph the lines open: up to the first line that ends it (a line that
    stops mid-phrase, or before a lower-case line without ending a sentence, goes on even where
    the tool did not mark it: "levnadsvanor samt", "kontaktsjuksköters" / "korna")."""
    texts: list[str] = []
    for index, line in enumerate(lines):
        texts.append(line.stripped)
        lower_next = index + 1 < len(lines) and lines[index + 1].stripped[:1].islower()
        unmarked = runs_on(line.text) or (lower_next and not FULL_STOP_RE.search(line.stripped))
        if not _goes_on(line) and not unmarked:
            break
    return " ".join(texts)


def _split_cut_cells(blocks: list[Block]) -> set[int]:
    """Before a page break, a cell cut by the break ends open and the next cell follows on the
    next line without a break: split a block after an open line that the next cell follows
    (`_opens_next_cell`). The indices of the open parts made so: a part stands only where a
    rest after the break may reach it (`_unsplit`)."""
    start = max(0, len(blocks) - OPEN_BLOCK_WINDOW)
    result: list[Block] = []
    made: set[int] = set()
    for block in blocks[start:]:
        part: list[Line] = []
        for index, line in enumerate(block.lines):
            part.append(line)
            if not line.ends_open or not strip_bullet(line.stripped):  # "• " alone opens its item
                continue
            if _opens_next_cell(_open_paragraph(part), _paragraph(block.lines[index + 1 :])):
                made.add(start + len(result))
                result.append(replace(block, lines=tuple(part), open=True))
                part = []
        result.append(block if len(part) == len(block.lines) else Block(tuple(part), block.open))
    blocks[start:] = result
    return made


def _unsplit(blocks: list[Block], made: set[int]) -> None:
    """Join again each part `_split_cut_cells` made that no rest after the break may reach (it
    stands before the row the break cut): its line only wrapped, the paragraph below it was its
    own ("… till RgK. " / "Pågår.")."""
    for index in sorted(made, reverse=True):
        if index + 1 < len(blocks):
            part, following = blocks[index], blocks[index + 1]
            joined = (*part.lines, *following.lines)
            blocks[index : index + 2] = [replace(part, lines=joined, open=following.open)]


def _open_paragraph(lines: Sequence[Line]) -> str:
    """The text of the paragraph the last of `lines` leaves open."""
    start = len(lines) - 1
    while start and _goes_on(lines[start - 1]):
        start -= 1
    return " ".join(line.stripped for line in lines[start:])


def _opens_next_cell(before: str, text: str, costs: PathCosts = COSTS) -> bool:
    """Whether the paragraph `text`, after an open paragraph `before`, is the next cell: a time
    entry not in lower case ("2025 Statistiker", "Kontinuerligt, 3-4 ggr/termin"; not the rest
    of "… i maj" / "2025." nor of a time cell's "… samt fysiskt" / "Q3 2025"), or an actor's
    name or status, capitalised or after a sentence's end (a sentence does not go on in lower
    case: "(ansvar cancersamordnaren)." / "cancersamordnaren"), and not the rest of an actor's
    name that runs on ("Regionerna med stöd av" / "RCC Mellansverige" is one name)."""
    last_word = before.split()[-1]
    if _reads_as_time(text, costs) and not time_prefix(f"{last_word} {text}"):
        return not text[:1].islower() and not has_time(before)
    if not text[:1].isupper() and not FULL_STOP_RE.search(before.rstrip()):
        return False
    one_name = runs_on(before) and _looks_like_actor(before, costs)
    named = starts_with_actor(text) and _looks_like_actor(text, costs)  # not "SVF … Regionerna"
    return is_status_cell(text) or (named and not one_name)


def _reads_as_time(text: str, costs: PathCosts = COSTS) -> bool:
    """A time cell: a time entry alone, before another ("Kontinuerligt, 3-4 ggr/termin") or
    before an actor's name (a row's time and actor cells on one line: "2025 Statistiker");
    not a sentence that opens with a year ("2024 och fortsätter 2025.")."""
    time = time_prefix(text)
    if time is None:
        return False
    rest = text[len(time) :].strip()
    after = rest.lstrip(",;–-/ ")
    return not rest or time_prefix(after) is not None or _looks_like_actor(rest, costs)


OPEN_BLOCK_WINDOW = 6  # cells before a page break that may still be open (a row's cells)


def _window_start(blocks: Sequence[Block], page_start: int) -> int:
    """The first block of the last OPEN_BLOCK_WINDOW cells on the page: a run of bullet items
    or of actors' names is one cell (a list), any other block one."""

    def kind(block: Block) -> str | None:
        if is_bullet(block.text):
            return "bullet"
        return "actor" if _looks_like_actor(block.text, COSTS) else None

    cells, start = 0, len(blocks)
    following: str | None = None
    while start > page_start:
        current = kind(blocks[start - 1])
        if current is None or current != following:
            cells += 1
        if cells > OPEN_BLOCK_WINDOW:
            break
        start, following = start - 1, current
    return start


def stray_labels(text: str) -> tuple[HeaderColumn, ...]:
    """The columns a text names when it is nothing but header labels printed among the cells;
    a status word or a time entry ("Klart", "Pågående") is a cell, not a label."""
    if is_status_cell(text) or time_prefix(text):
        return ()
    return label_line(text)


def repeats_label(text: str, columns: Sequence[HeaderColumn]) -> bool:
    """True when a text is one of the table's own labels, or a part of one that a wrapped
    header prints apart, printed among the cells by a reading-order tool: its first part
    ("Aktivitet i RV", "Aktivitet från" of "Aktivitet från RCC"), or a later part that holds a
    label word ("aktiviteter" of "Planerade aktiviteter"; not "RCC", which may be an actor)."""
    words = fold(text)
    if not words or is_status_cell(text):
        return False
    labels = [fold(column.label) for column in columns]
    if text.strip()[:1].isupper() and any(label[: len(words)] == words for label in labels):
        return True
    return has_label(text) and any(
        label[start : start + len(words)] == words
        for label in labels
        for start in range(1, len(label) - len(words) + 1)
    )


@dataclass
class _Table:
    columns: tuple[HeaderColumn, ...]
    context: Context
    body: list[Line]
    head: frozenset[str] = frozenset()  # the lines right above its header where it opened: a
    # title row the header repeats with is one of them, if it reads as a title (an area's line,
    # a heading, the table's caption)


def _head_of(lines: Sequence[Line], index: int) -> frozenset[str]:
    """The texts of the lines right above a header (a title row, if the table has one)."""
    above = [line.stripped for line in lines[:index] if not line.is_blank][-TITLE_LINES:]
    return frozenset(above)


def table_section(table: _Table | None) -> str | None:
    return table.context.section if table is not None else None


def _header_below(lines: Sequence[Line], index: int, spans: Mapping[int, HeaderSpan]) -> bool:
    """A header starts within TITLE_LINES text lines below `lines[index]`."""
    below = [i for i in range(index + 1, len(lines)) if not lines[i].is_blank][:TITLE_LINES]
    return any(i in spans for i in below)


WORD_START_RE = re.compile(r"(?<=\S )(?=\S)")


def _times_in(text: str) -> Iterator[tuple[int, str]]:
    """The time entries a line holds at its words' starts, in order, with where each starts
    ("Q1 2025" is one entry, not "2025" too)."""
    covered = 0  # the end of the last time entry seen
    for start in (0, *(match.start() for match in WORD_START_RE.finditer(text))):
        time = time_prefix(text[start:]) if start >= covered else None
        if time:
            covered = start + len(time)
            yield start, time


def split_inner_time(line: Line, following: str = "", costs: PathCosts = COSTS) -> list[Line]:
    """A line where a time entry stands between other words and an actor's name (a row's
    cells printed on one line where they share a baseline: "• Bilda nätverk i sydöst 2025
    Processledare") as three cells, a blank line between each; a sentence that only names a
    time ("… under 2025 ska regionerna …") stays whole. Where the line's paragraph goes on
    (the tool marks it), the name may end on the `following` line ("… 2 ggr/år Screening" /
    "grupp SÖSR")."""
    text = line.text
    for start, time in _times_in(text):
        actor = text[start + len(time) :].lstrip()  # its trailing space kept: the tool's mark
        named = starts_with_actor(actor) or actor[:1].isupper()  # not "… 2025 ska regionerna"
        name = f"{actor.strip()} {following.strip()}" if line.ends_open else actor.strip()
        if start and named and _looks_like_actor(name, costs):
            blank = Line(line.number, line.page, "")
            head = replace(line, text=text[:start].rstrip())
            return [head, blank, replace(line, text=time), blank, replace(line, text=actor)]
    return [line]


INNER_LABEL_RE = re.compile(r"(?<=[^\W\d_]) (?=[A-ZÅÄÖ][a-zåäö]+\s*:\s)")  # "… och Ansvar: …"
ROW_END_CELLS = frozenset({"responsible", "timeframe", "status"})


def split_inner_field(line: Line) -> list[Line]:
    """A line where a field that closes a row ("Ansvar: …", "Status: …": a label of the
    vocabulary for who, when or how far) starts after other words (a row's first lines printed
    on one line: "• RgK remitterar patienter till Ansvar: Patientens läkare") as two cells, a
    blank line between. A goal's label stays ("… närstående; Mål: En person …" is one goal)."""
    for match in INNER_LABEL_RE.finditer(line.text):
        tail = line.text[match.end() :]
        labelled = field_cell(tail)
        if labelled is not None and labelled[0] in ROW_END_CELLS:
            head = replace(line, text=line.text[: match.start()])
            return [head, Line(line.number, line.page, ""), replace(line, text=tail)]
    return [line]


def _with_columns(
    columns: tuple[HeaderColumn, ...], more: Sequence[HeaderColumn]
) -> tuple[HeaderColumn, ...]:
    """The columns and, after them, those of `more` whose cells they lack."""
    known = {column.cell for column in columns}
    return columns + tuple(column for column in more if column.cell not in known)


INNER_CAPITAL_RE = re.compile(r"(?<=[^\W\d_]) ([A-ZÅÄÖ][a-zåäö]+)\b")  # "vårdplan Införande"


def split_joined_cells(
    block: Block, common: frozenset[str], costs: PathCosts = COSTS
) -> list[Block]:
    """A block whose first line may hold two cells (pypdf prints the first lines of a row's
    cells on one line when they share a baseline: "En sammanhållen vårdplan Införande av …"),
    cut before each capitalised word that the document writes in lower case elsewhere or opens a
    paragraph with (a common word or a cell's first word, not a name inside a sentence: "Region",
    "Rcc" stay) after a word of `min_word_before_split` letters or more. A bullet item is not
    cut. The parts after the first are `joined`: the best path reads them as one cell again at
    the cost `unsplit`, or as the next cells of the same row."""
    first, rest = block.lines[0], block.lines[1:]
    text = first.stripped
    if is_bullet(text):
        return [block]
    cuts = [
        match.start()
        for match in INNER_CAPITAL_RE.finditer(text)
        if match.group(1).lower() in common
        and len(text[: match.start()].split()[-1]) >= costs.min_word_before_split
    ]
    if not cuts:
        return [block]
    pieces = [text[start:end].strip() for start, end in zip([0, *cuts], [*cuts, None], strict=True)]
    parts = [replace(first, text=piece) for piece in pieces]
    blocks = [Block((parts[0],), False, block.after_break)]
    blocks += [Block((part,), False, False, True) for part in parts[1:]]
    last = blocks[-1]
    blocks[-1] = replace(last, lines=(*last.lines, *rest), open=block.open)
    return blocks


def _split_at(block: Block, starts: Sequence[int]) -> list[Block]:
    """A block cut before each of its lines at `starts` (0 first); the first part keeps where
    the block stood after a page break, the last whether it goes on."""
    if len(starts) == 1:
        return [block]
    parts = [block.lines[a:b] for a, b in zip(starts, [*starts[1:], None], strict=True)]
    blocks = [Block(part) for part in parts]
    blocks[0] = replace(
        blocks[0], after_break=block.after_break, resumes=block.resumes, row_cut=block.row_cut
    )
    blocks[-1] = replace(blocks[-1], open=block.open)
    return blocks


def split_hard_breaks(block: Block, costs: PathCosts = COSTS) -> list[Block]:
    """A block of text without paragraph marks cut where a line did not wrap: a capitalised
    line whose first word would have fit on the line before (within `fit_share` of the block's
    widest line) follows a paragraph's end, not a wrap, so it opens the next cell."""
    width = max(len(line.stripped) for line in block.lines)
    starts = [0]
    for i, (before, line) in enumerate(zip(block.lines, block.lines[1:], strict=False), 1):
        first = line.stripped.split()[0] if line.stripped else ""
        fits = len(before.stripped) + 1 + len(first) <= costs.fit_share * width
        if fits and first[:1].isupper() and not runs_on(before.stripped):
            starts.append(i)
    return _split_at(block, starts)


def split_numbered(block: Block) -> list[Block]:
    """A block cut before every line after its first that opens with a goal's number ("18. De
    lokala …"): where goals are numbered, a numbered line opens the next goal's cell."""
    return _split_at(
        block, [i for i, line in enumerate(block.lines) if not i or GOAL_RE.match(line.text)]
    )


def lower_case_words(lines: Sequence[Line]) -> frozenset[str]:
    """The words a text writes in lower case somewhere: common words, not names."""
    return frozenset(word for line in lines for word in re.findall(r"\b[a-zåäö]+\b", line.text))


def paragraph_openers(lines: Sequence[Line]) -> frozenset[str]:
    """The capitalised words (lower-cased) that open a paragraph somewhere in the text: the
    first words of cells ("Synliggöra …"), so where one stands inside a line after other words
    a cell may open there."""
    starts = [line for index, line in enumerate(lines) if not index or lines[index - 1].is_blank]
    return frozenset(
        line.stripped.split()[0].lower() for line in starts if CAPITALISED_RE.match(line.stripped)
    )


MIN_STATUS_REPEATS = 3  # a short text after a time entry this often is a status word
MAX_STATUS_WORDS = 3  # a status cell is short


def status_key(text: str) -> str:
    """A status text as the document's own status words are kept: spaced once, lower case."""
    return " ".join(text.split()).lower()


def _is_status(text: str, statuses: frozenset[str]) -> bool:
    return is_status_cell(text) or status_key(text) in statuses


def _status_split(text: str, statuses: frozenset[str]) -> tuple[str, str] | None:
    """A line split before the status that ends it, of the vocabulary (`status_tail`) or of the
    document's own; None when it ends with none."""
    if split := status_tail(text):
        return split
    words = text.split()
    for count in range(1, min(MAX_STATUS_WORDS, len(words) - 1) + 1):
        if status_key(" ".join(words[-count:])) in statuses:
            return " ".join(words[:-count]), " ".join(words[-count:])
    return None


def _may_be_status(text: str) -> bool:
    """A short capitalised text that is no sentence, broken word, actor, time entry, status word
    or label."""
    words = text.split()
    return (
        0 < len(words) <= MAX_STATUS_WORDS
        and text[:1].isupper()
        and not text.endswith((".", ":", "-"))
        and not any(char.isdigit() for char in text)
        and time_prefix(text) is None
        and not _looks_like_actor(text, COSTS)
        and not is_status_cell(text)
        and not has_label(text)
    )


def own_statuses(lines: Sequence[Line]) -> frozenset[str]:
    """The status words a document writes that the vocabulary does not list ("Försenad", a
    traffic light's "Grön"): a short text that follows a time entry at least MIN_STATUS_REPEATS
    times, on its line ("2027 Försenad", pypdf) or as the next line ("2027" / "Försenad",
    pdftotext), as a status column after a time column prints it. Read by tables with a status
    column only."""
    texts = [line.stripped for line in lines if not line.is_blank]
    counts: Counter[str] = Counter()
    for before, text in zip(["", *texts], texts, strict=False):
        if before and time_prefix(before) == before:
            candidate = text  # the line after a time entry alone
        else:
            start, time = next(_times_in(text), (0, ""))
            if not time:
                continue
            candidate = text[start + len(time) :].strip()
        if _may_be_status(candidate):
            counts[status_key(candidate)] += 1
    return frozenset(text for text, count in counts.items() if count >= MIN_STATUS_REPEATS)


def split_status_tail(
    block: Block, costs: PathCosts = COSTS, statuses: frozenset[str] = frozenset()
) -> list[Block]:
    """A one-line block of an actor or a time entry and a status, of the vocabulary or of the
    document's own `statuses` (an unruled table's two cells on one baseline: "Kvinnokliniken
    pågår", "Q3 2027 Planeras") as two blocks; a sentence with a status word ("… vård pågår.")
    stays whole."""
    split = _status_split(block.text, statuses) if len(block.lines) == 1 else None
    if split is None or not (
        _looks_like_actor(split[0], costs) or time_prefix(split[0]) == split[0]
    ):
        return [block]
    line = block.lines[0]
    first = Block((replace(line, text=split[0]),), False, block.after_break)
    return [first, Block((replace(line, text=split[1]),), block.open)]


def split_number_head(block: Block) -> list[Block]:
    """A block that opens with a row's printed number and goes on with a cell's text, a
    capitalised word or a bullet ("1.2 • Delta i …": a row's first baseline printed as one line,
    where the number column is the table's first) as the number's block and the rest's; a
    count in a sentence ("2 ggr per år") stays whole."""
    first = block.lines[0]
    match = NUMERAL_HEAD_RE.match(first.stripped)
    if not match or not (match.group(2)[:1].isupper() or is_bullet(match.group(2))):
        return [block]
    rest = Block((replace(first, text=match.group(2)), *block.lines[1:]), block.open)
    return [Block((replace(first, text=match.group(1)),), False, block.after_break), rest]


def split_time_head(block: Block, costs: PathCosts = COSTS) -> list[Block]:
    """A block that opens with a time entry and goes on with an actor (a row's time and actor
    cells on one baseline: "2024-2025 Processledare prevention") as two blocks."""
    first = block.lines[0]
    time = time_prefix(first.stripped)
    rest = first.stripped[len(time) :].strip() if time else ""
    if not time or not rest:
        return [block]
    actor = Block((replace(first, text=rest), *block.lines[1:]), block.open)
    if not _looks_like_actor(actor.text, costs):
        return [block]
    return [Block((replace(first, text=time),), False, block.after_break), actor]


def split_actor_time(
    block: Block, costs: PathCosts = COSTS, statuses: frozenset[str] = frozenset()
) -> list[Block]:
    """A one-line block of an actor's name and a time entry, a status after it or not (a row's
    short cells on one baseline, printed as one line by pypdf: "Folkhälsoenheten 2027 Pågår")
    as a block each; a line that goes on after the time in other words stays whole."""
    if len(block.lines) != 1:
        return [block]
    line = block.lines[0]
    text = line.stripped
    for match in WORD_START_RE.finditer(text):
        time = time_prefix(text[match.start() :])
        if not time:
            continue
        head, rest = text[: match.start()].strip(), text[match.start() + len(time) :].strip()
        if not _looks_like_actor(head, costs) or (rest and not _is_status(rest, statuses)):
            return [block]
        cells = [head, time, rest] if rest else [head, time]
        last = len(cells) - 1  # the tool's mark that the line goes on is the last cell's
        return [
            Block(
                (replace(line, text=cell),), block.open and i == last, block.after_break and not i
            )
            for i, cell in enumerate(cells)
        ]
    return [block]


@dataclass(frozen=True)
class _Cut:
    """A table's blocks and the columns they go to (its header's, and any stray labels')."""

    blocks: tuple[Block, ...]
    columns: tuple[HeaderColumn, ...]
    context: Context
    reading_order: bool  # the text's tool printed the cells of a row in reading order
    statuses: frozenset[str] = frozenset()  # the document's own status words, where it has a
    # status column


@dataclass(frozen=True)
class _TextFacts:
    """What the reader knows of a whole text: the order its tool printed tables in, the words
    it writes in lower case (common words, not names) and those it prints inside lines (whole
    words, see `inner_words`)."""

    order: str
    common: frozenset[str]
    inner: frozenset[str]
    statuses: frozenset[str] = frozenset()  # its own status words (`own_statuses`)

    @property
    def paragraph_marks(self) -> bool:
        return self.order == PARAGRAPH_MARKED


def _cut(table: _Table, facts: _TextFacts, numbered: bool) -> _Cut:
    """A table's blocks; in text whose tool marks paragraphs, first lines that may hold two
    cells are cut; where goals are numbered, a numbered line opens a block."""
    paragraph_marks = facts.paragraph_marks
    blocks: list[Block] = []
    columns = table.columns
    has_status, has_time = fills(columns, "status"), fills(columns, "timeframe")
    numbers_first = bool(columns) and columns[0].cell == "number"
    own = facts.statuses if has_status else frozenset()  # the document's own status words
    body = [
        part
        for whole in cut_blocks(table.body, paragraph_marks, facts.inner, table.columns)
        for part in split_label_head(whole)
    ]
    for block in [part for whole in body for part in split_numbered(whole)] if numbered else body:
        if strays := stray_labels(block.text):
            columns = _with_columns(columns, strays)  # the header's labels printed further down
        elif repeats_label(block.text, columns):
            continue
        else:
            parts = (
                split_joined_cells(block, facts.common)
                if paragraph_marks
                else split_hard_breaks(block)
            )
            for part in parts:
                pieces = split_number_head(part) if numbers_first else [part]
                if has_time:
                    pieces = [cell for piece in pieces for cell in split_time_head(piece)]
                if has_time and fills(columns, "responsible"):
                    pieces = [
                        cell for piece in pieces for cell in split_actor_time(piece, COSTS, own)
                    ]
                blocks.extend(
                    piece
                    for whole in pieces
                    for piece in (split_status_tail(whole, COSTS, own) if has_status else [whole])
                )
    return _Cut(tuple(blocks), columns, table.context, facts.order == READING_ORDER, own)


def split_label_head(block: Block) -> list[Block]:
    """A block whose first line is nothing but a header label and whose next lines are a cell
    (a reading-order tool printing a repeated label and the first cell below it as one block:
    "Status" / "Pågår") as the label's block and the cell's."""
    if len(block.lines) < 2 or not stray_labels(block.lines[0].text):
        return [block]
    return _split_at(block, [0, 1])


def _model(
    cut: _Cut, spec: TableSpec, style: CellStyle | None = None, own_goals: bool = False
) -> TableModel:
    """The path's model of a table; with `own_goals` (the document gives every row its own
    goal, though its layout may merge one over several rows) the goal is the key a row needs,
    so a row of a goal alone (no activities yet) stands as a row of its own."""
    cells = {column.cell for column in cut.columns}
    key, merged = spec.key_for(cells), spec.merged
    if own_goals and "goal" in cells and "goal" in merged:
        key, merged = "goal", merged - {"goal"}
    return TableModel(
        cut.columns,
        key,
        merged,
        spec.numbered_goals,
        cut.reading_order,
        style or CellStyle(),
        cut.statuses,
    )


OWN_GOAL_SHARE = 0.9  # sure rows with a goal of their own this often: every row has its own
MIN_OWN_GOAL_ROWS = 8  # sure rows needed before that is judged


def cell_style(placed: Sequence[tuple[Block, HeaderColumn]], costs: PathCosts = COSTS) -> CellStyle:
    """The style of a document's cells from a first path through its tables: the marker most
    of a cell's blocks open with, and each cell's median block length, for cells with enough
    blocks to judge."""
    blocks: dict[str, list[Block]] = {}
    combined: set[str] = set()  # main cells of columns that also hold notes
    for block, column in placed:
        blocks.setdefault(column.cell, []).append(block)
        if "notes" in column.cells[1:]:
            combined.add(column.cell)
    judged = {cell: items for cell, items in blocks.items() if len(items) >= costs.min_style_blocks}
    markers: dict[str, str] = {}
    for cell, items in judged.items():
        kind, count = Counter(marker(block.text) for block in items).most_common(1)[0]
        if kind is not None and count >= costs.marker_share * len(items):
            markers[cell] = kind
    openers = Counter(
        (cell, first_word(block.text)) for cell, items in judged.items() for block in items
    )
    actors = {first_word(block.text) for block in blocks.get("responsible", [])}
    return CellStyle(
        markers,
        {
            cell: statistics.median(len(block.text.split()) for block in items)
            for cell, items in judged.items()
            if cell not in combined  # notes in a combined column have no usual length
        },
        frozenset(
            word
            for (cell, word), count in openers.items()
            if cell in TEXT_CELLS and count >= costs.min_opener_blocks and word not in actors
        ),
    )


def first_word(text: str) -> str:
    """The first word of a block, lower case, without a marker or punctuation."""
    words = strip_bullet(text).split()
    return words[0].strip(',.;:()”"').lower() if words else ""


Group = list[tuple[Block, HeaderColumn]]  # the blocks of one row, each with its column


def _groups(cut: _Cut, model: TableModel) -> list[Group]:
    """A cut's blocks grouped into rows along the best path."""
    groups: list[Group] = []
    path = assign_columns(cut.blocks, model)
    for block, (index, opens) in zip(cut.blocks, path, strict=True):
        goes_on = block.after_break and block.text[:1].islower()  # a cell's rest on a new page
        if (opens and not goes_on) or not groups:
            groups.append([])
        groups[-1].append((block, cut.columns[index]))
    return _items_back(groups) if model.reading_order else groups


def _items_back(groups: list[Group]) -> list[Group]:
    """In reading order, a cell's items share their marker: where a row's list cell opens with a
    plain capitalised block and bullet items follow it, while the row before holds only bullet
    items in that cell, those items are the rest of the row before's list, printed after the
    next row's first cells ("• Träningsgrupp …", next goal, "Rehabriktlinjer …", "• Impl…")."""
    for before, group in zip(groups, groups[1:], strict=False):
        for cell in sorted({column.cell for _, column in group} & LIST_CELLS):
            own = [pair for pair in group if pair[1].cell == cell]
            first = own[0][0].text
            listed = [block for block, column in before if column.cell == cell]
            if is_bullet(first) or not first[:1].isupper() or not listed:
                continue
            if all(is_bullet(block.text) for block in listed):
                strays = [pair for pair in own[1:] if is_bullet(pair[0].text)]
                before.extend(strays)
                group[:] = [pair for pair in group if pair not in strays]
    return groups


def _sure(group: Group, model: TableModel) -> bool:
    """The row has its key cell and every block looks like its column's content."""
    return any(column.cell == model.key for _, column in group) and all(
        column_emission(block, model, model.columns.index(column)) < UNSURE_EMISSION
        for block, column in group
    )


def _rows(cut: _Cut, model: TableModel, spec: TableSpec) -> list[TableRow]:
    groups = _groups(cut, model)
    fills = {column.cell: column.cells or (column.cell,) for column in cut.columns}
    rows: list[TableRow] = []
    previous: dict[str, tuple[str, ...]] = {}
    for group in groups:
        cells: dict[str, list[str]] = {}
        last: str | None = None  # the cell of the group's last block
        for block, column in group:
            texts_so_far = cells.setdefault(column.cell, [])
            lines = [line.stripped for line in block.lines]
            if block.joined and last == column.cell and texts_so_far:
                texts_so_far[-1] = f"{texts_so_far[-1]} {lines.pop(0)}"  # one line, one cell
            elif texts_so_far:
                texts_so_far.append("")  # a paragraph break inside the cell
            texts_so_far.extend(lines)
            last = column.cell
        texts = {cell: tuple(lines) for cell, lines in cells.items()}
        for cell in spec.merged:
            if cell not in texts and cell in previous:
                texts[cell] = previous[cell]  # a merged cell's text stands in its first row only
        previous = texts
        lines = [line for block, _ in group for line in block.lines]
        rows.append(
            TableRow(
                texts,
                fills,
                cut.context,
                min(line.page for line in lines),
                max(line.page for line in lines),
                min(line.number for line in lines),
                max(line.number for line in lines),
                sure=_sure(group, model),
            )
        )
    return rows


def _read_cuts(cuts: Sequence[_Cut], spec: TableSpec) -> list[TableRow]:
    """The rows of a document's tables: a first path through each, then — knowing the style
    the document prints its cells in, and whether it gives every row its own goal, judged from
    the rows the first path was sure of — the path again."""
    placed: Group = []
    sure_rows = with_goal = 0
    for cut in cuts:
        model = _model(cut, spec)
        for group in _groups(cut, model):
            if _sure(group, model):
                placed.extend(group)
                sure_rows += 1
                with_goal += any(column.cell == "goal" for _, column in group)
    style = cell_style(placed)
    own = sure_rows >= MIN_OWN_GOAL_ROWS and with_goal >= OWN_GOAL_SHARE * sure_rows
    return [row for cut in cuts for row in _rows(cut, _model(cut, spec, style, own), spec)]


MAX_CAPTION_LINES = 2  # a caption over a table is a line or two


def _glued_tail(lines: Sequence[Line]) -> list[Line]:
    """The lines at the end of `lines` after their last blank line (or page break)."""
    tail: list[Line] = []
    for line in reversed(lines):
        if line.is_blank or line is PAGE_BREAK:
            break
        tail.insert(0, line)
    return tail


def _caption_tail(body: Sequence[Line], paragraph_marks: bool) -> tuple[list[Line], int]:
    """The paragraph at the end of a table body, right above the next header, and how many
    blank lines stand between: none where the tool prints blank lines between cells; where it
    marks paragraphs instead (pypdf), the one the reader put after the paragraph's end."""
    gap = 0
    if paragraph_marks:
        while gap < len(body) and body[len(body) - 1 - gap].is_blank:
            gap += 1
    return _glued_tail(body[: len(body) - gap]), gap


def is_caption(lines: Sequence[Line], set_apart: bool = False) -> bool:
    """Lines that stand right on top of a header, with no blank line between (where the tool
    prints blank lines between cells), are the table's caption (a heading for the table below)
    when they are one or two lines that end no sentence and are not a cell that a page break
    cut (an open line). Where the tool marks paragraphs instead (`set_apart`: a paragraph's end
    before the header), a paragraph that reads as a cell (an actor, a time entry, a status) is
    none."""
    if not lines or len(lines) > MAX_CAPTION_LINES or any(is_bullet(line.text) for line in lines):
        return False  # a list item is no caption (nor a line a bullet item went on)
    last = lines[-1]
    if _goes_on(last) or last.text.rstrip().endswith(SENTENCE_END):
        return False
    text = " ".join(line.stripped for line in lines)
    cell = _looks_like_actor(text, COSTS) or time_prefix(text) or is_status_cell(text)
    return not (set_apart and cell)


def _rest_after_header(lines: Sequence[Line], index: int, spans: Mapping[int, HeaderSpan]) -> bool:
    """The next line after `index` opens a header, and the text after that header opens in
    lower case: a cell's rest on a new page."""
    following = _next_index(lines, index)
    if following is None or following not in spans:
        return False
    return _next_text(lines, following + spans[following].n_lines - 1)[:1].islower()


def _next_index(lines: Sequence[Line], index: int) -> int | None:
    """The index of the first non-blank line after `index`, or None."""
    return next((k for k in range(index + 1, len(lines)) if not lines[k].is_blank), None)


def _next_text(lines: Sequence[Line], index: int) -> str:
    """The text of the first non-blank line after `index`, or ""."""
    following = _next_index(lines, index)
    return lines[following].text if following is not None else ""


def _heading_inside(
    lines: Sequence[Line], index: int, span: HeaderSpan
) -> tuple[list[Line], tuple[HeaderColumn, ...], int]:
    """An upper-case heading a reading-order tool printed among the labels of the header at
    `index` (the table's caption, set above its first column: "Ansvarig", "Status",
    "SCREENING", "Målbild", "Planerade", "aktiviteter"): the heading, the header's columns (the
    labels after the heading first, then those before it) and the lines the header
    takes; ([], the span's columns, its lines) when no heading stands inside it."""
    header = lines[index : index + span.n_lines]
    at = next((i for i, line in enumerate(header) if is_upper_heading(line.stripped)), None)
    if at is None:
        return [], span.columns, span.n_lines
    below = lines[index + at + 1 :][:MAX_HEADER_LINES]
    if (after := parse_header_lines([line.text for line in below])) is None:
        return [], span.columns, span.n_lines
    before = (column for line in header[:at] for column in label_line(line.text))
    return [header[at]], (*after[0], *before), at + 1 + after[1]


def _once(columns: Sequence[HeaderColumn]) -> tuple[HeaderColumn, ...]:
    """The columns with each label once, where first printed."""
    return tuple(
        column
        for index, column in enumerate(columns)
        if all(column.label != earlier.label for earlier in columns[:index])
    )


def read_text_tables(document: Document, spec: TableSpec) -> list[TableRow]:
    """Every action table of a text document, read by its header, as table rows."""
    lines = document.lines
    spans = header_spans(lines)
    common = lower_case_words(lines) | paragraph_openers(lines)
    facts = _TextFacts(text_order(lines), common, inner_words(lines), own_statuses(lines))
    cuts: list[_Cut] = []
    context = Context()
    goal: list[str] = []
    table: _Table | None = None
    loose: list[Line] = []  # the lines outside any table since the last blank one
    resumable: tuple[HeaderColumn, ...] | None = None  # columns a stated goal's rows go on in
    goal_ended = False  # a blank line came after the stated goal's paragraph
    skip = 0
    page_numbers = page_number_lines(lines)
    for index, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        if line.number in page_numbers:
            continue  # page furniture, not a cell
        if index in spans:
            inside, columns, n_lines = _heading_inside(lines, index, spans[index])
            columns = _once(columns)  # a tool may print a header twice in a row
            skip = n_lines - 1
            if table is not None:
                caption, gap = _caption_tail(table.body, facts.paragraph_marks)
                if inside:  # a new table under its own heading
                    caption = inside
                    cuts.append(_cut(table, facts, spec.numbered_goals))
                    table = None
                elif len(caption) + gap < len(table.body) and is_caption(caption, gap > 0):
                    del table.body[-(len(caption) + gap) :]  # not the table's last cell
                    cuts.append(_cut(table, facts, spec.numbered_goals))
                    table = None
            else:
                caption = inside or (loose if not goal else [])
            if table is None and is_caption(caption):
                section = " ".join(line.stripped for line in caption)
                context, goal = Context(context.area, context.chapter, section), []
            if table is not None and table.body:
                # a header right below a table's rows, with no heading or goal between: the
                # same table on a new page (a text tool may print fewer or more of its labels)
                table.columns = _with_columns(table.columns, columns)
                table.body.append(PAGE_BREAK)
                continue
            if table is not None:
                cuts.append(_cut(table, facts, spec.numbered_goals))
            table = _Table(
                tuple(columns),
                replace(context, goal=" ".join(goal) or None),
                [],
                _head_of(lines, index),
            )
            goal, loose, resumable = [], [], None
            continue
        area = spec.area_pattern.match(line.text) if spec.area_pattern else None
        titled = area or is_upper_heading(line.stripped) or line.stripped == table_section(table)
        repeated = table is not None and table.body and line.stripped in table.head
        if titled and repeated and _header_below(lines, index, spans):
            continue  # a title row repeated with the header on a new page: the table goes on
        stated = stated_goal(line.text)
        if table is not None and fills(table.columns, "goal"):
            stated = None  # "Mål: …" inside a goal cell, not the next table's goal
        heading = is_upper_heading(line.stripped)
        chapter = spec.chapter_pattern.match(line.text) if spec.chapter_pattern else None
        if chapter or area or stated is not None or heading:
            loose = []  # a line read as a heading, area or goal is no caption
        if chapter:
            context, goal = Context(context.area, chapter.group(1)), []
            if table is not None:  # the table goes on in the new chapter, its header unprinted
                cuts.append(_cut(table, facts, spec.numbered_goals))
                table = _Table(table.columns, context, [])
            continue
        caption_inside = heading and facts.order == READING_ORDER
        if (
            table is not None
            and table.body
            and caption_inside
            and (is_bullet(_next_text(lines, index)) or _rest_after_header(lines, index, spans))
        ):
            # the tool printed the table's caption among its cells: a list goes on below it,
            # or the page's repeated header and a cut cell's rest
            context = Context(context.area, context.chapter, line.stripped)
            table.context = replace(table.context, section=line.stripped)
            continue
        if area or stated is not None or heading:
            # a goal stated across a table without a goal column heads the rows below it
            resumable = table.columns if table is not None and stated is not None else None
            goal_ended = False
            if table is not None:
                cuts.append(_cut(table, facts, spec.numbered_goals))
                table = None
            if area:
                context, goal = Context(int(area.group(1))), []
            elif heading:
                context, goal = Context(context.area, context.chapter, line.stripped), []
            else:
                goal = [stated or ""]
            continue
        if table is None and goal and goal_ended and resumable and not line.is_blank:
            table = _Table(resumable, replace(context, goal=" ".join(goal)), [])
            goal, resumable = [], None  # the rows below the goal, with no header repeated
        if table is not None:
            following = lines[index + 1].text if index + 1 < len(lines) else ""
            for part in split_inline_bullet(line):  # "Startsida 2.0 • Rapporter …": two cells
                timed = fills(table.columns, "timeframe")
                for piece in split_inner_field(part):
                    table.body.extend(split_inner_time(piece, following) if timed else [piece])
        elif goal and not line.is_blank:
            goal.append(line.stripped)
        else:
            goal_ended = bool(goal)  # a blank line ends the goal's paragraph
            loose = [] if line.is_blank else [*loose, line]
    if table is not None:
        cuts.append(_cut(table, facts, spec.numbered_goals))
    return _read_cuts(cuts, spec)
