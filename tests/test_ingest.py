"""The ingest core and the Parquet store, end to end on the project's own sample inputs."""

import shutil

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from extract.errors import CorruptDocument
from extract.layout import KINDS, LINE_ORDER, NO_TABLES
from normalize.areas import AREA_SOURCES, areas
from normalize.status import STATUSES
from normalize.time import PRECISIONS
from pipelines import ingest as ingest_module
from pipelines import workers
from pipelines.ingest import ingest
from pipelines.schema import ACTIVITIES, DOCUMENTS, SCHEMA_VERSION
from pipelines.settings import IngestSettings
from tests.conftest import FIXTURES, RAW, VARIANTS, read_in_this_process

AREAS = areas()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    out = tmp_path_factory.mktemp("output")
    report = ingest([RAW], out)
    assert not report.failed
    return out


def test_every_sample_is_stored(store):
    documents = pd.read_parquet(store / "documents")
    assert sorted(documents["layout"]) == sorted(
        ["rcc_sydost", "region_vastmanland", "region_kronoberg", "rcc_arsrapport", "region_skane"]
    )
    activities = pd.read_parquet(store / "activities")
    assert set(activities["doc_id"]) == set(documents["doc_id"])
    assert activities["area_id"].between(1, 10).all()
    assert (documents["n_activities"] > 0).all()
    orders = dict(zip(documents["layout"], documents["text_order"], strict=True))
    assert orders["rcc_arsrapport"] == NO_TABLES
    assert orders["region_skane"] == LINE_ORDER


def test_columns_hold_only_their_documented_values(store):
    activities = pd.read_parquet(store / "activities")
    assert set(activities["kind"]) <= set(KINDS)
    assert set(activities["area_source"]) <= set(AREA_SOURCES)
    assert set(activities["status"]) <= set(STATUSES)
    assert set(activities["time_precision"].dropna()) <= set(PRECISIONS)
    assert (activities["time_start"].dropna() <= activities["time_end"].dropna().max()).all()


def test_files_carry_the_schema_and_its_version(store):
    for folder, schema in (("activities", ACTIVITIES), ("documents", DOCUMENTS)):
        for path in (store / folder).glob("*.parquet"):
            stored = pq.read_schema(path)
            assert stored.remove_metadata() == schema.remove_metadata()
            assert stored.metadata[b"cancerplans.schema_version"] == SCHEMA_VERSION.encode()


def test_duckdb_and_polars_read_the_dataset(store):
    query = f"select count(*) from read_parquet('{store}/activities/*.parquet')"
    count = duckdb.connect().execute(query).fetchall()[0][0]
    assert count == len(pd.read_parquet(store / "activities"))
    frame = pl.read_parquet(f"{store}/documents/*.parquet")
    assert frame.height == 5


def test_the_database_answers_from_any_folder(store, tmp_path, monkeypatch):
    """`cancerplans.duckdb` is written by ingest: its views join each activity with its
    document and read the dataset whatever the working directory."""
    monkeypatch.chdir(tmp_path)
    with duckdb.connect(str(store / "cancerplans.duckdb"), read_only=True) as db:
        joined = db.execute("select count(*), count(document_type) from activities").fetchone()
        current = db.execute("select count(*) from current_activities").fetchone()[0]
        names = dict(db.execute("select area_id, area from areas").fetchall())
        types = db.execute("select distinct document_type from activities").fetchall()
    activities = pd.read_parquet(store / "activities")
    assert joined == (len(activities), len(activities))  # every row has its document
    assert current == int(activities["is_current"].sum())
    assert names == AREAS and names[10] == "Barn och unga"
    documents = pd.read_parquet(store / "documents")
    assert {row[0] for row in types} == set(documents["document_type"])


def test_ingesting_again_does_not_duplicate(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(RAW / "004_87476d2dc23e5da6.txt", source / "skane.txt")
    out = tmp_path / "out"
    ingest([source], out)
    first = pd.read_parquet(out / "activities")
    shutil.copy(source / "skane.txt", source / "skane-copy.txt")  # same bytes, another name
    ingest([source], out)
    again = pd.read_parquet(out / "activities")
    assert len(again) == len(first)
    assert again["activity_id"].is_unique
    assert len(pd.read_parquet(out / "documents")) == 1


def test_bad_files_are_reported_and_the_rest_ingested(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(FIXTURES / "not_a_plan.txt", source / "protokoll.txt")
    (source / "empty.txt").write_bytes(b"")
    (source / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    shutil.copy(FIXTURES / "skane_small.txt", source / "skane.txt")
    report = ingest([source, tmp_path / "missing.txt"], tmp_path / "out")
    errors = {result.path.name: result.error for result in report.results}
    assert "none of the known layouts" in errors["protokoll.txt"]
    assert "empty" in errors["empty.txt"]
    assert "binary" in errors["image.txt"]
    assert "no such file" in errors["missing.txt"]
    assert errors["skane.txt"] is None
    stored = pd.read_parquet(tmp_path / "out" / "documents")
    assert list(stored["source_file"]) == ["skane.txt"]
    assert not list((tmp_path / "out").rglob(".*.tmp"))  # nothing half-written left behind


def test_bytes_that_failed_are_not_read_again(tmp_path, monkeypatch):
    """A file that could not be read is remembered by its content hash, the pipeline version
    and the limits it was read with: an unchanged batch skips it (still reported as failed),
    and a higher limit tries it again."""
    bad = tmp_path / "in" / "image.txt"
    bad.parent.mkdir()
    read_in_this_process(monkeypatch)  # so the patch below holds where the file is read
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    out = tmp_path / "out"
    first = ingest([bad], out)
    assert first.failed and "binary" in first.results[0].error
    calls = []

    def parse_file(*args):
        calls.append(args)
        raise CorruptDocument("still broken")

    monkeypatch.setattr(ingest_module, "parse_file", parse_file)
    again = ingest([bad], out)
    assert "failed before" in again.results[0].error and calls == []
    ingest([bad], out, settings=IngestSettings(max_pages=10))
    assert calls  # other limits: tried again


def _dataset(out):
    activities = pd.read_parquet(out / "activities").drop(columns=["pipeline_version"])
    return activities.sort_values("activity_id").reset_index(drop=True)


def test_files_parsed_in_worker_processes_give_the_same_dataset(tmp_path):
    """--jobs 2 parses in two worker processes and commits here, in the order of the files:
    the same results, in the same order, and the same dataset as one process."""
    copy = tmp_path / "copy.pdf"  # the same bytes twice in one batch: stored once
    shutil.copy(VARIANTS / "d05-generic-norrbotten.pdf", copy)
    files = [
        VARIANTS / "d05-generic-norrbotten.pdf",
        tmp_path / "missing.txt",
        VARIANTS / "d01-skane-vastragotaland.pdf",
        copy,
        RAW / "002_efe616e43266e7dd.txt",
    ]
    one = ingest(files, tmp_path / "one", jobs=1)
    workers.start_server()  # as the command line does, before it loads the pipeline
    two = ingest(files, tmp_path / "two", jobs=2)
    assert [(r.path, r.status, r.doc_id, r.error) for r in two.results] == [
        (r.path, r.status, r.doc_id, r.error) for r in one.results
    ]
    assert [r.status for r in two.results] == ["stored", "failed", "stored", "unchanged", "stored"]
    pd.testing.assert_frame_equal(_dataset(tmp_path / "one"), _dataset(tmp_path / "two"))


def test_every_regular_file_is_read_in_a_worker(tmp_path):
    assert workers.isolated(RAW / "002_efe616e43266e7dd.txt")
    assert workers.isolated(VARIANTS / "d05-generic-norrbotten.pdf")
    assert not workers.isolated(tmp_path)  # a directory: reported by the batch, never opened
    assert not workers.isolated(tmp_path / "gone.txt")  # unreadable: reported, not raised here


def test_a_batch_reads_in_this_process_when_workers_cannot_start(tmp_path, monkeypatch):
    read_in_this_process(monkeypatch)
    files = [VARIANTS / "d05-generic-norrbotten.pdf", RAW / "002_efe616e43266e7dd.txt"]
    report = ingest(files, tmp_path / "out", jobs=2)
    assert [result.status for result in report.results] == ["stored", "stored"]


def test_a_dataset_of_an_older_schema_is_upgraded_and_its_plans_read_again(tmp_path):
    """Files written before `is_current` (schema 1.5) get it; bytes stored in an older schema
    are read again, so the new tables (metrics) fill in; the report and database work."""
    out = tmp_path / "out"
    plan = tmp_path / "plan.txt"
    shutil.copy(RAW / "002_efe616e43266e7dd.txt", plan)
    ingest([plan], out)
    for folder in ("activities", "documents"):
        for path in (out / folder).glob("*.parquet"):
            table = pq.read_table(path).drop_columns(["is_current"])
            pq.write_table(
                table.replace_schema_metadata({"cancerplans.schema_version": "1.5"}), path
            )
    for path in (out / "metrics").glob("*.parquet"):
        path.unlink()
    (out / "known.json").unlink()
    report = ingest([plan], out)
    assert [result.status for result in report.results] == ["stored"]  # read again
    activities = pd.read_parquet(out / "activities")
    assert activities["is_current"].all()
    assert len(pd.read_parquet(out / "metrics")) == 20
    assert (out / "report.html").exists()
    with duckdb.connect(str(out / "cancerplans.duckdb"), read_only=True) as db:
        assert db.execute("select count(*) from current_metrics").fetchone()[0] == 20


def test_metrics_of_schema_1_7_get_the_section_column(tmp_path):
    """A metrics file written before `section_id` (1.8) gets the column, empty, when the store
    opens the dataset; the database reads old and new files together."""
    out = tmp_path / "out"
    ingest([RAW / "002_efe616e43266e7dd.txt"], out)
    (old,) = (out / "metrics").glob("*.parquet")
    table = pq.read_table(old).drop_columns(["section_id"])
    pq.write_table(table.replace_schema_metadata({"cancerplans.schema_version": "1.7"}), old)
    ingest([RAW / "003_4dc689b29ba172f3.txt"], out)
    (path,) = (out / "metrics").glob(old.name.split(".")[0] + ".*")  # rewritten, renamed
    upgraded = pq.read_table(path)
    assert upgraded.schema.metadata[b"cancerplans.schema_version"] == b"1.7"
    assert upgraded.column("section_id").null_count == upgraded.num_rows == 20
    with duckdb.connect(str(out / "cancerplans.duckdb"), read_only=True) as db:
        counts = db.execute(
            "select source_file, count(section_id) from current_metrics group by 1 order by 1"
        ).fetchall()
    assert counts[0] == ("002_efe616e43266e7dd.txt", 0) and counts[1][1] > 0
