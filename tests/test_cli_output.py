"""What the commands print, exactly: markup-looking text stays text, every listed
format is honoured, lists are JSON arrays in every JSON format."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.cli.common import dumps, write_json_list
from tests.helpers import row, write_csv


def _bracketed(cli: Any, tmp_path: Path) -> None:
    data = write_csv(
        tmp_path / "b.csv",
        [
            row(
                claim_key="brackets",
                claim="[bold]x[/] said [F] of 60,000 troops",
                source="[bold]x[/]",
                source_kind="official",
                source_named="true",
                source_affiliation="[F] unit",
                quote="[F] close to 60,000 troops",
                via="[red]relay[/red]",
            )
        ],
    )
    assert cli("import", str(data)).exit_code == 0


def test_markup_in_stored_text_is_printed_as_written(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _bracketed(cli, tmp_path)
    shown = cli("show", "brackets").output
    assert "[bold]x[/] said [F] of 60,000 troops" in shown
    assert "[bold]x[/] (official, named, [F] unit) asserts  [reliability F, credibility 6]" in shown
    assert "via [red]relay[/red]" in shown
    assert "“[F] close to 60,000 troops”" in shown
    listed = cli("claims").output
    assert "[bold]x[/]" in listed and "[F]" in listed
    assert "[bold]x[/]" in cli("sources").output
    assert "[F] unit" in cli("sources").output


def test_show_prints_the_grades(cli: Any, fixture_db: str) -> None:
    out = cli("show", "russia-concentrated-60000-troops-kursk").output
    assert "asserts  [reliability F, credibility 3]" in out


def test_show_honours_every_format_it_lists(cli: Any, fixture_db: str) -> None:
    key = "russia-concentrated-60000-troops-kursk"
    pretty = cli("show", key, "--format", "json").output
    line = cli("show", key, "--format", "jsonl").output
    assert json.loads(pretty) == json.loads(line)
    assert line.count("\n") == 1 and pretty.count("\n") > 10
    assert cli("show", key, "--format", "csv").exit_code == 2


def test_export_lists_are_json_arrays(cli: Any, fixture_db: str) -> None:
    key = "russia-concentrated-60000-troops-kursk"
    for fmt in ("json", "jsonl"):
        out = cli("export", "--format", fmt).output
        records = json.loads(out) if fmt == "json" else [json.loads(x) for x in out.splitlines()]
        mine = next(r for r in records if r["claim_key"] == key)
        assert mine["via"] == ["Reuters", "Daily Express"]
        assert mine["via_keys"] == ["reuters", "daily-express"]
        assert mine["hedges"] == ["indicated"]
        assert all(isinstance(r["hedges"], list) and isinstance(r["via"], list) for r in records)
    csv_line = next(x for x in cli("export").output.splitlines() if x.startswith(key))
    assert "Reuters; Daily Express" in csv_line


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_JSON_VALUES, max_size=4))
def test_a_streamed_json_list_is_the_list_dumped_whole(items: list[Any]) -> None:
    out = io.StringIO()
    write_json_list(iter(items), out)
    assert out.getvalue() == dumps(items) + "\n"
    assert json.loads(out.getvalue()) == items
