"""Helpers for work over many rows at once: paused garbage collection, streaming reads
(a query's rows a batch at a time, or on PostgreSQL one text column's bytes by COPY)."""

from __future__ import annotations

import codecs
import gc
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, text

FETCH_ROWS = 5000
_STREAMED: dict[str, Any] = {"stream_results": True, "max_row_buffer": FETCH_ROWS}
"""Options of one streamed statement (on the connection they would outlast it, and
send every later statement, writes too, through a server-side cursor)."""

_T = TypeVar("_T")


@contextmanager
def paused_gc() -> Iterator[None]:
    """Cyclic garbage collection off for the block. Bulk work allocates millions of
    short-lived tuples and no cycles; each collection would walk every live object, so
    its cost grows with the rows already held. What the block leaves alive is moved
    to the oldest generation as it ends (``gc.freeze`` then ``gc.unfreeze``, no walk):
    otherwise the first collection after it walks all of it as young objects."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def collect_young() -> None:
    """Collect the reference cycles made since the last call, walking only the younger
    generations: between batches of paused bulk work, so its cost follows the batch and
    the garbage of one batch never piles up behind the next."""
    gc.collect(1)


def code_point_order(conn: Connection) -> str:
    """The ``COLLATE`` clause that sorts text in code-point order, Python's order of
    strings: SQLite's binary collation already does (UTF-8 bytes), PostgreSQL needs "C"."""
    return "" if conn.dialect.name == "sqlite" else ' COLLATE "C"'


def expanding_text(sql: str, params: dict[str, Any]) -> Any:
    """``text(sql)`` with its list-valued parameters expanded (``c.key IN :keys``)."""
    stmt = text(sql)
    expanding = [k for k, v in params.items() if isinstance(v, list)]
    if expanding:
        stmt = stmt.bindparams(*(bindparam(k, expanding=True) for k in expanding))
    return stmt


def stream_rows(
    conn: Connection, sql: str, params: dict[str, Any], *, expand: bool = True
) -> Iterator[Sequence[Any]]:
    """Rows of one query, fetched a few thousand at a time (through a server-side
    cursor on PostgreSQL). List parameters expand into ``IN`` lists, unless ``expand``
    is False (an ``in_set`` array is one parameter)."""
    stmt = expanding_text(sql, params) if expand else text(sql)
    result = conn.execute(stmt.execution_options(**_STREAMED), params)
    try:
        for rows in result.partitions(FETCH_ROWS):
            yield from rows
    finally:
        result.close()


def chunks(items: Sequence[_T], size: int) -> Iterator[list[_T]]:
    """The items ``size`` at a time, in order."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def stream_batches(
    conn: Connection, sql: str, params: dict[str, Any], *, expand: bool = True
) -> Iterator[Sequence[Sequence[Any]]]:
    """Rows of one query a few thousand at a time, for loops that cannot afford much
    work per row (see ``column_batches``)."""
    for _, rows in column_batches(conn, sql, params, expand=expand):
        yield rows


def column_batches(
    conn: Connection, sql: str, params: dict[str, Any], *, expand: bool = True
) -> Iterator[tuple[list[str], Sequence[Sequence[Any]]]]:
    """The query's column names beside each batch of its rows: on SQLite the driver's
    plain tuples (a text() query has no result processing); on PostgreSQL rows through
    a server-side cursor (whose first row the result object has already fetched, so it
    is read through that object). ``expand`` as for ``stream_rows``."""
    stmt = expanding_text(sql, params) if expand else text(sql)
    result = conn.execute(stmt.execution_options(**_STREAMED), params)
    columns = list(result.keys())
    try:
        if conn.dialect.name != "sqlite":
            for rows in result.partitions(FETCH_ROWS):
                yield columns, rows
            return
        cursor = result.cursor
        while rows := cursor.fetchmany(FETCH_ROWS):
            yield columns, rows
    finally:
        result.close()


COPY_BYTES = 1 << 20
"""About how many bytes ``copied_text`` hands over at a time."""


def copied_text(conn: Connection, sql: str, params: dict[str, Any]) -> Iterator[tuple[int, bytes]]:
    """PostgreSQL only: the values of the one text column ``sql`` selects (none NULL),
    read by ``COPY (sql) TO STDOUT`` in UTF-8, as (rows, their values' bytes joined
    with nothing between them) about ``COPY_BYTES`` at a time. ``sql`` and ``params``
    as for ``stream_rows`` (COPY takes no bound parameters, so the driver puts them into
    the statement). COPY streams the rows as the server makes them, each as one chunk
    of bytes (no row object, no decoded text); whole rows go into each batch, so no
    escape is ever cut in two."""
    bound: dict[str, Any] | None = None
    if params:  # the driver's own placeholders, with percent signs doubled
        stmt = expanding_text(sql, params).bindparams(**params)
        query = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        sql, bound = query.string, query.params
    raw = conn.connection.driver_connection
    assert raw is not None
    copy_sql = f"COPY ({sql}) TO STDOUT (FORMAT text, ENCODING 'UTF8')"
    with raw.cursor() as cur, cur.copy(copy_sql, bound) as copy:
        chunks: list[bytes | memoryview] = []  # psycopg hands memoryviews
        size = 0
        read = copy.read  # one row a call, as libpq gives them; empty at the end
        while chunk := read():
            chunks.append(chunk)
            size += len(chunk)
            if size >= COPY_BYTES:
                yield copy_text_values(b"".join(chunks))
                chunks.clear()
                size = 0
        if chunks:
            yield copy_text_values(b"".join(chunks))


def copy_text_values(data: bytes) -> tuple[int, bytes]:
    """Whole rows of one non-NULL text column as COPY's text format writes them: how
    many, and the values they stand for, joined. Each row ends in a newline, the only
    real one (a newline in a value is escaped); in a value a backslash is written
    twice, and backspace, form feed, newline, carriage return, tab and vertical tab as
    ``\\b \\f \\n \\r \\t \\v``. COPY TO writes no other escape (no octal or hex
    sequence; the delimiter, a tab, is one of these), and these seven are read back
    exactly by Python's own backslash decoding of bytes, one pass in C; the escapes it
    knows beyond them (``\\a``, quotes, octal, hex) never occur, since every backslash
    COPY writes begins one of the seven."""
    values = data.replace(b"\n", b"")
    return len(data) - len(values), codecs.escape_decode(values)[0]


class Chains:
    """Each attribution's relays (source ids in order), from a stream of
    ``(attribution id, source id)`` rows in the order the attributions are read."""

    def __init__(self, rows: Iterator[Sequence[Any]]) -> None:
        self.rows = rows
        self.pending = next(rows, None)

    def take(self, attribution_id: int) -> tuple[int, ...]:
        pending = self.pending
        if pending is None or pending[0] != attribution_id:
            return ()
        chain: list[int] = []
        while pending is not None and pending[0] == attribution_id:
            chain.append(pending[1])
            pending = next(self.rows, None)
        self.pending = pending
        return tuple(chain)


RELAYS_SQL = (
    "SELECT a.id, r.source_id FROM claim c JOIN attribution a ON a.claim_id = c.id "
    "JOIN relay r ON r.attribution_id = a.id WHERE {where} ORDER BY c.key, a.id, r.position"
)
"""The relays of the claims a condition on ``c`` selects, in claim-key and attribution
order (for ``Chains``)."""


def in_set(conn: Connection, column: str, param: str, values: Sequence[Any]) -> tuple[str, Any]:
    """A condition that ``column`` is one of ``values`` with one bound parameter, and
    that parameter's value: ``json_each`` on SQLite, ``= ANY`` of an array on
    PostgreSQL (an ``IN`` list would bind, and plan, one parameter per value)."""
    if conn.dialect.name == "sqlite":
        return f"{column} IN (SELECT value FROM json_each(:{param}))", json.dumps(list(values))
    return f"{column} = ANY(:{param})", list(values)


@contextmanager
def large_page_cache(conn: Connection, mebibytes: int = 64) -> Iterator[None]:
    """A larger SQLite page cache for the block (a bulk write touches every index page
    many times); the connection's own size is restored after, even if the session has
    committed or released it meanwhile. Other backends: no-op."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.dbapi_connection
    assert raw is not None
    (before,) = raw.execute("PRAGMA cache_size").fetchone()
    raw.execute(f"PRAGMA cache_size = {-1024 * mebibytes}")
    try:
        yield
    finally:
        with suppress(sqlite3.Error):  # a connection closed on an error keeps no cache
            raw.execute(f"PRAGMA cache_size = {int(before)}")


DEFER_MIN_ROWS = 50_000
"""Indexes are rebuilt after a load only when it brings at least this many rows: below
that, keeping them up to date costs less than building them again."""

_SQLITE_INDEXES = (
    "SELECT '\"' || replace(name, '\"', '\"\"') || '\"', sql FROM sqlite_master "
    "WHERE type = 'index' AND sql IS NOT NULL "
    "AND tbl_name IN (SELECT value FROM json_each(:tables)) "
    "AND upper(sql) NOT LIKE 'CREATE UNIQUE%' ORDER BY name"
)
_POSTGRES_INDEXES = (
    "SELECT quote_ident(n.nspname) || '.' || quote_ident(i.relname), pg_get_indexdef(i.oid) "
    "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
    "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
    "WHERE n.nspname = current_schema() AND t.relname = ANY(:tables) "
    "AND NOT x.indisunique AND NOT x.indisprimary AND x.indisvalid "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid) "
    "AND pg_has_role(t.relowner, 'MEMBER') ORDER BY 1"
)


def secondary_indexes(conn: Connection, tables: Sequence[str]) -> list[tuple[str, str]]:
    """(quoted name, definition) of the indexes on ``tables`` that only speed up reads: not
    primary keys, unique or constraint indexes, which the load itself needs. On
    PostgreSQL only those this role may drop (it owns their tables)."""
    sql = _SQLITE_INDEXES if conn.dialect.name == "sqlite" else _POSTGRES_INDEXES
    tables_value: Any = json.dumps(list(tables)) if sql is _SQLITE_INDEXES else list(tables)
    return [(str(n), str(d)) for n, d in conn.execute(text(sql), {"tables": tables_value})]


@contextmanager
def deferred_indexes(
    conn: Connection, tables: Sequence[str], count_table: str, new_rows: int
) -> Iterator[None]:
    """The secondary indexes of ``tables`` dropped for the block and built again after
    it, when the block loads at least ``DEFER_MIN_ROWS`` rows (``new_rows``, an
    estimate) and more than ``count_table`` holds: one sorted build is cheaper than
    ``new_rows`` scattered index inserts. Both happen in the caller's transaction, so
    a failed or interrupted load rolls back to the indexes as they were (DDL is
    transactional on SQLite and PostgreSQL); an error in the block leaves them to that
    rollback, which the caller owes the connection anyway. On PostgreSQL the dropped indexes lock
    their tables against readers until the transaction ends, which is why only a load
    into a small table defers them."""
    if new_rows < DEFER_MIN_ROWS:
        yield
        return
    stored = conn.execute(text(f"SELECT COUNT(*) FROM {count_table}")).scalar_one()
    indexes = secondary_indexes(conn, tables) if stored < new_rows else []
    for name, _ in indexes:
        conn.exec_driver_sql(f"DROP INDEX {name}")
    yield
    for _, definition in indexes:
        conn.exec_driver_sql(definition)
