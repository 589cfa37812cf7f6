"""New record files for editors: a claim from its title (next free id, slug from the
title, today's date), a source or an expert from its key. The templates are written from
the JSON Schemas, so every field appears, marked required or optional, with its allowed
values; placeholders read TODO and fail the checker until they are filled in."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

from .editions import TRANSLATIONS
from .load import FOLDERS, PLACEHOLDER, load_tree
from .permanence import next_free_id
from .schema import SCHEMA_FOR, resolve_ref, schemas

DESCRIBED_ELSEWHERE = {"localized", "localized_markdown"}


class ScaffoldError(Exception):
    """A file could not be made; the message says why and what to do."""


def slugify(title: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().replace("'", "")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def next_id(root: Path) -> int:
    """One more than any id in use, once used or ever published: ids are never reused."""
    return next_free_id(load_tree(root)[0])


def _comment(name: str, schema: dict, required: bool) -> str:
    allowed = f" One of: {', '.join(map(str, schema['enum']))}." if "enum" in schema else ""
    description = schema.get("description", "").removeprefix("Optional: ")
    text = f"{name} ({'required' if required else 'optional'}): {description}{allowed}"
    return text.replace("\n", " ")


def _value(schema: dict, name: str, known: dict) -> str:
    if name in known:
        return json.dumps(known[name], ensure_ascii=False) if isinstance(known[name], str) else str(known[name])
    if schema.get("type") == "integer":
        return "1"
    return PLACEHOLDER


def _field(name: str, prop: dict, root: dict, required: bool, indent: int, known: dict) -> list[str]:
    schema, defname, root = resolve_ref(prop, root)
    pad = " " * indent
    lines = [f"{pad}# {_comment(name, schema, required)}"]
    if defname in DESCRIBED_ELSEWHERE:
        text = known.get(name, PLACEHOLDER)
        lines += [
            f"{pad}{name}:",
            f"{pad}  en: {json.dumps(text, ensure_ascii=False) if text != PLACEHOLDER else text}",
        ]
        lines += [
            f"{pad}  # {e.lang} (optional): the {e.english} text; then run `make stamp-translations FILE=<this file>`."
            for e in TRANSLATIONS
        ]
    elif schema.get("type") == "array" and "properties" in resolve_ref(schema.get("items", {}), root)[0]:
        item, _, item_root = resolve_ref(schema["items"], root)
        body = _object(item, item_root, indent + 4, known)
        first = next(i for i, line in enumerate(body) if not line.strip().startswith("#"))
        body[first] = f"{pad}  - " + body[first].lstrip()
        lines += [f"{pad}{name}:"] + body
    elif schema.get("type") == "array":
        lines += [f"{pad}{name}: [{known.get(name, PLACEHOLDER) if required else ''}]"]
    elif schema.get("type") == "object" or "properties" in schema:
        lines += [f"{pad}{name}:"] + _object(schema, root, indent + 2, known)
    else:
        lines += [f"{pad}{name}: {_value(schema, name, known)}"]
    return (
        lines
        if required
        else [lines[0]]
        + [f"{pad}# {line[indent:]}" if not line.strip().startswith("#") else line for line in lines[1:]]
    )


def _object(schema: dict, root: dict, indent: int, known: dict) -> list[str]:
    required = set(schema.get("required", []))
    lines: list[str] = []
    for name, prop in schema.get("properties", {}).items():
        lines += _field(name, prop, root, name in required, indent, known)
    return lines


def template(kind: str, known: dict | None = None) -> str:
    root = schemas()[SCHEMA_FOR[kind]]
    head = [
        f"# yaml-language-server: $schema=../schemas/{SCHEMA_FOR[kind]}",
        f"# {root['title']}: {root['description']}",
        f"# Replace every {PLACEHOLDER}; `make check` lists what is left. Delete optional lines you do not use.",
    ]
    return "\n".join(head + _object(root, root, 0, known or {})) + "\n"


def _write(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path.name} exists already; choose another name, or edit the existing file")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def new_claim(root: Path, title: str, today: dt.date, slug: str | None = None) -> Path:
    slug = slug or slugify(title)
    if not slug:
        raise ScaffoldError("the title gives no slug; pass --slug with lower-case words joined by hyphens")
    known = {
        "id": next_id(root),
        "slug": slug,
        "claim": title,
        "published": today.isoformat(),
        "reviewed": today.isoformat(),
    }
    return _write(root / FOLDERS["claim"] / f"{slug}.yaml", template("claim", known))


def new_record(root: Path, kind: str, key: str) -> Path:
    if slugify(key) != key:
        raise ScaffoldError(
            f"`{key}` is not a valid key; use lower-case words joined by hyphens, e.g. `{slugify(key)}`"
        )
    return _write(root / FOLDERS[kind] / f"{key}.yaml", template(kind))
