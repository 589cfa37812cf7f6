"""The editor's trial, replayed on a fresh copy of the project with CONTRIBUTING's steps:
a new claim with a new source and a new expert and no Dutch; a new appearance quoted
verbatim, with its excerpt; a rename. Then `make check`, `make addresses` and the build
pass, and the pages the trial touched pass what broke its pull request: one page per claim
with redirects as redirects, the Nu checker on the Dutch fallback page, and axe-core."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
import yaml
from factcheck import cli

from conftest import _Quiet
from sitebuild import ROOT, copy_project

SLUG = "police-read-your-score-from-a-qr-badge"
RENAMED_FROM, RENAMED_TO = "low-score-bars-you-from-taxis", "taxis-refused-for-a-low-score"
QUOTED = "Every citizen wears a badge with a QR code that shows their social credit score."
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.browser


def _fill(path: Path, replacements: list[tuple[str, str]]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, (path.name, old)
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def _new_records(project: Path) -> None:
    root = ["--root", str(project)]
    assert cli.main([*root, "new", "source", "trial-blog-2026-qr-badges"]) == 0
    assert cli.main([*root, "new", "expert", "trial-researcher"]) == 0
    assert cli.main([*root, "new", "claim", "Police read your score from a QR badge"]) == 0
    source = project / "sources" / "trial-blog-2026-qr-badges.yaml"
    _fill(
        source,
        [
            ("title: TODO", "title: QR badges for every citizen"),
            ("authors: TODO", "authors: unknown"),
            ("publisher: TODO", "publisher: Trial Blog"),
            ("date: TODO", 'date: "2026-10"'),
            ("url: TODO", "url: https://example.org/qr-badges"),
            ("language: TODO", "language: en"),
            ("kind: TODO", "kind: blog"),
            (
                "# excerpts:",
                f'excerpts:\n  - text: "{QUOTED} Police can scan it."\n    read_at: '
                '"https://example.org/qr-badges"\n    read_on: "2026-11-30"',
            ),
        ],
    )
    expert = project / "experts" / "trial-researcher.yaml"
    text = expert.read_text(encoding="utf-8")
    text = re.sub(r"^name: TODO", "name: Trial Researcher", text, flags=re.M)
    text = re.sub(r"^kind: TODO", "kind: person", text, flags=re.M)
    text = re.sub(r"^affiliation: TODO", "affiliation: A University", text, flags=re.M)
    text = re.sub(r"^url: TODO", "url: unknown", text, flags=re.M)
    text = re.sub(r"^  en: TODO", "  en: Chinese law", text, flags=re.M)
    expert.write_text(text, encoding="utf-8")
    claim = project / "claims" / f"{SLUG}.yaml"
    text = claim.read_text(encoding="utf-8")
    text = re.sub(r"^verdict: TODO", 'verdict: "false"', text, flags=re.M)
    text = text.replace("source: TODO", "source: trial-blog-2026-qr-badges", 1)
    text = text.replace("statement: TODO", f"statement: {QUOTED}", 1)
    text = text.replace("language: TODO", "language: en", 1)
    text = text.replace("kind: TODO", "kind: verbatim", 1)
    text = text.replace("by: TODO", "by: trial-researcher", 1)
    text = text.replace("source: TODO", "source: mit-tr-2022-yang", 1)
    text = text.replace("categories: [TODO]", "categories: [one-national-score]", 1)
    text = text.replace("TODO", "No such badge exists; the sources describe address plates and court lists.")
    claim.write_text(text, encoding="utf-8")


def _new_appearance(project: Path) -> None:
    """A second appearance on an existing claim, quoted verbatim from the same new source."""
    claim = project / "claims" / "one-score-ranks-every-citizen.yaml"
    text = claim.read_text(encoding="utf-8")
    addition = (
        "appearances:\n"
        "  - source: trial-blog-2026-qr-badges\n"
        "    statement: Police can scan it.\n"
        "    language: en\n"
        "    kind: verbatim\n"
    )
    claim.write_text(text.replace("appearances:\n", addition, 1), encoding="utf-8")


def _rename(project: Path) -> None:
    old = project / "claims" / f"{RENAMED_FROM}.yaml"
    text = re.sub(
        r'^slug: "?[a-z0-9-]+"?$', f'slug: "{RENAMED_TO}"\nformer_slugs: [{RENAMED_FROM}]', old.read_text(), flags=re.M
    )
    (project / "claims" / f"{RENAMED_TO}.yaml").write_text(text, encoding="utf-8")
    old.unlink()
    # As `make check` asks: events and the primer name the claim by its new slug.
    for path in [*project.glob("events/*.yaml"), *project.glob("docs/**/*.md")]:
        before = path.read_text(encoding="utf-8")
        after = re.sub(rf"\b{RENAMED_FROM}\b", RENAMED_TO, before)
        if after != before:
            path.write_text(after, encoding="utf-8")


@pytest.fixture(scope="module")
def trial(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("trial"))
    _new_records(project)
    _new_appearance(project)
    _rename(project)
    return project


def test_the_trial_passes_make_check_once_addresses_are_recorded(trial, capsys):
    # The scaffolder dates the new claim today, so the check runs on today's date too.
    today = dt.date.today().isoformat()
    assert cli.main(["--root", str(trial), "check", "--today", today]) == 1
    err = capsys.readouterr().err
    assert f"claims/{SLUG}.yaml" in err and "is not recorded in published.yaml; run `make addresses`" in err
    assert f"claims/{RENAMED_TO}.yaml" in err
    assert cli.main(["--root", str(trial), "addresses"]) == 0
    assert cli.main(["--root", str(trial), "check", "--today", today]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("0 errors, 0 warnings"), out


def test_the_trial_builds_and_passes_what_broke_its_pull_request(trial, browser):
    assert cli.main(["--root", str(trial), "addresses"]) == 0
    published_before = (trial / "published.yaml").read_bytes()
    assert cli.main(["--root", str(trial), "build"]) == 0  # make build
    assert (trial / "published.yaml").read_bytes() == published_before, "the build must not rewrite published.yaml"
    site = trial / "site"
    claims = {p.stem for p in (trial / "claims").glob("*.yaml")}
    pages = list((site / "claims").glob("*/index.html"))
    redirects = {p.parent.name for p in pages if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")}
    assert {p.parent.name for p in pages} - redirects == claims
    assert redirects == {RENAMED_FROM}
    published = yaml.safe_load((trial / "published.yaml").read_text(encoding="utf-8"))
    assert published[24] == [RENAMED_FROM, RENAMED_TO] and SLUG in published[max(published)]

    fallback = site / "nl" / "claims" / SLUG / "index.html"
    assert '<div lang="en">' in fallback.read_text(encoding="utf-8")
    touched = [fallback, site / "claims" / SLUG / "index.html", site / "claims" / RENAMED_FROM / "index.html"]
    touched.append(site / "nl" / "claims" / "one-score-ranks-every-citizen" / "index.html")
    java = shutil.which("java")
    assert java and VNU.exists(), "Java and vnu-jar are required: make test installs them"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", *map(str, touched)], capture_output=True, text=True, timeout=300
    )
    messages = json.loads(result.stderr)["messages"]
    assert [m["message"] for m in messages if m["type"] == "error" or m.get("subType") == "warning"] == []

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        context = browser.new_context(base_url=base)
        page = context.new_page()
        for rel in (f"nl/claims/{SLUG}/", f"claims/{SLUG}/"):
            page.goto(rel)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            assert [v["id"] for v in result["violations"]] == [], rel
        page.goto(f"claims/{RENAMED_FROM}/")
        page.wait_for_url(f"**/claims/{RENAMED_TO}/")
        context.close()
    finally:
        server.shutdown()
        server.server_close()
