"""The generic layout: action tables found by the column vocabulary, in a plan no regional layout
claims. Nothing is declared but the reading defaults: each row has its own activity, a goal may
span rows, a table without a goal column takes the "Mål: …" paragraph above it (the reader does
that for every layout), and headings of an area label and a number ("Målområde N",
"Fokusområde N") give the area."""

from __future__ import annotations

import re

from extract.columns import cell_labels
from extract.document import Document
from extract.layout import Layout, ParsedRow, TableSpec


def parse(document: Document) -> list[ParsedRow]:
    """Rows outside tables: none. Its tables are read by the shared readers (a text's by
    extract/text_reading.py, whatever its order; a PDF's from its geometry)."""
    return []


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
    "(extract/data/columns.tsv), e.g. Aktivitet | Ansvarig | Tidsplan | Status",
    document_type="handlingsplan",
    signatures=(),
    parse=parse,
    table=SPEC,
    text_orders=frozenset(),  # no parser of its own: every order goes to the shared reader
)
