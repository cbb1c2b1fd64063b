"""Row recall on plans made the way regions make theirs: a Word document exported to PDF.

Run from the repository root: `python benchmarks/office.py [--tight] [OUT_DIR]`. Needs
python-docx, pypdf, LibreOffice (`soffice`) and poppler's `pdftotext` on the PATH; none is a
dependency of the pipeline. The variants in `../shared/variants` were made so (their PDFs name
LibreOffice Writer as producer); this sweep makes more of them from the rows our generator
draws (benchmarks/generated.py, tests/pdf_fixtures.py):

- the sample documents' own rows in each regional layout, ruled and unruled, 8 and 10 pt,
  portrait and landscape, in three fonts;
- a plan in no sample's layout under renamed headers, goals merged over two rows, one or two
  bullets and actors a row.

Each plan is written as a .docx (the header row repeated on each page, merged goal cells, Word's
spacing after each paragraph; with `--tight` none, as Word's table style sets it, so an unruled
table's rows touch), exported to PDF by LibreOffice, and read back as the PDF, as
pypdf's text, as pdftotext's reading order and as `pdftotext -layout`. It prints rows found per
form and, for the renamed-header plans, how often the responsible, time frame and status of a
row found are read right. The files stay in OUT_DIR (a temporary folder when none is given).
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from docx import Document  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from generated import HEADERS, found, generic_plan, generic_rows  # noqa: E402

from extract.columns import label_cells  # noqa: E402
from extract.errors import InputError  # noqa: E402
from normalize.text import match_key  # noqa: E402
from pipelines.ingest import parse_file  # noqa: E402
from tests.pdf_fixtures import (  # noqa: E402
    FixturePlan,
    compare_rows,
    plan_from_rows,
    table_grid,
    table_spec,
)
from tests.test_pdf import TITLES  # noqa: E402

FONTS = ("Liberation Serif", "DejaVu Sans", "Liberation Sans Narrow")
SPACE_AFTER = 8.0  # points after each paragraph: Word's default, the variants' row gaps
FIELDS = ("responsible", "timeframe", "status")


def _fill(cell, text: str, size: float, after: float, bold: bool = False) -> None:
    """A table cell's paragraphs, one a line of `text`."""
    for index, line in enumerate([line for line in text.split("\n") if line.strip()] or [""]):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        run = paragraph.add_run(line)
        run.font.size, run.bold = Pt(size), bold
        paragraph.paragraph_format.space_after = Pt(after)


def _paragraphs(document, blocks) -> None:
    for block in blocks:
        if block.heading:
            document.add_heading(block.text, level=2)
        else:
            for line in filter(str.strip, block.text.split("\n")):
                document.add_paragraph(line)


def write_docx(plan: FixturePlan, path: Path, font: str, after: float = SPACE_AFTER) -> Path:
    """The plan as a Word document: its title, headings and paragraphs, and each table with its
    header row repeated on every page and merged cells where the layout merges them."""
    document = Document()
    document.styles["Normal"].font.name = font
    document.styles["Normal"].font.size = Pt(plan.font_size)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if plan.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(2)
    document.add_heading(plan.title, level=1)
    for table in plan.tables:
        _paragraphs(document, table.before)
        cells, spans = table_grid(table_spec(plan), table)
        grid = document.add_table(rows=len(cells), cols=len(cells[0]))
        if plan.ruled:
            grid.style = document.styles["Table Grid"]
        for row_index, row in enumerate(cells):
            for index, text in enumerate(row):
                if text is not None:
                    cell = grid.cell(row_index, index)
                    _fill(cell, text, plan.font_size, after, bold=row_index < table.head_rows)
        for head in grid.rows[: table.head_rows]:
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            head._tr.get_or_add_trPr().append(repeat)
        for first_column, first_row, last_column, last_row in spans:
            grid.cell(first_row, first_column).merge(grid.cell(last_row, last_column))
        document.add_paragraph("")
    _paragraphs(document, plan.blocks)
    document.save(str(path))
    return path


def export_pdf(docx: Path) -> Path:
    """The document exported to PDF by LibreOffice, beside it."""
    command = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent)]
    subprocess.run([*command, str(docx)], check=True, capture_output=True, timeout=300)
    return docx.with_suffix(".pdf")


def text_forms(pdf: Path) -> dict[str, Path]:
    """The PDF and its text as pypdf, pdftotext and `pdftotext -layout` print it."""
    from pypdf import PdfReader

    forms = {"pdf": pdf, "pypdf": pdf.with_suffix(".txt")}
    forms["pypdf"].write_text("\n".join(p.extract_text() for p in PdfReader(pdf).pages), "utf-8")
    for name, options in (("pdftotext", []), ("pdftotext -layout", ["-layout"])):
        forms[name] = pdf.with_name(f"{pdf.stem}.{name.replace(' ', '')}.txt")
        subprocess.run(["pdftotext", *options, str(pdf), str(forms[name])], check=True)
    return forms


def read_rows(source: Path, refused: Counter[str]) -> tuple:
    try:
        return parse_file(source).rows
    except InputError as err:
        refused[f"{source.name}: {err}"[:160]] += 1
        return ()


def field_right(
    header: tuple[str, ...], drawn: list[dict[str, str]], read, right: Counter, total: Counter
) -> None:
    """Count, over the drawn rows found (each read row paired once, in order), the responsible,
    time frame and status read right, where the header has a column for them."""
    columns = {cell for label in header for cell in label_cells(label)}
    unpaired = list(read)
    for want in drawn:
        row = next((row for row in unpaired if found([want], [row])), None)
        if row is None:
            continue
        unpaired.remove(row)
        for name in FIELDS:
            expected = tuple(filter(None, want.get(name, "").split("\n")))
            if expected and name in columns:
                total[name] += 1
                right[name] += tuple(map(match_key, getattr(row, name))) == tuple(
                    map(match_key, expected)
                )


def main(out: Path, after: float) -> None:
    tally: dict[tuple[str, str], list[int]] = {}
    refused: Counter[str] = Counter()

    def count(sweep: str, form: str, hits: int, total: int) -> None:
        cell = tally.setdefault((sweep, form), [0, 0])
        cell[0], cell[1] = cell[0] + hits, cell[1] + total

    for path in sorted((ROOT / "raw").glob("*.txt")):
        text = parse_file(path)
        layout = text.detection.layout.name
        if layout not in TITLES:
            continue
        for index, (ruled, size, wide) in enumerate(
            itertools.product((True, False), (8.0, 10.0), (False, True))
        ):
            plan = plan_from_rows(
                layout, text.rows, TITLES[layout], ruled=ruled, font_size=size, landscape=wide
            )
            name = f"{layout}-{'R' if ruled else 'U'}{size:g}{'L' if wide else 'P'}"
            font = FONTS[index % len(FONTS)]
            pdf = export_pdf(write_docx(plan, out / f"{name}.docx", font, after))
            for form, source in text_forms(pdf).items():
                result = compare_rows(list(text.rows), list(read_rows(source, refused)))
                count("sample rows", form, result.found, len(text.rows))
        print(f"{layout}: done", flush=True)
    right: dict[str, Counter[str]] = {}
    total: dict[str, Counter[str]] = {}
    for index, (header, ruled, wide, bullets) in enumerate(
        itertools.product(HEADERS, (True, False), (False, True), (False, True))
    ):
        rows = generic_rows(18, bullets)
        plan = generic_plan(
            header, rows, ruled=ruled, landscape=wide, font_size=(8.0, 9.0, 10.0)[index % 3]
        )
        docx = write_docx(plan, out / f"generic{index}.docx", FONTS[index % len(FONTS)], after)
        for form, source in text_forms(export_pdf(docx)).items():
            read = read_rows(source, refused)
            count("renamed headers", form, found(rows, read), len(rows))
            shares = right.setdefault(form, Counter()), total.setdefault(form, Counter())
            field_right(header, rows, read, *shares)
    report(tally, (right, total), "renamed headers", refused)


def report(
    tally: dict[tuple[str, str], list[int]],
    fields: tuple[dict[str, Counter[str]], dict[str, Counter[str]]],
    fields_of: str,
    refused: Counter[str],
) -> None:
    """Print the rows found per sweep and form, the fields read right of `fields_of`'s rows
    found (right, total per form) and the files refused."""
    right, total = fields
    for (sweep, form), (hits, drawn) in tally.items():
        print(f"{sweep}, {form}: {hits}/{drawn} rows found ({hits / drawn:.3f})")
    for form, counts in total.items():
        shares = ", ".join(f"{name} {right[form][name] / counts[name]:.3f}" for name in counts)
        print(f"{fields_of}, {form}, fields of the rows found: {shares}")
    for reason, times in refused.items():
        print(f"refused ({times} files, no rows): {reason}")


if __name__ == "__main__":
    arguments = [argument for argument in sys.argv[1:] if argument != "--tight"]
    space = 0.0 if "--tight" in sys.argv else SPACE_AFTER
    if arguments:
        folder = Path(arguments[0])
        folder.mkdir(parents=True, exist_ok=True)
        main(folder, space)
    else:
        with tempfile.TemporaryDirectory() as name:
            main(Path(name), space)
