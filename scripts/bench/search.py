"""The reader's search, two ways, on one synthetic corpus in both editions, measured in
headless Chromium on the site served with gzip (measure.static_server):

- "pagefind": the site as built (scripts/factcheck/search_index.py, docs/assets/search.js);
- "material, lazy": Material's search plugin on the same generated Markdown (plain MkDocs, no
  hook), with its index request held back until the reader opens search (LAZY_MATERIAL, put
  into every page here; Material has no setting for it).

For each: the bytes of a first visit (home, a claim page), the bytes a first search adds (from
opening search to the results shown, and what loads with them), milliseconds from the last
keystroke to the first result on screen, and the index's build time and size. Bytes are the
Content-Length of every response Playwright sees, web worker requests included: what the
server sent, gzipped where it gzips."""

from __future__ import annotations

import re
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from browsing import CHROMIUM, CHROMIUM_ARGS, free_port

from . import measure
from .corpus import write_synthetic

CLAIM = "claims/23-million-barred-from-travel-for-low-points/"
QUERIES = {"en": "Sesame Credit", "nl": "noedelverkoper"}  # a Dutch word that occurs only in Dutch text
KEY_DELAY_MS = 100  # a reader typing quickly
SEARCHES = 3  # first searches per option and edition
RESULT = ".md-search-result__list a[href*='claims/']"
# Material fetches search/search_index.json as soon as a page loads (an XMLHttpRequest in its
# bundle). Held back here until the search box takes the focus or the search toggle opens.
LAZY_MATERIAL = """<script>(() => {
  const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send, held = [];
  let go = false;
  const release = () => { go = true; held.splice(0).forEach((f) => f()); };
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.fcIndex = /search_index\\.json$/.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.fcIndex && !go) return void held.push(() => send.apply(this, args));
    return send.apply(this, args);
  };
  addEventListener("focusin", (e) => e.target.matches?.(".md-search__input") && release());
  addEventListener("change", (e) => e.target.id === "__search" && e.target.checked && release());
})();</script>"""
# In the page: when the last key went down, and each time the result list changed while it
# held a claim. Results shown for the whole query = the first such change after the last key
# (none after it: the results shown for the query typed so far were already the right ones).
WATCH = """(selector) => {
  window.fcWatch = {key: 0, changes: []};
  addEventListener("keydown", () => (window.fcWatch.key = performance.now()), true);
  new MutationObserver(() => {
    if (document.querySelector(selector)) window.fcWatch.changes.push(performance.now());
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


@dataclass
class SearchRun:
    option: str
    edition: str
    home: measure.Visit | None = None
    claim: measure.Visit | None = None
    search_kb: float | None = None
    search_files: list[tuple[str, float]] = field(default_factory=list)
    ms: float | None = None  # the median of all_ms
    all_ms: list[float] = field(default_factory=list)
    error: str | None = None


@dataclass
class SearchComparison:
    n: int
    runs: list[SearchRun] = field(default_factory=list)
    index_s: dict[str, float] = field(default_factory=dict)  # option → seconds to build its index
    index_mb: dict[str, float] = field(default_factory=dict)  # option → size on disk, both editions
    build_s: dict[str, float] = field(default_factory=dict)  # option → whole build, both editions
    error: str | None = None


def plain_config(project: Path) -> str:
    """mkdocs.yml without `hooks:`: MkDocs alone, on the Markdown our hook generated."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    plain = re.sub(r"^hooks:\n(?:[ \t]+-.*\n|[ \t]*#.*\n)*", "", text, flags=re.M)
    if plain == text:
        raise SystemExit("mkdocs.yml: no `hooks:` block found to remove for the plain MkDocs build")
    (project / "mkdocs.plain.yml").write_text(plain, encoding="utf-8")
    return "mkdocs.plain.yml"


def _material_config(project: Path, name: str, text: str, **replace: str) -> str:
    for old, new in replace.items():
        if old not in text:
            raise SystemExit(f"{name}: `{old}` not found; the search comparison needs updating")
        text = text.replace(old, new)
    (project / name).write_text(text, encoding="utf-8")
    return name


def material_configs(project: Path, search: bool) -> tuple[str, str]:
    """mkdocs.yml and mkdocs.nl.yml without the hook, with or without Material's search plugin."""
    suffix = "material" if search else "bare"
    english = (project / plain_config(project)).read_text(encoding="utf-8")
    plugin = "plugins:\n  - search:\n      lang: {}\n"
    en = _material_config(
        project,
        f"mkdocs.{suffix}.yml",
        english,
        **{
            "plugins: []\n": plugin.format("en") if search else "plugins: []\n",
            "site_dir: site\n": f"site_dir: site-{suffix}\n",
            # without the hook, nothing keeps the Dutch pages out of the English edition
            "exclude_docs: |\n  overrides/\n": "exclude_docs: |\n  overrides/\n  nl/\n",
        },
    )
    dutch = (project / "mkdocs.nl.yml").read_text(encoding="utf-8")
    nl = _material_config(
        project,
        f"mkdocs.{suffix}.nl.yml",
        dutch + (plugin.format("nl") if search else ""),
        **{"INHERIT: mkdocs.yml": f"INHERIT: {en}", "site_dir: site/nl": f"site_dir: site-{suffix}/nl"},
    )
    return en, nl


def _build_both(project: Path, configs: tuple[str, str], log: Path) -> float:
    seconds = 0.0
    for config in configs:
        done = measure.run_measured(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config], project, measure.env(None), log
        )
        if done.returncode:
            raise SystemExit(f"{config}: build failed (exit {done.returncode}); see {log}")
        seconds += done.seconds
    return seconds


def _lazy(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "<head>" in text:
            page.write_text(text.replace("<head>", "<head>" + LAZY_MATERIAL, 1), encoding="utf-8")


def _first_search(browser, base: str, path: str, lang: str) -> tuple[float, measure.Visit]:
    """On a first visit to path: milliseconds from the last key to the results, and what loaded."""
    context, page, got = measure.page(browser, base + path)
    try:
        first = len(got)
        page.evaluate(WATCH, RESULT)
        page.locator("input.md-search__input").click()
        page.keyboard.type(QUERIES[lang], delay=KEY_DELAY_MS)
        page.wait_for_function("window.fcWatch.changes.length", timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)  # the results for the whole query, and what loads with them
        watch = page.evaluate("window.fcWatch")
        ms = next((t - watch["key"] for t in watch["changes"] if t > watch["key"]), 0.0)
        return ms, measure.visit(got[first:], base)
    finally:
        context.close()


def _run(browser, base: str, option: str, lang: str) -> SearchRun:
    run, prefix = SearchRun(option, lang), "" if lang == "en" else f"{lang}/"
    for name, path in (("claim", CLAIM), ("home", "")):
        context, _, got = measure.page(browser, f"{base}/{prefix}{path}")
        setattr(run, name, measure.visit(got, base))
        context.close()
    # The machine's load moves a single timing by tens of ms: the median of a few first searches.
    searches = []
    for _ in range(SEARCHES):
        try:
            searches.append(_first_search(browser, base, f"/{prefix}", lang))
        except Exception as error:  # noqa: BLE001 (reported in the table, not fatal)
            run.error = f"no result within 60 s: {str(error).splitlines()[0]}"
            return run
    run.all_ms = [ms for ms, _ in searches]
    run.ms = statistics.median(run.all_ms)
    middle = sorted(searches, key=lambda s: s[1].kb)[len(searches) // 2][1]
    run.search_kb, run.search_files = middle.kb, middle.largest
    return run


def _bundle_mb(site: Path) -> float:
    return sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 1e6


def compare(n: int, work: Path, log=print) -> SearchComparison:
    result, project = SearchComparison(n), work / f"search-{n}"
    write_synthetic(project, n)
    blog = work / f"search-{n}.log"
    ours = measure.run_measured([sys.executable, "-m", "mkdocs", "build", "-q"], project, measure.env(None), blog)
    if ours.returncode:
        result.error = f"our build failed (exit {ours.returncode}); see {blog}"
        return result
    result.build_s["pagefind"] = ours.seconds
    from factcheck import search_index

    shutil.rmtree(project / "site" / search_index.BUNDLE)
    start = time.perf_counter()  # the hook's last step again, on the same site: the same output
    search_index.build(project / "site")
    result.index_s["pagefind"] = time.perf_counter() - start
    result.index_mb["pagefind"] = _bundle_mb(project / "site")
    log(f"  pagefind: build {ours.seconds:.1f} s, index {result.index_s['pagefind']:.1f} s")
    # Material: the same Markdown (now in docs/ and docs/nl/), built with and without its search plugin.
    bare = _build_both(project, material_configs(project, False), blog)
    material = _build_both(project, material_configs(project, True), blog)
    result.build_s["material, lazy"] = material
    result.index_s["material, lazy"] = material - bare
    index = [project / "site-material" / p / "search" / "search_index.json" for p in ("", "nl")]
    result.index_mb["material, lazy"] = sum(f.stat().st_size for f in index) / 1e6
    log(f"  material: build {material:.1f} s, without its search {bare:.1f} s")
    _lazy(project / "site-material")
    shutil.rmtree(project / "site-bare", ignore_errors=True)
    result.runs = in_chromium(project, log)
    return result


def in_chromium(project: Path, log=print) -> list[SearchRun]:
    from playwright.sync_api import sync_playwright

    runs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for option, site in (("pagefind", "site"), ("material, lazy", "site-material")):
            with measure.static_server(project / site, free_port()) as base:
                for lang in ("en", "nl"):
                    run = _run(browser, base, option, lang)
                    runs.append(run)
                    log(
                        f"  {option} {lang}: home {run.home.kb:.1f} KB, claim {run.claim.kb:.1f} KB, "
                        f"search +{run.search_kb or 0:.1f} KB, {run.ms or 0:.0f} ms {run.error or ''}"
                    )
        browser.close()
    return runs
