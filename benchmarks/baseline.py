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

from extract.layouts import LAYOUTS  # noqa: E402
from extract.layouts.base import label_key  # noqa: E402
from extract.pdf.reader import Context, TableRow  # noqa: E402
from extract.pdf.rows import table_row  # noqa: E402
from pipelines.ingest import parse_file  # noqa: E402
from tests.pdf_fixtures import (  # noqa: E402
    TABLE_FIELDS,
    compare_rows,
    plan_from_rows,
    render,
    synthetic_rows,
)
from tests.test_pdf import CASES, TABLE_LAYOUTS, TITLES  # noqa: E402


def _mapping(header: list[str | None], layout: str) -> list[str | None] | None:
    """Each column's cell, if `header` is the layout's header row (labels in order)."""
    columns = list(LAYOUTS[layout].table.columns)
    found: list[str | None] = []
    for text in header:
        words = (text or "").split()
        key = label_key(words[0]) if words else ""
        if columns and key == label_key(columns[0].label):
            found.append(columns.pop(0).cell)
        else:
            found.append(None)
    return found if not columns else None


def rows_from_tables(tables: list[tuple[int, list[list[str | None]]]], layout: str) -> list:
    """Parsed rows from generic tables (page, rows of cell texts)."""
    rows = []
    mapping: list[str | None] | None = None
    order = 0
    for page, table in tables:
        for cells in table:
            header = _mapping(cells, layout)
            if header:
                mapping = header
                continue
            if mapping is None or len(cells) != len(mapping):
                continue
            order += 1
            texts = {
                cell: tuple(line for line in (text or "").split("\n") if line.strip())
                for cell, text in zip(mapping, cells, strict=True)
                if cell and text
            }
            if not any(texts.values()):
                continue
            bbox = (0.0, 0.0, 0.0, 0.0)
            rows.append(
                table_row(
                    TableRow(texts, Context(), page, page, order, order, bbox), LAYOUTS[layout]
                )
            )
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
