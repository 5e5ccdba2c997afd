"""The lexicon: one parseable file per language, read through one loader."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

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
    "fi",
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
    "ckb",
    "ht",
    "bg",
    "om",
    "rw",
    "sv",
    "my",
    "th",
    "ln",
    "km",
    "ta",
    "vi",
]


def test_every_required_language_has_a_file() -> None:
    assert set(REQUIRED) <= set(lexicon.languages())


def test_every_file_parses_and_names_its_language() -> None:
    for code in lexicon.languages():
        assert isinstance(lexicon.load(code)["name"], str), code


@pytest.mark.parametrize("code", lexicon.languages())
def test_every_file_reads_as_the_standard_parser_reads_it(code: str) -> None:
    path = resources.files(lexicon).joinpath(f"{code}.toml")
    assert lexicon.load(code) == tomllib.loads(path.read_text("utf-8"))


def test_the_parser_refuses_what_is_not_toml() -> None:
    with pytest.raises(ValueError):
        lexicon.parse("words = [")


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


def test_a_language_tag_is_read_with_its_file() -> None:
    """Region subtags, three-letter ISO 639 codes and close varieties read a file's words;
    a language with no file stays itself (its figures keep their unknown words as text)."""
    assert [lexicon.code(t) for t in ("pt-BR", "fr_CA", "fra", "arb", "prs", "fa-AF")] == [
        "pt", "fr", "fr", "ar", "fa", "fa",
    ]  # fmt: skip
    assert [lexicon.code(t) for t in ("hr", "bs", "ms", "apd", "xx-YY", None)] == [
        "sr", "sr", "id", "ar", "xx", "",
    ]  # fmt: skip
    assert [lexicon.code(t) for t in ("swe", "sv-FI")] == ["sv", "sv"]
    assert [lexicon.code(t) for t in ("mya", "bur", "my-MM")] == ["my", "my", "my"]
    assert lexicon.load("pt-BR") is lexicon.load("pt")
    assert lexicon.code("bul") == "bg"
    # Kirundi is not read with Kinyarwanda's file: "Nyakanga" is July in one, September in
    # the other.
    assert [lexicon.code(t) for t in ("kin", "rw-RW", "rn", "run")] == ["rw", "rw", "rn", "run"]
    assert set(lexicon.ALIASES.values()) <= set(lexicon.languages())
    assert not set(lexicon.ALIASES) & set(lexicon.languages())


def test_aliases_read_figures_countries_and_bodies() -> None:
    from provenance import organisations, sides
    from provenance.quantities import parse_quantity

    over = parse_quantity("više od 10 tisuća ljudi", "hr")
    assert over is not None and (over.qualifier, over.value) == ("over", 10_000)
    dari = parse_quantity("بیش از ۱۰ هزار نفر", "prs")
    assert dari is not None and dari.unit == "people"
    assert sides.scope("fra") == "fr" and organisations.scope("ara") == "ar"
