"""Published addresses never break: renaming a claim without a redirect fails the build;
declaring the old slug makes the old address redirect. And generation is deterministic."""

from __future__ import annotations

import datetime as dt
import logging
import re

import pytest
from bs4 import BeautifulSoup
from factcheck import cli
from factcheck.model import build_model
from factcheck.site import render_all
from factcheck.validate import check_tree
from mkdocs.exceptions import Abort

from sitebuild import ROOT, build_site, copy_project

OLD, NEW = "black-mirror-nosedive", "nosedive-comparison"


def _rename(project, former: bool):
    old = project / "claims" / f"{OLD}.yaml"
    text = old.read_text(encoding="utf-8").replace(
        f"slug: {OLD}\n", f"slug: {NEW}\n" + (f"former_slugs: [{OLD}]\n" if former else "")
    )
    (project / "claims" / f"{NEW}.yaml").write_text(text, encoding="utf-8")
    old.unlink()


def test_renaming_a_claim_without_a_redirect_fails_the_build(tmp_path, caplog):
    project = copy_project(tmp_path / "p")
    assert f"[{OLD}]" in (project / "published.yaml").read_text(encoding="utf-8")
    _rename(project, former=False)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project)
    assert (
        f"claims/{NEW}.yaml:3: slug: /claims/{OLD}/ was published for claim 6 and would disappear; "
        f"if this claim was renamed, add `former_slugs: [{OLD}]`"
    ) in caplog.text
    assert not (project / "site").exists()


def test_renaming_with_former_slugs_redirects_the_old_address(tmp_path):
    project = copy_project(tmp_path / "p")
    _rename(project, former=True)
    assert cli.main(["--root", str(project), "addresses"]) == 0  # as CONTRIBUTING says
    assert f"6: [{OLD}, {NEW}]" in (project / "published.yaml").read_text(encoding="utf-8")
    site = build_site(project)
    assert (site / "claims" / NEW / "index.html").exists()
    old = BeautifulSoup((site / "claims" / OLD / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert old.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url=../../claims/{NEW}/"
    assert old.find("a")["href"] == f"../../claims/{NEW}/"


def test_generation_is_deterministic():
    records, problems = check_tree(ROOT)
    assert not [p for p in problems if p.severity == "error"]
    first, second = render_all(build_model(records)), render_all(build_model(check_tree(ROOT)[0]))
    assert first == second
    # No clock reading either (the records' own texts may quote times of day, in excerpts).
    stamp = re.compile(rf"{dt.date.today().isoformat()}[T ]\d{{2}}:\d{{2}}")
    assert not any(stamp.search(text) for name, text in first.items() if name.endswith(".md"))
