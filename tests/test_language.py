"""spaCy's Swedish lookups (lemmas, known word forms), the area classifier and document types."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from normalize.classify import (
    AreaExample,
    area_from_text,
    read_area_examples,
    shipped_classifier,
    train_classifier,
)
from normalize.language import _swedish_words, is_swedish_word, lemmas
from normalize.metadata import find_document_type
from normalize.text import join_broken_words
from pipelines.area_examples import shipped_examples_path
from pipelines.cli import main
from tests.conftest import RAW, ROOT


def test_lemmas_come_from_the_lookup_tables():
    assert lemmas("Rehabiliteringen av patienterna, 2025!") == ["rehabilitering", "av", "patient"]
    assert is_swedish_word("medarbetare") and is_swedish_word("kommunen")
    assert not is_swedish_word("processamordn")


def test_broken_words_are_joined_when_the_lookups_know_the_whole_word():
    known = frozenset({"process"})  # the document's own words: neither part is among them
    assert join_broken_words("Nyckel person inom resp. process", known) == (
        "Nyckelperson inom resp. process"
    )
    # two short words that happen to spell a word stay apart
    assert join_broken_words("inriktningen mot en mer jämlik vård", known) == (
        "inriktningen mot en mer jämlik vård"
    )
    assert join_broken_words("Dialog om fördelning av arbetsuppgifter", known) == (
        "Dialog om fördelning av arbetsuppgifter"
    )


EXAMPLES = [
    AreaExample("a.txt", 1, 1, "Screening för tjocktarmscancer och kallelser till screening"),
    AreaExample("a.txt", 2, 1, "Minska tobaksbruket och förebygga cancer genom levnadsvanor"),
    AreaExample("b.txt", 3, 4, "Utbildning av sjuksköterskor och kompetensförsörjning"),
    AreaExample("b.txt", 4, 4, "Rekrytering och specialistutbildning av läkare"),
    AreaExample("c.txt", 5, 9, "Kliniska studier och forskning inom cancervården"),
    AreaExample("c.txt", 6, 9, "Öka antalet patienter i kliniska prövningar och forskning"),
]


def test_the_model_learns_from_examples_and_trains_deterministically():
    first, second = train_classifier(EXAMPLES), train_classifier(EXAMPLES)
    text = "Fler kliniska studier"
    assert first.model_scores(text) == second.model_scores(text)
    assert first.predict(text, use_rules=False)[0] == 9
    assert first.predict("Utbildning för läkare", use_rules=False)[0] == 4


def test_text_that_speaks_of_no_area_gets_none():
    assert area_from_text("Övrigt")[0] is None
    assert area_from_text("")[0] is None
    area, confidence = area_from_text("Barn och unga med cancer ska få stöd i skolan")
    assert area == 10 and 0.2 <= confidence <= 1


def test_the_shipped_examples_are_what_the_command_writes_from_raw(tmp_path):
    out = tmp_path / "examples.tsv"
    result = CliRunner().invoke(main, ["area-examples", str(RAW), "--out", str(out)])
    assert result.exit_code == 0, result.output
    shipped = shipped_examples_path()  # the command's default: where the model reads
    assert shipped.resolve() == (ROOT / "normalize" / "data" / "area_examples.tsv").resolve()
    assert out.read_text("utf-8") == shipped.read_text("utf-8")
    examples = read_area_examples()
    assert len(examples) > 300 and {e.area_id for e in examples} == set(range(1, 11))
    assert {Path(e.doc).name for e in examples} == {p.name for p in RAW.glob("*.txt")}


def test_document_type_from_what_the_document_calls_itself():
    head = ["Inledning", "På uppdrag av ledningen har denna handlingsplan tagits fram.",
            "Den bygger på cancerplanen för regionen."]  # fmt: skip
    assert find_document_type(head, "Inledning", "cancerplan") == "handlingsplan"
    title = "REGIONAL CANCERPLAN 2019-2022: HANDLINGSPLAN REGION SKÅNE"
    assert find_document_type([title], title, "cancerplan") == "handlingsplan"
    title = "Verksamhetsplan LPO cancersjukdomar, Cancerplanen 2025–2027"
    assert find_document_type([title], title, "handlingsplan") == "verksamhetsplan"
    head = ["Inledning", "Detta är en årsrapport för 2024."]
    assert find_document_type(head, "Inledning", "cancerplan") == "årsrapport"
    head = ["Inledning", "Regionala cancerplaner tas fram i varje sjukvårdsregion."]
    assert find_document_type(head, "Inledning", "handlingsplan") == "cancerplan"
    assert find_document_type(["Inledning"], "Inledning", "handlingsplan") == "handlingsplan"


def test_the_word_set_is_prepared_once_in_the_cache_folder(tmp_path, monkeypatch):
    """The lookup table's words are written to the cache folder on first use and read from
    there afterwards (the table itself takes several times longer to read)."""
    monkeypatch.setenv("CANCERPLANS_CACHE", str(tmp_path))
    words = _swedish_words.__wrapped__()
    prepared = list(tmp_path.glob("sv_words-*.txt"))
    assert len(prepared) == 1 and not list(tmp_path.glob("*.part"))
    assert "nyckelperson" in words
    assert _swedish_words.__wrapped__() == words  # read back from the prepared file


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("CANCERPLANS_CACHE", str(blocked))
    assert "nyckelperson" in _swedish_words.__wrapped__()


def test_the_area_model_is_trained_once_and_loaded_after(tmp_path, monkeypatch):
    """The shipped model is kept in the cache folder under the hash of its examples, settings
    and spaCy's version; a new process loads it and scores as the trained one."""
    monkeypatch.setenv("CANCERPLANS_CACHE", str(tmp_path))
    trained = shipped_classifier.__wrapped__()
    kept = list(tmp_path.glob("area-model-*"))
    assert len(kept) == 1 and (kept[0] / "config.cfg").is_file()
    loaded = shipped_classifier.__wrapped__()
    text = "Screening för tjocktarmscancer införs för alla mellan 60 och 74 år"
    assert loaded.model_scores(text) == pytest.approx(trained.model_scores(text))


def test_lemmas_are_looked_up_as_spacys_lookup_lemmatizer_would():
    assert lemmas("Rehabiliteringen av patienterna") == ["rehabilitering", "av", "patient"]
