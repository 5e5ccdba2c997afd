"""Numbers written with a fraction ("two and a half thousand", "ढाई हज़ार")."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance import lexicon
from provenance.extract.figures import find_figures
from provenance.quantities import explain_refusal, parse_quantity


@pytest.mark.parametrize(
    ("text", "language", "value", "precision"),
    [
        ("two and a half thousand", "en", 2_500, 50),
        ("one and a half million", "en", 1_500_000, 50_000),
        ("a million and a half", "en", 1_500_000, 50_000),
        ("two million and a half", "en", 2_500_000, 50_000),
        ("2 and a half million", "en", 2_500_000, 50_000),
        ("ढाई हज़ार", "hi", 2_500, 50),
        ("डेढ़ लाख", "hi", 150_000, 5_000),
        ("साढ़े तीन हज़ार", "hi", 3_500, 50),
        ("सवा दो लाख", "hi", 225_000, 500),
        ("सवा लाख", "hi", 125_000, 500),
        ("पौने दो लाख", "hi", 175_000, 500),
        ("ढाई सौ", "hi", 250, 5),
        ("साढ़े तीन सौ करोड़", "hi", 3_500_000_000, 50_000_000),
        ("साढ़े 3 हज़ार", "hi", 3_500, 50),
        ("ڈھائی ہزار", "ur", 2_500, 50),
        ("ساڑھے تین لاکھ", "ur", 350_000, 5_000),
        ("پونے دو لاکھ", "ur", 175_000, 500),
        ("আড়াই হাজার", "bn", 2_500, 50),
        ("সাড়ে তিন লাখ", "bn", 350_000, 5_000),
        ("zweieinhalbtausend", "de", 2_500, 50),
        ("zweieinhalb Millionen", "de", 2_500_000, 50_000),
        ("anderthalb Millionen", "de", 1_500_000, 50_000),
        ("eineinhalb Millionen", "de", 1_500_000, 50_000),
        ("полторы тысячи", "ru", 1_500, 50),
        ("две с половиной тысячи", "ru", 2_500, 50),
        ("два миллиона с половиной", "ru", 2_500_000, 50_000),
        ("півтори тисячі", "uk", 1_500, 50),
        ("дві з половиною тисячі", "uk", 2_500, 50),
        ("паўтара мільёна", "be", 1_500_000, 50_000),
        ("два и половина милиона", "bg", 2_500_000, 50_000),
        ("deux millions et demi", "fr", 2_500_000, 50_000),
        ("deux mille et demi", "fr", 2_500, 50),
        ("millón y medio", "es", 1_500_000, 50_000),
        ("dos millones y medio", "es", 2_500_000, 50_000),
        ("dos mil quinientos", "es", 2_500, 50),
        ("due milioni e mezzo", "it", 2_500_000, 50_000),
        ("um milhão e meio", "pt", 1_500_000, 50_000),
        ("două milioane și jumătate", "ro", 2_500_000, 50_000),
        ("półtora miliona", "pl", 1_500_000, 50_000),
        ("dwa i pół miliona", "pl", 2_500_000, 50_000),
        ("1,5 miliona", "pl", 1_500_000, 50_000),
        ("2,5 tysiąca", "pl", 2_500, 50),
        ("dva a půl milionu", "cs", 2_500_000, 50_000),
        ("másfél millió", "hu", 1_500_000, 50_000),
        ("két és fél millió", "hu", 2_500_000, 50_000),
        ("puolitoista miljoonaa", "fi", 1_500_000, 50_000),
        ("kaksi ja puoli miljoonaa", "fi", 2_500_000, 50_000),
        ("två och en halv miljon", "sv", 2_500_000, 50_000),
        ("anderhalf miljoen", "nl", 1_500_000, 50_000),
        ("tweeënhalf miljoen", "nl", 2_500_000, 50_000),
        ("twee en een half miljoen", "nl", 2_500_000, 50_000),
        ("δυόμισι εκατομμύρια", "el", 2_500_000, 50_000),
        ("iki buçuk bin", "tr", 2_500, 50),
        ("bir buçuk milyon", "tr", 1_500_000, 50_000),
        ("iki yarım milyon", "az", 2_500_000, 50_000),
        ("ألفان ونصف", "ar", 2_500, 50),
        ("مليون ونصف", "ar", 1_500_000, 50_000),
        ("دو و نیم هزار", "fa", 2_500, 50),
        ("یک میلیون و نیم", "fa", 1_500_000, 50_000),
        ("מיליון וחצי", "he", 1_500_000, 50_000),
        ("ሁለት ሚሊዮን ተኩል", "am", 2_500_000, 50_000),
        ("hai triệu rưỡi", "vi", 2_500_000, 50_000),
        ("இரண்டரை லட்சம்", "ta", 250_000, 5_000),
        ("dua setengah juta", "id", 2_500_000, 50_000),
        ("สองล้านครึ่ง", "th", 2_500_000, 50_000),
        ("ล้านครึ่ง", "th", 1_500_000, 50_000),
        ("ពីរលានកន្លះ", "km", 2_500_000, 50_000),
        ("dva i po miliona", "sr", 2_500_000, 50_000),
        ("два и по милиона", "sr", 2_500_000, 50_000),
        ("մեկուկես միլիոն", "hy", 1_500_000, 50_000),
        ("2 milyon edmi", "ht", 2_500_000, 50_000),
    ],
)
def test_a_number_with_a_fraction_multiplies_its_scale_word(
    text: str, language: str, value: int, precision: int
) -> None:
    q = parse_quantity(text, language)
    assert q is not None, explain_refusal(text, language)
    assert (q.qualifier, q.value, q.precision, q.unit) == ("exact", value, precision, "")


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "value", "unit"),
    [
        ("about two and a half million people", "en", "about", 2_500_000, "people"),
        ("un million et demi de personnes", "fr", "exact", 1_500_000, "people"),
        ("लगभग ढाई हज़ार सैनिक", "hi", "about", 2_500, "troops"),
        ("около полутора тысяч человек", "ru", "about", 1_500, "people"),
        ("rund zweieinhalb Millionen Menschen", "de", "about", 2_500_000, "people"),
    ],
)
def test_a_fraction_keeps_the_hedge_and_the_noun(
    text: str, language: str, qualifier: str, value: int, unit: str
) -> None:
    q = parse_quantity(text, language)
    assert q is not None, explain_refusal(text, language)
    assert (q.qualifier, q.value, q.unit) == (qualifier, value, unit)


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        # Without a scale word the fraction may start a clause ("2 and a half of them").
        ("two and a half", "en", "no scale word"),
        ("ढाई", "hi", "no scale word"),
        # Urdu "سوا" is also "except": "ان کے سوا 3 ہزار" is 3,000 besides them.
        ("سوا 3 ہزار", "ur", "not a hedge this parser knows"),
        ("1 and a half", "en", "no scale word"),
        # A fraction no table lists leaves its scale word unread.
        ("two and a quarter thousand", "en", "the multiplier 'thousand'"),
        # A fraction after a figure that is not a scale word may change it.
        ("two hundred and a half thousand", "en", "a fraction after the figure"),
        ("2.5 million and a half", "en", "a fraction after the figure"),
        # Serbian "i po" after a scale word is also "and according to" ("300 hiljada i
        # po nekim procenama"): not listed after the scale word, and refused there.
        ("milion i po", "sr", "a fraction after the figure"),
        ("300 hiljada i po nekim procenama", "sr", "a fraction after the figure"),
    ],
)
def test_a_fraction_not_read_safely_is_refused(text: str, language: str, reason: str) -> None:
    assert parse_quantity(text, language) is None
    assert reason in (explain_refusal(text, language) or "")


def test_a_share_is_still_a_share() -> None:
    """ "half a million" and "half" keep their readings beside "and a half"."""
    half_million = parse_quantity("half a million", "en")
    half = parse_quantity("half", "en")
    assert half_million is not None and half is not None
    assert (half_million.value, half_million.unit) == (500_000, "")
    assert (half.value, half.unit) == (50, "percent")


@pytest.mark.parametrize(
    ("sentence", "language", "found"),
    [
        (
            "Some two and a half thousand troops crossed.",
            "en",
            [("Some two and a half thousand troops", 2_500)],
        ),
        ("Полторы тысячи человек погибли.", "ru", [("Полторы тысячи человек", 1_500)]),
        ("ढाई हज़ार सैनिक सीमा पार कर गए।", "hi", [("ढाई हज़ार सैनिक", 2_500)]),
        (
            "2 millions et demi de personnes ont fui.",
            "fr",
            [("2 millions et demi de personnes", 2_500_000)],
        ),
    ],
)
def test_running_text_finds_the_whole_figure(
    sentence: str, language: str, found: list[tuple[str, int]]
) -> None:
    figures = find_figures(sentence, language)
    assert [(f.text, f.quantity.value) for f in figures] == found


def test_every_fraction_table_has_decimal_values() -> None:
    """A fraction a decimal cannot write (a third) would never be read: none is listed."""
    names = {"numbers", "before", "after", "after_scale"}
    for code in lexicon.languages():
        tables = lexicon.section(code, "quantities").get("fractions", {})
        assert set(tables) <= names, code
        for table in tables.values():
            for phrase, value in table.items():
                amount = Fraction(value)
                assert (amount * 100).denominator == 1, (code, phrase)


_MULTIPLIERS = {"thousand": 3, "million": 6, "billion": 9}


@given(st.integers(1, 99), st.sampled_from(sorted(_MULTIPLIERS)))
def test_digits_and_a_half_read_exactly(whole: int, word: str) -> None:
    q = parse_quantity(f"{whole} and a half {word}", "en")
    assert q is not None
    assert q.value == (2 * whole + 1) * 10 ** _MULTIPLIERS[word] // 2


@given(st.integers(1, 99), st.sampled_from([("साढ़े", 2, 1), ("सवा", 4, 1), ("पौने", 4, -1)]))
def test_hindi_fraction_before_digits(whole: int, fraction: tuple[str, int, int]) -> None:
    word, bottom, top = fraction
    q = parse_quantity(f"{word} {whole} हज़ार", "hi")
    assert q is not None
    assert q.value == (whole * bottom + top) * 1000 // bottom


_WORDS = [
    "two",
    "and",
    "a",
    "half",
    "million",
    "ونصف",
    "ألفان",
    "ढाई",
    "साढ़े",
    "हज़ार",
    "3",
    "،",
    "500",
]


@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6), st.sampled_from(["en", "ar", "hi"])
)
def test_fraction_words_in_any_order_never_raise(tokens: list[str], language: str) -> None:
    text = " ".join(tokens)
    q = parse_quantity(text, language)
    assert q is None or q.value is None or q.value >= 0
