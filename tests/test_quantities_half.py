"""Half a million written with a word for half ("pół miliona", "півмільйона")."""

from __future__ import annotations

import pytest

from provenance.quantities import explain_refusal, parse_quantity


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "value", "unit", "precision"),
    [
        ("півмільйона", "uk", "exact", 500_000, "", 50_000),
        ("понад півмільйона людей", "uk", "over", 500_000, "people", 50_000),
        ("півмільярда доларів", "uk", "exact", 500_000_000, "USD", 50_000_000),
        ("полмиллиона", "ru", "exact", 500_000, "", 50_000),
        ("около полумиллиона человек", "ru", "about", 500_000, "people", 50_000),
        ("более полумиллиона беженцев", "ru", "over", 500_000, "refugees", 50_000),
        ("полмиллиарда долларов", "ru", "exact", 500_000_000, "USD", 50_000_000),
        ("pół miliona", "pl", "exact", 500_000, "", 50_000),
        ("pół miliona ludzi", "pl", "exact", 500_000, "people", 50_000),
        ("eine halbe Million", "de", "exact", 500_000, "", 50_000),
        ("eine halbe Million Menschen", "de", "exact", 500_000, "people", 50_000),
        ("etwa eine halbe Million", "de", "about", 500_000, "", 50_000),
        ("einer halben Million", "de", "exact", 500_000, "", 50_000),
        ("un demi-million", "fr", "exact", 500_000, "", 50_000),
        ("plus d'un demi-million de réfugiés", "fr", "over", 500_000, "refugees", 50_000),
        ("un demi-milliard de dollars", "fr", "exact", 500_000_000, "USD", 50_000_000),
        ("medio millón", "es", "exact", 500_000, "", 50_000),
        ("medio millón de personas", "es", "exact", 500_000, "people", 50_000),
        ("un millón y medio", "es", "exact", 1_500_000, "", 50_000),
        ("půl milionu", "cs", "exact", 500_000, "", 50_000),
        ("půl milionu lidí", "cs", "exact", 500_000, "people", 50_000),
        ("dva a půl milionu", "cs", "exact", 2_500_000, "", 50_000),
        ("half a million", "en", "exact", 500_000, "", 50_000),
    ],
)
def test_half_a_million(
    text: str, language: str, qualifier: str, value: int, unit: str, precision: int
) -> None:
    q = parse_quantity(text, language)
    assert q is not None
    assert (q.qualifier, q.value or q.low, q.unit, q.precision) == (
        qualifier,
        value,
        unit,
        precision,
    )


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        ("pół godziny", "pl", "a number with a fraction and no scale word after it"),
        ("eine halbe Stunde", "de", "a number with a fraction and no scale word after it"),
        ("půl roku", "cs", "a number with a fraction and no scale word after it"),
        ("medio", "es", "a number with a fraction and no scale word after it"),
        ("Oriente Medio", "es", "no figure"),
        ("два полмиллиона", "ru", "number words that do not make one number"),
    ],
)
def test_half_without_a_scale_word_is_no_figure(text: str, language: str, reason: str) -> None:
    assert parse_quantity(text, language) is None
    assert explain_refusal(text, language) == reason
