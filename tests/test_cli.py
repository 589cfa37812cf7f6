"""The editors' commands, run as an editor runs them: messages, exit codes, no traceback,
and an existing site left untouched when the records are broken."""

import os
import subprocess
import sys

from conftest import ROOT, TODAY, make_tree

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}


def run(*args):
    if "check" in args:
        args = (*args, "--today", TODAY.isoformat())
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, env=ENV)


def test_check_passes_on_good_records(tmp_path):
    result = run("--root", str(make_tree(tmp_path)), "check")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "0 errors, 0 warnings"
    assert result.stdout.splitlines()[-2].startswith("translations: nl: 14 of 35 texts translated")
    assert result.stderr == ""


def test_the_summary_comes_last_when_the_check_fails_too(tmp_path):
    result = run("--root", str(make_tree(tmp_path, {"claims/first-claim.yaml": ("id: 1", "id: x")})), "check")
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("claims/first-claim.yaml:1: id: expected a whole number")
    assert lines[-2].startswith("translations: ") and lines[-1].startswith("1 error, ")


def test_check_reports_all_problems_and_fails(tmp_path):
    root = make_tree(
        tmp_path,
        {"claims/first-claim.yaml": ('verdict: "false"', "verdikt: no"), "sources/news-article.yaml": b"\xff\xfe"},
    )
    result = run("--root", str(root), "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "claims/first-claim.yaml:5: verdikt: unknown field `verdikt`; did you mean `verdict`?" in result.stderr
    assert "sources/news-article.yaml:1: (file): file is not UTF-8 (byte 0xff)" in result.stderr
    assert result.stderr.strip().endswith("errors, 0 warnings")


def test_github_format_annotates_lines(tmp_path):
    root = make_tree(tmp_path, {"claims/first-claim.yaml": ("id: 1", "id: x")})
    result = run("--root", str(root), "check", "--format", "github")
    assert result.returncode == 1
    assert "::error file=claims/first-claim.yaml,line=1::id: expected a whole number, got text" in result.stderr


def test_strict_fails_on_warnings(tmp_path):
    root = make_tree(
        tmp_path,
        {
            "sources/unused.yaml": "title: U\nauthors: unknown\npublisher: P\ndate: unknown\n"
            "url: unknown\nlanguage: en\nkind: news\n"
        },
    )
    assert run("--root", str(root), "check").returncode == 0
    assert run("--root", str(root), "check", "--strict").returncode == 1


def test_build_with_broken_records_leaves_the_site_untouched(tmp_path):
    root = make_tree(tmp_path, {"claims/first-claim.yaml": ("id: 1", "id: [1")})
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("previous build")
    result = run("--root", str(root), "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "nothing was built" in result.stderr
    assert (root / "site" / "index.html").read_text() == "previous build"
    assert not (root / "docs").exists()
