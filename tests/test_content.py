"""The content targets the site promises its readers: enough checks, brought up to date, and
every changed verdict stated as a public correction."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import build_model
from factcheck.validate import check_tree

ROOT = Path(__file__).resolve().parents[1]
SITE = build_model(check_tree(ROOT)[0])


def _year(source) -> int | None:
    head = source.date[:4]
    return int(head) if head.isdigit() else None


def test_at_least_37_claims_in_both_editions():
    # Counted, not required of every claim: an editor may add one without Dutch (CONTRIBUTING).
    dutch = [c for c in SITE.claims if all("nl" in t.given for t in (c.claim, c.short_answer, c.explanation))]
    assert len(dutch) >= 37


def test_at_least_15_claims_cite_a_source_from_2020_or_later():
    recent = [c for c in SITE.claims if any((_year(s) or 0) >= 2020 for s in c.sources)]
    assert len(recent) >= 15


def test_every_claim_cites_a_rebuttal_source_that_is_evidence():
    for claim in SITE.claims:
        assert claim.rebuttals and all(not r.source.appearance_only for r in claim.rebuttals), claim.slug


def test_a_clean_clone_checks_with_no_errors_and_no_warnings():
    """An editor's first `make check` shows only what they cause. (Dated as of the newest
    review, so that a claim's yearly review reminder does not fail the build by itself.)"""
    import datetime as dt

    newest = max(dt.date.fromisoformat(c.reviewed) for c in SITE.claims)
    assert [p.text() for p in check_tree(ROOT, newest)[1]] == []
