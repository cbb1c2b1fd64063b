"""Arrow tables from Python rows and rows from Arrow tables, without importing pandas.

pyarrow's own converters (`Table.from_pylist`, `pa.array`) import pandas (a quarter of a second,
a tenth of a small batch) to ask whether each value is a pandas object, and `to_pylist` does the
same for a time-zone-aware timestamp. Rows reach Arrow here through pyarrow's JSON reader under
the table's schema instead; timestamps come back through a cast to naive UTC; files are read
with `ParquetFile` (`pq.read_table` goes through the dataset layer, which imports pandas).
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.json as pa_json
import pyarrow.parquet as pq

EPOCH = date(1970, 1, 1)  # date32 counts days from here
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # how the JSON reader reads a timestamp (UTC)


def _json_value(value: object) -> object:
    """A column value JSON cannot write as it is: a timestamp (UTC) or a date (days)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise TypeError(f"timestamp without a time zone: {value}")
        return value.astimezone(UTC).strftime(TIMESTAMP_FORMAT)
    if isinstance(value, date):
        return (value - EPOCH).days
    raise TypeError(f"{type(value).__name__} is not a column value: {value!r}")


def table_from_rows(rows: Sequence[Mapping[str, Any]], schema: pa.Schema) -> pa.Table:
    """The rows (column name → value; a missing column is null, others are ignored) as a table
    of `schema`. Raises `pa.ArrowInvalid` where a value does not fit its column or a column that
    may not be null is."""
    if not rows:
        return pa.Table.from_batches([], schema=schema)  # (`schema.empty_table` imports pandas)
    data = "\n".join(
        json.dumps(row, default=_json_value, ensure_ascii=False, allow_nan=False) for row in rows
    ).encode("utf-8")
    table = pa_json.read_json(
        io.BytesIO(data),
        read_options=pa_json.ReadOptions(block_size=len(data) + 1),  # one block: rows whole
        parse_options=pa_json.ParseOptions(
            explicit_schema=schema, unexpected_field_behavior="ignore"
        ),
    )
    for field in schema:
        if not field.nullable and table.column(field.name).null_count:
            raise pa.ArrowInvalid(f"column {field.name} may not be null")
    return table.select(schema.names).cast(schema)


def read_table(path: Path, columns: Sequence[str] | None = None) -> pa.Table:
    """One Parquet file (these `columns`, else all), its schema metadata kept."""
    with pq.ParquetFile(path) as handle:
        return handle.read(columns=list(columns) if columns is not None else None)


def read_rows(path: Path, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The rows of one Parquet file (these `columns`, else all)."""
    return rows_from_table(read_table(path, columns))


def rows_from_table(table: pa.Table) -> list[dict[str, Any]]:
    """The table's rows as dicts; time-zone-aware timestamps as aware datetimes in UTC."""
    aware = [
        field.name
        for field in table.schema
        if pa.types.is_timestamp(field.type) and field.type.tz is not None
    ]
    for name in aware:
        unit = table.schema.field(name).type.unit
        index = table.schema.get_field_index(name)
        table = table.set_column(index, name, table.column(name).cast(pa.timestamp(unit)))
    rows = table.to_pylist()
    for row in rows:
        for name in aware:
            if row[name] is not None:
                row[name] = row[name].replace(tzinfo=UTC)
    return rows
