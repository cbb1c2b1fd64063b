import pytest

from extract.detect import detect_layout
from extract.errors import UnknownLayout
from extract.layouts import LAYOUTS
from tests.conftest import FIXTURES, text_document

FIXTURE_LAYOUTS = {
    "sydost_small.txt": "rcc_sydost",
    "vastmanland_small.txt": "region_vastmanland",
    "kronoberg_small.txt": "region_kronoberg",
    "skane_small.txt": "region_skane",
    "arsrapport_small.txt": "rcc_arsrapport",
    "generic_small.txt": "generic",
}


def test_every_registered_layout_has_a_fixture():
    assert set(FIXTURE_LAYOUTS.values()) == set(LAYOUTS)


@pytest.mark.parametrize(("name", "layout"), sorted(FIXTURE_LAYOUTS.items()))
def test_layout_is_detected_with_evidence(fixture_document, name, layout):
    detection = detect_layout(fixture_document(name))
    assert detection.layout.name == layout
    assert detection.confidence >= 0.5
    assert detection.evidence and all(evidence.line > 0 for evidence in detection.evidence)


def test_detection_reads_the_text_not_the_file_name():
    text = (FIXTURES / "skane_small.txt").read_text("utf-8")
    detection = detect_layout(text_document(text, name="kronoberg_2026.txt"))
    assert detection.layout.name == "region_skane"


def test_unknown_document_is_reported_clearly(fixture_document):
    with pytest.raises(UnknownLayout, match="none of the known layouts"):
        detect_layout(fixture_document("not_a_plan.txt"))


def test_a_plan_in_no_regional_layout_is_read_by_the_generic_layout():
    text = (
        "Verksamhetsplan cancer 2029, Region Värmland\n\nFokusområde 1 – Prevention\n\n"
        "Delmål: Fler rökfria patienter före operation\n\n"
        "Åtgärd Ansvar Klart Uppföljning\n\nErbjuda rökavvänjning\nVårdcentral\n2029\nPågår\n"
    )
    detection = detect_layout(text_document(text))
    assert detection.layout.name == "generic"
    assert any("table header" in evidence.label for evidence in detection.evidence)


def test_a_found_table_header_outweighs_another_layouts_words():
    """Words of the annual report ('årsrapport', bullets, 'Genomfört arbete') beside a table
    whose header is Skåne's: the table decides."""
    text = (
        "Årsrapport och handlingsplan 2027\n\nGenomfört arbete under 2026\n\n• Utbildningar\n\n"
        "PREVENTION OCH TIDIG UPPTÄCKT\nMålbild Planerade aktiviteter Ansvarig Status\n"
        "Minskad rökning\nErbjuda stöd\nVerksamhetschef\nPågår\n"
    )
    assert detect_layout(text_document(text)).layout.name == "region_skane"


def test_a_lone_signature_never_decides():
    text = "Verksamhetsberättelse\n\nDetta är ingen årsrapport utan ett brev.\n\n• en punkt\n"
    with pytest.raises(UnknownLayout):
        detect_layout(text_document(text))


def test_layouts_that_come_close_give_a_warning():
    """A header between Skåne's and Kronoberg's: both regional layouts score alike."""
    header = "Målbild Planerade aktiviteter Ansvarig Status Förutsättningar"
    text = f"Handlingsplan\n\n{header}\n\nMinskad rökning\nStöd\nVC\nPågår\nMedel finns\n"
    detection = detect_layout(text_document(text))
    assert detection.warnings and "come close" in detection.warnings[0]


def test_the_layout_can_be_named_instead_of_detected(fixture_document):
    detection = detect_layout(fixture_document("skane_small.txt"), "generic")
    assert detection.layout.name == "generic" and detection.confidence == 1.0
    with pytest.raises(UnknownLayout, match="no layout named"):
        detect_layout(fixture_document("skane_small.txt"), "region_atlantis")


def test_unknown_says_what_to_do_next(fixture_document):
    with pytest.raises(UnknownLayout, match="--layout"):
        detect_layout(fixture_document("not_a_plan.txt"))
