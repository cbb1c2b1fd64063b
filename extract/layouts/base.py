"""What every layout declares (`Layout`) and what every parser yields (`ParsedRow`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from extract.cells import strip_bullet
from extract.document import Document, Line

KINDS = ("action_row", "national_goal", "regional_insats", "report_item")


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
class Column:
    """A table column: its header label as printed, and the row cell it fills."""

    label: str
    cell: str  # goal, activities, timeframe, responsible, status, notes, rcc_activity, section


LABEL_PREFIX = 6  # a header label is recognised by the first letters of its first word
HEADER_WEIGHT = 3.0  # a table's own header is the strongest evidence of its layout


def label_key(label: str) -> str:
    """What identifies a column label even when the header wraps it: its first word's start."""
    return label.split()[0].lower()[:LABEL_PREFIX]


@dataclass(frozen=True)
class TableSpec:
    """How a layout's action table looks in a PDF, for the geometric reader (extract/pdf)."""

    columns: tuple[Column, ...]
    key: str  # the cell that every table row has its own of; merged cells span several rows
    merged: frozenset[str] = frozenset()  # cells that may be merged over several rows
    numbered_goals: bool = False  # goals open with their number ("12. …")
    area_pattern: re.Pattern[str] | None = None  # a heading giving the area number (group 1)
    chapter_pattern: re.Pattern[str] | None = None  # a chapter heading
    running_head: re.Pattern[str] | None = None  # a page head the PDF may print in the body too

    def header_signature(self) -> Signature:
        """Evidence of the table in a document's text: its labels in order on one line."""
        keys = [re.escape(label_key(column.label)) for column in self.columns]
        pattern = r"(?:^|\s)" + r"\S*\s.*?(?<=\s)".join(keys)
        labels = " | ".join(column.label for column in self.columns)
        return Signature(
            f"table header '{labels}'", re.compile(pattern, re.IGNORECASE), HEADER_WEIGHT
        )


@dataclass(frozen=True)
class Layout:
    """A regional layout: how to recognise it, whose it is, and the parsers for it."""

    name: str
    description: str
    region: str  # the default region when the text does not name one
    document_type: str
    signatures: tuple[Signature, ...]
    # parses the document's text (for a PDF: the text outside its tables)
    parse: Callable[[Document], list[ParsedRow]]
    table: TableSpec | None = None  # the action table, when the layout has one

    def all_signatures(self) -> tuple[Signature, ...]:
        """The declared signatures, and the table's header when the layout has a table."""
        return (*self.signatures, self.table.header_signature()) if self.table else self.signatures
