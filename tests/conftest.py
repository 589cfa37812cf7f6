import datetime as dt
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from browsing import CHROMIUM, CHROMIUM_ARGS, free_port
from factcheck.validate import check_tree

HERE = Path(__file__).parent
ROOT = HERE.parent
GOOD = HERE / "fixtures" / "good"
TODAY = dt.date(2020, 12, 30)


def make_tree(tmp_path: Path, edits: dict | None = None) -> Path:
    """A copy of the good fixture with edits: path → new text, bytes, None (delete) or (old, new)."""
    root = tmp_path / "records"
    shutil.copytree(GOOD, root, ignore=shutil.ignore_patterns(".cache"))  # the checker's cache of GOOD
    for rel, edit in (edits or {}).items():
        target = root / rel
        if edit is None:
            target.unlink()
        elif isinstance(edit, bytes):
            target.write_bytes(edit)
        elif isinstance(edit, tuple):
            text = target.read_text(encoding="utf-8")
            assert edit[0] in text, f"fixture edit does not apply: {edit[0]!r}"
            target.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(edit, encoding="utf-8")
    return root


def messages(root: Path) -> list[str]:
    _, problems = check_tree(root, TODAY)
    return [p.text() for p in sorted(problems)]


# The built site is served where its own address says it is, as when published.
SITE_PORT = free_port()
SITE_URL = f"http://127.0.0.1:{SITE_PORT}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real records built once with --strict, shared by the tests that read the site."""
    import os

    from sitebuild import build_site, copy_project

    project = copy_project(tmp_path_factory.mktemp("project"))
    before = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = SITE_URL
    try:
        return build_site(project)
    finally:
        os.environ.pop("SITE_URL") if before is None else os.environ.__setitem__("SITE_URL", before)


@pytest.fixture
def tree(tmp_path):
    return lambda edits=None: make_tree(tmp_path, edits)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(built_site):
    site = built_site
    server = http.server.ThreadingHTTPServer(("127.0.0.1", SITE_PORT), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is required: apt-get install chromium (make test does it as root)"
    )
    from playwright.sync_api import sync_playwright  # here, so unit tests run without the browser stack

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.requests = requests
    yield page
    context.close()
    assert [u for u in requests if not u.startswith(base_url)] == []
