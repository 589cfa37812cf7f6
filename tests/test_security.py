"""Editors' input is untrusted. Script-injection payloads in every text field: the checker
rejects each of them; and even with the checker bypassed, the renderer lets none of them
become live markup, and none runs in Chromium."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import http.server
import re
import threading

import pytest
from bs4 import BeautifulSoup
from factcheck.load import load_tree
from factcheck.model import build_model
from factcheck.site import render_all, write_changed
from factcheck.validate import check_records

from conftest import GOOD
from sitebuild import copy_project

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)><script>alert(3)</script></svg>",
    "[click](javascript:alert(4))",
    "![image](javascript:alert(5))",
    '<a href="javascript:alert(6)">link</a>',
    "&lt;script&gt;alert(7)&lt;/script&gt;",
    "&#60;script&#62;alert(8)&#60;/script&#62;",
    "\u202egnp.exe\u202c alert(9)",
    '"><script>alert(10)</script>',
    "[x]: javascript:alert(12)\n[ref][x]",
    "<iframe src=javascript:alert(13)></iframe>",
    "`</code><script>alert(14)</script>`",
]
# Not markup at all, so the checker lets it through; it must still come out as text.
TEMPLATE_SYNTAX = "{{ config }} {% raw %} ~~~ ``` alert(15)"
URL_PAYLOADS = ["javascript:alert(11)", 'https://example.org/"><script>alert(16)</script>']
STRUCTURAL = {
    "id",
    "slug",
    "verdict",
    "source",
    "via",
    "by",
    "categories",
    "further_sources",
    "published",
    "reviewed",
    "date",
    "language",
    "kind",
    "rebuttal",
    "nl_source",
    "former_slugs",
    "verdict_from",
    "colour",
    "rating",
    "order",
    "annotations",
}
TODAY = dt.date(2026, 11, 29)


def _inject(data, payload: str, url_payload: str):
    """Every text field of a record, set to the payload (URL fields to a script URL)."""
    if isinstance(data, dict):
        return {
            k: (
                v
                if k in STRUCTURAL
                else url_payload
                if k in ("url", "archive_url")
                else _inject(v, payload, url_payload)
            )
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_inject(v, payload, url_payload) for v in data]
    return payload if isinstance(data, str) else data


def _text_fields(data, where=()):
    if isinstance(data, dict):
        for k, v in data.items():
            if k not in STRUCTURAL:
                yield from _text_fields(v, where + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _text_fields(v, where + (i,))
    elif isinstance(data, str):
        yield where


def _set(data, where, value):
    target = data
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = value


@pytest.mark.parametrize("payload", PAYLOADS + URL_PAYLOADS)
def test_checker_rejects_the_payload_in_every_text_field(payload):
    records, _ = load_tree(GOOD)
    for record in records:
        for where in _text_fields(record.data):
            broken = copy.deepcopy(records)
            target = next(r for r in broken if r.path == record.path)
            _set(target.data, where, payload)
            problems = [p for p in check_records(broken, TODAY) if p.severity == "error" and p.path == record.path]
            assert problems, f"{record.path} {where}: {payload!r} passed the checker"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The real records with one claim, and the records it uses, full of payloads: rendered
    without the checker (as if it were bypassed) and built by MkDocs without the hook."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    records, _ = load_tree(project)
    claim = next(r for r in records if r.kind == "claim" and r.key == "23-million-barred-from-travel-for-low-points")
    used = {a["source"] for a in claim.data["appearances"]} | {r["source"] for r in claim.data["rebuttals"]}
    payload = "\n".join([*PAYLOADS, TEMPLATE_SYNTAX])
    for record in records:
        if record is claim or record.key in used or (record.kind == "expert" and record.key == "ap"):
            record.data = _inject(record.data, payload, URL_PAYLOADS[len(record.key) % 2])
    for appearance in claim.data["appearances"]:
        appearance.pop("annotations", None)
    files = render_all(build_model(records), docs=project / "docs")
    write_changed(project / "docs", files)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"hooks:\n  - .*\n", "", config), encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    return project / "site"


PAGES = ["claims/23-million-barred-from-travel-for-low-points/", "claims/", "misconceptions/", "sources/", "experts/"]


@pytest.mark.parametrize("rel", PAGES)
def test_no_payload_becomes_live_markup(hostile_site, rel):
    html = BeautifulSoup((hostile_site / rel / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "alert(" in html.get_text(), "the payloads should be on the page, as text"
    for element in html.find_all(True):
        assert not [a for a in element.attrs if a.lower().startswith("on")], element
        for attr in ("href", "src", "action", "formaction"):
            assert not str(element.get(attr, "")).strip().lower().startswith(("javascript:", "data:text")), element
    assert html.find_all(["iframe", "object", "embed"]) == []
    for script in html.find_all("script"):
        assert "alert(" not in (script.string or "") or script.get("type") == "application/ld+json"
    for review in html.find_all("script", type="application/ld+json"):
        assert "</script" not in review.string.lower() and "<" not in review.string


@pytest.mark.browser
def test_no_payload_runs_in_chromium(hostile_site, browser):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    dialogs, messages = [], []
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: messages.append(m.text))
        for rel in PAGES:
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{rel}")
            page.wait_for_load_state("networkidle")
            for link in page.locator("article a[href='#']").all()[:5]:
                link.click()
    finally:
        context.close()
        server.shutdown()
        server.server_close()
    assert dialogs == []
    assert not [m for m in messages if "alert" in m]
