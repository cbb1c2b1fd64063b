"""The README's examples, taken from the README itself, run on the sample dataset and give the
dataset's answers (unknowns and undated rows shown, not dropped)."""

import ast
import re

import duckdb
import pandas as pd
import pytest

from pipelines.ingest import ingest
from tests.conftest import RAW

README = (RAW.parent / "README.md").read_text("utf-8")
SECTION = README[README.index("### Questions, answered honestly") :]
SECTION = SECTION[: SECTION.index("\n## ")]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", SECTION, re.S)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder whose output/ holds the sample dataset, as after the Quickstart."""
    folder = tmp_path_factory.mktemp("work")
    ingest([RAW], folder / "output")
    return folder


def _value_of(code: str, cwd) -> object:
    """Run a snippet in `cwd`; the value of its last expression."""
    tree = ast.parse(code)
    last = ast.Expression(tree.body.pop().value)
    namespace: dict = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        exec(compile(tree, "README", "exec"), namespace)
        return eval(compile(last, "README", "eval"), namespace)


def test_the_pandas_example_counts_every_current_action(workdir):
    (snippet,) = blocks("python")
    table = _value_of(snippet, workdir)
    activities = pd.read_parquet(workdir / "output" / "activities")
    actions = activities[activities["is_current"] & activities["kind"].eq("action_row")]
    assert table["activities"].sum() == len(actions)
    assert table["no_status"].sum() == actions["status"].eq("unknown").sum() > 0
    assert table["ongoing"].sum() > 0


def test_the_sql_examples_answer_from_the_database(workdir):
    per_area, screening, coverage = blocks("sql")
    with duckdb.connect(str(workdir / "output" / "cancerplans.duckdb"), read_only=True) as db:
        rows = db.execute(per_area).fetchall()
        found = db.execute(screening).fetchall()
        reported = db.execute(coverage).fetchall()
    kronoberg = [row[2:5] for row in reported if row[0] == "Region Kronoberg"]
    assert kronoberg == [(2023, 68.0, "procent")]
    by_subject = {(row[1], row[3], row[5]) for row in reported if row[0] != "Region Kronoberg"}
    assert by_subject >= {
        ("Region Jönköpings län", 83.0, False),
        ("Region Kalmar län", 82.0, False),
        ("Region Östergötland", 75.0, False),
        ("riket", 78.0, False),
    }
    assert any(row[5] and row[3] == 85.0 for row in reported)  # the target value
    assert {row[0] for row in rows} >= {"Region Skåne", "Region Kronoberg", "Region Västmanland"}
    activities = pd.read_parquet(workdir / "output" / "activities")
    actions = activities[activities["is_current"] & activities["kind"].eq("action_row")]
    assert sum(row[3] for row in rows) == len(actions)
    assert sum(row[5] for row in rows) == actions["status"].eq("unknown").sum()
    assert {row[-1] for row in found} == {"undated", "in 2025"}  # both, side by side
