"""notebooks/explore.ipynb runs on a fresh dataset and its answers are the dataset's."""

import re

import duckdb
import nbformat
import pytest
from nbclient import NotebookClient

from pipelines.ingest import ingest
from tests.conftest import RAW

NOTEBOOK = RAW.parent / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("output")
    ingest([RAW], out)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CANCERPLANS_OUT", str(out))
        client = NotebookClient(notebook, timeout=180, resources={"metadata": {"path": str(out)}})
        client.execute()
    text = "".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    return out, notebook, text


def test_the_notebook_runs_and_draws(executed):
    _, notebook, _ = executed
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output.output_type == "error"]
    figures = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(figures) == 2  # the heatmap and status by region


def test_its_answers_are_the_datasets(executed):
    out, _, text = executed
    dated, undated = map(int, re.search(r"dated in 2025: (\d+); .* undated: (\d+)", text).groups())
    with duckdb.connect() as db:
        db.execute(
            f"create view a as select * from read_parquet('{out}/activities/*.parquet') "
            "where is_current and activity is not null and kind = 'action_row' "
            "and activity ilike '%screening%'"
        )
        expected_undated = db.execute(
            "select count(*) from a where time_start is null and time_end is null"
        ).fetchone()[0]
        expected_dated = db.execute(
            "select count(*) from a where (time_start is not null or time_end is not null) "
            "and coalesce(time_start, date '0001-01-01') <= date '2025-12-31' "
            "and coalesce(time_end, date '9999-12-31') >= date '2025-01-01'"
        ).fetchone()[0]
    assert (dated, undated) == (expected_dated, expected_undated)
    assert undated > 0  # the samples do hold undated screening work: it is shown, not dropped
