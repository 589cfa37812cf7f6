"""Shared pieces of every page: safe text, dates, verdict badges, links, interface strings."""

from __future__ import annotations

import contextvars
import re
import string
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..links import allowed, replace_targets
from ..model import Change, Localized, Source, Verdict
from ..translations import MISSING, STALE, status

_PUNCT = set(string.punctuation)


@dataclass(frozen=True)
class SiteInfo:
    """What pages need to know about the published site, for one edition."""

    name: str
    url: str  # absolute address of this edition's root, ending in "/"
    lang: str = "en"

    def page(self, path: str) -> str:
        return self.url + path

    def edition(self, lang: str) -> SiteInfo:
        """The same site in another language: English at the root, others under /<lang>/."""
        root = self.url.removesuffix(f"{self.lang}/") if self.lang != "en" else self.url
        return SiteInfo(self.name, root if lang == "en" else f"{root}{lang}/", lang)


def claim_path(slug: str) -> str:
    return f"claims/{slug}/"


@lru_cache(maxsize=None)
def _ui() -> dict:
    return yaml.safe_load((Path(__file__).parent / "ui.yaml").read_text(encoding="utf-8"))


def ui(key: str, lang: str = "en") -> str:
    return _ui().get(lang, {}).get(key) or _ui()["en"][key]


_seen: contextvars.ContextVar[set | None] = contextvars.ContextVar("translation_states", default=None)


@contextmanager
def translation_states():
    """Collect, while a page is rendered, whether any text on it was stale or missing."""
    token = _seen.set(set())
    try:
        yield _seen.get()
    finally:
        _seen.reset(token)


def tr(text: Localized | None, lang: str = "en") -> str:
    """The text in the reader's language; English where no translation exists."""
    if not text:
        return ""
    state = status(text, lang)
    seen = _seen.get()
    if seen is not None and state in (STALE, MISSING):
        seen.add(state)
    return text["en"] if state == MISSING else text[lang]


def under_title(markdown: str, lines: list[str]) -> str:
    """Markdown with lines put right under its `# ` title (at the top if it has none)."""
    page = markdown.split("\n")
    title = next((i for i, line in enumerate(page) if line.startswith("# ")), -1)
    return "\n".join(page[: title + 1] + [""] + lines + page[title + 1 :])


def translation_notice(states: set, lang: str) -> list[str]:
    """A visible notice on a page whose translation is missing in part, or may be behind."""
    lines = []
    for state, key in ((MISSING, "missing_notice"), (STALE, "stale_notice")):
        if state in states:
            lines += [f'!!! warning "{ui("translation_notice_title", lang)}"', "", f"    {ui(key, lang)}", ""]
    return lines


def plain(text: str) -> str:
    """Literal text in Markdown: every punctuation mark escaped (pymdownx.escapeall), so
    nothing an editor writes can become markup, a link or a heading."""
    flat = " ".join(text.split())
    return "".join("\\" + ch if ch in _PUNCT else ch for ch in flat)


def markdown(text: str) -> str:
    """An editor's Markdown field. The checker refuses HTML, images and script links; they are
    neutralised here again, so that nothing executable reaches a reader even if a check is
    bypassed: '<' is escaped, images become plain links, and any link target that is not a
    web address or a link within the site becomes '#'."""

    escaped = text.replace("<", "&lt;").replace("![", "\\!\\[")
    return replace_targets(escaped, lambda target: target if allowed(target) else "#").strip()


def url(address: str) -> str:
    """An address safe inside a Markdown link target; anything but http(s) becomes '#'."""
    if not re.match(r"https?://", address):
        return "#"
    return address.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def date(value: str, lang: str = "en") -> str:
    if value == "unknown":
        return ui("date_unknown", lang)
    parts = value.split("-")
    months = ui("months", lang)
    if len(parts) == 1:
        return parts[0]
    month = months[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def change_text(change: Change, lang: str = "en") -> str:
    """A change-log entry as plain text: what changed, and the verdict change if any."""
    text = tr(change.summary, lang)
    if change.verdict_from:
        text += (
            f" {ui('verdict_changed', lang)} {tr(change.verdict_from.name, lang)} "
            f"{ui('to', lang)} {tr(change.verdict_to.name, lang)}."
        )
    return text


def badge(verdict: Verdict, lang: str = "en") -> str:
    # The verdict is always written out: colour is never the only signal.
    return f'<span class="fc-badge fc-badge--{verdict.key}">{plain(tr(verdict.name, lang))}</span>'


def source_title(source: Source, lang: str = "en") -> str:
    """The title, linked when its address is known; said plainly when it is not. An item
    whose title is unknown is named by its description, in the reader's language."""
    if source.title == "unknown":
        title = f"*{plain(tr(source.description, lang))}* ({ui('title_unknown', lang)})"
        return f"{title} [{ui('link', lang)}]({url(source.url)})" if source.url else title
    title = plain(source.title)
    return f"[{title}]({url(source.url)})" if source.url else f"*{title}* ({ui('no_address', lang)})"


def display_title(source: Source, lang: str = "en") -> str:
    """The title as plain text, for headings: the description where the title is unknown."""
    return tr(source.description, lang) if source.title == "unknown" else source.title


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def source_line(source: Source, lang: str = "en", link_prefix: str = "") -> str:
    """A citation as fact-checkers write it, outlet first: Publisher, date: Title. By authors."""
    parts = [f"{plain(source.publisher)}, {date(source.date, lang)}: {source_title(source, lang)}."]
    if source.authors:
        parts.append(f"{ui('by_authors', lang)} {plain(', '.join(source.authors))}.")
    if source.archive_url:
        parts.append(f"[{ui('archived', lang)}]({url(source.archive_url)}).")
    if source.appearance_only:
        parts.append(f"*{_capital(ui('appearance_only', lang))}.*")
    return " ".join(parts)


def verdicts_css(verdicts: list[Verdict]) -> str:
    rules = [f".fc-badge--{v.key} {{ background-color: {v.colour}; }}" for v in verdicts]
    return "/* Generated from verdicts.yaml; do not edit. */\n" + "\n".join(rules) + "\n"
