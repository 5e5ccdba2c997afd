"""Edits, retractions, undo and the event log; check finds what does not add up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.audit import check
from provenance.db import open_session
from provenance.edits import edit, list_events, retract, undo
from provenance.errors import UsageError
from provenance.merge import merge_claims
from provenance.query import ClaimFilter, find_claims, get_claim
from tests.helpers import count, snapshot
from tests.test_import import run_import

KEY = "ukraine-holds-309-sq-mi"


def problems(db: str) -> list[str]:
    with open_session(db) as session:
        return check(session).problems


def test_edit_records_before_and_after_and_undo_restores(fixture_db: str) -> None:
    before = snapshot(fixture_db)
    with open_session(fixture_db, write=True) as session:
        change = edit(
            session,
            "claim",
            KEY,
            ["as_of=2024-11-16", "location=Kursk"],
            reason="dateline",
            actor="t",
            command="t",
        )
    assert change.before == {"as_of": "2024-11", "location": "Kursk Oblast"}
    with open_session(fixture_db) as session:
        assert get_claim(session, KEY).as_of == "2024-11-16"
        later = {
            v.key
            for v in find_claims(session, ClaimFilter(since="2024-11-17", category="territory"))
        }
    assert KEY not in later  # the span moved with the date: 2024-11 reached the 30th
    assert problems(fixture_db) == []
    with open_session(fixture_db, write=True) as session:
        undo(session, change.event, actor="t", command="t")
    after = snapshot(fixture_db)
    claim_cols = slice(0, -1)  # updated_at moves forward; everything else is as before
    assert [r[claim_cols] for r in after["claim"]] == [r[claim_cols] for r in before["claim"]]
    assert problems(fixture_db) == []


def test_undo_refuses_when_later_changes_exist(fixture_db: str) -> None:
    with open_session(fixture_db, write=True) as session:
        first = edit(
            session, "source", "isw", ["reliability=A"], reason="r", actor="t", command="t"
        )
        edit(session, "source", "isw", ["reliability=C"], reason="r", actor="t", command="t")
        with pytest.raises(UsageError, match="changed since"):
            undo(session, first.event, actor="t", command="t")
        with pytest.raises(UsageError, match="cannot be undone"):
            undo(session, 1, actor="t", command="t")  # the import


def test_edit_validates_like_import(fixture_db: str) -> None:
    with open_session(fixture_db, write=True) as session:
        for bad in (["category=troops"], ["as_of=2024-02-30"], ["colour=red"], ["text="]):
            with pytest.raises(UsageError):
                edit(session, "claim", KEY, bad, reason="r", actor="t", command="t")
        with pytest.raises(UsageError, match="reason"):
            edit(session, "claim", KEY, ["subject=x"], reason=" ", actor="t", command="t")


def test_retract_hides_but_keeps(fixture_db: str) -> None:
    with open_session(fixture_db, write=True) as session:
        change = retract(session, KEY, reason="corrected", actor="t", command="t")
    with open_session(fixture_db) as session:
        assert KEY not in {v.key for v in find_claims(session, ClaimFilter())}
        assert KEY in {v.key for v in find_claims(session, ClaimFilter(status="retracted"))}
    assert count(fixture_db, "attribution") == 26
    with open_session(fixture_db, write=True) as session:
        undo(session, change.event, actor="t", command="t")
        with pytest.raises(UsageError, match="already undone"):
            undo(session, change.event, actor="t", command="t")
    assert problems(fixture_db) == []


def test_undo_of_a_merge_and_of_a_review(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    with open_session(fixture_db, write=True) as session:
        merge_claims(session, KEY, ["ukraine-held-531-sq-mi-at-peak"], actor="t", command="t")
    merge_event = max(
        e["event"] for e in json.loads(cli("log", "-f", "json").output) if e["action"] == "merge"
    )
    assert cli("undo", str(merge_event)).output.startswith(
        "unmerged ukraine-held-531-sq-mi-at-peak"
    )
    assert (
        cli(
            "conflicts",
            "review",
            KEY,
            "ukraine-held-531-sq-mi-at-peak",
            "--dismiss",
            "--reason",
            "r",
        ).exit_code
        == 0
    )
    review_event = json.loads(cli("log", "-f", "json", "-n", "1").output)[0]["event"]
    assert "undid the dismiss decision" in cli("undo", str(review_event)).output
    assert problems(fixture_db) == []


def test_log_lists_events_with_summaries(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    assert (
        cli(
            "edit", "claim", KEY, "--set", "subject=Ukrainian forces", "--reason", "consistency"
        ).exit_code
        == 0
    )
    events = json.loads(cli("log", KEY, "-f", "json").output)
    assert [e["action"] for e in events] == ["edit"]
    assert (
        events[0]["summary"]
        == "subject: 'Ukrainian-held territory' → 'Ukrainian forces' (consistency)"
    )
    assert cli("retract", KEY).exit_code == 2  # reason required
    assert cli("edit", "claim", "nope", "--set", "subject=x", "--reason", "r").exit_code == 4
    assert cli("undo", "999").exit_code == 4


def test_check_passes_on_a_sound_database(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("check")
    assert result.exit_code == 0 and result.output.endswith("ok\n")
    assert json.loads(cli("check", "-f", "json").output)["ok"] is True


def tamper(db: str, *statements: str) -> None:
    """Change rows behind provenance's back, as a careless admin could (no FK checks)."""
    from sqlalchemy import create_engine

    from provenance.db import resolve_url

    engine = create_engine(resolve_url(db))
    with engine.begin() as conn:
        off = (
            "PRAGMA foreign_keys = OFF"
            if conn.dialect.name == "sqlite"
            else "SET session_replication_role = replica"
        )
        conn.exec_driver_sql(off)
        for statement in statements:
            conn.exec_driver_sql(statement)
    engine.dispose()


def test_check_finds_an_attribution_moved_behind_the_logs_back(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    tamper(fixture_db, "UPDATE attribution SET claim_id = 1 WHERE id = 5")
    result = cli("check")
    assert result.exit_code == 7
    assert "attributions are not where the event log puts them" in result.output


def test_check_finds_a_silent_edit(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("edit", "source", "isw", "--set", "reliability=A", "--reason", "r").exit_code == 0
    tamper(fixture_db, "UPDATE source SET reliability = 'E' WHERE key = 'isw'")
    result = cli("check")
    assert (
        result.exit_code == 7
        and "source 'isw': reliability is 'E', the event log says 'A'" in result.output
    )


def test_check_finds_a_missing_import_event_and_orphans(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    tamper(
        fixture_db,
        "UPDATE import_batch SET finished_at = NULL",
        "INSERT INTO relay (attribution_id, position, source_id) VALUES (999, 0, 1)",
    )
    out = cli("check").output
    assert "import batch 1 has no finished import event" in out
    assert "relay.attribution_id values point to no attribution" in out


def test_check_finds_quotes_missing_from_the_document(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "d.yaml"
    doc.write_text(
        "documents:\n  - key: d1\n    text: |\n      Russia has concentrated close to\n      60,000 troops in Kursk.\n"
        "sources:\n  - {key: s, name: S}\n"
        "claims:\n  - key: ok\n    text: Russia has 60,000 troops in Kursk.\n    attributions:\n"
        "      - {source: s, document: d1, quote: 'close to 60,000 troops in Kursk'}\n"
        "  - key: bad\n    text: Russia has 90,000 troops.\n    attributions:\n"
        "      - {source: s, document: d1, quote: 'close to 60,000'}\n",
        encoding="utf-8",
    )
    run_import(db_url, doc)  # import refuses a quote not in the text: change it behind its back
    with open_session(db_url, write=True) as session:
        session.connection().exec_driver_sql(
            "UPDATE attribution SET quote = 'close to 90,000 troops' WHERE quote = 'close to 60,000'"
        )
    assert problems(db_url) == [
        "every row against the event that wrote it: attribution 2 differs from what event 1 wrote",
        "quotes in stored document text: quote of 'bad' not found in document 'd1'",
        "stored export lines: report 2: its stored line differs from its data",
    ]


def test_event_log_cannot_be_changed(fixture_db: str) -> None:
    from sqlalchemy import text

    from provenance.errors import DatabaseError

    for statement in ("UPDATE event SET actor = 'x'", "DELETE FROM event"):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            open_session(fixture_db, write=True) as session,
        ):
            session.connection().execute(text(statement))
    assert len(list_events_of(fixture_db)) == 1


def list_events_of(db: str) -> list[dict[str, object]]:
    with open_session(db) as session:
        return list_events(session)
