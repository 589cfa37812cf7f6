"""Every record file read and checked on its own, or taken from the cache when its content
is what it was. The cross-record rules then run on the slim records (validate.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .cache import Checked, Store, enabled
from .checks import RECORD_CHECKS
from .load import Record, read_file, record_files
from .problems import Problem
from .quotes import evidence_texts, quotations
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
    """Work out, while the whole record is at hand, what later needs more than its slim copy."""
    coverage_counts(record)
    if record.readable:
        quotations(record)
        if record.kind == "source":
            evidence_texts(record)


def check_file(root: Path, kind: str, file: Path, raw: bytes, sha: str) -> tuple[Checked, Record | None]:
    record, read = read_file(root, kind, file, raw)
    own = record_problems(record) if record and record.readable else []
    if record:
        _derive(record)
    return Checked(sha, tuple(read), tuple(own), slim(record) if record else None), record


class LazyRecord(Record):
    """A record taken from the cache: its data and lines are read from the file only when
    something asks for them (the model does; the checker does not)."""

    def __init__(self, root: Path, file: Path, known: Record):
        self.kind, self.path, self.key = known.kind, known.path, known.key
        self.readable, self.derived = known.readable, known.derived
        self._where = (root, file)

    def __getattr__(self, name: str):
        if name not in ("data", "lines"):
            raise AttributeError(name)
        root, file = self._where
        record, _ = read_file(root, self.kind, file, file.read_bytes())
        self.data, self.lines = (record.data, record.lines) if record else ({}, {})
        return self.__dict__[name]


def check_files(root: Path, cache: bool | None = None):
    """(records, slim records, problems reading them, their own problems), in file order."""
    store = Store(root, enabled(cache))
    records, slims, read, own = [], [], [], []
    for kind, file, found in record_files(root):
        read += found
        if file is None:
            continue
        raw, rel = file.read_bytes(), file.relative_to(root).as_posix()
        sha = hashlib.sha256(raw).hexdigest()
        checked = store.get(rel, sha)
        if checked is None:
            checked, record = check_file(root, kind, file, raw, sha)
            store.put(rel, checked)
        elif checked.slim is not None and checked.slim.readable:
            record = LazyRecord(root, file, checked.slim)
        else:
            record = checked.slim
        read += checked.read
        own += checked.own
        if record is not None:
            records.append(record)
            slims.append(checked.slim)
    store.save()
    return records, slims, read, own
