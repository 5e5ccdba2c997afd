"""One text column read by PostgreSQL's COPY: the values come back exactly, whatever
characters they hold."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, create_engine, text

from provenance import bulk
from provenance.bulk import copied_text, copy_text_values
from provenance.db import resolve_url
from tests.conftest import PG_URL

TRICKY = (
    "back\\slash, \\n not a newline, \\N, \\\\two, tab\there, cr\rcrlf\r\nform\ffeed, "
    'vertical\vtab, back\bspace, é ß Ж 中 😀, "quoted", end\\'
)
"""Every character COPY's text format escapes, and the sequences its escapes are made
of, written as plain text."""

PIECES = st.sampled_from(
    ["\\", "\\n", "\\N", "\\\\", "\n", "\r", "\t", "\b", "\f", "\v", "é", "😀"]
)
CHARS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
VALUES = st.lists(st.one_of(PIECES, st.text(CHARS, max_size=5)), max_size=8).map("".join)
"""Texts PostgreSQL can store (no NUL), rich in what its COPY escapes."""


def documented_escape(value: str) -> bytes:
    """One row of one text column as the PostgreSQL manual says COPY TO writes it in
    text format: a backslash doubled; backspace, form feed, newline, carriage return,
    tab (the delimiter) and vertical tab as ``\\b \\f \\n \\r \\t \\v``; everything else
    as it is; then a newline."""
    named = {"\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    named["\v"] = "\\v"
    return ("".join(named.get(c, c) for c in value) + "\n").encode()


@given(st.lists(VALUES, max_size=6))
def test_copy_text_values_reads_back_what_the_documented_escaping_writes(
    values: list[str],
) -> None:
    written = b"".join(documented_escape(v) for v in values)
    assert copy_text_values(written) == (len(values), "".join(values).encode())


def test_the_tricky_text_is_read_back() -> None:
    lines = [TRICKY, TRICKY + "\n", "\\", "\\N"]
    written = b"".join(documented_escape(v) for v in lines)
    assert b"\\\\N" in written and b"\\v" in written and b"\\b" in written
    assert copy_text_values(written) == (4, "".join(lines).encode())


postgres_only = pytest.mark.skipif(
    PG_URL is None, reason="PostgreSQL only (PROVENANCE_TEST_DATABASE_URL)"
)


@pytest.fixture(scope="module")
def pg_values() -> Iterator[Callable[[list[str]], Connection]]:
    """A function that puts values into a temporary table ``v`` (``i``, ``t``) on a
    PostgreSQL connection, in a transaction rolled back after each use."""
    engine = create_engine(resolve_url(PG_URL or ""))
    conn = engine.connect()

    def fill(values: list[str]) -> Connection:
        if conn.in_transaction():
            conn.rollback()
        conn.exec_driver_sql("CREATE TEMP TABLE v (i INTEGER NOT NULL, t TEXT NOT NULL)")
        if values:
            conn.execute(
                text("INSERT INTO v (i, t) VALUES (:i, :t)"),
                [{"i": i, "t": t} for i, t in enumerate(values)],
            )
        return conn

    try:
        yield fill
    finally:
        conn.close()
        engine.dispose()


@postgres_only
@settings(max_examples=60, deadline=None)
@given(values=st.lists(VALUES, max_size=12), batch=st.integers(1, 40))
def test_copied_text_gives_back_what_postgresql_stores(
    pg_values: Callable[[list[str]], Connection], values: list[str], batch: int
) -> None:
    """Against the server itself, in batches of every size (whole rows each)."""
    conn = pg_values(values)
    stored = [r[0] for r in conn.execute(text("SELECT t FROM v ORDER BY i"))]
    assert stored == values
    with mock.patch.object(bulk, "COPY_BYTES", batch):
        batches = list(copied_text(conn, "SELECT t FROM v ORDER BY i", {}))
    assert sum(n for n, _ in batches) == len(values)
    assert b"".join(data for _, data in batches) == "".join(values).encode()
    assert all(n > 0 for n, _ in batches)


@postgres_only
def test_copied_text_binds_parameters_and_keeps_percent_signs(
    pg_values: Callable[[list[str]], Connection],
) -> None:
    conn = pg_values(["a%s", "b%%", TRICKY, "d"])
    sql = "SELECT t || '%' FROM v WHERE i IN :chosen AND t <> :not ORDER BY i"
    batches = list(copied_text(conn, sql, {"chosen": [0, 1, 2], "not": "b%%"}))
    assert batches == [(2, f"a%s%{TRICKY}%".encode())]
    assert list(copied_text(conn, "SELECT t || '%' FROM v WHERE i = 3", {})) == [(1, b"d%")]
