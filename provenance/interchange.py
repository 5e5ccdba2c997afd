"""Exports for other tools: reference managers (CSL-JSON, RIS, BibTeX), fact-check
exchange (schema.org ClaimReview) and W3C PROV (PROV-JSON, PROV-N).

Each format is written by its own module from one ``Selection``: the claims the
filters pick, with their reports, standing verdicts, the kinds of the sources named
as outlets, and the imports that brought them. A selection is held in memory, so
these formats suit a research question's claims rather than a whole large database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from provenance.normalize import fold
from provenance.query import ClaimFilter, ClaimView, find_claims

INTERCHANGE_FORMATS = ("csl-json", "ris", "bibtex", "claimreview", "prov-json", "prov-n")


@dataclass
class Selection:
    claims: list[ClaimView]
    verdicts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Standing verdicts by claim key."""
    outlet_kinds: dict[str, str] = field(default_factory=dict)
    """Source kind by folded name or alias, to tell what kind of document an outlet makes."""
    imports: dict[str, dict[str, Any]] = field(default_factory=dict)
    """By claim key and by ``document:`` + document key: the import batch that brought it."""

    def documents(self) -> dict[str, tuple[dict[str, Any], list[tuple[ClaimView, Any]]]]:
        """Each cited document, by key, with its reports (claims by key)."""
        out: dict[str, tuple[dict[str, Any], list[tuple[ClaimView, Any]]]] = {}
        for claim in self.claims:
            for a in claim.attributions:
                if a.document:
                    out.setdefault(a.document["key"], (a.document, []))[1].append((claim, a))
        return dict(sorted(out.items()))

    def outlet_kind(self, outlet: str | None) -> str | None:
        return self.outlet_kinds.get(fold(outlet)) if outlet else None


def select(session: Session, f: ClaimFilter) -> Selection:
    conn = session.connection()
    views = find_claims(session, f)
    return Selection(
        claims=views,
        verdicts=_verdicts(conn, views),
        outlet_kinds=_outlet_kinds(conn),
        imports=_imports(conn, views),
    )


def _verdicts(conn: Connection, views: list[ClaimView]) -> dict[str, list[dict[str, Any]]]:
    from provenance.verdicts import active_verdicts

    keys = [v.key for v in views]
    ids = _ids(conn, "claim", keys)
    by_id = active_verdicts(conn, list(ids.values()))
    return {k: by_id[ids[k]] for k in keys if ids.get(k) in by_id}


def _ids(conn: Connection, table: str, keys: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    sql = text(f"SELECT key, id FROM {table} WHERE key IN :keys").bindparams(
        bindparam("keys", expanding=True)
    )
    for i in range(0, len(keys), 5000):
        chunk = keys[i : i + 5000]
        if chunk:
            out.update({r[0]: int(r[1]) for r in conn.execute(sql, {"keys": chunk})})
    return out


def _outlet_kinds(conn: Connection) -> dict[str, str]:
    kinds: dict[str, str] = {}
    rows = conn.execute(
        text(
            "SELECT a.alias_norm, t.kind FROM source_alias a JOIN source s ON s.id = a.source_id "
            "JOIN source t ON t.id = COALESCE(s.merged_into_id, s.id) "
            "UNION ALL SELECT s.name_norm, t.kind FROM source s "
            "JOIN source t ON t.id = COALESCE(s.merged_into_id, s.id)"
        )
    )
    for name, kind in rows:
        kinds[name] = kind
    return kinds


def _imports(conn: Connection, views: list[ClaimView]) -> dict[str, dict[str, Any]]:
    """The import batch of each claim and cited document, for PROV's activities."""
    batches = {
        int(r[0]): {"batch": int(r[0]), "started": r[1], "finished": r[2], "actor": r[3]}
        for r in conn.execute(
            text("SELECT id, started_at, finished_at, actor FROM import_batch ORDER BY id")
        )
    }
    out: dict[str, dict[str, Any]] = {}
    doc_keys = sorted({a.document["key"] for v in views for a in v.attributions if a.document})
    for table, keys, prefix in (
        ("claim", [v.key for v in views], ""),
        ("document", doc_keys, "document:"),
    ):
        sql = text(f"SELECT key, batch_id FROM {table} WHERE key IN :keys").bindparams(
            bindparam("keys", expanding=True)
        )
        for i in range(0, len(keys), 5000):
            for key, batch in conn.execute(sql, {"keys": keys[i : i + 5000]}):
                if batch in batches:
                    out[prefix + key] = batches[batch]
    return out


Writer = Callable[[Selection, IO[str]], int]


def writer(fmt: str) -> tuple[Writer, str]:
    """The writer of a format and the name of what it counts."""
    from provenance import citations

    if fmt == "claimreview":
        from provenance.claimreview import write_claimreview

        return write_claimreview, "reviews"
    if fmt in ("prov-json", "prov-n"):
        from provenance.provdoc import write_prov_json, write_prov_n

        return (write_prov_json if fmt == "prov-json" else write_prov_n), "records"
    return {
        "csl-json": citations.write_csl_json,
        "ris": citations.write_ris,
        "bibtex": citations.write_bibtex,
    }[fmt], "documents"


def write(session: Session, f: ClaimFilter, fmt: str, out: IO[str]) -> tuple[int, str]:
    """Write the selection in ``fmt``; returns how many items and what they are."""
    write_format, unit = writer(fmt)
    return write_format(select(session, f), out), unit
