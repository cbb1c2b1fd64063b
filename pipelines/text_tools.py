"""PDF-to-text tools installed with the project, to measure how the text reader reads their
output: the evaluator extracts each rendered plan's text with them on the fly (no stored files),
page by page, pages separated by form feeds as the tools print them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pdfplumber
from pdfminer.high_level import extract_text


def pdfminer_text(pdf: Path) -> str:
    """pdfminer.six's `extract_text`: text boxes in reading order, a blank line between them."""
    return extract_text(str(pdf))


def pdfplumber_text(pdf: Path) -> str:
    """pdfplumber's `Page.extract_text()`: the page's physical lines, each across every column."""
    with pdfplumber.open(pdf) as document:
        return "\f".join(page.extract_text() or "" for page in document.pages)


TEXT_TOOLS: dict[str, Callable[[Path], str]] = {
    "pdfminer": pdfminer_text,
    "pdfplumber": pdfplumber_text,
}
