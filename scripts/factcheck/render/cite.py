"""'Cite this page': a ready APA reference and a BibTeX entry for a claim page."""

from __future__ import annotations

from ..editions import BY_LANG, SiteInfo
from ..model import Claim
from .parts import claim_path
from .reading import tr
from .strings import date, ui

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _safe(text: str) -> str:
    # Citations go into code blocks: keep them on one line and free of fence characters.
    return " ".join(text.replace("`", "'").replace("~", "-").split())


def apa(claim: Claim, info: SiteInfo) -> str:
    lang = info.lang
    day, month, year = date(claim.reviewed, lang).split(" ")
    # APA: (2026, November 29); an edition whose dates put the day first: (2026, 29 november).
    when = f"{day} {month}" if ui("day_first", lang) else f"{month} {day}"
    return _safe(
        f"{info.name}. ({year}, {when}). {tr(claim.claim, lang)} [{ui('fact_check', lang)}]. "
        f"{info.name}. {info.page(claim_path(claim.slug))}"
    )


def _bib(text: str) -> str:
    return _safe(text).replace("\\", "").replace("{", "(").replace("}", ")").replace("%", "\\%").replace("&", "\\&")


def bibtex(claim: Claim, info: SiteInfo) -> str:
    lang = info.lang
    year, month, _ = claim.reviewed.split("-")
    return "\n".join(
        [
            f"@misc{{factcheck-claim-{claim.id},",
            f"  author = {{{{{_bib(info.name)}}}}},",
            f"  title = {{{_bib(tr(claim.claim, lang))}}},",
            f"  howpublished = {{{_bib(info.name)}, {ui('fact_check', lang).lower()} no. {claim.id}}},",
            f"  year = {{{year}}},",
            f"  month = {_MONTHS[int(month) - 1]},",
            f"  note = {{{ui('last_reviewed_note', lang)} {claim.reviewed}}},",
            f"  language = {{{BY_LANG[lang].bibtex}}},",
            f"  url = {{{info.page(claim_path(claim.slug))}}}",
            "}",
        ]
    )
