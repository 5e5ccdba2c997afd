"""Figures as real war reporting prints them, in many languages.

tests/data/real_quantity_phrases.tsv holds phrases copied from published news pages (the
page's address is kept with each), with the reading a native reader gives them: qualifier,
value, bounds and unit in canonical units, or "refuse" where the figure must stay text.
Our own examples share our assumptions; these do not.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from provenance.quantities import explain_refusal, parse_quantity

TABLE = Path(__file__).resolve().parent / "data" / "real_quantity_phrases.tsv"
COLUMNS = ["language", "phrase", "source", "qualifier", "value", "low", "high", "unit"]


class Expected(NamedTuple):
    language: str
    phrase: str
    source: str
    qualifier: str
    value: float | None
    low: float | None
    high: float | None
    unit: str


def _number(cell: str) -> float | None:
    return float(cell) if cell else None


def _rows() -> list[Expected]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == COLUMNS
    rows = []
    for line in lines[1:]:
        language, phrase, source, qualifier, value, low, high, unit = line.split("\t")
        rows.append(
            Expected(
                language,
                phrase,
                source,
                qualifier,
                _number(value),
                _number(low),
                _number(high),
                unit,
            )
        )
    return rows


ROWS = _rows()


def test_table_is_well_formed() -> None:
    assert len(ROWS) >= 150
    assert len({r.language for r in ROWS} - {"en"}) >= 12
    assert len({(r.language, r.phrase) for r in ROWS}) == len(ROWS)
    for row in ROWS:
        assert row.source.startswith(("http://", "https://")), row
        assert row.phrase == row.phrase.strip() and row.phrase, row
        if row.qualifier == "refuse":
            assert (row.value, row.low, row.high, row.unit) == (None, None, None, ""), row


def _close(got: float | None, want: float | None) -> bool:
    if got is None or want is None:
        return got is want
    return got == pytest.approx(want, rel=1e-9)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.language}:{r.phrase}" for r in ROWS])
def test_real_phrase_reads_as_a_reader_reads_it(row: Expected) -> None:
    quantity = parse_quantity(row.phrase, row.language)
    if row.qualifier == "refuse":
        assert quantity is None, f"{row.phrase!r} read as {quantity}; it must stay text"
        assert explain_refusal(row.phrase, row.language)
        return
    assert quantity is not None, explain_refusal(row.phrase, row.language)
    assert quantity.qualifier == row.qualifier
    assert _close(quantity.value, row.value)
    assert _close(quantity.low, row.low)
    assert _close(quantity.high, row.high)
    assert quantity.unit == row.unit


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A number of dozens or tens is no sum: two dozen is 24, not 2 + 12 or 2.
        ("zwei Dutzend Verletzte", "de"),
        ("ein Dutzend Verletzte", "de"),
        ("drei Dutzend", "de"),
        ("zwei zwölf", "de"),
        ("twee dozijn", "nl"),
        ("deux douzaines de blessés", "fr"),
        ("iki düzine asker", "tr"),
        ("dua lusin tentara", "id"),
        ("दो दर्जन घायल", "hi"),
        ("करीब दो दर्ज़न घायलों", "hi"),
        ("دو درجن افراد", "ur"),
        ("два десятка человек", "ru"),
        ("два десятки людей", "uk"),
        ("dos docenas de heridos", "es"),
        # A number word with a case ending after a figure written in words goes on with the
        # figure: "on ikiye" is to twelve, not ten of "ikiye".
        ("on ikiye yükselmiştir", "tr"),
        ("on üçünün", "tr"),
        # "yükselmiştir" (has risen) is a verb of change like "yükseldi".
        ("12'ye yükselmiştir", "tr"),
        # The Arabic dual in construct looks like a multiplier's accusative: "ألفا شخص" is
        # two thousand people, not one thousand.
        ("ألفا شخص", "ar"),
        ("ألفاً", "ar"),
        ("مليونا نازح", "ar"),
    ],
)
def test_forms_that_read_as_another_number_are_refused(text: str, language: str) -> None:
    assert parse_quantity(text, language) is None
    assert explain_refusal(text, language)


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "value", "low", "high", "unit"),
    [
        # Units before tens still make one number where they are written so.
        ("dreiunddreißig Tote", "de", "exact", 33, None, None, "killed"),
        ("ثلاثة عشر شخصا", "ar", "exact", 13, None, None, "people"),
        ("خمسة وعشرون", "ar", "exact", 25, None, None, ""),
        # "About ten" and "dozens" are vague amounts, not twenty or more.
        ("desetak ljudi", "sr", "vague", None, 8, 12, "people"),
        ("около десятка человек", "ru", "vague", None, 8, 12, "people"),
        ("des douzaines de morts", "fr", "vague", None, 20, 99, "killed"),
        ("düzinelerce asker", "tr", "vague", None, 20, 99, "troops"),
        # Collective numerals and their endings written after digits.
        ("10-ak ljudi", "sr", "about", 10, None, None, "people"),
        ("dvojica vojnika", "sr", "exact", 2, None, None, "troops"),
        ("семеро погибших", "ru", "exact", 7, None, None, "killed"),
        ("троих раненых", "ru", "exact", 3, None, None, "wounded"),
        ("п'ятеро людей", "uk", "exact", 5, None, None, "people"),
        # The modifier letter apostrophe Ukrainian writes in words.
        ("девʼять людей", "uk", "exact", 9, None, None, "people"),
        # Plural multipliers alone are many millions, not one.
        ("ملايين الأشخاص", "ar", "vague", None, 2_000_000, 9_999_999, "people"),
        ("مليارات الدولارات", "ar", "vague", None, 2_000_000_000, 9_999_999_999, "USD"),
        ("Millionen Menschen", "de", "vague", None, 2_000_000, 9_999_999, "people"),
        ("des milliards de dollars", "fr", "vague", None, 2_000_000_000, 9_999_999_999, "USD"),
        ("میلیون‌ها نفر", "fa", "vague", None, 2_000_000, 9_999_999, "people"),
        ("लाखों लोग", "hi", "vague", None, 200_000, 9_999_999, "people"),
        ("מיליוני פליטים", "he", "vague", None, 2_000_000, 9_999_999, "refugees"),
        # After a figure they still multiply it.
        ("40 ألفا", "ar", "exact", 40_000, None, None, ""),
        ("3 ملايين", "ar", "exact", 3_000_000, None, None, ""),
        ("2 Millionen Menschen", "de", "exact", 2_000_000, None, None, "people"),
        ("2 milliards de dollars", "fr", "exact", 2_000_000_000, None, None, "USD"),
        ("два мільйони людей", "uk", "exact", 2_000_000, None, None, "people"),
        ("אלפיים איש", "he", "exact", 2000, None, None, "people"),
        # Hedges written after the figure: "-odd", "around", "approximately".
        ("300 civarı", "tr", "about", 300, None, None, ""),
        # With a case ending the hedge is still a hedge, not the figure's noun.
        ("200 kadarı", "tr", "about", 200, None, None, ""),
        ("200 civarının", "tr", "about", 200, None, None, ""),
        ("200 dolaylarında", "tr", "about", 200, None, None, ""),
        ("200 kadarlık grup", "tr", "about", 200, None, None, "grup"),
        ("300 küsur kişi", "tr", "about", 300, None, None, "people"),
        ("300 ونيف", "ar", "about", 300, None, None, ""),
        ("300 personas aproximadamente", "es", "about", 300, None, None, "people"),
        ("300 e rotti", "it", "about", 300, None, None, ""),
        ("300 и нещо", "bg", "about", 300, None, None, ""),
        ("300 के आसपास", "hi", "about", 300, None, None, ""),
        ("300 के करीब", "hi", "close_to", 300, None, None, ""),
        ("belasan orang", "id", "vague", None, 11, 19, "people"),
        ("on iki kişi", "tr", "exact", 12, None, None, "people"),
    ],
)
def test_forms_real_reporting_writes(
    text: str,
    language: str,
    qualifier: str,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str,
) -> None:
    quantity = parse_quantity(text, language)
    assert quantity is not None, explain_refusal(text, language)
    assert (quantity.qualifier, quantity.value, quantity.low, quantity.high, quantity.unit) == (
        qualifier,
        value,
        low,
        high,
        unit,
    )
