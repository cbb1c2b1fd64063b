"""What a researcher opens: the `areas` table beside the dataset, and a DuckDB database of views
over the Parquet folders (`cancerplans.duckdb`), so any SQL client answers questions at once.

The views read the Parquet files when queried, so the database never holds a stale copy; it
names the folder by its absolute path (DuckDB resolves relative paths from the reader's working
directory), so after moving the folder run `cancerplans db` once. It is written beside the
dataset under a dot-name and renamed into place: a reader holding the old file keeps it whole.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq

from normalize.areas import areas
from pipelines.arrow_rows import table_from_rows
from pipelines.known import (
    ACTIVITIES_DIR,
    DATABASE,
    DOCUMENTS_DIR,
    METRICS_DIR,
    SECTIONS_DIR,
    temporary_path,
)
from pipelines.schema import AREAS
from pipelines.snapshots import readable

AREAS_DIR = "areas"
# what a row of `activities` needs of its document to be read on its own
DOCUMENT_COLUMNS = ("document_type", "healthcare_region", "period_start", "period_end", "title")


def write_areas(out: Path) -> Path:
    """The ten areas (id, name) as `areas/areas.parquet`, written whole by a rename."""
    target = out / AREAS_DIR / "areas.parquet"
    target.parent.mkdir(parents=True, exist_ok=True)
    rows = [{"area_id": number, "area": name} for number, name in sorted(areas().items())]
    temporary = temporary_path(target)
    pq.write_table(table_from_rows(rows, AREAS), temporary)
    os.replace(temporary, target)
    return target


def _glob(root: Path, folder: str) -> str:
    path = (root / folder).resolve() / "[!.]*.parquet"  # dot-files are files being written
    return str(path).replace("'", "''")


def view_statements(out: Path) -> list[str]:
    """The SQL that defines the database's views over the dataset at `out`: over its current
    snapshot's folders, resolved now, so the database reads that snapshot until it is written
    again (see `pipelines/snapshots.py`)."""
    tables = readable(out)
    documents = f"read_parquet('{_glob(tables, DOCUMENTS_DIR)}', union_by_name = true)"
    activities = f"read_parquet('{_glob(tables, ACTIVITIES_DIR)}', union_by_name = true)"
    joined = ", ".join(f"d.{column}" for column in DOCUMENT_COLUMNS)
    statements = [
        f"CREATE VIEW documents AS SELECT * FROM {documents}",
        f"CREATE VIEW areas AS SELECT * FROM read_parquet('{_glob(out, AREAS_DIR)}')",
        f"CREATE VIEW activities AS SELECT a.*, {joined} "
        f"FROM {activities} a JOIN documents d USING (doc_id)",
        "CREATE VIEW current_activities AS SELECT * FROM activities WHERE is_current",
    ]
    for table in (METRICS_DIR, SECTIONS_DIR):  # tables a dataset of an older schema may lack
        if any((tables / table).glob("[!.]*.parquet")):
            statements += [
                f"CREATE VIEW {table} AS SELECT * "
                f"FROM read_parquet('{_glob(tables, table)}', union_by_name = true)",
                f"CREATE VIEW current_{table} AS SELECT * FROM {table} WHERE is_current",
            ]
    return statements


def write_database(out: Path) -> Path | None:
    """Write `cancerplans.duckdb` for the dataset at `out` (and its areas table); None while
    the dataset holds no document yet (a view over no files cannot be made)."""
    import duckdb

    if not any((out / DOCUMENTS_DIR).glob("[!.]*.parquet")):
        return None
    write_areas(out)
    target = out / DATABASE
    temporary = temporary_path(target)
    temporary.unlink(missing_ok=True)
    try:
        with duckdb.connect(str(temporary)) as connection:
            for statement in view_statements(out):
                connection.execute(statement)
    except duckdb.IOException as err:  # the disk's fault, as any other failed write
        raise OSError(f"cannot write {target}: {err}") from err
    os.replace(temporary, target)
    return target
