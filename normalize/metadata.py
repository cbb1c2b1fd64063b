"""Document-level facts read from the text: title, document type, region, healthcare region
and plan period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from extract.document import Document
from extract.time_words import MONTH_NAME, time_words
from normalize.term_tables import read_table

HEAD_LINES = 60  # titles, regions and periods are stated on the first page
TITLE_RE = re.compile(r"cancerplan|handlingsplan|verksamhetsplan|årsrapport|årsberättelse", re.I)
PERIOD_RE = re.compile(r"\b(20\d\d)\s*[–-]\s*(20\d\d)\b")
YEAR_RE = re.compile(r"\b(20\d\d)\b")
MAX_TITLE_CHARS = 100  # a title is one short line; longer lines are body text


@dataclass(frozen=True)
class RegionEntry:
    region: str
    healthcare_region: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DocumentType:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DocumentFacts:
    title: str | None
    document_type: str
    region: str | None
    healthcare_region: str | None
    period_start: int | None
    period_end: int | None
    plan_date: date | None = None  # the date the plan says it was decided or revised
    warnings: tuple[str, ...] = ()  # what could not be read for certain (the region)


def _pattern(text: str) -> re.Pattern[str]:
    """A name's pattern, case-insensitive, its spaces matching any white space (a title may
    break a region's name over two lines)."""
    return re.compile(text.replace(" ", r"\s+"), re.IGNORECASE)


@cache
def region_table() -> tuple[RegionEntry, ...]:
    return tuple(
        RegionEntry(row["region"], row["healthcare_region"], _pattern(row["pattern"]))
        for row in read_table("regions.tsv")
    )


@cache
def document_types() -> tuple[DocumentType, ...]:
    """The types of `data/document_types.tsv`, the most specific first."""
    return tuple(
        DocumentType(row["document_type"], re.compile(row["pattern"], re.IGNORECASE))
        for row in read_table("document_types.tsv")
    )


SELF_REFERENCE_RE = re.compile(r"\b(?:denna|detta|vår)\s+(\w+)", re.IGNORECASE)


def find_document_type(head: list[str], title: str | None, default: str) -> str:
    """What the document calls itself ("denna handlingsplan"), else the most specific type its
    title names, else the type its first page names most often, else `default` (the layout's)."""
    text = "\n".join(head)
    types = document_types()
    for match in SELF_REFERENCE_RE.finditer(text):
        for kind in types:
            if kind.pattern.fullmatch(match.group(1)):
                return kind.name
    for kind in types:
        if title and kind.pattern.search(title):
            return kind.name
    counts = {kind.name: len(kind.pattern.findall(text)) for kind in types}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else default


def healthcare_region_of(name: str | None) -> str | None:
    """The healthcare region of a region, or the name itself when it is a healthcare region."""
    for entry in region_table():
        if name in (entry.region, entry.healthcare_region):
            return entry.healthcare_region
    return None


def _head(document: Document) -> list[str]:
    return [line.stripped for line in document.lines if not line.is_blank][:HEAD_LINES]


def _is_title(line: str) -> bool:
    return len(line) <= MAX_TITLE_CHARS and line[:1].isupper() and not line.endswith(".")


def find_title(head: list[str]) -> str | None:
    """The first title-like line naming the document type, else the first title-like line."""
    titles = [line for line in head if _is_title(line)]
    return next((line for line in titles if TITLE_RE.search(line)), titles[0] if titles else None)


@cache
def healthcare_region_table() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (row["healthcare_region"], _pattern(row["pattern"]))
        for row in read_table("healthcare_regions.tsv")
    )


def _named(text: str) -> tuple[list[RegionEntry], list[str]]:
    """The regions and the healthcare regions a text names."""
    regions = [entry for entry in region_table() if entry.pattern.search(text)]
    healthcare = [name for name, pattern in healthcare_region_table() if pattern.search(text)]
    return regions, healthcare


def _one_region(regions: list[RegionEntry], healthcare: list[str]) -> str | None:
    """The one region named; a healthcare region when all named belong to it; else None."""
    if len(regions) == 1:
        return regions[0].region
    groups = {entry.healthcare_region for entry in regions} | set(healthcare)
    return groups.pop() if len(groups) == 1 else None


def find_region(head: list[str], title: str | None) -> tuple[str | None, str | None]:
    """The region the document is about, from its own words, and a warning when that is not
    certain: the one region the title names, else the one the first page names (a healthcare
    region when it names several of one, or only that); None when it names none or several."""
    if title and (region := _one_region(*_named(title))):
        return region, None
    regions, healthcare = _named("\n".join(head))
    if region := _one_region(regions, healthcare):
        return region, None
    if regions or healthcare:
        names = ", ".join([entry.region for entry in regions] + healthcare)
        return None, f"region unknown: the first page names several ({names})"
    return None, "region unknown: the first page names no region or healthcare region"


def find_body_region(document: Document) -> str | None:
    """The region or healthcare region the whole text names most often (a weaker guess)."""
    text = "\n".join(line.text for line in document.lines)
    counts = {
        entry.region: len(entry.pattern.findall(text))
        for entry in region_table()
        if entry.pattern.search(text)
    }
    counts |= {name: len(pattern.findall(text)) for name, pattern in healthcare_region_table()}
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def find_period(head: list[str], title: str | None) -> tuple[int | None, int | None]:
    """The plan period: a year range in the title, else the first on the first page, else a year."""
    for text in (title or "", "\n".join(head)):
        if match := PERIOD_RE.search(text):
            return int(match.group(1)), int(match.group(2))
    if title and (match := YEAR_RE.search(title)):
        return int(match.group(1)), int(match.group(1))
    return None, None


DATE_GAP = r"[^\n\d]{0,40}?"  # the words between a lead word and its date ("av regionstyrelsen")


@cache
def _plan_date_re() -> re.Pattern[str]:
    leads = "|".join(re.escape(row["word"]) for row in read_table("plan_dates.tsv"))
    return re.compile(
        rf"\b(?:{leads})\b{DATE_GAP}(?:(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
        rf"|(?P<day>[0-3]?\d)\s+(?P<month>{MONTH_NAME})\s+(?P<year>(?:19|20)\d\d))",
        re.IGNORECASE,
    )


def find_plan_date(head: list[str]) -> date | None:
    """The latest date the first page gives after a decision or revision word
    (`data/plan_dates.tsv`); None where it gives none (or no valid one)."""
    found: list[date] = []
    for line in head:
        for match in _plan_date_re().finditer(line):
            try:
                if match.group("iso"):
                    found.append(date.fromisoformat(match.group("iso")))
                else:
                    month = time_words().months[match.group("month").lower()]
                    found.append(date(int(match.group("year")), month, int(match.group("day"))))
            except ValueError:
                continue  # "2024-13-45": not a date
    return max(found, default=None)


def document_facts(document: Document, default_type: str) -> DocumentFacts:
    """The facts the document states; the layout's document type where it states none. The
    region is never taken from the layout: where the first page names none, the one the text
    names most is given with a warning, and with none `region` is None."""
    head = _head(document)
    title = find_title(head)
    kind = find_document_type(head, title, default_type)
    region, warning = find_region(head, title)
    if region is None and (guess := find_body_region(document)):
        region = guess
        warning = f"region {guess!r} inferred from the body text (the first page names none)"
    start, end = find_period(head, title)
    warnings = (warning,) if warning else ()
    return DocumentFacts(
        title, kind, region, healthcare_region_of(region), start, end, find_plan_date(head),
        warnings,
    )  # fmt: skip
