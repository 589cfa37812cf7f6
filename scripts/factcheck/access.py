"""Small helpers for reading raw records safely: the checks run on data that may be
malformed, so every access tolerates a wrong type."""

from __future__ import annotations

import datetime as dt
from functools import cached_property, lru_cache
from typing import Iterator

from .load import Record, field_name
from .problems import ERROR, Problem

Records = list[Record]


def problem(record: Record, where: tuple, message: str, hint: str, severity: str = ERROR) -> Problem:
    return Problem(record.path, record.line(where), field_name(where), message, hint, severity)


class RecordList(list):
    """Records that remember which of them are readable records of each kind: the rules ask
    for one kind at a time (of_kind), and tens of thousands of records are then not scanned
    again by each of them. Not to be changed once made."""

    @cached_property
    def by_kind(self) -> dict[str, list[Record]]:
        index: dict[str, list[Record]] = {}
        for record in self:
            if record.readable:
                index.setdefault(record.kind, []).append(record)
        return index


def of_kind(records: Records, *kinds: str) -> Iterator[Record]:
    """The readable records of these kinds, in their order."""
    if len(kinds) == 1 and isinstance(records, RecordList):
        return iter(records.by_kind.get(kinds[0], ()))
    return (r for r in records if r.kind in kinds and r.readable)


def as_list(value) -> list:
    return value if isinstance(value, list) else []


def get(value, key):
    return value.get(key) if isinstance(value, dict) else None


def parse_date(value) -> dt.date | None:
    """The earliest day a date of any precision can mean; None for 'unknown' or a bad form."""
    if not isinstance(value, str) or value == "unknown":
        return None
    return _parse_date(value)


@lru_cache(maxsize=65536)  # the same few thousand dates, read tens of thousands of times
def _parse_date(value: str) -> dt.date | None:
    parts = value.split("-") + ["01", "01"]
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None
