"""One deliberately broken claim with many problems: the checker reports all of them in
one run, in order, with the exact messages below, and the build writes nothing."""

import shutil
from pathlib import Path

from factcheck.problems import report
from factcheck.site import generate
from factcheck.validate import check_tree

from conftest import HERE, TODAY, make_tree

BROKEN = HERE / "fixtures" / "broken" / "many-problems.yaml"
F = "claims/broken-claim.yaml"

EXPECTED = f"""\
{F}:3: slug: slug `not-the-file-name` does not match the file name `broken-claim.yaml`; rename the file to not-the-file-name.yaml, or set `slug: broken-claim`
{F}:5: claim.en: raw HTML is not allowed; remove the tag; use Markdown for links and emphasis, or write 'less than' instead of <
{F}:6: claim.fr: the site has no `fr` edition; write the text under one of `en`, `nl`, or add the edition to editions.yaml
{F}:7: verdikt: unknown field `verdikt`; did you mean `verdict`?
{F}:8: verdict: `yes` is read by YAML as a yes/no value, not as text; write the verdict key in quotes and lower case, for example `verdict: "false"`
{F}:10: short_answer.en: is empty; write the text, or remove the field if it is optional
{F}:12: appearances[0].source: unknown source `no-such-source`; add it to sources/ first, or fix the spelling
{F}:14: appearances[0].language: `xx` is not one of: en, nl, zh, de, fr; use one of these
{F}:15: appearances[0].kind: `quote` is not one of: verbatim, paraphrase; use one of these
{F}:16: rebuttals: needs at least 1 entry; add one
{F}:18: explanation.en: link target `ftp://example.org` is not a web address; write the full address starting with https://
{F}:19: categories: lists the same entry twice; remove the duplicate
{F}:22: published: `published` appears twice in one mapping (first on line 20); keep one of them; YAML would silently use only the last
{F}:20: published: date 2030-01-01 is in the future (today is 2020-12-30); use the date the work was actually done
{F}:21: reviewed: date 2029-12-31 is in the future (today is 2020-12-30); use the date the work was actually done
{F}:21: reviewed: reviewed 2029-12-31 is before published 2030-01-01; a claim is reviewed on or after the day it is published
{F}:2: id: id `1` is already used by claims/first-claim.yaml; use the next free id, 5
"""


def _tree(tmp_path: Path) -> Path:
    root = make_tree(tmp_path)
    shutil.copy(BROKEN, root / F)
    return root


def test_every_problem_is_reported_in_one_run(tmp_path):
    _, problems = check_tree(_tree(tmp_path), TODAY)
    lines = report(problems).splitlines()
    assert sorted(lines[:-1]) == sorted(EXPECTED.splitlines())
    assert lines[-1] == "17 errors, 0 warnings"


def test_nothing_is_written_when_records_are_invalid(tmp_path):
    root = _tree(tmp_path)
    docs = root / "docs"
    result = generate(root, docs, TODAY)
    assert result.site is None and result.written == []
    assert not docs.exists()
