"""The column vocabulary (`data/columns.tsv`): which row cell a table column fills, from its label.

Labels are compared folded (lower case, punctuation dropped, split at spaces, "/" and "-"), so
"VAD?", "Uppdrag/Mål" and "Ansvarig-Tidsram" are read like any other label. A header is a run of
columns, each opened by a label word; the words after a label that are not labels themselves
("enligt RCC …", "i RV") belong to it. Text and PDF headers are parsed by the same functions: a
PDF header brings the words' x positions and the lines a wrapped header goes on with.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType

from extract.cells import is_bullet, is_status_cell, runs_on, starts_with_actor, time_prefix
from extract.data_tables import read_tsv
from extract.document import Line

CELLS = (
    "goal",
    "activities",
    "responsible",
    "timeframe",
    "status",
    "notes",
    "area",
    "rcc_activity",
    "number",
)
LEADING_CELLS = frozenset({"goal", "activities", "rcc_activity"})  # a table must have one
# cells that hold a list (several paragraphs, a row's items); the others hold one text a row
LIST_CELLS = frozenset({"activities", "responsible", "notes", "timeframe", "status"})
MIN_HEADER_CELLS = 2  # distinct cells a header names at least
MAX_HEADER_WORDS = 24  # a header is short; a line with more words is text
MAX_HEADER_LINES = 12  # lines a text tool may spread one header over (blank lines included)
UNKNOWN_WORDS_PER_LABEL_WORD = 2  # a header's words are mostly labels
MAX_WRAP_WORDS = 4  # a line a header wraps onto holds a label or a label's part
MIN_COMPOUND_HEAD = 5  # a label this long may head a compound label ("mål" may not: "målgrupp")
MIN_COMPOUND_TAIL = 4  # a label this long may end a compound label ("Förbättringsområde")
LABEL_JOINERS = frozenset({"och", "samt", "&"})  # "Status och ansvar": one combined column
FOLD_SPLIT_RE = re.compile(r"[\s/\-–]+")
FOLD_DROP_RE = re.compile(r"[^\w\s/\-–]")
LABELLED_LINE_RE = re.compile(r"^\w+:\s")  # "Mål: …", "Ansvar: …"


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    cell: str
    kind: str  # "label" or "modifier"


@dataclass(frozen=True)
class HeaderColumn:
    """One column of a table header: its label as printed and the cells it fills (the first is
    its main cell; a combined label such as "Ansvarig-Tidsram" fills more than one)."""

    label: str
    cells: tuple[str, ...]

    @property
    def cell(self) -> str:
        """The column's main cell ("notes" for a column whose label the vocabulary lacks)."""
        return self.cells[0] if self.cells else "notes"

    @property
    def key(self) -> str:
        """What identifies the label when headers are compared: its first folded word."""
        words = fold(self.label)
        return words[0] if words else ""


def fold(text: str) -> list[str]:
    """A label's words, folded: lower case, punctuation dropped, split at spaces, / and -."""
    return [word for word in FOLD_SPLIT_RE.split(FOLD_DROP_RE.sub("", text.lower())) if word]


@cache
def vocabulary() -> tuple[Term, ...]:
    """The terms of `data/columns.tsv`, longest first (so the longest label wins)."""
    terms = [
        Term(tuple(fold(row["text"])), row["cell"], row["kind"]) for row in read_tsv("columns.tsv")
    ]
    unknown = {term.cell for term in terms} - set(CELLS)
    if unknown:
        raise ValueError(f"columns.tsv names unknown cells: {sorted(unknown)}")
    return tuple(sorted(terms, key=lambda term: -len(term.words)))


def cell_labels(cell: str) -> tuple[str, ...]:
    """The one-word labels of a cell ("område", "målområde", "fokusområde" for areas)."""
    return tuple(
        term.words[0]
        for term in vocabulary()
        if term.cell == cell and term.kind == "label" and len(term.words) == 1
    )


@cache
def vocabulary_words() -> frozenset[str]:
    """Every folded word of every label and modifier."""
    return frozenset(word for term in vocabulary() for word in term.words)


@cache
def _terms_by_first_word() -> dict[str, tuple[Term, ...]]:
    """The vocabulary's terms by their first word, longest first."""
    index: dict[str, list[Term]] = {}
    for term in vocabulary():
        index.setdefault(term.words[0], []).append(term)
    return {word: tuple(terms) for word, terms in index.items()}


def _one_word_labels(min_letters: int) -> tuple[Term, ...]:
    return tuple(
        term
        for term in vocabulary()
        if term.kind == "label" and len(term.words) == 1 and len(term.words[0]) >= min_letters
    )


@cache
def _compound_heads() -> tuple[Term, ...]:
    """One-word labels of MIN_COMPOUND_HEAD letters or more, which may head a compound."""
    return _one_word_labels(MIN_COMPOUND_HEAD)


@cache
def _compound_tails() -> tuple[Term, ...]:
    """One-word labels of MIN_COMPOUND_TAIL letters or more, which may end a compound."""
    return _one_word_labels(MIN_COMPOUND_TAIL)


def _term_at(words: Sequence[str], index: int) -> Term | None:
    """The longest term that starts at `words[index]`; else a one-word label the word is a
    compound of (Swedish writes compounds as one word): one it starts with, for labels of
    MIN_COMPOUND_HEAD letters or more ("Aktivitetsbeskrivning", "Tidsplanering"), else one it
    ends with, for labels of MIN_COMPOUND_TAIL letters or more ("Huvudaktivitet",
    "Förbättringsområde", "Verksamhetsansvarig")."""
    if index >= len(words):
        return None
    return _leading_term(words, index) or _compound_tail(words[index])


def _leading_term(words: Sequence[str], index: int) -> Term | None:
    """The longest term that starts at `words[index]`, else a label the word starts with."""
    word = words[index]
    for term in _terms_by_first_word().get(word, ()):
        if tuple(words[index : index + len(term.words)]) == term.words:
            return term
    return next((term for term in _compound_heads() if word.startswith(term.words[0])), None)


def _compound_tail(word: str) -> Term | None:
    """The one-word label of MIN_COMPOUND_TAIL letters or more that a folded word ends with."""
    return next(
        (
            term
            for term in _compound_tails()
            if word.endswith(term.words[0]) and len(word) > len(term.words[0])
        ),
        None,
    )


def label_cells(label: str) -> tuple[str, ...]:
    """The cells a column label names, in order; a label of modifiers only ("Planerade", the rest
    wrapped away) names its modifiers' cell; its qualifiers in brackets name none."""
    words = fold(drop_qualifiers(label))
    cells: list[str] = []
    modifier_cells: list[str] = []
    index = 0
    while index < len(words):
        term = _term_at(words, index)
        if term is None:
            index += 1
            continue
        target = cells if term.kind == "label" else modifier_cells
        if term.cell not in target:
            target.append(term.cell)
        index += len(term.words)
    return tuple(cells or modifier_cells)


def opens_column(word: str) -> bool:
    """True when a printed word starts a label or a modifier; a compound that only ends with a
    label does when it is not set in capitals (a heading: "INFORMATIONSINSATSER")."""
    words = fold(word)
    if not words:
        return False
    return _leading_term(words, 0) is not None or (
        not word.isupper() and _compound_tail(words[0]) is not None
    )


def _modifier_cell(words: list[str]) -> str | None:
    """The cell of a column so far made of modifiers only ("Planerade"), else None."""
    folded = fold(" ".join(words))
    cells: set[str] = set()
    index = 0
    while index < len(folded):
        term = _term_at(folded, index)
        if term is None or term.kind != "modifier":
            return None
        cells.add(term.cell)
        index += len(term.words)
    return cells.pop() if len(cells) == 1 else None


def qualifies_label(word: str, following: str | None) -> bool:
    """A capitalised word the vocabulary lacks, set before a label's word in lower case, opens
    that label's column ("Regionalt mål", "Planerad aktivitet"): a header capitalises each
    column's first word; a qualifier after a label is a lower-case word or a name ("i RV",
    "RCC Mellansverige"), which a capitalised label follows."""
    return (
        following is not None
        and word[:1].isupper()
        and not word.isupper()
        and not opens_column(word)
        and following[:1].islower()
        and has_label(following)
    )


def group_words(words: Sequence[str]) -> list[list[int]]:
    """The indexes of a header line's words, grouped into columns: a word that opens a label
    opens a column, unless the column so far holds only modifiers of that label's cell
    ("Planerade aktiviteter"), a qualifier of that label ("Regionalt mål"), a label of its
    cell ("Strategiskt mål": a header capitalises a column's first word only) or a label joined
    to it by "och" ("Status och ansvar": one combined column); a qualifier opens
    the column of the label after it; other words go on with the column before them. Words
    before the first label form a group of their own."""
    groups: list[list[int]] = []
    qualified = False  # the last group opened with a qualifier of its label
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        previous = [words[i] for i in groups[-1]] if groups else []
        lower = word[:1].islower()
        modifies = previous and (
            qualified
            or _modifier_cell(previous) in label_cells(word)
            or (lower and label_cells(word)[:1] == label_cells(" ".join(previous))[:1])
            or (lower and previous[-1].lower() in LABEL_JOINERS)  # "Status och ansvar"
        )
        qualifier = qualifies_label(word, following)
        if not groups or qualifier or (opens_column(word) and not modifies):
            groups.append([index])
        else:
            groups[-1].append(index)
        qualified = qualifier
    return groups


def is_header(columns: Sequence[HeaderColumn]) -> bool:
    """A table header: two or more different cells, one of them goal- or activity-like, two or
    more columns named by a label (not by a modifier alone), and every column but one named."""
    cells = {column.cell for column in columns if column.cells}
    labelled = sum(1 for column in columns if has_label(column.label))
    unnamed = sum(1 for column in columns if not column.cells)
    return (
        len(cells) >= MIN_HEADER_CELLS
        and bool(cells & LEADING_CELLS)
        and labelled >= MIN_HEADER_CELLS
        and unnamed <= 1
    )


def has_label(label: str) -> bool:
    """True when a text holds a column label (not only modifiers or qualifiers)."""
    words = fold(label)
    return any(
        (term := _term_at(words, index)) is not None and term.kind == "label"
        for index in range(len(words))
    )


def _opens_header(words: Sequence[str]) -> bool:
    """A header's first word: a label or modifier, capitalised as a header prints it, or a
    qualifier of the label after it ("Regionalt mål"). A compound that only ends with a label
    ("Förbättringsområde") opens a header when a label follows it on its line: alone on a line
    it is as likely a cell's word ("Produktägare")."""
    first, following = words[0], words[1] if len(words) > 1 else None
    folded = fold(first)
    if not first[:1].isupper() or not folded:
        return False
    if _leading_term(folded, 0) is not None:
        return True
    if not first.isupper() and _compound_tail(folded[0]) is not None:
        return following is not None and opens_column(following)
    return qualifies_label(first, following)


def drop_qualifiers(text: str) -> str:
    """A header text without what it qualifies its labels with in brackets ("Klart (år)",
    "Delmål (vad vill vi uppnå)"): a bracket runs to its close or, left open where a label
    wraps, to the next capitalised word (the next label)."""
    words = text.split()
    return " ".join(
        word for word, qualifier in zip(words, qualifiers(words), strict=True) if not qualifier
    )


def qualifiers(words: Sequence[str]) -> list[bool]:
    """Which of a header's words qualify a label in brackets (see `drop_qualifiers`)."""
    marks: list[bool] = []
    inside = False
    for word in words:
        if inside and word[:1].isupper():
            inside = False
        if not inside and word.startswith("("):
            inside = True
        marks.append(inside)
        if inside and word.endswith(")"):
            inside = False
    return marks


def parse_header_text(text: str) -> tuple[HeaderColumn, ...] | None:
    """The columns of a header printed on one text line, or None when the line is no header (a
    labelled field's line is none).

    Columns are cut at runs of two or more spaces when the text keeps them, else at label words;
    qualifiers in brackets are dropped.
    """
    text = text.strip()
    if not text or not _opens_header(text.split()) or LABELLED_LINE_RE.match(text):
        return None  # a labelled field ("Mål: Startsida 2.0") is none, though its words are labels
    parts = [drop_qualifiers(part) for part in re.split(r"\s{2,}|\t", text)]
    parts = [part for part in parts if part]
    text = "  ".join(parts)
    if len(text.split()) > MAX_HEADER_WORDS:
        return None
    labels: list[str] = []
    for part in parts:
        words = part.split()
        groups = [" ".join(words[i] for i in group) for group in group_words(words)]
        if labels and groups and _modifier_cell(labels[-1].split()) in label_cells(groups[0]):
            labels[-1] = f"{labels[-1]} {groups.pop(0)}"  # "Planerade" / "aktiviteter" wrapped
        labels.extend(groups)
    columns = tuple(HeaderColumn(label, label_cells(label)) for label in labels)
    if not is_header(columns) or not _mostly_labels(text):
        return None
    return columns


def parse_header_lines(texts: Sequence[str]) -> tuple[tuple[HeaderColumn, ...], int] | None:
    """The header that starts at `texts[0]` when a text tool printed it over several lines (one
    label or label part a line, blank lines between), and how many lines it takes; None when the
    first line opens no header. A line of more than MAX_WRAP_WORDS words, a labelled field's, or
    a cell's or a heading's line, ends the header; a line that adds no column (a qualifier such
    as "enligt RCC") belongs to it only when a capitalised label line after it does."""
    if not texts or not texts[0].strip() or not _opens_header(texts[0].split()):
        return None
    best: tuple[tuple[HeaderColumn, ...], int] | None = None
    joined: list[str] = []
    for count, text in enumerate(texts[:MAX_HEADER_LINES], 1):
        if not text.strip():
            continue
        if LABELLED_LINE_RE.match(text.strip()):
            break  # a labelled field ("Mål: …") ends a header, as it opens none
        labels = _mostly_labels(text)
        if (
            not labels
            and _is_cell_text(text)
            and not (joined and runs_on(joined[-1]))  # "Uppdrag/Mål enligt" / "RCC Norr"
            and not _qualifies_next(text, texts[count:MAX_HEADER_LINES])  # "Planerad" / "aktivitet"
        ):
            break
        if count > 1 and len(text.split()) > MAX_WRAP_WORDS and not _adds_labels(text, best):
            break
        if joined and joined[-1].endswith("-"):
            joined[-1] += text.strip()  # "Ansvarig-" / "Tidsram": one combined label
        else:
            joined.append(text.strip())
        if not labels:
            continue  # a label's qualifier ("enligt RCC", "Mellansverige"): it cannot end a header
        columns = parse_header_text(" ".join(joined))
        if columns is None:
            continue
        if best is None or (len(columns) > len(best[0]) and text.strip()[:1].isupper()):
            best = (columns, count)  # a header grows by labels printed capitalised
    return best


def _qualifies_next(text: str, after: Sequence[str]) -> bool:
    """A line of one word that qualifies the label the next line opens with ("Planerad" /
    "aktivitet": a status word alone, but a header's line here)."""
    following = next((line.split() for line in after if line.strip()), [])
    words = text.split()
    return len(words) == 1 and bool(following) and qualifies_label(words[0], following[0])


def _adds_labels(text: str, header: tuple[tuple[HeaderColumn, ...], int] | None) -> bool:
    """A longer line that goes on a header: the labels it did not wrap (pypdf prints a header's
    wrapped labels over lines, the rest on the last), naming no cell the header names already
    (a second header is none of it)."""
    columns = parse_header_text(text) or _labels_only(text)
    if columns is None or header is None:
        return False
    named = {cell for column in header[0] for cell in column.cells}
    return not named.intersection(cell for column in columns for cell in column.cells)


def _labels_only(text: str) -> tuple[HeaderColumn, ...] | None:
    """The columns of a line of capitalised labels alone, each naming a cell (a header's last
    line may hold no goal or activity label: "Ansvarig (funktion) Klart (år) Status")."""
    words = drop_qualifiers(text).split()
    labels = [" ".join(words[i] for i in group) for group in group_words(words)]
    columns = tuple(HeaderColumn(label, label_cells(label)) for label in labels)
    named = columns and all(column.cells and column.label[:1].isupper() for column in columns)
    return columns if named else None


def _is_cell_text(text: str) -> bool:
    """A line a table's cell or a heading prints, never a header's: it ends a sentence, is a
    bullet, a labelled line ("Ansvar: …") or an upper-case heading, or reads as an actor, a time
    entry or a status."""
    stripped = text.strip()
    return (
        stripped.endswith((".", ";"))
        or (len(stripped.split()) > 1 and stripped.isupper())
        or is_bullet(stripped)
        or LABELLED_LINE_RE.match(stripped) is not None
        or starts_with_actor(stripped)
        or time_prefix(stripped) is not None
        or is_status_cell(stripped)
    )


def _mostly_labels(text: str) -> bool:
    """At most half as many words outside the vocabulary as words in it ("Uppdrag/Mål enligt RCC
    Mellansverige" is a label; "Mål: minskad dödlighet i …" is a sentence); qualifiers in
    brackets do not count."""
    words = fold(drop_qualifiers(text))
    known = sum(
        1 for i, word in enumerate(words) if word in vocabulary_words() or _term_at(words, i)
    )
    return known >= UNKNOWN_WORDS_PER_LABEL_WORD * (len(words) - known)


@dataclass(frozen=True)
class HeaderSpan:
    """A header found in a text: its columns and how many lines it takes (a text tool may print
    a header over several lines)."""

    columns: tuple[HeaderColumn, ...]
    n_lines: int


def header_spans(lines: Sequence[Line]) -> Mapping[int, HeaderSpan]:
    """The table headers of a text, found by the column vocabulary: the index of each header's
    first line -> the header. Read once per text (detection, the order and the readers ask)."""
    return _header_spans(tuple(lines))


@lru_cache(maxsize=8)
def _header_spans(lines: tuple[Line, ...]) -> Mapping[int, HeaderSpan]:
    texts = [line.text for line in lines]
    spans: dict[int, HeaderSpan] = {}
    index = 0
    while index < len(texts):
        if found := parse_header_lines(texts[index : index + MAX_HEADER_LINES]):
            spans[index] = HeaderSpan(*found)
            index += found[1]
        else:
            index += 1
    return MappingProxyType(spans)


MAX_LABEL_LINE_WORDS = 4  # header labels a text tool prints together on one line


def label_line(text: str) -> tuple[HeaderColumn, ...]:
    """The columns a line names when it is nothing but capitalised header labels, which a
    reading-order tool prints among a table's cells ("Tidsplan", "Status/förutsättningar/ansvar");
    () for any other line."""
    words = fold(text)
    if not words or len(words) > MAX_LABEL_LINE_WORDS or not text.strip()[:1].isupper():
        return ()  # a header prints its labels capitalised; "åtgärder" is a wrapped word
    if not all(word in vocabulary_words() for word in words) or not has_label(text):
        return ()
    columns = tuple(HeaderColumn(word, label_cells(word)) for word in text.split())
    return columns if all(column.cells for column in columns) else ()
