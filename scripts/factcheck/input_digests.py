"""The SHA-256 of each file a build reads, kept in a process while the file's size, times
and inode are those it had when it was read, if its times had settled by then (as the
checker's cache trusts them, cache.py): `mkdocs serve` compares every input after each
save, and reading thousands of unchanged records again took a second at 1,000 claims."""

from __future__ import annotations

import hashlib
import os
import stat
import time

from .cache import SETTLED_NS

_KEPT: dict[str, tuple] = {}  # file → (its stat, its digest)


def digest(file: str, unless: bytes) -> str | None:
    """The file's SHA-256; None if it is not a file, or holds `unless` (a generated page)."""
    try:
        found = os.stat(file)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    key = (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)
    kept = _KEPT.get(file)
    if kept is not None and kept[0] == key:
        return kept[1]
    with open(file, "rb") as handle:
        content = handle.read()
    sha = None if unless in content else hashlib.sha256(content).hexdigest()
    if max(found.st_mtime_ns, found.st_ctime_ns) < time.time_ns() - SETTLED_NS:
        _KEPT[file] = (key, sha)
    return sha
