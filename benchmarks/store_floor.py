"""The floor under any import: SQLite's own cost of storing what an import stores.

An imported database's rows, every table an import writes (claims, reports, relays,
documents, the event's row digests, the stored export lines, claims by source, the
claims' readings and search words), are copied into a new database of the same schema
with its secondary indexes and triggers dropped for the load and built again after it,
in one transaction (then closed, which checkpoints the write-ahead log), two ways:

* ``executemany``: the rows, read out beforehand a batch at a time (reading is not
  timed), handed to the driver's ``executemany``, as a Python import hands them;
* ``insert-select``: ``INSERT INTO ... SELECT`` from the attached source, inside SQLite,
  no Python at all.

No parsing, validation, digesting or rendering is done: whatever an import computes,
it cannot store its rows faster than this.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BATCH = 5000
_SKIPPED = ("sqlite_%", "claim_words_%")
"""SQLite's own tables, and the search index's shadow tables (filled through the index)."""


def _tables(conn: sqlite3.Connection) -> list[str]:
    skip = " AND ".join(f"name NOT LIKE '{p}'" for p in _SKIPPED)
    sql = f"SELECT name FROM sqlite_master WHERE type = 'table' AND {skip} ORDER BY name"
    return [str(r[0]) for r in conn.execute(sql)]


def _parents_first(parents: dict[str, set[str]]) -> list[str]:
    """The tables in an order that inserts every referenced row before its references."""
    ordered: list[str] = []
    while len(ordered) < len(parents):
        ready = [t for t in sorted(parents) if t not in ordered and parents[t] <= set(ordered)]
        if not ready:
            raise ValueError(f"tables that reference each other: {sorted(parents)}")
        ordered.extend(ready)
    return ordered


def _sqlite_parents(conn: sqlite3.Connection, tables: list[str]) -> dict[str, set[str]]:
    return {
        t: {str(r[2]) for r in conn.execute(f'PRAGMA foreign_key_list("{t}")')} - {t}
        for t in tables
    }


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _batches(conn: sqlite3.Connection, sql: str) -> Iterator[list[Any]]:
    cursor = conn.execute(sql)
    while rows := cursor.fetchmany(BATCH):
        yield rows


def _new_database(path: Path) -> None:
    """An empty database of the released schema, made by provenance itself."""
    from provenance.db import open_session

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with open_session(f"sqlite:///{path}", write=True):
        pass


def _open(path: Path) -> sqlite3.Connection:
    """The target, with the pragmas provenance writes with."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -65536")
    return conn


def _dropped(conn: sqlite3.Connection) -> list[str]:
    """Drop the secondary indexes and the triggers; their definitions, to make again."""
    sql = (
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
        "type = 'trigger' OR (type = 'index' AND upper(sql) NOT LIKE 'CREATE UNIQUE%')) "
        "AND tbl_name NOT LIKE 'claim_words%'"
    )
    found = list(conn.execute(sql))
    for kind, name, _ in found:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    return [str(definition) for _, _, definition in found]


def _check_copied(target: Path, rows: dict[str, int]) -> None:
    """Every table holds as many rows as the source's: the floor stored it all."""
    conn = sqlite3.connect(target)
    try:
        for table, count in rows.items():
            copied = conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            if copied != count:
                raise AssertionError(f"{table}: {copied} rows copied of {count}")
    finally:
        conn.close()


def store_floor(source: Path, work: Path) -> dict[str, Any]:
    """Seconds (wall and CPU) to store the source's rows both ways, and what was stored."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    present = _tables(src)
    filled = [t for t in present if src.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone()]
    tables = [t for t in _parents_first(_sqlite_parents(src, present)) if t in filled]
    rows = {t: src.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    attributions = rows.get("attribution", 0)
    result: dict[str, Any] = {"attributions": attributions, "rows": sum(rows.values())}
    for how in ("executemany", "insert-select"):
        target = work / f"floor-{how}.db"
        _new_database(target)
        dst = _open(target)
        dst.execute("BEGIN")
        for table in tables:
            dst.execute(f'DELETE FROM "{table}"')
        definitions = _dropped(dst)
        wall = cpu = 0.0
        per_table: dict[str, float] = {}
        if how == "insert-select":
            dst.execute("COMMIT")
            dst.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
            dst.execute("BEGIN")
        for table in tables:
            columns = ", ".join(f'"{c}"' for c in _columns(src, table))
            if table == "claim_words":
                columns = "rowid, words"
            insert = f'INSERT INTO "{table}" ({columns})'
            select = f'SELECT {columns} FROM "{table}"'
            if how == "insert-select":
                started, used = time.perf_counter(), time.process_time()
                dst.execute(f'{insert} SELECT {columns} FROM src."{table}"')
                per_table[table] = time.perf_counter() - started
                wall += per_table[table]
                cpu += time.process_time() - used
                continue
            marks = ", ".join("?" for _ in columns.split(", "))
            for batch in _batches(src, select):
                started, used = time.perf_counter(), time.process_time()
                dst.executemany(f"{insert} VALUES ({marks})", batch)
                per_table[table] = per_table.get(table, 0.0) + time.perf_counter() - started
                wall += time.perf_counter() - started
                cpu += time.process_time() - used
        started, used = time.perf_counter(), time.process_time()
        for definition in definitions:
            dst.execute(definition)
        per_table["(indexes)"] = time.perf_counter() - started
        dst.execute("COMMIT")
        dst.close()
        per_table["(commit)"] = time.perf_counter() - started - per_table["(indexes)"]
        wall += time.perf_counter() - started
        cpu += time.process_time() - used
        _check_copied(target, rows)
        result[how] = {
            "seconds": wall,
            "cpu_seconds": cpu,
            "attributions_per_s": attributions / wall if wall else None,
            "mb": target.stat().st_size / 1e6,
            "table_seconds": {t: round(v, 3) for t, v in per_table.items()},
        }
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    result["tables"] = rows
    return result


_PG_TABLES = (
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = %s AND c.relkind = 'r' ORDER BY c.relname"
)
_PG_PARENTS = (
    "SELECT t.relname, p.relname FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
    "JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
    "WHERE k.contype = 'f' AND n.nspname = %s"
)
_PG_DROPPABLE = (
    "SELECT 'INDEX', quote_ident(i.relname), pg_get_indexdef(i.oid) FROM pg_index x "
    "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
    "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = %s "
    "AND NOT x.indisunique AND NOT x.indisprimary "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid) "
    "UNION ALL SELECT 'TRIGGER', quote_ident(g.tgname) || ' ON ' || quote_ident(t.relname), "
    "pg_get_triggerdef(g.oid) FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid "
    "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = %s AND NOT g.tgisinternal"
)


def _pg_count(conn: Any, table: str) -> int:
    found = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
    return int(found[0])


def store_floor_postgres(url: str, source_schema: str = "public") -> dict[str, Any]:
    """The floor on PostgreSQL: the rows of the tables of ``source_schema`` (imported by
    provenance) copied into a new schema of the released schema in the same database,
    secondary indexes and user triggers dropped for the load and built after, in one
    transaction each way: ``copy`` (each table's COPY text, read out beforehand, not
    timed, written by ``COPY FROM STDIN``, the driver's fast path an import uses) and
    ``insert-select`` (``INSERT INTO ... SELECT`` inside the server)."""
    import psycopg

    from provenance.db import open_session, resolve_url

    plain = resolve_url(url).replace("postgresql+psycopg://", "postgresql://")
    src = psycopg.connect(plain, autocommit=True)
    names = [str(r[0]) for r in src.execute(_PG_TABLES, (source_schema,))]
    rows = {t: _pg_count(src, f'{source_schema}."{t}"') for t in names}
    parents: dict[str, set[str]] = {t: set() for t in names}
    for child, parent in src.execute(_PG_PARENTS, (source_schema,)):
        if child != parent:
            parents[str(child)].add(str(parent))
    tables = [t for t in _parents_first(parents) if rows[t]]
    result: dict[str, Any] = {
        "attributions": rows.get("attribution", 0),
        "rows": sum(rows[t] for t in tables),
        "tables": {t: rows[t] for t in tables},
    }
    for how in ("copy", "insert-select"):
        schema = f"{source_schema}_floor_{how.replace('-', '_')}"
        src.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        src.execute(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in url else "?"
        with open_session(f"{url}{sep}options=-csearch_path%3D{schema}", write=True):
            pass
        data: dict[str, bytes] = {}
        if how == "copy":
            for table in tables:
                with src.cursor().copy(f'COPY {source_schema}."{table}" TO STDOUT') as out:
                    data[table] = b"".join(bytes(chunk) for chunk in out)
        dst = psycopg.connect(plain)
        dst.execute(f"SET search_path = {schema}")
        per_table: dict[str, float] = {}
        started_all, used_all = time.perf_counter(), time.process_time()
        for table in tables:
            dst.execute(f'DELETE FROM "{table}"')
        dropped = list(dst.execute(_PG_DROPPABLE, (schema, schema)))
        for kind, name, _ in dropped:
            dst.execute(f"DROP {kind} {name}")
        for table in tables:
            started = time.perf_counter()
            if how == "copy":
                with dst.cursor().copy(f'COPY "{table}" FROM STDIN') as into:
                    into.write(data.pop(table))
            else:
                dst.execute(f'INSERT INTO "{table}" SELECT * FROM {source_schema}."{table}"')
            per_table[table] = round(time.perf_counter() - started, 3)
        started = time.perf_counter()
        for _, _, definition in dropped:
            dst.execute(definition)
        per_table["(indexes)"] = round(time.perf_counter() - started, 3)
        started = time.perf_counter()
        dst.commit()
        per_table["(commit)"] = round(time.perf_counter() - started, 3)
        wall = time.perf_counter() - started_all
        cpu = time.process_time() - used_all
        for table in tables:
            copied = _pg_count(dst, f'"{table}"')
            if copied != rows[table]:
                raise AssertionError(f"{table}: {copied} rows copied of {rows[table]}")
        dst.close()
        src.execute(f"DROP SCHEMA {schema} CASCADE")
        result[how] = {
            "seconds": wall,
            "client_cpu_seconds": cpu,
            "attributions_per_s": result["attributions"] / wall if wall else None,
            "table_seconds": per_table,
        }
    src.close()
    return result
