"""A page being rendered for one edition, and what it needs to say about its translation:
which texts fell back to English or may be behind, and the notice that says so."""

from __future__ import annotations

from ..model import Text
from ..translations import MISSING, STALE
from .strings import ui


class Reader(str):
    """The language code of the page being rendered (it is a `str`, so it goes wherever a
    language does), which also collects the translation states of the texts put on the page.
    Renderers pass it down explicitly; the page's notice is made from `states`."""

    def __new__(cls, lang: str):
        reader = super().__new__(cls, lang)
        reader.states = set()
        return reader


def tr(text: Text | None, lang: str) -> str:
    """The text in the reader's language; the English where it has no translation."""
    if text is None:
        return ""
    if isinstance(lang, Reader) and text.state[lang] in (STALE, MISSING):
        lang.states.add(text.state[lang])
    return text.shown[lang]


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
