"""What a link is in an editor's Markdown, and which targets are allowed: one definition,
so that the checker, which refuses a bad target, and the renderer, which neutralises one
if the check is bypassed, can never disagree."""

from __future__ import annotations

import re
from typing import Callable

# An inline link `](target)` or a reference definition `[name]: target`.
LINK = re.compile(r"(\]\(\s*<?)([^)\s>]*)|^(\s{0,3}\[[^\]]+\]:\s*<?)(\S*)", re.M)
# A web address, an anchor on the page, or a page of the site.
ALLOWED_TARGET = re.compile(r"https?://[^\s]+$|#[\w-]+$|\.\./[\w./#-]+$")


def targets(text: str) -> list[str]:
    return [m.group(2) if m.group(1) else m.group(4) for m in LINK.finditer(text)]


def allowed(target: str) -> bool:
    return bool(ALLOWED_TARGET.match(target))


def replace_targets(text: str, replace: Callable[[str], str]) -> str:
    def one(match: re.Match) -> str:
        head, target = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        return head + replace(target)

    return LINK.sub(one, text)
