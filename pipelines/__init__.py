"""Command line, batch ingest and the Parquet store."""
