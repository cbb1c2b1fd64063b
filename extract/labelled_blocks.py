"""Read plans written as labelled blocks instead of tables ("Mål: …", "Insatser:" and its
bullets, "Ansvarig: …", "Tidsplan: …", "Status: …"), whichever tool printed the text.

A field is a line that opens with a column label of the vocabulary (extract/data/columns.tsv)
and a colon; its value is the rest of the line, the bullets below it and the lines that wrap it.
A record opens at a goal's field and holds the fields up to the next goal, heading or area line;
a goal alone (a "Mål: …" paragraph above a table) is no record. The same vocabulary that reads
a table's header names the fields, so a plan that calls its activities "Åtgärder:" or its time
"Klart senast:" is read too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.cells import is_bullet, split_actors
from extract.columns import fold, label_cells, vocabulary
from extract.document import Line
from extract.headings import is_upper_heading
from extract.layout import TABLE_ROW_KIND, ParsedRow, cell_text, item_text, make_row

FIELD_RE = re.compile(
    r"^\s*(?P<label>[^\W\d_][^:\d]{0,40}?)(?:\s+(?P<number>\d{1,2}(?:\.\d{1,2})*))?"
    r"\s*:\s*(?P<value>.*)$"
)  # "Ansvarig: …", "Mål 2: …", "Delmål 1.3: …"
MIN_RECORDS = 2  # labelled records a plan needs before its text is read as such a plan


def field_cell(text: str) -> tuple[str, str] | None:
    """The cell a labelled line fills and its value ("Ansvarig: HR" -> ("responsible", "HR")),
    when its label is one of the vocabulary's labels word for word (a number after it, "Mål 2:",
    is the field's number); else None."""
    match = FIELD_RE.match(text)
    if match is None:
        return None
    words = tuple(fold(match.group("label")))
    if not any(term.words == words and term.kind == "label" for term in vocabulary()):
        return None
    cells = label_cells(match.group("label"))
    return (cells[0], match.group("value").strip()) if cells else None


def field_number(text: str) -> str | None:
    """The number a field's label carries ("Mål 2: …" -> "2"), else None."""
    match = FIELD_RE.match(text)
    return match.group("number") if match else None


@dataclass
class _Record:
    """A record being read: each field's items (an item is a list of lines)."""

    section: str | None
    area: int | None
    fields: dict[str, list[list[Line]]] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)
    current: str = "goal"

    def open_field(self, cell: str, value: Line | None) -> None:
        self.current = cell
        items = self.fields.setdefault(cell, [])
        if value is not None:
            items.append([value])

    def add(self, line: Line) -> None:
        """A bullet opens an item of the current field; another line wraps its last item."""
        items = self.fields.setdefault(self.current, [])
        if is_bullet(line.text) or not items:
            items.append([line])
        else:
            items[-1].append(line)
        self.lines.append(line)

    def row(self) -> ParsedRow | None:
        """The record as a row, when it holds a goal and at least one other field."""
        if "goal" not in self.fields or not set(self.fields) - {"goal", "number"}:
            return None

        def texts(cell: str) -> list[str]:
            return [item_text(item) for item in self.fields.get(cell, []) if cell_text(item)]

        joined = {cell: "\n".join(texts(cell)) or None for cell in ("goal", "notes")}
        return make_row(
            TABLE_ROW_KIND,
            self.lines,
            goal=joined["goal"],
            activities=texts("activities"),
            responsible=split_actors(texts("responsible")),
            timeframe=texts("timeframe"),
            status=texts("status"),
            notes=joined["notes"],
            rcc_activity="\n".join(texts("rcc_activity")) or None,
            goal_number="\n".join(texts("number")) or None,
            section=self.section,
            area_number=self.area,
        )


def _value_line(line: Line, value: str) -> Line | None:
    return Line(line.number, line.page, value) if value else None


def read_labelled_blocks(
    lines: Sequence[Line], area_pattern: re.Pattern[str] | None = None
) -> list[ParsedRow]:
    """The records of a text's labelled blocks, in order (see the module's docstring)."""
    rows: list[ParsedRow] = []
    area: int | None = None
    section: str | None = None
    record: _Record | None = None
    gap = False  # a blank line since the record's last line

    def close() -> None:
        nonlocal record
        if record is not None and (row := record.row()) is not None:
            rows.append(row)
        record = None

    for line in lines:
        if line.is_blank:
            gap = True
            continue
        area_match = area_pattern.match(line.text) if area_pattern else None
        labelled = field_cell(line.text)
        if area_match or is_upper_heading(line.stripped):
            close()
            if area_match:
                area = int(area_match.group(1))
            section = line.stripped
        elif labelled is not None and labelled[0] == "goal":
            close()
            record = _Record(section, area)
            record.open_field("goal", _value_line(line, labelled[1]))
            if (number := field_number(line.text)) is not None:
                record.fields["number"] = [[Line(line.number, line.page, number)]]
            record.lines.append(line)
        elif record is not None and labelled is not None:
            record.open_field(labelled[0], _value_line(line, labelled[1]))
            record.lines.append(line)
        elif record is not None and (not gap or is_bullet(line.text)):
            record.add(line)
        else:
            close()  # text after a gap that no label opens: the record has ended
        gap = False
    close()
    return rows
