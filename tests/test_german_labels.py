"""German capitalises every noun, so a German subject's capitalised words are not all
names: only the words standing where a name stands (a label of one word, a word after
"im", "in", "bei" or after another capitalised word) are read as places."""

from __future__ import annotations

import pytest

from tests.helpers import read_words


def _places(subject: str, language: str = "de") -> frozenset[str]:
    return read_words(
        "Die Zahl stieg auf 8796.", "8796", language, subject=subject, quantity_text="8796"
    ).places


@pytest.mark.parametrize(
    ("subject", "places", "not_places"),
    [
        ("Tote im Gazastreifen seit Beginn des Krieges", {"gazastreifen"}, {"beginn", "krieges"}),
        ("Angriff auf das Al Ahli Krankenhaus", {"ahli"}, {"angriff"}),
        ("Tote bei Angriffen auf das Lager Zamzam", {"zamzam"}, set()),
        ("Bachmut", {"bachmut"}, set()),
        ("Bürgerkriegstote im Sudan", {"sudan"}, {"burgerkriegstote"}),
    ],
)
def test_german_subject_names_only_places(
    subject: str, places: set[str], not_places: set[str]
) -> None:
    read = _places(subject)
    assert places <= read
    assert not (not_places & read)


def test_other_languages_keep_every_capitalised_word_of_a_label() -> None:
    assert {"ahli", "arab"} <= _places("Blast at Ahli Arab Hospital", "en")
