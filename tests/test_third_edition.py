"""Issue 11: an edition is defined once. A copy of the project gets a test-only German
edition from nothing but its definition in editions.yaml, its MkDocs file and two
translated texts; one `python -m factcheck build` then builds it beside the English one."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from sitebuild import copy_project

SLUG = "black-mirror-nosedive"
GERMAN_CLAIM = 'Das Sozialkreditsystem ist die Black-Mirror-Folge "Nosedive" in echt.'
URL = "http://127.0.0.1:8000/"
DEFINITION = """- lang: de
  name: Deutsch
  english: German
  locale: de_DE
  bibtex: german
  config: mkdocs.de.yml
"""
CONFIG = """INHERIT: mkdocs.yml
docs_dir: docs/de
site_dir: site/de
theme:
  language: de
"""


def _translate(path, english_line: str, german: str, source: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert english_line in text, f"{path.name}: {english_line!r} not found"
    indent = english_line[: len(english_line) - len(english_line.lstrip())]
    added = f'{english_line}\n{indent}de_source: "{source}"\n{indent}de: {german}'
    path.write_text(text.replace(english_line, added, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    from factcheck.translations import source_hash

    project = copy_project(tmp_path_factory.mktemp("third-edition"))
    with open(project / "editions.yaml", "a", encoding="utf-8") as editions:
        editions.write(DEFINITION)
    (project / "mkdocs.de.yml").write_text(CONFIG, encoding="utf-8")
    claim = "  en: China's social credit system is Black Mirror's \"Nosedive\" come true."
    _translate(project / "claims" / f"{SLUG}.yaml", claim, f"'{GERMAN_CLAIM}'", source_hash(claim.split(": ", 1)[1]))
    _translate(project / "verdicts.yaml", "    en: Misleading", "Irreführend", source_hash("Misleading"))
    return project


def _run(project, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project / "scripts"), "SITE_URL": URL, "NO_MKDOCS_2_WARNING": "1"}
    env["FACTCHECK_EDITIONS"] = "en,de"  # the Dutch edition is built elsewhere; this keeps the test quick
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def site(project):
    result = _run(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def _soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_checker_counts_the_new_editions_texts(project):
    result = _run(project, "check")
    assert result.returncode == 0, result.stderr
    assert re.search(r"de: 2 of \d+ texts translated", result.stdout), result.stdout


def test_the_claim_page_is_built_in_german(site):
    page = _soup(site / "de" / "claims" / SLUG / "index.html")
    assert page.html["lang"] == "de"
    assert page.h1.get_text(strip=True) == GERMAN_CLAIM
    assert page.select_one(".fc-verdict .fc-badge").get_text(strip=True) == "Irreführend"
    assert page.find("meta", property="og:locale")["content"] == "de_DE"
    # The rest of the page is English for want of a translation, marked as such and said so.
    assert page.select_one('article div[lang="en"]') is not None
    assert page.select_one("article .admonition.warning") is not None


def test_every_page_has_a_german_twin_and_the_english_pages_lead_there(site):
    english = {
        p.parent.relative_to(site) for p in site.glob("**/index.html") if p.parts[len(site.parts)] not in ("de",)
    }
    german = {p.parent.relative_to(site / "de") for p in (site / "de").glob("**/index.html")}
    assert english == german
    page = _soup(site / "claims" / SLUG / "index.html")
    assert page.find("link", rel="alternate", hreflang="de")["href"] == f"{URL}de/claims/{SLUG}/"
    selector = page.select_one("a.md-select__link[hreflang=de]")
    assert selector.get_text(strip=True) == "Deutsch"
    assert (site / "claims" / SLUG / selector["href"] / "index.html").resolve() == (
        site / "de" / "claims" / SLUG / "index.html"
    ).resolve()


def test_a_text_in_a_language_without_an_edition_is_an_error(tree):
    from conftest import messages

    root = tree({"verdicts.yaml": ("    en: Misleading", "    en: Misleading\n    fr: Trompeur")})
    assert messages(root) == [
        "verdicts.yaml:19: misleading.name.fr: the site has no `fr` edition; write the text under one of "
        "`en`, `nl`, or add the edition to editions.yaml"
    ]
