"""Charts drawn at build time as static SVG, from the same model the pages use: on a claim
page, when it appeared, when it was corrected and the events it relates to; on the
misconception index, claims and corrections per year. No script; each chart has a title,
a description and a table with the same data beside it. Items with an unknown date are
listed under the chart, never placed on it.

Hand-written rather than a plotting library: the charts are two simple forms, and a
library's SVG (text as paths, inline styles, generated ids) is larger and less accessible."""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..model import Claim, Site
from .reading import tr
from .strings import date, ui

WIDTH, LEFT, RIGHT, LANE = 400, 104, 16, 36  # viewBox units; text stays legible at 360 px wide
SHAPES = {  # a different shape per lane: colour is never the only signal
    "appeared": '<circle cx="{x:.1f}" cy="{y}" r="5" class="fc-chart__appeared"/>',
    "corrected": '<rect x="{x0:.1f}" y="{y0}" width="10" height="10" class="fc-chart__corrected"/>',
    "event": '<path d="M{x:.1f} {y0}l6 10h-12z" class="fc-chart__event"/>',
}


@dataclass(frozen=True)
class Mark:
    lane: str  # appeared, corrected or event
    date: str  # YYYY, YYYY-MM, YYYY-MM-DD or unknown
    label: str


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _when(value: str) -> float:
    """A date as a year with a fraction: 2014-06-14 → 2014.45; a year alone is its middle."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    month = parts[1] - 1 + (parts[2] - 1) / 31 if len(parts) == 3 else parts[1] - 0.5
    return parts[0] + month / 12


def marks(claim: Claim, lang: str) -> list[Mark]:
    found = [Mark("appeared", a.source.date, a.source.publisher) for a in claim.appearances]
    found += [Mark("corrected", r.source.date, r.by.name) for r in claim.rebuttals]
    return found + [Mark("event", e.date, tr(e.title, lang)) for e in claim.events]


def _axis(first: int, last: int, height: int) -> tuple[list[str], callable]:
    span = max(last - first + 1, 1)

    def x(value: float) -> float:
        return LEFT + (value - first) / span * (WIDTH - LEFT - RIGHT)

    step = 1 if span <= 8 else 2 if span <= 16 else 5
    ticks = []
    for year in range(first, last + 2):
        ticks.append(f'<line x1="{x(year):.1f}" y1="8" x2="{x(year):.1f}" y2="{height - 18}" class="fc-chart__grid"/>')
        if (year - first) % step == 0 and year <= last:
            ticks.append(f'<text x="{x(year + 0.5):.1f}" y="{height - 4}" text-anchor="middle">{year}</text>')
    return ticks, x


def claim_chart(claim: Claim, lang: str) -> list[str]:
    """The chart with its table, as lines of a claim page; nothing when no mark is dated."""
    every = marks(claim, lang)
    dated = [m for m in every if m.date != "unknown"]
    if not dated:
        return []
    lanes = [lane for lane in SHAPES if any(m.lane == lane for m in every)]
    height = len(lanes) * LANE + 30
    years = [int(m.date[:4]) for m in dated]
    ticks, x = _axis(min(years), max(years), height)
    body = list(ticks)
    for row, lane in enumerate(lanes):
        y = 8 + row * LANE + LANE // 2
        body.append(f'<text x="0" y="{y + 4}" class="fc-chart__lane">{_e(ui("chart_" + lane, lang))}</text>')
        seen: list[float] = []
        for mark in (m for m in dated if m.lane == lane):
            at = x(_when(mark.date))
            lift = 8 * sum(abs(at - s) < 8 for s in seen)  # marks at nearly the same date stack up
            seen.append(at)
            shape = SHAPES[lane].format(x=at, y=y - lift, x0=at - 5, y0=y - lift - 5)
            body.append(f"<g><title>{_e(date(mark.date, lang))}: {_e(mark.label)}</title>{shape}</g>")
    title = ui("chart_claim_title", lang)
    desc = _summary(every, lang)
    svg = [
        f'<svg class="fc-chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="chart-title chart-desc"'
        ' xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{_e(title)}</title>',
        f'<desc id="chart-desc">{_e(desc)}</desc>',
        *body,
        "</svg>",
    ]
    return _figure(svg, desc) + _table(every, lang)


def _figure(svg: list[str], caption: str) -> list[str]:
    return ['<figure class="fc-chart-figure">', *svg, f"<figcaption>{_e(caption)}</figcaption>", "</figure>", ""]


def _summary(every: list[Mark], lang: str) -> str:
    def first(lane: str) -> str | None:
        dates = sorted(m.date for m in every if m.lane == lane and m.date != "unknown")
        return date(dates[0], lang) if dates else None

    parts = []
    for lane in SHAPES:
        count = sum(m.lane == lane for m in every)
        if count:
            when = first(lane)
            parts.append(ui("chart_summary_" + lane, lang).format(n=count, first=when or ui("date_unknown", lang)))
    undated = sum(m.date == "unknown" for m in every)
    if undated:
        parts.append(ui("chart_undated", lang).format(n=undated))
    text = "; ".join(parts) + "."
    return text[:1].upper() + text[1:]


def _data_table(headers: list[str], rows: list[list], summary: str) -> list[str]:
    """A chart's data as a table, folded under the chart (open in print)."""
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    body = ["<tr>" + "".join(f"<td>{_e(str(cell))}</td>" for cell in row) + "</tr>" for row in rows]
    return [
        '<details class="fc-chart-data">',
        f"<summary>{_e(summary)}</summary>",
        f"<table><thead><tr>{head}</tr></thead><tbody>",
        *body,
        "</tbody></table>",
        "</details>",
        "",
    ]


def _table(every: list[Mark], lang: str) -> list[str]:
    """The chart's data for every reader, in date order; unknown dates last, said as such."""
    rows = sorted(every, key=lambda m: (m.date == "unknown", m.date))
    headers = [ui("chart_date", lang), ui("chart_what", lang), ui("chart_who", lang)]
    cells = [[date(m.date, lang), ui("chart_" + m.lane, lang), m.label] for m in rows]
    return _data_table(headers, cells, ui("chart_data", lang))


def per_year(site: Site) -> dict[int, tuple[int, int]]:
    """Appearances and corrections recorded, by the year of their source (dated ones only)."""
    counts: dict[int, list[int]] = {}
    for claim in site.claims:
        for lane, items in (("appeared", claim.appearances), ("corrected", claim.rebuttals)):
            for item in items:
                if item.source.date != "unknown":
                    counts.setdefault(int(item.source.date[:4]), [0, 0])[lane == "corrected"] += 1
    return {year: tuple(counts[year]) for year in sorted(counts)}


def site_chart(site: Site, lang: str) -> list[str]:
    """Claims' appearances against corrections per year, as grouped bars, with its table."""
    counts = per_year(site)
    if not counts:
        return []
    years = list(range(min(counts), max(counts) + 1))
    top = max(max(v) for v in counts.values())
    height, base, bar = 206, 160, (WIDTH - 40) / len(years) / 2.5
    body = [f'<line x1="36" y1="{base}" x2="{WIDTH}" y2="{base}" class="fc-chart__grid"/>']
    for tick in sorted({0, top // 2, top}):
        y = base - tick / top * 140
        body.append(f'<text x="30" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    for i, year in enumerate(years):
        x0 = 40 + i * (WIDTH - 40) / len(years)
        for j, (lane, n) in enumerate(zip(("appeared", "corrected"), counts.get(year, (0, 0)), strict=True)):
            h = n / top * 140
            label = f"{year}, {ui('chart_' + lane, lang)}: {n}"
            body.append(
                f'<rect x="{x0 + j * bar:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'class="fc-chart__{lane}"><title>{_e(label)}</title></rect>'
            )
        if (year - years[0]) % (1 if len(years) <= 8 else 2) == 0:
            body.append(f'<text x="{x0 + bar:.1f}" y="{base + 16}" text-anchor="middle">{year}</text>')
    title, desc = ui("chart_site_title", lang), ui("chart_site_desc", lang).format(first=years[0], last=years[-1])
    legend = [
        f'<rect x="40" y="192" width="10" height="10" class="fc-chart__appeared"/>'
        f'<text x="54" y="201">{_e(ui("chart_appeared", lang))}</text>',
        f'<rect x="200" y="192" width="10" height="10" class="fc-chart__corrected"/>'
        f'<text x="214" y="201">{_e(ui("chart_corrected", lang))}</text>',
    ]
    svg = [
        f'<svg class="fc-chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="site-chart-title site-chart-desc"'
        ' xmlns="http://www.w3.org/2000/svg">',
        f'<title id="site-chart-title">{_e(title)}</title>',
        f'<desc id="site-chart-desc">{_e(desc)}</desc>',
        *body,
        *legend,
        "</svg>",
    ]
    headers = [ui("chart_year", lang), ui("chart_appeared", lang), ui("chart_corrected", lang)]
    table = _data_table(headers, [[y, *counts.get(y, (0, 0))] for y in years], ui("chart_data", lang))
    by_category = [
        [
            tr(c.title, lang),
            len(c.claims),
            sum(len(k.appearances) for k in c.claims),
            sum(len(k.rebuttals) for k in c.claims),
        ]
        for c in site.categories
    ]
    headers = [
        ui("chart_category", lang),
        ui("chart_claims", lang),
        ui("chart_appeared", lang),
        ui("chart_corrected", lang),
    ]
    table += _data_table(headers, by_category, ui("chart_by_category", lang))
    return _figure(svg, desc) + table
