"""Build speed on synthetic corpora: our build (`mkdocs build --strict`, English only),
plain MkDocs on the same generated Markdown without our hook, our check and generation
alone in-process, and a profile of the checker."""

from __future__ import annotations

import cProfile
import gzip
import inspect
import os
import pstats
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import GENERATED, write_synthetic
from .procs import Measure, run_measured
from .staticserver import GZIP_LEVEL

BUILD_TIMEOUT = 1800


@dataclass
class SizeResult:
    n: int
    corpus: dict
    build: Measure
    plain: Measure | None = None
    generate_s: float | None = None
    check_s: float | None = None
    generated_files: int | None = None
    generate_en_only: bool = False  # False: generate() rendered every edition (it had no `languages`)
    pages_html: int | None = None
    site_mb: float | None = None
    first_visit: dict = field(default_factory=dict)  # file → (raw MB, gzip MB), files every first visit loads
    notes: list[str] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        if self.plain is None or self.build.returncode or self.plain.returncode:
            return None
        return (self.build.seconds - self.plain.seconds) / self.build.seconds


def env(editions: str | None = "en") -> dict:
    out = {k: v for k, v in os.environ.items() if k != "FACTCHECK_EDITIONS"}
    out["NO_MKDOCS_2_WARNING"] = "1"
    if editions:
        out["FACTCHECK_EDITIONS"] = editions
    return out


def mkdocs_build(project: Path, config: str, site: str, log: Path) -> Measure:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", site]
    return run_measured(cmd, project, env("en"), log, BUILD_TIMEOUT)


def plain_config(project: Path) -> str:
    """mkdocs.yml without `hooks:`: MkDocs alone. The `<!-- factcheck:NAME -->` markers in
    the hand-written pages stay unfilled (HTML comments, harmless)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    plain = re.sub(r"^hooks:\n(?:[ \t]+-.*\n|[ \t]*#.*\n)*", "", text, flags=re.M)
    if plain == text:
        raise SystemExit("mkdocs.yml: no `hooks:` block found to remove for the plain MkDocs build")
    (project / "mkdocs.plain.yml").write_text(plain, encoding="utf-8")
    return "mkdocs.plain.yml"


def remove_generated(project: Path) -> None:
    for folder, names in GENERATED.items():
        for name in names:
            target = project / folder / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()


def timed_generate(project: Path) -> tuple[float, float, int, bool]:
    """factcheck.site.generate in-process, from docs/ without generated files: total seconds,
    seconds of its check_tree call, files written."""
    import factcheck.site as site_module

    original = site_module.check_tree
    spent: list[float] = []

    def check_tree(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    remove_generated(project)
    # Only the English edition, as the build it is compared with, where generate can be told so.
    english_only = {"languages": ("en",)} if "languages" in inspect.signature(site_module.generate).parameters else {}
    site_module.check_tree = check_tree
    try:
        start = time.perf_counter()
        result = site_module.generate(project, **english_only)
        total = time.perf_counter() - start
    finally:
        site_module.check_tree = original
    if result.site is None:
        raise SystemExit(f"{project}: the synthetic records have errors")
    return total, spent[0], len(result.written), bool(english_only)


FIRST_VISIT = ("search/search_index.json", "sitemap.xml")  # fetched by Material on every first visit


def _first_visit(site: Path) -> dict:
    out = {}
    for rel in FIRST_VISIT:
        if (site / rel).is_file():
            data = (site / rel).read_bytes()
            out[rel] = (len(data) / 1e6, len(gzip.compress(data, GZIP_LEVEL, mtime=0)) / 1e6)
    return out


def _site_stats(site: Path) -> tuple[int, float]:
    pages = size = 0
    for path in site.rglob("*"):
        if path.is_file():
            size += path.stat().st_size
            pages += path.name == "index.html"
    return pages, size / 1e6


def measure_size(n: int, work: Path, plain: bool = True, log=print) -> SizeResult:
    project = work / f"corpus-{n}"
    start = time.perf_counter()
    corpus = write_synthetic(project, n)
    log(
        f"  corpus: {corpus['claims']} claims, {corpus['sources']} sources, {corpus['experts']} experts "
        f"({corpus['claim_bytes'] / 1e6:.1f} MB of claim YAML) written in {time.perf_counter() - start:.1f} s"
    )
    build = mkdocs_build(project, "mkdocs.yml", "site", work / f"build-{n}.log")
    log(f"  our build: {build.seconds:.1f} s, peak {build.peak_rss_mb:.0f} MB, exit {build.returncode}")
    result = SizeResult(n, corpus, build)
    if build.returncode:
        result.notes.append(f"build failed (exit {build.returncode}); see the log")
        return result
    result.pages_html, result.site_mb = _site_stats(project / "site")
    result.first_visit = _first_visit(project / "site")
    if plain:
        result.plain = mkdocs_build(project, plain_config(project), "site-plain", work / f"plain-{n}.log")
        log(f"  plain MkDocs: {result.plain.seconds:.1f} s, peak {result.plain.peak_rss_mb:.0f} MB")
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project / "site-plain", ignore_errors=True)
    result.generate_s, result.check_s, result.generated_files, result.generate_en_only = timed_generate(project)
    log(f"  check + generate in-process: {result.generate_s:.1f} s (check_tree {result.check_s:.1f} s)")
    return result


def profile_check(n: int, work: Path, top: int = 10) -> tuple[float, list[tuple], list[tuple]]:
    """cProfile of check_tree on n synthetic claims: seconds under the profiler, the top
    functions by own time, and the project's own functions (and the YAML entry points they
    call) by cumulative time; each row is (name, own s, cumulative s, calls)."""
    from factcheck.validate import check_tree

    project = work / f"corpus-{n}"
    if not (project / "claims").is_dir():
        write_synthetic(project, n)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    check_tree(project)
    profiler.disable()
    seconds = time.perf_counter() - start
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = [
        (f"{_short(file)}:{line}({func})", tt, ct, nc) for (file, line, func), (_cc, nc, tt, ct, _) in stats.items()
    ]
    by_own = sorted(rows, key=lambda r: -r[1])[:top]
    ours = [
        r for r in rows if r[0].startswith("factcheck/") or re.match(r"yaml/__init__.py:\d+\((parse|compose)\)", r[0])
    ]
    by_cumulative = sorted(ours, key=lambda r: -r[2])[:top]
    return seconds, by_own, by_cumulative


def _short(file: str) -> str:
    for marker in ("site-packages/", "scripts/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file
