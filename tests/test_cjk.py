"""Chinese, Japanese and Korean: figures glued to the words around them.

These scripts are written without spaces between words, so the figure parser cuts a run
of letters into the words the lexicon knows ("约1.2万人" is 约, 1.2, 万, 人), and a word it
does not know after a figure is never taken for the count noun: it may hide a hedge.
"""

from __future__ import annotations

import pytest

from provenance import cues, sides
from provenance.dates import month_names, parse_partial_date
from provenance.extract import extract_article
from provenance.extract.reading import Article
from provenance.figure_words import infer_language, tokens
from provenance.quantities import detect_hedges, parse_quantity

Q = tuple[str, float | None, float | None, float | None, str]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Chinese, Simplified and Traditional.
        ("约1.2万人", "zh", ("about", 12000, None, None, "people")),
        # Particles after the counter: "まで" and "까지" are "up to".
        ("1万人まで", "ja", ("up_to", 10000, None, 10000, "people")),
        ("1만 명까지", "ko", ("up_to", 10000, None, 10000, "people")),
        ("1만명까지", "ko", ("up_to", 10000, None, 10000, "people")),
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
        ("30多万人", "zh", ("over", 300_000, 300_000, None, "people")),
        ("难民超过100万人", "zh", ("over", 1_000_000, 1_000_000, None, "refugees")),
        ("20余万名难民", "zh", ("over", 200_000, 200_000, None, "refugees")),
        ("达到1万人", "zh", ("exact", 10000, None, None, "people")),
        ("已突破1万人", "zh", ("over", 10000, 10000, None, "people")),
        ("升至1.2万人", "zh", ("exact", 12000, None, None, "people")),
        # Japanese.
        ("1000人以上", "ja", ("at_least", 1000, 1000, None, "people")),
        ("約3000人", "ja", ("about", 3000, None, None, "people")),
        ("少なくとも300人", "ja", ("at_least", 300, 300, None, "people")),
        ("最大5000人", "ja", ("up_to", 5000, None, 5000, "people")),
        ("3万人超", "ja", ("over", 30000, 30000, None, "people")),
        ("1000人を超える", "ja", ("over", 1000, 1000, None, "people")),
        ("1000人強", "ja", ("over", 1000, 1000, None, "people")),
        ("100人近く", "ja", ("close_to", 100, None, None, "people")),
        ("100人足らず", "ja", ("under", 100, None, 100, "people")),
        ("1000人を切る", "ja", ("under", 1000, None, 1000, "people")),
        ("500人程度", "ja", ("about", 500, None, None, "people")),
        ("1万2000人", "ja", ("exact", 12000, None, None, "people")),
        ("1万2千人", "ja", ("exact", 12000, None, None, "people")),
        ("1億2000万円", "ja", ("exact", 120_000_000, None, None, "JPY")),
        ("1万人の兵士", "ja", ("exact", 10000, None, None, "troops")),
        ("1000人の負傷者", "ja", ("exact", 1000, None, None, "wounded")),
        ("兵士約1万人", "ja", ("about", 10000, None, None, "troops")),
        ("死者300人以上", "ja", ("at_least", 300, 300, None, "killed")),
        ("300〜500人", "ja", ("range", None, 300, 500, "people")),
        ("300~500人", "ja", ("range", None, 300, 500, "people")),
        ("300人から500人", "ja", ("range", None, 300, 500, "people")),
        ("300人～500人", "ja", ("range", None, 300, 500, "people")),
        ("300到500人之间", "zh", ("range", None, 300, 500, "people")),
        ("300人至500人", "zh", ("range", None, 300, 500, "people")),
        ("300ないし400人", "ja", ("range", None, 300, 400, "people")),
        ("300 내지 400명", "ko", ("range", None, 300, 400, "people")),
        ("300명 내지 400명", "ko", ("range", None, 300, 400, "people")),
        ("数万人", "ja", ("vague", None, 20000, 99999, "people")),
        ("1万人を突破した", "ja", ("over", 10000, 10000, None, "people")),
        ("1万人を超えている", "ja", ("over", 10000, 10000, None, "people")),
        # Korean.
        ("5,000명 이상", "ko", ("at_least", 5000, 5000, None, "people")),
        ("약 3000명", "ko", ("about", 3000, None, None, "people")),
        ("최소 300명", "ko", ("at_least", 300, 300, None, "people")),
        ("최대 1만 명", "ko", ("up_to", 10000, None, 10000, "people")),
        ("300여 명", "ko", ("over", 300, 300, None, "people")),
        ("30여만 명", "ko", ("over", 300_000, 300_000, None, "people")),
        ("300명이 넘는", "ko", ("over", 300, 300, None, "people")),
        ("300명을 웃도는", "ko", ("over", 300, 300, None, "people")),
        ("1만 명가량", "ko", ("about", 10000, None, None, "people")),
        ("1,000명 미만", "ko", ("under", 1000, None, 1000, "people")),
        ("1만 2000명", "ko", ("exact", 12000, None, None, "people")),
        ("1만2000명", "ko", ("exact", 12000, None, None, "people")),
        ("5천 명", "ko", ("exact", 5000, None, None, "people")),
        ("1만 명의 병사", "ko", ("exact", 10000, None, None, "troops")),
        ("300명의 사망자", "ko", ("exact", 300, None, None, "killed")),
        ("병사 1만 명", "ko", ("exact", 10000, None, None, "troops")),
        ("사망자 300명 이상", "ko", ("at_least", 300, 300, None, "killed")),
        ("30억 달러", "ko", ("exact", 3_000_000_000, None, None, "USD")),
        ("다섯 명", "ko", ("exact", 5, None, None, "people")),
        ("수천 명", "ko", ("vague", None, 2000, 9999, "people")),
        ("1만 명을 넘어섰다", "ko", ("over", 10000, 10000, None, "people")),
        ("1만 명을 돌파했다", "ko", ("over", 10000, 10000, None, "people")),
        # Thai: vowel and tone marks inside words, Thai digits read as digits.
        ("ผู้เสียชีวิตอย่างน้อย 12 ราย", "th", ("at_least", 12, 12, None, "killed")),
        ("ผู้เสียชีวิตอย่างน้อย ๑๒ ราย", "th", ("at_least", 12, 12, None, "killed")),
        ("ราว ๑.๓ แสนคน", "th", ("about", 130_000, None, None, "people")),
        ("กว่า 1.3 แสนคน", None, ("over", 130_000, 130_000, None, "people")),
        ("5,000명 이상", None, ("at_least", 5000, 5000, None, "people")),
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
        ("3家医院", "zh"),
        ("一些人", "zh"),
        ("2024年11月", "zh"),
        ("300匹", "ja"),
        ("300마리", "ko"),
        ("300 คนแถวหน้า", "th"),
        ("16 พ.ย.", "th"),
        ("300명씩", "ko"),
        ("5월", "ko"),
    ],
)
def test_unknown_words_after_a_figure_are_refused(text: str, language: str) -> None:
    """An unknown counter or classifier, a rate, a date: kept as text."""
    assert parse_quantity(text, language) is None


def test_an_unspaced_run_is_cut_into_known_words() -> None:
    assert [t.group() for t in tokens("约1.2万人")] == ["约", "1.2", "万", "人"]
    assert [t.group() for t in tokens("超过5000名士兵")] == ["超过", "5000", "名", "士兵"]
    assert [t.group() for t in tokens("冲突造成至少300人")] == ["冲突造成", "至少", "300", "人"]
    assert [t.group() for t in tokens("ผู้เสียชีวิตอย่างน้อย 12 ราย")] == [
        "ผู้เสียชีวิต",
        "อย่างน้อย",
        "12",
        "ราย",
    ]
    assert [t.group() for t in tokens("ผู้อพยพกว่า 1.3 แสนคน")] == ["ผู้อพยพ", "กว่า", "1.3", "แสน", "คน"]


@pytest.mark.parametrize(
    ("text", "code"),
    [("约1.2万人", "zh"), ("5,000명 이상", "ko"), ("1000人あまり", "ja"), ("กว่า 1.3 แสนคน", "th")],
)
def test_the_script_tells_the_language(text: str, code: str) -> None:
    assert infer_language(text) == code


@pytest.mark.parametrize(
    ("text", "month"),
    [("十一月 2024", 11), ("十二月 2023", 12), ("시월 2024", 10), ("유월 2023", 6)],
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
        ("空爆で少なくとも300人が死亡した", "少なくとも300人", "ja", "dead"),
        ("約3000人が負傷した", "約3000人", "ja", "wounded"),
        ("공습으로 최소 300명이 사망했다", "최소 300명", "ko", "dead"),
        ("피란민 1만 명이 국경을 넘었다", "1만 명", "ko", "displaced"),
    ],
)
def test_concepts_inside_an_unspaced_run(
    text: str, quantity: str, language: str, concept: str
) -> None:
    figure = tuple(t.group().replace(",", "") for t in tokens(quantity) if t.lastgroup == "n")
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


@pytest.mark.parametrize(
    ("text", "quantity", "language"),
    [
        ("军方否认有500名士兵阵亡", "500名士兵", "zh"),
        ("国防省は500人の兵士が死亡したとの報道を否定した", "500人", "ja"),
        ("국방부는 500명의 병사가 사망했다는 보도를 부인했다", "500명", "ko"),
    ],
)
def test_a_denial_inside_an_unspaced_run(text: str, quantity: str, language: str) -> None:
    reading = cues.read(
        text,
        quantity_text=quantity,
        figure=("500",),
        subject=None,
        metric=None,
        location=None,
        language=language,
    )
    assert reading.denial


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("러시아군과 우크라이나군", {"ru", "ua"}),
        ("북한군 1만 명", {"kp"}),
        ("ロシア・ウクライナ", {"ru", "ua"}),
        ("俄罗斯、乌克兰", {"ru", "ua"}),
    ],
)
def test_sides_named_in_east_asian_text(text: str, named: set[str]) -> None:
    """Korean names take their particle after a stem; Chinese and Japanese names are read
    where they stand as words of their own."""
    assert sides.named(sides.split(text)) == named


@pytest.mark.parametrize(
    ("text", "language", "figures"),
    [
        (
            "据联合国称，冲突已造成至少300人死亡。约1.2万人流离失所。",
            "zh",
            [("至少300人死亡", "at_least", 300), ("约1.2万人", "about", 12000)],
        ),
        (
            "国連によると、少なくとも300人が死亡した。約1万2000人が避難した。",
            "ja",
            [("少なくとも300人", "at_least", 300), ("約1万2000人", "about", 12000)],
        ),
        (
            "유엔에 따르면 최소 300명이 사망했다. 약 1만 2000명이 피란했다.",
            "ko",
            [("최소 300명", "at_least", 300), ("약 1만 2000명", "about", 12000)],
        ),
    ],
)
def test_figures_extracted_from_east_asian_articles(
    text: str, language: str, figures: list[tuple[str, str, float]]
) -> None:
    """Full-width stops end sentences without a space, and a figure's hedge written
    against it is taken in."""
    found = extract_article(Article(text=text, language=language)).candidates
    assert [
        (c.figure.text, c.figure.quantity.qualifier, c.figure.quantity.value) for c in found
    ] == figures


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("冲突据称已造成300人死亡", "zh", ["据称"]),
        ("数据显示300人死亡", "zh", []),
        ("300人が死亡したとみられる", "ja", ["とみられる"]),
        ("300명이 사망한 것으로 추정된다", "ko", ["추정"]),
    ],
)
def test_hedges_inside_an_unspaced_run(text: str, language: str, expected: list[str]) -> None:
    assert detect_hedges(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "as_of"),
    [
        ("2024年11月16日，空袭造成12人死亡。", "zh", "2024-11-16"),
        ("11月16日，空袭造成12人死亡。", "zh", "2025-11-16"),
        ("2024年11月16日、空爆で12人が死亡した。", "ja", "2024-11-16"),
        ("１１月１６日、空爆で１２人が死亡した。", "ja", "2025-11-16"),
        ("2024年11月以降、300人が死亡した。", "ja", "2026-01-05"),
        ("据报道自2024年11月以来，已有300人死亡。", "zh", "2026-01-05"),
        ("2024년 11월 16일 공습으로 12명이 숨졌다.", "ko", "2024-11-16"),
        ("2024년 11월 이후 300명이 숨졌다.", "ko", "2026-01-05"),
    ],
)
def test_dates_written_with_year_month_and_day_markers(
    text: str, language: str, as_of: str
) -> None:
    """A date with markers is the claim's date, to the day; one with "since" against it
    ("以来", "以降", "이후") starts a period, so the claim speaks of the article's date."""
    article = Article(text=text, language=language, published="2026-01-05")
    found = extract_article(article).candidates
    assert [str(c.as_of) for c in found] == [as_of]


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("300人遇难", "zh", "exact"),
        ("300多人丧生", "zh", "over"),
        ("300人が死亡した", "ja", "exact"),
        ("300명이 숨졌다", "ko", "exact"),
    ],
)
def test_a_verb_after_a_count_is_neither_its_noun_nor_a_hedge(
    text: str, language: str, qualifier: str
) -> None:
    """An unknown word written against a count may be a hedge, and is refused; the verbs
    the press writes there ("遇难", died) are known and read as verbs."""
    q = parse_quantity(text, language)
    assert q is not None and (q.qualifier, q.value, q.unit) == (qualifier, 300, "people")
