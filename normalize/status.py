"""Status words as written -> one status value per activity (an activity's own closing status
words, "… obligatorisk. Pågår.", decide its value before the row's)."""

from __future__ import annotations

import re

from extract.cells import find_status, status_terms

STATUSES = ("planned", "ongoing", "done", "not_started", "unknown")
# Which value a row with several statuses gets: the furthest along.
PRECEDENCE = ("done", "ongoing", "planned", "not_started")


def status_of(words: list[str] | tuple[str, ...]) -> str:
    """The status value of the status words found (as written); "unknown" without any."""
    values = {status_terms().get(" ".join(word.lower().split()), "unknown") for word in words}
    return next((value for value in PRECEDENCE if value in values), "unknown")


def trailing_status(text: str | None) -> list[str]:
    """The status words that close an activity ("… obligatorisk. Pågår." -> ["Pågår"]); the
    activity's text keeps them, as written."""
    removed: list[str] = []
    while text:
        words = find_status(text)
        if not words:
            break
        match = re.search(rf"[\s(]*{re.escape(words[-1])}[\s)]*\.?$", text, re.IGNORECASE)
        if match is None or match.start() == 0:
            break
        removed.insert(0, text[match.start() :].strip(" ().\n"))
        text = text[: match.start()].rstrip()
    return removed
