"""What an imported file says of statuses: merged sources, merged and retracted claims.

Export writes each claim's ``status`` (and ``merged_into``) and each source's
``source_merged_into``, with the reason each merge or retraction gave, so that a
database exported with every status comes back as it was. Import first writes every row
as usual, then applies these through the same library calls a user would make
(``merge_source``, ``merge_claims``, ``retract``), so each is an event in the log and
can be undone. A status that contradicts the stored one (a retracted claim given as
active, a merge into another claim) is an error; an active claim or an unmerged source
given as merged or retracted is changed, as an empty field is filled in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from provenance.bulk import in_set
from provenance.errors import Problem, ProvenanceError
from provenance.ingest.records import Loc

CLAIMS_SQL = (
    "SELECT c.key, c.status, m.key FROM claim c LEFT JOIN claim m ON m.id = c.merged_into_id "
    "WHERE {keys}"
)
SOURCES_SQL = (
    "SELECT s.key, m.key FROM source s LEFT JOIN source m ON m.id = s.merged_into_id WHERE {keys}"
)


def _stored(session: Session, sql: str, column: str, keys: list[str]) -> dict[str, tuple[Any, ...]]:
    """The stored status of each of ``keys`` (by ``column``), keyed by key."""
    conn = session.connection()
    condition, value = in_set(conn, column, "keys", keys)
    rows = conn.execute(text(sql.format(keys=condition)), {"keys": value})
    return {key: tuple(rest) for key, *rest in rows}


def apply_statuses(
    session: Session,
    claims: dict[str, tuple[str, str | None, str | None, Loc]],
    sources: dict[str, tuple[str, str | None, Loc]],
    problems: list[Problem],
    *,
    actor: str,
    command: str,
) -> None:
    """Bring stored statuses to what the file says; every refusal is a problem at the
    row that asked for it."""
    _merge_sources(session, sources, problems, actor=actor, command=command)
    stored = _stored(session, CLAIMS_SQL, "c.key", list(claims))
    to_merge: dict[str, tuple[str, str | None, Loc]] = {}
    to_retract: list[tuple[str, str, Loc]] = []
    for key, (status, into, why, loc) in claims.items():
        now, now_into = stored.get(key, (status, into))
        if (status, into) == (now, now_into):
            continue
        if now != "active":
            given = status + (f" into {into!r}" if into else "")
            was = now + (f" into {now_into!r}" if now_into else "")
            reason = f"{given!r} differs from the stored {was!r} of claim {key!r}"
            problems.append(loc.problem("status", reason))
        elif status == "merged":
            assert into is not None
            to_merge[key] = (into, why, loc)
        else:
            to_retract.append((key, why or f"retracted in {loc.file}", loc))
    _merge_claims(session, to_merge, problems, actor=actor, command=command)
    _retract(session, to_retract, problems, actor=actor, command=command)


def _merge_sources(
    session: Session,
    sources: dict[str, tuple[str, str | None, Loc]],
    problems: list[Problem],
    *,
    actor: str,
    command: str,
) -> None:
    from provenance.edits import merge_source

    stored = _stored(session, SOURCES_SQL, "s.key", list(sources))
    for key, (into, why, loc) in sources.items():
        (now,) = stored.get(key, (into,))
        if now == into:
            continue
        if now is not None:
            reason = f"{into!r} differs from the stored {now!r} of source {key!r}"
            problems.append(loc.problem("source_merged_into", reason))
            continue
        try:
            reason = why or f"merged in {loc.file}"
            merge_source(session, into, key, reason=reason, actor=actor, command=command)
        except ProvenanceError as exc:
            problems.append(loc.problem("source_merged_into", str(exc)))


def _merge_claims(
    session: Session,
    pending: dict[str, tuple[str, str | None, Loc]],
    problems: list[Problem],
    *,
    actor: str,
    command: str,
) -> None:
    """Merge each claim into its target, those no other claim is merged into first: a
    claim can only be merged into an active one. A merge the file gives no reason for
    gets none, as a merge may (retracting and merging sources need one)."""
    from provenance.merge import merge_claims

    while pending:
        targets = {into for into, _, _ in pending.values()}
        ready = sorted(k for k in pending if k not in targets)
        if not ready:
            for key, (into, _, loc) in sorted(pending.items()):
                reason = f"claim {key!r} and {into!r} are merged into each other"
                problems.append(loc.problem("merged_into", reason))
            return
        for key in ready:
            into, why, loc = pending.pop(key)
            try:
                merge_claims(session, into, [key], actor=actor, command=command, reason=why)
            except ProvenanceError as exc:
                problems.append(loc.problem("merged_into", str(exc)))


def _retract(
    session: Session,
    claims: Iterable[tuple[str, str, Loc]],
    problems: list[Problem],
    *,
    actor: str,
    command: str,
) -> None:
    from provenance.edits import retract

    for key, reason, loc in claims:
        try:
            retract(session, key, reason=reason, actor=actor, command=command)
        except ProvenanceError as exc:
            problems.append(loc.problem("status", str(exc)))
