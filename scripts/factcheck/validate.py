"""The whole check: read every record, apply the schema, then the cross-record rules."""

from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from .access import RecordList
from .cache import Store, enabled, inputs_key, keep_report, recall_report
from .checks import cross_record_checks
from .filecheck import check_files, record_problems
from .load import YES_NO, Record
from .pages import check_pages, cited_on_pages, edition_pages
from .problems import Problem
from .quotes import check_quotations
from .translations import check_translated_pages, coverage_line


def cross_problems(
    records: list[Record], today: dt.date, cited_on_pages: frozenset = frozenset(), quotes=check_quotations
) -> list[Problem]:
    problems: list[Problem] = []
    for rule in cross_record_checks(today, cited_on_pages, quotes):
        problems += rule(records)
    return problems


def check_records(records: list[Record], today: dt.date, cited_on_pages: frozenset = frozenset()) -> list[Problem]:
    problems = [p for record in records if record.readable for p in record_problems(record)]
    return problems + cross_problems(records, today, cited_on_pages)


def check_tree(
    root: Path, today: dt.date | None = None, cache: bool | None = None
) -> tuple[list[Record], list[Problem]]:
    """Every problem of the project's records. `cache`: keep and reuse what each file gave
    (factcheck.cache; default: on, unless FACTCHECK_NO_CACHE is set)."""
    with _without_cyclic_gc():
        return _check_tree(root, today, cache)


def check_report(root: Path, today: dt.date | None = None, cache: bool | None = None) -> tuple[list[Problem], str]:
    """What `check` reports: every problem, and the translation coverage. While nothing it
    reads has changed (cache.inputs_key), the last answer is the answer: a second run of an
    unchanged project of 10,000 claims read the whole cache and ran every cross-record rule
    again, about 4 s, to find the same."""
    today = today or dt.date.today()
    try:
        key = inputs_key(root, today, edition_pages(root / "docs")) if enabled(cache) else None
    except OSError:  # a file went away while it was listed
        key = None
    known = recall_report(root, key) if key else None
    if known is not None:
        return known
    records, problems = check_tree(root, today, cache)
    report = (problems, coverage_line(records))
    if key:
        keep_report(root, key, report)
    return report


@contextmanager
def _without_cyclic_gc():
    """Python's cyclic garbage collector would walk the millions of objects the check makes
    (records, or the cache that holds them) again and again while they are made: most of
    the time of reading the cache. They are freed by reference counting. Afterwards they go
    straight to the oldest generation (freeze, unfreeze), so that the first collection
    does not walk them all at once either; the few cycles left are collected in time."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()
        gc.unfreeze()


def _check_tree(root: Path, today: dt.date | None, cache: bool | None) -> tuple[list[Record], list[Problem]]:
    store = Store(root, enabled(cache))
    records, slims, read_problems, own = check_files(root, store)
    slims = RecordList(slims)
    by_path = {record.path: record for record in records}
    whole = lambda slim: by_path[slim.path]  # noqa: E731
    later = check_translated_pages(root) + check_pages(root, slims, whole, store) + own
    quotes = partial(check_quotations, whole=whole, memo=store)
    later += cross_problems(slims, today or dt.date.today(), cited_on_pages(root), quotes)
    store.save()
    # A value YAML read as yes/no is the problem to fix: one message for it, not a chain of
    # consequences (`verdict: False` is a yes/no value, so not a key, so an unknown verdict).
    yes_no = {(p.path, p.field) for p in read_problems if YES_NO in p.message}
    consequences = [p for p in later if (p.path, p.field) in yes_no and not p.message.startswith("unknown field")]
    return records, read_problems + [p for p in later if p not in consequences]
