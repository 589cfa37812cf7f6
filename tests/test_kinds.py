"""The one table of record kinds (load.KINDS) is what the editor settings and the
pre-commit hook follow too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from factcheck.load import KINDS
from factcheck.schema import SCHEMA_FOR

ROOT = Path(__file__).resolve().parents[1]


def _pattern(kind) -> str:
    return f"{kind.place}/*.yaml" if kind.folder else kind.place


def test_vscode_maps_each_kind_to_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {f"./schemas/{k.schema}": _pattern(k) for k in KINDS}


def test_pre_commit_checks_every_record_file_and_no_other():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    pattern = next(h["files"] for r in config["repos"] for h in r["hooks"] if h.get("entry") == "make check")
    for kind in KINDS:
        assert re.search(pattern, f"{kind.place}/x.yaml" if kind.folder else kind.place), kind.name
    for other in ("docs/index.md", "scripts/factcheck/cli.py", "README.md"):
        assert not re.search(pattern, other)


def test_every_kind_has_its_schema_file():
    assert set(SCHEMA_FOR) == {k.name for k in KINDS}
    assert all((ROOT / "schemas" / k.schema).is_file() for k in KINDS)
