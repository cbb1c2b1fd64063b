"""How the evaluator lays text out: the sample texts as other PDF-to-text tools would print them
(`LAYOUT_VARIANTS`), and the forms a rendered plan is read in (`FORMS`: stored files;
`TEXT_TOOLS`: text that an installed tool extracts from the plan's PDF when asked). Plain data and
pure functions, importable without the pipeline (the command line lists their names)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def _doubled_blank_lines(lines: list[str]) -> list[tuple[int, str]]:
    return [
        (n, text)
        for n, line in enumerate(lines, 1)
        for text in ([line, ""] if not line.strip() else [line])
    ]


def _no_blank_lines(lines: list[str]) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(lines, 1) if line.strip()]


# How other PDF-to-text tools lay out the same text: each maps the file's lines to new lines,
# keeping the number of the line each new line came from.
LAYOUT_VARIANTS: dict[str, Callable[[list[str]], list[tuple[int, str]]]] = {
    "as_written": lambda lines: list(enumerate(lines, 1)),
    "doubled_blank_lines": _doubled_blank_lines,
    "no_blank_lines": _no_blank_lines,
}


def pdfminer_text(pdf: Path) -> str:
    """pdfminer.six's `extract_text`: text boxes in reading order, a blank line between them."""
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


def pdfplumber_text(pdf: Path) -> str:
    """pdfplumber's `Page.extract_text()`: the page's physical lines, each across every column."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return "\f".join(page.extract_text() or "" for page in document.pages)


# The text forms of a rendered plan (tests/data/variants): how each stored file is named
FORMS = {
    "pdf": ".pdf",
    "pypdf": ".txt",
    "pdftotext": ".pdftotext.txt",  # reading order (pdftotext's default)
    "pdftotext-layout": ".pdftotext-layout.txt",  # `pdftotext -layout`: columns kept by spaces
}
# and the tools whose text is extracted from the plan's PDF on the fly
TEXT_TOOLS: dict[str, Callable[[Path], str]] = {
    "pdfminer": pdfminer_text,
    "pdfplumber": pdfplumber_text,
}
ALL_FORMS = (*FORMS, *TEXT_TOOLS)
