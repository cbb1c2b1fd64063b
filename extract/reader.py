"""Read a plan file into a Document: decode, number the lines, restore the blank lines (not in
a text that keeps its columns by spaces, whose blank lines are its geometry)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.document import Document, decode_text, split_lines
from extract.spaced_text import is_spaced
from extract.spacing import restore_spacing


def document_from_bytes(data: bytes, path: Path) -> Document:
    """Build a Document from raw bytes of extracted text."""
    text, encoding, warnings = decode_text(data)
    lines = split_lines(text)
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        format="text",
        encoding=encoding,
        lines=lines if is_spaced(lines) else restore_spacing(lines),
        warnings=warnings,
    )


def read_document(path: Path) -> Document:
    """Read a plan's extracted text (PDFs are read by extract.pdf.plan)."""
    return document_from_bytes(Path(path).read_bytes(), Path(path))
