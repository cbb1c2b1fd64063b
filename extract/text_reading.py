"""Read a text document's rows in its layout, by the reader that reads the text's order.

A regional layout's own text parser was written for the samples' order; a layout declares the
orders it reads (`Layout.text_orders`) and every other order goes through the shared
header-driven reader (extract/text_tables.py) with the layout's table declaration; a text that
keeps its columns by spaces is read by its words' places, as a PDF is (extract/spaced_text.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.document import Document
from extract.layout import READING_ORDER, SPACED, TABLE_ROW_KIND, Layout, ParsedRow
from extract.pdf.margins import scan_pages, without_heads
from extract.pdf.reader import content_rows, read_content
from extract.pdf.settings import SETTINGS
from extract.spaced_text import spaced_pages
from extract.table_rows import table_row
from extract.text_order import text_order
from extract.text_tables import read_text_tables


@dataclass(frozen=True)
class TextReading:
    """A text document's rows, the order they were read in, and how sure their cut was."""

    rows: list[ParsedRow]
    order: str
    shared_reader: bool  # read by the shared header-driven reader, not the layout's own parser
    unsure: int = 0  # rows whose cut between cells the shared reader was unsure of

    @property
    def warnings(self) -> tuple[str, ...]:
        """What a user should know of how the rows were cut."""
        if not self.shared_reader:
            return ()
        table_rows = sum(1 for row in self.rows if row.kind == TABLE_ROW_KIND)
        unsure = f"unsure of the cut between cells in {self.unsure} of {table_rows} rows"
        if self.order == SPACED:
            return (
                "text with its columns kept by spaces (pdftotext -layout): its cells were read "
                "by the characters' places, which a tool rounds, and rows without a blank line "
                f"between them by their words ({unsure}); a PDF gives the exact cells",
            )
        if self.order == READING_ORDER:
            return (
                "text in reading order (pdftotext): a tool may print a row's cells out of "
                f"order, so every row is a best guess ({unsure}); a PDF gives the exact cells",
            )
        return (f"text in {self.order} order, read by the shared header-driven reader: {unsure}",)


# a text laid out by spaces shows no type (its headings) and no rules (no gaps between rows)
SPACED_SETTINGS = replace(SETTINGS, titles_above_headers=True, rows_without_gaps=True)


def read_text_rows(document: Document, layout: Layout) -> TextReading:
    """The rows of a text document in `layout`: by the layout's own parser when it reads the
    text's order, else its tables by the shared reader over the layout's table declaration and
    the rows outside its tables (goal blocks) by the layout's parser."""
    order = text_order(document.lines)
    if order == SPACED and layout.table is not None:
        return _read_spaced(document, layout)
    if layout.table is None or order in layout.text_orders:
        return TextReading(layout.parse(document), order, False)
    table_rows = read_text_tables(document, layout.table)
    rows = [table_row(row, layout.table) for row in table_rows]
    # rows the layout reads outside its tables (Sydöst's goal blocks) still come from its parser
    rows += [row for row in layout.parse(document) if row.kind != TABLE_ROW_KIND]
    rows.sort(key=lambda row: (row.line_start, row.line_end))
    return TextReading(rows, order, True, sum(1 for row in table_rows if not row.sure))


def _read_spaced(document: Document, layout: Layout) -> TextReading:
    """The rows of a text that keeps its columns by spaces, read by the words' places."""
    pages = spaced_pages(document.lines)
    first = scan_pages(pages, SPACED_SETTINGS)
    bodies = (without_heads(page, first.running, SPACED_SETTINGS) for page in pages)
    content = read_content(first, bodies, lambda head: layout, SPACED_SETTINGS)
    rows = content_rows(content, replace(document, lines=content.text))
    rows = [replace(row, bbox=None) for row in rows]  # characters and lines, no page's points
    return TextReading(rows, SPACED, True, sum(1 for row in content.rows if not row.sure))
