"""Snapshots (pipelines/snapshots.py): a commit is all or nothing for the store and its readers,
through kills at every write step and 250 version replacements read while they happen."""

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace

import duckdb
import pandas as pd
import pytest

from pipelines import snapshots
from pipelines.database import write_database
from pipelines.ingest import ingest, parse_file
from pipelines.store import StoreError, open_store
from tests.conftest import FIXTURES, RAW, dataset_tables, version_batches

KILLER = """
import json, os, shutil, signal, sys, traceback
from pathlib import Path
import pyarrow.parquet as pq
from pipelines.ingest import ingest

from pipelines import workers

batches, base = json.loads(sys.argv[1]), Path(sys.argv[2])

def cannot_fork(*args):  # the runs read their files in their own process: the writes are tested
    raise OSError("no worker processes here")

workers.IsolatedPool._start = cannot_fork
steps = [(pq, "write_table"), (os, "replace"), (os, "fsync"), (os, "unlink"), (os, "link"),
         (os, "symlink"), (os, "mkdir"), (shutil, "rmtree")]

def killed_at(step):  # a forked run, killed (SIGKILL: no handler runs) at its step-th write
    child = os.fork()
    if child:
        return child
    try:
        calls = [0]
        for owner, name in steps:
            def hooked(*args, _original=getattr(owner, name), **kwargs):
                calls[0] += 1
                if calls[0] == step:
                    os.kill(os.getpid(), signal.SIGKILL)
                return _original(*args, **kwargs)
            setattr(owner, name, hooked)
        for batch in batches:
            ingest([Path(p) for p in batch], base / f"run{step}")
    except BaseException:
        traceback.print_exc()
        os._exit(1)
    os._exit(0)

step, done = 1, False
while not done:  # two runs at a time, one a core
    children = [(number, killed_at(number)) for number in (step, step + 1)]
    for number, child in children:
        _, status = os.waitpid(child, 0)
        if os.WIFEXITED(status):
            assert os.WEXITSTATUS(status) == 0, f"run {number} failed"
            if not done:  # this run got past the last write step
                print(number)
                done = True
        else:
            assert os.WTERMSIG(status) == signal.SIGKILL, status
    step += 2
"""


@pytest.mark.slow
def test_a_kill_at_any_write_step_leaves_a_dataset_the_rerun_heals(tmp_path):
    """kill -9 at each write step of two batches in turn (a fork per step, so the pipeline is
    loaded once): the dataset reads as before or after, and a rerun gives the clean one."""
    batches = version_batches(tmp_path)
    clean = tmp_path / "clean"
    for batch in batches:
        ingest(batch, clean)
    expected = dataset_tables(clean)
    result = subprocess.run(
        [sys.executable, "-c", KILLER, json.dumps([[str(p) for p in b] for b in batches]),
         str(tmp_path)],
        capture_output=True, text=True, check=True, cwd=RAW.parent,
    )  # fmt: skip
    steps = int(result.stdout.strip())
    assert steps > 20  # the kills reached the steps of both batches
    for step in range(1, steps):
        out = tmp_path / f"run{step}"
        if (out / "current").is_symlink():  # as the kill left it: one snapshot, whole
            assert not list((out / "current" / "documents").glob(".*"))
        for batch in batches:
            ingest(batch, out)
        assert not [p for p in (out / ".snapshots").iterdir() if p.name > os.readlink(
            out / "current").rsplit("/", 1)[1]]  # fmt: skip
        for folder, table in dataset_tables(out).items():
            pd.testing.assert_frame_equal(table, expected[folder], check_like=True)


READER = """
import json, sys, time
from pathlib import Path
import duckdb, pyarrow.parquet as pq

out, kind, stop = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
reads = bad = 0
seen = set()  # the current versions the reads found: the plan changed under them
PAUSE = 0.05  # between reads: the writer keeps a core
problems = []
TABLES = ("documents", "activities")

def check(documents, activities):
    current = [d for d in documents if d["is_current"]]
    assert len(current) == 1, f"{len(current)} current versions"
    doc = current[0]
    mine = [a for a in activities if a["is_current"]]
    assert {a["doc_id"] for a in mine} == {doc["doc_id"]}, "current rows of another version"
    assert len(mine) == doc["n_activities"], f"{len(mine)} rows, {doc['n_activities']} stated"
    seen.add(doc["doc_id"])

while not stop.exists():
    try:
        if kind == "pyarrow":  # the snapshot resolved once
            snapshot = (out / "current").resolve()
            check(*(pq.read_table(snapshot / name).to_pylist() for name in TABLES))
        elif kind == "duckdb":  # the database file, as a notebook opens it
            with duckdb.connect(str(out / "cancerplans.duckdb"), read_only=True) as db:
                documents = db.sql("select doc_id, is_current, n_activities from documents")
                activities = db.sql("select doc_id, is_current from activities")
                names = ("doc_id", "is_current", "n_activities")
                check([dict(zip(names, r)) for r in documents.fetchall()],
                      [dict(zip(names, r)) for r in activities.fetchall()])
        reads += 1
        time.sleep(PAUSE)
    except Exception as err:
        bad += 1
        problems.append(f"{type(err).__name__}: {err}"[:200])
print(json.dumps({"reads": reads, "versions": len(seen), "bad": bad, "problems": problems[:5]}))
"""

REPLACEMENTS = 250
READERS = ("pyarrow", "duckdb")
DATABASE_EVERY = 25  # commits between two writes of the database (ingest writes it per batch)


@pytest.mark.slow
def test_readers_see_one_snapshot_while_250_versions_replace_each_other(tmp_path):
    """A plan replaced 250 times (the database written again every 25th commit, as ingest
    writes it after a batch) while two readers read: the snapshot resolved once (pyarrow) and
    the database file (DuckDB). No read fails, sees two current versions or rows of a replaced
    version as current, or a row count its document does not state."""
    out = tmp_path / "out"
    parsed = parse_file(FIXTURES / "skane_small.txt")
    ingest([FIXTURES / "skane_small.txt"], out)
    with open_store(out) as store:
        (document,) = store.documents()
    stop = tmp_path / "stop"
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(out), kind, str(stop)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=RAW.parent,
        )  # fmt: skip
        for kind in READERS
    ]
    started = time.monotonic()
    try:
        with open_store(out) as store:
            for version in range(REPLACEMENTS):
                doc_id = f"{version:016x}"
                row = dict(document, doc_id=doc_id, sha256=doc_id * 4, superseded_by=None)
                row.pop("_schema_version", None)
                records = [
                    replace(record, doc_id=doc_id, activity_id=f"{doc_id}-{record.activity_id}")
                    for record in parsed.records
                ]
                store.commit(row, records)
                if version % DATABASE_EVERY == 0:
                    write_database(out)
    finally:
        stop.touch()
    seconds = time.monotonic() - started
    results = [json.loads(reader.communicate(timeout=60)[0]) for reader in readers]
    for kind, result in zip(READERS, results, strict=True):
        assert result["bad"] == 0, (kind, result)
        assert result["versions"] >= 5, (kind, result)  # they read while the plan changed
    print(f"{REPLACEMENTS} replacements in {seconds:.1f} s; reads: {results}")
    write_database(out)
    with duckdb.connect(str(out / "cancerplans.duckdb"), read_only=True) as db:
        assert db.execute("select count(*) from documents").fetchall() == [(REPLACEMENTS + 1,)]


def test_a_dataset_written_before_snapshots_is_moved_into_one(tmp_path):
    """Table folders of an earlier version (real folders, files named by doc_id) become the
    first snapshot, by renames; the data reads the same."""
    out = tmp_path / "out"
    ingest([RAW / "002_efe616e43266e7dd.txt"], out)
    before = dataset_tables(out)
    old = tmp_path / "old"
    old.mkdir()
    for folder in snapshots.TABLE_DIRS:
        shutil.copytree(out / folder, old / folder)  # real folders, as before snapshots
    with open_store(old):
        pass
    assert (old / "current").is_symlink() and (old / "activities").is_symlink()
    for folder, table in dataset_tables(old).items():
        pd.testing.assert_frame_equal(table, before[folder])
    stuck = tmp_path / "stuck"
    stuck.mkdir()
    (stuck / ".journal.json").write_text("{}")  # a commit of the journal store, unfinished
    with pytest.raises(StoreError, match="unfinished commit"), open_store(stuck):
        pass


def test_a_replaced_snapshot_stays_for_its_readers_then_goes(tmp_path):
    out = tmp_path / "out"
    plan = tmp_path / "plan.txt"
    text = (FIXTURES / "skane_small.txt").read_text("utf-8")
    for version in range(5):
        plan.write_text(text.replace("Öka utskicken", f"Öka utskicken {version}"), "utf-8")
        ingest([plan], out)
    numbered = sorted((out / ".snapshots").iterdir())
    assert len(numbered) == 6  # the empty first one and one a version: all within the grace
    snapshots.prune(out, now=time.time() + snapshots.GRACE_SECONDS + 1)
    kept = sorted((out / ".snapshots").iterdir())
    assert kept == numbered[-snapshots.KEEP :] and kept[-1] == (out / "current").resolve()
    unfinished = kept[-1].with_name("99999999")
    shutil.copytree(kept[-1], unfinished)
    with open_store(out):
        assert not unfinished.exists()  # a commit that did not finish is cleared
