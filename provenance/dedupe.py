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

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from provenance import quantities
from provenance.conflicts import (
    DEFAULT_TOLERANCE,
    DEFAULT_WINDOW_DAYS,
    _claim_stances,
    load_reviews,
)
from provenance.measures import (
    ClaimPoint,
    canon,
    cluster_strings,
    load_points,
    location_clusters,
    measure_groups,
    window_pairs,
)
from provenance.normalize import fold

DEFAULT_THRESHOLD = 85
QUALITATIVE_MIN_TEXT = 60
"""Least word similarity for two same-language claims without figures."""
MEASURE_BASE = 85
"""Same measure and mutually compatible figures propose a pair on their own; closeness
of the figures and of the words lift it towards the --apply threshold (95)."""
APPLY_THRESHOLD = 95
TEXT_BLOCK_LIMIT = 200
"""Claims sharing a rare word are compared; a word shared by more is not rare."""
RARE_WORDS = 3
"""Each claim is compared with the claims sharing one of its rarest shared words."""
_NUMBER = re.compile(r"\d[\d,.\u00a0\u202f ']*\d|\d")


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

    def as_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "score": self.score,
            "reasons": self.reasons,
            "pairs": [p.as_dict() for p in self.pairs],
        }


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
    ia, ib = quantities.interval(a, tolerance), quantities.interval(b, tolerance)
    return ib.lo <= pa <= ib.hi and ia.lo <= pb <= ia.hi


def _text_form(claim_text: str) -> str:
    return fold(_NUMBER.sub(" ", claim_text))


_POLAR = frozenset(
    [
        "russian",
        "ukrainian",
        "korean",
        "american",
        "british",
        "belarusian",
        "iranian",
        "chinese",
        "israeli",
        "palestinian",
        "syrian",
        "not",
        "no",
        "never",
        "denied",
        "denies",
        "deny",
        "false",
        "lost",
        "gained",
        "captured",
        "recaptured",
        "retreated",
        "withdrew",
    ]
)
"""Words that flip a claim's meaning when only one side has them: the side of the
conflict, negation, gain or loss."""
POLAR_PENALTY = 20


@lru_cache(maxsize=262_144)
def _features(claim_text: str) -> tuple[str, frozenset[str]]:
    """A claim text's comparable form and the meaning-flipping words in it (cached:
    one text takes part in many pairs)."""
    form = _text_form(claim_text)
    return form, frozenset(canon(form).split()) & _POLAR


def text_score(a: ClaimPoint, b: ClaimPoint) -> int:
    """Word similarity (rapidfuzz), less ``POLAR_PENALTY`` when a side or negation differs."""
    from rapidfuzz import fuzz

    (ta, polar_a), (tb, polar_b) = _features(a.text), _features(b.text)
    score = (fuzz.token_set_ratio(ta, tb) + fuzz.token_sort_ratio(ta, tb)) / 2
    if polar_a != polar_b:
        score -= POLAR_PENALTY
    return max(0, round(score))


def _numbers(claim_text: str) -> set[str]:
    return {re.sub(r"\D", "", n) for n in _NUMBER.findall(claim_text)}


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
    """Two claims without figures whose subject, metric and location all agree on the
    same dates. In one language the words must agree too (``QUALITATIVE_MIN_TEXT``):
    "ramping up its counteroffensive" is not "has been conducting counteroffensive
    operations". Across languages, where words cannot be compared, structure decides;
    merging automatically (--apply) still needs a higher score."""
    if a.quantity or b.quantity or a.category != b.category:
        return None
    if not all(
        x and y and clusters.get(x, x) == clusters.get(y, y)
        for x, y in ((a.subject, b.subject), (a.metric, b.metric), (a.location, b.location))
    ):
        return None
    words = text_score(a, b)
    same_language = (a.language or "en") == (b.language or "en")
    if same_language and words < QUALITATIVE_MIN_TEXT:
        return None
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


def _qualitative_groups(
    points: list[ClaimPoint], clusters: dict[str, str]
) -> list[list[ClaimPoint]]:
    """Claims without figures, grouped by category, subject, metric and location."""
    groups: dict[tuple[str, ...], list[ClaimPoint]] = defaultdict(list)
    for p in points:
        if p.quantity is None and p.subject and p.metric and p.location and p.has_date:
            key = (p.category, *(clusters.get(v, v) for v in (p.subject, p.metric, p.location)))
            groups[key].append(p)
    return [g for g in groups.values() if len(g) > 1]


def _rare_word_blocks(points: list[ClaimPoint]) -> Iterator[list[ClaimPoint]]:
    words_of = {p.id: set(canon(_NUMBER.sub(" ", p.text)).split()) for p in points}
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


_ASSERTED = frozenset({"asserts"})


def _opposed(a: Iterable[str], b: Iterable[str]) -> bool:
    """One claim only asserted, the other only denied: opposite propositions. A claim
    some sources assert and others deny is the same proposition, disputed."""
    return {frozenset(a), frozenset(b)} == {_ASSERTED, frozenset({"denies"})}


def candidate_pairs(
    points: list[ClaimPoint],
    window_days: int,
    tolerance: float,
    stances: dict[int, set[str]],
    threshold: int = 0,
) -> tuple[list[Pair], int]:
    seen: set[tuple[int, int]] = set()
    pairs: list[Pair] = []
    compared = 0
    locations = location_clusters(points)
    fields = cluster_strings([v for p in points for v in (p.location, p.subject, p.metric) if v])

    def consider(a: ClaimPoint, b: ClaimPoint, make: Any, count: bool = True) -> None:
        nonlocal compared
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if key in seen:
            return
        seen.add(key)
        compared += count
        if _opposed(stances.get(a.id, _ASSERTED), stances.get(b.id, _ASSERTED)):
            return
        pair = make(a, b)
        if pair:
            pairs.append(pair)

    for group in measure_groups(points):
        for a, b in window_pairs(group, window_days, locations):
            consider(a, b, lambda x, y: measure_pair(x, y, tolerance))
    for group in _qualitative_groups(points, fields):
        for a, b in window_pairs(group, window_days, locations):
            consider(a, b, lambda x, y: qualitative_pair(x, y, fields))
    for block in _rare_word_blocks(points):
        compared += len(block) * (len(block) - 1) // 2
        for a, b in _similar_texts(block, threshold):
            consider(
                a, b, lambda x, y: text_pair(x, y, window_days, tolerance, fields), count=False
            )
    return pairs, compared


def _similar_texts(
    block: list[ClaimPoint], threshold: int
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """Pairs of the block whose word similarity can reach ``threshold``, scored in C by
    rapidfuzz: a pair's final text score never exceeds its token_set_ratio, so nothing
    that could qualify is dropped here."""
    from rapidfuzz import fuzz, process

    forms = [_features(p.text)[0] for p in block]
    matrix = process.cdist(forms, forms, scorer=fuzz.token_set_ratio, score_cutoff=threshold)
    for i, j in zip(*matrix.nonzero(), strict=True):
        if i < j:
            yield block[i], block[j]


def _clusters(pairs: Iterable[Pair]) -> list[Cluster]:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    kept = list(pairs)
    for p in kept:
        ra, rb = find(p.a.id), find(p.b.id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, dict[int, str]] = defaultdict(dict)
    edges: dict[int, list[Pair]] = defaultdict(list)
    for p in kept:
        root = find(p.a.id)
        members[root][p.a.id] = p.a.key
        members[root][p.b.id] = p.b.key
        edges[root].append(p)
    out = []
    for root, claims in members.items():
        ps = sorted(edges[root], key=lambda p: (-p.score, p.a.key, p.b.key))
        reasons = list(dict.fromkeys(r for p in ps for r in p.reasons))
        out.append(Cluster(sorted(claims.values()), min(p.score for p in ps), reasons, ps))
    out.sort(key=lambda c: (-c.score, c.claims))
    return out


def find_duplicates(
    session: Session,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
    tolerance: float = DEFAULT_TOLERANCE,
) -> DedupeReport:
    """Clusters of claims that state the same proposition, scored 0-100 with reasons."""
    conn = session.connection()
    points = load_points(conn)
    pairs, compared = candidate_pairs(
        points, window_days, tolerance, _claim_stances(conn), threshold
    )
    distinct = {k for k, v in load_reviews(conn, "duplicate").items() if v == "distinct"}
    strong = [
        p
        for p in pairs
        if p.score >= threshold and (min(p.a.id, p.b.id), max(p.a.id, p.b.id)) not in distinct
    ]
    return DedupeReport(_clusters(strong), len(points), compared)


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
