"""Audits: claims resting on unnamed sources, circular reporting, and ``check``.

A claim whose only named party is a relay ("an unnamed official told Reuters") rests
on an unnamed source: relays repeat, they do not corroborate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from provenance.normalize import fold
from provenance.query import ClaimFilter, ClaimView, _bind, claim_where, load_claims

_ORIGIN_JOIN = (
    "FROM attribution a JOIN source s ON s.id = a.source_id "
    "LEFT JOIN source t ON t.id = s.merged_into_id WHERE a.claim_id = c.id"
)
_NAMED = "COALESCE(t.named, s.named)"


@dataclass
class UnnamedAudit:
    total: int
    unnamed_only: int
    mixed: int
    rows: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        return {"claims": self.total, "unnamed_only": self.unnamed_only, "mixed": self.mixed}

    def groups(self) -> list[dict[str, Any]]:
        """Rows grouped by the affiliation of their unnamed origins."""
        out: dict[str, list[dict[str, Any]]] = {}
        for row in self.rows:
            for aff in row["affiliations"]:
                out.setdefault(aff, []).append(row)
        return [{"affiliation": aff, "claims": rows} for aff, rows in sorted(out.items())]


def _count(session: Session, f: ClaimFilter, extra: str) -> int:
    conn = session.connection()
    where, params = claim_where(conn, f)
    sql = f"SELECT COUNT(*) FROM claim c WHERE {where}{extra}"
    return int(conn.execute(_bind(sql, params), params).scalar_one())


def _origin_exists(named: bool) -> str:
    return f"EXISTS (SELECT 1 {_ORIGIN_JOIN} AND {_NAMED} = {'true' if named else 'false'})"


UNNAMED_ONLY = f" AND {_origin_exists(False)} AND NOT {_origin_exists(True)}"
MIXED = f" AND {_origin_exists(False)} AND {_origin_exists(True)}"
ANY_UNNAMED = f" AND {_origin_exists(False)}"


def unnamed_audit(session: Session, f: ClaimFilter, *, any_unnamed: bool = False) -> UnnamedAudit:
    """Claims whose every origin is unnamed (or, with ``any_unnamed``, at least one)."""
    total = _count(session, f, "")
    unnamed_only = _count(session, f, UNNAMED_ONLY)
    mixed = _count(session, f, MIXED)
    conn = session.connection()
    where, params = claim_where(conn, f)
    condition = ANY_UNNAMED if any_unnamed else UNNAMED_ONLY
    sql = f"SELECT c.id FROM claim c WHERE {where}{condition} ORDER BY c.key"
    ids = [r[0] for r in conn.execute(_bind(sql, params), params)]
    audit = UnnamedAudit(total, unnamed_only, mixed)
    audit.rows = [_unnamed_row(v) for v in load_claims(conn, ids)]
    audit.rows.sort(key=lambda r: (r["affiliations"][0] if r["affiliations"] else "", r["key"]))
    return audit


def _unnamed_row(view: ClaimView) -> dict[str, Any]:
    unnamed = [a for a in view.attributions if not a.origin.named]
    named = [a for a in view.attributions if a.origin.named]
    affiliations = sorted({a.origin.affiliation or "(no affiliation)" for a in unnamed})
    return {
        "key": view.key,
        "claim": view.text,
        "affiliations": affiliations,
        "unnamed_origins": list(dict.fromkeys(a.origin.name for a in unnamed)),
        "relayed_by": list(dict.fromkeys(v.name for a in unnamed for v in a.via)),
        "named_origins": list(dict.fromkeys(a.origin.name for a in named)),
        "possibly_identified": _possible_identities(unnamed, named),
        "reports": view.reports,
        "origins": view.origins,
        "rests_on": "unnamed only" if not named else "mixed",
    }


def _possible_identities(unnamed: list[Any], named: list[Any]) -> list[str]:
    """Named origins of the same claim whose affiliation matches an unnamed origin's:
    "an unnamed South Korean intelligence source" may be the South Korean official who
    made the same claim on record."""
    out = []
    for u in unnamed:
        ua = fold(u.origin.affiliation or "")
        if not ua:
            continue
        for n in named:
            na = fold(n.origin.affiliation or "")
            if na and (ua in na or na in ua):
                out.append(f"{u.origin.name} may be {n.origin.name}")
    return list(dict.fromkeys(out))


def circular_audit(
    session: Session, f: ClaimFilter, *, min_reports: int = 2
) -> list[dict[str, Any]]:
    """Claims reported many times that all trace back to one origin."""
    conn = session.connection()
    where, params = claim_where(conn, f)
    sql = (
        f"SELECT c.id FROM claim c WHERE {where} AND "
        f"(SELECT COUNT(*) FROM attribution a WHERE a.claim_id = c.id) >= :_min ORDER BY c.key"
    )
    ids = [r[0] for r in conn.execute(_bind(sql, params), {**params, "_min": min_reports})]
    out: list[dict[str, Any]] = []
    for v in load_claims(conn, ids):
        if v.origins != 1:
            continue
        a = v.attributions[0]
        out.append(
            {
                "key": v.key,
                "claim": v.text,
                "origin": a.origin.name,
                "origin_named": a.origin.named,
                "reports": v.reports,
                "relayed_by": sorted({r.name for x in v.attributions for r in x.via}),
                "documents": len({x.document["key"] for x in v.attributions if x.document}),
            }
        )
    out.sort(key=lambda r: (-r["reports"], r["key"]))
    return out
