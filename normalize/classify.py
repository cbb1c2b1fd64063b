"""Tell a row's area from its own text when its headings do not decide it.

Two voices, added up: a spaCy TextCategorizer (bag of lemmas and of their character 4-grams, so
that compounds such as "prostatacancerscreening" share features with "screening") trained on
the rows whose headings do decide their area (`data/area_examples.tsv`, written by
`cancerplans area-examples`), and word rules per area in the reviewable `data/text_areas.tsv`.
`cancerplans evaluate` measures both by cross-validation across documents.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from normalize.language import cache_dir, lemmas
from normalize.term_tables import read_table

if TYPE_CHECKING:
    from spacy.language import Language

AREA_IDS = tuple(range(1, 11))


@dataclass(frozen=True)
class ClassifierSettings:
    """How the area model is trained and how much the word rules weigh beside it."""

    char_ngram: int = 4  # length of the lemma substrings used as extra features
    hash_length: int = 2**16  # feature hash buckets of the bag-of-words model
    epochs: int = 12
    batch_size: int = 16
    dropout: float = 0.2
    seed: int = 0  # fixed, so that the same examples always give the same model
    rule_weight: float = 1.0  # the rules' share of votes, added to the model's probabilities
    min_confidence: float = 0.2  # below this share of the combined score (0.1 = no idea): no area


SETTINGS = ClassifierSettings()


@dataclass(frozen=True)
class AreaExample:
    """A row whose headings decide its area: training data for the model."""

    doc: str
    line: int
    area_id: int
    text: str


@dataclass(frozen=True)
class TextRule:
    pattern: re.Pattern[str]
    area_id: int


@cache
def text_rules() -> tuple[TextRule, ...]:
    return tuple(
        TextRule(re.compile(row["pattern"], re.IGNORECASE), int(row["area_id"]))
        for row in read_table("text_areas.tsv")
    )


def rule_votes(text: str) -> Counter[int]:
    """How many word-rule matches each area has in the text."""
    votes: Counter[int] = Counter()
    for rule in text_rules():
        if hits := len(rule.pattern.findall(text)):
            votes[rule.area_id] += hits
    return votes


def area_text(goal: str | None, activities: Iterable[str | None], rcc_activity: str | None) -> str:
    """A row's own words, as the model learns and reads them: goal, activities, RCC activity."""
    return " ".join(filter(None, [goal, *activities, rcc_activity]))


def features(text: str, settings: ClassifierSettings = SETTINGS) -> str:
    """The text as the model reads it: its lemmas, then each lemma's character n-grams."""
    return _features(lemmas(text), settings)


def _features(words: list[str], settings: ClassifierSettings) -> str:
    n = settings.char_ngram
    grams = [
        marked[i : i + n]
        for word in words
        if len(marked := f"<{word}>") > n
        for i in range(len(marked) - n + 1)
    ]
    return " ".join(words + grams)


@dataclass(frozen=True)
class AreaClassifier:
    """A trained area model with the word rules beside it."""

    nlp: Language
    settings: ClassifierSettings = SETTINGS

    def model_scores(self, text: str) -> dict[int, float]:
        """The model's probability for each area; none for a text without words."""
        if not (words := lemmas(text)):
            return {}
        cats = self.nlp(_features(words, self.settings)).cats
        return {int(label): score for label, score in cats.items()}

    def decide(self, scores: dict[int, float], votes: Counter[int]) -> tuple[int | None, float]:
        """The most likely area and its share of the model's scores plus the rules' votes."""
        if not scores:
            return None, 0.0
        if total := sum(votes.values()):
            weight = self.settings.rule_weight
            scores = {a: s + weight * votes[a] / total for a, s in scores.items()}
        best = max(scores, key=scores.__getitem__)
        confidence = round(scores[best] / sum(scores.values()), 3)
        if confidence < self.settings.min_confidence:
            return None, confidence
        return best, confidence

    def predict(self, text: str, use_rules: bool = True) -> tuple[int | None, float]:
        """The most likely area and its share of the combined score (model + rules)."""
        return self.decide(self.model_scores(text), rule_votes(text) if use_rules else Counter())


def train_classifier(
    examples: Iterable[AreaExample], settings: ClassifierSettings = SETTINGS
) -> AreaClassifier:
    """Train the area model on `examples` (deterministic for the same examples and settings).
    spaCy is imported here, when a row first needs the model, not when the module is."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(settings.seed)
    nlp = spacy.blank("sv")
    model = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 1,
        "no_output_layer": False,
        "length": settings.hash_length,
    }
    textcat = nlp.add_pipe("textcat", config={"model": model})
    for area in AREA_IDS:
        textcat.add_label(str(area))
    batch = [
        Example.from_dict(
            nlp.make_doc(features(example.text, settings)),
            {"cats": {str(area): float(area == example.area_id) for area in AREA_IDS}},
        )
        for example in examples
    ]
    optimizer = nlp.initialize(lambda: batch)
    shuffle = random.Random(settings.seed)
    for _ in range(settings.epochs):
        shuffle.shuffle(batch)
        for start in range(0, len(batch), settings.batch_size):
            nlp.update(
                batch[start : start + settings.batch_size], sgd=optimizer, drop=settings.dropout
            )
    return AreaClassifier(nlp, settings)


def read_area_examples() -> list[AreaExample]:
    """The shipped training rows (`data/area_examples.tsv`)."""
    return [
        AreaExample(row["doc"], int(row["line"]), int(row["area_id"]), row["text"])
        for row in read_table("area_examples.tsv")
    ]


def _model_key(examples: list[AreaExample], settings: ClassifierSettings) -> str:
    """What a trained model depends on: its examples, its settings and spaCy's version."""
    import spacy

    digest = hashlib.sha256(repr((examples, settings, spacy.__version__)).encode())
    return digest.hexdigest()[:16]


@cache
def shipped_classifier() -> AreaClassifier:
    """The model trained on all shipped examples: trained once (about a second) and kept in the
    cache folder under the hash of its examples, settings and spaCy's version, so a new process
    loads it instead of training it again; without a writable folder it is trained each run."""
    import spacy

    examples = read_area_examples()
    kept = cache_dir() / f"area-model-{_model_key(examples, SETTINGS)}"
    if (kept / "config.cfg").is_file():
        return AreaClassifier(spacy.load(kept), SETTINGS)
    classifier = train_classifier(examples)
    partial = kept.with_name(f"{kept.name}.{os.getpid()}.part")
    try:
        classifier.nlp.to_disk(partial)
        os.replace(partial, kept)  # whole or not at all
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)  # a read-only or taken folder: train each run
    return classifier


def area_from_text(text: str) -> tuple[int | None, float]:
    """The area the text speaks of, and the share of the combined score that speaks for it."""
    return shipped_classifier().predict(text)
