"""The generated index pages: all claims, the misconception index, sources, experts,
and the fragments that hand-written pages include (top myths, the verdict scale)."""

from __future__ import annotations

from ..model import Claim, Site, Source
from ..safe_text import markdown, plain, url
from ..schema import schemas
from .charts import site_chart
from .diagram import diagram
from .parts import badge, capital, display_title, source_line
from .reading import tr
from .strings import date, ui

# Lists that repeat what the claim pages hold stay out of the search index: every reader
# downloads the whole index on first search, and it would grow with each of them.
UNSEARCHED = {"page_claims", "page_sources", "page_experts"}


def _title(key: str, lang: str) -> str:
    search = "search:\n  exclude: true\n" if key in UNSEARCHED else ""
    return f"---\ntitle: {ui(key, lang)}\n{search}---\n\n# {ui(key, lang)}\n\n"


def claim_item(claim: Claim, lang: str, prefix: str) -> str:
    """One line linking a claim, with its verdict; `prefix` leads from the page to claims/."""
    return f"- {badge(claim.verdict, lang)} [{plain(tr(claim.claim, lang))}]({prefix}{claim.slug}.md)"


def all_claims(site: Site, lang: str = "en") -> str:
    lines = [_title("page_claims", lang) + ui("all_claims_intro", lang), ""]
    for claim in site.claims:
        cats = ", ".join(f"[{plain(tr(c.title, lang))}](../misconceptions/index.md#{c.key})" for c in claim.categories)
        lines.append(f"{claim_item(claim, lang, '')}  \n  {ui('claim_number', lang)} {claim.id} · {cats}")
    return "\n".join(lines) + "\n"


def _count(n: int, lang: str) -> str:
    return f"{n} {ui('count_claim' if n == 1 else 'count_claims', lang)}"


def misconceptions(site: Site, lang: str = "en") -> str:
    lines = [
        _title("page_misconceptions", lang) + ui("misconceptions_intro", lang),
        "",
        f"| {ui('category', lang)} | {ui('count', lang)} |",
        "|---|---:|",
    ]
    lines += [f"| [{plain(tr(c.title, lang))}](#{c.key}) | {len(c.claims)} |" for c in site.categories]
    lines += ["", f"## {ui('chart_site_title', lang)} {{ #per-year }}", "", *site_chart(site, lang)]
    for n, category in enumerate(site.categories, 1):
        lines += [
            f"## {n}. {plain(tr(category.title, lang))} {{ #{category.key} }}",
            "",
            '<div class="fc-correct" markdown>',
            "",
            f"**{ui('correct_version', lang)}:** {plain(tr(category.correct, lang))}",
            "",
            "</div>",
            "",
            markdown(tr(category.explanation, lang)),
            "",
            f"**{ui('claims_in_category', lang)}** ({_count(len(category.claims), lang)}):",
            "",
        ]
        lines += [claim_item(c, lang, "../claims/") for c in category.claims] + [""]
    return "\n".join(lines)


# The kinds in the order the schema lists them: a kind added there is listed here too.
SOURCE_KINDS = tuple(schemas()["source.schema.json"]["properties"]["kind"]["enum"])


def sources(site: Site, lang: str = "en") -> str:
    lines = [_title("page_sources", lang) + ui("sources_intro", lang), ""]
    for kind in SOURCE_KINDS:
        group = sorted((s for s in site.sources if s.kind == kind), key=lambda s: (s.publisher.lower(), s.date, s.key))
        if group:
            lines += [f"## {capital(ui('kind_' + kind, lang))} {{ #kind-{kind} }}", ""]
        for source in group:
            lines += [
                f"### {plain(display_title(source, lang))} {{ #{source.key} }}",
                "",
                source_line(source, lang),
                "",
            ]
            if source.note:
                lines += [f"{ui('note', lang)}: {plain(tr(source.note, lang))}", ""]
            lines += _excerpts(source, lang)
            if source.cited_by:
                lines += [f"{ui('cited_by', lang)}:", ""] + [claim_item(c, lang, "../claims/") for c in source.cited_by]
                lines.append("")
    return "\n".join(lines)


def _excerpts(source: Source, lang: str) -> list[str]:
    """The passages we quote, as read: a reader can check each quotation against them."""
    lines = []
    for excerpt in source.excerpts:
        seed = not excerpt.read_at.startswith("http")
        where = (
            f"{ui('the_seed', lang)} ({plain(excerpt.read_at)})"
            if seed
            else f"[{plain(excerpt.read_at)}]({url(excerpt.read_at)})"
        )
        read = ui("read_at_on", lang).format(where=where, day=plain(date(excerpt.read_on, lang)))
        lines += [f'<blockquote class="fc-excerpt" lang="{source.language}" markdown>', "", plain(excerpt.text), ""]
        lines += [f'<div class="fc-excerpt__read" lang="{lang}" markdown>', "", capital(read), "", "</div>"]
        lines += ["", "</blockquote>", ""]
    return [f"{ui('excerpts', lang)}:", ""] + lines if lines else []


def experts(site: Site, lang: str = "en") -> str:
    lines = [_title("page_experts", lang) + ui("experts_intro", lang), ""]
    for kind, heading in (("person", "experts_people"), ("organisation", "experts_bodies")):
        lines += [f"## {ui(heading, lang)} {{ #{kind} }}", ""]
        for expert in (e for e in site.experts if e.kind == kind):
            link = f" · [{ui('website', lang)}]({url(expert.url)})" if expert.url else ""
            lines += [
                f"### {plain(expert.name)} {{ #{expert.key} }}",
                "",
                f"{ui('affiliation', lang)}: {plain(expert.affiliation) if expert.affiliation != 'unknown' else ui('not_known', lang)} · {ui('field', lang)}: "
                f"{plain(tr(expert.field, lang))}{link}",
                "",
            ]
            if expert.claims:
                lines += [f"{ui('claims_rebutted', lang)}:", ""] + [
                    claim_item(c, lang, "../claims/") for c in expert.claims
                ]
                lines.append("")
    return "\n".join(lines)


def top_myths(site: Site, lang: str = "en", count: int = 6) -> str:
    """The most repeated myths: most media appearances recorded, then lowest id."""
    ranked = sorted(site.claims, key=lambda c: (-len(c.appearances), c.id))[:count]
    return (
        "\n".join(
            f"{claim_item(c, lang, 'claims/')} ({len(c.appearances)} {ui('times_repeated', lang)})" for c in ranked
        )
        + "\n"
    )


def verdict_scale(site: Site, lang: str = "en") -> str:
    lines = [f"| {ui('verdict_name', lang)} | {ui('definition', lang)} | {ui('rating', lang)} |", "|---|---|---|"]
    for v in site.verdicts:
        rating = str(v.rating) if v.rating else ui("off_scale", lang)
        lines.append(f"| {badge(v, lang)} | {plain(tr(v.definition, lang))} | {rating} |")
    return "\n".join(lines) + "\n"


def category_list(site: Site, lang: str = "en") -> str:
    return (
        "\n".join(
            f"- [{plain(tr(c.title, lang))}](misconceptions/index.md#{c.key}): {plain(tr(c.correct, lang))}"
            for c in site.categories
        )
        + "\n"
    )


FRAGMENTS = {
    "top-myths": top_myths,
    "verdict-scale": verdict_scale,
    "category-list": category_list,
    "components-diagram": diagram,
}
