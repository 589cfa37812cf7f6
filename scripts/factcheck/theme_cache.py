"""The theme's compiled templates and its file list, kept across the rebuilds of one process.

MkDocs makes a new Jinja environment for every build, so `mkdocs serve` parsed and compiled
Material's templates again after each save (about half a second), and listed the thousands
of files of the installed theme again (another half). Compiled templates are kept by name and
source checksum (Jinja's bytecode cache), so an edited override is compiled anew; the listing
is kept for installed theme folders only, and the project's own overrides are listed each
time."""

from __future__ import annotations

import jinja2

_listings: dict[tuple, list[str]] = {}


class _Memory(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_MEMORY = _Memory()


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


def keep(config) -> None:
    """Make config.theme's environments share compiled templates and installed listings."""
    theme, custom = config.theme, config.theme.custom_dir
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = _MEMORY
        env.list_templates = lambda filter_func=None: sorted(
            {name for folder in theme.dirs for name in _listing(folder, folder != custom, filter_func)}
        )
        return env

    theme.get_env = get_env
