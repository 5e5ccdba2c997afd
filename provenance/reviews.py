"""Reviewers' decisions on pairs of claims (a conflict confirmed or dismissed, two claims
declared distinct) and on whole disputes (a measure's conflicting camps within a window of
days, confirmed or dismissed). Stored in ``review`` and ``dispute_review`` and logged as
events; conflicts and dedupe read them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from provenance import db
from provenance.audit import link_event, log_event, log_undo
from provenance.errors import NotFoundError, UsageError
from provenance.query import claim_id_of


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
        raise UsageError("{reason} is required: say why, for the next reviewer", params=("reason",))
    conn = session.connection()
    ids = {key: claim_id_of(conn, key) for key in (key_a, key_b)}
    a, b = sorted((key_a, key_b))
    after = {"kind": kind, "claims": [a, b], "decision": decision, "reason": reason}
    review_id = _insert(conn, "review", (kind, ids[a], ids[b], decision, reason, actor, db.now()))
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


def undo_review(
    conn: Connection, event_id: int, after: dict[str, Any], *, actor: str, command: str
) -> str:
    """Withdraw a decision on a pair: a later ``undone`` decision for the same pair."""
    a, b = after["claims"]
    subject = (after["kind"], claim_id_of(conn, a), claim_id_of(conn, b))
    _withdraw(
        conn,
        "review",
        subject,
        event_id,
        after,
        entity="claim_pair",
        key=f"{a} {b}",
        actor=actor,
        command=command,
    )
    return f"undid the {after['decision']} decision on {a} / {b}"


# --- whole disputes --------------------------------------------------------------------------


@dataclass(frozen=True)
class DisputeReview:
    """A reviewer's decision on the disputes of one measure within a window of days
    (open at either end when not given)."""

    measure: str
    start: str | None
    end: str | None
    decision: str

    def covers(self, measure: str, start: str | None, end: str | None) -> bool:
        """A dispute of this measure whose dated claims all fall within the window."""
        if measure != self.measure:
            return False
        if start is None or end is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= start) and (self.end is None or end <= self.end)


def load_dispute_reviews(conn: Connection) -> list[DisputeReview]:
    """Decisions on disputes in force, oldest first (an undone one is left out)."""
    latest: dict[tuple[str, str | None, str | None], str] = {}
    for key, start, end, decision in conn.execute(
        text(
            "SELECT measure_key, window_start, window_end, decision FROM dispute_review ORDER BY id"
        )
    ):
        latest.pop((key, start, end), None)
        latest[(key, start, end)] = decision
    return [DisputeReview(*k, d) for k, d in latest.items() if d != "undone"]


def dispute_decision(
    reviews: Sequence[DisputeReview], measure: str, start: str | None, end: str | None
) -> str | None:
    """The latest decision whose window covers a dispute, if any."""
    found = [r.decision for r in reviews if r.covers(measure, start, end)]
    return found[-1] if found else None


def _day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(
            "{" + name + "} takes a day as YYYY-MM-DD, not " + repr(value), params=(name,)
        ) from None


def record_dispute_review(
    session: Session,
    measure: str,
    start: str | None,
    end: str | None,
    decision: str,
    reason: str,
    *,
    actor: str,
    command: str,
) -> dict[str, Any]:
    """Store a reviewer's decision on a measure's disputes within a window of days; it
    applies to every conflicting pair of a dispute the window covers."""
    from provenance.measures import load_points

    if not reason.strip():
        raise UsageError("{reason} is required: say why, for the next reviewer", params=("reason",))
    first, last = _day(start, "start"), _day(end, "end")
    if first and last and first > last:
        raise UsageError(f"the window ends ({last}) before it starts ({first})")
    conn = session.connection()
    if not any(p.measure == measure for p in load_points(conn)):
        raise NotFoundError(f"no measure {measure!r} (see provenance measures)")
    after = {
        "kind": "dispute",
        "measure": measure,
        "from": first,
        "to": last,
        "decision": decision,
        "reason": reason,
    }
    values = (measure, first, last, decision, reason, actor, db.now())
    review_id = _insert(conn, "dispute_review", values)
    event_id = log_event(
        conn,
        actor=actor,
        command=command,
        action="review_dispute",
        entity="measure",
        key=measure,
        before=None,
        after=after,
        wrote={"dispute_review": [review_id]},
    )
    link_event(conn, "dispute_review", review_id, event_id)
    return after


def undo_dispute_review(
    conn: Connection, event_id: int, after: dict[str, Any], *, actor: str, command: str
) -> str:
    """Withdraw a decision on disputes: a later ``undone`` decision for the same window."""
    subject = (after["measure"], after["from"], after["to"])
    _withdraw(
        conn,
        "dispute_review",
        subject,
        event_id,
        after,
        entity="measure",
        key=after["measure"],
        actor=actor,
        command=command,
    )
    return f"undid the {after['decision']} decision on the disputes of {after['measure']}"


# --- storage shared by both kinds of decision -------------------------------------------------

_COLUMNS = {
    "review": ("id", "kind", "claim_a_id", "claim_b_id", "decision", "reason", "actor", "at"),
    "dispute_review": (
        "id",
        "measure_key",
        "window_start",
        "window_end",
        "decision",
        "reason",
        "actor",
        "at",
    ),
}


def _insert(conn: Connection, table: str, values: tuple[Any, ...]) -> int:
    """Store one decision (its columns after the id); returns its id."""
    (row_id,) = db.allocate_ids(conn, table, 1)
    db.bulk_insert(conn, table, _COLUMNS[table], [(row_id, *values)])
    return row_id


def _withdraw(
    conn: Connection,
    table: str,
    subject: tuple[Any, ...],
    event_id: int,
    after: dict[str, Any],
    *,
    entity: str,
    key: str,
    actor: str,
    command: str,
) -> None:
    """Store a later ``undone`` decision on the subject (the columns before the decision)
    of the one event ``event_id`` recorded, and log it as that event's undo."""
    values = (*subject, "undone", f"undo of event {event_id}", actor, db.now())
    row_id = _insert(conn, table, values)
    wrote = {table: [row_id]}
    new = log_undo(
        conn, event_id, after, actor=actor, command=command, entity=entity, key=key, wrote=wrote
    )
    link_event(conn, table, row_id, new)
