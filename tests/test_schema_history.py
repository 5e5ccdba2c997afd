"""A new database has exactly the released schema upgraded by every later migration.

Migration 1 is literal DDL, so a new database never follows models.py silently: its
tables, columns, types, keys, indexes and triggers must equal those of the golden
database written by the first release once upgraded, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, inspect

from provenance.db import MIGRATIONS, open_session, resolve_url
from provenance.search import POSTGRESQL_INDEXES, WORDS_TABLE
from tests.test_migrations import GOLDEN

_TYPES = {"DOUBLE PRECISION": "FLOAT", "REAL": "FLOAT"}


def _type(value: Any) -> str:
    name = str(value).upper()
    return _TYPES.get(name, name)


def _default(value: str | None) -> str | None:
    """Defaults as written, without PostgreSQL's casts and id sequences."""
    if value is None or value.startswith("nextval("):
        return None
    return re.sub(r"::[a-z ]+$", "", value)


def _search_index(name: str) -> bool:
    """Migration 8's search index differs by backend by design (an FTS5 table and its
    own tables on SQLite, pg_trgm indexes on PostgreSQL); tests/test_search_index.py
    checks it on each."""
    return name in POSTGRESQL_INDEXES.values() or name.startswith(WORDS_TABLE)


def schema(conn: Connection) -> dict[str, dict[str, Any]]:
    """Tables, columns (name, type, nullable, default), keys, unique sets and indexes,
    in a form both backends give alike."""
    insp = inspect(conn)
    out = {}
    for table in sorted(t for t in insp.get_table_names() if not _search_index(t)):
        out[table] = {
            "columns": [
                (c["name"], _type(c["type"]), c["nullable"], _default(c.get("default")))
                for c in insp.get_columns(table)
            ],
            "primary key": insp.get_pk_constraint(table)["constrained_columns"],
            "foreign keys": sorted(
                (tuple(fk["constrained_columns"]), fk["referred_table"], *fk["referred_columns"])
                for fk in insp.get_foreign_keys(table)
            ),
            "unique": sorted(tuple(u["column_names"]) for u in insp.get_unique_constraints(table)),
            "indexes": sorted(
                (str(i["name"]), tuple(i["column_names"]), bool(i["unique"]))
                for i in insp.get_indexes(table)
                if "duplicates_constraint" not in i and not _search_index(str(i["name"]))
            ),
        }
    return out


def _upgraded_golden(tmp_path: Path) -> Path:
    db = tmp_path / "golden.db"
    shutil.copy(GOLDEN, db)
    with open_session(str(db), write=True):
        pass
    return db


def _schema_of(url: str) -> dict[str, dict[str, Any]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return schema(conn)
    finally:
        engine.dispose()


def _triggers(conn: Connection) -> list[tuple[str, str]]:
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
        )
    else:
        rows = conn.exec_driver_sql(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE NOT t.tgisinternal AND n.nspname = current_schema()"
        )
    return sorted({(r[0], r[1]) for r in rows})


def test_a_new_database_is_the_first_release_upgraded(db_url: str, tmp_path: Path) -> None:
    with open_session(db_url, write=True):
        pass
    golden = _schema_of(f"sqlite:///{_upgraded_golden(tmp_path)}")
    fresh = _schema_of(resolve_url(db_url))
    assert list(fresh) == list(golden)
    for table in golden:
        assert fresh[table] == golden[table], table


CLAIM_BY_SOURCE_TRIGGERS = [
    ("attribution", "claim_by_source_report"),
    ("attribution", "claim_by_source_report_moved"),
    ("relay", "claim_by_source_relay"),
    ("relay", "claim_by_source_relay_changed"),
]


def test_a_new_database_has_the_append_only_and_claim_by_source_triggers(
    db_url: str, is_postgres: bool
) -> None:
    with open_session(db_url, write=True):
        pass
    engine = create_engine(resolve_url(db_url))
    with engine.connect() as conn:
        triggers = _triggers(conn)
    engine.dispose()
    if is_postgres:
        expected = [
            (t, f"{t}_{suffix}")
            for t in ("event", "row_digest")
            for suffix in ("append_only", "no_truncate")
        ]
    else:
        expected = [
            (t, f"{t}_no_{op}") for t in ("event", "row_digest") for op in ("delete", "update")
        ]
    assert triggers == sorted(expected + CLAIM_BY_SOURCE_TRIGGERS)


def _folded(sql: str) -> str:
    """Blanks folded to one space, none just inside parentheses."""
    return re.sub(r"\( | \)", lambda m: m.group(0).strip(), " ".join(sql.split()))


def _master(path: Path) -> list[tuple[str, str, str]]:
    """Every table, index and trigger as SQLite keeps it, blanks folded."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")
        return sorted((t, n, _folded(s)) for t, n, s in rows)
    finally:
        conn.close()


def test_on_sqlite_the_ddl_is_the_released_text(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    with open_session(str(fresh), write=True):
        pass
    assert _master(fresh) == _master(_upgraded_golden(tmp_path))


def test_migration_1_creates_the_golden_database_tables_as_released(tmp_path: Path) -> None:
    """Migration 1 alone gives the golden database's schema, statement for statement."""
    engine = create_engine(f"sqlite:///{tmp_path / 'v1.db'}")
    with engine.begin() as conn:
        MIGRATIONS[0][2](conn)
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")
    engine.dispose()
    assert _master(tmp_path / "v1.db") == _master(GOLDEN)


def test_the_models_describe_the_current_schema(tmp_path: Path) -> None:
    """Every field of models.py is a column of a new database, with its nullability:
    the models follow the migrations, never the other way round."""
    from provenance.models import SQLModel

    fresh = tmp_path / "fresh.db"
    with open_session(str(fresh), write=True):
        pass
    tables = _schema_of(f"sqlite:///{fresh}")
    for table in SQLModel.metadata.sorted_tables:
        stored = {name: nullable for name, _, nullable, _ in tables[table.name]["columns"]}
        model = {c.name: c.nullable for c in table.columns}
        assert {n: stored.get(n) for n in model} == model, table.name
