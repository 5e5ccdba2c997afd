"""Chinese headline counts and classifiers, Simplified and Traditional.

The Chinese press writes a toll as a figure and a bare verb ("9死2800傷", nine dead and
2,800 wounded), and counts things through a classifier between the figure and its noun
("26萬套", "50具"). A noun no table lists after a classifier stays text: unspaced text
may hide a hedge in it.
"""

from __future__ import annotations

import pytest

from provenance.quantities import parse_quantity

Q = tuple[str, float | None, float | None, float | None, str]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9死", ("exact", 9, None, None, "killed")),
        ("12死", ("exact", 12, None, None, "killed")),
        ("2800傷", ("exact", 2800, None, None, "wounded")),
        ("2800伤", ("exact", 2800, None, None, "wounded")),
        ("约200人重伤", ("about", 200, None, None, "wounded")),
        ("約200人重傷", ("about", 200, None, None, "wounded")),
        ("至少32人死亡", ("at_least", 32, 32, None, "killed")),
        ("逾450人受傷", ("over", 450, 450, None, "wounded")),
        ("26萬套", ("exact", 260_000, None, None, "")),
        ("5000個", ("exact", 5000, None, None, "")),
        ("30颗", ("exact", 30, None, None, "")),
        ("10台", ("exact", 10, None, None, "")),
        ("约3000名士兵", ("about", 3000, None, None, "troops")),
        ("兩千人", ("exact", 2000, None, None, "people")),
    ],
)
def test_chinese_counts(text: str, expected: Q) -> None:
    q = parse_quantity(text, "zh")
    assert q is not None, text
    assert (q.qualifier, q.value, q.low, q.high, q.unit) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Two figures: the toll is two claims, never one.
        "9死2800傷",
        # A noun no table lists after a classifier.
        "5000個傳呼機",
        "26萬套呼叫器",
        "50具遗体",
        # A country's people is not a classifier and its noun.
        "5000台灣人",
        # A duration, not a count.
        "5个月",
    ],
)
def test_chinese_forms_kept_as_text(text: str) -> None:
    assert parse_quantity(text, "zh") is None
