"""The generic layout: action tables found by the column vocabulary, or blocks of fields
labelled by it, in a plan no regional layout claims. Nothing is declared but the reading
defaults: each row has its own activity, a goal may span rows, a table without a goal column
takes the "Mål: …" paragraph above it (the reader does that for every layout), and headings of
an area label and a number ("Målområde N", "Fokusområde N") give the area."""

from __future__ import annotations

import re

from extract.columns import cell_labels
from extract.document import Document
from extract.labelled_blocks import read_labelled_blocks
from extract.layout import NO_TABLES, Layout, ParsedRow, TableSpec


def parse(document: Document) -> list[ParsedRow]:
    """Rows outside tables: labelled blocks ("Mål: …", "Insatser:", "Ansvarig: …"), read by
    the shared reader of extract/labelled_blocks.py. Its tables are read by the shared table
    readers (a text's by extract/text_reading.py, whatever its order; a PDF's from its
    geometry)."""
    return read_labelled_blocks(document.lines, SPEC.area_pattern)


SPEC = TableSpec(
    header=(),
    key="activities",
    merged=frozenset({"goal", "area"}),
    # "Målområde 3", "Fokusområde 3 – …": any area label of the column vocabulary and a number
    area_pattern=re.compile(rf"^\s*(?:{'|'.join(cell_labels('area'))})\s+(\d{{1,2}})\b", re.I),
)


LAYOUT = Layout(
    name="generic",
    description="any plan whose action tables have a header of known column labels "
    "(extract/data/columns.tsv), e.g. Aktivitet | Ansvarig | Tidsplan | Status, or whose "
    "actions are blocks of labelled fields (Mål: … Insatser: … Ansvarig: …)",
    document_type="handlingsplan",
    signatures=(),
    parse=parse,
    table=SPEC,
    # tables in any order go to the shared reader; a text without tables to the labelled blocks
    text_orders=frozenset({NO_TABLES}),
)
