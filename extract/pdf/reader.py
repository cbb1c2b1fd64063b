"""Read a plan's pages by their geometry: its text outside tables as lines, and its action tables
as rows. The pages come from a PDF (extract/pdf/pages.py) or from a text that keeps its columns
by spaces (extract/spaced_text.py)."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from extract.cells import is_bullet
from extract.document import Document, Line
from extract.headings import is_upper_heading
from extract.layout import Layout, ParsedRow, TableSpec
from extract.pdf.margins import Scan
from extract.pdf.primitives import Page, TextLine
from extract.pdf.settings import SETTINGS, PdfSettings
from extract.pdf.tables import (
    CellLine,
    ColumnBox,
    Header,
    RowDraft,
    find_header,
    fits_columns,
    opens_cell,
    opens_surely,
    page_rows,
    runs_across,
    split_cells,
)
from extract.table_rows import (
    TEXT_CELLS,
    TITLE_LINES,
    Context,
    TableRow,
    fills,
    stated_goal,
    table_row,
)


@dataclass(frozen=True)
class PdfContent:
    """What the pages hold: the layout, the page count, the text outside the tables and the
    tables' rows."""

    layout: Layout
    n_pages: int
    text: tuple[Line, ...]  # lines outside the tables, numbered by their place in the source
    rows: tuple[TableRow, ...]


@dataclass
class _Table:
    """A table while it is read (local to read_content)."""

    columns: tuple[ColumnBox, ...]
    context: Context
    key: str
    merged: frozenset[str]
    drafts: list[RowDraft] = field(default_factory=list)
    parts: dict[str, list[CellLine]] = field(default_factory=dict)
    part_top: float | None = None
    part_bottom: float = 0.0
    size: float | None = None  # the type size of its first row's text: its cells' body size
    head: frozenset[str] = frozenset()  # the lines right above its header where it opened


def is_heading(line: TextLine, body_size: float, settings: PdfSettings) -> bool:
    return is_upper_heading(line.text) or line.size >= body_size + settings.heading_size_step


def _finish_part(table: _Table, page: Page, settings: PdfSettings) -> None:
    if table.part_top is None:
        return
    carry, rows = page_rows(
        table.parts,
        list(page.rules),
        table.columns,
        table.key,
        table.merged,
        (table.part_top, table.part_bottom),
        settings,
    )
    above = table.drafts[-1] if table.drafts else None
    tolerance = settings.line_tolerance
    if (
        above is not None
        and rows
        and _continues(rows[0], above, table.key, (table.merged, _spanning(table)), tolerance)
    ):
        carry = _merged(carry, rows.pop(0))  # the rest of a row that the page break split
    if carry is not None:
        if table.drafts:
            for cell, lines in carry.cells.items():
                table.drafts[-1].add(cell, lines)
        else:
            rows.insert(0, carry)
    table.drafts.extend(rows)
    table.parts, table.part_top, table.part_bottom = {}, None, 0.0


def _continues(
    row: RowDraft,
    above: RowDraft,
    key: str,
    merged: tuple[frozenset[str], set[str]],
    tolerance: float,
) -> bool:
    """A page's first row goes on with the row above when its key cell does not open a cell; when
    a text cell beside it goes on in lower case (a merged cell's text may go on beside a new row,
    so not where the key opens with a capitalised word or a marker and another cell opens beside
    it); or when its key cell is one more bullet of a bulleted cell above and no
    other cell starts beside it (a new row's cells start together). `merged` holds the declared
    merged cells and those that do span rows in this table."""
    declared, spanning = merged
    lines = row.cells.get(key, [])
    if not lines or not opens_cell(lines[0].text):
        return True
    beside = [
        found[0]
        for cell, found in row.cells.items()
        if cell != key and cell not in spanning and cell not in declared and found
    ]
    together = [line for line in beside if abs(line.top - lines[0].top) <= tolerance]
    # a new row under a merged goal: its key opens with a capitalised word ("IPÖ till …" may go
    # on a sentence) or a marker, and another of its cells opens beside it
    new_row = opens_surely(lines[0].text) and any(opens_cell(line.text) for line in together)
    if any(
        row.cells.get(cell) and row.cells[cell][0].text[:1].islower()
        for cell in TEXT_CELLS
        if cell != key and not ((cell in spanning or cell in declared) and new_row)
    ):
        return True
    bulleted_above = any(is_bullet(line.text) for line in above.cells.get(key, []))
    return is_bullet(lines[0].text) and bulleted_above and not together


def _spanning(table: _Table) -> set[str]:
    """The declared merged cells that do span rows in this table (a row above left them empty)."""
    return {
        cell for cell in table.merged if any(not draft.cells.get(cell) for draft in table.drafts)
    }


def _merged(first: RowDraft | None, second: RowDraft) -> RowDraft:
    if first is None:
        return second
    for cell, lines in second.cells.items():
        first.add(cell, lines)
    return first


def _with_paragraph_breaks(lines: list[CellLine], settings: PdfSettings) -> tuple[str, ...]:
    """A cell's text lines, with an empty line where a gap on the page sets a paragraph apart."""
    texts: list[str] = []
    for previous, line in zip([None, *lines], lines, strict=False):
        if previous is not None and line.page == previous.page:
            height = previous.bottom - previous.top
            if line.top - previous.bottom > settings.paragraph_gap_lines * height:
                texts.append("")
        texts.append(line.text)
    return tuple(texts)


def _close(table: _Table, spec: TableSpec, settings: PdfSettings) -> list[TableRow]:
    """The table's rows, merged cells filled down into the rows they span (a cell's paragraphs
    set apart by an empty line)."""
    rows: list[TableRow] = []
    previous: dict[str, tuple[str, ...]] = {}
    for draft in table.drafts:
        lines = [line for cell_lines in draft.cells.values() for line in cell_lines]
        if not lines:
            continue
        own = [
            line for cell, found in draft.cells.items() if cell not in spec.merged for line in found
        ]
        lines = own or lines  # a merged cell's lines belong to every row it spans: not its span
        cells = {
            cell: _with_paragraph_breaks(cell_lines, settings)
            for cell, cell_lines in draft.cells.items()
            if cell_lines
        }
        for cell in spec.merged:
            above = previous.get(cell)
            here = cells.get(cell)
            if above and (not here or here[0][:1].islower()):
                # a merged cell's rest after a page break, or its empty part, is the one above
                cells[cell] = above if not here or above[-len(here) :] == here else above + here
        previous = cells
        pages = [line.page for line in lines]
        orders = [line.order for line in lines]
        first_page = [line for line in lines if line.page == min(pages)]
        x0, x1 = min(line.x0 for line in first_page), max(line.x1 for line in first_page)
        rows.append(
            TableRow(
                cells,
                {column.cell: column.cells for column in table.columns},
                table.context,
                min(pages),
                max(pages),
                min(orders),
                max(orders),
                (x0, draft.top, x1, draft.bottom),
                draft.sure,
            )
        )
    return rows


def read_content(
    first: Scan,
    pages: Iterable[tuple[Page, tuple[TextLine, ...]]],
    choose_layout: Callable[[tuple[str, ...]], Layout],
    settings: PdfSettings = SETTINGS,
) -> PdfContent:
    """Read a document's pages (each without its running heads, and those heads; `first` is
    what a first pass learnt of them) into text lines and table rows."""
    layout = choose_layout(first.head_lines)
    spec = layout.table
    text: list[Line] = []
    rows: list[TableRow] = []
    context = Context()
    pending: list[str] = []  # headings read since the last table or body text
    goal_lines: list[str] = []  # a "Mål: …" paragraph read since the last table
    goal_open = False  # the paragraph may still go on
    table: _Table | None = None
    recent: tuple[ColumnBox, ...] | None = None  # columns of the last table, for one that resumes
    order = 0
    previous: TextLine | None = None
    for page, heads in pages:
        sizes = [word.size for line in page.lines for word in line.words]
        body_size = statistics.median(sizes) if sizes else 10.0
        for head in heads:
            if spec and spec.area_pattern and (match := spec.area_pattern.match(head.text)):
                context = Context(int(match.group(1)), context.chapter, context.section)
        wrapped = 0  # lines of a header still to skip (it wraps onto them)
        headers = [
            find_header(page.lines, i, page.width) if spec else None for i in range(len(page.lines))
        ]
        for index, line in enumerate(page.lines):
            order = line.number if line.number is not None else order + 1
            if wrapped:
                wrapped -= 1
                continue
            if (
                table is not None
                and table.part_top is None  # none of its lines on this page yet
                and line.text in table.head
                and any(
                    below is not None and _same_columns(below.columns, table.columns)
                    for below in headers[index + 1 : index + 1 + TITLE_LINES]
                )
            ):
                continue  # a title row repeated with the header on a new page: the table goes on
            header = headers[index]
            if header is not None:
                wrapped = header.n_lines - 1
            columns = header.columns if header else None
            # a table's own body size is its cells' (which may be set larger than the page's
            # text; its first row, across two or more columns, sets it); a header set larger
            # than the cells is no heading
            size = table.size if table is not None and table.size is not None else body_size
            first_row = (
                table is not None
                and table.size is None
                and len(split_cells(line, table.columns, order)) >= 2
            )
            heading = (
                header is None
                and not first_row
                and is_heading(line, size, settings)
                and not (goal_open and _goes_on_goal(line, previous, settings))
            ) or (header is None and _titles_table(page.lines, index, headers, settings))
            area_match = spec.area_pattern.match(line.text) if spec and spec.area_pattern else None
            chapter_match = (
                spec.chapter_pattern.match(line.text) if spec and spec.chapter_pattern else None
            )
            if table is not None and (
                columns is None or table.part_top is not None or table.drafts
            ):
                ends = (
                    heading
                    or area_match
                    or chapter_match
                    or not fits_columns(line, columns or table.columns)
                    or _states_next_goal(line, table)
                )
                if columns is not None and not _same_columns(columns, table.columns):
                    ends = True  # another table's header (the same one repeated goes on)
                if ends or columns is not None:
                    _finish_part(table, page, settings)
                if ends:
                    rows.extend(_close(table, spec, settings))
                    recent, table = table.columns, None
                elif header is not None:
                    # the header repeated on a new page: where it stands there (a text laid out
                    # by spaces places each page's columns anew)
                    table.columns, table.part_top = header.columns, header.bottom
                    continue
            if header is not None:
                goal = " ".join(goal_lines) if goal_lines else None
                context = replace(_table_context(context, pending), goal=goal)
                pending, goal_lines, goal_open = [], [], False
                cells = {column.cell for column in header.columns}
                table = _Table(header.columns, context, spec.key_for(cells), spec.merged)
                table.part_top = header.bottom
                table.head = frozenset(
                    above.text for above in page.lines[max(0, index - TITLE_LINES) : index]
                )
                continue
            # below a heading, or below a goal stated across the table's width (the row may
            # touch it: Word's table style sets no space after a paragraph)
            below = pending or goal_lines
            resumes = (
                recent
                and below
                and not heading
                and fits_columns(line, recent)
                and not runs_across(line, recent, settings)
            )
            if table is None and resumes and len(split_cells(line, recent, order)) >= 2:
                # a table that resumes below a section heading, or below a row across its width
                # that states the goal of the rows after it ("Mål 2: …")
                goal = " ".join(goal_lines) if goal_lines else None
                section = pending[-1] if goal is None else context.section
                context = Context(context.area, context.chapter, section, goal)
                pending, goal_lines, goal_open = [], [], False
                cells = {column.cell for column in recent}
                table = _Table(recent, context, spec.key_for(cells), spec.merged)
            if table is not None:
                if table.part_top is None:
                    table.part_top = line.top - 1
                if table.size is None:
                    table.size = line.size
                for cell, part in split_cells(line, table.columns, order).items():
                    table.parts.setdefault(cell, []).append(part)
                table.part_bottom = max(table.part_bottom, line.bottom)
                continue
            gap = previous is None or _paragraph_gap(previous, line, settings)
            stated = stated_goal(line.text)
            in_goal = stated is not None or (goal_open and not gap and not heading)
            if area_match:
                context, pending = Context(int(area_match.group(1)), None, None), []
                if spec.running_head and spec.running_head.match(line.text):
                    continue  # a page head printed in the body: context, not content
            elif chapter_match:
                context, pending = Context(context.area, chapter_match.group(0).strip(), None), []
            elif in_goal:
                pass  # a goal stated above a table: its goal, no heading (however large it is set)
            elif heading or (previous is not None and _isolated_title(line, previous)):
                pending.append(line.text)
            else:
                pending = []
            if stated is not None:
                goal_lines, goal_open = [stated], True  # however large it is set
            elif heading:
                goal_lines, goal_open = [], False
            elif goal_open and not gap:
                goal_lines.append(line.text)
            elif previous is not None:  # other text between the goal and a table
                goal_lines, goal_open = [], False
            if previous is not None and gap:
                # a blank line stands before a text's line (its number the one before)
                text.append(Line(order - 1 if line.number else order, page.number, ""))
            text.append(Line(order, page.number, line.text, heading))
            previous = line
        if table is not None:
            _finish_part(table, page, settings)
        previous = None
    if table is not None:
        rows.extend(_close(table, spec, settings))
    return PdfContent(layout, first.n_pages, tuple(text), tuple(rows))


def content_rows(content: PdfContent, outside: Document) -> list[ParsedRow]:
    """All rows read: the layout's parser over the text outside the tables (`outside`, made of
    `content.text`) and the tables' rows, in the document's order."""
    spec = content.layout.table
    rows = [*content.layout.parse(outside), *(table_row(row, spec) for row in content.rows if spec)]
    return sorted(rows, key=lambda row: (row.line_start, row.line_end))


def _titles_table(
    lines: Sequence[TextLine], index: int, headers: Sequence[Header | None], settings: PdfSettings
) -> bool:
    """`lines[index]`, set apart from the line above it on the page and right above a table's
    header (`headers` by line), is the table's title (a heading in body type), not a row's text;
    where the settings ask for it."""
    if not settings.titles_above_headers or index + 1 >= len(lines) or headers[index + 1] is None:
        return False
    return index == 0 or _paragraph_gap(lines[index - 1], lines[index], settings)


def _goes_on_goal(line: TextLine, previous: TextLine | None, settings: PdfSettings) -> bool:
    """A line that goes on a stated goal's paragraph: right below its last line, in its type
    (a "Mål: …" paragraph set larger than the table's cells is no heading for that)."""
    return (
        previous is not None
        and not _paragraph_gap(previous, line, settings)
        and abs(line.size - previous.size) < settings.heading_size_step
    )


def _states_next_goal(line: TextLine, table: _Table) -> bool:
    """A "Mål: …" line below a table without a goal column states the next table's goal."""
    return not fills(table.columns, "goal") and stated_goal(line.text) is not None


def _same_columns(a: tuple[ColumnBox, ...], b: tuple[ColumnBox, ...]) -> bool:
    return [column.cells for column in a] == [column.cells for column in b]


def _table_context(context: Context, pending: list[str]) -> Context:
    """The context of a table under the headings read since the last table or text."""
    if len(pending) >= 2:
        return Context(context.area, pending[-2], pending[-1])
    if pending:
        return Context(context.area, context.chapter, pending[-1])
    return context


def _paragraph_gap(previous: TextLine, line: TextLine, settings: PdfSettings) -> bool:
    height = previous.bottom - previous.top
    return (
        line.page != previous.page
        or line.top - previous.bottom > settings.paragraph_gap_lines * height
    )


def _isolated_title(line: TextLine, previous: TextLine) -> bool:
    """A short title-like line set apart from the text above (Sydöst's section headings)."""
    text = line.text
    return (
        len(text) <= 80
        and text[:1].isupper()
        and not text.endswith((".", ":", ",", ";"))
        and line.top - previous.bottom > 0.8 * (previous.bottom - previous.top)
    )
