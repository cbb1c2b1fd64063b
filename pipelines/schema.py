"""The shared Parquet schemas. Bump SCHEMA_VERSION on any change and update docs/schema.md."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1.9"
SCHEMA_METADATA_KEY = b"cancerplans.schema_version"  # in every file's Parquet metadata
METADATA = {SCHEMA_METADATA_KEY: SCHEMA_VERSION.encode()}

_strings = pa.list_(pa.string())

ACTIVITIES = pa.schema(
    [
        pa.field("activity_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("region", pa.string()),
        pa.field("layout", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("level", pa.string()),
        pa.field("row_id", pa.string(), nullable=False),
        pa.field("activity_index", pa.int16(), nullable=False),
        pa.field("area_id", pa.int8()),
        pa.field("area", pa.string()),
        pa.field("area_source", pa.string(), nullable=False),
        pa.field("area_confidence", pa.float32()),
        pa.field("chapter", pa.string()),
        pa.field("section", pa.string()),
        pa.field("goal_number", pa.string()),
        pa.field("goal", pa.string()),
        pa.field("goal_raw", pa.string()),
        pa.field("rcc_activity", pa.string()),
        pa.field("activity", pa.string()),
        pa.field("activity_raw", pa.string()),
        pa.field("responsible", _strings),
        pa.field("responsible_normalized", _strings),
        pa.field("timeframe_raw", _strings),
        pa.field("time_start", pa.date32()),
        pa.field("time_end", pa.date32()),
        pa.field("time_precision", pa.string()),
        pa.field("recurrence", pa.string()),
        pa.field("status_raw", _strings),
        pa.field("status", pa.string(), nullable=False),
        pa.field("notes", pa.string()),
        pa.field("page_start", pa.int32()),
        pa.field("page_end", pa.int32()),
        pa.field("line_start", pa.int32()),
        pa.field("line_end", pa.int32()),
        pa.field("bbox", pa.list_(pa.float32())),
        pa.field("is_current", pa.bool_(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
    ],
    metadata=METADATA,
)

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("sha256", pa.string(), nullable=False),
        pa.field("format", pa.string(), nullable=False),
        pa.field("encoding", pa.string()),
        pa.field("layout", pa.string(), nullable=False),
        pa.field("layout_confidence", pa.float32()),
        pa.field("document_type", pa.string()),
        pa.field("region", pa.string()),
        pa.field("healthcare_region", pa.string()),
        pa.field("title", pa.string()),
        pa.field("period_start", pa.int16()),
        pa.field("period_end", pa.int16()),
        pa.field("plan_date", pa.date32()),
        pa.field("n_rows", pa.int32(), nullable=False),
        pa.field("n_activities", pa.int32(), nullable=False),
        pa.field("n_pages", pa.int32()),
        pa.field("text_order", pa.string()),
        pa.field("warnings", _strings),
        pa.field("ingested_at", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("superseded_by", pa.string()),
        pa.field("is_current", pa.bool_(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
    ],
    metadata=METADATA,
)

METRICS = pa.schema(
    [
        pa.field("metric_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("region", pa.string()),
        pa.field("indicator", pa.string(), nullable=False),
        pa.field("value", pa.float64(), nullable=False),
        pa.field("unit", pa.string(), nullable=False),
        pa.field("subject", pa.string()),
        pa.field("year", pa.int16()),
        pa.field("is_target", pa.bool_(), nullable=False),
        pa.field("area_id", pa.int8()),
        pa.field("row_id", pa.string()),
        pa.field("section_id", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("page", pa.int32()),
        pa.field("line_start", pa.int32()),
        pa.field("line_end", pa.int32()),
        pa.field("is_current", pa.bool_(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
    ],
    metadata=METADATA,
)

SECTIONS = pa.schema(
    [
        pa.field("section_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("region", pa.string()),
        pa.field("heading", pa.string(), nullable=False),
        pa.field("area_id", pa.int8()),
        pa.field("area_source", pa.string(), nullable=False),
        pa.field("area_confidence", pa.float32()),
        pa.field("items", _strings),
        pa.field("page_start", pa.int32()),
        pa.field("page_end", pa.int32()),
        pa.field("line_start", pa.int32()),
        pa.field("line_end", pa.int32()),
        pa.field("is_current", pa.bool_(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
    ],
    metadata=METADATA,
)

AREAS = pa.schema(
    [
        pa.field("area_id", pa.int8(), nullable=False),
        pa.field("area", pa.string(), nullable=False),
    ],
    metadata=METADATA,
)
