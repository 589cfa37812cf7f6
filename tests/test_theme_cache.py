"""The theme's compiled templates and file list are kept across rebuilds (theme_cache), and
an edited or added override still shows on the next build."""

from __future__ import annotations

import jinja2
from factcheck import theme_cache
from mkdocs.config import load_config

from sitebuild import copy_project


def test_an_edited_or_added_override_shows_on_the_next_environment(tmp_path):
    project = copy_project(tmp_path / "p")
    config = load_config(str(project / "mkdocs.yml"))
    theme_cache.keep(config, tmp_path / "jinja")
    override = project / "docs" / "overrides" / "fc-probe.html"
    override.write_text("first {{ 1 + 1 }}", encoding="utf-8")
    first = config.theme.get_env()
    assert first.get_template("fc-probe.html").render() == "first 2"
    listed = first.list_templates()
    assert "partials/header.html" in listed  # Material's, from the kept listing
    override.write_text("second {{ 2 + 2 }}", encoding="utf-8")
    added = override.with_name("fc-added.html")
    added.write_text("added", encoding="utf-8")
    second = config.theme.get_env()
    assert second.get_template("fc-probe.html").render() == "second 4"
    assert "fc-added.html" in second.list_templates() and "fc-added.html" not in listed


def test_the_listing_is_what_jinja_lists_with_mkdocs_filter(tmp_path):
    project = copy_project(tmp_path / "p")
    plain = load_config(str(project / "mkdocs.yml"))
    kept = load_config(str(project / "mkdocs.yml"))
    theme_cache.keep(kept, tmp_path / "jinja")

    def wanted(name):
        return name.endswith(".html") and not name.startswith(".")

    expected = plain.theme.get_env().list_templates(filter_func=wanted)
    assert kept.theme.get_env().list_templates(filter_func=wanted) == expected
    assert kept.theme.get_env().list_templates(filter_func=wanted) == expected  # from the kept listing
    assert kept.theme.get_env().list_templates() == plain.theme.get_env().list_templates()


def test_compiled_templates_are_read_from_disk_by_the_next_process_and_refused_when_changed(tmp_path):
    project = copy_project(tmp_path / "p")
    override = project / "docs" / "overrides" / "fc-probe.html"
    override.write_text("first {{ 1 + 1 }}", encoding="utf-8")
    theme_cache.keep(load_config(str(project / "mkdocs.yml")), tmp_path / "jinja")
    config = load_config(str(project / "mkdocs.yml"))
    theme_cache.keep(config, tmp_path / "jinja")
    config.theme.get_env().get_template("fc-probe.html")
    assert len(list((tmp_path / "jinja").iterdir())) == 1
    theme_cache._kept.clear()  # as in a new process: only the disk holds the code
    fresh = load_config(str(project / "mkdocs.yml"))
    theme_cache.keep(fresh, tmp_path / "jinja")
    env = fresh.theme.get_env()
    compiled = []
    env.compile = lambda *a, **k: compiled.append(a) or jinja2.Environment.compile(env, *a, **k)
    assert env.get_template("fc-probe.html").render() == "first 2" and compiled == []
    override.write_text("second {{ 2 + 2 }}", encoding="utf-8")
    theme_cache._kept.clear()
    again = load_config(str(project / "mkdocs.yml"))
    theme_cache.keep(again, tmp_path / "jinja")
    assert again.theme.get_env().get_template("fc-probe.html").render() == "second 4"
