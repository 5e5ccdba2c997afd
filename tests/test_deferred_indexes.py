"""A large import builds the secondary indexes of the tables it fills after the load:
they are dropped and built again inside the import's transaction, so a finished import
has them as before and a failed one never lost them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, inspect

from provenance import bulk
from provenance.audit import check
from provenance.db import open_session
from provenance.errors import InputError
from provenance.ingest import LOADED_TABLES
from tests.helpers import count, row, write_csv
from tests.test_import import run_import


def _indexes(db: str) -> list[tuple[str, str, tuple[Any, ...], bool]]:
    with open_session(db) as session:
        insp = inspect(session.connection())
        return sorted(
            (t, str(i["name"]), tuple(i["column_names"]), bool(i["unique"]))
            for t in LOADED_TABLES
            for i in insp.get_indexes(t)
        )


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Every statement sent to the database while the test runs."""
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def _rows(n: int) -> list[dict[str, Any]]:
    return [
        row(claim_key=f"c{i}", claim=f"Claim number {i}", url=f"https://e.org/{i}")
        for i in range(n)
    ]


def _drops(statements: list[str]) -> list[str]:
    return sorted(
        s.split()[-1].split(".")[-1].strip('"') for s in statements if s.startswith("DROP INDEX")
    )


def test_a_large_import_into_a_small_table_builds_indexes_after_the_load(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statements: list[str]
) -> None:
    run_import(db_url, write_csv(tmp_path / "first.csv", _rows(3)))
    before = _indexes(db_url)
    secondary = sorted(name for _, name, _, unique in before if not unique)
    assert "ix_attribution_claim_id" in secondary
    monkeypatch.setattr(bulk, "DEFER_MIN_ROWS", 1)
    statements.clear()
    report = run_import(db_url, write_csv(tmp_path / "more.csv", _rows(40)))
    assert report.counts.attributions == 37
    assert _drops(statements) == secondary
    assert _indexes(db_url) == before
    with open_session(db_url) as session:
        assert check(session).problems == []


def test_a_failed_large_import_keeps_the_indexes_and_writes_nothing(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statements: list[str]
) -> None:
    run_import(db_url, write_csv(tmp_path / "first.csv", _rows(3)))
    before = _indexes(db_url)
    monkeypatch.setattr(bulk, "DEFER_MIN_ROWS", 1)
    rows = _rows(40)
    rows[30]["as_of"] = "2024-02-30"
    statements.clear()
    with pytest.raises(InputError):
        run_import(db_url, write_csv(tmp_path / "bad.csv", rows))
    assert _drops(statements)
    assert _indexes(db_url) == before
    assert count(db_url, "attribution") == 3
    with open_session(db_url) as session:
        assert check(session).problems == []


def test_an_import_smaller_than_the_table_keeps_its_indexes_up_to_date(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, statements: list[str]
) -> None:
    run_import(db_url, write_csv(tmp_path / "first.csv", _rows(40)))
    more = write_csv(tmp_path / "more.csv", _rows(45))
    monkeypatch.setattr(bulk, "DEFER_MIN_ROWS", 1)
    # taken for about 10 rows: fewer than the 40 stored
    monkeypatch.setattr("provenance.ingest.BYTES_PER_ROW", more.stat().st_size // 10 + 1)
    statements.clear()
    run_import(db_url, more)
    assert _drops(statements) == []
    assert count(db_url, "attribution") == 45
