"""Peak memory of reading a long PDF against a short one (the reader closes pages as it goes).

Run from the repository root: `python benchmarks/pdf_memory.py`. Each measurement runs in a fresh
process, so the peak resident set size (VmHWM: ru_maxrss would carry over this process's own peak
into the child) is that of one ingest alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pdf_fixtures import plan_from_rows, render, synthetic_rows  # noqa: E402

GOALS_PER_PAGE = 3.0  # Skåne rows at three activities a goal fill about a page per three goals
MEASURE = """
import json, re, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from pipelines.ingest import parse_file
start = time.perf_counter()
parsed = parse_file(Path({pdf!r}))
seconds = time.perf_counter() - start
status = open("/proc/self/status").read()
peak_kib = int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
print(json.dumps({{"rows": len(parsed.rows), "pages": parsed.document.pages, "seconds": seconds,
                   "peak_mib": peak_kib / 1024}}))
"""


def measure(pdf: Path) -> dict:
    code = MEASURE.format(root=str(ROOT), pdf=str(pdf))
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return json.loads(output.stdout)


def main() -> None:
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for pages in (30, 100, 300):
            goals = int(pages * GOALS_PER_PAGE)
            rows = synthetic_rows("region_skane", goals, 3)
            title = "REGIONAL CANCERPLAN 2026-2028: HANDLINGSPLAN REGION SKÅNE"
            pdf = render(plan_from_rows("region_skane", rows, title), Path(folder) / f"{pages}.pdf")
            results[pages] = measure(pdf)
    for result in results.values():
        print(
            f"{result['pages']:>4} pages, {result['rows']:>5} rows: "
            f"peak {result['peak_mib']:.0f} MiB, {result['seconds']:.1f} s to parse"
        )
    ratio = results[300]["peak_mib"] / results[30]["peak_mib"]
    print(f"peak memory ratio 300/30 pages: {ratio:.2f} (target at most 1.5)")
    print(f"100 pages: {results[100]['peak_mib']:.0f} MiB (target at most 200 MB)")


if __name__ == "__main__":
    main()
