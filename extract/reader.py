"""Read a plan file into a Document: decode, number the lines, restore the blank lines."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.document import Document, decode_text, split_lines
from extract.spacing import restore_spacing


def document_from_bytes(data: bytes, path: Path) -> Document:
    """Build a Document from raw bytes of extracted text."""
    text, encoding, warnings = decode_text(data)
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        format="text",
        encoding=encoding,
        lines=restore_spacing(split_lines(text)),
        warnings=warnings,
    )


def read_document(path: Path) -> Document:
    """Read a plan's extracted text (PDFs are read by extract.pdf.plan)."""
    return document_from_bytes(Path(path).read_bytes(), Path(path))
