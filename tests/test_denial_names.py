"""A denial names who claimed and who denies, so its names seldom all stand among the
claim's: a place both name, more than a side, is enough to set the denial against the
claim; a denial about another place is not set against it."""

from __future__ import annotations

from pathlib import Path

from provenance.conflicts import find_conflicts
from provenance.db import open_session
from tests.helpers import write_csv
from tests.test_import import run_import

CLAIM = {
    "claim_key": "claim",
    "claim": "Wagner head Yevgeny Prigozhin said in a video on Telegram that Bakhmut came "
    "under complete Russian control.",
    "category": "territory",
    "quantity": "",
    "as_of": "2023-05-20",
    "source": "Yevgeny Prigozhin",
    "source_kind": "military",
}


def _flagged(db_url: str, tmp_path: Path, denial: str) -> set[frozenset[str]]:
    rows = [
        CLAIM,
        {
            "claim_key": "denial",
            "claim": denial,
            "category": "territory",
            "quantity": "",
            "as_of": "2023-05-20",
            "source": "Serhiy Cherevatyi",
            "source_kind": "military",
        },
    ]
    run_import(db_url, write_csv(tmp_path / "claims.csv", rows))
    with open_session(db_url) as session:
        return {frozenset(c.claims) for c in find_conflicts(session).conflicts}


def test_a_denial_naming_its_own_speaker_answers_the_claim(db_url: str, tmp_path: Path) -> None:
    denial = (
        "Prigozhin's claim on Bakhmut is not true, Serhiy Cherevatyi, spokesman for Ukraine's "
        "eastern command, told the Associated Press."
    )
    assert frozenset({"claim", "denial"}) in _flagged(db_url, tmp_path, denial)


def test_a_denial_about_another_town_does_not(db_url: str, tmp_path: Path) -> None:
    denial = (
        "The claim on Soledar is not true, Serhiy Cherevatyi, spokesman for Ukraine's "
        "eastern command, told the Associated Press."
    )
    assert frozenset({"claim", "denial"}) not in _flagged(db_url, tmp_path, denial)
