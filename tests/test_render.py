"""Rendering details checked on the small good fixture."""

from __future__ import annotations

import pytest
from factcheck.editions import SiteInfo
from factcheck.model import Text, build_model
from factcheck.render import claim_page
from factcheck.render.strings import date
from factcheck.safe_text import markdown, plain
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
    assert "<li>2 January 2020: First published.</li>" in page
    assert (
        "<li>1 December 2020: New evidence changed the verdict. Verdict changed from Misleading to False.</li>" in page
    )


def test_unknown_address_is_said_and_never_linked():
    page = claim_page.render(_claim("first-claim"), INFO)
    assert "<em>A news article: the score</em> (no web address known)" in page
    assert 'href="unknown"' not in page and 'href="#"' not in page


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
    assert '<a href="../c/1/index.html">https://example.org/c/1/</a>' in page


def test_citation_names_the_outlet_first():
    page = claim_page.render(_claim("first-claim"), INFO)
    assert "A Newspaper, March 2019: <em>A news article: the score</em> (no web address known)." in page
    assert 'A University, 9 May 2018: <a href="https://example.org/paper">An expert paper</a>. By An Expert.' in page


def test_sources_page_shows_each_excerpt_with_where_and_when_it_was_read():
    from factcheck.render import indexes

    page = indexes.sources(_site(), "en")
    start = page.index(">An expert paper</h3>")
    section = page[start : page.index("<h3", start)]
    assert "Passages we quote, as read:" in section
    assert '<blockquote class="fc-excerpt" lang="en">' in section
    assert "<p>It is a binary system. You are on a list – or you are not.</p>" in section
    assert 'Read on 2 January 2020 at <a href="https://example.org/paper">https://example.org/paper</a>' in section
    assert "the seed blog post (seeds/000&#95;example.txt)" in section


def test_latest_correction_is_shown_under_the_verdict_and_in_the_feed():
    from factcheck.render import data

    page = claim_page.render(_claim("third-claim"), INFO)
    notice = page[page.index('<div class="fc-correction"') : page.index("<h2 ")]
    assert "<strong>Corrected on 1 December 2020:</strong> New evidence changed the verdict." in notice
    assert 'Verdict changed from Misleading to False. <a href="#history">Full history</a>' in notice
    assert '<div class="fc-correction"' not in claim_page.render(_claim("first-claim"), INFO)
    feed = data.atom_feed(_site(), INFO)
    assert (
        "<summary>Corrected on 1 December 2020: New evidence changed the verdict. Verdict changed from Misleading "
        "to False. The third answer.</summary>"
    ) in feed


def test_appearance_only_source_is_labelled_where_cited():
    from factcheck.render.parts import source_line

    claim = _claim("first-claim")
    source = claim.appearances[0].source
    source.appearance_only = True
    assert source_line(source, "en").endswith("<em>Cited only as where the claim appeared, not as evidence.</em>")
    assert source_line(source, "nl").endswith(
        "<em>Alleen vermeld als plek waar de bewering verscheen, niet als bewijs.</em>"
    )
    page = claim_page.render(claim, INFO)
    assert "(no web address known) · <em>cited only as where the claim appeared, not as evidence</em>" in page


def test_short_links_of_former_ids_and_removed_claims_keep_working():
    from factcheck.render.redirects import redirect_files

    site = _site()
    next(c for c in site.claims if c.slug == "first-claim").former_ids.append(7)
    files = redirect_files(site, INFO, site.redirects)
    assert "url=../../claims/first-claim/" in files["c/7/index.html"]
    assert "url=../../claims/first-claim/" in files["c/1/index.html"]
    # Claim 4 was removed; its address redirects to second-claim, and so does its short link.
    assert "url=../../claims/second-claim/" in files["c/4/index.html"]


def test_untranslated_claim_page_marks_its_english_body_as_english():
    from factcheck.site import render_edition

    page = render_edition(_site(), INFO.edition("nl"))["claims/first-claim.md"]
    head, _, body = page.partition('<div lang="en" markdown>')
    assert body and "The paper by" in body and "The paper by" not in head
    assert "!!! warning" in head  # the Dutch notice stays outside, in Dutch
    english = render_edition(_site(), INFO)["claims/first-claim.md"]
    assert '<div lang="en"' not in english


def test_unknown_title_shows_the_description_in_the_readers_language():
    from factcheck.render.parts import source_line

    source = _claim("first-claim").appearances[0].source
    source.title = "unknown"
    source.description = Text.of({"en": "A report on scores", "nl": "Een bericht over scores", "nl_source": "x"})
    assert source_line(source, "en").startswith(
        "A Newspaper, March 2019: <em>A report on scores</em> (title not known)."
    )
    dutch = source_line(source, "nl")
    assert dutch.startswith("A Newspaper, maart 2019: <em>Een bericht over scores</em> (titel niet bekend).")
    assert "unknown" not in dutch


def test_a_rebuttal_shows_the_affiliation_at_the_time():
    claim = _claim("first-claim")
    claim.rebuttals[0].affiliation = "A Law School"
    page = claim_page.render(claim, INFO)
    assert '<h3 id="rebuttal-1" data-fc-toc>An Expert — A Law School</h3>' in page


def test_claimreview_types_social_media_and_blog_appearances():
    from factcheck.render.claimreview import claim_review

    claim = _claim("first-claim")
    claim.appearances[0].source.kind = "social-media"
    review = claim_review(claim, INFO)
    assert review["itemReviewed"]["appearance"][0]["@type"] == "SocialMediaPosting"


def test_checker_and_renderer_agree_on_links():
    from factcheck.safe_text import allowed, targets

    text = "[a](https://x.org/p) [b](javascript:alert(1)) [c](#anchor) [d](../claims/x/) [e](ftp://x)\n[r]: data:x"
    assert targets(text) == ["https://x.org/p", "javascript:alert(1", "#anchor", "../claims/x/", "ftp://x", "data:x"]
    rendered = markdown(text)
    for target in targets(text):
        assert (f"]({target})" in rendered or f"]: {target}" in rendered) == allowed(target), target


MARKDOWN_FIELDS = [
    ("**Bold** and *em*", "<p><strong>Bold</strong> and <em>em</em></p>"),
    (
        "[x](../claims/a.md#b) [y](https://x.org/)",
        '<p><a href="../claims/a.md#b">x</a> <a href="https://x.org/">y</a></p>',
    ),
    ("[bad](javascript:alert(1))", '<p><a href="#">bad</a>)</p>'),
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("![img](https://x.org/i.png)", "<p>!&#91;img&#93;(https://x.org/i.png)</p>"),
    ("a_b \\*c\\* {: onclick=x }", "<p>a&#95;b &#42;c&#42; &#123;: onclick=x &#125;</p>"),
    ("One.\n\n- two\n- three", "<p>One.</p>\n<ul>\n<li>two</li>\n<li>three</li>\n</ul>"),
    ('She said "no".', "<p>She said &quot;no&quot;.</p>"),
]


@pytest.mark.parametrize("text, html", MARKDOWN_FIELDS)
def test_an_editors_markdown_becomes_finished_safe_html(text, html):
    from factcheck.safe_text import markdown_html

    assert markdown_html(text) == html


@pytest.mark.parametrize("text", [t for t, _ in MARKDOWN_FIELDS])
def test_a_markdown_field_stays_as_it_is_if_markdown_reads_it_again(text):
    # A build without the hook leaves chunks to Markdown: nothing in them may change.
    import markdown as md
    from factcheck.safe_text import markdown_html

    html = markdown_html(text)
    assert md.markdown(f"<div>\n{html}\n</div>", extensions=["attr_list", "md_in_html"]) == f"<div>\n{html}\n</div>"


def test_markdown_fields_come_out_as_python_markdown_made_them_on_every_real_text():
    """cmark replaced Python-Markdown for explanations: same HTML, text for text, on all of them."""
    import html as html_lib
    import re

    import markdown as md
    import yaml
    from factcheck.safe_text import markdown, markdown_html
    from mkdocs.config import load_config

    from sitebuild import ROOT

    config = load_config(str(ROOT / "mkdocs.yml"))
    converter = md.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    same = lambda h: re.sub(r"\s+", " ", html_lib.unescape(h)).replace("> <", "><").strip()  # noqa: E731
    texts = []
    for path in sorted((ROOT / "claims").glob("*.yaml")) + sorted((ROOT / "categories").glob("*.yaml")):
        explanation = yaml.safe_load(path.read_text(encoding="utf-8")).get("explanation") or {}
        texts += [v for k, v in explanation.items() if not k.endswith("_source")]
    assert len(texts) >= 100  # 40 claims and 10 categories, both editions
    for text in texts:
        converter.reset()
        assert same(markdown_html(text)) == same(converter.convert(markdown(text))), text[:60]
