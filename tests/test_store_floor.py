"""The benchmark of the floor under any import stores every row an import stored."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from benchmarks.store_floor import store_floor, store_floor_postgres
from tests.conftest import PG_URL


def test_the_floor_copies_every_row_both_ways(fixture_db: str, tmp_path: Path) -> None:
    if PG_URL:
        schema = unquote(parse_qs(urlsplit(fixture_db).query)["options"][0]).split("=")[1]
        result = store_floor_postgres(PG_URL, source_schema=schema)
        ways = ("copy", "insert-select")
    else:
        result = store_floor(Path(fixture_db.removeprefix("sqlite:///")), tmp_path)
        ways = ("executemany", "insert-select")
        assert list(tmp_path.glob("floor-*")) == []
    assert result["attributions"] == 26
    assert result["tables"]["claim"] == 22
    assert result["rows"] == sum(result["tables"].values())
    for how in ways:
        assert result[how]["seconds"] > 0
        assert set(result[how]["table_seconds"]) >= {"claim", "attribution", "(commit)"}
