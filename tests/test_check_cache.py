"""The checker's cache (factcheck.cache) changes nothing but the time: for good and broken
records, the messages and the exit code of `check` are exactly the same with a cold cache,
a warm one and none; an edited, added or deleted file is checked afresh; a cache that cannot
be read is ignored and rebuilt without a traceback, and one holding anything but the
checker's own results is refused without running it."""

from __future__ import annotations

import os
import pickle
import shutil
from functools import partial
from pathlib import Path

import pytest
from factcheck import cli, filecheck
from factcheck.access import RecordList
from factcheck.cache import FOLDER, NAME, Store
from factcheck.load import load_tree
from factcheck.pages import cited_on_pages
from factcheck.quotes import check_quotations
from factcheck.validate import check_tree, cross_problems

from conftest import HERE, ROOT, TODAY, make_tree

C = "claims/first-claim.yaml"
CORPUS = HERE / "fixtures" / "corpus"

CASES = {
    "good": {},
    "bad YAML": {C: ("slug: first-claim", "slug: [first-claim")},
    "missing field": {C: ('verdict: "false"\n', "")},
    "unknown reference": {C: ("  - source: news-article", "  - source: news-articel")},
    "raw HTML": {C: ("Everyone gets one score.", "Everyone gets <b>one</b> score.")},
    "yes/no value": {C: ('verdict: "false"', "verdict: no")},
    "deleted source": {"sources/news-article.yaml": None},
    "not UTF-8": {"sources/news-article.yaml": b"title: \xff\xfe\n"},
    "unused source": {"sources/extra.yaml": (HERE / "fixtures/good/sources/news-article.yaml").read_text()},
}


def run_check(root: Path, capsys, *flags: str) -> tuple[int, str, str]:
    code = cli.main(["--root", str(root), "check", "--today", TODAY.isoformat(), *flags])
    out = capsys.readouterr()
    return code, out.out, out.err


def cache_file(root: Path) -> Path:
    return root / FOLDER / NAME


def assert_slim_suffices(root: Path) -> None:
    """The cross-record rules find the same on the slim records as on the whole ones."""
    records, slims, _, _ = filecheck.check_files(root, Store(root, on=False))
    by_path = {r.path: r for r in records}
    quotes = partial(check_quotations, whole=lambda slim: by_path[slim.path])
    cited = cited_on_pages(root)
    assert [r.data for r in slims] != [r.data for r in records]
    # As check_tree calls them (with the records indexed by kind), and on plain whole records.
    assert cross_problems(RecordList(slims), TODAY, cited, quotes) == cross_problems(records, TODAY, cited)


@pytest.fixture
def counted(monkeypatch):
    """The files read and checked afresh, not taken from the cache."""
    calls = []
    original = filecheck.check_file
    monkeypatch.setattr(filecheck, "check_file", lambda *a: calls.append(a[0]) or original(*a))
    return calls


PASSING = {"good", "unused source"}  # the unused source is a warning


@pytest.mark.parametrize("case", CASES)
def test_cold_warm_and_no_cache_give_the_same_messages(tmp_path, capsys, counted, case):
    root = make_tree(tmp_path, CASES[case])
    assert not cache_file(root).exists()
    cold = run_check(root, capsys)
    assert cache_file(root).is_file() and counted
    counted.clear()
    warm = run_check(root, capsys)
    assert counted == []  # every file came from the cache
    none = run_check(root, capsys, "--no-cache")
    assert len(counted) > 0
    assert cold == warm == none
    assert cold[0] == (0 if case in PASSING else 1)


@pytest.mark.parametrize("case", sorted(p.name for p in CORPUS.glob("*.yaml")))
def test_every_broken_record_of_the_corpus_is_reported_alike_from_the_cache(tmp_path, case):
    folder, name = case.split("--")
    target = "sources/news-article.yaml" if folder == "sources" else "claims/broken.yaml"
    root = make_tree(tmp_path, {target: (CORPUS / case).read_bytes()})
    fresh = check_tree(root, TODAY, cache=False)[1]
    cold, warm = check_tree(root, TODAY)[1], check_tree(root, TODAY)[1]
    assert [p.text() for p in fresh] == [p.text() for p in cold] == [p.text() for p in warm]
    assert fresh, f"{name}: the broken record should have problems"
    assert_slim_suffices(root)


def test_a_file_edited_after_a_warm_run_is_checked_again(tmp_path, capsys, counted):
    root = make_tree(tmp_path)
    run_check(root, capsys)
    first = run_check(root, capsys)
    assert first[0] == 0
    # Same length, so that only the content tells the two versions apart.
    text = (root / C).read_text().replace("news-article", "news-articel")
    (root / C).write_text(text)
    counted.clear()
    edited = run_check(root, capsys)
    assert counted == [C]
    assert edited[0] == 1 and "unknown source `news-articel`" in edited[2]
    assert edited == run_check(root, capsys, "--no-cache")
    (root / C).write_text(text.replace("news-articel", "news-article"))
    assert run_check(root, capsys) == first


def test_an_edited_source_is_looked_up_again_for_the_unchanged_claims_that_quote_it(tmp_path, capsys, counted):
    root = make_tree(tmp_path)
    run_check(root, capsys)
    source = root / "sources/expert-paper.yaml"
    source.write_text(source.read_text().replace("It is a binary system.", "It is a plural system."))
    counted.clear()
    edited = run_check(root, capsys)
    assert counted == ["sources/expert-paper.yaml"]
    assert 'rebuttals[0].quote.text: the quote "It is a binary system." is not found' in edited[2]
    assert edited == run_check(root, capsys, "--no-cache")


def test_settled_files_are_not_read_again_but_any_write_is_seen(tmp_path, capsys, monkeypatch, counted):
    """A file's size and times stand for its content only while no write changed its change
    time, even one that keeps the size and puts the modification time back."""
    monkeypatch.setattr("factcheck.cache.SETTLED_NS", -(10**15))  # the files written just now count as settled
    root = make_tree(tmp_path)
    run_check(root, capsys)
    first = run_check(root, capsys)
    reads = []
    monkeypatch.setattr(filecheck, "read_bytes", lambda file: reads.append(file) or Path(file).read_bytes())
    assert run_check(root, capsys) == first and reads == []
    before = (root / C).stat()
    (root / C).write_text((root / C).read_text().replace("news-article", "news-articel"))
    os.utime(root / C, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (root / C).stat().st_size == before.st_size and (root / C).stat().st_mtime_ns == before.st_mtime_ns
    counted.clear()
    edited = run_check(root, capsys)
    assert counted == [C]  # (its sources are read too, to look its quotations up again)
    assert "unknown source `news-articel`" in edited[2]


def test_files_changed_just_before_a_run_are_read_again_next_time(tmp_path, capsys, monkeypatch):
    root = make_tree(tmp_path)
    run_check(root, capsys)
    reads = []
    monkeypatch.setattr(filecheck, "read_bytes", lambda file: reads.append(file) or Path(file).read_bytes())
    run_check(root, capsys)
    assert len(reads) == len(list(root.glob("*/*.yaml")) + list(root.glob("*.yaml")))


def test_a_deleted_or_added_file_is_seen(tmp_path, capsys):
    root = make_tree(tmp_path)
    run_check(root, capsys)
    (root / "sources/expert-paper.yaml").unlink()
    deleted = run_check(root, capsys)
    assert deleted[0] == 1 and "unknown source `expert-paper`" in deleted[2]
    assert deleted == run_check(root, capsys, "--no-cache")
    shutil.copy(HERE / "fixtures/good/sources/expert-paper.yaml", root / "sources/expert-paper.yaml")
    assert run_check(root, capsys)[0] == 0


class _Payload:
    """Unpickling it would create a file: the cache must refuse it."""

    def __init__(self, target: Path):
        self.target = target

    def __reduce__(self):
        return (Path.touch, (self.target,))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "foreign object", "wrong shape", "folder"])
def test_a_damaged_cache_is_ignored_and_rebuilt(tmp_path, capsys, counted, damage):
    root = make_tree(tmp_path, CASES["unknown reference"])
    expected = run_check(root, capsys, "--no-cache")
    run_check(root, capsys)
    file = cache_file(root)
    whole = file.read_bytes()
    touched = tmp_path / "payload-ran"
    damaged = {
        "garbage": b"not a cache at all",
        "truncated": whole[: len(whole) // 2],
        "empty": b"",
        "foreign object": pickle.dumps(_Payload(touched)),
        "wrong shape": pickle.dumps(("digest", ["not", "a", "mapping"])),
    }
    if damage == "folder":
        file.unlink()
        file.mkdir()  # neither readable nor replaceable: checked without a cache
    else:
        file.write_bytes(damaged[damage])
    counted.clear()
    assert run_check(root, capsys) == expected
    assert counted and not touched.exists()
    if damage != "folder":
        counted.clear()
        assert run_check(root, capsys) == expected
        assert counted == []  # rebuilt by the run before


def test_the_cache_is_off_with_the_environment_variable(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    root = make_tree(tmp_path)
    run_check(root, capsys)
    assert not (root / ".cache").exists()


def test_the_cache_belongs_to_the_code_that_wrote_it(tmp_path, capsys, counted, monkeypatch):
    root = make_tree(tmp_path)
    run_check(root, capsys)
    monkeypatch.setattr("factcheck.cache.code_digest", lambda: "another version of the checker")
    counted.clear()
    run_check(root, capsys)
    assert len(counted) == len(list(root.glob("*/*.yaml")) + list(root.glob("*.yaml")))


def test_records_from_the_cache_hold_the_whole_data(tmp_path):
    root = make_tree(tmp_path)
    check_tree(root, TODAY)
    cached = {r.path: (r.data, r.lines) for r in check_tree(root, TODAY)[0]}
    assert cached == {r.path: (r.data, r.lines) for r in load_tree(root)[0]}


@pytest.mark.parametrize("project", ["fixture", "real"])
def test_the_cross_record_rules_see_the_same_in_the_slim_records(tmp_path, project):
    """The slim copy (factcheck.slim) holds every field the cross-record rules read."""
    assert_slim_suffices(make_tree(tmp_path, CASES["unknown reference"]) if project == "fixture" else ROOT)


@pytest.fixture
def whole_checks(monkeypatch):
    """Counts the whole checks run (not answered from the last report); files count as settled."""
    from factcheck import validate

    monkeypatch.setattr("factcheck.cache.SETTLED_NS", -(10**15))
    calls = []
    original = validate.check_tree
    monkeypatch.setattr(validate, "check_tree", lambda *a, **k: calls.append(a) or original(*a, **k))
    return calls


CHANGES = {
    "a record edited": lambda root: (root / C).write_text(
        (root / C).read_text().replace("news-article", "news-articel")
    ),
    "a record added": lambda root: (root / "sources/extra.yaml").write_text(
        (root / "sources/news-article.yaml").read_text()
    ),
    "a record deleted": lambda root: (root / "sources/news-article.yaml").unlink(),
    "a page edited": lambda root: (root / "docs/index.md").write_text("# Home\n\nChanged.\n"),
    "a page added": lambda root: (root / "docs/new.md").write_text("# New\n"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_an_unchanged_project_is_answered_from_the_last_report_and_any_change_is_checked(
    tmp_path, capsys, whole_checks, change
):
    root = make_tree(tmp_path)
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs/index.md").write_text("# Home\n")
    first = run_check(root, capsys)
    assert run_check(root, capsys) == first and len(whole_checks) == 1  # the second run checked nothing
    CHANGES[change](root)
    changed = run_check(root, capsys)
    assert len(whole_checks) == 2
    assert changed == run_check(root, capsys, "--no-cache") and len(whole_checks) == 3
    assert run_check(root, capsys) == changed and len(whole_checks) == 3


def test_another_day_or_a_file_changed_just_before_the_run_is_checked_afresh(
    tmp_path, capsys, whole_checks, monkeypatch
):
    root = make_tree(tmp_path)
    first = run_check(root, capsys)
    cli.main(["--root", str(root), "check", "--today", "2021-01-01"])
    capsys.readouterr()
    assert len(whole_checks) == 2
    monkeypatch.setattr("factcheck.cache.SETTLED_NS", 10**15)  # every file counts as just changed
    assert run_check(root, capsys) == first and len(whole_checks) == 3
