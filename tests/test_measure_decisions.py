"""Users' decisions on measures: merge, split and rename, recorded, undoable, checked by
``check``, and obeyed by conflicts, dedupe and ``measures`` on every later run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from provenance.conflicts import find_conflicts
from provenance.db import open_session
from provenance.dedupe import find_duplicates
from provenance.measures import list_measures
from tests.helpers import write_csv
from tests.test_import import run_import
from tests.test_measures import report

KADUGLI = [
    report("a", "Shelling killed 30 people in Kadugli.", "30 people", "x"),
    report("b", "Shelling killed 300 people in Kadugli.", "300 people", "y"),
    report("c", "Shelling killed 310 people in Kadugli.", "310 people", "y"),
]


def _import(db: str, tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    run_import(db, write_csv(tmp_path / "r.csv", rows))


def _conflicting(db: str) -> set[tuple[str, ...]]:
    with open_session(db) as session:
        return {tuple(sorted(c.claims)) for c in find_conflicts(session).conflicts}


def _duplicates(db: str) -> list[list[str]]:
    with open_session(db) as session:
        return [c.claims for c in find_duplicates(session, threshold=0).clusters]


def _last_event(cli: Any) -> int:
    return int(json.loads(cli("log", "--format", "json").stdout)[-1]["event"])


def test_split_claims_are_never_compared_with_the_claims_they_left(
    cli: Any, db_url: str, tmp_path: Path
) -> None:
    _import(db_url, tmp_path, KADUGLI)
    assert _conflicting(db_url) == {("a", "b"), ("a", "c")}
    assert _duplicates(db_url) == [["b", "c"]]
    moved = cli(
        "measure-split",
        "casualties-dead-in-kadugli",
        "--claims",
        "a",
        "--name",
        "Deaths in one shelling",
        "--reason",
        "another day's shelling",
    )
    assert moved.exit_code == 0, moved.output
    assert moved.stdout == (
        "moved 1 claims from casualties-dead-in-kadugli to deaths-in-one-shelling (event 2)\n"
    )
    assert _conflicting(db_url) == set()
    assert _duplicates(db_url) == [["b", "c"]]
    listed = cli("measures", "--format", "csv")
    assert listed.stdout == (
        "measure,measure_key,key,figure,as_of,why\n"
        "casualties: dead in kadugli,casualties-dead-in-kadugli,b,300 people,2025-04-12,"
        "figures counting dead; places kadugli\n"
        "casualties: dead in kadugli,casualties-dead-in-kadugli,c,310 people,2025-04-12,"
        "figures counting dead; places kadugli\n"
        "Deaths in one shelling,deaths-in-one-shelling,a,30 people,2025-04-12,"
        "moved here: another day's shelling\n"
    )
    assert cli("undo", "2").stdout == "undid the split of a out of casualties-dead-in-kadugli\n"
    assert _conflicting(db_url) == {("a", "b"), ("a", "c")}
    assert cli("check").exit_code == 0


def test_merged_measures_are_compared_as_one(cli: Any, db_url: str, tmp_path: Path) -> None:
    rows = [
        report("a", "Shelling killed 30 people in Kadugli.", "30 people", "x"),
        report("b", "Shelling killed 300 people in Kadugli.", "300 people", "y", category="other"),
    ]
    _import(db_url, tmp_path, rows)
    assert _conflicting(db_url) == set()
    merged = cli(
        "measure-merge",
        "casualties-dead-in-kadugli",
        "other-dead-in-kadugli",
        "--reason",
        "one toll, coded twice",
    )
    assert merged.output == (
        "merged measure other-dead-in-kadugli into casualties-dead-in-kadugli (1 claims; event 2)\n"
    )
    assert _conflicting(db_url) == {("a", "b")}
    with open_session(db_url) as session:
        (conflict,) = find_conflicts(session).conflicts
        (measure,) = list_measures(session.connection())
    assert conflict.explanation.startswith(
        "a user put both in measure casualties-dead-in-kadugli: '30 people' means"
    )
    assert measure.key == "casualties-dead-in-kadugli"
    assert measure.decided == {
        "b": "from other-dead-in-kadugli, merged here: one toll, coded twice"
    }
    assert cli("undo", "2").stdout == "undid measure_merge of measure other-dead-in-kadugli\n"
    assert _conflicting(db_url) == set()
    assert cli("check").exit_code == 0


def test_a_label_names_the_measure_and_its_disputes(cli: Any, db_url: str, tmp_path: Path) -> None:
    _import(db_url, tmp_path, KADUGLI)
    renamed = cli(
        "measure-rename", "casualties-dead-in-kadugli", "Kadugli shelling toll", "--reason", "r"
    )
    assert renamed.stdout == (
        "labelled measure casualties-dead-in-kadugli 'Kadugli shelling toll' (event 2)\n"
    )
    out = json.loads(cli("conflicts", "--format", "json").stdout)
    assert [(d["measure"], d["measure_key"], d["window"]) for d in out["disputes"]] == [
        (
            "Kadugli shelling toll",
            "casualties-dead-in-kadugli",
            {"from": "2025-04-12", "to": "2025-04-12"},
        )
    ]
    assert cli("undo", "2").exit_code == 0
    out = json.loads(cli("conflicts", "--format", "json").stdout)
    assert out["disputes"][0]["measure"] == "casualties: dead in kadugli"
    assert cli("check").exit_code == 0


def test_measure_decisions_refuse_with_one_line(cli: Any, db_url: str, tmp_path: Path) -> None:
    _import(db_url, tmp_path, KADUGLI)
    key = "casualties-dead-in-kadugli"
    cases = [
        (
            ("measure-merge", key, "nothing-here", "--reason", "r"),
            4,
            "no measure 'nothing-here' (see provenance measures)",
        ),
        (("measure-merge", key, key, "--reason", "r"), 2, "a measure cannot be merged into itself"),
        (("measure-rename", key, "x"), 2, "--reason is required: say why, for the next reviewer"),
        (
            ("measure-split", key, "--claims", "zz", "--name", "n", "--reason", "r"),
            2,
            f"claim 'zz' is not in measure '{key}'",
        ),
        (
            ("measure-split", key, "--claims", "a,b,c", "--name", "n", "--reason", "r"),
            2,
            f"every claim of '{key}' would move; rename the measure instead",
        ),
    ]
    for args, code, message in cases:
        result = cli(*args)
        assert (result.exit_code, result.output) == (code, f"error: {message}\n"), args
    moved = cli("measure-split", key, "--claims", "a", "--name", "n", "--reason", "r")
    assert moved.exit_code == 0
    again = cli("measure-split", key, "--claims", "b", "--name", "n", "--reason", "r")
    assert again.output == "error: a measure 'n' exists already; choose another name\n"
    assert cli("check").exit_code == 0


def test_a_split_survives_new_imports_and_undo_refuses_twice(
    cli: Any, db_url: str, tmp_path: Path
) -> None:
    _import(db_url, tmp_path, KADUGLI)
    key = "casualties-dead-in-kadugli"
    assert cli("measure-split", key, "--claims", "a", "--name", "n", "--reason", "r").exit_code == 0
    event = _last_event(cli)
    more = [report("d", "Shelling killed 300 people in Kadugli.", "300 people", "z")]
    run_import(db_url, write_csv(tmp_path / "more.csv", more))
    assert _conflicting(db_url) == set()
    assert cli("undo", str(event)).exit_code == 0
    assert ("a", "d") in _conflicting(db_url)
    assert cli("undo", str(event)).output == f"error: event {event} is already undone\n"


def _review_dispute(cli: Any, *args: str) -> Any:
    return cli("conflicts", "review-dispute", "casualties-dead-in-kadugli", *args)


def test_a_reviewed_dispute_passes_fail_on_conflict_within_its_window(
    cli: Any, db_url: str, tmp_path: Path
) -> None:
    _import(db_url, tmp_path, KADUGLI)
    assert cli("conflicts", "--fail-on-conflict").exit_code == 5
    outside = _review_dispute(cli, "--to", "2025-03-31", "--confirm", "--reason", "earlier")
    assert outside.stdout == (
        "recorded: disputes of casualties-dead-in-kadugli from the start to 2025-03-31 confirmed\n"
    )
    assert cli("conflicts", "--fail-on-conflict").exit_code == 5
    confirmed = _review_dispute(
        cli, "--from", "2025-04-01", "--to", "2025-04-30", "--confirm", "--reason", "methods"
    )
    assert confirmed.stdout == (
        "recorded: disputes of casualties-dead-in-kadugli from 2025-04-01 to 2025-04-30 confirmed\n"
    )
    passed = cli("conflicts", "--fail-on-conflict", "--format", "json")
    assert passed.exit_code == 0
    (dispute,) = json.loads(passed.stdout)["disputes"]
    assert dispute["review"] == "confirm"
    assert {p["review"] for p in dispute["pairs"]} == {"confirm"}
    later = [
        report("d", "Shelling killed 30 people in Kadugli.", "30 people", "z", as_of="2025-04-15")
    ]
    run_import(db_url, write_csv(tmp_path / "later.csv", later))
    assert cli("conflicts", "--fail-on-conflict").exit_code == 0
    grown = [
        report(
            "e", "Shelling killed 300 people in Kadugli.", "300 people", "w", as_of="2025-04-28"
        ),
        report("f", "Shelling killed 30 people in Kadugli.", "30 people", "v", as_of="2025-05-02"),
    ]
    run_import(db_url, write_csv(tmp_path / "grown.csv", grown))
    assert cli("conflicts", "--fail-on-conflict").exit_code == 5


def test_a_dismissed_dispute_is_hidden_and_undo_brings_it_back(
    cli: Any, db_url: str, tmp_path: Path
) -> None:
    _import(db_url, tmp_path, KADUGLI)
    assert _review_dispute(cli, "--dismiss", "--reason", "two shellings").exit_code == 0
    event = _last_event(cli)
    assert cli("conflicts").stdout == "0 conflicts among 3 claims (3 pairs compared)\n"
    shown = json.loads(cli("conflicts", "--all", "--format", "json").stdout)
    assert [d["review"] for d in shown["disputes"]] == ["dismiss"]
    assert cli("conflicts", "--fail-on-conflict").exit_code == 0
    assert cli("undo", str(event)).stdout == (
        "undid the dismiss decision on the disputes of casualties-dead-in-kadugli\n"
    )
    assert cli("conflicts", "--fail-on-conflict").exit_code == 5
    assert cli("check").exit_code == 0


def test_a_dispute_review_refuses_with_one_line(cli: Any, db_url: str, tmp_path: Path) -> None:
    _import(db_url, tmp_path, KADUGLI)
    cases = [
        (
            ("--confirm", "--reason", "r", "--from", "May"),
            "--from takes a day as YYYY-MM-DD, not 'May'",
        ),
        (
            ("--confirm", "--reason", "r", "--from", "2025-05-02", "--to", "2025-05-01"),
            "the window ends (2025-05-01) before it starts (2025-05-02)",
        ),
        (("--reason", "r"), "give exactly one of --dismiss or --confirm"),
        (("--confirm",), "--reason is required: say why, for the next reviewer"),
    ]
    for args, message in cases:
        result = _review_dispute(cli, *args)
        assert (result.exit_code, result.output) == (2, f"error: {message}\n"), args
    missing = cli("conflicts", "review-dispute", "nothing", "--confirm", "--reason", "r")
    assert (missing.exit_code, missing.output) == (
        4,
        "error: no measure 'nothing' (see provenance measures)\n",
    )
