"""The scaffolder: next free id, slug from the title, today's date, never overwrites,
and what it writes is caught by the checker until every placeholder is filled in."""

import datetime as dt

import pytest
from factcheck import cli
from factcheck.scaffold import ScaffoldError, new_claim, new_record, next_id, slugify

from conftest import messages


@pytest.mark.parametrize(
    "title,slug",
    [
        ("China's social credit: one score?", "chinas-social-credit-one-score"),
        ("Sesame Credit ≠ the state system", "sesame-credit-the-state-system"),
        ("Überwachung in Xinjiang", "uberwachung-in-xinjiang"),
    ],
)
def test_slug_from_title(title, slug):
    assert slugify(title) == slug


def test_next_id_never_reuses_a_published_id(tree):
    root = tree()
    assert next_id(root) == 5  # claims use 1-3; published.yaml also lists 4, now removed


def test_new_claim_is_flagged_until_filled_in(tree):
    root = tree()
    path = new_claim(root, "Everyone is scored by the Party", dt.date(2020, 12, 1))
    assert path.name == "everyone-is-scored-by-the-party.yaml"
    text = path.read_text(encoding="utf-8")
    assert "id: 5\n" in text and 'published: "2020-12-01"' in text and 'en: "Everyone is scored by the Party"' in text
    found = messages(root)
    assert found and all(p.startswith("claims/everyone-is-scored-by-the-party.yaml:") for p in found)
    placeholders = [p for p in found if "placeholder `TODO` is not filled in" in p]
    assert len(placeholders) >= 9
    filled = (
        text.replace("verdict: TODO", 'verdict: "false"')
        .replace("source: TODO", "source: expert-paper")
        .replace("by: TODO", "by: an-expert")
        .replace("categories: [TODO]", "categories: [one-score]")
        .replace("language: TODO", "language: en")
        .replace("kind: TODO", "kind: paraphrase")
        .replace("TODO", "Filled in.")
    )
    path.write_text(filled, encoding="utf-8")
    assert messages(root) == [
        "claims/everyone-is-scored-by-the-party.yaml:7: slug: the address /claims/everyone-is-scored-by-the-party/ "
        "of claim 5 is not recorded in published.yaml; run `make addresses` and commit published.yaml with your change"
    ]
    assert cli.main(["--root", str(root), "addresses"]) == 0
    assert messages(root) == []


def test_never_overwrites(tree):
    root = tree()
    with pytest.raises(ScaffoldError, match="first-claim.yaml exists already"):
        new_claim(root, "First claim", dt.date(2020, 12, 1))
    with pytest.raises(ScaffoldError, match="an-expert.yaml exists already"):
        new_record(root, "expert", "an-expert")


def test_new_source_and_expert(tree):
    root = tree()
    source = new_record(root, "source", "outlet-2020-topic")
    expert = new_record(root, "expert", "first-last")
    assert source.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/source.schema.json"
    )
    assert "# url (required):" in source.read_text(encoding="utf-8")
    assert "# affiliation (required):" in expert.read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match="is not a valid key"):
        new_record(root, "source", "Not A Key")


def test_new_event_is_flagged_until_filled_in(tree):
    root = tree()
    event = new_record(root, "event", "2014-a-plan")
    text = event.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/event.schema.json")
    assert "# kind (required): What kind of event it is, for the timeline's filter." in text
    assert "One of: policy, law, court, local, company, media, correction." in text
    fix = "placeholder `TODO` is not filled in; write the real value (see the comment above the field), or delete an optional field"
    assert [m for m in messages(root) if m.startswith("events/")] == [
        f"events/2014-a-plan.yaml:{line}: {field}: {fix}"
        for line, field in ((5, "date"), (7, "kind"), (10, "title.en"), (14, "summary.en"), (17, "sources[0]"))
    ]
