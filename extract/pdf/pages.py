"""Read PDF pages into primitives, one page at a time, and find running heads and feet.

Two passes over the file keep memory flat whatever the page count: `scan` notes the text in the
top and bottom margins of every page (and the first pages' text, to recognise the layout);
`read_pages` then yields each page's lines without the running heads, closing pages as it goes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pdfplumber
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from extract.document import unligature
from extract.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    InputError,
    LimitExceeded,
    ScannedDocument,
    TooLongDocument,
)
from extract.pdf.margins import Scan, margin_keys, running_keys, without_heads
from extract.pdf.primitives import Page, Rule, TextLine, Word
from extract.pdf.settings import SETTINGS, PdfSettings

BOLD_RE = re.compile(r"bold|black|heavy|semibold", re.I)


@contextmanager
def open_pdf(path: Path) -> Iterator[pdfplumber.PDF]:
    """Open a PDF, turning pdfminer's failures into clear input errors."""
    try:
        with pdfplumber.open(path) as pdf:
            yield pdf
    except PdfminerException as err:
        cause = err.args[0] if err.args else err
        name = type(cause).__name__
        if isinstance(cause, InputError):  # a limit of ours met inside pdfminer (the time)
            raise cause from err
        if isinstance(cause, RecursionError):
            raise LimitExceeded("its structure nests deeper than the reader follows") from err
        if "Password" in name or "Encrypt" in name or "password" in str(cause).lower():
            raise EncryptedDocument("the PDF is encrypted; save an unprotected copy") from err
        if isinstance(cause, MemoryError):
            raise LimitExceeded(
                "reading it needed more memory than the limit allows (a decompression bomb?)"
            ) from err
        raise CorruptDocument(f"the PDF is truncated or damaged ({name}: {cause})") from err
    except MalformedPDFException as err:  # a page box that is not four numbers, say
        raise CorruptDocument(f"the PDF is malformed ({err})") from err
    except (ValueError, KeyError, TypeError, AttributeError, AssertionError) as err:
        raise CorruptDocument(f"the PDF is damaged ({type(err).__name__}: {err})") from err


def page_words(page: pdfplumber.page.Page) -> list[Word]:
    raw = page.extract_words(
        x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False, extra_attrs=["size", "fontname"]
    )
    return [
        Word(
            unligature(w["text"]),
            w["x0"],
            w["x1"],
            w["top"],
            w["bottom"],
            w["size"],
            bool(BOLD_RE.search(w["fontname"])),
        )
        for w in raw
    ]


def group_lines(words: list[Word], page: int, tolerance: float) -> list[TextLine]:
    """Words on one baseline (tops within `tolerance`), top to bottom, left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [TextLine(page, tuple(sorted(line, key=lambda w: w.x0))) for line in lines]


def _rules(page: pdfplumber.page.Page, settings: PdfSettings) -> list[Rule]:
    """The page's horizontal rules: the strokes at one height joined where they touch, kept
    apart where they do not (no rule runs under a cell merged over rows: its text must not be
    cut at the rows it spans)."""
    by_height: dict[int, list[tuple[float, float, float]]] = {}
    for edge in page.edges:
        if edge["orientation"] != "h" or edge["x1"] - edge["x0"] < settings.rule_min_length:
            continue
        by_height.setdefault(round(edge["top"]), []).append((edge["x0"], edge["x1"], edge["top"]))
    rules: list[Rule] = []
    for strokes in by_height.values():
        strokes.sort()
        x0, x1, y = strokes[0]
        for start, end, top in strokes[1:]:
            if start > x1 + settings.rule_join_gap:
                rules.append(Rule(y, x0, x1))
                x0, y = start, top
            x1 = max(x1, end)
        rules.append(Rule(y, x0, x1))
    return sorted(rules, key=lambda rule: (rule.y, rule.x0))


def scan(path: Path, settings: PdfSettings = SETTINGS) -> Scan:
    """First pass: page count, running heads and feet, the first pages' text."""
    margins: Counter[str] = Counter()
    head: list[str] = []
    with open_pdf(path) as pdf:
        n_pages = len(pdf.pages)
        if n_pages == 0:
            raise EmptyDocument("the PDF has no pages")
        if n_pages > settings.max_pages:
            raise TooLongDocument(f"the PDF has {n_pages} pages; the limit is {settings.max_pages}")
        any_text = False
        kept: list[Page] = []
        kept_words = 0
        for number, page in enumerate(pdf.pages, 1):
            words = page_words(page)
            lines = group_lines(words, number, settings.line_tolerance)
            any_text = any_text or bool(lines)
            margins.update(margin_keys(lines, page.height, settings))
            if number <= settings.detect_pages:
                head.extend(line.text for line in lines)
            kept_words += len(words)
            if kept_words <= settings.kept_words and len(kept) == number - 1:
                rules = tuple(_rules(page, settings))
                kept.append(Page(number, page.width, page.height, tuple(lines), rules))
            page.close()
        if not any_text:
            raise ScannedDocument("the PDF has no text layer (a scan?); run OCR on it first")
    return Scan(n_pages, running_keys(margins, n_pages, settings), tuple(head), tuple(kept))


def read_pages(
    path: Path, first: Scan, settings: PdfSettings = SETTINGS
) -> Iterator[tuple[Page, tuple[TextLine, ...]]]:
    """Second pass: each page without its running heads and feet, and the heads themselves. The
    pages the first pass kept are not read again; the file is opened only for the rest."""
    for page in first.pages:
        yield without_heads(page, first.running, settings)
    if len(first.pages) == first.n_pages:
        return
    with open_pdf(path) as pdf:
        for number, pdf_page in enumerate(pdf.pages, 1):
            if number <= len(first.pages):
                continue
            lines = group_lines(page_words(pdf_page), number, settings.line_tolerance)
            rules = tuple(_rules(pdf_page, settings))
            page = Page(number, pdf_page.width, pdf_page.height, tuple(lines), rules)
            pdf_page.close()
            yield without_heads(page, first.running, settings)
