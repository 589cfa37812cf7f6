"""CONTRIBUTING is what editors read: its template is what the scaffolder writes, every
verdict is explained there, and every task it names exists."""

import re
import subprocess
from pathlib import Path

import yaml
from factcheck.scaffold import template

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
KNOWN = {
    "id": 26,
    "slug": "the-claim-in-a-few-words",
    "claim": "The claim as it is commonly repeated.",
    "published": "2026-11-29",
    "reviewed": "2026-11-29",
}


def test_template_in_contributing_is_the_scaffolders():
    block = re.search(r"## The claim template.*?```yaml\n(.*?)```", TEXT, re.S).group(1)
    assert block == template("claim", KNOWN)


def test_template_marks_every_field_required_or_optional():
    schema = yaml.safe_load((ROOT / "schemas" / "claim.schema.json").read_text(encoding="utf-8"))
    block = template("claim", KNOWN)
    for name in schema["properties"]:
        state = "required" if name in schema["required"] else "optional"
        assert f"# {name} ({state}):" in block


def test_every_verdict_is_explained():
    verdicts = yaml.safe_load((ROOT / "verdicts.yaml").read_text(encoding="utf-8"))
    for key, verdict in verdicts.items():
        assert f"| {verdict['name']['en']} | `{key}` |" in TEXT


def test_every_make_task_named_exists():
    listed = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True).stdout
    tasks = {line.split()[0] for line in listed.splitlines() if line.strip()}
    for task in set(re.findall(r"`make ([a-z-]+)", TEXT)):
        assert task in tasks, task


def test_excerpt_example_in_contributing_is_a_valid_excerpt():
    from factcheck.load import parse
    from factcheck.schema import check_schema

    block = re.search(r"### The evidence: excerpts.*?```yaml\n(.*?)```", TEXT, re.S).group(1)
    source = "title: T\nauthors: unknown\npublisher: P\ndate: unknown\nurl: unknown\nlanguage: en\nkind: news\n" + block
    record, problems = parse("sources/example.yaml", source.encode(), "source", "example")
    assert problems == [] and check_schema(record) == []
    assert record.data["excerpts"][0]["text"].startswith("Travelers in China")
