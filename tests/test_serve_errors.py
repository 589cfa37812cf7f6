"""Issue 10: a record saved with an error while `mkdocs serve` runs. In real headless
Chromium, the open pages of both editions switch by themselves to a page that lists the
errors as `file:line: field: message; hint`, stay text (nothing from a record becomes
markup), and come back by themselves once the file is fixed; `mkdocs build` still fails."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest
import yaml
from playwright.sync_api import expect

from sitebuild import ROOT, copy_project, serving

pytestmark = pytest.mark.browser

SLUG = "black-mirror-nosedive"
# Invalid YAML on the `verdict:` line: an unclosed flow sequence (the rest becomes a comment).
# The parser notices it on the next line, and says so with the hint.
BROKEN_LINE = "verdict: [misleading"
YAML_ERROR = (
    f"claims/{SLUG}.yaml:{{line}}: (file): not valid YAML: did not find expected ',' or ']'; "
    "fix the YAML syntax on this line"
)
HEADINGS = {"en": "The records have errors", "nl": "De gegevens bevatten fouten"}
# Valid YAML whose unknown key is markup: the checker names it, the page must show it as text.
HOSTILE_KEY = "<img src=x onerror=window.pwned=1>"


def _up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"mkdocs serve did not come up at {url}")


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "p")
    with serving(project, tmp_path / "serve.log") as base:
        _up(base + f"nl/claims/{SLUG}/")
        yield project, base, tmp_path / "serve.log"


def _title(lang: str) -> str:
    claim = yaml.safe_load((ROOT / "claims" / f"{SLUG}.yaml").read_text(encoding="utf-8"))
    return " ".join(claim["claim"][lang].split())


def _build(project, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )


def test_record_errors_show_in_the_browser_and_go_away_when_fixed(served, browser, tmp_path):
    project, base, log = served
    record = project / "claims" / f"{SLUG}.yaml"
    original = record.read_text(encoding="utf-8")
    verdict_line = next(i for i, x in enumerate(original.split("\n"), 1) if x.startswith("verdict:"))

    requests: list[str] = []
    navigations: list[str] = []
    pages = {}
    for lang, path in (("en", f"claims/{SLUG}/"), ("nl", f"nl/claims/{SLUG}/")):
        page = browser.new_context(viewport={"width": 1100, "height": 800}).new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("framenavigated", lambda f: f.parent_frame is None and navigations.append(f.url))
        page.on("dialog", lambda d: d.dismiss())
        page.goto(base + path)  # the only goto: everything after happens by itself
        expect(page.locator("h1")).to_have_text(_title(lang))
        pages[lang] = page
    start = time.monotonic()

    # 1. Invalid YAML: both open pages switch to the error page within a bounded time.
    record.write_text(original.replace("\nverdict: ", f"\n{BROKEN_LINE} # ", 1), encoding="utf-8")
    message = YAML_ERROR.format(line=verdict_line + 1)
    for lang, page in pages.items():
        expect(page.locator("h1")).to_have_text(HEADINGS[lang], timeout=30_000)
        expect(page.locator("ul.errors li")).to_have_count(1)
        expect(page.locator("ul.errors li").first).to_contain_text(message)
        assert page.locator("html").get_attribute("lang") == lang
    broken_after = time.monotonic() - start
    pages["en"].screenshot(path=tmp_path / "errors.png", full_page=False)
    assert (tmp_path / "errors.png").stat().st_size > 5_000

    # While broken, every page of both editions is the error page, not a hang or a blank page.
    for path in ("", "nl/", "claims/", "about/", "nl/sources/", "claims/no-such-claim/", "c/6/index.html"):
        with urllib.request.urlopen(base + path, timeout=10) as response:
            body = response.read().decode("utf-8")
        assert (
            f"<h1>{HEADINGS['nl' if path.startswith('nl/') else 'en']}</h1>" in body and html.escape(message) in body
        ), path

    # 2. The builds still fail on the broken records, exactly as before.
    built = _build(project, "mkdocs", "build", "--site-dir", str(tmp_path / "out"))
    assert built.returncode != 0
    assert message in built.stderr and "nothing was built" in built.stderr
    assert not (tmp_path / "out").exists()
    checked = _build(project, "factcheck", "build")
    assert checked.returncode == 1 and message in checked.stderr

    # 3. Other errors: the page updates by itself, and markup from a record stays text.
    record.write_text(original.replace("\nverdict:", f"\n{HOSTILE_KEY}: 1\nverdict:", 1), encoding="utf-8")
    for page in pages.values():
        expect(page.locator("ul.errors li").first).to_contain_text(f"{HOSTILE_KEY}: unknown field", timeout=30_000)
        assert page.locator("main img").count() == 0
        assert page.evaluate("typeof window.pwned") == "undefined"
    pages["nl"].screenshot(path=tmp_path / "errors-changed-nl.png")

    # 4. Fixed: both pages come back by themselves, without a reload from here.
    record.write_text(original, encoding="utf-8")
    for lang in ("en", "nl"):
        expect(pages[lang].locator("h1")).to_have_text(_title(lang), timeout=90_000)
    recovered_after = time.monotonic() - start
    assert len(navigations) >= 2 * 4, navigations  # load, error page, changed errors, normal page

    # Self-contained: every request of every page went to the preview server.
    assert [u for u in requests if not u.startswith(base) and not u.startswith("data:")] == []
    # Nothing half-written: the error page exists only in the server's memory.
    for folder in (project / "docs", project / "site"):
        leftovers = [p for p in folder.rglob("*") if p.is_file() and b"X-Factcheck-Poll" in p.read_bytes()]
        assert leftovers == [], leftovers
    text = log.read_text(encoding="utf-8")
    assert message in text and "Traceback" not in text
    assert not re.search(r"Aborted with .* in strict mode", text), text
    print(f"error page after {broken_after:.1f} s, site back after {recovered_after:.1f} s")
    for page in pages.values():
        page.context.close()
