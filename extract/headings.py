"""Recognising headings in flattened text: isolated short lines and upper-case lines."""

from __future__ import annotations

import re

from extract.cells import is_bullet
from extract.document import Line

MIN_HEADING_WORD = 6  # an upper-case heading has a word this long; acronyms are shorter
MAX_HEADING_CHARS = 90  # a heading is one short line; body text wraps at about 100 characters
URL_RE = re.compile(r"^\s*https?://")


def is_isolated(lines: tuple[Line, ...], index: int) -> bool:
    """True when the line at `index` has a blank line (or the text's edge) on both sides."""
    before = index == 0 or lines[index - 1].is_blank
    after = index + 1 >= len(lines) or lines[index + 1].is_blank
    return before and after


def looks_like_title(text: str) -> bool:
    """A short line starting with a capital and not ending like a sentence or a label."""
    text = text.strip()
    return (
        0 < len(text) <= MAX_HEADING_CHARS
        and text[0].isupper()
        and not text.endswith((".", ":", ",", ";", "?"))
        and not is_bullet(text)
        and not URL_RE.match(text)
    )


def is_upper_heading(text: str) -> bool:
    """An upper-case heading line ("PREVENTION", "SCREENING FÖR LUNGCANCER"); a line of acronyms
    only ("RPPL/LPPL", "VC IT") is a cell, not a heading."""
    letters = [ch for ch in text if ch.isalpha()]
    long_word = any(len(word) >= MIN_HEADING_WORD for word in re.split(r"[\W_]+", text))
    return (
        long_word and len(letters) >= 4 and all(ch.isupper() for ch in letters) and len(text) <= 140
    )
