"""The export's CSV lines, stored: one per report, kept in step with the event log.

Rendering a report's line costs far more than reading it back, so every write session
renders again the lines of the claims its events touched (``provenance.export`` does the
rendering; this module stores the lines and finds what is stale). An export reads them
only while they are current: the state row names the last event they include and the
renderer that made them, and any other event or renderer sends the export back to
rendering every row itself. Derived data: nothing here is in the event log, and a
wrong line can always be made again from the tables.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, inspect, text

from provenance import ledger
from provenance.bulk import in_set, stream_rows

TABLE = "export_line"
LINE_COLUMNS = ("claim_key", "attribution_id", "claim_id", "line", "merged_sources")
REBUILD_FROM = 200_000
"""Row digests since the lines were last made beyond which every line is made again,
if they also outnumber the stored lines: a change as large as the archive touches most
claims, and one pass over everything is cheaper than finding each touched claim first;
a smaller one (a day's import into a large archive) renders only its claims."""
WRITE_LINES = 5000
_TOUCHING_EVENTS = ("retract", "merge", "merge_source", "unmerge")
"""Actions whose reason a line shows (``status_reason``, ``source_merge_reason``)."""


def renderer_id(header: Sequence[str], version: str) -> str:
    """What made the lines: the columns and the rendering's version."""
    return hashlib.sha256(json.dumps([version, list(header)]).encode()).hexdigest()[:16]


def present(conn: Connection) -> bool:
    return inspect(conn).has_table(TABLE)


def _state(conn: Connection) -> tuple[int | None, str] | None:
    row = conn.execute(text("SELECT event_id, renderer FROM export_state WHERE id = 1")).first()
    return None if row is None else (row[0], str(row[1]))


def current(conn: Connection, renderer: str) -> bool:
    """Whether the stored lines include every event and come from this renderer."""
    if not present(conn):
        return False
    state = _state(conn)
    if state is None or state[1] != renderer:
        return False
    last = ledger.head(conn)
    return state[0] == (last[0] if last else None)


def stale_claims(conn: Connection, renderer: str) -> set[int] | None:
    """The claims whose lines the events since the last rendering may have changed; None
    when every line must be made again (no lines yet, another renderer, or too many
    changes to find one by one)."""
    state = _state(conn)
    if state is None or state[1] != renderer:
        return None
    since = state[0] or 0
    count = conn.execute(
        text("SELECT COUNT(*) FROM row_digest WHERE event_id > :e"), {"e": since}
    ).scalar_one()
    if (
        count > REBUILD_FROM
        and count > conn.execute(text(f"SELECT COUNT(*) FROM {TABLE}")).scalar_one()
    ):
        return None
    return _touched_claims(conn, since)


def _touched_claims(conn: Connection, since: int) -> set[int]:
    claims: set[int] = set()
    reports: set[int] = set()
    sources: set[int] = set()
    documents: set[int] = set()
    sql = "SELECT tbl, row_key FROM row_digest WHERE event_id > :e"
    for table, key in stream_rows(conn, sql, {"e": since}):
        if table == "claim":
            claims.add(int(key))
        elif table in ("attribution", "relay", "attribution_extra"):
            reports.add(int(str(key).split(":", 1)[0]))  # relay and extra keys: "id:..."
        elif table == "source":
            sources.add(int(key))
        elif table == "document":
            documents.add(int(key))
    claim_keys, source_keys = _named_by_events(conn, since)
    claims |= _ids(conn, "SELECT id FROM claim WHERE {cond}", "key", claim_keys)
    sources |= _ids(conn, "SELECT id FROM source WHERE {cond}", "key", source_keys)
    sources |= _ids(conn, "SELECT id FROM source WHERE {cond}", "merged_into_id", sources)
    claims |= _ids(conn, "SELECT claim_id FROM export_line WHERE {cond}", "attribution_id", reports)
    claims |= _ids(conn, "SELECT reported_claim_id FROM attribution WHERE {cond}", "id", reports)
    claims |= _ids(
        conn, "SELECT reported_claim_id FROM attribution WHERE {cond}", "source_id", sources
    )
    claims |= _ids(
        conn, "SELECT reported_claim_id FROM attribution WHERE {cond}", "document_id", documents
    )
    claims |= _ids(
        conn,
        "SELECT a.reported_claim_id FROM relay r JOIN attribution a ON a.id = r.attribution_id "
        "WHERE {cond}",
        "r.source_id",
        sources,
    )
    claims |= _ids(conn, "SELECT id FROM claim WHERE {cond}", "merged_into_id", claims)
    return claims


def _named_by_events(conn: Connection, since: int) -> tuple[set[str], set[str]]:
    """Keys of the claims and sources whose standing reason the events since may set."""
    claims: set[str] = set()
    sources: set[str] = set()
    cond, actions = in_set(conn, "action", "actions", _TOUCHING_EVENTS)
    sql = f"SELECT action, entity_key, after FROM event WHERE id > :e AND {cond}"
    for action, key, after in conn.execute(text(sql), {"e": since, "actions": actions}):
        target = sources if action == "merge_source" else claims
        if key is not None:
            target.add(str(key))
        payload = json.loads(after) if after else {}
        if isinstance(payload, dict) and isinstance(payload.get("claim"), str):
            claims.add(payload["claim"])
    return claims, sources


def _ids(conn: Connection, sql: str, column: str, values: Iterable[Any]) -> set[int]:
    chosen = sorted(set(values))
    if not chosen:
        return set()
    cond, param = in_set(conn, column, "v", chosen)
    rows = conn.execute(text(sql.format(cond=cond)), {"v": param})
    return {int(r[0]) for r in rows if r[0] is not None}


def replace(
    conn: Connection,
    claims: set[int] | None,
    lines: Iterator[tuple[str, int, int, str, str | None]],
    renderer: str,
) -> int:
    """Store ``lines``, rendered for ``claims`` (every claim when None), over the ones
    they replace, and mark the lines current; the only writer of the stored lines.
    Nothing is deleted (no role needs to): a report is never deleted and never changes
    the claim it was reported as, so each line is only ever replaced by the report's
    new one. Returns the number of lines written."""
    fresh = claims is None and conn.execute(text(f"SELECT 1 FROM {TABLE} LIMIT 1")).first() is None
    written = 0
    batch: list[tuple[str, int, int, str, str | None]] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= WRITE_LINES:
            written += _write(conn, batch, fresh)
    written += _write(conn, batch, fresh)
    last = ledger.head(conn)
    state = {"e": last[0] if last else None, "r": renderer}
    updated = conn.execute(
        text("UPDATE export_state SET event_id = :e, renderer = :r WHERE id = 1"), state
    )
    if updated.rowcount == 0:
        conn.execute(
            text("INSERT INTO export_state (id, event_id, renderer) VALUES (1, :e, :r)"), state
        )
    return written


_UPSERT = (
    f"INSERT INTO {TABLE} ({', '.join(LINE_COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in LINE_COLUMNS)}) "
    "ON CONFLICT (attribution_id) DO UPDATE SET claim_key = excluded.claim_key, "
    "claim_id = excluded.claim_id, line = excluded.line, merged_sources = excluded.merged_sources"
)


def _write(
    conn: Connection, batch: list[tuple[str, int, int, str, str | None]], fresh: bool
) -> int:
    """Store a batch of lines: the backend's fast path into an empty table, else each
    over the report's old line."""
    from provenance import db

    if not batch:
        return 0
    if fresh:
        db.bulk_insert(conn, TABLE, LINE_COLUMNS, batch)
    else:
        conn.execute(text(_UPSERT), [dict(zip(LINE_COLUMNS, row, strict=True)) for row in batch])
    n = len(batch)
    batch.clear()
    return n
