"""The build: records → checked model → generated files in docs/.

Generated files live only in folders this module owns, are written only when their
content changed (so `mkdocs serve` does not rebuild in a loop), and files left over from
removed records are deleted. Nothing is written when any record has an error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .model import Site, build_model
from .problems import Problem, errors
from .render import claim_page, data, format_page, indexes
from .render.redirects import redirect_files
from .render.text import SiteInfo, verdicts_css
from .validate import check_tree

GENERATED_DIRS = ("claims", "c", "data", "misconceptions", "sources", "experts", "format", "assets/generated")
GENERATED_FILES = ("feed.xml",)
DEFAULT_INFO = SiteInfo("Social Credit Fact Check", "http://127.0.0.1:8000/")


@dataclass
class Result:
    site: Site | None
    problems: list[Problem]
    written: list[str]


def render_all(site: Site, info: SiteInfo = DEFAULT_INFO, lang: str = "en") -> dict[str, str]:
    """Every generated file, by path relative to docs/."""
    files = {f"claims/{c.slug}.md": claim_page.render(c, info, lang) for c in site.claims}
    files.update(redirect_files(site, info, site.redirects))
    files["data/claims.json"] = data.claims_json(site, info)
    files["data/claims.csv"] = data.claims_csv(site, info, lang)
    files["feed.xml"] = data.atom_feed(site, info, lang)
    files["claims/index.md"] = indexes.all_claims(site, lang)
    files["misconceptions/index.md"] = indexes.misconceptions(site, lang)
    files["sources/index.md"] = indexes.sources(site, lang)
    files["experts/index.md"] = indexes.experts(site, lang)
    files["format/index.md"] = format_page.render()
    files["assets/generated/verdicts.css"] = verdicts_css(site.verdicts)
    return files


def write_changed(docs: Path, files: dict[str, str]) -> list[str]:
    written = []
    for rel, content in sorted(files.items()):
        target = docs / rel
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8", newline="\n")
            written.append(rel)
    owned = [p for folder in GENERATED_DIRS if (docs / folder).is_dir() for p in (docs / folder).rglob("*")]
    owned += [docs / name for name in GENERATED_FILES if (docs / name).exists()]
    for stale in sorted(owned, reverse=True):  # files before the folders that hold them
        if stale.is_file() and stale.relative_to(docs).as_posix() not in files:
            stale.unlink()
        elif stale.is_dir() and not any(stale.iterdir()):
            stale.rmdir()
    return written


def generate(
    root: Path, docs: Path | None = None, today: dt.date | None = None, info: SiteInfo = DEFAULT_INFO
) -> Result:
    records, problems = check_tree(root, today)
    if errors(problems):
        return Result(None, problems, [])
    site = build_model(records)
    written = write_changed(docs or root / "docs", render_all(site, info))
    return Result(site, problems, written)
