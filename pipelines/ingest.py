"""The ingest core shared by the CLI and tests: file -> layout -> rows -> records -> Parquet."""

from __future__ import annotations

import hashlib
import logging
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from extract.detect import Detection, detect_layout
from extract.document import Document
from extract.errors import InputError, LimitExceeded
from extract.files import is_pdf, printable_name
from extract.layout import ParsedRow
from extract.pdf.settings import PdfSettings
from extract.reader import read_document
from extract.text_reading import TextReading, read_text_rows
from normalize.actors import document_glossary
from normalize.metadata import DocumentFacts, document_facts
from normalize.metrics import MetricRecord, metric_records, record_lines
from normalize.records import PIPELINE_VERSION, ActivityRecord, Provenance, document_records
from normalize.sections import REPORT_TYPE, SectionRecord, section_records
from normalize.text import vocabulary
from normalize.time import parse_time
from pipelines import workers
from pipelines.database import write_database
from pipelines.known import DATABASE, REPORT, failure_key, hashed, unchanged_result
from pipelines.report import write_report
from pipelines.results import FileResult, IngestReport, collect_inputs
from pipelines.settings import CPU_MARGIN_SECONDS, DEFAULT_INGEST, IngestSettings
from pipelines.store import Store, StoreError, open_store

LOG = logging.getLogger("cancerplans")


class TimeLimitExceeded(LimitExceeded):
    """Reading the document took longer than the limit."""


@dataclass(frozen=True)
class ParsedDocument:
    """Everything read from one file, before it is stored."""

    document: Document
    detection: Detection
    facts: DocumentFacts
    rows: tuple[ParsedRow, ...]
    records: tuple[ActivityRecord, ...]
    warnings: tuple[str, ...]
    text_order: str  # the order the text's tables were read in ("pdf" for a PDF's cells)
    metrics: tuple[MetricRecord, ...] = ()  # the values the document reports
    sections: tuple[SectionRecord, ...] = ()  # an annual report's headings


def _warnings(
    document: Document, rows: list[ParsedRow], records: list[ActivityRecord]
) -> list[str]:
    warnings = list(document.warnings)
    if not rows:
        warnings.append("the layout was recognised but no rows were found")
    unread = sorted(
        {entry for row in rows for entry in row.timeframe if not parse_time(entry).understood}
    )
    if unread:
        warnings.append(f"{len(unread)} time expressions not understood: " + "; ".join(unread))
    unresolved = {record.row_id for record in records if record.area_id is None}
    if unresolved:
        warnings.append(f"{len(unresolved)} rows have no area: their headings do not decide one")
    return warnings


def _row_texts(row: ParsedRow) -> list[str]:
    """A row's cell texts."""
    return [
        text or "" for text in (row.goal, row.section, row.chapter, row.rcc_activity, row.notes)
    ] + [*row.activities, *row.responsible]


def _normalised(
    document: Document, detection: Detection, rows: list[ParsedRow], reading: TextReading | None
) -> ParsedDocument:
    """Records, facts and warnings of a parsed document (`reading`: how a text was read; None
    for a PDF, whose cells come from its geometry)."""
    layout = detection.layout
    facts = document_facts(document, layout.document_type)
    glossary = document_glossary(document)
    texts = [line.text for line in document.lines]
    if document.format == "pdf":  # a PDF's tables are not among its text lines
        texts += [text for row in rows for text in _row_texts(row)]
    known = vocabulary(texts)
    source = Provenance(
        document.doc_id,
        printable_name(document.path.name),
        layout.name,
        facts.region,
        glossary,
        known,
    )
    records = document_records(rows, source)
    warnings = [*detection.warnings, *facts.warnings, *_warnings(document, rows, records)]
    if reading is not None:
        warnings.extend(reading.warnings)
    order = reading.order if reading is not None else "pdf"
    lines = document.lines if document.format != "pdf" else document.lines + record_lines(records)
    reported = layout.document_type == REPORT_TYPE
    sections = section_records(document, records, source) if reported else []
    metrics = metric_records(lines, records, source, sections)
    return ParsedDocument(
        document, detection, facts, tuple(rows), tuple(records), tuple(warnings), order,
        tuple(metrics), tuple(sections),
    )  # fmt: skip


def parse_document(document: Document, layout: str | None = None) -> ParsedDocument:
    """Detect the layout of a read text document (or take the one named), parse its rows and
    normalise them."""
    detection = detect_layout(document, layout)
    reading = read_text_rows(document, detection.layout)
    return _normalised(document, detection, reading.rows, reading)


LIBRARY_LOGGERS = ("pdfminer", "pdfplumber")  # what they log of a damaged PDF is the file's
SHOWN_LIBRARY_WARNINGS = 3  # distinct library messages quoted in the document's warning


class _Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def library_warnings() -> Iterator[list[str]]:
    """Collect what the PDF libraries log while a file is read (instead of printing it): the
    messages are the document's warnings."""
    handler = _Collected()
    loggers = [logging.getLogger(name) for name in LIBRARY_LOGGERS]
    saved = [(logger.propagate, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.propagate = False
        logger.setLevel(logging.WARNING)
    try:
        yield handler.messages
    finally:
        for logger, (propagate, level) in zip(loggers, saved, strict=True):
            logger.removeHandler(handler)
            logger.propagate, logger.level = propagate, level


def parse_file(path: Path, settings: IngestSettings | None = None) -> ParsedDocument:
    """Read, parse and normalise one file: a PDF through its geometry, else as text."""
    settings = settings or IngestSettings()
    if not is_pdf(path):
        return parse_document(read_document(path), settings.layout)
    from extract.pdf.plan import read_pdf_plan  # pdfplumber is loaded for PDFs only

    limits = PdfSettings(max_pages=settings.max_pages)
    with library_warnings() as messages:
        parsed = _normalised(*read_pdf_plan(path, limits, settings.layout), None)
    if not messages:
        return parsed
    distinct = sorted(set(messages))
    more = len(distinct) - SHOWN_LIBRARY_WARNINGS
    shown = "; ".join(distinct[:SHOWN_LIBRARY_WARNINGS]) + (
        f"; and {more} more" if more > 0 else ""
    )
    warning = f"the PDF library reported {len(messages)} problems reading it: {shown}"
    return replace(parsed, warnings=(*parsed.warnings, warning))


def document_row(parsed: ParsedDocument) -> dict[str, Any]:
    """The `documents` row of a parsed document."""
    document, facts = parsed.document, parsed.facts
    return {
        "doc_id": document.doc_id,
        "source_file": printable_name(document.path.name),
        "sha256": document.sha256,
        "format": document.format,
        "encoding": document.encoding,
        "layout": parsed.detection.layout.name,
        "layout_confidence": parsed.detection.confidence,
        "document_type": facts.document_type,
        "region": facts.region,
        "healthcare_region": facts.healthcare_region,
        "title": facts.title,
        "period_start": facts.period_start,
        "period_end": facts.period_end,
        "plan_date": facts.plan_date,
        "n_rows": len(parsed.rows),
        "n_activities": sum(1 for record in parsed.records if record.activity is not None),
        "n_pages": document.pages,
        "text_order": parsed.text_order,
        "warnings": list(parsed.warnings),
        "ingested_at": datetime.now(UTC),
        "superseded_by": None,
        "is_current": True,
        "pipeline_version": PIPELINE_VERSION,
    }


TIME_LIMIT_REPEAT = 0.5  # seconds: the limit is raised again this often until the block ends


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitExceeded in the block after `seconds`, and again every TIME_LIMIT_REPEAT
    seconds until the block ends: a library that catches every exception where the first one
    lands does not outlive the limit (a no-op outside the main thread)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeLimitExceeded(f"reading took longer than the limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, TIME_LIMIT_REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _lookup(path: Path, sha256: str, store: Store, settings: IngestSettings) -> FileResult | None:
    """The result of bytes the store already knows (stored by this pipeline version, or failed
    before under these settings); None for bytes it does not know."""
    if (reason := store.failure(failure_key(sha256, settings))) is not None:
        return FileResult(path, error=f"{reason} (these bytes failed before; not read again)")
    known = store.find(sha256, PIPELINE_VERSION)
    return None if known is None else unchanged_result(path, known)


class InternalError(InputError):
    """Reading the file met a fault of the pipeline's own: the file's reason names it by a short
    id, and the traceback is logged under that id."""


def internal_error(path: Path, err: Exception) -> InternalError:
    """The reason for a file whose reading raised `err`, not an input problem; its traceback
    goes to the log under a short id (the same fault gives the same id)."""
    trace = "".join(traceback.format_exception(err))
    frames = "".join(traceback.format_tb(err.__traceback__))
    fault = hashlib.sha256(f"{type(err).__name__}{frames}".encode()).hexdigest()[:8]
    LOG.error("internal error %s reading %s:\n%s", fault, path, trace)
    return InternalError(
        f"internal error {fault} ({type(err).__name__}: {err}); the file may be fine: "
        "please report it with this id"
    )


def read_file(path: Path, settings: IngestSettings) -> ParsedDocument | InputError:
    """Parse one file within the time limit; whatever stops it is returned as the file's
    reason, not raised (so one file never stops a batch, and a worker process can hand it
    back): an input problem, a file that cannot be read, a limit, or a fault of our own."""
    try:
        with time_limit(settings.max_seconds):
            return parse_file(path, settings)
    except InputError as err:
        return err
    except OSError as err:
        return InputError(f"cannot read the file: {err.strerror or err}")
    except MemoryError:
        return LimitExceeded("reading it needed more memory than this process may use")
    except RecursionError:
        return LimitExceeded("its structure nests deeper than the reader follows")
    except Exception as err:  # a fault of ours: named, logged, and the batch goes on
        return internal_error(path, err)


def _stored(
    path: Path,
    store: Store,
    sha256: str,
    settings: IngestSettings,
    parsed: ParsedDocument | InputError,
) -> FileResult:
    """Commit a parsed file (or remember why it could not be read)."""
    if isinstance(parsed, InputError):
        store.remember_failure(failure_key(sha256, settings), str(parsed))
        return FileResult(path, error=str(parsed))
    row = document_row(parsed)
    committed = store.commit(row, parsed.records, parsed.metrics, parsed.sections)
    note = (committed.not_current,) if committed.not_current else ()
    return FileResult(
        path,
        layout=parsed.detection.layout.name,
        confidence=parsed.detection.confidence,
        region=parsed.facts.region,
        n_rows=row["n_rows"],
        n_activities=row["n_activities"],
        warnings=(*parsed.warnings, *note),
        doc_id=row["doc_id"],
        status="stored",
        superseded=committed.superseded,
    )


def _turn(
    path: Path, sha256: str, store: Store, settings: IngestSettings, future: Future | None = None
) -> FileResult:
    """A file's result when its turn comes: bytes the store knows by now (also the same bytes
    earlier in this batch) are not read again; others are parsed here, or taken from the worker
    `future` that parsed them, and committed."""
    try:
        if (known := _lookup(path, sha256, store, settings)) is not None:
            return known
        try:
            parsed = future.result() if future is not None else read_file(path, settings)
        except workers.WorkerStopped as err:
            parsed = LimitExceeded(str(err))  # remembered like any other reason
        except workers.WorkerUnavailable:
            parsed = read_file(path, settings)  # no process to spare: read it here
        return _stored(path, store, sha256, settings, parsed)
    except OSError as err:  # the dataset's fault, not the file's: stop before anything else
        raise StoreError(
            f"the dataset in {store.out} could not be read or written ({err}); the batch "
            "stopped, and the next run under the lock finishes or clears the unfinished commit"
        ) from err


def ingest_file(path: Path, store: Store, settings: IngestSettings = DEFAULT_INGEST) -> FileResult:
    """Ingest one file into the store, as a batch of one (read in an isolated worker); input
    problems become the result's error. Bytes already stored (by this pipeline version), or
    that failed before, are not read again."""
    (result,) = _results([path], store, settings, jobs=1)
    return result


def published(out: Path) -> bool:
    """Whether the database and the report of the dataset at `out` are there."""
    return (out / DATABASE).exists() and (out / REPORT).exists()


def publish(out: Path) -> None:
    """Write what is made of the dataset for browsing, under the store's lock: the DuckDB
    database of views and the HTML report (nothing while it holds no document)."""
    if write_database(out) is not None:
        write_report(out)


def ingest(
    paths: Iterable[Path],
    out: Path,
    on_file: Callable[[FileResult], None] | None = None,
    settings: IngestSettings = DEFAULT_INGEST,
    jobs: int = 1,
) -> IngestReport:
    """Ingest every file under `paths` into `out`. One file's failure never stops the others;
    an output folder that cannot be used raises StoreError before any file is read. Each file
    is parsed in an isolated worker process under the hard limits, `jobs` at a time; commits
    stay in this process, one at a time, in the order of the files, so the store's guarantees
    are unchanged."""
    results: list[FileResult] = []
    with open_store(out) as store:
        for result in _results(collect_inputs(paths), store, settings, jobs):
            results.append(result)
            if on_file:
                on_file(result)
        try:
            store.write_index()
            if any(result.status == "stored" for result in results) or not published(out):
                publish(out)
        except OSError as err:  # the commits stand; what is made of them is made next run
            (out / REPORT).unlink(missing_ok=True)  # so the next run, even unchanged, makes it
            raise StoreError(
                f"the dataset in {out} is stored, but its index, database or report could not "
                f"be written ({err}); the next run writes them"
            ) from err
    return IngestReport(tuple(results))


def _results(
    files: list[Path], store: Store, settings: IngestSettings, jobs: int
) -> Iterator[FileResult]:
    """Each file's result, in the order of the files: files the store knows at once, the
    others parsed here or by a pool of `jobs` processes (started fresh, so they hold none of
    this process's files or locks) and committed here as their turn comes."""
    entries = [hashed(path, settings) for path in files]
    to_read = [
        entry[0]
        for entry in entries
        if not isinstance(entry, FileResult) and _lookup(*entry, store, settings) is None
    ]
    isolate = any(map(workers.isolated, to_read))
    pool = workers.pool(jobs, worker_limits(settings)) if isolate else None
    with pool or nullcontext():
        futures = _submitted(pool, to_read, settings) if pool else {}
        for entry in entries:
            if isinstance(entry, FileResult):
                yield entry
            else:
                yield _turn(*entry, store, settings, futures.get(entry[0]))


def worker_limits(settings: IngestSettings) -> workers.Limits:
    """A worker's hard limits: the memory setting, and a CPU backstop past the time limit."""
    cpu = int(2 * settings.max_seconds) + CPU_MARGIN_SECONDS if settings.max_seconds > 0 else 0
    return workers.Limits(settings.max_memory_mb, cpu)


def _submitted(
    pool: workers.IsolatedPool, paths: list[Path], settings: IngestSettings
) -> dict[Path, Future]:
    """Each path's parse, submitted to the pool (a file no worker could start for is read in
    this process when its turn comes)."""
    return {path: pool.submit(read_file, path, settings) for path in paths}
