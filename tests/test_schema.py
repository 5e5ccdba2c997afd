"""The published schemas describe what import accepts."""

from __future__ import annotations

import json

import jsonschema

from provenance.export import EXPORT_COLUMNS
from provenance.ingest.readers import load_yaml
from provenance.ingest.records import CSV_COLUMNS, EXTRA_COLUMNS, READONLY_COLUMNS
from tests.helpers import FIXTURE, ROOT


def test_fixture_matches_the_nested_json_schema() -> None:
    schema = json.loads((ROOT / "schema" / "provenance.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(load_yaml(FIXTURE), schema)


def test_schema_rejects_an_unknown_field() -> None:
    schema = json.loads((ROOT / "schema" / "provenance.schema.json").read_text(encoding="utf-8"))
    bad = {"claims": [{"text": "x", "attributions": [{"source": "s"}], "categroy": "other"}]}
    assert not jsonschema.Draft202012Validator(schema).is_valid(bad)


def test_table_schema_lists_every_csv_column_in_export_order() -> None:
    table = json.loads((ROOT / "schema" / "attributions.schema.json").read_text(encoding="utf-8"))
    names = [f["name"] for f in table["fields"]]
    assert names == list(CSV_COLUMNS + EXTRA_COLUMNS + READONLY_COLUMNS) == list(EXPORT_COLUMNS)
    required = [f["name"] for f in table["fields"] if f.get("constraints", {}).get("required")]
    assert required == ["source"]
