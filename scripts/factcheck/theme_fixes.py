"""Fixes to Material's markup that no template block reaches, made on each rendered page so
that docs/overrides/ holds no copies of Material's templates. They keep every page free of
Nu Html Checker errors and axe-core violations (tests/test_quality.py).

Each edit asserts that the markup it changes occurs exactly once: when a Material update
changes that markup, the build fails and names the edit, instead of the fix silently lapsing."""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

# The drawer and search toggles are checkboxes, which may not carry `autocomplete` (Nu).
_TOGGLES = [
    (
        f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">',
        f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}">',
    )
    for name in ("drawer", "search")
]
# The table of contents' title is a label for the `__toc` toggle, which Material writes only
# for pages in the navigation; elsewhere (claim pages) it becomes plain text (Nu: a label
# for a missing control).
_TOC_TITLE = re.compile(
    r'<label class="md-nav__title" for="__toc">\s*<span class="md-nav__icon md-icon"></span>\s*([^<]*?)\s*</label>'
)


def on_env(env, config, files):
    """Material's header includes partials/alternate.html only when `extra.alternate` is set.
    Ours (docs/overrides/partials/alternate.html) is the edition selector and ignores the value;
    a value that is not a list keeps base.html from writing site-root hreflang links, as main.html
    writes each page's own."""
    config.extra["alternate"] = True
    return env


def _once(output: str, target: str, what: str, url: str) -> None:
    if (count := output.count(target)) != 1:
        raise PluginError(
            f"theme_fixes: {url}: {what}: expected Material's markup {target!r} once, found it {count} times;"
            " Material's templates changed, so update scripts/factcheck/theme_fixes.py"
        )


def _sub_once(pattern: re.Pattern, repl: str, output: str, what: str, url: str) -> str:
    output, count = pattern.subn(repl, output)
    if count != 1:
        raise PluginError(
            f"theme_fixes: {url}: {what}: expected Material's markup /{pattern.pattern}/ once, found it {count} times;"
            " Material's templates changed, so update scripts/factcheck/theme_fixes.py"
        )
    return output


def _fix(output: str, url: str) -> str:
    for old, new in _TOGGLES:
        _once(output, old, "toggle without autocomplete", url)
        output = output.replace(old, new)

    if 'for="__toc"' in output and 'id="__toc"' not in output:
        output = _sub_once(_TOC_TITLE, r'<div class="md-nav__title">\1</div>', output, "toc title as text", url)
    return output


def on_post_page(output: str, page, config) -> str:
    return _fix(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config) -> str:
    # Theme templates rendered without a page: 404.html is a whole page; sitemap.xml is not HTML.
    return _fix(output_content, template_name) if template_name.endswith(".html") else output_content
