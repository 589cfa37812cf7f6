"""The Makefile hands what an editor types to Python untouched: quotes, backticks and
`$(...)` in TITLE, SLUG or KEY are text, never shell or make syntax."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitebuild import copy_project

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)  # the virtual environment make test runs in

HOSTILE = [
    'China\'s "Nosedive": a score for all',
    "`echo TICK` and `touch ticked`",
    "$(shell touch made) costs $(5) and $$x",
    "a; touch semicolon && echo $HOME",
]


def _make(project: Path, *args: str) -> subprocess.CompletedProcess:
    deps = VENV / "bin" / ".site-deps"
    assert deps.exists(), "run the tests with make test, which makes the virtual environment"
    return subprocess.run(
        ["make", "-s", f"VENV={VENV}", "-o", str(deps), *args], cwd=project, capture_output=True, text=True
    )


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_title_reaches_the_record_as_typed(tmp_path, title):
    project = copy_project(tmp_path / "p")
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    result = _make(project, "new-claim", f"TITLE={title}", "SLUG=hostile-title")
    assert result.returncode == 0, result.stderr
    record = yaml.safe_load((project / "claims" / "hostile-title.yaml").read_text(encoding="utf-8"))
    assert record["claim"]["en"] == title
    assert not any((project / name).exists() for name in ("ticked", "made", "semicolon"))


def test_slug_is_the_editors_choice(tmp_path):
    project = copy_project(tmp_path / "p")
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    result = _make(
        project, "new-claim", "TITLE=A very long claim title that would make a very long slug indeed", "SLUG=short"
    )
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load((project / "claims" / "short.yaml").read_text(encoding="utf-8"))["slug"] == "short"


def test_missing_title_prints_the_usage(tmp_path):
    project = copy_project(tmp_path / "p")
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    result = _make(project, "new-claim")
    assert result.returncode == 2 and "usage: make new-claim TITLE=" in result.stderr
