"""Merging duplicate claims without loss, and undoing it exactly.

A merge moves the other claim's attributions to the kept claim and marks the other
``merged`` (it stays, resolvable by its key). The event records exactly which
attributions moved and the other claim's previous status, so ``unmerge`` restores the
database to what it was before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from provenance import db
from provenance.audit import log_event
from provenance.errors import NotFoundError, UsageError


@dataclass
class MergeResult:
    keep: str
    merged: list[str]
    attributions_moved: int


def _claim(conn: Connection, key: str) -> dict[str, Any]:
    row = conn.execute(
        text("SELECT id, key, status, merged_into_id, updated_at FROM claim WHERE key = :k"),
        {"k": key},
    ).first()
    if row is None:
        raise NotFoundError(f"no claim {key!r}")
    return dict(row._mapping)


def merge_claims(
    session: Session, keep_key: str, other_keys: list[str], *, actor: str, command: str
) -> MergeResult:
    """Merge ``other_keys`` into ``keep_key``; every step is logged and reversible."""
    conn = session.connection()
    keep = _claim(conn, keep_key)
    if keep["status"] != "active":
        raise UsageError(f"claim {keep_key!r} is {keep['status']}; keep an active claim")
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
        log_event(
            conn,
            actor=actor,
            command=command,
            action="merge",
            entity="claim_pair",
            key=f"{keep_key} {other_key}",
            before=before,
            after=after,
        )
        moved += len(ids)
    return MergeResult(keep_key, list(dict.fromkeys(other_keys)), moved)


def unmerge_claim(session: Session, key: str, *, actor: str, command: str) -> MergeResult:
    """Undo the latest merge of ``key``: its attributions return and it is active again."""
    conn = session.connection()
    claim = _claim(conn, key)
    if claim["status"] != "merged":
        raise UsageError(f"claim {key!r} is {claim['status']}, not merged")
    event = conn.execute(
        text(
            "SELECT e.id, e.before, e.after FROM event e "
            "WHERE e.action = 'merge' AND e.entity = 'claim_pair' AND e.entity_key LIKE :k "
            "AND NOT EXISTS (SELECT 1 FROM event u WHERE u.undoes_id = e.id) "
            "ORDER BY e.id DESC"
        ),
        {"k": f"% {key}"},
    ).first()
    if event is None:
        raise NotFoundError(f"no merge of {key!r} to undo in the event log")
    before, after = json.loads(event[1]), json.loads(event[2])
    ids = after["attributions"]
    if ids:
        conn.execute(
            text("UPDATE attribution SET claim_id = :c WHERE id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"c": claim["id"], "ids": ids},
        )
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
        undoes=event[0],
    )
    return MergeResult(after["into"], [key], len(ids))
