"""RCC annual report (årsrapport): prose sections by area, with "•" bullet lists of work done.

Each bullet list becomes one row: its items are the activities, the sentence introducing it
("Pågående projekt och aktiviteter:") is kept as the goal, the heading above it as the section
and the heading before that as the chapter. Prose a work-done lead-in introduces ("Genomfört
arbete under 2024:" followed by sentences, not bullets) is one row too, each sentence an item;
other prose is description, not rows.
"""

from __future__ import annotations

import re

from extract.cells import is_bullet, is_sub_bullet
from extract.document import Document, Line
from extract.headings import URL_RE, looks_like_title
from extract.layout import Layout, ParsedRow, Signature, cell_text, item_text, make_row

MAX_HEADING_CHARS = 70  # report headings are short; body lines run to about 100 characters
SENTENCE_END = (".", ":", "!", "?", ";")
REPORT_RE = re.compile(r"\bårsrapport\b", re.I)
WORK_DONE_RE = re.compile(r"(Genomfört arbete|har arbetats med|Pågående projekt)", re.I)
SENTENCE_CUT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\d])")  # where one sentence ends


def is_heading(previous: Line | None, line: Line) -> bool:
    """A short title line set as a heading where the source shows type (a PDF); in plain text,
    one after a blank line, a finished sentence, or a link (a footnote's address ends the text
    above it)."""
    return (
        len(line.stripped) <= MAX_HEADING_CHARS
        and looks_like_title(line.stripped)
        and line.heading is not False
        and (
            line.heading
            or previous is None
            or previous.is_blank
            or previous.stripped.endswith(SENTENCE_END)
            or bool(URL_RE.match(previous.stripped))
        )
    )


def _item_end(lines: tuple[Line, ...], start: int) -> int:
    """Index after the bullet item at `start`: it runs over adjacent lines up to a heading, and
    over a blank line only into a line that goes on (see `_goes_on`)."""
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if is_bullet(line.text) or is_heading(lines[index - 1], line):
            break  # the next item, or a heading: the list ended
        if line.is_blank:
            following = index + 1
            while following < len(lines) and lines[following].is_blank:
                following += 1
            if following < len(lines) and _goes_on(lines[index - 1], lines[following]):
                index = following + 1
                continue
            break
        index += 1
    return index


def _goes_on(last: Line, line: Line) -> bool:
    """A line after a gap that still belongs to the item whose `last` line is above the gap:
    lower case, a sub-item, a link, or the rest of a sentence a page break cut."""
    text = line.stripped
    return (
        text[:1].islower()
        or is_sub_bullet(text)
        or bool(URL_RE.match(text))
        or (line.page != last.page and not last.stripped.endswith(SENTENCE_END))
    )


def _prose_end(lines: tuple[Line, ...], start: int) -> int:
    """Index after the paragraph at `start`: it runs to a heading, a bullet, a lead-in of its
    own (a line ending with ":"), or a blank line after a finished sentence (text that puts a
    blank line after every line goes on over those that end mid-sentence)."""
    index = start
    while index < len(lines):
        line = lines[index]
        if is_bullet(line.text) or (index > start and is_heading(lines[index - 1], line)):
            break
        if line.is_blank and index > start and lines[index - 1].stripped.endswith(SENTENCE_END):
            break
        index += 1
        if line.stripped.endswith(":"):
            break
    return index


def _sentences(lines: list[Line]) -> list[str]:
    return [part for part in SENTENCE_CUT_RE.split(cell_text(lines) or "") if part.strip()]


def _work_done_prose(lines: tuple[Line, ...], index: int) -> int | None:
    """Where the prose a work-done lead-in at `index` introduces starts ("Genomfört arbete
    under 2024:" and sentences, not bullets), or None."""
    lead = lines[index]
    if not (lead.stripped.endswith(":") and WORK_DONE_RE.search(lead.text)):
        return None
    following = index + 1
    while following < len(lines) and lines[following].is_blank:
        following += 1
    if following == len(lines) or is_bullet(lines[following].text):
        return None
    if is_heading(lines[following - 1], lines[following]):
        return None
    return following


def parse(document: Document) -> list[ParsedRow]:
    """One report_item row per bullet list, and per paragraph of sentences a work-done lead-in
    introduces (each sentence an item), under the headings above it."""
    lines = document.lines
    rows: list[ParsedRow] = []
    section: str | None = None
    chapter: str | None = None
    lead: Line | None = None
    previous: Line | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if is_bullet(line.text):
            items: list[list[Line]] = []
            while index < len(lines) and is_bullet(lines[index].text):
                end = _item_end(lines, index)
                items.append(
                    [ln for ln in lines[index:end] if ln.stripped and not URL_RE.match(ln.text)]
                )
                index = end
                while index < len(lines) and lines[index].is_blank:
                    index += 1
            goal = [lead] if lead and lead.stripped.endswith(":") else []
            rows.append(
                make_row(
                    "report_item",
                    [*goal, *(ln for item in items for ln in item)],
                    goal=cell_text(goal) or None,
                    activities=[item_text(item) for item in items],
                    section=section,
                    chapter=chapter,
                )
            )
            lead, previous = None, None
            continue
        if not line.is_blank:
            if is_heading(previous, line):
                chapter, section = section, line.stripped
            elif (start := _work_done_prose(lines, index)) is not None:
                end = _prose_end(lines, start)
                prose = [ln for ln in lines[start:end] if ln.stripped]
                rows.append(
                    make_row(
                        "report_item",
                        [line, *prose],
                        goal=line.stripped,
                        activities=_sentences(prose),
                        section=section,
                        chapter=chapter,
                    )
                )
                lead, previous, index = None, None, end
                continue
            lead = line
        previous = line
        index += 1
    return rows


LAYOUT = Layout(
    name="rcc_arsrapport",
    description="RCC annual report: prose sections by area with '•' bullet lists",
    document_type="årsrapport",
    signatures=(
        Signature("the word 'årsrapport'", REPORT_RE, 2.0),
        Signature("'Genomfört arbete under 20xx' or work-done lead-ins", WORK_DONE_RE, 1.0),
        Signature("'•' bullet lists", re.compile(r"^\s*•"), 0.5),
    ),
    parse=parse,
)
