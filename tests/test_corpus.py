"""A corpus of broken records, each put into an otherwise good set of records: the checker
names file, line and field, fails, never shows a traceback, and the build leaves the
previous site untouched. Files are named `<folder>--<case>.yaml`: the folder the record
goes in, as `claims/broken.yaml` or in place of `sources/news-article.yaml`."""

from __future__ import annotations

import shutil

import pytest
from factcheck import cli
from factcheck.load import parse

from conftest import HERE, TODAY, make_tree, messages

CORPUS = HERE / "fixtures" / "corpus"
B = "claims/broken.yaml"
S = "sources/news-article.yaml"

EXPECTED = {
    "01-id-as-text": [
        "claims/broken.yaml:1: id: expected a whole number, got text; write a whole number: the next free id (`make new-claim` picks it)",
    ],
    "02-id-below-one": [
        "claims/broken.yaml:1: id: must be at least 1; write a whole number: the next free id (`make new-claim` picks it)",
    ],
    "03-missing-verdict": [
        "claims/broken.yaml:1: verdict: required field is missing; add `verdict:` (One verdict key from verdicts.yaml, for example `false` or `misleading`)",
    ],
    "04-missing-appearances": [
        "claims/broken.yaml:1: appearances: required field is missing; add `appearances:` (Where the claim appeared in the media)",
    ],
    "05-empty-appearances": [
        "claims/broken.yaml:8: appearances: needs at least 1 entry; add one",
    ],
    "06-appearances-not-a-list": [
        "claims/broken.yaml:8: appearances: expected a list, got text; write a list here",
    ],
    "07-field-name-typo": [
        "claims/broken.yaml:1: verdict: required field is missing; add `verdict:` (One verdict key from verdicts.yaml, for example `false` or `misleading`)",
        "claims/broken.yaml:5: verdikt: unknown field `verdikt`; did you mean `verdict`?",
    ],
    "08-unknown-verdict": [
        "claims/broken.yaml:5: verdict: unknown verdict `wrong`; add it to verdicts.yaml first, or fix the spelling",
    ],
    "09-yes-no-verdict": [
        "claims/broken.yaml:5: verdict: `no` is read by YAML as a yes/no value, not as text; write the verdict key in "
        'quotes and lower case, for example `verdict: "false"`',
    ],
    "10-yes-no-in-text": [
        'claims/broken.yaml:4: claim.en: `yes` is read by YAML as a yes/no value, not as text; put it in quotes: "yes"',
    ],
    "11-unknown-source": [
        "claims/broken.yaml:9: appearances[0].source: unknown source `nowhere`; add it to sources/ first, or fix the spelling",
    ],
    "12-unknown-expert": [
        "claims/broken.yaml:14: rebuttals[0].by: unknown expert `nobody`; add it to experts/ first, or fix the spelling",
    ],
    "13-unknown-category": [
        "claims/broken.yaml:20: categories[0]: unknown category `no-such-category`; add it to categories/ first, or fix the spelling",
    ],
    "14-date-in-wrong-form": [
        "claims/broken.yaml:21: published: `02-01-2020` is not valid here; write the full date as YYYY-MM-DD, for example 2026-11-29",
    ],
    "15-impossible-date": [
        "claims/broken.yaml:21: published: `2020-02-31` is not a real date; check the day and month",
    ],
    "16-dates-in-the-future": [
        "claims/broken.yaml:21: published: date 2099-01-01 is in the future (today is 2020-12-30); use the date the work was actually done",
        "claims/broken.yaml:22: reviewed: date 2099-01-02 is in the future (today is 2020-12-30); use the date the work was actually done",
    ],
    "17-reviewed-before-published": [
        "claims/broken.yaml:22: reviewed: reviewed 2019-12-31 is before published 2020-01-02; a claim is reviewed on or after the day it is published",
    ],
    "18-yaml-syntax-error": [
        "claims/broken.yaml:5: (file): not valid YAML: did not find expected key; fix the YAML syntax on this line (indent with spaces, quote text that contains ': ' or starts with a special character)",
    ],
    "19-tab-indentation": [
        "claims/broken.yaml:4: (file): tab character in the file; indent and separate with spaces, not tabs",
    ],
    "20-duplicate-key": [
        "claims/broken.yaml:3: slug: `slug` appears twice in one mapping (first on line 2); keep one of them; YAML would silently use only the last",
    ],
    "21-anchor-and-alias": [
        "claims/broken.yaml:20: (file): YAML anchor or alias `&c` is not allowed; write the value out in full where it is needed",
        "claims/broken.yaml:21: (file): YAML anchor or alias `*c` is not allowed; write the value out in full where it is needed",
    ],
    "22-script-tag": [
        "claims/broken.yaml:4: claim.en: raw HTML is not allowed; remove the tag; use Markdown for links and emphasis, or write 'less than' instead of <",
    ],
    "23-event-handler-attribute": [
        "claims/broken.yaml:7: short_answer.en: raw HTML is not allowed; remove the tag; use Markdown for links and emphasis, or write 'less than' instead of <",
    ],
    "24-javascript-link": [
        "claims/broken.yaml:19: explanation.en: link target `javascript:alert(1` is not a web address; write the full address starting with https://",
        "claims/broken.yaml:19: explanation.en: script addresses (javascript:, vbscript:, data:text/html) are not allowed; link only to https:// addresses",
    ],
    "25-html-entities": [
        "claims/broken.yaml:19: explanation.en: HTML entity `&#60;` is not allowed; type the character itself",
    ],
    "26-markdown-image": [
        "claims/broken.yaml:19: explanation.en: images are not allowed in the text; link to the image instead; the site loads nothing from other hosts",
    ],
    "27-direction-override": [
        "claims/broken.yaml:4: claim.en: invisible control character U+202E is not allowed; delete it and retype the text around it",
    ],
    "28-not-utf8": [
        "claims/broken.yaml:4: (file): file is not UTF-8 (byte 0xe9); save the file as UTF-8 in your editor",
    ],
    "29-empty-file": [
        "claims/broken.yaml:1: (file): file is empty; fill in the record, or delete the file",
    ],
    "30-list-not-mapping": [
        "claims/broken.yaml:1: (file): the file must hold a mapping of `field: value` lines; start each line with a field name, e.g. `id: 1`",
    ],
    "31-deep-nesting": [
        "claims/broken.yaml:15: (file): nesting is deeper than 12 levels; records are at most a few levels deep; check the indentation",
    ],
    "32-two-documents": [
        "claims/broken.yaml:23: (file): not valid YAML: expected a single document in the stream, but found another document; fix the YAML syntax on this line (indent with spaces, quote text that contains ': ' or starts with a special character)",
    ],
    "33-python-object-tag": [
        "claims/broken.yaml:4: claim.en: the tag `tag:yaml.org,2002:python/object/apply:os.system` is not allowed; remove the tag and write plain text",
    ],
    "34-unknown-language": [
        "claims/broken.yaml:11: appearances[0].language: `klingon` is not one of: en, nl, zh, de, fr; use one of these",
    ],
    "35-missing-translation": [
        "claims/broken.yaml:9: appearances[0].translation: required field is missing; add `translation:` (The statement translated)",
    ],
    "36-slug-not-file-name": [
        "claims/broken.yaml:2: slug: slug `other-name` does not match the file name `broken.yaml`; rename the file to other-name.yaml, or set `slug: broken`",
    ],
    "37-address-without-scheme": [
        "sources/news-article.yaml:5: url: `www.example.org/article` is not valid here; write the full address starting with https://, or `unknown`",
    ],
    "38-authors-as-number": [
        "sources/news-article.yaml:2: authors: `5` is not valid here; write a list such as [Jeremy Daum], or `unknown`",
    ],
    "39-unknown-kind": [
        "sources/news-article.yaml:7: kind: `rumour` is not one of: government, academic, think-tank, expert-blog, ngo, business-report, news, video, talk, blog, social-media; use one of these",
    ],
    "40-archive-link-to-script": [
        "sources/news-article.yaml:8: archive_url: `javascript:alert(1)` is not valid here; write the full address starting with https://",
        "sources/news-article.yaml:8: archive_url: script addresses (javascript:, vbscript:, data:text/html) are not allowed; link only to https:// addresses",
    ],
}


def _record_address(root, path):
    """The broken claim's address recorded, as `make addresses` would have done, where it has one."""
    record, _ = parse("claims/broken.yaml", path.read_bytes(), "claim", "broken")
    data = record.data if record else None
    if (
        isinstance(data, dict)
        and isinstance(data.get("id"), int)
        and data["id"] >= 1
        and isinstance(data.get("slug"), str)
    ):
        with (root / "published.yaml").open("a", encoding="utf-8") as published:
            published.write(f"{data['id']}: [{data['slug']}]\n")


def _place(tmp_path, name):
    root = make_tree(tmp_path)
    folder, _, _ = name.partition("--")
    if folder == "claims":
        _record_address(root, CORPUS / name)
    target = root / (B if folder == "claims" else S)
    shutil.copy(CORPUS / name, target)
    return root


CASES = sorted(p.name for p in CORPUS.glob("*.yaml"))


def test_corpus_has_at_least_thirty_broken_records():
    assert len(CASES) + 1 >= 30  # the 5 MB file is made by test_huge_file


@pytest.mark.parametrize("name", CASES)
def test_broken_record_is_reported_exactly(tmp_path, name):
    found = messages(_place(tmp_path, name))
    case = name.split("--")[1].removesuffix(".yaml")
    print("\n".join(found))
    assert found == EXPECTED[case]


@pytest.mark.parametrize("name", CASES)
def test_build_refuses_and_keeps_the_previous_site(tmp_path, name, capsys):
    root = _place(tmp_path, name)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("previous build", encoding="utf-8")
    assert cli.main(["--root", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert "nothing was built" in err and "Traceback" not in err
    first = EXPECTED[name.split("--")[1].removesuffix(".yaml")][0]
    assert first.split("today is ")[0] in err
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "previous build"
    assert not (root / "docs").exists()


def test_huge_file_is_refused_without_reading_it_as_yaml(tmp_path):
    root = make_tree(tmp_path)
    (root / B).write_text("id: 9\nnote: " + "x" * 5_000_000 + "\n", encoding="utf-8")
    assert messages(root) == [
        f"{B}:1: (file): file is 5,000,013 bytes, over the limit of 1,000,000; "
        "a record is a few kilobytes; remove the stray content"
    ]


def test_checker_on_the_corpus_never_shows_a_traceback(tmp_path):
    import os
    import subprocess
    import sys

    root = make_tree(tmp_path)
    for n, name in enumerate(CASES):  # every broken record at once, under distinct names
        folder = "claims" if name.startswith("claims--") else "sources"
        shutil.copy(CORPUS / name, root / folder / f"broken-{n}.yaml")
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "scripts")}
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "--root", str(root), "check", "--today", TODAY.isoformat()],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert len(result.stderr.splitlines()) > len(CASES)
