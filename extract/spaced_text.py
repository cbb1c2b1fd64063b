"""Pages of a text whose columns are kept by spaces (`pdftotext -layout`), with word boxes.

Such a text keeps a table's geometry in its characters: a column starts at the same character
on every line, a blank line is vertical space. So its words get boxes (a character's place for
x, a line's for y) and the text is read by the same geometric table reader as a PDF's words
(extract/pdf/reader.py), not by the text readers, which read cells one after another.

A tool prints each baseline on a line of its own, so where two columns' lines stand at slightly
different heights a column's text goes on every other line. A piece of a line therefore reaches
down (`Word.reach`) over the line below when that line holds text on a baseline of its own
(nothing above it); a blank line, text under the piece, a line that only goes on other columns'
text, or two lines of other text set it apart from what follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby

from extract.document import Line
from extract.pdf.primitives import Page, TextLine, Word

CHAR_WIDTH = 3.0  # points a character stands for: a column's text printed one character left
# of its label still falls in the column (within the table reader's COLUMN_PAD)
LINE_PITCH = 12.0  # points from one printed line to the next
TYPE_HEIGHT = 10.0  # the height of a line's type: the rest of the pitch is its leading
SPACED_GAP_RE = re.compile(r"\S {3,}\S")  # text, three spaces or more, text: two columns
SPACED_LINE_SHARE = 0.15  # more of a text's lines than this hold two columns: laid out by spaces
PIECE_RE = re.compile(r"\S+(?: \S+)*")  # a line's pieces: words one space apart


def is_spaced(lines: Sequence[Line]) -> bool:
    """Whether a text keeps its columns by spaces: many of its lines hold text, a run of spaces
    and more text (the samples' tool, pypdf and pdftotext's reading order print none)."""
    texts = [line.stripped for line in lines if not line.is_blank]
    spaced = sum(1 for text in texts if SPACED_GAP_RE.search(text))
    return bool(texts) and spaced > SPACED_LINE_SHARE * len(texts)


def _overlaps(span: tuple[int, int], text: str) -> bool:
    """Whether `text` (a printed line) holds a character within `span`."""
    return bool(text[span[0] : span[1]].strip())


def _between(texts: Sequence[str], row: int) -> bool:
    """Whether the line below `row` holds text that nothing on line `row` stands over: a
    baseline between two of another column's lines (the tool printed them alternately)."""
    below = row + 1
    if below >= len(texts):
        return False
    return any(not _overlaps(piece.span(), texts[row]) for piece in PIECE_RE.finditer(texts[below]))


def _reach(texts: Sequence[str], row: int, span: tuple[int, int], between: bool) -> int:
    """The line a piece printed on line `row` over `span` reaches down to: over the line below
    when that holds no text under the piece and is a line `between` (see `_between`), not when
    it only goes on the text above it (a column's next line beside a gap in the piece's
    column)."""
    below = row + 1
    if not between or _overlaps(span, texts[below]):
        return row
    return below


def _page(number: int, lines: Sequence[Line], height: float) -> Page:
    texts = [line.text.expandtabs() for line in lines]
    text_lines: list[TextLine] = []
    for row, (line, text) in enumerate(zip(lines, texts, strict=True)):
        words: list[Word] = []
        top = row * LINE_PITCH
        between = _between(texts, row)
        for piece in PIECE_RE.finditer(text):
            reach = _reach(texts, row, piece.span(), between) * LINE_PITCH + TYPE_HEIGHT
            for word in re.finditer(r"\S+", piece.group(0)):
                start = piece.start() + word.start()
                words.append(
                    Word(
                        word.group(0),
                        start * CHAR_WIDTH,
                        (start + len(word.group(0))) * CHAR_WIDTH,
                        top,
                        top + TYPE_HEIGHT,
                        TYPE_HEIGHT,
                        False,
                        reach,
                    )
                )
        if words:
            text_lines.append(TextLine(number, tuple(words), line.number))
    width = max((len(text) for text in texts), default=0) * CHAR_WIDTH
    return Page(number, width, height, tuple(text_lines), ())


def spaced_pages(lines: Sequence[Line]) -> tuple[Page, ...]:
    """The text's pages (at its form feeds), each line's words boxed by their characters."""
    pages = [(number, list(group)) for number, group in groupby(lines, lambda line: line.page)]
    height = max(len(group) for _, group in pages) * LINE_PITCH  # pages share one size: a
    # page's running heads stand in its margins however little text it holds
    return tuple(_page(number, group, height) for number, group in pages)
