"""`python -m bench.build_costs PROJECT [--trivial N]`: one MkDocs build of PROJECT's English
edition, in this process, with its time taken apart; prints JSON.

- `ours`: our hook's events (the check and the generation in on_pre_build, the page hooks),
  without the search index;
- `search`: the search index (Pagefind, run from our hook's on_post_build);
- `pages`: MkDocs' own time per page (Markdown, template, every plugin's page events), for
  claim pages and for N trivial pages (a title and a paragraph) added to docs/trivial/ for
  the comparison, both in the same build with the same configuration.

Our hook sits in MkDocs' plugin table; each event function there is wrapped with a timer."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

TRIVIAL = "trivial"


def _trivial_pages(docs: Path, n: int) -> None:
    folder = docs / TRIVIAL
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(n):
        text = f"# Trivial page {i}\n\nA paragraph of plain text, about as long as a short answer on a claim page.\n"
        (folder / f"page-{i}.md").write_text(text, encoding="utf-8")


def _kind(page) -> str:
    uri = page.file.src_uri
    return "claim" if uri.startswith("claims/") and uri != "claims/index.md" else uri.split("/")[0]


def _timed(fn, bucket: str, spent: dict):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[bucket] += time.perf_counter() - start

    return wrapper


def measure(project: Path, trivial: int) -> dict:
    from mkdocs.commands import build as mkbuild
    from mkdocs.config import load_config

    os.chdir(project)
    _trivial_pages(project / "docs", trivial)
    spent: dict = defaultdict(float)
    per_page: dict = defaultdict(lambda: [0, 0.0])
    start = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-costs"))
    for event, functions in config.plugins.events.items():
        for i, fn in enumerate(functions):
            module = getattr(fn, "__module__", "") or ""
            owner = "ours" if "factcheck" in module else "theme"
            functions[i] = _timed(fn, f"{owner}:{event}", spent)
    originals = {name: getattr(mkbuild, name) for name in ("_populate_page", "_build_page")}

    def page_timer(name):
        def wrapper(page, *args, **kwargs):
            begun = time.perf_counter()
            try:
                return originals[name](page, *args, **kwargs)
            finally:
                entry = per_page[_kind(page)]
                entry[1] += time.perf_counter() - begun
                entry[0] += name == "_populate_page"

        return wrapper

    for name in originals:
        setattr(mkbuild, name, page_timer(name))
    from factcheck import search_index

    search_index.build = _timed(search_index.build, "search", spent)
    mkbuild.build(config)
    total = time.perf_counter() - start
    shutil.rmtree(project / "docs" / TRIVIAL)
    shutil.rmtree(project / "site-costs", ignore_errors=True)
    return _summary(total, spent, per_page)


def _summary(total: float, spent: dict, per_page: dict) -> dict:
    ours = sum(v for k, v in spent.items() if k.startswith("ours:")) - spent["search"]
    page_events = sum(v for k, v in spent.items() if k.startswith("ours:page_"))
    events = {k.removeprefix("ours:"): v for k, v in sorted(spent.items()) if k.startswith("ours:")}
    events["post_build"] = events.get("post_build", 0.0) - spent["search"]  # the index is reported apart
    pages = {kind: {"n": n, "seconds": s, "ms_per_page": 1000 * s / n} for kind, (n, s) in per_page.items() if n}
    claim, plain = pages.get("claim"), pages.get(TRIVIAL)
    return {
        "total_s": total,
        "ours_s": ours,
        "ours_share": ours / total,
        "pre_build_s": spent.get("ours:pre_build", 0.0),
        "our_page_hooks_s": page_events,
        "search_s": spent["search"],
        "ours_events": events,
        "pages": pages,
        "claim_vs_trivial": claim["ms_per_page"] / plain["ms_per_page"] if claim and plain else None,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.build_costs", description=__doc__)
    parser.add_argument("project", type=Path)
    parser.add_argument("--trivial", type=int, default=200, help="trivial pages added for the comparison")
    args = parser.parse_args(argv)
    os.environ.setdefault("FACTCHECK_EDITIONS", "en")
    sys.path.insert(0, str(args.project / "scripts"))
    json.dump(measure(args.project.resolve(), args.trivial), sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
