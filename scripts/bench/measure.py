"""The measurements. On synthetic corpora: our build (`mkdocs build --strict`, English only,
and both editions at the target size), the build taken apart (bench.build_costs) and the
checker with and without its cache. On the real project: `mkdocs serve` rebuild latency, and
Lighthouse 12 (mobile, default throttling) on the built site served with gzip, which also
gives the page weight."""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import browsing
from browsing import CHROMIUM, CHROMIUM_ARGS, end_group, free_port

from .corpus import ROOT, copy_real, write_synthetic

BUILD_TIMEOUT, RUN_TIMEOUT, START_TIMEOUT, CHANGE_TIMEOUT = 1800, 240, 900, 120
TRIVIAL_PAGES = 200  # trivial pages built beside the claim pages, for the per-page comparison
COSTS_UP_TO = 1_000  # build_costs is one more whole build: taken apart up to this size only
NO_CACHE, CACHE_FOLDER = "FACTCHECK_NO_CACHE", ".cache/factcheck"  # factcheck.cache, not imported before the snapshot
GZIP_LEVEL = 6  # the usual server default (nginx and Apache take 1 to 9; CDNs mostly 6)
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
# Fetched by Material on every first visit (its script reads the sitemap); an index of the
# pages' sitemap (mkdocs_hook._sitemap_index), so that it does not grow with the claims.
FIRST_VISIT = ("sitemap.xml",)
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = {"performance": "performance", "accessibility": "accessibility", "best-practices": "best practices"}
CATEGORIES["seo"] = "SEO"
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT"}
METRICS |= {"cumulative-layout-shift": "CLS", "speed-index": "SI"}
KINDS = {".css": "css", ".js": "script", ".json": "data (json)", ".xml": "data (xml)", ".woff2": "font"}
KINDS |= dict.fromkeys((".png", ".svg", ".ico", ".jpg", ".webp"), "image")


@dataclass
class Measure:
    seconds: float
    peak_rss_mb: float
    returncode: int


@dataclass
class SizeResult:
    n: int
    corpus: dict
    build: Measure
    warm: Measure | None = None  # the English build again: cards, codes and the checker's cache kept
    both: Measure | None = None  # both editions, after the English builds (their cards and codes kept)
    checks: dict[str, Measure] = field(default_factory=dict)  # `factcheck check` runs: see measure_check
    pages_html: int | None = None
    site_mb: float | None = None
    first_visit: dict | None = None  # file → (raw MB, gzip MB)
    visits: dict | None = None  # page → Visit, a first visit in Chromium (English build)
    costs: dict | None = None  # bench.build_costs: the build's time taken apart
    serve: "ServeResult | None" = None  # `make serve` on this corpus, both editions


def env(editions: str | None = "en") -> dict:
    out = {k: v for k, v in os.environ.items() if k != "FACTCHECK_EDITIONS"}
    return {**out, "NO_MKDOCS_2_WARNING": "1", **({"FACTCHECK_EDITIONS": editions} if editions else {})}


def run_measured(cmd: list[str], cwd: Path, env: dict, log: Path, timeout: float = BUILD_TIMEOUT) -> Measure:
    """Wall seconds and peak resident memory of exactly this child (os.wait4); its process
    group is killed when it runs past the timeout."""
    with open(log, "ab") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        timer = threading.Timer(timeout, kill_group, (proc.pid,))
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
    return Measure(time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


def kill_group(pid: int, sig: int = signal.SIGKILL) -> None:
    with suppress(ProcessLookupError):
        os.killpg(pid, sig)


def mkdocs_build(project: Path, config: str, site: str, log: Path) -> Measure:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", site]
    return run_measured(cmd, project, env("en"), log)


def measure_check(project: Path, log: Path) -> dict[str, Measure]:
    """`python -m factcheck check` as an editor runs it, each in a fresh process: without
    the cache, then with an empty cache (the first run fills it), then again (warm), then
    after one claim file was edited."""
    shutil.rmtree(project / CACHE_FOLDER, ignore_errors=True)
    cmd = [sys.executable, "-m", "factcheck", "--root", str(project), "check"]
    cached = {k: v for k, v in env(None).items() if k != NO_CACHE}
    runs = {}
    for name, args in {"no cache": [*cmd, "--no-cache"], "first run": cmd, "warm": cmd, "one edit": cmd}.items():
        if name == "one edit":
            with open(sorted(project.glob("claims/*.yaml"))[-1], "a", encoding="utf-8") as claim:
                claim.write("# edited\n")
        runs[name] = run_measured(args, project, cached, log, RUN_TIMEOUT * 5)
    return runs


def measure_size(n: int, work: Path, both: bool = False, log=print) -> SizeResult:
    project, start = work / f"corpus-{n}", time.perf_counter()
    corpus = write_synthetic(project, n)
    log(f"  corpus: {corpus} written in {time.perf_counter() - start:.1f} s")
    result = SizeResult(n, corpus, mkdocs_build(project, "mkdocs.yml", "site", work / f"build-{n}.log"))
    log(f"  our build: {result.build.seconds:.1f} s, peak {result.build.peak_rss_mb:.0f} MB")
    if result.build.returncode:
        return result
    site = project / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    result.pages_html = sum(p.name == "index.html" for p in files)
    result.site_mb = sum(p.stat().st_size for p in files) / 1e6
    data = {rel: (site / rel).read_bytes() for rel in FIRST_VISIT if (site / rel).is_file()}
    result.first_visit = {k: (len(v) / 1e6, len(gzip.compress(v, GZIP_LEVEL, mtime=0)) / 1e6) for k, v in data.items()}
    claim = sorted(project.glob("claims/*.yaml"))[-1].stem  # a synthetic claim, not one of the real ones
    result.visits = first_visits(site, {"home": "/", "claim": f"/claims/{claim}/"})
    shutil.rmtree(site, ignore_errors=True)
    if both:
        result.warm = mkdocs_build(project, "mkdocs.yml", "site", work / f"warm-{n}.log")
        log(f"  English again, cards kept: {result.warm.seconds:.1f} s, peak {result.warm.peak_rss_mb:.0f} MB")
        shutil.rmtree(site, ignore_errors=True)
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
        result.both = run_measured(cmd, project, env(None), work / f"both-{n}.log")
        log(f"  both editions: {result.both.seconds:.1f} s, peak {result.both.peak_rss_mb:.0f} MB")
        shutil.rmtree(site, ignore_errors=True)
    if n <= COSTS_UP_TO:
        result.costs = build_costs(project, min(n, TRIVIAL_PAGES), work / f"costs-{n}.log")
        costs = result.costs or {}
        log(f"  claim page ÷ trivial page: {costs.get('claim_vs_trivial')}; ours {costs.get('ours_share')}")
    result.checks = measure_check(project, work / f"check-{n}.log")
    log("  `factcheck check`: " + ", ".join(f"{k} {m.seconds:.1f} s" for k, m in result.checks.items()))
    return result


def build_costs(project: Path, trivial: int, log: Path) -> dict | None:
    """bench.build_costs on the corpus, in its own process (English only)."""
    cmd = [sys.executable, "-m", "bench.build_costs", str(project), "--trivial", str(trivial)]
    with open(log, "w") as err:
        out = subprocess.run(cmd, cwd=project, env=env("en"), stdout=subprocess.PIPE, stderr=err, text=True)
    return json.loads(out.stdout) if out.returncode == 0 else None


def social_cards(project: Path) -> dict:
    """The real claims' social cards drawn in-process, every edition: how many, seconds in
    all and per card, and their mean size."""
    from factcheck.editions import LANGUAGES
    from factcheck.model import build_model
    from factcheck.render.cards import claim_card
    from factcheck.site import DEFAULT_INFO
    from factcheck.validate import check_tree

    site = build_model(check_tree(project)[0])
    planned = [claim_card(c, DEFAULT_INFO.edition(lang), lang)[1] for lang in LANGUAGES for c in site.claims]
    start = time.perf_counter()
    sizes = [len(card.make()) for card in planned]
    seconds = time.perf_counter() - start
    return {
        "n": len(sizes),
        "seconds": seconds,
        "ms_each": seconds / len(sizes) * 1000,
        "kb_each": sum(sizes) / len(sizes) / 1024,
    }


class _Gzip(SimpleHTTPRequestHandler):
    """Text (HTML, CSS, JS, JSON, XML, SVG) gzipped on the fly, as a production server would."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        file = Path(self.translate_path(self.path))
        file = file / "index.html" if file.is_dir() and self.path.split("?")[0].endswith("/") else file
        ctype = self.guess_type(str(file))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not file.is_file() or not ctype.startswith(COMPRESSIBLE) or not accepts:
            return super().send_head()
        data = gzip.compress(file.read_bytes(), GZIP_LEVEL, mtime=0)
        self.send_response(200)
        for name, value in [("Content-Type", ctype), ("Content-Length", len(data)), ("Content-Encoding", "gzip")]:
            self.send_header(name, str(value))
        self.end_headers()
        return io.BytesIO(data)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()


@contextmanager
def static_server(site: Path, port: int):
    """Serve site/ on 127.0.0.1:port until the block ends."""
    httpd = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Gzip, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass
class Visit:
    kb: float
    requests: int
    largest: list[tuple[str, float]]  # (path, KB), the three largest


def _size(response) -> int:
    length = response.headers.get("content-length")
    if length is not None:
        return int(length)
    try:
        return len(response.body())
    except Exception:  # noqa: BLE001 (a redirect or an aborted request has no body)
        return 0


def visit(responses: list, base: str) -> Visit:
    files = [(r.url.removeprefix(base), _size(r) / 1024) for r in responses]
    return Visit(sum(kb for _, kb in files), len(files), sorted(files, key=lambda f: -f[1])[:3])


def page(browser, url: str):
    """A fresh browser context (an empty cache) on url, settled; its responses so far."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    got: list = []
    page.on("response", lambda response: got.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page, got


def first_visits(site: Path, paths: dict[str, str]) -> dict[str, Visit]:
    """What a first visit to each page loads, in Chromium, from the site served with gzip."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p, static_server(site, free_port()) as base:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in paths.items():
            context, _, got = page(browser, base + path)
            out[name] = visit(got, base)
            context.close()
        browser.close()
    return out


@dataclass
class LighthouseRun:
    scores: dict[str, int] = field(default_factory=dict)
    metrics: dict[str, str] = field(default_factory=dict)
    failing: dict[str, list[tuple]] = field(default_factory=dict)  # category → (audit, score, value) below 1
    total_kb: float | None = None  # total-byte-weight: transfer sizes, headers included
    requests: list[dict] = field(default_factory=list)  # network-requests: path, kind, size, sent, by
    other_hosts: list[str] = field(default_factory=list)
    error: str | None = None
    leftover_processes: int = 0


def lighthouse_missing() -> str | None:
    if not LIGHTHOUSE.exists():
        return f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `npm install --ignore-scripts`"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing: run `make browser-deps`"
    return None if shutil.which("node") else "node is not installed"


def lighthouse(url: str, work: Path, name: str) -> LighthouseRun:
    run = browsing.lighthouse(LIGHTHOUSE, url, list(CATEGORIES), work / f"lighthouse-{name}.json", RUN_TIMEOUT)
    result = LighthouseRun(error=run.error, leftover_processes=run.leftover_processes)
    if run.error:
        return result
    data = run.report
    audits, shown = data["audits"], lambda audit: (audit.get("displayValue") or "").replace("\u00a0", " ")
    for key, category in data["categories"].items():
        if category.get("score") is not None:
            result.scores[key] = round(category["score"] * 100)
            refs = [(r["id"], audits.get(r["id"], {})) for r in category["auditRefs"] if r.get("weight", 0) > 0]
            result.failing[key] = [
                (k, a["score"], shown(a)) for k, a in refs if a.get("score") is not None and a["score"] < 1
            ]
    result.metrics = {label: shown(audits[key]) for key, label in METRICS.items() if shown(audits.get(key, {}))}
    result.total_kb = audits.get("total-byte-weight", {}).get("numericValue", 0) / 1024 or None
    for item in audits.get("network-requests", {}).get("details", {}).get("items", []):
        address, rtype = urllib.parse.urlsplit(item.get("url", "")), item.get("resourceType", "other")
        if address.scheme in ("http", "https") and address.netloc != urllib.parse.urlsplit(url).netloc:
            result.other_hosts.append(item["url"])
        path = address.path
        kind = "document" if rtype == "Document" else KINDS.get(Path(path).suffix, rtype.lower())
        size, sent, by = item.get("resourceSize") or 0, item.get("transferSize") or 0, item.get("sessionTargetType")
        result.requests.append({"path": path, "kind": kind, "size": size, "sent": sent, "by": by or "page"})
    result.requests.sort(key=lambda r: -r["sent"])
    return result


@dataclass
class ServeResult:
    mode: str
    startup_s: float | None = None
    latencies: list[float] = field(default_factory=list)
    error: str | None = None


def _wait(url: str, word: str | None, timeout: float, interval: float = 0.05) -> float | None:
    """Seconds until the page is served (and shows the word), polled every interval."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        with suppress(OSError), urllib.request.urlopen(url, timeout=30) as response:
            if word is None or word in response.read().decode("utf-8"):
                return time.perf_counter() - start
        time.sleep(interval)
    return None


def measure_serve(
    work: Path, slug: str, editions: str | None, edits: int = 3, log=print, project: Path | None = None
) -> ServeResult:
    """`mkdocs serve --dirty`, as `make serve` runs it, on a copy of the real project (or on
    `project`); editions None: both, "en": English only."""
    result = ServeResult("both editions" if editions is None else f"{editions} only")
    project = project or copy_real(work / f"serve-{editions or 'all'}")
    record = project / "claims" / f"{slug}.yaml"
    text = original = record.read_text(encoding="utf-8")
    if not re.search(r"^claim:\n  en: \S+", original, re.M):
        result.error = f"{record.name}: no one-line `claim.en` to edit"
        return result
    port = free_port()
    url, cmd = (
        f"http://127.0.0.1:{port}/claims/{slug}/",
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
    )
    with open(work / f"serve-{editions or 'all'}.log", "wb") as out:
        proc = subprocess.Popen(cmd, cwd=project, env=env(editions), stdout=out, stderr=out, start_new_session=True)
    try:
        result.startup_s = _wait(url, None, START_TIMEOUT, 0.2)
        if result.startup_s is None:
            result.error = f"`mkdocs serve` did not serve {url} within {START_TIMEOUT} s"
            return result
        time.sleep(2)  # let the file watcher settle after the first build
        for i in range(1, edits + 1):
            word = f"Benchmarked{i}x"
            text = re.sub(r"^(claim:\n  en: )\S+", rf"\g<1>{word}", text, count=1, flags=re.M)
            record.write_text(text, encoding="utf-8")
            saved = time.perf_counter()
            if _wait(url, word, CHANGE_TIMEOUT) is None:
                result.error = f"edit {i}: the page did not change within {CHANGE_TIMEOUT} s"
                break
            result.latencies.append(time.perf_counter() - saved)
            log(f"  {result.mode}: edit {i} visible after {result.latencies[-1]:.2f} s")
            time.sleep(1.5)  # a quiet moment between edits, as between an editor's saves
    finally:
        end_group(proc)
        record.write_text(original, encoding="utf-8")
    return result
