"""One page per claim: verdict and short answer first, then the claim as it appeared
(with annotated phrases), the corrections with who made them, the explanation,
categories, sources, history, a ready citation and a QR code for the printed handout."""

from __future__ import annotations

import html
import json

from ..editions import SiteInfo
from ..model import Appearance, Claim, Quote, Rebuttal
from ..safe_text import html_text, markdown_html, plain
from ..stash import chunk, chunks
from . import charts, timeline
from .annotations import notes_html, statement_html
from .cards import claim_card
from .cite import apa, bibtex
from .cited_pages import back_links
from .claimreview import claim_review
from .parts import badge, category_link, change_text, heading, html_list, source_line, source_title
from .qr import claim_qr
from .reading import tr
from .strings import date, ui


def _attribute(text: str) -> str:
    # The theme writes title and description into <title> and attributes unescaped.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def front_matter(claim: Claim, info: SiteInfo, lang: str) -> str:
    # JSON is valid YAML, whatever the text holds; the template writes the review with `tojson`.
    # The review is one JSON string, which the hook reads back (mkdocs_hook.on_page_markdown):
    # as a YAML mapping it cost MkDocs' front-matter parser 0.5 ms a page, most of a claim
    # page's cost over a plain page's.
    meta = {
        "title": _attribute(tr(claim.claim, lang)),
        "description": _attribute(tr(claim.short_answer, lang)),
        "claimreview": json.dumps(claim_review(claim, info), ensure_ascii=False),
        "image": claim_card(claim, info, lang)[0],
    }
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items()) + "---\n"


def _quote(quote: Quote, lang: str, label: str, verbatim: bool = True, body: str | None = None) -> list[str]:
    kind = "fc-quote" if verbatim else "fc-quote fc-quote--paraphrase"
    text = body if body is not None else html_text(quote.text)
    lines = [f'<blockquote class="{kind}" lang="{quote.language}">', f"<p>{text}</p>", "</blockquote>"]
    translated = quote.translation.get(lang) if quote.language != lang else None
    if translated:
        lines += [f'<p class="fc-translation">{ui("translation", lang)}: {html_text(translated)}</p>']
    return lines + [f'<p class="fc-quote-kind">{label}</p>']


def _appearance(appearance: Appearance, n: int, claim: Claim, lang: str) -> list[str]:
    source, anchor = appearance.source, f"note-{n}"
    label = ui("verbatim" if appearance.verbatim else "paraphrase", lang)
    body = statement_html(appearance, anchor, lang) if appearance.annotations else None
    classes = "fc-appearance fc-annotated" if appearance.annotations else "fc-appearance"
    lines = [f'<div class="{classes}">', *_quote(appearance.statement, lang, label, appearance.verbatim, body)]
    if appearance.annotations:
        lines += [notes_html(appearance, claim, anchor, lang)]
    line = f"<strong>{html_text(source.publisher)}</strong>, {date(source.date, lang)} · {source_title(source, lang)}"
    if source.appearance_only:
        line += f" · <em>{ui('appearance_only', lang)}</em>"
    lines += [f"<p>{line}</p>"]
    if appearance.via:
        lines += [f"<p>{ui('known_via', lang)}: {source_line(appearance.via, lang)}</p>"]
    if appearance.note:
        lines += [f"<p>{ui('note', lang)}: {html_text(tr(appearance.note, lang))}</p>"]
    return ["", chunks([*lines, "</div>"]), ""]


def _affiliation(affiliation: str) -> str:
    # An unknown affiliation is left out, not shown as the word `unknown`.
    return "" if affiliation == "unknown" else f" — {affiliation}"


def _rebuttal(rebuttal: Rebuttal, n: int, lang: str) -> list[str]:
    title = rebuttal.by.name + _affiliation(rebuttal.affiliation_then)
    body = ['<div class="fc-rebuttal">', heading(3, title, f"rebuttal-{n}")]
    body += [f"<p>{html_text(tr(rebuttal.points, lang))}</p>"]
    if rebuttal.quote:
        body += _quote(rebuttal.quote, lang, ui("their_words", lang))
    body += [f"<p>{ui('source', lang)}: {source_line(rebuttal.source, lang)}</p>", "</div>"]
    return ["", chunks(body), ""]


def _history(claim: Claim, lang: str) -> list[str]:
    items = [f"{date(claim.published, lang)}: {ui('first_published', lang)}"]
    items += [f"{date(change.date, lang)}: {html_text(change_text(change, lang))}" for change in claim.changes]
    return [
        chunk(heading(2, ui("history", lang), "history")),
        "",
        chunks([f"<p>{ui('reviewed', lang)}: <strong>{date(claim.reviewed, lang)}</strong></p>", *html_list(items)]),
        "",
    ]


def _correction(claim: Claim, lang: str) -> list[str]:
    """The latest correction, where a reader cannot miss it; the history lists them all."""
    if not claim.changes:
        return []
    latest = claim.changes[-1]
    return [
        chunk(
            '<div class="fc-correction" role="note">'
            f"<p><strong>{ui('corrected_on', lang)} {date(latest.date, lang)}:</strong> "
            f"{html_text(change_text(latest, lang))} "
            f'<a href="#history">{ui("full_history", lang)}</a></p></div>'
        ),
        "",
    ]


def _cite(claim: Claim, info: SiteInfo, lang: str) -> list[str]:
    """Ready citations; assets/annotations.js adds a copy button to each where JavaScript runs."""
    blocks = []
    for name, text in (("APA", apa(claim, info)), ("BibTeX", bibtex(claim, info))):
        blocks += [
            f'<p class="fc-cite-label">{name}:</p>',
            f'<pre data-copy-label="{ui("copy", lang)} {name}" data-copied-label="{ui("copied", lang)}">'
            f"<code>{html.escape(text)}</code></pre>",
        ]
    return [
        chunk(heading(2, ui("cite", lang), "cite")),
        "",
        chunks([f"<p>{ui('cite_intro', lang)}</p>", '<div class="fc-cite">', *blocks, "</div>"]),
        "",
    ]


def _qr(claim: Claim, info: SiteInfo, lang: str) -> list[str]:
    path, url, _ = claim_qr(claim, info)
    return [
        '<figure class="fc-qr">',
        f'<img class="fc-qr-code" src="../{path}" alt="{ui("qr_title", lang)}">',
        f"<figcaption>{ui('qr_caption', lang)} {html.escape(url)}</figcaption>",
        "</figure>",
    ]


def _dates(claim: Claim, info: SiteInfo, lang: str) -> str:
    short = info.page(f"c/{claim.id}/")
    return (
        f'<p class="fc-dates">{ui("claim_number", lang)} {claim.id} · {ui("published", lang)} '
        f"{date(claim.published, lang)} · {ui('reviewed', lang)} {date(claim.reviewed, lang)} · "
        f'{ui("short_link", lang)} <a href="../c/{claim.id}/index.html">{html.escape(short)}</a></p>'
    )


def _categories(claim: Claim, lang: str) -> list[str]:
    items = [
        f"{category_link(c, lang, '../misconceptions/')}: {html_text(tr(c.correct, lang))}" for c in claim.categories
    ]
    return [chunks([heading(2, ui("categories", lang)), *html_list(items)]), ""]


def render(claim: Claim, info: SiteInfo, lang: str | None = None, explained: list | None = None) -> str:
    """The page in the edition of `info`; `lang` may be that edition's Reader, which collects
    the translation states of the texts on the page. `explained`: the sections of the
    primer that explain the claim (pages.explained_in)."""
    lang, verdict = lang or info.lang, claim.verdict
    head = [
        f'<div class="fc-verdict"><p>{ui("verdict", lang)}: {badge(verdict, lang)} '
        f"{html_text(tr(verdict.definition, lang))}</p></div>",
    ]
    answer = f'<div class="fc-answer"><p><strong>{ui("in_short", lang)}:</strong> {html_text(tr(claim.short_answer, lang))}</p></div>'
    lines = [
        front_matter(claim, info, lang),
        f"# {plain(tr(claim.claim, lang))}",
        "",
        chunks(head),
        "",
        *_correction(claim, lang),
        chunk(answer),
        "",
        chunks([heading(2, ui("how_it_appeared", lang)), *charts.claim_chart(claim, lang)]),
        "",
    ]
    for n, appearance in enumerate(claim.appearances, 1):
        lines += _appearance(appearance, n, claim, lang)
    lines += [chunk(heading(2, ui("what_sources_show", lang))), ""]
    for n, rebuttal in enumerate(claim.rebuttals, 1):
        lines += _rebuttal(rebuttal, n, lang)
    lines += [
        chunks([heading(2, ui("explanation", lang)), markdown_html(tr(claim.explanation, lang))]),
        "",
        *back_links(explained or [], lang),
        *_categories(claim, lang),
        *timeline.claim_section(claim, lang),
        chunks([heading(2, ui("sources", lang)), *html_list([source_line(s, lang) for s in claim.sources], "ol")]),
        "",
        *_history(claim, lang),
        *_cite(claim, info, lang),
        chunks([*_qr(claim, info, lang), _dates(claim, info, lang)]),
        "",
    ]
    return "\n".join(lines)
