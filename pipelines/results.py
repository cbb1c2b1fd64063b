"""What an ingest reports, file by file: plain data, importable without the pipeline (the
command line answers an unchanged batch from the store's index with these alone)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileResult:
    """The outcome for one input file: what was stored, or why it was not."""

    path: Path
    layout: str | None = None
    confidence: float | None = None
    region: str | None = None
    n_rows: int = 0
    n_activities: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None
    doc_id: str | None = None
    status: str = "failed"  # stored, unchanged (the same bytes were stored before) or failed
    superseded: tuple[str, ...] = ()  # earlier versions this file replaced

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class IngestReport:
    results: tuple[FileResult, ...]

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(result for result in self.results if not result.ok)


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and the files inside named folders (sorted, hidden ones skipped)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            )
        else:
            files.append(path)
    return files
