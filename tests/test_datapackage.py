"""The downloads are a valid Frictionless Data Package: claims.csv matches its Table Schema,
claims.json its JSON Schema, and claims.json carries content, not the site's bookkeeping."""

from __future__ import annotations

import json

import jsonschema
from frictionless import Package


def test_data_package_validates_with_frictionless(built_site):
    for edition in ("", "nl/"):
        report = Package(str(built_site / edition / "data" / "datapackage.json")).validate()
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_claims_json_matches_its_schema_and_has_no_bookkeeping(built_site):
    data_dir = built_site / "data"
    data = json.loads((data_dir / "claims.json").read_text(encoding="utf-8"))
    schema = json.loads((data_dir / "claims.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert len(data["claims"]) >= 37
    assert "nl_source" not in (data_dir / "claims.json").read_text(encoding="utf-8")
    assert data["claims"][0]["claim"].keys() <= {"en", "nl"}


def test_a_broken_csv_fails_the_package(built_site, tmp_path):
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(built_site / "data", copy)
    rows = (copy / "claims.csv").read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace(",false,", ",wrong,", 1) if ",false," in rows[1] else rows[1].replace(",", ",x", 1)
    (copy / "claims.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert not Package(str(copy / "datapackage.json")).validate().valid
