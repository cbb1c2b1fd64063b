import pytest

from extract.layout import make_row
from normalize.areas import area_for_heading, areas, resolve_area
from normalize.records import Provenance, document_records, row_records
from normalize.text import clean_text, match_key
from tests.conftest import text_document


def test_the_ten_areas():
    assert len(areas()) == 10
    assert areas()[1] == "Prevention och tidig upptäckt"
    assert areas()[10] == "Barn och unga"


@pytest.mark.parametrize(
    ("heading", "area"),
    [
        ("BRÖSTCANCERSCREENING MED MAMMOGRAFI", 1),
        ("PALLIATIV VÅRD OCH VÅRD I LIVETS SLUTSKEDE", 2),
        ("KONTAKTSJUKSKÖTERSKA", 3),
        ("KOMPETENSFÖRSÖRJNING & KUNSKAPSLUCKOR", 4),
        ("NATIONELLA KVALITETSREGISTER", 5),
        ("INFORMATION OCH KOMMUNIKATION MELLAN VÅRDEN, PATIENTER OCH NÄRSTÅENDE", 6),
        ("LEDNING, STYRNING & VERKSAMHETSUTVECKLING", 7),
        ("2.) Patientmedverkan", 8),
        ("BIOBANK", 9),
        ("SENA KOMPLIKATIONER EFTER BARNCANCER", 10),
        ("Ekonomi", 7),  # an annual report's section on the organisation itself
        ("Bilagor", None),
        # headings no sample uses, in each area's own words
        ("Levnadsvanor och hälsofrämjande arbete", 1),
        ("Seneffekter hos canceröverlevare", 2),
        ("Väntetider", 3),
        ("Utbildning", 4),
        ("Patientens delaktighet", 8),
        ("Kliniska studier", 9),
    ],
)
def test_heading_to_area(heading, area):
    assert area_for_heading(heading) == area


def _row(**cells):
    line = text_document("x").lines[0]
    return make_row("action_row", [line], goal="Mål", activities=["a"], **cells)


def test_area_source_precedence():
    assert resolve_area(_row(area_number=4, section="BIOBANK")) == (4, "document", 1.0)
    assert resolve_area(_row(section="BIOBANK", chapter="REHABILITERING")) == (9, "section", 1.0)
    assert resolve_area(_row(section="Övrigt", chapter="REHABILITERING")) == (2, "chapter", 1.0)
    assert resolve_area(_row(section="Övrigt")) == (None, "unresolved", 0.0)


def test_rows_without_deciding_headings_are_classified_from_their_text():
    line = text_document("x").lines[0]
    row = make_row(
        "action_row",
        [line],
        goal="Öka deltagandet i screening för tjocktarmscancer",
        activities=["Skicka kallelser", "Följa upp deltagandet"],
        section="Övrigt",
    )
    area, source, confidence = resolve_area(row)
    assert (area, source) == (1, "classifier") and 0 < confidence <= 1


def test_clean_text_rejoins_broken_words_and_keeps_shared_endings():
    assert clean_text("livmoderhalscancer-\nscreening") == "livmoderhalscancerscreening"
    assert clean_text("HPV-\nvaccination") == "HPV-vaccination"
    assert clean_text("hälso-\noch sjukvård") == "hälso- och sjukvård"
    assert clean_text("två  rader\nav text\u00ad") == "två rader av text"
    assert match_key("Kvalitets- register!") == "kvalitetsregister"


def test_records_one_per_activity_with_provenance_and_stable_ids():
    document = text_document("Mål\n• a\n• b\n")
    row = make_row(
        "action_row",
        document.lines[:3],
        goal="Mål",
        activities=["a", "b"],
        section="REHABILITERING",
    )
    source = Provenance(document.doc_id, "plan.txt", "region_skane", "Region Skåne")
    records = row_records(row, source)
    assert [(r.activity_index, r.activity) for r in records] == [(0, "a"), (1, "b")]
    assert len({r.row_id for r in records}) == 1
    assert records[0].activity_id != records[1].activity_id
    assert records[0].area_id == 2 and records[0].area_source == "section"
    assert (records[0].line_start, records[0].line_end) == (1, 3)
    assert row_records(row, source) == records  # deterministic


def test_row_without_activities_is_kept():
    document = text_document("Mål utan aktivitet")
    row = make_row("action_row", document.lines, goal="Mål utan aktivitet")
    records = row_records(row, Provenance(document.doc_id, "p.txt", "region_skane", None))
    assert len(records) == 1 and records[0].activity is None


def test_inline_glossary_is_read(fixture_document):
    from normalize.actors import document_glossary

    glossary = document_glossary(fixture_document("kronoberg_small.txt"))
    assert glossary == {"Kssk": "kontaktsjuksköterska", "VC": "verksamhetschef"}


def test_two_column_glossary_arriving_as_two_lists():
    from normalize.actors import document_glossary

    text = (
        "Förkortningsordlista\n\nFörkortning Förklaring\n\nCC Cancer Centre\n\nRCC Regionalt "
        "cancercentrum\n\nRÖ\n\nRJL\n\nRegion Östergötland\n\nRegion Jönköpings län\n"
    )
    assert document_glossary(text_document(text)) == {
        "CC": "Cancer Centre",
        "RCC": "Regionalt cancercentrum",
        "RÖ": "Region Östergötland",
        "RJL": "Region Jönköpings län",
    }


@pytest.mark.parametrize(
    ("actor", "glossary", "name"),
    [
        ("NAG prevention", {}, "Nationell arbetsgrupp prevention"),
        ("RPPL", {}, "Regional patientprocessledare"),
        ("Processamord- nare", {}, "Processamordnare"),
        ("Lppl för respektive process", {}, "Lokal patientprocessledare för respektive process"),
        ("VC", {"VC": "vårdcentral"}, "Vårdcentral"),  # the document's own glossary wins
        ("Verksamhetschef", {}, "Verksamhetschef"),
    ],
)
def test_actor_names_are_written_out(actor, glossary, name):
    from normalize.actors import normalize_actor

    assert normalize_actor(actor, glossary) == name


def test_words_broken_without_hyphen_are_joined_when_the_document_knows_them():
    from normalize.text import join_broken_words, vocabulary

    known = vocabulary(["processamordnare och processamordnare", "cancer och rehabilitering"] * 2)
    assert clean_text("Processamordn\nare", known) == "Processamordnare"
    assert clean_text("cancer\nrehabilitering", known) == "cancer rehabilitering"  # both known
    assert join_broken_words("Verksamhet Processamordn are", known) == "Verksamhet Processamordnare"


def test_rows_sharing_a_line_span_keep_distinct_ids():
    """Two table rows beside one merged goal cell can span the same lines."""
    document = text_document("Mål\na\nb\n")
    rows = [
        make_row("action_row", document.lines[:3], goal="Mål", activities=[activity])
        for activity in ("a", "b")
    ]
    source = Provenance(document.doc_id, "plan.txt", "generic", None)
    records = document_records(rows, source)
    assert len({record.row_id for record in records}) == 2
    assert document_records(rows, source) == records
