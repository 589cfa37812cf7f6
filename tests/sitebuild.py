"""Build a copy of the project into a temporary folder, as `make build` does."""

from __future__ import annotations

import shutil
from pathlib import Path

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
GENERATED = {
    ".": {"claims", "c", "data", "misconceptions", "sources", "experts", "format", "feed.xml"},
    "assets": {"generated"},
    "nl": {"claims", "c", "data", "misconceptions", "sources", "experts", "format", "feed.xml", "assets"},
}


def _ignore(folder: str, names: list[str]) -> list[str]:
    docs = ROOT / "docs"
    where = Path(folder).relative_to(docs).as_posix() if Path(folder).is_relative_to(docs) else None
    return [n for n in names if n == "__pycache__" or n in GENERATED.get(where, set())]


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
