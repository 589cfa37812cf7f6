"""Entries of the long generated lists (a source on the sources page, a line of the list
of all claims), kept from one rendering to the next in a process with what each was made
from: `mkdocs serve` renders the lists again after every save, and one edit changes few
entries. An entry is made from record files, named by their paths from the project root,
and is kept under their contents' digests."""

from __future__ import annotations

from typing import Callable

from ..load import FOLDERS, SINGLE_FILES
from .reading import Reader

VERDICTS = SINGLE_FILES["verdicts"][0]
_KEPT: dict[tuple, dict] = {}  # (list, edition) → digests → (HTML, translation states)


def record(kind: str, key: str) -> str:
    """The path of a record file, from the project root."""
    return f"{FOLDERS[kind]}/{key}.yaml"


def claim_inputs(claim) -> list[str]:
    """The record files a claim is shown from: its own and those of the sources, experts,
    categories and events on it, and the verdict scale."""
    names = [record("claim", claim.slug), VERDICTS]
    names += [record("source", s.key) for s in claim.sources]
    names += [record("expert", r.by.key) for r in claim.rebuttals]
    names += [record("category", c.key) for c in claim.categories]
    return names + [record("event", e.key) for e in claim.events]


class Entries:
    """The entries of one list (any name that tells it from others: with the edition's
    SiteInfo where its entries hold addresses) in one rendering, for the page's reader.
    Without `digests` (of the input files, by path) every entry is rendered, nothing kept."""

    def __init__(self, name, reader: str, digests: dict | None):
        self.reader, self.digests, self.slot = reader, digests, (name, str(reader))
        self.last, self.used = _KEPT.get(self.slot, {}), {}

    def entry(self, files: list[str], render: Callable[[Reader], str]) -> str:
        """The entry made from these files by render(reader). A kept one is used while the
        files hold what they did; the texts it showed in English count for this page too."""
        if self.digests is None:
            return render(self.reader)
        key = tuple((name, self.digests.get(name)) for name in files)
        if key not in self.used:
            self.used[key] = self.last.get(key) or self._render(render)
        html, states = self.used[key]
        if isinstance(self.reader, Reader):
            self.reader.states |= states
        return html

    def _render(self, render: Callable[[Reader], str]) -> tuple[str, frozenset]:
        own = Reader(self.reader)  # collects the states of this entry alone
        return render(own), frozenset(own.states)

    def close(self) -> None:
        """Keep only what this rendering used: the store does not grow."""
        if self.digests is not None:
            _KEPT[self.slot] = self.used
