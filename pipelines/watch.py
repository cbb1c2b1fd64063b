"""The file-drop job: watch a folder, ingest each file once it is complete, file it away.

A dropped file is taken when its size and modification time stayed the same between two looks
and it has not been modified for `settle_seconds` (a file still being copied keeps changing; one
written as `name.part` and then renamed is only seen after the rename). It goes through the same
ingest core as `cancerplans ingest`, then moves to `processed/`, or to `quarantine/` with
`<name>.error.txt` saying why. watchdog wakes the loop when the folder changes; without it the
loop polls.

Nothing in the drop folder is followed: a link, FIFO, device or socket is moved (the entry, by a
rename) to quarantine/ with its reason, a directory is reported once; processed/ and quarantine/
must be real directories inside the folder, and reasons are written without following a link
planted in their place.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from extract.files import printable_name
from pipelines.ingest import ingest_file, publish
from pipelines.results import FileResult
from pipelines.settings import WatchSettings
from pipelines.store import StoreError, open_store

PROCESSED = "processed"
QUARANTINE = "quarantine"
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download")
ERROR_SUFFIX = ".error.txt"


@dataclass
class WatchSummary:
    counts: Counter[str] = field(default_factory=Counter)  # stored, unchanged, quarantined, …

    def line(self) -> str:
        parts = ", ".join(f"{count} {name}" for name, count in sorted(self.counts.items()))
        return f"watch stopped: {parts or 'no files'}"


class DropFolderError(Exception):
    """The drop folder cannot be used safely (its processed/ or quarantine/ is not a real
    directory inside it)."""


def _kind(entry: os.DirEntry[str]) -> str | None:
    """Why an entry of the drop folder is refused: a link, a directory, a FIFO, a device or a
    socket is never read (None for a regular file). Nothing here follows a link."""
    mode = entry.stat(follow_symlinks=False).st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link (links are never followed)"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file (a FIFO, device or socket)"


def _entries(drop: Path) -> tuple[list[Path], dict[Path, str]]:
    """The drop folder's files that may be plans (not partial copies, not our own folders or
    reasons), and the entries refused, each with why."""
    files: list[Path] = []
    refused: dict[Path, str] = {}
    with os.scandir(drop) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name in (PROCESSED, QUARANTINE):
                continue
            if name.endswith(PARTIAL_SUFFIXES) or name.endswith(ERROR_SUFFIX):
                continue
            try:
                kind = _kind(entry)
            except FileNotFoundError:
                continue
            if kind is None:
                files.append(Path(entry.path))
            else:
                refused[Path(entry.path)] = kind
    return sorted(files), refused


def real_folder(drop: Path, name: str) -> Path:
    """drop/name as a real directory inside the drop folder (made when missing); a link, or
    anything else by that name, is refused."""
    folder = drop / name
    with contextlib.suppress(FileExistsError):
        folder.mkdir()
    mode = os.lstat(folder).st_mode
    if not stat.S_ISDIR(mode):
        raise DropFolderError(
            f"{folder} must be a real directory inside the drop folder, not a link or a file"
        )
    return folder


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    number = 1
    while os.path.lexists(target):
        stem, dot, suffix = name.partition(".")
        target = folder / f"{stem}-{number}{dot}{suffix}"
        number += 1
    return target


def _write_reason(target: Path, reason: str) -> None:
    """Write a reason file next to `target`, never through a link planted in its place (a
    name already taken gets a number)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    path = _free_name(target.parent, target.name + ERROR_SUFFIX)
    descriptor = os.open(path, flags, 0o644)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(reason)


def file_away(path: Path, ok: bool, error: str | None) -> Path:
    """Move a file (or a refused entry itself, never what a link points to) to processed/, or
    to quarantine/ with its reason."""
    folder = real_folder(path.parent, PROCESSED if ok else QUARANTINE)
    target = _free_name(folder, path.name)
    os.rename(path, target)  # within the drop folder: a rename moves the entry, not a target
    if not ok:
        _write_reason(target, f"{printable_name(target.name)}: {error}\n")
    return target


def _event(result: FileResult, moved: Path | None) -> dict[str, Any]:
    return {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "file": printable_name(result.path.name),
        "status": "quarantined" if not result.ok else result.status,
        "doc_id": result.doc_id,
        "layout": result.layout,
        "rows": result.n_rows if result.ok else None,
        "replaces": list(result.superseded),
        "error": result.error,
        "moved_to": printable_name(str(moved)) if moved else None,
    }


def _note(path: Path, status: str, error: str, moved: Path | None = None) -> dict[str, Any]:
    """The log event of a file that was not ingested (waiting, vanished, refused)."""
    return {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "file": printable_name(path.name),
        "status": status,
        "error": error,
        "moved_to": printable_name(str(moved)) if moved else None,
    }


def process(path: Path, out: Path, settings: WatchSettings) -> dict[str, Any]:
    """Ingest one complete file and file it away; returns the log event."""
    try:
        with open_store(out) as store:
            result = ingest_file(path, store, settings.limits)
            if result.status == "stored":
                publish(out)
    except StoreError as err:  # the output's fault, not the file's: it stays for a retry
        return _note(path, "waiting", str(err))
    if not os.path.lexists(path):
        return _note(path, "vanished", "the file was removed before it was read")
    return _event(result, file_away(path, result.ok, result.error))


def refuse(path: Path, kind: str) -> dict[str, Any]:
    """An entry of the drop folder that is not a regular file: a link, FIFO, device or socket
    is moved (the entry itself) to quarantine/ with its reason; a directory is left where it
    is. Nothing is read through it."""
    reason = f"refused: {kind}"
    if kind == "a directory":
        return _note(path, "refused", reason)
    return _note(path, "refused", reason, file_away(path, False, reason))


def _observer(drop: Path, wake: threading.Event) -> Any:
    """A watchdog observer that wakes the loop on any change, or None without watchdog."""
    try:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
    except ImportError:
        return None

    class Wake(FileSystemEventHandler):
        def on_any_event(self, event: object) -> None:
            wake.set()

    observer = Observer()
    observer.schedule(Wake(), str(drop), recursive=False)
    observer.start()
    return observer


def watch(
    drop: Path,
    out: Path,
    settings: WatchSettings,
    stop: threading.Event,
    log: Callable[[dict[str, Any]], None],
    once: bool = False,
) -> WatchSummary:
    """Watch `drop` until `stop` is set (or, with `once`, until what is there has been taken)."""
    drop.mkdir(parents=True, exist_ok=True)
    for name in (PROCESSED, QUARANTINE):
        real_folder(drop, name)  # refuse to start with a link or a file in their place
    summary = WatchSummary()
    wake = threading.Event()
    observer = None if once else _observer(drop, wake)
    seen: dict[Path, tuple[int, float, float]] = {}  # path -> size, mtime, when first seen so
    reported: set[tuple[Path, str]] = set()
    try:
        while not stop.is_set():
            now = time.monotonic()
            waiting = False
            files, refused = _entries(drop)
            for path, kind in refused.items():
                event = refuse(path, kind)
                if (path, event["error"]) not in reported:
                    reported.add((path, event["error"]))
                    summary.counts["refused"] += 1
                    log(event)
            for path in files:
                try:
                    status = path.stat(follow_symlinks=False)
                except FileNotFoundError:
                    seen.pop(path, None)
                    continue
                state = (status.st_size, status.st_mtime)
                known = seen.get(path)
                if known is None or known[:2] != state:
                    seen[path] = (*state, now)
                    waiting = True
                    continue
                age = time.time() - status.st_mtime
                if now - known[2] < settings.settle_seconds and age < settings.settle_seconds:
                    waiting = True
                    continue
                event = process(path, out, settings)
                if event["status"] == "waiting":
                    if (path, event["error"]) not in reported:
                        reported.add((path, event["error"]))
                        log(event)
                    continue
                seen.pop(path, None)
                summary.counts[event["status"]] += 1
                log(event)
            if once and not waiting:
                break
            wake.wait(settings.poll_seconds)
            wake.clear()
    finally:
        if observer is not None:
            observer.stop()
            observer.join()
    return summary
