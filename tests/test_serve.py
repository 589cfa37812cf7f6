"""`mkdocs serve` regenerates the pages from the records: an edited YAML file shows up
after reload, a broken one is reported, and fixing it brings the site back."""

from __future__ import annotations

import re
import time
import urllib.request

import pytest

from sitebuild import copy_project, serving

SLUG = "black-mirror-nosedive"


def _h1(url: str) -> str | None:
    try:
        html = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
    except OSError:
        return None
    match = re.search(r"<h1[^>]*>([^<]*)", html)
    return match.group(1) if match else None


def _wait_for(url: str, predicate, seconds: float = 40) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = _h1(url)
        if predicate(value):
            return value
        time.sleep(0.3)
    return _h1(url)


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "p")
    with serving(project, tmp_path / "serve.log") as base:
        yield project, f"{base}claims/{SLUG}/", tmp_path / "serve.log"


def test_editing_a_record_while_serving_shows_after_reload(served):
    project, url, log = served
    assert _wait_for(url, lambda h: h is not None), "mkdocs serve did not come up"
    record = project / "claims" / f"{SLUG}.yaml"
    original = record.read_text(encoding="utf-8")
    record.write_text(
        re.sub(r"^claim:\n  en: ", "claim:\n  en: Edited while serving, ", original, count=1, flags=re.M),
        encoding="utf-8",
    )
    assert _wait_for(url, lambda h: h and h.startswith("Edited while serving")), log.read_text()
    record.write_text(original.replace("\nverdict:", "\nverdikt:"), encoding="utf-8")
    deadline = time.monotonic() + 30
    while "did you mean `verdict`?" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.3)
    assert "verdikt: unknown field `verdikt`; did you mean `verdict`?" in log.read_text()
    record.write_text(original, encoding="utf-8")
    restored = _wait_for(url, lambda h: h and not h.startswith("Edited"))
    assert restored and not restored.startswith("Edited")
    assert "Traceback" not in log.read_text()
    # Rebuilds stay quiet about pages that are deliberately not in the nav.
    assert 'not included in the "nav" configuration' not in log.read_text()
