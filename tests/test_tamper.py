"""The tamper suite: change every field of every table behind provenance's back (with
the append-only triggers in place and dropped), delete and forge rows, rewrite the
event log, and see ``check`` fail naming what changed.

Each case runs inside a transaction that is rolled back, so one history serves them
all, on SQLite and on PostgreSQL alike. The suite prints how many cases were caught.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Connection, text

from provenance.audit import check
from provenance.db import open_session
from provenance.edits import chain_head, edit, undo
from provenance.ledger import TRACKED, event_hash
from provenance.merge import merge_claims
from provenance.verdicts import make_verdict, record
from tests.helpers import FIXTURE, ROOT

KEY = "ukraine-holds-309-sq-mi"
OTHER = "russia-concentrated-60000-troops-kursk"


@dataclass
class Case:
    name: str
    tamper: Callable[[Connection], None]
    expect: str  # a fragment every caught case's problems must contain
    needs_head: bool = False


def _history(cli: Any, db: str) -> None:  # type: ignore[no-untyped-def]
    """A history touching every table: imports with aliases and relays, an edit, a
    merge, a review and its undo, a verdict, a fill-in, measure decisions, a dispute review,
    a source variant, an extra field."""
    assert (
        cli("import", str(FIXTURE), str(ROOT / "fixtures" / "example_attributions.csv")).exit_code
        == 0
    )
    import tempfile
    from pathlib import Path

    variant = Path(tempfile.mkdtemp()) / "variant.csv"
    variant.write_text(
        "claim_key,claim,source,source_key,source_affiliation,Notes\n"
        "variant-claim,A claim naming ISW with another affiliation.,"
        "Institute for the Study of War,isw,ISW Washington,an extra field\n",
        encoding="utf-8",
    )
    assert cli("import", str(variant)).exit_code == 0
    with open_session(db, write=True) as session:
        edit(session, "source", "isw", ["reliability=A"], reason="r", actor="t", command="t")
        merge_claims(session, KEY, [OTHER], actor="t", command="t")
        record(session, KEY, make_verdict("False", "Check A"), actor="t", command="t")
    assert (
        cli(
            "conflicts",
            "review",
            KEY,
            "up-to-10000-north-korean-soldiers-kursk",
            "--dismiss",
            "--reason",
            "x",
        ).exit_code
        == 0
    )
    assert (
        cli(
            "dedupe",
            "review",
            KEY,
            "isw-geolocated-footage-progress-southeast-of-korenevo",
            "--distinct",
            "--reason",
            "y",
        ).exit_code
        == 0
    )
    with open_session(db) as session:
        last = int(session.connection().execute(text("SELECT MAX(id) FROM event")).scalar_one())
    with open_session(db, write=True) as session:
        undo(session, last, actor="t", command="t")
    territory = "territory-territory-in-kursk-928a0a"
    for args in (
        ("measure-split", territory, "--claims", "ua-held-kursk-km2-2024-11-de", "--name", "de"),
        (
            "measure-merge",
            "troop-count-troops-in-kursk",
            "troop-count-troops-of-korean-of-north-in-kursk",
        ),
        ("measure-rename", territory, "Ukrainian-held area"),
        ("conflicts", "review-dispute", territory, "--to", "2024-12-31", "--confirm"),
    ):
        assert cli(*args, "--reason", "r").exit_code == 0, args


def _columns(conn: Connection, table: str) -> list[str]:
    return list(conn.execute(text(f"SELECT * FROM {table} LIMIT 0")).keys())


def _where(table: str, row: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    keys = TRACKED[table]
    return " AND ".join(f"{k} = :k_{k}" for k in keys), {f"k_{k}": row[k] for k in keys}


def _field_case(table: str, column: str) -> Case:
    """Change one value of ``column`` in one row to another plausible value."""

    def tamper(conn: Connection) -> None:
        rows = [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table}"))]
        target = next((r for r in rows if r[column] is not None), rows[0])
        old = target[column]
        others = [r[column] for r in rows if r[column] is not None and r[column] != old]
        if isinstance(old, str):
            new: Any = old + " "
        elif isinstance(old, bool):
            new = not old
        elif others and column not in TRACKED[table]:
            new = others[0]
        elif isinstance(old, float):
            new = old + 1
        elif old is None:
            new = others[0] if others else "forged"
        else:
            new = old  # a key column: covered by the forged-row cases
            pytest.skip("key column")
        where, params = _where(table, target)
        conn.execute(
            text(f"UPDATE {table} SET {column} = :new WHERE {where}"), {**params, "new": new}
        )

    return Case(f"{table}.{column} changed", tamper, table)


def _delete_case(table: str) -> Case:
    def tamper(conn: Connection) -> None:
        row = dict(
            conn.execute(text(f"SELECT * FROM {table} ORDER BY 1 DESC LIMIT 1")).one()._mapping
        )
        where, params = _where(table, row)
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        else:
            conn.exec_driver_sql("SET session_replication_role = replica")
        conn.execute(text(f"DELETE FROM {table} WHERE {where}"), params)

    return Case(f"{table} row deleted", tamper, f"{table} ")


def _forge_case(table: str) -> Case:
    def tamper(conn: Connection) -> None:
        columns = _columns(conn, table)
        row = dict(conn.execute(text(f"SELECT * FROM {table} ORDER BY 1 LIMIT 1")).one()._mapping)
        if table == "relay":
            row["position"] = 99
        else:
            row["id"] = 10_000
        for unique in ("key", "fingerprint"):
            if unique in row:
                row[unique] = f"forged-{row[unique]}"
        if table == "source_alias":
            row["alias_norm"] = "forged"
        if table == "source_variant":
            row["value"] = "forged"
        if table == "attribution_extra":
            row["name"] = "forged"
        marks = ", ".join(f":{c}" for c in columns)
        conn.execute(text(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"), row)

    return Case(f"{table} row forged", tamper, "written outside the event log")


def _drop_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name in (
            "event_no_update",
            "event_no_delete",
            "row_digest_no_update",
            "row_digest_no_delete",
        ):
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
    else:
        for table in ("event", "row_digest"):
            conn.exec_driver_sql(f"DROP TRIGGER {table}_append_only ON {table}")
            conn.exec_driver_sql(f"DROP TRIGGER {table}_no_truncate ON {table}")


def _rechain(conn: Connection) -> None:
    """Recompute every hash, as someone rewriting the log consistently would."""
    from provenance.ledger import EVENT_FIELDS

    prev = None
    rows = conn.execute(
        text(f"SELECT {', '.join(EVENT_FIELDS)}, rows_digest FROM event ORDER BY id")
    ).all()
    for row in rows:
        fields = dict(zip(EVENT_FIELDS, row[:-1], strict=True))
        prev = event_hash(prev, fields, row[-1])
        conn.execute(
            text("UPDATE event SET hash = :h WHERE id = :i"), {"h": prev, "i": fields["id"]}
        )


def _log_cases() -> list[Case]:
    def after_changed(conn: Connection) -> None:
        _drop_triggers(conn)
        conn.execute(text("UPDATE event SET after = '{\"set\": {}}' WHERE action = 'edit'"))

    def actor_changed(conn: Connection) -> None:
        _drop_triggers(conn)
        conn.execute(text("UPDATE event SET actor = 'someone else' WHERE id = 2"))

    def middle_deleted(conn: Connection) -> None:
        _drop_triggers(conn)
        conn.execute(text("DELETE FROM row_digest WHERE event_id = 2"))
        conn.execute(text("DELETE FROM event WHERE id = 2"))

    def digest_changed(conn: Connection) -> None:
        _drop_triggers(conn)
        conn.execute(
            text("UPDATE row_digest SET digest = 'forged' WHERE event_id = 1 AND tbl = 'claim'")
        )

    def data_and_log_rewritten(conn: Connection) -> None:
        """The data changed, the digests and the whole chain recomputed to match."""
        from provenance.ledger import row_digest

        _drop_triggers(conn)
        conn.execute(text("UPDATE claim SET text = 'forged' WHERE key = :k"), {"k": KEY})
        result = conn.execute(text("SELECT * FROM claim WHERE key = :k"), {"k": KEY})
        columns, values = list(result.keys()), result.one()
        digest = row_digest("claim", columns, values)
        conn.execute(
            text("UPDATE row_digest SET digest = :d WHERE tbl = 'claim' AND row_key = :r"),
            {"d": digest, "r": str(values[0])},
        )
        for (event_id,) in conn.execute(text("SELECT DISTINCT event_id FROM row_digest")).all():
            lines = sorted(
                f"{t}:{k}:{d}"
                for t, k, d in conn.execute(
                    text("SELECT tbl, row_key, digest FROM row_digest WHERE event_id = :e"),
                    {"e": event_id},
                )
            )
            import hashlib

            conn.execute(
                text("UPDATE event SET rows_digest = :d WHERE id = :e"),
                {"d": hashlib.sha256("\n".join(lines).encode()).hexdigest(), "e": event_id},
            )
        _rechain(conn)
        _append_only_again(conn)

    def last_deleted_rechained(conn: Connection) -> None:
        _drop_triggers(conn)
        last = conn.execute(text("SELECT MAX(id) FROM event")).scalar_one()
        conn.execute(text("DELETE FROM row_digest WHERE event_id = :e"), {"e": last})
        conn.execute(text("UPDATE review SET event_id = NULL WHERE event_id = :e"), {"e": last})
        conn.execute(text("DELETE FROM review WHERE id = (SELECT MAX(id) FROM review)"))
        conn.execute(text("DELETE FROM event WHERE id = :e"), {"e": last})
        _append_only_again(conn)

    def triggers_dropped(conn: Connection) -> None:
        _drop_triggers(conn)

    def version_zeroed(conn: Connection) -> None:
        conn.execute(text("UPDATE meta SET value = '0' WHERE key = 'schema_version'"))

    return [
        Case("event after rewritten", after_changed, "hash does not match"),
        Case("event actor rewritten", actor_changed, "hash does not match"),
        Case("an event deleted", middle_deleted, "hash does not match"),
        Case("a row digest rewritten", digest_changed, "row digests"),
        Case("data and log rewritten consistently", data_and_log_rewritten, "recorded head", True),
        Case("last event deleted, chain intact", last_deleted_rechained, "recorded head", True),
        Case("append-only triggers dropped", triggers_dropped, "trigger"),
        Case("schema version set to 0", version_zeroed, "schema version 0"),
    ]


def _append_only_again(conn: Connection) -> None:
    from provenance.db import append_only_trigger

    append_only_trigger(conn, "event")
    append_only_trigger(conn, "row_digest")


def _cases(conn: Connection) -> list[Case]:
    cases: list[Case] = []
    for table in TRACKED:
        assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one() > 0, table
        columns = _columns(conn, table)
        cases.extend(_field_case(table, c) for c in columns if c not in TRACKED[table])
        cases.append(_delete_case(table))
        cases.append(_forge_case(table))
    return cases + _log_cases()


PREVENTED = ["prevented by a constraint of the database"]


def _run(db: str, case: Case, head: str, *, drop_triggers: bool) -> list[str] | None:
    """The problems check reports after the tampering (rolled back afterwards)."""
    from sqlalchemy.exc import DBAPIError

    with open_session(db, write=True) as session:
        conn = session.connection()
        try:
            if drop_triggers:
                _drop_triggers(conn)
            case.tamper(conn)
        except pytest.skip.Exception:
            session.rollback()
            return None
        except DBAPIError:
            session.rollback()
            return PREVENTED
        problems = check(session, head=head if case.needs_head else None).problems
        session.rollback()
    return problems


def test_check_catches_every_tampering(
    cli, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    _history(cli, db_url)
    with open_session(db_url) as session:
        assert check(session).problems == []
        head = chain_head(session)
        cases = _cases(session.connection())
    missed: list[str] = []
    total = caught = prevented = 0
    for case in cases:
        for drop in (False, True):
            problems = _run(db_url, case, head, drop_triggers=drop)
            if problems is None:
                continue
            total += 1
            if problems is PREVENTED:
                prevented += 1
                continue
            named = [p for p in problems if case.expect in p]
            if named:
                caught += 1
            else:
                missed.append(f"{case.name} (triggers {'dropped' if drop else 'kept'}): {problems}")
    with capsys.disabled():
        print(
            f"\ntamper suite: check caught {caught} of the {total - prevented} tamperings "
            f"the database accepted ({prevented} more were refused by its own constraints)"
        )
    assert not missed, f"{len(missed)} missed:\n" + "\n".join(missed)
    assert caught + prevented == total
    assert total >= 100


def test_the_chain_head_is_printed_and_proves_the_history_up_to_it(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    printed = cli("log", "--head")
    head = printed.output.strip()
    assert printed.exit_code == 0 and len(head) == 64 and printed.output == head + "\n"
    assert cli("retract", KEY, "--reason", "later change").exit_code == 0
    assert cli("log", "--head").output.strip() != head
    later = cli("check", "--head", head)
    assert (later.exit_code, later.output.splitlines()[-1]) == (0, "ok")
    unknown = cli("check", "--head", "0" * 64)
    assert unknown.exit_code == 7
    assert (
        f"problem: hash chain of the event log: the recorded head {'0' * 64} is not in the chain: "
        "the history up to it was changed" in unknown.output
    )


def test_an_import_records_a_digest_of_every_row_it_wrote(db_url: str) -> None:
    from tests.helpers import count
    from tests.test_import import run_import

    run_import(db_url, FIXTURE)
    rows = sum(count(db_url, t) for t in TRACKED)
    assert count(db_url, "row_digest", "event_id = 1") == rows
