"""Text that keeps its columns by spaces (`pdftotext -layout`): read by its words' places."""

from dataclasses import replace

import pytest

from extract.layout import SPACED
from extract.layouts import LAYOUTS
from extract.pdf.settings import SETTINGS
from extract.pdf.tables import CellLine, ColumnBox, find_header, page_rows
from extract.reader import read_document
from extract.spaced_text import LINE_PITCH, TYPE_HEIGHT, is_spaced, spaced_pages
from extract.text_order import text_order
from extract.text_reading import read_text_rows
from pipelines.evaluate import evaluate_rendered, pooled
from pipelines.ingest import parse_document
from tests.conftest import RAW, VARIANTS, text_document

HEADER = "Mål                  Aktivitet                 Ansvarig          Tidsplan"
FIRST_ROW = "Minskad rökning      Erbjuda rökavvänjning     Vårdcentralen     2027"
LAST_ROW = "Fler deltar i        Skicka påminnelser        Kvinnokliniken    2027"


def rows_of(*lines: str):
    """The table rows of a text made of `lines`, read in the generic layout."""
    parsed = parse_document(text_document("\n".join(lines)), "generic")
    assert parsed.text_order == SPACED
    return [row for row in parsed.rows if row.kind == "action_row"]


def flat(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.mark.parametrize(
    ("path", "spaced"),
    [
        (VARIANTS / "d03-sydost-jonkoping.pdftotext-layout.txt", True),
        (VARIANTS / "d03-sydost-jonkoping.pdftotext.txt", False),
        (VARIANTS / "d03-sydost-jonkoping.txt", False),
        (RAW / "000_d3f034d6b03700c9.txt", False),
    ],
)
def test_a_text_laid_out_by_spaces_is_recognised(path, spaced):
    lines = read_document(path).lines
    assert is_spaced(lines) is spaced
    assert (text_order(lines) == SPACED) is spaced


def test_its_blank_lines_are_kept_as_printed():
    """A blank line is vertical space in a spaced text: the reader restores no spacing."""
    text = "\n".join(
        [HEADER, "Minskad rökning      Erbjuda stöd              Vården            2027"] * 30
    )
    document = text_document(text)
    assert [line.text for line in document.lines] == text.split("\n")


def test_words_are_boxed_by_their_characters():
    (page,) = spaced_pages(text_document("Mål     Aktivitet\n\nEtt   Två tre").lines)
    first, second = page.lines
    assert [(w.text, w.x0) for w in first.words] == [("Mål", 0.0), ("Aktivitet", 24.0)]
    assert second.number == 3 and second.words[0].top == 2 * LINE_PITCH


def test_a_piece_reaches_over_a_line_printed_between_its_lines():
    """Two columns' lines at slightly different heights come out alternately: the goal's piece
    reaches over the line that holds only another column's text (nothing above it), so the goal
    stays one block; where the line below only goes on another column's text, the gap in the
    goal's column is its own."""
    alternate = [
        "Goal starts           Act one",
        "                                      Actor",
        "goal goes on          act goes on",
    ]
    (page,) = spaced_pages(text_document("\n".join(alternate)).lines)
    assert [word.cell_bottom for word in page.lines[0].words] == [LINE_PITCH + TYPE_HEIGHT] * 4
    beside_a_gap = [
        "Goal one              Act one",
        "                      act goes on",
        "Goal two              Act two",
    ]
    (page,) = spaced_pages(text_document("\n".join(beside_a_gap)).lines)
    assert page.lines[0].words[0].cell_bottom == TYPE_HEIGHT


def test_a_header_in_body_type_wraps_onto_short_lines_set_apart_from_the_rows():
    wrapped = "Område     Uppdrag/Mål     Aktivitet\n           enligt RCC\n           Region\n\n"
    rows = "2.)        Ett mål         En aktivitet\n"
    (page,) = spaced_pages(text_document(wrapped + rows).lines)
    header = find_header(page.lines, 0, page.width)
    assert header is not None and header.n_lines == 3
    assert [column.cell for column in header.columns] == ["area", "goal", "activities"]
    tight = "Område     Uppdrag/Mål     Aktivitet\n2.)        Ett mål         En aktivitet\n"
    (page,) = spaced_pages(text_document(tight + rows).lines)
    assert find_header(page.lines, 0, page.width).n_lines == 1


def test_rows_start_where_their_cells_open_together_without_a_blank_line():
    """pdftotext -layout prints a ruled table's rows without blank lines between them: a row
    starts where its key cell opens beside cells that open on the same line."""
    rows = rows_of(
        "Handlingsplan 2027 Region Testlän",
        "",
        HEADER,
        FIRST_ROW,
        "bland vuxna          före operation",
        "                     Utbilda personal i        Processledare     2028",
        "                     samtal om levnadsvanor",
        LAST_ROW,
        "screening",
    )
    assert [flat(" ".join(row.activities)) for row in rows] == [
        "Erbjuda rökavvänjning före operation",
        "Utbilda personal i samtal om levnadsvanor",
        "Skicka påminnelser",
    ]
    assert [flat(row.goal) for row in rows] == [
        "Minskad rökning bland vuxna",
        "Minskad rökning bland vuxna",  # the goal merged over both rows
        "Fler deltar i screening",
    ]
    assert [row.responsible for row in rows] == [
        ("Vårdcentralen",),
        ("Processledare",),
        ("Kvinnokliniken",),
    ]


def test_a_table_goes_on_under_its_header_repeated_elsewhere_on_the_next_page():
    """Each page is laid out anew: the repeated header's columns stand a few characters off, and
    the row the break cut goes on under it."""
    shifted = "   Mål                  Aktivitet                 Ansvarig          Tidsplan"
    rows = rows_of(
        HEADER,
        FIRST_ROW,
        "bland vuxna          före operation i",
        "\f" + shifted,
        "",
        "                        alla regioner",
        "",
        "   Fler deltar i        Skicka påminnelser        Kvinnokliniken    2027",
    )
    assert [flat(" ".join(row.activities)) for row in rows] == [
        "Erbjuda rökavvänjning före operation i alla regioner",
        "Skicka påminnelser",
    ]
    assert flat(rows[1].goal) == "Fler deltar i"


def test_a_line_set_apart_right_above_a_header_titles_the_table():
    rows = rows_of(
        HEADER,
        FIRST_ROW,
        "",
        "",
        "Screening",
        "",
        HEADER,
        LAST_ROW,
    )
    assert [flat(row.goal) for row in rows] == ["Minskad rökning", "Fler deltar i"]
    assert rows[1].section == "Screening"


def test_the_reading_is_named_with_a_warning():
    parsed = parse_document(read_document(VARIANTS / "d05-generic-norrbotten.pdftotext-layout.txt"))
    assert parsed.text_order == SPACED
    assert any("pdftotext -layout" in warning for warning in parsed.warnings)


def test_rendered_plans_as_pdftotext_layout_text_are_read_as_well_as_their_pdfs():
    """Issue #10: measured row F1 1.000 on every file, pooled 1.000; area 1.000."""
    scores = evaluate_rendered(VARIANTS, "pdftotext-layout")
    assert all(score.f1 >= 0.97 for score in scores), [(s.name, s.f1) for s in scores]
    total = pooled(scores)
    assert total.f1 >= 0.99 and total.accuracy("area") >= 0.99


def test_a_header_wraps_onto_tight_lines_that_open_no_cells():
    """Without a blank line under the header, its wrapped lines still tell themselves apart from
    the first row: they open one cell at most ("enligt RCC", "RCC", "am"; "Region"), a row's
    first line opens several."""
    text = "\n".join(
        [
            "Område     Uppdrag/Mål     Aktivitet från    Ansvarig-Tidsr",
            "           enligt RCC      RCC               am",
            "           Region",
            "2.) Ett    Stöd till       Stötta            Regionerna",
            "           patienter       vården",
        ]
    )
    (page,) = spaced_pages(text_document(text).lines)
    header = find_header(page.lines, 0, page.width)
    assert header is not None and header.n_lines == 3
    assert [column.cells for column in header.columns] == [
        ("area",),
        ("goal",),
        ("rcc_activity",),
        ("responsible", "timeframe"),  # "Ansvarig-Tidsr" / "am": a word broken at the line's end
    ]


def test_rows_start_where_a_numbered_goal_opens_beside_capitalised_cells():
    """A numbered goal opens a row where the cells beside it open with capitals, though no line
    is blank between the rows."""
    header = (
        "Målbild                      Planerade aktiviteter        Status/förutsättningar/ansvar"
    )
    rows = rows_of(
        header,
        "16. RgK använder ett         Kontaktsjuksköterskorna      Processteamen har",
        "validerat instrument.        använder instrumentet.       rutiner.",
        "17. Patientrepresentanter    Varje processteam strävar    I RgK finns ett",
        "finns i processteamen        efter en representant.       patientråd.",
    )
    assert [flat(row.goal)[:3] for row in rows] == ["16.", "17."]
    assert flat(rows[1].activities[0]) == "Varje processteam strävar efter en representant."


def test_a_cells_last_line_right_above_the_next_header_stays_in_its_row():
    rows = rows_of(
        HEADER,
        FIRST_ROW,
        "                     före operation i",
        "                     sydöst.",
        HEADER,
        LAST_ROW,
    )
    assert flat(rows[0].activities[0]) == "Erbjuda rökavvänjning före operation i sydöst."


THREE_COLUMNS = (
    ColumnBox("goal", 0, 100),
    ColumnBox("activities", 100, 200),
    ColumnBox("responsible", 200, 300),
)


def _cell(text: str, row: int) -> CellLine:
    return CellLine(text, 0.0, 50.0, row * LINE_PITCH, row * LINE_PITCH + TYPE_HEIGHT, 1, row)


@pytest.mark.parametrize(("goal", "rows"), [("Öka kunskap om och inom", 1), ("Öka kunskap", 2)])
@pytest.mark.parametrize("spaced", [False, True])
def test_cells_opening_together_without_a_gap_start_a_row(spaced, goal, rows):
    """Rows may touch (a text laid out by spaces prints a ruled table's rows without blank
    lines; Word's table style sets no space between paragraphs): a key line that opens beside
    two cells that open starts a row, unless the line above it stops mid-phrase ("… om och
    inom" / "Palliativ vård." beside "Palliation sydöst")."""
    cells = {
        "goal": [_cell(goal, 0), _cell("Palliativ vård.", 1)],
        "activities": [_cell("Planera konferensen", 0), _cell("Palliation sydöst", 1)],
        "responsible": [_cell("Processledare", 0), _cell("Arbetsgrupp", 1)],
    }
    settings = replace(SETTINGS, rows_without_gaps=spaced)
    _, found = page_rows(cells, [], THREE_COLUMNS, "goal", frozenset(), (0.0, 40.0), settings)
    assert len(found) == rows


@pytest.mark.parametrize(("spaced", "row_count"), [(False, 2), (True, 2)])
def test_list_cells_opening_items_together_beside_an_empty_key_start_no_row(spaced, row_count):
    """A cell's items are paragraphs set apart by a gap (a Word plan's spacing after each):
    the second item and its actor open together beside an empty goal cell, in the row of the
    goal above; a new goal opens the next row."""
    cells = {
        "goal": [_cell("Samordning inom", 0), _cell("screeningprogram", 1), _cell("Öka", 5)],
        "activities": [_cell("• Delta i nätverk", 0), _cell("• Stödja regionerna", 3)]
        + [_cell("• Utbilda", 5)],
        "responsible": [_cell("Processledare", 0), _cell("Screeningsamordnare", 3)]
        + [_cell("RCC", 5)],
    }
    settings = replace(SETTINGS, rows_without_gaps=spaced)
    _, found = page_rows(cells, [], THREE_COLUMNS, "goal", frozenset(), (0.0, 80.0), settings)
    assert len(found) == row_count
    assert [line.text for line in found[0].cells["activities"]] == [
        "• Delta i nätverk",
        "• Stödja regionerna",
    ]


def test_a_pdf_table_whose_rows_touch_is_cut_where_cells_open_together():
    """Word's table style sets no space between paragraphs: an unruled table's rows then touch.
    A row starts where its key opens beside two unmerged cells that open; such rows are unsure
    (told by their words)."""
    columns = (*THREE_COLUMNS, ColumnBox("timeframe", 300, 400))
    cells = {
        "goal": [_cell("Minskad rökning", 0), _cell("bland vuxna", 1), _cell("i länet", 2)],
        "activities": [_cell("Erbjuda", 0), _cell("rökavvänjning", 1), _cell("Utbilda", 2)],
        "responsible": [_cell("Processledare", 0), _cell("Kvinnokliniken", 2)],
        "timeframe": [_cell("2027", 0), _cell("Q3 2027", 2)],
    }
    merged = frozenset({"goal"})
    _, found = page_rows(cells, [], columns, "activities", merged, (0.0, 40.0), SETTINGS)
    assert [[line.text for line in row.cells["activities"]] for row in found] == [
        ["Erbjuda", "rökavvänjning"],
        ["Utbilda"],
    ]
    assert [row.sure for row in found] == [True, False]


def test_a_key_block_opens_a_row_beside_a_cell_that_touches_the_row_above():
    """Rows that touch (no space between paragraphs): a goal after a gap in its column opens a
    row where the cell beside it opens there too, though it follows the row above without a
    gap."""
    cells = {
        "goal": [_cell("Minskad rökning", 0), _cell("Fler deltar", 2)],
        "activities": [_cell("Erbjuda", 0), _cell("rökavvänjning", 1), _cell("Skicka", 2)],
        "responsible": [_cell("processledare", 0), _cell("kirurgi", 1), _cell("rcc", 2)],
    }
    _, found = page_rows(cells, [], THREE_COLUMNS, "goal", frozenset(), (0.0, 40.0), SETTINGS)
    assert [[line.text for line in row.cells["activities"]] for row in found] == [
        ["Erbjuda", "rökavvänjning"],
        ["Skicka"],
    ]


@pytest.mark.parametrize(("goal_rows", "rows"), [((0, 1, 3), 2), ((0, 1, 2), 1)])
def test_a_merged_goal_opening_after_a_gap_is_evidence_of_a_touching_row(goal_rows, rows):
    """Rows that touch, the key beside one other opening cell (Skåne: activities, an actor):
    a merged goal that opens a new paragraph after a gap beside them is the second sign; a
    capitalised line inside the goal's paragraph is none."""
    columns = (ColumnBox("goal", 0, 100), *THREE_COLUMNS[1:])
    first, second, third = goal_rows
    cells = {
        "goal": [_cell("Minskat insjuknande", first), _cell("och ökad", second)]
        + [_cell("Ökad kunskap", third)],
        "activities": [_cell("Förbättrad", 0), _cell("handläggning", 1), _cell("av remisser", 2)]
        + [_cell("I samarbete med RCC", 3), _cell("vara delaktiga", 4)],
        "responsible": [_cell("RPPL", 0), _cell("Verksamhetschef", 3)],
    }
    merged = frozenset({"goal"})
    _, found = page_rows(cells, [], columns, "activities", merged, (0.0, 60.0), SETTINGS)
    assert len(found) == rows


@pytest.mark.parametrize(("spaced", "goal_lines"), [(False, [3, 0]), (True, [2, 1])])
def test_a_merged_paragraph_ends_where_a_line_opens_at_a_row_start_only_in_spaced_text(
    spaced, goal_lines
):
    """In a PDF a merged goal's paragraph runs on past the next row's start, whole, though a
    line of it opens with a capital there; in a text laid out by spaces a goal that opens with
    its row, no blank line above it, is the next goal."""
    cells = {
        "goal": [_cell("Det övergripande målet", 0), _cell("är forskning i", 1)]
        + [_cell("Sverige.", 2)],
        "activities": [_cell("Främja studier", 0), _cell("Uppmuntra register", 2)],
        "responsible": [_cell("Regionerna", 0), _cell("RCC", 2)],
    }
    settings = replace(SETTINGS, rows_without_gaps=spaced)
    merged = frozenset({"goal"})
    _, found = page_rows(cells, [], THREE_COLUMNS, "activities", merged, (0.0, 40.0), settings)
    assert [len(row.cells.get("goal", [])) for row in found] == goal_lines


def test_rows_told_by_their_words_alone_are_counted_as_unsure():
    """Issue #10: rows started without a blank line or a gap are a reading of the words, and
    the document's warning counts them."""
    text = "\n".join([HEADER, FIRST_ROW, "bland vuxna          före operation", LAST_ROW])
    reading = read_text_rows(text_document(text), LAYOUTS["generic"])
    assert reading.order == SPACED and len(reading.rows) == 2
    assert all(row.bbox is None for row in reading.rows)  # no PDF points: null, as for text
    assert reading.unsure == 1
    assert "unsure of the cut between cells in 1 of 2 rows" in reading.warnings[0]
    spaced_apart = "\n".join([HEADER, "", FIRST_ROW, "", LAST_ROW])
    assert read_text_rows(text_document(spaced_apart), LAYOUTS["generic"]).unsure == 0
