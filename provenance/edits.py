"""Edits, retractions and undo: every change is an event with before/after values.

``undo N`` reverses one event when the data still shows what that event wrote;
otherwise later changes must be undone first, so nothing is silently overwritten.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from provenance import db
from provenance.audit import latest_open_event, log_event, log_undo
from provenance.errors import NotFoundError, UsageError
from provenance.ingest import records
from provenance.ingest.writer import quantity_values
from provenance.query import bounded_limit, pair_keys
from provenance.search import index_written
from provenance.vocabulary import CATEGORIES, SOURCE_KINDS, STANCES

_CLAIM_FIELDS: dict[str, Callable[[str], Any]] = {
    "text": lambda v: records.text(v),
    "category": lambda v: records.choice("category", v, CATEGORIES),
    "subject": records.text,
    "metric": records.text,
    "location": records.text,
    "as_of": lambda v: records.date_text("as_of", v),
    "language": records.language,
    "quantity": records.text,
}
"""A claim's quantity as written and as parsed: an edit of the text sets them all."""
_SOURCE_FIELDS: dict[str, Callable[[str], Any]] = {
    "name": records.text,
    "kind": lambda v: records.choice("kind", v, SOURCE_KINDS),
    "named": lambda v: records.boolean("named", v),
    "affiliation": records.text,
    "party": records.text,
    "reliability": records.reliability,
    "notes": records.text,
}
_ATTRIBUTION_FIELDS: dict[str, Callable[[str], Any]] = {
    "quote": records.text,
    "stance": lambda v: _required("stance", records.choice("stance", v, STANCES)),
    "credibility": lambda v: _required("credibility", records.credibility(v)),
    "hedges": lambda v: "; ".join(records.text_list("hedges", v)) or None,
    "via": lambda v: list(records.text_list("via", v)),
}
EDITABLE = {"claim": _CLAIM_FIELDS, "source": _SOURCE_FIELDS, "attribution": _ATTRIBUTION_FIELDS}


def _required(name: str, value: Any) -> Any:
    if value is None:
        raise records.FieldError(name, "cannot be empty")
    return value


@dataclass
class Change:
    event: int
    entity: str
    key: str
    before: dict[str, Any]
    after: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


def _row(conn: Connection, entity: str, key: str, fields: list[str]) -> dict[str, Any]:
    """The row's id and fields; an attribution (which has no key) is named by its id,
    and its ``via`` is read from its relays."""
    if entity == "attribution":
        return _attribution_row(conn, key, fields)
    row = conn.execute(
        text(f"SELECT id, {', '.join(fields)} FROM {entity} WHERE key = :k"), {"k": key}
    ).first()
    if row is None:
        raise NotFoundError(f"no {entity} {key!r}")
    return dict(row._mapping)


def _attribution_row(conn: Connection, key: str, fields: list[str]) -> dict[str, Any]:
    columns = ", ".join(["id", "document_id", *(f for f in fields if f != "via")])
    row = conn.execute(
        text(f"SELECT {columns} FROM attribution WHERE id = :i"),
        {"i": int(key) if key.isdigit() else -1},
    ).first()
    if row is None:
        raise NotFoundError(f"no attribution {key!r}")
    out = dict(row._mapping)
    if "via" in fields:
        out["via"] = _relay_keys(conn, out["id"])
    return out


def _relay_keys(conn: Connection, attribution_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            text(
                "SELECT s.key FROM relay r JOIN source s ON s.id = r.source_id "
                "WHERE r.attribution_id = :a ORDER BY r.position"
            ),
            {"a": attribution_id},
        )
    ]


def find_attribution(
    session: Session, claim_key: str, origin: str, document: str | None = None
) -> str:
    """The attribution (its id, as text) of claim ``claim_key`` whose origin is the
    source ``origin`` (key, name or alias), in ``document`` (its key) when the origin
    reported the claim in several documents."""
    from provenance.query import claim_id_of, resolve_sources

    conn = session.connection()
    claim_id_of(conn, claim_key)
    sources = resolve_sources(conn, origin)
    rows = conn.execute(
        text(
            "SELECT a.id, d.key FROM attribution a JOIN claim c ON c.id = a.claim_id "
            "LEFT JOIN document d ON d.id = a.document_id "
            "WHERE c.key = :k AND a.source_id IN :s ORDER BY a.id"
        ).bindparams(bindparam("s", expanding=True)),
        {"k": claim_key, "s": sources},
    ).all()
    if document is not None:
        rows = [r for r in rows if r[1] == document]
    if not rows:
        where = f" in document {document!r}" if document is not None else ""
        raise NotFoundError(f"claim {claim_key!r} has no report from {origin!r}{where}")
    if len(rows) > 1:
        documents = ", ".join(repr(r[1]) for r in rows)
        raise UsageError(
            f"{origin!r} reported {claim_key!r} in {len(rows)} documents ({documents}); "
            "name the document"
        )
    return str(rows[0][0])


def _parse_assignments(entity: str, assignments: list[str]) -> dict[str, Any]:
    fields = EDITABLE[entity]
    out: dict[str, Any] = {}
    for item in assignments:
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or name not in fields:
            raise UsageError(
                "{assignments} takes FIELD=VALUE with FIELD one of: " + ", ".join(fields),
                params=("assignments",),
            )
        try:
            out[name] = fields[name](raw)
        except records.FieldError as exc:
            raise UsageError(f"{name}: {exc.reason}") from None
        if name in ("text", "name") and out[name] is None:
            raise UsageError(f"{name} cannot be empty")
    if not out:
        raise UsageError(
            "nothing to change: give {assignments} FIELD=VALUE", params=("assignments",)
        )
    return out


def _derived(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    """Columns that follow from edited ones (a claim's date span, a source's folded name)."""
    extra: dict[str, Any] = {}
    if entity == "claim" and "as_of" in values:
        d = records.partial_date("as_of", values["as_of"]) if values["as_of"] else None
        extra["as_of_start"] = d.first_day().isoformat() if d else None
        extra["as_of_end"] = d.last_day().isoformat() if d else None
    if entity == "source" and "name" in values:
        from provenance.normalize import fold

        extra["name_norm"] = fold(values["name"])
    return extra


_READ_FIELDS = frozenset({"text", "subject", "metric", "location", "quantity", "language"})
"""Claim fields whose words the stored reading of a claim depends on."""


def _write(conn: Connection, entity: str, row_id: int, values: dict[str, Any]) -> None:
    values = {**values, **_derived(entity, values)}
    if entity == "claim":
        values["updated_at"] = db.now()
    if "via" in values:
        _write_relays(conn, row_id, values.pop("via"))
    if not values:
        return
    sets = ", ".join(f"{k} = :{k}" for k in values)
    conn.execute(text(f"UPDATE {entity} SET {sets} WHERE id = :_id"), {**values, "_id": row_id})
    index_written(conn, entity, row_id, values)
    if entity == "claim" and _READ_FIELDS & set(values):
        from provenance.measures import store_readings

        store_readings(conn, [row_id])


def _write_relays(conn: Connection, attribution_id: int, keys: list[str]) -> None:
    """Name other sources as the relays at each position of the chain. The chain keeps its
    length: a relay row is never deleted, and a longer chain could not be undone without
    deleting one."""
    current = _relay_keys(conn, attribution_id)
    if len(keys) != len(current):
        raise UsageError(
            f"via can name other relays, not change their number ({len(current)}: "
            f"{'; '.join(current) or 'none'})"
        )
    for position, key in enumerate(keys):
        source_id = conn.execute(text("SELECT id FROM source WHERE key = :k"), {"k": key}).scalar()
        conn.execute(
            text("UPDATE relay SET source_id = :s WHERE attribution_id = :a AND position = :p"),
            {"s": source_id, "a": attribution_id, "p": position},
        )


def _relay_names(conn: Connection, names: list[str]) -> list[str]:
    """The keys of the sources named (key, name or alias), as an edit stores them."""
    from provenance.query import canonical_source, resolve_sources

    out = []
    for name in names:
        source_id = canonical_source(conn, min(resolve_sources(conn, name)))
        key = conn.execute(text("SELECT key FROM source WHERE id = :i"), {"i": source_id})
        out.append(str(key.scalar()))
    return out


def edit(
    session: Session,
    entity: str,
    key: str,
    assignments: list[str],
    *,
    reason: str,
    actor: str,
    command: str,
) -> Change:
    """Change fields of a claim, source or attribution (named by its id, see
    ``find_attribution``); the event keeps the old values. A claim's new quantity is
    parsed as import parses it: text that does not read as a figure is kept as text,
    with a warning. A new quote must stand in its document's text when that is stored."""
    if not reason.strip():
        raise UsageError("{reason} is required", params=("reason",))
    values = _parse_assignments(entity, assignments)
    conn = session.connection()
    warnings: list[str] = []
    if entity == "claim" and "quantity" in values:
        language = (
            values["language"]
            if "language" in values
            else _row(conn, entity, key, ["language"])["language"]
        )
        values |= _quantity_columns(values["quantity"], language, warnings.append)
    if "via" in values:
        values["via"] = _relay_names(conn, values["via"])
    row = _row(conn, entity, key, list(values))
    before = {f: row[f] for f in values}
    if entity == "source" and "named" in before:
        before["named"] = bool(before["named"])
    changed = {f: v for f, v in values.items() if before[f] != v}
    if not changed:
        raise UsageError("the values given are the stored ones; nothing changed")
    if changed.get("quote"):
        _check_quote(conn, row["document_id"], changed["quote"])
    _write(conn, entity, row["id"], dict(changed))
    old = {f: before[f] for f in changed}
    after: dict[str, Any] = {"set": changed, "reason": reason}
    if entity == "attribution":
        after["claim"] = _claim_of(conn, row["id"])
    event = log_event(
        conn,
        actor=actor,
        command=command,
        action="edit",
        entity=entity,
        key=key,
        before={"set": old},
        after=after,
        wrote=_wrote(entity, row["id"], changed),
    )
    return Change(event, entity, key, old, changed, warnings)


def _wrote(entity: str, row_id: int, changed: dict[str, Any]) -> dict[str, list[int]]:
    """The rows an edit wrote, for the ledger: the row, and an attribution's relays."""
    wrote = {entity: [row_id]} if set(changed) != {"via"} else {}
    if "via" in changed:
        wrote["relay"] = [row_id]
    return wrote


def _claim_of(conn: Connection, attribution_id: int) -> str:
    return str(
        conn.execute(
            text(
                "SELECT c.key FROM attribution a JOIN claim c ON c.id = a.claim_id WHERE a.id = :i"
            ),
            {"i": attribution_id},
        ).scalar()
    )


def _quantity_columns(
    written: str | None, language: str | None, warn: Callable[[str], None]
) -> dict[str, Any]:
    """Every quantity column for a claim's new quantity text, parsed as import parses it."""
    try:
        q = records.quantity_of(written, {}, language, warn)
    except records.FieldError as exc:
        raise UsageError(f"quantity: {exc.reason}") from None
    return {"quantity": written, **quantity_values(q)}


def _check_quote(conn: Connection, document_id: int | None, quote: str) -> None:
    from provenance.normalize import quote_found, searchable

    if document_id is None:
        return
    row = conn.execute(
        text("SELECT key, text FROM document WHERE id = :i"), {"i": document_id}
    ).first()
    if row is not None and row[1] is not None and not quote_found(quote, searchable(row[1])):
        raise UsageError(f"quote: not found in the text of document {row[0]!r}")


def retract(session: Session, key: str, *, reason: str, actor: str, command: str) -> Change:
    """Mark a claim retracted: it stays, with its reports, out of default listings."""
    if not reason.strip():
        raise UsageError("{reason} is required", params=("reason",))
    conn = session.connection()
    row = _row(conn, "claim", key, ["status"])
    if row["status"] != "active":
        raise UsageError(f"claim {key!r} is {row['status']}; only an active claim can be retracted")
    _write(conn, "claim", row["id"], {"status": "retracted"})
    event = log_event(
        conn,
        actor=actor,
        command=command,
        action="retract",
        entity="claim",
        key=key,
        before={"set": {"status": "active"}},
        after={"set": {"status": "retracted"}, "reason": reason},
        wrote={"claim": [row["id"]]},
    )
    return Change(event, "claim", key, {"status": "active"}, {"status": "retracted"})


def merge_source(
    session: Session, keep: str, other: str, *, reason: str, actor: str, command: str
) -> Change:
    """Record that two sources are one: ``other`` is seen as ``keep`` by every query,
    count and audit; its reports keep naming it, and ``undo`` separates them again."""
    if not reason.strip():
        raise UsageError("{reason} is required", params=("reason",))
    if keep == other:
        raise UsageError("a source cannot be merged into itself")
    conn = session.connection()
    kept = _row(conn, "source", keep, ["merged_into_id", "named"])
    merged = _row(conn, "source", other, ["merged_into_id", "named"])
    if kept["merged_into_id"] is not None:
        raise UsageError(f"source {keep!r} is itself merged; keep the source it was merged into")
    if merged["merged_into_id"] is not None:
        raise UsageError(f"source {other!r} is already merged")
    if bool(kept["named"]) != bool(merged["named"]):
        raise UsageError(
            "a named and an unnamed source are not one source; edit one first if they are"
        )
    if conn.execute(
        text("SELECT 1 FROM source WHERE merged_into_id = :i"), {"i": merged["id"]}
    ).first():
        raise UsageError(f"other sources are merged into {other!r}; merge them into {keep!r} first")
    _write(conn, "source", merged["id"], {"merged_into_id": kept["id"]})
    before, after = {"merged_into_id": None}, {"merged_into_id": kept["id"]}
    event = log_event(
        conn,
        actor=actor,
        command=command,
        action="merge_source",
        entity="source",
        key=other,
        before={"set": before},
        after={"set": after, "into": keep, "reason": reason},
        wrote={"source": [merged["id"]]},
    )
    return Change(event, "source", other, before, after)


def unmerge_source(session: Session, key: str, *, actor: str, command: str) -> str:
    """Undo the latest merge of source ``key``."""
    event_id = latest_open_event(session.connection(), "merge_source", key)
    if event_id is None:
        raise NotFoundError(f"source {key!r} has no merge to undo")
    return undo(session, event_id, actor=actor, command=command)


def undo(session: Session, event_id: int, *, actor: str, command: str) -> str:
    """Reverse one event; returns a sentence saying what was done."""
    conn = session.connection()
    ev = conn.execute(
        text("SELECT id, action, entity, entity_key, before, after FROM event WHERE id = :i"),
        {"i": event_id},
    ).first()
    if ev is None:
        raise NotFoundError(f"no event {event_id}")
    if conn.execute(text("SELECT 1 FROM event WHERE undoes_id = :i"), {"i": event_id}).first():
        raise UsageError(f"event {event_id} is already undone")
    action, entity, key = ev[1], ev[2], ev[3]
    before: Any = json.loads(ev[4]) if ev[4] else None
    after: Any = json.loads(ev[5]) if ev[5] else {}
    if action == "merge":
        return _undo_merge(session, event_id, after, actor=actor, command=command)
    if action == "measure_split":
        from provenance.measure_decisions import undo_split

        return undo_split(conn, event_id, after, actor=actor, command=command)
    if action in ("edit", "fill_in", "retract", "merge_source", "measure_merge", "measure_rename"):
        row_id = _undo_set(conn, entity, key, before, after)
        log_undo(
            conn,
            event_id,
            after,
            actor=actor,
            command=command,
            entity=entity,
            key=key,
            wrote=_wrote(entity, row_id, _set_values(after)),
            restored=before,
        )
        return f"undid {action} of {entity} {key}"
    if action == "review_dispute":
        from provenance.reviews import undo_dispute_review

        return undo_dispute_review(conn, event_id, after, actor=actor, command=command)
    if action.startswith("review_"):
        from provenance.reviews import undo_review

        return undo_review(conn, event_id, after, actor=actor, command=command)
    if action == "verdict":
        from provenance.verdicts import withdraw

        return withdraw(conn, event_id, key, after, actor=actor, command=command)
    raise UsageError(f"a {action!r} event cannot be undone" + _UNDO_HINTS.get(action, ""))


_UNDO_HINTS = {
    "import": "; retract the claims it brought instead",
    "fill_in_extra": "; extra fields are kept as given, and the event records what was added",
}


def _set_values(payload: dict[str, Any] | None) -> dict[str, Any]:
    """The field values an event wrote; older fill-in events stored them flat."""
    if payload is None:
        return {}
    return (
        dict(payload["set"])
        if "set" in payload
        else {k: v for k, v in payload.items() if k != "reason"}
    )


def _undo_set(conn: Connection, entity: str, key: str, before: Any, after: Any) -> int:
    old, new = _set_values(before), _set_values(after)
    row = _row(conn, entity, key, list(new))
    current = {f: (bool(row[f]) if f == "named" else row[f]) for f in new}
    if current != new:
        raise UsageError(f"{entity} {key!r} has changed since; undo the later changes first")
    _write(conn, entity, row["id"], dict(old))
    return int(row["id"])


def _undo_merge(
    session: Session, event_id: int, after: dict[str, Any], *, actor: str, command: str
) -> str:
    from provenance.merge import unmerge_claim

    latest = latest_open_event(session.connection(), "merge", after["claim"])
    if latest != event_id:
        raise UsageError(f"claim {after['claim']!r} was merged again later; undo that first")
    unmerge_claim(session, after["claim"], actor=actor, command=command)
    return f"unmerged {after['claim']} from {after['into']}"


def summarise(action: str, before: Any, after: Any) -> str:
    """One line saying what an event did, for people."""
    if action == "import" and after:
        c = after.get("created", {})
        return (
            f"{c.get('claims', 0)} claims, {c.get('attributions', 0)} attributions, "
            f"{c.get('sources', 0)} sources"
        )
    if action == "merge" and after:
        return f"{after['claim']} into {after['into']} ({len(after['attributions'])} reports)"
    if action == "measure_merge" and after:
        return f"{after['into']} now holds its claims ({after['reason']})"
    if action == "measure_split" and after:
        return f"{', '.join(after['claims'])} out of {after['from']} ({after['reason']})"
    if action == "unmerge" and before:
        return f"{before['claim']} out of {before['into']}"
    if action.startswith("review_") and after:
        return f"{after['decision']}: {after['reason']}"
    if action == "verdict" and after:
        from provenance.verdicts import describe

        return describe(after)
    if action == "undo" and before and "placements" in before:
        return f"{', '.join(before['claims'])} back in {before['from']}"
    if action == "undo" and before and "rating" in before:
        from provenance.verdicts import describe

        return "withdrawn: " + describe(before)
    old, new = _set_values(before), _set_values(after)
    changes = ", ".join(f"{f}: {old.get(f)!r} → {v!r}" for f, v in new.items())
    reason = (after or {}).get("reason")
    return changes + (f" ({reason})" if reason else "")


def list_events(
    session: Session, *, key: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    conn = session.connection()
    where, params = "", {}
    if key:
        where, params = "WHERE entity_key = :k OR entity = 'claim_pair'", {"k": key}
    sql = (
        "SELECT id, at, actor, action, entity, entity_key, before, after, undoes_id, command "
        f"FROM event {where} ORDER BY id DESC"
    )
    rows: Iterable[Any] = conn.execute(text(sql), params)
    if key:
        rows = (r for r in rows if key in (_pair_of(r) if r[4] == "claim_pair" else {r[5]}))
    selected = list(itertools.islice(rows, bounded_limit(limit)))
    undone = {
        r[0] for r in conn.execute(text("SELECT undoes_id FROM event WHERE undoes_id IS NOT NULL"))
    }
    return [
        {
            "event": r[0],
            "at": r[1],
            "actor": r[2],
            "action": r[3],
            "entity": r[4],
            "entity_key": r[5],
            "summary": summarise(
                r[3], json.loads(r[6]) if r[6] else None, json.loads(r[7]) if r[7] else None
            ),
            "before": json.loads(r[6]) if r[6] else None,
            "after": json.loads(r[7]) if r[7] else None,
            "undoes": r[8],
            "undone": r[0] in undone,
            "command": r[9],
        }
        for r in selected
    ][::-1]


def _pair_of(row: Any) -> set[str]:
    return pair_keys(json.loads(row[6]) if row[6] else None, json.loads(row[7]) if row[7] else None)


def chain_head(session: Session) -> str:
    """The hash of the newest event: keep it elsewhere to prove the history later."""
    from provenance.ledger import head

    found = head(session.connection())
    if found is None:
        raise NotFoundError("the event log is empty")
    return found[1]
