"""Accuracy rule: a quote marked verbatim must have its exact words in the material on
hand (the seed blog post and the brief in ../shared). Parts joined by an ellipsis are
checked one by one; only spacing is ignored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MATERIAL = ROOT.parent / "shared"


def _norm(text: str) -> str:
    return " ".join(text.split())


def _material() -> str:
    files = sorted(MATERIAL.glob("seeds/*")) + sorted(MATERIAL.glob("brief/domain-*.md"))
    return _norm("\n".join(f.read_text(encoding="utf-8") for f in files))


def _verbatim_quotes():
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        claim = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, a in enumerate(claim["appearances"]):
            if a["kind"] == "verbatim":
                yield f"{path.stem}:appearances[{i}]", a["statement"]
        for i, r in enumerate(claim["rebuttals"]):
            if "quote" in r:
                yield f"{path.stem}:rebuttals[{i}].quote", r["quote"]["text"]


QUOTES = list(_verbatim_quotes())


@pytest.mark.skipif(not MATERIAL.is_dir(), reason="the source material (../shared) is not beside this checkout")
@pytest.mark.parametrize("where,quote", QUOTES, ids=[q[0] for q in QUOTES])
def test_verbatim_quote_is_in_the_material(where, quote):
    material = _material()
    for part in re.split(r"\s*(?:\.\.\.|…)\s*", _norm(quote)):
        if part:
            assert part in material, f"{where}: not found in the material: {part!r}"


def test_there_are_verbatim_quotes_to_check():
    assert len(QUOTES) >= 20


def _english_texts(value, where=()):
    """The English texts a reader sees, other than the claim itself."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _english_texts(item, where + (key,))
    elif isinstance(value, list):
        for item in value:
            yield from _english_texts(item, where)
    elif isinstance(value, str) and where[-1:] == ("en",) and where[0] not in ("claim", "claim_reviewed"):
        yield value


def _quoted_passages():
    """Passages in double quotes in the English texts a reader sees (explanations, answers,
    notes): quotation marks promise the source's exact words."""
    for path in sorted((ROOT / "claims").glob("*.yaml")) + sorted((ROOT / "categories").glob("*.yaml")):
        texts = _english_texts(yaml.safe_load(path.read_text(encoding="utf-8")))
        found = [q for text in texts for q in re.findall(r'"([^"]+)"', _norm(text)) if len(q) >= 12]
        yield from ((f"{path.stem}:{i}", q) for i, q in enumerate(found))


PASSAGES = list(_quoted_passages())


@pytest.mark.skipif(not MATERIAL.is_dir(), reason="the source material (../shared) is not beside this checkout")
@pytest.mark.parametrize("where,quote", PASSAGES, ids=[p[0] for p in PASSAGES])
def test_quoted_passage_in_running_text_is_in_the_material(where, quote):
    material = _material()
    for part in re.split(r"\s*(?:\.\.\.|…)\s*", quote):
        if part:
            assert part in material, f"{where}: not found in the material: {part!r}"
