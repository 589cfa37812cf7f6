"""Theme overrides stay small: docs/overrides/ holds no copies of Material's templates and no
Material asset names, and the markup fixes of scripts/factcheck/theme_fixes.py hold on every
built page (or fail loudly when Material's markup changes)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest
from factcheck import theme_fixes
from mkdocs.exceptions import PluginError

from sitebuild import ROOT

OVERRIDES = ROOT / "docs" / "overrides"
MATERIAL = Path(material.__file__).parent / "templates"
# Override files at the path of a Material template that are our own content, not copies of it.
REPLACEMENTS = {
    "main.html": 'Material\'s is an empty `{% extends "base.html" %}`; ours adds blocks',
    "partials/alternate.html": "the slot for a language selector; ours is the edition selector and the search box",
}
# Whole copies of Material templates, kept because nothing else works: path -> sha256 of the
# Material original they were copied from. A Material update that changes the original fails
# test_copies_match_installed_material until the copy is redone. None at present.
COPIES: dict[str, str] = {}
# A hashed asset name as Material writes them: main.57a0d79d.min.css, bundle.a5f9d56c.min.js, …
HASHED = re.compile(r"\b[\w-]+\.[0-9a-f]{8}\.min\.(?:css|js)\b")


def override_files() -> list[Path]:
    return sorted(p for p in OVERRIDES.rglob("*") if p.is_file())


def test_no_material_asset_name_in_overrides():
    assets = {p.name for p in (MATERIAL / "assets").rglob("*") if HASHED.search(p.name)}
    assert assets, "found no hashed assets in the installed Material"
    for path in override_files():
        text = path.read_text(encoding="utf-8")
        named = sorted({m.group(0) for m in HASHED.finditer(text)} | {a for a in assets if a in text})
        assert not named, f"{path.relative_to(ROOT)} names Material assets {named}: use Material's blocks"


def test_overrides_are_not_copies():
    for path in override_files():
        rel = path.relative_to(OVERRIDES).as_posix()
        if (MATERIAL / rel).exists():
            assert rel in REPLACEMENTS or rel in COPIES, (
                f"docs/overrides/{rel} shadows Material's template: make the change in a block of main.html"
                " or in scripts/factcheck/theme_fixes.py, or list it in COPIES with the original's hash"
            )


def test_copies_match_installed_material():
    for rel, expected in COPIES.items():
        digest = hashlib.sha256((MATERIAL / rel).read_bytes()).hexdigest()
        assert digest == expected, f"Material's {rel} changed: redo docs/overrides/{rel} from it, then its hash"


def test_material_header_includes_the_alternate_slot():
    # theme_fixes sets extra.alternate so that this include brings in our edition selector.
    header = (MATERIAL / "partials" / "header.html").read_text(encoding="utf-8")
    assert re.search(r'{% if config\.extra\.alternate %}\s*{% include "partials/alternate\.html" %}', header)


TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
)
TOC = (
    '<nav class="md-nav md-nav--secondary" aria-label="Inhoud">\n'
    '  <label class="md-nav__title" for="__toc">\n'
    '    <span class="md-nav__icon md-icon"></span>\n'
    "    Inhoud\n"
    "  </label>\n"
)


def test_fixes_applied():
    fixed = theme_fixes._fix(TOGGLES + TOC, "x.md")
    assert "autocomplete" not in fixed
    assert '<div class="md-nav__title">Inhoud</div>' in fixed and "__toc" not in fixed


def test_toc_title_stays_a_label_where_the_toggle_exists():
    page = TOGGLES + '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n' + TOC
    assert '<label class="md-nav__title" for="__toc">' in theme_fixes._fix(page, "x.md")


@pytest.mark.parametrize(
    "changed, what",
    [
        (TOGGLES.replace(' autocomplete="off"', "", 1), "toggle without autocomplete"),
        (TOGGLES + TOC.replace("<span", "<i").replace("</span>", "</i>"), "toc title as text"),
    ],
)
def test_changed_material_markup_fails_loudly(changed, what):
    with pytest.raises(PluginError, match=f"x.md: {what}"):
        theme_fixes._fix(changed, "x.md")


def test_built_pages_carry_the_fixes(built_site):
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if 'data-md-toggle="drawer"' not in text:
            continue  # a redirect page, not a theme page
        rel = page.relative_to(built_site)
        assert 'autocomplete="off">' not in text.split('<label class="md-overlay"')[0], rel
        # The site's search box (partials/site-search.html), named, and not Material's own,
        # which would fetch search/search_index.json on every first visit.
        assert re.search(r'data-fc-search data-bundle="[^"]*pagefind/" role="dialog" aria-label="[^"]+"', text), rel
        assert 'data-md-component="search"' not in text and 'name="search"' not in text, rel
        assert 'for="__toc"' not in text or 'id="__toc"' in text, rel
        assert "md-select__link" in text, f"{rel}: no edition selector"
