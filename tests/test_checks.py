"""Table-driven tests of the checker: the good fixture passes; each broken variant gives
exactly the messages listed."""

import pytest
from factcheck.validate import check_tree

from conftest import GOOD, TODAY, messages

C1 = "claims/first-claim.yaml"
C2 = "claims/second-claim.yaml"
T3 = "claims/third-claim.yaml"
PAPER_FILE = "sources/expert-paper.yaml"


def test_good_fixture_has_no_problems():
    _, problems = check_tree(GOOD, TODAY)
    assert problems == []


CASES = [
    (
        "typo in a field name names the closest field",
        {C1: ('verdict: "false"', 'verdikt: "false"')},
        [
            f"{C1}:1: verdict: required field is missing; add `verdict:` (One verdict key from verdicts.yaml, for example `false` or `misleading`)",
            f"{C1}:5: verdikt: unknown field `verdikt`; did you mean `verdict`?",
        ],
    ),
    (
        "a YAML yes/no value where text was meant",
        {C1: ('verdict: "false"', "verdict: no")},
        [
            f"{C1}:5: verdict: `no` is read by YAML as a yes/no value, not as text; write the verdict key in quotes "
            'and lower case, for example `verdict: "false"`',
        ],
    ),
    (
        "verdict: False gives one message that names the fix",
        {C1: ('verdict: "false"', "verdict: False")},
        [
            f"{C1}:5: verdict: `False` is read by YAML as a yes/no value, not as text; write the verdict key in "
            'quotes and lower case, for example `verdict: "false"`',
        ],
    ),
    (
        "a year read by YAML as a number",
        {PAPER_FILE: ("date: 2018-05-09", "date: 2024")},
        [f'{PAPER_FILE}:4: date: expected text, got a whole number; put it in quotes: "2024"'],
    ),
    (
        "a missing required field",
        {C1: ("short_answer:\n  en: There is no single score.\n", "")},
        [
            f"{C1}:1: short_answer: required field is missing; add `short_answer:` (One to three sentences that state the fact first, then what is wrong with the claim)"
        ],
    ),
    (
        "unknown references, with the closest key suggested",
        {C1: ("- source: news-article", "- source: news-artikel")},
        [f"{C1}:9: appearances[0].source: unknown source `news-artikel`; did you mean `news-article`?"],
    ),
    (
        "an unknown expert and category",
        {C1: ("by: an-expert", "by: nobody"), C2: ("categories: [one-score]", "categories: [two-scores]")},
        [
            f"{C1}:16: rebuttals[0].by: unknown expert `nobody`; add it to experts/ first, or fix the spelling",
            f"{C2}:21: categories[0]: unknown category `two-scores`; did you mean `one-score`?",
        ],
    ),
    (
        "an unknown verdict",
        {C1: ('verdict: "false"', "verdict: wrong")},
        [f"{C1}:5: verdict: unknown verdict `wrong`; add it to verdicts.yaml first, or fix the spelling"],
    ),
    (
        "a published claim renumbered to another's id",
        {C2: ("id: 2", "id: 1")},
        [
            f"{C2}:1: id: this claim was published as claim 2 (/c/2/, /claims/second-claim/); its id is now 1; "
            "change it back to `id: 2`; to renumber it on purpose, add `former_ids: [2]`, and /c/2/ will lead here"
        ],
    ),
    (
        "a file name that does not match the slug",
        {C2: ("slug: second-claim", "slug: other-claim")},
        [
            f"{C2}:2: slug: slug `other-claim` does not match the file name `second-claim.yaml`; rename the file to other-claim.yaml, or set `slug: second-claim`",
            f"{C2}:2: slug: /claims/second-claim/ was published for claim 2 and would disappear; if this claim was renamed, add `former_slugs: [second-claim]`; if it is a new claim, give it the next free id",
            "redirects.yaml:1: removed-claim: `removed-claim` redirects to `second-claim`, which is not a claim; point it at the slug of an existing claim",
        ],
    ),
    (
        "dates in the future and out of order",
        {C1: ("reviewed: 2020-02-03", "reviewed: 2027-01-01"), C2: ("reviewed: 2020-01-02", "reviewed: 2019-12-31")},
        [
            f"{C1}:28: reviewed: date 2027-01-01 is in the future (today is 2020-12-30); use the date the work was actually done",
            f"{C2}:24: reviewed: reviewed 2019-12-31 is before published 2020-01-02; a claim is reviewed on or after the day it is published",
        ],
    ),
    (
        "a date that does not exist and a date in the wrong form",
        {
            C1: ("published: 2020-01-02", "published: 2020-02-30"),
            C2: ("published: 2020-01-02", "published: 02-01-2020"),
        },
        [
            f"{C1}:27: published: `2020-02-30` is not a real date; check the day and month",
            f"{C2}:23: published: `02-01-2020` is not valid here; write the full date as YYYY-MM-DD, for example 2026-11-29",
        ],
    ),
    (
        "a source dated after the check was published",
        {"sources/news-article.yaml": ("date: 2019-03", "date: 2020-06")},
        [
            f"{C1}:9: appearances[0].source: the source is dated 2020-06, after this check was published (2020-01-02); check the source's date or the claim's `published` date",
            "claims/third-claim.yaml:10: appearances[0].source: the source is dated 2020-06, after this check was published (2020-01-02); check the source's date or the claim's `published` date",
            f"{C2}:9: appearances[0].source: the source is dated 2020-06, after this check was published (2020-01-02); check the source's date or the claim's `published` date",
        ],
    ),
    (
        "a duplicate key in one mapping",
        {C1: ("slug: first-claim\n", "slug: first-claim\nid: 3\n")},
        [
            f"{C1}:3: id: `id` appears twice in one mapping (first on line 1); keep one of them; YAML would silently use only the last"
        ],
    ),
    (
        "anchors and aliases",
        {C2: ("categories: [one-score]", "categories: &cats [one-score]\nfurther: *cats")},
        [
            f"{C2}:21: (file): YAML anchor or alias `&cats` is not allowed; write the value out in full where it is needed",
            f"{C2}:22: (file): YAML anchor or alias `*cats` is not allowed; write the value out in full where it is needed",
        ],
    ),
    (
        "raw HTML and script in text",
        {C1: ("en: Everyone gets one score.", "en: Everyone gets <script>alert(1)</script> one score.")},
        [
            f"{C1}:4: claim.en: raw HTML is not allowed; remove the tag; use Markdown for links and emphasis, or write 'less than' instead of <"
        ],
    ),
    (
        "script links, images and entities in Markdown",
        {
            C1: (
                "The paper by [the expert](https://example.org/paper) shows it.",
                "See [this](javascript:alert(1)) and ![x](https://example.org/x.png) &lt;b&gt;",
            )
        },
        [
            f"{C1}:24: explanation.en: HTML entity `&lt;` is not allowed; type the character itself",
            f"{C1}:24: explanation.en: images are not allowed in the text; link to the image instead; the site loads nothing from other hosts",
            f"{C1}:24: explanation.en: link target `javascript:alert(1` is not a web address; write the full address starting with https://",
            f"{C1}:24: explanation.en: script addresses (javascript:, vbscript:, data:text/html) are not allowed; link only to https:// addresses",
        ],
    ),
    (
        "a right-to-left override hidden in text",
        {C1: ("en: There is no single score.", "en: There is no \u202esingle score.")},
        [
            f"{C1}:7: short_answer.en: invisible control character U+202E is not allowed; delete it and retype the text around it"
        ],
    ),
    (
        "a statement not in English without a translation",
        {C1: ("    translation:\n      en: Everyone gets a score.\n", "")},
        [
            f"{C1}:9: appearances[0].translation: required field is missing; add `translation:` (The statement translated)"
        ],
    ),
    (
        "wrong types and values",
        {C2: ("id: 2", 'id: "two"'), "sources/news-article.yaml": ("kind: news", "kind: newspaper")},
        [
            f"{C2}:1: id: expected a whole number, got text; write a whole number: the next free id (`make new-claim` picks it)",
            "sources/news-article.yaml:7: kind: `newspaper` is not one of: government, academic, think-tank, expert-blog, ngo, business-report, news, video, talk, blog, social-media; use one of these",
        ],
    ),
    (
        "a guessed address without https and authors in the wrong form",
        {
            "sources/expert-paper.yaml": ("url: https://example.org/paper", "url: www.example.org/paper"),
            "experts/an-expert.yaml": ("url: https://example.org/expert", "url: ''"),
        },
        [
            "experts/an-expert.yaml:6: url: `` is not valid here; write the full address starting with https://, or `unknown`",
            "sources/expert-paper.yaml:5: url: `www.example.org/paper` is not valid here; write the full address starting with https://, or `unknown`",
        ],
    ),
    (
        "a source that no claim cites is a warning",
        {
            "sources/unused.yaml": "title: Unused\nauthors: unknown\npublisher: P\ndate: unknown\nurl: unknown\nlanguage: en\nkind: news\n"
        },
        [
            "sources/unused.yaml:1: (file): warning: source `unused` is not cited by any claim, event or page; cite it, or delete the file"
        ],
    ),
    (
        "a short answer longer than three sentences is a warning",
        {C2: ("en: A short answer.", "en: One. Two. Three. Four.")},
        [
            f"{C2}:7: short_answer.en: warning: the short answer has 4 sentences; keep it to one to three; move the rest into the explanation"
        ],
    ),
    (
        "a claim too long for ClaimReview without a short form",
        {
            C2: (
                "en: A second claim.",
                "en: " + "A second claim that goes on and on, far longer than any machine-readable review allows.",
            )
        },
        [
            f"{C2}:3: claim: the claim is 87 characters in `en`; machine-readable reviews need a version under 75; add `claim_reviewed:` with `en:` in under 75 characters"
        ],
    ),
    (
        "overlapping annotated phrases",
        {T3: ("      - phrase: van de staat", "      - phrase: Iedereen krijgt")},
        [
            f"{T3}:21: appearances[0].annotations[1].phrase: the phrase `Iedereen krijgt` overlaps another annotated phrase; annotate separate parts of the statement"
        ],
    ),
    (
        "an annotation of words the statement does not have",
        {T3: ("      - phrase: Iedereen", "      - phrase: Everyone")},
        [
            f"{T3}:17: appearances[0].annotations[0].phrase: the phrase `Everyone` does not occur in the statement; copy the exact words from the statement, in its original language"
        ],
    ),
    (
        "an annotation tied to a rebuttal that does not exist",
        {T3: ("        rebuttal: 2", "        rebuttal: 3")},
        [
            f"{T3}:24: appearances[0].annotations[1].rebuttal: there is no rebuttal 3; this claim has 2; use a number from 1 to 2"
        ],
    ),
    (
        "a change dated before publication, and an unknown earlier verdict",
        {
            T3: (
                "  - date: 2020-12-01\n    summary:\n      en: New evidence changed the verdict.\n    verdict_from: misleading",
                "  - date: 2019-05-01\n    summary:\n      en: New evidence changed the verdict.\n    verdict_from: nope",
            )
        },
        [
            f"{T3}:40: changes[0].date: change dated 2019-05-01 is outside 2020-01-02 to 2020-12-01; a change falls between `published` and `reviewed`; update `reviewed` to the day of the change",
            f"{T3}:43: changes[0].verdict_from: unknown verdict `nope`; use a key from verdicts.yaml",
        ],
    ),
    (
        "a renamed claim without a redirect, and a removed claim without one",
        {T3: ("former_slugs: [old-third-claim]\n", ""), "redirects.yaml": None},
        [
            f"{T3}:2: slug: /claims/old-third-claim/ was published for claim 3 and would disappear; if this claim was renamed, add `former_slugs: [old-third-claim]`; if it is a new claim, give it the next free id",
            "published.yaml:4: 4: claim 4 was published at /claims/removed-claim/ and no longer exists; restore it, or add `removed-claim: <slug of the claim that replaces it>` to redirects.yaml",
        ],
    ),
    (
        "a former slug still in use, and a redirect to nowhere",
        {
            T3: ("former_slugs: [old-third-claim]", "former_slugs: [old-third-claim, second-claim]"),
            "redirects.yaml": "removed-claim: nowhere\n",
        },
        [
            f"{T3}:3: former_slugs[1]: `second-claim` is the slug of claims/second-claim.yaml; a former slug must not be in use by a claim",
            "redirects.yaml:1: removed-claim: `removed-claim` redirects to `nowhere`, which is not a claim; point it at the slug of an existing claim",
        ],
    ),
    (
        "a media item cited directly with neither an archived copy nor an excerpt",
        {
            "sources/new-article.yaml": (
                "title: New\nauthors: unknown\npublisher: P\ndate: unknown\nurl: https://example.org/new\n"
                "language: en\nkind: news\n"
            ),
            C2: ("source: news-article\n    via: expert-paper", "source: new-article"),
        },
        [
            "sources/new-article.yaml:5: url: warning: this media item has no archived copy and no excerpt; save it "
            "on web.archive.org and add `archive_url:`, or copy the passage you read into `excerpts:`",
        ],
    ),
    (
        "a claim not reviewed for a year",
        {C2: ("published: 2020-01-02\nreviewed: 2020-01-02", "published: 2019-11-01\nreviewed: 2019-11-30")},
        [
            f"{C2}:24: reviewed: warning: last reviewed 2019-11-30, over a year ago; check the claim against newer sources, then update `reviewed`",
        ],
    ),
    (
        "placeholders left from the template",
        {C2: ("verdict: misleading", "verdict: TODO")},
        [
            f"{C2}:5: verdict: placeholder `TODO` is not filled in; write the real value (see the comment above the field), or delete an optional field"
        ],
    ),
    (
        "tabs, syntax errors, bad bytes, empty files and wrong extensions",
        {
            C2: "id: 2\nslug:\tsecond-claim\n",
            "sources/news-article.yaml": "title: [unclosed\n",
            "experts/an-expert.yaml": b"name: Caf\xe9\n",
            "categories/one-score.yaml": "# only a comment\n",
            "categories/extra.yml": "order: 2\n",
        },
        [
            "categories/extra.yml:1: (file): record files must end in .yaml; rename it to extra.yaml",
            "categories/one-score.yaml:1: (file): file is empty; fill in the record, or delete the file",
            f"{C2}:2: (file): tab character in the file; indent and separate with spaces, not tabs",
            "experts/an-expert.yaml:1: (file): file is not UTF-8 (byte 0xe9); save the file as UTF-8 in your editor",
            "sources/news-article.yaml:2: (file): not valid YAML: did not find expected ',' or ']'; fix the YAML syntax on this line (indent with spaces, quote text that contains ': ' or starts with a special character)",
        ],
    ),
]


NEWS = "sources/news-article.yaml"
PAPER = "sources/expert-paper.yaml"
COPY_NEWS = (
    "copy the passage from the original into `excerpts:` in sources/news-article.yaml, or set `kind: paraphrase`"
)
COPY_PAPER = "copy the passage from the original into `excerpts:` in sources/expert-paper.yaml, or remove the quote"
PARAPHRASE = (
    "add the passage to `excerpts:` of the source it comes from, or paraphrase it without double quotation marks"
)

QUOTATION_CASES = [
    (
        "a verbatim statement changed by one word",
        {C1: ("statement: Iedereen krijgt een score.", "statement: Iedereen krijgt een cijfer.")},
        [
            f'{C1}:10: appearances[0].statement: the verbatim statement "Iedereen krijgt een cijfer." is not '
            f"found in an excerpt of `news-article`; {COPY_NEWS}"
        ],
    ),
    (
        "a rebuttal quote changed by one word, and letter case is not normalised",
        {C1: ("text: It is a binary system.", "text: it is a binary system.")},
        [
            f'{C1}:21: rebuttals[0].quote.text: the quote "it is a binary system." is not found in an excerpt '
            f"of `expert-paper`; {COPY_PAPER}"
        ],
    ),
    (
        "an ellipsis splits a quotation: the found part passes, the changed part is reported",
        {C1: ("text: It is a binary system.", "text: It is a binary system ... you are on a list or not.")},
        [
            f'{C1}:21: rebuttals[0].quote.text: the quote "you are on a list or not." is not found in an '
            f"excerpt of `expert-paper`; {COPY_PAPER}"
        ],
    ),
    (
        "white space, quote marks and dashes are normalised, and parts joined by an ellipsis pass",
        {
            C1: ("text: It is a binary system.", 'text: "It is a binary   system. You are on a list — or […] not."'),
            C2: ("“Scores play no part in it”", '"Scores play no part in it"'),
        },
        [],
    ),
    (
        "a quotation found only in another source's excerpt",
        {C1: ("statement: Iedereen krijgt een score.", "statement: Scores play no part in it.")},
        [
            f'{C1}:10: appearances[0].statement: the verbatim statement "Scores play no part in it." is not '
            f"found in an excerpt of `news-article`; {COPY_NEWS}"
        ],
    ),
    (
        "a source without excerpts cannot back a verbatim quote",
        {PAPER: ("excerpts:\n", "unused:\n")},
        [
            f"{PAPER}:11: unused: unknown field `unused`; remove it; the known fields here are: appearance_only, archive_url, "
            "authors, date, description, excerpts, kind, language, note, publisher, title, url",
            f'{C1}:21: rebuttals[0].quote.text: the quote "It is a binary system." is not found in an excerpt '
            f"of `expert-paper`; {COPY_PAPER}",
            f'claims/second-claim.yaml:20: explanation.en: the quotation "Scores play no part in it" is not found '
            f"in an excerpt of `news-article` or `expert-paper`; {PARAPHRASE}",
        ],
    ),
    (
        "double quotation marks of any form in running text, English and Dutch",
        {
            C1: (
                "en: There is no single score.",
                'en: There is no "single national score".\n  nl: Er is geen „nationale score”.',
            )
        },
        [
            f'{C1}:7: short_answer.en: the quotation "single national score" is not found in an excerpt of '
            f"`news-article` or `expert-paper`; {PARAPHRASE}",
            f'{C1}:8: short_answer.nl: the quotation "nationale score" is not found in an excerpt of '
            f"`news-article` or `expert-paper`; {PARAPHRASE}",
            f"{C1}:8: short_answer.nl: warning: the Dutch text does not record which English text it translates; "
            'check that it matches the English, then add `nl_source: "1da9519a"`',
        ],
    ),
    (
        "a category may quote the sources its claims cite, and a source's title counts",
        {
            "categories/one-score.yaml": (
                "en: Researchers have shown this.",
                'en: \'Researchers wrote "Scores play no part in it" and "A news article: the score", not "one score".\'',
            )
        },
        [
            'categories/one-score.yaml:7: explanation.en: the quotation "one score" is not found in an excerpt of '
            f"`expert-paper` or `news-article`; {PARAPHRASE}"
        ],
    ),
    (
        "an excerpt needs where and when it was read, in a known form",
        {PAPER: ('read_at: seeds/000_example.txt\n    read_on: "2020-01-02"', "read_at: my notes")},
        [
            f"{PAPER}:16: excerpts[1].read_at: `my notes` is not valid here; write the address you read "
            "it at (https://…), or `seeds/<file name>`",
            f"{PAPER}:15: excerpts[1].read_on: required field is missing; add `read_on:` (The day the passage was read and "
            "copied, YYYY-MM-DD)",
        ],
    ),
]


APPEARANCE_ONLY_CASES = [
    (
        "a source marked appearance_only may be an appearance, never a rebuttal's or further source",
        {
            NEWS: ("kind: news", "kind: social-media\nappearance_only: true"),
            C2: ("further_sources: [expert-paper]", "further_sources: [news-article]"),
        },
        [
            "claims/second-claim.yaml:22: further_sources[0]: source `news-article` is marked `appearance_only`: it "
            "may show where the claim appeared, not back a correction; cite a reliable source here, or list it under "
            "`appearances`"
        ],
    ),
    (
        "a yes/no field takes only true or false",
        {NEWS: ("kind: news", "kind: news\nappearance_only: yes")},
        [
            f"{NEWS}:8: appearance_only: `yes` is read by YAML as a yes/no value, not as text; write `true` or "
            "`false` (lower case), or delete the line",
        ],
    ),
]


COPY = "claims/a-copied-claim.yaml"
FIRST = (GOOD / C1).read_text(encoding="utf-8")
AS_COPY = FIRST.replace("slug: first-claim", "slug: a-copied-claim")
NEXT = "use the next free id, 5"

ID_CASES = [
    (
        "a copied claim that kept its id: the copy is told to change, whichever file sorts first",
        {COPY: AS_COPY},
        [f"{COPY}:1: id: id `1` is already used by {C1}; {NEXT}"],
    ),
    (
        "the published claim renumbered to make room for its copy",
        {COPY: AS_COPY, C1: ("id: 1", "id: 5")},
        [
            f"{COPY}:1: id: id 1 was published for /claims/first-claim/ (published.yaml), not for this claim; "
            "give this claim the next free id, 6",
            f"{C1}:1: id: this claim was published as claim 1 (/c/1/, /claims/first-claim/); its id is now 5; "
            "change it back to `id: 1`; to renumber it on purpose, add `former_ids: [1]`, and /c/1/ will lead here",
        ],
    ),
    (
        "a deliberate swap of two ids",
        {C1: ("id: 1", "id: 2"), C2: ("id: 2", "id: 1")},
        [
            f"{C1}:1: id: this claim was published as claim 1 (/c/1/, /claims/first-claim/); its id is now 2; "
            "change it back to `id: 1`; to renumber it on purpose, add `former_ids: [1]`, and /c/1/ will lead here",
            f"{C2}:1: id: this claim was published as claim 2 (/c/2/, /claims/second-claim/); its id is now 1; "
            "change it back to `id: 2`; to renumber it on purpose, add `former_ids: [2]`, and /c/2/ will lead here",
        ],
    ),
    (
        "a renumbering declared with former_ids passes once recorded; the old id is never reused",
        {
            C1: ("id: 1", "id: 5\nformer_ids: [1]"),
            "published.yaml": ("1: [first-claim]", "1: [first-claim]\n5: [first-claim]"),
            COPY: AS_COPY,
        },
        [
            f"{COPY}:1: id: id `1` is a former id of {C1}; use the next free id, 6",
        ],
    ),
    (
        "a claim missing from published.yaml is an error with the command that fixes it",
        {"published.yaml": ("2: [second-claim]\n", "")},
        [
            f"{C2}:2: slug: the address /claims/second-claim/ of claim 2 is not recorded in published.yaml; "
            "run `make addresses` and commit published.yaml with your change"
        ],
    ),
    (
        "a claim missing from published.yaml and then renamed",
        {"published.yaml": ("2: [second-claim]\n", ""), C2: ("slug: second-claim", "slug: renamed-claim")},
        [
            f"{C2}:2: slug: slug `renamed-claim` does not match the file name `second-claim.yaml`; rename the file "
            "to renamed-claim.yaml, or set `slug: second-claim`",
            f"{C2}:2: slug: the address /claims/renamed-claim/ of claim 2 is not recorded in published.yaml; "
            "run `make addresses` and commit published.yaml with your change",
            "redirects.yaml:1: removed-claim: `removed-claim` redirects to `second-claim`, which is not a claim; "
            "point it at the slug of an existing claim",
        ],
    ),
]


UNTITLED_CASES = [
    (
        "title: unknown needs a description of the item",
        {PAPER_FILE: ("title: An expert paper", "title: unknown")},
        [
            f"{PAPER_FILE}:1: description: required field is missing; add `description:` (Only with `title: unknown`: what the item is, in a few words per language (for example `Daily Mail report on children of debtors and elite schools`))"
        ],
    ),
    (
        "title: unknown with a description passes",
        {PAPER_FILE: ("title: An expert paper", "title: unknown\ndescription:\n  en: A paper by an expert")},
        [],
    ),
]


ADDRESS_CASES = [
    (
        "an address without a real host name",
        {PAPER_FILE: ("url: https://example.org/paper", "url: https://Example/paper")},
        [
            f"{PAPER_FILE}:5: url: `https://Example/paper` has no valid host name; copy the full address from the browser's address bar"
        ],
    ),
]


# Every table, one test: each case puts edits into a copy of the good fixture and expects
# exactly these messages.
TABLES = {
    "records": CASES,
    "quotations": QUOTATION_CASES,
    "appearance-only sources": APPEARANCE_ONLY_CASES,
    "ids": ID_CASES,
    "unknown titles": UNTITLED_CASES,
    "addresses": ADDRESS_CASES,
}
ALL_CASES = [
    (f"{topic}: {name}", edits, expected) for topic, table in TABLES.items() for name, edits, expected in table
]


@pytest.mark.parametrize("name,edits,expected", ALL_CASES, ids=[c[0] for c in ALL_CASES])
def test_broken_records_give_exact_messages(tree, name, edits, expected):
    assert sorted(messages(tree(edits))) == sorted(expected)
