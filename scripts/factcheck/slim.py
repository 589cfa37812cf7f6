"""The part of a record that the cross-record rules read: references and dates (the fields
the schemas mark `x-ref` and `x-date`) and the few fields named below, with their lines.
The checker's cache keeps this small copy, so that comparing records stays fast however
large their texts. Texts and quotations reach those rules through values derived from the
whole record (Record.derive), not through the copy.

A rule that compares records by another field needs it added here;
tests/test_check_cache.py fails until it is."""

from __future__ import annotations

from functools import lru_cache

from .load import SINGLE_FILES, Record
from .schema import annotated

# Read by the cross-record rules besides references and dates (checks.py, permanence.py, pages.py).
FIELDS = {
    "claim": (("id",), ("slug",), ("former_slugs",), ("former_ids",), ("changes", "*", "verdict_from")),
    "source": (("appearance_only",), ("url",), ("archive_url",)),
    "event": (("kind",),),
}


@lru_cache(maxsize=None)
def patterns(kind: str) -> tuple:
    """The path patterns kept of a record of this kind; `()` keeps it whole (the single files
    are small, and rules read all of them)."""
    if kind in SINGLE_FILES:
        return ((),)
    marked = [where for where, _ in annotated(kind, "x-ref") + annotated(kind, "x-date")]
    return tuple(marked) + FIELDS.get(kind, ())


def prune(value, wanted: list | tuple):
    """The value with only what the patterns reach. Lists keep every item, so that indices,
    lengths and types are those of the whole record."""
    if any(not p for p in wanted):
        return value
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            rest = [p[1:] for p in wanted if p[0] == key]
            if rest:
                out[key] = prune(item, rest)
        return out
    if isinstance(value, list):
        rest = [p[1:] for p in wanted if p[0] == "*"]
        return [prune(item, rest) for item in value]
    return value


def _paths(value, where: tuple = ()):
    yield where
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from _paths(item, where + (key,))


def slim(record: Record) -> Record:
    """The record as the cross-record rules see it, with the values derived so far (a copy:
    those worked out later from the whole record are not kept in the cache)."""
    data = prune(record.data, patterns(record.kind))
    lines = {where: record.lines[where] for where in _paths(data) if where in record.lines}
    return Record(record.kind, record.path, record.key, data, lines, record.readable, dict(record.derived))
