"""Export with every status, then import into an empty database, is exact.

Retracted claims come back retracted, merged claims come back merged into their target
with their own text and reports, merged sources come back merged; each is an event in
the new database's log, and exporting that database gives the same bytes.
"""

from __future__ import annotations

import csv
import io
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
    reasons = {
        (r["claim_key"], r["status_reason"], r["source_key"], r["source_merge_reason"])
        for r in json.loads(exported)
        if r["status_reason"] or r["source_merge_reason"]
    }
    assert {r[1] for r in reasons if r[0] == RETRACTED} == {"wrong town"}
    assert {r[1] for r in reasons if r[0] == "ua-held-kursk-km2-2024-11-de"} == {"same report"}
    assert {r[2:] for r in reasons if r[3]} == {(o, "one source") for _, o in SOURCE_MERGES}
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


def _reasons(cli) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    events = json.loads(cli("log", "--format", "json").stdout)
    return sorted(
        (e["action"], e["entity_key"], e["after"]["reason"])
        for e in events
        if e["action"] in ("merge", "retract", "merge_source")
    )


def test_reasons_come_back_with_their_merges_and_retractions(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history(cli)
    before = _reasons(cli)
    exported = tmp_path / "all.csv"
    assert cli("export", "--status", "all", "-o", str(exported)).exit_code == 0
    monkeypatch.setenv("PROVENANCE_DB", str(tmp_path / "empty.db"))
    assert cli("import", str(exported)).exit_code == 0
    assert _reasons(cli) == before
    assert ("retract", RETRACTED, "wrong town") in before


SOURCES_ONLY = """\
format: provenance/1
sources:
  - {key: wire, name: Wire Agency, kind: news_agency, party: none, reliability: B}
  - {key: wire-desk, name: Wire Agency desk, kind: news_agency}
  - {key: bystander, name: Bystander, kind: news_outlet}
claims:
  - key: c1
    text: 5,000 troops crossed the border
    as_of: "2024-08-10"
    attributions:
      - source: wire-desk
"""


def test_a_source_only_merged_into_is_exported_in_a_row_of_its_own(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source that another was merged into, but that no report names, gets a row with
    only its source columns; an import creates it, so the merge comes back."""
    assert cli("import", str(_write(tmp_path / "s.yaml", SOURCES_ONLY))).exit_code == 0
    result = cli("merge-source", "wire", "wire-desk", "--reason", "one agency")
    assert result.exit_code == 0, result.output
    first = cli("export", "--status", "all").stdout
    columns, *lines = csv.reader(io.StringIO(first))
    assert len(lines) == 2
    last = dict(zip(columns, lines[1], strict=True))
    assert {k: v for k, v in last.items() if v} == {
        "source": "Wire Agency",
        "source_kind": "news_agency",
        "source_named": "true",
        "reliability": "B",
        "source_key": "wire",
        "source_party": "none",
    }
    row = dict(zip(columns, lines[0], strict=True))
    assert (row["source_key"], row["source_merged_into"], row["source_merge_reason"]) == (
        "wire-desk",
        "wire",
        "one agency",
    )
    records = json.loads(cli("export", "--status", "all", "--format", "json").stdout)
    assert [r["source_key"] for r in records] == ["wire-desk", "wire"]
    assert records[1]["claim"] is None
    monkeypatch.setenv("PROVENANCE_DB", str(tmp_path / "empty.db"))
    path = _write(tmp_path / "all.csv", first)
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    assert cli("export", "--status", "all").stdout == first
    sources = json.loads(cli("sources", "--format", "json").stdout)
    assert "bystander" not in {s["key"] for s in sources}


def test_a_row_naming_only_a_source_creates_it(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(
        tmp_path / "s.csv",
        "claim,source,source_key,source_kind,quote\n,Wire Agency,wire,news_agency,\n",
    )
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    sources = json.loads(cli("sources", "--format", "json").stdout)
    assert [(s["key"], s["name"], s["kind"]) for s in sources] == [
        ("wire", "Wire Agency", "news_agency")
    ]
    assert json.loads(cli("claims", "--format", "json").stdout) == []


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
        (
            "a,Claim A,ISW,active,,why\n",
            "2: status_reason: given for a claim that is neither merged nor retracted",
        ),
        (
            "a,Claim A,ISW,retracted,,wrong\na,Claim A,Oryx,retracted,,false\n",
            "3: status_reason: 'false' differs from the 'wrong' given for claim 'a'",
        ),
        (
            "a,Claim A,ISW,,,,,dup\n",
            "2: source_merge_reason: given for a source that is not merged",
        ),
        (
            ",,ISW,,,,,,x\n",
            "2: claim: required",
        ),
    ],
)
def test_statuses_that_cannot_be_applied_are_refused(
    cli, tmp_path: Path, rows: str, problem: str
) -> None:  # type: ignore[no-untyped-def]
    header = "claim_key,claim,source,status,merged_into,status_reason,source_merged_into,"
    padded = "".join(line + "," * (8 - line.count(",")) + "\n" for line in rows.splitlines())
    path = _write(tmp_path / "s.csv", header + "source_merge_reason,quote\n" + padded)
    result = cli("import", str(path))
    assert result.exit_code == 3
    assert f"{path}:{problem}" in result.stderr.splitlines()[1:], result.stderr
