"""Actors named responsible: one canonical name each, abbreviations written out.

Abbreviations are expanded from the document's own glossary first (Kronoberg's "Förkortningar:
AC = avdelningschef, …"; Sydöst's "Förkortningsordlista", whose two columns arrive as a list of
abbreviations followed by a list of expansions), then from `data/actor_glossary.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from extract.document import Document, Line
from normalize.term_tables import read_table
from normalize.text import join_broken_words

INLINE_GLOSSARY_RE = re.compile(r"^\s*Förkortningar\s*:\s*(.*)$", re.IGNORECASE)
GLOSSARY_HEADING_RE = re.compile(r"^\s*Förkortningsordlista\s*$", re.IGNORECASE)
PAIR_RE = re.compile(
    r"([A-ZÅÄÖ][\wÅÄÖåäö-]{0,9})\s*=\s*([^,=]+?)(?=,\s*[A-ZÅÄÖ][\wÅÄÖåäö-]{0,9}\s*=|\.\s*$|$)"
)
ABBREVIATION_RE = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖa-zåäö-]{0,7}$")
MAX_GLOSSARY_LINES = 120  # a glossary table is at most this many lines long


@cache
def builtin_glossary() -> dict[str, str]:
    return {row["abbreviation"]: row["expansion"] for row in read_table("actor_glossary.tsv")}


def _inline_glossary(lines: list[Line], start: int) -> dict[str, str]:
    """'Förkortningar: AC = avdelningschef, BVC = barnavårdscentral, …' over one or more lines."""
    text = ""
    for line in lines[start:]:
        if line.is_blank and text:
            break
        text = f"{text} {line.stripped}"
    text = INLINE_GLOSSARY_RE.sub(r"\1", text.strip())
    return {match.group(1): " ".join(match.group(2).split()) for match in PAIR_RE.finditer(text)}


def _table_glossary(lines: list[Line], start: int) -> dict[str, str]:
    """A two-column glossary: pairs on one line, then abbreviations and expansions as lists."""
    entries = [
        line.stripped for line in lines[start + 1 : start + MAX_GLOSSARY_LINES] if not line.is_blank
    ]
    if entries and entries[0].lower().startswith("förkortning"):
        entries = entries[1:]
    glossary: dict[str, str] = {}
    index = 0
    while (
        index < len(entries)
        and " " in entries[index]
        and ABBREVIATION_RE.match(entries[index].split()[0])
    ):
        abbreviation, expansion = entries[index].split(" ", 1)
        glossary[abbreviation] = expansion.strip()
        index += 1
    listed: list[str] = []
    while index < len(entries) and ABBREVIATION_RE.match(entries[index]):
        listed.append(entries[index])
        index += 1
    expansions = entries[index : index + len(listed)]
    glossary.update(zip(listed, (" ".join(e.split()) for e in expansions), strict=False))
    return glossary


def document_glossary(document: Document) -> dict[str, str]:
    """The abbreviations a document explains itself."""
    lines = list(document.lines)
    glossary: dict[str, str] = {}
    for index, line in enumerate(lines):
        if INLINE_GLOSSARY_RE.match(line.text):
            glossary.update(_inline_glossary(lines, index))
        elif GLOSSARY_HEADING_RE.match(line.text):
            glossary.update(_table_glossary(lines, index))
    return glossary


def normalize_actor(
    actor: str, glossary: Mapping[str, str], known: frozenset[str] = frozenset()
) -> str:
    """An actor's canonical name: broken words joined (at a hyphen, or where only the whole word
    is `known`), abbreviations written out."""
    text = re.sub(r"(?<=[a-zåäö])- (?=[a-zåäö])", "", " ".join(actor.split())).strip(" .,;:)")
    text = join_broken_words(text, known)
    builtin = builtin_glossary()
    words = []
    for word in text.split(" "):
        bare = word.strip("(),.")
        expansion = glossary.get(bare) or builtin.get(bare) or builtin.get(bare.upper())
        words.append(word.replace(bare, expansion) if expansion and bare else word)
    name = " ".join(words)
    return name[:1].upper() + name[1:] if name else name
