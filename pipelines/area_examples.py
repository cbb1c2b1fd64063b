"""The area model's training rows: every row of the given plans whose headings decide its area
(`area_source` document, section or chapter), written to `normalize/data/area_examples.tsv`."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from normalize.classify import AreaExample, area_text
from normalize.records import ActivityRecord
from pipelines.ingest import parse_file
from pipelines.results import collect_inputs

HEADING_SOURCES = frozenset({"document", "section", "chapter"})
HEADER = (
    "# Rows whose headings decide their area: the training data of the area model\n"
    "# (normalize/classify.py). Written by `cancerplans area-examples`; do not edit by hand.\n"
    "doc\tline\tarea_id\ttext\n"
)


def row_text(records: list[ActivityRecord]) -> str:
    """A row's own words on one line (`area_text` of its clean goal, activities and RCC
    activity)."""
    first = records[0]
    activities = (record.activity for record in records)
    return " ".join(area_text(first.goal, activities, first.rcc_activity).split())


def area_examples(paths: Iterable[Path]) -> list[AreaExample]:
    """The heading-decided rows of the plans in `paths` (files or folders), in document order."""
    examples = []
    for path in collect_inputs(paths):
        rows: dict[str, list[ActivityRecord]] = {}
        for record in parse_file(path).records:
            rows.setdefault(record.row_id, []).append(record)
        for records in rows.values():
            first = records[0]
            if first.area_source in HEADING_SOURCES and (text := row_text(records)):
                examples.append(AreaExample(path.name, first.line_start, first.area_id, text))
    return examples


def shipped_examples_path() -> Path:
    """Where the area model reads its training rows: the installed package's data folder (the
    repository's when installed editable), whatever the working directory."""
    return Path(str(resources.files("normalize") / "data" / "area_examples.tsv"))


def write_area_examples(examples: list[AreaExample], out: Path) -> None:
    """Write the examples as the tab-separated table `read_area_examples` reads."""
    lines = [f"{e.doc}\t{e.line}\t{e.area_id}\t{e.text.replace(chr(9), ' ')}\n" for e in examples]
    out.write_text(HEADER + "".join(lines), "utf-8")
