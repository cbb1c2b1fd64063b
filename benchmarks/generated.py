"""Row recall on plans our generator draws in many ways: what next year's plans may vary.

Run from the repository root: `python benchmarks/generated.py [--text] [--pdftotext]`. Two sweeps,
every plan drawn with reportlab (tests/pdf_fixtures.py) and read back by `parse_file`:

- the sample documents' own rows, in each regional layout, set in 7, 8.5 and 11 pt type, with
  and without rules, on portrait and landscape pages;
- a plan in no sample's layout under renamed headers ("Nr | Mål | Aktivitet | Ansvarig | Klart",
  "Strategiskt mål | Planerad aktivitet | Ansvarig funktion | Tidplan | Status", …, and
  "Aktivitet | Ansvarig | Tidsplan | Status" under "Mål: …" paragraphs), goals merged over two
  rows, one or two bullets and actors a row, with and without rules, portrait and landscape.

A drawn row is found when a read row has its goal and activities (text compared without spaces
and punctuation, 0.9 alike at least). With `--text` both sweeps are also read as pypdf's
text of each PDF (pypdf must be installed; it is no dependency of the pipeline), as pypdf prints
these PDFs: without the trailing space Word's PDFs give a wrapped line. With `--pdftotext` both
sweeps are also read as poppler's `pdftotext` prints each PDF (it must be on the PATH), in
reading order and with `-layout` (columns kept by spaces).
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import tempfile
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.errors import InputError  # noqa: E402
from normalize.text import match_key  # noqa: E402
from pipelines.ingest import parse_file  # noqa: E402
from tests.pdf_fixtures import (  # noqa: E402
    Block,
    FixturePlan,
    FixtureTable,
    compare_rows,
    plan_from_rows,
    render,
)
from tests.test_pdf import TITLES  # noqa: E402

SIZES = (7.0, 8.5, 11.0)
HEADERS = (
    ("Nr", "Mål", "Aktivitet", "Ansvarig", "Klart"),
    ("Mål", "Åtgärd", "Ansvar", "Tidsplan", "Status"),
    ("Delmål", "Insats", "Ansvarig", "Tid", "Uppföljning"),
    ("Strategiskt mål", "Planerad aktivitet", "Ansvarig funktion", "Tidplan", "Status"),
    ("Aktivitet", "Ansvarig", "Tidsplan", "Status"),  # the goal stated above each table
)
GOALS = (
    "Minskad tobaksrökning bland vuxna i länet genom samordnade insatser i hela vårdkedjan",
    "Fler invånare deltar i screening för livmoderhalscancer och tjocktarmscancer",
    "Stabil bemanning av specialistsjuksköterskor inom onkologisk vård",
    "Bättre stöd till barn som närstående till patienter med cancer",
)
ACTIVITIES = (
    "Erbjuda rökavvänjning i primärvården till alla patienter som röker inför operation",
    "Utbilda personal i motiverande samtal om levnadsvanor",
    "Skicka påminnelser via 1177 till dem som inte deltagit",
    "Följa upp ledtider varje kvartal och återkoppla till verksamheterna",
    "Ta fram en regional rutin för bedömning av rehabiliteringsbehov",
)
ACTORS = ("Folkhälsoenheten", "Verksamhetschef kirurgi", "Processledare", "Kvinnokliniken")
TIMES = ("2027", "Q3 2027", "2027–2028", "Hösten 2027", "Kvartal 2 2027")
STATUSES = ("Pågår", "Planeras", "Klar", "Ej påbörjad")


def generic_rows(count: int, bullets: bool) -> list[dict[str, str]]:
    """Rows of goals merged over two rows each, one or two activities and actors a row."""
    rows = []
    for i in range(count):
        acts = [ACTIVITIES[(i + k) % len(ACTIVITIES)] for k in range(1 + (bullets and i % 2))]
        actors = [ACTORS[(i + k) % len(ACTORS)] for k in range(1 + (bullets and i % 3 == 0))]
        rows.append(
            {
                "number": str(i // 2 + 1),
                "goal": f"{GOALS[i // 2 % len(GOALS)]} ({i // 2 + 1})",
                "activities": "\n".join(f"• {a}" if bullets else a for a in acts),
                "responsible": "\n".join(actors),
                "timeframe": TIMES[i % len(TIMES)],
                "status": STATUSES[i % len(STATUSES)],
            }
        )
    return rows


def generic_plan(header: tuple[str, ...], rows: list[dict[str, str]], **options) -> FixturePlan:
    area = Block("Målområde 1 – Prevention och tidig upptäckt", heading=True)
    if "Mål" in header or any("mål" in label.lower() for label in header):
        tables = (FixtureTable(tuple(rows), (area,)),)
    else:  # no goal column: the goal stated above each table of its two rows
        tables = tuple(
            FixtureTable(
                tuple({k: v for k, v in row.items() if k != "goal"} for row in rows[i : i + 2]),
                ((area,) if i == 0 else ()) + (Block(f"Mål: {rows[i]['goal']}"),),
            )
            for i in range(0, len(rows), 2)
        )
    title = "Handlingsplan 2027 Region Örebro län"
    return FixturePlan("generic", title, tables, header=header, **options)


def found(drawn: list[dict[str, str]], read) -> int:
    def alike(a: str, b: str) -> bool:
        return SequenceMatcher(None, match_key(a), match_key(b)).ratio() >= 0.9

    def activities(row: dict[str, str]) -> str:
        return " ".join(item.removeprefix("• ") for item in row["activities"].split("\n"))

    def matches(row, want: dict[str, str]) -> bool:
        return alike(row.goal or "", want["goal"]) and alike(
            " ".join(row.activities), activities(want)
        )

    return sum(any(matches(row, want) for row in read) for want in drawn)


def pypdf_text(pdf: Path) -> Path:
    from pypdf import PdfReader

    text = pdf.with_suffix(".txt")
    text.write_text("\n".join(page.extract_text() for page in PdfReader(pdf).pages), "utf-8")
    return text


def pdftotext(pdf: Path, *options: str) -> Path:
    """The PDF's text as poppler's `pdftotext` prints it with `options`, in a file beside it."""
    text = pdf.with_name(f"{pdf.stem}.pdftotext{''.join(options)}.txt")
    subprocess.run(["pdftotext", *options, str(pdf), str(text)], check=True)
    return text


def read_rows(source: Path, refused: Counter[str]) -> tuple:
    """The rows read from a drawn plan in one form; none where the reader refuses the file (a
    tool's text it takes for binary), counted by reason in `refused`."""
    try:
        return parse_file(source).rows
    except InputError as err:
        refused[f"{source.name}: {err}"] += 1
        return ()


def text_forms(pdf: Path, with_text: bool, with_pdftotext: bool) -> dict[str, Path]:
    """The forms a drawn plan is read in: its PDF and the texts the options ask for."""
    forms = {"pdf": pdf}
    if with_text:
        forms["pypdf"] = pypdf_text(pdf)
    if with_pdftotext:
        forms["pdftotext"] = pdftotext(pdf)
        forms["pdftotext -layout"] = pdftotext(pdf, "-layout")
    return forms


def main() -> None:
    with_text = "--text" in sys.argv
    with_pdftotext = "--pdftotext" in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        print("sample rows, drawn anew | rows found per type size, rules and page")
        drawn_rows: dict[str, list[int]] = {}  # rows found and drawn, by text form
        refused: Counter[str] = Counter()  # files a form's text was refused for, by reason
        for path in sorted((ROOT / "raw").glob("*.txt")):
            text = parse_file(path)
            layout = text.detection.layout.name
            if layout not in TITLES:
                continue
            cells = []
            for ruled, size, wide in itertools.product((True, False), SIZES, (False, True)):
                plan = plan_from_rows(
                    layout, text.rows, TITLES[layout], ruled=ruled, font_size=size, landscape=wide
                )
                forms = text_forms(render(plan, out / "plan.pdf"), with_text, with_pdftotext)
                for form, source in forms.items():
                    result = compare_rows(list(text.rows), read_rows(source, refused))
                    tally = drawn_rows.setdefault(form, [0, 0])
                    tally[0] += result.found
                    tally[1] += len(text.rows)
                    if form == "pdf":
                        cells.append(
                            f"{'R' if ruled else 'U'}{size:g}{'L' if wide else 'P'} "
                            f"{result.found}/{len(text.rows)}"
                        )
            print(f"{layout:20s}", " ".join(cells))
        for form, (hits, total) in drawn_rows.items():
            print(f"sample rows drawn anew, {form}: {hits}/{total} rows found ({hits / total:.3f})")
        totals: dict[str, list[int]] = {}
        for header, ruled, wide, bullets, size in itertools.product(
            HEADERS, (True, False), (False, True), (False, True), SIZES
        ):
            rows = generic_rows(18, bullets)
            options = {"ruled": ruled, "landscape": wide, "font_size": size}
            pdf = render(generic_plan(header, rows, **options), out / "generic.pdf")
            for form, source in text_forms(pdf, with_text, with_pdftotext).items():
                tally = totals.setdefault(form, [0, 0])
                tally[0] += found(rows, read_rows(source, refused))
                tally[1] += len(rows)
        for form, (hits, total) in totals.items():
            print(f"renamed headers, {form}: {hits}/{total} rows found ({hits / total:.3f})")
        for reason, count in refused.items():
            print(f"refused ({count} files, no rows): {reason}")


if __name__ == "__main__":
    main()
