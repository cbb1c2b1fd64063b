"""The file-drop job: watch a folder, ingest each file once it is complete, file it away.

A dropped file is taken when its size and modification time stayed the same between two looks
and it has not been modified for `settle_seconds` (a file still being copied keeps changing; one
written as `name.part` and then renamed is only seen after the rename). It goes through the same
ingest core as `cancerplans ingest`, then moves to `processed/`, or to `quarantine/` with
`<name>.error.txt` saying why. watchdog wakes the loop when the folder changes; without it the
loop polls.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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


def _candidates(drop: Path) -> list[Path]:
    """Files in the drop folder that may be plans (not partial copies, not our own folders)."""
    return sorted(
        path
        for path in drop.iterdir()
        if path.is_file()
        and not path.name.startswith(".")
        and not path.name.endswith(PARTIAL_SUFFIXES)
        and not path.name.endswith(ERROR_SUFFIX)
    )


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    number = 1
    while target.exists():
        stem, dot, suffix = name.partition(".")
        target = folder / f"{stem}-{number}{dot}{suffix}"
        number += 1
    return target


def file_away(path: Path, result: FileResult) -> Path:
    """Move an ingested file to processed/, or a failed one to quarantine/ with its reason."""
    folder = path.parent / (PROCESSED if result.ok else QUARANTINE)
    folder.mkdir(exist_ok=True)
    target = _free_name(folder, path.name)
    shutil.move(str(path), target)
    if not result.ok:
        reason = f"{target.name}: {result.error}\n"
        target.with_name(target.name + ERROR_SUFFIX).write_text(reason, encoding="utf-8")
    return target


def _event(result: FileResult, moved: Path | None) -> dict[str, Any]:
    return {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "file": result.path.name,
        "status": "quarantined" if not result.ok else result.status,
        "doc_id": result.doc_id,
        "layout": result.layout,
        "rows": result.n_rows if result.ok else None,
        "replaces": list(result.superseded),
        "error": result.error,
        "moved_to": str(moved) if moved else None,
    }


def process(path: Path, out: Path, settings: WatchSettings) -> dict[str, Any]:
    """Ingest one complete file and file it away; returns the log event."""
    try:
        with open_store(out) as store:
            result = ingest_file(path, store, settings.limits)
            if result.status == "stored":
                publish(out)
    except StoreError as err:  # the output's fault, not the file's: it stays for a retry
        return {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "file": path.name,
            "status": "waiting",
            "error": str(err),
        }
    if not path.exists():
        return {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "file": path.name,
            "status": "vanished",
            "error": "the file was removed before it was read",
        }
    return _event(result, file_away(path, result))


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
    summary = WatchSummary()
    wake = threading.Event()
    observer = None if once else _observer(drop, wake)
    seen: dict[Path, tuple[int, float, float]] = {}  # path -> size, mtime, when first seen so
    reported: set[tuple[Path, str]] = set()
    try:
        while not stop.is_set():
            now = time.monotonic()
            waiting = False
            for path in _candidates(drop):
                try:
                    status = path.stat()
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
