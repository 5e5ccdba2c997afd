"""Columns provenance has no field for are kept with their report and exported back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from provenance.ingest.columns import read_header
from provenance.ingest.records import Loc

HEADER = "claim,source,Date,Notes,Page Ref\n"
ROWS = "Troops crossed,ISW,2024-11-16,checked twice,12\nTanks lost,Oryx,2024-11-17,,3\n"
TROOPS = "troops-crossed-873df50c"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_columns_are_kept_with_one_warning_each(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "a.csv", HEADER + ROWS)
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"warning: {path}:1: Notes: unknown column kept as an extra field\n"
        f"warning: {path}:1: Page Ref: unknown column kept as an extra field\n"
    )
    shown = cli("show", TROOPS)
    assert shown.stdout.splitlines()[4:7] == [
        "└── ISW (other, named) asserts  [reliability F, credibility 6]",
        "    ├── Notes: checked twice",
        "    └── Page Ref: 12",
    ]
    data = json.loads(cli("show", TROOPS, "--format", "json").stdout)
    assert data["attributions"][0]["extra"] == {"Notes": "checked twice", "Page Ref": "12"}


def test_export_writes_them_back_and_a_reimport_is_exact(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("import", str(write(tmp_path / "a.csv", HEADER + ROWS)))
    first = tmp_path / "first.csv"
    assert cli("export", "-o", str(first)).exit_code == 0
    header, tanks, troops = first.read_text(encoding="utf-8").splitlines()
    assert header.endswith(",reports,origins,named_origins,Notes,Page Ref")
    assert tanks.endswith(",1,1,1,,3") and troops.endswith(",1,1,1,checked twice,12")
    records = json.loads(cli("export", "--format", "json").stdout)
    assert [r["extra"] for r in records] == [
        {"Page Ref": "3"},
        {"Notes": "checked twice", "Page Ref": "12"},
    ]
    again = cli("import", str(first))
    assert "(2 already present)" in again.stdout
    second = tmp_path / "second.csv"
    cli("export", "-o", str(second))
    assert second.read_bytes() == first.read_bytes()


def test_empty_database_round_trip_is_byte_identical(
    cli, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    cli("import", str(write(tmp_path / "a.csv", HEADER + ROWS)))
    first = tmp_path / "first.csv"
    cli("export", "-o", str(first))
    monkeypatch.setenv("PROVENANCE_DB", str(tmp_path / "empty.db"))
    assert cli("import", str(first)).exit_code == 0
    second = tmp_path / "second.csv"
    cli("export", "-o", str(second))
    assert second.read_bytes() == first.read_bytes()


def test_a_different_value_is_an_error_and_an_empty_one_is_filled_in(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("import", str(write(tmp_path / "a.csv", HEADER + ROWS)))
    changed = write(tmp_path / "b.csv", HEADER + "Troops crossed,ISW,2024-11-16,checked once,12\n")
    refused = cli("import", str(changed))
    assert refused.exit_code == 3
    assert refused.stderr.splitlines()[-1] == (
        f"{changed}:2: Notes: 'checked once' differs from the stored 'checked twice' "
        f"of the report of claim {TROOPS!r} by 'isw'"
    )
    filled = write(tmp_path / "c.csv", HEADER + "Tanks lost,Oryx,2024-11-17,seen,3\n")
    result = cli("import", str(filled))
    assert result.stdout.rsplit(";", 1)[0] == (
        "imported 0 claims, 0 attributions, 0 sources, 0 documents "
        "(1 already present, 1 fields filled in)"
    )
    log = json.loads(cli("log", "--format", "json").stdout)
    fill = [e for e in log if e["action"] == "fill_in_extra"]
    assert [(e["entity"], e["after"]) for e in fill] == [
        ("attribution", {"extra": {"Notes": "seen"}})
    ]
    assert cli("check").exit_code == 0
    undo = cli("undo", str(fill[0]["event"]))
    assert undo.exit_code == 2
    assert undo.stderr == (
        "error: a 'fill_in_extra' event cannot be undone; extra fields are kept as given, "
        "and the event records what was added\n"
    )


def test_check_catches_an_extra_value_changed_behind_its_back(
    cli, db_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.test_edits import tamper

    cli("import", str(write(tmp_path / "a.csv", HEADER + ROWS)))
    tamper(db_url, "UPDATE attribution_extra SET value = 'forged' WHERE name = 'Notes'")
    result = cli("check")
    assert result.exit_code == 7
    assert "attribution_extra 1:Notes differs from what event 1 wrote" in result.output


def test_a_near_miss_of_a_column_is_still_an_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "t.csv", "claim,source,catgory,Sources\nx,y,other,z\n")
    result = cli("import", str(path))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[1:] == [
        f"{path}:1: catgory: unknown column (did you mean 'category'?)",
        f"{path}:1: Sources: unknown column (did you mean 'source'?)",
    ]


def test_headings_that_are_one_extra_field_twice_are_refused() -> None:
    header = read_header(["claim", "source", "Notes", "notes "], Loc("f", 1), {}, False)
    assert [str(p) for p in header.problems] == [
        "f:1: Notes: column appears more than once (headings differing only in case or spacing)",
        "f:1: notes: column appears more than once (headings differing only in case or spacing)",
    ]


def test_yaml_attributions_take_an_extra_mapping(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path / "x.yaml",
        "claims:\n"
        "  - text: Troops crossed\n"
        "    attributions:\n"
        "      - source: ISW\n"
        "        extra: {Notes: checked twice, Page Ref: '12'}\n",
    )
    sources = write(tmp_path / "s.yaml", "sources:\n  - name: ISW\n")
    result = cli("import", str(sources), str(path))
    assert result.exit_code == 0, result.output
    records = json.loads(cli("export", "--format", "json").stdout)
    assert records[0]["extra"] == {"Notes": "checked twice", "Page Ref": "12"}


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ("{Date: x}", "'Date' would be read back as column 'as_of'; give it as that field"),
        ("{Page: [1]}", "'Page' must be text, not a list"),
        ("[a]", "expected a mapping of names to text, not a list"),
    ],
)
def test_yaml_extra_fields_that_cannot_round_trip_are_refused(
    cli, tmp_path: Path, extra: str, reason: str
) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path / "x.yaml",
        "sources:\n  - name: ISW\n"
        "claims:\n"
        "  - text: Troops crossed\n"
        "    attributions:\n"
        "      - source: ISW\n"
        f"        extra: {extra}\n",
    )
    result = cli("import", str(path))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[1:] == [f"{path}:7: extra: {reason}"]


def test_the_extra_table_is_in_the_schema(
    cli, db_url: str, tmp_path: Path, is_postgres: bool
) -> None:  # type: ignore[no-untyped-def]
    cli("import", str(write(tmp_path / "a.csv", HEADER + ROWS)))
    if is_postgres:
        return
    rows = (
        sqlite3.connect(db_url)
        .execute(
            "SELECT attribution_id, name, value, batch_id FROM attribution_extra ORDER BY 1, 2"
        )
        .fetchall()
    )
    assert rows == [
        (1, "Notes", "checked twice", 1),
        (1, "Page Ref", "12", 1),
        (2, "Page Ref", "3", 1),
    ]
