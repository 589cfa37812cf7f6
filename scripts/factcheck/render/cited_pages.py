"""Hand-written pages that cite the records, made whole (see factcheck/pages.py): each myth
marker becomes a link to its claim with the verdict, each `## ` section ends with the
claims it corrects, and the footnotes get their citations from the source records."""

from __future__ import annotations

from ..model import Claim, Site
from ..pages import FOOTNOTE, HEADING, MARKER
from ..safe_text import plain
from .parts import badge, source_line
from .reading import tr
from .strings import ui


def _myth(claim: Claim, lang: str) -> str:
    return (
        f'<p class="fc-myth" markdown>**{ui("myth", lang)}:** [{plain(tr(claim.claim, lang))}](claims/{claim.slug}.md)'
        f" → {badge(claim.verdict, lang)}</p>"
    )


def _corrects(claims: list[Claim], lang: str) -> list[str]:
    if not claims:
        return []
    items = [f"- [{plain(tr(c.claim, lang))}](claims/{c.slug}.md): {badge(c.verdict, lang)}" for c in claims]
    return [
        '<div class="fc-corrects" markdown>',
        "",
        f"**{ui('section_corrects', lang)}:**",
        "",
        *items,
        "",
        "</div>",
        "",
    ]


def resolve(markdown: str, site: Site, lang: str) -> str:
    """The page with markers, section endings and footnote texts in place. Pages without
    markers or footnotes come back unchanged."""
    if "[[claim:" not in markdown and "[^" not in markdown:
        return markdown
    sources = {s.key: s for s in site.sources}
    out, marked = [], []
    for line in markdown.split("\n"):
        if HEADING.match(line) and out:
            out += _corrects(marked, lang)
            marked = []
        if marker := MARKER.match(line):
            claim = site.by_slug[marker.group(1)]
            out.append(_myth(claim, lang))
            marked += [claim] if claim not in marked else []
        else:
            out.append(line)
    out += ["", *_corrects(marked, lang)]
    cited = dict.fromkeys(m.group(1) for m in FOOTNOTE.finditer(markdown) if not m.group(2))
    out += [f"[^{key}]: {source_line(sources[key], lang)}" for key in cited]
    return "\n".join(out) + "\n"


def back_links(explained: list, lang: str) -> list[str]:
    """On a claim page: the sections of the primer (or other cited pages) that explain it."""
    if not explained:
        return []
    links = [f"[{plain(section.title)}](../{name}#{section.id})" for name, section in explained]
    return [f'<p class="fc-explained" markdown>{ui("explained_in", lang)}: {", ".join(links)}</p>', ""]
