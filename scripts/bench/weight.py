"""Page weight on a first visit: every request a fresh headless Chromium makes for a page
(recorded by the static server, so requests made by web workers count too), each body
as sent with gzip; plus anything the HTML references that the browser did not fetch
during the visit (for example the favicon), compressed the same way."""

from __future__ import annotations

import gzip
import re
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from .staticserver import COMPRESSIBLE, GZIP_LEVEL, StaticServer

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_REFS = re.compile(r"<(link|script|img|source)\b[^>]*>", re.I)
_ATTR = re.compile(r'\b(href|src|rel)\s*=\s*"([^"]*)"', re.I)


@dataclass
class Item:
    path: str
    kind: str
    raw: int
    sent: int
    how: str  # "fetched" (by the browser) or "referenced" (in the HTML, not fetched)


@dataclass
class Weight:
    url: str
    items: list[Item] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def total_kb(self) -> float:
        return sum(i.sent for i in self.items) / 1024

    @property
    def html_kb(self) -> float:
        return sum(i.sent for i in self.items if i.kind == "document") / 1024

    def kb_by_kind(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for item in self.items:
            out[item.kind] = out.get(item.kind, 0) + item.sent / 1024
        return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def _kind(path: str, ctype: str, page_path: str) -> str:
    if path == page_path:
        return "document"
    for ext, kind in (
        (".css", "css"),
        (".js", "script"),
        (".json", "data (json)"),
        (".woff2", "font"),
        (".woff", "font"),
        (".ttf", "font"),
        (".svg", "image"),
        (".png", "image"),
        (".jpg", "image"),
        (".webp", "image"),
        (".ico", "image"),
        (".xml", "data (xml)"),
    ):
        if path.endswith(ext):
            return kind
    return ctype.split(";")[0] or "other"


def _compressed_size(file: Path) -> int:
    import mimetypes

    data = file.read_bytes()
    ctype = mimetypes.guess_type(file.name)[0] or ""
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0)) if ctype.startswith(COMPRESSIBLE) else len(data)


def _referenced(html: str, page_path: str) -> set[str]:
    """Same-site paths of stylesheets, scripts, icons, images and preloads in the HTML."""
    found = set()
    for match in _REFS.finditer(html):
        attrs = {k.lower(): v for k, v in _ATTR.findall(match.group(0))}
        target = attrs.get("src") or attrs.get("href")
        rel = attrs.get("rel", "").lower()
        if not target or (match.group(1).lower() == "link" and not re.search(r"stylesheet|icon|preload", rel)):
            continue
        url = urllib.parse.urlsplit(urllib.parse.urljoin(page_path, target))
        if not url.netloc:
            found.add(url.path)
    return found


def visit(url: str, settle: float = 3.0) -> list[str]:
    """Load the page in a fresh profile and wait until the network is idle; returns the
    addresses of requests to other hosts (there should be none)."""
    from playwright.sync_api import sync_playwright

    other = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, timeout=60_000)
        try:
            context = browser.new_context()
            page = context.new_page()
            origin = urllib.parse.urlsplit(url).netloc
            page.on("request", lambda r: other.append(r.url) if urllib.parse.urlsplit(r.url).netloc != origin else None)
            page.goto(url, wait_until="networkidle", timeout=60_000)
            time.sleep(settle)
            context.close()
        finally:
            browser.close()
    return [u for u in other if not u.startswith(("data:", "blob:"))]


def page_weight(server: StaticServer, site: Path, page_path: str) -> Weight:
    url = server.url.rstrip("/") + page_path
    weight = Weight(url)
    server.clear_log()
    try:
        weight.other_hosts = visit(url)
    except Exception as exc:  # a browser failure is reported, not fatal to the benchmark
        weight.error = f"{type(exc).__name__}: {exc}"
        return weight
    seen: dict[str, Item] = {}
    for r in list(server.log):
        if r.status == 200 and r.path not in seen:
            seen[r.path] = Item(r.path, _kind(r.path, r.content_type, page_path), r.raw_bytes, r.sent_bytes, "fetched")
    html = (site / page_path.lstrip("/") / "index.html").read_text(encoding="utf-8")
    for path in sorted(_referenced(html, page_path) - set(seen)):
        file = site / path.lstrip("/")
        if file.is_file():
            seen[path] = Item(
                path, _kind(path, "", page_path), file.stat().st_size, _compressed_size(file), "referenced"
            )
    weight.items = sorted(seen.values(), key=lambda i: -i.sent)
    return weight
