"""Rules a schema cannot express. Each rule is a small function: records in, problems out."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import defaultdict
from typing import Callable, Iterator
from urllib.parse import urlsplit

from .access import Records, as_list, get, of_kind, parse_date, problem
from .editions import LANGUAGES, TRANSLATIONS
from .load import KINDS, PLACEHOLDER, Record
from .permanence import ADDRESS_CHECKS
from .problems import WARNING, Problem
from .quotes import check_quotations
from .safe_text import allowed, targets
from .schema import SCHEMA_FOR, annotated, values_at
from .translations import localized_fields, source_hash

_TAG = re.compile(r"<\s*[/!?]?\s*[A-Za-z]")
_ENTITY = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_SCRIPT_SCHEME = re.compile(r"(java|vb)script\s*:|data\s*:\s*text/html", re.I)
# Bidirectional overrides and invisible controls can disguise what a reader sees.
_CONTROL = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
# Fields written in Markdown: the ones whose schema is marked `x-markdown`.
MARKDOWN_FIELDS = {w[-1] for kind in SCHEMA_FOR for w, _ in annotated(kind, "x-markdown")}


def _strings(data, where=()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, where + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, where + (i,))
    elif isinstance(data, str):
        yield where, data


# Every character or word the rules below look for: a quick look tells most texts are clean.
# The words are looked for case-insensitively only when the lower-cased text holds one
# (a case-insensitive regular expression over every text is twice as slow).
_SUSPECT_CHARS = re.compile(
    r"[<&!\]\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]|^\s{0,3}\[",
    re.M,
)
_SUSPECT_WORDS = re.compile(rf"script|data\s*:|{PLACEHOLDER}", re.I)


def _suspect(text: str) -> bool:
    if _SUSPECT_CHARS.search(text):
        return True
    low = text.lower()
    return ("script" in low or "data" in low or PLACEHOLDER.lower() in low) and bool(_SUSPECT_WORDS.search(text))


def _text_problems(record: Record, where: tuple, text: str) -> Iterator[Problem]:
    if not _suspect(text):
        return
    if PLACEHOLDER in text:
        yield problem(
            record,
            where,
            f"placeholder `{PLACEHOLDER}` is not filled in",
            "write the real value (see the comment above the field), or delete an optional field",
        )
        return
    if _TAG.search(text):
        yield problem(
            record,
            where,
            "raw HTML is not allowed",
            "remove the tag; use Markdown for links and emphasis, or write 'less than' instead of <",
        )
    if _ENTITY.search(text):
        yield problem(
            record, where, f"HTML entity `{_ENTITY.search(text).group(0)}` is not allowed", "type the character itself"
        )
    if _SCRIPT_SCHEME.search(text):
        yield problem(
            record,
            where,
            "script addresses (javascript:, vbscript:, data:text/html) are not allowed",
            "link only to https:// addresses",
        )
    if _CONTROL.search(text):
        yield problem(
            record,
            where,
            f"invisible control character U+{ord(_CONTROL.search(text).group(0)):04X} is not allowed",
            "delete it and retype the text around it",
        )
    if any(part in MARKDOWN_FIELDS for part in where):
        yield from _markdown_problems(record, where, text)


def _markdown_problems(record: Record, where: tuple, text: str) -> Iterator[Problem]:
    if "![" in text:
        yield problem(
            record,
            where,
            "images are not allowed in the text",
            "link to the image instead; the site loads nothing from other hosts",
        )
    for target in targets(text):
        if not allowed(target):
            yield problem(
                record,
                where,
                f"link target `{target}` is not a web address",
                "write the full address starting with https://",
            )


def check_text(records: Records) -> Iterator[Problem]:
    """No markup, entities, script links or hidden controls in any text an editor writes."""
    for record in records:
        for where, text in _strings(record.data):
            yield from _text_problems(record, where, text)


def check_claim_slug(records: Records) -> Iterator[Problem]:
    for record in of_kind(records, "claim"):
        slug = record.data.get("slug")
        if isinstance(slug, str) and slug != record.key:
            yield problem(
                record,
                ("slug",),
                f"slug `{slug}` does not match the file name `{record.key}.yaml`",
                f"rename the file to {slug}.yaml, or set `slug: {record.key}`",
            )


def check_unique(records: Records) -> Iterator[Problem]:
    """Slugs are the claims' addresses: no two may share one. (Ids: see permanence.check_ids.)"""
    seen: dict = {}
    for record in of_kind(records, "claim"):
        value = record.data.get("slug")
        if isinstance(value, str):
            if value in seen:
                yield problem(
                    record, ("slug",), f"slug `{value}` is already used by {seen[value]}", "choose another slug"
                )
            else:
                seen[value] = record.path


def references(record: Record) -> tuple[tuple[tuple, str, str], ...]:
    """(where, kind, key) for every reference a record makes: the fields its schema marks
    `x-ref`. Worked out once per record (and kept by the checker's cache)."""

    def compute(record: Record) -> tuple:
        found = annotated(record.kind, "x-ref")
        return tuple((where, kind, key) for pattern, kind in found for where, key in values_at(record.data, pattern))

    return record.derive("references", compute)


def _home(kind: str) -> str:
    """Where records of a kind that a reference names live: `sources/`, `verdicts.yaml`."""
    place = next(k.place for k in KINDS if k.name in (kind, kind + "s"))
    return place if place.endswith(".yaml") else place + "/"


def unknown_reference(kind: str, key: str, known: set[str]) -> tuple[str, str]:
    """The message and the fix for a reference to a record that does not exist."""
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    return (
        f"unknown {kind} `{key}`",
        f"did you mean `{close[0]}`?" if close else f"add it to {_home(kind)} first, or fix the spelling",
    )


def known_keys(records: Records) -> dict[str, set]:
    keys: dict[str, set] = defaultdict(set)
    for record in records:
        if record.kind == "verdicts":
            keys["verdict"].update(record.data)
        else:
            keys[record.kind].add(record.key)
    return keys


def former_slugs(records: Records) -> dict[str, str]:
    """A renamed claim's former slugs, each with the slug it has now: references to it
    still resolve, with a reminder to use the new one."""
    return {old: r.key for r in of_kind(records, "claim") for old in as_list(r.data.get("former_slugs"))}


def check_references(records: Records) -> Iterator[Problem]:
    keys, renamed = known_keys(records), former_slugs(records)
    for record in records:
        for where, kind, key in references(record) if record.readable else ():
            if kind == "claim" and key in renamed:
                yield problem(
                    record, where, f"claim `{key}` is now `{renamed[key]}`", f"write `{renamed[key]}`", WARNING
                )
            elif isinstance(key, str) and key not in keys[kind] and key != PLACEHOLDER:
                yield problem(record, where, *unknown_reference(kind, key, keys[kind]))


def check_evidence_sources(records: Records) -> Iterator[Problem]:
    """A source marked `appearance_only` shows where a claim appeared; it never backs a
    correction, nor shows that anything but a media report happened."""
    shaky = {r.key for r in of_kind(records, "source") if r.data.get("appearance_only") is True}
    for record in of_kind(records, "claim", "event"):
        for where, kind, key in references(record):
            if kind != "source" or key not in shaky:
                continue
            if record.kind == "claim" and where[0] in ("rebuttals", "further_sources"):
                message, fix = "not back a correction", "cite a reliable source here, or list it under `appearances`"
            elif record.kind == "event" and record.data.get("kind") != "media":
                message, fix = "not show that this happened", "cite a reliable source that reports it"
            else:
                continue
            yield problem(
                record,
                where,
                f"source `{key}` is marked `appearance_only`: it may show where the claim appeared, {message}",
                fix,
            )


def check_addresses(records: Records) -> Iterator[Problem]:
    """A web address has a real host name: with a dot, in lower case (the schema checks its form)."""
    for record in records:
        if record.kind not in ("source", "expert") or not record.readable:
            continue
        for where, value in _strings(record.data):
            if where[-1:] not in (("url",), ("archive_url",), ("read_at",)) or not re.match(r"https?://", value):
                continue
            host = urlsplit(value).hostname or ""
            if "." not in host or host != host.lower().strip(".") or any(c.isspace() for c in value):
                yield problem(
                    record,
                    where,
                    f"`{value}` has no valid host name",
                    "copy the full address from the browser's address bar",
                )


def _real_date(value) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return True  # other forms are the schema's business
    return parse_date(value) is not None


def record_dates(record: Record) -> tuple[tuple[tuple, str, bool, int | None], ...]:
    """Every date a record holds (the fields whose schema is marked `x-date`): where, the
    text, whether it is a real day, and the day it means as an ordinal. Worked out once per
    record (and kept by the checker's cache)."""

    def compute(record: Record) -> tuple:
        found = []
        for pattern, _ in annotated(record.kind, "x-date") if record.kind in SCHEMA_FOR else ():
            for where, value in values_at(record.data, pattern):
                if isinstance(value, str):
                    day = parse_date(value)
                    found.append((where, value, _real_date(value), day.toordinal() if day else None))
        return tuple(found)

    return record.derive("dates", compute)


def make_check_dates(today: dt.date) -> Callable[[Records], Iterator[Problem]]:
    def check_dates(records: Records) -> Iterator[Problem]:
        """Dates are real days, not in the future, and in order."""
        for record in records:
            for where, value, real, day in record_dates(record):
                if not real:
                    yield problem(record, where, f"`{value}` is not a real date", "check the day and month")
                elif day and day > today.toordinal():
                    yield problem(
                        record,
                        where,
                        f"date {value} is in the future (today is {today.isoformat()})",
                        "use the date the work was actually done",
                    )
        yield from _claim_date_order(records)

    return check_dates


def _claim_date_order(records: Records) -> Iterator[Problem]:
    sources = {r.key: r for r in of_kind(records, "source")}
    for record in of_kind(records, "claim"):
        published = parse_date(record.data.get("published"))
        reviewed = parse_date(record.data.get("reviewed"))
        if published and reviewed and reviewed < published:
            yield problem(
                record,
                ("reviewed",),
                f"reviewed {reviewed} is before published {published}",
                "a claim is reviewed on or after the day it is published",
            )
        for i, appearance in enumerate(as_list(record.data.get("appearances"))):
            source = sources.get(get(appearance, "source"))
            appeared = parse_date(source.data.get("date")) if source else None
            if published and appeared and appeared > published:
                yield problem(
                    record,
                    ("appearances", i, "source"),
                    f"the source is dated {source.data['date']}, after this check was published ({published})",
                    "check the source's date or the claim's `published` date",
                )


def check_archived_media(records: Records) -> Iterator[Problem]:
    """Media items disappear: a source a claim cites as an appearance keeps either an archived
    copy or the passages we read in it (`excerpts:`), so its words can still be checked. An
    item known only through another source (`via`) rests on that source's excerpts."""
    quoted = {
        get(a, "source")
        for r in of_kind(records, "claim")
        for a in as_list(r.data.get("appearances"))
        if get(a, "via") is None
    }
    for record in of_kind(records, "source"):
        if (
            record.key in quoted
            and str(record.data.get("url", "")).startswith("http")
            and "archive_url" not in record.data
            and not as_list(record.data.get("excerpts"))
        ):
            yield problem(
                record,
                ("url",),
                "this media item has no archived copy and no excerpt",
                "save it on web.archive.org and add `archive_url:`, or copy the passage you read into `excerpts:`",
                WARNING,
            )


def make_check_review_age(today: dt.date, days: int = 365) -> Callable[[Records], Iterator[Problem]]:
    def check_review_age(records: Records) -> Iterator[Problem]:
        """A check not reviewed for a year may be out of date."""
        for record in of_kind(records, "claim"):
            reviewed = parse_date(record.data.get("reviewed"))
            if reviewed and (today - reviewed).days > days:
                yield problem(
                    record,
                    ("reviewed",),
                    f"last reviewed {reviewed}, over a year ago",
                    "check the claim against newer sources, then update `reviewed`",
                    WARNING,
                )

    return check_review_age


def check_translations(records: Records) -> Iterator[Problem]:
    """A translated text says which English text it translates, and warns when that English changed."""
    for record in records:
        for where, text in localized_fields(record.data):
            for edition in (e for e in TRANSLATIONS if isinstance(text.get(e.lang), str)):
                yield from _translation(record, where, text, edition)


def _translation(record: Record, where: tuple, text: dict, edition) -> Iterator[Problem]:
    key, wanted, given = f"{edition.lang}_source", source_hash(text["en"]), text.get(f"{edition.lang}_source")
    if given is None:
        yield problem(
            record,
            where + (edition.lang,),
            f"the {edition.english} text does not record which English text it translates",
            f'check that it matches the English, then add `{key}: "{wanted}"`',
            WARNING,
        )
    elif isinstance(given, str) and given != wanted:
        yield problem(
            record,
            where + (edition.lang,),
            f"the English text changed since this translation (translated {given}, English now {wanted})",
            f'update the {edition.english} to match, then set `{key}: "{wanted}"`',
            WARNING,
        )


def check_text_languages(records: Records) -> Iterator[Problem]:
    """A text in a language the site has no edition of would never be shown."""
    for record in records:
        for where, text in localized_fields(record.data):
            for key in text:
                lang = key.removesuffix("_source")
                if lang not in LANGUAGES:
                    yield problem(
                        record,
                        where + (key,),
                        f"the site has no `{lang}` edition",
                        f"write the text under one of {', '.join(f'`{x}`' for x in LANGUAGES)}, "
                        "or add the edition to editions.yaml",
                    )


def make_check_unused_sources(cited_on_pages: frozenset = frozenset()):
    def check_unused_sources(records: Records) -> Iterator[Problem]:
        """A source nothing cites (no claim, event or hand-written page) is probably left over."""
        cited = {key for r in of_kind(records, "claim", "event") for _, kind, key in references(r) if kind == "source"}
        cited |= cited_on_pages
        for record in of_kind(records, "source"):
            if record.key not in cited:
                yield problem(
                    record,
                    (),
                    f"source `{record.key}` is not cited by any claim, event or page",
                    "cite it, or delete the file",
                    WARNING,
                )

    return check_unused_sources


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9\"'“‘(])")


def check_short_answer(records: Records) -> Iterator[Problem]:
    """The short answer states the fact in one to three sentences."""
    for record in of_kind(records, "claim"):
        answer = record.data.get("short_answer")
        for lang, text in answer.items() if isinstance(answer, dict) else []:
            n = len(_SENTENCE_END.split(text.strip())) if isinstance(text, str) else 0
            if n > 3:
                yield problem(
                    record,
                    ("short_answer", lang),
                    f"the short answer has {n} sentences",
                    "keep it to one to three; move the rest into the explanation",
                    WARNING,
                )


CLAIM_REVIEWED_MAX = 74  # schema.org ClaimReview: claimReviewed under 75 characters


def check_claim_reviewed(records: Records) -> Iterator[Problem]:
    """A short form of the claim for ClaimReview, wherever the claim itself is too long."""
    for record in of_kind(records, "claim"):
        claim, short = record.data.get("claim"), record.data.get("claim_reviewed")
        for lang, text in claim.items() if isinstance(claim, dict) else []:
            if not isinstance(text, str) or len(text) <= CLAIM_REVIEWED_MAX:
                continue
            if not isinstance(get(short, lang), str):
                where = ("claim_reviewed", lang) if isinstance(short, dict) else ("claim",)
                yield problem(
                    record,
                    where,
                    f"the claim is {len(text)} characters in `{lang}`; machine-readable "
                    f"reviews need a version under 75",
                    f"add `claim_reviewed:` with `{lang}:` in under 75 characters",
                )
        for lang, text in short.items() if isinstance(short, dict) else []:
            if isinstance(text, str) and len(text) > CLAIM_REVIEWED_MAX:
                yield problem(record, ("claim_reviewed", lang), f"is {len(text)} characters", "shorten it to under 75")


def check_annotations(records: Records) -> Iterator[Problem]:
    """An annotated phrase occurs once in its statement, phrases do not overlap, and each
    points at a rebuttal that exists."""
    for record in of_kind(records, "claim"):
        rebuttals = len(as_list(record.data.get("rebuttals")))
        for i, appearance in enumerate(as_list(record.data.get("appearances"))):
            statement = get(appearance, "statement")
            spans: list[tuple[int, int]] = []
            for j, note in enumerate(as_list(get(appearance, "annotations"))):
                where = ("appearances", i, "annotations", j)
                phrase, number = get(note, "phrase"), get(note, "rebuttal")
                if isinstance(phrase, str) and isinstance(statement, str):
                    yield from _phrase_problems(record, where, phrase, statement, spans)
                if isinstance(number, int) and not isinstance(number, bool) and not 1 <= number <= rebuttals:
                    yield problem(
                        record,
                        where + ("rebuttal",),
                        f"there is no rebuttal {number}; this claim has {rebuttals}",
                        f"use a number from 1 to {rebuttals}",
                    )


def _phrase_problems(record: Record, where: tuple, phrase: str, statement: str, spans: list) -> Iterator[Problem]:
    count = statement.count(phrase)
    if count == 0:
        yield problem(
            record,
            where + ("phrase",),
            f"the phrase `{phrase}` does not occur in the statement",
            "copy the exact words from the statement, in its original language",
        )
    elif count > 1:
        yield problem(
            record,
            where + ("phrase",),
            f"the phrase `{phrase}` occurs {count} times in the statement",
            "make it longer so that it occurs only once",
        )
    else:
        start = statement.index(phrase)
        span = (start, start + len(phrase))
        if any(span[0] < end and start_ < span[1] for start_, end in spans):
            yield problem(
                record,
                where + ("phrase",),
                f"the phrase `{phrase}` overlaps another annotated phrase",
                "annotate separate parts of the statement",
            )
        spans.append(span)


def check_changes(records: Records) -> Iterator[Problem]:
    """The change log runs from publication to the last review, and a recorded verdict
    change names a real verdict other than the current one."""
    verdicts = known_keys(records)["verdict"]
    for record in of_kind(records, "claim"):
        published = parse_date(record.data.get("published"))
        reviewed = parse_date(record.data.get("reviewed"))
        for i, change in enumerate(as_list(record.data.get("changes"))):
            day = parse_date(get(change, "date"))
            if day and published and reviewed and not published <= day <= reviewed:
                yield problem(
                    record,
                    ("changes", i, "date"),
                    f"change dated {day} is outside {published} to {reviewed}",
                    "a change falls between `published` and `reviewed`; update `reviewed` to the day of the change",
                )
            before = get(change, "verdict_from")
            if isinstance(before, str) and before not in verdicts:
                yield problem(
                    record,
                    ("changes", i, "verdict_from"),
                    f"unknown verdict `{before}`",
                    "use a key from verdicts.yaml",
                )


# Rules whose findings depend on one record alone: the checker's cache keeps them with the file.
RECORD_CHECKS = [
    check_text,
    check_claim_slug,
    check_addresses,
    check_translations,
    check_text_languages,
    check_short_answer,
    check_claim_reviewed,
    check_annotations,
]


def cross_record_checks(
    today: dt.date, cited_on_pages: frozenset = frozenset(), quotes=check_quotations
) -> list[Callable[[Records], Iterator[Problem]]]:
    """Rules that compare records, or depend on the day: they run on every check. `quotes`:
    check_quotations as the checker's cache calls it."""
    return [
        check_unique,
        check_references,
        check_evidence_sources,
        make_check_dates(today),
        make_check_unused_sources(cited_on_pages),
        check_archived_media,
        make_check_review_age(today),
        check_changes,
        quotes,
        *ADDRESS_CHECKS,
    ]
