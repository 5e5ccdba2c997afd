"""Facet counts for the claims page: how many matching claims each value would keep."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

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


_ORIGINS = (
    "FROM attribution a JOIN source s ON s.id = a.source_id "
    "JOIN source t ON t.id = COALESCE(s.merged_into_id, s.id) "
    "WHERE a.claim_id IN (SELECT c.id FROM claim c WHERE {where})"
)
_QUERIES = {
    "source": "SELECT t.key, t.name, COUNT(DISTINCT a.claim_id) "
    + _ORIGINS
    + " GROUP BY t.key, t.name",
    "party": "SELECT lower(s.party), s.party, COUNT(DISTINCT a.claim_id) "
    + _ORIGINS
    + " AND s.party IS NOT NULL GROUP BY lower(s.party), s.party",
    "category": "SELECT c.category, c.category, COUNT(*) FROM claim c WHERE {where} "
    "GROUP BY c.category",
    "named": "SELECT CASE WHEN s.named THEN 'named' ELSE 'unnamed' END, "
    "CASE WHEN s.named THEN 'named' ELSE 'unnamed' END, COUNT(DISTINCT a.claim_id) "
    + _ORIGINS
    + " GROUP BY CASE WHEN s.named THEN 'named' ELSE 'unnamed' END",
    "rating": "SELECT lower(v.rating), lower(v.rating), COUNT(DISTINCT v.claim_id) FROM verdict v "
    "WHERE v.status = 'active' AND v.claim_id IN (SELECT c.id FROM claim c WHERE {where}) "
    "GROUP BY lower(v.rating)",
}
LABELS = {
    "source": "origin",
    "party": "party",
    "category": "category",
    "named": "named or unnamed",
    "rating": "rating",
}


def facet_counts(session: Session, f: ClaimFilter, selected: dict[str, str]) -> list[Facet]:
    """For each facet, the values among the matching claims, most claims first."""
    conn = session.connection()
    where, params = claim_where(conn, f)
    expanding: list[Any] = [
        bindparam(k, expanding=True) for k, v in params.items() if isinstance(v, list)
    ]
    out = []
    for name, sql in _QUERIES.items():
        stmt = text(sql.format(where=where)).bindparams(*expanding)
        rows: list[Any] = [r for r in conn.execute(stmt, params) if r[0] is not None]
        rows.sort(key=lambda r: (-int(r[2]), str(r[1])))
        current = (selected.get(name) or "").lower()
        values = [
            FacetValue(str(r[0]), str(r[1]), int(r[2]), str(r[0]).lower() == current)
            for r in rows[:FACET_VALUES]
        ]
        out.append(Facet(name, LABELS[name], name, values))
    return out
