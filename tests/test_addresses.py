"""The deploy keeps every address the live site serves: the build lists its addresses in
/data/addresses.json, and compare-addresses refuses a new build that drops one. Tested
with two builds, as the deploy workflow compares the live list with the new one."""

from __future__ import annotations

import json
import shutil

from factcheck import cli

from sitebuild import build_site, copy_project

RENAMED_FROM, RENAMED_TO = "black-mirror-nosedive", "nosedive-comparison"


def _rename(project):
    old = project / "claims" / f"{RENAMED_FROM}.yaml"
    text = old.read_text(encoding="utf-8").replace(
        f"slug: {RENAMED_FROM}\n", f"slug: {RENAMED_TO}\nformer_slugs: [{RENAMED_FROM}]\n"
    )
    (project / "claims" / f"{RENAMED_TO}.yaml").write_text(text, encoding="utf-8")
    old.unlink()
    assert cli.main(["--root", str(project), "addresses"]) == 0


def test_two_builds_compared_as_the_deploy_does(tmp_path, capsys):
    project = copy_project(tmp_path / "p")
    first = build_site(project)
    listed = json.loads((first / "data" / "addresses.json").read_text(encoding="utf-8"))["addresses"]
    assert f"/claims/{RENAMED_FROM}/" in listed and "/c/6/" in listed
    assert "/nl/claims/black-mirror-nosedive/" in listed and "/about/" in listed
    previous = tmp_path / "previous.json"
    shutil.copy(first / "data" / "addresses.json", previous)

    # A rename with former_slugs keeps the old address, as a redirect: the deploy goes ahead.
    shutil.rmtree(first)
    _rename(project)
    second = build_site(project)
    assert cli.main(["compare-addresses", str(previous), str(second / "data" / "addresses.json")]) == 0
    assert "previously published addresses are still served" in capsys.readouterr().out

    # A hand-written page removed without a redirect passes the record checks, but not the deploy.
    shutil.rmtree(second)
    (project / "docs" / "about.md").unlink()
    (project / "docs" / "nl" / "about.md").unlink()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("  - About: about.md\n", ""), encoding="utf-8")
    nl_config = (project / "mkdocs.nl.yml").read_text(encoding="utf-8")
    (project / "mkdocs.nl.yml").write_text(nl_config.replace("  - Over deze site: about.md\n", ""), encoding="utf-8")
    third = build_site(project)
    assert cli.main(["compare-addresses", str(previous), str(third / "data" / "addresses.json")]) == 1
    err = capsys.readouterr().err
    assert "/about/: served by the previous deployment, missing now" in err
    assert "/nl/about/: served by the previous deployment, missing now" in err
    assert "would disappear" in err
