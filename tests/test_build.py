"""Build the real records with --strict and read the HTML a reader gets."""

from __future__ import annotations

import gzip
import json
import logging
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from conftest import SITE_URL
from sitebuild import ROOT, build_site, copy_project


def _records(folder: str) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / folder).glob("*.yaml"))}


CLAIMS = _records("claims")
SOURCES = _records("sources")
EXPERTS = _records("experts")
CATEGORIES = _records("categories")
VERDICTS = yaml.safe_load((ROOT / "verdicts.yaml").read_text(encoding="utf-8"))


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def site(built_site) -> Path:
    return built_site


def page(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_content_meets_the_minimum():
    assert len(CLAIMS) >= 15
    assert len(CATEGORIES) >= 6
    for slug, claim in CLAIMS.items():
        assert claim["appearances"] and claim["rebuttals"], slug


def _is_redirect(path: Path) -> bool:
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


def test_one_page_per_claim(site):
    """One page per claim; an old address kept for a renamed or removed claim is a redirect."""
    pages = list((site / "claims").glob("*/index.html"))
    built = sorted(p.parent.name for p in pages if not _is_redirect(p))
    assert built == sorted(CLAIMS)
    kept = {p.parent.name for p in pages if _is_redirect(p)}
    expected = {old for c in CLAIMS.values() for old in c.get("former_slugs", [])}
    redirects = ROOT / "redirects.yaml"
    expected |= set(yaml.safe_load(redirects.read_text(encoding="utf-8")) or {}) if redirects.exists() else set()
    assert kept == expected


@pytest.mark.parametrize("slug", sorted(CLAIMS))
def test_claim_page_shows_the_record(site, slug):
    claim, html = CLAIMS[slug], page(site, f"claims/{slug}")
    text = norm(html.select_one("article").get_text(" "))
    badge = html.select_one(".fc-verdict .fc-badge")
    assert norm(badge.get_text()) == VERDICTS[claim["verdict"]]["name"]["en"]
    assert norm(claim["short_answer"]["en"]) in norm(html.select_one(".fc-answer").get_text(" "))
    assert norm(claim["claim"]["en"]) == norm(html.select_one("h1").get_text())
    for marker in html.select(".fc-marker"):
        marker.decompose()
    quotes = [norm(q.get_text("")) for q in html.select("blockquote.fc-quote")]
    for appearance in claim["appearances"]:
        assert norm(appearance["statement"]) in quotes
    for rebuttal in claim["rebuttals"]:
        expert = EXPERTS[rebuttal["by"]]
        affiliation = rebuttal.get("affiliation", expert["affiliation"])  # at the time, where the rebuttal says
        heading = expert["name"] if affiliation == "unknown" else f"{expert['name']} — {affiliation}"
        assert norm(heading) in text and f"{expert['name']} — unknown" not in text
    links = {a.get("href") for a in html.select("article a")}
    cited = [a["source"] for a in claim["appearances"]] + [r["source"] for r in claim["rebuttals"]]
    for key in cited + claim.get("further_sources", []):
        source = SOURCES[key]
        # An untitled item is named by its description, with a note that its title is unknown.
        shown = source["description"]["en"] if source["title"] == "unknown" else source["title"]
        assert norm(shown) in text
        if source["url"] != "unknown":
            assert source["url"] in links, f"{slug}: no link to {key}"


_SITEMAPS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _locs(path: Path, element: str) -> list[str]:
    return [e.text for e in ElementTree.parse(path).getroot().findall(f"s:{element}/s:loc", _SITEMAPS)]


def test_the_sitemap_is_a_short_index_of_each_editions_page_sitemap(site):
    """Material's script fetches sitemap.xml on every first visit, so it names the page
    sitemaps and does not grow with the claims; those list every claim page of their edition."""
    assert _locs(site / "sitemap.xml", "sitemap") == [f"{SITE_URL}sitemap-pages.xml", f"{SITE_URL}nl/sitemap-pages.xml"]
    assert _locs(site / "nl" / "sitemap.xml", "sitemap") == [f"{SITE_URL}nl/sitemap-pages.xml"]
    for prefix in ("", "nl/"):
        listed = set(_locs(site / prefix / "sitemap-pages.xml", "url"))
        assert {f"{SITE_URL}{prefix}claims/{slug}/" for slug in CLAIMS} <= listed, prefix
        assert (
            gzip.decompress((site / prefix / "sitemap-pages.xml.gz").read_bytes())
            == (site / prefix / "sitemap-pages.xml").read_bytes()
        )


def test_misconception_index_lists_each_claim_under_each_category(site):
    html = page(site, "misconceptions")
    for key in CATEGORIES:
        heading = html.find(id=key)
        assert heading is not None, key
        listed = set()
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            listed |= {a["href"].split("/")[-2] for a in sibling.select('a[href*="claims/"]')}
        expected = {slug for slug, c in CLAIMS.items() if key in c["categories"]}
        assert listed == expected, key
        assert f"| {len(expected)} |" not in html.text  # counts are in a real table, not raw Markdown
        row = [tr for tr in html.select("table tr") if tr.find("a", href=f"#{key}")][0]
        assert row.select("td")[-1].get_text() == str(len(expected))


def test_every_internal_link_resolves(site):
    for file in site.rglob("*.html"):
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in html.find_all(tag):
                target = element.get(attr)
                if not target or re.match(r"^(https?:|mailto:|#|data:)", target):
                    continue
                path = unquote(urlsplit(target).path)
                resolved = (site / path.lstrip("/")) if path.startswith("/") else (file.parent / path)
                if resolved.is_dir() or path.endswith("/"):
                    resolved = resolved / "index.html"
                assert resolved.resolve().exists(), f"{file.relative_to(site)}: broken link {target}"


def test_nothing_is_loaded_from_other_hosts(site):
    for file in site.rglob("*.html"):
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        loaded = [e.get("src") for e in html.find_all(["script", "img", "iframe"])]
        loaded += [
            e.get("href")
            for e in html.find_all("link")
            if "alternate" not in (e.get("rel") or []) and "canonical" not in (e.get("rel") or [])
        ]
        external = [u for u in loaded if u and re.match(r"^(https?:)?//", u)]
        assert external == [], f"{file.relative_to(site)} loads {external}"
    for css in site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def search_pages(site: Path, lang: str) -> dict[str, dict]:
    """Pagefind's record of each page it indexed in a language: address → its fragment (what a
    result shows: title, text), each a gzipped JSON file behind a 12-byte signature."""
    found = {}
    for file in sorted((site / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment")):
        data = gzip.decompress(file.read_bytes())
        assert data.startswith(b"pagefind_dcd"), file.name
        record = json.loads(data[12:])
        found[record["url"]] = record
    return found


def test_search_index_holds_each_claim(site):
    indexed = search_pages(site, "en")
    for slug, claim in CLAIMS.items():
        assert norm(indexed[f"/claims/{slug}/"]["meta"]["title"]) == norm(claim["claim"]["en"])
    # The chart's data table and the citation repeat other text; they stay out of the index.
    text = indexed[f"/claims/{sorted(CLAIMS)[0]}/"]["content"]
    assert "APA:" not in text and "BibTeX" not in text


def test_script_in_a_record_never_reaches_the_page(tmp_path, caplog):
    project = copy_project(tmp_path / "p")
    claim = project / "claims" / f"{sorted(CLAIMS)[0]}.yaml"
    text, count = re.subn(
        r"^claim:\n  en: ",
        "claim:\n  en: <script>alert(1)</script> ",
        claim.read_text(encoding="utf-8"),
        count=1,
        flags=re.M,
    )
    assert count == 1
    claim.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project)
    assert "raw HTML is not allowed" in caplog.text
    assert not (project / "site").exists()
    assert not (project / "docs" / "claims").exists()


def test_lists_that_repeat_claim_pages_stay_out_of_search(site):
    locations = set(search_pages(site, "en"))
    assert {"/claims/", "/sources/", "/experts/", "/format/", "/404.html"}.isdisjoint(locations)
    assert {"/", "/misconceptions/", "/methodology/"} <= locations
    assert not any(u.startswith(("/c/", "/nl/")) for u in locations)  # no redirects, no Dutch pages
