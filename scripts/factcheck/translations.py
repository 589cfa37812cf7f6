"""Translations that know when they are stale. A translated text carries `<lang>_source`
(for Dutch `nl_source`), a short hash of the English text it translates; when the English
changes, the hash no longer matches and the translated page says so. Hashes ignore line
breaks and spacing."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Iterator

from .editions import TRANSLATIONS
from .problems import WARNING, Problem

TRANSLATED, STALE, MISSING = "translated", "stale", "missing"


def source_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def status(text: dict, lang: str) -> str:
    if lang == "en":
        return TRANSLATED
    if not isinstance(text.get(lang), str):
        return MISSING
    return TRANSLATED if text.get(f"{lang}_source") == source_hash(text["en"]) else STALE


def localized_fields(data, where: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    """Every text a reader sees, per language. A statement's `translation` is not one:
    it translates the original statement, not English text of ours."""
    if isinstance(data, dict):
        if isinstance(data.get("en"), str) and (not where or where[-1] != "translation"):
            yield where, data
            return
        for key, value in data.items():
            yield from localized_fields(value, where + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from localized_fields(value, where + (i,))


def _record_coverage(record) -> dict[str, dict[str, int]]:
    counts = {e.lang: Counter() for e in TRANSLATIONS}
    for _, text in localized_fields(record.data):
        for lang, counter in counts.items():
            counter[status(text, lang)] += 1
    return {lang: dict(counter) for lang, counter in counts.items()}


def coverage_counts(record) -> dict[str, dict[str, int]]:
    """Per edition, how many of the record's texts are translated, stale or missing."""
    return record.derive("coverage", _record_coverage)


def coverage(records) -> dict[str, Counter]:
    counts = {e.lang: Counter() for e in TRANSLATIONS}
    for record in records:
        for lang, counted in coverage_counts(record).items():
            counts[lang].update(counted)
    return counts


def coverage_line(records) -> str:
    parts = []
    for lang, c in coverage(records).items():
        total = sum(c.values())
        share = 100 * c[TRANSLATED] / total if total else 100
        parts.append(
            f"{lang}: {c[TRANSLATED]} of {total} texts translated ({share:.1f}%), "
            f"{c[STALE]} stale, {c[MISSING]} missing"
        )
    return "; ".join(parts)


def stamp(root: Path, record, only_missing: bool = True) -> str | None:
    """The file's text with `<lang>_source` written for each translated text (new text, or
    None if nothing changed). Only for a translator who has checked that it matches."""
    lines = (root / record.path).read_text(encoding="utf-8").split("\n")
    edits = []
    for where, text in localized_fields(record.data):
        for lang in (e.lang for e in TRANSLATIONS if isinstance(text.get(e.lang), str)):
            key, wanted = f"{lang}_source", source_hash(text["en"])
            if key in text:
                if not only_missing and text[key] != wanted:
                    edits.append((record.lines[where + (key,)] - 1, "replace", f'{key}: "{wanted}"'))
            else:
                edits.append((record.lines[where + (lang,)] - 1, "insert", f'{key}: "{wanted}"'))
    for index, action, line in sorted(edits, reverse=True):
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        if action == "insert":
            lines.insert(index, indent + line)
        else:
            lines[index] = indent + line
    return "\n".join(lines) if edits else None


_TRANSLATION_OF = re.compile(r'^translation_of:\s*"?([0-9a-f]*)"?\s*$', re.M)
UNRECORDED = "unrecorded"


def page_status(english: str, translated: str) -> tuple[str, str, int]:
    """A hand-translated page against its English original: TRANSLATED, STALE or UNRECORDED
    (no `translation_of`), the hash to record, and the line of `translation_of`."""
    wanted = source_hash(english)
    match = _TRANSLATION_OF.search(translated)
    if not match:
        return UNRECORDED, wanted, 1
    line = translated[: match.start()].count("\n") + 1
    return (TRANSLATED if match.group(1) == wanted else STALE), wanted, line


def check_translated_pages(root: Path) -> list[Problem]:
    """Hand-written translated pages (docs/<lang>/*.md) name the English version they
    translate in their front matter (`translation_of`); warn when the English page has
    changed since."""
    problems = []
    pages = [(e, p) for e in TRANSLATIONS for p in sorted((root / "docs" / e.prefix).glob("*.md"))]
    for edition, page in pages:
        english = root / "docs" / page.name
        text = page.read_text(encoding="utf-8")
        if not english.exists() or "<!-- generated:" in text:
            continue
        state, wanted, line = page_status(english.read_text(encoding="utf-8"), text)
        rel = page.relative_to(root).as_posix()
        if state == UNRECORDED:
            message = "the page does not record which English version it translates"
            hint = f'check it against docs/{page.name}, then add `translation_of: "{wanted}"` to its front matter'
        elif state == STALE:
            message = f"docs/{page.name} changed since this translation"
            hint = f'update the {edition.english} to match, then set `translation_of: "{wanted}"`'
        else:
            continue
        problems.append(Problem(rel, line, "translation_of", message, hint, WARNING))
    return problems
