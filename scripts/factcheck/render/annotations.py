"""A quoted statement with its annotated phrases marked. Without JavaScript the notes are
a numbered list under the quote; assets/annotations.js turns each marker into a button
that opens its note inline (keyboard and screen reader included)."""

from __future__ import annotations

import html

from ..model import Appearance, Claim
from .reading import tr
from .strings import ui


def _segments(statement: str, phrases: list[str]) -> list[tuple[str, int | None]]:
    """The statement cut into (text, note number or None), in order."""
    spans = sorted((statement.index(p), statement.index(p) + len(p), n) for n, p in enumerate(phrases, 1))
    out, pos = [], 0
    for start, end, n in spans:
        out += [(statement[pos:start], None), (statement[start:end], n)]
        pos = end
    return out + [(statement[pos:], None)]


def statement_html(appearance: Appearance, anchor: str, lang: str) -> str:
    parts = []
    for text, n in _segments(appearance.statement.text, [a.phrase for a in appearance.annotations]):
        if n is None:
            parts.append(html.escape(text))
        else:
            parts.append(
                f'<mark class="fc-phrase">{html.escape(text)}</mark>'
                f'<a class="fc-marker" href="#{anchor}-{n}" aria-label="{ui("note", lang)} {n}">{n}</a>'
            )
    return "".join(parts)


def notes_html(appearance: Appearance, claim: Claim, anchor: str, lang: str) -> str:
    items = []
    for n, a in enumerate(appearance.annotations, 1):
        rebuttal = claim.rebuttals[a.rebuttal - 1]
        items.append(
            f'<li id="{anchor}-{n}"><strong>{html.escape(a.phrase)}</strong>: {html.escape(tr(a.note, lang))} '
            f'<a href="#rebuttal-{a.rebuttal}">{ui("answered_by", lang)} {html.escape(rebuttal.by.name)}</a></li>'
        )
    return f'<ol class="fc-notes" aria-label="{ui("notes_on_statement", lang)}">' + "".join(items) + "</ol>"
