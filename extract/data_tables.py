"""Read the reviewable vocabulary files in `extract/data/`: term lists and tab-separated tables.

`#` lines are comments. Every stage reads its vocabulary from here (normalize too), so each
piece of Swedish vocabulary lives once.
"""

from __future__ import annotations

import csv
from importlib import resources

COMMENT = "#"


def _data_lines(name: str) -> list[str]:
    text = resources.files("extract").joinpath(f"data/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith(COMMENT)]


def term_list(name: str) -> list[str]:
    """The terms of `extract/data/<name>`: one a line."""
    return [line.strip() for line in _data_lines(name)]


def read_tsv(name: str) -> list[dict[str, str]]:
    """The rows of the table `extract/data/<name>`, keyed by its header line."""
    return list(csv.DictReader(_data_lines(name), delimiter="\t", quoting=csv.QUOTE_NONE))
