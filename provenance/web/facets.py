"""The claims page's index: facet counts and page order over the matching claims.

Counting distinct claims per source, party or rating with GROUP BY over every matching
attribution costs seconds at 100k claims, and ORDER BY … OFFSET sorts every match for
each page. Instead the (claim, value) pairs of each facet, each claim's status and its
rank in each order are read once per version of the data into arrays; a request only
finds the ids of its matching claims (SQL through the library's filter, or the status
array when nothing else is asked), and each facet is one ``bincount`` over their pairs,
each page a sort of their ranks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from sqlalchemy import Connection, text

from provenance.bulk import expanding_text
from provenance.query import ClaimFilter, Values, claim_where, validate_filter, values

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

    def having(self, value: str, size: int) -> Any:
        """A mask over claim ids (``size`` long): the claims with this value. A mask, not
        a sorted set of ids: narrowing by a value of a facet with hundreds of thousands of
        pairs then costs a pass over them, not a sort (0.2 s at 100k claims)."""
        mask = np.zeros(size, dtype=bool)
        if value in self.values:
            mask[self.claims[self.codes == self.values.index(value)]] = True
        return mask

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


ORDERS = {"key": "key", "as_of": "as_of_start, key"}
"""The orders a page can be read in from ranks (the others need each claim's counts)."""


@dataclass
class FacetIndex:
    size: int
    """One more than the largest claim id: the length of a mask over claims."""
    facets: list[Pairs]
    statuses: dict[str, Any]
    """Status -> ids of the claims with it."""
    ranks: dict[str, Any]
    """Order -> each claim id's position in it."""


def build_index(conn: Connection) -> FacetIndex:
    size = int(conn.execute(text("SELECT COALESCE(MAX(id), 0) + 1 FROM claim")).scalar_one())
    built = [pairs(name, label, conn.execute(text(sql))) for name, label, sql in FACETS]
    statuses: dict[str, list[int]] = {}
    for claim_id, status in conn.execute(text("SELECT id, status FROM claim ORDER BY id")):
        statuses.setdefault(status, []).append(claim_id)
    ranks = {}
    for name, order in ORDERS.items():
        ids = np.array(
            conn.execute(text(f"SELECT id FROM claim ORDER BY {order}")).scalars().all(),
            dtype=np.int64,
        )
        rank = np.zeros(size, dtype=np.int64)
        rank[ids] = np.arange(len(ids))
        ranks[name] = rank
    by_status = {s: np.array(ids, dtype=np.int64) for s, ids in statuses.items()}
    return FacetIndex(size, built, by_status, ranks)


def facet_values(f: ClaimFilter) -> dict[str, str]:
    """The filter's conditions that are one value of a facet, as the facet names it:
    the claims they keep are that value's (the facets count what each value keeps)."""
    out = {}
    category, party, rating = _single(f.category), _single(f.party), _single(f.rating)
    if category:
        out["category"] = category
    if f.named is not None:
        out["named"] = "named" if f.named else "unnamed"
    if party:
        out["party"] = party.lower()
    if rating:
        out["rating"] = rating.strip().lower()
    return out


def _single(value: Values) -> str | None:
    """The filter's one value; None when it has none or several (left to SQL)."""
    found = values(value)
    return found[0] if len(found) == 1 else None


def _narrowing(f: ClaimFilter) -> dict[str, str]:
    """The facet values the index may apply. ``named`` and ``party`` are conditions on
    one origin: with any other condition on an origin they must hold on the same report,
    which only the library's filter checks, so they stay with it."""
    out = facet_values(f)
    on_origin = [f.named is not None, bool(values(f.party)), bool(values(f.source))]
    on_origin += [bool(values(f.via)), bool(values(f.source_kind)), bool(f.min_reliability)]
    if sum(on_origin) > 1:
        out.pop("named", None)
        out.pop("party", None)
    return out


def matching_ids(conn: Connection, f: ClaimFilter, index: FacetIndex) -> Any:
    """Ids of the claims the filter keeps, in no particular order: conditions on a facet
    value from the index, the rest through the library's filter in SQL (or the status
    array when only a status is left)."""
    validate_filter(f)
    narrowing = _narrowing(f)
    rest = replace(
        f,
        category=None if "category" in narrowing else f.category,
        named=None if "named" in narrowing else f.named,
        party=None if "party" in narrowing else f.party,
        rating=None if "rating" in narrowing else f.rating,
    )
    status = values(rest.status)
    if rest == ClaimFilter(status=rest.status) and len(status) <= 1:
        if status:
            ids = index.statuses.get(status[0], np.zeros(0, dtype=np.int64))
        else:
            ids = np.concatenate([np.zeros(0, dtype=np.int64), *index.statuses.values()])
    else:
        where, params = claim_where(conn, rest)
        stmt = expanding_text(f"SELECT c.id FROM claim c WHERE {where}", params)
        ids = np.array(conn.execute(stmt, params).scalars().all(), dtype=np.int64)
    by_name = {p.name: p for p in index.facets}
    for name, value in narrowing.items():
        ids = ids[ids < index.size]
        ids = ids[by_name[name].having(value, index.size)[ids]]
    return ids


def page_ids(index: FacetIndex, ids: Any, order: str, offset: int, size: int) -> list[int]:
    """The ids of one page of ``ids`` in an order of ``ORDERS``."""
    known = ids[ids < index.size]
    ranked = known[np.argsort(index.ranks[order][known], kind="stable")]
    return [int(i) for i in ranked[offset : offset + size]]


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
