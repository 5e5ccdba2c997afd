"""International bodies named in source names and claim texts (``[organisations]`` of
each lexicon file): one body however each language writes it, and never a place."""

from __future__ import annotations

import pytest

from provenance import cues, lexicon, organisations
from provenance.folding import script_of
from provenance.measures import origin_words


def _entries(code: str) -> list[tuple[str, str]]:
    table = lexicon.section(code, "organisations")
    return [(body, str(name)) for body, names in table.items() for name in names]


@pytest.mark.parametrize("code", lexicon.languages())
def test_each_language_lists_bodies_english_knows_once(code: str) -> None:
    """Keys are bodies the English file lists; every entry has words (and stems long
    enough); no entry stands for two bodies; a one-word entry in a script with capitals
    begins with one, since a word written in lower case never matches it."""
    english = set(lexicon.section("en", "organisations"))
    owner: dict[tuple[str, ...], str] = {}
    for body, name in _entries(code):
        assert body in english, (code, body)
        entry = organisations._entry(name, body)
        assert entry is not None, (code, name)
        assert owner.setdefault(entry.words, body) == body, (code, name, owner[entry.words])
        if len(entry.words) == 1 and script_of(name) in ("latin", "cyrillic", "greek"):
            assert name[:1].isupper(), (code, name)


@pytest.mark.parametrize(
    ("name", "bodies"),
    [
        ("WHO (Tedros Adhanom Ghebreyesus)", {"who"}),
        ("WHO-Generaldirektor Tedros Adhanom Ghebreyesus", {"who"}),
        ("Organisation mondiale de la santé (OMS)", {"who"}),
        ("Oim (portavoce Mohammedali Abunajela)", {"iom"}),
        ("IOM Displacement Tracking Matrix", {"iom"}),
        ("U.N. officials", {"un"}),
        ("UN Security Council", {"un"}),
        ("the United Nations Children's Fund", {"unicef"}),
        ("Médecins sans frontières", {"msf"}),
        ("Всемирная организация здравоохранения", {"who"}),
        ("منظمة الصحة العالمية", {"who"}),
        ("المفوضية السامية للأمم المتحدة لشؤون اللاجئين", {"unhcr"}),
        ("Un responsable militaire", set()),
        ("officials who spoke on condition of anonymity", set()),
        ("Onu", {"un"}),
        ("onu", set()),
    ],
)
def test_bodies_named_in_a_source_name(name: str, bodies: set[str]) -> None:
    """A source's name is read with every language's entries; an acronym only as it is
    written ("UN", not the French article "Un"; "Onu", not "onu")."""
    assert organisations.named(name) == bodies


def test_one_body_named_in_two_languages_is_one_origin() -> None:
    assert origin_words("Organisation mondiale de la santé (OMS)") & origin_words(
        "WHO (Tedros Adhanom Ghebreyesus)"
    )
    assert origin_words("Oim (portavoce Mohammedali Abunajela)") & origin_words(
        "IOM Displacement Tracking Matrix"
    )
    assert not origin_words("UN Security Council") & origin_words("ICRC delegation")


@pytest.mark.parametrize(
    ("text", "language", "places"),
    [
        ("The World Health Organization said 300 people died in Darfur.", "en", {"darfur"}),
        ("Secondo l'Oim e l'Unicef, 300 persone sono morte in Darfur.", "it", {"darfur"}),
        ("Según Acnur, 300 personas murieron en Darfur.", "es", {"darfur"}),
        ("Selon l'Organisation mondiale de la santé, 300 morts au Darfour.", "fr", {"darfour"}),
        ("По данным Всемирной организации здравоохранения, 300 человек погибли в Дарфуре.",
         "ru", {"дарфуре"}),
    ],
)  # fmt: skip
def test_a_bodys_name_in_a_claim_is_not_a_place(text: str, language: str, places: set[str]) -> None:
    assert cues.place_words((), (text,), language)[1] == places
