"""The whole check: read every record, apply the schema, then the cross-record rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .checks import RECORD_CHECKS, cross_record_checks
from .load import YES_NO, Record, load_tree
from .pages import check_pages, cited_on_pages
from .problems import Problem
from .schema import check_schema
from .translations import check_translated_pages


def check_records(records: list[Record], today: dt.date, cited_on_pages: frozenset = frozenset()) -> list[Problem]:
    problems: list[Problem] = []
    for record in records:
        if record.readable:
            problems += check_schema(record)
            for rule in RECORD_CHECKS:
                problems += rule([record])
    for rule in cross_record_checks(today, cited_on_pages):
        problems += rule(records)
    return problems


def check_tree(root: Path, today: dt.date | None = None) -> tuple[list[Record], list[Problem]]:
    records, read_problems = load_tree(root)
    later = check_translated_pages(root) + check_pages(root, records)
    later += check_records(records, today or dt.date.today(), cited_on_pages(root))
    # A value YAML read as yes/no is the problem to fix: one message for it, not a chain of
    # consequences (`verdict: False` is a yes/no value, so not a key, so an unknown verdict).
    yes_no = {(p.path, p.field) for p in read_problems if YES_NO in p.message}
    consequences = [p for p in later if (p.path, p.field) in yes_no and not p.message.startswith("unknown field")]
    return records, read_problems + [p for p in later if p not in consequences]
