"""Chinese headline counts and classifiers, Simplified and Traditional.

The Chinese press writes a toll as a figure and a bare verb ("9死2800傷", nine dead and
2,800 wounded), and counts things through a classifier between the figure and its noun
("26萬套", "50具"). A noun no table lists after a classifier of things stays text:
unspaced text may hide a hedge in it. After a counter of people (名, 人, 位) the noun is
what the counter counts, people ("300名警察"), where it is short, ends the text or comes
before a hedge, and has no letter of a word that changes a figure.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance import lexicon
from provenance.extract.figures import find_figures
from provenance.figure_words import figure_letters
from provenance.quantities import explain_refusal, parse_quantity

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("300名警察", ("exact", 300, None, None, "people", "名警察")),
        ("超过300名村民", ("over", 300, 300, None, "people", "名村民")),
        ("超過300名村民", ("over", 300, 300, None, "people", "名村民")),
        ("300名工人", ("exact", 300, None, None, "people", "名工人")),
        ("300位官员", ("exact", 300, None, None, "people", "位官员")),
        ("300余名村民", ("over", 300, 300, None, "people", "名村民")),
        ("300多名警察", ("over", 300, 300, None, "people", "名警察")),
        ("300名村民左右", ("about", 300, None, None, "people", "名村民")),
        ("300名警察以上", ("at_least", 300, 300, None, "people", "名警察")),
        ("300到500名警察", ("range", None, 300, 500, "people", "名警察")),
        ("300名警察的", ("exact", 300, None, None, "people", "名警察")),
        # Unchanged: a noun the tables list, and the counter alone.
        ("300名士兵", ("exact", 300, None, None, "troops", "士兵")),
        ("300多名士兵", ("over", 300, 300, None, "troops", "士兵")),
        ("300名士兵左右", ("about", 300, None, None, "troops", "士兵")),
        ("300多名", ("over", 300, 300, None, "people", "名")),
        ("300名", ("exact", 300, None, None, "people", "名")),
    ],
)
def test_a_noun_after_a_counter_of_people_counts_people(
    text: str, expected: tuple[str, float | None, float | None, float | None, str, str]
) -> None:
    q = parse_quantity(text, "zh")
    assert q is not None, explain_refusal(text, "zh")
    assert (q.qualifier, q.value, q.low, q.high, q.unit, q.unit_written) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A hedge right after the counter, as before.
        "300名左右",
        # Letters of a hedge in the letters after the counter: "或更多", or more.
        "300名警察或更多",
        "300名村民或更多人",
        # 将 is a letter of 将近 (nearly): "将领" (generals) is not read.
        "300名将领",
        # Longer than a noun: a clause may stand there.
        "300名警察遭袭击",
        "300名巴勒斯坦人",
        # A word the tables know that neither hedges nor ends the noun after it.
        "300位专家",
        # Not a counter of people.
        "5000個傳呼機",
        # A hedge between the counter and a noun the tables list: "左右" (about), "出头"
        # (a little over), which has 出 of 超出 (exceeds).
        "300名左右士兵",
        "300名出头士兵",
    ],
)
def test_letters_after_a_counter_that_may_hide_a_hedge_stay_text(text: str) -> None:
    assert parse_quantity(text, "zh") is None


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("至少300名警察在袭击中受伤", [("至少300名", "at_least", 300)]),
        ("超过300名村民被迫逃离家园", [("超过300名", "over", 300)]),
        ("袭击造成300名村民或更多人死亡", []),
    ],
)
def test_running_text_reads_the_counter_of_people(
    sentence: str, found: list[tuple[str, str, int]]
) -> None:
    figures = find_figures(sentence, "zh")
    assert [(f.text, f.quantity.qualifier, f.quantity.value) for f in figures] == found


_AFTER = [
    (qualifier, hedge)
    for qualifier, hedges in lexicon.section("zh", "quantities")["after"].items()
    for hedge in hedges
]
_NOUN_LETTERS = sorted(
    set("警察村民工学生医护士兵消防员武装分子教师官游客乘渔农牧志愿者") - figure_letters("zh")
)


@given(
    st.integers(1, 10**6),
    st.sampled_from(["名", "人", "位"]),
    st.text(st.sampled_from(_NOUN_LETTERS), min_size=1, max_size=4),
    st.sampled_from([("exact", ""), *_AFTER]),
)
def test_a_counter_of_people_reads_its_figure_and_the_hedge_after_its_noun(
    number: int, counter: str, noun: str, hedge: tuple[str, str]
) -> None:
    """Whatever the letters of the noun, the figure is the one written and the hedge after
    the noun is read, or the figure stays text; never another figure or another hedge."""
    qualifier, words = hedge
    q = parse_quantity(f"{number}{counter}{noun}{words}", "zh")
    if q is None:
        return
    assert q.qualifier == qualifier
    assert number in (q.value, q.low, q.high)
