"""One `python -m factcheck build` checks the records, builds the model and renders each
edition exactly once: the Dutch edition's hook reuses the English build."""

from __future__ import annotations

from collections import Counter

from factcheck import cli, site

from sitebuild import copy_project


def _counting(counts: Counter, name: str, function):
    def counted(*args, **kwargs):
        counts[name] += 1
        return function(*args, **kwargs)

    return counted


def test_one_build_does_each_step_once(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "p")
    counts: Counter = Counter()
    for name in ("check_tree", "build_model", "render_edition"):
        monkeypatch.setattr(site, name, _counting(counts, name, getattr(site, name)))
    assert cli.main(["--root", str(project), "build"]) == 0
    assert (project / "site" / "nl" / "index.html").exists()
    assert counts == {"check_tree": 1, "build_model": 1, "render_edition": 2}  # English and Dutch


def test_a_changed_record_is_built_again(tmp_path):
    project = copy_project(tmp_path / "p")
    first = site.build_once(project, project / "docs")
    assert site.build_once(project, project / "docs").files is first.files
    record = project / "claims" / "black-mirror-nosedive.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("Nosedive", "Nosedive!", 1), encoding="utf-8")
    assert site.build_once(project, project / "docs").files is not first.files


def test_clean_removes_exactly_what_the_build_generates(tmp_path):
    project = copy_project(tmp_path / "p")
    before = {p.relative_to(project) for p in (project / "docs").rglob("*")}
    assert cli.main(["--root", str(project), "generate"]) == 0
    (project / "site").mkdir()
    assert (project / "docs" / "claims" / "black-mirror-nosedive.md").exists()
    assert cli.main(["--root", str(project), "clean"]) == 0
    assert {p.relative_to(project) for p in (project / "docs").rglob("*")} == before
    assert not (project / "site").exists()


def test_a_generated_file_changed_on_disk_is_written_again(tmp_path):
    from factcheck.site import write_changed

    docs = tmp_path / "docs"
    files = {"claims/a.md": "first\n", "claims/b.md": "second\n"}
    assert write_changed(docs, files) == ["claims/a.md", "claims/b.md"]
    assert write_changed(docs, files) == []  # known to hold it: not written, not read
    (docs / "claims" / "a.md").write_text("edited by hand, same size?\n", encoding="utf-8")
    assert write_changed(docs, files) == ["claims/a.md"]
    assert (docs / "claims" / "a.md").read_text(encoding="utf-8") == "first\n"
    assert write_changed(docs, {**files, "claims/b.md": "changed\n"}) == ["claims/b.md"]
