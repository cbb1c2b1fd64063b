"""Shared helpers: paths to the project's own sample inputs and fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.document import Document
from extract.reader import document_from_bytes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
RAW = ROOT / "raw"
GOLD = ROOT / "tests" / "data" / "gold"
VARIANTS = ROOT / "tests" / "data" / "variants"  # rendered plans with their gold


def text_document(text: str, name: str = "plan.txt") -> Document:
    """A Document from text written in a test."""
    return document_from_bytes(text.encode("utf-8"), Path(name))


@pytest.fixture
def fixture_document():
    def load(name: str) -> Document:
        path = FIXTURES / name
        return document_from_bytes(path.read_bytes(), path)

    return load


def version_batches(folder: Path) -> list[list[Path]]:
    """Two ingests written into `folder`: a plan and another; then a new version of the first."""
    text = (FIXTURES / "skane_small.txt").read_text("utf-8")
    first, other, second = folder / "v1.txt", folder / "other.txt", folder / "v2.txt"
    first.write_text(text, encoding="utf-8")
    other.write_text((FIXTURES / "kronoberg_small.txt").read_text("utf-8"), encoding="utf-8")
    second.write_text(text.replace("Öka utskicken", "Fler utskick"), encoding="utf-8")
    return [[first, other], [second]]


def dataset_tables(out: Path) -> dict:
    """The dataset's activities and documents as pandas frames, sorted by their keys, without
    the ingestion time: what two runs that stored the same files share."""
    import pandas as pd

    tables = {}
    for folder, key in (("activities", "activity_id"), ("documents", "doc_id")):
        frame = pd.read_parquet(out / folder).drop(columns=["ingested_at"], errors="ignore")
        tables[folder] = frame.sort_values(key).reset_index(drop=True)
    return tables


def read_in_this_process(monkeypatch) -> None:
    """No worker process can start: a batch reads its files in this process (its fallback),
    where a test's patches of the parser hold."""
    from pipelines import workers

    def cannot_fork(*args):
        raise OSError("no worker processes here")

    monkeypatch.setattr(workers.IsolatedPool, "_start", cannot_fork)
