"""Build a copy of the project into a temporary folder, as `make build` does."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
COPIED = [
    "mkdocs.yml",
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
GENERATED = {
    "claims",
    "c",
    "data",
    "misconceptions",
    "sources",
    "experts",
    "format",
    "generated",
    "feed.xml",
    "__pycache__",
}


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            # The generated folders under docs/ are left behind: the build must make them itself.
            ignore = (
                (lambda d, names: [n for n in names if n in GENERATED])
                if name == "docs"
                else shutil.ignore_patterns("__pycache__")
            )
            shutil.copytree(src, target / name, ignore=ignore)
        else:
            shutil.copy2(src, target / name)
    return target


def build_site(project: Path) -> Path:
    site = project / "site"
    build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(site)))
    return site
