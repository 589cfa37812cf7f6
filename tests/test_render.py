"""Rendering details checked on the small good fixture."""

from __future__ import annotations

from factcheck.model import build_model
from factcheck.render import claim_page
from factcheck.render.text import SiteInfo, date, plain
from factcheck.validate import check_tree

from conftest import GOOD, TODAY

INFO = SiteInfo("Test Site", "https://example.org/")


def _site():
    records, problems = check_tree(GOOD, TODAY)
    assert problems == []
    return build_model(records)


def _claim(slug):
    return next(c for c in _site().claims if c.slug == slug)


def test_verdict_change_is_stated_plainly():
    page = claim_page.render(_claim("third-claim"), INFO)
    assert "- 2 January 2020: First published." in page
    assert (
        "- 1 December 2020: New evidence changed the verdict\\. **Verdict changed from Misleading to False.**" in page
    )


def test_unknown_address_is_said_and_never_linked():
    page = claim_page.render(_claim("first-claim"), INFO)
    assert "*A news article: the score* (no web address known)" in page.replace("\\", "")
    assert "](unknown)" not in page


def test_text_from_records_cannot_become_markup():
    assert plain("<b>[x](javascript:1)</b> *y*") == r"\<b\>\[x\]\(javascript\:1\)\<\/b\> \*y\*"


def test_dates_keep_their_precision():
    assert [date(d) for d in ("2019-03-04", "2019-03", "2019", "unknown")] == [
        "4 March 2019",
        "March 2019",
        "2019",
        "date unknown",
    ]


def test_short_link_and_qr_use_the_site_address():
    page = claim_page.render(_claim("first-claim"), INFO)
    assert "Scan to open this page: https://example.org/claims/first-claim/" in page
    assert "(../c/1/index.html)" in page
