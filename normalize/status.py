"""Status words as written -> one status value per activity; the words leave the clean text."""

from __future__ import annotations

import re
from functools import cache

from extract.cells import find_status
from normalize.term_tables import read_table

STATUSES = ("planned", "ongoing", "done", "not_started", "unknown")
# Which value a row with several statuses gets: the furthest along.
PRECEDENCE = ("done", "ongoing", "planned", "not_started")


@cache
def status_values() -> dict[str, str]:
    """The reviewable word -> value table in `data/status_values.tsv`."""
    return {row["words"]: row["status"] for row in read_table("status_values.tsv")}


def status_of(words: list[str] | tuple[str, ...]) -> str:
    """The status value of the status words found (as written); "unknown" without any."""
    values = {status_values().get(" ".join(word.lower().split()), "unknown") for word in words}
    return next((value for value in PRECEDENCE if value in values), "unknown")


def strip_trailing_status(text: str | None) -> tuple[str | None, list[str]]:
    """Remove status words that end an activity ("… obligatorisk. Pågår.") from its text."""
    if not text:
        return text, []
    removed: list[str] = []
    while True:
        words = find_status(text)
        if not words:
            return text, removed
        match = re.search(rf"[\s(]*{re.escape(words[-1])}[\s)]*\.?$", text, re.IGNORECASE)
        if match is None or match.start() == 0:
            return text, removed
        removed.insert(0, text[match.start() :].strip(" ().\n"))
        text = text[: match.start()].rstrip()
