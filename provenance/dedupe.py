"""Duplicate claims and duplicate sources.

Two claims are candidate duplicates when they state the same proposition:

* the same measure (``measures``: category, unit, subject, metric, location, window) with
  mutually compatible figures — each one's figure lies in the other's interval, so
  309 square miles matches 800 km² and "close to 60,000" matches "some 59,000", while
  "up to 10,000" and "8,000" stay apart; or
* near-identical text after normalisation, number-aware: the figures must agree too, so
  "around 10,000" and "around 12,000" are never duplicates however alike the words.

Nothing compares all pairs: the measure route sweeps date-sorted measure groups, the
figure route (``figure_blocks``) looks up only the claims whose figure, dates, place and
stance let ``evidence_pair`` score them, and the text route compares only claims close in
time that share one of their ``RARE_WORDS`` rarest words (words shared by more than
``TEXT_BLOCK_LIMIT`` claims are not rare). Each route's blocks follow what its scorer
requires, so the pairs compared per claim stay flat as claims grow denser in time. The
report counts the pairs compared.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from provenance import lexicon, quantities
from provenance.bulk import paused_gc
from provenance.measures import (
    ASSERTED,
    COMPARING,
    DEFAULT_TOLERANCE,
    DEFAULT_WINDOW_DAYS,
    NUMBER,
    SMALL_PART,
    ClaimPoint,
    Decisions,
    PairCount,
    TextScorer,
    TextScores,
    apart,
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
    pair_key,
    qualitative_groups,
    same_event,
    same_origin,
    shared_place,
    split_by_place,
    text_score,
    user_groups,
    window_pairs,
    words_of,
)
from provenance.normalize import fold, skeleton
from provenance.progress import Progress, ignore, tracked
from provenance.reviews import load_reviews, pair_ids

DEFAULT_THRESHOLD = 85
TOP_SCORE = 100
"""The highest score any route gives a pair."""
MEASURE_BASE = 85
"""Same measure and mutually compatible figures propose a pair on their own; closeness
of the figures and of the words lift it towards the --apply threshold (95)."""
APPLY_THRESHOLD = 95
TEXT_BLOCK_LIMIT = 200
"""Claims sharing a rare word are compared; a word shared by more is not rare."""
RARE_WORDS = 3
"""Each claim is compared with the claims sharing one of its rarest shared words."""


@dataclass(slots=True)
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
    return _compatible(figure_facts(a, tolerance), figure_facts(b, tolerance))


@dataclass(frozen=True, slots=True)
class FigureFacts:
    """What pair scoring reads of a figure: its unit, point, interval, dimension kind and
    the direction of its hedge."""

    unit: str
    point: float | None
    span: quantities.Interval
    kind: str
    direction: str


def figure_facts(q: quantities.Quantity, tolerance: float) -> FigureFacts:
    return FigureFacts(
        q.unit, quantities.point(q), interval(q, tolerance), dimension_kind(q), _direction(q)
    )


class Figures:
    """``figure_facts`` of each claim's figure (``ClaimPoint.figure``), worked out once
    per claim rather than once per pair it takes part in. Claims are known by their id."""

    def __init__(self, tolerance: float) -> None:
        self.tolerance = tolerance
        self.known: dict[int, FigureFacts] = {}

    def __call__(self, p: ClaimPoint) -> FigureFacts:
        found = self.known.get(p.id)
        if found is None:
            figure = p.figure
            assert figure is not None
            found = self.known[p.id] = figure_facts(figure, self.tolerance)
        return found


ROUNDING = 1e-9
"""Relative slack with which a figure meets a bound: a figure converted to another unit
("4.4 square miles" in km²) may land a rounding error beyond the bound it states
exactly ("about 4 square miles" and its tolerance)."""


def _compatible(a: FigureFacts, b: FigureFacts) -> bool:
    if a.unit != b.unit:
        return False
    pa, pb = a.point, b.point
    if pa is None or pb is None:
        return False
    ia, ib = a.span, b.span
    slack = ROUNDING * max(abs(pa), abs(pb))
    return ib.lo - slack <= pa <= ib.hi + slack and ia.lo - slack <= pb <= ia.hi + slack


@cache
def _text_reason(score: int) -> str:
    """The reason naming a text score: one string for each score, shared by the pairs."""
    return f"text {score}"


def _numbers(claim_text: str) -> set[str]:
    return {re.sub(r"\D", "", n) for n in NUMBER.findall(claim_text)}


def _values(a: ClaimPoint, b: ClaimPoint) -> str:
    assert a.quantity is not None and b.quantity is not None
    return f"values {a.quantity.text} ≈ {b.quantity.text}"


def measure_pair(
    a: ClaimPoint,
    b: ClaimPoint,
    tolerance: float,
    words: TextScorer = text_score,
    figures: Figures | None = None,
) -> Pair | None:
    assert a.quantity is not None and b.quantity is not None
    facts = figures or Figures(tolerance)
    fa, fb = facts(a), facts(b)
    if not _compatible(fa, fb):
        return None
    pa, pb = fa.point or 0.0, fb.point or 0.0
    closeness = 1.0 - min(1.0, abs(pa - pb) / max(abs(pa), abs(pb), 1e-9) / max(tolerance, 1e-9))
    text_points = words(a, b)
    score = round(MEASURE_BASE + 10 * closeness + 5 * text_points / 100)
    reasons = ["same measure", _values(a, b), _text_reason(text_points)]
    return Pair(a, b, score, reasons)


def qualitative_pair(
    a: ClaimPoint, b: ClaimPoint, clusters: dict[str, str], words: TextScorer = text_score
) -> Pair | None:
    """Two claims without figures stating the same event (``measures.same_event``);
    merging automatically (--apply) still needs a higher score."""
    score = same_event(a, b, clusters, words)
    if score is None:
        return None
    same_language = (a.language or "en") == (b.language or "en")
    words_reason = _text_reason(score) if same_language else "other languages"
    reasons = ["same measure, no figure", words_reason]
    return Pair(a, b, round(MEASURE_BASE + 15 * score / 100), reasons)


def _same_field(x: str, y: str, clusters: dict[str, str]) -> bool:
    return not x or not y or clusters.get(x, x) == clusters.get(y, y)


def text_pair(
    a: ClaimPoint,
    b: ClaimPoint,
    window_days: int,
    tolerance: float,
    clusters: dict[str, str],
    words: TextScorer = text_score,
    figures: Figures | None = None,
) -> Pair | None:
    """Near-identical text whose figures, dates and structured fields agree."""
    if a.category != b.category and "other" not in (a.category, b.category):
        return None
    for x, y in ((a.location, b.location), (a.subject, b.subject), (a.metric, b.metric)):
        if not _same_field(x, y, clusters):
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
        facts = figures or Figures(tolerance)
        if not _compatible(facts(a), facts(b)):
            return None
    elif _numbers(a.text) != _numbers(b.text):
        return None
    score = words(a, b)
    reasons = [_text_reason(score)] + ([_values(a, b)] if a.quantity else [])
    return Pair(a, b, score, reasons)


# --- candidate generation -------------------------------------------------------------------


def _rare_word_blocks(points: list[ClaimPoint]) -> Iterator[list[ClaimPoint]]:
    frequency: dict[str, int] = defaultdict(int)
    for p in points:
        for w in words_of(p)[3]:
            frequency[w] += 1
    blocks: dict[str, list[ClaimPoint]] = defaultdict(list)
    for p in points:
        shared = [w for w in words_of(p)[3] if 2 <= frequency[w] <= TEXT_BLOCK_LIMIT]
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
    compared = PairCount()
    locations = location_clusters(points)
    fields = cluster_strings([v for p in points for v in (p.location, p.subject, p.metric) if v])

    best: dict[int, Pair] = {}
    words = TextScores()
    figures = Figures(tolerance)

    def consider(a: ClaimPoint, b: ClaimPoint, make: Any, count: bool = True) -> None:
        """Each route scores the pair its own way; the best score stands, the first
        route's on a tie, so a pair already at the top score is not scored again."""
        key = pair_key(a.id, b.id)
        if count:
            compared.add(key)
        held = best.get(key)
        if (
            (held is not None and held.score >= TOP_SCORE)
            or apart(a, b)
            or (
                (a.id in stances or b.id in stances)
                and opposed(stances.get(a.id, ASSERTED), stances.get(b.id, ASSERTED))
            )
        ):
            return
        pair = make(a, b)
        if pair and (held is None or pair.score > held.score):
            best[key] = pair

    distinct = collapse_twins(points)
    for p in distinct:
        for twin in p.twins:
            consider(p, twin, _twin_pair, count=False)
    measured = [
        pair
        for group in tracked(measure_groups(distinct), COMPARING, on_progress)
        for pair in window_pairs(group, window_days, locations)
    ]
    words.prime(measured)
    for a, b in measured:
        consider(a, b, lambda x, y: measure_pair(x, y, tolerance, words, figures))
    described = [
        pair
        for group in qualitative_groups(distinct, fields)
        for pair in window_pairs(group, window_days, locations)
    ]
    words.prime(described)
    for a, b in described:
        consider(a, b, lambda x, y: qualitative_pair(x, y, fields, words))
    for group in user_groups(distinct, decisions or Decisions()):
        for a, b in close_pairs(group, window_days):
            consider(a, b, lambda x, y: measure_pair(x, y, tolerance, words, figures))
    for a, b in figure_blocks(distinct, tolerance, window_days, locations):
        consider(
            a,
            b,
            lambda x, y: evidence_pair(x, y, tolerance, window_days, locations, words, figures),
        )
    for block in _rare_word_blocks(distinct):
        parts = list(text_parts(block, window_days))
        for rows, cols in parts:
            compared.add_cells([p.id for p in rows], None if cols is None else [p.id for p in cols])
        for a, b in similar_texts(block, parts, threshold):
            consider(
                a,
                b,
                lambda x, y: text_pair(x, y, window_days, tolerance, fields, words, figures),
                count=False,
            )
    return list(best.values()), compared.total()


def _twin_pair(a: ClaimPoint, b: ClaimPoint) -> Pair:
    """Two claims that say exactly the same thing (``measures.collapse_twins``)."""
    return Pair(a, b, TOP_SCORE, ["same figure and hedge, count, dates, place and origins"])


def text_parts(
    block: list[ClaimPoint], window_days: int
) -> Iterator[tuple[list[ClaimPoint], list[ClaimPoint] | None]]:
    """The parts of a rare-word block whose claims ``text_pair`` may pair: dated claims
    only with claims close in time (each in the bins of dates its dates, widened by the
    window, touch, so two claims close in time share one), undated claims with every
    claim. ``(part, None)`` compares the part with itself, ``(rows, cols)`` across."""
    dated = [p for p in block if p.has_date]
    undated = [p for p in block if not p.has_date]
    if undated:
        yield undated, None
        if dated:
            yield undated, dated
    width = 2 * window_days + 2
    bins: dict[int, list[ClaimPoint]] = defaultdict(list)
    for p in dated:
        for slot in range((p.start - window_days) // width, (p.end + window_days) // width + 1):
            bins[slot].append(p)
    for part in bins.values():
        if len(part) > 1:
            yield part, None


def similar_texts(
    block: list[ClaimPoint],
    parts: Iterable[tuple[list[ClaimPoint], list[ClaimPoint] | None]],
    threshold: int,
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """Pairs of the block's ``parts`` (``text_parts``) whose word similarity can reach
    ``threshold``, scored in C by
    rapidfuzz, each once and in the block's order: a pair's final text score never
    exceeds its token_set_ratio by the half point of rounding, so nothing that could
    qualify is dropped here, and pairs
    of dated claims further apart than the window are never compared (``text_pair`` takes
    them for two moments)."""
    order = {p.id: i for i, p in enumerate(block)}
    seen: set[tuple[int, int]] = set()
    for rows, cols in parts:
        forms = [words_of(p)[0] for p in rows]
        others = forms if cols is None else [words_of(p)[0] for p in cols]
        for i, j in _similar_cells(forms, others, threshold):
            a, b = rows[i], (rows if cols is None else cols)[j]
            if a is b:
                continue
            if order[a.id] > order[b.id]:
                a, b = b, a
            key = (a.id, b.id)
            if key not in seen:
                seen.add(key)
                yield a, b


def _similar_cells(
    forms: list[str], others: list[str], threshold: int
) -> Iterator[tuple[int, int]]:
    """The cells (row, column) of ``forms`` against ``others`` whose token_set_ratio
    reaches ``threshold`` less half a point (and is not 0), in row order: a pair's text
    score is rounded, so 84.7 on both of its ratios scores 85. Against itself (``others is
    forms``) a cell on or left of the diagonal may be left out: the score is symmetric, so
    it repeats a pair already given."""
    from rapidfuzz import fuzz, process

    cutoff = max(0.0, threshold - 0.5)
    if len(forms) * len(others) > SMALL_PART:
        matrix = process.cdist(forms, others, scorer=fuzz.token_set_ratio, score_cutoff=cutoff)
        yield from zip(*matrix.nonzero(), strict=True)
        return
    square = others is forms
    for i, form in enumerate(forms):
        for j in range(i + 1 if square else 0, len(others)):
            if fuzz.token_set_ratio(form, others[j], score_cutoff=cutoff):
                yield i, j


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
    within: dict[int, list[tuple[int, int]]] = defaultdict(list)
    """The confirmed conflicts inside each cluster, found once rather than per cluster."""
    for x, y in confirmed:
        if x in root_of and root_of.get(y) == root_of[x]:
            within[root_of[x]].append((x, y))
    out = []
    for root, claims in members.items():
        ps = sorted(edges[root], key=lambda p: (-p.score, p.a.key, p.b.key))
        reasons = list(dict.fromkeys(r for p in ps for r in p.reasons))
        points = {x.id: x for p in ps for x in (p.a, p.b)}
        held = hold_reasons(list(points.values()), ps, tolerance, within.get(root, []))
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
    """Clusters of claims that state the same proposition, scored 0-100 with reasons.
    Garbage collection is paused: the work allocates millions of objects and no cycles."""
    conn = session.connection()
    with paused_gc():
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
        reviewed = distinct | confirmed
        strong = [
            p for p in pairs if p.score >= threshold and pair_ids(p.a.id, p.b.id) not in reviewed
        ]
        return DedupeReport(_clusters(strong, tolerance, confirmed), len(points), compared)


def hold_reasons(
    members: Sequence[ClaimPoint],
    pairs: Sequence[Pair],
    tolerance: float,
    confirmed: Iterable[tuple[int, int]],
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


@cache
def _name_words(generic: bool) -> frozenset[str]:
    """Words of organisation names that do not tell one organisation from another, from
    the ``[sources]`` tables of every language: function words ("of", "de"), and with
    ``generic`` also words such as "agency" or "presse"."""
    tables = ("name_function_words", "name_generic_words") if generic else ("name_function_words",)
    return frozenset(
        fold(str(word))
        for code in lexicon.languages()
        for table in tables
        for word in lexicon.section(code, "sources").get(table, [])
    )


def _initials(name: str) -> str:
    function_words = _name_words(False)
    words = [w for w in re.findall(r"[^\W\d_]+", name.casefold()) if w not in function_words]
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
            generic = _name_words(True)
            wa = {w for w in fa.split() if w not in generic}
            wb = {w for w in fb.split() if w not in generic}
            if wa and wa == wb:
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
    return _figures_agree(a, b, figure_facts(a, tolerance), figure_facts(b, tolerance), tolerance)


def _figures_agree(
    a: quantities.Quantity,
    b: quantities.Quantity,
    fa: FigureFacts,
    fb: FigureFacts,
    tolerance: float,
) -> int | None:
    """``figures_agree`` given the figures' facts."""
    if fa.kind != fb.kind:
        return None
    pa, pb = fa.point, fb.point
    if pa is None or pb is None:
        return None
    if not fa.span.overlaps(fb.span):
        return None
    if pa == pb:
        if fa.direction != fb.direction:
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
    words: TextScorer = text_score,
    figures: Figures | None = None,
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
    facts = figures or Figures(tolerance)
    xa, xb = facts(a), facts(b)
    if _one_day_each(a, b) and a.start != b.start and xa.point != xb.point:
        return None
    figure = _figures_agree(fa, fb, xa, xb, tolerance)
    if figure is None or (figure == CLOSE_FIGURE and not _one_figure(a, b, xa, xb)):
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
        text_points = words(a, b)
        score += max(-5, min(10, (text_points - 50) // 5))
        reasons.append(_text_reason(text_points))
    if (fa.qualifier == "vague") != (fb.qualifier == "vague"):
        score = min(score, VAGUE_CAP)
        reasons.append("one figure is vague")
    return Pair(a, b, max(0, min(TOP_SCORE, score)), reasons)


def _one_figure(a: ClaimPoint, b: ClaimPoint, fa: FigureFacts, fb: FigureFacts) -> bool:
    """Whether two close but different figures may be one figure: one origin's, rounded
    or hedged in one report ("208" and "more than 200"), or each within the other's
    bounds ("about 200" and "some 205"). From different or unknown origins, a figure
    outside the other's bounds is another count ("at least 208" and "about 200", "more
    than 200", "up to 200")."""
    return _named_origin_shared(a, b) or _compatible(fa, fb)


def _named_origin_shared(a: ClaimPoint, b: ClaimPoint) -> bool:
    """``same_origin``, save that two claims naming no origin share one only by a word of
    their sources' names (the body in "a UN representative"): an unnamed source
    ("unattributed", "sources") recurring in both tells no origin from another."""
    if a.named_origins or b.named_origins:
        return same_origin(a, b)
    return bool(a.origin_words & b.origin_words)


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
    if _named_origin_shared(a, b):
        reasons.append("same origin")
        return SAME_ORIGIN
    if a.named_origins and b.named_origins:
        reasons.append("different named origins")
        return OTHER_NAMED_ORIGIN
    return 0


def figure_blocks(
    points: list[ClaimPoint], tolerance: float, window_days: int, locations: Mapping[str, str]
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """The pairs ``evidence_pair`` may score, each once, lower figure first: the same
    category, dimension and stance, places that agree, figures within the tolerance of
    each other and dates within the window. Only the pairs passing these gates are
    enumerated, so the cost follows the pairs that could score, not the density of claims
    in time: two claims of one day each are paired on the same day (by figure) or, on
    other days, only when their figures are one (by figure, then date), since
    ``evidence_pair`` takes two figures on two days for two moments of a series. Claims
    spanning days meet every claim close in time through bins of dates. Undated claims are
    compared with every claim of their kind in range."""
    kinds: dict[tuple[str, str, bool], list[tuple[float, ClaimPoint]]] = defaultdict(list)
    for p in points:
        figure = p.figure
        point = quantities.point(figure) if figure else None
        if figure is None or point is None or point <= 0:
            continue
        kinds[(p.category, dimension_kind(figure), p.denies)].append((point, p))
    low, high = _figure_range(tolerance)
    for members in kinds.values():
        dated = (m for m in members if m[1].has_date)
        places, anywhere = split_by_place(dated, lambda m: m[1].location, locations)
        index = _DatedIndex(anywhere, low, high, window_days)
        for group in places:
            own = _DatedIndex(group, low, high, window_days)
            yield from own.pairs(group, within=True)
            yield from index.pairs(group, within=False)
        yield from index.pairs(anywhere, within=True)
        yield from _undated_pairs(members, low, high)


def _figure_range(tolerance: float) -> tuple[float, float]:
    """Factors bounding the figures that agree with a figure (``figures_agree``: apart by
    at most the tolerance of the larger), slightly widened against rounding."""
    if tolerance >= 1:
        return 0.0, float("inf")
    return (1 - tolerance) * (1 - 1e-9), (1 + 1e-9) / (1 - tolerance)


def _ordered(
    a: tuple[float, ClaimPoint], b: tuple[float, ClaimPoint]
) -> tuple[ClaimPoint, ClaimPoint]:
    return (a[1], b[1]) if (a[0], a[1].id) < (b[0], b[1].id) else (b[1], a[1])


_Sorted = tuple[list[tuple[float, ClaimPoint]], list[float]]
"""Claims with their figures, sorted by figure, and the figures alone (for bisection)."""
_NOTHING: _Sorted = ([], [])


def _sorted_table(table: dict[int, list[tuple[float, ClaimPoint]]]) -> dict[int, _Sorted]:
    out = {}
    for key, found in table.items():
        found.sort(key=lambda m: (m[0], m[1].id))
        out[key] = (found, [m[0] for m in found])
    return out


class _DatedIndex:
    """Dated claims with figures, looked up by a claim's figure and dates: claims of one
    day by day (sorted by figure) and by figure (sorted by day), claims spanning days by
    bins of dates (sorted by figure)."""

    def __init__(
        self, members: list[tuple[float, ClaimPoint]], low: float, high: float, window_days: int
    ) -> None:
        self.low, self.high, self.window = low, high, window_days
        self.width = 2 * window_days + 2
        by_day: dict[int, list[tuple[float, ClaimPoint]]] = defaultdict(list)
        spans: dict[int, list[tuple[float, ClaimPoint]]] = defaultdict(list)
        dated: dict[int, list[tuple[float, ClaimPoint]]] = defaultdict(list)
        by_figure: dict[float, list[tuple[int, ClaimPoint]]] = defaultdict(list)
        for value, p in members:
            slots = range(p.start // self.width, p.end // self.width + 1)
            for slot in slots:
                dated[slot].append((value, p))
            if p.start == p.end:
                by_day[p.start].append((value, p))
                by_figure[value].append((p.start, p))
            else:
                for slot in slots:
                    spans[slot].append((value, p))
        self.by_day = _sorted_table(by_day)
        self.spans = _sorted_table(spans)
        """Claims spanning days, in every bin their dates touch."""
        self.dated = _sorted_table(dated)
        """Every claim, in every bin its dates touch (met by claims spanning days)."""
        self.by_figure: dict[float, tuple[list[tuple[int, ClaimPoint]], list[int]]] = {}
        for value, days in by_figure.items():
            days.sort(key=lambda m: (m[0], m[1].id))
            self.by_figure[value] = (days, [m[0] for m in days])

    def _in_range(self, found: _Sorted, value: float) -> Iterator[tuple[float, ClaimPoint]]:
        members, values = found
        hi = value * self.high
        for i in range(bisect.bisect_left(values, value * self.low), len(members)):
            if values[i] > hi:
                break
            yield members[i]

    def _close(
        self, a: ClaimPoint, value: float, table: dict[int, _Sorted]
    ) -> list[tuple[float, ClaimPoint]]:
        """The claims of ``table`` in range of the figure and close in time, once each."""
        seen: set[int] = set()
        out = []
        for slot in range(
            (a.start - self.window) // self.width, (a.end + self.window) // self.width + 1
        ):
            for o in self._in_range(table.get(slot, _NOTHING), value):
                if o[1].id not in seen and close_in_time(a, o[1], self.window):
                    seen.add(o[1].id)
                    out.append(o)
        return out

    def pairs(
        self, members: list[tuple[float, ClaimPoint]], within: bool
    ) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
        """Pairs of each member with the indexed claims that may score with it; with
        ``within`` the members are the indexed claims, and each pair comes once."""
        for m in members:
            value, a = m
            one_day = a.start == a.end
            if one_day:
                found = list(self._in_range(self.by_day.get(a.start, _NOTHING), value))
                days, starts = self.by_figure.get(value, ([], []))
                for i in range(bisect.bisect_left(starts, a.start - self.window), len(days)):
                    if starts[i] > a.start + self.window:
                        break
                    if starts[i] != a.start:
                        found.append((value, days[i][1]))
                found.extend(self._close(a, value, self.spans))
            else:
                found = self._close(a, value, self.dated)
            for o in found:
                b = o[1]
                if b is a or (
                    within and (a.id > b.id if one_day == (b.start == b.end) else not one_day)
                ):
                    continue
                yield _ordered(m, o)


def _undated_pairs(
    members: list[tuple[float, ClaimPoint]], low: float, high: float
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """Each undated claim with every claim of its kind in range, each pair once."""
    lone = [m for m in members if not m[1].has_date]
    if not lone:
        return
    others = sorted(members, key=lambda m: m[0])
    values = [m[0] for m in others]
    for value, a in lone:
        lo = bisect.bisect_left(values, value * low)
        for other, b in others[lo:]:
            if other > value * high:
                break
            if b is not a and (b.has_date or a.id < b.id):
                yield a, b
