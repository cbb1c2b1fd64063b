"""The column vocabulary: labels and synonyms to cells, wrapped and combined headers, and lines
that are not headers."""

import pytest

from extract.columns import label_cells, parse_header_lines, parse_header_text


def cells(text):
    columns = parse_header_text(text)
    return None if columns is None else [column.cells for column in columns]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("VAD? HUR? NÄR? VEM?", [("goal",), ("activities",), ("timeframe",), ("responsible",)]),
        (
            "Målbild Planerade aktiviteter Ansvarig Status",
            [("goal",), ("activities",), ("responsible",), ("status",)],
        ),
        (
            "Aktivitet Ansvarig Tidsplan Status",
            [("activities",), ("responsible",), ("timeframe",), ("status",)],
        ),
        # synonyms no sample uses
        (
            "Delmål Åtgärder Ansvar Klart Uppföljning",
            [("goal",), ("activities",), ("responsible",), ("timeframe",), ("status",)],
        ),
        (
            "INSATS ANSVARIG ENHET TIDPUNKT KOMMENTAR",
            [("activities",), ("responsible",), ("timeframe",), ("notes",)],
        ),
        (
            "Syfte Åtgärd/aktivitet Huvudansvarig Tidsperiod Läge Kostnad",
            [("goal",), ("activities",), ("responsible",), ("timeframe",), ("status",), ("notes",)],
        ),
        # Swedish compounds headed by a label of five letters or more
        (
            "Aktivitetsbeskrivning Ansvarsfördelning Tidsplanering Statusrapport",
            [("activities",), ("responsible",), ("timeframe",), ("status",)],
        ),
        # Swedish compounds that end with a label of four letters or more
        (
            "Förbättringsområde Huvudaktivitet Verksamhetsansvarig Tidsplan",
            [("area",), ("activities",), ("responsible",), ("timeframe",)],
        ),
        # a capitalised qualifier before a label in lower case opens the label's column
        (
            "Regionalt mål Planerad aktivitet Ansvarig Tidsplan",
            [("goal",), ("activities",), ("responsible",), ("timeframe",)],
        ),
        (
            "Strategiskt mål Åtgärd Utförare Period",
            [("goal",), ("activities",), ("responsible",), ("timeframe",)],
        ),
        # two labels joined by "och": one combined column
        (
            "Målbild Aktiviteter Status och ansvar",
            [("goal",), ("activities",), ("status", "responsible")],
        ),
        # a first column the vocabulary names by a newer synonym
        (
            "Inriktning Aktivitet Kontaktperson Tid Nuläge",
            [("goal",), ("activities",), ("responsible",), ("timeframe",), ("status",)],
        ),
        # combined cells and a label's qualifiers
        (
            "Område Uppdrag/Mål enligt RCC Norr Aktivitet från RCC Aktivitet i RN Ansvarig-Tidsram",
            [
                ("area",),
                ("goal",),
                ("rcc_activity",),
                ("activities",),
                ("responsible", "timeframe"),
            ],
        ),
        (
            "Målbild Planerade/pågående aktiviteter Status/förutsättningar/ansvar",
            [("goal",), ("activities",), ("status", "notes", "responsible")],
        ),
        # the wrapped part of "Planerade aktiviteter" on a line of its own
        (
            "Målbild Planerade Ansvarig Status",
            [("goal",), ("activities",), ("responsible",), ("status",)],
        ),
        # columns kept apart by runs of spaces (pdftotext -layout)
        ("Mål         Aktivitet        Ansvarig", [("goal",), ("activities",), ("responsible",)]),
        # labels in the definite form, and questions that ask for a column's cell
        (
            "Målet Aktiviteterna Ansvariga Tidsplan",
            [("goal",), ("activities",), ("responsible",), ("timeframe",)],
        ),
        (
            "Vad ska uppnås? Vad ska göras? Vem ansvarar? När?",
            [("goal",), ("activities",), ("responsible",), ("timeframe",)],
        ),
    ],
)
def test_headers_are_read_by_the_vocabulary(header, expected):
    assert cells(header) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mål: Minskad dödlighet i cancer genom tidig upptäckt",
        "Ansvarig: Verksamhetschef, status pågår",  # two labels, neither goal nor activity
        "regionala uppdrag för Enhetschef",  # a cell's line, not capitalised as a header
        "Status",  # one label alone
        "Målgrupp Aktivitet",  # "mål" is too short to head a compound: "Målgrupp" is no goal
        "Produktägare",  # a compound that ends with a label, alone: a cell's word
        "INFORMATIONSINSATSER",  # a heading in capitals, not the compound label "insatser"
        "Aktiviteten genomförs av ansvarig enhet när resurser finns och status följs upp",
        "Mål: Startsida 2.0",  # a labelled field whose value reads as a label ("start…")
    ],
)
def test_text_that_is_no_header(text):
    assert parse_header_text(text) is None


def test_a_header_spread_over_lines_by_a_text_tool():
    lines = ["Aktivitet", "", "Ansvarig", "", "Använda evidensbaserat material i alla led"]
    columns, used = parse_header_lines(lines)
    assert [column.cell for column in columns] == ["activities", "responsible"]
    assert used == 3


def test_label_cells_match_case_and_punctuation_insensitively():
    assert label_cells("NÄR?") == label_cells("när") == ("timeframe",)
    assert label_cells("Ansvarig-\nTidsram") == ("responsible", "timeframe")


VASTMANLAND_CELLS = [  # Västmanland's six columns, as its header names them
    ("area",),
    ("goal",),
    ("rcc_activity",),
    ("activities",),
    ("responsible", "timeframe"),
    ("status",),
]


def test_a_header_wrapped_over_qualifier_lines():
    """pypdf prints a six-column header cell by cell: qualifiers of a label ("enligt RCC …") on
    lines of their own, a combined label broken at its hyphen; the body's first cells follow."""
    lines = [
        "Område Uppdrag/Mål ",
        "enligt RCC ",
        "Norrland",
        "Aktivitet från ",
        "RCC",
        "Aktivitet i RV Ansvarig-",
        "Tidsram",
        "Status",
        "2.) ",
        "Patientmedverkan",
    ]
    columns, used = parse_header_lines(lines)
    assert [column.cells for column in columns] == VASTMANLAND_CELLS
    assert columns[1].label == "Uppdrag/Mål enligt RCC Norrland"
    assert used == 8


def test_a_header_whose_last_line_holds_the_labels_it_did_not_wrap():
    """In a landscape plan pypdf wraps only the long labels: "Uppdrag/Mål enligt RCC" /
    "Mellansverige", then every other label on one line; a second header right after it is no
    part of it."""
    lines = [
        "Område Uppdrag/Mål enligt RCC ",
        "Mellansverige",
        "Aktivitet från RCC Aktivitet i RV Ansvarig-Tidsram Status",
        "2.) Patientmedverkan Stöd till patienter och ",
    ]
    columns, used = parse_header_lines(lines)
    assert [column.cells for column in columns] == VASTMANLAND_CELLS
    assert used == 3
    # a label stopping mid-phrase goes on, though its rest reads as an actor's name
    lines[:2] = ["Område Uppdrag/Mål enligt", "RCC Mellansverige"]
    columns, used = parse_header_lines(lines)
    assert columns[1].label == "Uppdrag/Mål enligt RCC Mellansverige"
    assert (len(columns), used) == (6, 3)
    twice = ["Målbild Planerade aktiviteter Ansvarig Status", "oklara fynd LPPL", ""] * 2
    assert parse_header_lines(twice)[1] == 1


def test_a_qualifier_that_is_a_status_word_on_a_line_of_its_own():
    """pdftotext prints "Planerad" / "aktivitet" on lines of their own: alone "Planerad" reads
    as a status, but it qualifies the label below it."""
    lines = ["Strategiskt mål", "", "Planerad", "aktivitet", "", "Ansvarig", "funktion", ""]
    lines += ["Tidplan", "", "Status", "", "Minskad"]
    columns, used = parse_header_lines(lines)
    assert [column.label for column in columns] == [
        "Strategiskt mål",
        "Planerad aktivitet",
        "Ansvarig funktion",
        "Tidplan",
        "Status",
    ]
    assert used == 11


def test_cells_printed_among_a_headers_labels_end_it():
    """In reading order a cell may come between two labels: an actor, a bullet or a "Mål:" line
    is a cell, so the header ends before it and the labels after it are strays."""
    lines = ["Aktivitet", "", "Ansvarig", "", "• Utbildning", "Verksamhetschef", "Tidsplan"]
    columns, used = parse_header_lines(lines)
    assert [column.cell for column in columns] == ["activities", "responsible"]
    assert used == 3
    lines = ["Aktivitet", "Ansvarig", "Verksamhetschef", "Tidsplan", "Status"]
    assert parse_header_lines(lines)[1] == 2


def test_a_header_does_not_grow_by_a_lower_case_line():
    """A cell's rest under a repeated header may hold a label word ("åtgärder"); labels of a
    header print capitalised."""
    lines = ["Aktivitet Ansvarig Tidsplan Status", "implementeringen ", "för beslutade åtgärder"]
    columns, used = parse_header_lines(lines)
    assert len(columns) == 4
    assert used == 1


def test_a_labelled_cell_or_a_heading_is_no_header():
    """ "Ansvar: …" closes a cell, and an upper-case heading opens a section; neither starts or
    extends the header below them."""
    lines = ["Ansvar: Kirurgkliniken", "PROSTATACANCERTESTNING", "Målbild Aktiviteter Ansvar"]
    assert parse_header_lines(lines) is None
    assert parse_header_lines(lines[2:])[1] == 1


def test_a_labelled_block_is_no_header_spread_over_lines():
    """A block of labelled fields ("Mål: Startsida 2.0" / "Insatser:") names labels line by
    line as a wrapped header does, but a field's line opens no header and ends one."""
    assert parse_header_lines(["Mål: Startsida 2.0", "Insatser:", "• Skapa startmodul"]) is None


QUALIFIED = ("Delmål", "Aktivitet", "Ansvarig", "Klart", "Status")


def test_labels_qualified_in_brackets_are_read_without_their_qualifiers():
    """A header may qualify its labels in brackets ("Klart (år)"): the words inside say nothing
    of the column, nor do they make the header a sentence."""
    text = (
        "Delmål (vad vill vi uppnå) Aktivitet (vad ska göras) Ansvarig (funktion) Klart (år) Status"
    )
    columns = parse_header_text(text)
    assert [column.label for column in columns] == list(QUALIFIED)
    assert [column.cells for column in columns] == [
        ("goal",),
        ("activities",),
        ("responsible",),
        ("timeframe",),
        ("status",),
    ]


def test_a_header_qualified_in_brackets_wraps_over_lines():
    """pypdf prints a header's wrapped labels over lines, brackets left open where they wrap,
    and the labels it did not wrap on the last line (none of them a goal or an activity)."""
    lines = [
        "Delmål (vad vill vi ",
        "uppnå)",
        "Aktivitet (vad ska ",
        "göras)",
        "Ansvarig (funktion) Klart (år) Status",
        "RCC bidrar till att öka deltagandet",
    ]
    columns, used = parse_header_lines(lines)
    assert [column.label for column in columns] == list(QUALIFIED)
    assert used == 5
