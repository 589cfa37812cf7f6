"""Generated files made only when missing: their name holds the digest of what they are
made from (social cards, QR codes), so a file of that name that exists is up to date."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class Lazy:
    """A file's digest and how to make its bytes (site.write_changed calls `make` only when
    the file is missing). Two are equal when their digests are."""

    digest: str
    make: Callable[[], bytes] = field(compare=False)
