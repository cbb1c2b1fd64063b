"""Our PDF reader against generic table extractors on the same fixture PDFs.

Run from the repository root: `python benchmarks/baseline.py`. Every fixture PDF is drawn from
structured rows (tests/pdf_fixtures.py); each extractor's tables are mapped to the layout's cells
by the same header labels, and all are scored with the same comparison as the tests: row recall
(a drawn row is found when a read row has its goal and activities) and field accuracy on found
rows. The generic extractors get no help beyond the header mapping: a table without a header
row on a later page goes on with the last header's columns, and rows are taken as they come.
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from extract.columns import HeaderColumn, is_header, label_cells  # noqa: E402
from extract.layouts import LAYOUTS  # noqa: E402
from extract.table_rows import Context, TableRow, table_row  # noqa: E402
from pipelines.ingest import parse_file  # noqa: E402
from tests.pdf_fixtures import (  # noqa: E402
    TABLE_FIELDS,
    compare_rows,
    plan_from_rows,
    render,
    synthetic_rows,
)
from tests.test_pdf import CASES, TABLE_LAYOUTS, TITLES  # noqa: E402


def _mapping(header: list[str | None]) -> list[HeaderColumn] | None:
    """The columns, if `header` is a table header by the column vocabulary (as our reader reads)."""
    columns = [HeaderColumn(text or "", label_cells(text or "")) for text in header]
    return columns if is_header(columns) else None


def rows_from_tables(tables: list[tuple[int, list[list[str | None]]]], layout: str) -> list:
    """Parsed rows from generic tables (page, rows of cell texts)."""
    rows = []
    mapping: list[HeaderColumn] | None = None
    order = 0
    for page, table in tables:
        for cells in table:
            header = _mapping(cells)
            if header:
                mapping = header
                continue
            if mapping is None or len(cells) != len(mapping):
                continue
            order += 1
            texts = {
                column.cell: tuple(line for line in (text or "").split("\n") if line.strip())
                for column, text in zip(mapping, cells, strict=True)
                if text
            }
            if not any(texts.values()):
                continue
            fills = {column.cell: column.cells or (column.cell,) for column in mapping}
            row = TableRow(texts, fills, Context(), page, page, order, order)
            rows.append(table_row(row, LAYOUTS[layout].table))
    return rows


def pdfplumber_rows(pdf: Path, layout: str) -> list:
    with pdfplumber.open(pdf) as document:
        tables = [(n, t) for n, page in enumerate(document.pages, 1) for t in page.extract_tables()]
    return rows_from_tables(tables, layout)


def camelot_rows(pdf: Path, layout: str, ruled: bool) -> list | None:
    try:
        import camelot
    except ImportError:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = camelot.read_pdf(str(pdf), pages="all", flavor="lattice" if ruled else "stream")
    tables = [(int(t.page), t.df.values.tolist()) for t in found]
    return rows_from_tables(tables, layout)


def score(expected, rows) -> str:
    if rows is None:
        return "not installed"
    result = compare_rows(expected, rows, TABLE_FIELDS)
    if not result.found:
        return "0.00 / –"
    return f"{result.recall:.2f} / {result.field_accuracy:.2f}"


def main() -> None:
    print("| layout | case | ours (recall / field acc.) | pdfplumber extract_tables | camelot |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for layout in TABLE_LAYOUTS:
            for case, options in sorted(CASES.items()):
                options = dict(options)
                long_cells = options.pop("long_cells", False)
                expected = synthetic_rows(layout, 8 if long_cells else 12, 3, long_cells)
                plan = plan_from_rows(layout, expected, TITLES[layout], **options)
                pdf = render(plan, Path(folder) / f"{layout}-{case}.pdf")
                ours = parse_file(pdf).rows
                ruled = options.get("ruled", True)
                cells = [
                    score(expected, ours),
                    score(expected, pdfplumber_rows(pdf, layout)),
                    score(expected, camelot_rows(pdf, layout, ruled)),
                ]
                print(f"| {layout} | {case} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
