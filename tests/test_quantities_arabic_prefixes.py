"""Arabic hedges with the preposition "ل" written against them ("لأكثر من 500", to more
than 500), read as the hedge they carry where ar.toml lists the form, and a figure
written against the word before it ("من500"); hedges with "and" written against them
(Arabic "و", Hebrew "ו": "ونحو 500", and about 500), read as the hedge.

Before, "لأكثر من 500 شخص" and "ونحو 500 شخص" were refused, and in running text only
"500 شخص" was found: exactly 500 people, the hedge lost.
"""

from __future__ import annotations

import pytest

from provenance import lexicon
from provenance.extract.figures import find_figures
from provenance.figure_words import key
from provenance.quantities import explain_refusal, parse_quantity

Q = tuple[str, float | None, float | None, float | None, str]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("لأكثر من 500 شخص", ("over", 500, 500, None, "people")),
        # A bare alif for the hamza, and the figure against "من".
        ("لاكثر من500 شخص", ("over", 500, 500, None, "people")),
        ("لأكثر من500 شخص", ("over", 500, 500, None, "people")),
        ("لنحو 500 أسرة", ("about", 500, None, None, "families")),
        ("لحوالي 300 نازح", ("about", 300, None, None, "displaced")),
        ("لما يزيد عن 1000 شخص", ("over", 1000, 1000, None, "people")),
        ("لما لا يقل عن 50 قتيلا", ("at_least", 50, 50, None, "killed")),
        ("لقرابة 200 جريح", ("close_to", 200, None, None, "wounded")),
        ("لما يصل إلى 700 شاحنة", ("up_to", 700, None, 700, "trucks")),
        ("لأقل من 100", ("under", 100, None, 100, "")),
        # Unchanged: the hedges alone, "ب" where listed, and "ليصل إلى" (to reach), a
        # clause of result that states the figure as it is.
        ("أكثر من 500 شخص", ("over", 500, 500, None, "people")),
        ("أكثر من500 شخص", ("over", 500, 500, None, "people")),
        ("بأكثر من 500 شخص", ("over", 500, 500, None, "people")),
        ("يصل إلى 500", ("up_to", 500, None, 500, "")),
        ("ليصل إلى 500", ("exact", 500, None, None, "")),
    ],
)
def test_a_hedge_with_the_preposition_against_it_reads_as_the_hedge(text: str, expected: Q) -> None:
    q = parse_quantity(text, "ar")
    assert q is not None, explain_refusal(text, "ar")
    assert (q.qualifier, q.value, q.low, q.high, q.unit) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # Only a listed hedge with the preposition: not a hedge cut short, nor the
        # preposition with the article, nor "ك" (as), nor a verb ("ليتجاوز", to exceed).
        ("لأكثر 500", "'لاكثر' before the figure is not a hedge this parser knows"),
        ("للأكثر من 500", "'للاكثر' before the figure is not a hedge this parser knows"),
        ("كأكثر من 500", "'كاكثر' before the figure is not a hedge this parser knows"),
        ("لكثر من 500", "'لكثر' before the figure is not a hedge this parser knows"),
        ("ليتجاوز 500", "'ليتجاوز' before the figure is not a hedge this parser knows"),
    ],
)
def test_other_words_against_a_hedge_are_refused(text: str, reason: str) -> None:
    assert parse_quantity(text, "ar") is None
    assert explain_refusal(text, "ar") == reason


def _prefixed() -> list[tuple[str, str, str]]:
    """(qualifier, listed form with "ل", the hedge it is written against)."""
    before = lexicon.section("ar", "quantities")["before"]
    found = []
    for qualifier, phrases in before.items():
        plain = {key(p): p for p in phrases}
        found += [(qualifier, p, plain[key(p[1:])]) for p in phrases if key(p[1:]) in plain]
    return found


PREFIXED = _prefixed()


def test_the_forms_with_the_preposition_are_listed() -> None:
    assert len(PREFIXED) >= 20
    assert {q for q, _, _ in PREFIXED} == {
        "about",
        "over",
        "at_least",
        "close_to",
        "up_to",
        "under",
    }


@pytest.mark.parametrize(("qualifier", "prefixed", "hedge"), PREFIXED)
def test_each_form_with_the_preposition_reads_as_its_hedge(
    qualifier: str, prefixed: str, hedge: str
) -> None:
    """Every form listed with "ل" is "ل" and a hedge of the same qualifier, and reads as it."""
    with_it = parse_quantity(f"{prefixed} 500 شخص", "ar")
    without = parse_quantity(f"{hedge} 500 شخص", "ar")
    assert with_it is not None and without is not None
    assert with_it.qualifier == without.qualifier == qualifier
    assert (with_it.value, with_it.low, with_it.high, with_it.unit) == (
        without.value,
        without.low,
        without.high,
        without.unit,
    )


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("ارتفع عدد القتلى لأكثر من 500 شخص", [("لأكثر من 500 شخص", "over", 500)]),
        ("ارتفع عدد القتلى لاكثر من500 شخص", [("لاكثر من500 شخص", "over", 500)]),
        ("ارتفع عدد القتلى ليصل إلى 500 شخص", [("ليصل إلى 500 شخص", "exact", 500)]),
    ],
)
def test_running_text_keeps_the_hedge(sentence: str, found: list[tuple[str, str, int]]) -> None:
    figures = find_figures(sentence, "ar")
    assert [(f.text, f.quantity.qualifier, f.quantity.value) for f in figures] == found


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("وأكثر من 500 جريح", "ar", ("over", 500, 500, None, "wounded")),
        ("ونحو 500 شخص", "ar", ("about", 500, None, None, "people")),
        ("وما لا يقل عن 50 قتيلا", "ar", ("at_least", 50, 50, None, "killed")),
        ("ويتجاوز 500", "ar", ("over", 500, 500, None, "")),
        ("ויותר מ-300 הרוגים", "he", ("over", 300, 300, None, "killed")),
        ("וכ-300 הרוגים", "he", ("about", 300, None, None, "killed")),
        # "وأكثر" alone after a figure is "and more", as before.
        ("500 وأكثر", "ar", ("at_least", 500, 500, None, "")),
    ],
)
def test_a_hedge_with_and_against_it_reads_as_the_hedge(
    text: str, language: str, expected: Q
) -> None:
    q = parse_quantity(text, language)
    assert q is not None, explain_refusal(text, language)
    assert (q.qualifier, q.value, q.low, q.high, q.unit) == expected


def test_and_a_hedge_of_the_next_figure_is_no_hedge_of_this_one() -> None:
    """ "20 شخصا وأكثر من" ends with "and more than" of a figure that follows, not "20 and
    more"."""
    assert parse_quantity("20 شخصا وأكثر من", "ar") is None
    assert explain_refusal("20 شخصا وأكثر من", "ar") == (
        "'وأكثر من' after the figure is a hedge word, not one of the figure before it"
    )


@pytest.mark.parametrize(
    ("code", "conjunction", "noun", "hedge"),
    [
        (code, conjunction, noun, hedge)
        for code, conjunction, noun in (("ar", "و", "شخص"), ("he", "ו", "הרוגים"))
        for hedges in lexicon.section(code, "quantities")["before"].values()
        for hedge in hedges
    ],
)
def test_every_hedge_with_and_reads_as_the_hedge(
    code: str, conjunction: str, noun: str, hedge: str
) -> None:
    space = "" if hedge.endswith("-") else " "
    alone = parse_quantity(f"{hedge}{space}500 {noun}", code)
    joined = parse_quantity(f"{conjunction}{hedge}{space}500 {noun}", code)
    assert alone is not None and joined is not None
    assert (joined.qualifier, joined.value, joined.low, joined.high, joined.unit) == (
        alone.qualifier,
        alone.value,
        alone.low,
        alone.high,
        alone.unit,
    )


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "قتل 20 شخصا ونحو 500 جريح",
            [("20 شخصا", "exact", 20), ("ونحو 500 جريح", "about", 500)],
        ),
        # Before, "20 شخصا وأكثر" was found as at least 20 and "500 جريح" as exactly 500.
        ("قتل 20 شخصا وأكثر من 500 جريح", [("وأكثر من 500 جريح", "over", 500)]),
    ],
)
def test_running_text_keeps_the_hedge_after_and(
    sentence: str, found: list[tuple[str, str, int]]
) -> None:
    figures = find_figures(sentence, "ar")
    assert [(f.text, f.quantity.qualifier, f.quantity.value) for f in figures] == found
