"""Swedish word forms and lemmas from `spacy-lookups-data`, installed as a package (no model
download): a plain word set for "is this a Swedish word", and `spacy.blank("sv")` with the lookup
lemmatizer for lemmas. Each is loaded once, on first use."""

from __future__ import annotations

import gzip
import json
import os
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@cache
def swedish() -> Language:
    """A blank Swedish pipeline whose only component is the lookup lemmatizer (spaCy is imported
    on first use)."""
    import spacy

    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


LEMMA_LOOKUP = "sv_lemma_lookup.json.gz"  # spacy-lookups-data's Swedish form -> lemma table


def _lookup_words() -> list[str]:
    """Every word form and lemma of spacy-lookups-data's Swedish lemma table."""
    path = resources.files("spacy_lookups_data") / "data" / LEMMA_LOOKUP
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    return sorted(set(table) | {lemma.lower() for lemma in table.values()})


def cache_dir() -> Path:
    """Where prepared data is kept between runs: $CANCERPLANS_CACHE, else ~/.cache/cancerplans."""
    return Path(os.environ.get("CANCERPLANS_CACHE") or Path.home() / ".cache" / "cancerplans")


@cache
def _swedish_words() -> frozenset[str]:
    """The lookup table's words as a plain set, prepared once per installed version of
    spacy-lookups-data into the cache folder (reading the table itself takes several times
    longer); without a writable cache folder it is read from the table every run."""
    prepared = cache_dir() / f"sv_words-{metadata.version('spacy-lookups-data')}.txt"
    if prepared.is_file():
        return frozenset(prepared.read_text(encoding="utf-8").split("\n"))
    words = _lookup_words()
    try:
        prepared.parent.mkdir(parents=True, exist_ok=True)
        partial = prepared.with_suffix(f".{os.getpid()}.part")
        partial.write_text("\n".join(words), encoding="utf-8")
        os.replace(partial, prepared)  # whole or not at all, also with two processes at once
    except OSError:
        pass  # a read-only home: read the table each run
    return frozenset(words)


def is_swedish_word(word: str) -> bool:
    """Whether the lookups know `word` (lower case) as a word form or as a lemma."""
    return word in _swedish_words()


def lemmas(text: str) -> list[str]:
    """The lemmas of the words (alphabetic tokens) of `text`, read in lower case (the lookup
    tables are keyed by lower-case forms: "Rehabiliteringen" -> "rehabilitering")."""
    return [token.lemma_ for token in swedish()(text.lower()) if token.is_alpha]
