"""Read the plans' time expressions into a period and a recurrence.

"2024-2025", "Q3-4 2025", "VT 2024", "Hösten 2025", "21 mars 2025", "senast 2027" give a start and
end date with their precision; "Kontinuerligt", "Årligen", "2 ggr/år", "Två gånger per år" give
a recurrence. An entry can give both. What is not understood is not guessed: it gives nothing.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from extract.time_words import (
    COUNTED,
    COUNTED_SLASHED,
    MONTH,
    PART,
    SEASON,
    TERM,
    YEAR,
    alternation,
    time_words,
)

WORDS = time_words()
MONTHS = WORDS.months
NUMBER_WORDS = WORDS.numbers
SEASONS = WORDS.seasons
TERMS = WORDS.terms
PRECISIONS = ("day", "month", "season", "quarter", "tertial", "half-year", "year")
PART_PRECISIONS = {4: "quarter", 3: "tertial", 2: "half-year"}  # by how many parts a year has

_YEAR = rf"({YEAR})"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("date", rf"\b{_YEAR}-(\d\d)-(\d\d)\b"),
        ("day", rf"\b(\d{{1,2}})\s+({MONTH})\.?\s+{_YEAR}\b"),
        (
            "quarters",
            rf"\bQ\s?([1-4])\s*(?:[-–]|eller|och)\s*Q?\s?([1-4])(?:\s*[-–]?\s*{_YEAR})?\b",
        ),
        ("quarter", rf"\bQ\s?([1-4])(?:\s*[-–]?\s*{_YEAR})?\b"),
        ("part", rf"\b({PART})\.?\s*([1-4])\s*[-–]?\s*{_YEAR}\b"),
        ("term", rf"\b({TERM})\s*{_YEAR}\b"),
        ("season", rf"\b({SEASON})\s+{_YEAR}\b"),
        ("months", rf"\b({MONTH})\.?\s*[-–]\s*({MONTH})\.?\s+{_YEAR}\b"),
        ("month", rf"\b({MONTH})\.?\s+{_YEAR}\b"),
        ("years", rf"\b{_YEAR}\s*(?:[-–]|och|till|t\.o\.m\.?)\s*(20\d\d|\d\d)\b"),
        ("until", rf"\b(?:senast|före|innan|t\.o\.m\.?)\s+{_YEAR}\b"),
        ("since", rf"\b(?:sedan|från|fr\.o\.m\.?)\s+{_YEAR}\b"),
        ("year", rf"\b{_YEAR}\b"),
    )
)
RECURRENCES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (
        re.compile(
            rf"\b(?:{alternation(w for w, v in WORDS.recurrences.items() if v == value)})\b",
            re.IGNORECASE,
        ),
        value,
    )
    for value in dict.fromkeys(WORDS.recurrences.values())
)
COUNT_RE = re.compile(COUNTED, re.IGNORECASE)
COUNT_SLASH_RE = re.compile(rf"\b{COUNTED_SLASHED}\b", re.IGNORECASE)
UNIT_NAMES = WORDS.units


@dataclass(frozen=True)
class TimeValue:
    """What one time entry says: a period (start, end, precision) and/or a recurrence."""

    start: date | None = None
    end: date | None = None
    precision: str | None = None
    recurrence: str | None = None

    @property
    def understood(self) -> bool:
        return self.start is not None or self.end is not None or self.recurrence is not None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str, default: int | None) -> int | None:
    return int(text) if text else default


def _full_year(start: int, text: str) -> int:
    return int(text) if len(text) == 4 else start // 100 * 100 + int(text)


def _period(name: str, match: re.Match[str], year_hint: int | None) -> TimeValue | None:
    g = match.groups()
    if name == "date":
        day = date(int(g[0]), int(g[1]), int(g[2]))
        return TimeValue(day, day, "day")
    if name == "day":
        day = date(int(g[2]), MONTHS[g[1].lower()], int(g[0]))
        return TimeValue(day, day, "day")
    if name in ("quarters", "quarter"):
        first, last = int(g[0]), int(g[1]) if name == "quarters" else int(g[0])
        year = _year(g[-1], year_hint)
        if year is None:
            return None
        return TimeValue(date(year, 3 * first - 2, 1), _last_day(year, 3 * last), "quarter")
    if name == "part":
        parts, number = WORDS.parts[g[0].lower()], int(g[1])
        if number > parts:
            return None  # "halvår 3": no such part
        months = 12 // parts
        year = int(g[2])
        first, last = (number - 1) * months + 1, number * months
        return TimeValue(date(year, first, 1), _last_day(year, last), PART_PRECISIONS[parts])
    if name == "months":
        first, last, year = MONTHS[g[0].lower()], MONTHS[g[1].lower()], int(g[2])
        start_year = year - 1 if last < first else year  # "november–februari 2028"
        return TimeValue(date(start_year, first, 1), _last_day(year, last), "month")
    if name == "term":
        first, last = TERMS[g[0].lower()]
        year = int(g[1])
        return TimeValue(date(year, first, 1), _last_day(year, last), "half-year")
    if name == "season":
        first, last = SEASONS[g[0].lower()]
        year = int(g[1])
        end_year = year + 1 if last < first else year
        return TimeValue(date(year, first, 1), _last_day(end_year, last), "season")
    if name == "month":
        year, month = int(g[1]), MONTHS[g[0].lower()]
        return TimeValue(date(year, month, 1), _last_day(year, month), "month")
    if name == "years":
        first = int(g[0])
        return TimeValue(date(first, 1, 1), date(_full_year(first, g[1]), 12, 31), "year")
    if name == "until":
        return TimeValue(None, date(int(g[0]), 12, 31), "year")
    if name == "since":
        return TimeValue(date(int(g[0]), 1, 1), None, "year")
    year = int(g[0])
    return TimeValue(date(year, 1, 1), date(year, 12, 31), "year")


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def parse_recurrence(text: str) -> str | None:
    """ "continuous", "yearly", "2/year", "3-4/term", …, or None."""
    if match := COUNT_RE.search(text):
        low = _number(match.group(1))
        high = _number(match.group(2)) if match.group(2) else None
        unit = UNIT_NAMES[match.group(3).lower()]
        if low == 1 and high is None and unit == "year":
            return "yearly"
        return f"{low}-{high}/{unit}" if high else f"{low}/{unit}"
    if match := COUNT_SLASH_RE.search(text):
        return f"{int(match.group(1))}/{UNIT_NAMES[match.group(2).lower()]}"
    for pattern, value in RECURRENCES:
        if pattern.search(text):
            return value
    return None


def parse_time(text: str) -> TimeValue:
    """The period and recurrence of one time entry as written (empty when not understood)."""
    periods: list[TimeValue] = []
    taken: list[tuple[int, int]] = []
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", text)]
    hint = years[0] if years else None
    for name, pattern in PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            if (value := _period(name, match, hint)) is not None:
                periods.append(value)
                taken.append(span)
    recurrence = parse_recurrence(text)
    if not periods:
        return TimeValue(recurrence=recurrence)
    starts = [p.start for p in periods if p.start]
    ends = [p.end for p in periods if p.end]
    first = min(periods, key=lambda p: p.start or date.max)
    return TimeValue(
        min(starts) if starts else None, max(ends) if ends else None, first.precision, recurrence
    )


def combine(values: list[TimeValue]) -> TimeValue:
    """A row's period from its entries: earliest start, latest end, first recurrence."""
    understood = [value for value in values if value.understood]
    starts = [v.start for v in understood if v.start]
    ends = [v.end for v in understood if v.end]
    dated = [v for v in understood if v.start or v.end]
    first = min(dated, key=lambda v: v.start or v.end) if dated else None
    recurrence = next((v.recurrence for v in understood if v.recurrence), None)
    return TimeValue(
        min(starts) if starts else None,
        max(ends) if ends else None,
        first.precision if first else None,
        recurrence,
    )
