"""Figures whose unit is a participle ("136 gestartet", "100 abgeschossen") in conflicts: the
same deed compares across languages, a part never with its whole. The claims' words name
nothing counted, so only their subject, metric and unit say what they measure."""

from __future__ import annotations

from pathlib import Path

from provenance.conflicts import find_conflicts
from provenance.db import open_session
from tests.helpers import row, write_csv
from tests.test_import import run_import


def _drones(key: str, claim: str, quantity: str, language: str, outlet: str) -> dict[str, str]:
    return row(
        claim_key=key,
        claim=claim,
        category="other",
        subject="Russian drones",
        metric="night attack",
        location="",
        quantity=quantity,
        quote=quantity,
        as_of="2025-05-05",
        published="2025-05-05",
        language=language,
        outlet=outlet,
        via=outlet,
        url=f"https://example.org/{key}",
    )


def _conflicts(db: str, tmp_path: Path, rows: list[dict[str, str]]) -> list[tuple[str, ...]]:
    run_import(db, write_csv(tmp_path / "drones.csv", rows))
    with open_session(db) as session:
        return sorted(tuple(c.claims) for c in find_conflicts(session).conflicts)


def test_a_participle_compares_with_the_same_deed_in_another_language(
    db_url: str, tmp_path: Path
) -> None:
    rows = [
        _drones("de", "Angaben der Luftwaffe zur Nacht", "136 gestartet", "de", "Spiegel"),
        _drones("en", "Air Force figures for the night", "180 launched", "en", "Reuters"),
    ]
    assert _conflicts(db_url, tmp_path, rows) == [("de", "en")]


def test_a_part_does_not_conflict_with_its_whole(db_url: str, tmp_path: Path) -> None:
    rows = [
        _drones("shot", "Angaben der Luftwaffe zur Nacht", "100 abgeschossen", "de", "Zeit"),
        _drones("launched", "Air Force figures for the night", "180 launched", "en", "Reuters"),
    ]
    assert _conflicts(db_url, tmp_path, rows) == []
