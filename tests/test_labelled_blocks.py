"""Plans written as blocks of labelled fields instead of tables (extract/labelled_blocks.py)."""

import re

import pytest

from extract.detect import detect_layout
from extract.document import Line
from extract.labelled_blocks import field_cell, read_labelled_blocks
from extract.layout import NO_TABLES
from extract.spacing import marks_paragraph_ends
from extract.text_order import text_order
from pipelines.ingest import parse_document, parse_file
from tests.conftest import text_document
from tests.pdf_fixtures import Block, FixturePlan, render

PLAN = """Handlingsplan för cancervården 2027, Region Gävleborg

Målområde 1 – Prevention och tidig upptäckt

Mål: Minskad tobaksrökning bland vuxna
i länet.
Insatser:
• Erbjuda rökavvänjning i primärvården
• Utbilda personal i motiverande
samtal
Ansvarig: Folkhälsoenheten, Vårdcentralerna
Tidsplan: 2027
Status: Pågår

Mål: Fler deltar i screening för livmoderhalscancer.
Åtgärder: Skicka påminnelser via 1177
Klart senast: 2028

Målområde 4 – Kompetensförsörjning

Mål: Stabil bemanning av specialistsjuksköterskor.

Målsättning: Fler specialistsjuksköterskor.
Aktiviteter:

• Erbjuda utbildningstjänster
Ansvar: HR-avdelningen
Status: Ej påbörjad
"""

EXPECTED = [
    (
        1,
        "Minskad tobaksrökning bland vuxna i länet.",
        ("Erbjuda rökavvänjning i primärvården", "Utbilda personal i motiverande samtal"),
        ("Folkhälsoenheten", "Vårdcentralerna"),
        ("2027",),
        ("Pågår",),
    ),
    (
        1,
        "Fler deltar i screening för livmoderhalscancer.",
        ("Skicka påminnelser via 1177",),
        (),
        ("2028",),
        (),
    ),
    (
        4,
        "Fler specialistsjuksköterskor.",
        ("Erbjuda utbildningstjänster",),
        ("HR-avdelningen",),
        (),
        ("Ej påbörjad",),
    ),
]


def flat(text):
    return " ".join((text or "").split())


def summary(rows):
    return [
        (
            row.area_number,
            flat(row.goal),
            tuple(flat(a) for a in row.activities),
            row.responsible,
            row.timeframe,
            row.status,
        )
        for row in rows
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ansvarig: HR-avdelningen", ("responsible", "HR-avdelningen")),
        ("Klart senast: Q2 2028", ("timeframe", "Q2 2028")),
        ("Insatser:", ("activities", "")),
        ("Mål: Minskad rökning", ("goal", "Minskad rökning")),
        ("Insatser för att nå målet:", None),  # a label with more words is no field
        ("Resultat: 80 procent nås", ("notes", "80 procent nås")),
        ("Obs: gäller 2027", None),  # not a label of the vocabulary
        ("• Mål: nås 2027", None),  # a bullet item
    ],
)
def test_a_field_is_a_label_of_the_vocabulary_and_a_colon(text, expected):
    assert field_cell(text) == expected


def test_records_open_at_a_goal_and_hold_its_fields():
    """Fields named by any label of the vocabulary; a bullet opens an item, other lines wrap
    it; a goal with no other field (a "Mål: …" paragraph, as above a table) is no record."""
    lines = text_document(PLAN).lines
    spec_area = detect_layout(text_document(PLAN)).layout.table.area_pattern
    assert summary(read_labelled_blocks(lines, spec_area)) == EXPECTED


def test_a_plan_of_labelled_blocks_is_the_generic_layout():
    parsed = parse_document(text_document(PLAN))
    assert parsed.detection.layout.name == "generic"
    assert "blocks of labelled fields" in parsed.detection.evidence[0].label
    assert summary(parsed.rows) == EXPECTED
    assert {record.area_id for record in parsed.records} == {1, 4}


def test_text_without_labelled_blocks_or_tables_is_still_unknown():
    text = "Mål: Minskad rökning.\n\nVi arbetar vidare med detta under året.\n"
    assert read_labelled_blocks([Line(1, 1, line) for line in text.splitlines()]) == []


def test_a_pdf_of_labelled_blocks(tmp_path):
    """The same plan printed from Word: its lines take the same reader."""
    blocks = [
        Block(paragraph.strip(), heading=paragraph.startswith("Målområde"))
        for paragraph in PLAN.split("\n\n")[1:]
        if paragraph.strip()
    ]
    plan = FixturePlan("generic", "Handlingsplan för cancervården 2027", blocks=tuple(blocks))
    parsed = parse_file(render(plan, tmp_path / "plan.pdf"))
    assert parsed.detection.layout.name == "generic"
    assert summary(parsed.rows) == EXPECTED


def test_labelled_blocks_as_pypdf_prints_them():
    """pypdf ends a wrapped line with a space and a paragraph's last line without one: a text
    without tables is read by the labelled blocks, whatever marks its tool leaves."""
    wrapped = {"Mål: Minskad tobaksrökning bland vuxna", "• Utbilda personal i motiverande"}
    text = "\n".join(f"{line} " if line in wrapped else line for line in PLAN.splitlines())
    text += "\nFler rader som bryts \növer flera \nrader och fortsätter \nhär." * 3
    text = text.replace("\n\n", "\n")  # pypdf prints no blank lines
    document = text_document(text)
    assert marks_paragraph_ends(document.lines)
    assert text_order(document.lines) == NO_TABLES
    assert summary(parse_document(document).rows) == EXPECTED


def test_numbered_fields():
    """Goals and activities numbered after their label ("Mål 2:", "Aktivitet 2.1:"): the goal's
    number is its goal number, each numbered activity one item; a numbered goal alone is no
    record."""
    text = (
        "Målområde 3 – Sammanhållna och effektiva vårdprocesser\n\n"
        "Mål 1: Kortare väntetider till diagnos.\n\n"
        "Mål 2: Fler patienter utreds inom standardiserade vårdförlopp.\n"
        "Aktivitet 2.1: Följa ledtiderna varje kvartal.\n"
        "Aktivitet 2.2: Utse en processägare för varje förlopp.\n"
        "Ansvarig: Verksamhetschef\n"
        "Mål 3: Färre avvisade remisser.\n"
        "Aktivitet 3.1: Utbilda remittenter.\n"
        "Tidsplan: Kvartal 2 2027\n"
    )
    rows = read_labelled_blocks(text_document(text).lines, re.compile(r"^Målområde (\d+)"))
    assert [(row.goal_number, flat(row.goal), row.activities, row.timeframe) for row in rows] == [
        (
            "2",
            "Fler patienter utreds inom standardiserade vårdförlopp.",
            ("Följa ledtiderna varje kvartal.", "Utse en processägare för varje förlopp."),
            (),
        ),
        ("3", "Färre avvisade remisser.", ("Utbilda remittenter.",), ("Kvartal 2 2027",)),
    ]
