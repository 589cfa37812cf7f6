"""Social cards: the 1200×630 PNG a chat or a social network shows when someone shares a
page. A claim's card shows the claim, its verdict in the verdict's colour, the site's name
and the short address; other pages get their title. Drawn with Pillow in Noto Sans, which
pip installs (fontpkg-noto-sans): nothing is downloaded at build time. The same input gives
the same bytes."""

from __future__ import annotations

import functools
import hashlib
import io
from functools import lru_cache
from pathlib import Path

import fontpkg_noto_sans
import yaml
from PIL import Image, ImageDraw, ImageFont

from .lazy import Lazy
from .reading import tr
from .strings import ui

WIDTH, HEIGHT, MARGIN, LEADING = 1200, 630, 64, 1.25
NAVY, INK, PAPER = "#1d3557", "#1a1a1a", "#ffffff"
FONT = fontpkg_noto_sans.ROOT / "files" / "NotoSans[wdth,wght].ttf"


@lru_cache(maxsize=None)
def _font(size: int, weight: str) -> ImageFont.FreeTypeFont:
    font = ImageFont.truetype(str(FONT), size)
    font.set_variation_by_name(weight)
    return font


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _fit(text: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the text fits the box; at the smallest, the last line that
    fits is cut at a word and ends with an ellipsis."""
    for size in (64, 58, 52, 46, 40):
        font = _font(size, "Bold")
        lines, room = _wrap(text, font, width), int(height // (size * LEADING))
        if len(lines) <= room:
            return font, lines
    lines = lines[:room]
    while lines[-1] and font.getlength(lines[-1] + " …") > width:
        lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else ""
    lines[-1] = (lines[-1] + " …").strip()
    return font, lines


def card(title: str, site_name: str, address: str, badge: tuple[str, str, str] | None = None) -> bytes:
    """The card as PNG bytes. `badge`: (label, verdict name, colour) for a claim."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 96), fill=NAVY)
    draw.text((MARGIN, 48), site_name, font=_font(36, "Bold"), fill=PAPER, anchor="lm")
    top = 140
    if badge:
        label, name, colour = badge
        small = _font(34, "Bold")
        draw.text((MARGIN, top + 28), label, font=small, fill=INK, anchor="lm")
        left = MARGIN + small.getlength(label) + 20
        box = (left, top, left + small.getlength(name) + 48, top + 56)
        draw.rounded_rectangle(box, radius=10, fill=colour)
        draw.text(((box[0] + box[2]) / 2, top + 28), name, font=small, fill=PAPER, anchor="mm")
        top += 96
    font, lines = _fit(title, WIDTH - 2 * MARGIN, HEIGHT - 100 - top)
    step = font.size * LEADING
    for i, line in enumerate(lines):
        draw.text((MARGIN, top + i * step), line, font=font, fill=INK)
    draw.line((MARGIN, HEIGHT - 80, WIDTH - MARGIN, HEIGHT - 80), fill="#c9ced6", width=2)
    draw.text((WIDTH - MARGIN, HEIGHT - 44), address, font=_font(30, "Regular"), fill=NAVY, anchor="rm")
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)  # fast; cards are fetched by link previews only
    return out.getvalue()


# The drawing code is part of what a card is made from: a change to it makes new cards.
_CODE = hashlib.sha256(Path(__file__).read_bytes() + FONT.name.encode()).hexdigest()


def planned(name: str, title: str, site_name: str, address: str, badge=None) -> tuple[str, Lazy]:
    """Where the card of a page goes (under the edition's assets/generated/cards/), and how
    to make it."""
    digest = hashlib.sha256(repr((_CODE, title, site_name, address, badge)).encode("utf-8")).hexdigest()[:10]
    return f"assets/generated/cards/{name}-{digest}.png", Lazy(
        digest, functools.partial(card, title, site_name, address, badge)
    )


def claim_card(claim, info, lang: str) -> tuple[str, Lazy]:
    """A claim's card: the claim, its verdict, the site's name and the short address."""
    address = info.page(f"c/{claim.id}/").split("://", 1)[-1]
    badge = (ui("verdict", lang), tr(claim.verdict.name, lang), claim.verdict.colour)
    return planned(claim.slug, tr(claim.claim, lang), info.name, address, badge)


def page_card(src_uri: str, title: str, info) -> tuple[str, Lazy]:
    """A card for any other page (by its file under the edition's docs folder): its title,
    the site's name and its address. The hook puts the same path into the page's meta."""
    path = src_uri.removesuffix(".md").removesuffix("index").removesuffix("/")
    name = path.replace("/", "-") or "home"
    return planned(name, title, info.name, info.page(f"{path}/" if path else "").split("://", 1)[-1])


def front_title(markdown: str) -> str | None:
    """The `title:` of a page's front matter, if it has one and no card of its own."""
    if not markdown.startswith("---\n") or "\n---\n" not in markdown[3:]:
        return None
    head = markdown[4 : markdown.index("\n---\n", 3)]
    if "\nimage:" in f"\n{head}":  # a claim page names its own card; its large front matter is not parsed
        return None
    meta = yaml.safe_load(head) or {}
    title = meta.get("title") if isinstance(meta, dict) and "image" not in meta else None
    return title if isinstance(title, str) else None
