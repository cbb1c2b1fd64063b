"""Make blank lines mean the same whichever PDF-to-text tool wrote the text.

pdftotext prints one blank line between table cells; other tools double every gap, put a blank
line after every line, or print no blank lines at all. The layout parsers read cells from the
gaps, so the reader first brings every text to the first form. Lines keep their numbers, so
provenance still points into the file as written.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import reduce
from math import gcd

from extract.cells import (
    CAPITALISED_RE,
    is_bullet,
    is_status_cell,
    runs_on,
    starts_with_actor,
    time_prefix,
)
from extract.document import Line

MIN_GAPS_TO_JUDGE = 20  # a text needs this many line pairs before its spacing is judged
# Double-spaced text (a blank line after every line) has almost no adjacent lines left.
DOUBLE_SPACED_ADJACENT = 0.15
# Text whose lines are (almost) all adjacent came from a tool that prints no blank lines.
NO_BLANK_LINES_ADJACENT = 0.97
PARAGRAPH_MARKS = 0.15  # lines ending with a space (and without) where a tool marks paragraphs
SHORT_LINE_SHARE = 0.6  # a cell's last line may be this much shorter than the lines above it
CELL_WIDTH_LINES = 3  # how many lines above measure a cell's width
NUMBERED_RE = re.compile(r"^\s*\d{1,2}\.(?:[a-z]\.?\)|\)|\s*[A-ZÅÄÖ])")  # "3.a)", "12. Goal"
LABEL_RE = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+:\s")  # "Ansvar: …", "Mål: …"
SENTENCE_ENDS = (".", "!", "?", ":")


def _gaps(lines: tuple[Line, ...]) -> list[int]:
    """The number of blank lines between each two consecutive non-blank lines."""
    gaps: list[int] = []
    run, seen = 0, False
    for line in lines:
        if line.is_blank:
            run += 1
        else:
            if seen:
                gaps.append(run)
            seen, run = True, 0
    return gaps


def normalize_spacing(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Make blank lines mean the same whichever PDF-to-text tool wrote the text.

    Some tools put a blank line after every line (double spacing), others print two blank lines
    where most print one. Measured on the document itself: with double spacing, that one blank
    line is removed from every gap; when every gap is a multiple of one size, it is divided by it.
    Lines keep their numbers, so provenance still points into the file as written.
    """
    gaps = _gaps(lines)
    if len(gaps) < MIN_GAPS_TO_JUDGE or lacks_blank_lines(lines):
        return lines  # too short to tell, or nothing to normalise
    adjacent = sum(1 for gap in gaps if gap == 0) / len(gaps)
    spacing = Counter(gaps).most_common(1)[0][0] if adjacent < DOUBLE_SPACED_ADJACENT else 0
    unit = reduce(gcd, (gap - spacing for gap in gaps if gap > spacing), 0) or 1
    if spacing == 0 and unit == 1:
        return lines
    kept: list[Line] = []
    blanks: list[Line] = []
    for line in (*lines, Line(0, 0, "x")):
        if line.is_blank:
            blanks.append(line)
            continue
        if blanks:
            keep = round(max(0, len(blanks) - spacing) / unit) if kept else len(blanks)
            kept.extend(blanks[:keep])
            blanks = []
        kept.append(line)
    return tuple(kept[:-1])


def _starts_cell(before: str, text: str, width: int) -> bool:
    """Whether the line `text` opens a new cell after the line `before` (cell `width` wide)."""
    if is_bullet(text) or NUMBERED_RE.match(text):
        return True
    if not (text[:1].isupper() or text[:1].isdigit()) or runs_on(before):
        return False
    if LABEL_RE.match(text) or time_prefix(text) == text or starts_with_actor(text):
        return True
    return (
        bool(CAPITALISED_RE.match(text))
        or before.endswith(SENTENCE_ENDS)
        or len(before) < SHORT_LINE_SHARE * width
    )


def infer_cell_breaks(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Put back the blank lines between cells that some PDF-to-text tools leave out.

    A cell opens at a bullet or a numbered label. Otherwise a line that runs on from the one
    above ("och", ",", "-") stays in its cell, and a capitalised line opens a new cell when it
    is a label ("Ansvar:"), a time entry or an actor, starts with a common word, or follows a
    line that ends a sentence or stops well short of the cell's width.
    """
    result: list[Line] = []
    widths: list[int] = []  # lengths of the last lines of the current cell
    for line in lines:
        adjacent = result and not line.is_blank and not result[-1].is_blank
        if adjacent and _starts_cell(result[-1].stripped, line.stripped, max(widths)):
            result.append(Line(line.number, line.page, ""))
            widths = []
        result.append(line)
        widths = [*widths[-(CELL_WIDTH_LINES - 1) :], len(line.stripped)] if line.stripped else []
    return tuple(result)


def marks_paragraph_ends(lines: tuple[Line, ...]) -> bool:
    """True for a text whose tool marks where a paragraph goes on: a line that wraps inside a
    paragraph ends with a space, the paragraph's last line does not (pypdf prints a PDF so)."""
    texts = [line for line in lines if not line.is_blank]
    wrapped = sum(1 for line in texts if line.ends_open)
    share = wrapped / len(texts) if texts else 0.0
    return PARAGRAPH_MARKS <= share <= 1 - PARAGRAPH_MARKS


def paragraph_breaks(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A blank line after every line that ends a paragraph (no trailing space, and the next line
    does not go on in lower case or in brackets after an unfinished sentence: a full line may lose
    its space): a table's cells end their paragraphs, so the cell breaks come back from the text
    itself."""
    result: list[Line] = []
    for line, following in zip(lines, (*lines[1:], None), strict=True):
        result.append(line)
        ends = not line.is_blank and not line.ends_open
        sentence_end = line.text.endswith(SENTENCE_ENDS)
        goes_on = following is not None and (
            (
                (following.stripped[:1].islower() or following.stripped.startswith("("))
                and not sentence_end
                and not is_status_cell(following.stripped)  # "pågår" is a cell of its own
            )
            or (runs_on(line.text) and not following.is_blank)  # "Fortsatt utskick av"
        )
        if ends and not goes_on:
            result.append(Line(line.number, line.page, ""))
    return tuple(result)


def restore_spacing(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines with blank lines as pdftotext would print them (see the module's docstring):
    from the text's own paragraph marks where its tool left them, else guessed."""
    if not lacks_blank_lines(lines):
        return normalize_spacing(lines)
    return paragraph_breaks(lines) if marks_paragraph_ends(lines) else infer_cell_breaks(lines)


def lacks_blank_lines(lines: tuple[Line, ...]) -> bool:
    """True for a text long enough to judge whose lines are (almost) all adjacent."""
    gaps = _gaps(lines)
    adjacent = sum(1 for gap in gaps if gap == 0)
    return len(gaps) >= MIN_GAPS_TO_JUDGE and adjacent / len(gaps) > NO_BLANK_LINES_ADJACENT
