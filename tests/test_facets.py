"""Facet counts: each count is what the filter narrowed by that value finds, on both
backends, and the ``facets`` command prints them exactly, in every format."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.db import open_session
from provenance.errors import UsageError
from provenance.facets import DIMENSIONS, FacetValue, facet_counts
from provenance.query import ClaimFilter, count_claims

NARROW = {
    "source": lambda v: {"source": v, "origin_only": True},
    "party": lambda v: {"party": v},
    "category": lambda v: {"category": v},
    "named": lambda v: {"named": v == "named"},
    "rating": lambda v: {"rating": v},
}


def _rate(cli: Any, key: str, rating: str) -> None:
    result = cli("verdict", key, "--rating", rating, "--by", "Example Check")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("base", [{}, {"category": "territory"}, {"named": False}])
def test_each_count_is_what_the_narrowed_filter_finds(
    cli: Any, fixture_db: str, base: dict[str, Any]
) -> None:
    _rate(cli, "ukraine-holds-309-sq-mi", "Unproven")
    _rate(cli, "russia-concentrated-60000-troops-kursk", "unproven")
    with open_session(fixture_db) as session:
        found = facet_counts(session, ClaimFilter(**base), list(NARROW), limit=None)
        for dimension, values in found.items():
            assert values, dimension
            for v in values:
                if v.value is None:
                    continue
                narrowed = ClaimFilter(**{**base, **NARROW[dimension](v.value)})
                assert v.count == count_claims(session, narrowed), (dimension, v)
    assert found["rating"] == [FacetValue("unproven", 2, "unproven")] or base


def test_whole_fixture_counts(fixture_db: str) -> None:
    with open_session(fixture_db) as session:
        found = facet_counts(session, ClaimFilter(), ["named", "category", "party"])
    assert found == {
        "named": [FacetValue("named", 15, "named"), FacetValue("unnamed", 7, "unnamed")],
        "category": [
            FacetValue("advance", 8, "advance"),
            FacetValue("statement", 6, "statement"),
            FacetValue("territory", 4, "territory"),
            FacetValue("aid_transfer", 2, "aid_transfer"),
            FacetValue("troop_count", 2, "troop_count"),
        ],
        "party": [
            FacetValue("none", 14, "none"),
            FacetValue("Ukraine", 9, "Ukraine"),
            FacetValue(None, 1, None),
        ],
    }


def test_limit_keeps_the_largest_and_source_is_seen_through_merges(
    cli: Any, fixture_db: str
) -> None:
    with open_session(fixture_db) as session:
        top = facet_counts(session, ClaimFilter(), ["source"], limit=2)["source"]
    assert top == [
        FacetValue("daily-express", 9, "Daily Express"),
        FacetValue(
            "ua-general-staff-official", 5, "unnamed senior official of the Ukrainian General Staff"
        ),
    ]
    result = cli("merge-source", "ukraine-government", "syrskyi", "--reason", "test")
    assert result.exit_code == 0, result.output
    with open_session(fixture_db) as session:
        sources = {
            v.value: v.count for v in facet_counts(session, ClaimFilter(), ["source"])["source"]
        }
        merged = count_claims(session, ClaimFilter(source="ukraine-government", origin_only=True))
    assert "syrskyi" not in sources
    assert sources["ukraine-government"] == merged == 2


def test_measure_is_counted_only_over_matching_claims(fixture_db: str) -> None:
    with open_session(fixture_db) as session:
        everything = facet_counts(session, ClaimFilter(), ["measure"])["measure"]
        territory = facet_counts(session, ClaimFilter(category="territory"), ["measure"])
    assert sum(v.count for v in everything) == 5
    assert territory["measure"] == [
        FacetValue("territory: territory in kursk", 2, "territory: territory in kursk"),
        FacetValue(
            "territory: territory (change) in kursk", 1, "territory: territory (change) in kursk"
        ),
    ]


def test_unknown_dimension_is_refused(fixture_db: str) -> None:
    with open_session(fixture_db) as session, pytest.raises(UsageError, match="unknown facet 'x'"):
        facet_counts(session, ClaimFilter(), ["x"])
    assert "measure" in DIMENSIONS


CASES = [
    pytest.param(
        ["facets", "--by", "named", "--by", "party"],
        """\
   facets of 22 claims
facet  value        count
─────────────────────────
named  named        15
       unnamed      7
party  none         14
       Ukraine      9
       (not given)  1
""",
        id="table",
    ),
    pytest.param(
        ["facets", "-b", "category", "--unnamed", "-n", "2", "-f", "csv"],
        """\
facet,value,label,count
category,territory,territory,3
category,aid_transfer,aid_transfer,2
""",
        id="csv",
    ),
    pytest.param(
        ["facets", "-b", "source", "--category", "troop_count", "-f", "jsonl"],
        """\
{"facet": "source", "value": "south-korean-intelligence", "label": "South Korean intelligence", "count": 1}
{"facet": "source", "value": "ua-general-staff-official", "label": "unnamed senior official of the Ukrainian General Staff", "count": 1}
{"facet": "source", "value": "ukrainian-intelligence", "label": "Ukrainian intelligence", "count": 1}
{"facet": "source", "value": "us-intelligence", "label": "US intelligence", "count": 1}
""",
        id="jsonl",
    ),
    pytest.param(
        ["facets", "-b", "named", "-b", "rating", "--source", "ISW", "-f", "json"],
        """\
{
  "named": [
    {
      "value": "named",
      "label": "named",
      "count": 2
    }
  ],
  "rating": []
}
""",
        id="json",
    ),
]


@pytest.mark.parametrize(("args", "stdout"), CASES)
def test_facets_command_output(fixture_db: str, args: list[str], stdout: str) -> None:
    result = CliRunner().invoke(app, args, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert result.stdout == stdout
    assert result.stderr == ""
