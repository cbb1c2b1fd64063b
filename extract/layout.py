"""What every layout declares (`Layout`) and what every parser yields (`ParsedRow`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from extract.cells import strip_bullet
from extract.columns import HeaderColumn, label_cells
from extract.document import Document, Line

KINDS = ("action_row", "national_goal", "regional_insats", "report_item")
TABLE_ROW_KIND = "action_row"  # the kind of a row read from an action table

# The orders a text tool prints tables in (extract/text_order.py recognises them)
LINE_ORDER = "lines"  # a header on one line, each cell's lines together (the samples' tool)
PARAGRAPH_MARKED = "paragraph-marked"  # pypdf: a wrapped line ends with a space
READING_ORDER = "reading-order"  # pdftotext: a header's labels on lines of their own
SPACED = "spaced"  # pdftotext -layout: columns kept by spaces, a line across every column
NO_TABLES = "no-tables"  # no table header found
TEXT_ORDERS = frozenset({LINE_ORDER, PARAGRAPH_MARKED, READING_ORDER, SPACED, NO_TABLES})


@dataclass(frozen=True)
class ParsedRow:
    """One source row of a plan, with cell texts as written (line breaks kept as "\\n")."""

    kind: str
    goal: str | None
    activities: tuple[str, ...]
    responsible: tuple[str, ...]
    timeframe: tuple[str, ...]
    status: tuple[str, ...]
    notes: str | None
    chapter: str | None
    section: str | None
    area_number: int | None  # the area number the document itself states (e.g. "Målområde 3")
    goal_number: str | None
    rcc_activity: str | None
    level: str | None  # regional_insats only: "regional" or "national"
    line_start: int
    line_end: int
    page_start: int
    page_end: int
    bbox: tuple[float, float, float, float] | None = None  # PDF rows: x0, top, x1, bottom


def make_row(kind: str, lines: Iterable[Line], **cells: object) -> ParsedRow:
    """Build a row whose line and page span cover `lines`; missing cells are empty."""
    used = [line for line in lines if not line.is_blank]
    if not used:
        raise ValueError("a row needs at least one source line")
    defaults: dict[str, object] = {
        "goal": None,
        "activities": (),
        "responsible": (),
        "timeframe": (),
        "status": (),
        "notes": None,
        "chapter": None,
        "section": None,
        "area_number": None,
        "goal_number": None,
        "rcc_activity": None,
        "level": None,
        "bbox": None,
    }
    unknown = set(cells) - set(defaults)
    if unknown:
        raise TypeError(f"unknown row cells: {sorted(unknown)}")
    defaults.update(cells)
    for key in ("activities", "responsible", "timeframe", "status"):
        defaults[key] = tuple(defaults[key])  # type: ignore[arg-type]
    return ParsedRow(
        kind=kind,
        line_start=min(line.number for line in used),
        line_end=max(line.number for line in used),
        page_start=min(line.page for line in used),
        page_end=max(line.page for line in used),
        **defaults,  # type: ignore[arg-type]
    )


def cell_text(lines: Iterable[Line]) -> str:
    """The text of a cell: its non-blank lines stripped and joined by newlines."""
    return "\n".join(line.stripped for line in lines if not line.is_blank)


def item_text(lines: Iterable[Line]) -> str:
    """A bullet item's text without its bullet glyph."""
    return strip_bullet(cell_text(lines))


@dataclass(frozen=True)
class Signature:
    """A pattern whose presence in a document is evidence for a layout."""

    label: str
    pattern: re.Pattern[str]
    weight: float = 1.0


@dataclass(frozen=True)
class TableSpec:
    """How a layout's action table is read: its header as the layout prints it (the cells come
    from the column vocabulary, extract/data/columns.tsv) and the quirks the shared reader needs."""

    header: tuple[str, ...]  # the column labels as printed, left to right
    key: str  # the cell that every table row has its own of; merged cells span several rows
    merged: frozenset[str] = frozenset()  # cells that may be merged over several rows
    numbered_goals: bool = False  # goals open with their number ("12. …")
    status_in: tuple[str, ...] = ()  # cells that carry status words by the layout's rule
    goal_above: bool = False  # a table without a goal column takes the goal printed above it
    area_pattern: re.Pattern[str] | None = None  # a heading giving the area number (group 1)
    chapter_pattern: re.Pattern[str] | None = None  # a chapter heading
    running_head: re.Pattern[str] | None = None  # a page head the PDF may print in the body too

    @property
    def columns(self) -> tuple[HeaderColumn, ...]:
        return tuple(HeaderColumn(label, label_cells(label)) for label in self.header)

    def key_for(self, cells: set[str]) -> str:
        """The key cell among a found table's cells: the declared one when the table has it."""
        for cell in (self.key, "activities", "goal", "rcc_activity"):
            if cell in cells:
                return cell
        return sorted(cells)[0]


@dataclass(frozen=True)
class Layout:
    """A regional layout: how to recognise it, whose it is, and the parsers for it."""

    name: str
    description: str
    document_type: str  # the type when the text does not name one
    signatures: tuple[Signature, ...]
    # parses the document's text (for a PDF: the text outside its tables)
    parse: Callable[[Document], list[ParsedRow]]
    table: TableSpec | None = None  # the action table, when the layout has one
    # the text orders `parse` reads; text in another order is read by the shared reader
    text_orders: frozenset[str] = TEXT_ORDERS
