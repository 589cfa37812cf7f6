"""Hand-written pages that cite the records, made whole (see factcheck/pages.py): each myth
marker becomes a link to its claim with the verdict, each `## ` section ends with the
claims it corrects, and the footnotes get their citations from the source records."""

from __future__ import annotations

from ..model import Claim, Site
from ..pages import FOOTNOTE, HEADING, MARKER
from ..safe_text import html_text
from ..stash import chunk, chunks
from .parts import badge, claim_link, html_list, source_line
from .strings import ui


def _myth(claim: Claim, lang: str) -> str:
    return chunk(
        f'<p class="fc-myth"><strong>{ui("myth", lang)}:</strong> {claim_link(claim, lang, "claims/")}'
        f" → {badge(claim.verdict, lang)}</p>"
    )


def _corrects(claims: list[Claim], lang: str) -> list[str]:
    if not claims:
        return []
    items = [f"{claim_link(c, lang, 'claims/')}: {badge(c.verdict, lang)}" for c in claims]
    body = ['<div class="fc-corrects">', f"<p><strong>{ui('section_corrects', lang)}:</strong></p>"]
    return ["", chunks([*body, *html_list(items), "</div>"]), ""]


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
            out += ["", _myth(claim, lang), ""]
            marked += [claim] if claim not in marked else []
        else:
            out.append(line)
    out += ["", *_corrects(marked, lang)]
    cited = dict.fromkeys(m.group(1) for m in FOOTNOTE.finditer(markdown) if not m.group(2))
    out += [f"[^{key}]: {chunk(source_line(sources[key], lang))}" for key in cited]
    return "\n".join(out) + "\n"


def back_links(explained: list, lang: str) -> list[str]:
    """On a claim page: the sections of the primer (or other cited pages) that explain it."""
    if not explained:
        return []
    links = [f'<a href="../{name}#{section.id}">{html_text(section.title)}</a>' for name, section in explained]
    return [chunk(f'<p class="fc-explained">{ui("explained_in", lang)}: {", ".join(links)}</p>'), ""]
