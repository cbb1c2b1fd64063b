"""Document facts from the document's own words: the region is never taken from the layout."""

from datetime import date

import pytest

from normalize.metadata import document_facts, find_plan_date
from pipelines.ingest import parse_document
from tests.conftest import FIXTURES, text_document


def facts(text):
    return document_facts(text_document(text), "handlingsplan")


@pytest.mark.parametrize(
    ("title", "region", "healthcare_region"),
    [
        (
            "REGIONAL CANCERPLAN 2027: HANDLINGSPLAN REGION BLEKINGE",
            "Region Blekinge",
            "Södra sjukvårdsregionen",
        ),
        (
            "Handlingsplan 2027 – region jönköpings län",
            "Region Jönköpings län",
            "Sydöstra sjukvårdsregionen",
        ),
        (
            "Regional cancerplan 2027–2030, RCC Norr",
            "Norra sjukvårdsregionen",
            "Norra sjukvårdsregionen",
        ),
        (
            "Cancerplan för Sjukvårdsregion Mellansverige 2027",
            "Sjukvårdsregion Mellansverige",
            "Sjukvårdsregion Mellansverige",
        ),
        ("Handlingsplan RCC Stockholm Gotland 2027", "Stockholm-Gotland", "Stockholm-Gotland"),
    ],
)
def test_region_from_the_documents_own_words(title, region, healthcare_region):
    found = facts(f"{title}\n\nInledning\n")
    assert (found.region, found.healthcare_region) == (region, healthcare_region)
    assert found.warnings == ()


def test_no_region_named_is_unknown_with_a_warning():
    found = facts("Handlingsplan 2027\n\nInledning om cancervården.\n")
    assert found.region is None and found.healthcare_region is None
    assert found.warnings and "region unknown" in found.warnings[0]


def test_regions_of_two_healthcare_regions_are_not_guessed():
    found = facts("Handlingsplan 2027\n\nRegion Skåne och Region Dalarna samverkar.\n")
    assert found.region is None and "several" in found.warnings[0]


def test_a_skane_layout_plan_of_another_region_is_stored_under_that_region():
    text = (FIXTURES / "skane_small.txt").read_text("utf-8").replace("SKÅNE", "BLEKINGE")
    parsed = parse_document(text_document(text))
    assert parsed.detection.layout.name == "region_skane"
    assert parsed.facts.region == "Region Blekinge"


def test_the_plans_own_date_is_read_after_a_decision_or_revision_word():
    head = [
        "Handlingsplan 2025–2027",
        "Fastställd av regionstyrelsen 2024-03-12",
        "Reviderad 12 mars 2025",  # the latest date counts
        "Kontakt: 2026-01-01 kl. 10",  # a date after no decision word is not the plan's
    ]
    assert find_plan_date(head) == date(2025, 3, 12)
    assert find_plan_date(["Datum: 2024-13-45", "Beslutad 3 maj 2023"]) == date(2023, 5, 3)
    assert find_plan_date(["Regional cancerplan 2024-2026"]) is None
