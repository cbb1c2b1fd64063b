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
