"""Build a copy of the project into a temporary folder, as `make build` does."""

from __future__ import annotations

import shutil
from pathlib import Path

from factcheck.site import generated_paths
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
COPIED = [
    "mkdocs.yml",
    "mkdocs.nl.yml",
    "verdicts.yaml",
    "published.yaml",
    "docs",
    "claims",
    "sources",
    "experts",
    "categories",
    "scripts",
    "schemas",
]
# Generated under docs/ and docs/nl/: left behind, so that the build must make them itself.
GENERATED = {p.resolve() for p in generated_paths(ROOT / "docs")}


def _ignore(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__" or (Path(folder) / n).resolve() in GENERATED]


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=_ignore)
        else:
            shutil.copy2(src, target / name)
    return target


def build_site(project: Path) -> Path:
    site = project / "site"
    build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(site)))
    return site
