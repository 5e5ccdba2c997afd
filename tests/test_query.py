"""Fact-checkers' queries on the fixture: every filter, source resolution, show."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.db import open_session
from provenance.edits import merge_source
from provenance.errors import NotFoundError, UsageError
from provenance.query import ClaimFilter, find_claims, get_claim, list_sources
from tests.helpers import row, write_csv
from tests.test_import import run_import

FORTY = "ukraine-lost-over-40-percent-of-kursk-gains"
UNNAMED_ONLY = {
    FORTY,
    "ukraine-held-531-sq-mi-at-peak",
    "ukraine-holds-309-sq-mi",
    "russia-concentrated-60000-troops-kursk",
    "russia-ramping-up-counteroffensive",
    "russia-gave-north-korea-air-defence-and-aid",
    "north-korea-sent-missiles-and-munitions",
}


def keys(db: str, **kw: object) -> set[str]:
    with open_session(db) as session:
        return {v.key for v in find_claims(session, ClaimFilter(**kw))}  # type: ignore[arg-type]


def test_source_by_key_name_or_alias(fixture_db: str) -> None:
    isw = {
        "isw-russian-forces-recently-advanced-kursk",
        "isw-geolocated-footage-progress-southeast-of-korenevo",
    }
    assert keys(fixture_db, source="ISW") == isw
    assert keys(fixture_db, source="institute for the study of war") == isw
    assert keys(fixture_db, source="isw") == isw


def test_relays_count_for_source_unless_origin_only(fixture_db: str) -> None:
    via_reuters = keys(fixture_db, source="Reuters")
    assert FORTY in via_reuters and len(via_reuters) == 5
    assert keys(fixture_db, source="Reuters", origin_only=True) == set()
    assert keys(fixture_db, via="Reuters") == via_reuters


def test_unknown_source_suggests_the_closest(fixture_db: str) -> None:
    with open_session(fixture_db) as session, pytest.raises(NotFoundError) as exc:
        find_claims(session, ClaimFilter(source="Institute for Study of War"))
    assert "did you mean 'Institute for the Study of War' (isw)" in str(exc.value)


def test_named_and_unnamed(fixture_db: str) -> None:
    assert keys(fixture_db, named=False) == UNNAMED_ONLY
    named = keys(fixture_db, named=True)
    assert not named & UNNAMED_ONLY and len(named) == 15


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        (
            {"category": "troop_count"},
            {"russia-concentrated-60000-troops-kursk", "up-to-10000-north-korean-soldiers-kursk"},
        ),
        (
            {"source_kind": "intelligence_agency", "category": "aid_transfer"},
            {"russia-gave-north-korea-air-defence-and-aid"},
        ),
        (
            {"party": "ukraine", "category": "territory"},
            {FORTY, "ukraine-held-531-sq-mi-at-peak", "ukraine-holds-309-sq-mi"},
        ),
        (
            {"subject": "north korean", "category": "troop_count"},
            {"up-to-10000-north-korean-soldiers-kursk"},
        ),
        ({"metric": "area held"}, {"ukraine-held-531-sq-mi-at-peak", "ukraine-holds-309-sq-mi"}),
        (
            {"location": "sudzha"},
            {"sudzha-taken-a-week-after-start", "sudzha-remains-under-ukrainian-control"},
        ),
        (
            {"until": "2024-08"},
            {
                "kursk-offensive-launched-august-2024",
                "kursk-first-foreign-incursion-since-ww2",
                "sudzha-taken-a-week-after-start",
                "ukrainian-efforts-extended-towards-korenevo",
                "ukraine-held-531-sq-mi-at-peak",
            },
        ),
        (
            {"search": "geolocated korenevo"},
            {"isw-geolocated-footage-progress-southeast-of-korenevo"},
        ),
        ({"search": "fray"}, {"north-korean-troops-expected-to-join"}),
        (
            {"min_reliability": "B"},
            {
                "isw-russian-forces-recently-advanced-kursk",
                "isw-geolocated-footage-progress-southeast-of-korenevo",
            },
        ),
    ],
)
def test_each_filter(fixture_db: str, kw: dict[str, str], expected: set[str]) -> None:
    assert keys(fixture_db, **kw) == expected


def test_since_matches_partial_dates_inside_the_range(fixture_db: str) -> None:
    got = keys(fixture_db, since="2024-11-20", category="territory")
    assert "ukraine-holds-309-sq-mi" in got  # dated 2024-11, which includes the 20th
    assert "ukraine-held-531-sq-mi-at-peak" in got  # dated 2024


def test_bad_filter_values_are_usage_errors(fixture_db: str) -> None:
    with open_session(fixture_db) as session:
        for kw in (
            {"category": "troops"},
            {"source_kind": "spy"},
            {"min_reliability": "Q"},
            {"since": "03/04/2024"},
        ):
            with pytest.raises(UsageError):
                find_claims(session, ClaimFilter(**kw))  # type: ignore[arg-type]


def test_order_is_stable_and_limit_applies(fixture_db: str) -> None:
    with open_session(fixture_db) as session:
        all_keys = [v.key for v in find_claims(session, ClaimFilter())]
        first = [v.key for v in find_claims(session, ClaimFilter(), limit=3)]
        by_reports = find_claims(session, ClaimFilter(), sort="reports", limit=2)
    assert all_keys == sorted(all_keys) and first == all_keys[:3]
    assert [v.reports for v in by_reports] == [3, 3]


def test_corroboration_counts_independent_origins(fixture_db: str) -> None:
    with open_session(fixture_db) as session:
        forty = get_claim(session, FORTY)
        nk = get_claim(session, "up-to-10000-north-korean-soldiers-kursk")
    assert (forty.reports, forty.origins, forty.named_origins) == (1, 1, 0)
    assert (nk.reports, nk.origins, nk.named_origins) == (3, 3, 3)


def test_sources_list_counts_origin_and_relay(fixture_db: str) -> None:
    with open_session(fixture_db) as session:
        rows = {r["key"]: r for r in list_sources(session)}
    assert (rows["reuters"]["as_origin"], rows["reuters"]["as_relay"]) == (0, 5)
    assert rows["ua-general-staff-official"]["named"] is False
    assert rows["isw"]["aliases"] == ["ISW"]


@pytest.mark.parametrize("sort", ["reports", "origins"])
def test_the_orders_by_counts_are_the_views_counts_in_order(
    db_url: str, tmp_path: Path, sort: str
) -> None:
    """The database sorts by counts it computes itself; they must be the counts each
    claim shows, sources merged into another counted as that one."""
    rows = [
        row(claim_key=key, claim=f"Claim {key}", source=name, url=f"https://e.org/{key}/{name}")
        for key, names in (("c1", "AB"), ("c2", "CDE"), ("c3", "F"), ("c4", "GH"))
        for name in names
    ]
    run_import(db_url, write_csv(tmp_path / "c.csv", rows))
    with open_session(db_url, write=True) as session:
        keys = dict(session.connection().exec_driver_sql("SELECT name, key FROM source").all())
        for other in "DE":
            merge_source(session, keys["C"], keys[other], reason="t", actor="t", command="t")
    with open_session(db_url) as session:
        listed = [(v.key, getattr(v, sort)) for v in find_claims(session, ClaimFilter(), sort=sort)]
        first = [v.key for v in find_claims(session, ClaimFilter(), sort=sort, limit=2)]
    expected = {"reports": [("c2", 3), ("c1", 2), ("c4", 2), ("c3", 1)],
                "origins": [("c1", 2), ("c4", 2), ("c2", 1), ("c3", 1)]}  # fmt: skip
    assert listed == expected[sort]
    assert first == [k for k, _ in expected[sort][:2]]
