from pathlib import Path

import pytest

from extract.cells import to_blocks
from extract.document import split_lines, unligature
from extract.errors import BinaryDocument, EmptyDocument
from extract.reader import document_from_bytes


def test_utf8_with_bom_is_read():
    document = document_from_bytes("\ufeffMålbild\nrad två".encode(), Path("a.txt"))
    assert [line.text for line in document.lines] == ["Målbild", "rad två"]
    assert document.encoding == "utf-8"
    assert document.warnings == ()


def test_utf16_with_bom_is_read():
    document = document_from_bytes("Målområde 1\n".encode("utf-16"), Path("a.txt"))
    assert document.lines[0].text == "Målområde 1"
    assert document.encoding == "utf-16"


def test_latin1_is_read_with_a_warning():
    document = document_from_bytes("Målbild för Skåne".encode("latin-1"), Path("a.txt"))
    assert document.lines[0].text == "Målbild för Skåne"
    assert document.encoding == "cp1252"
    assert "not UTF-8" in document.warnings[0]


@pytest.mark.parametrize("data", [b"", b"   \n\n  "])
def test_empty_input_is_refused(data):
    with pytest.raises(EmptyDocument):
        document_from_bytes(data, Path("empty.txt"))


def test_binary_input_is_refused():
    with pytest.raises(BinaryDocument):
        document_from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Path("image.txt"))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(codec):
    text = "Handlingsplan för Region Skåne\nMålbild Planerade aktiviteter Ansvarig\n" * 5
    document = document_from_bytes(text.encode(codec), Path("plan.txt"))
    assert (
        document.encoding == "utf-16" and document.lines[0].text == "Handlingsplan för Region Skåne"
    )


def test_a_few_nul_bytes_in_utf8_are_unmapped_glyphs_read_as_spaces():
    text = "Målbild Planerade aktiviteter\n" * 400 + "Allmän nivå \x00\nSpecialiserad nivå\n"
    document = document_from_bytes(text.encode(), Path("plan.txt"))
    assert "Allmän nivå" in [line.stripped for line in document.lines]
    assert not any("\x00" in line.text for line in document.lines)
    assert document.warnings == (
        "1 NUL character(s), glyphs the text tool could not map, read as spaces",
    )


@pytest.mark.parametrize(
    "data",
    [
        "Målbild Planerade aktiviteter\n".encode() * 400 + b"\x00\xff\xfe tail",  # not UTF-8
        b"plan\x00" * 400,  # a NUL every fifth byte
    ],
)
def test_nul_bytes_outside_valid_sparse_utf8_mean_binary(data):
    with pytest.raises(BinaryDocument):
        document_from_bytes(data, Path("plan.txt"))


def test_form_feeds_count_pages_and_keep_line_numbers():
    lines = split_lines("a\nb\fc\nd\n\fe")
    assert [(line.number, line.page, line.text) for line in lines] == [
        (1, 1, "a"),
        (2, 2, "bc"),
        (3, 2, "d"),
        (4, 3, "e"),
    ]


def test_document_id_is_the_content_hash():
    first = document_from_bytes(b"Samma text", Path("a.txt"))
    second = document_from_bytes(b"Samma text", Path("b.txt"))
    assert first.doc_id == second.doc_id
    assert len(first.doc_id) == 16


def _blank_runs(lines):
    runs, run = [], 0
    for line in lines:
        if line.is_blank:
            run += 1
        else:
            runs.append(run)
            run = 0
    return runs


SINGLE = "a\nb\n\nc\nd\n\n\ne\nf\n" * 8  # a cell layout as pdftotext prints it


def test_double_spaced_text_reads_like_single_spaced():
    double = "\n\n".join(SINGLE.split("\n"))
    first = document_from_bytes(SINGLE.encode(), Path("s.txt"))
    second = document_from_bytes(double.encode(), Path("d.txt"))
    assert _blank_runs(second.lines) == _blank_runs(first.lines)
    assert [line.number for line in second.lines if not line.is_blank][:2] == [1, 3]


def test_doubled_gaps_are_halved():
    doubled = "\n".join(line if line else "\n" for line in SINGLE.split("\n"))
    first = document_from_bytes(SINGLE.encode(), Path("s.txt"))
    second = document_from_bytes(doubled.encode(), Path("g.txt"))
    assert _blank_runs(second.lines) == _blank_runs(first.lines)


def test_cell_breaks_are_put_back_in_text_without_blank_lines():
    text = (
        "Öka deltagandet i\nscreening\n• Skicka påminnelser\ntill alla\n2026\n"
        "Processledare\nscreening\n"
    ) * 4
    document = document_from_bytes(text.encode(), Path("n.txt"))
    blocks = [block.text for block in to_blocks(document.lines)][:4]
    assert blocks == [
        "Öka deltagandet i\nscreening",
        "• Skicka påminnelser\ntill alla",
        "2026",
        "Processledare\nscreening",
    ]


def test_short_texts_are_left_as_they_are():
    document = document_from_bytes("Mål\n• a\n• b\n".encode(), Path("t.txt"))
    assert [line.text for line in document.lines] == ["Mål", "• a", "• b", ""]


def test_ligature_glyphs_are_written_out_as_letters():
    assert unligature("Kvaliﬁkation och ﬂöde") == "Kvalifikation och flöde"
    document = document_from_bytes("Plan\n\nKvaliﬁkation ska ökas\n".encode(), Path("p.txt"))
    assert "Kvalifikation ska ökas" in [line.text for line in document.lines]


def test_pypdf_paragraph_marks_give_the_cell_breaks():
    """pypdf ends a wrapped line with a space and a paragraph's last line without one; a line
    that lost its space goes on when the next starts in lower case or in brackets after an
    unfinished sentence, or when it stops on a joining word ("… utskick av" / "PROM-enkäter") or
    inside brackets it opened ("… (Health" / "Technology Assessment)")."""
    lines = [
        "Målbild Planerade aktiviteter Ansvarig Status",
        "Fler rökfria ",
        "patienter före ",
        "operation",
        "Erbjuda stöd till alla som",
        "röker inför operation.",
        "Organiserad ",
        "prostatacancertestning",
        "(OPT) införs.",
        "Fortsatt utskick av",
        "PROM-enkäter.",
        "Lär känna enheten (Health",
        "Technology Assessment).",
        "kommunernas elevhälsa",
        "Pågår",
    ] * 4
    document = document_from_bytes("\n".join(lines).encode(), Path("p.txt"))
    blocks = [block.text for block in to_blocks(document.lines)][:7]
    assert blocks == [
        "Målbild Planerade aktiviteter Ansvarig Status",
        "Fler rökfria\npatienter före\noperation",
        "Erbjuda stöd till alla som\nröker inför operation.",
        "Organiserad\nprostatacancertestning\n(OPT) införs.",
        "Fortsatt utskick av\nPROM-enkäter.",
        "Lär känna enheten (Health\nTechnology Assessment).",
        "kommunernas elevhälsa",
    ]
