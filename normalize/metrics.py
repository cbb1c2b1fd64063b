"""Numbers a document reports — coverage shares, counts, amounts, target values — as metric
records: the value and its unit, the year it is for, what is measured, whether it is a target.

A metric is a number followed by a unit of `data/metric_units.tsv` ("89,1 %", "85 procent",
"drygt 7 000 kvinnor", "100 000 kr"); a range ("92 - 98 %") gives both ends. Numbers without a
unit — years, dates, list, page and phone numbers, ages in "40 - 74 år" — are not metrics.
Each is read within its sentence (a paragraph's lines joined, cut at sentence ends and bullets):
the year is the nearest year before it in the sentence, else after it (a sentence opening with
"Och …" takes the year of the one before); the words of `data/metric_words.tsv` say whether it
is a target and whom it is about; the indicator is what the sentence says before the value.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from extract.cells import BULLET_GLYPHS, to_blocks
from extract.document import Line
from normalize.metadata import region_table
from normalize.records import ActivityRecord, Provenance, stable_id
from normalize.sections import SectionRecord
from normalize.term_tables import read_table
from normalize.version import PIPELINE_VERSION

NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
YEAR_RE = re.compile(r"(?<![\d,.])(?:19[5-9]\d|20[0-4]\d)(?![\d%]|[,.]\d)")
SENTENCE_END_RE = re.compile(rf"(?<=[.!?])\s+(?=[A-ZÅÄÖ\d{BULLET_GLYPHS}])|\s*[{BULLET_GLYPHS}]\s*")
INDICATOR_WORDS = 10  # an indicator is short: at most this many words
BLANK = Line(0, 0, "")
MIN_INDICATOR_WORDS = 2  # fewer words before a value do not say what it measures
MAX_FUNCTION_WORD = 2  # letters of the words that say nothing of a measure ("i", "på")
QUALIFIERS_RE = re.compile(r"\b(?:drygt|knappt|cirka|ca\.?|nästan|över|under|runt)\s*$", re.I)


@dataclass(frozen=True)
class MetricRecord:
    """One reported value: a row of `output/metrics`."""

    metric_id: str
    doc_id: str
    source_file: str
    region: str | None
    indicator: str
    value: float
    unit: str
    subject: str | None
    year: int | None
    is_target: bool
    area_id: int | None
    row_id: str | None
    section_id: str | None  # the annual-report section whose span holds it
    text: str
    page: int
    line_start: int
    line_end: int
    pipeline_version: str


@cache
def _units() -> tuple[re.Pattern[str], dict[str, tuple[str, float]]]:
    rows = read_table("metric_units.tsv")
    units = {row["word"].lower(): (row["unit"], float(row["factor"])) for row in rows}
    words = sorted(units, key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    pattern = re.compile(
        rf"(?<![\d,.])(?P<low>{NUMBER})(?:\s*[-–]\s*(?P<high>{NUMBER}))?\s*"
        rf"(?P<unit>{alternatives})(?![\wåäöÅÄÖ])",
        re.I,
    )
    return pattern, units


@cache
def _words(kind: str) -> frozenset[str]:
    return frozenset(row["word"] for row in read_table("metric_words.tsv") if row["kind"] == kind)


INFLECTIONS = ("", "t", "n", "en", "et", "na", "ar", "arna", "er", "erna")  # målvärde-t, mål-en


@cache
def _inflected(kind: str) -> frozenset[str]:
    """The words of `kind` as listed and in their inflected forms."""
    return frozenset(word + end for word in _words(kind) for end in INFLECTIONS)


def _has_word(text: str, kind: str) -> bool:
    """Whether `text` holds a word of `kind`, as listed or in an inflected form."""
    return not _inflected(kind).isdisjoint(re.findall(r"[\wåäöÅÄÖ]+", text.lower()))


def _number(text: str) -> float:
    return float(re.sub(r"[ \u00a0]", "", text).replace(",", "."))


@dataclass(frozen=True)
class _Sentence:
    text: str
    lines: tuple[Line, ...]
    starts: tuple[int, ...]  # offset in `text` where each line begins

    def line_at(self, offset: int) -> Line:
        return self.lines[bisect_right(self.starts, offset) - 1]


def sentences(lines: Sequence[Line]) -> Iterator[_Sentence]:
    """The sentences of a text's paragraphs, each with the lines it spans."""
    for paragraph in to_blocks(tuple(lines)):
        block = paragraph.lines
        text, starts = "", []
        for line in block:
            starts.append(len(text))
            text += line.stripped + " "
        cuts = [0, *(m.end() for m in SENTENCE_END_RE.finditer(text)), len(text)]
        for begin, end in zip(cuts, cuts[1:], strict=False):
            piece = text[begin:end]
            if not piece.strip():
                continue
            first = bisect_right(starts, begin) - 1  # the line the sentence starts on
            last = bisect_left(starts, max(begin + 1, end - 1)) - 1  # and the one it ends on
            shifted = tuple(max(0, start - begin) for start in starts[first : last + 1])
            yield _Sentence(piece, tuple(block[first : last + 1]), shifted)


def _year(text: str, offset: int) -> int | None:
    years = [(m.start(), int(m.group())) for m in YEAR_RE.finditer(text)]
    before = [year for start, year in years if start < offset]
    after = [year for start, year in years if start > offset]
    return before[-1] if before else (after[0] if after else None)


WORD_RE = re.compile(r"[^\W\d_][\wåäöÅÄÖ/-]*")  # a word, not a number


def _indicator(text: str, start: int, end: int) -> str:
    """What is measured: the words before the value (without numbers, years and qualifiers);
    where they are fewer than two, the words after it too."""
    before = WORD_RE.findall(QUALIFIERS_RE.sub("", text[:start]))[-INDICATOR_WORDS:]
    if len(before) >= MIN_INDICATOR_WORDS:
        return " ".join(before)
    after = WORD_RE.findall(text[end:])[: INDICATOR_WORDS - len(before)]
    return " ".join(before + after)


def _says_what(stretch: str) -> bool:
    """Whether the words between two values of a sentence say what the second measures, not
    only whom it is about ("…, i Region Kalmar län 82 procent och i riket 80 procent")."""
    for entry in region_table():
        stretch = entry.pattern.sub(" ", stretch)
    about = _words("national") | _words("group") | _words("continues")
    return any(
        len(word) > MAX_FUNCTION_WORD and word.lower() not in about
        for word in WORD_RE.findall(stretch)
    )


def _named_region(text: str) -> str | None:
    """The region `text` names last (by the region vocabulary), or None."""
    named = [
        (match.start(), entry.region)
        for entry in region_table()
        for match in entry.pattern.finditer(text)
    ]
    return max(named)[1] if named else None


def _subject(text: str, start: int, since: int, region: str | None) -> str | None:
    """Whom a value is about: the group right before it; else the region (or the country) the
    words since the sentence's previous value name; else a region named earlier in the
    sentence; else the country when the sentence speaks of it; else the document's region."""
    words = re.findall(r"[\wåäöÅÄÖ]+", text[:start].lower())
    if words and words[-1] in _words("group"):
        return words[-1]
    stretch = text[since:start]
    if (named := _named_region(stretch)) is not None:
        return named
    if _has_word(stretch, "national"):
        return "riket"
    if (named := _named_region(text[:since])) is not None:
        return named
    if _has_word(text, "national"):
        return "riket"
    return region


def record_lines(records: Sequence[ActivityRecord]) -> tuple[Line, ...]:
    """The cells of records read from a PDF's tables as lines (one paragraph each, numbered by
    the row's first line): a PDF's table text is not among its document lines."""
    lines: list[Line] = []
    seen: set[tuple[int, str]] = set()
    for record in records:
        for text in (record.goal_raw, record.activity_raw, record.notes):
            if text and (record.line_start, text) not in seen:
                seen.add((record.line_start, text))
                lines += [Line(record.line_start, record.page_start, text), BLANK]
    return tuple(lines)


def _section_at(
    sections: Sequence[SectionRecord], starts: Sequence[int], number: int
) -> SectionRecord | None:
    """The section whose span holds line `number` (sections in document order; `starts`:
    their first lines)."""
    index = bisect_right(starts, number) - 1
    if index >= 0 and number <= sections[index].line_end:
        return sections[index]
    return None


def _headings_apart(lines: Sequence[Line], starts: Sequence[int]) -> list[Line]:
    """The lines with a paragraph break after each section heading (at `starts`): a heading
    does not run into the sentence below it, even where the text has no blank line between."""
    heading_lines = set(starts)
    apart: list[Line] = []
    for line in lines:
        apart.append(line)
        if line.number in heading_lines and not line.is_blank:
            apart.append(BLANK)
    return apart


def metric_records(
    lines: Sequence[Line],
    records: Sequence[ActivityRecord],
    source: Provenance,
    sections: Sequence[SectionRecord] = (),
) -> list[MetricRecord]:
    """Every reported value in `lines`, with the area and row of the record whose lines hold
    it, and the section (of an annual report) that holds it; a value outside any row takes its
    section's area."""
    pattern, units = _units()
    found: list[MetricRecord] = []
    holders = _holders(records)
    section_starts = [section.line_start for section in sections]
    previous: tuple[int | None, str] = (None, "")  # the year and indicator of the last sentence
    for sentence in sentences(_headings_apart(lines, section_starts)):
        text = sentence.text
        target = _has_word(text, "target")
        opening = re.match(r"\W*([\wåäöÅÄÖ]+)", text)
        continues = bool(opening and opening.group(1).lower() in _words("continues"))
        sentence_year = _year(text, len(text))
        indicator, since = "", 0
        for match in pattern.finditer(text):
            unit, factor = units[match.group("unit").lower()]
            year = _year(text, match.start())
            subject = _subject(text, match.start(), since, source.region)
            if not since or _says_what(text[since : match.start()]):
                indicator = _indicator(text, match.start(), match.end())
            since = match.end()  # a later value that names only whom it is about keeps this
            if continues or subject in _words("group"):  # "Och 21 % …", "Män 58 % …"
                year = year if year is not None else previous[0]
                indicator = previous[1] or indicator
            line = sentence.line_at(match.start())
            holder = holders.get(line.number)
            section = _section_at(sections, section_starts, line.number)
            area = holder.area_id if holder else section.area_id if section else None
            for part in ("low", "high"):
                if match.group(part) is None:
                    continue
                value = _number(match.group(part)) * factor
                found.append(
                    MetricRecord(
                        stable_id(source.doc_id, line.number, match.start(), part, value),
                        source.doc_id,
                        source.source_file,
                        source.region,
                        indicator,
                        value,
                        unit,
                        subject,
                        year,
                        target,
                        area,
                        holder.row_id if holder else None,
                        section.section_id if section else None,
                        text.strip(),
                        line.page,
                        sentence.lines[0].number,
                        sentence.lines[-1].number,
                        PIPELINE_VERSION,
                    )
                )
        if found and found[-1].line_start == sentence.lines[0].number:
            previous = (sentence_year if sentence_year is not None else previous[0], indicator)
        else:
            previous = (sentence_year, "")
    return found


def _holders(records: Sequence[ActivityRecord]) -> dict[int, ActivityRecord]:
    """For each line a record's source row spans, the record of the narrowest such row."""
    holders: dict[int, ActivityRecord] = {}
    for record in sorted(records, key=lambda r: r.line_end - r.line_start, reverse=True):
        for number in range(record.line_start, record.line_end + 1):
            holders[number] = record  # narrower rows come later and win
    return holders
