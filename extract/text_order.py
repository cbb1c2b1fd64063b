"""Which order a PDF-to-text tool printed a plan's tables in.

Tools print the same table differently: the samples' tool keeps a header on one line and each
cell's lines together; pypdf marks paragraph ends (a wrapped line ends with a space, a paragraph's
last line without); pdftotext's reading order prints a header's labels on lines of their own and
a row's cells in the order it reads the page; `pdftotext -layout` keeps the columns by spaces
(extract/spaced_text.py), a line across every column. The order decides who reads a text (see
extract/text_reading.py) and how the shared reader cuts and places its blocks.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.columns import header_spans
from extract.document import Line
from extract.layout import LINE_ORDER, NO_TABLES, PARAGRAPH_MARKED, READING_ORDER, SPACED
from extract.spaced_text import is_spaced
from extract.spacing import marks_paragraph_ends

WRAPPED_HEADER_SHARE = 0.5  # more of a text's headers than this spread over lines: reading order


def text_order(lines: Sequence[Line]) -> str:
    """The order a text's tables are printed in (one of the orders named in extract.layout)."""
    if is_spaced(lines):
        return SPACED  # its header may wrap into columns the text readers cannot tell apart
    spans = header_spans(lines)
    if not spans:
        return NO_TABLES
    if marks_paragraph_ends(tuple(lines)):
        return PARAGRAPH_MARKED
    wrapped = sum(1 for span in spans.values() if span.n_lines > 1)
    return READING_ORDER if wrapped > WRAPPED_HEADER_SHARE * len(spans) else LINE_ORDER
