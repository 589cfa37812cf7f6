"""schema.org ClaimReview for a claim page, matching what the page shows
(see ../shared/brief/anchors.md for the rules it follows)."""

from __future__ import annotations

from ..editions import SiteInfo
from ..model import Claim, Source
from .parts import claim_path, display_title
from .reading import tr

BEST, WORST = 5, 1


def _date(value: str) -> dict:
    return {} if value == "unknown" else {"datePublished": value}


# schema.org types of the work in which a claim appeared, by source kind.
WORK_TYPES = {
    "news": "NewsArticle",
    "social-media": "SocialMediaPosting",
    "blog": "BlogPosting",
    "video": "VideoObject",
}


def _appearance(source: Source, lang: str) -> dict:
    work = {
        "@type": WORK_TYPES.get(source.kind, "CreativeWork"),
        "headline": display_title(source, lang),
        "publisher": {"@type": "Organization", "name": source.publisher},
        **_date(source.date),
    }
    if source.url:
        work["url"] = source.url
    return work


def _rating(claim: Claim, lang: str) -> dict:
    rating = {"@type": "Rating", "alternateName": tr(claim.verdict.name, lang)}
    if claim.verdict.rating is not None:
        rating.update(ratingValue=claim.verdict.rating, bestRating=BEST, worstRating=WORST)
    return rating


def claim_review(claim: Claim, info: SiteInfo) -> dict:
    lang = info.lang
    first = claim.appearances[0].source
    item = {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": first.publisher},
        # One entry per published work, however many of its statements the page quotes.
        "appearance": [_appearance(s, lang) for s in dict.fromkeys(a.source for a in claim.appearances)],
        **_date(first.date),
    }
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": info.page(claim_path(claim.slug)),
        "claimReviewed": tr(claim.claim_reviewed, lang),
        "reviewBody": tr(claim.short_answer, lang),
        "datePublished": claim.published,
        "dateModified": claim.reviewed,
        "inLanguage": lang,
        "author": {"@type": "Organization", "name": info.name, "url": info.url},
        "reviewRating": _rating(claim, lang),
        "itemReviewed": item,
    }
