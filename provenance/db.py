"""Engine, pragmas, sessions, schema versioning and the bulk-write fast paths.

``--db`` takes a file path (SQLite) or a SQLAlchemy URL (``postgresql+psycopg://…``).
SQLite is opened with foreign keys on, WAL, a busy timeout, and write transactions
that take the write lock up front (``BEGIN IMMEDIATE``), so two writers wait for each
other instead of failing half-way with "database is locked"; PostgreSQL writers take
one advisory lock. How a writer waits, and for whom, is ``provenance.writer_lock``.

Migrations are append-only and numbered; the number applied is kept in ``meta``.
A database written by a newer release (a higher number) can be read but not written.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session

from provenance.errors import DatabaseError, SchemaTooNewError
from provenance.writer_lock import (
    Holder,
    WriterPolicy,
    begin_postgres,
    begin_sqlite,
    end_sqlite,
    record_path,
)

DEFAULT_DB = "provenance.db"
BUSY_TIMEOUT_MS = int(os.environ.get("PROVENANCE_BUSY_TIMEOUT_MS", "60000"))
"""How long a statement inside a transaction waits for a lock (a reader's, a checkpoint's);
taking the write lock itself waits as long as the other writer runs."""
APPEND_ONLY_TABLES = ("event",)


def now() -> str:
    """UTC timestamp, microsecond precision, sortable as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def resolve_url(db: str | None) -> str:
    """A path means SQLite; anything with ``://`` is a SQLAlchemy URL."""
    target = db or os.environ.get("PROVENANCE_DB") or DEFAULT_DB
    if "://" not in target:
        return f"sqlite:///{target}"
    if target.startswith(("postgresql://", "postgres://")):
        target = "postgresql+psycopg://" + target.split("://", 1)[1]
    return target


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def is_sqlite(conn_or_engine: Connection | Engine) -> bool:
    return conn_or_engine.dialect.name == "sqlite"


def make_engine(url: str, *, write: bool, writer: WriterPolicy | None = None) -> Engine:
    """An engine; a SQLite file is opened read-only (``mode=ro``) unless ``write``.

    ``writer`` says how a write transaction takes the lock (by default it waits, silently).
    """
    try:
        engine = create_engine(url, **({} if write else _read_only_sqlite(url)))
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(f"cannot use database {describe(url)!r}: {exc}") from exc
    policy = writer or WriterPolicy(user=default_actor())
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, write=write, writer=policy)
    elif write:
        _serialise_postgres_writers(engine, policy)
    return engine


def _read_only_sqlite(url: str) -> dict[str, Any]:
    """Engine arguments that open a SQLite file read-only, so that a read never writes
    and a shared read-only copy (a read-only file or directory) serves every query.

    When the directory cannot be written and no ``-wal``/``-shm`` files exist, SQLite
    could not create the shared-memory file a WAL database needs, so the file is
    opened as immutable: nobody can be writing to it there.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return {}
    path = Path(parsed.database or "").resolve()
    uri = f"file:{quote(str(path))}?mode=ro"
    companions = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    if not os.access(path.parent, os.W_OK) and not any(p.exists() for p in companions):
        uri += "&immutable=1"

    def connect() -> Any:
        import sqlite3

        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    return {"creator": connect}


def _serialise_postgres_writers(engine: Engine, writer: WriterPolicy) -> None:
    """Writers take one transaction-scoped advisory lock, as BEGIN IMMEDIATE does on
    SQLite: two imports creating the same source wait for each other instead of one
    failing on a unique key, and two first commands do not race to create the schema."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        begin_postgres(conn, writer)


def _configure_sqlite(engine: Engine, *, write: bool, writer: WriterPolicy) -> None:
    record = record_path(engine.url.database)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if write and engine.url.database not in (None, "", ":memory:"):
            _set_wal(cur)
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if write:
            begin_sqlite(conn, record, writer, BUSY_TIMEOUT_MS)
        else:
            conn.exec_driver_sql("BEGIN")

    if write:
        event.listen(engine, "commit", end_sqlite)
        event.listen(engine, "rollback", end_sqlite)


def _set_wal(cur: Any) -> None:
    """Switch to WAL, waiting while another connection writes.

    SQLite answers this pragma with "database is locked" at once, without its busy
    handler, while another connection holds a write lock in rollback mode: that is the
    case when two first commands open a new file together and the other is writing its
    header. The switch is retried for as long as the busy timeout allows.
    """
    import sqlite3
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            busy = getattr(exc, "sqlite_errorcode", 0) & 0xFF == _SQLITE_BUSY
            if not busy or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


_SQLITE_BUSY = 5


@contextmanager
def open_session(
    db: str | None,
    *,
    write: bool = False,
    upgrade: bool = True,
    wait: bool = True,
    on_wait: Callable[[Holder], None] | None = None,
    activity: str | None = None,
) -> Iterator[Session]:
    """A session on the database, schema brought up to date.

    A write session commits when the block ends without error and rolls back otherwise.
    While another process writes, it waits as long as that one runs, calling ``on_wait``
    with the holder after a few seconds, or with ``wait=False`` raises
    ``DatabaseBusyError`` at once. ``activity`` names this writer to those who wait for
    it ("the import started at … by …").
    A read session on a missing SQLite file is an error rather than a new empty file.
    ``upgrade=False`` reads the database as it is (``check`` must see an old or altered
    schema version, not repair it).
    """
    url = resolve_url(db)
    if not write:
        _require_existing(url)
    policy = WriterPolicy(wait=wait, on_wait=on_wait, activity=activity, user=default_actor())
    engine = make_engine(url, write=write, writer=policy)
    try:
        if upgrade:
            ensure_schema(engine, write=write, url=url)
        with Session(engine) as session:
            try:
                yield session
                if write:
                    _after_writes(session)
                    session.commit()
            except BaseException:
                session.rollback()
                raise
    except DBAPIError as exc:
        reason = (str(exc.orig).strip().splitlines() or ["?"])[0]
        raise DatabaseError(f"database {describe(url)}: {reason}") from exc
    finally:
        engine.dispose()


def _after_writes(session: Session) -> None:
    """Bring what is derived from the written rows up to date, in the same transaction:
    the stored export lines, and the stored readings of claims' words after an upgrade."""
    from provenance.export import refresh_stored_lines
    from provenance.measures import refresh_readings

    refresh_readings(session.connection())
    refresh_stored_lines(session)


def _require_existing(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database or "")
        if not path.exists():
            raise DatabaseError(
                f"no database at {str(path)!r}; import something first "
                "(provenance import FILE) or point {db} / PROVENANCE_DB at one",
                params=("db",),
            )


# --- schema versioning -------------------------------------------------------------


_INITIAL_DDL = (
    "CREATE TABLE import_batch ("
    "id {id} NOT NULL, "
    "started_at VARCHAR NOT NULL, "
    "finished_at VARCHAR, "
    "actor VARCHAR NOT NULL, "
    "command VARCHAR NOT NULL, "
    "files TEXT NOT NULL, "
    "counts TEXT NOT NULL, "
    "PRIMARY KEY (id))",
    'CREATE TABLE meta ("key" VARCHAR NOT NULL, value VARCHAR NOT NULL, PRIMARY KEY ("key"))',
    "CREATE TABLE claim ("
    "id {id} NOT NULL, "
    '"key" VARCHAR NOT NULL, '
    "text TEXT NOT NULL, "
    "category VARCHAR NOT NULL, "
    "subject VARCHAR, "
    "metric VARCHAR, "
    "location VARCHAR, "
    "as_of VARCHAR, "
    "as_of_start VARCHAR, "
    "as_of_end VARCHAR, "
    "language VARCHAR, "
    "quantity VARCHAR, "
    "qualifier VARCHAR, "
    "value FLOAT, "
    "low FLOAT, "
    "high FLOAT, "
    "unit VARCHAR, "
    "unit_written VARCHAR, "
    "dimension VARCHAR, "
    "precision FLOAT, "
    "status VARCHAR NOT NULL, "
    "merged_into_id INTEGER, "
    "batch_id INTEGER, "
    "created_at VARCHAR NOT NULL, "
    "updated_at VARCHAR NOT NULL, "
    "PRIMARY KEY (id), "
    'UNIQUE ("key"), '
    "FOREIGN KEY(merged_into_id) REFERENCES claim (id), "
    "FOREIGN KEY(batch_id) REFERENCES import_batch (id))",
    "CREATE INDEX ix_claim_as_of ON claim (as_of_start, as_of_end)",
    "CREATE INDEX ix_claim_measure ON claim (category, subject, metric)",
    "CREATE TABLE document ("
    "id {id} NOT NULL, "
    '"key" VARCHAR NOT NULL, '
    "title TEXT, "
    "outlet VARCHAR, "
    "author VARCHAR, "
    "url TEXT, "
    "published VARCHAR, "
    "accessed VARCHAR, "
    "language VARCHAR, "
    "text TEXT, "
    "sha256 VARCHAR, "
    "batch_id INTEGER, "
    "created_at VARCHAR NOT NULL, "
    "PRIMARY KEY (id), "
    'UNIQUE ("key"), '
    "FOREIGN KEY(batch_id) REFERENCES import_batch (id))",
    "CREATE TABLE event ("
    "id {id} NOT NULL, "
    "at VARCHAR NOT NULL, "
    "actor VARCHAR NOT NULL, "
    "command TEXT NOT NULL, "
    "action VARCHAR NOT NULL, "
    "entity VARCHAR NOT NULL, "
    "entity_key VARCHAR, "
    '"before" TEXT, '
    '"after" TEXT, '
    "batch_id INTEGER, "
    "undoes_id INTEGER, "
    "PRIMARY KEY (id), "
    "FOREIGN KEY(batch_id) REFERENCES import_batch (id), "
    "FOREIGN KEY(undoes_id) REFERENCES event (id))",
    "CREATE INDEX ix_event_action ON event (action)",
    "CREATE INDEX ix_event_entity_key ON event (entity_key)",
    "CREATE TABLE source ("
    "id {id} NOT NULL, "
    '"key" VARCHAR NOT NULL, '
    "name VARCHAR NOT NULL, "
    "name_norm VARCHAR NOT NULL, "
    "kind VARCHAR NOT NULL, "
    "named BOOLEAN NOT NULL, "
    "affiliation VARCHAR, "
    "party VARCHAR, "
    "reliability VARCHAR NOT NULL, "
    "notes TEXT, "
    "merged_into_id INTEGER, "
    "batch_id INTEGER, "
    "created_at VARCHAR NOT NULL, "
    "PRIMARY KEY (id), "
    'UNIQUE ("key"), '
    "FOREIGN KEY(merged_into_id) REFERENCES source (id), "
    "FOREIGN KEY(batch_id) REFERENCES import_batch (id))",
    "CREATE INDEX ix_source_name_norm ON source (name_norm)",
    "CREATE TABLE attribution ("
    "id {id} NOT NULL, "
    "claim_id INTEGER NOT NULL, "
    "reported_claim_id INTEGER NOT NULL, "
    "source_id INTEGER NOT NULL, "
    "document_id INTEGER, "
    "quote TEXT, "
    "stance VARCHAR NOT NULL, "
    "credibility INTEGER NOT NULL, "
    "hedges VARCHAR, "
    "fingerprint VARCHAR NOT NULL, "
    "batch_id INTEGER, "
    "created_at VARCHAR NOT NULL, "
    "PRIMARY KEY (id), "
    "FOREIGN KEY(claim_id) REFERENCES claim (id), "
    "FOREIGN KEY(reported_claim_id) REFERENCES claim (id), "
    "FOREIGN KEY(source_id) REFERENCES source (id), "
    "FOREIGN KEY(document_id) REFERENCES document (id), "
    "UNIQUE (fingerprint), "
    "FOREIGN KEY(batch_id) REFERENCES import_batch (id))",
    "CREATE INDEX ix_attribution_claim_id ON attribution (claim_id)",
    "CREATE INDEX ix_attribution_document_id ON attribution (document_id)",
    "CREATE INDEX ix_attribution_source_id ON attribution (source_id)",
    "CREATE TABLE review ("
    "id {id} NOT NULL, "
    "kind VARCHAR NOT NULL, "
    "claim_a_id INTEGER NOT NULL, "
    "claim_b_id INTEGER NOT NULL, "
    "decision VARCHAR NOT NULL, "
    "reason TEXT NOT NULL, "
    "actor VARCHAR NOT NULL, "
    "at VARCHAR NOT NULL, "
    "event_id INTEGER, "
    "PRIMARY KEY (id), "
    "FOREIGN KEY(claim_a_id) REFERENCES claim (id), "
    "FOREIGN KEY(claim_b_id) REFERENCES claim (id), "
    "FOREIGN KEY(event_id) REFERENCES event (id))",
    "CREATE INDEX ix_review_claim_a_id ON review (claim_a_id)",
    "CREATE INDEX ix_review_claim_b_id ON review (claim_b_id)",
    "CREATE TABLE source_alias ("
    "id {id} NOT NULL, "
    "source_id INTEGER NOT NULL, "
    "alias VARCHAR NOT NULL, "
    "alias_norm VARCHAR NOT NULL, "
    "PRIMARY KEY (id), "
    "UNIQUE (source_id, alias_norm), "
    "FOREIGN KEY(source_id) REFERENCES source (id))",
    "CREATE INDEX ix_source_alias_alias_norm ON source_alias (alias_norm)",
    "CREATE INDEX ix_source_alias_source_id ON source_alias (source_id)",
    "CREATE TABLE relay ("
    "attribution_id INTEGER NOT NULL, "
    "position INTEGER NOT NULL, "
    "source_id INTEGER NOT NULL, "
    "PRIMARY KEY (attribution_id, position), "
    "FOREIGN KEY(attribution_id) REFERENCES attribution (id), "
    "FOREIGN KEY(source_id) REFERENCES source (id))",
    "CREATE INDEX ix_relay_source_id ON relay (source_id)",
)
"""The first release's tables and indexes, as it created them. ``{id}`` is how each
backend generates a row id (SQLite's INTEGER primary key, PostgreSQL's SERIAL)."""
_ID_TYPE = {"sqlite": "INTEGER", "postgresql": "SERIAL"}


def _m001_initial(conn: Connection) -> None:
    """The first release's schema, plus the triggers that make the event log append-only.
    Literal DDL, never derived from the models: a new database must be the released
    schema upgraded by the later migrations, whatever models.py says today."""
    id_type = _ID_TYPE["sqlite" if is_sqlite(conn) else "postgresql"]
    for statement in _INITIAL_DDL:
        conn.exec_driver_sql(statement.replace("{id}", id_type))
    for table in APPEND_ONLY_TABLES:
        append_only_trigger(conn, table)


def append_only_trigger(conn: Connection, table: str) -> None:
    message = f"{table} is append-only"
    if is_sqlite(conn):
        for op in ("UPDATE", "DELETE"):
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
        return
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$ "
        f"BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql"
    )
    conn.exec_driver_sql(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
    )
    conn.exec_driver_sql(
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()"
    )


_VERDICT_COLUMNS = (
    "claim_id INTEGER NOT NULL REFERENCES claim (id), "
    "rating TEXT NOT NULL, "
    "reviewer TEXT NOT NULL, "
    "url TEXT, "
    "published TEXT, "
    "explanation TEXT, "
    "status TEXT NOT NULL DEFAULT 'active', "
    "actor TEXT NOT NULL, "
    "at TEXT NOT NULL, "
    "batch_id INTEGER REFERENCES import_batch (id), "
    "event_id INTEGER REFERENCES event (id))"
)
_VERDICT_DDL = {
    "sqlite": "CREATE TABLE verdict (id INTEGER NOT NULL PRIMARY KEY, " + _VERDICT_COLUMNS,
    "postgresql": "CREATE TABLE verdict (id SERIAL PRIMARY KEY, " + _VERDICT_COLUMNS,
}
"""Migration 2's table; the backends differ only in how the id is generated."""


def _m002_verdict(conn: Connection) -> None:
    """Fact-checkers' verdicts on claims (``provenance verdict``, ClaimReview import)."""
    conn.exec_driver_sql(_VERDICT_DDL["sqlite" if is_sqlite(conn) else "postgresql"])
    conn.exec_driver_sql("CREATE INDEX ix_verdict_claim_id ON verdict (claim_id)")


_SOURCE_VARIANT_DDL = (
    "CREATE TABLE source_variant ("
    "source_id INTEGER NOT NULL REFERENCES source (id), "
    "field TEXT NOT NULL, "
    "value TEXT NOT NULL, "
    "batch_id INTEGER REFERENCES import_batch (id), "
    "created_at TEXT NOT NULL, "
    "PRIMARY KEY (source_id, field, value))"
)


def _m003_source_variant(conn: Connection) -> None:
    """Other values given for a source's details (an affiliation written in another
    language), kept beside the stored value instead of refusing the import."""
    conn.exec_driver_sql(_SOURCE_VARIANT_DDL)


_ROW_DIGEST_DDL = (
    "CREATE TABLE row_digest ("
    "event_id INTEGER NOT NULL REFERENCES event (id), "
    "tbl TEXT NOT NULL, "
    "row_key TEXT NOT NULL, "
    "digest TEXT NOT NULL)"
)
_EVENT_TRIGGERS_DROP = {
    "sqlite": ("DROP TRIGGER event_no_update", "DROP TRIGGER event_no_delete"),
    "postgresql": (
        "DROP TRIGGER event_append_only ON event",
        "DROP TRIGGER event_no_truncate ON event",
    ),
}


def _m004_hash_chain(conn: Connection) -> None:
    """The tamper-evident history: each event's row digests and its link in a hash
    chain. Existing events are chained as they stand, and one ``baseline`` event records
    a digest of every existing row (what the history before the upgrade left)."""
    from provenance import ledger

    for column in ("rows_digest", "hash"):
        conn.exec_driver_sql(f"ALTER TABLE event ADD COLUMN {column} TEXT")
    conn.exec_driver_sql(_ROW_DIGEST_DDL)
    conn.exec_driver_sql("CREATE INDEX ix_row_digest_event_id ON row_digest (event_id)")
    append_only_trigger(conn, "row_digest")
    events = conn.execute(
        text(f"SELECT {', '.join(ledger.EVENT_FIELDS)} FROM event ORDER BY id")
    ).all()
    if events:
        for statement in _EVENT_TRIGGERS_DROP["sqlite" if is_sqlite(conn) else "postgresql"]:
            conn.exec_driver_sql(statement)
        prev = None
        for row in events:
            fields = dict(zip(ledger.EVENT_FIELDS, row, strict=True))
            prev = ledger.event_hash(prev, fields, None)
            conn.execute(
                text("UPDATE event SET hash = :h WHERE id = :i"), {"h": prev, "i": fields["id"]}
            )
        append_only_trigger(conn, "event")
    wrote = {
        table: [r[0] for r in conn.exec_driver_sql(f"SELECT DISTINCT {cols[0]} FROM {table}")]
        for table, cols in ledger.TRACKED.items()
        if inspect(conn).has_table(table)
    }
    if any(wrote.values()):
        fields = {
            "at": now(),
            "actor": default_actor(),
            "command": "schema upgrade",
            "action": "baseline",
            "entity": "database",
            "entity_key": None,
            "after": '{"reason": "rows present when the history became tamper-evident"}',
        }
        ledger.append(conn, [ledger.NewEvent(fields, wrote)])


_MEASURE_COLUMNS = (
    "key TEXT NOT NULL UNIQUE, "
    "label TEXT, "
    "status TEXT NOT NULL DEFAULT 'active', "
    "merged_into_id INTEGER REFERENCES measure (id), "
    "created_at TEXT NOT NULL)"
)
_CLAIM_MEASURE_COLUMNS = (
    "claim_id INTEGER NOT NULL REFERENCES claim (id), "
    "measure_id INTEGER NOT NULL REFERENCES measure (id), "
    "status TEXT NOT NULL DEFAULT 'active', "
    "reason TEXT NOT NULL, "
    "actor TEXT NOT NULL, "
    "at TEXT NOT NULL)"
)
_DISPUTE_REVIEW_COLUMNS = (
    "measure_key TEXT NOT NULL, "
    "window_start TEXT, "
    "window_end TEXT, "
    "decision TEXT NOT NULL, "
    "reason TEXT NOT NULL, "
    "actor TEXT NOT NULL, "
    "at TEXT NOT NULL, "
    "event_id INTEGER REFERENCES event (id))"
)
_ID = {"sqlite": "id INTEGER NOT NULL PRIMARY KEY, ", "postgresql": "id SERIAL PRIMARY KEY, "}
"""How each backend generates a table's id (the only difference in migration 5's DDL)."""


def _m005_measures(conn: Connection) -> None:
    """Users' decisions on measures (a measure merged into another, claims moved to a
    measure of their own, a label) and reviews of whole disputes."""
    ident = _ID["sqlite" if is_sqlite(conn) else "postgresql"]
    conn.exec_driver_sql("CREATE TABLE measure (" + ident + _MEASURE_COLUMNS)
    conn.exec_driver_sql("CREATE TABLE claim_measure (" + ident + _CLAIM_MEASURE_COLUMNS)
    conn.exec_driver_sql("CREATE INDEX ix_claim_measure_claim_id ON claim_measure (claim_id)")
    conn.exec_driver_sql("CREATE TABLE dispute_review (" + ident + _DISPUTE_REVIEW_COLUMNS)


_ATTRIBUTION_EXTRA_DDL = (
    "CREATE TABLE attribution_extra ("
    "attribution_id INTEGER NOT NULL REFERENCES attribution (id), "
    "name TEXT NOT NULL, "
    "value TEXT NOT NULL, "
    "batch_id INTEGER REFERENCES import_batch (id), "
    "PRIMARY KEY (attribution_id, name))"
)


def _m006_attribution_extra(conn: Connection) -> None:
    """Columns of a researcher's file that provenance has no field for (a ``Notes``
    column), kept as text with the report they came with and exported back."""
    conn.exec_driver_sql(_ATTRIBUTION_EXTRA_DDL)


_CLAIM_CUES_DDL = (
    "CREATE TABLE claim_cues ("
    "claim_id INTEGER NOT NULL PRIMARY KEY REFERENCES claim (id), "
    "version TEXT NOT NULL, "
    "digest TEXT NOT NULL, "
    "concepts TEXT NOT NULL, "
    "scopes TEXT NOT NULL, "
    "named TEXT NOT NULL, "
    "written TEXT NOT NULL, "
    "denial INTEGER NOT NULL, "
    "script TEXT NOT NULL)"
)


def _m007_claim_cues(conn: Connection) -> None:
    """What each claim's words say, stored at import (``measures.store_readings``) so
    that conflicts, dedupe and measures do not read every claim's words on each run.
    Derived data: a reading whose inputs or reader changed is read afresh."""
    conn.exec_driver_sql(_CLAIM_CUES_DDL)


_SEARCH_DDL_SQLITE = (
    "CREATE VIRTUAL TABLE claim_words USING fts5(words, tokenize='unicode61 remove_diacritics 0')"
)
"""Migration 8 on SQLite: each claim's words, its text and quotes together, for
``--search`` (``provenance.search``, which keeps it)."""
_SEARCH_DDL_POSTGRESQL = (
    "CREATE INDEX ix_claim_text_trgm ON claim USING gin (text {ops})",
    "CREATE INDEX ix_attribution_quote_trgm ON attribution USING gin (quote {ops})",
)
"""Migration 8 on PostgreSQL: pg_trgm indexes serving ``--search``'s expressions (``~*``);
PostgreSQL keeps them in step itself. ``{ops}`` is pg_trgm's operator class, in its
schema."""


def _m008_search_index(conn: Connection) -> None:
    """Indexes so that ``--search`` finds its candidates without reading every claim
    (``provenance.search``). Where the backend cannot have them (SQLite without FTS5,
    PostgreSQL where pg_trgm cannot be installed) nothing is created and a search reads
    every claim, as before."""
    if is_sqlite(conn):
        if _has_fts5(conn):
            from provenance.search import index_claims

            conn.exec_driver_sql(_SEARCH_DDL_SQLITE)
            index_claims(conn)
        return
    schema = _pg_trgm_schema(conn)
    if schema is not None:
        ops = '"' + schema.replace('"', '""') + '".gin_trgm_ops'
        for statement in _SEARCH_DDL_POSTGRESQL:
            conn.exec_driver_sql(statement.replace("{ops}", ops))


def _has_fts5(conn: Connection) -> bool:
    """Whether this SQLite has FTS5, with the tokenizer options migration 8 uses."""
    savepoint = conn.begin_nested()
    try:
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE temp.fts5_probe USING fts5("
            "x, tokenize='unicode61 remove_diacritics 0')"
        )
        conn.exec_driver_sql("DROP TABLE temp.fts5_probe")
    except DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def _pg_trgm_schema(conn: Connection) -> str | None:
    """The schema of the pg_trgm extension, installed in ``public`` if it was not there
    yet and this role may; None when it cannot be had."""
    find = (
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    )
    found = conn.exec_driver_sql(find).scalar()
    if found is not None:
        return str(found)
    savepoint = conn.begin_nested()
    try:
        conn.exec_driver_sql("CREATE EXTENSION pg_trgm SCHEMA public")
    except DBAPIError:
        savepoint.rollback()
        return None
    savepoint.commit()
    return "public"


# Append-only: never edit or reorder an entry once released; add a new one.
# Each entry must leave every row intact (tests/test_migrations.py upgrades a golden
# database written by the first release).
_EXPORT_LINES_DDL = (
    "CREATE TABLE export_line ("
    "claim_key TEXT NOT NULL, "
    "attribution_id INTEGER NOT NULL, "
    "claim_id INTEGER NOT NULL, "
    "line TEXT NOT NULL, "
    "merged_sources TEXT, "
    "PRIMARY KEY (claim_key, attribution_id)){rowid}",
    "CREATE INDEX ix_export_line_claim ON export_line (claim_id)",
    "CREATE UNIQUE INDEX ix_export_line_attribution ON export_line (attribution_id)",
    "CREATE TABLE export_state ("
    "id INTEGER NOT NULL PRIMARY KEY, "
    "event_id INTEGER, "
    "renderer TEXT NOT NULL)",
    "CREATE INDEX ix_attribution_moved ON attribution (claim_id) "
    "WHERE claim_id <> reported_claim_id",
)
"""Migration 9. ``{rowid}``: SQLite keeps the lines in export order itself (WITHOUT
ROWID), so that an export of everything reads the table front to back."""


def _m009_export_lines(conn: Connection) -> None:
    """Each report's export line, stored (``provenance.export_lines``). Empty here: the
    next write renders them, and until then an export renders its rows itself. The
    partial index finds the reports of merged claims, which some exports list
    elsewhere."""
    rowid = " WITHOUT ROWID" if is_sqlite(conn) else ""
    for statement in _EXPORT_LINES_DDL:
        conn.exec_driver_sql(statement.replace("{rowid}", rowid))


_CLAIM_BY_SOURCE_COLUMNS = "claim_by_source (source_id, claim_key, attribution_id, position)"
_REPORT_MOVED = (
    "DELETE FROM claim_by_source WHERE attribution_id = OLD.id "
    "AND claim_key = (SELECT key FROM claim WHERE id = OLD.claim_id) "
    "AND source_id IN (SELECT source_id FROM relay WHERE attribution_id = OLD.id "
    "UNION ALL SELECT OLD.source_id); "
    f"INSERT INTO {_CLAIM_BY_SOURCE_COLUMNS} "
    "SELECT NEW.source_id, c.key, NEW.id, -1 FROM claim c WHERE c.id = NEW.claim_id "
    "UNION ALL SELECT r.source_id, c.key, r.attribution_id, r.position FROM relay r "
    "JOIN claim c ON c.id = NEW.claim_id WHERE r.attribution_id = NEW.id;"
)
_RELAY_CHANGED = (
    "DELETE FROM claim_by_source WHERE source_id = OLD.source_id "
    "AND attribution_id = OLD.attribution_id AND position = OLD.position "
    "AND claim_key = (SELECT c.key FROM attribution a JOIN claim c ON c.id = a.claim_id "
    "WHERE a.id = OLD.attribution_id); "
    f"INSERT INTO {_CLAIM_BY_SOURCE_COLUMNS} "
    "SELECT NEW.source_id, c.key, NEW.attribution_id, NEW.position "
    "FROM attribution a JOIN claim c ON c.id = a.claim_id WHERE a.id = NEW.attribution_id;"
)
_CLAIM_BY_SOURCE_DDL = {
    "sqlite": (
        "CREATE TABLE claim_by_source ("
        "source_id INTEGER NOT NULL, "
        "claim_key VARCHAR NOT NULL, "
        "attribution_id INTEGER NOT NULL, "
        "position INTEGER NOT NULL, "
        "PRIMARY KEY (source_id, claim_key, attribution_id, position)) WITHOUT ROWID",
        "CREATE TRIGGER claim_by_source_report AFTER INSERT ON attribution BEGIN "
        f"INSERT INTO {_CLAIM_BY_SOURCE_COLUMNS} "
        "SELECT NEW.source_id, c.key, NEW.id, -1 FROM claim c WHERE c.id = NEW.claim_id; END",
        "CREATE TRIGGER claim_by_source_relay AFTER INSERT ON relay BEGIN "
        f"INSERT INTO {_CLAIM_BY_SOURCE_COLUMNS} "
        "SELECT NEW.source_id, c.key, NEW.attribution_id, NEW.position "
        "FROM attribution a JOIN claim c ON c.id = a.claim_id "
        "WHERE a.id = NEW.attribution_id; END",
        "CREATE TRIGGER claim_by_source_report_moved AFTER UPDATE OF claim_id, source_id "
        f"ON attribution BEGIN {_REPORT_MOVED} END",
        "CREATE TRIGGER claim_by_source_relay_changed AFTER UPDATE ON relay "
        f"BEGIN {_RELAY_CHANGED} END",
    ),
    "postgresql": (
        "CREATE TABLE claim_by_source ("
        "source_id INTEGER NOT NULL, "
        "claim_key VARCHAR NOT NULL, "
        "attribution_id INTEGER NOT NULL, "
        "position INTEGER NOT NULL, "
        "PRIMARY KEY (source_id, claim_key, attribution_id, position))",
        "CREATE FUNCTION claim_by_source_reports() RETURNS trigger AS $$ BEGIN "
        f"INSERT INTO {_CLAIM_BY_SOURCE_COLUMNS} "
        "SELECT n.source_id, c.key, n.id, -1 FROM new_rows n JOIN claim c ON c.id = n.claim_id; "
        "RETURN NULL; END; $$ LANGUAGE plpgsql",
        "CREATE TRIGGER claim_by_source_report AFTER INSERT ON attribution "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION claim_by_source_reports()",
        "CREATE FUNCTION claim_by_source_relays() RETURNS trigger AS $$ BEGIN "
        f"INSERT INTO {_CLAIM_BY_SOURCE_COLUMNS} "
        "SELECT n.source_id, c.key, n.attribution_id, n.position FROM new_rows n "
        "JOIN attribution a ON a.id = n.attribution_id JOIN claim c ON c.id = a.claim_id; "
        "RETURN NULL; END; $$ LANGUAGE plpgsql",
        "CREATE TRIGGER claim_by_source_relay AFTER INSERT ON relay "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION claim_by_source_relays()",
        "CREATE FUNCTION claim_by_source_report_moved() RETURNS trigger AS $$ BEGIN "
        f"{_REPORT_MOVED} RETURN NULL; END; $$ LANGUAGE plpgsql",
        "CREATE TRIGGER claim_by_source_report_moved AFTER UPDATE OF claim_id, source_id "
        "ON attribution FOR EACH ROW EXECUTE FUNCTION claim_by_source_report_moved()",
        "CREATE FUNCTION claim_by_source_relay_changed() RETURNS trigger AS $$ BEGIN "
        f"{_RELAY_CHANGED} RETURN NULL; END; $$ LANGUAGE plpgsql",
        "CREATE TRIGGER claim_by_source_relay_changed AFTER UPDATE ON relay "
        "FOR EACH ROW EXECUTE FUNCTION claim_by_source_relay_changed()",
    ),
}
"""Migration 10: every report's claim key under its origin (position -1) and under each
of its relays, kept in step by triggers (reports are inserted, moved by merges and
relays renamed by edits; none is ever deleted). A source's claims are read from it in
key order, so the first page of a listing stops after its rows instead of sorting all
of a busy source's claims."""
_CLAIM_BY_SOURCE_FILL = (
    f"INSERT INTO {_CLAIM_BY_SOURCE_COLUMNS} "
    "SELECT a.source_id, c.key, a.id, -1 FROM attribution a JOIN claim c ON c.id = a.claim_id "
    "UNION ALL SELECT r.source_id, c.key, r.attribution_id, r.position FROM relay r "
    "JOIN attribution a ON a.id = r.attribution_id JOIN claim c ON c.id = a.claim_id "
    "ORDER BY 1, 2, 3, 4"
)


def _m010_claim_by_source(conn: Connection) -> None:
    """Claims by source in key order (``provenance.query``), filled from the reports
    already stored in one sorted insert."""
    for statement in _CLAIM_BY_SOURCE_DDL["sqlite" if is_sqlite(conn) else "postgresql"]:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql(_CLAIM_BY_SOURCE_FILL)


_LISTING_TRIGGERS = ("claim_by_source_report", "claim_by_source_relay")
"""The SQLite triggers that add each inserted report and relay to ``claim_by_source``."""


def reported_under(where: str = "1=1") -> str:
    """The rows ``claim_by_source`` holds for the reports ``where`` selects (a condition
    on ``a``, the report): its claim key under its origin (position -1) and under each
    of its relays, the claim being the one the report is in now."""
    return (
        "SELECT a.source_id, c.key, a.id, -1 FROM attribution a JOIN claim c "
        f"ON c.id = a.claim_id WHERE {where} "
        "UNION ALL SELECT r.source_id, c.key, r.attribution_id, r.position FROM relay r "
        "JOIN attribution a ON a.id = r.attribution_id JOIN claim c ON c.id = a.claim_id "
        f"WHERE {where}"
    )


@contextmanager
def listing_filled_after(conn: Connection, batch_id: int, bulk: bool) -> Iterator[None]:
    """For a bulk load (``bulk``) on SQLite, ``claim_by_source`` is filled with the batch's
    reports and relays in one sorted insert after the block, instead of by a trigger
    for every inserted row (about 7% of a 100k import's CPU). The triggers are dropped
    for the block and created again as they were, in the caller's transaction, so an
    error in the block leaves them to its rollback. PostgreSQL's triggers already run
    once per statement."""
    if not bulk or not is_sqlite(conn):
        yield
        return
    names = ", ".join(f"'{n}'" for n in _LISTING_TRIGGERS)
    saved = conn.execute(
        text(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})")
    ).all()
    for name, _ in saved:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    fill = f"INSERT INTO {_CLAIM_BY_SOURCE_COLUMNS} {reported_under('a.batch_id = :b')}"
    conn.execute(text(f"{fill} ORDER BY 1, 2, 3, 4"), {"b": batch_id})
    for _, sql in saved:
        conn.exec_driver_sql(sql)


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial schema", _m001_initial),
    (2, "verdict table", _m002_verdict),
    (3, "source variants", _m003_source_variant),
    (4, "tamper-evident history", _m004_hash_chain),
    (5, "measure decisions and dispute reviews", _m005_measures),
    (6, "extra fields", _m006_attribution_extra),
    (7, "stored readings of claims' words", _m007_claim_cues),
    (8, "search index of claims' words and quotes", _m008_search_index),
    (9, "stored export lines", _m009_export_lines),
    (10, "claims by source in key order", _m010_claim_by_source),
]
LATEST_VERSION = MIGRATIONS[-1][0]


def schema_version(conn: Connection) -> int:
    if not inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
    return int(row[0]) if row else 0


def ensure_schema(engine: Engine, *, write: bool, url: str | None = None) -> None:
    """Create or upgrade the schema; refuse to write to a database from a newer release.

    A read session on a current schema writes nothing. Only a database from an older
    release is upgraded on first read, through a separate write connection; where
    that is impossible (a read-only copy) the error says so.
    """
    with engine.connect() as conn:
        version = schema_version(conn)
        conn.rollback()
    if version > LATEST_VERSION:
        if write:
            raise SchemaTooNewError(
                f"the database is at schema version {version}, newer than this release "
                f"({LATEST_VERSION}); upgrade provenance before writing to it"
            )
        return
    if version == LATEST_VERSION:
        return
    url = url or engine.url.render_as_string(hide_password=False)
    upgrade_engine = engine if write else make_engine(url, write=True)
    try:
        with upgrade_engine.begin() as conn:
            migrate(conn)
    except DBAPIError as exc:
        if write:
            raise
        reason = (str(exc.orig).strip().splitlines() or ["?"])[0]
        raise DatabaseError(
            f"the database is at schema version {version}, older than this release "
            f"({LATEST_VERSION}), and cannot be upgraded here ({reason}); run any write "
            "command on a writable copy first"
        ) from exc
    finally:
        if upgrade_engine is not engine:
            upgrade_engine.dispose()


def migrate(conn: Connection) -> int:
    """Apply the missing migrations inside the caller's transaction; return the new version."""
    version = schema_version(conn)
    for number, _name, step in MIGRATIONS:
        if number > version:
            step(conn)
            set_schema_version(conn, number)
            version = number
    return version


def set_schema_version(conn: Connection, number: int) -> None:
    updated = conn.execute(
        text("UPDATE meta SET value = :v WHERE key = 'schema_version'"), {"v": str(number)}
    )
    if updated.rowcount == 0:
        conn.execute(
            text("INSERT INTO meta (key, value) VALUES ('schema_version', :v)"), {"v": str(number)}
        )


# --- bulk writes ---------------------------------------------------------------------


def refresh_statistics(conn: Connection) -> None:
    """Let the query planner see what a bulk import added: without it PostgreSQL plans
    a 30,000-claim table as if it held 80 rows (query by source 71 ms instead of a few)."""
    if is_sqlite(conn):
        conn.exec_driver_sql("PRAGMA optimize")
    else:
        conn.exec_driver_sql(
            "ANALYZE source, source_alias, document, claim, attribution, relay, claim_by_source"
        )


def allocate_ids(conn: Connection, table: str, count: int) -> list[int]:
    """Reserve ``count`` primary keys so related rows can be written without RETURNING.

    SQLite: the write lock is held (BEGIN IMMEDIATE), so MAX(id)+1 onwards is ours.
    PostgreSQL: draw from the table's sequence.
    """
    if count == 0:
        return []
    if is_sqlite(conn):
        start = conn.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").scalar_one()
        return list(range(int(start), int(start) + count))
    rows = conn.execute(
        text(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, :n)"
        ),
        {"n": count},
    )
    return [int(r[0]) for r in rows]


def bulk_insert(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert many rows with the backend's fast path: COPY on PostgreSQL, executemany on SQLite."""
    if not rows:
        return
    cols = ", ".join(columns)
    if is_sqlite(conn):
        marks = ", ".join("?" for _ in columns)
        conn.exec_driver_sql(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(rows))
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
