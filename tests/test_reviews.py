"""Machine-readable reviews, share previews, permanent links, downloads and the feed,
read from the real records built with --strict."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import SITE_URL
from sitebuild import ROOT

CLAIMS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "claims").glob("*.yaml"))}
VERDICTS = yaml.safe_load((ROOT / "verdicts.yaml").read_text(encoding="utf-8"))


def norm(text: str) -> str:
    return " ".join(text.split())


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def reviews(html: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in html.find_all("script", type="application/ld+json")]


@pytest.mark.parametrize("slug", sorted(CLAIMS))
def test_claim_page_has_one_claimreview_matching_the_page(built_site, slug):
    claim, html = CLAIMS[slug], soup(built_site / "claims" / slug / "index.html")
    found = reviews(html)
    assert len(found) == 1
    review = found[0]
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["url"] == f"{SITE_URL}claims/{slug}/"
    assert review["url"] == html.find("link", rel="canonical")["href"]
    short = claim.get("claim_reviewed", claim["claim"])["en"]
    assert review["claimReviewed"] == short and len(short) < 75
    verdict = VERDICTS[claim["verdict"]]
    rating = review["reviewRating"]
    assert rating["alternateName"] == verdict["name"]["en"] == norm(html.select_one(".fc-verdict .fc-badge").text)
    if verdict["rating"] is None:
        assert "ratingValue" not in rating
    else:
        assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (verdict["rating"], 5, 1)
    assert review["reviewBody"] == claim["short_answer"]["en"]
    assert norm(review["reviewBody"]) in norm(html.select_one(".fc-answer").get_text(" "))
    assert review["datePublished"] == str(claim["published"])
    assert review["author"] == {"@type": "Organization", "name": "Social Credit Fact Check", "url": SITE_URL}
    item = review["itemReviewed"]
    works = {a["source"] for a in claim["appearances"]}
    assert item["@type"] == "Claim" and len(item["appearance"]) == len(works)
    assert all(a["headline"] and a["publisher"]["name"] for a in item["appearance"])


@pytest.mark.parametrize("slug", sorted(CLAIMS))
def test_claim_page_previews_well_when_shared(built_site, slug):
    html = soup(built_site / "claims" / slug / "index.html")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in html.find_all("meta")}
    assert meta["og:title"] == CLAIMS[slug]["claim"]["en"]
    assert meta["og:description"] == CLAIMS[slug]["short_answer"]["en"] == meta["twitter:description"]
    assert meta["og:url"] == f"{SITE_URL}claims/{slug}/"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"].startswith(f"{SITE_URL}assets/generated/cards/{slug}-") and meta["og:image"].endswith(
        ".png"
    )
    assert meta["og:image:width"] == "1200" and meta["og:image:height"] == "630"


def test_no_claimreview_outside_claim_pages(built_site):
    claim_pages = {built_site / edition / "claims" / slug / "index.html" for slug in CLAIMS for edition in (".", "nl")}
    others = [p for p in built_site.rglob("*.html") if p not in claim_pages]
    assert len(others) > 5
    for page in others:
        assert "application/ld+json" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("slug", sorted(CLAIMS))
def test_short_link_redirects_to_the_claim(built_site, slug):
    claim = CLAIMS[slug]
    page = soup(built_site / "c" / str(claim["id"]) / "index.html")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == f"0; url=../../claims/{slug}/"
    assert page.find("link", rel="canonical")["href"] == f"{SITE_URL}claims/{slug}/"
    assert (built_site / "c" / str(claim["id"]) / "../../claims" / slug / "index.html").resolve().exists()


def test_annotations_mark_phrases_and_link_their_rebuttals(built_site):
    annotated = 0
    for slug, claim in CLAIMS.items():
        html = soup(built_site / "claims" / slug / "index.html")
        marks = [norm(m.get_text()) for m in html.select("mark.fc-phrase")]
        expected = [norm(n["phrase"]) for a in claim["appearances"] for n in a.get("annotations", [])]
        assert marks == expected, slug
        for note in html.select(".fc-notes li"):
            target = note.select("a")[-1]["href"]
            assert html.find(id=target[1:]) is not None, f"{slug}: {target}"
        annotated += bool(expected)
    assert annotated >= 10


def test_claims_json_round_trips_the_records(built_site):
    data = json.loads((built_site / "data" / "claims.json").read_text(encoding="utf-8"))
    by_slug = {c["slug"]: c for c in data["claims"]}
    assert sorted(by_slug) == sorted(CLAIMS)
    for slug, record in CLAIMS.items():
        out = by_slug[slug]
        assert out["id"] == record["id"] and out["verdict"]["key"] == record["verdict"]
        for name in ("claim", "short_answer", "explanation"):  # the texts, without the translation bookkeeping
            assert out[name] == {k: v for k, v in record[name].items() if not k.endswith("_source")}
        assert [(a["source"], a["statement"], a["kind"]) for a in out["appearances"]] == [
            (a["source"], a["statement"], a["kind"]) for a in record["appearances"]
        ]
        assert [(r["by"]["key"], r["source"]) for r in out["rebuttals"]] == [
            (r["by"], r["source"]) for r in record["rebuttals"]
        ]
        assert [c["key"] for c in out["categories"]] == record["categories"]
        cited = {a["source"] for a in record["appearances"]} | {a["via"] for a in record["appearances"] if "via" in a}
        cited |= {r["source"] for r in record["rebuttals"]} | set(record.get("further_sources", []))
        assert {s["key"] for s in out["sources"]} == cited
        assert out["published"] == str(record["published"]) and out["reviewed"] == str(record["reviewed"])


def test_claims_csv_has_one_row_per_claim(built_site):
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "claims.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(CLAIMS)
    for row in rows:
        record = CLAIMS[row["slug"]]
        assert int(row["id"]) == record["id"]
        assert row["claim"] == record["claim"]["en"] and row["verdict"] == record["verdict"]
        assert row["short_answer"] == record["short_answer"]["en"]
        assert row["categories"].split(";") == record["categories"]
        assert row["url"] == f"{SITE_URL}claims/{row['slug']}/"


def test_feed_parses_and_lists_every_claim(built_site):
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.parse(built_site / "feed.xml").getroot()
    assert root.tag == f"{atom}feed"
    entries = root.findall(f"{atom}entry")
    assert len(entries) == len(CLAIMS)
    links = {e.find(f"{atom}link").get("href") for e in entries}
    assert links == {f"{SITE_URL}claims/{slug}/" for slug in CLAIMS}
    for entry in entries:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", entry.find(f"{atom}updated").text)


@pytest.mark.parametrize("slug", sorted(CLAIMS)[:3])
def test_citation_history_and_qr_code(built_site, slug):
    claim, html = CLAIMS[slug], soup(built_site / "claims" / slug / "index.html")
    url = f"{SITE_URL}claims/{slug}/"
    blocks = [norm(code.get_text()) for code in html.select(".fc-cite pre code")]
    apa, bib = blocks[0], blocks[1]
    assert apa.startswith("Social Credit Fact Check. (") and url in apa and claim["claim"]["en"] in apa
    assert bib.startswith(f"@misc{{factcheck-claim-{claim['id']},") and f"url = {{{url}}}" in bib
    assert f"note = {{Last reviewed {claim['reviewed']}}}" in bib
    history = norm(html.find(id="history").find_next("ul").get_text(" "))
    assert "First published." in history
    qr = html.select_one("figure.fc-qr")
    assert url in qr.figcaption.get_text() and qr.img["alt"]
    code = (built_site / "claims" / slug / qr.img["src"]).resolve()
    assert code.is_relative_to(built_site / "assets" / "generated" / "qr")
    assert code.read_bytes().startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')  # an image on its own
