"""Clean cell text: re-join words broken at line ends, drop soft hyphens, fold white space."""

from __future__ import annotations

import re

SOFT_HYPHEN = "\u00ad"
# After "hälso-" a line may go on with "och sjukvård": the hyphen then stands for a shared ending.
SHARED_ENDING_WORDS = frozenset({"och", "eller", "samt", "till", "som"})


def _join(left: str, right: str) -> str:
    if not left:
        return right
    if left.endswith("-") and right:
        before = left[-2] if len(left) > 1 else ""
        next_word = right.split(" ", 1)[0].lower()
        if before.islower() and right[0].islower() and next_word not in SHARED_ENDING_WORDS:
            return left[:-1] + right  # "screening-" + "program" -> "screeningprogram"
        if before.isupper() or before.isdigit():
            return left + right  # "HPV-" + "vaccination" -> "HPV-vaccination"
    return f"{left} {right}"


def clean_text(raw: str | None) -> str | None:
    """The clean form of a cell's raw text (lines separated by newlines)."""
    if raw is None:
        return None
    text = ""
    for line in raw.replace(SOFT_HYPHEN, "").split("\n"):
        text = _join(text, " ".join(line.split()))
    return text.strip() or None


def flat_text(raw: str | None) -> str | None:
    """The raw text on one line: lines joined by a single space, as the source wrote them."""
    if raw is None:
        return None
    return " ".join(line.strip() for line in raw.split("\n") if line.strip()) or None


def match_key(text: str | None) -> str:
    """Text folded for comparison: lower case, letters and digits only."""
    return re.sub(r"[\W_]+", "", (text or "").lower())
