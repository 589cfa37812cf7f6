"""Issue 12: timeline events are records like any other, and the primer's footnotes and myth
markers are references the checker resolves. Each broken input gives exactly these
messages, with file, line and the fix."""

from __future__ import annotations

import pytest

from conftest import messages

EVENT = "events/2014-plan.yaml"
GOOD_EVENT = """# yaml-language-server: $schema=../schemas/event.schema.json
date: "2018-05"
kind: policy
title:
  en: A plan is issued
summary:
  en: The plan says "You are on a list – or you are not."
sources: [expert-paper]
claims: [first-claim]
"""
PAGE = "docs/how-it-works.md"
GOOD_PAGE = """---
title: How it works
---

# How it works

Intro.[^expert-paper]

## What it is { #what-it-is }

It is "a binary system".[^expert-paper]

[[claim:first-claim]]
"""


def test_a_good_event_and_a_good_page_pass(tree):
    assert messages(tree({EVENT: GOOD_EVENT, PAGE: GOOD_PAGE})) == []


EVENT_CASES = [
    (
        "a missing field",
        (GOOD_EVENT.replace("kind: policy\n", ""),),
        [
            f"{EVENT}:2: kind: required field is missing; add `kind:` (What kind of event it is, for the timeline's filter)"
        ],
    ),
    (
        "a guessed day that is no date",
        (GOOD_EVENT.replace('"2018-05"', '"2018-05-40"'),),
        [f"{EVENT}:2: date: `2018-05-40` is not a real date; check the day and month"],
    ),
    (
        "an unknown source",
        (GOOD_EVENT.replace("[expert-paper]", "[expert-papr]"),),
        [f"{EVENT}:8: sources[0]: unknown source `expert-papr`; did you mean `expert-paper`?"],
    ),
    (
        "an unknown claim",
        (GOOD_EVENT.replace("[first-claim]", "[no-such-claim]"),),
        [f"{EVENT}:9: claims[0]: unknown claim `no-such-claim`; did you mean `second-claim`?"],
    ),
    (
        "a quotation in no excerpt of its sources",
        (GOOD_EVENT.replace('"You are on a list – or you are not."', '"You are on a list or not."'),),
        [
            f'{EVENT}:7: summary.en: the quotation "You are on a list or not." is not found in an excerpt of '
            "`expert-paper`; add the passage to `excerpts:` of the source it comes from, or paraphrase it without "
            "double quotation marks"
        ],
    ),
]


@pytest.mark.parametrize("name,event,expected", EVENT_CASES, ids=[c[0] for c in EVENT_CASES])
def test_broken_events_give_exact_messages(tree, name, event, expected):
    assert sorted(messages(tree({EVENT: event[0]}))) == sorted(expected)


def test_an_appearance_only_source_shows_no_event_but_a_media_moment(tmp_path):
    from conftest import make_tree

    edits = {"sources/news-article.yaml": ("kind: news\n", "kind: news\nappearance_only: true\n")}
    policy = GOOD_EVENT.replace("[expert-paper]", "[news-article]").replace(
        '"You are on a list – or you are not."', "it."
    )
    assert messages(make_tree(tmp_path / "a", {**edits, EVENT: policy})) == [
        f"{EVENT}:8: sources[0]: source `news-article` is marked `appearance_only`: it may show where the claim "
        "appeared, not show that this happened; cite a reliable source that reports it"
    ]
    assert messages(make_tree(tmp_path / "b", {**edits, EVENT: policy.replace("kind: policy", "kind: media")})) == []


PAGE_CASES = [
    (
        "an unknown source in a footnote",
        GOOD_PAGE.replace("Intro.[^expert-paper]", "Intro.[^expert-papers]"),
        [f"{PAGE}:7: footnote: unknown source `expert-papers`; did you mean `expert-paper`?"],
    ),
    (
        "an unknown claim in a marker",
        GOOD_PAGE.replace("[[claim:first-claim]]", "[[claim:firts-claim]]"),
        [f"{PAGE}:13: claim marker: unknown claim `firts-claim`; did you mean `first-claim`?"],
    ),
    (
        "a footnote written by hand",
        GOOD_PAGE + "\n[^expert-paper]: An Expert, 2018.\n",
        [
            f"{PAGE}:15: footnote: the build writes each footnote from the source record; remove this line and "
            "keep only `[^expert-paper]` in the text"
        ],
    ),
    (
        "a marker in a section without an id",
        GOOD_PAGE.replace(" { #what-it-is }", ""),
        [
            f"{PAGE}:9: heading: a section with myth markers needs a fixed id for claim pages to link to; end the "
            "section's `## ` heading with a fixed id, `{ #some-id }`, the same in every edition"
        ],
    ),
    (
        "a quotation in no excerpt of the page's sources",
        GOOD_PAGE.replace('"a binary system"', '"a binary scoring system"'),
        [
            f'{PAGE}:11: quotation: "a binary scoring system" is in no excerpt of a source this page cites; add the '
            "passage to `excerpts:` of its source, or paraphrase it without double quotation marks"
        ],
    ),
]


@pytest.mark.parametrize("name,page,expected", PAGE_CASES, ids=[c[0] for c in PAGE_CASES])
def test_broken_pages_give_exact_messages(tree, name, page, expected):
    assert sorted(messages(tree({PAGE: page}))) == sorted(expected)


def test_a_page_may_not_cite_an_appearance_only_source(tree):
    edits = {"sources/news-article.yaml": ("kind: news\n", "kind: news\nappearance_only: true\n")}
    page = GOOD_PAGE.replace("Intro.[^expert-paper]", "Intro.[^news-article]")
    assert messages(tree({**edits, PAGE: page})) == [
        f"{PAGE}:7: footnote: source `news-article` is marked `appearance_only`; cite a reliable source; a source "
        "marked `appearance_only` only shows where a claim appeared"
    ]


def test_the_page_is_resolved_into_markers_section_lists_and_footnotes(tree):
    from factcheck.model import build_model
    from factcheck.render.cited_pages import resolve
    from factcheck.validate import check_tree

    records, _ = check_tree(tree({EVENT: GOOD_EVENT}))
    site = build_model(records)
    out = resolve(GOOD_PAGE, site, "en")
    assert '<p class="fc-myth"><strong>Myth:</strong> <a href="claims/first-claim.md">' in out
    assert out.count("<strong>Claims this section corrects:</strong>") == 1
    assert out.rstrip().endswith(
        '[^expert-paper]: <!-- fc:html -->A University, 9 May 2018: <a href="https://example.org/paper">An expert '
        'paper</a>. By An Expert. <a href="https://web.archive.org/web/2020/https://example.org/paper">archived '
        "copy</a>.<!-- /fc:html -->"
    )
    assert [e.key for e in site.claims[0].events] == ["2014-plan"]


def test_a_renamed_claims_former_slug_still_resolves_with_a_reminder(tree):
    event = GOOD_EVENT.replace("[first-claim]", "[old-third-claim]")
    page = GOOD_PAGE.replace("[[claim:first-claim]]", "[[claim:old-third-claim]]")
    assert messages(tree({EVENT: event, PAGE: page})) == [
        f"{PAGE}:13: claim marker: warning: claim `old-third-claim` is now `third-claim`; write `third-claim`",
        f"{EVENT}:9: claims[0]: warning: claim `old-third-claim` is now `third-claim`; write `third-claim`",
    ]
