"""Facet counts for the claims page: how many matching claims each value would keep.

Counting distinct claims per source, party or rating with GROUP BY over every matching
attribution costs seconds at 100k claims. Instead the (claim, value) pairs of each facet
are read once per version of the data into arrays, and a request only fetches the ids of
its matching claims: each facet is then one ``bincount`` over the pairs of those claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import Connection, bindparam, text

from provenance.query import ClaimFilter, claim_where

FACET_VALUES = 12


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    param: str
    values: list[FacetValue] = field(default_factory=list)


@dataclass
class Pairs:
    """Distinct (claim id, value number) pairs of one facet, with each number's value
    (what the filter parameter takes) and label (what a person reads)."""

    name: str
    label: str
    claims: Any
    codes: Any
    values: list[str]
    labels: list[str]

    def counts(self, matching: Any) -> list[tuple[str, str, int]]:
        inside = matching[self.claims]
        counted = np.bincount(self.codes[inside], minlength=len(self.values))
        order = np.lexsort((np.arange(len(counted)), -counted))
        return [
            (self.values[i], self.labels[i], int(counted[i]))
            for i in order[:FACET_VALUES]
            if counted[i] > 0
        ]


def pairs(name: str, label: str, rows: Iterable[Sequence[Any]]) -> Pairs:
    """Pairs from rows of (claim id, value, label); duplicates count once."""
    numbers: dict[str, int] = {}
    labels: list[str] = []
    seen: set[tuple[int, int]] = set()
    for claim_id, value, shown in rows:
        if value is None:
            continue
        code = numbers.setdefault(str(value), len(numbers))
        if code == len(labels):
            labels.append(str(shown))
        seen.add((int(claim_id), code))
    ordered = sorted(seen)
    return Pairs(
        name,
        label,
        np.array([c for c, _ in ordered], dtype=np.int64),
        np.array([v for _, v in ordered], dtype=np.int64),
        list(numbers),
        labels,
    )


_ORIGINS = (
    "SELECT a.claim_id, {value}, {label} FROM attribution a JOIN source s ON s.id = a.source_id "
    "JOIN source t ON t.id = COALESCE(s.merged_into_id, s.id)"
)
FACETS = (
    ("source", "origin", _ORIGINS.format(value="t.key", label="t.name")),
    ("party", "party", _ORIGINS.format(value="lower(s.party)", label="s.party")),
    ("category", "category", "SELECT id, category, category FROM claim"),
    (
        "named",
        "named or unnamed",
        _ORIGINS.format(
            value="CASE WHEN s.named THEN 'named' ELSE 'unnamed' END",
            label="CASE WHEN s.named THEN 'named' ELSE 'unnamed' END",
        ),
    ),
    (
        "rating",
        "rating",
        "SELECT claim_id, lower(rating), lower(rating) FROM verdict WHERE status = 'active'",
    ),
)


@dataclass
class FacetIndex:
    size: int
    """One more than the largest claim id: the length of a mask over claims."""
    facets: list[Pairs]


def build_index(conn: Connection, extra: Sequence[Pairs] = ()) -> FacetIndex:
    size = int(conn.execute(text("SELECT COALESCE(MAX(id), 0) + 1 FROM claim")).scalar_one())
    built = [pairs(name, label, conn.execute(text(sql))) for name, label, sql in FACETS]
    return FacetIndex(size, [*built, *extra])


def matching_ids(conn: Connection, f: ClaimFilter) -> Any:
    where, params = claim_where(conn, f)
    stmt = text(f"SELECT c.id FROM claim c WHERE {where}").bindparams(
        *(bindparam(k, expanding=True) for k, v in params.items() if isinstance(v, list))
    )
    return np.fromiter((r[0] for r in conn.execute(stmt, params)), dtype=np.int64)


def facet_counts(index: FacetIndex, ids: Any, selected: dict[str, str]) -> list[Facet]:
    """For each facet, its values among the claims ``ids``, most claims first."""
    matching = np.zeros(index.size, dtype=bool)
    matching[ids[ids < index.size]] = True
    out = []
    for p in index.facets:
        current = (selected.get(p.name) or "").lower()
        values = [
            FacetValue(value, label, count, value.lower() == current)
            for value, label, count in p.counts(matching)
        ]
        out.append(Facet(p.name, p.label, p.name, values))
    return out
