"""What makes two claims speak of the same measure, and the blocked pairing both
``conflicts`` and ``dedupe`` use.

Two claims are compared only when they have the same category and unit, subject and
metric that match after normalisation (case, punctuation, word order, a small synonym
table, then rapidfuzz ``token_sort_ratio`` >= ``MATCH_THRESHOLD`` between the distinct
normalised strings), the same location when both give one, and ``as_of`` spans that
come within the window of each other (a claim dated to a month matches the days in it).

Nothing compares all pairs: claims are grouped by measure, each group is sorted by
date, and a sweep pairs only claims whose dates fall within the window. Fuzzy matching
runs on the distinct normalised strings of one category, not on claims.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import Connection, text

from provenance import quantities

MATCH_THRESHOLD = 90
"""rapidfuzz token_sort_ratio (0-100) at which two normalised subjects (or metrics,
or locations) name the same thing: tolerates typos and inflection, not other words."""
FUZZY_ALL_PAIRS_LIMIT = 3000
"""Up to this many distinct strings in a block are compared all-pairs (in C, fast);
larger blocks are split by each string's rarest word first."""

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "into",
        "to",
        "by",
        "for",
        "on",
        "at",
        "and",
        "or",
        "from",
        "with",
        "as",
        "its",
        "their",
        "has",
        "have",
        "been",
        "is",
        "are",
        "was",
        "were",
        "that",
        "this",
        "these",
        "those",
        "than",
    ]
)
_SYNONYMS = {
    "soldiers": "troops",
    "soldier": "troops",
    "troop": "troops",
    "servicemen": "troops",
    "personnel": "troops",
    "fighters": "troops",
    "forces": "troops",
    "force": "troops",
    "military": "troops",
    "army": "troops",
    "dprk": "north korean",
    "korea": "korean",
    "pyongyang": "north korean",
    "russia": "russian",
    "moscow": "russian",
    "kremlin": "russian",
    "ukraine": "ukrainian",
    "kyiv": "ukrainian",
    "kiev": "ukrainian",
    "ukrainians": "ukrainian",
    "russians": "russian",
    "controlled": "held",
    "control": "held",
    "holds": "held",
    "hold": "held",
    "occupied": "held",
    "sent": "deployed",
    "deploy": "deployed",
    "deployment": "deployed",
    "stationed": "deployed",
    "killed": "dead",
    "deaths": "dead",
    "killed_in_action": "dead",
    "injured": "wounded",
    "oblast": "",
    "region": "",
    "province": "",
    "area": "area",
    "territory": "territory",
    "km": "",
    "square": "",
}


@lru_cache(maxsize=262_144)
def canon(value: str | None) -> str:
    """Normalised form: lower case, no accents or punctuation, synonyms, sorted words."""
    if not value:
        return ""
    plain = value.casefold()
    if not plain.isascii():
        plain = unicodedata.normalize("NFKD", plain)
        plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    words = []
    for word in _WORD.findall(plain):
        if word in _STOPWORDS:
            continue
        word = _SYNONYMS.get(word, word)
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = _SYNONYMS.get(word[:-1], word[:-1])
        if word:
            words.extend(word.split())
    return " ".join(sorted(set(words)))


@dataclass(slots=True)
class ClaimPoint:
    """The fields of a claim that comparisons need, compactly."""

    id: int
    key: str
    text: str
    category: str
    subject: str
    metric: str
    location: str
    start: int
    end: int
    quantity: quantities.Quantity | None
    language: str | None

    @property
    def has_date(self) -> bool:
        return self.start > 0


_LOAD_SQL = (
    "SELECT id, key, text, category, subject, metric, location, as_of_start, as_of_end, "
    "quantity, qualifier, value, low, high, unit, unit_written, dimension, precision, language "
    "FROM claim WHERE status = 'active' ORDER BY id"
)


def load_points(conn: Connection) -> list[ClaimPoint]:
    """Every active claim as a ClaimPoint, streamed from the database."""
    out = []
    result = conn.execution_options(stream_results=True, yield_per=20_000).execute(text(_LOAD_SQL))
    for r in result:
        out.append(
            ClaimPoint(
                id=r[0],
                key=r[1],
                text=r[2],
                category=r[3],
                subject=canon(r[4]),
                metric=canon(r[5]),
                location=canon(r[6]),
                start=_ordinal(r[7]),
                end=_ordinal(r[8]),
                quantity=_quantity(r[9:18]),
                language=r[18],
            )
        )
    return out


def _ordinal(iso: str | None) -> int:
    return date.fromisoformat(iso).toordinal() if iso else 0


def _quantity(r: Sequence[object]) -> quantities.Quantity | None:
    written, qualifier, value, low, high, unit, unit_written, dimension, precision = r
    if qualifier is None:
        return None
    return quantities.Quantity(
        text=str(written or ""),
        qualifier=str(qualifier),
        value=value if value is None else float(value),  # type: ignore[arg-type]
        low=low if low is None else float(low),  # type: ignore[arg-type]
        high=high if high is None else float(high),  # type: ignore[arg-type]
        unit=str(unit or ""),
        unit_written=str(unit_written or ""),
        dimension=str(dimension or ""),
        precision=float(precision or 0.0),  # type: ignore[arg-type]
    )


# --- fuzzy clusters of distinct strings ----------------------------------------------------


_DIGITS = re.compile(r"\d+")


WORD_VARIANT_THRESHOLD = 70
"""rapidfuzz ratio at which two words are spellings of one (Kiev/Kyiv 75, Mala/Verkhnia 33)."""


def _same_shape(a: str, b: str) -> bool:
    """Spelling variants, not different names: the same numbers, and word for word
    (canonical strings are sorted) each word a variant of the other. "Mala Bohdanysche"
    is not "Bohdanysche", "Verkhnia" is not "Mala", "Sector 12" is not "Sector 13"."""
    from rapidfuzz import fuzz

    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    return all(
        x == y or fuzz.ratio(x, y) >= WORD_VARIANT_THRESHOLD
        for x, y in zip(words_a, words_b, strict=True)
    )


def cluster_strings(values: Sequence[str], threshold: int = MATCH_THRESHOLD) -> dict[str, str]:
    """Map each distinct string to a representative of its cluster of near-identical ones.

    Only spelling variants match: strings with a different number of words or different
    numbers never do, however close the rest ("Mala Bohdanysche" / "Bohdanysche",
    "Sector 12" / "Sector 13", "47th brigade" / "48th brigade")."""
    from rapidfuzz import fuzz, process

    distinct = sorted(set(values))
    parent = {v: v for v in distinct}

    def find(v: str) -> str:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for block in _blocks(distinct):
        if len(block) < 2:
            continue
        matrix = process.cdist(block, block, scorer=fuzz.token_sort_ratio, score_cutoff=threshold)
        for i, j in zip(*matrix.nonzero(), strict=True):
            if i < j and _same_shape(block[i], block[j]):
                a, b = find(block[i]), find(block[j])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {v: find(v) for v in distinct}


def _blocks(distinct: list[str]) -> Iterator[list[str]]:
    """All strings at once when few; otherwise strings grouped by their rarest word."""
    if len(distinct) <= FUZZY_ALL_PAIRS_LIMIT:
        yield distinct
        return
    frequency: dict[str, int] = defaultdict(int)
    for v in distinct:
        for word in set(v.split()):
            frequency[word] += 1
    by_word: dict[str, list[str]] = defaultdict(list)
    for v in distinct:
        words = v.split() or [""]
        by_word[min(words, key=lambda w: (frequency[w], w))].append(v)
    for block in by_word.values():
        for i in range(0, len(block), FUZZY_ALL_PAIRS_LIMIT):
            yield block[i : i + FUZZY_ALL_PAIRS_LIMIT]


# --- grouping and the windowed sweep -------------------------------------------------------


def measure_groups(points: Sequence[ClaimPoint]) -> list[list[ClaimPoint]]:
    """Claims with a quantity, subject or metric and a date, grouped by measure."""
    usable = [p for p in points if p.quantity and (p.subject or p.metric) and p.has_date]
    by_category: dict[str, list[ClaimPoint]] = defaultdict(list)
    for p in usable:
        by_category[p.category].append(p)
    groups: dict[tuple[str, str, str, str], list[ClaimPoint]] = defaultdict(list)
    for category, members in by_category.items():
        subjects = cluster_strings([p.subject for p in members])
        metrics = cluster_strings([p.metric for p in members])
        for p in members:
            assert p.quantity is not None
            groups[(category, p.quantity.unit, subjects[p.subject], metrics[p.metric])].append(p)
    return [g for g in groups.values() if len(g) > 1]


def window_pairs(
    group: Sequence[ClaimPoint], window_days: int, locations: dict[str, str]
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """Pairs of the group whose dates come within the window and whose places agree.

    Claims are split by place first, so a measure reported from a thousand villages
    costs the pairs within each village, not all pairs; a claim without a place is
    paired with every place."""
    by_place: dict[str, list[ClaimPoint]] = defaultdict(list)
    anywhere: list[ClaimPoint] = []
    for p in group:
        if p.location:
            by_place[locations.get(p.location, p.location)].append(p)
        else:
            anywhere.append(p)
    for members in by_place.values():
        yield from _sweep(members, window_days, None)
        if anywhere:
            yield from _sweep(members + anywhere, window_days, set(map(id, anywhere)))
    yield from _sweep(anywhere, window_days, None)


def _sweep(
    claims: Sequence[ClaimPoint], window_days: int, cross: set[int] | None
) -> Iterator[tuple[ClaimPoint, ClaimPoint]]:
    """Date-sorted sweep; with ``cross``, only pairs with exactly one member in it."""
    ordered = sorted(claims, key=lambda p: (p.start, p.id))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.start > a.end + window_days:
                break
            if cross is not None and (id(a) in cross) == (id(b) in cross):
                continue
            if b.start - window_days <= a.end and a.start - window_days <= b.end:
                yield a, b


def location_clusters(points: Sequence[ClaimPoint]) -> dict[str, str]:
    return cluster_strings([p.location for p in points if p.location])
