"""Swedish word forms and lemmas from `spacy-lookups-data`'s lemma table, installed as a package
(no model download), read as plain data: a sorted word list for "is this a Swedish word" and a
form -> lemma mapping over spaCy's Swedish tokenizer for lemmas (spaCy's lookup lemmatizer does
the same lookup, after building a far slower table). Each is prepared once per installed version
of spacy-lookups-data into the cache folder and loaded on first use."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

LEMMA_LOOKUP = "sv_lemma_lookup.json.gz"  # spacy-lookups-data's Swedish form -> lemma table


def cache_dir() -> Path:
    """Where prepared data is kept between runs: $CANCERPLANS_CACHE, else ~/.cache/cancerplans."""
    return Path(os.environ.get("CANCERPLANS_CACHE") or Path.home() / ".cache" / "cancerplans")


def _lookup_table() -> dict[str, str]:
    path = resources.files("spacy_lookups_data") / "data" / LEMMA_LOOKUP
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        return json.load(handle)


def _prepared(name: str, build: Callable[[], str]) -> bytes:
    """The UTF-8 bytes of a prepared file `name` (per spacy-lookups-data version) in the cache
    folder, built and written whole (or not at all) when missing; without a writable cache
    folder it is built every run."""
    prepared = cache_dir() / f"{name}-{metadata.version('spacy-lookups-data')}.txt"
    if prepared.is_file():
        return prepared.read_bytes()
    data = build().encode("utf-8")
    try:
        prepared.parent.mkdir(parents=True, exist_ok=True)
        partial = prepared.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, prepared)  # whole or not at all, also with two processes at once
    except OSError:
        pass  # a read-only home: build it each run
    return data


def _word_list() -> str:
    table = _lookup_table()
    return "\n".join(sorted(set(table) | {lemma.lower() for lemma in table.values()}))


def _lemma_list() -> str:
    return "\n".join(f"{form}\t{lemma}" for form, lemma in sorted(_lookup_table().items()))


@dataclass(frozen=True)
class SortedWords:
    """A sorted list of words, one a line, searched in place by bisection: nothing is built on
    loading (a set of its million words takes a fifth of a second to build, per process)."""

    data: bytes  # UTF-8, sorted: byte order is code point order, the order `sorted` gives

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        key, data = word.encode("utf-8"), self.data
        low, high = 0, len(data)  # `low` is always the start of a line
        while low < high:
            start = data.rfind(b"\n", low, (low + high) // 2) + 1 or low
            end = data.find(b"\n", start, high)
            end = high if end < 0 else end
            line = data[start:end]
            if line == key:
                return True
            if line < key:
                low = end + 1
            else:
                high = start
        return False


@cache
def _swedish_words() -> SortedWords:
    """Every word form and lemma of the lookup table."""
    return SortedWords(_prepared("sv_words", _word_list))


@cache
def _lemma_table() -> dict[str, str]:
    """The lookup table: word form -> lemma."""
    pairs = _prepared("sv_lemmas", _lemma_list).decode("utf-8").split("\n")
    return dict(pair.split("\t", 1) for pair in pairs if pair)


@cache
def _tokenizer() -> Tokenizer:
    """spaCy's Swedish tokenizer (spaCy is imported on first use)."""
    import spacy

    return spacy.blank("sv").tokenizer


def is_swedish_word(word: str) -> bool:
    """Whether the lookups know `word` (lower case) as a word form or as a lemma."""
    return word in _swedish_words()


def lemmas(text: str) -> list[str]:
    """The lemmas of the words (alphabetic tokens) of `text`, read in lower case (the lookup
    table is keyed by lower-case forms: "Rehabiliteringen" -> "rehabilitering")."""
    table = _lemma_table()
    tokens = _tokenizer()(text.lower())
    return [table.get(token.text, token.text) for token in tokens if token.is_alpha]
