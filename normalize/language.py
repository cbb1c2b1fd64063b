"""Swedish word forms and lemmas from `spacy-lookups-data`, installed as a package (no model
download): a plain word set for "is this a Swedish word", and `spacy.blank("sv")` with the lookup
lemmatizer for lemmas. Each is loaded once, on first use."""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources
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


@cache
def _swedish_words() -> frozenset[str]:
    """Every word form and lemma of the lookup table, read as a plain word set (a fraction of
    the time and memory of building spaCy's lookup table)."""
    path = resources.files("spacy_lookups_data") / "data" / LEMMA_LOOKUP
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    return frozenset(table) | frozenset(lemma.lower() for lemma in table.values())


def is_swedish_word(word: str) -> bool:
    """Whether the lookups know `word` (lower case) as a word form or as a lemma."""
    return word in _swedish_words()


def lemmas(text: str) -> list[str]:
    """The lemmas of the words (alphabetic tokens) of `text`, read in lower case (the lookup
    tables are keyed by lower-case forms: "Rehabiliteringen" -> "rehabilitering")."""
    return [token.lemma_ for token in swedish()(text.lower()) if token.is_alpha]
