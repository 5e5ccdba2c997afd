"""Conflicting claims: labelled cases, stance, reviews, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.conflicts import find_conflicts
from provenance.db import open_session
from tests.helpers import row, write_csv
from tests.labelled import CONFLICTS, NON_CONFLICTS, Case, rows
from tests.test_import import run_import


def conflict_pairs(db: str, **kw: object) -> set[tuple[str, str]]:
    with open_session(db) as session:
        report = find_conflicts(session, **kw)  # type: ignore[arg-type]
    return {tuple(c.claims) for c in report.conflicts}  # type: ignore[misc]


@pytest.mark.parametrize("case", CONFLICTS + NON_CONFLICTS, ids=lambda c: c.name)
def test_labelled_pair(case: Case, db_url: str, tmp_path: Path) -> None:
    run_import(db_url, write_csv(tmp_path / "case.csv", rows(case)))
    found = conflict_pairs(db_url)
    assert (("a", "b") in found) is case.expected, found


def test_the_seed_fixture_has_no_conflict(fixture_db: str) -> None:
    assert conflict_pairs(fixture_db) == set()


def test_assert_vs_deny_of_one_claim(db_url: str, tmp_path: Path) -> None:
    rows_ = [row(), row(source="Russian MoD", stance="denies", source_named="true", via="")]
    run_import(db_url, write_csv(tmp_path / "s.csv", rows_))
    with open_session(db_url) as session:
        (c,) = find_conflicts(session).conflicts
    assert c.kind == "stance" and c.claims == ["c1", "c1"] and c.severity == "high"
    assert c.sources == [["unnamed General Staff official"], ["Russian MoD"]]


def test_denial_of_a_compatible_figure_in_another_claim(db_url: str, tmp_path: Path) -> None:
    rows_ = [
        row(claim_key="a"),
        row(
            claim_key="b",
            claim="Russia has about 60,000 troops in Kursk.",
            quantity="about 60,000 troops",
            stance="denies",
            source="Kremlin",
        ),
    ]
    run_import(db_url, write_csv(tmp_path / "s.csv", rows_))
    with open_session(db_url) as session:
        (c,) = find_conflicts(session).conflicts
    assert (c.kind, c.claims) == ("stance", ["a", "b"])


def test_window_and_tolerance_options(db_url: str, tmp_path: Path) -> None:
    case = Case(
        "w",
        {"quantity": "10,000 troops", "as_of": "2024-11-01"},
        {"quantity": "30,000 troops", "as_of": "2024-11-20"},
        True,
    )
    run_import(db_url, write_csv(tmp_path / "w.csv", rows(case)))
    assert conflict_pairs(db_url) == set()
    assert conflict_pairs(db_url, window_days=30) == {("a", "b")}
    loose = Case(
        "t",
        {"quantity": "about 10,000 troops", "claim_key": "c"},
        {"quantity": "about 12,500 troops", "claim_key": "d"},
        True,
    )
    run_import(db_url, write_csv(tmp_path / "t.csv", rows(loose)))
    assert ("c", "d") in conflict_pairs(db_url)
    assert ("c", "d") not in conflict_pairs(db_url, tolerance=0.2)


def test_report_explains_and_sorts_by_severity(db_url: str, tmp_path: Path) -> None:
    # a bare 10,000 carries its rounding (5,000-15,000); 12,000 means 11,500-12,500
    small = Case(
        "s",
        {"quantity": "12,000 troops", "claim_key": "s1"},
        {"quantity": "14,000 troops", "claim_key": "s2"},
        True,
    )
    big = Case(
        "b",
        {"quantity": "10,000 troops", "claim_key": "b1", "location": "Belgorod"},
        {"quantity": "40,000 troops", "claim_key": "b2", "location": "Belgorod"},
        True,
    )
    run_import(db_url, write_csv(tmp_path / "x.csv", rows(small) + rows(big)))
    with open_session(db_url) as session:
        report = find_conflicts(session)
    assert [c.claims for c in report.conflicts] == [["b1", "b2"], ["s1", "s2"]]
    first = report.conflicts[0].as_dict()
    assert first["severity"] == "high"
    assert first["gap"] == {"absolute": 35000.0 - 15000.0, "relative": 0.5}
    assert "do not overlap" in first["explanation"]
    assert first["intervals"][0]["low"] == 5000 and first["intervals"][0]["high"] == 15000
    assert report.conflicts[1].severity == "low"


def test_review_dismiss_hides_and_fail_on_conflict(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = CONFLICTS[0]
    run_import(db_url, write_csv(tmp_path / "r.csv", rows(case)))
    failed = cli("conflicts", "--fail-on-conflict")
    assert failed.exit_code == 5 and "1 unreviewed conflicts" in failed.output
    data = json.loads(cli("conflicts", "--format", "json").output)
    assert [c["claims"] for c in data["conflicts"]] == [["a", "b"]]
    assert set(data["conflicts"][0]) >= {
        "claims",
        "sources",
        "intervals",
        "gap",
        "severity",
        "explanation",
    }
    assert cli("conflicts", "review", "a", "b", "--dismiss").exit_code == 2  # no reason
    done = cli("conflicts", "review", "b", "a", "--dismiss", "--reason", "different sectors")
    assert done.exit_code == 0
    assert cli("conflicts", "--fail-on-conflict").exit_code == 0
    assert json.loads(cli("conflicts", "-f", "json").output)["conflicts"] == []
    shown = json.loads(cli("conflicts", "-f", "json", "--all").output)["conflicts"]
    assert shown[0]["review"] == "dismiss"
    history = json.loads(cli("show", "a", "-f", "json").output)["history"]
    assert history[-1]["action"] == "review_conflict"
    assert history[-1]["after"]["reason"] == "different sectors"
    csv_out = cli("conflicts", "-f", "csv", "--all").output.splitlines()
    assert csv_out[0].startswith("claim_a,claim_b,kind,severity") and len(csv_out) == 2


def test_review_unknown_claim(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "conflicts", "review", "nope", "ukraine-holds-309-sq-mi", "--confirm", "--reason", "x"
    )
    assert result.exit_code == 4 and "no claim 'nope'" in result.output
