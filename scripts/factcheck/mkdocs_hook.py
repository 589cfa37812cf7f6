"""MkDocs hook: regenerate the pages from the records before every build, so that
`mkdocs serve` shows a YAML edit after reload, and fill the generated fragments
(`<!-- factcheck:NAME -->`) into hand-written pages.

Kept thin on purpose: the generator is a plain program (see site.py), so a move away
from MkDocs' plugin API costs little."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.problems import report  # noqa: E402
from factcheck.render.indexes import FRAGMENTS  # noqa: E402
from factcheck.render.text import SiteInfo  # noqa: E402
from factcheck.site import DEFAULT_INFO, generate  # noqa: E402

_MARKER = re.compile(r"<!-- factcheck:([a-z-]+) -->")
_state: dict = {}
_EPOCH_GIVEN = "SOURCE_DATE_EPOCH" in os.environ


def _pin_build_date(site) -> None:
    """Dates MkDocs writes (sitemap, compressed sitemap) come from the records, not the clock:
    the same records give byte-identical sites. An explicit SOURCE_DATE_EPOCH wins."""
    if _EPOCH_GIVEN or not site.claims:
        return
    newest = max(dt.date.fromisoformat(c.reviewed) for c in site.claims)
    os.environ["SOURCE_DATE_EPOCH"] = str(
        int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc).timestamp())
    )


def on_pre_build(config, **_):
    root = Path(config.config_file_path).resolve().parent
    info = SiteInfo(config.site_name, config.site_url or DEFAULT_INFO.url)
    result = generate(root, Path(config.docs_dir), info=info)
    if result.site is None:
        raise PluginError("The records have errors; nothing was built.\n" + report(result.problems))
    _state["site"] = result.site
    _pin_build_date(result.site)


def on_page_markdown(markdown, page, **_):
    def fill(match):
        name = match.group(1)
        if name not in FRAGMENTS:
            raise PluginError(f"{page.file.src_uri}: unknown fragment `{name}`; known: {', '.join(FRAGMENTS)}")
        return FRAGMENTS[name](_state["site"])

    return _MARKER.sub(fill, markdown)
