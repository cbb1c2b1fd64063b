"""Tables read from text by their headers (extract/text_tables.py), whichever tool printed it."""

from dataclasses import replace

import pytest

from extract.columns import parse_header_text
from extract.document import Line
from extract.layout import PARAGRAPH_MARKED
from extract.layouts import LAYOUTS
from extract.table_rows import Context
from extract.text_order import text_order
from extract.text_tables import (
    PAGE_BREAK,
    Block,
    CellStyle,
    TableModel,
    _Cut,
    _model,
    assign_columns,
    cell_style,
    cut_blocks,
    emission,
    inner_words,
    is_caption,
    own_statuses,
    paragraph_openers,
    read_text_tables,
    repeats_label,
    split_actor_time,
    split_hard_breaks,
    split_inner_field,
    split_inner_time,
    split_joined_cells,
    split_label_head,
    split_number_head,
    split_numbered,
    split_status_tail,
    split_time_head,
    stray_labels,
    two_rests,
)
from pipelines.evaluate import score_rendered
from pipelines.ingest import parse_document
from tests.conftest import FIXTURES, VARIANTS, text_document

COLUMNS = parse_header_text("Aktivitet Ansvarig Tidsplan Status")


def block(*texts):
    return Block(tuple(Line(i, 1, text) for i, text in enumerate(texts, 1)))


def across_break(before, after):
    """Lines of two pages with a page break between them (a repeated header)."""
    first = [Line(number, 1, text) for number, text in enumerate(before, 1)]
    second = [Line(number, 2, text) for number, text in enumerate(after, len(before) + 1)]
    return [*first, PAGE_BREAK, *second]


def placed(blocks, model):
    """Each block's cell and whether it opens a row, along the best path."""
    return [(model.columns[index].cell, opens) for index, opens in assign_columns(blocks, model)]


def test_blocks_go_to_the_columns_they_look_like():
    blocks = [
        block("Erbjuda rökavvänjning till alla patienter före operation"),
        block("Verksamhetschef"),
        block("Processledare"),
        block("2029"),
        block("Pågår"),
        block("Utbilda personal i samtal om levnadsvanor"),
        block("HR-chef"),
    ]
    assert placed(blocks, TableModel(COLUMNS, "activities")) == [
        ("activities", True),
        ("responsible", False),
        ("responsible", False),
        ("timeframe", False),
        ("status", False),
        ("activities", True),
        ("responsible", False),
    ]


def test_a_time_cell_may_be_written_in_words_that_end_with_a_time_entry():
    """ "Digitalt webbinarie i mars samt fysiskt Q3-4 2027" is the row's time cell after its
    bulleted activities; an activity that names a year inside a sentence stays an activity."""
    columns = parse_header_text("VAD? HUR? NÄR? VEM?")
    model = TableModel(columns, "goal", style=CellStyle(markers={"activities": "bullet"}))
    blocks = [
        block("Stärka rehabiliteringen i regionen"),
        block("• Avgränsade projekt för att prova arbetssätt"),
        block("Digitalt webbinarie i mars samt fysiskt Q3-4 2027"),
        block("Processledare"),
        block("Utveckla uppföljningen under 2027 med regionerna"),
        block("• Ta fram rapporter"),
        block("2028"),
    ]
    assert [cell for cell, _ in placed(blocks, model)] == [
        "goal",
        "activities",
        "timeframe",
        "responsible",
        "goal",
        "activities",
        "timeframe",
    ]


def test_a_merged_goal_stands_in_its_first_row_only():
    columns = parse_header_text("Målbild Planerade aktiviteter Ansvarig Status")
    blocks = [
        block("Minskad rökning bland patienter i regionen"),
        block("Erbjuda rökavvänjning före operation"),
        block("Verksamhetschef"),
        block("Utbilda personal i samtal om levnadsvanor"),
        block("HR-chef"),
    ]
    assert placed(blocks, TableModel(columns, "activities", frozenset({"goal"}))) == [
        ("goal", True),
        ("activities", False),
        ("responsible", False),
        ("activities", True),
        ("responsible", False),
    ]


def test_a_row_cut_by_a_page_break_is_joined_again():
    """pypdf prints each cell's first part, the repeated header, then each cell's rest; a
    wrapped line ends with a space, a paragraph's last line does not."""
    lines = across_break(
        ["Screening erbjuds alla ", "kvinnor mellan 60 och 74 års ", "Verksamhetschef", ""],
        ["ålder.", ""],
    )
    blocks = cut_blocks(lines, paragraph_marks=True)
    assert [b.text for b in blocks] == [
        "Screening erbjuds alla kvinnor mellan 60 och 74 års ålder.",
        "Verksamhetschef",
    ]


def test_two_rests_after_a_page_break_are_cut_at_the_tools_paragraph_mark():
    """Two cells cut by a page break: the first rest ends where the tool marks a paragraph's
    end, though the second opens in lower case (it goes on a word broken at "patient-"); a
    word's own broken end ("ng?”") is no whole word and goes on."""
    lines = across_break(
        ["Stödja arbetet i ", "lokalt Patient- och ", "Projektgruppen för", "projektet patient-"],
        [
            "utbildning ”Vad är ",
            "cancerrehabiliteri",
            "ng?” ",
            "fler vårdprocesser",
            "och- ",
            "närståendeutbildning",
            "",
        ],
    )
    words = frozenset({"och", "fler", "arbetet"})  # printed inside lines elsewhere
    blocks = cut_blocks(lines, paragraph_marks=True, inner_words=words)
    assert [b.text for b in blocks] == [
        "Stödja arbetet i lokalt Patient- och utbildning ”Vad är cancerrehabiliteri ng?” "
        "fler vårdprocesser",
        "Projektgruppen för projektet patient- och- närståendeutbildning",
    ]
    joined = cut_blocks(lines, paragraph_marks=True)  # without the words: one rest, as before
    assert joined[0].text.endswith("fler vårdprocesser och- närståendeutbildning")


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("Tidsplan", ["timeframe"]),
        ("Tidsplan Status", ["timeframe", "status"]),
        ("Pågår", []),
        ("Klart", []),
        ("Verksamhetschef", []),
        ("åtgärder", []),  # a cell's wrapped word, not a label
    ],
)
def test_header_labels_printed_among_the_cells(text, cells):
    assert [column.cell for column in stray_labels(text)] == cells


def test_the_generic_layout_reads_text():
    parsed = parse_document(text_document((FIXTURES / "generic_small.txt").read_text("utf-8")))
    assert parsed.detection.layout.name == "generic"
    rows = [
        (r.area_number, r.goal, r.activities, r.responsible, r.timeframe, r.status)
        for r in parsed.rows
    ]
    assert rows == [
        (
            4,
            "Fler specialistsjuksköterskor inom cancervården",
            ("Erbjuda utbildningsplatser med bibehållen lön",),
            ("Områdeschef",),
            ("2028",),
            ("Planeras",),
        ),
        (
            4,
            "Stabil bemanning inom patologin",
            ("Rekrytera biomedicinska analytiker",),
            ("HR-chef",),
            ("2028–2029",),
            ("Pågår",),
        ),
    ]


@pytest.mark.parametrize(("suffix", "floor"), [(".txt", 0.90), (".pdftotext.txt", 0.85)])
def test_the_generic_plan_as_text(suffix, floor):
    """The plan in no sample's layout, as pypdf and pdftotext print its text (measured 0.910 and
    0.882)."""
    golds = sorted(VARIANTS.glob("*generic*.gold.jsonl"))
    assert golds
    for gold in golds:
        score = score_rendered(gold, gold.with_name(gold.name.replace(".gold.jsonl", suffix)))
        assert score.layout == "generic" and score.f1 >= floor


def test_a_numbered_label_is_an_area_cell():
    """ "2.) Patientmedverkan" in an Område column, not a goal."""
    columns = parse_header_text("Område Mål Aktivitet Ansvarig")
    blocks = [
        block("2.) Patientmedverkan"),
        block("Stöd till patienter och närstående under hela vårdförloppet"),
        block("Erbjuda utbildning i samtal om levnadsvanor till all personal"),
        block("Verksamhetschef"),
    ]
    model = TableModel(columns, "activities", frozenset({"area", "goal"}))
    assert [cell for cell, _ in placed(blocks, model)] == [
        "area",
        "goal",
        "activities",
        "responsible",
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("RPO Äldres hälsa och palliativ vård med stöd av RCC Mellansverige", True),
        ("Regionerna och kommuner med stöd av RPO äldres hälsa och palliativ vård och RCC", True),
        # as long, but a sentence, or a part that names no actor first
        ("Regionerna deltar i arbetet med utvecklingen av vårdprocesser i hela regionen", False),
        ("Genomföra utbildningar för personalen i hela länet med stöd av RCC Mellansverige", False),
    ],
)
def test_names_joined_into_one_party_may_be_longer_than_one_name(text, actor):
    """ "A med stöd av B" is one responsible party: each part reads as an actor's name."""
    assert (emission(block(text), "responsible") == 0.0) is actor


def test_an_actor_and_a_status_on_one_line_are_two_cells():
    """An unruled table prints a row's actor and status on one baseline."""
    parts = split_status_tail(block("Kvinnokliniken pågår"))
    assert [part.text for part in parts] == ["Kvinnokliniken", "pågår"]
    parts = split_status_tail(block("Sjukhusledning Planering pågår"))
    assert [part.text for part in parts] == ["Sjukhusledning", "Planering pågår"]


def test_a_time_and_a_status_on_one_line_are_two_cells():
    parts = split_status_tail(block("Q3 2027 Planeras"))
    assert [part.text for part in parts] == ["Q3 2027", "Planeras"]


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        # pypdf prints a row's short cells that share a baseline as one line
        ("Folkhälsoenheten 2027 Pågår", ["Folkhälsoenheten", "2027", "Pågår"]),
        ("Verksamhetschef kirurgi Q3 2027", ["Verksamhetschef kirurgi", "Q3 2027"]),
        ("Processledare 2027–2028 Ej påbörjad", ["Processledare", "2027–2028", "Ej påbörjad"]),
        # a sentence naming a time, words after the time, no actor before it: one cell
        ("Processledare 2027 ska utvärdera arbetet", ["Processledare 2027 ska utvärdera arbetet"]),
        ("Införs under 2027", ["Införs under 2027"]),
        ("2027 Pågår", ["2027 Pågår"]),
    ],
)
def test_an_actor_and_a_time_on_one_line_are_cells_of_their_own(text, cells):
    assert [part.text for part in split_actor_time(block(text))] == cells


@pytest.mark.parametrize(
    "lines",
    [
        ("Implementering av vårdprogrammet pågår.",),  # a sentence, not an actor
        ("• Implementering av", "palliativ vård pågår"),  # the end of a longer cell
        ("Pågår",),  # a status alone
    ],
)
def test_status_words_inside_a_cell_stay_in_it(lines):
    assert split_status_tail(block(*lines)) == [block(*lines)]


KRONOBERG_LIKE = parse_header_text("Målbild Planerade aktiviteter Status/förutsättningar/ansvar")
VASTMANLAND_LIKE = parse_header_text("Område Mål Aktivitet från RCC Aktivitet i RV Ansvarig")
# its area and goal cells are merged over the rows below them; every row has its RCC activity
VASTMANLAND_MODEL = TableModel(VASTMANLAND_LIKE, "rcc_activity", frozenset({"area", "goal"}))


def test_a_combined_column_holds_any_of_its_cells():
    """ "Status/förutsättningar/ansvar" holds notes and "Ansvar: …" lines, not only statuses."""
    blocks = [
        block("1. Minskad rökning bland patienter i regionen."),
        block("• Erbjuda rökavvänjning före operation. Pågår."),
        block("Ansvar: Verksamhetschef"),
    ]
    path = assign_columns(blocks, TableModel(KRONOBERG_LIKE, "goal"))
    assert [KRONOBERG_LIKE[index].cells[0] for index, _ in path] == [
        "goal",
        "activities",
        "status",
    ]


def test_numbered_goals_open_rows():
    """Where goals are numbered, "2. …" is the next row's goal even after an activity."""
    blocks = [
        block("1. Minskad rökning bland patienter i regionen."),
        block("Erbjuda rökavvänjning före operation."),
        block("2. Fler patienter har en kontaktsjuksköterska."),
        block("Utbilda kontaktsjuksköterskor."),
    ]
    model = TableModel(KRONOBERG_LIKE, "goal", numbered=True)
    assert placed(blocks, model) == [
        ("goal", True),
        ("activities", False),
        ("goal", True),
        ("activities", False),
    ]


def test_a_cell_printed_as_bullets_ends_at_a_block_without_one():
    """Where a document prints a cell's items as bullets, a capitalised block without a bullet
    after them is the next cell (a note), not one more item."""
    blocks = [
        block("1. Minskad rökning bland patienter i regionen."),
        block("• Erbjuda rökavvänjning före operation."),
        block("Täckningsgrad 2023 i regionen 68 %."),
        block("Ansvar: Verksamhetschef"),
    ]
    plain = assign_columns(blocks, TableModel(KRONOBERG_LIKE, "goal"))
    style = CellStyle(markers={"activities": "bullet"})
    styled = assign_columns(blocks, TableModel(KRONOBERG_LIKE, "goal", style=style))
    assert KRONOBERG_LIKE[plain[2][0]].cell == "activities"
    assert KRONOBERG_LIKE[styled[2][0]].cell == "status"


def test_the_style_of_a_cell_is_judged_over_the_document():
    columns = KRONOBERG_LIKE
    placed = [(block("• Utbilda all personal"), columns[1])] * 3
    placed += [(block("Minskad rökning"), columns[0])] * 3
    placed += [(block("Ansvar: HR"), columns[2])] * 3
    style = cell_style(placed)
    assert style.markers == {"activities": "bullet"}
    assert style.words == {"activities": 4, "goal": 2}  # a combined column has no one length
    assert style.text_openers == {"utbilda", "minskad"}  # first words of text cells
    assert cell_style(placed[:2]) == CellStyle()  # too few blocks to judge
    mixed = placed + [(block("Utbilda all personal"), columns[1])] * 2  # 3 of 5 bulleted
    assert cell_style(mixed).markers == {}  # a cell's marker is its blocks' rule, not a habit


def test_an_actors_cell_opening_like_the_documents_text_cells_is_unlikely():
    """Where activities open with "Öka", a short "Öka täckningsgraden" after them is one more
    activity, not an actor's name; a word that also opens actors' cells is not held against."""
    columns = parse_header_text("Mål Aktivitet Ansvarig")
    seen = [(block(f"Öka andelen {n}"), columns[1]) for n in range(3)]
    seen += [(block("Regionerna"), columns[2]), (block("Regionerna deltar i arbetet"), columns[1])]
    seen += [(block("Regionerna"), columns[2])] * 2
    assert cell_style(seen).text_openers == {"öka"}
    blocks = [
        block("Minskad rökning bland vuxna i hela länet genom samordnade insatser"),
        block("Krav på automatisk överföring av data till registret i tid."),
        block("Öka täckningsgraden"),
        block("Regionerna"),
    ]
    lengths = {"goal": 11, "activities": 11, "responsible": 2}
    cells = [
        [cell for cell, _ in placed(blocks, TableModel(columns, "goal", style=style))][2]
        for style in (
            CellStyle(words=lengths),
            CellStyle(words=lengths, text_openers=frozenset({"öka"})),
        )
    ]
    assert cells == ["responsible", "activities"]


def test_a_block_far_from_its_cells_usual_length_is_unlikely():
    """Two words are a likely actor where actors are two words long, an unlikely goal where
    goals run to thirty."""
    style = CellStyle(words={"goal": 30, "responsible": 2})
    short = block("Nära vård")
    assert style.misfit(short, "responsible") == 0
    assert style.misfit(short, "goal") > 1


def test_a_tables_own_label_repeated_among_its_cells_is_dropped():
    columns = VASTMANLAND_LIKE
    assert repeats_label("Aktivitet i RV", columns)
    assert repeats_label("Aktivitet från", columns)  # the first part of a wrapped label
    assert not repeats_label("RCC", columns)  # a label's rest may be a cell (an actor)
    assert not repeats_label("Aktivitet i skolan", columns)
    wrapped = parse_header_text("Målbild Planerade aktiviteter Ansvarig Status")
    assert repeats_label("aktiviteter", wrapped)  # the wrapped part of "Planerade aktiviteter"


def test_a_cell_of_numbered_labels_ends_at_a_block_without_a_number():
    """Where area cells are numbered ("2.) Patientmedverkan"), a short capitalised block without
    a number is no area: it is the previous row's last actor."""
    style = CellStyle(markers={"area": "number"})
    assert style.misfit(block("Nära vård"), "area") > 0
    assert style.misfit(block("3.a) Cancerprevention"), "area") == 0


def test_a_word_broken_at_a_hyphen_leaves_its_cell_open_across_a_page_break():
    lines = across_break(
        ["Stödja arbetet i ", "lokalt råd. ", "", "Projektgruppen för", "projektet patient-"],
        ["Representation i LPO", "", "och- närstående"],
    )
    blocks = cut_blocks(lines, paragraph_marks=True)
    assert [b.text for b in blocks] == [
        "Stödja arbetet i lokalt råd. Representation i LPO",
        "Projektgruppen för projektet patient- och- närstående",
    ]


COMMON = frozenset({"införande", "av", "min", "region"})


def test_two_cells_on_one_line_are_cut_before_a_capitalised_common_word():
    """pypdf prints a one-line goal and the first line of its activity on one line."""
    line_block = block("En sammanhållen vårdplan Införande av Min vårdplan", "cancer på 1177.se")
    parts = split_joined_cells(line_block, COMMON)
    assert [part.text for part in parts] == [
        "En sammanhållen vårdplan",
        "Införande av Min vårdplan cancer på 1177.se",  # "av Min": the word before is short
    ]
    assert [part.joined for part in parts] == [False, True]


def test_a_word_that_opens_a_paragraph_elsewhere_may_open_a_cell_inside_a_line():
    """A cell's first word ("Synliggöra") is a word the document opens paragraphs with; inside
    a line after other words it may open the next cell, even never written in lower case."""
    lines = [
        Line(1, 1, "Synliggöra och utöka informationen"),
        Line(2, 1, ""),
        Line(3, 1, "Välinformerad medborgare Synliggöra information till"),
    ]
    assert paragraph_openers(lines) == {"synliggöra", "välinformerad"}
    parts = split_joined_cells(block(lines[2].text), paragraph_openers(lines))
    assert [part.text for part in parts] == [
        "Välinformerad medborgare",
        "Synliggöra information till",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Samverkan med Region Skåne",  # a name: the document writes "region" in lower case,
        "• Utbildning för personal Införande av rutiner",  # but a bullet item is not cut
        "Rapportering till RgK varje år",  # an acronym, not a common word
    ],
)
def test_lines_that_are_not_cut(text):
    common = COMMON - {"region"} if "Region" in text else COMMON
    assert len(split_joined_cells(block(text), common)) == 1


def test_a_joined_part_reads_as_its_own_cell_or_as_the_line_it_came_from():
    columns = parse_header_text("Målbild Planerade aktiviteter Ansvarig Status")
    model = TableModel(columns, "activities", frozenset({"goal"}))
    split = split_joined_cells(block("En sammanhållen vårdplan Införande av rutiner"), COMMON)
    assert placed([*split, block("Verksamhetschef")], model) == [
        ("goal", True),
        ("activities", False),
        ("responsible", False),
    ]
    names = split_joined_cells(block("Rutiner för vårdplan Införande av rutiner"), COMMON)
    path = assign_columns([block("Minskad väntetid"), *names, block("Verksamhetschef")], model)
    assert [columns[index].cell for index, _ in path] == [
        "goal",
        "activities",
        "activities",  # read as one cell again: an activity needs no second goal
        "responsible",
    ]


def test_a_pypdf_line_holding_a_goal_and_an_activity_is_read_as_two_cells():
    """pypdf text with its paragraph ends made blank lines (as the reader does for a whole
    document); "införande" is a common word there, so "Införande" inside a line opens a cell."""
    text = "\n".join(
        [
            "Målbild Planerade aktiviteter Ansvarig Status",
            "Kortare väntetider för patienter ",
            "med cancer.",
            "",
            "Rutiner för införande ",
            "av remisser.",
            "",
            "Verksamhetschef",
            "",
            "Pågår",
            "",
            "En sammanhållen vårdplan Införande av Min vårdplan ",
            "på 1177.se för alla.",
            "",
            "Projektledare",
            "",
            "Planeras",
        ]
    )
    rows = read_text_tables(text_document(text), LAYOUTS["region_skane"].table)
    assert [row.cells["goal"] for row in rows] == [
        ("Kortare väntetider för patienter", "med cancer."),
        ("En sammanhållen vårdplan",),
    ]
    assert rows[1].cells["activities"] == ("Införande av Min vårdplan", "på 1177.se för alla.")


def test_a_bullet_after_a_page_break_that_cut_a_row_is_one_more_item_of_that_row():
    """pypdf prints a cut row's first parts, the repeated header, then the rests: the goal's rest
    joins the goal, and a bullet after it is one more activity of the same row, not a new row."""
    lines = across_break(
        ["Ökad forskning och ", "", "• Delta i studier. Pågår.", "", "Pågår"],
        ["inklusion i studier.", "", "• Delta i utbildningar."],
    )
    blocks = cut_blocks(lines, paragraph_marks=True)
    assert [b.text for b in blocks][0] == "Ökad forskning och inklusion i studier."
    assert blocks[-1].resumes
    columns = parse_header_text("Målbild Planerade aktiviteter Ansvarig Status")
    assert placed(blocks, TableModel(columns, "activities", frozenset({"goal"}))) == [
        ("goal", True),
        ("activities", False),
        ("status", False),
        ("activities", False),
    ]


def test_a_bullet_after_a_page_break_that_cut_no_cell_may_still_be_one_more_item():
    """A row may break across pages between two items of its list, with no cell cut: the bullet
    after the repeated header is the list's next item, not an actor nor a new row."""
    lines = across_break(
        ["Stärka rehabiliteringen", "", "• Utbildningsdagar", "", "2025", "", "Processledare", ""],
        ["• Föreläsningar på kursen", "", "Nästa mål för året", "", "• Ny insats", "", "2026"],
    )
    blocks = cut_blocks(lines, paragraph_marks=True)
    assert blocks[4].resumes
    columns = parse_header_text("VAD? HUR? NÄR? VEM?")
    model = TableModel(columns, "goal", style=CellStyle(markers={"activities": "bullet"}))
    assert [cell for cell, _ in placed(blocks, model)] == [
        "goal",
        "activities",
        "timeframe",
        "responsible",
        "activities",
        "goal",
        "activities",
        "timeframe",
    ]
    # where the list is the key cell, its bullet after a break that cut no cell opens a row
    lines = across_break(["• Utbildningsdagar", "", "Processledare", "", "2025", ""], ["• Kurs"])
    blocks = cut_blocks(lines, paragraph_marks=True)
    model = TableModel(COLUMNS, "activities", style=CellStyle(markers={"activities": "bullet"}))
    assert placed(blocks, model)[-1] == ("activities", True)


def test_a_new_area_opens_a_new_goal():
    """Merged cells nest: a row that opens a new area (merged) opens a new goal (merged, right
    of it) too, so the long text after the area label is its goal, not the key cell."""
    model = VASTMANLAND_MODEL
    blocks = [
        block("3.d.) Prostatacancertestning"),
        block("Det övergripande målet är minskad sjuklighet och dödlighet i prostatacancer"),
        block("Bidra till att utveckla organiserad testning i regionerna"),
        block("Regionerna"),
    ]
    assert [cell for cell, _ in placed(blocks, model)] == [
        "area",
        "goal",
        "rcc_activity",
        "responsible",
    ]


def test_a_nested_merged_cell_changes_with_the_one_it_is_nested_in():
    """Under one area the goal goes on: a new row opens at its key cell, not with a new goal
    of its own (which would shift every cell of the row one column left)."""
    model = VASTMANLAND_MODEL
    blocks = [
        block("2.) Patientmedverkan"),
        block("Stöd till patienter och närstående under hela vårdprocessen."),
        block("Stärka patient- och närståendeföreträdare genom utbildning"),
        block("Efterfrågas i förbättringsarbeten och arbetsgrupper."),
        block("Regionerna"),
        block("Delta i utvecklingen av PROM/PREM-enkäter"),
        block("Fortsatt utskick av enkäter. Använda resultaten i utvecklingen av vården."),
        block("PROM inom respektive diagnosgrupp."),
        block("Regionerna"),
    ]
    assert [cell for cell, _ in placed(blocks, model)][5:] == [
        "rcc_activity",
        "activities",
        "activities",
        "responsible",
    ]


def test_in_reading_order_a_bullet_goes_back_to_its_bulleted_cell():
    """pdftotext may print a row's second bullet after the next column's cell ("• A", "Ansvar:
    X", "• B"): where the document's activities are bulleted, the bullet goes back to them
    instead of opening a row without its goal."""
    columns = KRONOBERG_LIKE
    blocks = [
        block("1. Minskad rökning bland patienter i regionen."),
        block("• Erbjuda rökavvänjning före operation."),
        block("Ansvar: Verksamhetschef"),
        block("• Utbilda personal i samtal om levnadsvanor."),
        block("2. Fler patienter har en kontaktsjuksköterska."),
    ]
    style = CellStyle(markers={"activities": "bullet", "goal": "number"})
    sequential = TableModel(columns, "goal", numbered=True, style=style)
    reading = replace(sequential, reading_order=True)
    fourth, _ = assign_columns(blocks, sequential)[3]
    assert columns[fourth].cell != "activities"  # read in column order, it cannot go back
    assert placed(blocks, reading) == [
        ("goal", True),
        ("activities", False),
        ("status", False),
        ("activities", False),
        ("goal", True),
    ]


SKANE_LIKE = parse_header_text("Målbild Planerade aktiviteter Ansvarig Status")
# a goal may stand over several rows; every row has its activities
SKANE_MODEL = TableModel(SKANE_LIKE, "activities", frozenset({"goal"}), reading_order=True)


def test_in_reading_order_a_bullet_after_the_status_goes_back_to_the_activities():
    """pdftotext prints a row's status beside its first bullet, then the bullets below: they
    are the same row's activities, also where the document's bullets are too few to call its
    style, and a plain sentence after them is the next row's goal."""
    blocks = [
        block("Vårdpersonal har goda kunskaper om levnadsvanor."),
        block("• Basutbildning i levnadsvanor är obligatorisk."),
        block("Pågår"),
        block("• Nätverk för hälsosamordnare finns på alla vårdcentraler."),
        block("Hälsofrämjande samtal i samband med cancerdiagnos och vid uppföljning är rutin."),
        block("• Kontaktsjuksköterskan informerar om fysisk aktivitet."),
        block("Pågår"),
    ]
    assert placed(blocks, SKANE_MODEL) == [
        ("goal", True),
        ("activities", False),
        ("status", False),
        ("activities", False),
        ("goal", True),
        ("activities", False),
        ("status", False),
    ]


def test_in_reading_order_a_second_rows_cells_open_a_row_under_a_merged_goal():
    """Going back to the activities costs less than a row, but the cells after it were the
    row's already: a second bullet, actor and status under the same (merged) goal are a row."""
    columns = parse_header_text("Mål Aktivitet Ansvarig Status")
    model = TableModel(columns, "activities", frozenset({"goal"}), reading_order=True)
    blocks = [
        block("Minskad tobaksrökning bland vuxna i länet."),
        block("• Erbjuda rökavvänjning i primärvården"),
        block("Folkhälsoenheten"),
        block("Pågår"),
        block("• Utbilda personal i motiverande samtal"),
        block("Verksamhetschef"),
        block("Planeras"),
    ]
    assert placed(blocks, model) == [
        ("goal", True),
        ("activities", False),
        ("responsible", False),
        ("status", False),
        ("activities", True),
        ("responsible", False),
        ("status", False),
    ]


@pytest.mark.parametrize(
    ("before", "after", "texts"),
    [
        # pypdf prints the rests of two cut cells on one line where they share a baseline
        (
            ["Målet är tidig upptäckt av ", "", "Minska antalet ", "remisser "],
            ["cancersjukdom. för att minska", "felen.", "", "Ny aktivitet", ""],
            [
                "Målet är tidig upptäckt av cancersjukdom.",
                "Minska antalet remisser för att minska felen.",
                "Ny aktivitet",
            ],
        ),
        # a numbered goal or a header's label after the break is no cell's rest
        (
            ["Sprida information kring "],
            ["insjuknande i hudcancer.", "4. Teledermatoskopi införs.", "", "aktiviteter", ""],
            [
                "Sprida information kring insjuknande i hudcancer.",
                "4. Teledermatoskopi införs.",
                "aktiviteter",
            ],
        ),
        # nor is a numbered area, where a cell left open ("Ansvarig: ") has no rest
        (
            ["Säkerställa att ", "", "Ansvarig: "],
            ["remisser.", "", "3.c) Screening", ""],
            ["Säkerställa att remisser.", "Ansvarig:", "3.c) Screening"],
        ),
    ],
    ids=["two-rests-on-one-line", "numbered-goal-and-label", "numbered-area"],
)
def test_the_rests_after_a_page_break(before, after, texts):
    blocks = cut_blocks(across_break(before, after), paragraph_marks=True)
    assert [b.text for b in blocks] == texts
    assert two_rests(Line(1, 1, "t.ex. inom vården")) is None  # an abbreviation ends nothing


def test_a_bullet_alone_on_its_line_stays_with_its_item_across_a_page_break():
    """A bullet glyph that Word left alone on a line ("• ", then "Kontaktsjuksköterska …")
    opens its item; it is not a cell cut by the page break."""
    lines = across_break(
        ["• ", "Kontaktsjuksköterska ", "finns för barn.", "• Arbete pågår för att ", ""],
        ["skapa en familjeenhet.", ""],
    )
    assert [b.text for b in cut_blocks(lines, paragraph_marks=True)] == [
        "• Kontaktsjuksköterska finns för barn.",
        "• Arbete pågår för att skapa en familjeenhet.",
    ]


def test_a_time_and_an_actor_on_one_line_are_two_cells():
    """pypdf prints a row's time and actor cells on one line when they share a baseline."""
    parts = split_time_head(block("2024-2025 Processledare", "prevention"))
    assert [part.text for part in parts] == ["2024-2025", "Processledare prevention"]
    sentence = block("2025 ska alla regioner ha infört screening för tjocktarmscancer.")
    assert split_time_head(sentence) == [sentence]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "• Bilda nätverk i sydöst 2025 Processledare ",
            ["• Bilda nätverk i sydöst", "2025", "Processledare "],
        ),
        ("Om portaler på 2025 statistiker", ["Om portaler på", "2025", "statistiker"]),
        (
            "Ta fram rutin Q1 2025 Regional arbetsgrupp",
            ["Ta fram rutin", "Q1 2025", "Regional arbetsgrupp"],
        ),
        ("Q1 2025 Produktägare", ["Q1 2025 Produktägare"]),  # a time first: split_time_head's
        ("Under 2025 ska regionerna införa", ["Under 2025 ska regionerna införa"]),
        ("Kvinnor födda 1994 - 99 erbjuds vaccin", ["Kvinnor födda 1994 - 99 erbjuds vaccin"]),
    ],
)
def test_a_time_between_an_activity_and_an_actor_on_one_line_opens_two_cells(text, parts):
    """pypdf prints a row's first lines on one line where they share a baseline."""
    lines = split_inner_time(Line(1, 1, text))
    assert [line.text for line in lines if not line.is_blank] == parts
    assert len(lines) == 2 * len(parts) - 1  # a blank line between cells


def test_an_actors_name_after_a_time_inside_a_line_may_end_on_the_next_line():
    """Where the tool marks that a line's paragraph goes on, the name after the time is read
    with the next line ("… 2 ggr/år Screening " / "grupp SÖSR"); without the mark it is not."""
    line = Line(1, 1, "• Kvalitetsråd varje år 2 ggr/år Screening ")
    parts = [part.text for part in split_inner_time(line, "grupp SÖSR") if not part.is_blank]
    assert parts == ["• Kvalitetsråd varje år", "2 ggr/år", "Screening "]
    assert len(split_inner_time(replace(line, text=line.text.rstrip()), "grupp SÖSR")) == 1


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "• Remittera patienter till Ansvar: Patientens läkare",
            ["• Remittera patienter till", "Ansvar: Patientens läkare"],
        ),
        ("Följa upp arbetet Status: Pågår", ["Följa upp arbetet", "Status: Pågår"]),
        # a goal's label is part of the goal; a word that is no label of the vocabulary stays
        ("Stöd till närstående; Mål: En person", ["Stöd till närstående; Mål: En person"]),
        ("Stöd till närstående Mål: En person", ["Stöd till närstående Mål: En person"]),
        ("Tre delar Exempel: screening", ["Tre delar Exempel: screening"]),
    ],
)
def test_a_field_that_closes_a_row_inside_a_line_opens_the_next_cell(text, parts):
    """pypdf prints a row's first lines on one line where they share a baseline: an "Ansvar: …"
    after an activity's first words is the next cell."""
    lines = split_inner_field(Line(1, 1, text))
    assert [line.text for line in lines if not line.is_blank] == parts
    assert len(lines) == 2 * len(parts) - 1  # a blank line between cells


def test_a_list_item_is_no_caption():
    """A row's first lines printed right above a repeated header (a goal and its first bullet)
    are cells, not the caption of the table below."""
    lines = [Line(1, 1, "45. Alla erbjuds kontakt med"), Line(2, 1, "• Remittera patienter")]
    assert not is_caption(lines, set_apart=True)
    assert is_caption([Line(1, 1, "Organiserad prostatacancertestning")])


def test_a_bullet_inside_a_line_opens_the_next_cell():
    """A tool may print a row's first lines on one line: "Startsida 2.0 • Rapporter …" is the
    goal, then the first bullet of the activities."""
    text = "\n".join(
        [
            "VAD? HUR? NÄR? VEM?",
            "Öppna data • Publicera ",
            "rapporterna",
            "• Skapa startmodul",
            "",
            "2025 Statistiker",
            "",
            "Startsida 2.0 • Rapporter ska göras ",
            "om till nya rapporter",
            "• Skapa en modul",
            "",
            "2026 Statistiker",
        ]
    )
    rows = read_text_tables(text_document(text), LAYOUTS["rcc_sydost"].table)
    assert [row.cells["goal"] for row in rows] == [("Öppna data",), ("Startsida 2.0",)]
    assert rows[1].cells["activities"][0] == "• Rapporter ska göras"


def test_a_line_that_did_not_wrap_ends_its_cell():
    """Without paragraph marks (pdftotext), a capitalised line whose first word would have fit
    on the line above follows a cell's end, not a wrap."""
    parts = split_hard_breaks(
        block(
            "• Sprida RCC-material",
            "avseende",
            "hudcancerprevention till",
            "Sydöst",
            "Verka för att arbetet",
            "med levnadsvanor",
        )
    )
    assert [part.text for part in parts] == [
        "• Sprida RCC-material avseende hudcancerprevention till Sydöst",
        "Verka för att arbetet med levnadsvanor",
    ]
    wrapped = block("Kontaktsjuksköterskan och", "Processledare informerar")  # did not fit
    assert split_hard_breaks(wrapped) == [wrapped]


def test_a_numbered_line_opens_the_next_goal():
    """A tool may print the last cell of a row and the next numbered goal without a gap."""
    parts = split_numbered(
        block(
            "Ansvar: Respektive patientprocessledare", "18. De lokala patientprocessledarna", "har"
        )
    )
    assert [part.text for part in parts] == [
        "Ansvar: Respektive patientprocessledare",
        "18. De lokala patientprocessledarna har",
    ]
    figure = block("Täckningsgrad", "60. 10 % av patienterna")  # a number, not a goal
    assert split_numbered(figure) == [figure]


SYDOST_READING_ORDER = """Handlingsplan 2027 – Målområde 1
Prevention
VAD?

HUR?

NÄR?

VEM?

Genomföra kunskapshöjande
insatser om levnadsvanor

• Sprida den digitala
utbildningen om EU-kodex

2025

Processledare
prevention

Jämlik tillgång till screening
VAD?

HUR?

NÄR?

VEM?

Samordning inom och mellan
screeningprogram

• Delta i RCC-nätverk för
screening

3-4 ggr/år

Screeningsamordnare
"""


def test_a_line_set_right_on_top_of_a_header_is_the_tables_caption():
    """pdftotext prints a table's caption on the line right above its header, where the cells
    have blank lines between them: the caption heads the table below, it is no cell."""
    rows = read_text_tables(text_document(SYDOST_READING_ORDER), LAYOUTS["rcc_sydost"].table)
    assert [(row.cells["goal"], row.context.section) for row in rows] == [
        (("Genomföra kunskapshöjande", "insatser om levnadsvanor"), "Prevention"),
        (("Samordning inom och mellan", "screeningprogram"), "Jämlik tillgång till screening"),
    ]


KRONOBERG_READING_ORDER = """Målbild

Planerade/pågående aktiviteter

Status/förutsättningar/ansvar

47. Regionen bidrar till insamling av prover.

• Kliniska kemin samlar in prover. Pågår.

BIOBANK

• Patologen biobankar alla preparat. Pågår.

STYRNING

Målbild

Planerade/pågående aktiviteter

48. Regionen deltar i kunskapsstyrningen.

• En medicinsk kommitté finns.
"""


def test_a_caption_printed_among_a_tables_cells_heads_that_table():
    """pdftotext may print a table's caption between two items of a row's list: a heading with
    a bullet below it, inside a table, is the table's section and the list goes on."""
    table = LAYOUTS["region_kronoberg"].table
    rows = read_text_tables(text_document(KRONOBERG_READING_ORDER), table)
    items = [[line for line in row.cells["activities"] if line] for row in rows]
    assert items == [
        [
            "• Kliniska kemin samlar in prover. Pågår.",
            "• Patologen biobankar alla preparat. Pågår.",
        ],
        ["• En medicinsk kommitté finns."],
    ]
    assert [row.context.section for row in rows] == ["BIOBANK", "STYRNING"]


def test_a_numbered_goal_opens_a_row_even_right_below_another_goal():
    """Where goals are numbered, a numbered block is the next goal, also where a reading-order
    tool prints it right below a goal whose row has no activities ("22. …", "23. …")."""
    blocks = [
        block("22. Regionen rapporterar kvalitetssäkrade data till den nationella databasen."),
        block("23. Data följs och presenteras regelbundet för sjukvårdsledningen."),
        block("• En applikation är framtagen för regelbunden presentation av resultat."),
        block("Ansvar: Analysenheten"),
    ]
    model = TableModel(KRONOBERG_LIKE, "goal", numbered=True, reading_order=True)
    assert placed(blocks, model) == [
        ("goal", True),
        ("goal", True),
        ("activities", False),
        ("status", False),
    ]


def test_in_reading_order_a_block_may_go_back_to_an_earlier_cell_of_its_row():
    """pdftotext may print a row's actor before its time entry, though the time column comes
    first: the time goes back into the row rather than opening a row without its goal."""
    columns = parse_header_text("Mål Aktivitet Tidsplan Ansvarig")
    blocks = [
        block("Fler patienter erbjuds rehabilitering efter avslutad behandling."),
        block("• Kartlägga behoven av rehabilitering i regionen."),
        block("Processledare rehabilitering"),
        block("2025"),
    ]
    model = TableModel(columns, "goal", reading_order=True)
    assert placed(blocks, model) == [
        ("goal", True),
        ("activities", False),
        ("responsible", False),
        ("timeframe", False),
    ]
    # read in column order, the actor and the time entry cannot both stand where they belong
    assert placed(blocks, replace(model, reading_order=False))[2:] != [
        ("responsible", False),
        ("timeframe", False),
    ]


def test_a_cells_rest_finds_it_past_a_list_of_actors():
    """A row's actors, one paragraph each, stand between a cell the page break cut and the
    break: a list of actors is one cell, so the cut cell is still among the row's last cells."""
    actors = ["RCC Mellansverige", "Regionerna", "LPO Hälsosamma levnadsvanor", "LPO cancer"]
    before = ["Öka förutsättningarna för ", "fysisk aktivitet ", ""]
    for actor in [*actors, "Kommunikationsenheten", "Alla verksamheter"]:
        before += [actor, ""]
    lines = across_break(before, ["bland barn och unga.", ""])
    blocks = cut_blocks(lines, paragraph_marks=True)
    assert blocks[0].text == "Öka förutsättningarna för fysisk aktivitet bland barn och unga."
    assert len(blocks) == 7


@pytest.mark.parametrize(
    ("before", "texts"),
    [
        # the next cell, an actor's name, follows the cut cell on the next line
        (
            ["Öka fysisk ", "aktivitet ", "RCC ", "Mellansverige", ""],
            ["Öka fysisk aktivitet bland barn.", "RCC Mellansverige"],
        ),
        # in lower case after a sentence's end (a sentence does not go on in lower case)
        (
            ["Uppdatera beskrivningen ", "(ansvar cancersamordnaren). ", "cancersamordnaren", ""],
            [
                "Uppdatera beskrivningen (ansvar cancersamordnaren). bland barn.",
                "cancersamordnaren",
            ],
        ),
        # a paragraph that opens with an actor term but goes on past lines the tool left
        # unmarked (a line on "samt", a word broken at the line's end) is the cut cell's
        (
            ["Integreras med ", "LPO Hälsosamma ", "levnadsvanor samt", "tillsammans med "]
            + ["kontaktsjuksköters", "korna och läkarna ", "på grundnivå ", ""],
            [
                "Integreras med LPO Hälsosamma levnadsvanor samt tillsammans med "
                "kontaktsjuksköters korna och läkarna på grundnivå bland barn."
            ],
        ),
        # in lower case inside a sentence: the sentence goes on
        (
            ["Uppdatera beskrivningen med ", "cancersamordnaren ", ""],
            ["Uppdatera beskrivningen med cancersamordnaren bland barn."],
        ),
        # an actor's name opens a line of the cut cell's own sentence: no cell of its own
        (
            [
                "Integreras med ",
                "LPO Hälsosamma levnadsvanor ",
                "samt tillsammans med ",
                "kontaktsjuksköterskorna och ",
                "läkarna vid samtal ",
                "",
            ],
            [
                "Integreras med LPO Hälsosamma levnadsvanor samt tillsammans med "
                "kontaktsjuksköterskorna och läkarna vid samtal bland barn."
            ],
        ),
    ],
)
def test_a_cell_cut_by_a_page_break_ends_where_an_actors_paragraph_starts(before, texts):
    blocks = cut_blocks(across_break(before, ["bland barn.", ""]), paragraph_marks=True)
    assert [block.text for block in blocks] == texts


@pytest.mark.parametrize(
    ("before", "texts"),
    [
        # the next cells, a time entry and an actor on one line, follow the cut cell
        (["Kartlägga vilka ", "variabler ", "2025 Statistiker", ""], ["Kartlägga vilka variabler"]),
        # a time entry not in lower case, with words after it
        (["Möte i närhet till ", "Kontinuerligt, 3-4 ", "ggr/termin", ""], ["Möte i närhet till"]),
        # the year of the cut cell's own date: no cell of its own
        (["Samlas i maj och ", "november 2025 ", ""], ["Samlas i maj och november 2025"]),
        (["Samlas i maj ", "2025 ", ""], ["Samlas i maj 2025"]),
        # an actor's name that goes on a line that runs on: one name
        (["Regionerna med stöd av ", "RCC Mellansverige ", ""], ["Regionerna med stöd av RCC"]),
        # a short paragraph that names an actor after other words is the cut cell's own line
        (["Remissflöde enligt ", "SVF alarmsymtom ", "Regionerna", ""], ["Remissflöde enligt SVF"]),
    ],
)
def test_a_cell_cut_by_a_page_break_ends_where_a_time_entry_starts(before, texts):
    blocks = cut_blocks(across_break(before, ["rest.", ""]), paragraph_marks=True)
    assert blocks[0].text.startswith(texts[0])
    assert blocks[0].text.endswith("rest.")


def test_a_cell_split_off_before_a_page_break_stands_only_where_a_rest_may_reach_it():
    """A status after an open line near a break may be a cut cell's next cell, but where the
    part it leaves open stands before the blocks a rest may go to, its line only wrapped: the
    item stays whole ("… till regionen. " / "Pågår.")."""
    before = [
        *["• Redovisa väntetider ", "till regionen. ", "Pågår.", ""],
        *["Nästa mål för året.", "", "En aktivitet.", "", "Pågår", ""],
        *["Ett annat mål.", "", "En annan aktivitet.", ""],
    ]
    blocks = cut_blocks(across_break(before, ["Tredje mål.", ""]), paragraph_marks=True)
    assert blocks[0].text == "• Redovisa väntetider till regionen. Pågår."
    near = cut_blocks(across_break(before[:4], ["rest.", ""]), paragraph_marks=True)
    assert [block.text for block in near] == [
        "• Redovisa väntetider till regionen. rest.",
        "Pågår.",
    ]


@pytest.mark.parametrize(
    ("before", "after", "texts"),
    [
        # one block left open (the activity); the merged goal cut inside the block the next cell
        # goes on in ("… upptäckt av " / "Verka för …") gets the first rest
        (
            ["Målet är tidig ", "upptäckt av ", "Verka för flöden", ""]
            + ["Följa ledtider enligt ", "SVF alarmsymtom ", ""],
            "cancer. för att minska remisser",
            [
                "Målet är tidig upptäckt av cancer.",
                "Verka för flöden",
                "Följa ledtider enligt SVF alarmsymtom för att minska remisser",
            ],
        ),
        # three rests, one block left open: three cells of one row printed as one block
        (
            ["Rutiner finns för att ", "utredningen är ", "Rcc verkar för att ", "riktlinjer tas "]
            + ["Respektive ledare i ", "samverkan med ", ""],
            "utförd för alla.\n\nfram av gruppen.\n\nberörda",
            [
                "Rutiner finns för att utredningen är utförd för alla.",
                "Rcc verkar för att riktlinjer tas fram av gruppen.",
                "Respektive ledare i samverkan med berörda",
            ],
        ),
        # a rest may open with a date that a lower-case word goes on (no time cell of its own)
        (
            ["RgK följer förutsättningarna att ", "RgK har deltagit i en ", "workshop ", ""],
            "införa screening.\n\n2024-02-01 arrangerad av Rcc.",
            [
                "RgK följer förutsättningarna att införa screening.",
                "RgK har deltagit i en workshop 2024-02-01 arrangerad av Rcc.",
            ],
        ),
        # no block left open: two cells hidden in one closed block, the rests in their order
        (
            ["Målet är tidig diagnostik för ", "Fortsatt arbete med ", "Separat ärende", ""],
            "alla grupper. regionalt och nationellt",
            [
                "Målet är tidig diagnostik för alla grupper.",
                "Fortsatt arbete med regionalt och nationellt",
                "Separat ärende",
            ],
        ),
    ],
)
def test_two_rests_on_a_line_reopen_the_cells_a_page_break_hid(before, after, texts):
    """The line after a break holds two rests where fewer blocks were left open: the cells the
    break cut inside closed blocks are reopened, the first rest going to the earlier one."""
    lines = across_break(before, [*after.split("\n"), ""])
    blocks = cut_blocks(lines, True, inner_words(lines))
    assert [block.text for block in blocks] == texts


def test_the_rest_of_a_word_broken_at_a_page_break_goes_to_the_cell_it_ended():
    """A word broken at the last line before the break (no space, "sjukvårdsregionen") goes on
    after it with a piece that is no word ("s patienter …"): that rest is the cell's that ended
    so, before the open one, whose own rest follows."""
    lines = across_break(
        ["Målet är att ", "sjukvårdsregionen", "", "Samordna arbetet ", ""],
        ["s patienter erbjuds vård.", "", "inom regionen.", ""],
    )
    blocks = cut_blocks(lines, True, inner_words(lines))
    assert [block.text for block in blocks] == [
        "Målet är att sjukvårdsregionen s patienter erbjuds vård.",
        "Samordna arbetet inom regionen.",
    ]


def test_the_rest_of_a_broken_word_finds_its_cell_after_the_open_ones_took_theirs():
    """Where the open cell took its rest first, a piece of a word after it goes to the cell
    that ended on a piece of a word the text never prints inside a line ("… ordnin"), not to
    one that ended on a whole word ("… registret", printed inside a line elsewhere)."""
    lines = across_break(
        ["Målet är att registret ", "", "Föra in data i registret", "", "Öka enligt ordnin", ""],
        ["håller god kvalitet.", "", "g som är baserad på SKR.", ""],
    )
    blocks = cut_blocks(lines, True, inner_words(lines))
    assert [block.text for block in blocks] == [
        "Målet är att registret håller god kvalitet.",
        "Föra in data i registret",
        "Öka enligt ordnin g som är baserad på SKR.",
    ]


def test_a_block_that_stopped_mid_phrase_before_a_break_takes_a_lower_case_rest():
    """A piece of a line split off before a break loses the tool's mark, but a block that stops
    on "med" or "och" was cut: the lower-case rests after the break go on it; a capitalised
    block is the next row, not a rest of it."""
    before = ["45. Alla erbjuds kontakt med", "", "• Remittera till uppföljnings- och", ""]
    lines = across_break(before, ["seneffektsmottagning.", "", "mottagningen i Lund.", ""])
    blocks = cut_blocks(lines, True, inner_words(lines))
    assert [block.text for block in blocks] == [
        "45. Alla erbjuds kontakt med seneffektsmottagning.",
        "• Remittera till uppföljnings- och mottagningen i Lund.",
    ]
    lines = across_break(["• Om statistikportaler på", ""], ["Validering av registret", ""])
    assert len(cut_blocks(lines, True, inner_words(lines))) == 2


def test_a_closing_mark_alone_on_its_line_ends_the_block_before_it():
    """pypdf may print a cell's last ")" on a line of its own: no cell, the end of the one above."""
    lines = [Line(1, 1, "Cancersamordnare"), Line(2, 1, ""), Line(3, 1, ")"), Line(4, 1, "")]
    blocks = cut_blocks([*lines, Line(5, 1, "Utarbeta utbildningspaket")], paragraph_marks=True)
    assert [block.text for block in blocks] == ["Cancersamordnare )", "Utarbeta utbildningspaket"]


def test_a_rest_where_no_block_was_left_open_reopens_the_cell_it_hid_in():
    """pypdf prints a cut cell's first part and, on the next line, the next cell's first lines
    in one block that ends closed; the lower-case rest after the break belongs to the cell that
    ended on an open line before a capitalised one."""
    before = ["Uppnå full ", "inrapportering till ", "Direktöverföring av ", "data", "", "Chef", ""]
    blocks = cut_blocks(across_break(before, ["registret i tid.", ""]), paragraph_marks=True)
    assert [block.text for block in blocks] == [
        "Uppnå full inrapportering till registret i tid.",
        "Direktöverföring av data",
        "Chef",
    ]
    # an actor's name on two lines ("RCC " / "Mellansverige") is one name, not a hidden cut
    named = ["Uppnå full ", "inrapportering till ", "Direktöverföring av ", "data", ""]
    blocks = cut_blocks(
        across_break([*named, "RCC ", "Mellansverige", ""], ["registret i tid.", ""]), True
    )
    assert [block.text for block in blocks][0] == "Uppnå full inrapportering till registret i tid."
    # a capitalised block after the break is no rest: a new row
    blocks = cut_blocks(across_break(before, ["Ny rad.", ""]), paragraph_marks=True)
    assert [block.text for block in blocks][
        0
    ] == "Uppnå full inrapportering till Direktöverföring av data"


def test_a_goal_stated_across_a_table_heads_the_rows_below_it_in_text():
    """A goal stated in a row across a table without a goal column ("Mål 1: …") heads the
    rows below it, which no repeated header opens."""
    cells = "Insats {} för målet\n\nHR-avdelningen\n\n2029\n\n"
    text = (
        "Handlingsplan 2029, Region Värmland\n\nMålområde 1 – Prevention\n\n"
        "Aktivitet\n\nAnsvarig\n\nTidsplan\n\n"
        "Mål 1: Minskad tobaksrökning bland vuxna\ni hela länet\n\n"
        + cells.format(1)
        + cells.format(2)
        + "Mål 2: Fler deltar i screening\n\n"
        + cells.format(1)
        + cells.format(2)
    )
    rows = parse_document(text_document(text)).rows
    assert [(" ".join(row.goal.split()), row.activities, row.timeframe) for row in rows] == [
        (goal, (f"Insats {i} för målet",), ("2029",))
        for goal in ("Minskad tobaksrökning bland vuxna i hela länet", "Fler deltar i screening")
        for i in (1, 2)
    ]


def test_a_caption_above_a_header_in_text_whose_tool_marks_paragraphs():
    """pypdf prints no blank lines; a wrapped line ends with a space. A one-line paragraph right
    above a header that reads as no cell is the next table's caption; an actor's name there is
    the last row's cell."""
    row = (
        "Genomföra insatser om \nlevnadsvanor\n• Sprida utbildningen om \nEU-kodex\n"
        "2025\nProcessledare \nprevention\n"
    )
    text = (
        "Handlingsplan 2027 – Målområde 1\nPrevention\nVAD? HUR? NÄR? VEM?\n"
        + row * 4
        + "Jämlik tillgång till screening\nVAD? HUR? NÄR? VEM?\n"
        + row.replace("levnadsvanor", "screening") * 4
    )
    document = text_document(text)
    assert text_order(document.lines) == PARAGRAPH_MARKED
    rows = read_text_tables(document, LAYOUTS["rcc_sydost"].table)
    assert [" ".join(row.cells["goal"]) for row in rows] == [
        "Genomföra insatser om levnadsvanor"
    ] * 4 + ["Genomföra insatser om screening"] * 4
    assert rows[-1].context.section == "Jämlik tillgång till screening"
    assert rows[3].cells["responsible"] == ("Processledare", "prevention")


def test_a_label_printed_above_a_cell_in_one_block_is_split_from_it():
    """pdftotext may print a repeated header label and the cell below it as one block."""
    parts = split_label_head(block("Status", "Pågår"))
    assert [part.text for part in parts] == ["Status", "Pågår"]
    assert split_label_head(block("Status pågår", "enligt plan")) == [
        block("Status pågår", "enligt plan")
    ]


def test_where_every_row_has_its_own_goal_a_goal_without_activities_is_a_row():
    """Skåne's layout may merge a goal over several rows, so a row needs its activities; in a
    document whose rows all have a goal of their own (Kronoberg's rows in Skåne's layout) the
    goal is the key instead, and a goal with no activities is a row of its own rather than the
    activity of the row above."""
    blocks = [
        block("Vårdpersonal har goda kunskaper om levnadsvanor och cancer."),
        block("• Basutbildning i levnadsvanor är obligatorisk för alla."),
        block("Verksamhetschef"),
        block("Screeningprogrammet har hög täckningsgrad i hela regionen."),
        block("Kvinnokliniken"),
        block("Fler deltar i screening för tjocktarmscancer i regionen."),
        block("• Skicka påminnelser via 1177 till alla som inte deltagit."),
        block("Kirurgkliniken"),
    ]
    spec = LAYOUTS["region_skane"].table
    cut = _Cut(tuple(blocks), spec.columns, Context(), reading_order=False)
    merged_goals, own_goals = _model(cut, spec), _model(cut, spec, own_goals=True)
    assert (merged_goals.key, own_goals.key) == ("activities", "goal")
    assert [opens for _, opens in placed(blocks, own_goals)] == [
        True,
        False,
        False,
        True,
        False,
        True,
        False,
        False,
    ]
    assert "goal" in merged_goals.merged and "goal" not in own_goals.merged


def test_a_rows_printed_number_goes_to_its_number_column():
    """ "Nr | Mål | Aktivitet | Ansvarig": a goal merged over two rows whose number is printed in
    each; the second row's "1" is its number, not a goal of one word (which would teach the
    reader that goals are short)."""
    columns = parse_header_text("Nr Mål Aktivitet Ansvarig")
    model = TableModel(columns, "activities", frozenset({"goal"}))
    blocks = [
        block("1"),
        block("Minskad tobaksrökning bland vuxna i länet genom samordnade insatser"),
        block("Erbjuda rökavvänjning till alla patienter som röker"),
        block("Folkhälsoenheten"),
        block("1"),
        block("Utbilda personal i motiverande samtal"),
        block("Verksamhetschef"),
    ]
    assert placed(blocks, model) == [
        ("number", True),
        ("goal", False),
        ("activities", False),
        ("responsible", False),
        ("number", True),
        ("activities", False),
        ("responsible", False),
    ]


@pytest.mark.parametrize(
    ("before", "after", "texts"),
    [
        # a cell that stops without a sentence's end takes the lower-case rest after the break
        (
            ["RgK stärker den kliniska", "forskningen och ökar", "", "• Delta i studier.", ""],
            ["inklusionen i studier.", "", "• Delta i utbildningar.", ""],
            [
                "RgK stärker den kliniska forskningen och ökar inklusionen i studier.",
                "• Delta i studier.",
                "• Delta i utbildningar.",
            ],
        ),
        # a rest ends with a sentence where a capitalised line follows: the next row's goal
        (
            ["Enkäten finns att fylla", "i digitalt via", ""],
            ["1177 eller på papper.", "Nya rutiner införs.", ""],
            ["Enkäten finns att fylla i digitalt via 1177 eller på papper.", "Nya rutiner införs."],
        ),
        # of two cells without an end, the one that runs on takes the only rest
        (
            ["34. Data förs över direkt", "", "Journalmallar med struktur och", ""],
            ["informationsstruktur krävs.", "", "36. Nästa mål", ""],
            [
                "34. Data förs över direkt",
                "Journalmallar med struktur och informationsstruktur krävs.",
                "36. Nästa mål",
            ],
        ),
        # a header's labels printed again after the break stand between the cut cell and its
        # rest
        (
            ["Skapa virtuella MDK", "med chattfunktion", "", "Verksamhetschef", ""],
            ["Tidsplan", "", "Status", "", "mellan vård och kommun.", ""],
            [
                "Skapa virtuella MDK med chattfunktion mellan vård och kommun.",
                "Verksamhetschef",
                "Tidsplan",
                "Status",
            ],
        ),
        # a stop inside brackets left open is no sentence's end
        (
            ["Workshop om insamlingar (t.ex.", "", "RPPL", ""],
            ["bröst/lymfom) för nya processer.", ""],
            ["Workshop om insamlingar (t.ex. bröst/lymfom) för nya processer.", "RPPL"],
        ),
        # a cell of its own in lower case, or a numbered goal, is no rest; a name needs no end
        (
            ["Ökad följsamhet till", "vårdprogrammen", "", "Processledare", ""],
            ["pågår", "", "12. Nästa mål", ""],
            ["Ökad följsamhet till vårdprogrammen", "Processledare", "pågår", "12. Nästa mål"],
        ),
    ],
)
def test_where_no_paragraph_ends_are_marked_the_words_find_a_cut_cells_rest(before, after, texts):
    """pdftotext marks no paragraph's end: a cell the page break cut is one that stops without
    a sentence's end (running text, not an actor's name, a status or a time entry), and a
    lower-case paragraph after the break is its rest (one that runs on is served first)."""
    blocks = cut_blocks(across_break(before, after), paragraph_marks=False)
    assert [block.text for block in blocks] == texts


def test_a_block_of_several_actors_names_is_an_actors_cell():
    """A reading-order tool prints a row's actors as one block, longer than one name: each name
    reads as an actor's, so the block is a responsible cell; bullet items are no names."""
    names = block(
        "Processledare prevention",
        "representanter för cancerrehabilitering",
        "Processledare prevention samt",
        "processledare för diagnosspecifika",
        "processer",
    )
    assert emission(names, "responsible") == 0.0
    assert emission(names, "goal") > emission(names, "responsible")
    items = block("• Regionalt stödteam", "• Samverkan med RCC Sydösts övriga processledare")
    assert emission(items, "responsible") > 0.0


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Screeningsamordnare Sydöst.", True),  # a short name its writer ended with a stop
        ("PNR hudcancerprevention och screening.", False),  # a sentence's end
        ("Processledare ansvarar för uppföljningen.", False),
    ],
)
def test_a_very_short_name_may_end_with_a_full_stop(text, actor):
    assert (emission(block(text), "responsible") == 0.0) is actor


def test_a_goal_that_opens_with_an_actors_name_is_less_likely():
    """A block that opens with an actor term but is no name (it ends a sentence) is more likely
    a responsible cell than a goal: where a tool printed it apart, it opens no row."""
    named = block("Processledare nyckel person inom resp. process.")
    goal = block("Samordning inom och mellan screeningprogram")
    assert emission(named, "goal") > emission(goal, "goal")


SKANE_HEADING_AMONG_LABELS = """Målbild

Planerade
aktiviteter

Ansvarig

Status

Fler deltar i screening för bröstcancer.

• Skicka påminnelser via 1177.

Kirurgkliniken

Pågår

Ansvarig

Status

LIVMODERHALSSCREENING
Målbild

Planerade
aktiviteter

Självtest erbjuds alla som uteblivit.

• Erbjuda självprovtagning.

Kvinnokliniken

Pågår
"""


def test_a_heading_printed_among_a_headers_labels_opens_a_table_under_it():
    """pdftotext prints a table's caption with the label of the first column below it, after
    the other labels: the heading opens a new table and the labels after it come first."""
    rows = read_text_tables(
        text_document(SKANE_HEADING_AMONG_LABELS), LAYOUTS["region_skane"].table
    )
    assert [(row.context.section, row.cells["goal"][0]) for row in rows] == [
        (None, "Fler deltar i screening för bröstcancer."),
        ("LIVMODERHALSSCREENING", "Självtest erbjuds alla som uteblivit."),
    ]
    assert rows[1].cells["responsible"] == ("Kvinnokliniken",)


def test_a_header_printed_twice_in_a_row_names_each_column_once():
    """pdftotext may print a header's labels twice in a row (a page's last labels, then the
    next page's): the table has each column once, so a second goal opens a second row."""
    labels = "Målbild\n\nPlanerade/pågående aktiviteter\n\nStatus/förutsättningar/ansvar\n\n"
    text = (
        labels * 2
        + "36. Regionen följer upp nivåstruktureringen.\n\n• Redovisning skickas. Pågår.\n\n"
        + "Väntetidsmålen nås inte.\n\n"
        + "37. Regionen deltar i samarbetet.\n\n• Personer deltar i arbetsgrupper, pågår.\n"
    )
    rows = read_text_tables(text_document(text), LAYOUTS["region_kronoberg"].table)
    assert [row.cells["goal"][0][:3] for row in rows] == ["36.", "37."]


SKANE_ITEMS_AFTER_NEXT_ROW = """Målbild

Planerade
aktiviteter

Ansvarig

Status

Personer med cancer erbjuds cancerrehabilitering enligt vårdprogrammet.

• Träningsgrupp erbjuds via lasarettsrehab. Pågår.

Lokal rehabriktlinje finns för personer med cancer.

Rehabriktlinjer för regionen uppdateras under 2024.

Pågår

• Implementering av uppdaterat vårdprogram. Planeras.

Lasarettsrehab
"""


def test_in_reading_order_bullet_items_after_the_next_rows_plain_cell_are_the_row_befores():
    """pdftotext prints the rest of a row's bulleted list after the next row's goal and plain
    activity: a cell's items share their marker, so the bullet goes back to the row before."""
    rows = read_text_tables(
        text_document(SKANE_ITEMS_AFTER_NEXT_ROW), LAYOUTS["region_skane"].table
    )
    items = [[line for line in row.cells.get("activities", ()) if line] for row in rows]
    assert items == [
        [
            "• Träningsgrupp erbjuds via lasarettsrehab. Pågår.",
            "• Implementering av uppdaterat vårdprogram. Planeras.",
        ],
        ["Rehabriktlinjer för regionen uppdateras under 2024."],
    ]


@pytest.mark.parametrize("reading_order", [True, False])
def test_a_bullet_item_after_a_plain_block_opens_no_item_of_its_cell(reading_order):
    """A cell's items share their marker: after a row's plain activity, a plain block and a
    bullet item below it are the next row's goal and its first item, not two more items (in
    any order a tool prints)."""
    columns = parse_header_text("Målbild Planerade aktiviteter Ansvarig Status")
    blocks = [
        block("RgK ska tillgodose barnets behov av planering för uppföljning."),
        block("Patientkontrakt och Min vårdplan är under införande."),
        block("Alla patienter erbjuds kontakt med en seneffektsmottagning enligt vårdprogrammet."),
        block("• RgK remitterar patienter till mottagningen i Lund."),
    ]
    model = TableModel(columns, "goal", reading_order=reading_order)
    assert placed(blocks, model) == [
        ("goal", True),
        ("activities", False),
        ("goal", True),
        ("activities", False),
    ]


KRONOBERG_CAPTION_AT_PAGE_FOOT = """Målbild

Planerade/pågående aktiviteter

Status/förutsättningar/ansvar

20. Alla patienter har en kontaktsjuksköterska som arbetar enligt uppdragsbeskrivningen för

• Uppdragsbeskrivningen behöver uppdateras.

KONTAKTSJUKSKÖTERSKA

\fMålbild

Planerade/pågående aktiviteter

Status/förutsättningar/ansvar

kontaktsjuksköterskans roll och funktion.

21. Alla patienter erbjuds en skriftlig vårdplan.

• Införandet pågår.
"""


def test_a_caption_printed_at_a_page_foot_before_a_cut_cells_rest_keeps_the_table():
    """pdftotext may print a table's caption at the foot of a page: where the repeated header
    below it is followed by a cut cell's rest, the table goes on and the rest finds its cell."""
    rows = read_text_tables(
        text_document(KRONOBERG_CAPTION_AT_PAGE_FOOT), LAYOUTS["region_kronoberg"].table
    )
    assert [" ".join(row.cells["goal"]) for row in rows] == [
        "20. Alla patienter har en kontaktsjuksköterska som arbetar enligt uppdragsbeskrivningen "
        "för kontaktsjuksköterskans roll och funktion.",
        "21. Alla patienter erbjuds en skriftlig vårdplan.",
    ]


def test_a_cells_rest_may_follow_the_resumed_items_of_its_rows_list():
    """pypdf prints each cell's rest after a page break in column order: the row's list goes
    on first ("• Sammanställning …"), then the actor's rest ("bröstcancerscreening"), which
    still finds the name the break cut."""
    lines = across_break(
        ["Fortsatt processarbete", "", "• Bilda nätverk i sydöst", "", "Processledare ", ""],
        ["• Sammanställning av ", "resultat i sydöst", "bröstcancerscreening", ""],
    )
    blocks = cut_blocks(lines, True, inner_words(lines))
    assert [block.text for block in blocks] == [
        "Fortsatt processarbete",
        "• Bilda nätverk i sydöst",
        "Processledare bröstcancerscreening",
        "• Sammanställning av resultat i sydöst",
    ]


@pytest.mark.parametrize(
    ("after", "texts"),
    [
        # one word a rest: the first cell's word fits nothing more
        (
            "rehabilitering rehabilitering",
            ["Samverka med PSV rehabilitering", "Lag Generisk rehabilitering", "Verksamheterna"],
        ),
        # the first rest takes the words that fit its column's width
        (
            "vård och primär vårdcentraler",
            ["Samverka med PSV vård och", "Lag Generisk primär vårdcentraler", "Verksamheterna"],
        ),
    ],
)
def test_two_rests_side_by_side_on_the_last_line_after_a_break(after, texts):
    """Two cells wait for their rests and one lower-case line is left before the next cell: the
    tool printed both rests on it with nothing between; the first takes what fits its width."""
    before = ["Samverka med ", "PSV ", "", "Lag Generisk ", ""]
    lines = across_break(before, [after, "", "Verksamheterna", ""])
    blocks = cut_blocks(lines, True, inner_words(lines))
    assert [block.text for block in blocks] == texts


def test_a_last_rest_that_fits_its_cells_width_is_that_cells_alone():
    """A line no longer than the first waiting cell's column is wide is one rest: not cut."""
    before = ["Samverka med ", "PSV ", "", "Lag Generisk ", ""]
    lines = across_break(before, ["vård och primär", "", "Verksamheterna", ""])
    blocks = cut_blocks(lines, True, inner_words(lines))
    assert blocks[0].text == "Samverka med PSV vård och primär"


@pytest.mark.parametrize(
    ("lines", "parts"),
    [
        (("1.2 • Skicka påminnelser", "via 1177"), ["1.2", "• Skicka påminnelser via 1177"]),
        (("3. Minskad tobaksrökning",), ["3.", "Minskad tobaksrökning"]),
        (("2 ggr per år",), ["2 ggr per år"]),  # a count in a sentence
        (("2027 Pågår",), ["2027 Pågår"]),  # a year is no row number
    ],
)
def test_a_rows_number_and_its_first_cell_on_one_line_are_two_blocks(lines, parts):
    """pypdf prints a row's first baseline as one line: its number, then a cell's text."""
    assert [part.text for part in split_number_head(block(*lines))] == parts


# "~": the space pypdf leaves at the end of a line whose paragraph goes on
NUMBERED_ROWS = """Handlingsplan 2027 Region Gävleborg
Nr Delmål Insatser Ansvarig Tidplan Status
1.1 Minskad tobaksrökning~
bland vuxna i länet.
• Erbjuda~
rökavvänjning i~
primärvården
• Utbilda personal i~
motiverande samtal
Folkhälsoenheten
2027 Pågår
1.2 • Skicka~
påminnelser via 1177~
till dem som inte~
deltagit
Kvinnokliniken
Q3 2027 Planeras
2.1 Stabil bemanning~
av specialist-
sjuksköterskor.
• Ta fram en~
regional rutin för~
bemanning
Verksamhetschef~
onkologi
2028 Klar
2.2 • Följa upp~
ledtider varje~
kvartal
Processledare
2027–2028 Pågår
""".replace("~", " ")


def test_a_number_column_first_in_pypdf_text_numbers_each_row():
    """A table whose first column numbers its rows ("Nr"): in pypdf's text each row opens with
    its number on the line of the goal or the first activity; the number is the row's, not
    part of the goal (a goal merged over two rows stands in the first of them only)."""
    parsed = parse_document(text_document(NUMBERED_ROWS))
    assert [(row.goal_number, " ".join(row.goal.split())) for row in parsed.rows] == [
        ("1.1", "Minskad tobaksrökning bland vuxna i länet."),
        ("1.2", "Minskad tobaksrökning bland vuxna i länet."),
        ("2.1", "Stabil bemanning av specialist- sjuksköterskor."),
        ("2.2", "Stabil bemanning av specialist- sjuksköterskor."),
    ]
    assert [row.responsible for row in parsed.rows] == [
        ("Folkhälsoenheten",),
        ("Kvinnokliniken",),
        ("Verksamhetschef onkologi",),
        ("Processledare",),
    ]


# "~": the space pypdf leaves at the end of a line whose paragraph goes on
OWN_STATUS_ROWS = """Handlingsplan 2027 Region Gävleborg
Mål Aktivitet Ansvarig Tidsplan Status
Minskad tobaksrökning~
bland vuxna i länet.
• Erbjuda rökavvänjning i~
primärvården
Folkhälsoenheten 2027 Försenad
• Utbilda personal i~
motiverande samtal
Processledare 2028 Enligt plan
Fler deltar i screening.
• Skicka påminnelser via~
1177 till dem som inte deltagit
Kvinnokliniken Q3 2027 Försenad
• Följa upp ledtider varje~
kvartal
Verksamhetschef 2027 Enligt plan
Stabil bemanning.
• Ta fram en regional rutin för~
bemanning
Verksamhetschef 2028 Försenad
• Utbilda fler specialist-~
sjuksköterskor
HR-avdelningen 2029 Enligt plan
""".replace("~", " ")


def test_a_documents_own_status_words_are_learnt_where_they_follow_time_entries():
    """Status words the vocabulary lacks ("Försenad", "Enligt plan") recur after the time
    entries, on their line (pypdf) or the next (pdftotext); names, times and sentences do not
    count, nor a text seen fewer than three times."""
    lines = text_document(OWN_STATUS_ROWS).lines
    assert own_statuses(lines) == {"försenad", "enligt plan"}
    lines = text_document("2027\n\nGrön\n\n2028\n\nGrön\n\n2029\n\nGul\n").lines
    assert own_statuses(lines) == set()  # "Grön" twice only


def test_a_status_column_of_words_outside_the_vocabulary_is_read_in_pypdf_text():
    """pypdf prints a row's actor, time and status on one line ("Folkhälsoenheten 2027
    Försenad"): the document's own status words cut it as the vocabulary's do."""
    parsed = parse_document(text_document(OWN_STATUS_ROWS))
    assert [(row.responsible, row.timeframe, row.status) for row in parsed.rows] == [
        (("Folkhälsoenheten",), ("2027",), ("Försenad",)),
        (("Processledare",), ("2028",), ("Enligt plan",)),
        (("Kvinnokliniken",), ("Q3 2027",), ("Försenad",)),
        (("Verksamhetschef",), ("2027",), ("Enligt plan",)),
        (("Verksamhetschef",), ("2028",), ("Försenad",)),
        (("HR-avdelningen",), ("2029",), ("Enligt plan",)),
    ]
    assert {record.status for record in parsed.records} == {"unknown"}  # words, no value


# "~": the space pypdf leaves at the end of a line whose paragraph goes on
TITLED_ROWS = """Handlingsplan 2027 Region Värmland
Målområde 1 – Prevention och tidig upptäckt
Mål Aktivitet Ansvarig Tidsplan
Minskad tobaksrökning bland~
vuxna.
• Erbjuda rökavvänjning i~
primärvården
Folkhälsoenheten 2027
Fler deltar i screening.
• Skicka påminnelser via~
1177 till dem som inte~
Målområde 1 – Prevention och tidig upptäckt
Mål Aktivitet Ansvarig Tidsplan
deltagit
Kvinnokliniken Q3 2027
• Följa upp deltagandet varje~
kvartal
Processledare 2028
Målområde 2 – Rehabilitering, uppföljning och palliativ vård
Mål Aktivitet Ansvarig Tidsplan
Bättre rehabilitering.
• Bedöma behoven
Rehabenheten 2027
""".replace("~", " ")


def test_a_title_row_repeated_with_the_header_on_a_new_page_goes_on_the_table():
    """pypdf prints a title row ("Målområde 1 – …") with the header it repeats on each page,
    inside a row a page break cut: the row goes on under it; a new title above the same header
    opens a new table in its area."""
    parsed = parse_document(text_document(TITLED_ROWS))
    assert [(row.area_id, row.activity, row.responsible) for row in parsed.records] == [
        (1, "Erbjuda rökavvänjning i primärvården", ("Folkhälsoenheten",)),
        (1, "Skicka påminnelser via 1177 till dem som inte deltagit", ("Kvinnokliniken",)),
        (1, "Följa upp deltagandet varje kvartal", ("Processledare",)),
        (2, "Bedöma behoven", ("Rehabenheten",)),
    ]
    assert parsed.records[2].goal == "Fler deltar i screening."


def test_a_list_item_is_no_areas_name():
    """An area column holds a short name ("Prevention och tidig upptäckt"), never a list item:
    a short bullet item fits it no better than a long text."""
    item = emission(block("• Ta fram patientanpassade rapporter"), "area")
    assert item > emission(block("Prevention och tidig upptäckt"), "area")
    assert item == emission(block(" ".join(["ord"] * 12)), "area")
