"""Words that say a claim is not true make it a denial, in each language's lexicon."""

from __future__ import annotations

import pytest

from provenance import cues


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The claim that the city has fallen is not true, the spokesman said.", "en"),
        ("Ce n'est pas vrai, a affirmé le porte-parole de l'armée.", "fr"),
        ("Die Meldung über den Fall der Stadt ist unwahr, sagte der Sprecher.", "de"),
        ("La toma de la ciudad no es cierto, dijo el portavoz.", "es"),
        ("A tomada da cidade não é verdade, disse o porta-voz.", "pt"),
        ("La presa della città non è vero, ha detto il portavoce.", "it"),
        ("Le notizie sulla resa della città non sono vere, ha detto il portavoce.", "it"),
        ("La notizia della caduta della città non è vera, ha detto il portavoce.", "it"),
        ("قال المتحدث إن سقوط المدينة غير صحيح", "ar"),
        ("Это неправда, заявил представитель армии.", "ru"),
    ],
)
def test_not_true_words_a_denial(text: str, language: str) -> None:
    read = cues.read(
        text,
        quantity_text=None,
        figure=(),
        subject=None,
        metric=None,
        location=None,
        language=language,
    )
    assert read.denial


def test_martyrs_in_persian_are_the_dead() -> None:
    """The ezafe form ("the martyrs of ...") counts the dead as the bare plural does."""
    read = cues.read(
        "شمار شهدای حمله به ۱۲ نفر رسید",
        quantity_text="۱۲ نفر",
        figure=("12",),
        subject=None,
        metric=None,
        location=None,
        language="fa",
    )
    assert "dead" in read.concepts
