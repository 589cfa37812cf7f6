"""A QR code of a page's address, as inline SVG made at build time (no network)."""

from __future__ import annotations

import segno


def qr_svg(url: str, title: str) -> str:
    # A fixed mask: choosing the best of eight costs most of the build time at scale, and
    # every mask gives a valid code that phones read.
    code = segno.make(url, error="m", mask=0)
    return code.svg_inline(scale=3, border=2, title=title, svgclass="fc-qr-code", lineclass=None, omitsize=False)
