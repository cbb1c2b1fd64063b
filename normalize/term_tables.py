"""Read the reviewable term tables in `normalize/data/` (tab-separated, `#` lines are comments)."""

from __future__ import annotations

import csv
from importlib import resources


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of `normalize/data/<name>` as dictionaries keyed by its header line."""
    text = resources.files("normalize").joinpath(f"data/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
