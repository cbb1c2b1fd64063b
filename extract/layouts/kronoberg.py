"""Region Kronoberg action plan.

Upper-case chapter and section headings, then tables "Målbild | Planerade/pågående aktiviteter |
Status/förutsättningar/ansvar" whose rows open with a numbered goal ("1. …", "4.Telederm…").
In the flattened text a row reads: goal, then the activity cell (one text cell, or "•" bullets),
then the status column: notes, "Ansvar: …" and status words such as "Pågår".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.cells import (
    GOAL_RE,
    RESPONSIBLE_RE,
    Block,
    ends_with_status,
    find_status,
    find_time_mentions,
    is_bullet,
    is_status_cell,
    responsible_sentence,
    split_items,
    split_wide_sentence,
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
from extract.layouts.regions import table_regions

INLINE_RESPONSIBLE_RE = re.compile(r"\(ansvar(?:ig)?:?\s+([^)]+)\)", re.IGNORECASE)
ABBREVIATIONS_RE = re.compile(r"^\s*Förkortningar\s*:", re.I)


@dataclass(frozen=True)
class KronobergSettings:
    cell_gap: int = 2  # blank lines between two cells of a row (items of a cell: one)
    max_activity_line: int = 60  # the widest line of the activity column


SETTINGS = KronobergSettings()


@dataclass
class _RowDraft:
    """The lines of one numbered row while they are read (local to this parser)."""

    number: str
    chapter: str | None
    section: str | None
    goal: list[Line]
    body: list[Line] = field(default_factory=list)


def _activity_cell(blocks: list[Block]) -> tuple[list[list[Line]], int]:
    """The activity items at the start of a row's body, and how many blocks they take.

    A cell without bullets is one block and one item. A bulleted cell ends at a wide gap or an
    "Ansvar:" line; text without a bullet goes on with the item above when it starts in lower
    case or, like activities here do, ends with a status word ("… Pågår.").
    """
    if not blocks or RESPONSIBLE_RE.search(blocks[0].text) or is_status_cell(blocks[0].text):
        return [], 0
    if not is_bullet(blocks[0].first.text):
        return [list(blocks[0].lines)], 1
    items: list[list[Line]] = []
    taken = 0
    for block in blocks:
        if RESPONSIBLE_RE.search(block.text) or (taken and block.gap_before >= SETTINGS.cell_gap):
            break
        if not is_bullet(block.first.text) and not _continues_item(block):
            break
        for item in split_items(block.lines):
            if items and not is_bullet(item[0].text):
                items[-1].extend(item)
            else:
                items.append(list(item))
        taken += 1
    return items, taken


def _continues_item(block: Block) -> bool:
    return block.first.stripped[:1].islower() or ends_with_status(block.text)


def _body_blocks(lines: list[Line]) -> list[Block]:
    """The blocks of a row body; a text cell sharing its last line with a note is split there."""
    blocks = to_blocks(lines)
    if blocks and not is_bullet(blocks[0].first.text):
        cells = split_wide_sentence(blocks[0].lines, SETTINGS.max_activity_line)
        if len(cells) == 2:
            first = Block(cells[0], blocks[0].gap_before)
            blocks[:1] = [first, Block(cells[1], SETTINGS.cell_gap)]
    return blocks


def _before_responsible(line: Line) -> Line:
    """What a line holds before its "Ansvar:" ("Pågår Ansvar: …" keeps "Pågår")."""
    match = RESPONSIBLE_RE.search(line.text)
    return Line(line.number, line.page, line.text[: match.start()] if match else "")


def _row(draft: _RowDraft) -> ParsedRow:
    goal = list(draft.goal)
    blocks = _body_blocks(draft.body)
    activities, taken = _activity_cell(blocks)
    rest = blocks[taken:]
    responsible: list[str] = []
    notes: list[str] = []
    goal_open = not cell_text(goal).endswith(".")
    for position, block in enumerate(rest):
        before = rest[position - 1].last.stripped if position else "."
        if goal_open and block.first.stripped[:1].islower() and before.endswith((".", ":")):
            goal.extend(block.lines)  # the goal cell went on after a page break
            goal_open = False
            continue
        actors, used = responsible_sentence(block)
        responsible.extend(actors)
        kept = [_before_responsible(line) if line.number in used else line for line in block.lines]
        kept = [line for line in kept if line.stripped]
        if kept:
            notes.append(cell_text(kept))
    goal_text = cell_text(goal)
    goal_text = GOAL_RE.sub("", goal_text, count=1)
    activity_texts = [item_text(item) for item in activities]
    for text in activity_texts:  # "(ansvar cancersamordnaren)" inside an activity
        responsible.extend(
            " ".join(m.group(1).split()) for m in INLINE_RESPONSIBLE_RE.finditer(text)
        )
    written = "\n".join([*activity_texts, *notes])
    return make_row(
        "action_row",
        [*goal, *draft.body],
        goal=goal_text,
        goal_number=draft.number,
        activities=activity_texts,
        responsible=responsible,
        notes="\n".join(notes) or None,
        status=find_status(written),
        timeframe=find_time_mentions(written),
        chapter=draft.chapter,
        section=draft.section,
    )


def _continue_goal(draft: _RowDraft, lines: tuple[Line, ...]) -> int:
    """Take the lower-case lines that open a new page as the rest of an unfinished goal.

    Returns the index of the first line not taken.
    """
    index = 0
    while index < len(lines) and lines[index].is_blank:
        index += 1
    if cell_text(draft.goal).endswith(".") or index == len(lines):
        return 0
    end = index
    while end < len(lines) and lines[end].stripped[:1].islower():
        end += 1
    draft.goal.extend(lines[index:end])
    return end if end > index else 0


NUMBER_AHEAD = 3  # a goal number may skip this many (a goal the text lost)
NUMBER_BEHIND = 5  # or come back this many (a tool that prints a page's cells out of order)


def _goal_number(line: Line, last: int, seen: set[int]) -> int | None:
    """The number of a goal the line opens ("12. Text…"): numbering is evidence, not a lock, so
    any number near the last one that has not been used yet counts."""
    match = GOAL_RE.match(line.text)
    if match is None:
        return None
    number = int(match.group(1))
    near = last - NUMBER_BEHIND <= number <= last + NUMBER_AHEAD
    return number if near and number not in seen else None


def parse(document: Document) -> list[ParsedRow]:
    """Every numbered goal row of a Kronoberg action plan."""
    rows: list[ParsedRow] = []
    draft: _RowDraft | None = None
    last_number = 0
    seen: set[int] = set()
    for region in table_regions(document.lines):
        index = 0
        lines = region.lines
        if draft is not None:
            index = _continue_goal(draft, lines)
        while index < len(lines):
            line = lines[index]
            number = _goal_number(line, last_number, seen)
            if number is not None:
                if draft:
                    rows.append(_row(draft))
                end = index + 1
                while (
                    end < len(lines)
                    and not lines[end].is_blank
                    and not is_bullet(lines[end].text)
                    and _goal_number(lines[end], number, seen | {number}) is None
                ):
                    end += 1
                draft = _RowDraft(
                    str(number), region.chapter, region.section, list(lines[index:end])
                )
                last_number = max(last_number, number)
                seen.add(number)
                index = end
                continue
            if draft is not None:
                draft.body.append(line)
            index += 1
    if draft:
        rows.append(_row(draft))
    return rows


LAYOUT = Layout(
    name="region_kronoberg",
    description="Region Kronoberg: upper-case headings, Målbild | Planerade/pågående aktiviteter | "
    "Status/förutsättningar/ansvar tables with numbered goals",
    document_type="handlingsplan",
    signatures=(
        Signature("numbered goal '1. …'", re.compile(r"^\s*1\.\s*[A-ZÅÄÖ]"), 1.0),
        Signature("'Ansvar:' lines", RESPONSIBLE_RE, 1.0),
        Signature("'Förkortningar:' glossary", ABBREVIATIONS_RE, 0.5),
    ),
    parse=parse,
    table=TableSpec(
        header=(
            "Målbild",
            "Planerade/pågående aktiviteter",
            "Status/förutsättningar/ansvar",
        ),
        key="goal",
        numbered_goals=True,
        status_in=("activities",),  # "… Pågår." closes an activity; the status column is combined
    ),
    text_orders=frozenset({LINE_ORDER}),
)
