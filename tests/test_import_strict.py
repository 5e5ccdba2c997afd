"""Nothing silently altered on import: differing grades are errors or logged fill-ins,
values of the wrong type are field errors, figures are finite and in range, keys are
NFC, lookalike names are flagged, and hostile shapes are bounded."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from provenance.errors import InputError
from tests.helpers import count
from tests.test_import import run_import


def _csv(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def _problems(db: str, path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        run_import(db, path)
    return [str(p) for p in info.value.problems]


HEAD = "claim_key,claim,source,credibility,hedges\n"


def test_a_reimported_report_with_other_grades_is_an_error(db_url: str, tmp_path: Path) -> None:
    run_import(db_url, _csv(tmp_path / "a.csv", HEAD + "k1,one,S,2,reportedly\n"))
    b = _csv(tmp_path / "b.csv", HEAD + "k1,one,S,5,reportedly\n")
    assert _problems(db_url, b) == [
        f"{b}:2: credibility: 5 differs from the stored 2 of the report of claim 'k1' by 's'"
    ]
    c = _csv(tmp_path / "c.csv", HEAD + "k1,one,S,2,allegedly\n")
    assert _problems(db_url, c) == [
        f"{c}:2: hedges: 'allegedly' differs from the stored 'reportedly' of the report "
        "of claim 'k1' by 's'"
    ]
    same = run_import(db_url, _csv(tmp_path / "d.csv", HEAD + "k1,one,S,,\n"))
    assert same.counts.unchanged == 1 and same.counts.filled_in == 0


def test_two_lines_of_one_report_must_agree(db_url: str, tmp_path: Path) -> None:
    e = _csv(tmp_path / "e.csv", HEAD + "k2,two,S,3,\nk2,two,S,4,\n")
    assert _problems(db_url, e) == [
        f"{e}:3: credibility: 4 differs from the 3 given on an earlier line for the report "
        "of claim 'k2' by 's'"
    ]


def test_an_ungraded_report_is_filled_in_and_logged(db_url: str, tmp_path: Path) -> None:
    run_import(db_url, _csv(tmp_path / "a.csv", HEAD + "k3,three,S,,\n"))
    report = run_import(db_url, _csv(tmp_path / "b.csv", HEAD + "k3,three,S,3,reportedly\n"))
    assert report.counts.filled_in == 2
    assert count(db_url, "attribution", "credibility = 3 AND hedges = 'reportedly'") == 1
    assert count(db_url, "event", "action = 'fill_in' AND entity = 'attribution'") == 1


def test_json_values_of_the_wrong_type_are_field_errors(db_url: str, tmp_path: Path) -> None:
    doc = {
        "format": "provenance/1",
        "sources": [{"key": "s", "name": "S", "aliases": [1], "party": False}],
        "claims": [
            {
                "key": "j",
                "text": True,
                "subject": ["a"],
                "location": 12,
                "attributions": [{"source": "s", "credibility": 3, "hedges": [{"x": 1}]}],
            }
        ],
    }
    path = tmp_path / "t.json"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    found = _problems(db_url, path)
    assert found == [
        f"{path}:4: party: expected text, not false",
        f"{path}:4: aliases: entries must be text, not a number",
        f"{path}:14: text: expected text, not true",
        f"{path}:14: subject: expected text, not a list",
        f"{path}:14: location: expected text, not a number",
        f"{path}:22: hedges: entries must be text, not a mapping",
    ]
    assert not any("True" in p or "['a']" in p for p in found)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ("1e308,square miles", "value: '1e308' is out of range (at most 1e+15)"),
        ("inf,km2", "value: 'inf' is not a finite number"),
    ],
)
def test_figures_are_finite_and_in_range(
    db_url: str, tmp_path: Path, cells: str, expected: str
) -> None:
    path = _csv(tmp_path / "q.csv", f"claim_key,claim,source,value,unit\nq,big,S,{cells}\n")
    assert _problems(db_url, path) == [f"{path}:2: {expected}"]


def test_a_parsed_figure_out_of_range_is_refused(db_url: str, tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "q.csv",
        'claim_key,claim,source,quantity\nq,big,S,"100,000,000,000,000,000 square miles"\n',
    )
    assert _problems(db_url, path) == [
        f"{path}:2: quantity: '100,000,000,000,000,000 square miles' is out of range (at most 1e+15)"
    ]


def test_keys_and_names_are_nfc(db_url: str, tmp_path: Path) -> None:
    nfd, nfc = "cafe\u0301-key", "caf\u00e9-key"
    run_import(db_url, _csv(tmp_path / "a.csv", f"claim_key,claim,source\n{nfd},one,Cafe\u0301\n"))
    run_import(db_url, _csv(tmp_path / "b.csv", f"claim_key,claim,source\n{nfc},one,Caf\u00e9\n"))
    assert count(db_url, "claim") == 1 and count(db_url, "source") == 1
    assert count(db_url, "claim", f"key = '{nfc}'") == 1


def test_a_lookalike_source_name_is_flagged(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run_import(db_url, _csv(tmp_path / "a.csv", "claim_key,claim,source\nr1,one,Reuters\n"))
    spoof = "R\u0435ut\u0435rs"
    report = run_import(
        db_url, _csv(tmp_path / "b.csv", f"claim_key,claim,source\nr2,two,{spoof}\n")
    )
    assert [str(w) for w in report.warnings] == [
        f"{tmp_path / 'b.csv'}:2: source: {spoof!r} mixes Cyrillic and Latin letters and looks "
        "like the existing source 'Reuters' (reuters)"
    ]
    listed = cli("sources", "--duplicates", "--format", "csv").output
    assert "look alike (letters of another script)" in listed and "reuters" in listed


def test_deep_nesting_is_a_problem_not_a_crash(db_url: str, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "provenance/1", "claims": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert _problems(db_url, deep) == [f"{deep}:1: lists and mappings are nested too deeply"]
    deep_yaml = tmp_path / "deep.yaml"
    deep_yaml.write_text("claims: " + "[" * 100_000 + "]" * 100_000 + "\n")
    (problem,) = _problems(db_url, deep_yaml)
    assert "nest" in problem


def test_a_huge_integer_is_a_problem(db_url: str, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    claim = {"key": "k", "text": "t", "attributions": [{"source": "s"}]}
    big.write_text(
        json.dumps({"format": "provenance/1", "claims": [claim]}).replace(
            '"t"', '"t", "quantity": {"value": ' + "9" * 400 + "}"
        )
    )
    assert _problems(db_url, big) == [f"{big}:1: a 400-digit integer is out of range"]
    huge_float = tmp_path / "float.json"
    huge_float.write_text('{"format": "provenance/1", "claims": [1e400]}')
    assert _problems(db_url, huge_float) == [
        f"{huge_float}:1: 1e400 is out of range (numbers must be finite)"
    ]


def test_a_million_column_header_answers_fast(db_url: str, tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(["claim"] * 1_000_000) + "\n")
    started = time.monotonic()
    found = _problems(db_url, wide)
    assert time.monotonic() - started < 10
    assert found[0] == f"{wide}:1: header: the header has 1000000 columns; at most 1000 are read"


def test_a_relay_only_source_keeps_its_kind_and_named_flag_through_export(
    cli, db_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    nested = tmp_path / "relay.yaml"
    nested.write_text(
        "format: provenance/1\n"
        "sources:\n"
        "  - {key: origin, name: Origin Ministry, kind: government}\n"
        "  - {key: relay, name: unnamed aide, kind: official, named: false}\n"
        "  - {key: wire, name: Wire Agency, kind: news_agency}\n"
        "claims:\n"
        "  - key: k\n"
        "    text: A claim relayed twice.\n"
        "    attributions:\n"
        "      - {source: origin, via: [relay, wire]}\n",
        encoding="utf-8",
    )
    assert cli("import", str(nested)).exit_code == 0
    exported = tmp_path / "out.csv"
    assert cli("export", "-o", str(exported)).exit_code == 0
    second = str(tmp_path / "second.db")
    assert cli("import", "--db", second, str(exported)).exit_code == 0
    listed = cli("sources", "--db", second, "--format", "csv").output.splitlines()
    by_key = {line.split(",")[0]: line for line in listed[1:]}
    assert ",official,false," in by_key["relay"]
    assert ",news_agency,true," in by_key["wire"]
