"""The tamper-evident history: row digests and the hash chain of the event log.

Every event records a digest of each row it wrote (table ``row_digest``), and carries
``hash`` = SHA-256 over the previous event's hash, its own fields and the digest of its
row digests (``rows_digest``). Replaying the log gives the digest every row must have
now; a row changed, added or removed behind provenance's back no longer matches, and
an event changed or removed breaks the chain. An auditor who keeps the chain head
(``provenance log --head``) elsewhere can prove that nothing up to it changed, even
against someone able to rewrite the whole log consistently.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, inspect, text

from provenance.bulk import code_point_order, column_batches, stream_rows

# Every table whose rows the log vouches for, with the columns naming a row.
TRACKED: dict[str, tuple[str, ...]] = {
    "import_batch": ("id",),
    "source": ("id",),
    "source_alias": ("id",),
    "document": ("id",),
    "claim": ("id",),
    "attribution": ("id",),
    "relay": ("attribution_id", "position"),
    "review": ("id",),
    "verdict": ("id",),
    "source_variant": ("source_id", "field", "value"),
    "measure": ("id",),
    "claim_measure": ("id",),
    "dispute_review": ("id",),
    "attribution_extra": ("attribution_id", "name"),
}
# Columns filled in after their row's event is written (they point at that event);
# check verifies them against the log instead.
LINK_COLUMNS = {"review": "event_id", "verdict": "event_id", "dispute_review": "event_id"}
# Rows an import writes, found by its batch number.
_BATCH_ROWS = {
    "import_batch": "SELECT * FROM import_batch WHERE id = :b",
    "source": "SELECT * FROM source WHERE batch_id = :b",
    "document": "SELECT * FROM document WHERE batch_id = :b",
    "claim": "SELECT * FROM claim WHERE batch_id = :b",
    "attribution": "SELECT * FROM attribution WHERE batch_id = :b",
    "relay": (
        "SELECT r.* FROM relay r JOIN attribution a ON a.id = r.attribution_id "
        "WHERE a.batch_id = :b"
    ),
    "verdict": "SELECT * FROM verdict WHERE batch_id = :b",
    "source_variant": "SELECT * FROM source_variant WHERE batch_id = :b",
    "attribution_extra": "SELECT * FROM attribution_extra WHERE batch_id = :b",
}
EVENT_FIELDS = (
    "id",
    "at",
    "actor",
    "command",
    "action",
    "entity",
    "entity_key",
    "before",
    "after",
    "batch_id",
    "undoes_id",
)


@dataclass
class NewEvent:
    """An event to append: its fields and the rows it wrote (ids by table; for ``relay``,
    attribution ids; ``batch`` adds every row of that import)."""

    fields: dict[str, Any]
    wrote: Mapping[str, Sequence[int]] = field(default_factory=dict)
    batch: int | None = None


def _canon(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return repr(value)
    return value


_PLAIN = frozenset({str, int, type(None)})
"""Types ``_canon`` leaves as they are (``bool`` is not ``int`` here: ``type`` is exact)."""
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
"""``json.dumps`` with these options, without building an encoder for every row."""


def digester(table: str, columns: Sequence[str]) -> Callable[[Sequence[Any]], tuple[str, str]]:
    """A function from a row's values (in ``columns`` order) to its key and digest: SHA-256
    of the table, the column names in name order (the link column left out) and the
    values in that order, as canonical JSON; the same whatever order the columns are in."""
    skip = LINK_COLUMNS.get(table)
    order = sorted((c, i) for i, c in enumerate(columns) if c != skip)
    picks = [i for _, i in order]
    keys = [list(columns).index(n) for n in TRACKED[table]]
    prefix = json.dumps([table, [c for c, _ in order]], ensure_ascii=False)
    plain = _PLAIN
    sha256 = hashlib.sha256
    encode = _ENCODE
    if len(keys) == 1:
        (at,) = keys

        def key_of(values: Sequence[Any]) -> str:
            return str(values[at])

    else:

        def key_of(values: Sequence[Any]) -> str:
            return ":".join(str(values[i]) for i in keys)

    def digest(values: Sequence[Any]) -> tuple[str, str]:
        picked = [values[i] for i in picks]
        data = encode([v if type(v) in plain else _canon(v) for v in picked])
        return key_of(values), sha256((prefix + data).encode("utf-8")).hexdigest()[:32]

    return digest


def row_digest(table: str, columns: Sequence[str], values: Sequence[Any]) -> str:
    """The digest of one row."""
    return digester(table, columns)(values)[1]


def _digests(conn: Connection, table: str, sql: str, params: dict[str, Any]) -> Iterator[Any]:
    for columns, rows in column_batches(conn, sql, params):
        digest = digester(table, columns)
        for values in rows:
            yield (table, *digest(values))


def written_rows(conn: Connection, event: NewEvent) -> Iterator[tuple[str, str, str]]:
    """(table, row key, digest) of every row the event wrote, read back in batches; a row
    may come more than once."""
    present = _present_tables(conn)
    if event.batch is not None:
        for table, sql in _BATCH_ROWS.items():
            if table in present:
                yield from _digests(conn, table, sql, {"b": event.batch})
    for table, ids in event.wrote.items():
        column = TRACKED[table][0]
        unique = sorted(set(ids))
        for i in range(0, len(unique), 10_000):
            chunk = unique[i : i + 10_000]
            sql = f"SELECT * FROM {table} WHERE {column} IN :ids"
            yield from _digests(conn, table, sql, {"ids": chunk})


def rows_digest(rows: Iterable[tuple[str, str, str]]) -> str | None:
    """The digest of an event's rows: SHA-256 of their distinct lines ``table:key:digest``
    in code-point order, joined by newlines; None for no rows. ``LineDigest`` computes
    the same from lines streamed in that order."""
    lines = sorted({f"{t}:{k}:{d}" for t, k, d in rows})
    digest = LineDigest()
    for line in lines:
        digest.add(line)
    return digest.value()


class LineDigest:
    """``rows_digest`` of lines fed in sorted order, without holding them. A line equal
    to the one before is counted in ``repeated`` and, if ``distinct``, left out; a line
    before the one before makes ``ordered`` false (the value is then not the digest)."""

    def __init__(self, *, distinct: bool = True) -> None:
        self.hash = hashlib.sha256()
        self.distinct = distinct
        self.last: str | None = None
        self.repeated = 0
        self.ordered = True

    def add(self, line: str) -> None:
        last = self.last
        if last is not None and line <= last:
            if line < last:
                self.ordered = False
            else:
                self.repeated += 1
                if self.distinct:
                    return
        self.hash.update((line if last is None else "\n" + line).encode("utf-8"))
        self.last = line

    def value(self) -> str | None:
        return None if self.last is None else self.hash.hexdigest()


def event_hash(prev: str | None, fields: Mapping[str, Any], digest: str | None) -> str:
    """The chain link: previous hash, every field of the event, its rows' digest."""
    values = [prev, *(_canon(fields.get(f)) for f in EVENT_FIELDS), digest]
    data = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def head(conn: Connection) -> tuple[int, str] | None:
    """The newest event's number and hash."""
    row = conn.execute(text("SELECT id, hash FROM event ORDER BY id DESC LIMIT 1")).first()
    return None if row is None or row[1] is None else (int(row[0]), str(row[1]))


def append(conn: Connection, events: Sequence[NewEvent]) -> list[int]:
    """Append events to the log, each linked to the one before; returns their numbers.
    The only writer of ``event`` and ``row_digest`` rows.

    The rows' digests go through a temporary table rather than memory: an import writes
    millions. They are staged as they are computed, read back in line order to digest
    each event's rows, and copied into ``row_digest`` once the events exist."""
    from provenance import db

    if not events:
        return []
    ids = db.allocate_ids(conn, "event", len(events))
    last = head(conn)
    prev = last[1] if last else None
    create_stage(conn)
    for event_id, event in zip(ids, events, strict=True):
        stage_rows(conn, ((event_id, *row) for row in written_rows(conn, event)))
    digests, repeated = staged_digests(conn, ids)
    event_rows: list[tuple[Any, ...]] = []
    for event_id, event in zip(ids, events, strict=True):
        fields = {**{f: None for f in EVENT_FIELDS}, **event.fields, "id": event_id}
        digest = digests.get(event_id)
        prev = event_hash(prev, fields, digest)
        event_rows.append((*(fields[f] for f in EVENT_FIELDS), digest, prev))
    db.bulk_insert(conn, "event", (*EVENT_FIELDS, "rows_digest", "hash"), event_rows)
    distinct = "DISTINCT " if repeated else ""
    conn.exec_driver_sql(
        f"INSERT INTO row_digest (event_id, tbl, row_key, digest) "
        f"SELECT {distinct}event_id, tbl, row_key, digest FROM {STAGE}"
    )
    conn.exec_driver_sql(f"DROP TABLE {STAGE}")
    return ids


STAGE = "ledger_stage"
"""The temporary table holding the rows of the events being appended."""
_STAGE_COLUMNS = ("event_id", "tbl", "row_key", "digest")
_STAGE_BATCH = 20_000


def create_stage(conn: Connection) -> None:
    """An empty temporary table for the rows of the events being appended."""
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {STAGE}")
    conn.exec_driver_sql(
        f"CREATE TEMPORARY TABLE {STAGE} (event_id INTEGER NOT NULL, "
        "tbl TEXT NOT NULL, row_key TEXT NOT NULL, digest TEXT NOT NULL)"
    )


def stage_rows(conn: Connection, rows: Iterable[tuple[int, str, str, str]]) -> None:
    """Add (event, table, row key, digest) rows to the stage, a batch at a time."""
    from provenance import db

    batch: list[tuple[int, str, str, str]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _STAGE_BATCH:
            db.bulk_insert(conn, STAGE, _STAGE_COLUMNS, batch)
            batch = []
    db.bulk_insert(conn, STAGE, _STAGE_COLUMNS, batch)


def staged_digests(conn: Connection, ids: Iterable[int]) -> tuple[dict[int, str | None], bool]:
    """Each event's ``rows_digest`` from the stage, and whether any row was staged twice."""
    lines = EventLines(conn, STAGE, distinct=True)
    digests: dict[int, str | None] = {}
    repeated = False
    for event_id in sorted(ids):
        digest = lines.digest(event_id)
        digests[event_id] = digest.value()
        repeated = repeated or digest.repeated > 0
    lines.close()
    return digests, repeated


class EventLines:
    """The lines ``table:key:digest`` of a table of row digests (``row_digest`` or the
    stage), read event by event in id order, each event's lines in code-point order
    (Python's order of strings): SQLite's binary collation compares UTF-8 bytes, which
    is that order; PostgreSQL sorts with the "C" collation. Should an event's lines
    come in another order all the same (values that are not text), they are read
    again and sorted here. Events asked for must come in increasing order; lines of
    events skipped over are ``strays``."""

    def __init__(self, conn: Connection, table: str, *, distinct: bool) -> None:

        self.conn, self.table, self.distinct = conn, table, distinct
        line = "tbl || ':' || row_key || ':' || digest"
        collate = code_point_order(conn)
        self.rows = stream_rows(
            conn,
            f"SELECT event_id, tbl, row_key, digest FROM {table} "
            f"ORDER BY event_id, ({line}){collate}",
            {},
        )
        self.pending = next(self.rows, None)
        self.strays: list[int] = []

    def digest(self, event_id: int) -> LineDigest:
        """The digest of one event's lines."""
        self._skip(event_id)
        digest = LineDigest(distinct=self.distinct)
        rows, pending = self.rows, self.pending
        while pending is not None and int(pending[0]) == event_id:
            digest.add(f"{pending[1]}:{pending[2]}:{pending[3]}")
            pending = next(rows, None)
        self.pending = pending
        return digest if digest.ordered else self._sorted_here(event_id)

    def rest(self) -> list[int]:
        """The events with lines after the last one asked for, added to the strays."""
        self._skip(None)
        self.close()
        return self.strays

    def close(self) -> None:
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()

    def _skip(self, before: int | None) -> None:
        rows, pending, strays = self.rows, self.pending, self.strays
        while pending is not None and (before is None or int(pending[0]) < before):
            stray = int(pending[0])
            if not strays or strays[-1] != stray:
                strays.append(stray)
            pending = next(rows, None)
        self.pending = pending

    def _sorted_here(self, event_id: int) -> LineDigest:
        result = self.conn.execute(
            text(f"SELECT tbl, row_key, digest FROM {self.table} WHERE event_id = :e"),
            {"e": event_id},
        )
        digest = LineDigest(distinct=self.distinct)
        for line in sorted(f"{t}:{k}:{d}" for t, k, d in result):
            digest.add(line)
        return digest


def _present_tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names()) & set(TRACKED)


# --- verification -----------------------------------------------------------------------


def verify_chain(conn: Connection, keep: str | None = None) -> tuple[list[str], bool]:
    """Recompute every event's hash from its fields, its row digests and the previous
    hash. Returns the problems and whether ``keep`` (a recorded head) is in the chain."""
    problems: list[str] = []
    recorded = EventLines(conn, "row_digest", distinct=False)
    prev: str | None = None
    found = keep is None
    columns = ", ".join((*EVENT_FIELDS, "rows_digest", "hash"))
    for row in stream_rows(conn, f"SELECT {columns} FROM event ORDER BY id", {}):
        fields = dict(zip(EVENT_FIELDS, row[: len(EVENT_FIELDS)], strict=True))
        digest, stored = row[-2], row[-1]
        actual = recorded.digest(int(fields["id"])).value()
        if actual != digest:
            problems.append(f"event {fields['id']}: its row digests were changed")
        expected = event_hash(prev, fields, digest)
        if stored != expected:
            problems.append(
                f"event {fields['id']} ({fields['action']}): hash does not match its content "
                "or the event before it (the log was changed)"
            )
        prev = stored
        found = found or stored == keep
    for event_id in recorded.rest():
        problems.append(f"row digests of event {event_id}, which is not in the log")
    return problems, found


def verify_rows(conn: Connection) -> list[str]:
    """Replay the row digests: every row must be as the last event that wrote it left it,
    and every row must have been written by an event. One table's digests are held at
    a time, not the whole log's."""
    baselines = {
        int(r[0]) for r in conn.execute(text("SELECT id FROM event WHERE action = 'baseline'"))
    }
    present = _present_tables(conn)
    found: dict[str, list[str]] = {}
    missing: list[tuple[tuple[str, str], int]] = []
    for table, logged in _logged_by_table(conn):
        if table in present:
            found[table] = _check_table(conn, table, logged, baselines)
        missing.extend((key, event_id) for key, (_, event_id) in logged.expected.items())
    for table in present - found.keys():
        found[table] = _check_table(conn, table, _Logged(table), baselines)
    problems = [p for table in sorted(found) for p in found[table]]
    for (table, key), event_id in sorted(missing):
        problems.append(f"{table} {key}, written by event {event_id}, is missing")
    return problems


@dataclass
class _Logged:
    """What the log says of one table's rows: each key's digest and the event that last
    wrote it; and, for a table with a link column, every (key, event) that wrote one."""

    table: str
    expected: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    writers: set[tuple[str, str, int]] = field(default_factory=set)


def _logged_by_table(conn: Connection) -> Iterator[tuple[str, _Logged]]:
    """The row digests table by table, each table's in the order of the events (and of
    the rows within one event on SQLite), so the last event that wrote a row wins."""
    from provenance import db

    within = ", rowid" if db.is_sqlite(conn) else ""
    collate = code_point_order(conn)
    rows = stream_rows(
        conn,
        "SELECT tbl, row_key, digest, event_id FROM row_digest "
        f"ORDER BY tbl{collate}, event_id{within}",
        {},
    )
    for table, group in itertools.groupby(rows, key=lambda r: r[0]):
        logged = _Logged(table)
        linked = table in LINK_COLUMNS
        for t, k, d, event_id in group:
            logged.expected[(t, k)] = (d, int(event_id))
            if linked:
                logged.writers.add((t, k, int(event_id)))
        yield table, logged


def _check_table(conn: Connection, table: str, logged: _Logged, baselines: set[int]) -> list[str]:
    """The problems of one table's rows; the rows met are taken out of ``logged``."""
    expected, writers = logged.expected, logged.writers

    def _linked(key: str, link: Any, writer: int) -> bool:
        """A row points at an event that wrote it; a row vouched for by the upgrade's
        baseline points at an event before it."""
        if link is None:
            return True
        if writer in baselines:
            return int(link) < writer
        return (table, key, int(link)) in writers

    problems: list[str] = []
    link = LINK_COLUMNS.get(table)
    for columns, rows in column_batches(conn, f"SELECT * FROM {table}", {}):
        digester_of = digester(table, columns)
        for values in rows:
            key, digest = digester_of(values)
            logged_as = expected.pop((table, key), None)
            where = f"{table} {key}"
            if logged_as is None:
                problems.append(f"{where} was written outside the event log")
            elif logged_as[0] != digest:
                problems.append(f"{where} differs from what event {logged_as[1]} wrote")
            elif link and not _linked(
                key, dict(zip(columns, values, strict=True))[link], logged_as[1]
            ):
                problems.append(f"{where}: {link} does not name the event that wrote it")
    return problems
