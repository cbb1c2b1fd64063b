"""Arrow tables from rows and back without pandas (pipelines/arrow_rows.py)."""

import subprocess
import sys
from datetime import UTC, date, datetime

import pyarrow as pa
import pytest

from pipelines.arrow_rows import read_rows, rows_from_table, table_from_rows
from pipelines.schema import DOCUMENTS
from tests.conftest import RAW

SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("small", pa.int8()),
        pa.field("share", pa.float32()),
        pa.field("day", pa.date32()),
        pa.field("at", pa.timestamp("us", tz="UTC")),
        pa.field("items", pa.list_(pa.string())),
        pa.field("box", pa.list_(pa.float32())),
        pa.field("flag", pa.bool_(), nullable=False),
    ],
    metadata={b"k": b"v"},
)
ROWS = [
    {
        "id": 'å"\n\\',
        "small": -3,
        "share": 0.5,
        "day": date(2025, 12, 31),
        "at": datetime(2026, 12, 2, 20, 0, 1, 123456, tzinfo=UTC),
        "items": ["Region Skåne", ""],
        "box": [1.5, 2.0],
        "flag": True,
        "not in the schema": 1,
    },
    {"id": "x", "flag": False},  # missing columns are null
]


def test_rows_go_to_arrow_and_back_unchanged():
    table = table_from_rows(ROWS, SCHEMA)
    assert table.schema == SCHEMA and table.schema.metadata == {b"k": b"v"}
    back = rows_from_table(table)
    assert back[0] == {key: value for key, value in ROWS[0].items() if key in SCHEMA.names}
    assert back[1] == dict.fromkeys(SCHEMA.names) | {"id": "x", "flag": False}
    assert table_from_rows([], SCHEMA).num_rows == 0


def test_a_value_that_does_not_fit_is_refused():
    with pytest.raises(pa.ArrowInvalid):
        table_from_rows([{"flag": True}], SCHEMA)  # id may not be null
    with pytest.raises(pa.ArrowInvalid):
        table_from_rows([{"id": "x", "small": "many", "flag": True}], SCHEMA)
    with pytest.raises(TypeError):
        table_from_rows([{"id": "x", "at": datetime(2026, 1, 1), "flag": True}], SCHEMA)


def test_a_text_batch_loads_neither_pandas_nor_the_pdf_library(tmp_path):
    """Ingesting texts and reading the dataset back import neither pandas (pyarrow's own
    converters would) nor pdfplumber (only PDFs need it): a quarter of a second each."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pipelines.ingest import ingest\n"
        "from pipelines.arrow_rows import read_rows\n"
        f"out = Path({str(tmp_path / 'out')!r})\n"
        f"ingest([Path({str(RAW / '002_efe616e43266e7dd.txt')!r})], out)\n"
        "rows = [r for p in (out / 'documents').glob('*.parquet') for r in read_rows(p)]\n"
        "assert rows and rows[0]['ingested_at'].tzinfo is not None\n"
        "print(sorted(m for m in ('pandas', 'pdfplumber') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=RAW.parent
    )
    assert result.stdout.strip() == "[]"
    (documents,) = (tmp_path / "out" / "documents").glob("*.parquet")
    assert [row["region"] for row in read_rows(documents)] == ["Region Kronoberg"]
    assert table_from_rows(read_rows(documents), DOCUMENTS).num_rows == 1
