"""The rules for editors' text, in one place: what a link is in their Markdown and which
targets are allowed (the checker refuses a bad one), and how text is neutralised on the
way to a page (so that nothing executable reaches a reader even if a check is bypassed).
One module, so that the checker and the renderer can never disagree."""

from __future__ import annotations

import html
import re
import string
from typing import Callable

import cmarkgfm

# An inline link `](target)` or a reference definition `[name]: target`.
LINK = re.compile(r"(\]\(\s*<?)([^)\s>]*)|^(\s{0,3}\[[^\]]+\]:\s*<?)(\S*)", re.M)
# A web address, an anchor on the page, or a page of the site.
ALLOWED_TARGET = re.compile(r"https?://[^\s]+$|#[\w-]+$|\.\./[\w./#-]+$")
_PUNCT = set(string.punctuation)


def targets(text: str) -> list[str]:
    return [m.group(2) if m.group(1) else m.group(4) for m in LINK.finditer(text)]


def allowed(target: str) -> bool:
    return bool(ALLOWED_TARGET.match(target))


def replace_targets(text: str, replace: Callable[[str], str]) -> str:
    def one(match: re.Match) -> str:
        head, target = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        return head + replace(target)

    return LINK.sub(one, text)


# HTML's markup characters, and those that Markdown and the enabled extensions need for any
# syntax inside a line (links and images, emphasis, code, escapes, attribute lists), as
# numeric entities: the text stays text in HTML, and also if Markdown ever reads the chunk
# (a build without the hook). Whitespace is flattened, so no line-start syntax can occur.
_INLINE_SYNTAX = "[]*_`\\{}"
_HTML_TEXT = str.maketrans({ch: f"&#{ord(ch)};" for ch in '&<>"' + _INLINE_SYNTAX})


def html_text(text: str) -> str:
    """Literal text in finished HTML (stash.chunk), whitespace flattened as in `plain`; safe
    inside an element and in a quoted attribute."""
    return " ".join(text.split()).translate(_HTML_TEXT)


def html_url(address: str) -> str:
    """An address safe in an HTML attribute; anything but http(s) becomes '#'."""
    return html.escape(address, quote=True) if re.match(r"https?://", address) else "#"


def plain(text: str) -> str:
    """Literal text in Markdown: every punctuation mark escaped (pymdownx.escapeall), so
    nothing an editor writes can become markup, a link or a heading."""
    flat = " ".join(text.split())
    return "".join("\\" + ch if ch in _PUNCT else ch for ch in flat)


def markdown(text: str) -> str:
    """An editor's Markdown field. The checker refuses HTML, images and script links; they are
    neutralised here again: '<' is escaped, images become plain links, and any link target
    that is not a web address or a link within the site becomes '#'."""
    escaped = text.replace("<", "&lt;").replace("![", "\\!\\[")
    return replace_targets(escaped, lambda target: target if allowed(target) else "#").strip()


# Text between tags in cmark's output: '&<>"' are entities already; the rest of what an
# inline Markdown pattern needs becomes one too, as in html_text.
_TEXT_NODE = re.compile(r"(?<=>)[^<]+")
_INLINE = str.maketrans({ch: f"&#{ord(ch)};" for ch in _INLINE_SYNTAX})


def markdown_html(text: str) -> str:
    """An editor's Markdown field as finished HTML (stash.chunk): neutralised as by `markdown`,
    converted by cmark (CommonMark, in C: Python-Markdown spent several milliseconds on each
    explanation) in its safe mode, which drops raw HTML and script links once more."""
    html = cmarkgfm.markdown_to_html(markdown(text))
    return _TEXT_NODE.sub(lambda m: m.group(0).translate(_INLINE), html).strip()
