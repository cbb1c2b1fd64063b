"""Draw what the reader saw on one PDF page: table headers and columns, rows, headings, running
heads (pdfplumber's `to_image` does the drawing)."""

from __future__ import annotations

import statistics
from pathlib import Path

from extract.layout import Layout, ParsedRow
from extract.pdf.margins import margin_key, margin_lines
from extract.pdf.pages import group_lines, open_pdf, page_words, scan
from extract.pdf.reader import is_heading
from extract.pdf.settings import SETTINGS
from extract.pdf.tables import find_header

RESOLUTION = 110  # dots per inch of the picture
COLOURS = {
    "header": (0, 90, 255),
    "column": (0, 90, 255),
    "row": (220, 30, 30),
    "heading": (0, 160, 60),
    "running": (150, 150, 150),
}


def draw_page(
    path: Path, layout: Layout, rows: list[ParsedRow], page_number: int, out: Path
) -> Path:
    """Save a picture of page `page_number` (1-based) with the reader's findings drawn on it."""
    first = scan(path)
    if not 1 <= page_number <= first.n_pages:
        raise ValueError(f"the PDF has {first.n_pages} pages, not {page_number}")
    running = first.running
    with open_pdf(path) as pdf:
        page = pdf.pages[page_number - 1]
        lines = group_lines(page_words(page), page_number, SETTINGS.line_tolerance)
        heads = {
            id(line)
            for line in margin_lines(lines, page.height, SETTINGS)
            if margin_key(line) in running
        }
        sizes = [word.size for line in lines for word in line.words]
        body = statistics.median(sizes) if sizes else 10.0
        image = page.to_image(resolution=RESOLUTION)
        for index, line in enumerate(lines):
            box = (line.x0, line.top, line.x1, line.bottom)
            header = find_header(lines, index, page.width) if layout.table else None
            columns = header.columns if header else None
            if id(line) in heads:
                image.draw_rect(box, fill=None, stroke=COLOURS["running"], stroke_width=2)
            elif columns:
                image.draw_rect(box, fill=None, stroke=COLOURS["header"], stroke_width=2)
                for column in columns[1:]:
                    image.draw_vline(column.x0, stroke=COLOURS["column"], stroke_width=1)
            elif is_heading(line, body, SETTINGS):
                image.draw_rect(box, fill=None, stroke=COLOURS["heading"], stroke_width=2)
        for row in rows:
            if row.page_start == page_number and row.bbox:
                image.draw_rect(row.bbox, fill=None, stroke=COLOURS["row"], stroke_width=2)
        image.save(str(out))
        page.close()
    return out
