"""The README's notebook examples run on the sample dataset."""

import duckdb
import pandas as pd
import pytest

from pipelines.ingest import ingest
from tests.conftest import RAW


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dataset")
    ingest([RAW], folder)
    return folder


def test_pandas_activities_per_area_and_ongoing(out):
    activities = pd.read_parquet(out / "activities")
    table = (
        activities.assign(ongoing=activities["status"].eq("ongoing"))
        .groupby(["region", "area_id", "area"])
        .agg(activities=("activity_id", "count"), ongoing=("ongoing", "sum"))
    )
    assert table["activities"].sum() == len(activities)
    assert table["ongoing"].sum() > 0


def test_duckdb_activities_per_area_and_ongoing(out):
    query = f"""
        select region, area_id, area, count(*) as activities,
               count(*) filter (where status = 'ongoing') as ongoing
        from read_parquet('{out}/activities/*.parquet') group by all order by region, area_id
    """
    rows = duckdb.connect().execute(query).fetchall()
    assert {row[0] for row in rows} >= {"Region Skåne", "Region Kronoberg", "Region Västmanland"}
    screening = (
        duckdb.connect()
        .execute(f"""
        select region, activity, time_start from read_parquet('{out}/activities/*.parquet')
        where area_id = 1 and activity ilike '%screening%'
          and time_start <= date '2025-12-31'
          and coalesce(time_end, date '9999-12-31') >= date '2025-01-01'
    """)
        .fetchall()
    )
    assert screening
