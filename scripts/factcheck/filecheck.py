"""Every record file read and checked on its own, or taken from the cache when its content
is what it was. The cross-record rules then run on the slim records (validate.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .cache import Checked, Store, file_stat, keep_data, recall_data
from .checks import RECORD_CHECKS, record_dates, references
from .load import Record, read_bytes, read_file, record_files
from .problems import Problem
from .quotes import cited_sources
from .schema import check_schema
from .slim import slim
from .translations import coverage_counts


def record_problems(record: Record) -> list[Problem]:
    """The problems of one readable record on its own: its schema and the one-record rules."""
    problems = check_schema(record)
    for rule in RECORD_CHECKS:
        problems += rule([record])
    return problems


def _derive(record: Record) -> None:
    """Work out, while the whole record is at hand, what is kept with its slim copy."""
    coverage_counts(record)
    references(record)
    record_dates(record)
    if record.kind == "claim" and record.readable:
        cited_sources(record)


def check_file(rel: str, kind: str, raw: bytes, sha: str) -> tuple[Checked, Record | None]:
    record, read = read_file(rel, kind, raw)
    own = record_problems(record) if record and record.readable else []
    if record:
        _derive(record)
    return Checked(sha, tuple(read), tuple(own), slim(record) if record else None), record


# Path → (SHA-256, data, lines) of the record files read in this process. `mkdocs serve`
# models the records again after every save; reading the thousands of unchanged files again
# took most of a rebuild. Nothing changes a record's data once read. Lines are None for data
# taken from the disk (below): they are read from the file if something asks for them.
_READ: dict[str, tuple[str, dict, dict | None]] = {}
# Project root → what an earlier process kept on disk of the records it modelled (cache.py):
# on a build whose check came from the cache, parsing every file again was most of the
# model's time. Read once per process, and written at most once (keep_parsed).
_ON_DISK: dict[str, dict[str, tuple[str, dict]]] = {}
_KEPT: set[str] = set()


def _remember(record: Record, sha: str) -> None:
    _READ[record.path] = (sha, record.data, record.lines)


def _from_disk(root: str, path: str, sha: str) -> bool:
    if root not in _ON_DISK:
        _ON_DISK[root] = recall_data(Path(root))
    kept = _ON_DISK[root].get(path)
    if kept is None or kept[0] != sha:
        return False
    _READ[path] = (sha, kept[1], None)
    return True


class LazyRecord(Record):
    """A record taken from the cache: its data and lines are read only when something asks
    for them (the model asks for the data, the checker for neither), the data from what an
    earlier process kept if the file's bytes are the same, and only once in a process."""

    def __init__(self, file: str, known: Record, sha: str):
        self.kind, self.path, self.key = known.kind, known.path, known.key
        # Its own derived values: those worked out from the whole data are not kept in the cache.
        self.readable, self.derived = known.readable, dict(known.derived)
        self._file, self._sha = file, sha

    def __getattr__(self, name: str):
        if name not in ("data", "lines"):
            raise AttributeError(name)
        sha, _, lines = _READ.get(self.path, ("", None, None))
        if sha != self._sha or (name == "lines" and lines is None):
            root = self._file[: -len(self.path)].rstrip("/")
            if name == "lines" or not _from_disk(root, self.path, self._sha):
                record, _ = read_file(self.path, self.kind, read_bytes(self._file))
                _remember(record or Record(self.kind, self.path, self.key, {}, {}), self._sha)
        _, self.data, lines = _READ[self.path]
        if lines is not None:
            self.lines = lines
        return self.__dict__[name]


def keep_parsed(root: Path, records: list[Record]) -> None:
    """Keep on disk the data of the records just modelled, for the next process, unless the
    disk holds just that already. Once per process: `mkdocs serve` keeps them in memory."""
    if str(root) in _KEPT:
        return
    _KEPT.add(str(root))
    entries = {
        r.path: _READ[r.path][:2] for r in records if r.path in _READ and _READ[r.path][1] is vars(r).get("data")
    }
    on_disk = _ON_DISK.get(str(root))
    if on_disk is None or {p: e[0] for p, e in on_disk.items()} != {p: e[0] for p, e in entries.items()}:
        keep_data(root, entries)


def check_files(root: Path, store: Store):
    """(records, slim records, problems reading them, their own problems), in file order."""
    records, slims, read, own = [], [], [], []
    for kind, rel, file, found in record_files(root):
        read += found
        if file is None:
            continue
        stat = file_stat(file)
        checked = store.unchanged(rel, stat) if store.on else None
        if checked is None:
            raw = read_bytes(file)
            sha = hashlib.sha256(raw).hexdigest()
            checked = store.get(rel, sha, stat)
        if checked is None:
            checked, record = check_file(rel, kind, raw, sha)
            store.put(rel, checked, stat)
            if record is not None and record.readable:
                _remember(record, sha)
        elif checked.slim is not None and checked.slim.readable:
            record = LazyRecord(file, checked.slim, checked.sha)
        else:
            record = checked.slim
        read += checked.read
        own += checked.own
        if record is not None:
            records.append(record)
            slims.append(checked.slim)
    return records, slims, read, own
