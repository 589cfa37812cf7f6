import datetime as dt
import shutil
from pathlib import Path

import pytest
from factcheck.validate import check_tree

HERE = Path(__file__).parent
ROOT = HERE.parent
GOOD = HERE / "fixtures" / "good"
TODAY = dt.date(2020, 12, 30)


def make_tree(tmp_path: Path, edits: dict | None = None) -> Path:
    """A copy of the good fixture with edits: path → new text, bytes, None (delete) or (old, new)."""
    root = tmp_path / "records"
    shutil.copytree(GOOD, root)
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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real records built once with --strict, shared by the tests that read the site."""
    from sitebuild import build_site, copy_project

    return build_site(copy_project(tmp_path_factory.mktemp("project")))


@pytest.fixture
def tree(tmp_path):
    return lambda edits=None: make_tree(tmp_path, edits)
