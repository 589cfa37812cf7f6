"""Finished HTML kept away from Markdown (factcheck.stash), and the one escaping function
for text in it (safe_text.html_text)."""

from __future__ import annotations

import markdown as md
import pytest
from factcheck.safe_text import html_text
from factcheck.stash import chunk, extract, restore


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("plain words", "plain words"),
        ("  spread\n over\tlines ", "spread over lines"),
        ("<script>alert(1)</script>", "&#60;script&#62;alert(1)&#60;/script&#62;"),
        ("[click](javascript:x)", "&#91;click&#93;(javascript:x)"),
        ('"><b>', "&#34;&#62;&#60;b&#62;"),
        ("*bold* _em_ `code`", "&#42;bold&#42; &#95;em&#95; &#96;code&#96;"),
        ("&lt; stays text", "&#38;lt; stays text"),
        ("{: onclick=x } \\*", "&#123;: onclick=x &#125; &#92;&#42;"),
        ("Botsman's 'quote'", "Botsman's 'quote'"),
    ],
)
def test_html_text_escapes_exactly_what_html_or_markdown_would_read(text, escaped):
    assert html_text(text) == escaped


@pytest.mark.parametrize(
    "text",
    ["[x](javascript:alert(1))", "<img src=x onerror=alert(2)>", "*a* _b_ `c`", "{: onclick=alert(3) }", "\\<b>"],
)
def test_escaped_text_stays_text_even_if_markdown_reads_it(text):
    # A build without the hook leaves chunks to Markdown: the text must come out as it was.
    out = md.markdown(f"<p>{html_text(text)}</p>", extensions=["attr_list", "md_in_html"])
    assert "<a " not in out and "<img" not in out and "<em>" not in out and "onclick=" not in out.split(">", 1)[0]
    import html

    assert html.unescape(out.removeprefix("<p>").removesuffix("</p>")) == text


def test_chunks_are_taken_out_and_put_back_with_their_links_resolved():
    page = "# Title\n\n" + chunk('<p><a href="../claims/x.md#y">x</a></p>') + "\n\nSee " + chunk("<em>this</em>") + "."
    text, found = extract(page)
    assert text == "# Title\n\n<!--fc:0-->\n\nSee <!--fc:1-->."
    html = md.markdown(text)
    assert html == "<h1>Title</h1>\n<!--fc:0-->\n\n<p>See <!--fc:1-->.</p>"
    out = restore(html, found, lambda target: {"../claims/x.md": "../../claims/x/"}[target.split("#")[0]] + "#y")
    assert out == '<h1>Title</h1>\n<p><a href="../../claims/x/#y">x</a></p>\n\n<p>See <em>this</em>.</p>'


@pytest.mark.parametrize("href", ["https://example.org/a.md", "#history", "/absolute.md", "mailto:a@b.c"])
def test_web_addresses_anchors_and_absolute_paths_are_left_alone(href):
    _, found = extract(chunk(f'<a href="{href}">x</a>'))
    assert restore("<!--fc:0-->", found, lambda target: pytest.fail(target)) == f'<a href="{href}">x</a>'


def test_a_page_without_chunks_is_unchanged():
    assert extract("# Plain\n\nText <!-- a comment -->.") == ("# Plain\n\nText <!-- a comment -->.", [])
    assert restore("<p>x</p>", [], lambda target: target) == "<p>x</p>"


def test_the_built_site_has_every_chunk_back_and_every_generated_link_resolved(built_site):
    pages = list(built_site.rglob("index.html"))
    assert len(pages) > 100
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "<!--fc:" not in text and "fc:html" not in text, path
        assert ".md#" not in text and '.md"' not in text, path
    claim = (built_site / "claims" / "one-score-ranks-every-citizen" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../misconceptions/#one-national-score"' in claim
    assert 'href="../../c/' in claim and 'class="fc-rebuttal"' in claim


def test_ids_in_chunks_are_found_for_the_anchor_check():
    from factcheck.stash import ids

    _, found = extract(chunk('<h3 id="a-source">A</h3><li id="note-1-2">n</li>') + chunk('<p data-id="no">x</p>'))
    assert ids(found) == {"a-source", "note-1-2"}


def test_chunks_with_only_white_space_between_them_share_one_slot():
    text, found = extract("# T\n\n" + chunk("<p>a</p>") + "\n\n" + chunk("<p>b</p>") + "\n\nText " + chunk("<i>c</i>"))
    assert (text, found) == ("# T\n\n<!--fc:0-->\n\nText <!--fc:1-->", ["<p>a</p>\n<p>b</p>", "<i>c</i>"])


def _markdown_toc(source: str) -> list[dict]:
    converter = md.Markdown(extensions=["toc", "attr_list"])
    converter.convert(source)
    return converter.toc_tokens


TOC_TEXTS = [
    ("Plain heading", None),
    ("Jeremy Daum — China Law Translate", "rebuttal-1"),
    ("Hoe ça gaat, 'echt'?", None),
]


def test_the_table_of_contents_lists_marked_chunk_headings_as_markdown_would():
    from factcheck.render.parts import heading
    from factcheck.stash import toc_tokens

    as_markdown = "# Title\n\n" + "\n\n".join(
        f"{'##' if anchor is None else '###'} {text}" + (f" {{ #{anchor} }}" if anchor else "")
        for text, anchor in TOC_TEXTS
    )
    in_chunks = "# Title\n\n" + chunk(
        "".join(heading(2 if anchor is None else 3, text, anchor) for text, anchor in TOC_TEXTS)
        + '<h3 id="a-source">A source</h3>'  # not marked: not listed, as on the sources page
    )
    text, found = extract(in_chunks)
    assert toc_tokens(md.markdown(text, extensions=["toc"]), found) == _markdown_toc(as_markdown)
    assert "data-fc-toc" not in restore(md.markdown(text), found, lambda target: target)


def test_a_page_without_marked_headings_keeps_markdowns_table_of_contents():
    from factcheck.stash import toc_tokens

    text, found = extract("# T\n\n" + chunk('<h3 id="a-source">A source</h3>'))
    assert toc_tokens(md.markdown(text, extensions=["toc"]), found) is None
