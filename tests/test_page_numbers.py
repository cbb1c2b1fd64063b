"""Page numbers are page furniture, in a PDF's running feet and at a text page's edge."""

import pytest

from extract.document import split_lines
from extract.page_numbers import is_page_number, page_number_lines


@pytest.mark.parametrize("text", ["Sida 3", "3 av 12", "3 (12)", "12", "sida 4/20"])
def test_page_numbers(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["2027", "Sida", "3 patienter", "Q3 2027", "2024-2025"])
def test_not_page_numbers(text):
    assert not is_page_number(text)


def test_only_a_pages_first_or_last_line_is_its_number():
    lines = split_lines("Mål\n3\nAktivitet\nSida 1\n\fSida 2\nÖka screening\n4\nPågår\n")
    numbers = {line.text for line in lines if line.number in page_number_lines(lines)}
    assert numbers == {"Sida 1", "Sida 2"}


def test_a_page_number_in_words_is_furniture_anywhere():
    """pypdf marks no page breaks: its "Sida 2" stands among the cells; a bare number or a
    date there is no page number."""
    lines = split_lines("Mål\nÖka screening\nSida 2\nAktivitet\n3\n3/12\n2 av 9\nPågår\n")
    numbers = {line.text for line in lines if line.number in page_number_lines(lines)}
    assert numbers == {"Sida 2", "2 av 9"}
