"""The generated index pages: all claims, the misconception index, sources, experts,
and the fragments that hand-written pages include (top myths, the verdict scale)."""

from __future__ import annotations

from ..model import Site, Source
from ..safe_text import html_text, markdown_html, plain
from ..schema import schemas
from ..stash import chunk, chunks
from .charts import site_chart
from .diagram import diagram
from .entries import VERDICTS, Entries, record
from .parts import badge, capital, category_link, claim_item, display_title, html_list, link, source_line
from .reading import tr
from .strings import date, ui

# Lists that repeat what the claim pages hold stay out of the search index: every reader
# downloads the whole index on first search, and it would grow with each of them.
UNSEARCHED = {"page_claims", "page_sources", "page_experts"}


def _title(key: str, lang: str) -> str:
    search = "search:\n  exclude: true\n" if key in UNSEARCHED else ""
    return f"---\ntitle: {ui(key, lang)}\n{search}---\n\n# {ui(key, lang)}\n\n"


def all_claims(site: Site, lang: str = "en") -> str:
    items = []
    for claim in site.claims:
        cats = ", ".join(category_link(c, lang, "../misconceptions/") for c in claim.categories)
        items.append(f"{claim_item(claim, lang, '')}<br>\n{ui('claim_number', lang)} {claim.id} · {cats}")
    return _title("page_claims", lang) + ui("all_claims_intro", lang) + "\n\n" + chunks(html_list(items)) + "\n"


def _count(n: int, lang: str) -> str:
    return f"{n} {ui('count_claim' if n == 1 else 'count_claims', lang)}"


def misconceptions(site: Site, lang: str = "en") -> str:
    rows = [
        f'<tr><td><a href="#{c.key}">{html_text(tr(c.title, lang))}</a></td><td>{len(c.claims)}</td></tr>'
        for c in site.categories
    ]
    table = [
        f'<table><thead><tr><th>{ui("category", lang)}</th><th style="text-align: right">{ui("count", lang)}</th>'
        "</tr></thead><tbody>",
        *rows,
        "</tbody></table>",
    ]
    lines = [_title("page_misconceptions", lang) + ui("misconceptions_intro", lang), "", chunks(table), ""]
    lines += [f"## {ui('chart_site_title', lang)} {{ #per-year }}", "", chunks(site_chart(site, lang)), ""]
    for n, category in enumerate(site.categories, 1):
        correct = (
            f'<div class="fc-correct"><p><strong>{ui("correct_version", lang)}:</strong> '
            f"{html_text(tr(category.correct, lang))}</p></div>"
        )
        listed = f"<p><strong>{ui('claims_in_category', lang)}</strong> ({_count(len(category.claims), lang)}):</p>"
        lines += [
            f"## {n}. {plain(tr(category.title, lang))} {{ #{category.key} }}",
            "",
            chunk(correct),
            "",
            chunk(markdown_html(tr(category.explanation, lang))),
            "",
            chunks([listed, *html_list([claim_item(c, lang, "../claims/") for c in category.claims])]),
            "",
        ]
    return "\n".join(lines)


# The kinds in the order the schema lists them: a kind added there is listed here too.
SOURCE_KINDS = tuple(schemas()["source.schema.json"]["properties"]["kind"]["enum"])


def sources(site: Site, lang: str = "en", digests: dict | None = None) -> str:
    """`digests` of the input files let a rebuild reuse the entries of unchanged sources
    (entries.py): thousands at scale, and any claim's title is on some of them."""
    lines, entries = [_title("page_sources", lang) + ui("sources_intro", lang), ""], Entries("sources", lang, digests)
    for kind in SOURCE_KINDS:
        group = sorted((s for s in site.sources if s.kind == kind), key=lambda s: (s.publisher.lower(), s.date, s.key))
        if group:
            lines += [f"## {capital(ui('kind_' + kind, lang))} {{ #kind-{kind} }}", ""]
        for source in group:
            # Thousands of sources at scale: their headings stay out of Markdown and out of the
            # page's table of contents, which lists the kinds.
            lines += [entries.entry(_source_inputs(source), lambda r, s=source: _source(s, r)), ""]
    entries.close()
    return "\n".join(lines)


def _source_inputs(source: Source) -> list[str]:
    return [record("source", source.key), VERDICTS, *(record("claim", c.slug) for c in source.cited_by)]


def _source(source: Source, lang: str) -> str:
    body = [
        f'<h3 id="{html_text(source.key)}">{html_text(display_title(source, lang))}</h3>',
        f"<p>{source_line(source, lang)}</p>",
    ]
    if source.note:
        body += [f"<p>{ui('note', lang)}: {html_text(tr(source.note, lang))}</p>"]
    body += _excerpts(source, lang)
    if source.cited_by:
        body += [
            f"<p>{ui('cited_by', lang)}:</p>",
            *html_list([claim_item(c, lang, "../claims/") for c in source.cited_by]),
        ]
    return chunks(body)


def _excerpts(source: Source, lang: str) -> list[str]:
    """The passages we quote, as read: a reader can check each quotation against them."""
    lines = []
    for excerpt in source.excerpts:
        seed = not excerpt.read_at.startswith("http")
        where = (
            f"{ui('the_seed', lang)} ({html_text(excerpt.read_at)})"
            if seed
            else link(excerpt.read_at, html_text(excerpt.read_at))
        )
        read = ui("read_at_on", lang).format(where=where, day=date(excerpt.read_on, lang))
        lines += [
            f'<blockquote class="fc-excerpt" lang="{source.language}">',
            f"<p>{html_text(excerpt.text)}</p>",
            f'<div class="fc-excerpt__read" lang="{lang}"><p>{capital(read)}</p></div>',
            "</blockquote>",
        ]
    return [f"<p>{ui('excerpts', lang)}:</p>", *lines] if lines else []


def experts(site: Site, lang: str = "en") -> str:
    lines = [_title("page_experts", lang) + ui("experts_intro", lang), ""]
    for kind, heading in (("person", "experts_people"), ("organisation", "experts_bodies")):
        lines += [f"## {ui(heading, lang)} {{ #{kind} }}", ""]
        for expert in (e for e in site.experts if e.kind == kind):
            website = f" · {link(expert.url, ui('website', lang))}" if expert.url else ""
            affiliation = html_text(expert.affiliation) if expert.affiliation != "unknown" else ui("not_known", lang)
            body = [
                f"<p>{ui('affiliation', lang)}: {affiliation} · {ui('field', lang)}: "
                f"{html_text(tr(expert.field, lang))}{website}</p>"
            ]
            if expert.claims:
                body += [f"<p>{ui('claims_rebutted', lang)}:</p>"]
                body += html_list([claim_item(c, lang, "../claims/") for c in expert.claims])
            lines += [f"### {plain(expert.name)} {{ #{expert.key} }}", "", chunks(body), ""]
    return "\n".join(lines)


def top_myths(site: Site, lang: str = "en", count: int = 6) -> str:
    """The most repeated myths: most media appearances recorded, then lowest id."""
    ranked = sorted(site.claims, key=lambda c: (-len(c.appearances), c.id))[:count]
    items = [f"{claim_item(c, lang, 'claims/')} ({len(c.appearances)} {ui('times_repeated', lang)})" for c in ranked]
    return chunks(html_list(items)) + "\n"


def verdict_scale(site: Site, lang: str = "en") -> str:
    head = f"<tr><th>{ui('verdict_name', lang)}</th><th>{ui('definition', lang)}</th><th>{ui('rating', lang)}</th></tr>"
    rows = []
    for v in site.verdicts:
        rating = str(v.rating) if v.rating else ui("off_scale", lang)
        rows.append(f"<tr><td>{badge(v, lang)}</td><td>{html_text(tr(v.definition, lang))}</td><td>{rating}</td></tr>")
    return chunks([f"<table><thead>{head}</thead><tbody>", *rows, "</tbody></table>"]) + "\n"


def category_list(site: Site, lang: str = "en") -> str:
    items = [f"{category_link(c, lang, 'misconceptions/')}: {html_text(tr(c.correct, lang))}" for c in site.categories]
    return chunks(html_list(items)) + "\n"


FRAGMENTS = {
    "top-myths": top_myths,
    "verdict-scale": verdict_scale,
    "category-list": category_list,
    "components-diagram": diagram,
}
