"""Pieces that recur across pages: verdict badges, citations of sources, change-log lines,
and the verdict colours."""

from __future__ import annotations

from ..model import Change, Source, Verdict
from ..safe_text import plain, url
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
    return f'<span class="fc-badge fc-badge--{verdict.key}">{plain(tr(verdict.name, lang))}</span>'


def source_title(source: Source, lang: str) -> str:
    """The title, linked when its address is known; said plainly when it is not. An item
    whose title is unknown is named by its description, in the reader's language."""
    if source.title == "unknown":
        title = f"*{plain(tr(source.description, lang))}* ({ui('title_unknown', lang)})"
        return f"{title} [{ui('link', lang)}]({url(source.url)})" if source.url else title
    title = plain(source.title)
    return f"[{title}]({url(source.url)})" if source.url else f"*{title}* ({ui('no_address', lang)})"


def display_title(source: Source, lang: str) -> str:
    """The title as plain text, for headings: the description where the title is unknown."""
    return tr(source.description, lang) if source.title == "unknown" else source.title


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def source_line(source: Source, lang: str) -> str:
    """A citation as fact-checkers write it, outlet first: Publisher, date: Title. By authors."""
    parts = [f"{plain(source.publisher)}, {date(source.date, lang)}: {source_title(source, lang)}."]
    if source.authors:
        parts.append(f"{ui('by_authors', lang)} {plain(', '.join(source.authors))}.")
    if source.archive_url:
        parts.append(f"[{ui('archived', lang)}]({url(source.archive_url)}).")
    if source.appearance_only:
        parts.append(f"*{capital(ui('appearance_only', lang))}.*")
    return " ".join(parts)


def verdicts_css(verdicts: list[Verdict]) -> str:
    rules = [f".fc-badge--{v.key} {{ background-color: {v.colour}; }}" for v in verdicts]
    return "/* Generated from verdicts.yaml; do not edit. */\n" + "\n".join(rules) + "\n"
