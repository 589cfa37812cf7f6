"""Temporary copies of the project: the real one, and synthetic corpora of N claims.

A synthetic claim is one of the real claims with a new id, slug and claim text, so that
records have the real size and shape (both languages, appearances with annotations,
rebuttals with quotes, long explanations). Claims are made in groups of as many claims as
the project has; each group cites its own copy of the sources it needs (so sources grow
with the claims, about three per claim as in the real records); experts get a new copy
every ten groups; the categories and the verdict scale are the real ones."""

from __future__ import annotations

import copy
import hashlib
import shutil
from pathlib import Path

import yaml

# factcheck is imported inside the functions: the benchmark measures the snapshot of the
# project it takes at the start (see take_snapshot), not whatever the checkout holds later.

ROOT = Path(__file__).resolve().parents[2]  # the checkout
_source = {"root": ROOT}  # where copies are made from: the snapshot, once taken
EXPERT_EVERY = 10  # groups of claims that share one copy of the experts


def _copy(name: str, target: Path) -> None:
    """One file or folder of the project, without caches and generated files (the build's
    own list of them, factcheck.site.generated_paths)."""
    from factcheck.site import generated_paths

    src = _source["root"] / name
    generated = {p.resolve() for p in generated_paths(_source["root"] / "docs")}

    def ignore(folder: str, names: list[str]) -> list[str]:
        caches = ("__pycache__", ".ruff_cache")
        return [n for n in names if n in caches or (Path(folder) / n).resolve() in generated]

    shutil.copytree(src, target / name, ignore=ignore) if src.is_dir() else shutil.copy2(src, target / name)


def _parts() -> tuple[list[str], list[str]]:
    from factcheck.site import project_parts

    return project_parts(_source["root"])


def copy_shared(target: Path) -> Path:
    """The project without its records and without generated pages."""
    target.mkdir(parents=True, exist_ok=True)
    for name in _parts()[0]:
        _copy(name, target)
    return target


def copy_real(target: Path) -> Path:
    """The whole real project, records, published.yaml and redirects.yaml included."""
    copy_shared(target)
    for name in _parts()[1]:
        _copy(name, target)
    return target


def take_snapshot(target: Path) -> Path:
    """Copy the checkout once; every later copy, and the code the benchmark imports, come
    from this snapshot, so that edits made while the benchmark runs do not mix versions."""
    _source["root"] = copy_real(target)
    return target


def fingerprint(root: Path) -> str:
    """A short hash of the code and configuration that shape the build."""
    digest = hashlib.sha256()
    configs = [name for name in _parts()[0] if name.endswith((".yml", ".yaml"))]  # editions and their MkDocs files
    for name in ["scripts/factcheck", "schemas", "docs/overrides", "requirements.txt", *configs]:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts or not file.exists():
                continue
            digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def _read(kind: str) -> dict[str, dict]:
    from factcheck.load import FOLDERS, parse

    out = {}
    for file in sorted((_source["root"] / FOLDERS[kind]).glob("*.yaml")):
        record, problems = parse(file.name, file.read_bytes(), kind, file.stem)
        if record is None:
            raise SystemExit(f"{file}: cannot be read: {problems}")
        out[file.stem] = record.data
    return out


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):
    """Writes text with line breaks as block scalars, the way editors write it."""


def _str(dumper, text: str):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)


def dump(data: dict, schema: str) -> str:
    head = f"# yaml-language-server: $schema=../schemas/{schema}.schema.json\n"
    return head + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)


def _retext(claim: dict, n: int) -> None:
    """A new claim text, different for every claim, keeping the Dutch translation current."""
    from factcheck.checks import CLAIM_REVIEWED_MAX
    from factcheck.translations import source_hash

    def localized(en: str, nl: str | None) -> dict:
        return {"en": en} if nl is None else {"en": en, "nl_source": source_hash(en), "nl": nl}

    old = claim["claim"]
    en = f"{old['en'].rstrip('.')} (No. {n})."
    nl = f"{old['nl'].rstrip('.')} (nr. {n})." if isinstance(old.get("nl"), str) else None
    claim["claim"] = localized(en, nl)
    if "claim_reviewed" not in claim and (len(en) > CLAIM_REVIEWED_MAX or len(nl or "") > CLAIM_REVIEWED_MAX):
        claim["claim_reviewed"] = localized(
            old["en"], old.get("nl") if len(old.get("nl") or "") <= CLAIM_REVIEWED_MAX else None
        )


def synthetic_claim(template: dict, n: int, group: int) -> dict:
    """A copy of a real claim. The first group keeps the real slugs and keys, so that the
    timeline events and the primer, which name them, still resolve."""
    c = copy.deepcopy(template)
    src = lambda key: f"{key}-s{group}" if group else key  # noqa: E731
    exp = lambda key: f"{key}-e{group // EXPERT_EVERY}" if group // EXPERT_EVERY else key  # noqa: E731
    c["id"], c["slug"] = n, f"{template['slug']}-{n}" if group else template["slug"]
    _retext(c, n)
    for a in c["appearances"]:
        a["source"] = src(a["source"])
        if "via" in a:
            a["via"] = src(a["via"])
    for r in c["rebuttals"]:
        r["by"], r["source"] = exp(r["by"]), src(r["source"])
    if "further_sources" in c:
        c["further_sources"] = [src(k) for k in c["further_sources"]]
    c.pop("former_slugs", None)
    return c


def cited_sources(claim: dict) -> set[str]:
    keys = {a["source"] for a in claim["appearances"]} | {a["via"] for a in claim["appearances"] if "via" in a}
    return keys | {r["source"] for r in claim["rebuttals"]} | set(claim.get("further_sources", []))


def write_synthetic(target: Path, n_claims: int) -> dict[str, int]:
    """A project copy with n_claims synthetic claims (at least as many as the real ones), the
    sources and experts they cite, and the real categories, verdicts and timeline events."""
    copy_shared(target)
    for name in ("categories", "events", "verdicts.yaml"):  # the real ones, as they are
        _copy(name, target)
    templates = sorted(_read("claim").values(), key=lambda d: d["id"])
    if n_claims < len(templates):
        raise SystemExit(f"a synthetic corpus needs at least {len(templates)} claims, the real ones")
    sources, experts = _read("source"), _read("expert")
    for folder in ("claims", "sources", "experts"):
        (target / folder).mkdir()
    wanted_sources, wanted_experts, size = set(sources), set(experts), 0  # the real ones, for events and the primer
    for i in range(n_claims):
        group = i // len(templates)
        claim = synthetic_claim(templates[i % len(templates)], i + 1, group)
        wanted_sources |= cited_sources(claim)
        wanted_experts |= {r["by"] for r in claim["rebuttals"]}
        text = dump(claim, "claim")
        size += len(text.encode("utf-8"))
        (target / "claims" / f"{claim['slug']}.yaml").write_text(text, encoding="utf-8")
    for key in sorted(wanted_sources):
        base = key if key in sources else key.rsplit("-s", 1)[0]
        (target / "sources" / f"{key}.yaml").write_text(dump(sources[base], "source"), encoding="utf-8")
    for key in sorted(wanted_experts):
        base = key if key in experts else key.rsplit("-e", 1)[0]
        (target / "experts" / f"{key}.yaml").write_text(dump(experts[base], "expert"), encoding="utf-8")
    return {
        "claims": n_claims,
        "sources": len(wanted_sources),
        "experts": len(wanted_experts),
        "categories": len(list((target / "categories").glob("*.yaml"))),
        "claim_bytes": size,
    }
