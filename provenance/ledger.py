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
    and every row must have been written by an event. The log's digests and each table's
    rows are both read in row-key order and matched as they come, so memory does not grow
    with the archive. A table whose keys the database does not return in that order (a
    tampered key of another type) is checked again with its digests held in memory.
    Problems are listed table by table, each table's in the natural order of its keys,
    then the rows that are missing."""
    baselines = {
        int(r[0]) for r in conn.execute(text("SELECT id FROM event WHERE action = 'baseline'"))
    }
    present = sorted(_present_tables(conn))
    logged = _LogStream(conn)
    found: list[tuple[str, tuple[Any, ...], str]] = []
    missing: list[tuple[str, str, int]] = []
    while True:
        table = min(filter(None, (present[0] if present else None, logged.table())), default=None)
        if table is None:
            break
        if present and present[0] == table:
            present.pop(0)
            problems, gone = _replay_table(conn, table, logged.entries(table), baselines)
        else:
            problems, gone = [], [(table, k, e) for k, _, e in logged.entries(table)]
        found += problems
        missing += gone
    missing += logged.odd
    out = [p for _, _, p in sorted(found, key=lambda f: (f[0], f[1]))]
    out += [f"{t} {k}, written by event {e}, is missing" for t, k, e in sorted(missing)]
    return out


def _natural(key: str) -> tuple[tuple[int, Any], ...]:
    """A row key's sort order: numbers as numbers ("relay 2:10" after "relay 2:9")."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in key.split(":"))


_KeyWrites = Iterator[tuple[str, list[tuple[str, int]], int]]
"""The log's entries of one table, key by key (``_LogStream.entries``)."""
_Replayed = tuple[list[tuple[str, tuple[Any, ...], str]], list[tuple[str, str, int]]]
"""A table's problems (table, natural key, text) and the keys it lacks (table, key,
event)."""


class _LogStream:
    """The row digests of the log, by table and row key in code-point order, each key's
    entries in the order of the events (and of the rows within one event on SQLite), so
    the last entry of a key is the digest its row must have. Entries whose table or key
    is not text cannot be matched to a row: they are kept aside in ``odd``."""

    def __init__(self, conn: Connection) -> None:
        from provenance import db

        within = ", rowid" if db.is_sqlite(conn) else ""
        collate = code_point_order(conn)
        self.rows = stream_rows(
            conn,
            "SELECT tbl, row_key, digest, event_id FROM row_digest "
            f"ORDER BY tbl{collate}, row_key{collate}, event_id{within}",
            {},
        )
        self.odd: list[tuple[str, str, int]] = []
        self.pending: Sequence[Any] | None = None
        self._advance()

    def _advance(self) -> None:
        for row in self.rows:
            if isinstance(row[0], str) and isinstance(row[1], str):
                self.pending = row
                return
            self.odd.append((str(row[0]), str(row[1]), int(row[3])))
        self.pending = None

    def table(self) -> str | None:
        """The table of the next entry."""
        return None if self.pending is None else str(self.pending[0])

    def entries(self, table: str) -> _KeyWrites:
        """(key, [(digest, event)...] in event order, last event) of each key of
        ``table``; the table's remaining entries are skipped when the caller stops."""
        try:
            while self.pending is not None and self.pending[0] == table:
                key = self.pending[1]
                writes: list[tuple[str, int]] = []
                while (
                    self.pending is not None and self.pending[0] == table and self.pending[1] == key
                ):
                    writes.append((self.pending[2], int(self.pending[3])))
                    self._advance()
                yield key, writes, writes[-1][1]
        finally:
            while self.pending is not None and self.pending[0] == table:
                self._advance()


class _OutOfOrder(Exception):
    """A table's rows did not come in row-key order."""


def _replay_table(
    conn: Connection, table: str, logged: _KeyWrites, baselines: set[int]
) -> _Replayed:
    """The problems of one table's rows, and the keys the log has but the table lacks."""
    try:
        return _merge_table(conn, table, logged, baselines)
    except _OutOfOrder:
        for _ in logged:
            pass
        return _replay_in_memory(conn, table, baselines)


def _merge_table(
    conn: Connection, table: str, logged: _KeyWrites, baselines: set[int]
) -> _Replayed:
    collate = code_point_order(conn)
    key_text = " || ':' || ".join(f"COALESCE(CAST({c} AS TEXT), 'None')" for c in TRACKED[table])
    rows = _row_digests(conn, f"SELECT * FROM {table} ORDER BY {key_text}{collate}", table)
    checker = _RowChecker(table, baselines)
    missing: list[tuple[str, str, int]] = []
    entry = _next_in_order(logged, "")
    last = ""
    for key, digest, link in rows:
        if key < last:
            raise _OutOfOrder(table)
        last = key
        while entry is not None and entry[0] < key:
            missing.append((table, entry[0], entry[2]))
            entry = _next_in_order(logged, entry[0])
        if entry is not None and entry[0] == key:
            checker.check(key, digest, link, entry[1])
            entry = _next_in_order(logged, key)
        else:
            checker.check(key, digest, link, None)
    while entry is not None:
        missing.append((table, entry[0], entry[2]))
        entry = _next_in_order(logged, entry[0])
    return checker.problems, missing


def _next_in_order(logged: _KeyWrites, after: str) -> tuple[str, list[tuple[str, int]], int] | None:
    """The log's next key of a table, which must come after the one before."""
    entry = next(logged, None)
    if entry is not None and entry[0] <= after and after:
        raise _OutOfOrder(after)
    return entry


def _replay_in_memory(conn: Connection, table: str, baselines: set[int]) -> _Replayed:
    """``_merge_table`` with the table's digests held in memory, for rows in any order."""
    from provenance import db

    within = ", rowid" if db.is_sqlite(conn) else ""
    writes: dict[str, list[tuple[str, int]]] = {}
    for k, d, e in stream_rows(
        conn,
        "SELECT row_key, digest, event_id FROM row_digest WHERE tbl = :t "
        f"ORDER BY event_id{within}",
        {"t": table},
    ):
        if isinstance(k, str):
            writes.setdefault(k, []).append((d, int(e)))
    checker = _RowChecker(table, baselines)
    for key, digest, link in _row_digests(conn, f"SELECT * FROM {table}", table):
        checker.check(key, digest, link, writes.pop(key, None))
    missing = [(table, k, w[-1][1]) for k, w in writes.items()]
    return checker.problems, missing


def _row_digests(conn: Connection, sql: str, table: str) -> Iterator[tuple[str, str, Any]]:
    """(key, digest, value of the link column or None) of each row a query returns."""
    link = LINK_COLUMNS.get(table)
    for columns, rows in column_batches(conn, sql, {}):
        digest = digester(table, columns)
        at = columns.index(link) if link in columns else None
        for values in rows:
            key, value = digest(values)
            yield key, value, None if at is None else values[at]


class _RowChecker:
    """Checks rows against what the log says of them, collecting the problems."""

    def __init__(self, table: str, baselines: set[int]) -> None:
        self.table, self.baselines = table, baselines
        self.problems: list[tuple[str, tuple[Any, ...], str]] = []

    def check(self, key: str, digest: str, link: Any, writes: list[tuple[str, int]] | None) -> None:
        """One row, given the log's (digest, event) entries for its key, oldest first."""
        where = f"{self.table} {key}"
        if writes is None:
            self._add(key, f"{where} was written outside the event log")
            return
        logged_digest, writer = writes[-1]
        if logged_digest != digest:
            self._add(key, f"{where} differs from what event {writer} wrote")
        elif link is not None and not self._linked(int(link), writer, writes):
            column = LINK_COLUMNS[self.table]
            self._add(key, f"{where}: {column} does not name the event that wrote it")

    def _linked(self, link: int, writer: int, writes: list[tuple[str, int]]) -> bool:
        """A row points at an event that wrote it; a row vouched for by the upgrade's
        baseline points at an event before it."""
        if writer in self.baselines:
            return link < writer
        return any(event == link for _, event in writes)

    def _add(self, key: str, problem: str) -> None:
        self.problems.append((self.table, _natural(key), problem))
