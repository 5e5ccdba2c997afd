"""Audits: claims resting on unnamed sources, circular reporting, and ``check``.

A claim whose only named party is a relay ("an unnamed official told Reuters") rests
on an unnamed source: relays repeat, they do not corroborate.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from provenance import db
from provenance.bulk import (
    code_point_order,
    expanding_text,
    in_set,
    paused_gc,
    stream_batches,
    stream_rows,
)
from provenance.ledger import verify_chain, verify_rows
from provenance.normalize import fold
from provenance.query import ClaimFilter, claim_where


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


_ONE_ORIGIN_SQL = (
    "SELECT a.claim_id, c.key FROM attribution a CROSS JOIN claim c "
    "JOIN source s ON s.id = a.source_id WHERE c.id = a.claim_id AND {where} "
    "GROUP BY a.claim_id, c.key HAVING COUNT(*) >= :min_reports "
    "AND MIN(COALESCE(s.merged_into_id, s.id)) = MAX(COALESCE(s.merged_into_id, s.id))"
)
"""Each selected claim reported at least ``min_reports`` times, all from one origin."""
_WITH_UNNAMED_SQL = (
    "SELECT DISTINCT a.claim_id FROM attribution a CROSS JOIN claim c "
    "WHERE c.id = a.claim_id AND {where} AND a.source_id IN (SELECT s.id FROM source s "
    "JOIN source t ON t.id = COALESCE(s.merged_into_id, s.id) WHERE NOT t.named)"
)
"""The selected claims with a report from an unnamed origin: the attribution index on
the source picks their reports, so the claims resting on named sources only are never read."""
_REPORTS_SQL = (
    "SELECT a.claim_id, a.id, a.source_id, a.document_id, r.source_id FROM attribution a "
    "LEFT JOIN relay r ON r.attribution_id = a.id WHERE {condition} "
    "ORDER BY a.claim_id, a.id, r.position"
)
"""The reports of some claims, each with its relays in order, a row per relay."""
_TEXTS_SQL = "SELECT c.id, c.key, c.text FROM claim c WHERE {condition} ORDER BY c.id"
_SOURCES_SQL = (
    "SELECT s.id, t.key, t.name, t.named, t.affiliation "
    "FROM source s JOIN source t ON t.id = COALESCE(s.merged_into_id, s.id)"
)


@dataclass(frozen=True)
class _Origin:
    """A source as audits see it: through merges, as the source it was merged into."""

    key: str
    name: str
    named: bool
    affiliation: str | None
    folded_affiliation: str


def unnamed_audit(session: Session, f: ClaimFilter, *, any_unnamed: bool = False) -> UnnamedAudit:
    """Claims whose every origin is unnamed (or, with ``any_unnamed``, at least one).

    The database finds the claims with a report from an unnamed origin
    (``_WITH_UNNAMED_SQL``); then their reports and relays, and their text, come in
    two streams in claim order (``_listed_reports``), for those claims only."""
    conn = session.connection()
    sources = _origins(conn)
    where, params = claim_where(conn, f)
    with paused_gc():
        count = f"SELECT COUNT(*) FROM claim c WHERE {where}"
        total = int(conn.execute(expanding_text(count, params), params).scalar_one())
        audit = UnnamedAudit(total, 0, 0)
        sql = _WITH_UNNAMED_SQL.format(where=where)
        listed = sorted(int(r[0]) for rows in stream_batches(conn, sql, params) for r in rows)
        for key, text, reports in _listed_reports(conn, listed, sources):
            named = any(r.origin.named for r in reports)
            if named:
                audit.mixed += 1
            else:
                audit.unnamed_only += 1
            if any_unnamed or not named:
                audit.rows.append(_unnamed_row(key, text, reports))
    audit.rows.sort(key=lambda r: (r["affiliations"][0] if r["affiliations"] else "", r["key"]))
    return audit


def _origins(conn: Connection) -> dict[int, _Origin]:
    return {
        r[0]: _Origin(r[1], r[2], bool(r[3]), r[4], fold(r[4] or ""))
        for r in conn.exec_driver_sql(_SOURCES_SQL)
    }


class _Report(NamedTuple):
    """One report of a listed claim (a tuple: audits build one per report of every
    listed claim); ``relays`` the names of its relays in order."""

    origin: _Origin
    relays: list[str]
    document_id: int | None


def _listed_reports(
    conn: Connection, listed: Sequence[int], sources: Mapping[int, _Origin]
) -> Iterator[tuple[str, str, list[_Report]]]:
    """Key, text and reports (in attribution order) of the listed claims, in id
    order: the reports and relays come in one ordered stream and the claims' text in
    another, read in step, so each claim is complete when its last row has passed
    and nothing is held beyond it. One bound parameter holds the whole list."""
    if not listed:
        return
    reports_where, value = in_set(conn, "a.claim_id", "wanted", listed)
    texts_where, _ = in_set(conn, "c.id", "wanted", listed)
    params = {"wanted": value}
    reports_sql = _REPORTS_SQL.format(condition=reports_where)
    texts_sql = _TEXTS_SQL.format(condition=texts_where)
    texts = (row for rows in stream_batches(conn, texts_sql, params, expand=False) for row in rows)
    current: int | None = None
    reports: list[_Report] = []
    chain: list[str] = []
    last_report = None
    for rows in stream_batches(conn, reports_sql, params, expand=False):
        for claim_id, report_id, source_id, document_id, relay_id in rows:
            if claim_id != current:
                if current is not None:
                    yield _with_text(texts, current, reports)
                current, reports, last_report = claim_id, [], None
            if report_id != last_report:
                chain = []
                reports.append(_Report(sources[source_id], chain, document_id))
                last_report = report_id
            if relay_id is not None:
                chain.append(sources[relay_id].name)
    if current is not None:
        yield _with_text(texts, current, reports)


def _with_text(
    texts: Iterator[Sequence[Any]], claim_id: int, reports: list[_Report]
) -> tuple[str, str, list[_Report]]:
    """The claim's key and text from the stream of claims in id order, beside its reports."""
    for found, key, text in texts:
        if found == claim_id:
            return key, text, reports
    raise LookupError(f"claim {claim_id} has reports but no row")


def _unnamed_row(key: str, text: str, reports: list[_Report]) -> dict[str, Any]:
    unnamed: list[_Origin] = []
    named: list[_Origin] = []
    relayed: dict[str, None] = {}
    for report in reports:
        origin = report.origin
        if origin.named:
            named.append(origin)
        else:
            unnamed.append(origin)
            if report.relays:
                relayed.update(dict.fromkeys(report.relays))
    return {
        "key": key,
        "claim": text,
        "affiliations": sorted({o.affiliation or "(no affiliation)" for o in unnamed}),
        "unnamed_origins": list(dict.fromkeys([o.name for o in unnamed])),
        "relayed_by": list(relayed),
        "named_origins": list(dict.fromkeys([o.name for o in named])),
        "possibly_identified": _possible_identities(unnamed, named) if named else [],
        "reports": len(reports),
        "origins": len({r.origin.key for r in reports}),
        "rests_on": "unnamed only" if not named else "mixed",
    }


def _possible_identities(unnamed: list[_Origin], named: list[_Origin]) -> list[str]:
    """Named origins of the same claim whose affiliation matches an unnamed origin's:
    "an unnamed South Korean intelligence source" may be the South Korean official who
    made the same claim on record."""
    out = []
    for u in unnamed:
        ua = u.folded_affiliation
        if not ua:
            continue
        for n in named:
            na = n.folded_affiliation
            if na and (ua in na or na in ua):
                out.append(f"{u.name} may be {n.name}")
    return list(dict.fromkeys(out))


def circular_audit(
    session: Session, f: ClaimFilter, *, min_reports: int = 2
) -> list[dict[str, Any]]:
    """Claims reported many times that all trace back to one origin, most reports first."""
    return list(iter_circular(session, f, min_reports=min_reports))


LISTED_CHUNK = 5000


def iter_circular(
    session: Session, f: ClaimFilter, *, min_reports: int = 2
) -> Iterator[dict[str, Any]]:
    """``circular_audit`` a chunk of claims at a time: the database groups the
    attributions and orders the claims (``_ONE_ORIGIN_SQL``); the attributions, relays
    and text of each chunk's claims are read then, so only the ids are held."""
    conn = session.connection()
    where, params = claim_where(conn, f)
    sources = _origins(conn)
    collate = code_point_order(conn)
    sql = _ONE_ORIGIN_SQL.format(where=where) + f" ORDER BY COUNT(*) DESC, c.key{collate}"
    found = stream_rows(conn, sql, {**params, "min_reports": min_reports})
    listed = [(int(claim_id), str(key)) for claim_id, key in found]
    with paused_gc():
        for at in range(0, len(listed), LISTED_CHUNK):
            chunk = listed[at : at + LISTED_CHUNK]
            ids = sorted(claim_id for claim_id, _ in chunk)
            rows = {
                key: _circular_row(key, text, reports)
                for key, text, reports in _listed_reports(conn, ids, sources)
            }
            yield from (rows[key] for _, key in chunk)


def _circular_row(key: str, text: str, reports: list[_Report]) -> dict[str, Any]:
    first = reports[0].origin
    return {
        "key": key,
        "claim": text,
        "origin": first.name,
        "origin_named": first.named,
        "reports": len(reports),
        "relayed_by": sorted({name for r in reports for name in r.relays}),
        "documents": len({r.document_id for r in reports if r.document_id is not None}),
    }


# --- the event log ----------------------------------------------------------------------


def log_event(
    conn: Connection,
    *,
    actor: str,
    command: str,
    action: str,
    entity: str,
    key: str | None,
    before: Any,
    after: Any,
    undoes: int | None = None,
    wrote: Mapping[str, Sequence[int]] | None = None,
    batch: int | None = None,
) -> int:
    """Append one event to the log with a digest of every row it wrote (``wrote``: ids
    by table; ``batch``: every row of that import); returns its number."""
    from provenance import ledger

    fields = {
        "at": db.now(),
        "actor": actor,
        "command": command,
        "action": action,
        "entity": entity,
        "entity_key": key,
        "before": None if before is None else json.dumps(before),
        "after": None if after is None else json.dumps(after),
        "undoes_id": undoes,
        "batch_id": batch,
    }
    (event_id,) = ledger.append(conn, [ledger.NewEvent(fields, wrote or {}, batch)])
    return event_id


def log_undo(
    conn: Connection,
    event_id: int,
    undone: Any,
    *,
    actor: str,
    command: str,
    entity: str,
    key: str | None,
    wrote: Mapping[str, Sequence[int]],
    restored: Any = None,
) -> int:
    """Log the undoing of event ``event_id``: its before is what that event wrote
    (``undone``, its after), its after what the undo put back (``restored``; none when the
    undo writes a new row rather than old values)."""
    return log_event(
        conn,
        actor=actor,
        command=command,
        action="undo",
        entity=entity,
        key=key,
        before=undone,
        after=restored,
        undoes=event_id,
        wrote=wrote,
    )


def link_event(conn: Connection, table: str, row_id: int, event_id: int) -> None:
    """Point a row at the event that wrote it (written first, so the event could carry
    its digest; the link column is left out of the digest and checked on its own)."""
    from sqlalchemy import text

    conn.execute(
        text(f"UPDATE {table} SET event_id = :e WHERE id = :i"), {"e": event_id, "i": row_id}
    )


def latest_open_event(conn: Connection, action: str, key: str) -> int | None:
    """The newest ``action`` event about ``key`` that no later event has undone. A
    ``merge`` event is about the claim it merged away (``after.claim``), matched exactly."""
    from sqlalchemy import text

    open_events = (
        "SELECT e.id, e.after FROM event e WHERE e.action = :a {cond} "
        "AND NOT EXISTS (SELECT 1 FROM event u WHERE u.undoes_id = e.id) ORDER BY e.id DESC"
    )
    if action != "merge":
        sql = text(open_events.format(cond="AND e.entity_key = :k"))
        row = conn.execute(sql, {"a": action, "k": key}).first()
        return None if row is None else int(row[0])
    for event_id, after in conn.execute(text(open_events.format(cond="")), {"a": action}):
        if json.loads(after).get("claim") == key:
            return int(event_id)
    return None


# --- check ----------------------------------------------------------------------------------


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


_FOREIGN_KEYS = (
    ("attribution", "claim_id", "claim"),
    ("attribution", "reported_claim_id", "claim"),
    ("attribution", "source_id", "source"),
    ("attribution", "document_id", "document"),
    ("relay", "attribution_id", "attribution"),
    ("relay", "source_id", "source"),
    ("source_alias", "source_id", "source"),
    ("source_variant", "source_id", "source"),
    ("attribution_extra", "attribution_id", "attribution"),
    ("claim", "merged_into_id", "claim"),
    ("source", "merged_into_id", "source"),
    ("review", "claim_a_id", "claim"),
    ("review", "claim_b_id", "claim"),
    ("verdict", "claim_id", "claim"),
)
_BATCHED = ("source", "document", "claim", "attribution")
_COUNTED = {
    "sources": "source",
    "documents": "document",
    "claims": "claim",
    "attributions": "attribution",
}


def check(session: Session, *, head: str | None = None) -> CheckReport:
    """Verify the database: storage integrity, references, schema and triggers, the hash
    chain, every row against its last event's digest, merges and edits replayed, and
    quotes against stored document text. ``head``: a chain head recorded earlier."""
    from sqlalchemy import text

    conn = session.connection()
    report = CheckReport()
    report.checked.append("schema version")
    version = _check_version(conn, text)
    if version:
        report.problems.extend(f"schema version: {p}" for p in version)
        return report  # an older or altered schema: the later steps would misread it
    steps = (
        ("storage integrity", _check_storage),
        ("references", _check_references),
        ("append-only triggers", _check_triggers),
        ("hash chain of the event log", lambda c, t: _check_chain(c, head)),
        ("every row against the event that wrote it", lambda c, t: verify_rows(c)),
        ("import batches and events", _check_batches),
        ("merges replayed from the event log", _check_merges),
        ("edits replayed from the event log", _check_edits),
        ("quotes in stored document text", _check_quotes),
        ("verdicts replayed from the event log", _check_verdicts),
        ("quantities read from their text", _check_quantities),
        ("stored readings of the claims' words", _check_readings),
        ("stored export lines", lambda c, t: _check_export_lines(session)),
        ("claims by source against reports and relays", _check_claims_by_source),
    )
    for name, step in steps:
        found = step(conn, text)
        report.checked.append(name)
        report.problems.extend(f"{name}: {p}" for p in found)
    return report


def _check_export_lines(session: Session) -> list[str]:
    from provenance.export import stored_line_problems

    return stored_line_problems(session)


_LISTED = "SELECT source_id, claim_key, attribution_id, position FROM claim_by_source"
MAX_LISTED = 50


def _check_claims_by_source(conn: Any, text: Any) -> list[str]:
    """The table listings by source read is what the reports and relays say: a row too
    many lists a claim under a source that never gave or relayed it; a missing one hides
    it from that source's listing."""
    problems: list[str] = []
    more = 0
    reported = db.reported_under()
    for rows, says in (
        (f"{_LISTED} EXCEPT SELECT * FROM ({reported}) x", "is listed under"),
        (f"{reported} EXCEPT SELECT * FROM ({_LISTED}) y", "is missing under"),
    ):
        for source_id, key, report, position in conn.execute(text(f"{rows} ORDER BY 1, 2, 3, 4")):
            if len(problems) == MAX_LISTED:
                more += 1
                continue
            role = "as its origin" if position == -1 else f"as relay {position + 1}"
            problems.append(f"claim {key!r} {says} source {source_id} {role} (report {report})")
    return [*problems, f"and {more} more"] if more else problems


def _check_storage(conn: Any, text: Any) -> list[str]:
    if conn.dialect.name != "sqlite":
        return []
    result = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
    problems = [] if result == ["ok"] else result
    for r in conn.execute(text("PRAGMA foreign_key_check")):
        problems.append(f"row {r[1]} of {r[0]} points to a missing {r[2]}")
    return problems


_TRIGGERS = {
    "sqlite": {
        "event_no_update",
        "event_no_delete",
        "row_digest_no_update",
        "row_digest_no_delete",
    },
    "postgresql": {
        "event_append_only",
        "event_no_truncate",
        "row_digest_append_only",
        "row_digest_no_truncate",
    },
}


def _check_triggers(conn: Any, text: Any) -> list[str]:
    """The triggers the release installs are there (a dropped one lets rows be rewritten)."""
    if conn.dialect.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        expected = _TRIGGERS["sqlite"]
    else:
        sql = (
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
            "AND tgrelid::regclass::text IN ('event', 'row_digest')"
        )
        expected = _TRIGGERS["postgresql"]
    present = {r[0] for r in conn.execute(text(sql))}
    return [f"trigger {name} is missing" for name in sorted(expected - present)]


def _check_chain(conn: Any, head: str | None) -> list[str]:
    problems, found = verify_chain(conn, head)
    if not found:
        problems.append(
            f"the recorded head {head} is not in the chain: the history up to it was changed"
        )
    return problems


def _check_references(conn: Any, text: Any) -> list[str]:
    problems = []
    for table, column, target in _FOREIGN_KEYS:
        n = conn.execute(
            text(
                f"SELECT COUNT(*) FROM {table} t WHERE t.{column} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {target} x WHERE x.id = t.{column})"
            )
        ).scalar_one()
        if n:
            problems.append(f"{n} {table}.{column} values point to no {target}")
    return problems


def _check_version(conn: Any, text: Any) -> list[str]:
    from provenance.db import LATEST_VERSION, schema_version

    version = schema_version(conn)
    return (
        []
        if version == LATEST_VERSION
        else [f"schema version {version}, expected {LATEST_VERSION}"]
    )


def _check_batches(conn: Any, text: Any) -> list[str]:
    import json

    problems = []
    events = {
        int(r[0]): json.loads(r[1])
        for r in conn.execute(text("SELECT entity_key, after FROM event WHERE action = 'import'"))
    }
    batches = {
        int(r[0]): r[1] for r in conn.execute(text("SELECT id, finished_at FROM import_batch"))
    }
    for batch, finished in batches.items():
        if finished is None or batch not in events:
            problems.append(f"import batch {batch} has no finished import event")
    for batch in events.keys() - batches.keys():
        problems.append(f"import event for missing batch {batch}")
    for table in _BATCHED:
        orphans = conn.execute(
            text(
                f"SELECT COUNT(*) FROM {table} WHERE batch_id IS NOT NULL AND batch_id NOT IN "
                "(SELECT id FROM import_batch WHERE finished_at IS NOT NULL)"
            )
        ).scalar_one()
        if orphans:
            problems.append(f"{orphans} {table} rows belong to no finished import")
    for table_name in _COUNTED.values():
        counts = dict(
            conn.execute(
                text(
                    f"SELECT batch_id, COUNT(*) FROM {table_name} "
                    "WHERE batch_id IS NOT NULL GROUP BY batch_id"
                )
            ).all()
        )
        label = next(k for k, v in _COUNTED.items() if v == table_name)
        for batch, after in events.items():
            logged = after.get("created", {}).get(label, 0)
            if counts.get(batch, 0) != logged:
                problems.append(
                    f"batch {batch}: {counts.get(batch, 0)} {label} stored, {logged} logged"
                )
    return problems


def _undone(conn: Any, text: Any) -> set[int]:
    return {
        r[0] for r in conn.execute(text("SELECT undoes_id FROM event WHERE undoes_id IS NOT NULL"))
    }


def _check_merges(conn: Any, text: Any) -> list[str]:
    """Replay merges (in order, skipping undone ones): each claim's merged state must
    match, and each attribution must sit on the owner of the claim it was reported as."""
    import json

    undone = _undone(conn, text)
    ids = dict(conn.execute(text("SELECT key, id FROM claim")).all())
    merged_into: dict[int, int] = {}
    rows = conn.execute(
        text(
            "SELECT id, action, before, after FROM event "
            "WHERE action IN ('merge', 'unmerge') ORDER BY id"
        )
    )
    for event_id, action, before, after in rows:
        if action == "merge" and event_id not in undone:
            data = json.loads(after)
            merged_into[ids[data["claim"]]] = ids[data["into"]]
        elif action == "unmerge":
            merged_into.pop(ids[json.loads(before)["claim"]], None)

    def owner(claim_id: int) -> int:
        while claim_id in merged_into:
            claim_id = merged_into[claim_id]
        return claim_id

    problems = []
    wrong = [
        a
        for a, reported, current in conn.execute(
            text("SELECT id, reported_claim_id, claim_id FROM attribution")
        )
        if owner(reported) != current
    ]
    if wrong:
        problems.append(
            f"{len(wrong)} attributions are not where the event log puts them (e.g. id {wrong[0]})"
        )
    for claim_id, status, target in conn.execute(
        text("SELECT id, status, merged_into_id FROM claim")
    ):
        logged = merged_into.get(claim_id)
        if (status == "merged") != (logged is not None) or (
            target is not None and logged != target
        ):
            problems.append(f"claim id {claim_id} is {status} but the event log disagrees")
    return problems


def _check_edits(conn: Any, text: Any) -> list[str]:
    """The last value each change event wrote to a field is the stored value."""
    import json

    undone = _undone(conn, text)
    last: dict[tuple[str, str, str], Any] = {}
    rows = conn.execute(
        text(
            "SELECT id, action, entity, entity_key, after FROM event "
            "WHERE action IN ('edit', 'fill_in', 'retract', 'undo', 'merge', 'unmerge', "
            "'merge_source') ORDER BY id"
        )
    )
    for event_id, action, entity, key, after in rows:
        if event_id in undone:
            continue
        if action in ("merge", "unmerge"):  # merges change a claim's status too
            data = json.loads(after)
            last[("claim", data["claim"], "status")] = data["status"]
            continue
        if entity not in ("claim", "source", "document"):
            continue
        payload = json.loads(after or "null")
        if payload is None:
            continue
        values = payload.get("set", {k: v for k, v in payload.items() if k != "reason"})
        for f, v in values.items():
            last[(entity, key, f)] = v
    problems = []
    for (entity, key, f), value in last.items():
        row = conn.execute(text(f"SELECT {f} FROM {entity} WHERE key = :k"), {"k": key}).first()
        stored = None if row is None else (bool(row[0]) if f == "named" else row[0])
        if row is None or stored != value:
            problems.append(f"{entity} {key!r}: {f} is {stored!r}, the event log says {value!r}")
    return problems


def _check_verdicts(conn: Any, text: Any) -> list[str]:
    from provenance.verdicts import check_verdicts

    return check_verdicts(conn)


def _check_quotes(conn: Any, text: Any) -> list[str]:
    from provenance.normalize import quote_found, searchable, sha256_text

    problems = []
    docs = {}
    for doc_id, key, body, digest in conn.execute(
        text("SELECT id, key, text, sha256 FROM document WHERE text IS NOT NULL")
    ):
        if digest and sha256_text(body) != digest:
            problems.append(f"document {key!r}: text no longer matches its sha256")
        docs[doc_id] = (key, searchable(body))
    if not docs:
        return problems
    for quote, doc_id, claim_key in conn.execute(
        text(
            "SELECT a.quote, a.document_id, c.key FROM attribution a "
            "JOIN claim c ON c.id = a.reported_claim_id "
            "WHERE a.quote IS NOT NULL AND a.document_id IS NOT NULL ORDER BY a.id"
        )
    ):
        if doc_id in docs and not quote_found(quote, docs[doc_id][1]):
            problems.append(f"quote of {claim_key!r} not found in document {docs[doc_id][0]!r}")
    return problems


def _check_readings(conn: Any, text: Any) -> list[str]:
    """Readings stored at import are derived data outside the event log; each one still
    in use must be what the claim's words say."""
    from provenance.measures import altered_readings

    return list(altered_readings(conn))


def _check_quantities(conn: Any, text: Any) -> list[str]:
    """Each stored quantity is what its text reads as today, by the rule import applies
    (``quantity_disagreement``): a figure stored by an older parser is flagged."""
    from functools import lru_cache

    from provenance.ingest.records import QUANTITY_PARTS, quantity_disagreement
    from provenance.quantities import parse_quantity

    read = lru_cache(maxsize=65_536)(parse_quantity)
    problems = []
    rows = conn.execute(
        text(
            "SELECT key, quantity, language, qualifier, value, low, high, unit FROM claim "
            "WHERE quantity IS NOT NULL AND (value IS NOT NULL OR low IS NOT NULL "
            "OR high IS NOT NULL) ORDER BY key"
        )
    )
    for key, quantity, language, *parts in rows:
        differs = quantity_disagreement(
            dict(zip(QUANTITY_PARTS, parts, strict=True)), read(quantity, language)
        )
        if differs:
            field, kept, found = differs
            problems.append(
                f"claim {key!r}: quantity {quantity!r} reads as {field} {found!r}, stored {kept!r}"
            )
    return problems
