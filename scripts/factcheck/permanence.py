"""Published addresses are permanent: teachers link them. Every claim address ever
published (published.yaml) must still lead somewhere: to the claim itself, through a
former slug it declares, or through redirects.yaml for a removed claim. An id is bound
to the claim first published under it, so its short link /c/<id>/ cannot move to another
claim; and every claim's address is recorded before it is published (`make addresses`)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import yaml

from .access import as_list, of_kind, problem
from .load import Record
from .problems import Problem

Records = list[Record]


def _single(records: Records, kind: str) -> Record | None:
    return next((r for r in records if r.kind == kind), None)


def addresses(records: Records) -> dict[str, str]:
    """Every old slug that must redirect → the slug it leads to."""
    out: dict[str, str] = {}
    for record in of_kind(records, "claim"):
        for old in as_list(record.data.get("former_slugs")):
            out[old] = record.data.get("slug")
    redirects = _single(records, "redirects")
    if redirects:
        out.update(redirects.data)
    return out


def _current(records: Records) -> set:
    """Slugs served now, counting files that could not be read (reported on their own)."""
    return {r.data.get("slug") for r in of_kind(records, "claim")} | {
        r.key for r in records if r.kind == "claim" and not r.readable
    }


def check_former_slugs(records: Records) -> Iterator[Problem]:
    """An old slug leads to one claim only, and never shadows a current one."""
    current = {r.data.get("slug"): r.path for r in of_kind(records, "claim")}
    readable_or_not = _current(records)
    seen: dict[str, str] = {}
    for record in of_kind(records, "claim"):
        for i, old in enumerate(as_list(record.data.get("former_slugs"))):
            if old in current:
                yield problem(
                    record,
                    ("former_slugs", i),
                    f"`{old}` is the slug of {current[old]}",
                    "a former slug must not be in use by a claim",
                )
            elif old in seen:
                yield problem(
                    record,
                    ("former_slugs", i),
                    f"`{old}` is already a former slug of {seen[old]}",
                    "an old address can lead to one claim only",
                )
            seen.setdefault(old, record.path)
    redirects = _single(records, "redirects")
    for old, target in redirects.data.items() if redirects else []:
        if target not in readable_or_not:
            yield problem(
                redirects,
                (old,),
                f"`{old}` redirects to `{target}`, which is not a claim",
                "point it at the slug of an existing claim",
            )
        if old in current or old in seen:
            yield problem(
                redirects,
                (old,),
                f"`{old}` is still in use by a claim",
                "remove this line; the address is served already",
            )


def check_published(records: Records) -> Iterator[Problem]:
    """Nothing published disappears: each published slug is still a claim's slug, a
    former slug, or redirected."""
    published = _single(records, "published")
    if not published:
        return
    by_id = {r.data.get("id"): r for r in of_kind(records, "claim")}
    served = _current(records) | set(addresses(records))
    for key, slugs in published.data.items():
        for slug in as_list(slugs):
            if slug not in served:
                yield _lost(published, by_id.get(int(key)) if key.isdigit() else None, key, slug)


def _lost(published: Record, claim: Record | None, key: str, slug: str) -> Problem:
    if claim is None:
        return problem(
            published,
            (key,),
            f"claim {key} was published at /claims/{slug}/ and no longer exists",
            f"restore it, or add `{slug}: <slug of the claim that replaces it>` to redirects.yaml",
        )
    return problem(
        claim,
        ("slug",),
        f"/claims/{slug}/ was published for claim {key} and would disappear",
        f"if this claim was renamed, add `former_slugs: [{slug}]`; if it is a new claim, give it the next free id",
    )


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def published_ids(records: Records) -> dict[int, list[str]] | None:
    """published.yaml as id → slugs; None when the project has none yet."""
    published = _single(records, "published")
    if not published or not isinstance(published.data, dict):
        return None
    return {
        int(k): [s for s in as_list(v) if isinstance(s, str)] for k, v in published.data.items() if str(k).isdigit()
    }


def _slugs(record: Record) -> set:
    return {record.data.get("slug"), *as_list(record.data.get("former_slugs"))}


def next_free_id(records: Records) -> int:
    """Never reuse an id: not a current one, a former one, or one ever published."""
    used = {r.data.get("id") for r in of_kind(records, "claim")}
    used |= {i for r in of_kind(records, "claim") for i in as_list(r.data.get("former_ids"))}
    used |= set(published_ids(records) or {})
    return 1 + max((i for i in used if _is_id(i)), default=0)


def _owner(records: Records, claim_id: int, slugs: list[str]) -> Record | None:
    """The claim that holds a published id: the one whose slugs include its published ones."""
    return next((r for r in of_kind(records, "claim") if r.data.get("id") == claim_id and _slugs(r) & set(slugs)), None)


def _holds(record: Record, published: dict) -> bool:
    """Whether this claim is the one its id was published for."""
    return bool(_slugs(record) & set(published.get(record.data.get("id"), [])))


def check_ids(records: Records) -> Iterator[Problem]:
    """One claim per id, and each published id stays with the claim it was published for.
    A clash always names the record that is not the published one as the one to change."""
    published = published_ids(records)
    free = next_free_id(records)
    held = {r.data.get("id"): r for r in of_kind(records, "claim") if _holds(r, published or {})}
    served = _current(records) | set(addresses(records))
    former = {i: r for r in of_kind(records, "claim") for i in as_list(r.data.get("former_ids"))}
    holders: dict[int, Record] = {}
    # The published holder of an id comes first, so that a copy is the one reported.
    for record in sorted(of_kind(records, "claim"), key=lambda r: held.get(r.data.get("id")) is not r):
        claim_id = record.data.get("id")
        if not _is_id(claim_id):
            continue
        moved = list(_renumbered(record, published or {}, held))
        taken_by = holders.get(claim_id) or former.get(claim_id)
        if moved:
            yield from moved
        elif taken_by is not None and taken_by is not record:
            how = "already used by" if claim_id in holders else "a former id of"
            yield problem(record, ("id",), f"id `{claim_id}` is {how} {taken_by.path}", f"use the next free id, {free}")
        else:
            holders[claim_id] = record
            if published is not None:
                yield from _unbound(record, published, served, free)


UNRECORDED = "is not recorded in published.yaml"


def _renumbered(record: Record, published: dict, held: dict) -> Iterator[Problem]:
    """A published claim whose id changed without saying so: its addresses were published
    under another id that no claim holds any more."""
    claim_id, slugs = record.data["id"], _slugs(record)
    former_ids = set(as_list(record.data.get("former_ids")))
    for other_id, other_slugs in sorted(published.items()):
        if other_id not in (claim_id, *former_ids) and other_id not in held and slugs & set(other_slugs):
            yield problem(
                record,
                ("id",),
                f"this claim was published as claim {other_id} (/c/{other_id}/, /claims/{other_slugs[0]}/); "
                f"its id is now {claim_id}",
                f"change it back to `id: {other_id}`; to renumber it on purpose, add `former_ids: [{other_id}]`, "
                f"and /c/{other_id}/ will lead here",
            )


def _unbound(record: Record, published: dict, served: set, free: int) -> Iterator[Problem]:
    """A published id taken by another claim, or an address not yet recorded. (A published
    address that is served by no claim at all is check_published's to report.)"""
    claim_id = record.data["id"]
    if claim_id in published and not _holds(record, published):
        if set(published[claim_id]) & served:
            yield problem(
                record,
                ("id",),
                f"id {claim_id} was published for /claims/{published[claim_id][-1]}/ (published.yaml), not for this "
                "claim",
                f"give this claim the next free id, {free}",
            )
    elif record.data.get("slug") not in published.get(claim_id, []):
        yield problem(
            record,
            ("slug",),
            f"the address /claims/{record.data.get('slug')}/ of claim {claim_id} {UNRECORDED}",
            "run `make addresses` and commit published.yaml with your change",
        )


ADDRESS_CHECKS = [check_ids, check_former_slugs, check_published]


PUBLISHED_HEADER = """\
# yaml-language-server: $schema=schemas/published.schema.json
# Every claim address this site has published: claim id → slugs, oldest first.
# `make addresses` adds new claims and slugs. Never remove an entry: a renamed claim
# lists its old slug under `former_slugs`, a removed one gets a line in redirects.yaml.
"""


def record_published(root: Path, claims: list) -> list[tuple[int, str]]:
    """Add the current claims' addresses to published.yaml; the (id, slug) pairs it added."""
    path = root / "published.yaml"
    known = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    known = {int(k): list(v) for k, v in (known or {}).items()}
    added = []
    for claim in claims:
        slugs = known.setdefault(claim.id, [])
        if claim.slug not in slugs:
            slugs.append(claim.slug)
            added.append((claim.id, claim.slug))
    if added:
        text = PUBLISHED_HEADER + "".join(f"{k}: [{', '.join(v)}]\n" for k, v in sorted(known.items()))
        path.write_text(text, encoding="utf-8")
    return added
