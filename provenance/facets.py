"""Facet counts over the claims a filter matches, as Datasette shows them: for each
dimension, its values with how many matching claims have each, most claims first.

A claim is counted once per value it has: a claim with a named and an unnamed origin
counts under both ``named`` and ``unnamed``, a claim with two origins under each. So
each count is what the filter narrowed by that value would match: ``source`` counts the
claims where the source (or a source merged into it) is an origin, as
``--source KEY --origin-only`` finds them; ``party`` and ``named`` read the origin as
``--party`` and ``--named``/``--unnamed`` do; ``rating`` counts standing verdicts,
case-insensitively, as ``--rating`` does.

Every dimension but ``measure`` is one ``GROUP BY`` on the database. ``measure`` is read
from the claims' words (``provenance.measures.list_measures``), which reads every
active claim in Python: seconds on a large database, so it is asked for by name and
never part of the default dimensions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from provenance.bulk import expanding_text
from provenance.errors import UsageError
from provenance.progress import Progress, ignore
from provenance.query import ClaimFilter, bounded_limit, claim_where

Dimension = Literal["source", "party", "category", "named", "measure", "rating"]
DIMENSIONS: tuple[Dimension, ...] = get_args(Dimension)
DEFAULT_DIMENSIONS: tuple[Dimension, ...] = ("source", "party", "category", "named", "rating")
"""Every dimension the database counts by itself (``measure`` is opt-in)."""
DEFAULT_LIMIT = 30
"""Values shown per dimension unless asked otherwise (Datasette shows 30)."""


@dataclass(frozen=True)
class FacetValue:
    """One value of a dimension and how many matching claims have it. ``value`` is what
    the matching filter takes (a source's key, a party, ``named``/``unnamed``…); ``label``
    is how to show it (a source's name; otherwise the value). A missing party is None."""

    value: str | None
    count: int
    label: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "label": self.label, "count": self.count}


_ORIGINS = (
    "JOIN attribution a ON a.claim_id = c.id JOIN source s ON s.id = a.source_id "
    "JOIN source t ON t.id = COALESCE(s.merged_into_id, s.id)"
)
_SQL: dict[str, tuple[str, str, str]] = {
    # dimension: (value and label columns, joins, group by)
    "category": ("c.category, c.category", "", "c.category"),
    "source": ("t.key, t.name", _ORIGINS, "t.key, t.name"),
    "party": ("s.party, s.party", _ORIGINS, "s.party"),
    "named": ("s.named, s.named", _ORIGINS, "s.named"),
    "rating": (
        "lower(v.rating), lower(v.rating)",
        "JOIN verdict v ON v.claim_id = c.id AND v.status = 'active'",
        "lower(v.rating)",
    ),
}


def facet_counts(
    conn_or_session: Connection | Session,
    flt: ClaimFilter,
    dimensions: Sequence[str] = DEFAULT_DIMENSIONS,
    *,
    limit: int | None = DEFAULT_LIMIT,
    on_progress: Progress = ignore,
) -> dict[str, list[FacetValue]]:
    """For each dimension (in the order given), its values over the claims matching
    ``flt``, most claims first, then by value; at most ``limit`` values each (None or 0:
    all). Unknown dimensions raise UsageError. ``on_progress`` follows the reading of
    the claims for ``measure``."""
    wanted = list(dict.fromkeys(dimensions))
    unknown = [d for d in wanted if d not in DIMENSIONS]
    if unknown:
        raise UsageError(f"unknown facet {unknown[0]!r}; use one of {', '.join(DIMENSIONS)}")
    limit = bounded_limit(limit) or None
    conn = conn_or_session.connection() if isinstance(conn_or_session, Session) else conn_or_session
    out: dict[str, list[FacetValue]] = {}
    for dimension in wanted:
        if dimension == "measure":
            values = _measure_counts(conn, flt, on_progress)
        else:
            values = _grouped(conn, flt, dimension)
        values.sort(key=lambda v: (-v.count, v.value is None, v.value or ""))
        out[dimension] = values[:limit] if limit is not None else values
    return out


def _grouped(conn: Connection, flt: ClaimFilter, dimension: str) -> list[FacetValue]:
    where, params = claim_where(conn, flt)
    columns, joins, group = _SQL[dimension]
    sql = (
        f"SELECT {columns}, COUNT(DISTINCT c.id) FROM claim c {joins} "
        f"WHERE {where} GROUP BY {group}"
    )
    rows = conn.execute(expanding_text(sql, params), params).all()
    if dimension == "named":
        names = ["named" if r[0] else "unnamed" for r in rows]
        return [FacetValue(n, int(r[2]), n) for n, r in zip(names, rows, strict=True)]
    return [FacetValue(r[0], int(r[2]), r[1]) for r in rows]


def _measure_counts(conn: Connection, flt: ClaimFilter, on_progress: Progress) -> list[FacetValue]:
    """Measures of the matching claims (only active claims with a figure have one)."""
    from provenance.measures import list_measures

    where, params = claim_where(conn, flt)
    sql = f"SELECT c.id FROM claim c WHERE {where}"
    matching = {r[0] for r in conn.execute(expanding_text(sql, params), params)}
    counts: Counter[str] = Counter()
    for measure in list_measures(conn, on_progress=on_progress):
        inside = sum(1 for p in measure.claims if p.id in matching)
        if inside:
            counts[measure.name] += inside
    return [FacetValue(name, n, name) for name, n in counts.items()]
