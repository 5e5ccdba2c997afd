"""Schema upgrades keep every row; a newer database refuses writes from an older release.

tests/golden/release-0.1.0.db was written by the first release (schema version 1):
the fixture and the example CSV imported, a merge, an edit, a review and a retraction.
It must open and upgrade under every later release with every row intact.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from provenance.audit import check
from provenance.db import LATEST_VERSION, open_session
from provenance.errors import SchemaTooNewError
from provenance.query import ClaimFilter, find_claims
from tests.helpers import ROOT

GOLDEN = ROOT / "tests" / "golden" / "release-0.1.0.db"
DATA_TABLES = (
    "source",
    "source_alias",
    "document",
    "claim",
    "attribution",
    "relay",
    "review",
    "event",
    "import_batch",
)


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every first-release table, in the first release's columns."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for t in DATA_TABLES:
            columns = [c for (_, c, *_rest) in conn.execute(f"PRAGMA table_info({t})")]
            kept = [c for c in columns if c not in ADDED_COLUMNS.get(t, ())]
            out[t] = conn.execute(f"SELECT {', '.join(kept)} FROM {t} ORDER BY 1").fetchall()
        return out
    finally:
        conn.close()


ADDED_COLUMNS = {"event": ("rows_digest", "hash")}  # by later migrations


def version(path: Path) -> int:
    row = (
        sqlite3.connect(path)
        .execute("SELECT value FROM meta WHERE key = 'schema_version'")
        .fetchone()
    )
    return int(row[0])


def test_the_golden_database_is_at_the_first_release_schema() -> None:
    assert version(GOLDEN) == 1 < LATEST_VERSION


def test_every_migration_keeps_every_row_of_the_first_release(tmp_path: Path) -> None:
    """Upgrade one migration at a time; after each, every old row is still there."""
    from sqlalchemy import create_engine

    from provenance.db import MIGRATIONS, set_schema_version

    db = tmp_path / "old.db"
    shutil.copy(GOLDEN, db)
    before = rows(db)
    engine = create_engine(f"sqlite:///{db}")
    try:
        for number, name, step in MIGRATIONS[1:]:
            with engine.begin() as conn:
                step(conn)
                set_schema_version(conn, number)
            after = rows(db)
            for table in DATA_TABLES:
                assert after[table][: len(before[table])] == before[table], (name, table)
            assert version(db) == number
    finally:
        engine.dispose()


def test_the_first_release_database_upgrades_with_every_row_intact(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(GOLDEN, db)
    before = rows(db)
    with open_session(str(db), write=True) as session:
        report = check(session)
        claims = find_claims(session, ClaimFilter(status=None))
    assert report.problems == []
    after = rows(db)
    for table in DATA_TABLES:
        assert after[table][: len(before[table])] == before[table], table
    assert version(db) == LATEST_VERSION
    assert {c.status for c in claims} == {"active", "merged", "retracted"}
    conn = sqlite3.connect(db)
    (baseline,) = conn.execute("SELECT id FROM event WHERE action = 'baseline'").fetchall()
    assert baseline[0] == len(before["event"]) + 1  # after every event of the old history
    digested = conn.execute("SELECT COUNT(*) FROM row_digest WHERE event_id = ?", baseline)
    old_rows = sum(len(before[t]) for t in DATA_TABLES if t != "event")
    assert digested.fetchone()[0] == old_rows
    assert conn.execute("SELECT COUNT(*) FROM event WHERE hash IS NULL").fetchone() == (0,)
    conn.close()


def test_a_row_of_the_old_history_changed_after_the_upgrade_is_caught(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(GOLDEN, db)
    with open_session(str(db), write=True) as session:
        assert check(session).problems == []
    conn = sqlite3.connect(db)
    conn.execute("UPDATE claim SET text = text || ' (edited)' WHERE id = 1")
    conn.commit()
    conn.close()
    with open_session(str(db)) as session:
        problems = check(session).problems
    assert any("claim 1 differs from what event" in p for p in problems), problems


def test_check_does_not_repair_a_schema_version_set_to_zero(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    from tests.test_edits import tamper

    tamper(fixture_db, "UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    first = cli("check")
    assert first.exit_code == 7
    assert f"problem: schema version: schema version 0, expected {LATEST_VERSION}" in first.output
    assert cli("check").exit_code == 7  # still 0: check did not migrate it


def test_a_newer_database_is_read_but_never_written(db_url: str, tmp_path: Path) -> None:
    from tests.helpers import FIXTURE
    from tests.test_edits import tamper
    from tests.test_import import run_import

    run_import(db_url, FIXTURE)
    tamper(db_url, f"UPDATE meta SET value = '{LATEST_VERSION + 1}' WHERE key = 'schema_version'")
    with open_session(db_url) as session:
        assert len(find_claims(session, ClaimFilter())) == 22
    with pytest.raises(SchemaTooNewError, match="newer than this release"):
        run_import(db_url, FIXTURE)


def test_cli_reports_a_too_new_schema_with_exit_6(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    from tests.test_edits import tamper

    tamper(fixture_db, "UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    result = cli("retract", "ukraine-holds-309-sq-mi", "--reason", "x")
    assert result.exit_code == 6 and "schema version 999" in result.output
    assert cli("claims", "-n", "1").exit_code == 0
