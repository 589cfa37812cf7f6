"""`make serve` rebuilds only what an edit changed (`mkdocs serve --dirty`, with the claim
pages of unchanged records reused), and what it then serves is exactly what a full build of
the same records gives: every file of both editions, byte for byte."""

from __future__ import annotations

import os
import re
import shutil
import time
import urllib.request

import pytest
from browsing import free_port
from mkdocs.commands.build import build
from mkdocs.config import load_config

from sitebuild import copy_project, serving

EDITED = "sesame-credit-is-the-state-system"  # first of the home page's top myths, in many indexes
# What the server adds before </body> of each page (mkdocs.livereload._SCRIPT_TEMPLATE).
LIVERELOAD = re.compile(rb"<script>\nvar livereload = function.*?\nlivereload\(\d+, \d+\);\n</script>", re.S)


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return LIVERELOAD.sub(b"", response.read())
    except OSError:
        return None


def _until(predicate, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.2)
    return None


def _quiet(log, seconds: float = 3.0, limit: float = 60) -> None:
    """Wait until the server has written nothing for a while: its last rebuild is done."""
    deadline, size, since = time.monotonic() + limit, -1, time.monotonic()
    while time.monotonic() < deadline:
        now = log.stat().st_size
        if now != size:
            size, since = now, time.monotonic()
        elif time.monotonic() - since > seconds:
            return
        time.sleep(0.2)


def _full_build(project, site_url: str):
    os.environ["SITE_URL"] = site_url
    try:
        site = project / "site-full"
        build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(site)))
    finally:
        del os.environ["SITE_URL"]
    return site


# A title shows on index pages and the hand-written home page; an explanation only on the
# claim's own page, so the hand-written pages are not built again.
EDITS = {
    "title": (r"^claim:\n  en: ", "claim:\n  en: Edited, "),
    "explanation": (r"^explanation:\n  en: \|\n    ", "explanation:\n  en: |\n    Edited, "),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_dirty_rebuild_serves_exactly_what_a_full_build_gives(tmp_path, edit):
    project, log = copy_project(tmp_path / "p"), tmp_path / "serve.log"
    port = free_port()
    record = project / "claims" / f"{EDITED}.yaml"
    with serving(project, log, port) as base:
        page = f"{base}claims/{EDITED}/"
        assert _until(lambda: _get(page), 240), log.read_text()
        _quiet(log)
        text = record.read_text(encoding="utf-8")
        edited = re.sub(*EDITS[edit], text, count=1, flags=re.M)
        assert edited != text
        record.write_text(edited, encoding="utf-8")
        assert _until(lambda: b"Edited, " in (_get(page) or b"")), log.read_text()
        _quiet(log)
        served_log = log.read_text()
        copy = shutil.copytree(
            project, tmp_path / "full", ignore=lambda d, names: ["site"] if d == str(project) else []
        )
        full = _full_build(copy, base)
        files = sorted(p.relative_to(full) for p in full.rglob("*") if p.is_file())
        assert len(files) > 500
        # The preview's search index is written in the background after each rebuild.
        entry = (full / "pagefind" / "pagefind-entry.json").read_bytes()
        assert _until(lambda: _get(f"{base}pagefind/pagefind-entry.json") == entry), "the search index did not catch up"
        served = {rel: _get(f"{base}{rel.as_posix()}") for rel in files}
        different = [rel for rel in files if served[rel] != (full / rel).read_bytes()]
    assert "Traceback" not in served_log and "Aborted" not in served_log, served_log
    assert different == [], different[:20]
    home = (full / "index.html").read_text(encoding="utf-8")
    assert ("Edited, " in home) == (edit == "title")  # the hand-written home page lists the top myths
