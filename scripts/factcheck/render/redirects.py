"""Static redirect pages: short links /c/<id>/ (and /c/<former id>/), and old addresses of
renamed or removed claims. Plain HTML that works without JavaScript and offline (relative links)."""

from __future__ import annotations

import html

from ..editions import SiteInfo
from ..model import Site
from .parts import claim_path
from .strings import ui


def redirect_page(depth: int, target: str, info: SiteInfo) -> str:
    """A page `depth` folders below the edition's root that sends the reader to `target`."""
    relative = html.escape("../" * depth + target)
    absolute = html.escape(info.page(target))
    lang = info.lang
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{ui('redirect_title', lang)}</title>\n"
        f'<link rel="canonical" href="{absolute}">\n<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={relative}">\n</head>\n<body>\n'
        f'<p>{ui("redirect_text", lang)} <a href="{relative}">{absolute}</a>.</p>\n</body>\n</html>\n'
    )


def redirect_files(site: Site, info: SiteInfo, removed: dict[str, str]) -> dict[str, str]:
    """Paths under docs/ → redirect page."""
    files = {f"c/{c.id}/index.html": redirect_page(2, claim_path(c.slug), info) for c in site.claims}
    for claim in site.claims:
        for old in claim.former_slugs:
            files[f"claims/{old}/index.html"] = redirect_page(2, claim_path(claim.slug), info)
        for old_id in claim.former_ids:
            files[f"c/{old_id}/index.html"] = redirect_page(2, claim_path(claim.slug), info)
    for old, target in sorted(removed.items()):
        files[f"claims/{old}/index.html"] = redirect_page(2, claim_path(target), info)
    # The short link of a removed claim follows its last address's redirect.
    served = {c.id for c in site.claims} | {i for c in site.claims for i in c.former_ids}
    for old_id, slugs in sorted(site.published.items()):
        if old_id not in served and slugs[-1] in removed:
            files[f"c/{old_id}/index.html"] = redirect_page(2, claim_path(removed[slugs[-1]]), info)
    return files
