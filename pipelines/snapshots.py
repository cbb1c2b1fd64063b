"""Snapshots of the dataset: what makes a commit all-or-nothing, for the store and its readers.

The tables live in numbered snapshot folders, `.snapshots/NNNNNNNN/{activities,metrics,sections,
documents}/`; `current` is a link to the newest whole one, and `activities`, `metrics`,
`sections` and `documents` are fixed links into `current`, so `output/activities/*.parquet`
reads the current snapshot. A commit builds the next snapshot beside it — the files that do not
change as hard links (no copy), new and rewritten files under names no earlier snapshot used
(`<doc_id>.<snapshot>.parquet`) — and then swaps `current` by one rename. A crash before the
swap leaves a folder newer than `current`, removed on the next open; after it, the commit is
whole. A file is never written in place, so a snapshot never changes once it is current.

Readers that resolve `current` once (the DuckDB database's views point at the resolved folder;
`Path("output/current").resolve()` in pandas or polars) read one snapshot, before or after any
commit. A snapshot stays for `GRACE_SECONDS` after the next one replaced it (and the last
`KEEP` always), so a reader holding it can finish. A reader that lists `output/activities` and
opens each file by that path again is not covered: if a commit lands between the two, a file it
listed may be gone (an error), and in a test one such read came back incomplete.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.known import (
    ACTIVITIES_DIR,
    CURRENT,
    DOCUMENTS_DIR,
    JOURNAL,
    METRICS_DIR,
    SECTIONS_DIR,
    SNAPSHOTS_DIR,
)

TABLE_DIRS = (ACTIVITIES_DIR, METRICS_DIR, SECTIONS_DIR, DOCUMENTS_DIR)
GRACE_SECONDS = 3600  # how long a replaced snapshot stays for the readers that hold it
KEEP = 3  # snapshots kept whatever their age (the current one and the two before it)
NEXT_LINK = ".current.tmp"  # the new `current` link, made beside it and renamed over it


class LayoutError(Exception):
    """The output folder holds something the store cannot take as its own."""


def _name(number: int) -> str:
    return f"{number:08d}"


def _numbered(out: Path) -> list[Path]:
    """The snapshot folders, oldest first (a folder not named by a number is not ours)."""
    folder = out / SNAPSHOTS_DIR
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.name.isdigit())


def current(out: Path) -> Path:
    """The current snapshot's folder (resolved: it stays that snapshot while it is read)."""
    return (out / CURRENT).resolve(strict=True)


def readable(out: Path) -> Path:
    """Where to read the tables of the dataset at `out` from: its current snapshot, resolved
    once (so one read sees one snapshot); `out` itself for a dataset written before snapshots
    or none at all."""
    link = out / CURRENT
    return link.resolve() if link.is_symlink() and link.exists() else out


def document_file(folder: Path, doc_id: str) -> Path | None:
    """A document's file in a table folder of a snapshot (or of `output/`), if it has one."""
    return next(iter(sorted(folder.glob(f"{doc_id}.*parquet"))), None)


def file_name(doc_id: str, snapshot: Path) -> str:
    """The name of a document's file written for `snapshot`: no earlier snapshot used it."""
    return f"{doc_id}.{snapshot.name}.parquet"


def _link(target: str, link: Path) -> None:
    """Point `link` at `target` by one rename (a reader sees the old or the new link)."""
    staged = link.with_name(NEXT_LINK)
    staged.unlink(missing_ok=True)
    os.symlink(target, staged)
    os.replace(staged, link)


def prepare(out: Path) -> None:
    """Make `out` a snapshot store: a first, empty snapshot for a new folder; the table folders
    of a dataset written before snapshots moved into one (each by a rename, so a crash in
    between is finished by the next open); the fixed links. Then clear what a crash left: a
    snapshot newer than `current`, a staged link."""
    if (out / JOURNAL).exists():
        raise LayoutError(
            f"{out} holds an unfinished commit of an earlier cancerplans (before snapshots); "
            "finish it with that version, or ingest into a new output folder"
        )
    if not (out / CURRENT).is_symlink():
        numbered = _numbered(out)
        first = numbered[0] if numbered else out / SNAPSHOTS_DIR / _name(1)
        for folder in TABLE_DIRS:
            (first / folder).mkdir(parents=True, exist_ok=True)
            old = out / folder
            if old.is_dir() and not old.is_symlink():
                for stray in old.glob(".*"):
                    stray.unlink()
                (first / folder).rmdir()
                os.rename(old, first / folder)
        _link(f"{SNAPSHOTS_DIR}/{first.name}", out / CURRENT)
    for folder in TABLE_DIRS:
        link = out / folder
        if not link.is_symlink():
            if link.exists():
                raise LayoutError(f"{link} is in the way of the dataset's link to its table")
            os.symlink(f"{CURRENT}/{folder}", link)
    newest = current(out)
    for snapshot in _numbered(out):
        if snapshot.name > newest.name:  # built by a commit that did not finish
            shutil.rmtree(snapshot)
    (out / NEXT_LINK).unlink(missing_ok=True)


def commit(
    out: Path, written: Mapping[str, Iterable[tuple[str, pa.Table]]], dropped: set[Path]
) -> Path:
    """Make the next snapshot current: the current one's files but `dropped`, plus `written`
    (table folder -> (doc_id, table)); returns its folder."""
    previous = current(out)
    snapshot = previous.with_name(_name(int(previous.name) + 1))
    if snapshot.exists():
        shutil.rmtree(snapshot)  # left by a commit that did not finish
    os.mkdir(snapshot)
    gone = {str(path) for path in dropped}
    for folder in TABLE_DIRS:  # plain strings and scandir: a commit links every file
        target = os.path.join(snapshot, folder)
        os.mkdir(target)
        for entry in os.scandir(os.path.join(previous, folder)):
            if entry.name.endswith(".parquet") and entry.name[0] != "." and entry.path not in gone:
                os.link(entry.path, os.path.join(target, entry.name))
    for folder, tables in written.items():
        for doc_id, table in tables:
            pq.write_table(table, snapshot / folder / file_name(doc_id, snapshot))
    _link(f"{SNAPSHOTS_DIR}/{snapshot.name}", out / CURRENT)
    prune(out)
    return snapshot


def prune(out: Path, now: float | None = None) -> None:
    """Remove the snapshots no reader can still hold: all but the last `KEEP`, once the one
    after each was made `GRACE_SECONDS` ago."""
    now = time.time() if now is None else now
    numbered = _numbered(out)
    newest = current(out)
    for older, newer in zip(numbered[:-KEEP], numbered[1:], strict=False):
        if newer.name <= newest.name and now - newer.stat().st_mtime > GRACE_SECONDS:
            shutil.rmtree(older)
