"""Interface strings and dates in the reader's language (ui.yaml); English where a
language lacks a string."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml


@lru_cache(maxsize=None)
def _ui() -> dict:
    return yaml.safe_load((Path(__file__).parent / "ui.yaml").read_text(encoding="utf-8"))


def ui(key: str, lang: str = "en") -> str:
    return _ui().get(lang, {}).get(key) or _ui()["en"][key]


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")


def date(value: str, lang: str = "en") -> str:
    # Anything but a date (which the checker refuses) is shown as unknown, never passed on.
    if value == "unknown" or not _DATE.match(value):
        return ui("date_unknown", lang)
    parts = value.split("-")
    months = ui("months", lang)
    if len(parts) == 1:
        return parts[0]
    month = months[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
