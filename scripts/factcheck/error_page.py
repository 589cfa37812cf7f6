"""What `mkdocs serve` shows while the records have errors: every page of every edition is
replaced by one small page that lists them, `path:line: field: message; hint`, as
`make check` prints them.

The page is answered from memory by a WSGI wrapper around the preview server, so nothing
is ever written to docs/ or site/. It is self-contained (inline style and script, no
request to any other address), every text on it is escaped, and a Content-Security-Policy
lets only its own script run. The script asks the server every second whether the errors
are still the same; once they are fixed (or have changed) the page reloads by itself.
"""

from __future__ import annotations

import hashlib
import html
import json
import secrets
from typing import Callable

from .editions import DEFAULT, TRANSLATIONS
from .problems import WARNING, Problem, errors, report
from .render.strings import ui

# The preview polls with this request header; the answer carries the errors' token.
POLL_HEADER = "X-Factcheck-Poll"
TOKEN_HEADER = "X-Factcheck-Errors"

_STYLE = """
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1d1d1f;background:#fff;border-top:.5rem solid #b3261e}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0 .25rem;color:#8c1d18}
.site{margin:0;color:#555;font-size:.9rem}
ul{list-style:none;padding:0;margin:1rem 0}
li{margin:.5rem 0;padding:.6rem .8rem;background:#fdecea;border-left:.25rem solid #b3261e}
details li{background:#fff8e1;border-left-color:#8a6d00}
code{font:.95rem/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;
overflow-wrap:anywhere}
summary{cursor:pointer;font-weight:600}
"""

_SCRIPT = """
(function () {
  var token = TOKEN, headers = {};
  headers[POLL] = "1";
  function poll() {
    fetch(location.href, {headers: headers, cache: "no-store"}).then(function (r) {
      if (r.headers.get(ANSWER) !== token) { location.reload(); } else { setTimeout(poll, 1000); }
    }, function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
"""


def token(problems: list[Problem]) -> str:
    """Names one set of problems: the page reloads when it changes."""
    return hashlib.sha256(report(problems).encode("utf-8")).hexdigest()[:16]


def _items(lines: list[str]) -> str:
    return "".join(f"<li><code>{html.escape(line)}</code></li>\n" for line in lines)


def render(problems: list[Problem], lang: str = "en", nonce: str = "") -> str:
    """The page: the errors, then the warnings folded away, then the summary line."""
    t = {key: ui(f"error_page_{key}", lang) for key in ("title", "lead", "warnings", "site")}
    errs = errors(problems)
    warns = [p for p in problems if p.severity == WARNING]
    summary = report(problems).splitlines()[-1]
    folded = (
        f"<details><summary>{html.escape(t['warnings'])} ({len(warns)})</summary>\n"
        f"<ul>\n{_items(report(warns).splitlines()[:-1])}</ul></details>\n"
        if warns
        else ""
    )
    script = (
        _SCRIPT.replace("TOKEN", json.dumps(token(problems)))
        .replace("POLL", json.dumps(POLL_HEADER))
        .replace("ANSWER", json.dumps(TOKEN_HEADER))
    )
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(t['title'])}</title>\n"
        '<link rel="icon" href="data:,">\n'
        f"<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f'<p class="site">{html.escape(t["site"])}</p>\n'
        f"<h1>{html.escape(t['title'])}</h1>\n<p>{html.escape(t['lead'])}</p>\n"
        f'<ul class="errors">\n{_items(report(errs).splitlines()[:-1])}</ul>\n'
        f"{folded}<p><strong>{html.escape(summary)}</strong></p>\n</main>\n"
        f'<script nonce="{nonce}">{script}</script>\n</body>\n</html>\n'
    )


def _is_page(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return not path.startswith("/livereload/") and (name == "" or name.endswith(".html") or "." not in name)


def wrap(
    app: Callable,
    current: Callable[[], list[Problem] | None],
    mount_path: str = "/",
) -> Callable:
    """A WSGI app that answers every page request with the error page while `current()`
    returns problems, and passes everything else (assets, live reload) on to `app`."""

    def serve(environ, start_response):
        problems = current()
        path = environ.get("PATH_INFO", "/")
        if not problems or not _is_page(path):
            return app(environ, start_response)
        headers = [("Cache-Control", "no-store"), (TOKEN_HEADER, token(problems))]
        if environ.get("HTTP_" + POLL_HEADER.upper().replace("-", "_")):
            start_response("200 OK", [*headers, ("Content-Length", "0")])
            return [b""]
        rel = path[len(mount_path) :] if path.startswith(mount_path) else path.lstrip("/")
        lang = next((e.lang for e in TRANSLATIONS if f"{rel}/".startswith(e.prefix)), DEFAULT.lang)
        nonce = secrets.token_urlsafe(16)
        body = render(problems, lang, nonce).encode("utf-8")
        policy = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; "
            f"script-src 'nonce-{nonce}'; base-uri 'none'; form-action 'none'"
        )
        # 200, not 500: the preview server logs any other status as a warning, and a warning
        # while a rebuild runs would fail that rebuild under `strict: true`.
        start_response(
            "200 OK",
            [
                *headers,
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Content-Security-Policy", policy),
            ],
        )
        return [body]

    return serve
