"""MkDocs hook: regenerate the pages from the records before every build, so that
`mkdocs serve` shows a YAML edit after reload; fill the generated fragments
(`<!-- factcheck:NAME -->`) into hand-written pages; and build every other edition
(editions.yaml: Dutch from mkdocs.nl.yml into site/nl/) after the default one, so that one
`mkdocs build` or `mkdocs serve` makes the whole site.

When the records have errors, `mkdocs build` fails. `mkdocs serve` (told by on_startup)
instead builds nothing, prints the errors, and answers every page with them (error_page.py,
from memory: nothing reaches docs/ or site/) until a save fixes them.

Kept thin on purpose: the generator is a plain program (see site.py), so a move away
from MkDocs' plugin API costs little."""

from __future__ import annotations

import datetime as dt
import hashlib
import html as html_lib
import json
import logging
import os
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.toc import get_toc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck import cache, error_page, search_index, stash, theme_cache  # noqa: E402
from factcheck.addresses import write_list  # noqa: E402
from factcheck.editions import BY_LANG, DEFAULT, EDITIONS, LANGUAGES, TRANSLATIONS, SiteInfo  # noqa: E402
from factcheck.problems import report  # noqa: E402
from factcheck.render.cards import page_card  # noqa: E402
from factcheck.render.cited_pages import resolve  # noqa: E402
from factcheck.render.indexes import FRAGMENTS  # noqa: E402
from factcheck.render.parts import source_line  # noqa: E402
from factcheck.render.reading import Reader, tr, translation_notice, under_title  # noqa: E402
from factcheck.serve_watch import notified, watch_hand_written  # noqa: E402
from factcheck.site import DEFAULT_INFO, generate  # noqa: E402
from factcheck.theme_fixes import on_env, on_post_page, on_post_template  # noqa: E402, F401 (hooks)
from factcheck.translations import STALE, page_status  # noqa: E402

_MARKER = re.compile(r"<!-- factcheck:([a-z-]+) -->")
_state: dict = {}
_EPOCH_GIVEN = "SOURCE_DATE_EPOCH" in os.environ


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _lang(config) -> str:
    return config.theme["language"]


def _pin_build_date(site) -> None:
    """Dates MkDocs writes (sitemap, compressed sitemap) come from the records, not the clock:
    the same records give byte-identical sites. An explicit SOURCE_DATE_EPOCH wins."""
    if _EPOCH_GIVEN or not site.claims:
        return
    newest = max(dt.date.fromisoformat(c.reviewed) for c in site.claims)
    os.environ["SOURCE_DATE_EPOCH"] = str(
        int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc).timestamp())
    )


def on_startup(*, command, dirty=False, **_):
    # Only `mkdocs serve` shows record errors in the browser; every build fails on them.
    _state["serving"] = command == "serve"
    # `mkdocs serve --dirty` (make serve) rebuilds only the pages whose source changed;
    # on_files adds the pages that show records without being generated from them.
    _state["dirty"] = dirty
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarning())


class _DirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that links may go stale, which `strict` would turn
    into a failed rebuild; on_files keeps them right, so the warning is left out."""

    def filter(self, record) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def on_serve(server, config, **_):
    _state["serving"] = True  # also for `mkdocs serve --clean`, which starts up as "build"
    server.set_app(error_page.wrap(server.get_app(), lambda: _state.get("problems"), server.mount_path))
    notified(server, [p for p in (config.docs_dir, config.config_file_path, *config.theme.dirs) if p])
    watch_hand_written(server, Path(config.docs_dir))
    return server


def on_config(config, **_):
    # Every edition but the default lives under /<lang>/ of the one site address.
    edition = BY_LANG[_lang(config)]
    if config.site_url and not config.site_url.endswith(f"/{edition.prefix}"):
        config.site_url = f"{config.site_url}{edition.prefix}"
    # The templates' language selector, hreflang links and og:locale.
    config.extra["editions"] = [
        {"lang": e.lang, "name": e.name, "locale": e.locale, "prefix": e.prefix} for e in EDITIONS
    ]
    config.extra["edition"] = config.extra["editions"][LANGUAGES.index(edition.lang)]
    theme_cache.keep(config, _root(config) / cache.FOLDER / "jinja")
    return config


def _wanted() -> list[str]:
    # FACTCHECK_EDITIONS=en builds the English edition alone (for quick previews and benchmarks).
    return os.environ.get("FACTCHECK_EDITIONS", ",".join(LANGUAGES)).split(",")


def on_pre_build(config, **_):
    if _state.get("nested"):  # another edition, built by the default one: generated already
        return
    # The last preview's index: stopped if this build keeps the site folder (dirty), else
    # waited for, before this build empties it.
    search_index.stop() if _state.get("dirty") else search_index.wait()
    lang = _lang(config)
    info = SiteInfo(config.site_name, config.site_url or DEFAULT_INFO.url, lang).edition(DEFAULT.lang)
    languages = tuple(lang for lang in LANGUAGES if lang in _wanted())
    result = generate(_root(config), _root(config) / "docs", info=info, languages=languages)
    if result.site is None and not _state.get("serving"):
        raise PluginError("The records have errors; nothing was built.\n" + report(result.problems))
    _state["problems"] = result.problems if result.site is None else None
    if result.site is None:
        # Printed, not logged: a logged error would fail this (empty) build under `strict`.
        print(
            "The records have errors; the preview shows them on every page.\n" + report(result.problems),
            file=sys.stderr,
        )
        return
    _state["site"] = result.site
    _pin_build_date(result.site)


def _shown_on_pages(site, config) -> str:
    """A digest of what the hand-written pages take from the records in this edition: the
    fragments, each claim as a myth marker shows it, each source as a footnote cites it; and
    of the hand-written pages themselves (a Dutch page notes when its English one changed)."""
    lang, digest = _lang(config), hashlib.sha256()
    for name in sorted(FRAGMENTS):
        digest.update(FRAGMENTS[name](site, lang).encode())
    for claim in site.claims:
        digest.update(f"{claim.slug}\0{claim.former_slugs}\0{tr(claim.claim, lang)}\0{claim.verdict.key}\0".encode())
    for source in site.sources:
        digest.update(source_line(source, lang).encode())
    docs = _root(config) / "docs"
    for page in sorted([*docs.glob("*.md"), *(p for e in TRANSLATIONS for p in (docs / e.prefix).glob("*.md"))]):
        digest.update(page.read_bytes())
    return digest.hexdigest()


def _rebuild_dependants(files, config) -> None:
    """On a dirty rebuild, the pages that change with the records although their source does
    not: the hand-written pages (fragments, myth markers, footnotes, translation notices)
    when what they show changed, and every page when the theme or the configuration did.
    Their built files are dated back, so MkDocs builds them again."""
    theme = hashlib.sha256(Path(config.config_file_path).read_bytes())
    for path in sorted((_root(config) / "docs" / "overrides").rglob("*")):
        theme.update(path.read_bytes() if path.is_file() else path.as_posix().encode())
    inputs = (_shown_on_pages(_state["site"], config), theme.hexdigest())
    last = _state.setdefault("last_inputs", {}).get(_lang(config))
    _state["last_inputs"][_lang(config)] = inputs
    if last is None or last == inputs:
        return
    for file in files.documentation_pages():
        top_level = "/" not in file.src_uri.removeprefix(BY_LANG[_lang(config)].prefix)
        if (last[1] != inputs[1] or top_level) and os.path.exists(file.abs_dest_path):
            os.utime(file.abs_dest_path, (0, 0))


def on_files(files, config, **_):
    if _state.get("problems"):  # serving with record errors: build an empty site, quickly
        config.nav = None
        return Files([])
    if _state.get("dirty"):
        _rebuild_dependants(files, config)
    if _lang(config) == DEFAULT.lang:  # docs/<lang>/ holds another edition's pages
        return Files([f for f in files if not f.src_uri.startswith(tuple(e.prefix for e in TRANSLATIONS))])
    return files


def _translation_notice(markdown: str, page, config) -> str:
    """A hand-translated page whose English original changed since is marked as behind."""
    english = _root(config) / "docs" / page.file.src_uri
    if "translation_of" not in page.meta or not english.exists():
        return markdown
    state, _, _ = page_status(english.read_text(encoding="utf-8"), page.file.content_string)
    return under_title(markdown, translation_notice({STALE}, _lang(config))) if state == STALE else markdown


def on_page_markdown(markdown, page, config, **_):
    def fill(match):
        name = match.group(1)
        if name not in FRAGMENTS:
            raise PluginError(f"{page.file.src_uri}: unknown fragment `{name}`; known: {', '.join(FRAGMENTS)}")
        return FRAGMENTS[name](_state["site"], Reader(_lang(config)))

    if isinstance(page.meta.get("claimreview"), str):  # written as one JSON string (claim_page.front_matter)
        try:
            page.meta["claimreview"] = json.loads(page.meta["claimreview"])
        except ValueError as error:
            raise PluginError(f"{page.file.src_uri}: its claimreview is not JSON: {error}") from None
    if "image" not in page.meta and isinstance(page.meta.get("title"), str):  # its card, made by site.py
        info = SiteInfo(config.site_name, config.site_url or DEFAULT_INFO.url, _lang(config))
        page.meta["image"] = page_card(page.file.src_uri, page.meta["title"], info)[0]
    filled = resolve(_MARKER.sub(fill, markdown), _state["site"], Reader(_lang(config)))
    text, _state.setdefault("chunks", {})[page.file.src_uri] = stash.extract(_translation_notice(filled, page, config))
    return text


def _resolver(page, files):
    """A link in a chunk, relative to the page's source file, as MkDocs resolves one in
    Markdown: to the built page's address. A target that does not exist is an error."""

    folder, by_uri = posixpath.dirname(page.file.src_uri), files.src_uris  # the mapping: a claim page has ~25 links
    done: dict[str, str] = {}  # an index page links the same pages many times (at 1,000 claims, 20,000 links)

    def resolve_link(target: str) -> str:
        if target not in done:
            path, hash_, anchor = target.partition("#")
            found = by_uri.get(posixpath.normpath(posixpath.join(folder, path)))
            if found is None:
                raise PluginError(f"{page.file.src_uri}: a generated link points to `{target}`, which is not in docs/")
            done[target] = found.url_relative_to(page.file) + hash_ + anchor
        return done[target]

    return resolve_link


def on_page_content(html, page, files, **_):
    found = _state.get("chunks", {}).pop(page.file.src_uri, [])
    if page.present_anchor_ids is not None:  # links to ids in chunks are checked like any other
        page.present_anchor_ids |= stash.ids(found)
    tokens = stash.toc_tokens(html, found)
    if tokens is not None:
        page.toc = get_toc(tokens)
    return stash.restore(html, found, _resolver(page, files))


PAGES_SITEMAP = "sitemap-pages.xml"


def _sitemap_index(site_dir: Path, site_url: str, editions: list[str]) -> None:
    """MkDocs' sitemap of every page moves to sitemap-pages.xml, and sitemap.xml becomes a
    sitemap index naming the page sitemaps of `editions` (folder prefixes, under site_url),
    which crawlers follow. Material's script fetches sitemap.xml on every first visit (the
    feed link and hreflang links lead it there), and it grew with the claims: 29 KB gzip at
    10,000. Our edition links do not use what it reads."""
    if "<urlset" not in (site_dir / "sitemap.xml").read_text(encoding="utf-8")[:500]:
        return  # not written by this build (a theme without one): nothing to index
    for suffix in ("", ".gz"):
        (site_dir / f"sitemap.xml{suffix}").replace(site_dir / f"{PAGES_SITEMAP}{suffix}")
    base = html_lib.escape(site_url.rstrip("/") + "/")
    (site_dir / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(
            f"<sitemap><loc>{base}{prefix}{PAGES_SITEMAP}</loc></sitemap>\n"
            for prefix in editions
            if (site_dir / prefix / PAGES_SITEMAP).is_file()  # an edition left unbuilt has none
        )
        + "</sitemapindex>\n",
        encoding="utf-8",
    )


def _sitemap_stubs(site_dir: Path) -> None:
    """Material's script looks for sitemap.xml beside every alternate-language link; an empty
    one in each page folder keeps that lookup from ending in a 404."""
    stub = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
    for folder, _, names in os.walk(site_dir):  # not rglob, nor a stat per page: thousands each rebuild
        if "index.html" in names and "sitemap.xml" not in names:
            Path(folder, "sitemap.xml").write_text(stub, encoding="utf-8")


def _build_translations(config) -> None:
    """Every other edition, into its folder of this site. Their pages were generated with
    this edition's, so their on_pre_build does not generate them again."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    _state["nested"] = True
    try:
        for edition in (e for e in TRANSLATIONS if e.lang in _wanted()):
            build(
                load_config(
                    str(_root(config) / edition.config),
                    site_dir=str(Path(config.site_dir) / edition.prefix),
                    site_url=f"{config.site_url or DEFAULT_INFO.url}{edition.prefix}",
                    strict=config.strict,
                ),
                dirty=_state.get("dirty", False),
            )
    finally:
        _state["nested"] = False


def on_post_build(config, **_):
    default = _lang(config) == DEFAULT.lang
    if default and not _state.get("problems"):
        _build_translations(config)
    # The default edition's index names every edition's pages; each other edition's, its own.
    built = [e.prefix for e in EDITIONS if e.lang in _wanted()] if default else [""]
    _sitemap_index(Path(config.site_dir), config.site_url or DEFAULT_INFO.url + BY_LANG[_lang(config)].prefix, built)
    _sitemap_stubs(Path(config.site_dir))
    if default and not _state.get("problems"):  # every edition is built by now
        write_list(Path(config.site_dir))
        search_index.build(Path(config.site_dir), background=_state.get("serving", False))
