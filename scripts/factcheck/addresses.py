"""The addresses a built site serves, and the comparison the deploy makes with the previous
deployment: an address that was published must still be served, as a page or a redirect.
The list is kept in the site itself (/data/addresses.json), so the next deploy can fetch it."""

from __future__ import annotations

import json
from pathlib import Path

LIST = "data/addresses.json"


def served(site_dir: Path) -> list[str]:
    """Every page address of the site, as a reader would type it: /claims/x/ for a folder's
    index.html, the path itself for other HTML files."""
    out = set()
    for page in site_dir.rglob("*.html"):
        rel = page.relative_to(site_dir).as_posix()
        out.add("/" + rel[: -len("index.html")] if rel.endswith("index.html") else "/" + rel)
    return sorted(out)


def write_list(site_dir: Path) -> Path:
    path = site_dir / LIST
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"addresses": served(site_dir)}, indent=1) + "\n", encoding="utf-8")
    return path


def read_list(path: Path) -> set[str]:
    return set(json.loads(path.read_text(encoding="utf-8"))["addresses"])


def lost(previous: set[str], current: set[str]) -> list[str]:
    """Addresses the previous deployment served that this one would not."""
    return sorted(previous - current)
