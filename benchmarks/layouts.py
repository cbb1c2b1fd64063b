"""Row recall on plans in layouts no sample has, made the way regions make theirs.

Run from the repository root: `python benchmarks/layouts.py [OUT_DIR]`. Needs what
benchmarks/office.py needs (python-docx, pypdf, LibreOffice's `soffice`, poppler's `pdftotext`).
The sample documents' own rows (goals, activities, actors, times) are laid out in six layouts
that none of the samples uses, each written as a Word document, exported to PDF by LibreOffice
and read back as the PDF, as pypdf's text, as pdftotext's reading order and as `pdftotext
-layout`:

- numbered rows: Nr | Delmål | Insatser | Ansvarig | Tidplan | Status, a goal merged over two rows;
- goal rows across: "Mål 1: …" in a row across the table above its rows, Aktivitet | Ansvarig |
  Klart | Status;
- area column: Fokusområde | Mål | Åtgärd | Ansvar | När, the area merged over the whole table;
- title row: "Målområde 1 – …" in a row above the header, repeated with it on each page;
- qualified labels: "Delmål (vad vill vi uppnå)", "Aktivitet (vad ska göras)", … "Klart (år)";
- labelled blocks: no table, "Mål: …", "Insatser:" and a list, "Ansvarig: …", "Tidplan: …".

Each is made ruled and unruled, with and without space after paragraphs (rows that touch),
portrait and landscape; every second plan writes statuses the vocabulary does not list
("Försenad", "Enligt plan", "Grön"). It prints the rows found per layout and form, and how often
the responsible, time frame and status of a row found are read right.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generated import found  # noqa: E402
from office import (  # noqa: E402
    FONTS,
    SPACE_AFTER,
    export_pdf,
    field_right,
    read_rows,
    report,
    text_forms,
    write_docx,
)

from pipelines.ingest import parse_file  # noqa: E402
from tests.pdf_fixtures import Block, FixturePlan, FixtureTable  # noqa: E402

AREAS = ((1, "Prevention och tidig upptäckt"), (3, "Sammanhållna och effektiva vårdprocesser"))
TIMES = ("2027", "Q2 2027", "2027–2028", "Våren 2027", "Löpande", "December 2027")
STATUSES = ("Pågår", "Ej påbörjad", "Klar", "Planerad")
OWN_STATUSES = ("Försenad", "Enligt plan", "Grön", "Pågår")  # words the vocabulary lacks
ACTORS = ("Regionalt cancercentrum", "Verksamhetschef onkologi", "Primärvården")
ROWS_PER_TABLE = 8


def _flat(text: str) -> str:
    return " ".join(text.split())


def sample_rows() -> list:
    """The sample documents' rows that have a goal and activities."""
    rows = []
    for path in sorted((ROOT / "raw").glob("*.txt")):
        rows += [row for row in parse_file(path).rows if row.goal and row.activities]
    return rows


def drawn_rows(
    rows: list, start: int, own_statuses: bool, shared_goals: bool = True
) -> list[dict[str, str]]:
    """Sixteen rows from the samples' (every seventh from `start`), goals shared by pairs (or
    each row's own)."""
    statuses = OWN_STATUSES if own_statuses else STATUSES
    picked = rows[start::7][: 2 * ROWS_PER_TABLE]
    drawn = []
    for i, row in enumerate(picked):
        activities = [_flat(item) for item in row.activities[:3]]
        drawn.append(
            {
                "number": f"{i // 2 + 1}.{i % 2 + 1}",
                "goal": _flat(picked[i - i % 2 if shared_goals else i].goal),
                "activities": "\n".join(f"• {a}" for a in activities)
                if len(activities) > 1
                else activities[0],
                "responsible": "\n".join(_flat(a) for a in row.responsible[:2])
                or ACTORS[i % len(ACTORS)],
                "timeframe": _flat(row.timeframe[0]) if row.timeframe else TIMES[i % len(TIMES)],
                "status": statuses[i % len(statuses)],
            }
        )
    return drawn


def _tables(rows: list[dict[str, str]]) -> list[tuple[tuple[int, str], list]]:
    return [
        (area, rows[k * ROWS_PER_TABLE : (k + 1) * ROWS_PER_TABLE]) for k, area in enumerate(AREAS)
    ]


def _heading(area: tuple[int, str]) -> Block:
    return Block(f"Målområde {area[0]} – {area[1]}", heading=True)


def tabled(header: tuple[str, ...], rows: list[dict[str, str]], **options) -> FixturePlan:
    """A table a focus area under its heading, in the generic layout under `header`."""
    tables = tuple(FixtureTable(tuple(part), (_heading(area),)) for area, part in _tables(rows))
    return FixturePlan("generic", TITLE, tables, header=header, **options)


def goal_rows_across(rows: list[dict[str, str]], **options) -> FixturePlan:
    tables = []
    for area, part in _tables(rows):
        body: list[dict[str, str]] = []
        for i, row in enumerate(part):
            if i % 2 == 0:
                body.append({"across": f"Mål {row['number'].split('.')[0]}: {row['goal']}"})
            body.append({k: v for k, v in row.items() if k != "goal"})
        tables.append(FixtureTable(tuple(body), (_heading(area),)))
    header = ("Aktivitet", "Ansvarig", "Klart", "Status")
    return FixturePlan("generic", TITLE, tuple(tables), header=header, **options)


def area_column(rows: list[dict[str, str]], **options) -> FixturePlan:
    tables = tuple(
        FixtureTable(tuple({**row, "area": area[1]} for row in part))
        for area, part in _tables(rows)
    )
    header = ("Fokusområde", "Mål", "Åtgärd", "Ansvar", "När")
    return FixturePlan("generic", TITLE, tables, header=header, **options)


def title_row(rows: list[dict[str, str]], **options) -> FixturePlan:
    tables = tuple(
        FixtureTable(tuple(part), title=f"Målområde {area[0]} – {area[1]}")
        for area, part in _tables(rows)
    )
    header = ("Mål", "Aktivitet", "Ansvarig", "Tidplan", "Status")
    return FixturePlan("generic", TITLE, tables, header=header, **options)


def labelled_blocks(rows: list[dict[str, str]], **options) -> FixturePlan:
    blocks: list[Block] = []
    for area, part in _tables(rows):
        blocks.append(_heading(area))
        for row in part:
            items = [item.removeprefix("• ") for item in row["activities"].split("\n")]
            blocks += [
                Block(f"Mål: {row['goal']}"),
                Block("Insatser:\n" + "\n".join(f"• {item}" for item in items)),
                Block("Ansvarig: " + ", ".join(row["responsible"].split("\n"))),
                Block(f"Tidplan: {row['timeframe']}"),
                Block(f"Status: {row['status']}"),
            ]
    return FixturePlan("generic", TITLE, blocks=tuple(blocks), **options)


TITLE = "Handlingsplan för cancervården 2027, Region Gävleborg"
LAYOUTS = {
    "numbered rows": lambda rows, **o: tabled(
        ("Nr", "Delmål", "Insatser", "Ansvarig", "Tidplan", "Status"), rows, **o
    ),
    "goal rows across": goal_rows_across,
    "area column": area_column,
    "title row": title_row,
    "qualified labels": lambda rows, **o: tabled(
        (
            "Delmål (vad vill vi uppnå)",
            "Aktivitet (vad ska göras)",
            "Ansvarig (funktion)",
            "Klart (år)",
            "Status",
        ),
        rows,
        **o,
    ),
    "labelled blocks": labelled_blocks,
}
FIELD_HEADER = ("Mål", "Insatser", "Ansvarig", "Tidplan", "Status")  # the labelled blocks' fields


def main(out: Path) -> None:
    samples = sample_rows()
    tally: dict[tuple[str, str], list[int]] = {}
    right: dict[str, Counter[str]] = {}
    total: dict[str, Counter[str]] = {}
    refused: Counter[str] = Counter()
    for name, make in LAYOUTS.items():
        variants = itertools.product((True, False), (SPACE_AFTER, 0.0), (False, True))
        for index, (ruled, after, wide) in enumerate(variants):
            shared = name != "labelled blocks"  # a labelled block is one goal's
            rows = drawn_rows(samples, index, index % 2 == 1, shared)
            plan = make(rows, ruled=ruled, landscape=wide, font_size=9.0)
            stem = f"{name.replace(' ', '-')}-{index}"
            docx = write_docx(plan, out / f"{stem}.docx", FONTS[index % len(FONTS)], after)
            for form, source in text_forms(export_pdf(docx)).items():
                read = read_rows(source, refused)
                cell = tally.setdefault((name, form), [0, 0])
                cell[0] += found(rows, read)
                cell[1] += len(rows)
                shares = right.setdefault(form, Counter()), total.setdefault(form, Counter())
                field_right(plan.header or FIELD_HEADER, rows, read, *shares)
        print(f"{name}: done", flush=True)
    report(tally, (right, total), "all layouts", refused)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        folder = Path(sys.argv[1])
        folder.mkdir(parents=True, exist_ok=True)
        main(folder)
    else:
        with tempfile.TemporaryDirectory() as name:
            main(Path(name))
