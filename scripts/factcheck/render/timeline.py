"""The timeline page: every event by year, each with its sources and the claims it relates
to; and, on a claim page, the events that claim relates to, dated against the claim's first
appearance ("two years after the rule it misreads")."""

from __future__ import annotations

from ..model import Claim, Event, Site
from ..safe_text import html_text, plain
from ..schema import schemas
from ..stash import chunks
from .parts import claim_item, heading, html_list, source_line
from .reading import tr
from .strings import date, ui

# The kinds in the order the schema lists them: a kind added there is listed here too.
KINDS = tuple(schemas()["event.schema.json"]["properties"]["kind"]["enum"])


def _event(event: Event, lang: str) -> list[str]:
    lines = [
        f'<section class="fc-event fc-event--{event.kind}" data-kind="{event.kind}" markdown>',
        "",
        f"### {plain(tr(event.title, lang))} {{ #{event.key} }}",
        "",
    ]
    body = [
        f'<p class="fc-event__when"><strong>{date(event.date, lang)}</strong> · {ui("event_kind_" + event.kind, lang)}</p>',
        f"<p>{html_text(tr(event.summary, lang))}</p>",
        f"<p>{ui('sources', lang)}:</p>",
        *html_list([source_line(s, lang) for s in event.sources]),
    ]
    if event.claims:
        body += [f"<p>{ui('related_claims', lang)}:</p>"]
        body += html_list([claim_item(c, lang, "../claims/") for c in event.claims])
    return lines + [chunks(body), "", "</section>", ""]


def page(site: Site, lang: str) -> str:
    title = ui("page_timeline", lang)
    lines = [f"---\ntitle: {title}\ndescription: {ui('timeline_description', lang)}\n---\n", f"# {title}", ""]
    lines += [ui("timeline_intro", lang), ""]
    # The filter is shown by assets/timeline.js; without it every event shows.
    lines += [f'<div class="fc-timeline-filter" data-label="{ui("timeline_filter", lang)}" hidden></div>', ""]
    kinds = ", ".join(f"{ui('event_kind_' + k, lang)} ({sum(e.kind == k for e in site.events)})" for k in KINDS)
    lines += [f"{ui('timeline_kinds', lang)}: {kinds}.", ""]
    for year in sorted({e.year for e in site.events}):
        lines += [f"## {year} {{ #year-{year} }}", ""]
        for event in (e for e in site.events if e.year == year):
            lines += _event(event, lang)
    return "\n".join(lines)


def first_appearance(claim: Claim) -> str | None:
    """The earliest known date the claim appeared, or None where no appearance is dated."""
    dates = [a.source.date for a in claim.appearances if a.source.date != "unknown"]
    return min(dates) if dates else None


def _relative(event: Event, first: str | None, lang: str) -> str:
    if first is None:
        return ""
    years = int(first[:4]) - event.year
    if years == 0:
        return ui("same_year_as_claim", lang)
    word = ui("year_one" if abs(years) == 1 else "year_many", lang).format(n=abs(years))
    return ui("before_claim" if years > 0 else "after_claim", lang).format(years=word)


def claim_section(claim: Claim, lang: str) -> list[str]:
    """On a claim page: the events it relates to, each dated against its first appearance."""
    if not claim.events:
        return []
    first = first_appearance(claim)
    items = []
    for event in claim.events:
        relative = _relative(event, first, lang)
        item = f"<strong>{date(event.date, lang)}</strong> · {ui('event_kind_' + event.kind, lang)}: "
        item += f'<a href="../timeline/index.md#{event.key}">{html_text(tr(event.title, lang))}</a>'
        items.append(item + (f" ({relative})" if relative else ""))
    return [chunks([heading(2, ui("on_the_timeline", lang), "timeline"), *html_list(items)]), ""]
