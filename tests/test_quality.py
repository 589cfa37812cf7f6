"""Quality gates measured on the built site with the web's own tools: axe-core in headless
Chromium (zero violations, both editions), keyboard reachability with visible focus, the
Nu Html Checker (zero errors), a site that works with the network cut, and well-formed
source addresses."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from sitebuild import ANNOTATED, PAGES, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.browser


def _axe(page) -> list[dict]:
    assert AXE.exists(), "axe-core is missing: run `npm ci --ignore-scripts` (make test does it)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]


@pytest.mark.parametrize("rel", PAGES)
def test_no_accessibility_violations(page, rel):
    page.goto(f"/{rel}")
    page.wait_for_load_state("networkidle")
    assert _axe(page) == []


def test_no_violations_with_an_annotation_open(page):
    page.goto(f"/{ANNOTATED}")
    page.locator("button.fc-marker").first.click()
    assert _axe(page) == []


@pytest.mark.parametrize("edition, words", [("", "Sesame"), ("nl/", "noedelverkoper")])
@pytest.mark.parametrize("width", [1280, 360])
def test_no_violations_with_search_open_and_results_shown(browser, base_url, edition, words, width):
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"/{edition}")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("s")  # opens search at any width
    page.locator("input.md-search__input").press_sequentially(words, delay=20)
    page.locator(".md-search-result__list li").first.wait_for()
    assert page.locator(".md-search-result__list mark").count() > 0  # the matches are marked
    assert _axe(page) == []
    context.close()


MARK_FOCUSABLE = """() => {
  const selector = ['a[href]', 'button', 'input:not([type=checkbox]):not([type=hidden])', 'select', 'textarea',
                    'summary', '[tabindex]'].map(s => s + ':not([tabindex="-1"])').join(',');
  let n = 0; const found = {};
  for (const e of document.querySelectorAll(selector)) {
    const box = e.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.disabled
        && !e.closest('[hidden], [inert]')) { e.dataset.kb = String(++n); found[e.dataset.kb] = e.outerHTML.slice(0, 90); }
  }
  return found; }"""
FOCUSED = """() => { const e = document.activeElement, s = getComputedStyle(e);
  return {id: e.dataset ? e.dataset.kb || null : null, tag: e.tagName, html: e.outerHTML.slice(0, 90),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== 'none'}; }"""


@pytest.mark.parametrize("rel", ["", ANNOTATED, "nl/" + ANNOTATED, "sources/"])
def test_every_interactive_element_is_reachable_by_keyboard_and_visibly_focused(page, rel):
    page.goto(f"/{rel}")
    page.wait_for_load_state("networkidle")
    expected = page.evaluate(MARK_FOCUSABLE)
    reached, unseen_focus = set(), []
    for _ in range(len(expected) + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "BODY" or focused["id"] in reached:
            break
        reached.add(focused["id"])
        if not (focused["outline"] or focused["shadow"]):
            unseen_focus.append(focused["html"])
    assert [html for key, html in expected.items() if key not in reached] == []
    assert unseen_focus == []


def test_html_is_valid(built_site):
    java = shutil.which("java")
    assert java and VNU.exists(), "Java and vnu-jar are required: make test installs them"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", str(built_site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]
    problems = sorted({m["message"] for m in messages if m["type"] == "error" or m.get("subType") == "warning"})
    allowed = yaml.safe_load((ROOT / "tests" / "vnu-allowlist.yaml").read_text(encoding="utf-8")) or []
    assert [m for m in problems if m not in allowed] == []
    assert [m for m in allowed if m not in problems] == [], "remove allow-list entries that no longer occur"
    assert len({m["url"] for m in messages} | {str(p) for p in built_site.rglob("*.html")}) > 100


def test_site_works_with_the_network_cut(browser, base_url):
    context = browser.new_context(base_url=base_url)
    blocked: list[str] = []

    def only_this_site(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_site)
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    for rel in ("", ANNOTATED, "nl/", "nl/" + ANNOTATED, "misconceptions/"):
        page.goto(f"/{rel}")
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.is_visible()
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Sesame", delay=20)
    page.locator(".md-search-result__list li").first.wait_for(timeout=15_000)
    context.close()
    assert blocked == [] and failed == []


def test_no_vnu_or_axe_results_are_faked():
    # The tools are real files from npm, not stand-ins.
    assert AXE.stat().st_size > 100_000 and VNU.stat().st_size > 10_000_000
    assert Path(shutil.which("java") or "").exists()
