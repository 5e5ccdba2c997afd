"""Reviewers' decisions on pairs of claims: a conflict confirmed or dismissed, two claims
declared distinct. Stored in ``review`` and logged as events; conflicts and dedupe read them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from provenance import db
from provenance.audit import link_event, log_event
from provenance.errors import NotFoundError, UsageError


def pair_ids(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a <= b else (b, a)


def load_reviews(conn: Connection, kind: str) -> dict[tuple[int, int], str]:
    """Latest decision for each reviewed pair."""
    out: dict[tuple[int, int], str] = {}
    for a, b, decision in conn.execute(
        text("SELECT claim_a_id, claim_b_id, decision FROM review WHERE kind = :k ORDER BY id"),
        {"k": kind},
    ):
        out[pair_ids(a, b)] = decision
    return out


def record_review(
    session: Session,
    kind: str,
    key_a: str,
    key_b: str,
    decision: str,
    reason: str,
    *,
    actor: str,
    command: str,
) -> dict[str, Any]:
    """Store a reviewer's decision on a pair of claims, logged in the event table."""
    if not reason.strip():
        raise UsageError("--reason is required: say why, for the next reviewer")
    conn = session.connection()
    ids = {}
    for key in (key_a, key_b):
        row = conn.execute(text("SELECT id FROM claim WHERE key = :k"), {"k": key}).first()
        if row is None:
            raise NotFoundError(f"no claim {key!r}")
        ids[key] = row[0]
    a, b = sorted((key_a, key_b))
    stamp = db.now()
    after = {"kind": kind, "claims": [a, b], "decision": decision, "reason": reason}
    (review_id,) = db.allocate_ids(conn, "review", 1)
    db.bulk_insert(
        conn,
        "review",
        ("id", "kind", "claim_a_id", "claim_b_id", "decision", "reason", "actor", "at"),
        [(review_id, kind, ids[a], ids[b], decision, reason, actor, stamp)],
    )
    event_id = log_event(
        conn,
        actor=actor,
        command=command,
        action=f"review_{kind}",
        entity="claim_pair",
        key=f"{a} {b}",
        before=None,
        after=after,
        wrote={"review": [review_id]},
    )
    link_event(conn, "review", review_id, event_id)
    return after
