"""The site's editions (languages), from editions.yaml at the project root: the one
definition that the checker, the renderers, the MkDocs hook, the templates and the
cleaning of generated files all read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

FILE = Path(__file__).resolve().parents[2] / "editions.yaml"


@dataclass(frozen=True)
class Edition:
    lang: str
    name: str  # in its own language
    english: str  # its name in English
    locale: str
    bibtex: str
    config: str  # the MkDocs configuration that builds it
    default: bool = False  # the default edition lives at the site root

    @property
    def prefix(self) -> str:
        """Where the edition's pages live, under docs/ and under the site's address."""
        return "" if self.default else f"{self.lang}/"


def _load(path: Path) -> tuple[Edition, ...]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(Edition(**entry, default=i == 0) for i, entry in enumerate(entries))


EDITIONS = _load(FILE)
DEFAULT = EDITIONS[0]
TRANSLATIONS = EDITIONS[1:]  # every edition whose texts translate the default's
LANGUAGES = tuple(e.lang for e in EDITIONS)
BY_LANG = {e.lang: e for e in EDITIONS}


@dataclass(frozen=True)
class SiteInfo:
    """What pages need to know about the published site, for one edition."""

    name: str
    url: str  # absolute address of this edition's root, ending in "/"
    lang: str = DEFAULT.lang

    def page(self, path: str) -> str:
        return self.url + path

    def edition(self, lang: str) -> SiteInfo:
        """The same site in another edition: the default at the root, others under /<lang>/."""
        root = self.url.removesuffix(BY_LANG[self.lang].prefix)
        return SiteInfo(self.name, root + BY_LANG[lang].prefix, lang)
