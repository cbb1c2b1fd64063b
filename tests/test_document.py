from pathlib import Path

import pytest

from extract.document import document_from_bytes, read_document, split_lines
from extract.errors import BinaryDocument, EmptyDocument, UnsupportedFormat


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


def test_pdf_is_refused_with_advice(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.7\n...")
    with pytest.raises(UnsupportedFormat, match="pdftotext"):
        read_document(path)


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


def test_double_spaced_text_reads_like_single_spaced():
    single = "a\nb\n\nc\nd\n\n\ne\nf\ng\nh\ni\n"
    double = "\n\n".join(single.split("\n"))
    first = document_from_bytes(single.encode(), Path("s.txt"))
    second = document_from_bytes(double.encode(), Path("d.txt"))
    assert _blank_runs(second.lines) == _blank_runs(first.lines)
    assert [line.number for line in second.lines if not line.is_blank][:2] == [1, 3]


def test_doubled_gaps_are_halved():
    text = "a\nb\n\n\nc\n\n\n\n\nd\ne\n"
    document = document_from_bytes(text.encode(), Path("g.txt"))
    assert _blank_runs(document.lines) == [0, 0, 1, 2, 0]
