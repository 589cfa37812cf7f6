"""Table-driven tests of the checker: the good fixture passes; each broken variant gives
exactly the messages listed."""
import pytest

from conftest import GOOD, TODAY, messages

from factcheck.validate import check_tree

C1 = "claims/first-claim.yaml"
C2 = "claims/second-claim.yaml"


def test_good_fixture_has_no_problems():
    _, problems = check_tree(GOOD, TODAY)
    assert problems == []


CASES = [
    ("typo in a field name names the closest field",
     {C1: ('verdict: "false"', 'verdikt: "false"')},
     [f"{C1}:1: verdict: required field is missing; add `verdict:` (One verdict key from verdicts.yaml, for example `false` or `misleading`)",
      f"{C1}:5: verdikt: unknown field `verdikt`; did you mean `verdict`?"]),
    ("a YAML yes/no value where text was meant",
     {C1: ('verdict: "false"', "verdict: no")},
     [f'{C1}:5: verdict: `no` is read by YAML as a yes/no value, not as text; put it in quotes: "no"',
      f"{C1}:5: verdict: unknown verdict `no`; add it to verdicts.yaml first, or fix the spelling"]),
    ("a missing required field",
     {C1: ("short_answer:\n  en: There is no single score.\n", "")},
     [f"{C1}:1: short_answer: required field is missing; add `short_answer:` (One to three sentences that state the fact first, then what is wrong with the claim)"]),
    ("unknown references, with the closest key suggested",
     {C1: ("- source: news-article", "- source: news-artikel")},
     [f"{C1}:9: appearances[0].source: unknown source `news-artikel`; did you mean `news-article`?"]),
    ("an unknown expert and category",
     {C1: ("by: an-expert", "by: nobody"), C2: ("categories: [one-score]", "categories: [two-scores]")},
     [f"{C1}:16: rebuttals[0].by: unknown expert `nobody`; add it to experts/ first, or fix the spelling",
      f"{C2}:21: categories[0]: unknown category `two-scores`; did you mean `one-score`?"]),
    ("an unknown verdict",
     {C1: ('verdict: "false"', "verdict: wrong")},
     [f"{C1}:5: verdict: unknown verdict `wrong`; add it to verdicts.yaml first, or fix the spelling"]),
    ("a duplicate id",
     {C2: ("id: 2", "id: 1")},
     [f"{C2}:1: id: id `1` is already used by {C1}; use the next free id, 2"]),
    ("a file name that does not match the slug",
     {C2: ("slug: second-claim", "slug: other-claim")},
     [f"{C2}:2: slug: slug `other-claim` does not match the file name `second-claim.yaml`; rename the file to other-claim.yaml, or set `slug: second-claim`"]),
    ("dates in the future and out of order",
     {C1: ("reviewed: 2020-02-03", "reviewed: 2027-01-01"), C2: ("reviewed: 2020-01-02", "reviewed: 2019-12-31")},
     [f"{C1}:28: reviewed: date 2027-01-01 is in the future (today is 2026-11-29); use the date the work was actually done",
      f"{C2}:24: reviewed: reviewed 2019-12-31 is before published 2020-01-02; a claim is reviewed on or after the day it is published"]),
    ("a date that does not exist and a date in the wrong form",
     {C1: ("published: 2020-01-02", "published: 2020-02-30"), C2: ("published: 2020-01-02", "published: 02-01-2020")},
     [f"{C1}:27: published: `2020-02-30` is not a real date; check the day and month",
      f"{C2}:23: published: `02-01-2020` is not valid here; write the full date as YYYY-MM-DD, for example 2026-11-29"]),
    ("a source dated after the check was published",
     {"sources/news-article.yaml": ("date: 2019-03", "date: 2020-06")},
     [f"{C1}:9: appearances[0].source: the source is dated 2020-06, after this check was published (2020-01-02); check the source's date or the claim's `published` date",
      f"{C2}:9: appearances[0].source: the source is dated 2020-06, after this check was published (2020-01-02); check the source's date or the claim's `published` date"]),
    ("a duplicate key in one mapping",
     {C1: ("slug: first-claim\n", "slug: first-claim\nid: 3\n")},
     [f"{C1}:3: id: `id` appears twice in one mapping (first on line 1); keep one of them; YAML would silently use only the last"]),
    ("anchors and aliases",
     {C2: ("categories: [one-score]", "categories: &cats [one-score]\nfurther: *cats")},
     [f"{C2}:21: (file): YAML anchor or alias `&cats` is not allowed; write the value out in full where it is needed",
      f"{C2}:22: (file): YAML anchor or alias `*cats` is not allowed; write the value out in full where it is needed"]),
    ("raw HTML and script in text",
     {C1: ("en: Everyone gets one score.", "en: Everyone gets <script>alert(1)</script> one score.")},
     [f"{C1}:4: claim.en: raw HTML is not allowed; remove the tag; use Markdown for links and emphasis, or write 'less than' instead of <"]),
    ("script links, images and entities in Markdown",
     {C1: ("The paper by [the expert](https://example.org/paper) shows it.",
           "See [this](javascript:alert(1)) and ![x](https://example.org/x.png) &lt;b&gt;")},
     [f"{C1}:24: explanation.en: HTML entity `&lt;` is not allowed; type the character itself",
      f"{C1}:24: explanation.en: images are not allowed in the text; link to the image instead; the site loads nothing from other hosts",
      f"{C1}:24: explanation.en: link target `javascript:alert(1` is not a web address; write the full address starting with https://",
      f"{C1}:24: explanation.en: script addresses (javascript:, vbscript:, data:text/html) are not allowed; link only to https:// addresses"]),
    ("a right-to-left override hidden in text",
     {C1: ("en: There is no single score.", "en: There is no \u202esingle score.")},
     [f"{C1}:7: short_answer.en: invisible control character U+202E is not allowed; delete it and retype the text around it"]),
    ("a statement not in English without a translation",
     {C1: ("    translation:\n      en: Everyone gets a score.\n", "")},
     [f"{C1}:9: appearances[0].translation: required field is missing; add `translation:` (The statement translated)"]),
    ("wrong types and values",
     {C2: ("id: 2", 'id: "two"'), "sources/news-article.yaml": ("kind: news", "kind: newspaper")},
     [f"{C2}:1: id: expected a whole number, got text; write a whole number such as 19 (the next free id)",
      "sources/news-article.yaml:7: kind: `newspaper` is not one of: news, academic, government, expert-blog, video, think-tank, ngo, business-report, talk; use one of these"]),
    ("a guessed address without https and authors in the wrong form",
     {"sources/expert-paper.yaml": ("url: https://example.org/paper", "url: www.example.org/paper"),
      "experts/an-expert.yaml": ("url: https://example.org/expert", "url: ''")},
     [f"experts/an-expert.yaml:6: url: `` is not valid here; write the full address starting with https://, or `unknown`",
      f"sources/expert-paper.yaml:5: url: `www.example.org/paper` is not valid here; write the full address starting with https://, or `unknown`"]),
    ("a source that no claim cites is a warning",
     {"sources/unused.yaml": "title: Unused\nauthors: unknown\npublisher: P\ndate: unknown\nurl: unknown\nlanguage: en\nkind: news\n"},
     ["sources/unused.yaml:1: (file): warning: source `unused` is not cited by any claim; cite it from a claim, or delete the file"]),
    ("a short answer longer than three sentences is a warning",
     {C2: ("en: A short answer.", "en: One. Two. Three. Four.")},
     [f"{C2}:7: short_answer.en: warning: the short answer has 4 sentences; keep it to one to three; move the rest into the explanation"]),
    ("tabs, syntax errors, bad bytes, empty files and wrong extensions",
     {C2: "id: 2\nslug:\tsecond-claim\n", "sources/news-article.yaml": "title: [unclosed\n",
      "experts/an-expert.yaml": b"name: Caf\xe9\n", "categories/one-score.yaml": "# only a comment\n",
      "categories/extra.yml": "order: 2\n"},
     ["categories/extra.yml:1: (file): record files must end in .yaml; rename it to extra.yaml",
      "categories/one-score.yaml:1: (file): file is empty; fill in the record, or delete the file",
      f"claims/first-claim.yaml:16: rebuttals[0].by: unknown expert `an-expert`; add it to experts/ first, or fix the spelling",
      f"claims/first-claim.yaml:26: categories[0]: unknown category `one-score`; add it to categories/ first, or fix the spelling",
      f"claims/first-claim.yaml:9: appearances[0].source: unknown source `news-article`; add it to sources/ first, or fix the spelling",
      f"{C2}:2: (file): not valid YAML: found character '\\t' that cannot start any token; indent with spaces, not tabs",
      "experts/an-expert.yaml:1: (file): file is not UTF-8 (byte 0xe9); save the file as UTF-8 in your editor",
      "sources/news-article.yaml:2: (file): not valid YAML: expected ',' or ']', but got '<stream end>'; fix the YAML syntax on this line (indent with spaces, quote text that contains ': ' or starts with a special character)"]),
]


@pytest.mark.parametrize("name,edits,expected", CASES, ids=[c[0] for c in CASES])
def test_broken_records_give_exact_messages(tree, name, edits, expected):
    assert sorted(messages(tree(edits))) == sorted(expected)
