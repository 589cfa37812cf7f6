"""The addresses a built site serves, and the comparison the deploy makes with the previous
deployment: an address that was published must still be served, as a page or a redirect.
The list is kept in the site itself (/data/addresses.json), so the next deploy can fetch it."""

from __future__ import annotations

import json
import os
from pathlib import Path

LIST = "data/addresses.json"


def served(site_dir: Path) -> list[str]:
    """Every page address of the site, as a reader would type it: /claims/x/ for a folder's
    index.html, the path itself for other HTML files."""
    out = set()
    for folder, _, names in os.walk(site_dir):  # not rglob: a Path for each of thousands of files
        rel = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        base = "/" if rel == "." else f"/{rel}/"
        for name in (n for n in names if n.endswith(".html")):
            out.add(base + (name[: -len("index.html")] if name.endswith("index.html") else name))
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
