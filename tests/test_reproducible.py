"""Two builds of the same records give byte-identical sites: dates come from the records."""

import filecmp

from sitebuild import build_site, copy_project


def _tree(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_two_builds_are_byte_identical(tmp_path):
    first = build_site(copy_project(tmp_path / "a"))
    second = build_site(copy_project(tmp_path / "b"))
    files = _tree(first)
    assert files == _tree(second) and len(files) > 50
    _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert mismatch == [] and errors == []
