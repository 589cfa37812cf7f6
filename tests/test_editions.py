"""The Dutch edition beside the English one: every page has its twin, the selector and
hreflang lead there, the interface, dates, search and reviews are Dutch, and translations
that are stale or missing say so."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import SITE_URL
from sitebuild import ROOT, build_site, copy_project

CLAIMS = sorted(p.stem for p in (ROOT / "claims").glob("*.yaml"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site: Path, edition: str) -> list[str]:
    """Page folders of an edition (relative), leaving out redirect pages and the other edition."""
    base = site / edition
    found = []
    for page in base.rglob("index.html"):
        rel = page.parent.relative_to(base).as_posix()
        if rel.startswith("nl") and edition == "." or "http-equiv" in page.read_text(encoding="utf-8")[:600]:
            continue
        found.append("" if rel == "." else rel + "/")
    return sorted(found)


def test_every_page_exists_in_both_editions(built_site):
    english, dutch = pages(built_site, "."), pages(built_site, "nl")
    assert english == dutch
    assert {f"claims/{slug}/" for slug in CLAIMS} <= set(dutch)


@pytest.mark.parametrize("edition,twin", [(".", "nl"), ("nl", ".")])
def test_selector_and_hreflang_lead_to_the_twin(built_site, edition, twin):
    for rel in pages(built_site, edition):
        page = built_site / edition / rel / "index.html"
        html = soup(page)
        lang = "en" if edition == "." else "nl"
        other = "nl" if lang == "en" else "en"
        assert html.html["lang"] == lang
        selector = html.select_one(f"a.md-select__link[hreflang={other}]")["href"]
        target = (page.parent / selector / "index.html").resolve()
        assert target == (built_site / twin / rel / "index.html").resolve(), f"{rel}: {selector}"
        twin_address = SITE_URL + ("" if twin == "." else "nl/") + rel
        assert html.find("link", rel="alternate", hreflang=other)["href"] == twin_address
        own_address = SITE_URL + ("" if edition == "." else "nl/") + rel
        assert html.find("link", rel="alternate", hreflang=lang)["href"] == own_address


def test_dutch_pages_speak_dutch(built_site):
    html = soup(built_site / "nl" / "claims" / CLAIMS[0] / "index.html")
    text = html.get_text(" ")
    for word in ("Oordeel", "In het kort", "Hoe de bewering verscheen", "Deze pagina citeren", "november 2026"):
        assert word in text
    assert html.select_one("input.md-search__input")["placeholder"] == "Zoeken"
    review = json.loads(html.find("script", type="application/ld+json").string)
    assert review["inLanguage"] == "nl" and review["url"] == f"{SITE_URL}nl/claims/{CLAIMS[0]}/"
    assert html.find("link", rel="canonical")["href"] == f"{SITE_URL}nl/claims/{CLAIMS[0]}/"
    english = json.loads(
        soup(built_site / "claims" / CLAIMS[0] / "index.html").find("script", type="application/ld+json").string
    )
    assert english["inLanguage"] == "en"


def test_each_edition_has_its_own_search_index(built_site):
    from test_build import search_pages

    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"en", "nl"}  # from each page's <html lang>
    # Each language has its own word index, with its stemmer in its own WebAssembly file.
    assert (built_site / "pagefind" / "wasm.nl.pagefind").exists()
    dutch, english = search_pages(built_site, "nl"), search_pages(built_site, "en")
    assert entry["languages"]["nl"]["page_count"] == len(dutch) and len(dutch) == len(english)
    assert all(url.startswith("/nl/") for url in dutch) and not any(url.startswith("/nl/") for url in english)
    record = yaml.safe_load((ROOT / "claims" / f"{CLAIMS[0]}.yaml").read_text(encoding="utf-8"))
    assert dutch[f"/nl/claims/{CLAIMS[0]}/"]["meta"]["title"] == " ".join(record["claim"]["nl"].split())


def test_feeds_and_data_per_edition(built_site):
    assert 'xml:lang="nl"' in (built_site / "nl" / "feed.xml").read_text(encoding="utf-8")
    header, first = (built_site / "nl" / "data" / "claims.csv").read_text(encoding="utf-8").splitlines()[:2]
    assert header.startswith("id,slug,url,claim") and f"{SITE_URL}nl/claims/" in first


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory):
    """The records with one English text changed after translation, one Dutch text removed,
    and one hand-written English page changed."""
    project = copy_project(tmp_path_factory.mktemp("edited"))
    stale = project / "claims" / "black-mirror-nosedive.yaml"
    text = stale.read_text(encoding="utf-8")
    stale.write_text(
        text.replace("short_answer:\n  en: >-\n", "short_answer:\n  en: >-\n    Updated.\n", 1), encoding="utf-8"
    )
    missing = project / "claims" / "the-chinese-are-fine-with-it.yaml"
    text = missing.read_text(encoding="utf-8")
    text = re.sub(
        r"(explanation:\n  en: \|\n(?:    .*\n|\n)*?)  nl_source: \"[0-9a-f]{8}\"\n  nl: \|\n(?:    .*\n|\n)*",
        r"\1",
        text,
        count=1,
    )
    assert "  nl: |" not in text.split("explanation:")[1].split("categories:")[0]
    missing.write_text(text, encoding="utf-8")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA new English paragraph.\n", encoding="utf-8")
    return build_site(project)


def test_stale_translation_shows_a_notice(edited_site):
    dutch = soup(edited_site / "nl" / "claims" / "black-mirror-nosedive" / "index.html")
    notice = dutch.select_one(".admonition.warning")
    assert notice and "eerdere versie van de Engelse tekst" in notice.get_text()
    assert soup(edited_site / "claims" / "black-mirror-nosedive" / "index.html").select_one(".admonition") is None


def test_missing_translation_falls_back_to_english_with_a_notice(edited_site):
    dutch = soup(edited_site / "nl" / "claims" / "the-chinese-are-fine-with-it" / "index.html")
    assert "nog niet vertaald" in dutch.select_one(".admonition.warning").get_text()
    record = yaml.safe_load((ROOT / "claims" / "the-chinese-are-fine-with-it.yaml").read_text(encoding="utf-8"))
    first_words = " ".join(record["explanation"]["en"].split()[:6]).replace("*", "")
    assert first_words in " ".join(dutch.get_text(" ").split()).replace("*", "")


def test_stale_hand_written_page_shows_a_notice(edited_site):
    notice = soup(edited_site / "nl" / "about" / "index.html").select_one(".admonition.warning")
    assert notice and "eerdere versie van de Engelse tekst" in notice.get_text()
    assert soup(edited_site / "nl" / "methodology" / "index.html").select_one(".admonition.warning") is None


def test_checker_warns_about_a_stale_hand_written_translation(tmp_path):
    from factcheck.translations import check_translated_pages, source_hash

    project = copy_project(tmp_path / "p")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    wanted = source_hash(about.read_text(encoding="utf-8"))
    assert [p.text() for p in check_translated_pages(project)] == [
        f"docs/nl/about.md:2: translation_of: warning: docs/about.md changed since this translation; "
        f'update the Dutch to match, then set `translation_of: "{wanted}"`'
    ]
    assert check_translated_pages(ROOT) == []


def test_untranslated_hand_written_page_falls_back_to_english_with_a_notice(tmp_path):
    from factcheck.site import FALLBACK_MARK, fallback_pages

    docs = tmp_path / "docs"
    (docs / "nl").mkdir(parents=True)
    (docs / "guide.md").write_text("---\ntitle: Guide\n---\n\n# Guide\n\nEnglish text.\n", encoding="utf-8")
    (docs / "about.md").write_text("# About\n", encoding="utf-8")
    (docs / "nl" / "about.md").write_text("# Over\n", encoding="utf-8")
    pages = fallback_pages(docs, "nl")
    assert list(pages) == ["nl/guide.md"]
    text = pages["nl/guide.md"]
    assert text.startswith("---\ntitle: Guide\n---\n" + FALLBACK_MARK)
    assert "nog niet vertaald" in text and text.endswith("# Guide\n\nEnglish text.\n")
