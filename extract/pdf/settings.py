"""Named tolerances of the PDF reader, in PDF points unless said otherwise."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PdfSettings:
    line_tolerance: float = 2.5  # words whose tops differ less are on one text line
    rule_min_length: float = 20.0  # shorter horizontal strokes are underlines, not table rules
    rule_join_gap: float = 2.0  # strokes on one height this close are one rule (cell borders)
    margin_share: float = (
        0.09  # top and bottom bands of a page (share of its height) hold running heads
    )
    repeat_share: float = (
        0.5  # text in a margin band on at least this share of pages is a running head
    )
    row_gap_lines: float = (
        0.9  # unruled tables: a gap in the key column this many line heights opens a row
    )
    row_gap_extra: float = 0.4  # or this many line heights more than the gap inside a paragraph
    paragraph_gap_lines: float = (
        0.7  # a gap this many line heights between text lines is a blank line
    )
    heading_size_step: float = 1.0  # text this much larger than the body is a heading
    cell_gap_lines: float = 0.5  # words closer across a column edge run on: one text, not cells
    # a line set apart right above a table header is the table's title: for pages without type
    # sizes (a text laid out by spaces); a PDF shows its headings by their type, and a line
    # above a header there is often a cell's last line, lower than its neighbours'
    titles_above_headers: bool = False
    # a text laid out by spaces prints a ruled table's rows without blank lines: a merged cell's
    # capitalised line counts as opening beside a row's key, and a merged cell's paragraph ends
    # where a line of it opens at a row's start; in a PDF a merged cell opens only after a gap
    # and its paragraph stays whole (a capitalised line inside a cell may stand beside others)
    rows_without_gaps: bool = False
    detect_pages: int = 40  # pages read to recognise the layout
    max_pages: int = 2000  # longer documents are refused (configurable)
    kept_words: int = 100_000  # words of the first pages the first pass keeps for the second
    # (about 35 MB; the pages after them are read again, so memory stays flat in page count)


SETTINGS = PdfSettings()
