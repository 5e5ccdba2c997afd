"""Trucks or people waiting to pass a crossing are not those that passed: a figure of
what waits (``[measures.scopes] waiting``) is another measure than a figure of what went
through, so "20 trucks entered" beside "200 trucks waiting" is no conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.conflicts import find_conflicts
from provenance.db import open_session
from tests.helpers import read_words, write_csv
from tests.test_import import run_import


def _scopes(text: str, figure: str, language: str) -> frozenset[str]:
    return read_words(text, figure, language).scopes


@pytest.mark.parametrize(
    ("text", "figure", "language", "waiting"),
    [
        (
            "The crossing closed with around 200 trucks waiting on the Egyptian side.",
            "200",
            "en",
            True,
        ),
        ("About 175 trucks awaiting the opening have gathered in Rafah.", "175", "en", True),
        ("A convoy of 20 trucks entered the Gaza Strip on Saturday.", "20", "en", False),
        ("Quelque 200 camions attendent du côté égyptien du poste-frontière.", "200", "fr", True),
        ("Rund 200 Lastwagen warten auf der ägyptischen Seite.", "200", "de", True),
        ("Unos 200 camiones esperando en el lado egipcio del paso.", "200", "es", True),
        ("نحو 200 شاحنة تنتظر على الجانب المصري من المعبر", "200", "ar", True),
        ("Около 200 грузовиков ожидают на египетской стороне.", "200", "ru", True),
        ("Близько 200 вантажівок очікують на єгипетському боці.", "200", "uk", True),
    ],
)
def test_what_waits_to_pass_is_read(text: str, figure: str, language: str, waiting: bool) -> None:
    assert ("waiting" in _scopes(text, figure, language)) is waiting


def test_trucks_through_and_trucks_waiting_do_not_conflict(db_url: str, tmp_path: Path) -> None:
    rows = [
        {
            "claim_key": "in",
            "claim": "A humanitarian convoy of 20 trucks entered Gaza through Rafah.",
            "category": "aid_transfer",
            "quantity": "20 trucks",
            "as_of": "2023-10-21",
            "source": "Egyptian Red Crescent",
        },
        {
            "claim_key": "queue",
            "claim": "The crossing closed again with around 200 trucks waiting on the Egyptian side.",
            "category": "aid_transfer",
            "quantity": "around 200 trucks",
            "as_of": "2023-10-21",
            "source": "UN official",
        },
        {
            "claim_key": "queue2",
            "claim": "The UN counted some 20 trucks waiting on the Egyptian side of Rafah.",
            "category": "aid_transfer",
            "quantity": "some 20 trucks",
            "as_of": "2023-10-21",
            "source": "UN",
        },
    ]
    run_import(db_url, write_csv(tmp_path / "trucks.csv", rows))
    with open_session(db_url) as session:
        pairs = {frozenset(c.claims) for c in find_conflicts(session).conflicts}
    assert frozenset({"in", "queue"}) not in pairs
    assert frozenset({"queue", "queue2"}) in pairs
