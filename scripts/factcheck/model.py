"""The checked records as resolved, typed objects: a Claim holds its Sources, Experts,
Categories and Verdict. Built only from records that passed every check."""

from __future__ import annotations

from dataclasses import dataclass, field

from .editions import LANGUAGES
from .load import Record
from .translations import MISSING, status


@dataclass(frozen=True)
class Text:
    """A text a reader sees, resolved once for every edition: what the edition shows (the
    English where it has no translation) and the state of its translation there."""

    given: dict[str, str]  # the editors' texts by language, without translation bookkeeping
    shown: dict[str, str]  # by edition
    state: dict[str, str]  # by edition: translated, stale or missing

    @classmethod
    def of(cls, raw: dict | None) -> Text | None:
        if raw is None:
            return None
        kept = _TEXTS["last"].get(id(raw))
        text = kept[1] if kept is not None and kept[0] is raw else cls._made(raw)
        _TEXTS["now"][id(raw)] = (raw, text)
        return text

    @classmethod
    def _made(cls, raw: dict) -> Text:
        state = {lang: status(raw, lang) for lang in LANGUAGES}
        shown = {lang: raw["en"] if state[lang] == MISSING else raw[lang] for lang in LANGUAGES}
        return cls({k: v for k, v in raw.items() if not k.endswith("_source")}, shown, state)


# The Texts of the last modelling and of this one, by the record's dict they were made from
# (kept with it, so that its id is not reused). Records read once in a process (filecheck.py)
# give `mkdocs serve` the same dicts at every rebuild, and a Text's translation states cost
# a hash of its English. Nothing changes a record's data once read.
_TEXTS: dict[str, dict[int, tuple[dict, Text]]] = {"last": {}, "now": {}}


Localized = Text


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
    claims: list = field(
        default_factory=list, repr=False
    )  # back-references: kept out of repr, which would walk the graph


@dataclass(eq=False)
class Expert:
    key: str
    name: str
    kind: str
    affiliation: str
    field: Localized
    url: str | None
    claims: list = field(
        default_factory=list, repr=False
    )  # back-references: kept out of repr, which would walk the graph


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
    cited_by: list = field(default_factory=list, repr=False)


@dataclass(eq=False)
class Quote:
    text: str
    language: str
    translation: dict[str, str]  # the statement translated, by language


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
    events: list = field(default_factory=list, repr=False)  # the timeline events that name this claim, by date

    @property
    def sources(self) -> list[Source]:
        """Every source the page cites, each once, in the order the page cites them."""
        found = [a.source for a in self.appearances] + [a.via for a in self.appearances if a.via]
        found += [r.source for r in self.rebuttals] + self.further_sources
        return list(dict.fromkeys(found))


@dataclass(eq=False)
class Event:
    """Something that happened, on the timeline: a rule, a law, a court figure, a local scheme,
    a company's product, a media moment or a correction."""

    key: str
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    kind: str
    title: Text
    summary: Text
    sources: list[Source]
    claims: list = field(repr=False)  # of Claim

    @property
    def year(self) -> int:
        return int(self.date[:4])


@dataclass(eq=False)
class Site:
    claims: list[Claim]
    sources: list[Source]
    experts: list[Expert]
    categories: list[Category]
    verdicts: list[Verdict]
    redirects: dict[str, str]  # slug of a removed claim → slug its address leads to
    published: dict[int, list[str]] = field(default_factory=dict)  # id → slugs, from published.yaml
    events: list[Event] = field(default_factory=list)  # by date
    by_slug: dict = field(default_factory=dict, repr=False)  # slug or former slug → claim


def _unknown(value):
    return None if value == "unknown" else value


def _quote(data: dict) -> Quote:
    return Quote(
        text=data["text"] if "text" in data else data["statement"],
        language=data["language"],
        translation=data.get("translation", {}),
    )


def _verdicts(data: dict) -> dict[str, Verdict]:
    return {
        key: Verdict(
            key=key,
            name=Text.of(v["name"]),
            definition=Text.of(v["definition"]),
            colour=v["colour"],
            rating=v["rating"],
            order=i,
        )
        for i, (key, v) in enumerate(data.items())
    }


def _category(key: str, d: dict) -> Category:
    return Category(
        key=key,
        order=d["order"],
        title=Text.of(d["title"]),
        correct=Text.of(d["correct"]),
        explanation=Text.of(d["explanation"]),
    )


def _expert(key: str, d: dict) -> Expert:
    return Expert(
        key=key,
        name=d["name"],
        kind=d["kind"],
        affiliation=d["affiliation"],
        field=Text.of(d["field"]),
        url=_unknown(d["url"]),
    )


def _source(key: str, d: dict) -> Source:
    return Source(
        key=key,
        title=d["title"],
        authors=_unknown(d["authors"]),
        publisher=d["publisher"],
        date=d["date"],
        url=_unknown(d["url"]),
        archive_url=d.get("archive_url"),
        language=d["language"],
        kind=d["kind"],
        note=Text.of(d.get("note")),
        excerpts=[
            Excerpt(text=" ".join(e["text"].split()), read_at=e["read_at"], read_on=e["read_on"])
            for e in d.get("excerpts", [])
        ],
        appearance_only=d.get("appearance_only", False),
        description=Text.of(d.get("description")),
    )


def build_model(records: list[Record]) -> Site:
    by_kind: dict[str, dict[str, dict]] = {}
    for r in records:
        by_kind.setdefault(r.kind, {})[r.key] = r.data
    verdicts = _verdicts(next(iter(by_kind.get("verdicts", {}).values()), {}))
    categories = {k: _category(k, d) for k, d in by_kind.get("category", {}).items()}
    experts = {k: _expert(k, d) for k, d in by_kind.get("expert", {}).items()}
    sources = {k: _source(k, d) for k, d in by_kind.get("source", {}).items()}
    claims = [_claim(d, verdicts, categories, experts, sources) for d in by_kind.get("claim", {}).values()]
    claims.sort(key=lambda c: c.id)
    for claim in claims:
        for category in claim.categories:
            category.claims.append(claim)
        for source in claim.sources:
            source.cited_by.append(claim)
        for expert in dict.fromkeys(r.by for r in claim.rebuttals):
            expert.claims.append(claim)
    by_slug = {slug: c for c in claims for slug in (c.slug, *c.former_slugs)}  # a renamed claim still resolves
    events = sorted(
        (_event(k, d, sources, by_slug) for k, d in by_kind.get("event", {}).items()), key=lambda e: (e.date, e.key)
    )
    for event in events:
        for claim in event.claims:
            claim.events.append(event)
    published = next(iter(by_kind.get("published", {}).values()), {})
    _TEXTS["last"], _TEXTS["now"] = _TEXTS["now"], {}  # only this modelling's: the store does not grow
    return Site(
        claims=claims,
        sources=sorted(sources.values(), key=lambda s: s.key),
        experts=sorted(experts.values(), key=lambda e: e.name),
        categories=sorted(categories.values(), key=lambda c: (c.order, c.key)),
        verdicts=list(verdicts.values()),
        redirects=dict(next(iter(by_kind.get("redirects", {}).values()), {})),
        published={int(k): list(v) for k, v in published.items()},
        events=events,
        by_slug=by_slug,
    )


def _event(key: str, d: dict, sources: dict, claims: dict) -> Event:
    return Event(
        key=key,
        date=d["date"],
        kind=d["kind"],
        title=Text.of(d["title"]),
        summary=Text.of(d["summary"]),
        sources=[sources[k] for k in d["sources"]],
        claims=[claims[k] for k in d.get("claims", [])],
    )


def _changes(d: dict, verdicts: dict) -> list[Change]:
    changes = [
        Change(date=c["date"], summary=Text.of(c["summary"]), verdict_from=verdicts.get(c.get("verdict_from")))
        for c in d.get("changes", [])
    ]
    after = verdicts[d["verdict"]]
    for change in reversed(changes):  # each verdict change leads to the verdict that followed it
        if change.verdict_from:
            change.verdict_to, after = after, change.verdict_from
    return changes


def _appearance(a: dict, sources: dict) -> Appearance:
    return Appearance(
        source=sources[a["source"]],
        via=sources.get(a.get("via")),
        statement=_quote(a),
        verbatim=a["kind"] == "verbatim",
        note=Text.of(a.get("note")),
        annotations=[
            Annotation(phrase=n["phrase"], note=Text.of(n["note"]), rebuttal=n["rebuttal"])
            for n in a.get("annotations", [])
        ],
    )


def _rebuttal(r: dict, experts: dict, sources: dict) -> Rebuttal:
    return Rebuttal(
        by=experts[r["by"]],
        source=sources[r["source"]],
        points=Text.of(r["points"]),
        quote=_quote(r["quote"]) if "quote" in r else None,
        affiliation=r.get("affiliation", ""),
    )


def _claim(d: dict, verdicts, categories, experts, sources) -> Claim:
    return Claim(
        id=d["id"],
        slug=d["slug"],
        claim=Text.of(d["claim"]),
        verdict=verdicts[d["verdict"]],
        short_answer=Text.of(d["short_answer"]),
        appearances=[_appearance(a, sources) for a in d["appearances"]],
        rebuttals=[_rebuttal(r, experts, sources) for r in d["rebuttals"]],
        explanation=Text.of(d["explanation"]),
        categories=[categories[k] for k in d["categories"]],
        further_sources=[sources[k] for k in d.get("further_sources", [])],
        published=d["published"],
        reviewed=d["reviewed"],
        claim_reviewed=Text.of(d.get("claim_reviewed") or d["claim"]),
        former_slugs=d.get("former_slugs", []),
        changes=_changes(d, verdicts),
        former_ids=d.get("former_ids", []),
    )
