"""Hostile and broken input: one bad file never stops the batch, nothing in the drop folder is
followed out of it, and a failed write of the dataset stops the batch and heals on the rerun."""

import os
import random
import re
import resource
import shutil
import subprocess
import sys
import zlib

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipelines import ingest as ingest_module
from pipelines.ingest import ingest
from pipelines.settings import IngestSettings
from pipelines.store import StoreError
from pipelines.versions import history, read_documents
from tests.conftest import (
    FIXTURES,
    ROOT,
    VARIANTS,
    dataset_tables,
    read_in_this_process,
    version_batches,
)

PDF = VARIANTS / "d05-generic-norrbotten.pdf"
WATCH = [sys.executable, "-m", "pipelines.cli", "watch"]
QUICK = ["--once", "--settle-seconds", "0", "--poll-seconds", "0.05"]


def _fuzzed(data: bytes, seed: int, flips: int = 40) -> bytes:
    rng = random.Random(seed)
    damaged = bytearray(data)
    for _ in range(flips):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


@pytest.fixture
def hostile(tmp_path):
    """A drop folder of good files and hostile ones, and a folder outside it that must stay
    untouched."""
    drop, outside = tmp_path / "drop", tmp_path / "outside"
    drop.mkdir()
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("not for the pipeline", encoding="utf-8")
    text = (FIXTURES / "skane_small.txt").read_text("utf-8")
    (drop / "good.txt").write_text(text, encoding="utf-8")
    os.makedirs(os.path.join(os.fsencode(drop), b"raw"), exist_ok=True)
    bad_name = os.path.join(os.fsencode(drop), b"plan-\xff.txt")  # not UTF-8
    with open(bad_name, "wb") as handle:
        handle.write(text.replace("SKÅNE", "BLEKINGE").encode("utf-8"))
    source = PDF.read_bytes()
    malformed = re.sub(rb"/MediaBox\s*\[[^\]]*\]", b"/MediaBox [0 0 (x) 792]", source, count=1)
    (drop / "malformed.pdf").write_bytes(malformed)
    for seed in range(3):
        (drop / f"fuzzed{seed}.pdf").write_bytes(_fuzzed(source, seed))
    (drop / "truncated.pdf").write_bytes(source[: len(source) // 3])
    (drop / "operators.pdf").write_bytes(operator_bomb(600_000))
    (drop / "cyclic.pdf").write_bytes(cyclic_pages())
    (drop / "deep.pdf").write_bytes(deep_pages(400))
    (drop / "recursive.pdf").write_bytes(recursive_form())
    (drop / "empty.txt").write_bytes(b"")
    (drop / "huge.txt").write_text(text * 200, encoding="utf-8")  # over --max-mb below
    (drop / "link.txt").symlink_to(secret)
    os.mkfifo(drop / "pipe.txt")
    (drop / "quarantine").mkdir()
    (drop / "quarantine" / "link.txt.error.txt").symlink_to(outside / "overwritten.txt")
    return drop, outside, secret


def test_a_hostile_drop_folder_is_taken_without_a_traceback(hostile, tmp_path):
    drop, outside, secret = hostile
    before = {path.name: path.stat().st_mtime_ns for path in outside.iterdir()}
    out = tmp_path / "out"
    run = subprocess.run(
        [*WATCH, str(drop), "--out", str(out), *QUICK, "--max-mb", "0.05", "--max-seconds", "5"],
        cwd=ROOT, capture_output=True, timeout=300,
    )  # fmt: skip
    output = (run.stdout + run.stderr).decode("utf-8", "replace")
    assert "Traceback" not in output, output
    assert run.returncode == 3, output  # something was quarantined: cron can alert
    processed = sorted(os.listdir(os.fsencode(drop / "processed")))
    assert processed == sorted([b"good.txt", b"plan-\xff.txt"])
    quarantined = {name for name in os.listdir(drop / "quarantine")}
    hostile = ("malformed.pdf", "truncated.pdf", "operators.pdf", "cyclic.pdf", "deep.pdf",
               "recursive.pdf", "empty.txt", "huge.txt", "link.txt", "pipe.txt")  # fmt: skip
    for name in hostile:
        assert name in quarantined, (name, quarantined)
        reasons = [n for n in quarantined if n.startswith(name) and n.endswith(".error.txt")]
        assert reasons, name
    reason = (drop / "quarantine" / "operators.pdf.error.txt").read_text("utf-8")
    assert "took longer than the limit of 5 s" in reason  # a limit, not "damaged"
    assert "refused: a symbolic link" in output and "refused: a directory" in output
    assert "not a regular file" in output and "the limit is 0.05 MB" in output
    assert os.path.islink(drop / "quarantine" / "link.txt")  # the link itself, not its target
    assert secret.read_text("utf-8") == "not for the pipeline"
    assert {path.name: path.stat().st_mtime_ns for path in outside.iterdir()} == before
    documents = pd.read_parquet(out / "documents")
    assert set(documents["region"]) == {"Region Skåne", "Region Blekinge"}


@pytest.mark.parametrize("name", ["processed", "quarantine"])
def test_the_job_refuses_a_link_or_file_in_place_of_its_folders(tmp_path, name):
    drop = tmp_path / "drop"
    drop.mkdir()
    shutil.copy(FIXTURES / "skane_small.txt", drop / "plan.txt")
    (drop / name).symlink_to(tmp_path)
    run = subprocess.run(
        [*WATCH, str(drop), "--out", str(tmp_path / "out"), *QUICK],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 1 and "must be a real directory" in run.stderr
    assert "Traceback" not in run.stderr
    assert (drop / "plan.txt").exists()  # nothing taken


def test_a_fault_of_ours_is_named_and_the_batch_goes_on(tmp_path, monkeypatch, caplog):
    good = tmp_path / "good.txt"
    shutil.copy(FIXTURES / "skane_small.txt", good)
    real = ingest_module.parse_file

    def parse_file(path, settings=None):
        if path.name == "bug.txt":
            raise ZeroDivisionError("a bug")
        return real(path, settings)

    monkeypatch.setattr(ingest_module, "parse_file", parse_file)
    read_in_this_process(monkeypatch)  # where the patch holds (and the log is this process's)
    (tmp_path / "bug.txt").write_text("anything", encoding="utf-8")
    report = ingest([tmp_path / "bug.txt", good], tmp_path / "out")
    bug, stored = report.results
    assert re.match(r"internal error [0-9a-f]{8} \(ZeroDivisionError: a bug\)", bug.error)
    assert stored.status == "stored"
    assert "ZeroDivisionError" in caplog.text  # the traceback is logged under the id


def test_bytes_of_an_earlier_version_never_roll_the_plan_back(tmp_path):
    text = (FIXTURES / "skane_small.txt").read_text("utf-8")
    first, second = tmp_path / "v1.txt", tmp_path / "v2.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("Öka utskicken", "Fler utskick"), encoding="utf-8")
    out = tmp_path / "out"
    ingest([first], out)
    ingest([second], out)
    again = ingest([first], out).results[0]
    assert again.status == "unchanged" and "earlier version" in again.warnings[0]
    documents = pd.read_parquet(out / "documents").set_index("source_file")
    assert documents["is_current"].to_dict() == {"v1.txt": False, "v2.txt": True}


def test_a_text_is_read_under_the_memory_limit_of_its_worker(tmp_path):
    """Texts are read in isolated workers under the hard limits, as PDFs are: a 4 MB text fails
    at a memory limit it cannot be read in, alone; with the default limit it is read."""
    text = (FIXTURES / "skane_small.txt").read_text("utf-8")
    large = tmp_path / "large.txt"
    large.write_text(text * ((4 << 20) // len(text)), "utf-8")
    (failed,) = ingest([large], tmp_path / "out", settings=IngestSettings(max_memory_mb=1)).results
    assert failed.error and "memory" in failed.error, failed
    small = tmp_path / "small.txt"
    small.write_text(text, "utf-8")
    (stored,) = ingest([small], tmp_path / "out").results
    assert stored.status == "stored"


def test_a_revision_the_plan_dates_earlier_never_becomes_current(tmp_path):
    """Which version is current follows the plan's own date where both versions state one: an
    earlier revision dropped after a later one is stored, not current; a later one replaces."""
    text = (FIXTURES / "skane_small.txt").read_text("utf-8")
    title, rest = text.split("\n", 1)
    out = tmp_path / "out"
    for name, decided, wording in (
        ("spring.txt", "Reviderad 12 mars 2025", "Fler utskick"),
        ("winter.txt", "Fastställd 2024-01-10", "Öka utskicken"),  # older, arriving late
        ("autumn.txt", "Reviderad 2025-10-01", "Nya utskick"),
    ):
        plan = tmp_path / name
        plan.write_text(f"{title}\n{decided}\n{rest}".replace("Öka utskicken", wording), "utf-8")
        (result,) = ingest([plan], out).results
        assert result.status == "stored", result
        if name == "winter.txt":
            assert "earlier revision of the plan (dated 2024-01-10)" in result.warnings[-1]
            assert result.superseded == ()
    documents = pd.read_parquet(out / "documents").set_index("source_file")
    assert documents["is_current"].to_dict() == {
        "spring.txt": False, "winter.txt": False, "autumn.txt": True
    }  # fmt: skip
    assert documents.loc["winter.txt", "superseded_by"] == documents.loc["spring.txt", "doc_id"]
    activities = pd.read_parquet(out / "activities")
    winter = activities[activities["doc_id"] == documents.loc["winter.txt", "doc_id"]]
    assert len(winter) and not winter["is_current"].any()
    (versions,) = history(read_documents(out)).values()
    assert [row["source_file"] for row in versions] == ["autumn.txt", "spring.txt", "winter.txt"]


WRITE_STEPS = (  # every way the store writes: files, links, folders, renames and removals
    (pq, "write_table"),
    (os, "replace"),
    (os, "fsync"),
    (os, "unlink"),
    (os, "link"),
    (os, "symlink"),
    (os, "mkdir"),
    (shutil, "rmtree"),
)


class Stopped(BaseException):
    """An abrupt stop: no handler of the pipeline catches it (only `finally` blocks run), so
    the folder is left as a kill at that moment would leave it."""


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["disk full", "stop"])
def test_a_fault_at_any_write_step_is_healed_by_the_rerun(tmp_path, fault, monkeypatch):
    """At each write step of both batches in turn, an I/O error (a full disk: the batch stops
    with the store's error, not the file's) or an abrupt stop; then a rerun gives the clean
    dataset. (The files are read in this process: the store's writes are under test.)"""
    read_in_this_process(monkeypatch)
    batches = version_batches(tmp_path)
    clean = tmp_path / "clean"
    for batch in batches:
        ingest(batch, clean)
    expected = dataset_tables(clean)
    step = 0
    while True:
        step += 1
        out = tmp_path / f"run{step}"
        calls = {"n": 0}
        failed = False
        with pytest.MonkeyPatch.context() as patch:
            for owner, name in WRITE_STEPS:
                original = getattr(owner, name)

                def failing(*args, _original=original, _calls=calls, _step=step, **kwargs):
                    _calls["n"] += 1
                    if _calls["n"] == _step:
                        if fault == "stop":
                            raise Stopped
                        raise OSError(28, "No space left on device")
                    return _original(*args, **kwargs)

                patch.setattr(owner, name, failing)
            for batch in batches:
                try:
                    ingest(batch, out)
                except StoreError as err:
                    assert "could not be" in str(err) or "cannot write" in str(err)
                    failed = True
                    break
                except Stopped:
                    failed = True
                    break
        for batch in batches:  # the rerun, without faults
            ingest(batch, out)
        for folder, table in dataset_tables(out).items():
            pd.testing.assert_frame_equal(table, expected[folder], check_like=True)
        if not failed:
            break  # past the last write step
    assert step > 10  # the faults did reach the steps of both batches


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1; object 1 is the catalog), with its xref."""
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data, 9)
    return (
        b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), extra)
        + packed
        + (b"\nendstream")
    )


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R %s>>"


def _one_page(*objects: bytes, kids: bytes = b"3 0 R", page: bytes = b"") -> bytes:
    """A PDF of a catalog, a page tree node with `kids`, a page (object 3, its content object
    4) and the `objects` from 4 on."""
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    count = kids.count(b"R")
    node = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)
    return _pdf([catalog, node, PAGE % page, *objects])


def flate_bomb(megabytes: int) -> bytes:
    """A one-page PDF of about 1 MB whose content stream inflates to `megabytes` MB."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
    return _one_page(stream + b"\nendstream")


def operator_bomb(operators: int) -> bytes:
    """A one-page PDF whose small content stream holds `operators` drawing operators."""
    return _one_page(_stream(b"0 0 m 1 1 l S\n" * (operators // 3)))


def cyclic_pages() -> bytes:
    """A page tree whose node lists itself among its kids."""
    return _one_page(_stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"), kids=b"2 0 R 3 0 R")


def deep_pages(depth: int) -> bytes:
    """A page tree `depth` nodes deep with one page at the bottom."""
    nodes = [
        b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (number + 1)
        for number in range(2, depth + 2)
    ]
    leaf = depth + 2
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        *nodes,
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R >>"
        % (depth + 1, leaf + 1),
        _stream(b"0 0 m 1 1 l S"),
    ])  # fmt: skip


def recursive_form() -> bytes:
    """A page that draws a form XObject which draws itself."""
    resources = b"/Resources << /XObject << /Fm1 5 0 R >> >> "
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] " + resources
    return _one_page(_stream(b"/Fm1 Do"), _stream(b"/Fm1 Do", form), page=resources)


@pytest.mark.slow
def test_a_decompression_bomb_meets_the_memory_limit_of_its_worker(tmp_path):
    """A 1 MB PDF that inflates to 1 GB fails alone, in its worker, at the memory limit; the
    good file beside it is stored and this process stays small."""
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(flate_bomb(1024))
    good = tmp_path / "plan.txt"
    shutil.copy(FIXTURES / "skane_small.txt", good)
    report = ingest([bomb, good], tmp_path / "out", settings=IngestSettings(max_memory_mb=700))
    failed, stored = report.results
    assert "more memory than the limit" in failed.error or "memory limit" in failed.error
    assert stored.status == "stored"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1_500_000  # KiB: < 1.5 GB
