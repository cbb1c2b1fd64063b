"""What a file is from its bytes alone: its content hash, and whether it is a PDF (light: no
pipeline imports, so the command line can use it before loading the pipeline)."""

from __future__ import annotations

import hashlib
from pathlib import Path

HASH_CHUNK = 1 << 20  # bytes read at a time, so a large file is never held whole
PDF_MAGIC = b"%PDF"


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def is_pdf(path: Path) -> bool:
    """A file named .pdf, or one that starts like a PDF whatever its name."""
    if path.suffix.lower() == ".pdf":
        return True
    with path.open("rb") as handle:
        return handle.read(len(PDF_MAGIC)) == PDF_MAGIC


def printable_name(name: str) -> str:
    """A file name as text that can always be printed and stored: bytes of the name that are
    not UTF-8 (kept by the OS as surrogates) become "\ufffd"."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
