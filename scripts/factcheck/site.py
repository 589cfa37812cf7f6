"""The build: records → checked model → generated files in docs/ for the default edition
(English) and in docs/<lang>/ for each other edition (editions.yaml).

Generated files live only in places this module owns, are written only when their
content changed (so `mkdocs serve` does not rebuild in a loop), and files left over from
removed records are deleted. Nothing is written when any record has an error.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import filecheck, input_digests
from .editions import BY_LANG, DEFAULT, EDITIONS, LANGUAGES, TRANSLATIONS, SiteInfo
from .load import FOLDERS, SINGLE_FILES
from .model import Site, build_model
from .pages import explained_in
from .problems import Problem, errors
from .render import claim_page, data, datapackage, format_page, indexes, timeline
from .render.cards import claim_card, front_title, page_card
from .render.entries import claim_inputs
from .render.lazy import Lazy, make_all
from .render.parts import verdicts_css
from .render.qr import claim_qr
from .render.reading import Reader, translation_notice, under_title
from .render.redirects import redirect_files
from .translations import MISSING
from .validate import check_tree

# Folders (per edition) and files that hold only generated content.
GENERATED_DIRS = (
    "claims",
    "c",
    "data",
    "misconceptions",
    "sources",
    "experts",
    "format",
    "timeline",
    "assets/generated",
)
GENERATED_FILES = ("feed.xml",)
SHARED_ASSETS = (
    "assets/site.css",
    "assets/print.css",
    "assets/search.js",
    "assets/annotations.js",
    "assets/timeline.js",
)
FALLBACK_MARK = "<!-- generated: the English page, shown until this page is translated -->"
DEFAULT_INFO = SiteInfo("Social Credit Fact Check", "http://127.0.0.1:8000/")


@dataclass
class Result:
    site: Site | None
    problems: list[Problem]
    written: list[str]


def prefix(lang: str) -> str:
    """Where an edition's pages live under docs/ (the default edition at the root)."""
    return BY_LANG[lang].prefix


def _with_notice(render, lang: str, english_body: bool = False) -> str:
    """Render a page; if any text on it fell back to English or is stale, say so under its title.
    A body that is English for want of a translation is marked `lang="en"`, so that browsers,
    screen readers and validators read it as English."""
    reader = Reader(lang)
    text = render(reader)
    notice = translation_notice(reader.states, lang)
    if not notice:
        return text
    if english_body:
        head, _, body = text.partition("\n# ")
        title, _, rest = body.partition("\n")
        text = f'{head}\n# {title}\n<div lang="en" markdown>\n{rest}\n</div>'
    return under_title(text, notice)


def _untranslated(claim, lang: str) -> bool:
    """The claim's own texts are not in this language: its page body is the English one."""
    return claim.explanation.state[lang] == MISSING


def _claim_files(claim, info: SiteInfo, explained: list | None) -> dict:
    """A claim's page, social card and QR code, by path."""
    lang = info.lang
    page = _with_notice(lambda r: claim_page.render(claim, info, r, explained), lang, _untranslated(claim, lang))
    path, _, code = claim_qr(claim, info)
    return dict([(f"claims/{claim.slug}.md", page), claim_card(claim, info, lang), (path, code)])


def _made_from(claim, info: SiteInfo, explained: list | None, digests: dict) -> str:
    """A digest of everything a claim's page is made from: its record and those of the
    sources, experts, categories and events on it, the verdict scale, the edition and the
    primer sections that explain it. The code cannot change within one process."""
    given = repr((info, explained, [(name, digests.get(name)) for name in claim_inputs(claim)]))
    return hashlib.sha256(given.encode("utf-8")).hexdigest()


_CLAIM_FILES: dict = {}  # edition → made_from → a claim's files, from its last rendering in this process


def _claims(site: Site, info: SiteInfo, explained: dict, digests: dict | None) -> dict:
    """Every claim's files. With the inputs' digests (`mkdocs serve` rebuilding), a claim
    whose inputs did not change since the last rendering is not rendered again."""
    if digests is None:
        return {p: f for c in site.claims for p, f in _claim_files(c, info, explained.get(c.slug)).items()}
    files, last, kept = {}, _CLAIM_FILES.get(info, {}), {}
    for claim in site.claims:
        key = _made_from(claim, info, explained.get(claim.slug), digests)
        kept[key] = last.get(key) or _claim_files(claim, info, explained.get(claim.slug))
        files.update(kept[key])
    _CLAIM_FILES[info] = kept  # only what this rendering used: the cache does not grow
    return files


def render_edition(
    site: Site, info: SiteInfo, explained: dict | None = None, digests: dict | None = None
) -> dict[str, str]:
    """One edition's generated files, by path relative to that edition's folder. `explained`:
    for each claim slug, the primer sections that explain it (pages.explained_in); `digests`:
    of the input files, by path, to reuse the claim pages of an earlier rendering."""
    lang = info.lang
    files = _claims(site, info, explained or {}, digests)
    files.update(redirect_files(site, info, site.redirects))
    files["data/claims.json"] = data.claims_json(site, info, digests)
    files["data/claims.csv"] = data.claims_csv(site, info)
    files["data/datapackage.json"] = datapackage.datapackage(site, info)
    files["data/claims.schema.json"] = json.dumps(datapackage.claims_json_schema(site), indent=2) + "\n"
    files["feed.xml"] = data.atom_feed(site, info)
    for path, page in (
        ("claims/index.md", indexes.all_claims),
        ("misconceptions/index.md", indexes.misconceptions),
        ("sources/index.md", functools.partial(indexes.sources, digests=digests)),
        ("experts/index.md", indexes.experts),
        ("timeline/index.md", timeline.page),
    ):
        files[path] = _with_notice(lambda r, page=page: page(site, r), lang)
    files["format/index.md"] = format_page.render(lang)
    files["assets/generated/verdicts.css"] = verdicts_css(site.verdicts)
    return files


def fallback_pages(docs: Path, lang: str) -> dict[str, str]:
    """Hand-written English pages with no translation yet: the English text, with a notice."""
    files = {}
    for page in sorted(docs.glob("*.md")):
        target = docs / prefix(lang) / page.name
        if target.exists() and FALLBACK_MARK not in target.read_text(encoding="utf-8"):
            continue  # translated by hand
        text = page.read_text(encoding="utf-8")
        notice = "\n".join(translation_notice({"missing"}, lang))
        body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
        head = text[: len(text) - len(body)]
        files[f"{prefix(lang)}{page.name}"] = f"{head}{FALLBACK_MARK}\n\n{notice}\n{body}"
    return files


def render_all(
    site: Site,
    info: SiteInfo = DEFAULT_INFO,
    docs: Path | None = None,
    languages: tuple = LANGUAGES,
    digests: dict | None = None,
) -> dict[str, str]:
    """Every generated file of the editions asked for, by path relative to docs/; `digests`
    of the input files let a rebuild reuse unchanged claim pages (render_edition)."""
    files: dict[str, str] = {}
    for lang in languages:
        edition = info.edition(lang)
        explained = _current_slugs(site, explained_in(docs, lang) if docs is not None else {})
        own = render_edition(site, edition, explained, digests)
        if lang != DEFAULT.lang and docs is not None:
            own.update({a: (docs / a).read_text(encoding="utf-8") for a in SHARED_ASSETS})
            own.update({path.removeprefix(prefix(lang)): text for path, text in fallback_pages(docs, lang).items()})
        own.update(_page_cards(own, docs / prefix(lang) if docs is not None else None, edition))
        files.update({prefix(lang) + path: content for path, content in own.items()})
    return files


def _current_slugs(site: Site, explained: dict) -> dict:
    """Markers that still name a renamed claim by a former slug count for the claim."""
    merged: dict[str, list] = {}
    for slug, sections in explained.items():
        merged.setdefault(site.by_slug[slug].slug if slug in site.by_slug else slug, []).extend(sections)
    return merged


def _page_cards(files: dict, docs: Path | None, info: SiteInfo) -> dict:
    """A social card for every page with a title but no card of its own: the generated
    index pages and the hand-written ones (claim pages carry theirs)."""
    pages = {path: text for path, text in files.items() if path.endswith(".md")}
    if docs is not None:
        pages.update({p.name: p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.md")) if p.name not in pages})
    return dict(page_card(path, title, info) for path, text in pages.items() if (title := front_title(text)))


def generated_paths(docs: Path) -> list[Path]:
    """Every path under docs/ that the build owns: its folders, files and copies. The one
    list that cleaning, writing and the tests' copies of the project follow."""
    owned = []
    for edition in EDITIONS:
        base = docs / edition.prefix
        owned += [base / d for d in GENERATED_DIRS] + [base / f for f in GENERATED_FILES]
        if not edition.default:
            owned += [base / a for a in SHARED_ASSETS]
            owned += [p for p in base.glob("*.md") if FALLBACK_MARK in p.read_text(encoding="utf-8")]
    return owned


def project_parts(root: Path) -> tuple[list[str], list[str]]:
    """What a copy of the project is made of, relative to root: the code and configuration
    (every edition's MkDocs file, the hand-written pages, scripts, schemas), and the records
    that exist. Copies leave out generated_paths."""
    code = ["editions.yaml", *(e.config for e in EDITIONS), "docs", "scripts", "schemas"]
    records = [*FOLDERS.values(), *(name for name, _ in SINGLE_FILES.values())]
    return code, [name for name in records if (root / name).exists()]


def _owned(docs: Path) -> tuple[list[str], list[str]]:
    """The generated files that exist now, and the folders that hold them, deepest first:
    paths relative to docs/, as strings (Path objects for ten thousand files cost a second)."""
    files, folders = [], []
    for path in generated_paths(docs):
        if path.is_dir():
            for folder, _, names in os.walk(path):
                rel = os.path.relpath(folder, docs).replace(os.sep, "/")
                folders.append(rel)
                files += [f"{rel}/{name}" for name in names]
        elif path.exists():
            files.append(path.relative_to(docs).as_posix())
    return files, sorted(folders, reverse=True)


def clean(root: Path) -> list[Path]:
    """Remove the built site and every generated file; the paths removed."""
    removed = [p for p in [root / "site", *generated_paths(root / "docs")] if p.exists()]
    for path in removed:
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    for folder in sorted({p.parent for p in removed}, reverse=True):  # e.g. docs/nl/assets, left empty
        if folder != root / "docs" and folder.is_relative_to(root / "docs") and not any(folder.iterdir()):
            folder.rmdir()
    return removed


_SEEN: dict[str, tuple] = {}  # file → (its stat, hash of the text it holds), as last written or read here


def _holds(target: str, content: str) -> bool:
    """The file holds exactly this text. A file this process wrote or read, unchanged on disk
    since (same size, time and inode), is not read again: rebuilds compare thousands."""
    try:
        stat = os.stat(target)
    except FileNotFoundError:
        return False
    key = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    seen = _SEEN.get(target)
    if seen is not None and seen[0] == key:
        return seen[1] == hash(content)  # str hashes are kept by each string: reused pages cost nothing
    with open(target, encoding="utf-8") as handle:
        text = handle.read()
    _SEEN[target] = (key, hash(text))
    return text == content


def _write(target: str, content: str) -> None:
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(content)
    stat = os.stat(target)
    _SEEN[target] = ((stat.st_size, stat.st_mtime_ns, stat.st_ino), hash(content))


def write_changed(docs: Path, files: dict[str, str]) -> list[str]:
    written, missing = [], []
    for rel, content in sorted(files.items()):
        target = f"{docs}/{rel}"
        if isinstance(content, Lazy):  # its name holds its digest: if it exists, it is up to date
            if not os.path.exists(target):
                missing.append(rel)
        elif not _holds(target, content):
            _write(target, content)
            written.append(rel)
    for rel, made in zip(missing, make_all([files[rel] for rel in missing]), strict=True):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_bytes(made)
    stale, folders = _owned(docs)
    for rel in stale:
        if rel not in files:
            os.unlink(f"{docs}/{rel}")
    for rel in folders:  # deepest first: a folder left empty by the one inside it goes too
        if not os.listdir(f"{docs}/{rel}"):
            os.rmdir(f"{docs}/{rel}")
    return sorted(written + missing)


@dataclass(frozen=True)
class Build:
    """One pass over the records: checked, modelled and rendered once."""

    records: list
    problems: list[Problem]
    site: Site | None  # None: the records have errors, and nothing is rendered
    files: dict[str, str]
    made_from: tuple = ()  # what the check was made from: root, docs, day, digest of the inputs
    digests: dict = field(default_factory=dict)  # of each input file, by path from the root


_LAST: dict = {}  # the newest check and the newest rendering, by what they were made from


def _inputs(root: Path, docs: Path | None) -> tuple[str, dict]:
    """A digest of every file a build reads (the records, and the hand-written pages and
    assets that translated and fallback pages come from), and of each, by path from root."""
    names = [f"{folder}/{n}" for folder in FOLDERS.values() for n in _listing(root / folder)]
    names += [name for name, _ in SINGLE_FILES.values()]
    if docs is not None:
        base = docs.relative_to(root).as_posix()
        names += [f"{base}/{n}" for n in _listing(docs) if n.endswith(".md")] + [f"{base}/{a}" for a in SHARED_ASSETS]
        names += [f"{base}/{e.prefix}{n}" for e in TRANSLATIONS for n in _listing(docs / e.prefix) if n.endswith(".md")]
    digest, each = hashlib.sha256(), {}
    for name in names:
        if (sha := input_digests.digest(f"{root}/{name}", FALLBACK_MARK.encode())) is not None:
            each[name] = sha
            digest.update(f"{name}\0{sha}\0".encode())
    return digest.hexdigest(), each


def _listing(folder: Path) -> list[str]:
    """The names in a folder, sorted, as Path.glob("*") gives them (no hidden ones)."""
    return sorted(n for n in os.listdir(folder) if not n.startswith(".")) if folder.is_dir() else []


def _once(slot: str, key: tuple, compute):
    if _LAST.get(slot, (None,))[0] != key:
        _LAST[slot] = (key, compute())
    return _LAST[slot][1]


def check_once(root: Path, docs: Path | None = None, today: dt.date | None = None) -> Build:
    """The records checked and modelled, once per process and per content of the inputs."""
    digest, each = _inputs(root, docs)
    key = (root.resolve(), docs, today or dt.date.today(), digest)

    def compute() -> Build:
        records, problems = check_tree(root, key[2])
        site = None if errors(problems) else build_model(records)
        if site is not None:
            filecheck.keep_parsed(root, records)
        return Build(records, problems, site, {}, key, each)

    return _once("check", key, compute)


def build_once(
    root: Path,
    docs: Path | None = None,
    today: dt.date | None = None,
    info: SiteInfo = DEFAULT_INFO,
    languages: tuple = LANGUAGES,
) -> Build:
    """The build of these records: checked, modelled and rendered once, whoever asks (the
    CLI, the hook of each edition, the tests)."""
    checked = check_once(root, docs, today)
    if checked.site is None:
        return checked
    render = functools.partial(render_all, checked.site, info, docs, languages, checked.digests)
    files = _once("render", (checked.made_from, info, languages), render)
    return Build(checked.records, checked.problems, checked.site, files, checked.made_from, checked.digests)


def generate(
    root: Path,
    docs: Path | None = None,
    today: dt.date | None = None,
    info: SiteInfo = DEFAULT_INFO,
    languages: tuple = LANGUAGES,
) -> Result:
    docs = docs or root / "docs"
    build = build_once(root, docs, today, info, languages)
    if build.site is None:
        return Result(None, build.problems, [])
    return Result(build.site, build.problems, write_changed(docs, build.files))
