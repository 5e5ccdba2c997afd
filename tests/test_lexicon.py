"""The lexicon: one parseable file per language, read through one loader."""

from __future__ import annotations

from provenance import lexicon

REQUIRED = [
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "ru",
    "uk",
    "ar",
    "fa",
    "he",
    "tr",
    "sw",
    "hi",
    "ro",
    "hu",
    "el",
    "sr",
    "bn",
    "id",
    "cs",
    "ur",
    "zh",
    "be",
    "ps",
    "ja",
    "ko",
    "so",
    "az",
    "am",
    "ti",
    "hy",
    "ku",
    "ha",
    "ka",
]


def test_every_required_language_has_a_file() -> None:
    assert set(REQUIRED) <= set(lexicon.languages())


def test_every_file_parses_and_names_its_language() -> None:
    for code in lexicon.languages():
        assert isinstance(lexicon.load(code)["name"], str), code


def test_unknown_language_is_empty_not_an_error() -> None:
    assert lexicon.load("xx") == {}
    assert lexicon.section("xx", "quantities") == {}


def test_every_file_lists_the_generic_words_of_origin_names() -> None:
    """Origins are compared across languages, so every language says which words of a
    source's name ("ministère", "الجيش") never tell one origin from another."""
    for code in lexicon.languages():
        words = lexicon.section(code, "sources").get("origin_generic_words")
        assert isinstance(words, list) and words, code
        assert all(isinstance(w, str) and w.strip() == w and w for w in words), code


def test_every_unit_key_is_a_known_unit() -> None:
    """A unit listed under an id the parser does not know would be dropped without a word."""
    from provenance.figure_words import UNIT_IDS

    for code in lexicon.languages():
        units = lexicon.section(code, "quantities").get("units", {})
        assert set(units) <= set(UNIT_IDS), (code, sorted(set(units) - set(UNIT_IDS)))
