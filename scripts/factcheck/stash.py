"""Finished HTML in a generated page, kept away from Markdown.

The renderers write the structured parts of a page (quotes, citations, lists, charts) as
HTML, escaped by safe_text.html_text, and wrap each in `chunk()`. Before Markdown runs, the
hook takes every chunk out and leaves a numbered comment in its place; afterwards it puts
the chunks back. Markdown then parses only the headings and the editors' Markdown fields:
matching inline patterns at every escaped character, and parsing large raw HTML blocks,
made a claim page cost MkDocs several times a plain page.

Links in chunks are written as in Markdown, relative to the page's source file
(`../claims/x.md#id`); `restore` turns them into the built page's addresses, as MkDocs
does for Markdown links, through the `resolve` it is given. Headings in chunks marked with
TOC_MARK go into the page's table of contents (`toc_tokens`), in page order with the
headings Markdown made, as Markdown's toc extension would list them."""

from __future__ import annotations

import html as html_lib
import re
from typing import Callable

from markdown.extensions.toc import nest_toc_tokens, strip_tags

OPEN, CLOSE = "<!-- fc:html -->", "<!-- /fc:html -->"
_ADJACENT = re.compile(re.escape(CLOSE) + r"\s*" + re.escape(OPEN))
_SLOT = re.compile(r"<!--fc:(\d+)-->")
# A link or image address relative to the page: not a web address, anchor or absolute path.
_RELATIVE = re.compile(r'((?:href|src)=")(?![a-z][a-z0-9+.-]*:|#|/)([^"]+)"')

TOC_MARK = " data-fc-toc"  # on a heading in a chunk that the table of contents lists; removed on restore
_HEADING = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def chunk(html: str) -> str:
    """HTML that Markdown will not see. Editors' text in it must be escaped already."""
    return f"{OPEN}{html}{CLOSE}"


def chunks(lines: list[str]) -> str:
    """Lines of HTML as one chunk; nothing for no lines."""
    return chunk("\n".join(lines)) if lines else ""


def extract(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each chunk replaced by a numbered slot, and the chunks in order.
    A slot is an HTML comment, which Markdown passes through as it is, inline or alone."""
    # Chunks with only white space between them become one: each slot costs Markdown a block.
    text, found, out, pos = _ADJACENT.sub("\n", markdown), [], [], 0
    # Found with str.find, which skips to the markers; a regular expression's `(.*?)` tried
    # the closing marker at every character, a fifth of a claim page's cost in our hooks.
    while (start := text.find(OPEN, pos)) != -1 and (end := text.find(CLOSE, start + len(OPEN))) != -1:
        found.append(text[start + len(OPEN) : end])
        out += [text[pos:start], f"<!--fc:{len(found) - 1}-->"]
        pos = end + len(CLOSE)
    return "".join(out) + text[pos:], found


# Our renderers write one space before each attribute; a pattern that starts with a fixed
# string is searched for quickly, one that starts with `\s` is tried at every space.
_ID = re.compile(r' id="([^"]+)"')


def ids(found: list[str]) -> set[str]:
    """The element ids the chunks hold, for MkDocs' check of links to anchors."""
    return {match.group(1) for html in found for match in _ID.finditer(html)}


def restore(html: str, found: list[str], resolve: Callable[[str], str]) -> str:
    """The page's HTML with every slot filled with its chunk, relative links resolved."""
    if not found:
        return html

    def link(match: re.Match) -> str:
        return f'{match.group(1)}{resolve(match.group(2))}"'

    def fill(match: re.Match) -> str:
        return _RELATIVE.sub(link, found[int(match.group(1))]).replace(TOC_MARK, "")

    return _SLOT.sub(fill, html)


def toc_tokens(html: str, found: list[str]) -> list[dict] | None:
    """The table of contents of a page (Markdown's HTML with its slots) as Markdown's toc
    extension makes it: its own headings and the marked ones of the chunks, nested by level.
    None when no chunk has a marked heading, so that Markdown's table of contents stands."""
    if not any(TOC_MARK in c for c in found):
        return None

    def marked(match: re.Match) -> str:
        return "".join(h.group(0) for h in _HEADING.finditer(found[int(match.group(1))]) if TOC_MARK in h.group(0))

    return nest_toc_tokens(
        [
            {
                "level": int(level),
                "id": html_lib.unescape(anchor),
                "name": strip_tags(inner),
                "html": inner,
                "data-toc-label": "",
            }
            for level, anchor, inner in _HEADING.findall(_SLOT.sub(marked, html))
        ]
    )
