"""Small helpers for reading raw records safely: the checks run on data that may be
malformed, so every access tolerates a wrong type."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from .load import Record, field_name
from .problems import ERROR, Problem

Records = list[Record]


def problem(record: Record, where: tuple, message: str, hint: str, severity: str = ERROR) -> Problem:
    return Problem(record.path, record.line(where), field_name(where), message, hint, severity)


def of_kind(records: Records, *kinds: str) -> Iterator[Record]:
    """The readable records of these kinds."""
    return (r for r in records if r.kind in kinds and r.readable)


def as_list(value) -> list:
    return value if isinstance(value, list) else []


def get(value, key):
    return value.get(key) if isinstance(value, dict) else None


def parse_date(value) -> dt.date | None:
    """The earliest day a date of any precision can mean; None for 'unknown' or a bad form."""
    if not isinstance(value, str) or value == "unknown":
        return None
    parts = value.split("-") + ["01", "01"]
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None
