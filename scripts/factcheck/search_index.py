"""The site's search index: Pagefind (the `pagefind-bin` package, its binary from PyPI) run
over the whole built site once every edition is in it.

Pagefind splits the index into fragments and the browser loads only those a query needs,
so a reader's first visit fetches no index at all and a search fetches a few small files,
however many claims there are (Material's search plugin sent its whole index, which grows
with every claim, on every first visit). Each page is indexed in the language of its
<html lang>, so the Dutch edition has its own index with Dutch stemming. Only what a page
marks `data-pagefind-body` is indexed (docs/overrides/main.html)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from pagefind_bin import get_executable

BUNDLE = "pagefind"  # the folder under the site root; site-search.html points there
_running: list[threading.Thread] = []  # the index being written in the background, if any
_processes: list[subprocess.Popen] = []  # pagefind while it runs
# What a reader searches for is the claim and its correction: on a claim page the title, the
# verdict, the short answer, the claim's own words where it appeared, who answered it and how,
# and the explanation; on the other pages their text. Left out is what repeats other pages or
# is apparatus: where each appearance and answer was published, the figures (charts, the
# diagram, the QR code) and the chart's data table, an event's sources and claims, the primer's
# claim lists and footnotes, the citation and the dates line. Left in, they made the index
# larger, and each result's fragment (the page's text, which the browser loads for every
# result it shows). (Pagefind takes type, class, id and descendant selectors, no `+`.)
IGNORED = (
    ".fc-appearance p",
    ".fc-rebuttal p",
    ".fc-event ul",
    ".fc-corrects",
    ".footnote",
    "figure",
    "details.fc-chart-data",
    ".fc-cite",
    ".fc-dates",
)


def build(site_dir: Path, background: bool = False) -> None:
    """Write site_dir/pagefind/, the index of every page in site_dir, both editions.

    In the background (`mkdocs serve`), the rebuilt pages are served at once and search
    catches up a moment later (about a second at 25 claims), instead of every save waiting
    for the index; the next build first waits for it (wait()), or stops it if it keeps the
    site folder (stop())."""
    wait()
    if not background:
        _index(site_dir)
        return
    _running.append(threading.Thread(target=_index, args=(site_dir, False), daemon=True))
    _running[0].start()


def wait() -> None:
    """Let an index started in the background finish, before a build empties the site folder."""
    while _running:
        _running.pop().join()


def stop() -> None:
    """End an index still being written in the background, without waiting for it: a dirty
    rebuild (`make serve`) keeps the site folder, and writes a newer index when it is done.
    At 1,000 claims an index takes longer than an editor between two saves."""
    for process in list(_processes):
        process.terminate()
    wait()


def _index(site_dir: Path, fail: bool = True) -> None:
    cmd = [str(get_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE, "--silent"]
    cmd += ["--exclude-selectors", ", ".join(IGNORED)]
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _processes.append(process)
    try:
        stdout, stderr = process.communicate()
    finally:
        _processes.remove(process)
    if process.returncode == -signal.SIGTERM and not fail:
        return  # stopped for a newer build
    if process.returncode:
        message = f"search index: pagefind exited with {process.returncode}:\n{(stderr or stdout)[-2000:]}"
        if fail:
            raise PluginError(message)
        print(message, file=sys.stderr)  # serving: the preview goes on, without search
        return
    _sort_entry(site_dir / BUNDLE / "pagefind-entry.json")


def _sort_entry(entry: Path) -> None:
    """Pagefind lists the languages in its entry file in no fixed order; sorted, the same
    site gives the same bytes (tests/test_reproducible.py)."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
