"""The whole check: read every record, apply the schema, then the cross-record rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .checks import cross_record_checks
from .load import Record, load_tree
from .problems import Problem
from .schema import check_schema
from .translations import check_translated_pages


def check_records(records: list[Record], today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for record in records:
        if record.readable:
            problems += check_schema(record)
    for rule in cross_record_checks(today):
        problems += rule(records)
    return problems


def check_tree(root: Path, today: dt.date | None = None) -> tuple[list[Record], list[Problem]]:
    records, problems = load_tree(root)
    problems += check_translated_pages(root)
    return records, problems + check_records(records, today or dt.date.today())
