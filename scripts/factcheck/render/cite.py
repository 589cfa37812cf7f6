"""'Cite this page': a ready APA reference and a BibTeX entry for a claim page."""

from __future__ import annotations

from ..model import Claim
from .text import SiteInfo, claim_path, date, tr

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _safe(text: str) -> str:
    # Citations go into code blocks: keep them on one line and free of fence characters.
    return " ".join(text.replace("`", "'").replace("~", "-").split())


def apa(claim: Claim, info: SiteInfo, lang: str = "en") -> str:
    year, month, day = claim.reviewed.split("-")
    when = date(claim.reviewed, "en").split(" ", 1)[1].split(" ")[0]  # month name
    return _safe(
        f"{info.name}. ({year}, {when} {int(day)}). {tr(claim.claim, lang)} [Fact check]. "
        f"{info.name}. {info.page(claim_path(claim.slug))}"
    )


def _bib(text: str) -> str:
    return _safe(text).replace("\\", "").replace("{", "(").replace("}", ")").replace("%", "\\%").replace("&", "\\&")


def bibtex(claim: Claim, info: SiteInfo, lang: str = "en") -> str:
    year, month, _ = claim.reviewed.split("-")
    return "\n".join(
        [
            f"@misc{{factcheck-claim-{claim.id},",
            f"  author = {{{{{_bib(info.name)}}}}},",
            f"  title = {{{_bib(tr(claim.claim, lang))}}},",
            f"  howpublished = {{{_bib(info.name)}, fact check no. {claim.id}}},",
            f"  year = {{{year}}},",
            f"  month = {_MONTHS[int(month) - 1]},",
            f"  note = {{Last reviewed {claim.reviewed}}},",
            f"  url = {{{info.page(claim_path(claim.slug))}}}",
            "}",
        ]
    )
