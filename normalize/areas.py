"""Map a row to one of the ten Vägen framåt areas from the document's own structure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.layout import ParsedRow
from normalize.classify import area_from_text, area_text
from normalize.term_tables import read_table

BROKEN_WORD_RE = re.compile(r"(?<=\w)\s+(?=[a-zåäö])")  # a word going on in lower case
AREA_SOURCES = ("document", "section", "chapter", "classifier", "unresolved")


@dataclass(frozen=True)
class AreaRule:
    pattern: re.Pattern[str]
    area_id: int


@cache
def areas() -> dict[int, str]:
    """The ten areas: id -> official name."""
    return {int(row["area_id"]): row["area"] for row in read_table("areas.tsv")}


@cache
def heading_rules() -> tuple[AreaRule, ...]:
    """The reviewable heading -> area table in `data/heading_areas.tsv`, in order."""
    return tuple(
        AreaRule(re.compile(row["pattern"], re.IGNORECASE), int(row["area_id"]))
        for row in read_table("heading_areas.tsv")
    )


def area_for_heading(heading: str | None) -> int | None:
    """The area of the first heading rule the text matches, as written or with the words a
    narrow cell broke re-joined, or None."""
    if not heading:
        return None
    joined = BROKEN_WORD_RE.sub("", heading)  # "Kontaktsjuksköter skor" in a narrow cell
    for rule in heading_rules():
        if rule.pattern.search(heading) or rule.pattern.search(joined):
            return rule.area_id
    return None


def resolve_area(row: ParsedRow) -> tuple[int | None, str, float]:
    """The row's area, where it came from, and how sure that is: the document's own area number,
    else the section heading, else the chapter heading (all 1.0), else the row's own text
    (`classifier`, with the share of matching words); "unresolved" when nothing decides it."""
    if row.area_number in areas():
        return row.area_number, "document", 1.0
    if (area := area_for_heading(row.section)) is not None:
        return area, "section", 1.0
    if (area := area_for_heading(row.chapter)) is not None:
        return area, "chapter", 1.0
    area, confidence = area_from_text(area_text(row.goal, row.activities, row.rcc_activity))
    if area is not None:
        return area, "classifier", confidence
    return None, "unresolved", 0.0
