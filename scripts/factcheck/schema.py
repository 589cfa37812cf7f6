"""The record format, defined once in schemas/*.schema.json, applied to loaded records.

The JSON Schemas serve editors (autocompletion via yaml-language-server), this checker
and the documentation. Messages are built from the schema itself: a field's
`description` and its `x-fix` hint say how to put a problem right.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import fastjsonschema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

from .load import KINDS, PLACEHOLDER, Record, field_name
from .problems import Problem

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
SCHEMA_FOR = {k.name: k.schema for k in KINDS}
TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "array": "a list",
    "object": "a mapping of fields",
    "null": "nothing",
    "number": "a number",
    "boolean": "yes/no",
}


@lru_cache(maxsize=None)
def schemas() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}


def _bundled(kind: str) -> dict:
    """The kind's schema with the shared definitions copied in and every $ref made local,
    for the fast validator (fastjsonschema does not follow references across files)."""

    def local(node, prefix_local: bool):
        if isinstance(node, dict):
            out = {k: local(v, prefix_local) for k, v in node.items() if k not in ("$schema", "$id")}
            ref = node.get("$ref", "")
            if ref.startswith("common.schema.json#/$defs/"):
                out["$ref"] = "#/$defs/common--" + ref.rsplit("/", 1)[1]
            elif prefix_local and ref.startswith("#/$defs/"):
                out["$ref"] = "#/$defs/common--" + ref.rsplit("/", 1)[1]
            return out
        if isinstance(node, list):
            return [local(v, prefix_local) for v in node]
        return node

    root = local(schemas()[SCHEMA_FOR[kind]], False)
    common = {f"common--{k}": local(v, True) for k, v in schemas()["common.schema.json"]["$defs"].items()}
    root["$defs"] = {**root.get("$defs", {}), **common}
    return root


@lru_cache(maxsize=None)
def fast_validator(kind: str):
    """A compiled validator that only says yes or no: most records are valid, and the full
    validator below, which explains every problem, is ten to fifty times slower."""
    return fastjsonschema.compile(_bundled(kind))


@lru_cache(maxsize=None)
def validator(kind: str) -> Draft202012Validator:
    # Imported here: a check whose records all come from the cache never needs it.
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas().items())
    return Draft202012Validator(schemas()[SCHEMA_FOR[kind]], registry=registry)


def resolve_ref(schema: dict, root: dict) -> tuple[dict, str, dict]:
    """The schema behind a $ref, the name of its definition, and the file it lives in."""
    ref = schema.get("$ref", "")
    if not ref:
        return schema, "", root
    file, _, pointer = ref.partition("#")
    root = schemas()[file] if file else root
    target = root
    for part in filter(None, pointer.split("/")):
        target = target[part]
    return {**target, **{k: v for k, v in schema.items() if k != "$ref"}}, pointer.rsplit("/", 1)[-1], root


def _walk(node: dict, root: dict, where: tuple = ()):
    """(path pattern, schema) for every field a kind's schema defines; `*` stands for any
    list index. References are followed, so a definition's annotations are seen where used."""
    resolved, _, root = resolve_ref(node, root)
    yield where, resolved
    for name, prop in resolved.get("properties", {}).items():
        yield from _walk(prop, root, where + (name,))
    if isinstance(resolved.get("items"), dict):
        yield from _walk(resolved["items"], root, where + ("*",))


@lru_cache(maxsize=None)
def annotated(kind: str, annotation: str) -> tuple:
    """(path pattern, value) of every field of a kind that carries an `x-…` annotation, such
    as `x-ref` (the kind of record it names), `x-markdown` or `x-date`."""
    root = schemas()[SCHEMA_FOR[kind]]
    return tuple((where, node[annotation]) for where, node in _walk(root, root) if annotation in node)


def values_at(data, pattern: tuple, where: tuple = ()):
    """(path, value) of what a record holds at a path pattern."""
    if not pattern:
        yield where, data
    elif pattern[0] == "*":
        for i, item in enumerate(data if isinstance(data, list) else []):
            yield from values_at(item, pattern[1:], where + (i,))
    elif isinstance(data, dict) and pattern[0] in data:
        yield from values_at(data[pattern[0]], pattern[1:], where + (pattern[0],))


def _type_word(value) -> str:
    if isinstance(value, bool):
        return "yes/no"
    return {
        str: "text",
        int: "a whole number",
        float: "a number",
        list: "a list",
        dict: "a mapping of fields",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)


def _type_hint(error, schema: dict, wanted: str) -> str:
    # YAML reads 2024 or 1.5 as a number: where text was meant, quoting is the whole fix.
    number = isinstance(error.instance, (int, float)) and not isinstance(error.instance, bool)
    if number and "string" in (
        error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    ):
        return f'put it in quotes: "{error.instance}"'
    return _hint(schema, f"write {wanted} here")


def _show(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _hint(schema: dict, default: str = "") -> str:
    return schema.get("x-fix", default)


def _schema_at(kind: str, where: tuple) -> dict:
    """The schema that describes the value at `where` in a record of this kind."""
    schema = root = schemas()[SCHEMA_FOR[kind]]
    for part in where:
        if isinstance(part, int):
            schema = schema.get("items", {})
        else:
            schema = schema.get("properties", {}).get(part) or schema.get("additionalProperties") or {}
        schema, _, root = resolve_ref(schema, root) if isinstance(schema, dict) else ({}, "", root)
    return schema


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".")


def _problems_for(record: Record, error) -> list[Problem]:
    where = tuple(error.absolute_path)
    here = field_name(where)
    schema = resolve_ref(error.schema, schemas()[SCHEMA_FOR[record.kind]])[0]
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        described = _schema_at(record.kind, where + (missing,)).get("description", "")
        hint = f"add `{missing}:`" + (f" ({_first_sentence(described)})" if described else "")
        name = field_name(where + (missing,))
        return [Problem(record.path, record.line(where), name, "required field is missing", hint)]
    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        out = []
        for extra in sorted(set(error.instance) - set(known)):
            close = difflib.get_close_matches(extra, known, n=1, cutoff=0.6)
            hint = (
                f"did you mean `{close[0]}`?" if close else f"remove it; the known fields here are: {', '.join(known)}"
            )
            out.append(
                Problem(
                    record.path,
                    record.line(where + (extra,)),
                    field_name(where + (extra,)),
                    f"unknown field `{extra}`",
                    hint,
                )
            )
        return out
    if kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(TYPE_WORDS.get(w, w) for w in (wanted if isinstance(wanted, list) else [wanted]))
        return [
            Problem(
                record.path,
                record.line(where),
                here,
                f"expected {wanted}, got {_type_word(error.instance)}",
                _type_hint(error, schema, wanted),
            )
        ]
    if kind == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return [
            Problem(
                record.path,
                record.line(where),
                here,
                f"`{_show(error.instance)}` is not one of: {allowed}",
                "use one of these",
            )
        ]
    if kind == "minItems":
        n = error.validator_value
        return [
            Problem(
                record.path, record.line(where), here, f"needs at least {n} entr{'y' if n == 1 else 'ies'}", "add one"
            )
        ]
    if kind == "minLength":
        return [
            Problem(
                record.path,
                record.line(where),
                here,
                "is empty",
                "write the text, or remove the field if it is optional",
            )
        ]
    if kind == "uniqueItems":
        return [Problem(record.path, record.line(where), here, "lists the same entry twice", "remove the duplicate")]
    if kind in ("minimum", "maximum"):
        word = "at least" if kind == "minimum" else "at most"
        return [
            Problem(
                record.path,
                record.line(where),
                here,
                f"must be {word} {error.validator_value}",
                _hint(schema, "change the number"),
            )
        ]
    if kind == "minProperties":
        return [Problem(record.path, record.line(where), here, "is empty", "add at least one entry")]
    # pattern, const, anyOf, propertyNames and the rest: the value has the wrong form.
    return [
        Problem(
            record.path,
            record.line(where),
            here,
            f"`{_show(error.instance)}` is not valid here",
            _hint(schema, _first_sentence(schema.get("description", "see the schema"))),
        )
    ]


def check_schema(record: Record) -> list[Problem]:
    try:
        fast_validator(record.kind)(record.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass  # the full validator says what is wrong
    problems: list[Problem] = []
    for error in validator(record.kind).iter_errors(record.data):
        if error.instance != PLACEHOLDER:  # reported once, by the text check
            problems += _problems_for(record, error)
    return problems
