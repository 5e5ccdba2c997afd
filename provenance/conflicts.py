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

import bisect
import math
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from provenance import quantities, sides
from provenance.errors import UsageError
from provenance.measures import (
    COMPARING,
    CUMULATIVE,
    DEFAULT_TOLERANCE,
    DEFAULT_WINDOW_DAYS,
    DENIED_RATIO,
    ClaimPoint,
    PairCount,
    apart,
    claim_stances,
    close_in_time,
    close_pairs,
    collapse_twins,
    components,
    cue_groups,
    dimension_kind,
    interval,
    load_decisions,
    load_points,
    location_clusters,
    locations_agree,
    measure_groups,
    names_agree,
    opposed,
    other_things,
    pair_key,
    place_among,
    qualitative_groups,
    same_event,
    same_measure_reasons,
    same_order,
    same_statement,
    scope_relation,
    shared_names,
    user_groups,
    window_pairs,
)
from provenance.progress import Progress, ignore, tracked
from provenance.reviews import (
    DisputeReview,
    dispute_decision,
    load_dispute_reviews,
    load_reviews,
    pair_ids,
)


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
    disputes: list[Dispute] = field(default_factory=list)

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


def _recent_part(a: ClaimPoint, b: ClaimPoint) -> tuple[ClaimPoint, ClaimPoint] | None:
    """(part, whole) when one claim counts a recent span (a day's losses, the scope
    ``recent``) and the other the whole: only a part above its whole conflicts. Other
    narrowing scopes are weighed on the cue route only (``cue_conflict``); on the measure
    route they would hide conflicts the coders' fields make plain."""
    if ("recent" in a.cues.scopes) == ("recent" in b.cues.scopes):
        return None
    return (a, b) if "recent" in a.cues.scopes else (b, a)


def value_conflict(a: ClaimPoint, b: ClaimPoint, tolerance: float) -> Conflict | None:
    """The claims' figures as intervals that do not overlap. Intervals that only touch
    ("more than 61,000" and "as many as 61,000", "nearly 61,000") give one figure hedged
    two ways, as reports relaying one figure do: they disagree on a hedge, not on the
    figure. Unless one of them is explicitly below it ("fewer than 100" against "more
    than 100")."""
    assert a.quantity is not None and b.quantity is not None
    ia, ib = interval(a.quantity, tolerance), interval(b.quantity, tolerance)
    if ia.overlaps(ib):
        return None
    gap = ia.gap(ib)
    if gap == 0 and "under" not in (a.quantity.qualifier, b.quantity.qualifier):
        return None
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
    on_progress: Progress = ignore,
) -> ConflictReport:
    if window_days < 0 or not 0 <= tolerance < 1:
        raise UsageError(
            "{window_days} takes days >= 0 and {tolerance} a fraction in [0, 1)",
            params=("window_days", "tolerance"),
        )
    conn = session.connection()
    points = load_points(conn, on_progress)
    stances = claim_stances(conn)
    locations = location_clusters(points)
    found: list[Conflict] = []
    compared = PairCount()
    decisions = load_decisions(conn)
    for group in tracked(measure_groups(points), COMPARING, on_progress):
        for a, b in window_pairs(group, window_days, locations):
            if apart(a, b):
                continue
            compared.add(pair_key(a.id, b.id))
            recent = _recent_part(a, b)
            if recent is not None:
                c = _part_above_whole(*recent, tolerance)
            elif _growing(a, b, tolerance):
                c = _opposite_stances(a, b, stances, tolerance)
            else:
                c = value_conflict(a, b, tolerance) or _opposite_stances(a, b, stances, tolerance)
            if c:
                found.append(c)
    seen = {pair_ids(c.a.id, c.b.id) for c in found}
    distinct = collapse_twins(points)
    for group in cue_groups(distinct):
        for a, b in close_pairs(group, window_days, locations):
            if pair_ids(a.id, b.id) in seen or apart(a, b):
                continue
            compared.add(pair_key(a.id, b.id))
            c = cue_conflict(a, b, tolerance, locations)
            if c:
                seen.add(pair_ids(a.id, b.id))
                found.append(c)
    for group in user_groups(distinct, decisions):
        for a, b in close_pairs(group, window_days):
            if pair_ids(a.id, b.id) in seen:
                continue
            compared.add(pair_key(a.id, b.id))
            c = user_conflict(a, b, tolerance)
            if c:
                seen.add(pair_ids(a.id, b.id))
                found.append(c)
    for c in [
        *_qualitative_stance_conflicts(points, stances, window_days, locations),
        *denial_conflicts(distinct, window_days, tolerance, locations),
    ]:
        if pair_ids(c.a.id, c.b.id) not in seen and not apart(c.a, c.b):
            seen.add(pair_ids(c.a.id, c.b.id))
            found.append(c)
    found.extend(_stance_conflicts(conn, points, stances))
    reviews = load_reviews(conn, "conflict")
    kept = []
    for c in found:
        c.review = reviews.get(pair_ids(c.a.id, c.b.id))
        if c.review == "dismiss" and not include_dismissed:
            continue
        kept.append(c)
    _attach_sources(conn, kept)
    kept.sort(key=lambda c: (c.kind != "stance", -c.relative_gap, c.a.key, c.b.key))
    found_disputes = disputes([c for c in kept if c.a.id != c.b.id], tolerance, decisions.labels)
    _review_disputes(found_disputes, load_dispute_reviews(conn))
    if not include_dismissed:
        found_disputes = [
            d
            for d in found_disputes
            if d.review != "dismiss" or any(c.review == "confirm" for c in d.pairs)
        ]
    shown = {id(c) for d in found_disputes for c in d.pairs}
    listed = [c for c in kept if c.a.id == c.b.id or id(c) in shown]
    return ConflictReport(listed, len(points), compared.total(), found_disputes)


def _review_disputes(found: Sequence[Dispute], reviews: Sequence[DisputeReview]) -> None:
    """A decision on a measure's disputes within a window applies to each dispute it
    covers and to every pair of it that has no decision of its own. A pair a reviewer
    confirmed keeps its dispute listed, even when the dispute was dismissed."""
    if not reviews:
        return
    for d in found:
        window = d.window
        decision = dispute_decision(reviews, d.measure_key, window["from"], window["to"])
        if decision is None:
            continue
        d.review = decision
        for c in d.pairs:
            if c.review is None:
                c.review = decision


def _opposite_stances(
    a: ClaimPoint, b: ClaimPoint, stances: dict[int, set[str]], tolerance: float
) -> Conflict | None:
    sa, sb = stances.get(a.id, {"asserts"}), stances.get(b.id, {"asserts"})
    if {frozenset(sa), frozenset(sb)} != {frozenset({"asserts"}), frozenset({"denies"})}:
        return None
    assert a.quantity is not None and b.quantity is not None
    ia, ib = interval(a.quantity, tolerance), interval(b.quantity, tolerance)
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
    """Claims without figures that state the same event (see ``measures.same_event``),
    one only asserted and the other only denied."""
    from provenance.measures import cluster_strings

    fields = cluster_strings([v for p in points for v in (p.location, p.subject, p.metric) if v])
    out = []
    for group in qualitative_groups(points, fields):
        for a, b in window_pairs(group, window_days, locations):
            if (
                opposed(stances.get(a.id, {"asserts"}), stances.get(b.id, {"asserts"}))
                and same_event(a, b, fields) is not None
            ):
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


# --- measures read from the words, denials, disputes ---------------------------------------


def cue_conflict(
    a: ClaimPoint, b: ClaimPoint, tolerance: float, locations: Mapping[str, str]
) -> Conflict | None:
    """Two claims counting the same thing (``measures.same_measure_reasons``) whose figures
    cannot both hold: intervals apart, or a part (violent deaths, civilians) above its whole.
    Figures of two nouns that count things of their own ("97 tanks", "788 armoured
    vehicles": ``measures.other_things``) count two things.
    One origin's two figures in one document are a breakdown, not a conflict. A claim
    worded as a denial asserts no figure: it conflicts only with the claims it denies
    (``denial_conflicts``), not with another figure of the measure."""
    if a.denies or b.denies:
        return None
    reasons = same_measure_reasons(a, b, locations)
    if reasons is None or same_statement(a, b):
        return None
    assert a.quantity is not None and b.quantity is not None
    if not same_order(a.quantity, b.quantity) or other_things(a.quantity, b.quantity):
        return None
    relation = scope_relation(a, b)
    if _growing(a, b, tolerance):
        return None
    if relation == "same":
        found = value_conflict(a, b, tolerance)
    else:
        part, whole = (a, b) if relation == "a<b" else (b, a)
        found = _part_above_whole(part, whole, tolerance)
    if found is not None:
        found.explanation = f"{'; '.join(reasons)}: {found.explanation}"
    return found


def user_conflict(a: ClaimPoint, b: ClaimPoint, tolerance: float) -> Conflict | None:
    """Two claims a user put in one measure (``measures.user_groups``) whose figures of
    one dimension cannot both hold; a breakdown or a growing count is no conflict."""
    if a.quantity is None or b.quantity is None or same_statement(a, b):
        return None
    if dimension_kind(a.quantity) != dimension_kind(b.quantity) or _growing(a, b, tolerance):
        return None
    found = value_conflict(a, b, tolerance)
    if found is not None:
        found.explanation = f"a user put both in measure {a.measure}: {found.explanation}"
    return found


def _growing(a: ClaimPoint, b: ClaimPoint, tolerance: float) -> bool:
    """A count that only grows (``measures.CUMULATIVE``), stated on two different days,
    with the later figure not below the earlier one: the count going on, not a dispute,
    whichever route paired the claims (one measure or the same words)."""
    single_days = a.start == a.end and b.start == b.end
    counted = a.cues.concepts | b.cues.concepts
    if not single_days or a.start == b.start or not counted or not counted <= CUMULATIVE:
        return False
    if "remaining" in a.cues.scopes | b.cues.scopes:
        return False
    earlier, later = (a, b) if a.start < b.start else (b, a)
    assert earlier.quantity is not None and later.quantity is not None
    ie = interval(earlier.quantity, tolerance)
    il = interval(later.quantity, tolerance)
    return il.hi >= ie.lo


def _part_above_whole(part: ClaimPoint, whole: ClaimPoint, tolerance: float) -> Conflict | None:
    assert part.quantity is not None and whole.quantity is not None
    ip = interval(part.quantity, tolerance)
    iw = interval(whole.quantity, tolerance)
    if ip.lo < iw.hi or (ip.lo == iw.hi and ip.lo_closed and iw.hi_closed):
        return None
    gap = ip.lo - iw.hi
    scale = max(abs(ip.lo), abs(iw.hi), gap, 1e-9)
    return Conflict(
        "value",
        part,
        whole,
        [_interval_dict(part.quantity, ip), _interval_dict(whole.quantity, iw)],
        gap,
        gap / scale,
        f"the part {part.quantity.text!r} ({_bracket(ip)}) exceeds the whole "
        f"{whole.quantity.text!r} ({_bracket(iw)})",
    )


def denial_conflicts(
    points: Sequence[ClaimPoint], window_days: int, tolerance: float, locations: Mapping[str, str]
) -> Iterator[Conflict]:
    """A claim worded as a denial against the claims it denies: same category, close in
    time, no sign of another place, the same thing counted when both say, and figures
    within ``DENIED_RATIO`` of each other (overlapping, when both are the claims' own
    quantities) or else a shared counted thing or name."""
    by_category: dict[str, list[ClaimPoint]] = defaultdict(list)
    for p in points:
        by_category[p.category].append(p)
    for members in by_category.values():
        members.sort(key=lambda p: (p.start, p.id))
        starts = [p.start for p in members]
        for d in (p for p in members if p.denies):
            lo = bisect.bisect_left(starts, d.start - window_days - 31) if d.has_date else 0
            for other in members[lo:]:
                if d.has_date and other.start > d.end + window_days:
                    break
                if not other.denies and _denied(d, other, window_days, tolerance, locations):
                    yield _denial(d, other, tolerance)


def _denied(
    d: ClaimPoint,
    other: ClaimPoint,
    window_days: int,
    tolerance: float,
    locations: Mapping[str, str],
) -> bool:
    if not close_in_time(d, other, window_days) or not _answers(d, other, locations):
        return False
    cd, co = d.cues.concepts, other.cues.concepts
    if cd and co and not cd & co:
        return False
    denied, stated = d.figure, other.figure
    if denied and stated:
        if not same_order(denied, stated, DENIED_RATIO):
            return False
        if d.quantity and other.quantity:
            iv = interval(d.quantity, tolerance)
            return iv.overlaps(interval(other.quantity, tolerance))
        return True
    return bool(cd & co) or shared_names(d, other)


def _answers(d: ClaimPoint, other: ClaimPoint, locations: Mapping[str, str]) -> bool:
    """No evidence that the denial speaks of another place than the claim: ``places_agree``,
    or, for a denial in words, one name both give that is more than a side (the town's,
    not the country's). Such a denial names who claimed and who denies ("the commander's
    claim is not true, the army's spokesman told a news agency"), so its names seldom all
    stand among the claim's. A claim its sources deny states a deed of its own ("Russian
    forces advanced near the village"), which another deed at that place ("Ukrainian
    forces counterattacked near the village") does not answer."""
    if not locations_agree(d, other, locations):
        return False
    if names_agree(d, other):
        return True
    return d.cues.denial and any(
        not _side(name) and place_among(name, other.cues.places) for name in d.cues.places
    )


def _side(name: str) -> bool:
    """Whether a name is a country or a word made from one ("ukraine", "ukrainian")."""
    return place_among(name, sides.labels_in(name))


def _denial(d: ClaimPoint, other: ClaimPoint, tolerance: float) -> Conflict:
    a, b = (other, d) if other.key < d.key else (d, other)
    intervals = []
    if a.quantity and b.quantity:
        intervals = [
            _interval_dict(x.quantity, interval(x.quantity, tolerance))
            for x in (a, b)
            if x.quantity
        ]
    return Conflict(
        "stance",
        a,
        b,
        intervals,
        0.0,
        1.0,
        f"{d.key} denies what {other.key} asserts",
    )


@dataclass
class Dispute:
    """Claims of one measure and time that cannot all be true, in camps of mutually
    compatible figures (or of asserters and deniers)."""

    measure: str
    camps: list[list[ClaimPoint]]
    pairs: list[Conflict]
    pair_count: int = 0
    measure_key: str = ""
    """The measure most of its claims are in (``measures.ClaimPoint.measure``)."""
    review: str | None = None
    """A reviewer's decision on the dispute as a whole (``reviews.DisputeReview``)."""
    """Conflicting pairs in the dispute; ``pairs`` lists them all in a small dispute and
    at most ``PAIRS_SHOWN`` in a large one, the most severe between each two camps."""

    @property
    def window(self) -> dict[str, str | None]:
        """The first and last day its dated claims speak of."""
        dated = [p for camp in self.camps for p in camp if p.has_date]
        if not dated:
            return {"from": None, "to": None}
        return {
            "from": date.fromordinal(min(p.start for p in dated)).isoformat(),
            "to": date.fromordinal(max(p.end for p in dated)).isoformat(),
        }

    @property
    def severity(self) -> str:
        order = {"high": 2, "medium": 1, "low": 0}
        return max((c.severity for c in self.pairs), key=lambda s: order[s])

    def as_dict(self, tolerance: float) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "measure_key": self.measure_key,
            "window": self.window,
            "severity": self.severity,
            "review": self.review,
            "camps": [_camp_dict(camp, tolerance) for camp in self.camps],
            "pair_count": self.pair_count,
            "pairs": [
                {
                    "claims": c.claims,
                    "kind": c.kind,
                    "severity": c.severity,
                    "explanation": c.explanation,
                    "review": c.review,
                }
                for c in self.pairs
            ],
        }


def _camp_dict(camp: list[ClaimPoint], tolerance: float) -> dict[str, Any]:
    figures = [p for p in camp if p.quantity]
    out: dict[str, Any] = {
        "claims": sorted({x.key for p in camp for x in (p, *p.twins)}),
        "stance": "denies" if all(p.denies for p in camp) else "asserts",
    }
    if figures:
        ivs = [interval(p.quantity, tolerance) for p in figures if p.quantity]
        out["interval"] = {
            "low": _finite(max(iv.lo for iv in ivs)),
            "high": _finite(min(iv.hi for iv in ivs)),
        }
    return out


def disputes(
    conflicts: Sequence[Conflict], tolerance: float, labels: Mapping[str, str] | None = None
) -> list[Dispute]:
    """Conflicting pairs joined into disputes (connected claims), each split into camps:
    claims whose intervals overlap, or asserters against deniers. The output grows with
    the disputes, not with the pairs a measure could form. A dispute is named by the
    ``labels`` users gave its measure, if any."""
    root = components((c.a.id, c.b.id) for c in conflicts)
    grouped: dict[int, list[Conflict]] = defaultdict(list)
    for c in conflicts:
        grouped[root[c.a.id]].append(c)
    out = []
    for pairs in grouped.values():
        claims = sorted({p.id: p for c in pairs for p in (c.a, c.b)}.values(), key=lambda p: p.key)
        camps = _camps(claims, tolerance)
        key = _measure_key(claims)
        name = (labels or {}).get(key) or _measure_name(claims)
        out.append(Dispute(name, camps, _shown(pairs, camps), len(pairs), key))
    out.sort(key=lambda d: (d.severity != "high", d.camps[0][0].key))
    return out


PAIRS_SHOWN = 25
"""A dispute with more conflicting pairs than this lists the most severe pair between each
two camps, at most this many: a figure repeated by hundreds of outlets makes one dispute,
not a million pairs."""


def _shown(pairs: list[Conflict], camps: list[list[ClaimPoint]]) -> list[Conflict]:
    if len(pairs) <= PAIRS_SHOWN:
        return pairs
    camp_of = {p.id: i for i, camp in enumerate(camps) for p in camp}
    best: dict[tuple[int, int], Conflict] = {}
    for c in pairs:
        x, y = sorted((camp_of.get(c.a.id, -1), camp_of.get(c.b.id, -1)))
        if (x, y) not in best or c.relative_gap > best[(x, y)].relative_gap:
            best[(x, y)] = c
    ranked = sorted(best.values(), key=lambda c: (-c.relative_gap, c.a.key, c.b.key))
    return ranked[:PAIRS_SHOWN]


def _measure_key(claims: Sequence[ClaimPoint]) -> str:
    """The measure most claims are in (the first by key on a tie)."""
    count: dict[str, int] = defaultdict(int)
    for p in claims:
        if p.measure:
            count[p.measure] += 1
    return min(count, key=lambda k: (-count[k], k)) if count else ""


def _measure_name(claims: Sequence[ClaimPoint]) -> str:
    first = claims[0]
    counted = " and ".join(sorted(first.cues.concepts)) or first.metric or first.subject
    where = ", ".join(sorted(first.cues.places)) or first.location
    return f"{first.category}: {counted}" + (f" in {where}" if where else "")


def _camps(claims: Sequence[ClaimPoint], tolerance: float) -> list[list[ClaimPoint]]:
    deniers = [p for p in claims if p.denies]
    rest = [p for p in claims if not p.denies]
    with_figure = sorted(
        (p for p in rest if p.quantity),
        key=lambda p: interval(p.quantity, tolerance).lo if p.quantity else 0.0,
    )
    camps: list[list[ClaimPoint]] = []
    high = -math.inf
    for p in with_figure:
        assert p.quantity is not None
        iv = interval(p.quantity, tolerance)
        if camps and iv.lo <= high:
            camps[-1].append(p)
            high = min(high, iv.hi)
        else:
            camps.append([p])
            high = iv.hi
    without = [p for p in rest if not p.quantity]
    if without:
        camps.append(without)
    if deniers:
        camps.append(deniers)
    return [sorted(c, key=lambda p: p.key) for c in camps]
