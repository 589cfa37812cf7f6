"""Issue 12 on the built site, both editions: the primer with its myth markers, section
lists and footnotes; the timeline of 30 or more events, linked with the claims; a chart on
every claim page; and a social card for every claim page in the verdict's colour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from conftest import SITE_URL
from sitebuild import ROOT

CLAIMS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "claims").glob("*.yaml"))}
VERDICTS = yaml.safe_load((ROOT / "verdicts.yaml").read_text(encoding="utf-8"))
EDITIONS = ["", "nl/"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _target(page: Path, href: str) -> Path:
    path = href.split("#")[0]
    return (
        (page.parent / path / "index.html").resolve() if not path.endswith(".html") else (page.parent / path).resolve()
    )


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_primer_marks_myths_lists_them_per_section_and_cites_every_source(built_site, edition):
    page = built_site / edition / "how-it-works" / "index.html"
    html = soup(page)
    myths = html.select("p.fc-myth a")
    assert len({a["href"] for a in myths}) >= 12
    for link in myths:
        assert _target(page, link["href"]).exists(), link["href"]
    sections = html.select("article h2[id]")
    assert len(sections) >= 8
    assert len(html.select(".fc-corrects")) >= 6
    notes = html.select(".footnote li")
    assert notes and all(n.get_text(strip=True) for n in notes)
    assert all(sup.a["href"].startswith("#fn:") for sup in html.select("sup[id^=fnref]"))


@pytest.mark.parametrize("edition", EDITIONS)
def test_claim_pages_link_back_to_the_section_that_explains_them(built_site, edition):
    primer = soup(built_site / edition / "how-it-works" / "index.html")
    anchors = {h["id"] for h in primer.select("[id]")}
    linked = 0
    for slug in CLAIMS:
        page = built_site / edition / "claims" / slug / "index.html"
        for a in soup(page).select("p.fc-explained a"):
            assert a["href"].split("#")[1] in anchors, f"{slug}: {a['href']}"
            linked += 1
    assert linked >= 12


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_timeline_holds_every_event_by_year_and_links_the_claims(built_site, edition):
    events = sorted((ROOT / "events").glob("*.yaml"))
    assert len(events) >= 30
    page = built_site / edition / "timeline" / "index.html"
    html = soup(page)
    shown = html.select("section.fc-event")
    assert len(shown) == len(events)
    assert not any(e.has_attr("hidden") for e in shown)  # without the script, everything shows
    years = [int(h["id"].removeprefix("year-")) for h in html.select("h2[id^=year-]")]
    assert years == sorted(years) and years[0] <= 2014 and years[-1] >= 2025
    for record in events:
        data = yaml.safe_load(record.read_text(encoding="utf-8"))
        event = html.find(id=record.stem).find_parent("section")
        assert event["data-kind"] == data["kind"]
        claims = {a["href"].split("/")[-2] for a in event.select("a[href*='claims/']")}
        assert claims == set(data.get("claims", [])), record.stem
        for slug in data.get("claims", []):
            back = soup(built_site / edition / "claims" / slug / "index.html").select("#timeline + ul a")
            assert any(a["href"].endswith(f"#{record.stem}") for a in back), f"{slug} does not list {record.stem}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_claim_page_has_a_chart_with_a_text_alternative(built_site, edition):
    for slug in CLAIMS:
        html = soup(built_site / edition / "claims" / slug / "index.html")
        svg = html.select_one("figure.fc-chart-figure svg")
        assert svg is not None, slug
        assert svg["role"] == "img" and svg.title.get_text() and svg.desc.get_text()
        assert html.select_one("details.fc-chart-data table tbody tr") is not None


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_claim_page_has_a_card_of_1200_by_630_in_its_verdicts_colour(built_site, edition):
    for slug, claim in CLAIMS.items():
        html = soup(built_site / edition / "claims" / slug / "index.html")
        assert html.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
        address = html.find("meta", property="og:image")["content"]
        assert address.startswith(SITE_URL + edition + "assets/generated/cards/")
        with Image.open(built_site / address.removeprefix(SITE_URL)) as card:
            image = card.convert("RGB")
        assert image.size == (1200, 630)
        colour = VERDICTS[claim["verdict"]]["colour"].lstrip("#")
        rgb = tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))
        counts = {c: n for n, c in image.getcolors(1_000_000)}
        assert counts.get(rgb, 0) > 2000, f"{slug}: no badge in {claim['verdict']}'s colour"
        others = [v["colour"] for k, v in VERDICTS.items() if k != claim["verdict"]]
        for other in others:
            o = other.lstrip("#")
            # other colours only as anti-aliasing at the edges of text, never as a badge
            assert counts.get(tuple(int(o[i : i + 2], 16) for i in (0, 2, 4)), 0) < 500, f"{slug}: {other}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_explainer_and_the_timeline_are_in_the_nav_on_the_home_page_and_have_cards(built_site, edition):
    home = soup(built_site / edition / "index.html")
    nav = {re.sub(r"/+$", "", a["href"]) for a in home.select("nav.md-nav--primary a[href]")}
    assert {"how-it-works", "timeline"} <= {n.rsplit("/", 1)[-1] for n in nav}
    body = home.select("article a[href]")
    assert any("how-it-works" in a["href"] for a in body) and any("timeline" in a["href"] for a in body)
    for rel in ("how-it-works", "timeline"):
        html = soup(built_site / edition / rel / "index.html")
        address = html.find("meta", property="og:image")["content"]
        with Image.open(built_site / address.removeprefix(SITE_URL)) as card:
            assert card.size == (1200, 630)
