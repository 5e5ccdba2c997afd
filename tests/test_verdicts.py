"""Verdicts: recorded through the event log, shown, queried, withdrawn by undo."""

from __future__ import annotations

import json

import pytest

from provenance.audit import check
from provenance.db import open_session
from provenance.edits import undo
from provenance.errors import NotFoundError, UsageError
from provenance.query import ClaimFilter, find_claims
from provenance.verdicts import claim_verdicts, make_verdict, record

KEY = "ukraine-holds-309-sq-mi"
VERDICT = (
    "verdict", KEY, "--rating", "Unproven", "--by", "Example Check", "--date", "2024-11-20",
    "--url", "https://factcheck.example.org/kursk-309", "--explanation", "Rests on one unnamed official.",
)  # fmt: skip


def test_verdict_is_recorded_shown_queried_and_withdrawn(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    result = cli(*VERDICT)
    assert result.exit_code == 0
    assert result.output == (
        f"{KEY}: Unproven by Example Check (event 2; `provenance undo 2` withdraws it)\n"
    )
    shown = cli("show", KEY).output
    assert (
        "verdicts:\n"
        "  Unproven by Example Check, 2024-11-20\n"
        "    https://factcheck.example.org/kursk-309\n"
        "    Rests on one unnamed official.\n"
        "history:\n"
    ) in shown
    data = json.loads(cli("show", KEY, "--format", "json").output)
    assert data["verdicts"] == [
        {
            "verdict": 1,
            "rating": "Unproven",
            "reviewer": "Example Check",
            "url": "https://factcheck.example.org/kursk-309",
            "published": "2024-11-20",
            "explanation": "Rests on one unnamed official.",
            "event": 2,
            "batch": None,
        }
    ]
    assert [h["action"] for h in data["history"]] == ["import", "verdict"]
    listed = cli("claims", "--rating", "unproven", "--format", "csv").output.splitlines()
    assert [line.split(",")[0] for line in listed] == ["key", KEY]
    assert cli("export", "--rating", "Unproven").output.count(KEY) == 1
    log = json.loads(cli("log", KEY, "--format", "json").output)
    assert log[-1]["after"]["rating"] == "Unproven" and log[-1]["action"] == "verdict"
    undone = cli("undo", "2")
    assert undone.output == f"withdrew the verdict 'Unproven' by Example Check on {KEY}\n"
    empty = cli("claims", "--rating", "Unproven")
    assert empty.exit_code == 0 and empty.output == "no claims match\n"
    assert "verdicts:" not in cli("show", KEY).output
    assert cli("undo", "2").output == "error: event 2 is already undone\n"
    with open_session(fixture_db) as session:
        assert check(session).problems == []


def test_verdict_errors_exit_with_codes(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    assert cli(*VERDICT).exit_code == 0
    again = cli(*VERDICT)
    assert (again.exit_code, again.output) == (
        2,
        f"error: claim {KEY!r} already has this verdict\n",
    )
    missing = cli("verdict", "no-such-claim", "--rating", "False", "--by", "X")
    assert (missing.exit_code, missing.output) == (4, "error: no claim 'no-such-claim'\n")
    bad_date = cli("verdict", KEY, "--rating", "False", "--by", "X", "--date", "2024-02-30")
    assert bad_date.exit_code == 2 and bad_date.output.startswith("error: date: ")
    blank = cli("verdict", KEY, "--rating", " ", "--by", "X")
    assert (blank.exit_code, blank.output) == (2, "error: a verdict needs a rating\n")


def test_several_verdicts_stand_side_by_side(fixture_db: str) -> None:
    with open_session(fixture_db, write=True) as session:
        first = record(
            session, KEY, make_verdict("False", "Check A", published="2024-11-21T08:00:00Z"),
            actor="t", command="t",
        )  # fmt: skip
        record(session, KEY, make_verdict("Misleading", "Check B"), actor="t", command="t")
    with open_session(fixture_db) as session:
        assert [(v["rating"], v["published"]) for v in claim_verdicts(session, KEY)] == [
            ("False", "2024-11-21"),
            ("Misleading", None),
        ]
        assert [v.key for v in find_claims(session, ClaimFilter(rating="false"))] == [KEY]
        assert find_claims(session, ClaimFilter(rating="true")) == []
    with open_session(fixture_db, write=True) as session:
        undo(session, first.event, actor="t", command="t")
        with pytest.raises(NotFoundError):
            record(session, "nope", make_verdict("False", "X"), actor="t", command="t")
        with pytest.raises(UsageError, match="organisation"):
            make_verdict("False", "")
    with open_session(fixture_db) as session:
        assert [v["rating"] for v in claim_verdicts(session, KEY)] == ["Misleading"]
        assert check(session).problems == []


def test_check_sees_verdicts_changed_behind_its_back(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    from tests.test_edits import tamper

    assert cli(*VERDICT).exit_code == 0
    with open_session(fixture_db) as session:
        assert check(session).problems == []
    tamper(fixture_db, "UPDATE verdict SET rating = 'True'")
    tamper(fixture_db, "UPDATE verdict SET status = 'withdrawn'")
    with open_session(fixture_db) as session:
        assert check(session).problems == [
            "every row against the event that wrote it: verdict 1 differs from what event 2 wrote",
            "verdicts replayed from the event log: verdict 1 differs from what event 2 recorded",
            "verdicts replayed from the event log: verdict 1 is withdrawn; the event log says "
            "active",
        ]
    result = cli("check")
    assert result.exit_code == 7
