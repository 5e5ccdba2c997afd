"""One writer at a time: how a writer waits for another, and who the other one is.

SQLite: ``BEGIN IMMEDIATE`` takes the write lock. A writer that finds it taken tries
again in short slices (SQLite's busy handler waits inside each) for as long as it is
taken. The lock is an OS file lock that ends with its holder, even a killed one, so
"taken" means a running writer holds it, and the wait lasts exactly as long as that
writer runs. Who holds it is told by a small record beside the database
(``<database>-writer``, JSON), written once the lock is taken and removed before it is
released; a record whose process no longer runs (it was killed) is ignored.

PostgreSQL: the writers of one schema share one transaction-scoped advisory lock,
tried with ``pg_try_advisory_xact_lock`` in the same loop; the holder is read from
``pg_locks`` and ``pg_stat_activity``, its command and user from the application name
it sets for the length of its transaction.

A writer that does not wait fails at once with :class:`DatabaseBusyError`; one that
waits tells its ``on_wait`` callback, once per holder, after ``NOTICE_AFTER`` seconds.
"""

from __future__ import annotations

import json
import os
import socket
import time
import zlib
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from provenance.errors import DatabaseBusyError

NOTICE_AFTER = 3.0
"""Seconds a writer waits before it says whom it is waiting for."""
SLICE_MS = 250
"""How long one ``BEGIN IMMEDIATE`` waits before the holder is looked at again."""
POLL_S = 0.2
"""How often a PostgreSQL writer tries the advisory lock again."""
WRITER_LOCK = 0x70726F76  # "prov": the advisory lock's first key; the schema gives the second
APP_PREFIX = "provenance:"
SQLITE_BUSY = 5


@dataclass(frozen=True)
class Holder:
    """The writer holding the lock, as far as it can be known."""

    activity: str | None = None
    user: str | None = None
    pid: int | None = None
    started: str | None = None
    host: str | None = None

    def __str__(self) -> str:
        if self.pid is None:
            return "another process"
        what = f"the {self.activity}" if self.activity else "a writer"
        when = f" started at {self.started}" if self.started else ""
        who = f" by {self.user}" if self.user else ""
        return f"{what}{when}{who} (pid {self.pid})"

    def is_this_process(self) -> bool:
        """``host`` may be cut short (a PostgreSQL application name is at most 63 bytes)."""
        if not self.host or self.pid != os.getpid():
            return False
        return _hostname().startswith(self.host)


@dataclass
class WriterPolicy:
    """How a write session takes the lock: wait (telling ``on_wait`` whom for) or not."""

    wait: bool = True
    on_wait: Callable[[Holder], None] | None = None
    activity: str | None = None
    user: str = "unknown"
    started: str = field(
        default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    )
    announced: set[Holder] = field(default_factory=set)

    def me(self) -> Holder:
        return Holder(self.activity, self.user, os.getpid(), self.started, _hostname())

    def busy(self, holder: Holder, since: float) -> None:
        """The lock is taken by ``holder``: fail, or tell once whom this writer waits for."""
        if holder.is_this_process():
            raise DatabaseBusyError(
                "database is busy: this process is already writing to it, "
                "and a second write would wait for itself"
            )
        if not self.wait:
            raise DatabaseBusyError(f"database is busy: {holder} is writing to it")
        waited = time.monotonic() - since
        if holder == Holder() and self.announced:
            return  # the writer announced has removed its record and is releasing the lock
        if waited >= NOTICE_AFTER and self.on_wait and holder not in self.announced:
            self.announced.add(holder)
            self.on_wait(holder)


# --- SQLite ---------------------------------------------------------------------------------


def record_path(database: str | None) -> Path | None:
    """Where a SQLite database's writer record lives (none for an in-memory database)."""
    if database in (None, "", ":memory:") or str(database).startswith("file:"):
        return None
    return Path(f"{database}-writer")


def begin_sqlite(conn: Connection, record: Path | None, policy: WriterPolicy, busy_ms: int) -> None:
    """``BEGIN IMMEDIATE``, waiting as the policy says; then leave the holder record."""
    since = time.monotonic()
    while True:
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {SLICE_MS if policy.wait else 0}")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            break
        except OperationalError as exc:
            if getattr(exc.orig, "sqlite_errorcode", 0) & 0xFF != SQLITE_BUSY:
                raise
            policy.busy(sqlite_holder(record), since)
    conn.exec_driver_sql(f"PRAGMA busy_timeout = {busy_ms}")
    if record is not None:
        _write_record(record, policy.me())
        conn.info["writer_record"] = record


def end_sqlite(conn: Connection) -> None:
    """Before the lock is released: remove the record this connection wrote, if any."""
    record = conn.info.pop("writer_record", None)
    if record is not None:
        with suppress(OSError):
            record.unlink()


def sqlite_holder(record: Path | None) -> Holder:
    """Who the record says holds the lock; a record left by a dead process says nothing."""
    if record is None:
        return Holder()
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        holder = Holder(
            activity=data.get("activity"),
            user=data.get("user"),
            pid=int(data["pid"]),
            started=data.get("started"),
            host=data.get("host"),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Holder()
    return holder if _running(holder) else Holder()


def _hostname() -> str:
    return socket.gethostname()


def _running(holder: Holder) -> bool:
    if holder.pid is None or holder.host != _hostname():
        return True  # another machine's process cannot be looked at from here
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def _write_record(record: Path, holder: Holder) -> None:
    """Written beside and renamed, so a reader never sees half a record. Only a message
    depends on it, so a directory that refuses it changes nothing else."""
    data = {
        "pid": holder.pid,
        "user": holder.user,
        "activity": holder.activity,
        "started": holder.started,
        "host": holder.host,
    }
    temporary = record.with_name(f".{record.name}.{os.getpid()}")
    with suppress(OSError):
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, record)


# --- PostgreSQL -----------------------------------------------------------------------------

_HOLDER_SQL = text(
    "SELECT a.pid, a.usename, a.xact_start, a.application_name "
    "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
    "AND l.classid::bigint = :k1 AND l.objid::bigint = :k2"
)


def begin_postgres(conn: Connection, policy: WriterPolicy) -> None:
    """Take the schema's writers' lock, waiting as the policy says. The application name,
    set for this transaction only, tells a waiting writer who holds it."""
    me = policy.me()
    host = (me.host or "")[:16].replace(":", "")
    app = f"{APP_PREFIX}{me.pid}@{host}:{me.activity or ''}:{me.user or ''}"[:63]
    schema = conn.execute(
        text("SELECT current_schema(), set_config('application_name', :app, true)"),
        {"app": app},
    ).scalar_one()
    keys = {"k1": WRITER_LOCK, "k2": zlib.crc32(str(schema).encode()) & 0x7FFFFFFF}
    since = time.monotonic()
    while not conn.execute(text("SELECT pg_try_advisory_xact_lock(:k1, :k2)"), keys).scalar_one():
        policy.busy(_postgres_holder(conn, keys), since)
        time.sleep(POLL_S)


def _postgres_holder(conn: Connection, keys: dict[str, Any]) -> Holder:
    row = conn.execute(_HOLDER_SQL, keys).first()
    if row is None:
        return Holder()
    server_pid, db_user, xact_start, app = row
    started = xact_start.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if xact_start else None
    if app and app.startswith(APP_PREFIX):
        where, activity, user = [*app[len(APP_PREFIX) :].split(":", 2), "", ""][:3]
        pid, _, host = where.partition("@")
        with suppress(ValueError):
            return Holder(activity or None, user or db_user, int(pid), started, host or None)
    return Holder(None, db_user, int(server_pid), started)
