"""Digits grouped with the Arabic comma ("2،500"): read only before exactly three digits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.extract.figures import find_figures
from provenance.quantities import explain_refusal, parse_quantity


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("2،500", "ar", 2_500),
        ("٢،٥٠٠ شخص", "ar", 2_500),
        ("1،250،000", "ar", 1_250_000),
        ("۲،۵۰۰ نفر", "fa", 2_500),
        ("٢٬٥٠٠", "ar", 2_500),
        ("۲٬۵۰۰", "ur", 2_500),
    ],
)
def test_arabic_commas_and_separators_group_thousands(text: str, language: str, value: int) -> None:
    q = parse_quantity(text, language)
    assert q is not None, explain_refusal(text, language)
    assert q.value == value


@pytest.mark.parametrize(
    "text",
    ["3، 4", "3،4", "2019،2020", "2،5 مليون", "10،5000"],
)
def test_an_arabic_comma_before_other_than_three_digits_separates_figures(text: str) -> None:
    assert parse_quantity(text, "ar") is None


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("قتل 2،500 شخص في المدينة", [("2،500 شخص", 2_500)]),
        ("قتل 3، 4 أشخاص", [("3", 3), ("4 أشخاص", 4)]),
    ],
)
def test_running_text_reads_the_grouped_figure_whole(
    sentence: str, found: list[tuple[str, int]]
) -> None:
    """Before, "2،500 شخص" was found as 500 people."""
    assert [(f.text, f.quantity.value) for f in find_figures(sentence, "ar")] == found


@given(st.integers(1_000, 10**12))
def test_arabic_comma_groups_round_trip(number: int) -> None:
    written = f"{number:,}".replace(",", "\u060c")
    q = parse_quantity(written, "ar")
    assert q is not None
    assert q.value == number
