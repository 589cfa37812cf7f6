"""The record-format page, generated from the JSON Schemas: the same definition that
checks the records and drives the editors' autocompletion documents them."""

from __future__ import annotations

from ..editions import TRANSLATIONS
from ..load import KINDS
from ..schema import SCHEMA_FOR, resolve_ref, schemas
from .strings import ui

FILES = {k.name: k.shown for k in KINDS}


def _md(text: str) -> str:
    # Descriptions are our own Markdown, but name placeholders such as claims/<slug>.yaml.
    return text.replace("<", "&lt;")


def _kind(schema: dict, root: dict) -> str:
    schema, name, root = resolve_ref(schema, root)
    if name in ("localized", "localized_markdown"):
        others = ", ".join(f"`{e.lang}`" for e in TRANSLATIONS)
        return f"text per language (`en` required, {others} optional)" + (
            ", Markdown" if name.endswith("markdown") else ""
        )
    if "enum" in schema:
        return "one of: " + ", ".join(f"`{v}`" for v in schema["enum"])
    if "anyOf" in schema:
        return " or ".join(_kind(s, root) for s in schema["anyOf"])
    if "const" in schema:
        return f"`{schema['const']}`"
    if schema.get("type") == "array":
        return f"list of {_kind(schema.get('items', {}), root)}"
    if name in root.get("$defs", {}) and schema.get("type") == "object":
        return f"{name} entries (see below)"
    words = {"string": "text", "integer": "whole number", "object": "fields", "null": "`null`"}
    return {"key": "key", "date": "date", "exact_date": "date YYYY-MM-DD", "url": "web address"}.get(
        name, words.get(schema.get("type"), "value")
    )


def _table(schema: dict, root: dict) -> list[str]:
    required = set(schema.get("required", []))
    lines = ["| Field | Required | Value | Meaning |", "|---|---|---|---|"]
    for name, prop in schema.get("properties", {}).items():
        resolved = resolve_ref(prop, root)[0]
        # Our own schemas' descriptions are trusted Markdown (backticks for field names).
        lines.append(
            f"| `{name}` | {'required' if name in required else 'optional'} | {_kind(prop, root)} | "
            f"{_md(resolved.get('description', ''))} |"
        )
    return lines


def render(lang: str = "en") -> str:
    """The page is for editors and in English; other editions say so at the top."""
    notice = [f'!!! note "{ui("page_format", lang)}"', "", f"    {ui('english_only_notice', lang)}", ""]
    lines = [
        "---",
        "title: Record format",
        "search:",
        "  exclude: true",
        "---",
        "",
        "# Record format",
        "",
        *(notice if lang != "en" else []),
        "Generated from the JSON Schemas in `schemas/`, which also check every record and give editors "
        "autocompletion. Start a record file with `# yaml-language-server: $schema=../schemas/claim.schema.json` "
        "(or the schema for its kind).",
        "",
    ]
    if lang != "en":
        lines += ['<div lang="en" markdown>', ""]
    for kind, file in SCHEMA_FOR.items():
        root = schemas()[file]
        lines += [f"## {root['title']} {{ #{kind} }}", "", f"File: `{FILES[kind]}`. {_md(root['description'])}", ""]
        if "additionalProperties" in root and isinstance(root["additionalProperties"], dict):
            value = resolve_ref(root["additionalProperties"], root)[0]
            if "properties" in value:
                lines += ["Each key maps to:", ""] + _table(value, root) + [""]
            else:
                lines += [
                    f"Each key maps to: {_kind(root['additionalProperties'], root)}. {_md(value.get('description', ''))}",
                    "",
                ]
            continue
        lines += _table(root, root) + [""]
        for name, sub in root.get("$defs", {}).items():
            lines += [f"### {name.capitalize()} {{ #{kind}-{name} }}", "", _md(sub.get("description", "")), ""]
            lines += _table(sub, root) + [""]
    return "\n".join(lines + (["</div>", ""] if lang != "en" else []))
