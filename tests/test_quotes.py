"""Accuracy rule on the real records: every verbatim quotation is found in an excerpt of its
own source, from the repository alone. Where the seed material (../shared) is beside the
checkout, excerpts read in the seed are also compared with the seed itself."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from factcheck.load import load_tree
from factcheck.quotes import check_quotations, normalise, parts, quoted_passages
from factcheck.validate import check_tree

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
RECORDS = load_tree(ROOT)[0]


def _verbatim(records):
    for record in records:
        if record.kind != "claim":
            continue
        for a in record.data["appearances"]:
            if a["kind"] == "verbatim":
                yield record, a["statement"]
        for r in record.data["rebuttals"]:
            if "quote" in r:
                yield record, r["quote"]["text"]


def test_every_quotation_is_in_an_excerpt_of_its_source():
    assert [p.text() for p in check_quotations(RECORDS)] == []


def test_the_check_has_quotations_to_check():
    assert len(list(_verbatim(RECORDS))) >= 30


def test_a_real_quotation_changed_by_one_word_fails_the_check(tmp_path):
    # A quotation written on one line of its file, so that one word of it can be changed.
    record, quote = next(
        (r, q)
        for r, q in _verbatim(RECORDS)
        if len(q.split()) >= 4 and q in (ROOT / r.path).read_text(encoding="utf-8")
    )
    copy = tmp_path / "site"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "docs"))
    path = copy / record.path
    words = quote.split()
    changed = " ".join(words[:-1] + [words[-1] + "x"])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(quote, changed, 1), encoding="utf-8")
    _, problems = check_tree(copy)
    assert any(p.path == record.path and "is not found in an excerpt" in p.message for p in problems)


def test_normalising_touches_only_spacing_quote_marks_and_dashes():
    assert normalise("“a”  ‘b’\n–c—") == "\"a\" 'b' -c-"
    assert parts("one … two [...] three...four") == ["one", "two", "three", "four"]
    assert quoted_passages("He said „niet” and “yes”, then 'no'.") == ["niet", "yes"]
    assert normalise("Case") != normalise("case")


def _seed_excerpts():
    for record in RECORDS:
        for i, excerpt in enumerate(record.data.get("excerpts", []) if record.kind == "source" else []):
            if excerpt["read_at"].startswith("seeds/"):
                yield f"{record.key}:excerpts[{i}]", excerpt


SEED_EXCERPTS = list(_seed_excerpts())


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed material (../shared) is not beside this checkout")
@pytest.mark.parametrize("where,excerpt", SEED_EXCERPTS, ids=[w for w, _ in SEED_EXCERPTS])
def test_excerpt_read_in_the_seed_is_in_the_seed(where, excerpt):
    seed = SEEDS / excerpt["read_at"].removeprefix("seeds/")
    assert seed.is_file(), f"{where}: no seed file {seed.name}"
    text = normalise(seed.read_text(encoding="utf-8"))
    for part in re.split(r"\s*(?:\.\.\.|…)\s*", normalise(excerpt["text"])):
        assert part in text, f"{where}: not in {seed.name}: {part!r}"
