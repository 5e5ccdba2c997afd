"""Merging duplicate claims without loss, and undoing it exactly.

A merge moves the other claim's attributions to the kept claim and marks the other
``merged`` (it stays, resolvable by its key). The invariant: every attribution sits on
the current owner of the claim it was reported as (following merges). A merge keeps it
by moving reports; import keeps it by filing new reports for a merged claim under its
owner; ``unmerge`` keeps it by bringing back every report of the unmerged group, which
restores the database exactly when nothing was imported meanwhile. Events record the
ids moved and the previous status.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from provenance import db
from provenance.audit import latest_open_event, log_event
from provenance.errors import NotFoundError, UsageError
from provenance.search import index_claims


@dataclass
class MergeResult:
    keep: str
    merged: list[str]
    attributions_moved: int
    warnings: list[str] = field(default_factory=list)
    """Why the merged claims may not count what the kept one counts."""


def _claim(conn: Connection, key: str) -> dict[str, Any]:
    row = conn.execute(
        text("SELECT id, key, status, merged_into_id, updated_at FROM claim WHERE key = :k"),
        {"k": key},
    ).first()
    if row is None:
        raise NotFoundError(f"no claim {key!r}")
    return dict(row._mapping)


def merge_claims(
    session: Session,
    keep_key: str,
    other_keys: list[str],
    *,
    actor: str,
    command: str,
    reason: str | None = None,
) -> MergeResult:
    """Merge ``other_keys`` into ``keep_key``; every step is logged, with the reason,
    and reversible. The result warns of claims that seem to count something else
    (``provenance.measures.measure_differences``); they are merged all the same."""
    conn = session.connection()
    keep = _claim(conn, keep_key)
    if keep["status"] != "active":
        raise UsageError(f"claim {keep_key!r} is {keep['status']}; keep an active claim")
    warnings = _measure_warnings(conn, keep, [k for k in other_keys if k != keep_key])
    moved = 0
    for other_key in dict.fromkeys(other_keys):
        if other_key == keep_key:
            raise UsageError(f"cannot merge {keep_key!r} into itself")
        other = _claim(conn, other_key)
        if other["status"] != "active":
            raise UsageError(f"claim {other_key!r} is already {other['status']}")
        ids = [
            r[0]
            for r in conn.execute(
                text("SELECT id FROM attribution WHERE claim_id = :c ORDER BY id"),
                {"c": other["id"]},
            )
        ]
        stamp = db.now()
        conn.execute(
            text("UPDATE attribution SET claim_id = :k WHERE claim_id = :o"),
            {"k": keep["id"], "o": other["id"]},
        )
        index_claims(conn, [keep["id"], other["id"]])
        conn.execute(
            text(
                "UPDATE claim SET status = 'merged', merged_into_id = :k, updated_at = :t "
                "WHERE id = :o"
            ),
            {"k": keep["id"], "t": stamp, "o": other["id"]},
        )
        before = {"claim": other_key, "status": other["status"], "updated_at": other["updated_at"]}
        after = {
            "claim": other_key,
            "status": "merged",
            "into": keep_key,
            "attributions": ids,
            "updated_at": stamp,
        }
        if reason:
            after["reason"] = reason
        log_event(
            conn,
            actor=actor,
            command=command,
            action="merge",
            entity="claim_pair",
            key=f"{keep_key} {other_key}",
            before=before,
            after=after,
            wrote={"attribution": ids, "claim": [other["id"]]},
        )
        moved += len(ids)
    return MergeResult(keep_key, list(dict.fromkeys(other_keys)), moved, warnings)


def _measure_warnings(conn: Connection, keep: dict[str, Any], other_keys: list[str]) -> list[str]:
    from provenance.measures import load_points, measure_differences

    others = [_claim(conn, k) for k in dict.fromkeys(other_keys)]
    ids = [keep["id"]] + [o["id"] for o in others if o["status"] == "active"]
    points = {p.id: p for p in load_points(conn, ids=ids)}
    kept = points.get(keep["id"])
    warnings = []
    for other in others:
        point = points.get(other["id"])
        if kept is None or point is None:
            continue
        differences = measure_differences(kept, point)
        if differences:
            warnings.append(
                f"{point.key} may not count what {kept.key} counts: {'; '.join(differences)}"
            )
    return warnings


def _group(conn: Connection, claim_id: int) -> list[int]:
    """The claim and every claim merged into it, directly or through others."""
    group, frontier = [claim_id], [claim_id]
    while frontier:
        stmt = text("SELECT id FROM claim WHERE merged_into_id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        frontier = [r[0] for r in conn.execute(stmt, {"ids": frontier})]
        group.extend(frontier)
    return group


def _return_reports(conn: Connection, claim_id: int) -> list[int]:
    """Bring back every report filed under the claim or the claims merged into it:
    those the merge moved and those imported for them while it was merged. Every
    report belongs to the current owner of the claim it was reported as."""
    group = _group(conn, claim_id)
    select = text(
        "SELECT id FROM attribution WHERE reported_claim_id IN :g AND claim_id != :c ORDER BY id"
    ).bindparams(bindparam("g", expanding=True))
    ids = [r[0] for r in conn.execute(select, {"g": group, "c": claim_id})]
    if ids:
        owners = text("SELECT DISTINCT claim_id FROM attribution WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        losing = [r[0] for r in conn.execute(owners, {"ids": ids})]
        conn.execute(
            text("UPDATE attribution SET claim_id = :c WHERE id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"c": claim_id, "ids": ids},
        )
        index_claims(conn, [claim_id, *losing])
    return ids


def unmerge_claim(session: Session, key: str, *, actor: str, command: str) -> MergeResult:
    """Undo the latest merge of ``key``: its attributions return and it is active again."""
    conn = session.connection()
    claim = _claim(conn, key)
    if claim["status"] != "merged":
        raise UsageError(f"claim {key!r} is {claim['status']}, not merged")
    event_id = latest_open_event(conn, "merge", key)
    if event_id is None:
        raise NotFoundError(f"no merge of {key!r} to undo in the event log")
    row = conn.execute(text("SELECT before, after FROM event WHERE id = :i"), {"i": event_id}).one()
    before, after = json.loads(row[0]), json.loads(row[1])
    ids = _return_reports(conn, claim["id"])
    conn.execute(
        text("UPDATE claim SET status = :s, merged_into_id = NULL, updated_at = :t WHERE id = :i"),
        {"s": before["status"], "t": before["updated_at"], "i": claim["id"]},
    )
    log_event(
        conn,
        actor=actor,
        command=command,
        action="unmerge",
        entity="claim_pair",
        key=f"{after['into']} {key}",
        before=after,
        after=before,
        undoes=event_id,
        wrote={"attribution": ids, "claim": [claim["id"]]},
    )
    return MergeResult(after["into"], [key], len(ids))
