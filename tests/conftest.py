"""Every test gets its own database, chosen through PROVENANCE_DB as the CLI would.

With PROVENANCE_TEST_DATABASE_URL set (a PostgreSQL URL), each test gets a fresh schema
on that server instead of a SQLite file; an unreachable server is an error, not a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import FIXTURE

PG_URL = os.environ.get("PROVENANCE_TEST_DATABASE_URL")


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("PROVENANCE_REQUIRE_POSTGRES") and not PG_URL:
        raise pytest.UsageError(
            "PROVENANCE_REQUIRE_POSTGRES is set but PROVENANCE_TEST_DATABASE_URL is not"
        )


def pytest_report_header() -> str:
    return f"provenance backend: {'postgresql' if PG_URL else 'sqlite'}"


def _pg_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if PG_URL:
        from sqlalchemy import create_engine

        from provenance.db import resolve_url

        schema = f"t_{uuid.uuid4().hex[:12]}"
        admin = create_engine(resolve_url(PG_URL))
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        url = _pg_schema_url(PG_URL, schema)
        monkeypatch.setenv("PROVENANCE_DB", url)
        try:
            yield url
        finally:
            with admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
            admin.dispose()
    else:
        path = str(tmp_path / "provenance.db")
        monkeypatch.setenv("PROVENANCE_DB", path)
        yield path


@pytest.fixture
def is_postgres() -> bool:
    return PG_URL is not None


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner: CliRunner, db_url: str):  # type: ignore[no-untyped-def]
    """Run the CLI against this test's database; returns the Result."""
    from provenance.cli import app

    def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def fixture_db(cli, db_url: str) -> str:  # type: ignore[no-untyped-def]
    result = cli("import", str(FIXTURE))
    assert result.exit_code == 0, result.output
    return db_url
