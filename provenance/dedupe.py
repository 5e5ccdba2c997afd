"""Duplicate claims and duplicate sources.

Two claims are candidate duplicates when they state the same proposition:

* the same measure (``measures``: category, unit, subject, metric, location, window) with
  mutually compatible figures — each one's figure lies in the other's interval, so
  309 square miles matches 800 km² and "close to 60,000" matches "some 59,000", while
  "up to 10,000" and "8,000" stay apart; or
* near-identical text after normalisation, number-aware: the figures must agree too, so
  "around 10,000" and "around 12,000" are never duplicates however alike the words.

Nothing compares all pairs: the measure route sweeps date-sorted measure groups, and
the text route compares only claims that share one of their ``RARE_WORDS`` rarest words
(words shared by more than ``TEXT_BLOCK_LIMIT`` claims are not rare). The report counts
the pairs compared.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from provenance import quantities
from provenance.measures import (
    ASSERTED,
    COMPARING,
    DEFAULT_TOLERANCE,
    DEFAULT_WINDOW_DAYS,
    NUMBER,
    ClaimPoint,
    Decisions,
    apart,
    canon,
    claim_stances,
    close_in_time,
    close_pairs,
    cluster_strings,
    collapse_twins,
    components,
    dimension_kind,
    interval,
    load_decisions,
    load_points,
    location_clusters,
    locations_agree,
    measure_groups,
    names_agree,
    opposed,
    qualitative_groups,
    same_event,
    same_origin,
    shared_place,
    text_features,
    text_score,
    user_groups,
    window_pairs,
)
from provenance.normalize import fold, skeleton
from provenance.progress import Progress, ignore, tracked
from provenance.reviews import load_reviews, pair_ids

DEFAULT_THRESHOLD = 85
MEASURE_BASE = 85
"""Same measure and mutually compatible figures propose a pair on their own; closeness
of the figures and of the words lift it towards the --apply threshold (95)."""
APPLY_THRESHOLD = 95
TEXT_BLOCK_LIMIT = 200
"""Claims sharing a rare word are compared; a word shared by more is not rare."""
RARE_WORDS = 3
"""Each claim is compared with the claims sharing one of its rarest shared words."""


@dataclass
class Pair:
    a: ClaimPoint
    b: ClaimPoint
    score: int
    reasons: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {"claims": [self.a.key, self.b.key], "score": self.score, "reasons": self.reasons}


@dataclass
class Cluster:
    claims: list[str]
    score: int
    reasons: list[str]
    pairs: list[Pair] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    """Why the cluster is only proposed and never merged automatically (empty: it may be)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "score": self.score,
            "reasons": self.reasons,
            "held": self.held,
            "pairs": [p.as_dict() for p in self.pairs],
        }

    def mergeable(self, apply_threshold: int) -> bool:
        """The merge policy: only clusters scoring at least ``apply_threshold`` with
        nothing holding them back are merged without a reviewer."""
        return self.score >= apply_threshold and not self.held


@dataclass
class DedupeReport:
    clusters: list[Cluster]
    claims: int
    pairs_compared: int

    @property
    def all_pairs(self) -> int:
        return self.claims * (self.claims - 1) // 2


# --- scoring --------------------------------------------------------------------------------


def compatible(a: quantities.Quantity, b: quantities.Quantity, tolerance: float) -> bool:
    """Each figure lies within the other's interval, bounds included ("over 40 percent"
    matches itself); the same unit is required."""
    if a.unit != b.unit:
        return False
    pa, pb = quantities.point(a), quantities.point(b)
    if pa is None or pb is None:
        return False
    ia, ib = interval(a, tolerance), interval(b, tolerance)
    return ib.lo <= pa <= ib.hi and ia.lo <= pb <= ia.hi


def _numbers(claim_text: str) -> set[str]:
    return {re.sub(r"\D", "", n) for n in NUMBER.findall(claim_text)}


def _values(a: ClaimPoint, b: ClaimPoint) -> str:
    assert a.quantity is not None and b.quantity is not None
    return f"values {a.quantity.text} ≈ {b.quantity.text}"


def measure_pair(a: ClaimPoint, b: ClaimPoint, tolerance: float) -> Pair | None:
    assert a.quantity is not None and b.quantity is not None
    if not compatible(a.quantity, b.quantity, tolerance):
        return None
    pa, pb = quantities.point(a.quantity) or 0.0, quantities.point(b.quantity) or 0.0
    closeness = 1.0 - min(1.0, abs(pa - pb) / max(abs(pa), abs(pb), 1e-9) / max(tolerance, 1e-9))
    words = text_score(a, b)
    score = round(MEASURE_BASE + 10 * closeness + 5 * words / 100)
    reasons = ["same measure", _values(a, b), f"text {words}"]
    return Pair(a, b, score, reasons)


def qualitative_pair(a: ClaimPoint, b: ClaimPoint, clusters: dict[str, str]) -> Pair | None:
    """Two claims without figures stating the same event (``measures.same_event``);
    merging automatically (--apply) still needs a higher score."""
    words = same_event(a, b, clusters)
    if words is None:
        return None
    same_language = (a.language or "en") == (b.language or "en")
    reasons = ["same measure, no figure", f"text {words}" if same_language else "other languages"]
    return Pair(a, b, round(MEASURE_BASE + 15 * words / 100), reasons)


def _same_field(x: str, y: str, clusters: dict[str, str]) -> bool:
    return not x or not y or clusters.get(x, x) == clusters.get(y, y)


def text_pair(
    a: ClaimPoint, b: ClaimPoint, window_days: int, tolerance: float, clusters: dict[str, str]
) -> Pair | None:
    """Near-identical text whose figures, dates and structured fields agree."""
    if a.category != b.category and "other" not in (a.category, b.category):
        return None
    if not all(
        _same_field(x, y, clusters)
        for x, y in ((a.location, b.location), (a.subject, b.subject), (a.metric, b.metric))
    ):
        return None
    if (
        a.has_date
        and b.has_date
        and (b.start > a.end + window_days or a.start > b.end + window_days)
    ):
        return None
    if (a.quantity is None) != (b.quantity is None):
        return None
    if a.quantity and b.quantity:
        if not compatible(a.quantity, b.quantity, tolerance):
            return None
    elif _numbers(a.text) != _numbers(b.text):
        return None
    words = text_score(a, b)
    reasons = [f"text {words}"] + ([_values(a, b)] if a.quantity else [])
    return Pair(a, b, words, reasons)


# --- candidate generation -------------------------------------------------------------------


def _rare_word_blocks(points: list[ClaimPoint]) -> Iterator[list[ClaimPoint]]:
    words_of = {p.id: set(canon(NUMBER.sub(" ", p.text)).split()) for p in points}
    frequency: dict[str, int] = defaultdict(int)
    for words in words_of.values():
        for w in words:
            frequency[w] += 1
    blocks: dict[str, list[ClaimPoint]] = defaultdict(list)
    for p in points:
        shared = [w for w in words_of[p.id] if 2 <= frequency[w] <= TEXT_BLOCK_LIMIT]
        for w in sorted(shared, key=lambda w: (frequency[w], w))[:RARE_WORDS]:
            blocks[w].append(p)
    yield from (b for b in blocks.values() if len(b) > 1)


def candidate_pairs(
    points: list[ClaimPoint],
    window_days: int,
    tolerance: float,
    stances: dict[int, set[str]],
    threshold: int = 0,
    decisions: Decisions | None = None,
    on_progress: Progress = ignore,
) -> tuple[list[Pair], int]:
    seen: set[tuple[int, int]] = set()
    compared = 0
    locations = location_clusters(points)
    fields = cluster_strings([v for p in points for v in (p.location, p.subject, p.metric) if v])

    best: dict[tuple[int, int], Pair] = {}

    def consider(a: ClaimPoint, b: ClaimPoint, make: Any, count: bool = True) -> None:
        """Each route scores the pair its own way; the best score stands."""
        nonlocal compared
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if key not in seen:
            seen.add(key)
            compared += count
        if apart(a, b) or opposed(stances.get(a.id, ASSERTED), stances.get(b.id, ASSERTED)):
            return
        pair = make(a, b)
        if pair and (key not in best or pair.score > best[key].score):
            best[key] = pair

    distinct = collapse_twins(points)
    for p in distinct:
        for twin in p.twins:
            consider(p, twin, _twin_pair, count=False)
    for group in tracked(measure_groups(distinct), COMPARING, on_progress):
        for a, b in window_pairs(group, window_days, locations):
            consider(a, b, lambda x, y: measure_pair(x, y, tolerance))
    for group in qualitative_groups(distinct, fields):
        for a, b in window_pairs(group, window_days, locations):
            consider(a, b, lambda x, y: qualitative_pair(x, y, fields))
    for group in user_groups(distinct, decisions or Decisions()):
        for a, b in close_pairs(group, window_days):
            consider(a, b, lambda x, y: measure_pair(x, y, tolerance))
    for a, b in figure_blocks(distinct, tolerance, window_days):
        consider(a, b, lambda x, y: evidence_pair(x, y, tolerance, window_days, locations))
    for block in _rare_word_blocks(distinct):
        compared += len(block) * (len(block) - 1) // 2
        for a, b in _similar_texts(block, threshold):
            consider(
                a, b, lambda x, y: text_pair(x, y, window_days, tolerance, fields), count=False
            )
    return list(best.values()), compared


def _twin_pair(a: ClaimPoint, b: ClaimPoint) -> Pair:
    """Two claims that say exactly the same thing (``measures.collapse_twins``)."""
    return Pair(a, b, 100, ["same figure and hedge, count, dates, place and origins"])


def _similar_texts(
    block: list[ClaimPoint], threshold: int
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """Pairs of the block whose word similarity can reach ``threshold``, scored in C by
    rapidfuzz: a pair's final text score never exceeds its token_set_ratio, so nothing
    that could qualify is dropped here."""
    from rapidfuzz import fuzz, process

    forms = [text_features(p.text)[0] for p in block]
    matrix = process.cdist(forms, forms, scorer=fuzz.token_set_ratio, score_cutoff=threshold)
    for i, j in zip(*matrix.nonzero(), strict=True):
        if i < j:
            yield block[i], block[j]


def _clusters(
    pairs: Iterable[Pair], tolerance: float, confirmed: set[tuple[int, int]]
) -> list[Cluster]:
    kept = list(pairs)
    root_of = components((p.a.id, p.b.id) for p in kept)
    members: dict[int, dict[int, str]] = defaultdict(dict)
    edges: dict[int, list[Pair]] = defaultdict(list)
    for p in kept:
        root = root_of[p.a.id]
        members[root][p.a.id] = p.a.key
        members[root][p.b.id] = p.b.key
        edges[root].append(p)
    out = []
    for root, claims in members.items():
        ps = sorted(edges[root], key=lambda p: (-p.score, p.a.key, p.b.key))
        reasons = list(dict.fromkeys(r for p in ps for r in p.reasons))
        points = {x.id: x for p in ps for x in (p.a, p.b)}
        held = hold_reasons(list(points.values()), ps, tolerance, confirmed)
        out.append(Cluster(sorted(claims.values()), min(p.score for p in ps), reasons, ps, held))
    out.sort(key=lambda c: (-c.score, c.claims))
    return out


def find_duplicates(
    session: Session,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
    tolerance: float = DEFAULT_TOLERANCE,
    on_progress: Progress = ignore,
) -> DedupeReport:
    """Clusters of claims that state the same proposition, scored 0-100 with reasons."""
    conn = session.connection()
    points = load_points(conn, on_progress)
    pairs, compared = candidate_pairs(
        points,
        window_days,
        tolerance,
        claim_stances(conn),
        threshold,
        load_decisions(conn),
        on_progress,
    )
    distinct = {k for k, v in load_reviews(conn, "duplicate").items() if v == "distinct"}
    confirmed = {k for k, v in load_reviews(conn, "conflict").items() if v == "confirm"}
    strong = [
        p
        for p in pairs
        if p.score >= threshold and pair_ids(p.a.id, p.b.id) not in distinct | confirmed
    ]
    return DedupeReport(_clusters(strong, tolerance, confirmed), len(points), compared)


def hold_reasons(
    members: Sequence[ClaimPoint],
    pairs: Sequence[Pair],
    tolerance: float,
    confirmed: set[tuple[int, int]],
) -> list[str]:
    """What keeps a cluster from an automatic merge: two members whose figures cannot
    both be true or whose conflict a reviewer confirmed (a cluster joins pairs, so its
    ends may disagree), an assertion merged with a denial, a vague figure with a precise
    one, or members from different origins that do not agree strongly. Linear in the
    cluster: each check names one witness."""
    held: list[str] = []
    ids = {p.id: p for p in members}
    for x, y in confirmed:
        if x in ids and y in ids:
            held.append(f"{ids[x].key} / {ids[y].key}: a reviewer confirmed their conflict")
    deniers = [p for p in members if p.denies]
    if deniers and len(deniers) < len(members):
        asserter = next(p for p in members if not p.denies)
        held.append(f"{deniers[0].key} / {asserter.key}: one denies what the other asserts")
    held.extend(_figures_apart(members, tolerance))
    vague = {p.key for p in members if p.quantity and p.quantity.qualifier == "vague"}
    if vague and len(vague) < sum(1 for p in members if p.quantity):
        held.append(f"vague figure ({', '.join(sorted(vague))}) beside precise ones")
    for p in pairs:
        if not same_origin(p.a, p.b) and not _strong_agreement(p.a, p.b):
            held.append(f"{p.a.key} / {p.b.key}: different origins")
            break
    return held


def _figures_apart(members: Sequence[ClaimPoint], tolerance: float) -> list[str]:
    """Two members whose figures cannot both be true, if any: the one whose interval
    starts highest against the one whose interval ends lowest, per dimension."""
    by_kind: dict[str, list[tuple[quantities.Interval, ClaimPoint]]] = defaultdict(list)
    for p in members:
        if p.quantity:
            by_kind[dimension_kind(p.quantity)].append((interval(p.quantity, tolerance), p))
    out = []
    for found in by_kind.values():
        high = max(found, key=lambda m: (m[0].lo, m[1].key))
        low = min(found, key=lambda m: (m[0].hi, m[1].key))
        if not high[0].overlaps(low[0]):
            a, b = sorted((high[1], low[1]), key=lambda p: p.key)
            assert a.quantity is not None and b.quantity is not None
            out.append(
                f"{a.key} / {b.key}: figures {a.quantity.text!r} and {b.quantity.text!r} "
                "cannot both be true"
            )
    return out


STRONG_TEXT = 90
"""Text similarity at which two claims from different origins read as one report."""


def _strong_agreement(a: ClaimPoint, b: ClaimPoint) -> bool:
    """Same figure hedged the same way, same day, near-identical words."""
    qa, qb = a.quantity, b.quantity
    same_figure = (qa is None and qb is None) or (
        qa is not None
        and qb is not None
        and qa.qualifier == qb.qualifier
        and quantities.point(qa) == quantities.point(qb)
    )
    same_day = a.start == b.start == a.end == b.end and a.has_date
    return same_figure and same_day and text_score(a, b) >= STRONG_TEXT


def choose_keep(session: Session, keys: list[str]) -> str:
    """The claim a cluster merges into: most reports, then the oldest."""
    conn = session.connection()
    rows = conn.execute(
        text(
            "SELECT c.key, COUNT(a.id) AS n, c.id FROM claim c "
            "LEFT JOIN attribution a ON a.claim_id = c.id "
            "WHERE c.key IN :keys GROUP BY c.key, c.id"
        ).bindparams(bindparam("keys", expanding=True)),
        {"keys": keys},
    ).all()
    return str(min(rows, key=lambda r: (-r[1], r[2]))[0])


# --- sources --------------------------------------------------------------------------------

_SOURCE_STOPWORDS = {"the", "of", "for", "and", "news", "agency", "service", "press"}


def _initials(name: str) -> str:
    words = [
        w for w in re.findall(r"[^\W\d_]+", name.casefold()) if w not in ("the", "of", "for", "and")
    ]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def source_duplicates(session: Session, threshold: int = 90) -> list[dict[str, Any]]:
    """Pairs of sources that look like one source under two names: an acronym of the
    other's name ("ISW"), a name inside the other's plus generic words ("Reuters news
    agency"), or near-identical names. Named and unnamed sources are never paired."""
    from rapidfuzz import fuzz

    conn = session.connection()
    sources = _sources_with_names(conn)
    out = []
    for i, a in enumerate(sources):
        for b in sources[i + 1 :]:
            if a["named"] != b["named"] or (
                a["affiliation"]
                and b["affiliation"]
                and fold(a["affiliation"]) != fold(b["affiliation"])
            ):
                continue
            reason = _same_source(a, b, fuzz.token_sort_ratio, threshold)
            if reason:
                keep, other = (
                    (a, b) if (a["claims"], -a["id"]) >= (b["claims"], -b["id"]) else (b, a)
                )
                out.append(
                    {
                        "keep": keep["key"],
                        "other": other["key"],
                        "score": reason[0],
                        "reasons": reason[1],
                    }
                )
    out.sort(key=lambda r: (-r["score"], r["keep"], r["other"]))
    return out


def _sources_with_names(conn: Connection) -> list[dict[str, Any]]:
    aliases: dict[int, list[str]] = defaultdict(list)
    for sid, alias in conn.execute(text("SELECT source_id, alias FROM source_alias")):
        aliases[sid].append(alias)
    counts: dict[int, int] = dict(
        conn.execute(text("SELECT source_id, COUNT(*) FROM attribution GROUP BY source_id")).all()
    )
    rows = conn.execute(
        text(
            "SELECT id, key, name, named, affiliation FROM source "
            "WHERE merged_into_id IS NULL ORDER BY key"
        )
    )
    return [
        {
            "id": r[0],
            "key": r[1],
            "names": [r[2], *aliases[r[0]]],
            "named": bool(r[3]),
            "affiliation": r[4],
            "claims": counts.get(r[0], 0),
        }
        for r in rows
    ]


def _same_source(
    a: dict[str, Any], b: dict[str, Any], scorer: Any, threshold: int
) -> tuple[int, str] | None:
    for na in a["names"]:
        for nb in b["names"]:
            fa, fb = fold(na), fold(nb)
            if fa == fb:
                return 100, f"same name {na!r}"
            if skeleton(na) == skeleton(nb):
                return 99, f"{na!r} and {nb!r} look alike (letters of another script)"
            if _initials(na) == fb.replace(".", "") or _initials(nb) == fa.replace(".", ""):
                return 95, f"{na!r} is an acronym of {nb!r}" if len(na) < len(
                    nb
                ) else f"{nb!r} is an acronym of {na!r}"
            wa = {w for w in fa.split() if w not in _SOURCE_STOPWORDS}
            wb = {w for w in fb.split() if w not in _SOURCE_STOPWORDS}
            if (
                wa
                and wb
                and (wa <= wb or wb <= wa)
                and (wa != set(fa.split()) or wb != set(fb.split()))
            ):
                return 92, f"{na!r} and {nb!r} differ only by generic words"
            score = round(scorer(fa, fb))
            if score >= threshold:
                return score, f"names {na!r} / {nb!r} similar ({score})"
    return None


# --- evidence from every field (record linkage) --------------------------------------------

EVIDENCE_BASE = 50
"""Where a pair with compatible figures starts before the evidence for and against it."""
SAME_FIGURE, CLOSE_FIGURE, SAME_HEDGE, SPECIFIC_FIGURE = 30, 15, 10, 10
SAME_DAY, UNDATED, SAME_DOCUMENT = 10, -5, 10
SAME_COUNT, OVERLAPPING_COUNT, OTHER_SCOPE, SAME_PLACE, OTHER_PLACE = 10, -10, -15, 5, -15
SAME_POINT_OTHER_HEDGE = 25
""""au moins 450" and "450": one figure, hedged differently."""
SAME_ORIGIN, OTHER_NAMED_ORIGIN = 20, -25
VAGUE_CAP = 80
"""A vague figure ("tens of thousands") never reaches the proposal threshold against a
precise one on its figure alone."""
SPECIFIC = 0.02
"""A figure written to within 2% of itself (460, 49,800, 638,000) rarely coincides by chance."""


def _direction(q: quantities.Quantity) -> str:
    if q.qualifier in ("over", "at_least"):
        return "floor"
    if q.qualifier in ("up_to", "under", "close_to"):
        return "ceiling"
    return "centre"


def figures_agree(a: quantities.Quantity, b: quantities.Quantity, tolerance: float) -> int | None:
    """Points for two figures stating one number (None when they cannot): the same figure
    hedged the same way ("more than 460" / "mindestens 460"), or within the tolerance of
    each other with overlapping intervals."""
    if dimension_kind(a) != dimension_kind(b):
        return None
    pa, pb = quantities.point(a), quantities.point(b)
    if pa is None or pb is None:
        return None
    if not interval(a, tolerance).overlaps(interval(b, tolerance)):
        return None
    if pa == pb:
        if _direction(a) != _direction(b):
            points = SAME_POINT_OTHER_HEDGE
        else:
            points = SAME_FIGURE + (SAME_HEDGE if a.qualifier == b.qualifier else 0)
        precise = max(a.precision, b.precision) <= SPECIFIC * max(abs(pa), 1e-9)
        return points + (SPECIFIC_FIGURE if precise else 0)
    if abs(pa - pb) <= tolerance * max(abs(pa), abs(pb)):
        return CLOSE_FIGURE
    return None


def evidence_pair(
    a: ClaimPoint,
    b: ClaimPoint,
    tolerance: float,
    window_days: int,
    locations: Mapping[str, str],
) -> Pair | None:
    """Score two claims with figures by independent evidence, in the spirit of
    Fellegi-Sunter record linkage: figures, hedges, dates, what is counted and its scope,
    places, origins and words each add or take away points, and each says why."""
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if a.category != b.category or a.denies != b.denies:
        return None
    if a.has_date and b.has_date and not close_in_time(a, b, window_days):
        return None
    if not locations_agree(a, b, locations):
        return None
    if _one_day_each(a, b) and a.start != b.start and quantities.point(fa) != quantities.point(fb):
        return None
    figure = figures_agree(fa, fb, tolerance)
    if figure is None:
        return None
    reasons = [f"values {fa.text} ≈ {fb.text}"]
    if a.quantity is None or b.quantity is None:
        reasons.append("figure read from the claim text")
    score = EVIDENCE_BASE + figure
    ca, cb = a.cues.concepts, b.cues.concepts
    if ca and cb:
        if not ca & cb:
            return None
        score += SAME_COUNT if ca == cb else OVERLAPPING_COUNT
        reasons.append("counts " + "/".join(sorted(ca | cb)))
    if a.cues.scopes != b.cues.scopes:
        score += OTHER_SCOPE
        reasons.append("scopes differ: " + ", ".join(sorted(a.cues.scopes ^ b.cues.scopes)))
    if not names_agree(a, b):
        score += OTHER_PLACE
        reasons.append("places differ")
    elif shared_place(a.cues, b.cues):
        score += SAME_PLACE
        reasons.append("same place")
    score += _time_points(a, b, reasons)
    score += _origin_points(a, b, reasons)
    if a.language == b.language:
        words = text_score(a, b)
        score += max(-5, min(10, (words - 50) // 5))
        reasons.append(f"text {words}")
    if (fa.qualifier == "vague") != (fb.qualifier == "vague"):
        score = min(score, VAGUE_CAP)
        reasons.append("one figure is vague")
    return Pair(a, b, max(0, min(100, score)), reasons)


def _one_day_each(a: ClaimPoint, b: ClaimPoint) -> bool:
    """Both claims dated to a day: two different figures on two different days are two
    moments of a series, not one claim."""
    return a.has_date and b.has_date and a.start == a.end and b.start == b.end


def _time_points(a: ClaimPoint, b: ClaimPoint, reasons: list[str]) -> int:
    if a.documents & b.documents:
        reasons.append("same document")
        return SAME_DOCUMENT
    if not (a.has_date and b.has_date):
        return UNDATED
    if a.start == b.start and a.end == b.end and a.start == a.end:
        reasons.append("same day")
        return SAME_DAY
    return 0


def _origin_points(a: ClaimPoint, b: ClaimPoint, reasons: list[str]) -> int:
    if same_origin(a, b):
        reasons.append("same origin")
        return SAME_ORIGIN
    if a.named_origins and b.named_origins:
        reasons.append("different named origins")
        return OTHER_NAMED_ORIGIN
    return 0


def figure_blocks(
    points: list[ClaimPoint], tolerance: float, window_days: int
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """Pairs close in time whose figures lie within twice the tolerance of each other, by
    category and dimension. Dated claims fall into time bins (each into every bin its
    dates, widened by the window, touch, so two claims close in time share one); within a
    bin, claims sorted by figure are compared with the next ones in range. Undated claims
    are compared with every claim in range."""
    width = 2 * window_days + 2
    bins: dict[tuple[str, str, int], list[tuple[float, ClaimPoint]]] = defaultdict(list)
    undated: dict[tuple[str, str], list[tuple[float, ClaimPoint]]] = defaultdict(list)
    everything: dict[tuple[str, str], list[tuple[float, ClaimPoint]]] = defaultdict(list)
    for p in points:
        figure = p.figure
        point = quantities.point(figure) if figure else None
        if figure is None or point is None or point <= 0:
            continue
        kind = (p.category, dimension_kind(figure))
        everything[kind].append((point, p))
        if not p.has_date:
            undated[kind].append((point, p))
            continue
        for slot in range((p.start - window_days) // width, (p.end + window_days) // width + 1):
            bins[(*kind, slot)].append((point, p))
    for members in bins.values():
        yield from _in_range(members, tolerance)
    for kind, lone in undated.items():
        others = sorted(everything[kind], key=lambda m: m[0])
        values = [m[0] for m in others]
        for value, a in lone:
            lo = bisect.bisect_left(values, value / (1 + 2 * tolerance))
            for other, b in others[lo:]:
                if other > value * (1 + 2 * tolerance):
                    break
                if b is not a:
                    yield a, b


def _in_range(
    members: list[tuple[float, ClaimPoint]], tolerance: float
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    members.sort(key=lambda m: (m[0], m[1].id))
    for i, (value, a) in enumerate(members):
        for other, b in members[i + 1 :]:
            if other > value * (1 + 2 * tolerance):
                break
            yield a, b
