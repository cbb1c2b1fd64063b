"""The versions of each plan and what changed between them, read from the dataset without
writing to it (no lock: files appear whole, by rename)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from normalize.text import match_key
from pipelines.arrow_rows import read_rows, read_table, rows_from_table
from pipelines.known import ACTIVITIES_DIR, DOCUMENTS_DIR
from pipelines.schema import SCHEMA_METADATA_KEY
from pipelines.snapshots import document_file, readable

VERSION_KEY = ("region", "document_type", "period_start", "period_end")
SCHEMA_KEY = "_schema_version"  # added to document rows as read: the schema their file is in


def read_documents(out: Path) -> list[dict[str, Any]]:
    """Every document row of the dataset at `out` (current and superseded versions), each with
    the schema version its file was written in (`SCHEMA_KEY`)."""
    folder = readable(out) / DOCUMENTS_DIR
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("[!.]*.parquet")) if folder.is_dir() else ():
        table = read_table(path)
        version = (table.schema.metadata or {}).get(SCHEMA_METADATA_KEY, b"").decode()
        rows += [row | {SCHEMA_KEY: version} for row in rows_from_table(table)]
    return rows


def _newest_first(row: dict[str, Any]) -> tuple:
    """The order of a plan's versions, newest first: current, then by the plan's own date
    (undated last), then by when each was ingested."""
    dated = row.get("plan_date")
    return (bool(row.get("is_current")), dated is not None, dated or date.min, row["ingested_at"])


def history(documents: Sequence[dict[str, Any]]) -> dict[tuple, list[dict[str, Any]]]:
    """Documents grouped by region, document type and plan period, newest version first."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for row in documents:
        groups.setdefault(tuple(row.get(name) for name in VERSION_KEY), []).append(row)
    return {
        key: sorted(rows, key=_newest_first, reverse=True)
        for key, rows in sorted(groups.items(), key=lambda item: tuple(map(str, item[0])))
    }


@dataclass(frozen=True)
class Changes:
    """What a later version of a plan changed: activities (by their goal and text) added and
    removed, and those whose status changed (text, old status, new status)."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    status: tuple[tuple[str, str, str], ...]


def _activities(out: Path, doc_id: str) -> dict[str, dict[str, Any]]:
    """A version's activities by their folded goal and text."""
    path = document_file(readable(out) / ACTIVITIES_DIR, doc_id)
    rows = read_rows(path, ["goal", "activity", "status"]) if path else []
    return {
        f"{match_key(row['goal'])}|{match_key(row['activity'])}": row
        for row in rows
        if row["activity"]
    }


def changes(out: Path, old: str, new: str) -> Changes:
    """What the version `new` changed from the version `old` of the same plan."""
    before, after = _activities(out, old), _activities(out, new)
    return Changes(
        tuple(after[key]["activity"] for key in after if key not in before),
        tuple(before[key]["activity"] for key in before if key not in after),
        tuple(
            (after[key]["activity"], before[key]["status"], after[key]["status"])
            for key in after
            if key in before and before[key]["status"] != after[key]["status"]
        ),
    )
