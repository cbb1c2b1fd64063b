"""Read a plain-text plan (text extracted from a PDF) into numbered lines with page numbers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from extract.errors import BinaryDocument, EmptyDocument, UndecodableDocument

TEXT_SUFFIXES = frozenset({".txt", ".text"})
FORM_FEED = "\f"  # pdftotext and pypdf mark page breaks with a form feed
CONTROL_SHARE_LIMIT = 0.05  # more control characters than this share of the text means binary
NUL_SHARE_LIMIT = 0.01  # a tool prints NUL for a glyph it cannot map; more NULs than this: binary


@dataclass(frozen=True)
class Line:
    """One line of the source text: 1-based line number, 1-based page number and its text;
    `heading` tells whether it is set as a heading where the source shows type (a PDF's larger
    or capital text), and is None where it does not (plain text)."""

    number: int
    page: int
    text: str
    heading: bool | None = None

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @property
    def ends_open(self) -> bool:
        """Ends with white space: where a tool marks paragraph ends (pypdf), a wrapped line."""
        return self.text != self.text.rstrip()


@dataclass(frozen=True)
class Document:
    """A decoded document: where it came from, its content hash, its lines and decoding notes."""

    path: Path
    sha256: str
    format: str
    encoding: str
    lines: tuple[Line, ...]
    warnings: tuple[str, ...] = ()
    n_pages: int | None = None  # when known from the file (PDF); else counted from the lines

    @property
    def pages(self) -> int:
        return self.n_pages or max((line.page for line in self.lines), default=1)

    @property
    def doc_id(self) -> str:
        """Deterministic id: the first 16 hex digits of the content hash."""
        return self.sha256[:16]


LIGATURES_RE = re.compile("[\ufb00-\ufb06]")  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ: one glyph for two or three letters


def unligature(text: str) -> str:
    """Letters printed as one ligature glyph ("Kvaliﬁkation") written out as letters."""
    return LIGATURES_RE.sub(lambda match: unicodedata.normalize("NFKC", match.group(0)), text)


UTF16_ZERO_SHARE = 0.4  # in UTF-16 text of Latin letters, about every other byte is zero


def _utf16_without_mark(data: bytes) -> str | None:
    """The UTF-16 codec of text written without a byte-order mark, judged by where its zero
    bytes fall (the high byte of each Latin letter); None for anything else."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8:
        return None
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd > UTF16_ZERO_SHARE and even == 0:
        return "utf-16-le"
    if even > UTF16_ZERO_SHARE and odd == 0:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when its
    zero bytes say so) or, failing that, cp1252. NUL bytes in valid UTF-8, no more than
    `NUL_SHARE_LIMIT` of it, are glyphs the extraction tool could not map (pypdf prints them): read
    as spaces, with a warning; any other NUL means binary.

    Returns the text, the encoding used and any warnings. Raises when the bytes are not text.
    """
    if not data.strip():
        raise EmptyDocument("the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ()
        except UnicodeDecodeError as err:
            raise UndecodableDocument(
                f"the file has a UTF-16 mark but is not UTF-16: {err}"
            ) from err
    if (unmarked := _utf16_without_mark(data)) is not None:
        try:
            return unligature(data.decode(unmarked)), "utf-16", ()
        except UnicodeDecodeError:
            pass  # NUL bytes in the pattern of UTF-16, but not UTF-16: binary
    if b"\x00" in data:
        return _text_with_nuls(data)
    try:
        text, encoding, warnings = data.decode("utf-8-sig"), "utf-8", ()
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        encoding, warnings = "cp1252", ("not UTF-8: decoded as Windows-1252/Latin-1",)
    return _checked(text), encoding, warnings


def _text_with_nuls(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Valid UTF-8 with a few NUL bytes, each read as a space; raises for anything else."""
    nuls = data.count(0)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BinaryDocument(
            "the file is binary (NUL bytes, not UTF-8), not extracted text"
        ) from err
    if nuls > NUL_SHARE_LIMIT * len(text):
        raise BinaryDocument("the file is binary (too many NUL bytes), not extracted text")
    warning = f"{nuls} NUL character(s), glyphs the text tool could not map, read as spaces"
    return _checked(text.replace("\x00", " ")), "utf-8", (warning,)


def _checked(text: str) -> str:
    """The decoded text with ligatures written out; raises when it holds too many control
    characters to be text, or nothing but white space."""
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > CONTROL_SHARE_LIMIT * len(text):
        raise BinaryDocument("the file is binary (too many control characters), not extracted text")
    if not text.strip():
        raise EmptyDocument("the file holds only white space")
    return unligature(text)


def split_lines(text: str) -> tuple[Line, ...]:
    """Number the lines of a text and count pages at form feeds."""
    lines: list[Line] = []
    page = 1
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        page += raw.count(FORM_FEED)
        lines.append(Line(number, page, raw.replace(FORM_FEED, "")))
    return tuple(lines)
