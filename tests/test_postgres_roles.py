"""The README's PostgreSQL roles work: readers read, writers write, nobody deletes."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text

from provenance.db import open_session, resolve_url
from provenance.errors import DatabaseError
from provenance.query import ClaimFilter, find_claims
from tests.conftest import PG_URL
from tests.helpers import FIXTURE
from tests.test_import import run_import

pytestmark = pytest.mark.skipif(
    PG_URL is None, reason="PostgreSQL only (PROVENANCE_TEST_DATABASE_URL)"
)


def _as(url: str, user: str) -> str:
    scheme, rest = url.split("://", 1)
    host = rest.split("@", 1)[-1]
    return f"{scheme}://{user}@{host}"


def test_reader_and_writer_roles(db_url: str) -> None:
    run_import(db_url, FIXTURE)  # the owner creates the schema
    schema = db_url.rsplit("%3D", 1)[1]
    suffix = uuid.uuid4().hex[:8]
    reader, writer = f"prov_reader_{suffix}", f"prov_writer_{suffix}"
    admin = create_engine(resolve_url(PG_URL or ""))
    grants = [
        f"CREATE ROLE {writer} LOGIN",
        f"GRANT USAGE ON SCHEMA {schema} TO {writer}",
        f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA {schema} TO {writer}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {writer}",
        f"CREATE ROLE {reader} LOGIN",
        f"GRANT USAGE ON SCHEMA {schema} TO {reader}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {reader}",
    ]
    with admin.begin() as conn:
        for statement in grants:
            conn.exec_driver_sql(statement)
    try:
        reader_url, writer_url = _as(db_url, reader), _as(db_url, writer)
        with open_session(reader_url) as session:
            assert len(find_claims(session, ClaimFilter())) == 22
        with pytest.raises(DatabaseError, match="permission denied"):
            run_import(reader_url, FIXTURE.parent / "example_attributions.csv")
        run_import(writer_url, FIXTURE.parent / "example_attributions.csv")
        with (
            pytest.raises(DatabaseError, match="permission denied"),
            open_session(writer_url, write=True) as s,
        ):
            s.connection().execute(text("DELETE FROM claim"))
        with open_session(reader_url) as session:
            assert len(find_claims(session, ClaimFilter())) == 26
    finally:
        with admin.begin() as conn:
            for role in (reader, writer):
                conn.exec_driver_sql(f"DROP OWNED BY {role}")
                conn.exec_driver_sql(f"DROP ROLE {role}")
        admin.dispose()
