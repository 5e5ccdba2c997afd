"""Export with every status, then import into an empty database, is exact.

Retracted claims come back retracted, merged claims come back merged into their target
with their own text and reports, merged sources come back merged; each is an event in
the new database's log, and exporting that database gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import FIXTURE, ROOT

MERGES = [
    ("ua-held-kursk-km2-2024-11", "ua-held-kursk-km2-2024-11-de"),
    ("russia-reclaimed-land-near-korenevo", "russia-regained-ground-western-kursk"),
    ("russia-ramping-up-counteroffensive", "russia-reclaimed-land-near-korenevo"),
]
RETRACTED = "sudzha-taken-a-week-after-start"
SOURCE_MERGES = [
    ("reuters", "daily-express"),
    ("ua-general-staff-official", "south-korean-intelligence-source"),
]


def _history(cli) -> None:  # type: ignore[no-untyped-def]
    example = ROOT / "fixtures" / "example_attributions.csv"
    assert cli("import", str(FIXTURE), str(example)).exit_code == 0
    for keep, other in MERGES:
        assert cli("merge", keep, other, "--reason", "same report").exit_code == 0
    assert cli("retract", RETRACTED, "--reason", "wrong town").exit_code == 0
    for keep, other in SOURCE_MERGES:
        result = cli("merge-source", keep, other, "--reason", "one source")
        assert result.exit_code == 0, result.output


def _statuses(cli) -> dict[str, tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    listed = json.loads(cli("claims", "--status", "all", "--format", "json").stdout)
    out = {}
    for c in listed:
        shown = json.loads(cli("show", c["key"], "--format", "json").stdout)
        out[c["key"]] = (shown["status"], shown["merged_into"])
    return out


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_all_then_import_into_an_empty_database_is_exact(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    _history(cli)
    before = _statuses(cli)
    first = tmp_path / "first.csv"
    assert cli("export", "--status", "all", "-o", str(first)).exit_code == 0
    json_first = cli("export", "--status", "all", "--format", fmt).stdout
    monkeypatch.setenv("PROVENANCE_DB", str(tmp_path / "empty.db"))
    result = cli("import", str(first))
    assert result.exit_code == 0, result.output
    second = tmp_path / "second.csv"
    assert cli("export", "--status", "all", "-o", str(second)).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    assert cli("export", "--status", "all", "--format", fmt).stdout == json_first
    assert _statuses(cli) == before
    assert cli("check").exit_code == 0
    actions = [e["action"] for e in json.loads(cli("log", "--format", "json").stdout)]
    assert actions.count("merge") == 3
    assert actions.count("retract") == 1
    assert actions.count("merge_source") == 2


def test_merged_and_retracted_claims_keep_their_text_and_reports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _history(cli)
    exported = cli("export", "--status", "all", "--format", "json").stdout
    rows = {(r["claim_key"], r["status"], r["merged_into"]) for r in json.loads(exported)}
    assert ("ua-held-kursk-km2-2024-11-de", "merged", "ua-held-kursk-km2-2024-11") in rows
    assert (RETRACTED, "retracted", None) in rows
    merged_sources = {
        (r["source_key"], r["source_merged_into"])
        for r in json.loads(exported)
        if r["source_merged_into"]
    }
    assert merged_sources == {(o, k) for k, o in SOURCE_MERGES}
    default = cli("export", "--format", "json").stdout
    assert {r["status"] for r in json.loads(default)} == {"active"}
    assert "ua-held-kursk-km2-2024-11-de" not in {r["claim_key"] for r in json.loads(default)}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_status_given_for_a_stored_claim(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = "claim_key,claim,source,status,merged_into\n"
    base = _write(tmp_path / "a.csv", header + "a,Claim A,ISW,,\nb,Claim B,ISW,,\n")
    assert cli("import", str(base)).exit_code == 0
    retract = _write(tmp_path / "r.csv", header + "a,Claim A,ISW,retracted,\n")
    assert cli("import", str(retract)).exit_code == 0
    assert json.loads(cli("show", "a", "--format", "json").stdout)["status"] == "retracted"
    back = _write(tmp_path / "x.csv", header + "a,Claim A,ISW,active,\n")
    refused = cli("import", str(back))
    assert refused.exit_code == 3
    assert refused.stderr.splitlines()[1:] == [
        f"{back}:2: status: 'active' differs from the stored 'retracted' of claim 'a'"
    ]


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (
            "a,Claim A,ISW,merged,\n",
            "2: merged_into: a merged claim needs the key of the claim it was merged into",
        ),
        ("a,Claim A,ISW,active,b\n", "2: merged_into: given for a claim whose status is 'active'"),
        ("a,Claim A,ISW,merged,a\n", "2: merged_into: a claim cannot be merged into itself"),
        ("a,Claim A,ISW,merged,zz\n", "2: merged_into: no claim 'zz'"),
        (
            "a,Claim A,ISW,merged,b\nb,Claim B,ISW,merged,a\n",
            "2: merged_into: claim 'a' and 'b' are merged into each other",
        ),
        (
            "a,Claim A,ISW,retracted,\na,Claim A,Oryx,active,\n",
            "3: status: 'active' differs from the 'retracted' given for claim 'a'",
        ),
    ],
)
def test_statuses_that_cannot_be_applied_are_refused(
    cli, tmp_path: Path, rows: str, problem: str
) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "s.csv", "claim_key,claim,source,status,merged_into\n" + rows)
    result = cli("import", str(path))
    assert result.exit_code == 3
    assert f"{path}:{problem}" in result.stderr.splitlines()[1:], result.stderr
