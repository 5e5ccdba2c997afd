"""Claims that cannot both be true.

Two claims of the same measure (see ``measures``) dated within the window conflict when
the intervals of their quantities do not overlap (``quantities.interval``: hedges become
bounds, bare figures carry their rounding, units are converted first). A claim asserted
by one source and denied by another conflicts too, as do two same-measure claims with
compatible figures where one is only asserted and the other only denied.

Reviewers' decisions are stored in ``review`` (and the event log); dismissed pairs are
hidden from later runs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from provenance import db, quantities
from provenance.audit import log_event
from provenance.errors import NotFoundError, UsageError
from provenance.measures import (
    ClaimPoint,
    load_points,
    location_clusters,
    measure_groups,
    window_pairs,
)

DEFAULT_WINDOW_DAYS = 7
DEFAULT_TOLERANCE = 0.10


@dataclass
class Conflict:
    kind: str
    a: ClaimPoint
    b: ClaimPoint
    intervals: list[dict[str, Any]]
    gap: float
    relative_gap: float
    explanation: str
    sources: list[list[str]] = field(default_factory=list)
    review: str | None = None

    @property
    def claims(self) -> list[str]:
        return [self.a.key, self.b.key]

    @property
    def severity(self) -> str:
        if self.kind == "stance" or self.relative_gap >= 0.5:
            return "high"
        return "medium" if self.relative_gap >= 0.2 else "low"

    def as_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "kind": self.kind,
            "texts": [self.a.text, self.b.text],
            "sources": self.sources,
            "intervals": self.intervals,
            "gap": {"absolute": self.gap, "relative": round(self.relative_gap, 4)},
            "severity": self.severity,
            "explanation": self.explanation,
            "review": self.review,
        }


@dataclass
class ConflictReport:
    conflicts: list[Conflict]
    claims_considered: int
    pairs_compared: int

    def unreviewed(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.review is None]


def _interval_dict(q: quantities.Quantity, iv: quantities.Interval) -> dict[str, Any]:
    return {
        "quantity": q.text,
        "low": _finite(iv.lo),
        "high": _finite(iv.hi),
        "low_closed": iv.lo_closed,
        "high_closed": iv.hi_closed,
        "unit": q.unit,
    }


def _finite(x: float) -> float | None:
    return None if math.isinf(x) else x


def _fmt(x: float) -> str:
    return "∞" if math.isinf(x) else f"{x:,.6g}"


def _bracket(iv: quantities.Interval) -> str:
    left = "[" if iv.lo_closed else "("
    right = "]" if iv.hi_closed else ")"
    return f"{left}{_fmt(iv.lo)}, {_fmt(iv.hi)}{right}"


def value_conflict(a: ClaimPoint, b: ClaimPoint, tolerance: float) -> Conflict | None:
    assert a.quantity is not None and b.quantity is not None
    ia, ib = quantities.interval(a.quantity, tolerance), quantities.interval(b.quantity, tolerance)
    if ia.overlaps(ib):
        return None
    gap = ia.gap(ib)
    scale = max(
        abs(x) for x in (quantities.point(a.quantity) or 0, quantities.point(b.quantity) or 0, gap)
    )
    relative = gap / scale if scale else 1.0
    unit = a.quantity.unit
    explanation = (
        f"{a.quantity.text!r} means {_bracket(ia)} {unit} and {b.quantity.text!r} means "
        f"{_bracket(ib)} {unit}: they do not overlap (gap {_fmt(gap)} {unit}, {relative:.0%})"
    )
    return Conflict(
        "value",
        a,
        b,
        [_interval_dict(a.quantity, ia), _interval_dict(b.quantity, ib)],
        gap,
        relative,
        explanation,
    )


def find_conflicts(
    session: Session,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    tolerance: float = DEFAULT_TOLERANCE,
    include_dismissed: bool = False,
) -> ConflictReport:
    if window_days < 0 or not 0 <= tolerance < 1:
        raise UsageError("--window takes days >= 0 and --tolerance a fraction in [0, 1)")
    conn = session.connection()
    points = load_points(conn)
    stances = _claim_stances(conn)
    locations = location_clusters(points)
    found: list[Conflict] = []
    compared = 0
    for group in measure_groups(points):
        for a, b in window_pairs(group, window_days, locations):
            compared += 1
            c = value_conflict(a, b, tolerance) or _opposite_stances(a, b, stances, tolerance)
            if c:
                found.append(c)
    found.extend(_qualitative_stance_conflicts(points, stances, window_days, locations))
    found.extend(_stance_conflicts(conn, points, stances))
    reviews = load_reviews(conn, "conflict")
    kept = []
    for c in found:
        c.review = reviews.get(_pair_ids(c.a.id, c.b.id))
        if c.review == "dismiss" and not include_dismissed:
            continue
        kept.append(c)
    _attach_sources(conn, kept)
    kept.sort(key=lambda c: (c.kind != "stance", -c.relative_gap, c.a.key, c.b.key))
    return ConflictReport(kept, len(points), compared)


def _claim_stances(conn: Connection) -> dict[int, set[str]]:
    """Stances of claims that have at least one denial (the rest only assert)."""
    rows = conn.execute(
        text(
            "SELECT a.claim_id, a.stance FROM attribution a WHERE a.claim_id IN "
            "(SELECT claim_id FROM attribution WHERE stance = 'denies')"
        )
    )
    out: dict[int, set[str]] = defaultdict(set)
    for claim_id, stance in rows:
        out[claim_id].add(stance)
    return out


def _opposite_stances(
    a: ClaimPoint, b: ClaimPoint, stances: dict[int, set[str]], tolerance: float
) -> Conflict | None:
    sa, sb = stances.get(a.id, {"asserts"}), stances.get(b.id, {"asserts"})
    if {frozenset(sa), frozenset(sb)} != {frozenset({"asserts"}), frozenset({"denies"})}:
        return None
    assert a.quantity is not None and b.quantity is not None
    ia, ib = quantities.interval(a.quantity, tolerance), quantities.interval(b.quantity, tolerance)
    return Conflict(
        "stance",
        a,
        b,
        [_interval_dict(a.quantity, ia), _interval_dict(b.quantity, ib)],
        0.0,
        1.0,
        f"{a.key} is asserted and {b.key}, with a compatible figure, is denied",
    )


def _qualitative_stance_conflicts(
    points: list[ClaimPoint],
    stances: dict[int, set[str]],
    window_days: int,
    locations: dict[str, str],
) -> list[Conflict]:
    """Claims without figures that state the same event (see ``dedupe.qualitative_pair``),
    one only asserted and the other only denied."""
    from provenance.dedupe import _opposed, _qualitative_groups, qualitative_pair
    from provenance.measures import cluster_strings

    fields = cluster_strings([v for p in points for v in (p.location, p.subject, p.metric) if v])
    out = []
    for group in _qualitative_groups(points, fields):
        for a, b in window_pairs(group, window_days, locations):
            if _opposed(
                stances.get(a.id, {"asserts"}), stances.get(b.id, {"asserts"})
            ) and qualitative_pair(a, b, fields):
                denied = a.key if "denies" in stances.get(a.id, set()) else b.key
                out.append(
                    Conflict(
                        "stance",
                        a,
                        b,
                        [],
                        0.0,
                        1.0,
                        f"the same event is asserted in one claim and denied in {denied}",
                    )
                )
    return out


def _stance_conflicts(
    conn: Connection, points: list[ClaimPoint], stances: dict[int, set[str]]
) -> list[Conflict]:
    by_id = {p.id: p for p in points}
    out = []
    for claim_id, seen in stances.items():
        if seen == {"asserts", "denies"} and claim_id in by_id:
            p = by_id[claim_id]
            out.append(
                Conflict(
                    "stance",
                    p,
                    p,
                    [],
                    0.0,
                    1.0,
                    f"{p.key} is asserted by some sources and denied by others",
                )
            )
    return out


def _attach_sources(conn: Connection, conflicts: list[Conflict]) -> None:
    """Origins of each side; for a claim asserted and denied, the asserting and denying ones."""
    from provenance.query import load_claims

    ids = sorted({c.a.id for c in conflicts} | {c.b.id for c in conflicts})
    views = {v.key: v for v in load_claims(conn, ids)}
    for c in conflicts:
        if c.a.id == c.b.id:
            v = views[c.a.key]
            c.sources = [
                sorted({x.origin.name for x in v.attributions if x.stance == s})
                for s in ("asserts", "denies")
            ]
        else:
            c.sources = [sorted({x.origin.name for x in views[k].attributions}) for k in c.claims]


# --- review decisions ----------------------------------------------------------------------


def _pair_ids(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a <= b else (b, a)


def load_reviews(conn: Connection, kind: str) -> dict[tuple[int, int], str]:
    """Latest decision for each reviewed pair."""
    out: dict[tuple[int, int], str] = {}
    for a, b, decision in conn.execute(
        text("SELECT claim_a_id, claim_b_id, decision FROM review WHERE kind = :k ORDER BY id"),
        {"k": kind},
    ):
        out[_pair_ids(a, b)] = decision
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
    event_id = log_event(
        conn,
        actor=actor,
        command=command,
        action=f"review_{kind}",
        entity="claim_pair",
        key=f"{a} {b}",
        before=None,
        after=after,
    )
    db.bulk_insert(
        conn,
        "review",
        ("kind", "claim_a_id", "claim_b_id", "decision", "reason", "actor", "at", "event_id"),
        [(kind, ids[a], ids[b], decision, reason, actor, stamp, event_id)],
    )
    return after
