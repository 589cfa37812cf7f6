"""Issue 12: the charts come from the model (an unknown date is listed, never placed), are
accessible static SVG, and the social cards are 1200×630 PNGs in the verdict's colour,
the same bytes for the same input."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from factcheck.model import build_model
from factcheck.render import cards, charts
from factcheck.validate import check_tree
from PIL import Image

from conftest import GOOD

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def site():
    records, _ = check_tree(GOOD)
    return build_model(records)


def _svg(lines: list[str]) -> ET.Element:
    start = next(i for i, line in enumerate(lines) if line.startswith("<svg"))
    end = lines.index("</svg>")
    return ET.fromstring("\n".join(lines[start : end + 1]))


def test_the_claim_chart_places_dated_marks_and_lists_the_undated(site):
    claim = next(c for c in site.claims if c.slug == "first-claim")
    every = charts.marks(claim, "en")
    undated = [m for m in every if m.date == "unknown"]
    lines = charts.claim_chart(claim, "en")
    svg = _svg(lines)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text
    placed = [g for g in svg.iter(f"{SVG}g")]
    assert len(placed) == len(every) - len(undated)
    table = "\n".join(lines)
    assert table.count("<tr><td>") == len(every)
    if undated:
        assert "date unknown" in table and "with no known date" in svg.find(f"{SVG}desc").text


def test_an_unknown_date_is_never_placed(site):
    claim = next(c for c in site.claims if c.slug == "first-claim")
    for appearance in claim.appearances:
        appearance.source.date = "unknown"
    for rebuttal in claim.rebuttals:
        rebuttal.source.date = "unknown"
    claim.events = []
    assert charts.claim_chart(claim, "en") == []  # nothing dated: no chart, and nothing guessed


def test_the_site_chart_counts_what_the_model_holds(site):
    counts = charts.per_year(site)
    dated_appearances = sum(a.source.date != "unknown" for c in site.claims for a in c.appearances)
    dated_rebuttals = sum(r.source.date != "unknown" for c in site.claims for r in c.rebuttals)
    assert sum(a for a, _ in counts.values()) == dated_appearances
    assert sum(r for _, r in counts.values()) == dated_rebuttals
    svg = _svg(charts.site_chart(site, "nl"))
    assert svg.find(f"{SVG}title").text == "Vastgelegde verschijningen en correcties van de beweringen, per jaar"
    bars = [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == 2 * (max(counts) - min(counts) + 1)


def test_a_card_is_1200_by_630_in_the_verdicts_colour_and_reproducible():
    badge = ("Verdict", "False", "#b3261e")
    first = cards.card("China gives every citizen one score.", "Social Credit Fact Check", "example.org/c/1/", badge)
    assert first == cards.card(
        "China gives every citizen one score.", "Social Credit Fact Check", "example.org/c/1/", badge
    )
    with Image.open(io.BytesIO(first)) as card:
        image = card.convert("RGB")
    assert image.size == (1200, 630)
    colours = dict((colour, n) for n, colour in image.getcolors(1_000_000))
    assert colours.get((0xB3, 0x26, 0x1E), 0) > 2000  # the badge, filled with the verdict's colour


def test_a_long_claim_is_shortened_with_an_ellipsis_not_cut_off():
    font, lines = cards._fit(" ".join(["word"] * 400), 1072, 300)
    assert lines[-1].endswith("…")
    assert len(lines) * font.size * cards.LEADING <= 300
