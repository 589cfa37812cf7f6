"""`mkdocs serve` on a copy of the real project: seconds from saving an edited claim until
the served page shows the edit."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .builds import env
from .corpus import copy_real
from .procs import end_group, free_port

START_TIMEOUT = 180
CHANGE_TIMEOUT = 120


@dataclass
class ServeResult:
    mode: str
    startup_s: float | None
    latencies: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.latencies) if self.latencies else None


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait(url: str, predicate, timeout: float, interval: float = 0.05) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate(_fetch(url)):
            return time.perf_counter() - start
        time.sleep(interval)
    return None


def measure_serve(work: Path, slug: str, editions: str | None, edits: int = 3, log=print) -> ServeResult:
    """editions None: the default (both editions); "en": English only."""
    mode = "both editions" if editions is None else f"{editions} only"
    project = copy_real(work / f"serve-{editions or 'all'}")
    record = project / "claims" / f"{slug}.yaml"
    original = record.read_text(encoding="utf-8")
    if not re.search(r"^claim:\n  en: \S+", original, re.M):
        return ServeResult(mode, None, error=f"{record.name}: no one-line `claim.en` to edit")
    port = free_port()
    url = f"http://127.0.0.1:{port}/claims/{slug}/"
    serve_log = work / f"serve-{editions or 'all'}.log"
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with open(serve_log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=project, env=env(editions), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    result = ServeResult(mode, None)
    try:
        result.startup_s = _wait(url, lambda html: html is not None, START_TIMEOUT, 0.2)
        if result.startup_s is None:
            result.error = f"`mkdocs serve` did not serve {url} within {START_TIMEOUT} s"
            return result
        time.sleep(2)  # let the file watcher settle after the first build
        text = original
        for i in range(1, edits + 1):
            word = f"Benchmarked{i}x"
            text = re.sub(r"^(claim:\n  en: )\S+", rf"\g<1>{word}", text, count=1, flags=re.M)
            record.write_text(text, encoding="utf-8")
            saved = time.perf_counter()
            seen = _wait(url, lambda html, w=word: html is not None and w in html, CHANGE_TIMEOUT)
            if seen is None:
                result.error = f"edit {i}: the page did not change within {CHANGE_TIMEOUT} s"
                return result
            result.latencies.append(time.perf_counter() - saved)
            log(f"  {mode}: edit {i} visible after {result.latencies[-1]:.2f} s")
            time.sleep(1.5)  # a quiet moment between edits, as between an editor's saves
    finally:
        end_group(proc)
        record.write_text(original, encoding="utf-8")
    return result
