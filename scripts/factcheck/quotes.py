"""Verbatim quotations and their evidence. A quotation must be found word for word in an
excerpt of its own source (`excerpts:` in sources/<key>.yaml): a verbatim statement in
its appearance's source, a rebuttal's quote in the rebuttal's source, words in double
quotation marks in running text in a source the record cites. Matching ignores white
space, the form of quote marks and of dashes, and nothing else; an ellipsis splits a
quotation into parts that must each be found."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .access import Records, as_list, get, of_kind
from .editions import LANGUAGES
from .load import Record, field_name
from .problems import Problem
from .translations import localized_fields

# Every form of quote mark and dash, as the plain one; replaced by one regular expression,
# which is several times faster than str.translate on long texts.
_PLAIN = {c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′"} | {c: "-" for c in "‐‑‒–—―−"}
_FANCY = re.compile(f"[{''.join(_PLAIN)}]")
_ELLIPSIS = re.compile(r"\s*\[?\s*(?:\.\.\.|…)\s*\]?\s*")
_QUOTED = re.compile(r'"([^"]+)"')
# Not running text of ours: the claim as repeated and a category's title repeat the myth,
# often in quotation marks, and quote no source.
_NOT_RUNNING_TEXT = {"claim", "claim_reviewed", "name", "title"}


def normalise(text: str) -> str:
    return " ".join(_FANCY.sub(lambda m: _PLAIN[m.group()], text).split())


def parts(quotation: str) -> list[str]:
    """The parts of a quotation that an ellipsis separates."""
    return [p for p in _ELLIPSIS.split(normalise(quotation)) if p]


def quoted_passages(text: str) -> list[str]:
    """The passages of a running text in double quotation marks of any form."""
    return _QUOTED.findall(normalise(text))


def evidence_texts(source: Record) -> list[str]:
    """A source's normalised excerpts and title: what quotations of it are looked for in."""

    def compute(record: Record) -> list[str]:
        texts = (get(e, "text") for e in as_list(record.data.get("excerpts")))
        title = record.data.get("title")
        return [normalise(t) for t in texts if isinstance(t, str)] + (
            [normalise(title)] if isinstance(title, str) else []
        )

    return source.derive("evidence", compute)


def _itself(record: Record) -> Record:
    return record


class Evidence:
    """The normalised excerpts and title of every source, by key, worked out when first
    needed from the whole record (`whole`: the checker's slim copies hold no excerpts)."""

    def __init__(self, records: Records, whole=_itself):
        self.sources = {source.key: source for source in of_kind(records, "source")}
        self.whole = whole

    def texts(self, key: str) -> list[str]:
        return evidence_texts(self.whole(self.sources[key]))

    def missing(self, quotation: str, keys: list[str]) -> list[str]:
        return self.missing_parts(parts(quotation), keys)

    def missing_parts(self, quotation_parts: tuple[str, ...], keys: list[str]) -> list[str]:
        """The parts of a quotation that no excerpt of these sources holds. A source that
        does not exist or cannot be read is reported elsewhere; its quotations wait for it."""
        if any(key not in self.sources for key in keys):
            return []
        pool = [text for key in keys for text in self.texts(key)]
        return [part for part in quotation_parts if not any(part in text for text in pool)]


@dataclass(frozen=True)
class Quotation:
    """A quotation in a record, ready to be looked up: `keys` are the sources it must be
    found in (None for a category, whose sources are those of its claims)."""

    field: str
    line: int
    parts: tuple[str, ...]
    keys: tuple[str, ...] | None
    what: str
    fix: str


def cited_sources(claim: Record) -> list[str]:
    """Every source a claim cites, in order; worked out once per record."""

    def compute(record: Record) -> list[str]:
        keys = []
        for appearance in as_list(record.data.get("appearances")):
            keys += [get(appearance, "source"), get(appearance, "via")]
        keys += [get(rebuttal, "source") for rebuttal in as_list(record.data.get("rebuttals"))]
        keys += as_list(record.data.get("further_sources"))
        return list(dict.fromkeys(k for k in keys if isinstance(k, str)))

    return claim.derive("cited", compute)


def _show(part: str) -> str:
    return part if len(part) <= 80 else part[:77] + "..."


def _where_to_look(keys: list[str]) -> str:
    if not keys:
        return "any source, because none is cited"
    if len(keys) <= 2:
        return " or ".join(f"`{k}`" for k in keys)
    return f"any of the {len(keys)} sources cited"


def _quotation(record: Record, where: tuple, text: str, keys, what: str, fix: str) -> Quotation:
    return Quotation(field_name(where), record.line(where), tuple(parts(text)), keys, what, fix)


def _statements(record: Record) -> Iterator[Quotation]:
    for i, appearance in enumerate(as_list(record.data.get("appearances"))):
        statement, keys = get(appearance, "statement"), [get(appearance, "source"), get(appearance, "via")]
        keys = tuple(k for k in keys if isinstance(k, str))
        if get(appearance, "kind") == "verbatim" and isinstance(statement, str) and keys:
            fix = f"copy the passage from the original into `excerpts:` in sources/{keys[0]}.yaml, or set `kind: paraphrase`"
            yield _quotation(record, ("appearances", i, "statement"), statement, keys, "the verbatim statement", fix)


def _rebuttal_quotes(record: Record) -> Iterator[Quotation]:
    for i, rebuttal in enumerate(as_list(record.data.get("rebuttals"))):
        text, key = get(get(rebuttal, "quote"), "text"), get(rebuttal, "source")
        if isinstance(text, str) and isinstance(key, str):
            fix = f"copy the passage from the original into `excerpts:` in sources/{key}.yaml, or remove the quote"
            yield _quotation(record, ("rebuttals", i, "quote", "text"), text, (key,), "the quote", fix)


def _running_text(record: Record, keys: tuple | None) -> Iterator[Quotation]:
    fix = "add the passage to `excerpts:` of the source it comes from, or paraphrase it without double quotation marks"
    for where, text in localized_fields(record.data):
        if where and where[0] in _NOT_RUNNING_TEXT:
            continue
        for lang in LANGUAGES:
            for passage in quoted_passages(text[lang]) if isinstance(text.get(lang), str) else []:
                yield _quotation(record, where + (lang,), passage, keys, "the quotation", fix)


def _own_quotations(record: Record) -> list[Quotation]:
    if record.kind == "claim":
        cited = tuple(cited_sources(record))
        return [*_statements(record), *_rebuttal_quotes(record), *_running_text(record, cited)]
    if record.kind == "category":
        return list(_running_text(record, None))
    if record.kind == "source":
        return list(_running_text(record, (record.key,)))
    if record.kind == "event":
        return list(_running_text(record, tuple(k for k in as_list(record.data.get("sources")) if isinstance(k, str))))
    return []


def quotations(record: Record) -> list[Quotation]:
    """Every quotation a record makes, found in its data once."""
    return record.derive("quotations", _own_quotations)


def _category_sources(records: Records) -> dict[str, list[str]]:
    """A category summarises its claims: it may quote the sources they cite."""
    cited: dict[str, list[str]] = {}
    for claim in of_kind(records, "claim"):
        for key in as_list(claim.data.get("categories")):
            if isinstance(key, str):
                cited.setdefault(key, []).extend(cited_sources(claim))
    return {key: sorted(set(keys)) for key, keys in cited.items()}


def _looked_up_in(record: Record, by_category: dict[str, list[str]]) -> list[str]:
    """Every source a record's quotations may be looked for in: with the record itself,
    all that its findings depend on."""
    if record.kind == "claim":
        return cited_sources(record)
    if record.kind == "category":
        return by_category.get(record.key, [])
    if record.kind == "source":
        return [record.key]
    return [k for k in as_list(record.data.get("sources")) if isinstance(k, str)]


def _problems(record: Record, evidence: Evidence, by_category: dict[str, list[str]]) -> Iterator[Problem]:
    for quote in quotations(record):
        keys = list(quote.keys) if quote.keys is not None else by_category.get(record.key, [])
        for part in evidence.missing_parts(quote.parts, keys):
            message = f'{quote.what} "{_show(part)}" is not found in an excerpt of {_where_to_look(keys)}'
            yield Problem(record.path, quote.line, quote.field, message, quote.fix)


def check_quotations(records: Records, whole=_itself, memo=None) -> Iterator[Problem]:
    """Every verbatim quotation is in an excerpt of its own source. `memo` (the checker's
    cache) keeps each record's findings for as long as it and its sources are unchanged;
    `whole` gives the whole record for a slim copy, read only when they did change."""
    evidence, by_category = Evidence(records, whole), _category_sources(records)
    for kind in ("claim", "category", "source", "event"):
        for record in of_kind(records, kind):
            depends = memo.depends(memo.sha(record.path), _looked_up_in(record, by_category)) if memo else None
            found = memo.recall(record.path, depends) if memo else None
            if found is None:
                found = tuple(_problems(whole(record), evidence, by_category))
                if memo:
                    memo.remember(record.path, depends, found)
            yield from found
