"""Plain typed primitives read off a PDF page: words, text lines, ruling lines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """One word with its box (PDF points, top-down) and font; `reach` is where its column's text
    goes on to without a gap below it, where that is lower than its bottom (a text laid out by
    spaces prints two columns' lines alternately: extract/spaced_text.py)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    reach: float | None = None

    @property
    def cell_bottom(self) -> float:
        """The bottom of the word's text within its cell."""
        return self.bottom if self.reach is None else self.reach


@dataclass(frozen=True)
class TextLine:
    """Words that share a baseline on one page, left to right; `number` is the line's number
    in its source where it has one (a text laid out by spaces), else None (a PDF)."""

    page: int
    words: tuple[Word, ...]
    number: int | None = None

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @property
    def size(self) -> float:
        return max(word.size for word in self.words)

    @property
    def bold(self) -> bool:
        return all(word.bold for word in self.words)


@dataclass(frozen=True)
class Rule:
    """A horizontal ruling line (or rectangle edge): its height and horizontal extent."""

    y: float
    x0: float
    x1: float


@dataclass(frozen=True)
class Page:
    """What the table logic needs of one page; the pdfplumber page itself is closed."""

    number: int
    width: float
    height: float
    lines: tuple[TextLine, ...]
    rules: tuple[Rule, ...]
