"""An unchanged batch answered from the store's index of known bytes, without the pipeline."""

import os
import shutil
import subprocess
import sys

from pipelines.ingest import ingest
from pipelines.known import INDEX, known_results
from pipelines.settings import IngestSettings
from tests.conftest import FIXTURES, RAW

ROOT = RAW.parent


def _batch(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(FIXTURES / "skane_small.txt", source / "skane.txt")
    (source / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    return sorted(source.iterdir())


def test_the_index_gives_what_the_store_would(tmp_path):
    files, out = _batch(tmp_path), tmp_path / "out"
    ingest(files, out)
    quick = known_results(files, out, IngestSettings())
    full = ingest(files, out).results
    assert quick == list(full)
    assert [result.status for result in quick] == ["failed", "unchanged"]
    assert "failed before" in quick[0].error
    assert known_results(files, out, IngestSettings(max_pages=10)) is None  # other limits
    new = files[0].with_name("new.txt")
    shutil.copy(RAW / "004_87476d2dc23e5da6.txt", new)
    assert known_results([*files, new], out, IngestSettings()) is None  # bytes never seen


def test_the_index_is_not_used_once_the_dataset_changed(tmp_path):
    files, out = _batch(tmp_path), tmp_path / "out"
    ingest(files, out)
    document = next((out / "documents").glob("*.parquet"))
    shutil.copy(document, document.with_name("copy"))
    os.replace(document.with_name("copy"), document)  # rewritten, as a superseding commit does
    assert known_results(files, out, IngestSettings()) is None
    ingest(files, out)  # the next ingest writes the index anew
    assert known_results(files, out, IngestSettings()) is not None
    current = (out / "current").resolve()
    shutil.copytree(current, current.with_name("99999999"))  # a commit left unfinished
    assert known_results(files, out, IngestSettings()) is not None  # the dataset is as before
    os.replace(out / "current", out / "moved")
    os.symlink(f".snapshots/{current.name}", out / "current")  # another writer's commit
    assert known_results(files, out, IngestSettings()) is not None  # the same snapshot
    os.unlink(out / "current")
    os.symlink(".snapshots/99999999", out / "current")
    assert known_results(files, out, IngestSettings()) is None  # another snapshot
    (out / INDEX).write_text("not json")
    assert known_results(files, out, IngestSettings()) is None


def test_an_unchanged_batch_does_not_load_the_pipeline(tmp_path):
    files, out = _batch(tmp_path), tmp_path / "out"
    ingest(files, out)
    code = (
        "import sys\nfrom pipelines.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as stop:\n"
        "    print('exit', stop.code, 'pipeline loaded:', 'pipelines.ingest' in sys.modules)"
    )
    args = ["ingest", *map(str, files), "--out", str(out)]
    run = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True
    )
    assert "same    " in run.stdout and "failed before" in run.stdout
    assert run.stdout.strip().endswith("exit 1 pipeline loaded: False")  # the failure still counts


def test_a_missing_report_is_made_again_by_an_unchanged_batch(tmp_path):
    files, out = _batch(tmp_path), tmp_path / "out"
    ingest(files, out)
    (out / "report.html").unlink()
    assert known_results(files, out, IngestSettings()) is None  # not answered from the index
    ingest(files, out)
    assert (out / "report.html").exists()
