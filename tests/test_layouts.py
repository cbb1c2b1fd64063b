"""Each layout parser on a small hand-written plan in its layout (tests/fixtures/*_small.txt)."""

from extract.layouts import LAYOUTS
from tests.conftest import text_document


def rows_of(fixture_document, layout: str, name: str):
    return LAYOUTS[layout].parse(fixture_document(name))


def flat(text: str | None) -> str:
    return " ".join((text or "").split())


def test_sydost_goal_blocks(fixture_document):
    rows = rows_of(fixture_document, "rcc_sydost", "sydost_small.txt")
    national = [row for row in rows if row.kind == "national_goal"]
    assert [flat(row.goal) for row in national] == ["RCC bidrar till bättre levnadsvanor."]
    assert [flat(a) for a in national[0].activities] == [
        "RCC ska sprida kunskap om levnadsvanor.",
        "RCC ska stödja regionerna.",
    ]
    insatser = [row for row in rows if row.kind == "regional_insats"]
    assert [(row.level, len(row.activities)) for row in insatser] == [
        ("national", 1),
        ("regional", 2),
    ]
    assert all(row.area_number == 1 and row.section == "Tidig upptäckt" for row in insatser)


def test_sydost_row_split_by_page_header(fixture_document):
    rows = [
        r
        for r in rows_of(fixture_document, "rcc_sydost", "sydost_small.txt")
        if r.kind == "action_row"
    ]
    first = rows[0]
    assert flat(first.goal) == "Öka deltagandet i screening"
    assert [flat(a) for a in first.activities] == [
        "Skicka påminnelser till alla som inte deltagit",
        "Mäta deltagandet per kommun",  # after the repeated "Handlingsplan 2026 – Målområde 1"
    ]
    assert first.timeframe == ("2026", "Årligen")
    assert first.responsible == ("Processledare screening",)
    assert first.section == "Screening"


def test_sydost_cells_sharing_a_line(fixture_document):
    rows = [
        r
        for r in rows_of(fixture_document, "rcc_sydost", "sydost_small.txt")
        if r.kind == "action_row"
    ]
    second, third = rows[1], rows[2]
    assert flat(second.goal) == "Fortsatt processarbete"
    assert [flat(a) for a in second.activities] == ["Bilda nätverk i sydöst"]
    assert second.timeframe == ("2026",)
    assert second.responsible == ("Processledare bröstcancerscreening",)
    assert third.section == "Hudcancerprevention"
    assert [flat(a) for a in third.activities] == ["Kampanj i sociala medier"]
    assert third.timeframe == ("Q2 2026",)


def test_vastmanland_merged_goal_spans_rows(fixture_document):
    rows = rows_of(fixture_document, "region_vastmanland", "vastmanland_small.txt")
    assert [row.section for row in rows] == [
        "3.a) Cancerprevention",
        "3.a) Cancerprevention",
        "3.b.) Screening",
        "3.b.) Screening",
    ]
    assert flat(rows[0].goal) == "Det övergripande målet är att minska insjuknandet i cancer."
    assert flat(rows[0].rcc_activity) == "Öka kunskapen om levnadsvanor hos befolkningen"
    assert rows[0].responsible == ("RCC Mellansverige", "Regionerna")
    assert all(row.chapter == "Prevention och tidig diagnostik, Kapitel 3" for row in rows)


def test_vastmanland_activity_and_responsible_on_one_line(fixture_document):
    row = rows_of(fixture_document, "region_vastmanland", "vastmanland_small.txt")[2]
    assert [flat(a) for a in row.activities] == ["Sprida kampanjer i sociala medier"]
    assert row.responsible == ("Regionerna med stöd av RCC Mellansverige", "Kommunikationsenheten")


def test_kronoberg_numbered_goals(fixture_document):
    rows = rows_of(fixture_document, "region_kronoberg", "kronoberg_small.txt")
    assert [row.goal_number for row in rows] == ["1", "2", "3"]
    first = rows[0]
    assert flat(first.goal) == "Vårdpersonal har goda kunskaper om levnadsvanor."
    assert len(first.activities) == 2
    assert first.status == ("Pågår",)
    assert (first.chapter, first.section) == (
        "ATT FÖREBYGGA CANCER OCH UPPTÄCKA CANCER TIDIGT",
        "PREVENTION",
    )


def test_kronoberg_status_column_and_goal_over_page_break(fixture_document):
    second = rows_of(fixture_document, "region_kronoberg", "kronoberg_small.txt")[1]
    assert flat(second.goal) == "Screening erbjuds alla i målgruppen och följs upp årligen."
    assert [flat(a) for a in second.activities] == [
        "Införandet påbörjades Q 3 2025 och beräknas vara klart 2027. Pågår."
    ]
    assert second.responsible == ("Kirurgkliniken", "medicinkliniken")
    assert flat(second.notes) == "Deltagandet 2025 var 62 %."
    assert "Q 3 2025" in second.timeframe


def test_skane_goal_spans_activity_rows(fixture_document):
    rows = rows_of(fixture_document, "region_skane", "skane_small.txt")
    assert [flat(row.goal) for row in rows[:2]] == ["Minska förekomsten av livmoderhalscancer"] * 2
    assert rows[0].responsible == ("VC klinisk patologi",)
    assert rows[1].responsible == ("Verksamhetschef", "Ansvarig läkare")


def test_skane_cells_sharing_a_line(fixture_document):
    rows = rows_of(fixture_document, "region_skane", "skane_small.txt")
    assert flat(rows[2].goal) == "Ökad tillgänglighet och kortare ledtider"
    assert [flat(a) for a in rows[2].activities] == [
        "Identifiera flaskhalsar i utredningen av lungcancer"
    ]
    assert rows[2].responsible == ("RPPL", "LPPL")
    assert [flat(a) for a in rows[3].activities] == [
        "HPV vaccination av pojkar födda 2015 och senare"
    ]
    assert rows[3].responsible == ("Primärvård", "Skolhälsovård")
    assert rows[3].status == ()
    assert rows[4].section == "BIOBANK"
    assert rows[4].status == ("Pågår",)  # printed on its heading's line: "BIOBANK     Pågår"


def test_arsrapport_bullet_lists(fixture_document):
    rows = rows_of(fixture_document, "rcc_arsrapport", "arsrapport_small.txt")
    assert [(row.section, len(row.activities)) for row in rows] == [
        ("Cancerrehabilitering", 2),
        ("Barncancer", 1),
    ]
    assert flat(rows[0].activities[0]) == "Hälsoskattning används på de flesta kliniker."
    assert all(row.kind == "report_item" for row in rows)


def test_arsrapport_work_done_told_in_sentences():
    """A work-done lead-in followed by prose, not bullets: each sentence of its paragraph is an
    item (over the blank line text puts after each line, up to the paragraph's end)."""
    text = (
        "Årsrapport 2025\n\nPalliativ vård\n\nVi har haft ett år av förändring.\n\n"
        "Genomfört arbete under 2025:\n\n"
        "En ny rutin för brytpunktssamtal vid palliativ vård i livets slutskede har tagits fram och"
        "\n\ninförts i alla regioner. Två utbildningsdagar hölls.\n\n\n"
        "Arbetet fortsätter nästa år med fler kliniker.\n\nForskning\n\nText.\n"
    )
    rows = LAYOUTS["rcc_arsrapport"].parse(text_document(text))
    assert [(row.section, row.goal) for row in rows] == [
        ("Palliativ vård", "Genomfört arbete under 2025:")
    ]
    assert [flat(a) for a in rows[0].activities] == [
        "En ny rutin för brytpunktssamtal vid palliativ vård i livets slutskede har tagits fram "
        "och införts i alla regioner.",
        "Två utbildningsdagar hölls.",
    ]


def test_kronoberg_numbering_is_a_hint_not_a_lock():
    """Two goals a tool set on adjacent lines, and a list number inside a cell: every goal after
    them is still read."""
    text = (
        "SCREENING\nMålbild Planerade/pågående aktiviteter Status/förutsättningar/ansvar\n\n"
        "1. Screening erbjuds alla.\n2. Resultat följs upp.\n\n• Kallelser skickas. Pågår.\n\n"
        "3. Alla får svar i tid.\n\n• 60. 10 % av svaren dröjer.\n\n4. Nya rutiner införs.\n\n"
        "• Rutinen skrivs. Planeras.\n"
    )
    rows = LAYOUTS["region_kronoberg"].parse(text_document(text))
    assert [row.goal_number for row in rows] == ["1", "2", "3", "4"]
    assert flat(rows[1].goal) == "Resultat följs upp."


def test_sydost_tables_end_at_another_areas_page_head():
    """A plan of action tables only: no 'MÅLOMRÅDE N' headings, just page heads."""
    text = (
        "Handlingsplan 2027 – Målområde 1\n\nVAD? HUR? NÄR? VEM?\n\nFler rökfria\n\n"
        "• Erbjuda stöd\n\n2027\n\nProcessledare\n\nHandlingsplan 2027 – Målområde 4\n\n"
        "VAD? HUR? NÄR? VEM?\n\nFler sjuksköterskor\n\n• Utbilda fler\n\n2028\n\nHR-chef\n"
    )
    rows = LAYOUTS["rcc_sydost"].parse(text_document(text))
    assert [(row.area_number, flat(row.goal)) for row in rows] == [
        (1, "Fler rökfria"),
        (4, "Fler sjuksköterskor"),
    ]


def test_sydost_a_goal_written_as_a_bullet_and_a_time_in_words():
    """A VAD? cell written as one bullet item opens its row (its HUR? bullets follow); a NÄR?
    cell of a few words that names a year is a time entry, also wider than the column; a
    bullet item's line that goes on in lower case with a time word ("pågående") is no NÄR?."""
    text = (
        "Handlingsplan 2027 – Målområde 7\n\nVAD? HUR? NÄR? VEM?\n\n"
        "• Stötta fortsatt \nutveckling av \nCancer Center \n\n"
        "• Delta i \nverksamhetsledningen \n\n• Delta i olika subgrupper \n\n"
        "Fortsatt arbete, \n2027,2028 \n\nProcessledare \n\n"
        "• Fördjupa samarbetet \n\n• Ordna workshops \n\n• Följa upp \npågående samt nya \n"
        "projekt. \n\n"
        "2028 \n\nVerksamhetschef \n"
    )
    rows = LAYOUTS["rcc_sydost"].parse(text_document(text))
    assert [(flat(row.goal), len(row.activities), row.timeframe) for row in rows] == [
        ("Stötta fortsatt utveckling av Cancer Center", 2, ("Fortsatt arbete, 2027,2028",)),
        ("Fördjupa samarbetet", 2, ("2028",)),
    ]


def test_sydost_a_table_without_its_page_head_opens_at_its_header():
    """The last area's table may follow its goal blocks with no "Handlingsplan – Målområde"
    line: it opens at its column header, in the area of the heading above; the text after the
    last row's actors (a page's foot) is no actor."""
    text = (
        "MÅLOMRÅDE 10 \n\nNationellt mål: RCC bidrar till att barn får god vård. \n\n"
        "Insatser i Sydöstra sjukvårdsregionen: \n\n• Stödja barncancervården \n\n"
        "VAD? HUR? NÄR? VEM? \n\nUppföljningsmottagning \nför vuxna \n\n"
        "• Följa utvecklingen \n\n2025 RCC styrgrupp \n\n"
        "Nationellt arbete \n\n• Delta i nationella grupper \n\nFortlöpande Processledare \n\n"
        "Regionala cancercentrum – regionernas samverkan inom cancervården. \n\n"
        "www.cancercentrum.se \n"
    )
    rows = LAYOUTS["rcc_sydost"].parse(text_document(text))
    table = [row for row in rows if row.kind == "action_row"]
    assert [(row.area_number, flat(row.goal), row.responsible) for row in table] == [
        (10, "Uppföljningsmottagning för vuxna", ("RCC styrgrupp",)),
        (10, "Nationellt arbete", ("Processledare",)),
    ]


def test_vastmanland_an_area_label_numbered_without_its_dot():
    """ "5) Kompetensförsörjning" labels a merged area as "5.) …" does."""
    text = (
        "Kompetensförsörjning, Kapitel 5 \n\n"
        "Område Uppdrag/Mål enligt RCC Mellansverige Aktivitet från RCC Aktivitet i RV "
        "Ansvarig-Tidsram Status \n"
        "Identifiera utbildningsbehov \n\nSamverka kring kompetensförsörjning \n\n"
        "RCC Mellansverige \nRegionerna \n\n\n\n"
        " 5) Kompetensförsörjning Det övergripande målet är att skapa gemensamma \n"
        "strategier för kompetensförsörjningen. \n\n"
        "Genomföra projekt kring nya arbetssätt \n\nStödja utvecklingsprojekt \n\n"
        "Verksamheterna \n"
    )
    rows = LAYOUTS["region_vastmanland"].parse(text_document(text))
    goal = "Det övergripande målet är att skapa gemensamma strategier för kompetensförsörjningen."
    assert [(row.section, flat(row.goal), flat(row.rcc_activity)) for row in rows] == [
        ("5) Kompetensförsörjning", goal, "Identifiera utbildningsbehov"),
        ("5) Kompetensförsörjning", goal, "Genomföra projekt kring nya arbetssätt"),
    ]


def test_sydost_goal_blocks_under_a_page_head_are_no_table():
    """An action plan's page head ("Handlingsplan 2026 – Målområde 1") may stand above the
    area's goal blocks: a goal with its list of actions ends the table there."""
    text = (
        "Handlingsplan 2026 – Målområde 1\n\nPrevention\n\n"
        "Mål: RCC bidrar till bättre levnadsvanor.\n\nInsatser för att nå målet:\n\n"
        "• RCC ska sprida kunskap om levnadsvanor.\n\n"
        "VAD? HUR? NÄR? VEM?\n\nÖka deltagandet i screening\n\n• Skicka påminnelser\n\n"
        "2026\n\nProcessledare screening\n"
    )
    rows = LAYOUTS["rcc_sydost"].parse(text_document(text))
    assert [(row.kind, flat(row.goal)) for row in rows] == [
        ("national_goal", "RCC bidrar till bättre levnadsvanor."),
        ("action_row", "Öka deltagandet i screening"),
    ]
    assert rows[0].section == "Prevention"
