"""The order a text tool printed a plan's tables in, and the reader that reads it."""

from dataclasses import replace

import pytest

from extract.layout import (
    LINE_ORDER,
    NO_TABLES,
    PARAGRAPH_MARKED,
    READING_ORDER,
    SPACED,
    TABLE_ROW_KIND,
)
from extract.layouts import LAYOUTS
from extract.reader import read_document
from extract.text_order import text_order
from extract.text_reading import read_text_rows
from tests.conftest import RAW, VARIANTS

VASTMANLAND = "d04-vastmanland-uppsala"


@pytest.mark.parametrize(
    ("path", "order"),
    [
        (VARIANTS / f"{VASTMANLAND}.txt", PARAGRAPH_MARKED),
        (VARIANTS / f"{VASTMANLAND}.pdftotext.txt", READING_ORDER),
        (VARIANTS / f"{VASTMANLAND}.pdftotext-layout.txt", SPACED),
        (RAW / "001_5c8ae417ba2d801a.txt", LINE_ORDER),
    ],
)
def test_the_text_order_is_recognised(path, order):
    assert text_order(read_document(path).lines) == order


def test_text_without_a_table_header():
    """The annual report's tables have no column header: its text has no table order."""
    document = read_document(RAW / "003_4dc689b29ba172f3.txt")
    assert text_order(document.lines) == NO_TABLES


@pytest.mark.parametrize("suffix", [".txt", ".pdftotext.txt"])
def test_an_order_the_layout_does_not_read_goes_to_the_shared_reader(suffix):
    """Västmanland's own parser reads the samples' order; pypdf's and pdftotext's text of the
    same layout is read by the shared reader over the layout's declared table."""
    layout = LAYOUTS["region_vastmanland"]
    reading = read_text_rows(read_document(VARIANTS / f"{VASTMANLAND}{suffix}"), layout)
    assert reading.shared_reader
    assert reading.order not in layout.text_orders
    assert len(reading.rows) >= 20
    assert all(row.rcc_activity for row in reading.rows)
    assert 0 <= reading.unsure <= len(reading.rows)


def test_the_samples_order_goes_to_the_layouts_own_parser():
    layout = LAYOUTS["region_vastmanland"]
    reading = read_text_rows(read_document(RAW / "001_5c8ae417ba2d801a.txt"), layout)
    assert not reading.shared_reader
    assert reading.order == LINE_ORDER
    assert reading.unsure == 0


def test_goal_blocks_outside_tables_still_come_from_the_layouts_parser():
    """Sydöst's parser reads its "Nationellt mål:" blocks; where the shared reader reads its
    tables (here: a Sydöst layout declared to read no order itself), the goal blocks still come
    from its own parser, in document order with the table rows."""
    layout = replace(LAYOUTS["rcc_sydost"], text_orders=frozenset())
    document = read_document(RAW / "000_d3f034d6b03700c9.txt")
    own = [row for row in layout.parse(document) if row.kind != TABLE_ROW_KIND]
    reading = read_text_rows(document, layout)
    assert reading.shared_reader
    assert own and [row for row in reading.rows if row.kind != TABLE_ROW_KIND] == own
    assert any(row.kind == TABLE_ROW_KIND for row in reading.rows)
    starts = [row.line_start for row in reading.rows]
    assert starts == sorted(starts)


def test_the_warnings_say_how_sure_the_cut_is():
    """Reading-order text is read by guess, and says so; pypdf text counts its unsure rows."""
    layout = LAYOUTS["region_vastmanland"]
    reading = read_text_rows(read_document(VARIANTS / f"{VASTMANLAND}.pdftotext.txt"), layout)
    (warning,) = reading.warnings
    assert "best guess" in warning and "a PDF gives the exact cells" in warning
    reading = read_text_rows(read_document(VARIANTS / f"{VASTMANLAND}.txt"), layout)
    (warning,) = reading.warnings
    assert f"in {reading.unsure} of {len(reading.rows)} rows" in warning


def test_the_generic_layout_reads_every_order_with_the_shared_reader():
    reading = read_text_rows(
        read_document(VARIANTS / "d05-generic-norrbotten.txt"), LAYOUTS["generic"]
    )
    assert reading.shared_reader and reading.rows
