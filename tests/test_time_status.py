"""Time expressions and status words as the plans write them."""

import re
from datetime import date

import pytest

from extract.cells import find_status, time_prefix
from normalize.status import status_of, trailing_status
from normalize.time import combine, parse_time
from tests.conftest import RAW

D = date


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "recurrence"),
    [
        ("2024-2025", D(2024, 1, 1), D(2025, 12, 31), "year", None),
        ("2024- 2025", D(2024, 1, 1), D(2025, 12, 31), "year", None),
        ("2025", D(2025, 1, 1), D(2025, 12, 31), "year", None),
        ("Q2 2025", D(2025, 4, 1), D(2025, 6, 30), "quarter", None),
        ("Q1-2025", D(2025, 1, 1), D(2025, 3, 31), "quarter", None),
        ("Q 4 2024", D(2024, 10, 1), D(2024, 12, 31), "quarter", None),
        ("Q3-4 2025", D(2025, 7, 1), D(2025, 12, 31), "quarter", None),
        ("Q3 eller Q4 2024", D(2024, 7, 1), D(2024, 12, 31), "quarter", None),
        ("VT 2024", D(2024, 1, 1), D(2024, 6, 30), "half-year", None),
        ("Hösten 2025", D(2025, 9, 1), D(2025, 11, 30), "season", None),
        ("Januari 2025", D(2025, 1, 1), D(2025, 1, 31), "month", None),
        ("21 mars 2025", D(2025, 3, 21), D(2025, 3, 21), "day", None),
        ("september 2024", D(2024, 9, 1), D(2024, 9, 30), "month", None),
        ("senast 2027", None, D(2027, 12, 31), "year", None),
        ("under 2024", D(2024, 1, 1), D(2024, 12, 31), "year", None),
        ("(fullt införd december 2024)", D(2024, 12, 1), D(2024, 12, 31), "month", None),
        ("sedan 2021", D(2021, 1, 1), None, "year", None),
        ("2026 och 27", D(2026, 1, 1), D(2027, 12, 31), "year", None),
        ("2024-02-01", D(2024, 2, 1), D(2024, 2, 1), "day", None),
        ("Kontinuerligt", None, None, None, "continuous"),
        ("Fortlöpande", None, None, None, "continuous"),
        ("Regelbundet", None, None, None, "continuous"),
        ("Årligen", None, None, None, "yearly"),
        ("2 ggr/år", None, None, None, "2/year"),
        ("3-4 ggr/år", None, None, None, "3-4/year"),
        ("Två gånger per år", None, None, None, "2/year"),
        ("2/gånger/år", None, None, None, "2/year"),
        ("3/ggr/termin", None, None, None, "3/term"),
        ("1 gång/år", None, None, None, "yearly"),
        ("4ggr/år", None, None, None, "4/year"),
        ("Avstämning minst 1 ggr/kvartal", None, None, None, "1/quarter"),
        ("Varje vecka", None, None, None, "weekly"),
        # a numbered part of a year, a range of months
        ("Kvartal 3 2027", D(2027, 7, 1), D(2027, 9, 30), "quarter", None),
        ("Tertial 1 2027", D(2027, 1, 1), D(2027, 4, 30), "tertial", None),
        ("Halvår 2 2027", D(2027, 7, 1), D(2027, 12, 31), "half-year", None),
        ("Mars–maj 2027", D(2027, 3, 1), D(2027, 5, 31), "month", None),
        ("november–februari 2028", D(2027, 11, 1), D(2028, 2, 29), "month", None),
    ],
)
def test_time_expressions(text, start, end, precision, recurrence):
    value = parse_time(text)
    assert (value.start, value.end, value.precision, value.recurrence) == (
        start,
        end,
        precision,
        recurrence,
    )


@pytest.mark.parametrize("text", ["Maj och sept", "Processledare prevention", "Q3-Q4", "vid behov"])
def test_what_is_not_understood_is_not_guessed(text):
    assert not parse_time(text).understood


def test_a_row_combines_its_entries():
    value = combine([parse_time("Q3 2025"), parse_time("2024-2025"), parse_time("Årligen")])
    assert (value.start, value.end, value.precision, value.recurrence) == (
        D(2024, 1, 1),
        D(2025, 12, 31),
        "year",
        "yearly",
    )


# Anything in the sample plans that looks like a time: a year, a quarter, a term, a season or a
# month with a year, or a recurrence word, with the words around it.
TIME_LOOKING = re.compile(
    r"(?:\b\w+\s+){0,2}(?:\b20\d\d\b|\bQ\s?\d\b|\b(?:VT|HT)\s*20\d\d|\bggr\b|\bgånger\s+per\b"
    r"|\bårligen\b|\bkontinuerligt\b|\bfortlöpande\b|\bregelbundet\b|\bveckovis\b)"
    r"(?:\s*[-–/]?\s*[\wåäö]+){0,2}",
    re.IGNORECASE,
)


def test_time_expressions_found_in_the_samples_parse():
    found = sorted(
        {
            m.group(0)
            for path in RAW.glob("*.txt")
            for m in TIME_LOOKING.finditer(path.read_text("utf-8"))
        }
    )
    unread = [text for text in found if not parse_time(text).understood]
    assert len(found) > 200
    assert len(unread) / len(found) <= 0.02, unread[:20]


@pytest.mark.parametrize(
    ("words", "status"),
    [
        (["Pågår"], "ongoing"),
        (["Planeras"], "planned"),
        (["Planering pågår"], "ongoing"),
        (["Påbörjad"], "ongoing"),
        (["Ej påbörjad"], "not_started"),
        (["Klar"], "done"),
        (["Införs"], "planned"),
        (["Planerad"], "planned"),
        (["under införande"], "ongoing"),
        (["Pågår", "Planeras"], "ongoing"),
        ([], "unknown"),
    ],
)
def test_status_values(words, status):
    assert status_of(words) == status


def test_status_closing_an_activity_is_found_and_the_text_kept_as_written():
    assert trailing_status("Basutbildning levnadsvanor är obligatorisk. Pågår.") == ["Pågår"]
    assert trailing_status("Arbetet pågår i regionen.") == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ej genomförd", "not_started"),  # not "genomförd": done
        ("Inte påbörjad", "not_started"),  # not "påbörjad": ongoing
        ("Delvis genomförd", "ongoing"),
        ("Slutförd", "done"),
        ("Inte klar", "unknown"),  # a negation the vocabulary does not give: no status
        ("Arbetet pågår inte ännu", "unknown"),
        ("Pågår. Inte klart", "ongoing"),
    ],
)
def test_a_negated_status_word_does_not_say_its_positive(text, status):
    assert status_of(find_status(text)) == status


@pytest.mark.parametrize(
    "text",
    [
        *["Kvartal 3 2027", "Tertial 1 2027", "Halvår 2 2027", "Mars–maj 2027"],
        *["Två gånger per år", "2/gånger/år", "3-4 ggr/termin"],  # one grammar of how often
    ],
)
def test_a_time_entry_of_a_part_of_a_year_or_a_range_of_months_opens_a_time_cell(text):
    """The readers find the entries the time grammar reads (a NÄR?/Tidsplan cell)."""
    assert time_prefix(f"{text} Processledare") == text
