"""The word after a figure: participles are its unit, never a count noun of their own, and
a word in lower case is no noun in a language that capitalises nouns."""

from __future__ import annotations

import pytest

from provenance.quantities import explain_refusal, normalise_unit, parse_quantity


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "value", "unit", "written"),
    [
        ("136 gestartet", "de", "exact", 136, "launched", "gestartet"),
        ("136 launched", "en", "exact", 136, "launched", "launched"),
        ("136 abgeschossen", "de", "exact", 136, "intercepted", "abgeschossen"),
        ("58 shot down", "en", "exact", 58, "intercepted", "shot down"),
        ("58 intercepted", "en", "exact", 58, "intercepted", "intercepted"),
        ("101 freigelassen", "de", "exact", 101, "released", "freigelassen"),
        ("101 released", "en", "exact", 101, "released", "released"),
        ("mehr als 136 getötet", "de", "over", 136, "killed", "getötet"),
        ("136 Tote", "de", "exact", 136, "killed", "Tote"),
        ("136 killed", "en", "exact", 136, "killed", "killed"),
        ("etwa 40 verletzt", "de", "about", 40, "wounded", "verletzt"),
        ("136 Drohnen gestartet", "de", "exact", 136, "drones", "Drohnen"),
        ("58 drones shot down", "en", "exact", 58, "drones", "drones"),
        ("136 abgeschossene Drohnen", "de", "exact", 136, "drones", "abgeschossene Drohnen"),
        ("136 launched drones", "en", "exact", 136, "drones", "launched drones"),
        ("136 Zivilisten", "de", "exact", 136, "people", "Zivilisten"),
        ("230 gepanzerte Fahrzeuge", "de", "exact", 230, "fahrzeuge", "gepanzerte Fahrzeuge"),
        ("230 Fahrzeuge", "de", "exact", 230, "fahrzeuge", "Fahrzeuge"),
        (
            "zwischen 100 und 108 gepanzerte Fahrzeuge",
            "de",
            "range",
            100,
            "fahrzeuge",
            "gepanzerte Fahrzeuge",
        ),
        ("136 Sanitäter", "de", "exact", 136, "sanitäter", "Sanitäter"),
        ("136 paramedics", "en", "exact", 136, "paramedics", "paramedics"),
        ("136 were killed", "en", "exact", 136, "", ""),
    ],
)
def test_word_after_the_figure_gives_its_unit(
    text: str, language: str, qualifier: str, value: int, unit: str, written: str
) -> None:
    q = parse_quantity(text, language)
    assert q is not None
    assert (q.qualifier, q.value or q.low, q.unit, q.unit_written) == (
        qualifier,
        value,
        unit,
        written,
    )


def test_the_same_deed_has_one_unit_in_every_language() -> None:
    units = {
        text: parse_quantity(text, language)
        for text, language in [("136 gestartet", "de"), ("136 launched", "en")]
    }
    assert {q.unit for q in units.values() if q is not None} == {"launched"}


def test_a_part_keeps_a_unit_apart_from_its_whole() -> None:
    launched = parse_quantity("136 gestartet", "de")
    shot_down = parse_quantity("100 abgeschossen", "de")
    assert launched is not None and shot_down is not None
    assert (launched.unit, shot_down.unit) == ("launched", "intercepted")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("136 evakuiert", "evakuiert"),
        ("136 weniger", "weniger"),
        ("rund 136 vermisst", "vermisst"),
    ],
)
def test_a_lower_case_word_is_no_noun_where_nouns_are_capitalised(text: str, word: str) -> None:
    assert parse_quantity(text, "de") is None
    assert explain_refusal(text, "de") == (
        f"{word!r} after the figure is in lower case, so not a noun in a language that "
        "capitalises nouns: a verb or word not listed"
    )


@pytest.mark.parametrize(
    ("text", "unit"), [("136 evacuated", "evacuated"), ("136 missing", "missing")]
)
def test_lower_case_is_no_sign_where_only_names_are_capitalised(text: str, unit: str) -> None:
    q = parse_quantity(text, "en")
    assert q is not None
    assert q.unit == unit


@pytest.mark.parametrize(
    ("unit", "language", "canon"),
    [
        ("gestartet", "de", "launched"),
        ("shot down", "en", "intercepted"),
        ("getötet", "de", "killed"),
    ],
)
def test_a_participle_given_as_a_unit_folds_as_it_reads(
    unit: str, language: str, canon: str
) -> None:
    assert normalise_unit(unit, language) == (canon, 1.0, "count")


@pytest.mark.parametrize(
    "unit",
    [
        "gepanzerte Fahrzeuge",
        "zivile Opfer",
        "getötete Zivilisten",
        "russische Soldaten",
        "abgeschossene Drohnen",
        "Fahrzeuge",
    ],
)
def test_a_unit_given_in_its_column_reads_as_the_same_words_after_a_figure(unit: str) -> None:
    """Import refuses explicit parts that differ from what the quantity's text reads as, so
    the unit column must be read by the rule the text is: "gepanzerte Fahrzeuge" given as
    the unit of "knapp 48 gepanzerte Fahrzeuge" counts Fahrzeuge in both."""
    read = parse_quantity(f"knapp 48 {unit}", "de")
    given = normalise_unit(unit, "de")
    assert read is not None and given is not None
    assert given[0] == read.unit


def test_a_unit_column_of_lower_case_words_alone_stays_as_written() -> None:
    assert normalise_unit("gepanzerte", "de") == ("gepanzerte", 1.0, "count")
    assert normalise_unit("armoured vehicles", "en") == ("vehicles", 1.0, "count")
