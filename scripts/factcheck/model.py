"""The checked records as resolved, typed objects: a Claim holds its Sources, Experts,
Categories and Verdict. Built only from records that passed every check."""

from __future__ import annotations

from dataclasses import dataclass, field

from .load import Record

Localized = dict  # language code → text; "en" always present


@dataclass(eq=False)
class Verdict:
    key: str
    name: Localized
    definition: Localized
    colour: str
    rating: int | None
    order: int


@dataclass(eq=False)
class Category:
    key: str
    order: int
    title: Localized
    correct: Localized
    explanation: Localized
    claims: list = field(default_factory=list)


@dataclass(eq=False)
class Expert:
    key: str
    name: str
    kind: str
    affiliation: str
    field: Localized
    url: str | None
    claims: list = field(default_factory=list)


@dataclass(frozen=True)
class Excerpt:
    """A passage of a source as read, the evidence for the quotations taken from it."""

    text: str
    read_at: str  # an address, or seeds/<file>
    read_on: str


@dataclass(eq=False)
class Source:
    key: str
    title: str
    authors: list[str] | None  # None: unknown
    publisher: str
    date: str  # YYYY-MM-DD, YYYY-MM, YYYY or "unknown"
    url: str | None  # None: unknown
    archive_url: str | None
    language: str
    kind: str
    note: Localized | None
    excerpts: list[Excerpt] = field(default_factory=list)
    appearance_only: bool = False  # partisan or unreliable: shows where a claim appeared, never evidence
    description: Localized | None = None  # what the item is, where its title is unknown
    cited_by: list = field(default_factory=list)


@dataclass(eq=False)
class Quote:
    text: str
    language: str
    translation: Localized


@dataclass(eq=False)
class Annotation:
    phrase: str
    note: Localized
    rebuttal: int  # 1-based, as editors count


@dataclass(eq=False)
class Appearance:
    source: Source
    via: Source | None
    statement: Quote
    verbatim: bool
    note: Localized | None
    annotations: list[Annotation]


@dataclass(eq=False)
class Change:
    date: str
    summary: Localized
    verdict_from: Verdict | None
    verdict_to: Verdict | None = None  # filled from the next change, or the current verdict


@dataclass(eq=False)
class Rebuttal:
    by: Expert
    source: Source
    points: Localized
    quote: Quote | None
    affiliation: str = ""  # at the time of the source, where the rebuttal gives one

    @property
    def affiliation_then(self) -> str:
        return self.affiliation or self.by.affiliation


@dataclass(eq=False)
class Claim:
    id: int
    slug: str
    claim: Localized
    verdict: Verdict
    short_answer: Localized
    appearances: list[Appearance]
    rebuttals: list[Rebuttal]
    explanation: Localized
    categories: list[Category]
    further_sources: list[Source]
    published: str
    reviewed: str
    claim_reviewed: Localized
    former_slugs: list[str]
    changes: list[Change]
    former_ids: list[int] = field(default_factory=list)

    @property
    def sources(self) -> list[Source]:
        """Every source the page cites, each once, in the order the page cites them."""
        found = [a.source for a in self.appearances] + [a.via for a in self.appearances if a.via]
        found += [r.source for r in self.rebuttals] + self.further_sources
        return list(dict.fromkeys(found))


@dataclass(eq=False)
class Site:
    claims: list[Claim]
    sources: list[Source]
    experts: list[Expert]
    categories: list[Category]
    verdicts: list[Verdict]
    redirects: dict[str, str]  # slug of a removed claim → slug its address leads to
    published: dict[int, list[str]] = field(default_factory=dict)  # id → slugs, from published.yaml


def _unknown(value):
    return None if value == "unknown" else value


def _quote(data: dict) -> Quote:
    return Quote(data["text"] if "text" in data else data["statement"], data["language"], data.get("translation", {}))


def build_model(records: list[Record]) -> Site:
    by_kind: dict[str, dict[str, dict]] = {}
    for r in records:
        by_kind.setdefault(r.kind, {})[r.key] = r.data
    verdicts_data = next(iter(by_kind.get("verdicts", {}).values()), {})
    verdicts = {
        k: Verdict(k, v["name"], v["definition"], v["colour"], v["rating"], i)
        for i, (k, v) in enumerate(verdicts_data.items())
    }
    categories = {
        k: Category(k, d["order"], d["title"], d["correct"], d["explanation"])
        for k, d in by_kind.get("category", {}).items()
    }
    experts = {
        k: Expert(k, d["name"], d["kind"], d["affiliation"], d["field"], _unknown(d["url"]))
        for k, d in by_kind.get("expert", {}).items()
    }
    sources = {
        k: Source(
            k,
            d["title"],
            _unknown(d["authors"]),
            d["publisher"],
            d["date"],
            _unknown(d["url"]),
            d.get("archive_url"),
            d["language"],
            d["kind"],
            d.get("note"),
            [Excerpt(" ".join(e["text"].split()), e["read_at"], e["read_on"]) for e in d.get("excerpts", [])],
            d.get("appearance_only", False),
            d.get("description"),
        )
        for k, d in by_kind.get("source", {}).items()
    }
    claims = [_claim(d, verdicts, categories, experts, sources) for d in by_kind.get("claim", {}).values()]
    claims.sort(key=lambda c: c.id)
    for claim in claims:
        for category in claim.categories:
            category.claims.append(claim)
        for source in claim.sources:
            source.cited_by.append(claim)
        for expert in dict.fromkeys(r.by for r in claim.rebuttals):
            expert.claims.append(claim)
    return Site(
        claims,
        sorted(sources.values(), key=lambda s: s.key),
        sorted(experts.values(), key=lambda e: e.name),
        sorted(categories.values(), key=lambda c: (c.order, c.key)),
        list(verdicts.values()),
        dict(next(iter(by_kind.get("redirects", {}).values()), {})),
        {int(k): list(v) for k, v in next(iter(by_kind.get("published", {}).values()), {}).items()},
    )


def _changes(d: dict, verdicts: dict) -> list[Change]:
    changes = [Change(c["date"], c["summary"], verdicts.get(c.get("verdict_from"))) for c in d.get("changes", [])]
    after = verdicts[d["verdict"]]
    for change in reversed(changes):  # each verdict change leads to the verdict that followed it
        if change.verdict_from:
            change.verdict_to, after = after, change.verdict_from
    return changes


def _claim(d: dict, verdicts, categories, experts, sources) -> Claim:
    appearances = [
        Appearance(
            sources[a["source"]],
            sources.get(a.get("via")),
            _quote(a),
            a["kind"] == "verbatim",
            a.get("note"),
            [Annotation(n["phrase"], n["note"], n["rebuttal"]) for n in a.get("annotations", [])],
        )
        for a in d["appearances"]
    ]
    rebuttals = [
        Rebuttal(
            experts[r["by"]],
            sources[r["source"]],
            r["points"],
            _quote(r["quote"]) if "quote" in r else None,
            r.get("affiliation", ""),
        )
        for r in d["rebuttals"]
    ]
    return Claim(
        d["id"],
        d["slug"],
        d["claim"],
        verdicts[d["verdict"]],
        d["short_answer"],
        appearances,
        rebuttals,
        d["explanation"],
        [categories[k] for k in d["categories"]],
        [sources[k] for k in d.get("further_sources", [])],
        d["published"],
        d["reviewed"],
        d.get("claim_reviewed") or d["claim"],
        d.get("former_slugs", []),
        _changes(d, verdicts),
        d.get("former_ids", []),
    )
