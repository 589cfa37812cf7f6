"""A QR code of a claim page's address for the printed handout: an SVG file made at build
time (no network), once per address; the page shows it as an image in print only."""

from __future__ import annotations

import functools
import hashlib
import io
from pathlib import Path

import segno

from .lazy import Lazy
from .parts import claim_path

_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def qr_svg(url: str) -> bytes:
    # A fixed mask: choosing the best of eight costs most of the time, and every mask gives
    # a valid code that phones read.
    code = segno.make(url, error="m", mask=0)
    out = io.BytesIO()  # a file of its own needs the SVG namespace, which inline SVG omits
    code.save(out, kind="svg", scale=3, border=2, xmldecl=False, svgclass="fc-qr-code", lineclass=None)
    return out.getvalue()


def claim_qr(claim, info) -> tuple[str, str, Lazy]:
    """Where a claim's code goes (under the edition's assets/generated/qr/), the address it
    holds, and how to make it. Drawing one costs more than the rest of the page."""
    url = info.page(claim_path(claim.slug))
    digest = hashlib.sha256(f"{_CODE}\0{url}".encode()).hexdigest()[:10]
    return f"assets/generated/qr/{claim.slug}-{digest}.svg", url, Lazy(digest, functools.partial(qr_svg, url))
