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
