"""Users' decisions on measures: merge two measures, split claims out into a measure of
their own, give a measure a label. The only writer of ``measure`` and ``claim_measure``.

A measure is read from the claims' words (``measures.auto_key``) and needs no row until
a user decides something about it. Every decision is an event; ``undo`` reverses it, and
nothing is deleted: a merged measure keeps its row, an undone split leaves its measure
``withdrawn`` and its placements ``undone``. Decisions survive later runs and imports:
``conflicts``, ``dedupe`` and ``measures`` read them through ``measures.load_decisions``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from provenance import db
from provenance.audit import log_event, log_undo
from provenance.bulk import expanding_text
from provenance.errors import NotFoundError, UsageError
from provenance.normalize import ascii_slug, short_hash


@dataclass
class MeasureChange:
    event: int
    measure: str
    claims: list[str]


def _require_reason(reason: str) -> None:
    if not reason.strip():
        raise UsageError("{reason} is required: say why, for the next reviewer", params=("reason",))


def _claims_by_measure(conn: Connection) -> dict[str, list[str]]:
    """The keys of the claims in each measure now, users' decisions applied."""
    from provenance.measures import load_points

    out: dict[str, list[str]] = defaultdict(list)
    for p in load_points(conn):
        if p.measure:
            out[p.measure].append(p.key)
    return out


def _row(conn: Connection, key: str) -> dict[str, Any] | None:
    row = conn.execute(
        text("SELECT id, key, label, status, merged_into_id FROM measure WHERE key = :k"),
        {"k": key},
    ).first()
    return None if row is None else dict(row._mapping)


def _ensure(conn: Connection, key: str, label: str | None = None) -> dict[str, Any]:
    """The measure's row, written now if no decision named it before."""
    found = _row(conn, key)
    if found is not None:
        return found
    (measure_id,) = db.allocate_ids(conn, "measure", 1)
    db.bulk_insert(
        conn,
        "measure",
        ("id", "key", "label", "status", "created_at"),
        [(measure_id, key, label, "active", db.now())],
    )
    found = _row(conn, key)
    assert found is not None
    return found


def _current(conn: Connection, key: str, claims: dict[str, list[str]]) -> dict[str, Any] | None:
    """The measure's row if it has one; a measure without a row must hold claims now."""
    row = _row(conn, key)
    if row is None and key not in claims:
        raise NotFoundError(f"no measure {key!r} (see provenance measures)")
    if row is not None and row["status"] != "active":
        raise UsageError(f"measure {key!r} is {row['status']}")
    return row


def rename_measure(
    session: Session, key: str, label: str, *, reason: str, actor: str, command: str
) -> MeasureChange:
    """Give a measure a label, shown wherever the measure is named."""
    _require_reason(reason)
    label = " ".join(label.split())
    if not label:
        raise UsageError("the label cannot be empty")
    conn = session.connection()
    _current(conn, key, _claims_by_measure(conn))
    row = _ensure(conn, key)
    if row["label"] == label:
        raise UsageError(f"measure {key!r} is already labelled {label!r}")
    conn.execute(text("UPDATE measure SET label = :l WHERE id = :i"), {"l": label, "i": row["id"]})
    event = log_event(
        conn,
        actor=actor,
        command=command,
        action="measure_rename",
        entity="measure",
        key=key,
        before={"set": {"label": row["label"]}},
        after={"set": {"label": label}, "reason": reason},
        wrote={"measure": [row["id"]]},
    )
    return MeasureChange(event, key, [])


def merge_measures(
    session: Session, keep: str, other: str, *, reason: str, actor: str, command: str
) -> MeasureChange:
    """Record that two measures are one: the claims of ``other`` are compared with those
    of ``keep`` by conflicts and dedupe, and listed under it."""
    _require_reason(reason)
    if keep == other:
        raise UsageError("a measure cannot be merged into itself")
    conn = session.connection()
    claims = _claims_by_measure(conn)
    _current(conn, keep, claims)
    _current(conn, other, claims)
    kept, merged = _ensure(conn, keep), _ensure(conn, other)
    conn.execute(
        text("UPDATE measure SET status = 'merged', merged_into_id = :k WHERE id = :i"),
        {"k": kept["id"], "i": merged["id"]},
    )
    event = log_event(
        conn,
        actor=actor,
        command=command,
        action="measure_merge",
        entity="measure",
        key=other,
        before={"set": {"status": "active", "merged_into_id": None}},
        after={
            "set": {"status": "merged", "merged_into_id": kept["id"]},
            "into": keep,
            "reason": reason,
        },
        wrote={"measure": [kept["id"], merged["id"]]},
    )
    return MeasureChange(event, keep, sorted(claims.get(other, [])))


def split_measure(
    session: Session,
    key: str,
    claim_keys: list[str],
    label: str,
    *,
    reason: str,
    actor: str,
    command: str,
) -> MeasureChange:
    """Move claims out of a measure into a new one named ``label``: they are compared
    with each other only, and never with the claims they left."""
    _require_reason(reason)
    label = " ".join(label.split())
    wanted = list(dict.fromkeys(k.strip() for k in claim_keys if k.strip()))
    if not label or not wanted:
        raise UsageError("give the claims to move and a name for their measure")
    conn = session.connection()
    claims = _claims_by_measure(conn)
    _current(conn, key, claims)
    members = set(claims.get(key, []))
    outside = [k for k in wanted if k not in members]
    if outside:
        raise UsageError(f"claim {outside[0]!r} is not in measure {key!r}")
    if len(wanted) == len(members):
        raise UsageError(f"every claim of {key!r} would move; rename the measure instead")
    new_key = ascii_slug(label, 60)
    if not new_key or not label.isascii():
        new_key = f"{new_key or 'measure'}-{short_hash(label, length=6)}"
    if _row(conn, new_key) is not None or new_key in claims:
        raise UsageError(f"a measure {new_key!r} exists already; choose another name")
    created = _ensure(conn, new_key, label)
    ids = _claim_ids(conn, wanted)
    pins = db.allocate_ids(conn, "claim_measure", len(wanted))
    stamp = db.now()
    db.bulk_insert(
        conn,
        "claim_measure",
        ("id", "claim_id", "measure_id", "status", "reason", "actor", "at"),
        [
            (pin, ids[k], created["id"], "active", reason, actor, stamp)
            for pin, k in zip(pins, wanted, strict=True)
        ],
    )
    event = log_event(
        conn,
        actor=actor,
        command=command,
        action="measure_split",
        entity="measure",
        key=new_key,
        before={"measure": key},
        after={
            "measure": new_key,
            "from": key,
            "label": label,
            "claims": wanted,
            "placements": pins,
            "reason": reason,
        },
        wrote={"measure": [created["id"]], "claim_measure": pins},
    )
    return MeasureChange(event, new_key, wanted)


def _claim_ids(conn: Connection, keys: list[str]) -> dict[str, int]:
    params = {"keys": keys}
    stmt = expanding_text("SELECT key, id FROM claim WHERE key IN :keys", params)
    return {str(k): int(i) for k, i in conn.execute(stmt, params)}


def undo_split(
    conn: Connection, event_id: int, after: dict[str, Any], *, actor: str, command: str
) -> str:
    """Withdraw a split: its measure and its placements stay, marked withdrawn and undone."""
    row = _row(conn, after["measure"])
    assert row is not None
    later = conn.execute(
        text("SELECT 1 FROM measure WHERE merged_into_id = :i AND status = 'merged'"),
        {"i": row["id"]},
    ).first()
    if row["status"] != "active" or later:
        raise UsageError(f"measure {after['measure']!r} was merged since; undo that first")
    pins = [int(i) for i in after["placements"]]
    params = {"ids": pins}
    conn.execute(
        expanding_text("UPDATE claim_measure SET status = 'undone' WHERE id IN :ids", params),
        params,
    )
    conn.execute(text("UPDATE measure SET status = 'withdrawn' WHERE id = :i"), {"i": row["id"]})
    log_undo(
        conn,
        event_id,
        after,
        actor=actor,
        command=command,
        entity="measure",
        key=after["measure"],
        wrote={"measure": [row["id"]], "claim_measure": pins},
    )
    return f"undid the split of {', '.join(after['claims'])} out of {after['from']}"
