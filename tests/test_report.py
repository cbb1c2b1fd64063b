"""The HTML report: its numbers equal the dataset's, and it loads in a real browser."""

import json
import re
import shutil
import subprocess
from dataclasses import asdict

import duckdb
import pytest
from PIL import Image

from pipelines.ingest import ingest
from pipelines.report import NO_AREA, NO_REGION, summarize, write_report
from tests.conftest import FIXTURES, RAW

CHROMIUM = shutil.which("chromium")
CHROMIUM_FLAGS = (  # headless, and none of Chromium's own calls out of this closed machine
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """The sample plans, and a Skåne plan in two versions (the first superseded)."""
    out = tmp_path_factory.mktemp("out")
    versions = tmp_path_factory.mktemp("versions")
    text = (FIXTURES / "skane_small.txt").read_text("utf-8")
    (versions / "v1.txt").write_text(text.replace("SKÅNE", "BLEKINGE"), encoding="utf-8")
    ingest([RAW, versions / "v1.txt"], out)
    edited = text.replace("SKÅNE", "BLEKINGE").replace("Öka utskicken", "Fler utskick")
    (versions / "v2.txt").write_text(edited, encoding="utf-8")
    ingest([versions / "v2.txt"], out)
    return out


def _query(out, sql):
    with duckdb.connect() as db:
        db.execute(
            "create view a as select * from read_parquet("
            f"'{out}/activities/*.parquet') where is_current and activity is not null"
        )
        return db.execute(sql).fetchall()


def test_the_numbers_are_the_datasets(dataset):
    summary = summarize(dataset)
    cells = _query(
        dataset,
        f"select kind, coalesce(region, '{NO_REGION}'), "
        f"coalesce(cast(area_id as varchar), '{NO_AREA}'), count(*) from a group by all",
    )
    assert {
        (kind, region, area): n
        for kind, regions in summary.heatmap.items()
        for region, areas in regions.items()
        for area, n in areas.items()
    } == {(kind, region, area): n for kind, region, area, n in cells}
    shares = _query(
        dataset,
        f"select coalesce(region, '{NO_REGION}'), count(*), count(*) filter (status <> 'unknown'),"
        " count(*) filter (time_start is not null or time_end is not null),"
        " count(*) filter (len(responsible) > 0) from a group by all order by 1",
    )
    assert [tuple(asdict(share).values()) for share in summary.shares] == shares
    statuses = _query(dataset, "select status, count(*) from a group by all")
    pooled = {
        name: sum(region[name] for region in summary.status.values())
        for name in summary.status[next(iter(summary.status))]
    }
    assert {name: n for name, n in pooled.items() if n} == dict(statuses)
    assert [row["current"] for row in summary.documents].count(False) == 1  # the old version
    assert "Region Blekinge" in summary.status


def test_the_page_shows_and_embeds_those_numbers(dataset):
    page = write_report(dataset).read_text("utf-8")
    embedded = re.search(r'id="report-data">(.*?)</script>', page, re.S).group(1)
    summary = summarize(dataset)
    assert json.loads(embedded) == json.loads(json.dumps(asdict(summary)))
    for share in summary.shares:
        assert f"<td>{share.region}</td><td class=num>{share.activities}</td>" in page
    assert "superseded" in page and "Barn och unga" in page
    assert "http" not in page.replace("http-equiv", "")  # nothing to fetch: opens offline


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (.ci/run installs it)")
def test_the_page_loads_in_chromium_without_errors(dataset, tmp_path):
    page = write_report(dataset, tmp_path / "report.html")
    shot = tmp_path / "shot.png"
    run = subprocess.run(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1200,1600",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
    assert console == []  # no script errors, no resource that failed to load
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16) or []
    assert len(colours) > 20  # headings, tables and charts, not a blank page
