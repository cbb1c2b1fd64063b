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
