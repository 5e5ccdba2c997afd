"""The words of an institution's name ("the Health Ministry", "le ministère de la Santé",
"a Hamas-run ministry") are capitalised but name no place: two reports of one toll, one
naming the ministry and one not, must read the same places."""

from __future__ import annotations

import pytest

from tests.helpers import read_words


def _places(text: str, figure: str, language: str) -> frozenset[str]:
    return read_words(text, figure, language).places


@pytest.mark.parametrize(
    ("text", "figure", "language", "not_place"),
    [
        (
            "The toll rose to 8,796, the Health Ministry in Gaza said on Wednesday.",
            "8,796",
            "en",
            "health",
        ),
        (
            "The toll rose to 8,796, the Health Ministry in Gaza said on Wednesday.",
            "8,796",
            "en",
            "ministry",
        ),
        (
            "Officials of the Hamas-run authority said 7,028 people were killed.",
            "7,028",
            "en",
            "run",
        ),
        (
            "The figure of 1,200 was given by the Foreign Ministry in Jerusalem.",
            "1,200",
            "en",
            "foreign",
        ),
        ("Le bilan est de 471 morts, selon le ministère de la Santé à Gaza.", "471", "fr", "sante"),
        (
            "Según el Ministerio de Sanidad de Gaza, murieron 7.326 personas.",
            "7.326",
            "es",
            "sanidad",
        ),
        ("O Ministério da Saúde de Gaza anunciou 7.703 mortos.", "7.703", "pt", "saude"),
        ("Il ministero della Salute di Gaza ha annunciato 7.703 morti.", "7.703", "it", "salute"),
        (
            "Как сообщило Министерство здравоохранения Газы, погибли 8306 человек.",
            "8306",
            "ru",
            "министерство",
        ),
        (
            "Як повідомило Міністерство охорони здоров'я Гази, загинули 8306 людей.",
            "8306",
            "uk",
            "міністерство",
        ),
    ],
)
def test_institution_words_are_no_places(
    text: str, figure: str, language: str, not_place: str
) -> None:
    places = _places(text, figure, language)
    assert places, "the place is still read"
    assert not_place not in places
