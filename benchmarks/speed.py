"""Speed of cancerplans beside its anchors, on the same pages, in one run.

Run from the repository root: `python benchmarks/speed.py [PDF ...]` (default: the rendered
plans in tests/data/variants). Prints, with the anchors measured in the same run:
- PDF ingest CPU per page against bare pdfplumber (`extract_words` + `lines` on every page),
  pdfplumber `extract_tables`, and pypdfium2's text layer;
- start-up (`cancerplans --version`) and the five sample texts ingested in a fresh process;
- peak memory of ingesting the longest PDF in a fresh process (and of bare pdfplumber on it);
- an unchanged re-ingest of the PDFs against the first ingest;
- a 14-PDF batch with one worker and with two (`--jobs`).
Each process-level figure is the median of three runs; each CPU figure sums, over the PDFs, the
least of three turns each anchor takes at that PDF, the anchors side by side.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
CPU_ROUNDS = 3  # turns each anchor takes at each PDF, side by side (a machine's pace drifts)

# VmHWM, not ru_maxrss: Linux carries a parent's peak over into ru_maxrss of a child it starts,
# so a child of this (large) benchmark process would report the benchmark's own size.
PEAK = """
import json, re, sys
sys.path.insert(0, {root!r})
{body}
status = open("/proc/self/status").read()
print(json.dumps(int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))))
"""
PROJECT_BODY = (
    "from pipelines.ingest import parse_file; from pathlib import Path; parse_file(Path({pdf!r}))"
)
PDFPLUMBER_BODY = """import pdfplumber
with pdfplumber.open({pdf!r}) as pdf:
    for page in pdf.pages:
        page.extract_words(); page.lines; page.close()"""


def cpu(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def bare_pdfplumber(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            page.extract_words()
            _ = page.lines
            page.close()


def pdfplumber_tables(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            page.extract_tables()
            page.close()


def pdfium_text(pdf: Path) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    for page in document:
        page.get_textpage().get_text_range()
    document.close()


def project(pdf: Path) -> None:
    from pipelines.ingest import parse_file

    parse_file(pdf)


def wall(command: Callable[[int], list[str]], cwd: Path = ROOT) -> float:
    """The median wall time of `command(run)` over RUNS runs (run: 0, 1, …)."""
    times = []
    for run in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command(run), cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mib(body: str) -> float:
    code = PEAK.format(root=str(ROOT), body=body)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1]) / 1024


def main(pdfs: list[Path]) -> None:
    import pdfplumber

    pages = 0
    for pdf in pdfs:
        with pdfplumber.open(pdf) as document:
            pages += len(document.pages)
    project(pdfs[0])  # imports and the prepared word list, outside the timing
    anchors = {
        "cancerplans ingest": project,
        "bare pdfplumber words + lines": bare_pdfplumber,
        "pdfplumber extract_tables": pdfplumber_tables,
        "pypdfium2 text": pdfium_text,
    }
    seconds = dict.fromkeys(anchors, 0.0)
    for pdf in pdfs:  # each PDF read by every anchor in turn, CPU_ROUNDS times: the least counts
        turns: dict[str, list[float]] = {name: [] for name in anchors}
        for _ in range(CPU_ROUNDS):
            for name, action in anchors.items():
                turns[name].append(cpu(lambda f=action, p=pdf: f(p)))
        for name, values in turns.items():
            seconds[name] += min(values)
    base = seconds["bare pdfplumber words + lines"]
    print(
        f"{len(pdfs)} PDFs, {pages} pages (CPU seconds, same pages, same run; each PDF's "
        f"least of {CPU_ROUNDS} turns)"
    )
    for name, value in seconds.items():
        print(f"  {name:<32} {value:6.2f} s  {pages / value:6.1f} pages/s  {value / base:5.2f}x")

    cli = [sys.executable, "-m", "pipelines.cli"]
    print(f"start-up: cancerplans --version {wall(lambda _: [*cli, '--version']):.2f} s")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        texts = wall(lambda run: [*cli, "ingest", "raw", "--out", str(folder / f"texts{run}")])
        batch = [str(pdf) for pdf in pdfs]
        first = wall(lambda run: [*cli, "ingest", *batch, "--out", str(folder / f"pdfs{run}")])
        again = wall(lambda _: [*cli, "ingest", *batch, "--out", str(folder / "pdfs0")])
    print(f"five sample texts, fresh process: {texts:.2f} s (wall, median of {RUNS})")
    print(
        f"the {len(pdfs)} PDFs as one batch: {first:.2f} s; unchanged re-ingest {again:.2f} s "
        f"({again / first:.0%} of a full run)"
    )

    longest = max(pdfs, key=lambda pdf: pdf.stat().st_size)
    mine = peak_mib(PROJECT_BODY.format(pdf=str(longest)))
    bare = peak_mib(PDFPLUMBER_BODY.format(pdf=str(longest)))
    print(
        f"peak memory, {longest.name}: cancerplans {mine:.0f} MiB, bare pdfplumber {bare:.0f} MiB"
    )
    with tempfile.TemporaryDirectory() as scratch:
        batch = [str(pdf) for pdf in _batch(pdfs, Path(scratch), BATCH_PDFS)]
        out = Path(scratch)
        seconds_by_jobs = {
            jobs: wall(
                lambda run, jobs=jobs: [
                    *cli,
                    "ingest",
                    *batch,
                    "--jobs",
                    str(jobs),
                    "--out",
                    str(out / f"j{jobs}r{run}"),
                ]
            )
            for jobs in (1, 2)
        }
    print(
        f"a {len(batch)}-PDF batch: {seconds_by_jobs[1]:.2f} s with --jobs 1, "
        f"{seconds_by_jobs[2]:.2f} s with --jobs 2 ({seconds_by_jobs[1] / seconds_by_jobs[2]:.2f}x)"
    )


BATCH_PDFS = 14  # the batch the 2-core speed-up is measured on


def _batch(pdfs: list[Path], folder: Path, size: int) -> list[Path]:
    """`pdfs` and, to make up `size` files of different bytes, Skåne plans drawn by the test
    fixtures (a few pages each)."""
    from tests.pdf_fixtures import plan_from_rows, render, synthetic_rows

    batch = list(pdfs)
    for number in range(size - len(batch)):
        rows = synthetic_rows("region_skane", 6 + number, 3)
        title = f"REGIONAL CANCERPLAN 2026-2028: HANDLINGSPLAN {number}"
        plan = plan_from_rows("region_skane", rows, title)
        batch.append(render(plan, folder / f"fixture{number}.pdf"))
    return batch[:size]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    paths = [Path(arg) for arg in sys.argv[1:]] or sorted(
        (ROOT / "tests/data/variants").glob("*.pdf")
    )
    main(paths)
