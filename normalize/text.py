"""Clean cell text: re-join words broken at line ends, drop soft hyphens, fold white space."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from normalize.language import is_swedish_word

SOFT_HYPHEN = "\u00ad"
WORD_RE = re.compile(r"[a-zåäöéü]{3,}")
MIN_KNOWN_COUNT = 2  # a word spelled whole this often in the document is known
# Joining by the Swedish lookups needs parts this long: "mot en" is not "moten", "av en" not "aven".
MIN_LOOKUP_PART = 3
# After "hälso-" a line may go on with "och sjukvård": the hyphen then stands for a shared ending.
SHARED_ENDING_WORDS = frozenset({"och", "eller", "samt", "till", "som"})


def vocabulary(lines: Iterable[str]) -> frozenset[str]:
    """Words the document itself spells whole at least twice (lower case): the known words."""
    counts = Counter(word for line in lines for word in WORD_RE.findall(line.lower()))
    return frozenset(word for word, count in counts.items() if count >= MIN_KNOWN_COUNT)


def is_broken_word(head: str, tail: str, known: frozenset[str]) -> bool:
    """Whether two neighbouring words are one word broken in two ("Processamordn are"): the
    whole word is known — spelled whole in the document (`known`), or, for parts of three
    letters or more, a Swedish word form in spaCy's lookups — while one of the parts is not a
    word the document spells."""
    if not (known and head[-1:].isalpha() and tail[:1].isalpha()):
        return False
    if head.lower() in known and tail.lower() in known:
        return False
    whole = (head + tail).lower()
    if whole in known:
        return True
    return min(len(head), len(tail)) >= MIN_LOOKUP_PART and is_swedish_word(whole)


def join_broken_words(text: str, known: frozenset[str]) -> str:
    """Join neighbouring words that are one known word broken in two ("Processamordn are")."""
    joined: list[str] = []
    for word in text.split(" "):
        if joined and is_broken_word(joined[-1], word, known):
            joined[-1] += word
        else:
            joined.append(word)
    return " ".join(joined)


def _join(left: str, right: str, known: frozenset[str] = frozenset()) -> str:
    if not left:
        return right
    if is_broken_word(left.rsplit(" ", 1)[-1], right.split(" ", 1)[0], known):
        return left + right  # "Processamordn" + "are": a word broken without a hyphen
    if left.endswith("-") and right:
        before = left[-2] if len(left) > 1 else ""
        next_word = right.split(" ", 1)[0].lower()
        if before.islower() and right[0].islower() and next_word not in SHARED_ENDING_WORDS:
            return left[:-1] + right  # "screening-" + "program" -> "screeningprogram"
        if before.isupper() or before.isdigit():
            return left + right  # "HPV-" + "vaccination" -> "HPV-vaccination"
    return f"{left} {right}"


def clean_text(raw: str | None, known: frozenset[str] = frozenset()) -> str | None:
    """The clean form of a cell's raw text (lines separated by newlines). With the document's
    `known` words, a word broken at a line end without a hyphen is joined when only the whole
    word is known."""
    if raw is None:
        return None
    text = ""
    for line in raw.replace(SOFT_HYPHEN, "").split("\n"):
        text = _join(text, " ".join(line.split()), known)
    return text.strip() or None


def flat_text(raw: str | None) -> str | None:
    """The raw text on one line: lines joined by a single space, as the source wrote them."""
    if raw is None:
        return None
    return " ".join(line.strip() for line in raw.split("\n") if line.strip()) or None


def match_key(text: str | None) -> str:
    """Text folded for comparison: lower case, letters and digits only."""
    return re.sub(r"[\W_]+", "", (text or "").lower())
