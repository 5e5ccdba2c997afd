"""Chinese, Japanese and Korean: figures glued to the words around them.

These scripts are written without spaces between words, so the figure parser cuts a run
of letters into the words the lexicon knows ("约1.2万人" is 约, 1.2, 万, 人), and a word it
does not know after a figure is never taken for the count noun: it may hide a hedge.
"""

from __future__ import annotations

import pytest

from provenance import cues
from provenance.dates import month_names, parse_partial_date
from provenance.figure_words import infer_language, tokens
from provenance.quantities import parse_quantity

Q = tuple[str, float | None, float | None, float | None, str]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Chinese, Simplified and Traditional.
        ("约1.2万人", "zh", ("about", 12000, None, None, "people")),
        ("約1.2萬人", "zh", ("about", 12000, None, None, "people")),
        ("超过5000名士兵", "zh", ("over", 5000, 5000, None, "troops")),
        ("至少300人", "zh", ("at_least", 300, 300, None, "people")),
        ("近500名平民", "zh", ("close_to", 500, None, None, "people")),
        ("不到100人", "zh", ("under", 100, None, 100, "people")),
        ("1000人以上", "zh", ("at_least", 1000, 1000, None, "people")),
        ("300余人", "zh", ("over", 300, 300, None, "people")),
        ("300多名士兵", "zh", ("over", 300, 300, None, "troops")),
        ("3000人左右", "zh", ("about", 3000, None, None, "people")),
        ("1万2000人", "zh", ("exact", 12000, None, None, "people")),
        ("1億2000万人", "zh", ("exact", 120_000_000, None, None, "people")),
        ("1.5亿美元", "zh", ("exact", 150_000_000, None, None, "USD")),
        ("50辆坦克", "zh", ("exact", 50, None, None, "tanks")),
        ("30架无人机", "zh", ("exact", 30, None, None, "drones")),
        ("三百五十人", "zh", ("exact", 350, None, None, "people")),
        ("200平方公里", "zh", ("exact", 200, None, None, "km2")),
        ("300至500人", "zh", ("range", None, 300, 500, "people")),
        ("数千人", "zh", ("vague", None, 2000, 9999, "people")),
        ("约1.2万人", None, ("about", 12000, None, None, "people")),
    ],
)
def test_figures_glued_to_their_words(text: str, language: str | None, expected: Q) -> None:
    q = parse_quantity(text, language)
    assert q is not None, text
    assert (q.qualifier, q.value, q.low, q.high, q.unit) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("300匹", "zh"),
        ("30多万人", "zh"),
        ("3家医院", "zh"),
        ("一些人", "zh"),
        ("2024年11月", "zh"),
    ],
)
def test_unknown_words_after_a_figure_are_refused(text: str, language: str) -> None:
    """An unknown counter, a hedge between figure and multiplier, a year: kept as text."""
    assert parse_quantity(text, language) is None


def test_an_unspaced_run_is_cut_into_known_words() -> None:
    assert [t.text for t in tokens("约1.2万人")] == ["约", "1.2", "万", "人"]
    assert [t.text for t in tokens("超过5000名士兵")] == ["超过", "5000", "名", "士兵"]
    assert [t.text for t in tokens("冲突造成至少300人")] == ["冲突造成", "至少", "300", "人"]


@pytest.mark.parametrize(
    ("text", "code"),
    [("约1.2万人", "zh"), ("5,000명 이상", "ko"), ("1000人あまり", "ja")],
)
def test_the_script_tells_the_language(text: str, code: str) -> None:
    assert infer_language(text) == code


@pytest.mark.parametrize(
    ("text", "month"),
    [("十一月 2024", 11), ("十二月 2023", 12)],
)
def test_month_names(text: str, month: int) -> None:
    assert parse_partial_date(text).month == month


def test_month_names_are_known() -> None:
    assert month_names()["三月"] == 3


@pytest.mark.parametrize(
    ("text", "quantity", "language", "concept"),
    [
        ("冲突已造成至少300人死亡", "至少300人", "zh", "dead"),
        ("战斗中有200多人受伤", "200多人", "zh", "wounded"),
        ("约1.2万名难民越过边境", "约1.2万名难民", "zh", "refugees"),
    ],
)
def test_concepts_inside_an_unspaced_run(
    text: str, quantity: str, language: str, concept: str
) -> None:
    figure = tuple(t.text.replace(",", "") for t in tokens(quantity) if t.kind == "n")
    reading = cues.read(
        text,
        quantity_text=quantity,
        figure=figure,
        subject=None,
        metric=None,
        location=None,
        language=language,
    )
    assert concept in reading.concepts


def test_a_denial_inside_an_unspaced_run() -> None:
    reading = cues.read(
        "军方否认有500名士兵阵亡",
        quantity_text="500名士兵",
        figure=("500",),
        subject=None,
        metric=None,
        location=None,
        language="zh",
    )
    assert reading.denial
