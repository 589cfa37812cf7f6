"""The dataset as downloads: claims.json (every claim resolved), claims.csv (one row per
claim) and an Atom feed of new and updated claims. No clock: dates come from the records."""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape

from ..editions import SiteInfo
from ..model import Claim, Site, Source, Text
from .entries import Entries, claim_inputs
from .parts import change_text, claim_path
from .reading import tr
from .strings import date, ui

CSV_COLUMNS = [
    "id",
    "slug",
    "url",
    "claim",
    "verdict",
    "verdict_name",
    "rating",
    "short_answer",
    "categories",
    "first_outlet",
    "first_date",
    "appearances",
    "rebuttals",
    "sources",
    "published",
    "reviewed",
]


def _given(text: Text | None) -> dict | None:
    """Editors' texts by language, as written: no fallbacks, no translation bookkeeping."""
    return text.given if text else None


def _source(s: Source) -> dict:
    return {
        "key": s.key,
        "title": s.title,
        "description": _given(s.description),
        "authors": s.authors or "unknown",
        "publisher": s.publisher,
        "date": s.date,
        "url": s.url or "unknown",
        "archive_url": s.archive_url,
        "language": s.language,
        "kind": s.kind,
        "note": _given(s.note),
        "appearance_only": s.appearance_only,
        "excerpts": [{"text": e.text, "read_at": e.read_at, "read_on": e.read_on} for e in s.excerpts],
    }


def _claim(c: Claim, info: SiteInfo) -> dict:
    return {
        "id": c.id,
        "slug": c.slug,
        "url": info.page(claim_path(c.slug)),
        "claim": _given(c.claim),
        "claim_reviewed": _given(c.claim_reviewed),
        "verdict": {"key": c.verdict.key, "name": _given(c.verdict.name), "rating": c.verdict.rating},
        "short_answer": _given(c.short_answer),
        "appearances": [
            {
                "source": a.source.key,
                "via": a.via.key if a.via else None,
                "statement": a.statement.text,
                "language": a.statement.language,
                "kind": "verbatim" if a.verbatim else "paraphrase",
                "translation": a.statement.translation,
                "note": _given(a.note),
                "annotations": [
                    {"phrase": n.phrase, "note": _given(n.note), "rebuttal": n.rebuttal} for n in a.annotations
                ],
            }
            for a in c.appearances
        ],
        "rebuttals": [
            {
                "by": {"key": r.by.key, "name": r.by.name, "affiliation": r.affiliation_then},
                "source": r.source.key,
                "points": _given(r.points),
                "quote": {"text": r.quote.text, "language": r.quote.language, "translation": r.quote.translation}
                if r.quote
                else None,
            }
            for r in c.rebuttals
        ],
        "explanation": _given(c.explanation),
        "categories": [{"key": k.key, "title": _given(k.title), "correct": _given(k.correct)} for k in c.categories],
        "sources": [_source(s) for s in c.sources],
        "published": c.published,
        "reviewed": c.reviewed,
        "changes": [
            {
                "date": ch.date,
                "summary": _given(ch.summary),
                "verdict_from": ch.verdict_from.key if ch.verdict_from else None,
            }
            for ch in c.changes
        ],
    }


def claims_json(site: Site, info: SiteInfo, digests: dict | None = None) -> str:
    """`digests` of the input files let a rebuild reuse the lines of unchanged claims (entries.py)."""
    head = {"site": info.name, "url": info.url, "licence": "CC BY 4.0"}
    # One claim per line: still readable and diffable, and written by json's fast encoder
    # (any `indent` makes it use the pure-Python one, several times slower at scale).
    entries = Entries(("claims.json", info), info.lang, digests)
    claims = ",\n".join(
        entries.entry(claim_inputs(c), lambda _, c=c: json.dumps(_claim(c, info), ensure_ascii=False))
        for c in site.claims
    )
    entries.close()
    return json.dumps(head, ensure_ascii=False)[:-1] + f', "claims": [\n{claims}\n]}}\n'


def claims_csv(site: Site, info: SiteInfo) -> str:
    lang = info.lang
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in site.claims:
        first = c.appearances[0].source
        writer.writerow(
            [
                c.id,
                c.slug,
                info.page(claim_path(c.slug)),
                tr(c.claim, lang),
                c.verdict.key,
                tr(c.verdict.name, lang),
                c.verdict.rating if c.verdict.rating is not None else "",
                tr(c.short_answer, lang),
                ";".join(k.key for k in c.categories),
                first.publisher,
                first.date,
                len(c.appearances),
                len(c.rebuttals),
                len(c.sources),
                c.published,
                c.reviewed,
            ]
        )
    return out.getvalue()


def _feed_summary(claim: Claim, lang: str) -> str:
    """The short answer, after the latest correction: a feed reader learns of it first."""
    answer = tr(claim.short_answer, lang)
    if not claim.changes:
        return answer
    latest = claim.changes[-1]
    return f"{ui('corrected_on', lang)} {date(latest.date, lang)}: {change_text(latest, lang)} {answer}"


def atom_feed(site: Site, info: SiteInfo) -> str:
    lang = info.lang
    claims = sorted(site.claims, key=lambda c: (c.reviewed, c.id), reverse=True)
    updated = max((c.reviewed for c in site.claims), default="1970-01-01")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <title>{escape(info.name)}</title>",
        f"  <id>{escape(info.url)}</id>",
        f'  <link rel="alternate" href="{escape(info.url)}"/>',
        f'  <link rel="self" href="{escape(info.page("feed.xml"))}"/>',
        f"  <updated>{updated}T00:00:00Z</updated>",
        f"  <author><name>{escape(info.name)}</name></author>",
    ]
    for c in claims:
        url = info.page(claim_path(c.slug))
        lines += [
            "  <entry>",
            f"    <title>{escape(tr(c.verdict.name, lang))}: {escape(tr(c.claim, lang))}</title>",
            f"    <id>{escape(url)}</id>",
            f'    <link rel="alternate" href="{escape(url)}"/>',
            f"    <published>{c.published}T00:00:00Z</published>",
            f"    <updated>{c.reviewed}T00:00:00Z</updated>",
            f"    <summary>{escape(_feed_summary(c, lang))}</summary>",
            "  </entry>",
        ]
    return "\n".join(lines + ["</feed>"]) + "\n"
