"""The time grammar's words (`data/time_words.tsv`) and the regular-expression pieces made of
them, shared by the readers (which find time entries) and normalize/time.py (which reads what
they mean)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from extract.data_tables import read_tsv

YEAR = r"20\d\d"


@dataclass(frozen=True)
class TimeWords:
    months: dict[str, int]  # full names and abbreviations -> month number
    month_names: tuple[str, ...]  # full names only (safe to find without a year)
    seasons: dict[str, tuple[int, int]]  # every written form -> first and last month
    terms: dict[str, tuple[int, int]]  # "vt", "ht"
    numbers: dict[str, int]
    recurrences: dict[str, str]  # word or phrase -> continuous, yearly, …
    units: dict[str, str]  # "år" -> "year", …
    parts: dict[str, int]  # "kvartal" -> 4, "tertial" -> 3, "halvår" -> 2: parts of a year


def _span(value: str) -> tuple[int, int]:
    first, last = value.split("-")
    return int(first), int(last)


@cache
def time_words() -> TimeWords:
    rows = read_tsv("time_words.tsv")

    def of(*kinds: str) -> list[dict[str, str]]:
        return [row for row in rows if row["kind"] in kinds]

    return TimeWords(
        months={row["word"]: int(row["value"]) for row in of("month", "month_short")},
        month_names=tuple(row["word"] for row in of("month")),
        seasons={row["word"]: _span(row["value"]) for row in of("season")},
        terms={row["word"]: _span(row["value"]) for row in of("term")},
        numbers={row["word"]: int(row["value"]) for row in of("number")},
        recurrences={row["word"]: row["value"] for row in of("recurrence")},
        units={row["word"]: row["value"] for row in of("unit")},
        parts={row["word"]: int(row["value"]) for row in of("part")},
    )


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of the words, longest first, spaces as any white space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


MONTH_NAME = alternation(time_words().month_names)  # januari … december
MONTH = alternation(time_words().months)  # and their abbreviations (before a year only)
SEASON = alternation(time_words().seasons)  # vår, våren, hösten, …
TERM = alternation(time_words().terms)  # VT, HT (matched case-insensitively)
RECURRENCE = alternation(time_words().recurrences)  # kontinuerligt, årligen, varje vecka, …
NUMBER = alternation(time_words().numbers)
UNIT = alternation(time_words().units)
PART = alternation(time_words().parts)  # kvartal, tertial, halvår
# How often, in one grammar for "is this a time cell?" (extract) and "what does it say?"
# (normalize): "2 ggr/år", "Två gånger per år", "3-4 ggr/termin" (count, count, unit) and
# "2/gånger/år" (count, unit)
COUNT = rf"(\d+|{NUMBER})"
TIMES = r"(?:ggr|gånger|gång)"
PER = rf"{TIMES}\s*(?:/|per|i|om)?\s*"
COUNTED = rf"{COUNT}(?:\s*[-–]\s*{COUNT})?\s*{PER}({UNIT})"
COUNTED_SLASHED = rf"(\d+)\s*/\s*{TIMES}\s*/\s*({UNIT})"
