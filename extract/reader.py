"""Read a plan file into a Document: decode, number the lines, restore the blank lines."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.document import Document, decode_text, split_lines
from extract.errors import UnsupportedFormat
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
    """Read a plan file. Only extracted text is read in this version; a PDF gets a clear error."""
    path = Path(path)
    data = path.read_bytes()
    if data.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        raise UnsupportedFormat(
            "PDF input is not read yet: extract its text first (e.g. `pdftotext file.pdf`)"
        )
    return document_from_bytes(data, path)
