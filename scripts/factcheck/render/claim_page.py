"""One page per claim: verdict and short answer first, then the claim as it appeared,
the corrections with who made them, the explanation, categories and sources."""
from __future__ import annotations

import json

from ..model import Appearance, Claim, Quote, Rebuttal
from .text import badge, date, markdown, plain, source_line, source_title, tr, ui


def front_matter(claim: Claim, lang: str) -> str:
    # JSON strings are valid YAML scalars, whatever the text holds.
    return "\n".join(["---", f"title: {json.dumps(tr(claim.claim, lang), ensure_ascii=False)}",
                      f"description: {json.dumps(tr(claim.short_answer, lang), ensure_ascii=False)}", "---", ""])


def _quote(quote: Quote, lang: str, label: str, verbatim: bool = True) -> list[str]:
    kind = "fc-quote" if verbatim else "fc-quote fc-quote--paraphrase"
    lines = [f'<blockquote class="{kind}" lang="{quote.language}" markdown>', "", plain(quote.text), "", "</blockquote>"]
    translated = quote.translation.get(lang) if quote.language != lang else None
    if translated:
        lines += ["", f'<p class="fc-translation" markdown>{ui("translation", lang)}: {plain(translated)}</p>']
    lines += ["", f'<p class="fc-quote-kind" markdown>{label}</p>']
    return lines


def _appearance(appearance: Appearance, lang: str) -> list[str]:
    source = appearance.source
    label = ui("verbatim" if appearance.verbatim else "paraphrase", lang)
    lines = ['<div class="fc-appearance" markdown>', ""]
    lines += _quote(appearance.statement, lang, label, appearance.verbatim)
    lines += ["", f"**{plain(source.publisher)}**, {date(source.date, lang)} · {source_title(source, lang)}"]
    if appearance.via:
        lines += ["", f"{ui('known_via', lang)}: {source_line(appearance.via, lang)}"]
    if appearance.note:
        lines += ["", f"{ui('note', lang)}: {plain(tr(appearance.note, lang))}"]
    return lines + ["", "</div>", ""]


def _rebuttal(rebuttal: Rebuttal, lang: str) -> list[str]:
    expert = rebuttal.by
    lines = ['<div class="fc-rebuttal" markdown>', "",
             f"### {plain(expert.name)} ({plain(expert.affiliation)})", "", plain(tr(rebuttal.points, lang)), ""]
    if rebuttal.quote:
        lines += _quote(rebuttal.quote, lang, ui("their_words", lang)) + [""]
    lines += [f"{ui('source', lang)}: {source_line(rebuttal.source, lang)}", "", "</div>", ""]
    return lines


def render(claim: Claim, lang: str = "en") -> str:
    verdict = claim.verdict
    lines = [front_matter(claim, lang), f"# {plain(tr(claim.claim, lang))}", "",
             '<div class="fc-verdict" markdown>', "",
             f"{ui('verdict', lang)}: {badge(verdict, lang)} {plain(tr(verdict.definition, lang))}", "", "</div>", "",
             '<div class="fc-answer" markdown>', "",
             f"**{ui('in_short', lang)}:** {plain(tr(claim.short_answer, lang))}", "", "</div>", "",
             f"## {ui('how_it_appeared', lang)}", ""]
    for appearance in claim.appearances:
        lines += _appearance(appearance, lang)
    lines += [f"## {ui('what_sources_show', lang)}", ""]
    for rebuttal in claim.rebuttals:
        lines += _rebuttal(rebuttal, lang)
    lines += [f"## {ui('explanation', lang)}", "", markdown(tr(claim.explanation, lang)), "",
              f"## {ui('categories', lang)}", ""]
    lines += [f"- [{plain(tr(c.title, lang))}](../misconceptions/index.md#{c.key}): {plain(tr(c.correct, lang))}"
              for c in claim.categories]
    lines += ["", f"## {ui('sources', lang)}", ""]
    lines += [f"{i}. {source_line(s, lang)}" for i, s in enumerate(claim.sources, 1)]
    lines += ["", '<p class="fc-dates" markdown>',
              f"{ui('claim_number', lang)} {claim.id} · {ui('published', lang)} {date(claim.published, lang)} · "
              f"{ui('reviewed', lang)} {date(claim.reviewed, lang)}", "</p>", ""]
    return "\n".join(lines)
