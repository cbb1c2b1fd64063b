"""The Parquet store: one file per document in `activities/` and `documents/`, swapped in by rename.

A document's file name is its content id, so ingesting the same bytes again replaces its rows
instead of adding them. Files are written beside their target under a dot-name (which readers
skip) and renamed into place, so a reader never sees half a file. Activities are written before
the document row, so a document listed in `documents/` always has its activities in place.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from normalize.records import ActivityRecord
from pipelines.schema import ACTIVITIES, DOCUMENTS

ACTIVITIES_DIR = "activities"
DOCUMENTS_DIR = "documents"


def _write_atomically(table: pa.Table, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        pq.write_table(table, temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def activities_table(records: Sequence[ActivityRecord]) -> pa.Table:
    rows = [asdict(record) for record in records]
    return pa.Table.from_pylist(rows, schema=ACTIVITIES)


def write_document(
    out: Path, document_row: dict[str, Any], records: Sequence[ActivityRecord]
) -> None:
    """Store one document's activities and its document row, replacing an earlier copy."""
    name = f"{document_row['doc_id']}.parquet"
    _write_atomically(activities_table(records), out / ACTIVITIES_DIR / name)
    _write_atomically(
        pa.Table.from_pylist([document_row], schema=DOCUMENTS), out / DOCUMENTS_DIR / name
    )
