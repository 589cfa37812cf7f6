"""The primer's diagram of the system's parts: who runs each part, and whom it touches.
Inline SVG laid out for a phone's width (it scales up), with its labels in the reader's
language (ui.yaml, `diagram_*`), and the same content as a list under it, each part linked
to the primer section that explains and sources it (links inside an image would be hidden
from screen readers)."""

from __future__ import annotations

import html
import textwrap

from .strings import ui

WIDTH, PAD, LINE, CHARS = 320, 10, 16, 46
# (section id, audience) for each part, top to bottom; their texts are ui.yaml's diagram_<id>_*.
PARTS = [
    ("defaulter-list", "both"),
    ("blacklists", "both"),
    ("companies", "companies"),
    ("financial-credit", "both"),
    ("local-pilots", "people"),
    ("commercial-scores", "users"),
]


def _lines(text: str) -> list[str]:
    return textwrap.wrap(text, CHARS)


def _box(y: int, title: str, body: str, chip: str, css: str) -> tuple[list[str], int]:
    rows = _lines(body)
    height = PAD * 2 + LINE * (2 + len(rows)) + 4
    out = [
        f'<rect x="1" y="{y}" width="{WIDTH - 2}" height="{height}" rx="6" class="fc-diagram__box fc-diagram__{css}"/>',
        f'<text x="{PAD}" y="{y + PAD + 12}" class="fc-diagram__title">{html.escape(title)}</text>',
        *(
            f'<text x="{PAD}" y="{y + PAD + 12 + LINE * (i + 1)}">{html.escape(row)}</text>'
            for i, row in enumerate(rows)
        ),
        f'<text x="{PAD}" y="{y + PAD + 12 + LINE * (len(rows) + 1) + 4}" class="fc-diagram__chip">{html.escape(chip)}</text>',
    ]
    return out, height


def diagram(site, lang: str) -> str:
    """The fragment `<!-- factcheck:components-diagram -->`: the SVG, then the same as a list."""
    top, height = _box(
        0,
        ui("diagram_policy_title", lang),
        ui("diagram_policy_body", lang),
        ui("diagram_policy_chip", lang),
        "policy",
    )
    body, y = top, height + 22
    for key, audience in PARTS:
        body.append(f'<path d="M{WIDTH / 2} {y - 20}v14" class="fc-diagram__arrow"/>')
        part, height = _box(
            y,
            ui(f"diagram_{key}_title", lang),
            ui(f"diagram_{key}_body", lang),
            ui(f"diagram_for_{audience}", lang),
            audience,
        )
        body += part
        y += height + 22
    svg = [
        f'<svg class="fc-diagram" viewBox="0 0 {WIDTH} {y - 20}" role="img" aria-labelledby="diagram-title diagram-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="diagram-title">{html.escape(ui("diagram_title", lang))}</title>',
        f'<desc id="diagram-desc">{html.escape(ui("diagram_desc", lang))}</desc>',
        *body,
        "</svg>",
    ]
    items = [
        f"- **{ui('diagram_policy_title', lang)}**: {ui('diagram_policy_body', lang)} ({ui('diagram_policy_chip', lang)})"
    ]
    items += [
        f"- **[{ui(f'diagram_{key}_title', lang)}](#{key})**: {ui(f'diagram_{key}_body', lang)} ({ui(f'diagram_for_{audience}', lang)})"
        for key, audience in PARTS
    ]
    return "\n".join(
        [
            '<figure class="fc-diagram-figure">',
            *svg,
            f"<figcaption>{html.escape(ui('diagram_caption', lang))}</figcaption>",
            "</figure>",
            "",
            f"**{ui('diagram_as_text', lang)}:**",
            "",
            *items,
            "",
        ]
    )
