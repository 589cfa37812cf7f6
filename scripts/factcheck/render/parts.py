"""Pieces that recur across pages: verdict badges, citations of sources, change-log lines,
and the verdict colours. Each piece is finished HTML, for a stash.chunk."""

from __future__ import annotations

from markdown.extensions.toc import slugify

from ..model import Category, Change, Claim, Source, Verdict
from ..safe_text import html_text, html_url
from ..stash import TOC_MARK
from .reading import tr
from .strings import date, ui


def claim_path(slug: str) -> str:
    return f"claims/{slug}/"


def change_text(change: Change, lang: str) -> str:
    """A change-log entry as plain text: what changed, and the verdict change if any."""
    text = tr(change.summary, lang)
    if change.verdict_from:
        text += (
            f" {ui('verdict_changed', lang)} {tr(change.verdict_from.name, lang)} "
            f"{ui('to', lang)} {tr(change.verdict_to.name, lang)}."
        )
    return text


def badge(verdict: Verdict, lang: str) -> str:
    # The verdict is always written out: colour is never the only signal.
    return f'<span class="fc-badge fc-badge--{verdict.key}">{html_text(tr(verdict.name, lang))}</span>'


def heading(level: int, text: str, anchor: str | None = None) -> str:
    """A heading listed in the page's table of contents; without `anchor`, its id is the one
    Markdown's toc extension gives that text, so that links to it stay as they were."""
    anchor = anchor or slugify(text, "-")
    return f'<h{level} id="{anchor}"{TOC_MARK}>{html_text(text)}</h{level}>'


def link(address: str, inner: str) -> str:
    """A link to a web address (anything else becomes '#'); `inner` is HTML already."""
    return f'<a href="{html_url(address)}">{inner}</a>'


def source_title(source: Source, lang: str) -> str:
    """The title, linked when its address is known; said plainly when it is not. An item
    whose title is unknown is named by its description, in the reader's language."""
    if source.title == "unknown":
        title = f"<em>{html_text(tr(source.description, lang))}</em> ({ui('title_unknown', lang)})"
        return f"{title} {link(source.url, ui('link', lang))}" if source.url else title
    title = html_text(source.title)
    return link(source.url, title) if source.url else f"<em>{title}</em> ({ui('no_address', lang)})"


def display_title(source: Source, lang: str) -> str:
    """The title as plain text, for headings: the description where the title is unknown."""
    return tr(source.description, lang) if source.title == "unknown" else source.title


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def source_line(source: Source, lang: str) -> str:
    """A citation as fact-checkers write it, outlet first: Publisher, date: Title. By authors."""
    parts = [f"{html_text(source.publisher)}, {date(source.date, lang)}: {source_title(source, lang)}."]
    if source.authors:
        parts.append(f"{ui('by_authors', lang)} {html_text(', '.join(source.authors))}.")
    if source.archive_url:
        parts.append(f"{link(source.archive_url, ui('archived', lang))}.")
    if source.appearance_only:
        parts.append(f"<em>{capital(ui('appearance_only', lang))}.</em>")
    return " ".join(parts)


def claim_link(claim: Claim, lang: str, prefix: str) -> str:
    """A link to a claim's page; `prefix` leads from the page's source file to claims/."""
    return f'<a href="{prefix}{claim.slug}.md">{html_text(tr(claim.claim, lang))}</a>'


def claim_item(claim: Claim, lang: str, prefix: str) -> str:
    """A claim linked with its verdict."""
    return f"{badge(claim.verdict, lang)} {claim_link(claim, lang, prefix)}"


def category_link(category: Category, lang: str, prefix: str) -> str:
    """A link to a category's section; `prefix` leads from the page's source file to
    misconceptions/."""
    return f'<a href="{prefix}index.md#{category.key}">{html_text(tr(category.title, lang))}</a>'


def html_list(items: list[str], tag: str = "ul", attrs: str = "") -> list[str]:
    """An HTML list of finished items, one per line."""
    return [f"<{tag}{attrs}>", *(f"<li>{item}</li>" for item in items), f"</{tag}>"]


def verdicts_css(verdicts: list[Verdict]) -> str:
    rules = [f".fc-badge--{v.key} {{ background-color: {v.colour}; }}" for v in verdicts]
    return "/* Generated from verdicts.yaml; do not edit. */\n" + "\n".join(rules) + "\n"
