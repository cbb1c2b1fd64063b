"""The code base stays `ruff` clean (ruff is installed with the test extras)."""

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff is not installed")
def test_ruff_clean():
    """Run by the interpreter of the tests, so a virtual environment's ruff is the one used."""
    check = [sys.executable, "-m", "ruff", "check", str(ROOT)]
    result = subprocess.run(check, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
