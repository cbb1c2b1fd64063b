"""The Parquet store: one file per document in each table (`activities/`, `metrics/`,
`sections/`, `documents/`), in snapshots (see `pipelines/snapshots.py`).

Every change is a commit under a lock: the new document's files, and the files of the versions
it supersedes rewritten with `is_current = false` (and `superseded_by` in their document row),
go into the next snapshot beside the unchanged files, and one rename makes it current. A crash
at any moment leaves the dataset as before (the unfinished snapshot is removed on the next
open) or as after; nothing is written in place, so no reader of a snapshot sees a change.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from normalize.metrics import MetricRecord
from normalize.records import ActivityRecord
from normalize.sections import SectionRecord
from pipelines import snapshots
from pipelines.arrow_rows import read_rows, read_table, rows_from_table, table_from_rows
from pipelines.known import (
    ACTIVITIES_DIR,
    DOCUMENTS_DIR,
    FAILURES,
    METRICS_DIR,
    SECTIONS_DIR,
    read_failures,
    write_index,
    write_json,
)
from pipelines.schema import (
    ACTIVITIES,
    DOCUMENTS,
    METRICS,
    SCHEMA_VERSION,
    SECTIONS,
)
from pipelines.versions import SCHEMA_KEY, VERSION_KEY, read_documents

LOCK = ".lock"
# a document's files and their schemas, renamed into place in this order (its documents row
# last: a reader that sees the document sees all of it)
DOCUMENT_FILES = {
    ACTIVITIES_DIR: ACTIVITIES,
    METRICS_DIR: METRICS,
    SECTIONS_DIR: SECTIONS,
    DOCUMENTS_DIR: DOCUMENTS,
}


class StoreError(Exception):
    """The output folder cannot be used: not writable, or locked by another process."""


def records_table(records: Sequence[Any], schema: pa.Schema, current: bool = True) -> pa.Table:
    """Records (dataclasses) of a new document as a table of `schema`."""
    rows = [{**vars(record), "is_current": current} for record in records]  # shallow: fast
    return table_from_rows(rows, schema)


@dataclass(frozen=True)
class Committed:
    """What a commit did: the versions it superseded, or why the document is not current."""

    superseded: tuple[str, ...]
    not_current: str | None = None


def _dated_after(row: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether `row`'s plan says it was decided or revised after `other`'s (both dated)."""
    return bool(
        row.get("plan_date") and other.get("plan_date") and row["plan_date"] > other["plan_date"]
    )


class Store:
    """The dataset at `out`, opened under its lock (see `open_store`)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._documents: list[dict[str, Any]] | None = None  # read once, kept by the commits

    def documents(self) -> list[dict[str, Any]]:
        """Every document row (current and superseded versions), each with the schema version
        its file was written in (`SCHEMA_KEY`); read once, then kept up to date by each commit
        (under the lock, no other process changes them)."""
        if self._documents is None:
            self._documents = read_documents(self.out)
        return self._documents

    def find(self, sha256: str, pipeline_version: str) -> dict[str, Any] | None:
        """The document with these bytes read by this version of the pipeline into this schema
        (bytes stored in an older schema are read again, to fill what it lacked): the current
        one, else an earlier version that a later one replaced (bytes seen before never roll a
        plan back)."""
        rows = [
            row
            for row in self.documents()
            if row["sha256"] == sha256
            and row["pipeline_version"] == pipeline_version
            and row[SCHEMA_KEY] == SCHEMA_VERSION
        ]
        return min(rows, key=lambda row: bool(row.get("superseded_by")), default=None)

    def failure(self, key: str) -> str | None:
        """Why the bytes under `key` (content hash, pipeline version and settings) could not
        be read the last time they were tried; None when they were not tried or were read."""
        return read_failures(self.out).get(key)

    def remember_failure(self, key: str, reason: str) -> None:
        """Remember why the bytes under `key` could not be read (written whole or not at all)."""
        failures = read_failures(self.out)
        failures[key] = reason
        write_json(failures, self.out / FAILURES)

    def write_index(self) -> None:
        """Record the bytes the dataset now knows, for the next batch's quick answer."""
        write_index(self.out, [r for r in self.documents() if r[SCHEMA_KEY] == SCHEMA_VERSION])

    def earlier_versions(self, document_row: dict[str, Any]) -> list[str]:
        """Current documents for the same region, document type and plan period."""
        if document_row.get("period_start") is None:
            return []
        key = tuple(document_row.get(name) for name in VERSION_KEY)
        return [
            row["doc_id"]
            for row in self.documents()
            if row["doc_id"] != document_row["doc_id"]
            and not row.get("superseded_by")
            and tuple(row.get(name) for name in VERSION_KEY) == key
        ]

    def commit(
        self,
        document_row: dict[str, Any],
        records: Sequence[ActivityRecord],
        metrics: Sequence[MetricRecord] = (),
        sections: Sequence[SectionRecord] = (),
    ) -> Committed:
        """Store a document, superseding earlier versions of it (unless the current one says
        it was decided or revised later: then this one is kept, not current)."""
        doc_id = document_row["doc_id"]
        superseded = self.earlier_versions(document_row)
        newer = [row for row in self.documents() if row["doc_id"] in superseded
                 and _dated_after(row, document_row)]  # fmt: skip
        if newer:  # an older revision arriving late: kept, not current
            latest = max(newer, key=lambda row: row["plan_date"])
            note = (
                f"an earlier revision of the plan (dated {document_row['plan_date']}) than the "
                f"current version (dated {latest['plan_date']}): stored, not current"
            )
            document_row = document_row | {
                "is_current": False,
                "superseded_by": latest["doc_id"],
                "warnings": [*document_row["warnings"], note],
            }
            superseded = []
        else:
            note = None
        current = document_row["is_current"]
        written: dict[str, list[tuple[str, pa.Table]]] = {
            ACTIVITIES_DIR: [(doc_id, records_table(records, ACTIVITIES, current))],
            METRICS_DIR: [(doc_id, records_table(metrics, METRICS, current))],
            SECTIONS_DIR: [(doc_id, records_table(sections, SECTIONS, current))],
            DOCUMENTS_DIR: [(doc_id, table_from_rows([document_row], DOCUMENTS))],
        }
        dropped: set[Path] = set()
        snapshot = snapshots.current(self.out)
        for old in superseded:
            for folder, schema in DOCUMENT_FILES.items():
                path = snapshots.document_file(snapshot / folder, old)
                if path is None:
                    continue
                changes: dict[str, Any] = {"is_current": False}
                if folder == DOCUMENTS_DIR:
                    changes["superseded_by"] = doc_id
                rows = [row | changes for row in read_rows(path)]
                written[folder].append((old, table_from_rows(rows, schema)))
                dropped.add(path)
        snapshots.commit(self.out, written, dropped)
        if self._documents is not None:  # kept up to date, not read again: a batch stays linear
            (stored,) = rows_from_table(written[DOCUMENTS_DIR][0][1])
            for row in self._documents:
                if row["doc_id"] in superseded:
                    row.update(is_current=False, superseded_by=doc_id)
            self._documents.append(stored | {SCHEMA_KEY: SCHEMA_VERSION})
        return Committed(tuple(superseded), note)

    def upgrade(self) -> None:
        """Give files of an older schema the columns this one added: `is_current` (1.6; true
        for activities, whose replaced versions the older schema deleted; for documents, true
        unless replaced), the others (such as 1.8's `section_id` of metrics) empty. The files
        are rewritten into a new snapshot, made current as any commit."""
        snapshot = snapshots.current(self.out)
        written: dict[str, list[tuple[str, pa.Table]]] = {}
        dropped: set[Path] = set()
        for folder, schema in DOCUMENT_FILES.items():
            for path in sorted((snapshot / folder).glob("[!.]*.parquet")):
                names = pq.read_schema(path).names
                if set(schema.names) <= set(names):
                    continue
                old = read_table(path)
                rows = rows_from_table(old)
                if "is_current" not in names:
                    for row in rows:
                        row["is_current"] = not row.get("superseded_by")
                try:  # the file keeps its own schema version: its plan is read again at its turn
                    table = table_from_rows(rows, schema.with_metadata(old.schema.metadata))
                except (pa.ArrowInvalid, pa.ArrowTypeError) as err:
                    raise StoreError(
                        f"{path} was written by an older cancerplans in a form this one cannot "
                        f"upgrade ({err}); ingest into a new output folder"
                    ) from err
                written.setdefault(folder, []).append((path.name.split(".")[0], table))
                dropped.add(path)
        if dropped:
            snapshots.commit(self.out, written, dropped)
        self._documents = None


@contextmanager
def open_store(out: Path) -> Iterator[Store]:
    """The store at `out`, locked against other writers and recovered from any crash."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle = (out / LOCK).open("a")
    except OSError as err:
        raise StoreError(f"cannot write to the output folder {out}: {err.strerror or err}") from err
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise StoreError(
                f"another cancerplans process is writing to {out}; try again later"
            ) from err
        store = Store(out)
        try:
            snapshots.prepare(out)
            store.upgrade()
        except snapshots.LayoutError as err:
            raise StoreError(str(err)) from err
        except OSError as err:
            raise StoreError(
                f"cannot write to the output folder {out}: {err.strerror or err}"
            ) from err
        yield store
    finally:
        handle.close()
