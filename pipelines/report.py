"""`cancerplans report`: one self-contained HTML page of the dataset (inline CSS and SVG, no
script, no network), opened from disk.

The page's numbers come from one summary (`summarize`), which is also embedded in the page as
JSON (`<script type="application/json" id="report-data">`, data only, never run), so a test or a
notebook can check the page against the dataset. Counts are of current activities (rows of a
plan's current version that hold an activity); superseded versions are listed as such.
"""

from __future__ import annotations

import html
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from normalize.areas import areas
from normalize.status import STATUSES
from pipelines.arrow_rows import read_rows
from pipelines.known import ACTIVITIES_DIR, DOCUMENTS_DIR, REPORT, temporary_path
from pipelines.snapshots import readable

KIND_NAMES = {
    "action_row": "plan actions",
    "national_goal": "national goals",
    "regional_insats": "regional measures",
    "report_item": "annual-report items",
}
NO_AREA = "none"  # the heatmap column of activities without an area
NO_REGION = "region unknown"
STATUS_COLOURS = {
    "done": "#2e7d32",
    "ongoing": "#1e88e5",
    "planned": "#f9a825",
    "not_started": "#8e24aa",
    "unknown": "#bdbdbd",
}
CELL = 34  # px: one heatmap cell
LABEL_WIDTH = 190  # px: the region names left of a chart


@dataclass(frozen=True)
class RegionShares:
    """How much of a region's current activities says what a researcher needs."""

    region: str
    activities: int
    with_status: int
    with_dates: int
    with_responsible: int


@dataclass(frozen=True)
class Summary:
    """Everything the page shows, as plain data."""

    areas: dict[str, str]  # area id -> name
    heatmap: dict[str, dict[str, dict[str, int]]]  # kind -> region -> area id (or "none") -> n
    shares: list[RegionShares]
    status: dict[str, dict[str, int]]  # region -> status -> n
    documents: list[dict[str, Any]]


ACTIVITY_COLUMNS = (
    "kind", "region", "area_id", "activity", "status", "time_start", "time_end", "responsible",
    "is_current",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "doc_id", "source_file", "layout", "layout_confidence", "region", "document_type",
    "period_start", "period_end", "n_rows", "warnings", "is_current", "ingested_at",
)  # fmt: skip


def _rows(out: Path, folder: str, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    paths = sorted((out / folder).glob("[!.]*.parquet"))
    return [row for path in paths for row in read_rows(path, columns)]


def summarize(out: Path) -> Summary:
    """The report's numbers, from the dataset at `out` (one snapshot of it)."""
    out = readable(out)
    names = {str(number): name for number, name in sorted(areas().items())}
    current = [
        row
        for row in _rows(out, ACTIVITIES_DIR, ACTIVITY_COLUMNS)
        if row["is_current"] and row["activity"] is not None
    ]
    heatmap: dict[str, dict[str, dict[str, int]]] = {}
    by_region: dict[str, list[dict[str, Any]]] = {}
    for row in current:
        region = row["region"] or NO_REGION
        area = NO_AREA if row["area_id"] is None else str(row["area_id"])
        cells = heatmap.setdefault(row["kind"], {}).setdefault(region, {})
        cells[area] = cells.get(area, 0) + 1
        by_region.setdefault(region, []).append(row)
    shares = [
        RegionShares(
            region,
            len(rows),
            sum(row["status"] != "unknown" for row in rows),
            sum(row["time_start"] is not None or row["time_end"] is not None for row in rows),
            sum(bool(row["responsible"]) for row in rows),
        )
        for region, rows in sorted(by_region.items())
    ]
    status = {
        region: {name: sum(row["status"] == name for row in rows) for name in STATUSES}
        for region, rows in sorted(by_region.items())
    }
    return Summary(names, heatmap, shares, status, _documents(out))


def _documents(out: Path) -> list[dict[str, Any]]:
    rows = _rows(out, DOCUMENTS_DIR, DOCUMENT_COLUMNS)
    rows.sort(key=lambda row: (row["region"] is None, row["region"] or "", row["ingested_at"]))
    return [
        {
            "doc_id": row["doc_id"],
            "source_file": row["source_file"],
            "layout": row["layout"],
            "confidence": (
                None if row["layout_confidence"] is None else round(row["layout_confidence"], 2)
            ),
            "region": row["region"] or NO_REGION,
            "document_type": row["document_type"],
            "period": "–".join(
                str(year) for year in (row["period_start"], row["period_end"]) if year is not None
            ),
            "rows": row["n_rows"],
            "warnings": len(row["warnings"] or []),
            "current": row["is_current"],
        }
        for row in rows
    ]


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "–"


def heatmap_svg(counts: dict[str, dict[str, int]], area_ids: list[str]) -> str:
    """Regions (rows) by areas (columns) of one kind: each cell its count, darker for more."""
    regions = sorted(counts)
    columns = [*area_ids, NO_AREA]
    top = max((n for row in counts.values() for n in row.values()), default=1)
    width, height = LABEL_WIDTH + CELL * len(columns), CELL * (len(regions) + 1)
    parts = [f'<svg width="{width}" height="{height}" role="img" aria-label="heatmap">']
    for j, area in enumerate(columns):
        x = LABEL_WIDTH + j * CELL + CELL / 2
        parts.append(f'<text x="{x}" y="{CELL * 0.7}" text-anchor="middle">{area}</text>')
    for i, region in enumerate(regions):
        y = CELL * (i + 1)
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + CELL * 0.65}" text-anchor="end">'
            f"{html.escape(region)}</text>"
        )
        for j, area in enumerate(columns):
            n = counts[region].get(area, 0)
            shade = 0.08 + 0.92 * n / top if n else 0.0
            fill = f"rgba(21, 101, 192, {shade:.2f})" if n else "#f5f5f5"
            colour = "#fff" if shade > 0.55 else "#222"
            x = LABEL_WIDTH + j * CELL
            parts.append(
                f'<rect x="{x + 1}" y="{y + 1}" width="{CELL - 2}" height="{CELL - 2}" '
                f'fill="{fill}"><title>{html.escape(region)}, area {area}: {n}</title></rect>'
            )
            if n:
                parts.append(
                    f'<text x="{x + CELL / 2}" y="{y + CELL * 0.65}" '
                    f'text-anchor="middle" fill="{colour}" class="n">{n}</text>'
                )
    parts.append("</svg>")
    return "".join(parts)


def status_svg(status: dict[str, dict[str, int]]) -> str:
    """One bar a region, split by the share of each status."""
    regions = sorted(status)
    bar = 420
    parts = [
        f'<svg width="{LABEL_WIDTH + bar + 10}" height="{CELL * len(regions)}" '
        'role="img" aria-label="status by region">'
    ]
    for i, region in enumerate(regions):
        y = CELL * i
        total = sum(status[region].values()) or 1
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + CELL * 0.6}" text-anchor="end">'
            f"{html.escape(region)}</text>"
        )
        x = float(LABEL_WIDTH)
        for name in STATUSES:
            n = status[region][name]
            if not n:
                continue
            width = bar * n / total
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 6}" width="{width:.1f}" height="{CELL - 12}" '
                f'fill="{STATUS_COLOURS[name]}"><title>{html.escape(region)}: {name} {n}'
                "</title></rect>"
            )
            x += width
    parts.append("</svg>")
    return "".join(parts)


STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; padding: 0 1.5em; max-width: 1100px;
       color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border-bottom: 1px solid #ddd; padding: .25em .6em; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
svg text { font: 12px system-ui, sans-serif; } svg text.n { font-size: 11px; }
.legend span { display: inline-block; margin-right: 1em; }
.legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em; }
.muted { color: #777; }
"""


def render_html(summary: Summary, title: str = "cancerplans: the dataset at a glance") -> str:
    """The page, whole: inline CSS and SVG, the summary embedded as JSON data."""
    area_ids = list(summary.areas)
    body = [f"<h1>{html.escape(title)}</h1>"]
    total = sum(share.activities for share in summary.shares)
    body.append(
        f'<p class="muted">{total} current activities in {len(summary.documents)} '
        "documents. Counts are of the current version of each plan.</p>"
    )
    body.append("<h2>Activities by region and area</h2>")
    for kind, counts in sorted(summary.heatmap.items()):
        body.append(f"<h3>{html.escape(KIND_NAMES.get(kind, kind))}</h3>")
        body.append(heatmap_svg(counts, area_ids))
    body.append(
        "<h2>What the activities say</h2><table><tr><th>region</th>"
        '<th class="num">activities</th><th class="num">with a status</th>'
        '<th class="num">with dates</th><th class="num">with a responsible</th></tr>'
    )
    for share in summary.shares:
        n = share.activities
        body.append(
            f"<tr><td>{html.escape(share.region)}</td><td class=num>{n}</td>"
            f"<td class=num>{_percent(share.with_status, n)}</td>"
            f"<td class=num>{_percent(share.with_dates, n)}</td>"
            f"<td class=num>{_percent(share.with_responsible, n)}</td></tr>"
        )
    body.append("</table>")
    body.append("<h2>Status by region</h2><p class=legend>")
    body.extend(
        f'<span><i style="background:{colour}"></i>{name}</span>'
        for name, colour in STATUS_COLOURS.items()
    )
    body.append("</p>" + status_svg(summary.status))
    body.append(
        "<h2>Documents</h2><table><tr><th>file</th><th>layout</th>"
        '<th class="num">confidence</th><th>region</th><th>type</th><th>period</th>'
        '<th class="num">rows</th><th class="num">warnings</th><th>version</th></tr>'
    )
    for row in summary.documents:
        confidence = "–" if row["confidence"] is None else f"{row['confidence']:.2f}"
        body.append(
            f"<tr><td>{html.escape(row['source_file'])}</td><td>{html.escape(row['layout'])}</td>"
            f"<td class=num>{confidence}</td><td>{html.escape(row['region'])}</td>"
            f"<td>{html.escape(row['document_type'] or '–')}</td><td>{row['period'] or '–'}</td>"
            f"<td class=num>{row['rows']}</td><td class=num>{row['warnings']}</td>"
            f"<td>{'current' if row['current'] else 'superseded'}</td></tr>"
        )
    body.append("</table><h2>The ten areas (Vägen framåt)</h2><table>")
    body.extend(
        f"<tr><td class=num>{number}</td><td>{html.escape(name)}</td></tr>"
        for number, name in summary.areas.items()
    )
    body.append("</table>")
    data = json.dumps(asdict(summary), ensure_ascii=False).replace("</", "<\\/")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        + "\n".join(body)
        + f'<script type="application/json" id="report-data">{data}</script></body></html>\n'
    )


def write_report(out: Path, target: Path | None = None) -> Path:
    """Write the report of the dataset at `out` to `target` (default OUT/report.html), whole."""
    target = target or out / REPORT
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(target)
    temporary.write_text(render_html(summarize(out)), encoding="utf-8")
    os.replace(temporary, target)
    return target
