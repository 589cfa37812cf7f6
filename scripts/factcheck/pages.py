"""Hand-written pages that cite the records (the primer, docs/how-it-works.md): footnotes
`[^source-key]` that the build turns into citations, and myth markers `[[claim:slug]]`,
each on a line of its own, that become a link to the claim with its verdict. Parsed here
once, for the checker (every reference must exist, every quotation must be in an excerpt
of a source the page cites) and for the renderer and the claim pages' links back."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .checks import former_slugs, unknown_reference
from .editions import DEFAULT, EDITIONS
from .problems import WARNING, Problem
from .quotes import Evidence, quoted_passages

FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\](:?)")
MARKER = re.compile(r"^\[\[claim:([^\]]*)\]\][ \t]*$")
HEADING = re.compile(r"^##[ \t]+(.*?)(?:[ \t]*\{[ \t]*#([\w-]+)[ \t]*\})?[ \t]*$")
GENERATED_MARK = "<!-- generated:"


@dataclass(frozen=True)
class Section:
    id: str | None
    title: str
    line: int


@dataclass(frozen=True)
class Ref:
    kind: str  # "source" (a footnote) or "claim" (a myth marker)
    key: str
    line: int
    section: Section | None  # the `## ` section it is in
    definition: bool = False  # a footnote definition `[^key]: …`, which the build writes itself


def parse(text: str) -> tuple[list[Section], list[Ref], list[tuple[int, str]]]:
    """The page's `## ` sections, its references, and its text lines (for quotations),
    each with its line number; front matter and fenced code are left out."""
    sections, refs, prose, section, fenced = [], [], [], None, False
    lines = text.split("\n")
    start = lines.index("---", 1) + 1 if lines and lines[0] == "---" and "---" in lines[1:] else 0
    for number, line in enumerate(lines[start:], start + 1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced:
            continue
        if heading := HEADING.match(line):
            section = Section(heading.group(2), heading.group(1), number)
            sections.append(section)
        elif marker := MARKER.match(line):
            refs.append(Ref("claim", marker.group(1), number, section))
            continue
        for match in FOOTNOTE.finditer(line):
            refs.append(Ref("source", match.group(1), number, section, definition=bool(match.group(2))))
        prose.append((number, line))
    return sections, refs, prose


def edition_pages(docs: Path) -> list[Path]:
    """The top-level pages of every edition, the English copies of untranslated ones included."""
    return [p for e in EDITIONS for p in sorted((docs / e.prefix).glob("*.md"))]


def handwritten(docs: Path) -> list[Path]:
    """The hand-written pages of every edition (not the English copies shown until a page
    is translated)."""
    return [p for p in edition_pages(docs) if GENERATED_MARK not in p.read_text(encoding="utf-8")]


def _ref_problems(rel: str, ref: Ref, keys: dict[str, set[str]], shaky: set[str], renamed: dict) -> list[Problem]:
    if ref.kind == "claim":
        if ref.key in renamed:
            return [
                Problem(
                    rel,
                    ref.line,
                    "claim marker",
                    f"claim `{ref.key}` is now `{renamed[ref.key]}`",
                    f"write `{renamed[ref.key]}`",
                    WARNING,
                )
            ]
        if ref.key not in keys["claim"]:
            return [Problem(rel, ref.line, "claim marker", *unknown_reference("claim", ref.key, keys["claim"]))]
        if ref.section is None or ref.section.id is None:
            line = ref.section.line if ref.section else ref.line
            fix = "end the section's `## ` heading with a fixed id, `{ #some-id }`, the same in every edition"
            return [
                Problem(
                    rel, line, "heading", "a section with myth markers needs a fixed id for claim pages to link to", fix
                )
            ]
        return []
    if ref.definition:
        fix = f"remove this line and keep only `[^{ref.key}]` in the text"
        return [Problem(rel, ref.line, "footnote", "the build writes each footnote from the source record", fix)]
    if ref.key not in keys["source"]:
        return [Problem(rel, ref.line, "footnote", *unknown_reference("source", ref.key, keys["source"]))]
    if ref.key in shaky:
        fix = "cite a reliable source; a source marked `appearance_only` only shows where a claim appeared"
        return [Problem(rel, ref.line, "footnote", f"source `{ref.key}` is marked `appearance_only`", fix)]
    return []


def check_pages(root: Path, records, whole=None, memo=None) -> list[Problem]:
    """Every footnote names a source, every marker a claim, and every quotation on a page is
    word for word in an excerpt of a source the page cites (`whole`, `memo`: see
    quotes.check_quotations)."""
    keys = {
        "claim": {r.key for r in records if r.kind == "claim"},
        "source": {r.key for r in records if r.kind == "source"},
    }
    shaky = {r.key for r in records if r.kind == "source" and r.data.get("appearance_only") is True}
    renamed = former_slugs(records)
    evidence = Evidence(records, whole) if whole else Evidence(records)
    problems = []
    for page in handwritten(root / "docs"):
        rel, text = page.relative_to(root).as_posix(), page.read_text(encoding="utf-8")
        _, refs, prose = parse(text)
        for ref in refs:
            problems += _ref_problems(rel, ref, keys, shaky, renamed)
        cited = sorted({r.key for r in refs if r.kind == "source" and r.key in keys["source"]})
        depends = memo.depends(hashlib.sha256(text.encode()).hexdigest(), cited) if memo else None
        found = memo.recall(rel, depends) if memo else None
        if found is None:
            found = tuple(_quotation_problems(rel, prose, cited, evidence))
            if memo:
                memo.remember(rel, depends, found)
        problems += found
    return problems


def _quotation_problems(rel: str, prose: list[tuple[int, str]], cited: list[str], evidence: Evidence):
    for number, paragraph in _paragraphs(prose) if cited else []:
        for passage in quoted_passages(paragraph):
            if evidence.missing(passage, cited):
                message = f'"{passage}" is in no excerpt of a source this page cites'
                fix = "add the passage to `excerpts:` of its source, or paraphrase it without double quotation marks"
                yield Problem(rel, number, "quotation", message, fix)


def _paragraphs(prose: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines joined into paragraphs (a quotation may run over a line break), each with the
    number of its first line."""
    found, start, lines = [], 0, []
    for number, line in prose + [(0, "")]:
        if line.strip():
            start, lines = (start or number), lines + [line]
        elif lines:
            found.append((start, " ".join(lines)))
            start, lines = 0, []
    return found


def cited_on_pages(root: Path) -> frozenset:
    """The source keys the hand-written pages cite in footnotes."""
    pages = handwritten(root / "docs")
    return frozenset(r.key for p in pages for r in parse(p.read_text(encoding="utf-8"))[1] if r.kind == "source")


def explained_in(docs: Path, lang: str) -> dict[str, list[tuple[str, Section]]]:
    """For each claim slug, the sections of this edition's hand-written pages that mark it:
    (page file name, section). A page not yet translated counts in its English version."""
    prefix = next(e.prefix for e in EDITIONS if e.lang == lang)
    found: dict[str, list[tuple[str, Section]]] = {}
    for english in sorted((docs / DEFAULT.prefix).glob("*.md")):
        page = docs / prefix / english.name
        text = page.read_text(encoding="utf-8") if page.exists() else english.read_text(encoding="utf-8")
        for ref in parse(text)[1]:
            if ref.kind == "claim" and ref.section and ref.section.id:
                entries = found.setdefault(ref.key, [])
                if (english.name, ref.section) not in entries:
                    entries.append((english.name, ref.section))
    return found
