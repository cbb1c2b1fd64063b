"""Render plans in every layout as PDFs, from structured rows (reportlab; no network).

The column labels come from each layout's `TableSpec`, so the PDFs are drawn the way the reader
expects the layout to look. Options cover what makes real plans hard: merged goal cells (equal
consecutive cells of a merged column become one spanned cell), tables over page breaks with the
header repeated, rows split by a break, unruled tables, landscape pages, narrow wrapping columns,
running heads and page numbers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from extract.layouts import LAYOUTS

_FONTS = Path(os.path.dirname(reportlab.__file__)) / "fonts"  # Bitstream Vera ships with reportlab
pdfmetrics.registerFont(TTFont("Vera", str(_FONTS / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Bold", str(_FONTS / "VeraBd.ttf")))

BODY = ParagraphStyle("body", fontName="Vera", fontSize=9, leading=11)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5)
HEADER = ParagraphStyle("header", parent=CELL, fontName="Vera-Bold")
HEADING = ParagraphStyle(
    "heading", fontName="Vera-Bold", fontSize=12, leading=15, spaceBefore=8, spaceAfter=4
)
TITLE = ParagraphStyle("title", parent=HEADING, fontSize=15, leading=19)


@dataclass(frozen=True)
class Block:
    """Text outside tables: a heading or a paragraph (lines starting "• " become bullets)."""

    text: str
    heading: bool = False


@dataclass(frozen=True)
class FixtureTable:
    # cell name -> text; "\n" separates lines or bullet items; {"across": text}: one cell
    # across the table's width
    rows: tuple[dict[str, str], ...]
    before: tuple[Block, ...] = ()  # headings and paragraphs above the table
    title: str | None = None  # a row across the table above its header, repeated with it

    @property
    def head_rows(self) -> int:
        """The rows at the table's top that each page repeats: the title's and the header."""
        return 1 + (self.title is not None)


@dataclass(frozen=True)
class FixturePlan:
    layout: str
    title: str
    tables: tuple[FixtureTable, ...] = ()
    blocks: tuple[Block, ...] = ()  # text after the tables (or the whole plan, without tables)
    ruled: bool = True
    landscape: bool = False
    widths: tuple[float, ...] | None = None  # column widths in points
    running_head: str | None = None
    font_size: float = 8.5
    extra: dict[str, object] = field(default_factory=dict)
    header: tuple[str, ...] | None = None  # column labels instead of the layout's own
    row_padding: float = 3.0  # points above and below a cell's text (reportlab's default); 0:
    # the rows touch, as Word's table style sets them


def _paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    return [Paragraph(escape(line), style) for line in text.split("\n") if line.strip()]


def _flowables(block: Block) -> list:
    if block.heading:
        return [Paragraph(escape(block.text), HEADING)]
    return [*_paragraphs(block.text, BODY), Spacer(1, 6)]


def table_spec(plan: FixturePlan):
    """The plan's table declaration, under the plan's own header labels when it has them."""
    spec = LAYOUTS[plan.layout].table
    assert spec is not None, f"{plan.layout} has no table"
    return replace(spec, header=plan.header) if plan.header else spec


Span = tuple[int, int, int, int]  # first column, first row, last column, last row


def table_grid(spec, table: FixtureTable) -> tuple[list[list[str | None]], list[Span]]:
    """The table as a grid of cell texts, its head rows first (its title's, if any, and the
    header's; None where a merged cell or a row across the table covers the place), and the
    spans that merge cells."""
    width = len(spec.columns)
    grid: list[list[str | None]] = [[column.label for column in spec.columns]]
    spans: list[Span] = []
    if table.title is not None:
        grid.insert(0, [table.title, *[None] * (width - 1)])
        spans.append((0, 0, width - 1, 0))
    offset = table.head_rows
    open_spans: dict[int, int] = {}  # column -> first row of the open span
    for row_index, row in enumerate(table.rows, offset):
        if "across" in row:  # a row of one cell across the table's width
            grid.append([row["across"], *[None] * (width - 1)])
            spans.append((0, row_index, width - 1, row_index))
            continue
        cells: list[str | None] = []
        for column_index, column in enumerate(spec.columns):
            text = _column_text(row, column)
            above = row_index - offset - 1
            previous = _column_text(table.rows[above], column) if above >= 0 else None
            if column.cell in spec.merged and text and text == previous:
                cells.append(None)
                open_spans.setdefault(column_index, row_index - 1)
                continue
            if column_index in open_spans:
                first = open_spans.pop(column_index)
                spans.append((column_index, first, column_index, row_index - 1))
            cells.append(text)
        grid.append(cells)
    last = len(table.rows) + offset - 1
    spans += [(column, first, column, last) for column, first in open_spans.items()]
    return grid, spans


def _table(plan: FixturePlan, table: FixtureTable, width: float) -> Table:
    spec = table_spec(plan)
    cell_style = ParagraphStyle(
        "c", parent=CELL, fontSize=plan.font_size, leading=plan.font_size + 2
    )
    grid, spans = table_grid(spec, table)
    heads = table.head_rows
    data: list[list[object]] = [
        [Paragraph(escape(label or ""), HEADER) for label in row] for row in grid[:heads]
    ]
    data += [
        [_paragraphs(text, cell_style) if text is not None else "" for text in row]
        for row in grid[heads:]
    ]
    styles: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    for side in ("TOPPADDING", "BOTTOMPADDING"):
        styles.append((side, (0, heads), (-1, -1), plan.row_padding))
    styles += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
    if plan.ruled:
        styles.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    widths = plan.widths or tuple(width / len(spec.columns) for _ in spec.columns)
    result = Table(data, colWidths=list(widths), repeatRows=heads, splitInRow=1)
    result.setStyle(TableStyle(styles))
    return result


def render(plan: FixturePlan, path: Path) -> Path:
    """Draw the plan as a PDF at `path`."""
    size = landscape(A4) if plan.landscape else A4
    document = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=40,
        rightMargin=40,
        topMargin=50,
        bottomMargin=50,
        title=plan.title,
    )
    width = size[0] - 80

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Vera", 8)
        if plan.running_head:
            canvas.drawString(40, size[1] - 30, plan.running_head)
        canvas.drawRightString(size[0] - 40, 25, f"Sida {doc.page}")
        canvas.restoreState()

    story: list = [Paragraph(escape(plan.title), TITLE)]
    for table in plan.tables:
        for block in table.before:
            story.extend(_flowables(block))
        story.append(_table(plan, table, width))
        story.append(Spacer(1, 8))
    for block in plan.blocks:
        story.extend(_flowables(block))
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return path


# --- plans built from parsed rows (the seeds' text, or rows written in a test) --------------------

ROW_CELLS = ("goal", "activities", "timeframe", "responsible", "status", "notes", "rcc_activity")


def _column_text(row: dict[str, str], column) -> str:
    """What a column prints: the texts of every cell it fills ("Ansvarig-Tidsram")."""
    return "\n".join(filter(None, (row.get(cell, "") for cell in column.cells or (column.cell,))))


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def row_cells(row, layout: str) -> dict[str, str]:
    """The cells of a parsed row as the layout's table prints them."""
    bullets = layout != "region_vastmanland" and (len(row.activities) > 1 or layout == "rcc_sydost")
    activities = [_flat(a) for a in row.activities]
    cells = {
        "goal": _flat(row.goal),
        "activities": "\n".join(f"• {a}" if bullets else a for a in activities),
        "timeframe": "\n".join(_flat(t) for t in row.timeframe),
        "responsible": "\n".join(_flat(a) for a in row.responsible),
        "status": "\n".join(row.status) if layout == "region_skane" else "",
        "notes": _flat(row.notes),
        "rcc_activity": _flat(row.rcc_activity),
        "area": _flat(row.section),  # Västmanland's Område column
    }
    if layout == "region_kronoberg":
        cells["goal"] = f"{row.goal_number}. {cells['goal']}" if row.goal_number else cells["goal"]
        actors = ", ".join(_flat(a) for a in row.responsible)
        responsible = f"Ansvar: {actors}." if actors else ""
        cells["notes"] = "\n".join(filter(None, [cells["notes"], responsible]))
        cells["responsible"] = ""
    return cells


def _goal_blocks(row) -> list[Block]:
    items = [Block(f"• {_flat(a)}") for a in row.activities]
    if row.kind == "national_goal":
        return [Block(f"Mål: {_flat(row.goal)}"), Block("Insatser för att nå målet:"), *items]
    if row.kind == "regional_insats":
        national = row.level == "national"
        label = "Insatser nationellt:" if national else "Insatser i Sydöstra sjukvårdsregionen:"
        return [Block(f"Nationellt mål: {_flat(row.goal)}"), Block(label), *items]
    lead = [Block(_flat(row.goal))] if row.goal else []
    return [*lead, *items]


def plan_from_rows(layout: str, rows, title: str, **options) -> FixturePlan:
    """A plan that prints `rows` (parsed rows) in the layout: headings, goal blocks, tables."""
    tables: list[FixtureTable] = []
    pending: list[Block] = []
    current: list[dict[str, str]] = []
    heads: tuple = (None, None, None)
    for row in rows:
        new_heads = (row.area_number, row.chapter, row.section)
        if row.kind != "action_row":
            if current:
                tables.append(FixtureTable(tuple(current), tuple(pending)))
                current, pending = [], []
            if new_heads != heads:
                pending.extend(_headings(layout, heads, new_heads))
                heads = new_heads
            pending.extend(_goal_blocks(row))
            continue
        if new_heads != heads and not (layout == "region_vastmanland" and new_heads[1] == heads[1]):
            if current:
                tables.append(FixtureTable(tuple(current), tuple(pending)))
                current, pending = [], []
            pending.extend(_headings(layout, heads, new_heads))
            heads = new_heads
        current.append(row_cells(row, layout))
    if current:
        tables.append(FixtureTable(tuple(current), tuple(pending)))
        pending = []
    return FixturePlan(layout, title, tuple(tables), tuple(pending), **options)


def _headings(layout: str, old: tuple, new: tuple) -> list[Block]:
    area, chapter, section = new
    blocks: list[Block] = []
    if layout == "rcc_sydost":
        if area != old[0]:
            blocks.append(Block(f"MÅLOMRÅDE {area}", True))
            blocks.append(Block(f"Handlingsplan 2026 – Målområde {area}", True))
        if section and section != old[2]:
            blocks.append(Block(section, True))
    elif layout == "region_vastmanland":
        if chapter and chapter != old[1]:
            blocks.append(Block(chapter, True))
    else:
        if chapter and chapter != old[1]:
            blocks.append(Block(chapter.upper(), True))
        if section and section != old[2]:
            blocks.append(Block(section.upper(), True))
    return blocks


def report_from_text(text: str, heading_lines: set[int], title: str) -> FixturePlan:
    """A report printed from its extracted text, the way Word sets it: the lines numbered in
    `heading_lines` (1-based, as an annotation gives them) as headings; a paragraph (or a "•"
    item) runs over lines, blank or not, to a line that ends a sentence (the extracted text puts
    a blank line after every line, so blanks do not tell paragraphs)."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            blocks.append(Block(" ".join(paragraph)))
            paragraph.clear()

    for number, line in enumerate(text.replace("\f", "\n").split("\n"), 1):
        stripped = line.strip()
        if number in heading_lines or stripped.startswith("•"):
            close()
        if number in heading_lines:
            blocks.append(Block(stripped, heading=True))
        elif stripped:
            paragraph.append(stripped)
            if stripped.endswith((".", ":", ";", "!", "?")):
                close()
    close()
    return FixturePlan("rcc_arsrapport", title, blocks=tuple(blocks))


# --- synthetic plans with the hard cases ---------------------------------------------------------

_SENTENCE = (
    "som beskriver arbetet med att införa och följa upp insatsen i alla delar av regionen "
    "tillsammans med verksamheterna"
)


def synthetic_rows(layout: str, goals: int, rows_per_goal: int, long_cells: bool = False) -> list:
    """Rows in the layout's shape: goals spanning `rows_per_goal` rows (merged where the layout
    merges them), bullets, times, actors; `long_cells` makes cells long enough to split rows."""
    from extract.document import Line
    from extract.layout import make_row

    rows = []
    headings = {
        "rcc_sydost": (1, None, "Screening"),
        "region_vastmanland": (
            None,
            "Prevention och tidig diagnostik, Kapitel 3",
            "3.a) Cancerprevention",
        ),
        "region_kronoberg": (None, "ATT FÖREBYGGA CANCER", "SCREENING"),
        "region_skane": (None, "ATT FÖREBYGGA CANCER", "SCREENING FÖR LUNGCANCER"),
    }[layout]
    area, chapter, section = headings
    line = Line(1, 1, "x")
    number = 0
    for goal_index in range(goals):
        goal = f"Mål {goal_index + 1} om tidig upptäckt och jämlik screening i regionen"
        if layout == "region_vastmanland":
            section = f"3.{chr(97 + goal_index % 26)}) Område {goal_index + 1}"
        for row_index in range(
            rows_per_goal if layout in ("region_skane", "region_vastmanland") else 1
        ):
            number += 1
            extra = f" {_SENTENCE} {_SENTENCE}" if long_cells else ""
            activities = [f"Aktivitet {number}.{i} {_SENTENCE}{extra}" for i in range(1, 3)]
            if layout in ("region_vastmanland", "region_skane"):
                activities = activities[:1]
            status = ("Pågår",) if layout == "region_skane" and row_index == 0 else ()
            rows.append(
                make_row(
                    "action_row",
                    [line],
                    goal=goal,
                    goal_number=str(number) if layout == "region_kronoberg" else None,
                    activities=activities,
                    responsible=["Verksamhetschef", "Processledare screening"],
                    timeframe=["2026", "Q3 2027"] if layout == "rcc_sydost" else [],
                    status=status,
                    notes="Uppföljning sker årligen i styrgruppen."
                    if layout == "region_kronoberg"
                    else None,
                    rcc_activity=f"Aktivitet från RCC {number} om kunskapsstöd"
                    if layout == "region_vastmanland"
                    else None,
                    area_number=area,
                    chapter=chapter,
                    section=section,
                )
            )
    return rows


# --- comparing what was drawn with what was read --------------------------------------------------

TABLE_FIELDS = (  # what a table's own cells hold
    "goal",
    "goal_number",
    "rcc_activity",
    "activities",
    "responsible",
    "timeframe",
    "status",
    "notes",
)
FIELDS = (*TABLE_FIELDS, "section", "area_number")  # and what the headings above it give


def _fold(value) -> object:
    from normalize.text import match_key

    if isinstance(value, tuple):
        return tuple(sorted(match_key(item) for item in value))
    return match_key(value) if isinstance(value, str) or value is None else value


@dataclass(frozen=True)
class Comparison:
    expected: int
    found: int
    field_right: dict[str, int]
    field_total: dict[str, int]

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def field_accuracy(self) -> float:
        total = sum(self.field_total.values())
        return sum(self.field_right.values()) / total if total else 1.0


def compare_rows(expected, parsed, fields: tuple[str, ...] = FIELDS) -> Comparison:
    """Match drawn rows to read rows on goal and activities, then check the `fields`."""
    from normalize.text import match_key

    def key(row) -> tuple:
        return (match_key(row.goal), tuple(match_key(a) for a in row.activities))

    pool: dict[tuple, list] = {}
    for row in parsed:
        pool.setdefault(key(row), []).append(row)
    right: dict[str, int] = dict.fromkeys(fields, 0)
    total: dict[str, int] = dict.fromkeys(fields, 0)
    found = 0
    for row in expected:
        candidates = pool.get(key(row))
        if not candidates:
            continue
        found += 1
        got = candidates.pop(0)
        for name in fields:
            want = getattr(row, name)
            if want in (None, (), ""):
                continue
            total[name] += 1
            right[name] += _fold(getattr(got, name)) == _fold(want)
    return Comparison(len(expected), found, right, total)
