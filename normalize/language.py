"""Swedish word forms and lemmas from spaCy: `spacy.blank("sv")` with the lookup lemmatizer of
`spacy-lookups-data`, installed as a package (no model download). Loaded once, on first use."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.lookups import Table


@cache
def swedish() -> Language:
    """A blank Swedish pipeline whose only component is the lookup lemmatizer."""
    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@cache
def _lemma_table() -> tuple[Table, frozenset[str]]:
    table = swedish().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    return table, frozenset(lemma.lower() for lemma in table.values())


def is_swedish_word(word: str) -> bool:
    """Whether the lookups know `word` (lower case) as a word form or as a lemma."""
    table, lemmas = _lemma_table()
    return word in table or word in lemmas


def lemmas(text: str) -> list[str]:
    """The lemmas of the words (alphabetic tokens) of `text`, read in lower case (the lookup
    tables are keyed by lower-case forms: "Rehabiliteringen" -> "rehabilitering")."""
    return [token.lemma_ for token in swedish()(text.lower()) if token.is_alpha]
