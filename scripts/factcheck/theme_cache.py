"""The theme's compiled templates and its file list, kept across the rebuilds of one process
(and the templates on disk, across builds).

MkDocs makes a new Jinja environment for every build, so `mkdocs serve` parsed and compiled
Material's templates again after each save (about half a second), and listed the thousands
of files of the installed theme again (another half). Compiled templates are kept by name and
source checksum (Jinja's bytecode cache), so an edited override is compiled anew; the listing
is kept for installed theme folders only, and the project's own overrides are listed each
time."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import jinja2

_listings: dict[tuple, list[str]] = {}


class _Kept(jinja2.FileSystemBytecodeCache):
    """In memory for this process, and on disk for the next: a build in a fresh process
    compiled Material's templates again (about 0.8 s)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])
            return
        super().load_bytecode(bucket)  # Jinja refuses code whose template source changed
        if bucket.code is not None:
            self.code[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
        with suppress(OSError):  # a read-only checkout builds without it
            super().dump_bytecode(bucket)


_kept: dict[Path, _Kept] = {}


def _listing(folder: str, installed: bool, wanted) -> list[str]:
    # MkDocs' filter (one closure per build, the same code each time) costs as much as the
    # walk, so the filtered listing is what is kept.
    key = (folder, getattr(wanted, "__code__", None))
    if installed and key in _listings:
        return _listings[key]
    found = [name for name in jinja2.FileSystemLoader(folder).list_templates() if wanted is None or wanted(name)]
    if installed:
        _listings[key] = found
    return found


def keep(config, folder: Path) -> None:
    """Make config.theme's environments share compiled templates (kept in `folder` too) and
    installed listings."""
    theme, custom = config.theme, config.theme.custom_dir
    make_env = theme.get_env
    cache = _kept.setdefault(folder, _Kept(folder))

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = cache
        env.list_templates = lambda filter_func=None: sorted(
            {name for folder in theme.dirs for name in _listing(folder, folder != custom, filter_func)}
        )
        return env

    theme.get_env = get_env
