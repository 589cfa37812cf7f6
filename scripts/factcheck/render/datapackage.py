"""The dataset described for reuse: a Frictionless Data Package (datapackage.json) with a
Table Schema for claims.csv, and a JSON Schema for claims.json, published beside them."""

from __future__ import annotations

import json

from ..editions import DEFAULT, LANGUAGES, SiteInfo
from ..model import Site

LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "CC BY 4.0"}

# claims.csv, column by column: (name, Table Schema type, description).
COLUMNS = [
    ("id", "integer", "The claim's permanent number; /c/<id>/ is its short link."),
    ("slug", "string", "The claim's permanent address: /claims/<slug>/."),
    ("url", "string", "The full address of the claim's page in this edition."),
    ("claim", "string", "The claim as commonly repeated, in this edition's language."),
    ("verdict", "string", "The verdict key, from the site's published scale."),
    ("verdict_name", "string", "The verdict's name in this edition's language."),
    ("rating", "integer", "The verdict on a scale of 1 (false) to 5 (true); empty for unproven and outdated."),
    ("short_answer", "string", "The fact first, in one to three sentences."),
    ("categories", "string", "The misconception categories, as keys separated by semicolons."),
    ("first_outlet", "string", "The outlet of the first recorded appearance."),
    ("first_date", "string", "Its date: YYYY-MM-DD, YYYY-MM, YYYY or unknown."),
    ("appearances", "integer", "How many appearances in the media are recorded."),
    ("rebuttals", "integer", "How many rebuttals are given."),
    ("sources", "integer", "How many sources the page cites."),
    ("published", "date", "The day the check was first published."),
    ("reviewed", "date", "The day the check was last reviewed."),
]

_TEXT = {
    "type": "object",
    "additionalProperties": {"type": "string"},
    "description": f"Text per language ({', '.join(LANGUAGES)}).",
}
_NULLABLE_TEXT = {"anyOf": [_TEXT, {"type": "null"}]}


def _table_schema(site: Site) -> dict:
    fields = [{"name": n, "type": t, "description": d} for n, t, d in COLUMNS]
    for field in fields:
        if field["name"] == "verdict":
            field["constraints"] = {"required": True, "enum": [v.key for v in site.verdicts]}
        if field["name"] in ("id", "slug"):
            field["constraints"] = {"required": True, "unique": True}
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def claims_json_schema(site: Site) -> dict:
    """What claims.json holds: editors' content, resolved, and the computed address."""
    source = {
        "type": "object",
        "required": ["key", "title", "publisher", "date", "url", "kind"],
        "properties": {
            "key": {"type": "string"},
            "title": {"type": "string", "description": "The title as published, or `unknown`."},
            "description": _NULLABLE_TEXT,
            "url": {"type": "string", "description": "The address, or `unknown`."},
            "appearance_only": {"type": "boolean"},
            "excerpts": {"type": "array", "items": {"type": "object", "required": ["text", "read_at", "read_on"]}},
        },
    }
    claim = {
        "type": "object",
        "required": ["id", "slug", "url", "claim", "verdict", "short_answer", "appearances", "rebuttals", "sources"],
        "properties": {
            "id": {"type": "integer", "minimum": 1},
            "slug": {"type": "string"},
            "url": {"type": "string", "description": "Computed: the claim page's address in this edition."},
            "claim": _TEXT,
            "claim_reviewed": _TEXT,
            "verdict": {
                "type": "object",
                "properties": {"key": {"enum": [v.key for v in site.verdicts]}, "name": _TEXT},
            },
            "short_answer": _TEXT,
            "explanation": _TEXT,
            "appearances": {"type": "array", "minItems": 1},
            "rebuttals": {"type": "array", "minItems": 1},
            "sources": {"type": "array", "items": source},
            "published": {"type": "string", "format": "date"},
            "reviewed": {"type": "string", "format": "date"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Social Credit Fact Check: claims.json",
        "type": "object",
        "required": ["site", "url", "licence", "claims"],
        "properties": {"claims": {"type": "array", "items": claim}},
    }


def datapackage(site: Site, info: SiteInfo) -> str:
    package = {
        "name": "social-credit-fact-check" + ("" if info.lang == DEFAULT.lang else f"-{info.lang}"),
        "title": info.name,
        "homepage": info.url,
        "licenses": [LICENCE],
        "resources": [
            {
                "name": "claims",
                "path": "claims.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": "One row per claim, in this edition's language.",
                "schema": _table_schema(site),
            },
            {
                "name": "claims-json",
                "path": "claims.json",
                "format": "json",
                "mediatype": "application/json",
                "description": "Every claim, resolved; its JSON Schema is claims.schema.json, beside it.",
            },
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
