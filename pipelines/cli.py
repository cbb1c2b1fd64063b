"""The `cancerplans` command line. Commands parse arguments and call plain functions."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from extract.files import printable_name
from normalize.version import PIPELINE_VERSION
from pipelines import workers
from pipelines.known import known_results
from pipelines.results import FileResult, IngestReport, collect_inputs
from pipelines.settings import IngestSettings, WatchSettings
from pipelines.text_forms import ALL_FORMS, LAYOUT_VARIANTS

if TYPE_CHECKING:  # the commands import the pipeline when they run, so the CLI starts fast
    from extract.detect import Detection
    from extract.document import Document
    from normalize.records import ActivityRecord
    from pipelines.versions import Changes

EXIT_QUARANTINED = 3  # watch: some files were quarantined or refused (1: it could not run)
PROGRESS_MIN_FILES = 4  # show a progress bar (on a terminal) from this many files on
DEFAULT_RAW = Path("raw")
DEFAULT_OUT = Path(os.environ.get("CANCERPLANS_OUT") or "output")
DEFAULT_GOLD = Path("tests/data/gold")
DEFAULT_RENDERED = Path("tests/data/variants")


def _summary_line(result: FileResult) -> str:
    result = replace(result, path=Path(printable_name(str(result.path))))
    if not result.ok:
        return f"FAILED  {result.path}: {result.error}"
    if result.status == "unchanged":
        line = f"same    {result.path}: already stored as {result.doc_id}; nothing rewritten"
        return line + "".join(f"; {warning}" for warning in result.warnings)
    line = (
        f"ok      {result.path}: layout {result.layout} ({result.confidence:.2f}), "
        f"region {result.region}, {result.n_rows} rows, {result.n_activities} activities"
    )
    if result.superseded:
        line += f", replaces {', '.join(result.superseded)}"
    if result.warnings:
        line += f", {len(result.warnings)} warnings: " + "; ".join(result.warnings)
    return line


out_option = click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Folder of the Parquet dataset (activities/, documents/ and what is made of them); "
    "default: $CANCERPLANS_OUT, else output/.",
)


def _layout_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A layout name of the registry (imported only when the option is given)."""
    if value is None:
        return None
    from extract.layouts import LAYOUTS

    if value not in LAYOUTS:
        raise click.BadParameter(f"{value!r} is not one of: {', '.join(LAYOUTS)}")
    return value


layout_option = click.option(
    "--layout",
    default=None,
    callback=_layout_name,
    help="Read every file in this layout instead of detecting one (names: `cancerplans layouts`).",
)


LIMIT_OPTIONS = (  # flag, IngestSettings field, type, help
    ("--max-pages", "max_pages", click.IntRange(min=1), "Refuse PDFs with more pages."),
    (
        "--max-mb",
        "max_megabytes",
        click.FloatRange(min=0, min_open=True),
        "Refuse files larger than this many megabytes, before reading them.",
    ),
    (
        "--max-memory-mb",
        "max_memory_mb",
        click.IntRange(min=100),
        "Memory (address space) a worker reading a PDF may use; past it the file fails.",
    ),
    (
        "--max-seconds",
        "max_seconds",
        click.FloatRange(min=0),
        "Give up a document that takes longer (0: no limit).",
    ),
)


def limits_options(command: Callable) -> Callable:
    """The per-document limits and the layout override, shared by `ingest` and `watch`."""
    defaults = IngestSettings()
    command = layout_option(command)
    for flag, name, kind, text in reversed(LIMIT_OPTIONS):
        default = getattr(defaults, name)
        option = click.option(flag, name, type=kind, default=default, show_default=True, help=text)
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(PIPELINE_VERSION, prog_name="cancerplans")
def main() -> None:
    """Turn Swedish regional cancer plans into one Parquet dataset keyed to the ten areas."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@out_option
@limits_options
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the cores",
    help="Parse this many files at once, in worker processes (commits stay one at a time).",
)
def ingest_command(
    paths: tuple[Path, ...],
    out: Path,
    jobs: int,
    **limits: Any,
) -> None:
    """Ingest plan files and folders (default: raw/) into the dataset at --out.

    Every file is tried; the exit status is 1 if any of them failed.
    """
    inputs = list(paths) or [DEFAULT_RAW]
    files = collect_inputs(inputs)
    settings = IngestSettings(**limits)  # the limits options and --layout
    known = known_results(files, out, settings)  # an unchanged batch: no pipeline to load
    if not known and any(map(workers.isolated, files)):
        workers.start_server()  # it loads the pipeline while this process does
    report = (
        IngestReport(tuple(known)) if known is not None else _ingest(files, out, settings, jobs)
    )
    for result in report.results:
        click.echo(_summary_line(result))
    stored = len(report.results) - len(report.failed)
    click.echo(f"{stored} of {len(report.results)} files in {out}/")
    if not report.results:
        click.echo(f"no files found in {', '.join(map(str, inputs))}", err=True)
    if report.failed or not report.results:
        sys.exit(1)


def _ingest(files: list[Path], out: Path, settings: IngestSettings, jobs: int) -> IngestReport:
    """Ingest `files` with a progress bar on a terminal; a store problem is the user's error."""
    from pipelines.ingest import ingest
    from pipelines.store import StoreError

    try:
        if len(files) >= PROGRESS_MIN_FILES and sys.stderr.isatty():
            with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr) as bar:
                return ingest(files, out, lambda _: bar.update(1), settings, jobs)
        return ingest(files, out, settings=settings, jobs=jobs)
    except StoreError as err:
        raise click.ClickException(str(err)) from err


@main.command("watch")
@click.argument("drop", type=click.Path(file_okay=False, path_type=Path))
@out_option
@click.option(
    "--log-format",
    type=click.Choice(["plain", "json"]),
    default="plain",
    show_default=True,
    help="One line per file, as text or as JSON.",
)
@click.option(
    "--poll-seconds",
    type=float,
    default=WatchSettings.poll_seconds,
    show_default=True,
    help="How often to look at the folder when nothing signals a change.",
)
@click.option(
    "--settle-seconds",
    type=float,
    default=WatchSettings.settle_seconds,
    show_default=True,
    help="A file unchanged this long is complete.",
)
@click.option("--once", is_flag=True, help="Take what is in the folder now, then stop (for cron).")
@limits_options
def watch_command(
    drop: Path,
    out: Path,
    log_format: str,
    poll_seconds: float,
    settle_seconds: float,
    once: bool,
    **limits: Any,
) -> None:
    """Watch DROP: ingest each complete file into --out, then move it to DROP/processed/ or to
    DROP/quarantine/ (with NAME.error.txt). Links, FIFOs and devices are never read. Stops
    cleanly on Ctrl-C or SIGTERM. Exit status: 0 all stored or unchanged, 3 some files
    quarantined or refused, 1 the job could not run."""
    from pipelines.watch import DropFolderError, watch

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    settings = WatchSettings(poll_seconds, settle_seconds, IngestSettings(**limits))

    def log(event: dict) -> None:
        if log_format == "json":
            click.echo(json.dumps(event, ensure_ascii=False))
        else:
            detail = (
                event.get("error")
                or f"{event.get('doc_id')} ({event.get('layout')}, {event.get('rows')} rows)"
            )
            click.echo(f"{event['time']} {event['status']:<11} {event['file']}: {detail}")

    if log_format == "plain":
        click.echo(f"watching {drop} -> {out}/ (Ctrl-C to stop)")
    try:
        summary = watch(drop, out, settings, stop, log, once=once)
    except DropFolderError as err:
        raise click.ClickException(str(err)) from err
    if log_format == "json":
        click.echo(json.dumps({"summary": dict(summary.counts)}))
    else:
        click.echo(summary.line())
    if summary.counts["quarantined"] or summary.counts["refused"]:
        sys.exit(EXIT_QUARANTINED)  # for cron and alerting: some files need a look


@main.command("db")
@out_option
def db_command(out: Path) -> None:
    """Write OUT/cancerplans.duckdb: views over the dataset (activities with their document's
    type, healthcare region and period; current_activities; documents; areas). Run it again
    after moving the folder (the views name it by its absolute path)."""
    from pipelines.database import write_database
    from pipelines.store import StoreError, open_store

    try:
        with open_store(out) as store:
            path = write_database(store.out)
    except StoreError as err:
        raise click.ClickException(str(err)) from err
    if path is None:
        raise click.ClickException(f"no documents in {out}/: ingest some first")
    click.echo(f"{path} (open with: duckdb {path})")


@main.command("report")
@out_option
@click.option(
    "--html",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the page.  [default: OUT/report.html]",
)
def report_command(out: Path, target: Path | None) -> None:
    """Write one self-contained HTML page of the dataset (opens from disk): activities by region
    and area, what share has a status, dates and a responsible, status by region, the documents
    and the areas. Reads the dataset only."""
    from pipelines.report import write_report

    if not any((out / "documents").glob("[!.]*.parquet")):
        raise click.ClickException(f"no documents in {out}/: ingest some first")
    click.echo(f"{write_report(out, target)}")


@main.command("history")
@out_option
@click.option(
    "--changes", is_flag=True, help="Also list what each version changed from the one before."
)
def history_command(out: Path, changes: bool) -> None:
    """List the versions of every plan: region, document type and period, newest first. Reads
    the dataset only (no write access needed)."""
    from pipelines.versions import changes as version_changes
    from pipelines.versions import history, read_documents

    versions = history(read_documents(out))
    if not versions:
        click.echo(f"no documents in {out}/")
    for key, rows in versions.items():
        region, kind, start, end = key
        click.echo(f"{region} | {kind} | {start}–{end}")
        for row, older in zip(rows, [*rows[1:], None], strict=True):
            state = f"superseded by {row['superseded_by']}" if row["superseded_by"] else "current"
            dated = f"dated {row['plan_date']}" if row.get("plan_date") else "undated"
            click.echo(
                f"    {row['doc_id']}  {row['ingested_at']:%Y-%m-%d %H:%M}  "
                f"{row['source_file']}  {dated}  {state}"
            )
            if changes and older is not None:
                for line in _change_lines(version_changes(out, older["doc_id"], row["doc_id"])):
                    click.echo(f"        {line}")


def _change_lines(found: Changes) -> list[str]:
    """What a later version changed, as lines under the version it changed."""
    lines = [
        f"from the version below: {len(found.added)} activities added, {len(found.removed)} "
        f"removed, {len(found.status)} with another status"
    ]
    lines += [f"+ {text}" for text in found.added]
    lines += [f"- {text}" for text in found.removed]
    lines += [f"~ {text} ({old} -> {new})" for text, old, new in found.status]
    return lines


@main.command("inspect")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--rows", "n_rows", default=10, show_default=True, help="How many rows to show.")
@click.option("--page", type=int, help="PDF only: the page to draw with --image (1-based).")
@click.option(
    "--image",
    type=click.Path(dir_okay=False, path_type=Path),
    help="PDF only: save a PNG of --page with the tables, rows and headings found.",
)
@layout_option
def inspect_command(
    file: Path, n_rows: int, page: int | None, image: Path | None, layout: str | None
) -> None:
    """Show the detected layout with its evidence, and the first rows. Writes nothing but the
    --image picture."""
    from extract.errors import InputError
    from extract.files import is_pdf
    from extract.pdf.debug import draw_page
    from extract.reader import read_document
    from pipelines.ingest import parse_file

    if (page is None) != (image is None):
        raise click.UsageError("--page and --image go together")
    try:
        parsed = parse_file(file, IngestSettings(layout=layout))
    except InputError as err:
        if not is_pdf(file):
            _show_scores(read_document(file))
        raise click.ClickException(f"{file}: {err}") from err
    _show_scores(parsed.document, parsed.detection)
    facts = parsed.facts
    click.echo(f"\nlayout: {parsed.detection.layout.name} (format {parsed.document.format})")
    click.echo(f"title: {facts.title}")
    click.echo(f"region: {facts.region} ({facts.healthcare_region})")
    click.echo(f"period: {facts.period_start}–{facts.period_end}")
    kinds = Counter(row.kind for row in parsed.rows)
    click.echo(f"rows: {len(parsed.rows)} ({', '.join(f'{k} {n}' for k, n in kinds.items())})")
    click.echo(f"activities: {sum(1 for r in parsed.records if r.activity)}")
    for warning in parsed.warnings:
        click.echo(f"warning: {warning}")
    click.echo("")
    click.echo(_rows_table(parsed.records, n_rows))
    if image is not None:
        if parsed.document.format != "pdf":
            raise click.UsageError("--image draws PDF pages; this file is text")
        try:
            draw_page(file, parsed.detection.layout, list(parsed.rows), page, image)
        except ValueError as err:
            raise click.UsageError(str(err)) from err
        click.echo(f"\npage {page} drawn to {image}")


def _show_scores(document: Document, detection: Detection | None = None) -> None:
    """Every layout's score with its evidence (a PDF: the detection its first pages gave), and
    the layout named with --layout, when one was."""
    from extract.detect import rank_layouts

    detections = [detection] if document.format == "pdf" and detection else rank_layouts(document)
    for found in detections:
        click.echo(f"{found.layout.name:<20} confidence {found.confidence:.2f}")
        for evidence in found.evidence:
            click.echo(f"    line {evidence.line:>5}: {evidence.label}")
    if detection and detection.forced and document.format != "pdf":
        click.echo(f"{detection.layout.name:<20} chosen with --layout")


def _rows_table(records: tuple[ActivityRecord, ...], limit: int) -> str:
    """The first `limit` source rows as a plain-text table, one line per activity."""
    header = ("lines", "area", "section", "goal", "activity", "responsible", "time", "status")
    widths = (9, 4, 18, 32, 40, 24, 12, 8)
    table = [header]
    row_ids: list[str] = []
    for record in records:
        if record.row_id not in row_ids:
            if len(row_ids) == limit:
                break
            row_ids.append(record.row_id)
        first = record.activity_index == 0
        table.append(
            (
                f"{record.line_start}-{record.line_end}" if first else "",
                str(record.area_id or "–") if first else "",
                (record.section or "") if first else "",
                (record.goal or "") if first else "",
                record.activity or "",
                "; ".join(record.responsible) if first else "",
                "; ".join(record.timeframe_raw) if first else "",
                "; ".join(record.status_raw) if first else "",
            )
        )
    return "\n".join(
        " | ".join(
            _short(cell, width).ljust(width) for cell, width in zip(row, widths, strict=True)
        )
        for row in table
    )


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@main.command("evaluate")
@click.option(
    "--gold",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=DEFAULT_GOLD,
    show_default=True,
    help="Folder of gold *.jsonl files.",
)
@click.option(
    "--raw",
    "raw_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=DEFAULT_RAW,
    show_default=True,
    help="Folder of the annotated documents.",
)
@click.option(
    "--variant",
    type=click.Choice(sorted(LAYOUT_VARIANTS)),
    default="as_written",
    show_default=True,
    help="Lay the documents out as another PDF-to-text tool would before parsing them.",
)
@click.option(
    "--rendered",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_RENDERED,
    show_default=True,
    help="Folder of rendered plans (STEM.pdf, STEM.txt, STEM.pdftotext.txt, STEM.gold.jsonl) "
    "to score in each form; skipped when it does not exist.",
)
@click.option(
    "--form",
    "forms",
    type=click.Choice(list(ALL_FORMS)),
    multiple=True,
    help="Score the rendered plans in these forms only (default: all). pdfminer and pdfplumber: "
    "text those tools extract from each plan's PDF now.",
)
@click.option("--check", is_flag=True, help="Exit 1 if a document is below the thresholds.")
@click.option("--missed", is_flag=True, help="List the gold rows that were not found.")
def evaluate_command(
    gold: Path,
    raw_dir: Path,
    variant: str,
    rendered: Path,
    forms: tuple[str, ...],
    check: bool,
    missed: bool,
) -> None:
    """Print row precision/recall/F1 and per-field accuracy against the gold annotations of the
    sample documents, then of the rendered plans (PDF, pypdf text, pdftotext text, and the text
    pdfminer and pdfplumber extract from the PDF)."""
    from normalize.classify import read_area_examples
    from pipelines.evaluate import (
        PER_FILE,
        POOLED,
        RENDERED,
        cross_validate_areas,
        evaluate,
        evaluate_rendered,
        format_report,
        pooled,
    )
    from pipelines.evaluate_metrics import evaluate_metrics, format_metrics
    from pipelines.evaluate_sections import evaluate_sections, format_sections

    scores = evaluate(gold, raw_dir, variant)
    click.echo(format_report(scores, cross_validate_areas(gold, read_area_examples())))
    failures = [failure for score in scores for failure in score.failures(PER_FILE)]
    failures += pooled(scores).failures(POOLED)
    shown = list(scores)
    metric_scores = evaluate_metrics(gold, raw_dir)
    if metric_scores:
        click.echo("\nreported values (metrics): value, unit and year equal, indicator close")
        click.echo(format_metrics(metric_scores))
        failures += [f for score in metric_scores for f in score.failures()]
    section_scores = evaluate_sections(gold, raw_dir)
    if section_scores:
        click.echo("\nannual-report sections: headings, their areas, work-done items")
        click.echo(format_sections(section_scores))
        failures += [f for score in section_scores for f in score.failures()]
    if rendered.is_dir():
        for form in forms or ALL_FORMS:
            form_scores = evaluate_rendered(rendered, form)
            click.echo(f"\nrendered plans, {form}:")
            click.echo(format_report(form_scores, title=f"{form} file (layout)"))
            shown += form_scores
            if form == "pdf":
                failures += [f for score in form_scores for f in score.failures(RENDERED)]
    if missed:
        for score in [*shown, *metric_scores, *section_scores]:
            for row in score.missed:
                click.echo(f"missed {score.name}: {row}")
    for failure in failures:
        click.echo(f"below threshold: {failure}", err=True)
    if check and failures:
        sys.exit(1)


@main.command("area-examples")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the table.  [default: the table the area model reads, in the "
    "installed package (normalize/data/area_examples.tsv)]",
)
def area_examples_command(paths: tuple[Path, ...], out: Path | None) -> None:
    """Write the area model's training rows: the rows of PATHS (default raw/) whose headings
    decide their area."""
    from pipelines.area_examples import area_examples, shipped_examples_path, write_area_examples

    out = out or shipped_examples_path()
    examples = area_examples(paths or (DEFAULT_RAW,))
    write_area_examples(examples, out)
    click.echo(f"{len(examples)} rows from {len({e.doc for e in examples})} documents -> {out}")


@main.command("layouts")
def layouts_command() -> None:
    """List the regional layouts this version recognises."""
    from extract.layouts import LAYOUTS

    for name, layout in LAYOUTS.items():
        click.echo(f"{name:<20} {layout.document_type:<16} {layout.description}")


if __name__ == "__main__":
    main()
