"""The fast validator (fastjsonschema), which only says yes or no, and the full one
(jsonschema), which explains, agree on every record of every fixture, good and broken,
and on the real records."""

from __future__ import annotations

import pytest
from factcheck.load import load_tree, parse
from factcheck.schema import fast_validator, validator
from fastjsonschema import JsonSchemaException

from conftest import GOOD, HERE, ROOT


def _records():
    for root in (GOOD, ROOT):
        yield from (r for r in load_tree(root)[0] if r.readable)
    broken = [
        HERE / "fixtures" / "broken" / "many-problems.yaml",
        *sorted((HERE / "fixtures" / "corpus").glob("*.yaml")),
    ]
    for path in broken:
        folder = path.name.partition("--")[0] if "--" in path.name else "claims"
        kind = {"claims": "claim", "sources": "source"}[folder]
        record, _ = parse(f"{folder}/{path.stem}.yaml", path.read_bytes(), kind, path.stem)
        if record is not None:
            yield record


RECORDS = list(_records())


@pytest.mark.parametrize("record", RECORDS, ids=[r.path for r in RECORDS])
def test_fast_and_full_validators_agree(record):
    try:
        fast_validator(record.kind)(record.data)
        fast = True
    except JsonSchemaException:
        fast = False
    assert fast == validator(record.kind).is_valid(record.data)


def test_the_fixtures_hold_both_valid_and_invalid_records():
    valid = [validator(r.kind).is_valid(r.data) for r in RECORDS]
    assert valid.count(True) > 100 and valid.count(False) >= 10
