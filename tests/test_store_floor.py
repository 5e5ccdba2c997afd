"""The benchmark of the floor under any import stores every row an import stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.store_floor import store_floor
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(PG_URL is not None, reason="the floor is measured on SQLite files")


def test_the_floor_copies_every_row_both_ways(fixture_db: str, tmp_path: Path) -> None:
    source = Path(fixture_db.removeprefix("sqlite:///"))
    result = store_floor(source, tmp_path)
    assert result["attributions"] == 26
    assert result["tables"]["claim"] == 22
    assert result["rows"] == sum(result["tables"].values())
    for how in ("executemany", "insert-select"):
        assert result[how]["mb"] > 0
        assert set(result[how]["table_seconds"]) >= {"claim", "attribution", "(commit)"}
    assert list(tmp_path.glob("floor-*")) == []
