"""The checker's cache: what each record file gave the last time it was checked, kept in
.cache/factcheck/ under the project root and keyed on the file's content (SHA-256) and on a
digest of the code, schemas and libraries that produced it, so that an edit to any of them
starts afresh. A cache that cannot be read is ignored and rebuilt; one that cannot be
written is left out. Turned off by `check --no-cache` or FACTCHECK_NO_CACHE=1.

As git does for its index, a file is not read again while its size, modification and
change times and inode are those recorded with its SHA-256: every write changes the change
time, which no program can set back. Times are trusted only for files last changed well
before the run that recorded them, so that two edits within one tick of a coarse file
system clock cannot look alike."""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from .editions import FILE as EDITIONS_FILE
from .load import FOLDERS, Record, record_files
from .problems import Problem
from .schema import SCHEMA_DIR

FOLDER = ".cache/factcheck"
NAME = "records.pickle"
OFF = "FACTCHECK_NO_CACHE"
PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("PyYAML", "jsonschema", "fastjsonschema", "referencing")
SETTLED_NS = 3_000_000_000  # a file's times are trusted once they are this much older than the run
# The only classes a cache file may hold: unpickling anything else could run code.
ALLOWED = {
    ("factcheck.problems", "Problem"),
    ("factcheck.load", "Record"),
    ("factcheck.cache", "Checked"),
}


@dataclass(frozen=True)
class Checked:
    """What the checker keeps of one record file."""

    sha: str  # SHA-256 of the file's bytes
    read: tuple[Problem, ...]  # the problems found reading it
    own: tuple[Problem, ...]  # its schema and one-record rules (checks.RECORD_CHECKS)
    slim: Record | None  # what the cross-record rules read of it (slim.py); None: no record
    stat: tuple | None = None  # the file's size, times and inode, once settled (see above)


def file_stat(file: str) -> tuple:
    st = os.stat(file)
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def enabled(wanted: bool | None = None) -> bool:
    """Asked for explicitly, or else on unless FACTCHECK_NO_CACHE is set to anything but 0."""
    return wanted if wanted is not None else os.environ.get(OFF, "0") in ("", "0")


def _library_versions() -> list[str]:
    """The installed versions of the libraries whose behaviour shapes the messages. Their
    dist-info folders name them; importlib.metadata takes longer to import than a warm
    check takes to run, and is asked only for a library installed elsewhere."""
    folder = Path(yaml.__file__).parents[1]
    found = {n.split("-")[0].lower().replace("_", "-"): n for n in os.listdir(folder) if n.endswith(".dist-info")}
    return [found.get(name.lower()) or _metadata_version(name) for name in LIBRARIES]


def _metadata_version(name: str) -> str:
    from importlib.metadata import version

    return f"{name}-{version(name)}"


@lru_cache(maxsize=1)
def code_digest() -> str:
    digest = hashlib.sha256(f"{sys.version}\0{_library_versions()}\0".encode())
    files = [*sorted(PACKAGE.rglob("*.py")), *sorted(SCHEMA_DIR.glob("*.json")), EDITIONS_FILE]
    for file in files:
        digest.update(file.relative_to(PACKAGE.parents[1]).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return super().find_class(module, name)


class Store:
    """For the files of one project: path → the Checked result of that file; and path →
    the quotation findings of a record or page, with what they depend on (quotes.py)."""

    def __init__(self, root: Path, on: bool):
        self.file = root / FOLDER / NAME
        self.on = on
        self.old, self.old_quotes = self._read() if on else ({}, {})
        self.new: dict[str, Checked] = {}
        self.quotes: dict[str, tuple] = {}
        self.changed = False
        self.started = time.time_ns()
        self._source_shas: dict[str, str] | None = None  # by key, when every file has been read

    def _read(self) -> tuple[dict, dict]:
        try:
            digest, entries, quotes = _Unpickler(io.BytesIO(self.file.read_bytes())).load()
        # A missing, truncated, foreign or corrupt cache is no cache: anything may fail.
        except Exception:  # noqa: BLE001
            return {}, {}
        if digest != code_digest() or not isinstance(entries, dict) or not isinstance(quotes, dict):
            return {}, {}
        return entries, quotes

    def unchanged(self, path: str, stat: tuple) -> Checked | None:
        """The file's entry if it cannot have changed since it was recorded (see above)."""
        entry = self.old.get(path)
        if isinstance(entry, Checked) and entry.stat is not None and entry.stat == stat:
            self.new[path] = entry
            return entry
        return None

    def get(self, path: str, sha: str, stat: tuple) -> Checked | None:
        entry = self.old.get(path)
        if isinstance(entry, Checked) and entry.sha == sha:
            self.put(path, entry, stat)
            return entry
        return None

    def put(self, path: str, entry: Checked, stat: tuple) -> None:
        settled = stat if max(stat[1], stat[2]) < self.started - SETTLED_NS else None
        self.new[path] = entry if entry.stat == settled else replace(entry, stat=settled)
        self.changed = self.changed or self.new[path] is not self.old.get(path)

    def sha(self, path: str) -> str | None:
        return self.new[path].sha if path in self.new else None

    def depends(self, own: str | None, sources: list[str]) -> tuple:
        """The contents that quotation findings depend on: of the text that quotes (its
        SHA-256) and of the sources it quotes."""
        if self._source_shas is None:
            folder = FOLDERS["source"] + "/"
            self._source_shas = {p[len(folder) : -5]: e.sha for p, e in self.new.items() if p.startswith(folder)}
        return own, tuple(sources), tuple(map(self._source_shas.get, sources))

    def recall(self, path: str, depends: tuple) -> tuple | None:
        entry = self.old_quotes.get(path)
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == depends:
            self.quotes[path] = entry
            return entry[1]
        return None

    def remember(self, path: str, depends: tuple, found: tuple) -> None:
        self.quotes[path], self.changed = (depends, found), True

    def save(self) -> None:
        """Write the cache, if anything changed, as a whole: to a temporary file renamed
        into place, so that a reader never sees half of it."""
        same = self.new.keys() == self.old.keys() and self.quotes.keys() == self.old_quotes.keys()
        if not self.on or (not self.changed and same):
            return
        _write(self.file, (code_digest(), self.new, self.quotes))


def _write(file: Path, value) -> None:
    """Pickle value to a temporary file renamed into place: a reader never sees half of it.
    Nothing is written in a read-only checkout."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.stem}-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, file)
    except OSError:
        Path(temp).unlink(missing_ok=True)


REPORT = "report.pickle"
DATA = "data.pickle"


def recall_data(root: Path) -> dict[str, tuple[str, dict]]:
    """Path → (SHA-256, parsed data) of the record files an earlier process modelled; empty
    when none were kept, the code changed, or the cache is off."""
    if not enabled():
        return {}
    try:
        digest, entries = _Unpickler(io.BytesIO((root / FOLDER / DATA).read_bytes())).load()
    except Exception:  # noqa: BLE001 (none kept, or not readable: parse afresh)
        return {}
    return entries if digest == code_digest() and isinstance(entries, dict) else {}


def keep_data(root: Path, entries: dict[str, tuple[str, dict]]) -> None:
    if enabled():
        _write(root / FOLDER / DATA, (code_digest(), entries))


def inputs_key(root: Path, today, pages: list[Path]) -> str | None:
    """A digest of everything a whole check reads: the code, the day, and the size, times and
    inode of every record file and hand-written page. None while any of them changed too
    recently for its times to be trusted (see above)."""
    limit = time.time_ns() - SETTLED_NS
    digest = hashlib.sha256(f"{code_digest()}\0{today}\0".encode())
    found = [(rel, file) for _, rel, file, _ in record_files(root)] + [(str(p), str(p)) for p in pages]
    for rel, file in found:
        stat = file_stat(file) if file else None
        if stat and max(stat[1], stat[2]) >= limit:
            return None
        digest.update(f"{rel}\0{stat}\0".encode())
    return digest.hexdigest()


def recall_report(root: Path, key: str):
    """What the last whole check with these inputs reported, or None."""
    try:
        stored_key, value = _Unpickler(io.BytesIO((root / FOLDER / REPORT).read_bytes())).load()
    except Exception:  # noqa: BLE001 (no report kept, or one that cannot be read: check afresh)
        return None
    return value if stored_key == key else None


def keep_report(root: Path, key: str, value) -> None:
    _write(root / FOLDER / REPORT, (key, value))
