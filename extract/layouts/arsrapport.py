"""RCC annual report (årsrapport): prose sections by area, with "•" bullet lists of work done.

Each bullet list becomes one row: its items are the activities, the sentence introducing it
("Pågående projekt och aktiviteter:") is kept as the goal, the heading above it as the section
and the heading before that as the chapter. Prose without bullets is description, not rows.
"""

from __future__ import annotations

import re

from extract.cells import is_bullet
from extract.document import Document, Line
from extract.layouts.base import Layout, ParsedRow, Signature, cell_text, item_text, make_row
from extract.layouts.headings import looks_like_title

MAX_HEADING_CHARS = 70  # report headings are short; body lines run to about 100 characters
SENTENCE_END = (".", ":", "!", "?", ";")
REPORT_RE = re.compile(r"\bårsrapport\b", re.I)


def _non_blank(lines: tuple[Line, ...]) -> list[Line]:
    return [line for line in lines if not line.is_blank]


def _is_heading(previous: Line | None, line: Line) -> bool:
    text = line.stripped
    return (
        len(text) <= MAX_HEADING_CHARS
        and looks_like_title(text)
        and (
            previous is None
            or previous.stripped.endswith(SENTENCE_END)
            or is_bullet(previous.text) is False
            and looks_like_title(previous.stripped)
        )
    )


def _continues(previous: Line, line: Line) -> bool:
    """Whether `line` goes on with the bullet item whose last line is `previous`."""
    if is_bullet(line.text):
        return False
    return line.stripped[:1].islower() or not previous.stripped.endswith(SENTENCE_END)


def parse(document: Document) -> list[ParsedRow]:
    """One report_item row per bullet list, under the headings above it."""
    lines = _non_blank(document.lines)
    rows: list[ParsedRow] = []
    section: str | None = None
    chapter: str | None = None
    lead: Line | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        previous = lines[index - 1] if index else None
        if is_bullet(line.text):
            items: list[list[Line]] = []
            while index < len(lines) and (
                is_bullet(lines[index].text) or (items and _continues(items[-1][-1], lines[index]))
            ):
                if is_bullet(lines[index].text):
                    items.append([lines[index]])
                else:
                    items[-1].append(lines[index])
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
            continue
        if _is_heading(previous, line):
            chapter, section = section, line.stripped
        lead = line
        index += 1
    return rows


LAYOUT = Layout(
    name="rcc_arsrapport",
    description="RCC annual report: prose sections by area with '•' bullet lists",
    region="Sydöstra sjukvårdsregionen",
    document_type="årsrapport",
    signatures=(
        Signature("the word 'årsrapport'", REPORT_RE, 2.0),
        Signature(
            "'Genomfört arbete under 20xx' or work-done lead-ins",
            re.compile(r"(Genomfört arbete|har arbetats med|Pågående projekt)", re.I),
            1.0,
        ),
        Signature("'•' bullet lists", re.compile(r"^\s*•"), 0.5),
    ),
    parse=parse,
)
