"""Published addresses are permanent: teachers link them. Every claim address ever
published (published.yaml) must still lead somewhere: to the claim itself, through a
former slug it declares, or through redirects.yaml for a removed claim."""

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


ADDRESS_CHECKS = [check_former_slugs, check_published]


PUBLISHED_HEADER = """\
# yaml-language-server: $schema=schemas/published.schema.json
# Every claim address this site has published: claim id → slugs, oldest first.
# `make build` adds new claims. Never remove an entry: a renamed claim lists its old slug
# under `former_slugs`, a removed one gets a line in redirects.yaml.
"""


def record_published(root: Path, claims: list) -> bool:
    """Add the current claims' addresses to published.yaml; True when it changed."""
    path = root / "published.yaml"
    known = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    known = {int(k): list(v) for k, v in (known or {}).items()}
    for claim in claims:
        slugs = known.setdefault(claim.id, [])
        if claim.slug not in slugs:
            slugs.append(claim.slug)
    text = PUBLISHED_HEADER + "".join(f"{k}: [{', '.join(v)}]\n" for k, v in sorted(known.items()))
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
