"""A reader's path through the built site in real headless Chromium: home → misconception
index → a claim page; then search for a claim and reach it from the results."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from sitebuild import ROOT

pytestmark = pytest.mark.browser


def _claim(slug: str) -> dict:
    return yaml.safe_load((ROOT / "claims" / f"{slug}.yaml").read_text(encoding="utf-8"))


def test_reader_goes_from_home_to_a_claim(page, tmp_path):
    page.goto("/")
    expect(page.locator("h1")).to_contain_text("Social Credit System")
    page.screenshot(path=tmp_path / "home.png", full_page=True)
    page.locator("nav.md-nav--primary").get_by_role("link", name="Misconceptions").click()
    expect(page.locator("h1")).to_have_text("Misconception index")
    page.screenshot(path=tmp_path / "misconceptions.png", full_page=True)
    link = page.locator("article a[href*='claims/']").first
    slug = link.get_attribute("href").rstrip("/").split("/")[-1]
    link.click()
    expect(page).to_have_url(re.compile(f"/claims/{slug}/$"))
    claim = _claim(slug)
    expect(page.locator("h1")).to_have_text(" ".join(claim["claim"]["en"].split()))
    expect(page.locator(".fc-verdict .fc-badge")).to_be_visible()
    page.screenshot(path=tmp_path / "claim.png", full_page=True)
    assert (tmp_path / "claim.png").stat().st_size > 10_000


def _search_and_open(page, start: str, words: str, slug: str, screenshot):
    """Type into the search box of `start`, wait for the claim among the results, open it."""
    page.goto(start)
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(words, delay=20)
    result = page.locator(f".md-search-result__list a[href*='claims/{slug}/']").first
    expect(result).to_be_visible(timeout=15_000)
    page.screenshot(path=screenshot)
    result.click()


def _index_requests(page) -> list[str]:
    return [u for u in page.requests if "/pagefind/" in u or "search_index" in u]


def test_search_finds_a_claim_and_leads_to_it(page, tmp_path):
    slug = "sesame-credit-is-the-state-system"
    _search_and_open(page, "/", "Sesame Credit", slug, tmp_path / "search.png")
    expect(page).to_have_url(re.compile(f"/claims/{slug}/"))
    expect(page.locator("h1")).to_have_text(" ".join(_claim(slug)["claim"]["en"].split()))


ANNOTATED = "23-million-barred-from-travel-for-low-points"


def test_annotation_opens_by_click_and_by_keyboard(page, tmp_path):
    page.goto(f"/claims/{ANNOTATED}/")
    notes = page.locator(".fc-annotated .fc-notes").first
    expect(notes).to_be_hidden()  # with JavaScript the notes open inline instead
    first, second = page.locator("button.fc-marker").nth(0), page.locator("button.fc-marker").nth(1)
    popup = page.locator(f"#{first.get_attribute('aria-controls')}")
    expect(popup).to_be_hidden()
    first.click()
    expect(first).to_have_attribute("aria-expanded", "true")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("Answered by")
    page.screenshot(path=tmp_path / "annotation-open.png")
    first.click()
    expect(popup).to_be_hidden()
    second.focus()
    page.keyboard.press("Enter")
    popup2 = page.locator(f"#{second.get_attribute('aria-controls')}")
    expect(popup2).to_be_visible()
    expect(second).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(popup2).to_be_hidden()
    page.keyboard.press("Space")
    expect(popup2).to_be_visible()


def test_annotations_without_javascript_are_a_numbered_list(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/claims/{ANNOTATED}/")
    notes = page.locator(".fc-annotated .fc-notes").first
    expect(notes).to_be_visible()
    assert notes.locator("li").count() >= 1
    expect(page.locator("a.fc-marker").first).to_be_visible()
    context.close()


def test_printed_claim_page_is_a_handout_with_a_qr_code(page, tmp_path):
    from pypdf import PdfReader

    page.goto(f"/claims/{ANNOTATED}/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        expect(page.locator(hidden).first).to_be_hidden()
    qr = page.locator("figure.fc-qr img")
    expect(qr).to_be_visible()
    page.wait_for_function(  # the code's file loaded, at its size
        "() => { const img = document.querySelector('figure.fc-qr img'); return img.complete && img.naturalWidth > 50; }"
    )
    box = qr.bounding_box()
    assert box["width"] > 50 and box["height"] > 50
    pdf = tmp_path / "handout.pdf"
    page.pdf(path=pdf, print_background=False)
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Scan to open this page" in text
    assert "Table of contents" not in text and "Skip to content" not in text
    assert "False" in text  # the verdict is printed as a word
    assert "<https://" in text or "<http://" in text  # link addresses are written out


def test_citation_copy_button_copies_it(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"/claims/{ANNOTATED}/")
    button = page.get_by_role("button", name="Copy APA")
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Social Credit Fact Check. (") and f"/claims/{ANNOTATED}/" in copied


def test_short_link_leads_to_the_claim(page):
    page.goto("/c/9/")
    expect(page).to_have_url(re.compile(f"/claims/{ANNOTATED}/$"))


def test_switching_language_keeps_the_claim(page):
    slug = "black-mirror-nosedive"
    page.goto(f"/claims/{slug}/")
    page.locator(".md-select button").click()
    page.locator(".md-select__link[hreflang=nl]").click()
    expect(page).to_have_url(re.compile(f"/nl/claims/{slug}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator(".fc-verdict")).to_contain_text("Oordeel")
    page.locator(".md-select button").click()
    page.locator(".md-select__link[hreflang=en]").click()
    expect(page).to_have_url(re.compile(f"[0-9]/claims/{slug}/$"))


NOODLES = "points-off-for-rudeness-to-noodle-seller"


def test_dutch_search_finds_a_claim_by_a_dutch_word(page, tmp_path):
    _search_and_open(page, "/nl/", "noedelverkoper", NOODLES, tmp_path / "search-nl.png")
    expect(page).to_have_url(re.compile(f"/nl/claims/{NOODLES}/"))


def test_dutch_search_stems_dutch_words(page, built_site, tmp_path):
    # The plural is nowhere on the Dutch page: only Dutch stemming leads from it to the singular.
    text = (built_site / "nl" / "claims" / NOODLES / "index.html").read_text(encoding="utf-8").lower()
    assert "noedelverkoper" in text and "noedelverkopers" not in text
    _search_and_open(page, "/nl/", "noedelverkopers", NOODLES, tmp_path / "search-nl-plural.png")
    expect(page).to_have_url(re.compile(f"/nl/claims/{NOODLES}/"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")


@pytest.mark.parametrize("start", ["/", f"/claims/{ANNOTATED}/", "/nl/", f"/nl/claims/{ANNOTATED}/"])
def test_a_first_visit_loads_no_search_index_until_search_opens(page, start):
    page.goto(start)
    page.wait_for_load_state("networkidle")
    assert _index_requests(page) == []
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("credit", delay=20)
    page.locator(".md-search-result__list a").first.wait_for(timeout=15_000)
    loaded = _index_requests(page)
    assert any(u.endswith("pagefind.js") for u in loaded) and any(".pf_fragment" in u for u in loaded)
    assert not any("search_index" in u for u in loaded)


def test_search_by_keyboard_opens_moves_and_closes(page):
    page.goto("/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")  # Material's key for search
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially("Nosedive", delay=20)
    first = page.locator(".md-search-result__list a").first
    expect(first).to_be_visible(timeout=15_000)
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    # Faded out, and out of the tab order.
    expect(page.locator(".md-search__output")).to_have_css("opacity", "0")
    expect(page.locator(".md-search__output")).to_have_js_property("inert", True)
    box.focus()
    page.keyboard.press("Enter")  # opens the first result
    expect(page).to_have_url(re.compile("/claims/black-mirror-nosedive/$"))


@pytest.mark.parametrize("start", ["/", "/nl/"])
def test_search_fits_a_phone(browser, base_url, start, tmp_path):
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(start)
    page.locator("label.md-header__button[for=__search]").click()  # the magnifier opens it
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially("credit", delay=20)
    first = page.locator(".md-search-result__list a").first
    expect(first).to_be_visible(timeout=15_000)
    page.screenshot(path=tmp_path / "search-phone.png")
    assert first.bounding_box()["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_timeline_filter_hides_and_shows_a_kind_of_event(page):
    page.goto("/timeline/")
    media = page.locator("section.fc-event[data-kind=media]")
    assert media.count() > 0
    box = page.get_by_role("checkbox", name="Media")
    expect(box).to_be_checked()
    expect(media.first).to_be_visible()
    box.uncheck()
    expect(media.first).to_be_hidden()
    assert page.locator("section.fc-event[data-kind=policy]").first.is_visible()
    box.check()
    expect(media.first).to_be_visible()


def test_timeline_without_javascript_shows_every_event_and_no_filter(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/nl/timeline/")
    expect(page.locator(".fc-timeline-filter")).to_be_hidden()
    events = page.locator("section.fc-event")
    assert events.count() >= 30
    expect(events.last).to_be_visible()
    context.close()


@pytest.mark.parametrize("rel", ["how-it-works/", "timeline/", "nl/how-it-works/", f"claims/{ANNOTATED}/"])
def test_new_pages_fit_a_phone_and_print_with_their_charts(browser, base_url, rel):
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"/{rel}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{rel} scrolls sideways on a phone: {width}px"
    chart = page.locator("svg.fc-chart")
    if chart.count():
        text = chart.first.locator("text").first.bounding_box()
        assert text["height"] >= 10  # chart labels stay legible at 360 px
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    if chart.count():
        expect(chart.first).to_be_visible()
    context.close()


def test_a_printed_claim_page_carries_its_chart_and_the_charts_data(page):
    page.goto(f"/claims/{ANNOTATED}/")
    table = page.locator("details.fc-chart-data table")
    expect(table).to_be_hidden()  # folded away on screen
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("svg.fc-chart")).to_be_visible()
    expect(table).to_be_visible()


@pytest.mark.parametrize(
    ("rel", "figure", "screen", "printed"),
    [
        ("how-it-works/", "svg.fc-diagram", 420, 9 / 2.54 * 96),
        (f"claims/{ANNOTATED}/", "svg.fc-chart", 480, 11 / 2.54 * 96),
        ("misconceptions/", "svg.fc-chart", 480, 11 / 2.54 * 96),
    ],
)
def test_charts_and_the_diagram_keep_their_size_on_a_wide_screen_and_in_print(page, rel, figure, screen, printed):
    """Scaled to the column, a chart's labels would be twice the text's size (Material caps SVGs
    at 100%, which beat our caps until they were more specific)."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"/{rel}")
    assert page.locator(figure).first.bounding_box()["width"] == pytest.approx(screen, abs=1)
    page.emulate_media(media="print")
    assert page.locator(figure).first.bounding_box()["width"] == pytest.approx(printed, abs=1)
