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
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in DATA_TABLES}
    finally:
        conn.close()


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
    assert sqlite3.connect(db).execute(
        "SELECT value FROM meta WHERE key = 'schema_version'"
    ).fetchone() == (str(LATEST_VERSION),)
    assert {c.status for c in claims} == {"active", "merged", "retracted"}


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
