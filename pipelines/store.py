"""The Parquet store: one file per document in `activities/` and `documents/`.

A document's files are named by its content id. Every change is a commit under a lock:

1. the new document's files are written beside their targets under dot-names (readers skip them);
2. a journal naming the commit (new document, versions it supersedes) is written and renamed in;
3. the new files are renamed into place; superseded versions keep their activities, marked
   `is_current = false`, and get `superseded_by` (and `is_current = false`) in their document row;
4. the journal is removed.

A crash at any moment leaves either no journal (the dataset as before; stray dot-files are
cleared) or a journal that the next run under the lock replays to the end (the dataset as after).
A reader sees whole documents only: each file appears by one rename.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from normalize.metrics import MetricRecord
from normalize.records import ActivityRecord
from normalize.sections import SectionRecord
from pipelines.arrow_rows import read_rows, read_table, rows_from_table, table_from_rows
from pipelines.known import (
    ACTIVITIES_DIR,
    DOCUMENTS_DIR,
    FAILURES,
    JOURNAL,
    METRICS_DIR,
    SECTIONS_DIR,
    read_failures,
    temporary_path,
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


def _write_table(table: pa.Table, target: Path) -> None:
    """Write `table` to `target` by way of a dot-file and a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(target)
    pq.write_table(table, temporary)
    os.replace(temporary, target)


def records_table(records: Sequence[Any], schema: pa.Schema) -> pa.Table:
    """Records (dataclasses) of a new, current document as a table of `schema`."""
    rows = [{**vars(record), "is_current": True} for record in records]  # shallow: fast
    return table_from_rows(rows, schema)


def _not_current(path: Path, schema: pa.Schema, changes: dict[str, Any]) -> None:
    """Rewrite a stored file of an earlier version with `changes` in every row (by a dot-file
    and a rename, so a reader sees it whole; doing it twice changes nothing)."""
    if path.exists():
        rows = [row | changes for row in read_rows(path)]
        _write_table(table_from_rows(rows, schema), path)


class Store:
    """The dataset at `out`, opened under its lock (see `open_store`)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._documents: list[dict[str, Any]] | None = None  # read once per commit, under the lock

    def _path(self, folder: str, doc_id: str) -> Path:
        return self.out / folder / f"{doc_id}.parquet"

    def documents(self) -> list[dict[str, Any]]:
        """Every document row (current and superseded versions), each with the schema version
        its file was written in (`SCHEMA_KEY`); read once until the next commit."""
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
    ) -> list[str]:
        """Store a document, superseding earlier versions of it; returns their doc_ids."""
        doc_id = document_row["doc_id"]
        superseded = self.earlier_versions(document_row)
        for folder, table in (
            (ACTIVITIES_DIR, records_table(records, ACTIVITIES)),
            (METRICS_DIR, records_table(metrics, METRICS)),
            (SECTIONS_DIR, records_table(sections, SECTIONS)),
            (DOCUMENTS_DIR, table_from_rows([document_row], DOCUMENTS)),
        ):
            target = self._path(folder, doc_id)
            target.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(table, temporary_path(target))
        write_json({"doc_id": doc_id, "supersede": superseded}, self.out / JOURNAL)
        self._replay()
        return superseded

    def _replay(self) -> None:
        """Carry the journal's commit through to the end (every step can be done twice)."""
        journal = self.out / JOURNAL
        entry = json.loads(journal.read_text("utf-8"))
        doc_id = entry["doc_id"]
        for folder in DOCUMENT_FILES:
            target = self._path(folder, doc_id)
            if temporary_path(target).exists():
                os.replace(temporary_path(target), target)
        for old in entry["supersede"]:
            for folder, schema in DOCUMENT_FILES.items():
                changes = {"is_current": False}
                if folder == DOCUMENTS_DIR:
                    changes["superseded_by"] = doc_id
                _not_current(self._path(folder, old), schema, changes)
        journal.unlink()
        self._documents = None

    def upgrade(self) -> None:
        """Give files of an older schema the columns this one added: `is_current` (1.6; true
        for activities, whose replaced versions the older schema deleted; for documents, true
        unless replaced), the others (such as 1.8's `section_id` of metrics) empty. Each file
        is rewritten whole, by a rename."""
        for folder, schema in DOCUMENT_FILES.items():
            directory = self.out / folder
            for path in sorted(directory.glob("[!.]*.parquet")) if directory.exists() else ():
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
                _write_table(table, path)
        self._documents = None

    def recover(self) -> None:
        """Finish a commit a crash interrupted, or clear what it left half-written."""
        if (self.out / JOURNAL).exists():
            self._replay()
        for folder in DOCUMENT_FILES:
            for stray in (self.out / folder).glob(".*.tmp") if (self.out / folder).exists() else ():
                stray.unlink(missing_ok=True)


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
        store.recover()
        store.upgrade()
        yield store
    finally:
        handle.close()
