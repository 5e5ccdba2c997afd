"""Auditors: claims resting on unnamed sources, and circular reporting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.audit import circular_audit, unnamed_audit
from provenance.db import open_session
from provenance.query import ClaimFilter
from tests.helpers import row, write_csv
from tests.test_query import UNNAMED_ONLY


def test_unnamed_only_on_the_fixture(fixture_db: str) -> None:
    with open_session(fixture_db) as session:
        audit = unnamed_audit(session, ClaimFilter())
    assert {r["key"] for r in audit.rows} == UNNAMED_ONLY
    assert audit.summary() == {"claims": 22, "unnamed_only": 7, "mixed": 0}
    forty = next(r for r in audit.rows if r["key"] == "ukraine-lost-over-40-percent-of-kursk-gains")
    assert forty["unnamed_origins"] == ["unnamed senior official of the Ukrainian General Staff"]
    assert forty["relayed_by"] == ["Reuters", "Daily Express"]
    assert forty["affiliations"] == ["Ukrainian General Staff"]
    groups = {g["affiliation"]: len(g["claims"]) for g in audit.groups()}
    assert groups == {"(no affiliation)": 1, "South Korea": 1, "Ukrainian General Staff": 5}


def test_any_includes_mixed_claims_and_flags_possible_identity(db_url: str, tmp_path: Path) -> None:
    from tests.test_import import run_import

    rows = [
        row(
            claim_key="ad",
            source="unnamed South Korean intelligence source",
            source_named="false",
            source_affiliation="South Korea",
            source_kind="intelligence_agency",
        ),
        row(
            claim_key="ad",
            source="Shin Won-sik",
            source_named="true",
            source_kind="official",
            source_affiliation="South Korea national security adviser",
            via="",
        ),
        row(claim_key="only", claim="Another claim", source="unnamed General Staff official"),
    ]
    run_import(db_url, write_csv(tmp_path / "m.csv", rows))
    with open_session(db_url) as session:
        default = unnamed_audit(session, ClaimFilter())
        anyone = unnamed_audit(session, ClaimFilter(), any_unnamed=True)
    assert [r["key"] for r in default.rows] == ["only"]
    assert default.summary() == {"claims": 2, "unnamed_only": 1, "mixed": 1}
    mixed = next(r for r in anyone.rows if r["key"] == "ad")
    assert mixed["rests_on"] == "mixed"
    assert mixed["possibly_identified"] == [
        "unnamed South Korean intelligence source may be Shin Won-sik"
    ]


def test_circular_reporting(db_url: str, tmp_path: Path) -> None:
    from tests.test_import import run_import

    outlets = ["Reuters", "BBC", "Daily Express", "Bild"]
    rows = [row(via=o, url=f"https://e.org/{o}") for o in outlets]
    rows.append(
        row(
            claim_key="c2",
            claim="Other claim",
            source="ISW",
            source_named="true",
            url="https://e.org/2",
        )
    )
    rows.append(
        row(
            claim_key="c2",
            claim="Other claim",
            source="UK MoD",
            source_named="true",
            url="https://e.org/3",
        )
    )
    run_import(db_url, write_csv(tmp_path / "c.csv", rows))
    with open_session(db_url) as session:
        found = circular_audit(session, ClaimFilter(), min_reports=3)
    assert [(r["key"], r["reports"], r["documents"]) for r in found] == [("c1", 4, 4)]
    assert found[0]["relayed_by"] == sorted(outlets)


def test_audit_cli_formats(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    table = cli("audit", "unnamed")
    assert table.exit_code == 0
    assert (
        "22 claims: 7 rest only on unnamed sources, 0 mix named and unnamed origins" in table.output
    )
    data = json.loads(cli("audit", "unnamed", "--format", "json").output)
    assert data["summary"] == {"claims": 22, "unnamed_only": 7, "mixed": 0}
    csv_out = cli("audit", "unnamed", "--format", "csv").output.splitlines()
    assert csv_out[0].startswith("affiliations,key,claim") and len(csv_out) == 8
    circular = cli("audit", "circular")
    assert circular.exit_code == 0 and "no claim has several reports" in circular.output


def test_circular_reporting_sees_merged_sources_as_one_origin(db_url: str, tmp_path: Path) -> None:
    from provenance.edits import merge_source
    from tests.test_import import run_import

    rows = [
        row(claim_key="c3", claim="Bridge hit", source=name, source_named="true", via=o,
            url=f"https://e.org/{name}/{o}")
        for name in ("ISW", "Institute for the Study of War")
        for o in ("Reuters", "BBC")
    ]  # fmt: skip
    run_import(db_url, write_csv(tmp_path / "c.csv", rows))
    with open_session(db_url) as session:
        assert circular_audit(session, ClaimFilter(), min_reports=3) == []
    with open_session(db_url, write=True) as session:
        keys = dict(session.connection().exec_driver_sql("SELECT name, key FROM source").all())
        merge_source(
            session,
            keys["ISW"],
            keys["Institute for the Study of War"],
            reason="one think tank",
            actor="t",
            command="t",
        )
    with open_session(db_url) as session:
        found = circular_audit(session, ClaimFilter(), min_reports=3)
        assert [(r["key"], r["reports"], r["origin"]) for r in found] == [("c3", 4, "ISW")]
        assert circular_audit(session, ClaimFilter(), min_reports=5) == []


def test_circular_reporting_lists_most_reports_first_across_chunks(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims come most reports first, ties by key in code-point order, chunk after chunk;
    every claim with one origin is listed once, the rest never."""
    from provenance import audit
    from tests.test_import import run_import

    reports = {"b": 2, "É": 3, "a": 3, "z": 2, "c": 4, "Z": 3}
    rows = [
        row(
            claim_key=key,
            claim=f"Claim {key}",
            via=f"Outlet {i}",
            url=f"https://e.org/{ord(key)}/{i}",
        )
        for key, n in reports.items()
        for i in range(n)
    ]
    rows.append(row(claim_key="b", claim="Claim b", source="ISW", url="https://e.org/b/isw"))
    run_import(db_url, write_csv(tmp_path / "c.csv", rows))
    monkeypatch.setattr(audit, "LISTED_CHUNK", 2)
    with open_session(db_url) as session:
        found = [(r["key"], r["reports"]) for r in circular_audit(session, ClaimFilter())]
    assert found == [("c", 4), ("Z", 3), ("a", 3), ("É", 3), ("z", 2)]
