"""Build a copy of the project into a temporary folder, as `make build` does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from browsing import free_port
from factcheck.site import generated_paths, project_parts
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
CODE, RECORDS = project_parts(ROOT)
# One page of each type the site has, in both editions: the quality gates visit each.
ANNOTATED = "claims/23-million-barred-from-travel-for-low-points/"
PAGE_TYPES = [
    "",
    "misconceptions/",
    "claims/",
    ANNOTATED,
    "sources/",
    "experts/",
    "methodology/",
    "about/",
    "data/",
    "format/",
    "how-it-works/",
    "timeline/",
    "404.html",
]
PAGES = PAGE_TYPES + [f"nl/{p}" for p in PAGE_TYPES]
# Generated under docs/ and docs/<lang>/: left behind, so that the build must make them itself.
GENERATED = {p.resolve() for p in generated_paths(ROOT / "docs")}


def _ignore(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__" or (Path(folder) / n).resolve() in GENERATED]


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in CODE + RECORDS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=_ignore)
        else:
            shutil.copy2(src, target / name)
    # A folder that held only generated files (docs/nl/assets after a build) is left out, as
    # in a fresh clone, where git keeps no empty folders.
    for folder in sorted((p for p in (target / "docs").rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return target


def build_site(project: Path) -> Path:
    site = project / "site"
    build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(site)))
    return site


@contextmanager
def serving(project: Path, log_path: Path, port: int | None = None):
    """`mkdocs serve --dirty` on a copy of the project, both editions, as `make serve` runs
    it, logging to log_path; yields the address it serves at."""
    port = port or free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("FACTCHECK_EDITIONS", None)
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            proc.terminate()
            proc.wait(timeout=20)
