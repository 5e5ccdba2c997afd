"""Stored export lines read by PostgreSQL's COPY: the values come back exactly,
whatever characters they hold, and an export read that way is, byte for byte, the
SQLite export and the export rendered row by row."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, create_engine, text

from provenance import bulk
from provenance import export as export_module
from provenance.bulk import copied_text, copy_text_values
from provenance.db import open_session, resolve_url
from provenance.edits import merge_source, retract
from provenance.export import export, write_rows
from provenance.query import ClaimFilter
from tests.conftest import PG_URL
from tests.helpers import row, write_csv
from tests.test_export_lines import import_file, is_current, rendered

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


# --- exports -----------------------------------------------------------------------------


def tricky_database(db: str, tmp_path: Path) -> None:
    """Reports holding every escaped character, in quoted multi-line cells and in cells
    export neutralises; a merged source; a retracted claim, whose source only the
    merged one points at once it is left out."""
    rows = [
        row(
            claim_key="k-tricky",
            claim="Claim " + TRICKY,
            subject="=SUM(A1) " + TRICKY,
            quote="\t=cmd " + TRICKY,
            document_title="T\\" + TRICKY,
            source="Source \\N " + TRICKY,
            source_affiliation="+" + TRICKY,
            url="https://example.org/tricky",
        ),
        row(
            claim_key="k-plain",
            claim="A second claim, plain\nover two lines.",
            source="Kept source",
            quote="-1 " + TRICKY,
            url="https://example.org/plain",
        ),
        row(
            claim_key="k-gone",
            claim="A claim retracted later.",
            source="Target source",
            url="https://example.org/gone",
        ),
    ]
    import_file(db, write_csv(tmp_path / "tricky.csv", rows))
    who = {"actor": "t", "command": "t"}
    with open_session(db, write=True) as session:
        merge_source(session, "target-source", "kept-source", reason="same\\n\tone", **who)
    with open_session(db, write=True) as session:
        retract(session, "k-gone", reason="gone\r\n\\", **who)
    assert is_current(db)


def file_export(db: str, path: Path, f: ClaimFilter) -> tuple[bytes, int, int]:
    """The file's bytes, the rows the export counted and its progress calls."""
    calls: list[None] = []
    with open_session(db) as session:
        report = export(session, f, out_path=path, force=True, on_row=lambda: calls.append(None))
    return path.read_bytes(), report.rows, len(calls)


def row_count(db: str, f: ClaimFilter) -> int:
    with open_session(db) as session:
        return write_rows(session, f, _Discard(), "csv", stored=False)


class _Discard:
    def write(self, s: str) -> int:
        return len(s)

    def flush(self) -> None:
        pass


FILTERS = (ClaimFilter(), ClaimFilter(status=None), ClaimFilter(status=["active", "retracted"]))


def test_a_tricky_export_is_the_rendered_one_and_the_sqlite_one(
    db_url: str, tmp_path: Path, is_postgres: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL an export by status reads the stored lines through COPY; it writes
    what rendering every row writes, and what SQLite writes for the same history."""
    tricky_database(db_url, tmp_path)
    sqlite_db = str(tmp_path / "sqlite.db")
    tricky_database(sqlite_db, tmp_path)
    copies: list[str] = []

    def spy(conn: Connection, sql: str, params: dict[str, Any]) -> Iterator[tuple[int, bytes]]:
        copies.append(sql)
        return copied_text(conn, sql, params)

    monkeypatch.setattr(export_module, "copied_text", spy)
    for f in FILTERS:
        copies.clear()
        got, rows, calls = file_export(db_url, tmp_path / "out.csv", f)
        assert len(copies) == (1 if is_postgres else 0), f
        expected = rendered(db_url, f, stored=False).encode()
        assert got == expected, f
        assert file_export(sqlite_db, tmp_path / "sqlite.csv", f)[0] == expected, f
        assert rows == calls == row_count(db_url, f), f
    default = file_export(db_url, tmp_path / "out.csv", ClaimFilter())[0].decode()
    assert "\n,,,,,,,,,,,,,,Target source," in default, "a row of the unlisted source"
    assert TRICKY.replace('"', '""') in default and "\\N" in default
    assert "'=SUM(A1)" in default, "formulas neutralised"


@postgres_only
def test_other_filters_and_extra_fields_keep_the_query(db_url: str, tmp_path: Path) -> None:
    """A filter on more than status, or extra fields to add to each line, read the
    lines by query as before."""
    tricky_database(db_url, tmp_path)
    extra = row(claim_key="k-extra", source="Extra source", url="https://example.org/x")
    import_file(db_url, write_csv(tmp_path / "extra.csv", [{**extra, "Notes": TRICKY}]))
    for f in (ClaimFilter(keys=["k-tricky", "k-plain"]), ClaimFilter()):
        with (
            mock.patch.object(export_module, "copied_text", side_effect=AssertionError),
            open_session(db_url) as session,
        ):
            export(session, f, out_path=tmp_path / "out.csv", force=True)
        expected = rendered(db_url, f, stored=False).encode()
        assert (tmp_path / "out.csv").read_bytes() == expected, f
    assert b",Notes\n" in expected.split(b"\n", 1)[0] + b"\n"
