"""The pipeline's version, as installed: stamped on every stored row."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    PIPELINE_VERSION = version("cancerplans")
except PackageNotFoundError:  # running from a source tree that was not installed
    PIPELINE_VERSION = "0+unknown"
