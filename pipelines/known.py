"""The bytes a dataset already knows, answered without loading the pipeline.

Beside the dataset, `known.json` lists the current documents' content hashes (with what a
report prints of them) and the signature of the `documents/` files it was built from. It is
written whole, under the store's lock, after each ingest. An unchanged batch is answered from
it and `failures.json` alone; when the signature no longer matches the folder (another
process committed, a crash left a journal), it is not used and the full ingest decides.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from extract.files import file_sha256
from normalize.version import PIPELINE_VERSION
from pipelines.results import FileResult
from pipelines.settings import MEGABYTE, IngestSettings

ACTIVITIES_DIR = "activities"
METRICS_DIR = "metrics"
SECTIONS_DIR = "sections"
DOCUMENTS_DIR = "documents"
JOURNAL = ".journal.json"  # an unfinished commit of the store before snapshots
SNAPSHOTS_DIR = ".snapshots"  # the numbered snapshots of the tables (pipelines/snapshots.py)
CURRENT = "current"  # the link to the current snapshot
FAILURES = "failures.json"  # bytes that could not be read, so an unchanged batch skips them
INDEX = "known.json"
DATABASE = "cancerplans.duckdb"  # the views over the dataset (pipelines/database.py)
REPORT = "report.html"  # the page of the dataset (pipelines/report.py)


def failure_key(sha256: str, settings: IngestSettings) -> str:
    """What a remembered failure depends on: the bytes, the pipeline version and the limits and
    layout they were read with (a higher limit or another layout tries them again)."""
    limits = (settings.max_pages, settings.max_seconds, settings.max_memory_mb, settings.layout)
    return ":".join(map(str, (sha256, PIPELINE_VERSION, *limits)))


KNOWN_FIELDS = ("doc_id", "layout", "region", "n_rows", "n_activities", "superseded_by")


def unchanged_result(path: Path, row: dict[str, Any]) -> FileResult:
    """The result of bytes already stored as the document `row` (current, or replaced since)."""
    replaced = row.get("superseded_by")
    note = (
        (
            f"these bytes are an earlier version of the plan, replaced by {replaced}; the current "
            "version stays",
        )
        if replaced
        else ()
    )
    fields = {name: row.get(name) for name in KNOWN_FIELDS if name != "superseded_by"}
    return FileResult(path, **fields, warnings=note, status="unchanged")


def hashed(path: Path, settings: IngestSettings) -> FileResult | tuple[Path, str]:
    """A file with its content hash, or the reason it is not read: missing, not a regular file
    (a FIFO or a device would never end), larger than the limit, or unreadable."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            return FileResult(path, error="not a regular file (a FIFO, device or socket): not read")
        if status.st_size > settings.max_bytes:
            size = status.st_size / MEGABYTE
            limit = f"{settings.max_megabytes:g} MB"
            return FileResult(path, error=f"the file is {size:.0f} MB; the limit is {limit}")
        return path, file_sha256(path)
    except FileNotFoundError:
        return FileResult(path, error="no such file or folder")
    except OSError as err:
        return FileResult(path, error=f"cannot read the file: {err.strerror or err}")


def read_failures(out: Path) -> dict[str, str]:
    """Why each remembered failure's bytes could not be read (by `failure_key`)."""
    path = out / FAILURES
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def temporary_path(target: Path) -> Path:
    """Where a file is written before it is renamed to `target`: a dot-name beside it, which
    readers and the dataset's globs skip (and recovery clears)."""
    return target.with_name(f".{target.name}.tmp")


def write_json(data: dict[str, Any], target: Path) -> None:
    """Write `data` to `target` whole or not at all (a dot-file, fsync, a rename)."""
    temporary = temporary_path(target)
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)


def _signature(out: Path) -> list[list[Any]] | None:
    """The current snapshot, and the name, inode, size and change time of every document file
    in it; None before the dataset has snapshots."""
    try:
        snapshot = os.readlink(out / CURRENT)
        entries = sorted(os.scandir(out / DOCUMENTS_DIR), key=lambda entry: entry.name)
    except OSError:
        return None
    signature: list[list[Any]] = [[snapshot]]
    for entry in entries:
        if entry.name.endswith(".parquet") and not entry.name.startswith("."):
            stat = entry.stat(follow_symlinks=False)
            signature.append([entry.name, stat.st_ino, stat.st_size, stat.st_mtime_ns])
    return signature


def write_index(out: Path, documents: list[dict[str, Any]]) -> None:
    """Record the current documents read by this pipeline version (call under the lock)."""
    ordered = sorted(documents, key=lambda row: not row.get("superseded_by"))  # current last
    known = {
        row["sha256"]: {name: row.get(name) for name in KNOWN_FIELDS}
        for row in ordered
        if row["pipeline_version"] == PIPELINE_VERSION
    }
    index = {"pipeline_version": PIPELINE_VERSION, "signature": _signature(out), "known": known}
    write_json(index, out / INDEX)


def _index(out: Path) -> dict[str, dict[str, Any]] | None:
    """The known hashes, when the index matches the dataset as it is now; else None."""
    try:
        index = json.loads((out / INDEX).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    current = _signature(out)
    if (
        current is None
        or index.get("pipeline_version") != PIPELINE_VERSION
        or current != index.get("signature")
    ):
        return None
    return index["known"]


def known_results(
    files: list[Path], out: Path, settings: IngestSettings
) -> list[FileResult] | None:
    """Each file's result when the dataset knows every one of them (stored, or failed before
    under these settings); None as soon as one must be read."""
    known = _index(out)
    if known is None or not files or not (out / DATABASE).exists() or not (out / REPORT).exists():
        return None  # the full ingest also makes what is missing
    failures = read_failures(out)
    results = []
    for path in files:
        entry = hashed(path, settings)
        if isinstance(entry, FileResult):
            return None  # the full ingest reports why it is not read
        sha256 = entry[1]
        if (reason := failures.get(failure_key(sha256, settings))) is not None:
            error = f"{reason} (these bytes failed before; not read again)"
            results.append(FileResult(path, error=error))
        elif (row := known.get(sha256)) is not None:
            results.append(unchanged_result(path, row))
        else:
            return None
    return results
