"""Page numbers ("Sida 3", "3 av 12", "3 (12)"): page furniture, never a cell. One pattern for
the PDF reader (its running feet) and the text reader (lines at a page's edge)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.document import Line

PAGE_NUMBER_RE = re.compile(r"^(?:sida\s+)?#+(?:\s*(?:av|/|\()\s*#+\)?)?$", re.I)
MAX_PAGE_NUMBER_DIGITS = 3  # "2027" is a year, not a page number


def fold_digits(text: str) -> str:
    """A text with every run of digits as "#" and its spaces collapsed."""
    return re.sub(r"\d+", "#", " ".join(text.split()))


def is_page_number(text: str) -> bool:
    """True for a page number as plans print them ("Sida 3", "3 av 12", "3 (12)", "3")."""
    digits = re.findall(r"\d+", text)
    short = all(len(run) <= MAX_PAGE_NUMBER_DIGITS for run in digits)
    return bool(digits) and short and PAGE_NUMBER_RE.match(fold_digits(text)) is not None


def page_number_lines(lines: Sequence[Line]) -> frozenset[int]:
    """The numbers of the lines that are page numbers: at a page's edge (its first or last
    line with text), where a text tool prints a page's head and foot, or anywhere in words
    ("Sida 3", "3 av 12", "3 (12)"): a tool that marks no page breaks (pypdf) prints them
    among the cells."""
    edges: dict[int, list[Line]] = {}
    for line in lines:
        if not line.is_blank:
            edges.setdefault(line.page, []).append(line)
    at_edges = {
        line.number
        for page in edges.values()
        for line in {page[0].number: page[0], page[-1].number: page[-1]}.values()
        if is_page_number(line.stripped)
    }
    worded = {line.number for line in lines if is_worded_page_number(line.stripped)}
    return frozenset(at_edges | worded)


def is_worded_page_number(text: str) -> bool:
    """A page number that says it is one ("Sida 3", "3 av 12", "3 (12)"); not a bare number,
    nor "3/12", which may be a date."""
    folded = fold_digits(text)
    return is_page_number(text) and (any(c.isalpha() for c in folded) or "(" in folded)
