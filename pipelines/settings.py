"""The settings of the ingest and the file-drop job: plain data, importable without the pipeline
(the command line reads their defaults before any heavy import)."""

from __future__ import annotations

from dataclasses import dataclass, field

MEGABYTE = 1 << 20


@dataclass(frozen=True)
class IngestSettings:
    """Limits per document (the file-drop job and `cancerplans ingest` share them)."""

    max_pages: int = 2000  # a longer PDF is refused
    max_megabytes: float = 100.0  # a larger file is refused before it is read
    max_seconds: float = 600.0  # a document that takes longer is given up (main thread only)
    max_memory_mb: int = 1500  # a worker reading a PDF may use this much address space
    layout: str | None = None  # read every file in this layout instead of detecting one

    @property
    def max_bytes(self) -> float:
        return self.max_megabytes * MEGABYTE


DEFAULT_INGEST = IngestSettings()
CPU_MARGIN_SECONDS = 10  # a worker's CPU limit: twice --max-seconds and this, a hard backstop


@dataclass(frozen=True)
class WatchSettings:
    poll_seconds: float = 1.0  # how often the folder is looked at when nothing wakes the loop
    settle_seconds: float = 2.0  # unchanged this long, a file is complete
    limits: IngestSettings = field(default_factory=IngestSettings)
