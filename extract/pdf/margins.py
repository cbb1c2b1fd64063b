"""Running heads and feet: the lines in a page's margins that repeat from page to page.

Plain functions over the page primitives (no PDF library), so a PDF's pages and the pages of a
text laid out by spaces (extract/spaced_text.py) find their running heads the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from extract.columns import parse_header_text
from extract.page_numbers import PAGE_NUMBER_RE, fold_digits
from extract.pdf.primitives import Page, TextLine
from extract.pdf.settings import PdfSettings

MARGIN_GAP_LINES = 0.8  # a running head stands this many line heights apart from the text
POSITION_STEP = 4.0  # points: running heads stand at the same height on every page


@dataclass(frozen=True)
class Scan:
    """What a first pass learnt of a document's pages."""

    n_pages: int
    running: frozenset[str]  # margin_key of lines that repeat: running heads and feet
    head_lines: tuple[str, ...]  # text of the first pages, to recognise the layout
    pages: tuple[Page, ...] = ()  # the first pages as read, kept so the second pass reads none
    # of them again (as many as `PdfSettings.kept_words` words fit)


def margin_key(line: TextLine) -> str:
    """What a running head has in common from page to page: its text (digits folded) and place."""
    return f"{round(line.top / POSITION_STEP)}:{fold_digits(line.text)}"


def margin_lines(lines: list[TextLine], height: float, settings: PdfSettings) -> list[TextLine]:
    """Lines in the top or bottom band of a page that stand apart from the text block (not a
    table header, which a table repeats at the same height on every page)."""
    band = settings.margin_share * height
    found: list[TextLine] = []
    for index, line in enumerate(lines):
        if parse_header_text(line.text) is not None:
            continue  # a table header repeated at the top of each page is the table's

        gap_line = (line.bottom - line.top) * MARGIN_GAP_LINES
        if line.bottom <= band:
            following = lines[index + 1] if index + 1 < len(lines) else None
            if following is None or following.top - line.bottom >= gap_line:
                found.append(line)
        elif line.top >= height - band:
            above = lines[index - 1] if index else None
            if above is None or line.top - above.bottom >= gap_line or above in found:
                found.append(line)
    return found


def margin_keys(lines: list[TextLine], height: float, settings: PdfSettings) -> set[str]:
    """The `margin_key` of each of a page's margin lines."""
    return {margin_key(line) for line in margin_lines(lines, height, settings)}


def running_keys(margins: Counter[str], n_pages: int, settings: PdfSettings) -> frozenset[str]:
    """The margin lines (by `margin_key`, counted once a page) that are running heads or feet:
    those on `repeat_share` of the pages (two at least), and page numbers."""
    threshold = max(2, settings.repeat_share * n_pages)
    running = {key for key, count in margins.items() if count >= threshold}
    running |= {key for key in margins if PAGE_NUMBER_RE.match(key.split(":", 1)[1])}
    return frozenset(running)


def scan_pages(pages: Iterable[Page], settings: PdfSettings) -> Scan:
    """A Scan of pages already read (all kept): their running heads and first pages' text."""
    kept = tuple(pages)
    margins: Counter[str] = Counter()
    for page in kept:
        margins.update(margin_keys(list(page.lines), page.height, settings))
    head = tuple(
        line.text for page in kept if page.number <= settings.detect_pages for line in page.lines
    )
    return Scan(len(kept), running_keys(margins, len(kept), settings), head, kept)


def without_heads(
    page: Page, running: frozenset[str], settings: PdfSettings
) -> tuple[Page, tuple[TextLine, ...]]:
    """The page without its running heads and feet, and those heads."""
    heads = tuple(
        line
        for line in margin_lines(list(page.lines), page.height, settings)
        if margin_key(line) in running
    )
    body = tuple(line for line in page.lines if line not in heads)
    return replace(page, lines=body), heads
