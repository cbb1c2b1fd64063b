"""Read a PDF plan into the document and rows the rest of the pipeline uses."""

from __future__ import annotations

from pathlib import Path

from extract.detect import Detection, detect_layout
from extract.document import Document, Line
from extract.errors import CorruptDocument, EmptyDocument
from extract.files import PDF_MAGIC, file_sha256
from extract.layout import Layout, ParsedRow
from extract.pdf.pages import read_pages, scan
from extract.pdf.reader import content_rows, read_content
from extract.pdf.settings import SETTINGS, PdfSettings


def check_pdf(path: Path) -> None:
    """Refuse, with a clear reason, a file named .pdf that is empty or not a PDF at all."""
    with path.open("rb") as handle:
        start = handle.read(1024)
    if not start.strip():
        raise EmptyDocument("the file is empty")
    if PDF_MAGIC not in start:
        raise CorruptDocument("the file is named .pdf but is not a PDF (no %PDF header)")


def read_pdf_plan(
    path: Path, settings: PdfSettings = SETTINGS, layout: str | None = None
) -> tuple[Document, Detection, list[ParsedRow]]:
    """The PDF's text outside tables as a Document, its layout (detected, or the one named by
    `layout`), and all its rows in order."""
    check_pdf(path)
    detections: list[Detection] = []

    def choose(head: tuple[str, ...]) -> Layout:
        lines = tuple(Line(number, 1, text) for number, text in enumerate(head, 1))
        detections.append(detect_layout(Document(path, "", "pdf", "pdf", lines), layout))
        return detections[0].layout

    first = scan(path, settings)
    content = read_content(first, read_pages(path, first, settings), choose, settings)
    unsure = sum(1 for row in content.rows if not row.sure)
    warnings = (
        (
            f"unruled tables without a gap between rows: {unsure} of {len(content.rows)} rows "
            "were cut where their cells open together (by their words, not by a gap or a rule)",
        )
        if unsure
        else ()
    )
    document = Document(
        path, file_sha256(path), "pdf", "pdf", content.text, warnings, content.n_pages
    )
    return document, detections[0], content_rows(content, document)
