"""A source's claims in key order, read from ``claim_by_source``: the listing's order and
rows, and the table kept in step with imports, merges, unmerges and relay edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from provenance.db import open_session
from provenance.edits import edit, find_attribution
from provenance.merge import merge_claims, unmerge_claim
from provenance.query import ClaimFilter, find_claims
from tests.helpers import row, write_csv
from tests.test_import import run_import

REPORTS = [
    # claim key, origin, relays: written out of key order, so ids say nothing of keys
    ("k3", "Alpha", "Reuters"),
    ("k10", "Beta", "Alpha; Reuters"),
    ("k1", "Alpha", ""),
    ("k2", "Beta", "Reuters"),
    ("k1", "Beta", "Alpha"),
    ("k20", "Gamma", ""),
]

RECOMPUTED = (
    "SELECT a.source_id, c.key, a.id, -1 FROM attribution a JOIN claim c ON c.id = a.claim_id "
    "UNION ALL SELECT r.source_id, c.key, r.attribution_id, r.position FROM relay r "
    "JOIN attribution a ON a.id = r.attribution_id JOIN claim c ON c.id = a.claim_id "
    "ORDER BY 1, 2, 3, 4"
)
STORED = (
    "SELECT source_id, claim_key, attribution_id, position FROM claim_by_source ORDER BY 1, 2, 3, 4"
)


@pytest.fixture
def reports_db(db_url: str, tmp_path: Path) -> str:
    rows = [
        row(
            claim_key=key,
            claim=f"Claim {key} about a figure.",
            quantity="",
            quote="",
            source=origin,
            source_named="true",
            source_affiliation="",
            via=relays,
            outlet=f"Outlet {i}",
            url=f"https://example.org/{i}",
        )
        for i, (key, origin, relays) in enumerate(REPORTS)
    ]
    run_import(db_url, write_csv(tmp_path / "reports.csv", rows))
    return db_url


def listing(db: str, source: str | list[str], limit: int | None = None, **kw: object) -> list[str]:
    with open_session(db) as session:
        found = find_claims(session, ClaimFilter(source=source, **kw), limit=limit)  # type: ignore[arg-type]
        return [c.key for c in found]


def in_step(db: str) -> bool:
    with open_session(db) as session:
        conn = session.connection()
        stored = [tuple(r) for r in conn.execute(text(STORED))]
        return stored == [tuple(r) for r in conn.execute(text(RECOMPUTED))] and len(stored) == 11


def test_a_source_lists_its_claims_as_origin_and_relay_in_key_order(reports_db: str) -> None:
    assert listing(reports_db, "Alpha") == ["k1", "k10", "k3"]
    assert listing(reports_db, "Reuters") == ["k10", "k2", "k3"]
    assert listing(reports_db, "Beta") == ["k1", "k10", "k2"]
    assert in_step(reports_db)


def test_origin_only_leaves_out_the_claims_a_source_relayed(reports_db: str) -> None:
    assert listing(reports_db, "Alpha", origin_only=True) == ["k1", "k3"]
    assert listing(reports_db, "Reuters", origin_only=True) == []


def test_a_page_is_the_first_claims_in_key_order(reports_db: str) -> None:
    assert listing(reports_db, "Alpha", limit=2) == ["k1", "k10"]
    assert listing(reports_db, "Beta", limit=1) == ["k1"]
    assert listing(reports_db, "Alpha", limit=0) == []


def test_several_sources_list_each_claim_once_in_key_order(reports_db: str) -> None:
    assert listing(reports_db, ["Gamma", "Alpha"]) == ["k1", "k10", "k20", "k3"]
    assert listing(reports_db, ["Gamma", "Alpha"], limit=3) == ["k1", "k10", "k20"]


def test_the_claims_own_conditions_apply_to_the_listing(reports_db: str) -> None:
    assert listing(reports_db, "Alpha", keys=["k3", "k10", "k2"]) == ["k10", "k3"]
    assert listing(reports_db, "Alpha", category="territory") == []


def test_a_merge_moves_the_reports_in_the_listing_and_an_unmerge_back(reports_db: str) -> None:
    with open_session(reports_db, write=True) as session:
        merge_claims(session, "k20", ["k1"], actor="t", command="t")
    assert listing(reports_db, "Alpha") == ["k10", "k20", "k3"]
    assert listing(reports_db, "Alpha", status=None) == ["k10", "k20", "k3"]
    assert listing(reports_db, "Gamma") == ["k20"]
    assert in_step(reports_db)
    with open_session(reports_db, write=True) as session:
        unmerge_claim(session, "k1", actor="t", command="t")
    assert listing(reports_db, "Alpha") == ["k1", "k10", "k3"]
    assert in_step(reports_db)


def test_a_relay_edited_to_another_source_moves_the_claim_between_listings(
    reports_db: str,
) -> None:
    with open_session(reports_db, write=True) as session:
        report = find_attribution(session, "k2", "Beta")
        edit(session, "attribution", report, ["via=Gamma"], reason="r", actor="t", command="t")
    assert listing(reports_db, "Reuters") == ["k10", "k3"]
    assert listing(reports_db, "Gamma") == ["k2", "k20"]
    assert in_step(reports_db)


def test_check_finds_claims_listed_under_the_wrong_source_or_missing(
    reports_db: str, cli: object
) -> None:
    with open_session(reports_db, write=True) as session:
        conn = session.connection()
        ids = dict(conn.execute(text("SELECT name, id FROM source")).all())
        report = conn.execute(
            text(
                "SELECT a.id FROM attribution a JOIN claim c ON c.id = a.claim_id "
                "WHERE c.key = 'k20'"
            )
        ).scalar_one()
        conn.execute(
            text("UPDATE claim_by_source SET source_id = :alpha WHERE attribution_id = :r"),
            {"alpha": ids["Alpha"], "r": report},
        )
    result = cli("check")  # type: ignore[operator]
    assert result.exit_code == 7
    assert [x for x in result.output.splitlines() if x.startswith("problem:")] == [
        "problem: claims by source against reports and relays: claim 'k20' is listed under "
        f"source {ids['Alpha']} as its origin (report {report})",
        "problem: claims by source against reports and relays: claim 'k20' is missing under "
        f"source {ids['Gamma']} as its origin (report {report})",
    ]


def test_check_lists_the_first_problems_and_counts_the_rest(
    reports_db: str, cli: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from provenance import audit

    monkeypatch.setattr(audit, "MAX_LISTED", 2)
    with open_session(reports_db, write=True) as session:
        session.connection().execute(text("DELETE FROM claim_by_source"))
    result = cli("check")  # type: ignore[operator]
    problems = [x for x in result.output.splitlines() if x.startswith("problem:")]
    assert len(problems) == 3
    assert problems[0].startswith(
        "problem: claims by source against reports and relays: claim 'k1' is missing under"
    )
    expected_rows = sum(1 + len([r for r in relays.split("; ") if r]) for _, _, relays in REPORTS)
    assert problems[2] == (
        f"problem: claims by source against reports and relays: and {expected_rows - 2} more"
    )


def test_a_bulk_import_fills_the_table_after_the_load_and_keeps_its_triggers(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: object
) -> None:
    import provenance.ingest

    def triggers() -> list[str]:
        with open_session(db_url) as session:
            conn = session.connection()
            if conn.dialect.name != "sqlite":
                return []
            sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'claim_by%'"
            return sorted(r[0] for r in conn.execute(text(sql)))

    first = [row(claim_key="k0", claim="Claim k0 about a figure.", source="Alpha", via="")]
    run_import(db_url, write_csv(tmp_path / "first.csv", first))
    before = triggers()
    monkeypatch.setattr(provenance.ingest, "DEFER_MIN_ROWS", 1)
    rows = [
        row(
            claim_key=key,
            claim=f"Claim {key} about a figure.",
            source=origin,
            via=relays,
            url=f"https://example.org/{i}",
        )
        for i, (key, origin, relays) in enumerate(REPORTS)
    ]
    run_import(db_url, write_csv(tmp_path / "bulk.csv", rows))
    assert triggers() == before
    with open_session(db_url) as session:
        conn = session.connection()
        stored = conn.execute(text(STORED)).all()
        assert stored == conn.execute(text(RECOMPUTED)).all()
        assert len(stored) == 1 + len(REPORTS) + 5
    assert listing(db_url, "Alpha") == ["k0", "k1", "k10", "k3"]
    monkeypatch.setattr(provenance.ingest, "DEFER_MIN_ROWS", 10**9)
    later = [row(claim_key="k5", claim="Claim k5 about a figure.", source="Alpha", via="Beta")]
    run_import(db_url, write_csv(tmp_path / "later.csv", later))
    assert listing(db_url, "Beta") == ["k1", "k10", "k2", "k5"]
    assert cli("check").exit_code == 0  # type: ignore[operator]
