"""The Python code passes the linter and is formatted (the same ruff as the pre-commit hooks)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ruff(*args):
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "scripts", "tests"], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_finds_no_problems():
    result = ruff("check")
    assert result.returncode == 0, result.stdout


def test_code_is_formatted():
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout
