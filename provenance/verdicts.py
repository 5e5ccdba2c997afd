"""Fact-checkers' verdicts on claims: the one writer of the ``verdict`` table.

A verdict is a rating ("False", "Misleading", "Accurate") given to a claim by an
organisation, with the fact-check's URL, date and explanation. Recording one is an
event; ``undo`` withdraws it (the row stays, its status says so). Verdicts that come
with an import (ClaimReview files) belong to the import batch instead.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from provenance import db
from provenance.audit import link_event, log_event, log_undo
from provenance.errors import UsageError
from provenance.query import claim_id_of

VERDICT_FIELDS = ("rating", "reviewer", "url", "published", "explanation")
"""A verdict's fields, in the order the table, the event log and the views use."""


@dataclass(frozen=True)
class VerdictIn:
    rating: str
    reviewer: str
    url: str | None = None
    published: str | None = None
    explanation: str | None = None

    def values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in VERDICT_FIELDS)


@dataclass
class Recorded:
    event: int
    verdict: int


def make_verdict(
    rating: str,
    reviewer: str,
    *,
    url: str | None = None,
    published: str | None = None,
    explanation: str | None = None,
) -> VerdictIn:
    """A validated verdict: rating and reviewer required, the date an ISO date
    (a timestamp keeps its date), blank fields absent."""
    from provenance.ingest import records

    rating_text, reviewer_text = records.ident(rating), records.ident(reviewer)
    if rating_text is None:
        raise UsageError("a verdict needs a rating")
    if reviewer_text is None:
        raise UsageError("a verdict needs the organisation that gave it")
    date_value = records.ident(published)
    if date_value is not None and len(date_value) > 10 and date_value[10] in "T ":
        date_value = date_value[:10]
    try:
        date_iso = records.date_text("published", date_value)
    except records.FieldError as exc:
        raise UsageError(f"date: {exc.reason}") from None
    return VerdictIn(
        rating=rating_text,
        reviewer=reviewer_text,
        url=records.ident(url),
        published=date_iso,
        explanation=records.text(explanation),
    )


def active_verdicts(conn: Connection, claim_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The standing verdicts of each claim, oldest first."""
    out: dict[int, list[dict[str, Any]]] = {}
    if not claim_ids:
        return out
    sql = text(
        f"SELECT id, claim_id, {', '.join(VERDICT_FIELDS)}, event_id, batch_id FROM verdict "
        "WHERE status = 'active' AND claim_id IN :ids ORDER BY claim_id, id"
    ).bindparams(bindparam("ids", expanding=True))
    for i in range(0, len(claim_ids), 5000):
        chunk = list(claim_ids[i : i + 5000])
        for r in conn.execute(sql, {"ids": chunk}):
            fields = dict(zip(VERDICT_FIELDS, r[2:7], strict=True))
            out.setdefault(int(r[1]), []).append(
                {"verdict": r[0], **fields, "event": r[7], "batch": r[8]}
            )
    return out


def claim_verdicts(session: Session, key: str) -> list[dict[str, Any]]:
    conn = session.connection()
    claim_id = claim_id_of(conn, key)
    return active_verdicts(conn, [claim_id]).get(claim_id, [])


def record(session: Session, key: str, verdict: VerdictIn, *, actor: str, command: str) -> Recorded:
    """Record a fact-check of claim ``key``; the event keeps every field."""
    conn = session.connection()
    claim_id = claim_id_of(conn, key)
    standing = [
        tuple(v[f] for f in VERDICT_FIELDS)
        for v in active_verdicts(conn, [claim_id]).get(claim_id, [])
    ]
    if verdict.values() in standing:
        raise UsageError(f"claim {key!r} already has this verdict")
    (verdict_id,) = db.allocate_ids(conn, "verdict", 1)
    _insert(conn, [(verdict_id, claim_id, verdict)], actor=actor, event=None, batch=None)
    event = log_event(
        conn,
        actor=actor,
        command=command,
        action="verdict",
        entity="claim",
        key=key,
        before=None,
        after={"verdict": verdict_id, **asdict(verdict)},
        wrote={"verdict": [verdict_id]},
    )
    link_event(conn, "verdict", verdict_id, event)
    return Recorded(event, verdict_id)


def record_imported(
    conn: Connection, verdicts: Sequence[tuple[int, VerdictIn]], *, actor: str, batch: int
) -> int:
    """Write the verdicts an import brought (claim id, verdict), skipping those already
    standing; returns how many were new."""
    standing = active_verdicts(conn, sorted({c for c, _ in verdicts}))
    seen = {(c, tuple(v[f] for f in VERDICT_FIELDS)) for c, vs in standing.items() for v in vs}
    new: list[tuple[int, VerdictIn]] = []
    for claim_id, v in verdicts:
        if (claim_id, v.values()) not in seen:
            seen.add((claim_id, v.values()))
            new.append((claim_id, v))
    ids = db.allocate_ids(conn, "verdict", len(new))
    _insert(
        conn,
        [(i, c, v) for i, (c, v) in zip(ids, new, strict=True)],
        actor=actor,
        event=None,
        batch=batch,
    )
    return len(new)


def _insert(
    conn: Connection,
    rows: Sequence[tuple[int, int, VerdictIn]],
    *,
    actor: str,
    event: int | None,
    batch: int | None,
) -> None:
    stamp = db.now()
    db.bulk_insert(
        conn,
        "verdict",
        ("id", "claim_id", *VERDICT_FIELDS, "status", "actor", "at", "batch_id", "event_id"),
        [(i, c, *v.values(), "active", actor, stamp, batch, event) for i, c, v in rows],
    )


def withdraw(
    conn: Connection, event_id: int, key: str, after: dict[str, Any], *, actor: str, command: str
) -> str:
    """Undo a ``verdict`` event: the verdict is withdrawn, its row kept."""
    row = conn.execute(
        text("SELECT id, status FROM verdict WHERE event_id = :e"), {"e": event_id}
    ).first()
    if row is None or row[1] != "active":
        raise UsageError(f"the verdict of event {event_id} is not standing")
    conn.execute(text("UPDATE verdict SET status = 'withdrawn' WHERE id = :i"), {"i": row[0]})
    wrote = {"verdict": [row[0]]}
    log_undo(
        conn, event_id, after, actor=actor, command=command, entity="claim", key=key, wrote=wrote
    )
    return f"withdrew the verdict {after['rating']!r} by {after['reviewer']} on {key}"


def describe(after: dict[str, Any]) -> str:
    """One line for the event log."""
    when = f" ({after['published']})" if after.get("published") else ""
    return f"{after['rating']} by {after['reviewer']}{when}"


def check_verdicts(conn: Connection) -> list[str]:
    """Each verdict stands exactly when the event that recorded it is not undone, every
    verdict event has its row, and a verdict without an event came with an import."""
    events = {
        int(r[0]): json.loads(r[1])
        for r in conn.execute(text("SELECT id, after FROM event WHERE action = 'verdict'"))
    }
    undone = {
        int(r[0])
        for r in conn.execute(text("SELECT undoes_id FROM event WHERE undoes_id IS NOT NULL"))
    }
    imports = {
        int(r[0])
        for r in conn.execute(text("SELECT id FROM import_batch WHERE finished_at IS NOT NULL"))
    }
    problems: list[str] = []
    rows = conn.execute(
        text(f"SELECT id, status, event_id, batch_id, {', '.join(VERDICT_FIELDS)} FROM verdict")
    )
    recorded = set()
    for r in rows:
        verdict_id, status, event, batch = r[0], r[1], r[2], r[3]
        if event is None:
            if batch not in imports:
                problems.append(f"verdict {verdict_id} has neither an event nor an import")
            continue
        recorded.add(event)
        logged = events.get(event)
        fields = dict(zip(VERDICT_FIELDS, r[4:], strict=True))
        if logged is None or logged.get("verdict") != verdict_id:
            problems.append(f"verdict {verdict_id}: event {event} did not record it")
        elif any(logged.get(f) != v for f, v in fields.items()):
            problems.append(f"verdict {verdict_id} differs from what event {event} recorded")
        expected = "withdrawn" if event in undone else "active"
        if status != expected:
            problems.append(f"verdict {verdict_id} is {status}; the event log says {expected}")
    for event in sorted(events.keys() - recorded):
        problems.append(f"event {event} recorded a verdict that is not stored")
    return problems
