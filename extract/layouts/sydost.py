"""RCC Sydöst plan and action plan.

Three kinds of content, all under "MÅLOMRÅDE N" headings that give the area number:
- national goals: "Mål: …" then "Insatser för att nå målet:" and "•" bullets;
- regional insatser: "Nationellt mål: …" then "Insatser i Sydöstra sjukvårdsregionen:" (or
  "Insatser nationellt:") and bullets;
- action tables after "Handlingsplan 20xx – Målområde N" with columns VAD? HUR? NÄR? VEM?, whose
  cells arrive one after another: goal text, "•" activities, time entries, responsible actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.cells import (
    Block,
    has_time,
    is_actor_cell,
    is_bullet,
    is_sub_bullet,
    join_time_entries,
    names_actor,
    split_actors,
    split_capital_boundary,
    split_inline_bullet,
    split_items,
    starts_with_actor,
    strip_bullet,
    time_prefix,
    to_blocks,
    unique,
)
from extract.document import Document, Line
from extract.headings import URL_RE, is_isolated, looks_like_title
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

AREA_HEADING_RE = re.compile(r"^\s*MÅLOMRÅDE\s+(\d{1,2})\b")
PAGE_HEADER_RE = re.compile(r"^\s*Handlingsplan\s+20\d\d\s*[–-]\s*Målområde\s+(\d{1,2})\s*$", re.I)
COLUMN_HEADER_RE = re.compile(r"^\s*VAD\?\s+HUR\?\s+NÄR\?\s+VEM\?\s*$")
NATIONAL_GOAL_RE = re.compile(r"^\s*Mål:\s*(.*)$")
NATIONAL_LIST_RE = re.compile(r"^\s*Insatser för att nå målet\s*:?\s*$", re.I)
REGIONAL_GOAL_RE = re.compile(r"^\s*Nationellt mål:\s*(.*)$", re.I)
MID_LINE_TIME_RE = re.compile(r"\s(20\d\d(?:\s*[-–]\s*20\d\d)?)\s+(?=[A-ZÅÄÖ])")
REGIONAL_LIST_RE = re.compile(
    r"^\s*Insatser\s+(nationellt|i\s+sydöst\w*(?:\s+\w+)?)\s*:?\s*$", re.I
)


@dataclass(frozen=True)
class SydostSettings:
    """Named tolerances of the action tables' column widths, in characters."""

    max_time_line: int = 14  # NÄR? is narrow: a text cell no wider that names a time is a time
    max_goal_line: int = 32  # VAD? is narrow too: a longer first line holds the HUR? cell as well
    max_actor_words: int = 6  # a responsible cell this short that names an actor term is actors
    max_time_words: int = 4  # a cell this short that names a time is a NÄR? cell


SETTINGS = SydostSettings()
STRUCTURE_RES = (
    AREA_HEADING_RE,
    PAGE_HEADER_RE,
    NATIONAL_GOAL_RE,
    NATIONAL_LIST_RE,
    REGIONAL_GOAL_RE,
    REGIONAL_LIST_RE,
)


def _is_structure(line: Line) -> bool:
    return any(pattern.match(line.text) for pattern in STRUCTURE_RES)


def _block_end(lines: tuple[Line, ...], start: int) -> int:
    """Index after the run of non-blank lines starting at `start`."""
    end = start + 1
    while end < len(lines) and not lines[end].is_blank and not _is_structure(lines[end]):
        end += 1
    return end


def _skip_blank(lines: tuple[Line, ...], index: int) -> int:
    while index < len(lines) and lines[index].is_blank:
        index += 1
    return index


def _is_goal_line(lines: tuple[Line, ...], index: int) -> bool:
    text = lines[index].text if index < len(lines) else ""
    return bool(NATIONAL_GOAL_RE.match(text) or REGIONAL_GOAL_RE.match(text))


def _opens_goal(lines: tuple[Line, ...], index: int) -> bool:
    """A goal line, or the heading right above one (PDF text may set no blank line between)."""
    return _is_goal_line(lines, index) or (
        looks_like_title(lines[index].text) and _is_goal_line(lines, index + 1)
    )


def _bullet_list(lines: tuple[Line, ...], start: int) -> tuple[list[list[Line]], int]:
    """Bullet items from `start` and the index after them.

    A bullet line opens an item and the lines right below it continue the item; the list ends at
    the first line that follows a blank line and is not a bullet.
    """
    items: list[list[Line]] = []
    index = _skip_blank(lines, start)
    while index < len(lines) and (
        is_bullet(lines[index].text) or (items and is_sub_bullet(lines[index].text))
    ):
        end = _block_end(lines, index)
        end = next((k for k in range(index + 1, end) if _opens_goal(lines, k)), end)
        if is_bullet(lines[index].text):
            items.extend(split_items(lines[index:end]))
        else:
            items[-1].extend(lines[index:end])  # a second-level item belongs to the one above
        index = _skip_blank(lines, end)
    return items, index


def _goal_lines(lines: tuple[Line, ...], index: int, first: str) -> tuple[list[Line], int]:
    """The goal's lines: the label line (with the label cut off) and the lines below it."""
    end = index + 1
    while (
        end < len(lines)
        and not lines[end].is_blank
        and not REGIONAL_LIST_RE.match(lines[end].text)
        and not NATIONAL_LIST_RE.match(lines[end].text)
    ):
        end += 1
    head = Line(lines[index].number, lines[index].page, first)
    return [head, *lines[index + 1 : end]], end


# --- action tables -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    """One cell-sized piece of a flattened table."""

    kind: str  # "header", "bullets", "time", "text"
    lines: tuple[Line, ...] = ()
    items: tuple[tuple[Line, ...], ...] = ()


@dataclass
class _RowDraft:
    """Cells gathered for one table row while its tokens are read (local to this parser)."""

    section: str | None
    goal: list[Line] = field(default_factory=list)
    activities: list[list[Line]] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    time_lines: list[Line] = field(default_factory=list)
    responsible: list[Line] = field(default_factory=list)
    phase: str = "goal"  # goal -> activity -> time -> responsible


def _split_block(block: Block) -> list[_Token]:
    """Turn a block into tokens: bullets, a leading time entry, text."""
    lines = [
        cell
        for line in block.lines
        for part in split_inline_bullet(line)
        for cell in _split_time(part)
    ]
    tokens: list[_Token] = []
    text: list[Line] = []

    def flush_text() -> None:
        if text:
            tokens.append(_Token("text", tuple(text)))
            text.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        if is_bullet(line.text):
            flush_text()
            end = index + 1
            while end < len(lines) and not _opens_time_cell(lines[end].stripped):
                end += 1
            items = split_items(lines[index:end])
            tokens.append(_Token("bullets", items=tuple(tuple(item) for item in items)))
            index = end
            continue
        prefix = time_prefix(line.text)
        rest = line.stripped[len(prefix) :].strip() if prefix else ""
        opens_block = not text and index == 0
        if prefix and (
            not rest or (opens_block and (rest[0].isupper() or starts_with_actor(rest)))
        ):
            flush_text()
            tokens.append(_Token("time", (Line(line.number, line.page, prefix),)))
            if rest:
                text.append(Line(line.number, line.page, rest))
        else:
            text.append(line)
        index += 1
    flush_text()
    return [_as_time(token) for token in tokens]


def _opens_time_cell(text: str) -> bool:
    """A line that opens a NÄR? cell: a time entry, printed as a cell starts (not "pågående
    samt nya projekt", a bullet item's line that goes on in lower case)."""
    return time_prefix(text) is not None and not text[:1].islower()


def _split_time(line: Line) -> list[Line]:
    """Split "Följa upp införandet i sydöst 2025 Processledare …" into activity, time and actor."""
    for match in MID_LINE_TIME_RE.finditer(line.stripped):
        tail = line.stripped[match.end() :]
        if match.start() and starts_with_actor(tail):
            return [
                Line(line.number, line.page, line.stripped[: match.start()]),
                Line(line.number, line.page, match.group(1)),
                Line(line.number, line.page, tail),
            ]
    return [line]


def _split_goal_line(token: _Token) -> list[_Token]:
    """A goal and its activity that share their first line ("Precisionsmedicin Etablera …")."""
    first, *rest = token.lines
    if len(first.stripped) <= SETTINGS.max_goal_line:
        return [token]
    parts = split_capital_boundary(first, 1)
    if len(parts) == 1:
        return [token]
    return [_Token("text", (parts[0],)), _Token("text", (parts[1], *rest))]


def _is_narrow(token: _Token) -> bool:
    """Whether every line of the token fits the narrow NÄR? column."""
    return all(len(line.stripped) <= SETTINGS.max_time_line for line in token.lines)


def _as_time(token: _Token) -> _Token:
    """A text token narrow enough for the NÄR? column, or of a few words, that names a time
    and no actor is a time entry ("Fortsatt arbete, 2025,2026")."""
    if token.kind != "text":
        return token
    text = cell_text(token.lines)
    short = _is_narrow(token) or (
        len(text.split()) <= SETTINGS.max_time_words and not names_actor(text)
    )
    cell = short and has_time(text) and not text[:1].islower()
    return _Token("time", token.lines) if cell else token


def _tokens(lines: tuple[Line, ...]) -> list[_Token]:
    """Tokens of a table region; page headers are dropped, column headers kept as markers."""
    tokens: list[_Token] = []
    chunk: list[Line] = []

    def flush() -> None:
        for block in to_blocks(chunk):
            tokens.extend(_split_block(block))
        chunk.clear()

    for line in lines:
        if URL_RE.match(line.text):
            continue  # link targets that PDF-to-text tools print after a page's text
        if PAGE_HEADER_RE.match(line.text):
            flush()
            tokens.append(_Token("page", (line,)))
        elif COLUMN_HEADER_RE.match(line.text):
            flush()
            tokens.append(_Token("header", (line,)))
        else:
            chunk.append(line)
    flush()
    return tokens


def _is_section(token: _Token, before_header: bool = False) -> bool:
    """A heading inside a table region: one title-like line that names no actor (right above a
    column header, one that names an actor too: "Regional arbetsgrupp cancerläkemedel")."""
    return (
        len(token.lines) == 1
        and looks_like_title(token.lines[0].text)
        and (before_header or not names_actor(token.lines[0].text))
    )


def _finish(draft: _RowDraft | None, area: int | None) -> ParsedRow | None:
    if draft is None or not (draft.goal or draft.activities):
        return None
    used = [
        *draft.goal,
        *(line for item in draft.activities for line in item),
        *draft.time_lines,
        *draft.responsible,
    ]
    return make_row(
        "action_row",
        used,
        goal=cell_text(draft.goal) or None,
        activities=[item_text(item) for item in draft.activities],
        timeframe=unique(join_time_entries(draft.times)),
        responsible=split_actors([line.stripped for line in draft.responsible]),
        section=draft.section,
        area_number=area,
    )


def _is_actor_cell(token: _Token) -> bool:
    """A VEM? cell: actors by the general test, or a narrow cell that names one."""
    text = cell_text(token.lines)
    return is_actor_cell(text, SETTINGS.max_actor_words) or (
        _is_narrow(token) and names_actor(text)
    )


def _next_kind(tokens: list[_Token], index: int) -> str | None:
    """The kind of the first token at or after `index` that is not a page break."""
    while index < len(tokens) and tokens[index].kind == "page":
        index += 1
    return tokens[index].kind if index < len(tokens) else None


def _bulleted_goal(
    token: _Token, tokens: list[_Token], index: int, draft: _RowDraft | None
) -> bool:
    """A VAD? cell written as one bullet item: a lone item where a row opens (the table's
    first cell, or after a row's time entry or actors) with the row's HUR? bullets next."""
    after_page = index > 0 and tokens[index - 1].kind == "page"  # a row goes on over a page
    opens_row = draft is None or (draft.phase in ("time", "responsible") and not after_page)
    return opens_row and len(token.items) == 1 and _next_kind(tokens, index + 1) == "bullets"


def parse_action_table(
    lines: tuple[Line, ...], area: int | None, section: str | None
) -> list[ParsedRow]:
    """Rows of the VAD? HUR? NÄR? VEM? tables in a table region.

    Text cells between the time entries of one row and the bullets or time entries of the next
    are, in order: the first row's responsible actors, perhaps a section heading, then the next
    row's goal and any activities written without bullets.
    """
    tokens = _tokens(lines)
    rows: list[ParsedRow] = []
    draft: _RowDraft | None = None

    def close() -> None:
        nonlocal draft
        if row := _finish(draft, area):
            rows.append(row)
        draft = None

    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "header":
            close()
        elif token.kind == "bullets" and _bulleted_goal(token, tokens, index, draft):
            close()
            first, *rest = token.items[0]
            goal = [Line(first.number, first.page, strip_bullet(first.text)), *rest]
            draft = _RowDraft(section, goal=goal)
        elif token.kind == "bullets":
            draft = draft or _RowDraft(section)
            draft.activities.extend(list(item) for item in token.items)
            draft.phase = "activity"
        elif token.kind == "time" and draft is not None:
            draft.times.append(" ".join(line.stripped for line in token.lines))
            draft.time_lines.extend(token.lines)
            draft.phase = "time"
        if token.kind != "text":
            index += 1
            continue
        after_break = index > 0 and tokens[index - 1].kind in ("page", "header")
        end = index
        while end < len(tokens) and tokens[end].kind == "text":
            end += 1
        run = tokens[index:end]
        following = _next_kind(tokens, end)
        index = end
        if (
            draft is not None
            and draft.activities
            and tokens[index - len(run) - 1].kind == "bullets"
            and run[0].lines[0].stripped[:1].islower()
        ):
            draft.activities[-1].extend(run.pop(0).lines)  # a bullet item went on after a gap
            if not run:
                continue
        if draft is not None and draft.phase == "goal":
            draft.activities.extend(list(t.lines) for t in run)  # activities without bullets
            draft.phase = "activity"
            continue
        while (
            run
            and draft is not None
            and draft.phase in ("activity", "time")
            and _is_narrow(run[0])
            and not _is_actor_cell(run[0])
        ):
            time_cell = run.pop(0)  # a NÄR? cell written in words ("Processledarmöten")
            draft.times.append(" ".join(line.stripped for line in time_cell.lines))
            draft.time_lines.extend(time_cell.lines)
            draft.phase = "time"
        heads_table = end < len(tokens) and tokens[end].kind == "header"  # no page break between
        if len(run) >= 2 and heads_table and _is_section(run[-1], before_header=True):
            section = run.pop().lines[0].stripped  # the next table's title, after the actors
        responsible: list[_Token] = []
        while run and draft is not None and _is_actor_cell(run[0]):
            responsible.append(run.pop(0))
        if following in ("bullets", "time"):
            if len(run) >= 2 and _is_section(run[0]):
                section = run.pop(0).lines[0].stripped
            if following == "bullets" and len(run) == 2 and draft is not None and not after_break:
                responsible.append(run.pop(0))  # a responsible cell that names no known actor
        elif run and _is_section(run[-1], before_header=following == "header"):
            section = run.pop().lines[0].stripped
            responsible.extend(run)
            run = []
        elif following is not None or all(_is_actor_cell(token) for token in run):
            responsible.extend(run)
            run = []
        else:
            run = []  # after the last row's actors: text after the table (a page's foot)
        if draft is not None and responsible:
            draft.responsible.extend(line for t in responsible for line in t.lines)
            draft.phase = "responsible"
        if len(run) == 1 and following == "time":
            run = _split_goal_line(run[0])
        if run:
            close()
            draft = _RowDraft(section, goal=list(run[0].lines))
            draft.activities.extend(list(t.lines) for t in run[1:])
            draft.phase = "activity" if len(run) > 1 else "goal"
    close()
    return rows


# --- the whole document ----------------------------------------------------------------------


def _table_end(lines: tuple[Line, ...], start: int, area: int | None) -> int:
    """Where the action tables under a page head of `area` end: at the next area's heading, at
    a page head of another area (a plan of action tables only has no area headings) or where a
    goal block opens (a page head may stand above the area's goal blocks too)."""
    end = start + 1
    while end < len(lines):
        text = lines[end].text
        head = PAGE_HEADER_RE.match(text)
        if AREA_HEADING_RE.match(text) or (head and int(head.group(1)) != area):
            break
        if _opens_goal_block(lines, end):
            return _heading_above(lines, start, end)
        end += 1
    return end


def _heading_above(lines: tuple[Line, ...], start: int, index: int) -> int:
    """The heading right above line `index` (blank lines between) when there is one, else
    `index`: where the text before a goal block ends."""
    above = index - 1
    while above > start and lines[above].is_blank:
        above -= 1
    return above if above > start and looks_like_title(lines[above].text) else index


def _opens_goal_block(lines: tuple[Line, ...], index: int) -> bool:
    """A goal line whose goal a list of actions follows ("Mål: …" / "Insatser för att nå
    målet:"): a goal block, never a table's cell."""
    text = lines[index].text
    match = NATIONAL_GOAL_RE.match(text) or REGIONAL_GOAL_RE.match(text)
    if match is None:
        return False
    _, end = _goal_lines(lines, index, match.group(1))
    label = lines[_skip_blank(lines, end)].text if _skip_blank(lines, end) < len(lines) else ""
    return bool(NATIONAL_LIST_RE.match(label) or REGIONAL_LIST_RE.match(label))


def _goal_row(
    kind: str,
    goal: list[Line],
    items: list[list[Line]],
    section: str | None,
    area: int | None,
    level: str | None,
) -> ParsedRow:
    """A goal block: the goal and one activity per bullet item."""
    return make_row(
        kind,
        [*goal, *(line for item in items for line in item)],
        goal=cell_text(goal),
        activities=[item_text(item) for item in items],
        section=section,
        area_number=area,
        level=level,
    )


def parse(document: Document) -> list[ParsedRow]:
    """All goal blocks and action-table rows of an RCC Sydöst plan."""
    lines = document.lines
    rows: list[ParsedRow] = []
    area: int | None = None
    section: str | None = None
    index = 0
    while index < len(lines):
        text = lines[index].text
        if match := AREA_HEADING_RE.match(text):
            area, section = int(match.group(1)), None
            index += 1
        elif match := PAGE_HEADER_RE.match(text):
            area = int(match.group(1))
            end = _table_end(lines, index, area)
            rows.extend(parse_action_table(lines[index + 1 : end], area, None))
            index = end
        elif COLUMN_HEADER_RE.match(text):  # a table without its page head: it opens here
            end = _table_end(lines, index, area)
            rows.extend(parse_action_table(lines[index:end], area, section))
            index = end
        elif match := NATIONAL_GOAL_RE.match(text):
            goal, index = _goal_lines(lines, index, match.group(1))
            list_start = _skip_blank(lines, index)
            if list_start < len(lines) and NATIONAL_LIST_RE.match(lines[list_start].text):
                items, index = _bullet_list(lines, list_start + 1)
                rows.append(_goal_row("national_goal", goal, items, section, area, None))
        elif match := REGIONAL_GOAL_RE.match(text):
            goal, index = _goal_lines(lines, index, match.group(1))
            while (list_start := _skip_blank(lines, index)) < len(lines) and (
                label := REGIONAL_LIST_RE.match(lines[list_start].text)
            ):
                items, index = _bullet_list(lines, list_start + 1)
                level = "national" if label.group(1).lower() == "nationellt" else "regional"
                rows.append(_goal_row("regional_insats", goal, items, section, area, level))
        else:
            if looks_like_title(text) and (
                is_isolated(lines, index) or _is_goal_line(lines, index + 1)
            ):
                section = text.strip()
            index += 1
    return rows


LAYOUT = Layout(
    name="rcc_sydost",
    description="RCC Sydöst cancer plan: 'Mål:'/'Nationellt mål:' blocks and VAD?/HUR?/NÄR?/VEM? "
    "action tables per Målområde",
    document_type="cancerplan",
    signatures=(
        Signature("page header 'Handlingsplan 20xx – Målområde N'", PAGE_HEADER_RE, 2.0),
        Signature("'Nationellt mål:' blocks", REGIONAL_GOAL_RE, 1.0),
        Signature("'Insatser för att nå målet:' lists", NATIONAL_LIST_RE, 1.0),
        Signature("'MÅLOMRÅDE N' headings", AREA_HEADING_RE, 1.0),
    ),
    parse=parse,
    table=TableSpec(
        header=(
            "VAD?",
            "HUR?",
            "NÄR?",
            "VEM?",
        ),
        key="goal",
        running_head=PAGE_HEADER_RE,
        area_pattern=re.compile(
            r"^\s*(?:MÅLOMRÅDE|Handlingsplan\s+20\d\d\s*[–-]\s*Målområde)\s+(\d{1,2})", re.I
        ),
    ),
    text_orders=frozenset({LINE_ORDER}),
)
