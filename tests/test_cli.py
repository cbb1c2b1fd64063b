import os
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from click.testing import CliRunner

from pipelines.cli import main
from tests.conftest import FIXTURES, GOLD, RAW, VARIANTS


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_version_and_help():
    assert run("--version").output.startswith("cancerplans, version ")
    for command in ("ingest", "inspect", "evaluate", "layouts"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_layouts_lists_the_registry():
    output = run("layouts").output
    for name in ("rcc_sydost", "region_vastmanland", "region_kronoberg", "region_skane"):
        assert name in output


def test_ingest_mixed_batch(tmp_path):
    source = tmp_path / "drop"
    source.mkdir()
    for name in (
        "kronoberg_small.txt",
        "sydost_small.txt",
        "vastmanland_small.txt",
        "not_a_plan.txt",
    ):
        shutil.copy(FIXTURES / name, source / name)
    (source / "empty.txt").write_text("")
    out = tmp_path / "out"
    result = run("ingest", str(source), "--out", str(out))
    assert result.exit_code == 1  # some files failed, after all others were stored
    assert "ok      " in result.output and "region_kronoberg" in result.output
    assert "FAILED" in result.output and "not_a_plan.txt" in result.output
    assert "3 of 5 files in" in result.output
    assert len(pd.read_parquet(out / "documents")) == 3


def test_ingest_all_good_exits_zero(tmp_path):
    result = run("ingest", str(FIXTURES / "skane_small.txt"), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "1 of 1 files in" in result.output


def test_inspect_shows_layout_evidence_and_rows_without_writing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("inspect", str(FIXTURES / "sydost_small.txt"), "--rows", "2")
    assert result.exit_code == 0, result.output
    assert "rcc_sydost" in result.output
    assert "table header 'VAD? | HUR? | NÄR? | VEM?'" in result.output
    assert "RCC ska sprida kunskap om levnadsvanor." in result.output
    assert "lines     | area | section" in result.output
    assert list(tmp_path.iterdir()) == []


def test_inspect_unknown_layout_fails_clearly():
    result = run("inspect", str(FIXTURES / "not_a_plan.txt"))
    assert result.exit_code != 0
    assert "none of the known layouts" in result.output


AREA_CV_RE = r"gold rows \((\d+)\): model \+ word rules ([\d.]+), model alone ([\d.]+)"


@pytest.mark.slow
def test_evaluate_prints_the_report_and_passes_its_check():
    args = ("--gold", str(GOLD), "--raw", str(RAW), "--rendered", str(VARIANTS), "--form", "pdf")
    result = run("evaluate", *args, "--check")
    assert result.exit_code == 0, result.output
    assert "| 004.jsonl |" in result.output
    assert "| all gold | 260 |" in result.output
    # area from text alone, headings withheld, each document's rows by a model trained without it
    cv = re.search(
        r"gold rows \((\d+)\): model \+ word rules ([\d.]+), model alone ([\d.]+)", result.output
    )
    assert cv and int(cv[1]) == 260 and float(cv[2]) >= 0.85 and float(cv[3]) >= 0.65
    outside = re.search(r"rows outside the gold \((\d+)\)", result.output)
    assert outside and int(outside[1]) > 0
    assert "area from text (CV) |" in result.output
    assert "rendered plans, pdf:" in result.output and "(generic) |" in result.output
    assert "rendered plans, pypdf:" not in result.output  # --form chooses the forms


def test_layout_can_be_named_for_ingest_and_inspect(tmp_path):
    plan = str(FIXTURES / "skane_small.txt")
    result = run("ingest", plan, "--out", str(tmp_path), "--layout", "generic")
    assert "layout generic (1.00)" in result.output
    inspected = run("inspect", plan, "--layout", "region_skane")
    assert "chosen with --layout" in inspected.output
    assert run("inspect", plan, "--layout", "nonesuch").exit_code == 2


def test_history_lists_versions_and_what_changed_read_only(tmp_path):
    """A later version of a plan replaces the earlier one, whose rows stay (not current);
    `history --changes` says what changed, reading the dataset only."""
    out = tmp_path / "out"
    text = (FIXTURES / "skane_small.txt").read_text("utf-8")
    first, second = tmp_path / "v1.txt", tmp_path / "v2.txt"
    first.write_text(text, encoding="utf-8")
    edited = text.replace("Öka utskicken till de som inte", "Skicka påminnelser till de som inte")
    second.write_text(edited.replace("BIOBANK     Pågår", "BIOBANK     Klart"), encoding="utf-8")
    assert run("ingest", str(first), "--out", str(out)).exit_code == 0
    assert run("ingest", str(second), "--out", str(out)).exit_code == 0
    activities = pd.read_parquet(out / "activities")
    assert activities.groupby("is_current")["doc_id"].nunique().to_dict() == {False: 1, True: 1}
    (out / ".lock").unlink()
    before = {path: path.stat().st_mtime_ns for path in out.rglob("*")}
    result = run("history", "--out", str(out), "--changes")
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*")} == before  # read only
    assert result.exit_code == 0, result.output
    assert "current" in result.output and "superseded by" in result.output
    assert "+ Skicka påminnelser till de som inte deltagit tidigare" in result.output
    assert "- Öka utskicken till de som inte deltagit tidigare" in result.output
    assert "~ Workshop om insamling (ongoing -> done)" in result.output


def test_the_output_folder_may_come_from_the_environment(tmp_path):
    out = tmp_path / "elsewhere"
    env = {**os.environ, "CANCERPLANS_OUT": str(out)}
    plan = str(FIXTURES / "skane_small.txt")
    run_ = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "ingest", plan],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert run_.returncode == 0, run_.stderr
    assert (out / "report.html").exists() and (out / "cancerplans.duckdb").exists()
    assert not (tmp_path / "output").exists()
