"""Every record file read and checked on its own, or taken from the cache when its content
is what it was. The cross-record rules then run on the slim records (validate.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .cache import Checked, Store, file_stat
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
# took most of a rebuild. Nothing changes a record's data once read.
_READ: dict[str, tuple[str, dict, dict]] = {}


def _remember(record: Record, sha: str) -> None:
    _READ[record.path] = (sha, record.data, record.lines)


class LazyRecord(Record):
    """A record taken from the cache: its data and lines are read from the file only when
    something asks for them (the model does; the checker does not), and only once in a
    process while the file holds the same bytes."""

    def __init__(self, file: str, known: Record, sha: str):
        self.kind, self.path, self.key = known.kind, known.path, known.key
        # Its own derived values: those worked out from the whole data are not kept in the cache.
        self.readable, self.derived = known.readable, dict(known.derived)
        self._file, self._sha = file, sha

    def __getattr__(self, name: str):
        if name not in ("data", "lines"):
            raise AttributeError(name)
        if _READ.get(self.path, ("",))[0] != self._sha:
            record, _ = read_file(self.path, self.kind, read_bytes(self._file))
            _remember(record or Record(self.kind, self.path, self.key, {}, {}), self._sha)
        _, self.data, self.lines = _READ[self.path]
        return self.__dict__[name]


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
