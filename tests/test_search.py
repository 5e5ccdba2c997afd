"""``--search``: terms at a word's start, numbers whatever their grouping, on both
backends; repeated filters mean any of their values."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from provenance.cli import app
from provenance.db import open_session
from provenance.query import ClaimFilter, find_claims
from provenance.search import SEPARATORS, term
from tests.helpers import row, write_csv


def found(pattern: str, text: str) -> bool:
    return re.search("(?i)" + pattern, text) is not None


def grouped(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator)


@given(st.integers(0, 10**12), st.sampled_from(["", *SEPARATORS]))
def test_a_number_is_found_however_its_digits_are_grouped(n: int, separator: str) -> None:
    pattern = term(str(n)).regex
    text = f"Officials said {grouped(n, separator)} troops."
    assert found(pattern, text)
    like = term(str(n)).like.strip("%").split("%")
    assert all(part in text for part in like)


@given(st.integers(0, 10**9), st.integers(1, 9), st.sampled_from(["", *SEPARATORS]))
def test_a_number_is_not_found_inside_a_longer_one(n: int, digit: int, separator: str) -> None:
    pattern = term(str(n)).regex
    assert not found(pattern, f"some {digit}{grouped(n, separator)} troops")
    assert not found(pattern, f"some {grouped(n, separator)}{digit} troops")
    assert not found(pattern, f"key c{n}")


@pytest.mark.parametrize(
    ("search", "text", "expected"),
    [
        ("60000", "close to 60,000 troops", True),
        ("60000", "rund 60.000 Soldaten", True),
        ("60000", "près de 60 000 soldats", True),
        ("60000", "60\u202f000 soldats", True),
        ("60000", "160,000 troops", False),
        ("60000", "60k troops", False),
        ("60,000", "close to 60,000 troops", True),
        ("troop", "60,000 troops", True),
        ("port", "a report", False),
        ("5724", "report c15724", False),
        ("5724", "report 5,724", True),
        ("Курск", "в Курской области", True),
    ],
)
def test_terms(search: str, text: str, expected: bool) -> None:
    assert found(term(search).regex, text) is expected


TEXTS = {
    "comma": "Russia has about 60,000 troops in Kursk.",
    "space": "Russland hat etwa 60 000 Soldaten in Kursk.",
    "german": "Russland hat etwa 60.000 Soldaten in Kursk.",
    "bigger": "Russia has 160,000 troops in total.",
    "key-like": "Claim c15724 of the report.",
    "number": "The report 5724 was filed.",
}


@pytest.fixture
def searchable(db_url: str, tmp_path: Path, cli: Any) -> str:
    rows = [
        row(claim_key=key, claim=text, quote=text, url=f"https://example.org/{key}")
        for key, text in TEXTS.items()
    ]
    result = cli("import", str(write_csv(tmp_path / "texts.csv", rows)))
    assert result.exit_code == 0, result.output
    return db_url


def keys(db: str, **kw: Any) -> set[str]:
    with open_session(db) as session:
        return {v.key for v in find_claims(session, ClaimFilter(**kw))}


def test_search_on_the_database(searchable: str) -> None:
    assert keys(searchable, search="60000") == {"comma", "space", "german"}
    assert keys(searchable, search="60000 kursk") == {"comma", "space", "german"}
    assert keys(searchable, search="report 5724") == {"number"}
    assert keys(searchable, search="soldat") == {"space", "german"}
    assert keys(searchable, search="oldaten") == set()
    assert keys(searchable, search=["160000", "5724"]) == {"bigger", "number"}
    assert keys(searchable, search="100%_!") == set()


def test_repeated_filters_mean_any_of_their_values(fixture_db: str, cli: Any) -> None:
    result = cli("claims", "--source", "ISW", "--source", "syrskyi", "-f", "csv")
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == [
        "key",
        "isw-geolocated-footage-progress-southeast-of-korenevo",
        "isw-russian-forces-recently-advanced-kursk",
        "syrskyi-russian-troops-not-enough",
    ]
    assert keys(fixture_db, category=["territory", "troop_count"], named=False) == {
        "russia-concentrated-60000-troops-kursk",
        "ukraine-held-531-sq-mi-at-peak",
        "ukraine-holds-309-sq-mi",
        "ukraine-lost-over-40-percent-of-kursk-gains",
    }
    both = cli("claims", "--status", "active", "--status", "retracted", "-f", "jsonl")
    assert len(both.stdout.splitlines()) == 22
    searched = cli("claims", "--search", "60000", "--search", "Korenevo", "-f", "csv")
    assert [line.split(",")[0] for line in searched.stdout.splitlines()[1:]] == [
        "isw-geolocated-footage-progress-southeast-of-korenevo",
        "russia-concentrated-60000-troops-kursk",
        "russia-reclaimed-land-near-korenevo",
        "ukrainian-efforts-extended-towards-korenevo",
    ]
    wide = CliRunner().invoke(app, ["claims", "--help"], env={"COLUMNS": "250"}).stdout
    assert "Key, name or alias (case-insensitive). Repeat for any of several." in wide


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--since", "2024", "--since", "2025"],
            "error: --since takes one value, not 2: 2024, 2025\n",
        ),
        (
            ["--until", "2024", "--until", "2025"],
            "error: --until takes one value, not 2: 2024, 2025\n",
        ),
        (
            ["--min-reliability", "B", "--min-reliability", "C"],
            "error: --min-reliability takes one value, not 2: B, C\n",
        ),
        (["--named", "--unnamed"], "error: --named and --unnamed exclude each other; give one\n"),
    ],
)
@pytest.mark.parametrize("command", ["claims", "facets", "export"])
def test_a_filter_of_one_value_given_twice_is_refused(
    fixture_db: str, cli: Any, command: str, args: list[str], message: str
) -> None:
    result = cli(command, *args)
    assert result.exit_code == 2
    assert result.stderr == message
