"""``provenance extract``: candidate claims from article text, scored against truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from provenance.extract import extract_article, to_nested
from provenance.extract.dateline import find_dateline
from provenance.extract.reading import from_plain, read_article, with_metadata
from provenance.quantities import parse_quantity
from tests.helpers import ROOT

SEED = ROOT / "fixtures" / "kursk_article.txt"
TRUTH = ROOT / "fixtures" / "kursk_2024.yaml"
_COUNTRY = {"us": "united states", "kyiv's general staff": "ukrainian general staff"}


def _nested(text: str, **meta: str) -> dict:  # type: ignore[type-arg]
    return to_nested([extract_article(with_metadata(from_plain(text), **meta))])


def _affiliation(value: str | None) -> str:
    low = (value or "").casefold().removeprefix("the ").strip()
    return _COUNTRY.get(low, low)


def _figure(text: str, language: str = "en") -> tuple[object, ...]:
    q = parse_quantity(text, language)
    assert q is not None, text
    return (q.qualifier, q.value, q.low, q.high, q.unit)


def _score_seed() -> dict[str, float]:
    truth = yaml.safe_load(TRUTH.read_text())
    sources = {s["key"]: s for s in truth["sources"]}
    wanted = [c for c in truth["claims"] if c.get("quantity")]
    proposed = _nested(SEED.read_text(), outlet="Daily Express", published="2024-11", language="en")
    names = {s["key"]: s for s in proposed["sources"]}
    by_figure = {_figure(c["quantity"]): c for c in proposed["claims"]}
    found = [c for c in wanted if _figure(c["quantity"]) in by_figure]
    right_chain = 0
    total_attributions = 0
    for claim in wanted:
        got = by_figure.get(_figure(claim["quantity"]))
        for a in claim["attributions"]:
            total_attributions += 1
            if got is None:
                continue
            origin = sources[a["source"]]
            want_via = [sources[v]["name"] for v in a.get("via", [])]
            for b in got["attributions"]:
                mine = names[b["source"]]
                if (
                    mine["named"] == origin.get("named", True)
                    and _affiliation(mine.get("affiliation"))
                    == _affiliation(origin.get("affiliation"))
                    and [names[v]["name"] for v in b.get("via", [])] == want_via
                ):
                    right_chain += 1
                    break
    true_figures = {_figure(c["quantity"]) for c in wanted}
    correct = [c for c in proposed["claims"] if _figure(c["quantity"]) in true_figures]
    return {
        "recall": len(found) / len(wanted),
        "precision": len(correct) / len(proposed["claims"]),
        "origin_and_relay": right_chain / total_attributions,
        "proposed": len(proposed["claims"]),
    }


def test_seed_article_against_the_fixture() -> None:
    score = _score_seed()
    print(score)
    assert score["recall"] >= 0.9
    assert score["origin_and_relay"] >= 0.8
    assert score["precision"] >= 0.9


def test_seed_article_proposes_no_date_or_year() -> None:
    proposed = _nested(SEED.read_text(), published="2024-11")
    quantities = [c["quantity"] for c in proposed["claims"]]
    assert quantities == [
        "over 40 percent",
        "about 531 square miles",
        "roughly 309 square miles",
        "close to 60,000 troops",
        "up to 10,000 North Korean soldiers",
    ]


def test_seed_unnamed_origin_with_affiliation_and_relay() -> None:
    proposed = _nested(SEED.read_text(), outlet="Daily Express", published="2024-11")
    first = proposed["claims"][0]
    source = next(s for s in proposed["sources"] if s["key"] == first["attributions"][0]["source"])
    assert source == {
        "key": "high-ranking-but-unnamed-official-from-kyiv-s-ge",
        "name": "high-ranking but unnamed official from Kyiv's General Staff",
        "kind": "official",
        "named": False,
        "affiliation": "Kyiv's General Staff",
    }
    assert first["attributions"][0]["via"] == ["reuters", "daily-express"]


ENGLISH = """\
Shelling kills civilians in border town

Jane Roe

At least 14 people were killed and 32 wounded when shells hit a market in Northtown on Tuesday, the regional health ministry said.

The army has deployed about 2,500 soldiers to the area since March, Reuters reported, citing an unnamed defence official.

The 45-year-old mayor said on 12 May 2023 that the city needs 3 million euros.

Read more: our coverage
"""


def test_english_article_exact_candidates() -> None:
    got = _nested(ENGLISH, published="2024-06-14", outlet="Example News")
    rows = [
        (
            c["quantity"],
            c["category"],
            c.get("as_of"),
            [a["source"] for a in c["attributions"]],
            c["attributions"][0].get("via"),
        )
        for c in got["claims"]
    ]
    assert rows == [
        (
            "At least 14 people",
            "casualties",
            "2024-06-11",
            ["regional-health-ministry"],
            ["example-news"],
        ),
        ("32 wounded", "casualties", "2024-06-11", ["regional-health-ministry"], ["example-news"]),
        (
            "about 2,500 soldiers",
            "troop_count",
            "2024-06-14",
            ["unnamed-defence-official"],
            ["reuters", "example-news"],
        ),
        ("3 million euros", "aid_transfer", "2023-05-12", ["45-year-old-mayor"], ["example-news"]),
    ]
    sources = {s["key"]: s for s in got["sources"]}
    assert sources["unnamed-defence-official"]["named"] is False
    assert sources["reuters"]["kind"] == "news_agency"


def test_quotes_are_exact_spans_of_the_stored_text() -> None:
    got = _nested(SEED.read_text())
    text = got["documents"][0]["text"]
    assert "**" not in text
    for claim in got["claims"]:
        for a in claim["attributions"]:
            assert a["quote"] in text


def test_cli_extract_import_check(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "article.md"
    article.write_text(ENGLISH, encoding="utf-8")
    result = cli(
        "extract", str(article), "--published", "2024-06-14", "--outlet", "Example News",
        "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [c["quantity"] for c in data["claims"]] == [
        "At least 14 people", "32 wounded", "about 2,500 soldiers", "3 million euros",
    ]  # fmt: skip
    result = cli("extract", str(article), "--published", "2024-06-14", "--import", "--yes")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "imported 4 claims, 4 attributions, 4 sources, 1 documents (0 already present); batch 1\n"
    )
    check = cli("check")
    assert check.exit_code == 0, check.output
    assert check.stdout.strip().splitlines()[-1] == "ok"


def test_cli_import_without_terminal_needs_yes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    result = cli("extract", str(article), "--import")
    assert result.exit_code == 2
    assert result.stderr == "error: importing without a terminal to confirm on needs --yes\n"


def test_cli_bad_published_date_is_a_usage_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    result = cli("extract", str(article), "--published", "03/04/2024")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --published: ambiguous date")


@pytest.mark.parametrize(
    "sentence",
    [
        "The war began in February 2022.",
        "The 47th brigade held the line for 3 days.",
        "F-16 jets flew at 10:30 on 12 March, officials said.",
        "The 45-year-old was detained in 2023.",
    ],
)
def test_dates_ages_times_and_names_are_not_figures(sentence: str) -> None:
    assert _nested(f"{sentence}\n")["claims"] == []


@pytest.mark.parametrize(
    ("sentence", "language", "figure"),
    [
        ("2010 ile 2020 yılları arasında 500 kişi öldü.", "tr", "500 kişi öldü"),
        ("2010 ila 2020 yılları arasında 500 kişi öldü.", "tr", "500 kişi öldü"),
        ("2010 és 2020 évek között 500 ember halt meg.", "hu", "500 ember"),
        ("ከ2010 እስከ 2020 ዓ.ም 500 ሰዎች ሞተዋል።", "am", "500 ሰዎች"),
        # A year or a duration with a Sorani ending written against it ("in", "since").
        ("لە ٢٠٢٣دا ٣٠٠ کەس کوژران.", "ckb", "٣٠٠ کەس"),
        ("لە ساڵی ٢٠١٤ەوە ٤٣ هەزار کەس کوژراون.", "ckb", "٤٣ هەزار کەس"),
        ("لە ماوەی ٢٤ کاتژمێردا ٤٥ کەس کوژران.", "ckb", "٤٥ کەس"),
        ("2010-დან 2020 წლამდე 500 ადამიანი დაიღუპა.", "ka", "500 ადამიანი"),
        ("47-ე ბრიგადის 12 ჯარისკაცი დაიჭრა.", "ka", "12 ჯარისკაცი"),
        ("მე-47 ბრიგადის 12 ჯარისკაცი დაიჭრა.", "ka", "12 ჯარისკაცი"),
        ("از ۱۳۹۰ تا ۱۴۰۰، ۵۰۰ نفر کشته شدند.", "fa", "۵۰۰ نفر"),
        ("2010-től 2020-ig 500 ember halt meg.", "hu", "500 ember"),
        ("2010'dan 2020'ye kadar 500 kişi öldü.", "tr", "500 kişi öldü"),
        ("V letech 2010 až 2020 zemřelo 500 lidí.", "cs", "500 lidí"),
        ("מ-2010 עד 2020 נהרגו 500 בני אדם.", "he", "500 בני אדם"),
        ("ما بين 2010 و2020 قتل 500 شخص.", "ar", "500 شخص"),
        ("Dal 2010 al 2020 sono morte 500 persone.", "it", "500 persone"),
        # A year with an ending after a hyphen, or before the language's "since".
        ("2024-cü ilin mayından bəri 300-dən çox insan öldürülüb.", "az", "300-dən çox insan"),
        ("ከግንቦት 2016 ጀምሮ ከ300 በላይ ሰዎች ተገድለዋል።", "am", "ከ300 በላይ ሰዎች"),
        # Days of one month joined into a range.
        ("Március 10-től 20-ig 500 ember halt meg.", "hu", "500 ember"),
        ("Martın 10-dan 20-dək 500 nəfər öldü.", "az", "500 nəfər"),
        ("10 až 20 března zemřelo 500 lidí.", "cs", "500 lidí"),
        ("10 έως 20 Μαρτίου σκοτώθηκαν 500 άνθρωποι.", "el", "500 άνθρωποι"),
        ("۱۰ تا ۲۰ مهر ۵۰۰ نفر کشته شدند.", "fa", "۵۰۰ نفر"),
        ("10 עד 20 במרץ נהרגו 500 בני אדם.", "he", "500 בני אדם"),
        ("2010-ից 2020 թվականներին զոհվել է 500 մարդ։", "hy", "500 մարդ"),
    ],
)
def test_a_range_of_years_is_not_a_figure(sentence: str, language: str, figure: str) -> None:
    """Between the years 2010 and 2020: a span of time, whatever joins its two years."""
    got = _nested(f"{sentence}\n", language=language)
    assert [c["quantity"] for c in got["claims"]] == [figure]


@pytest.mark.parametrize(
    ("sentence", "language", "figure"),
    [
        ("About 1 in 4 children is malnourished, and 300 people died.", "en", "300 people"),
        ("Strikes killed 45 people in 24 hours.", "en", "45 people"),
        (
            "On day 1,000 of the invasion, 12,000 civilians had been killed.",
            "en",
            "12,000 civilians",
        ),
        (
            "Un enfant sur 4 souffre de malnutrition et 300 personnes sont mortes.",
            "fr",
            "300 personnes",
        ),
        ("1 de cada 4 niños sufre desnutrición y murieron 300 personas.", "es", "300 personas"),
        ("1 из 4 детей голодает, погибли 300 человек.", "ru", "300 человек"),
        # A number in a name, or an age, counts nothing either.
        ("Russia launched 50 Shahed 136 drones overnight.", "en", "50 Shahed"),
        ("Ukraine received 300 Leopard 2 tanks last year.", "en", "300 Leopard"),
        ("Among the dead were children under the age of 5, and 300 adults.", "en", "300 adults"),
        ("Many children under 5 are malnourished, and 300 people died.", "en", "300 people"),
        ("Fewer than 5 people died.", "en", "Fewer than 5 people"),
        # A year after the word "year" is a date, and "3 years" a duration, whatever follows.
        ("In the year 2024 soldiers killed 300 civilians.", "en", "300 civilians"),
        ("En el año 2024 soldados mataron a 300 civiles.", "es", "a 300 civiles"),
        ("Nell'anno 2024 morirono 300 persone.", "it", "300 persone"),
        ("In 3 anni di guerra sono morte 300 persone.", "it", "300 persone"),
        ("Em 3 anos de guerra morreram 300 pessoas.", "pt", "300 pessoas"),
        ("In 3 jaar oorlog zijn 300 mensen gedood.", "nl", "300 mensen"),
        ("W ciągu 3 lat wojny zginęło 300 osób.", "pl", "300 osób"),
        ("در 3 سال جنگ 300 نفر کشته شدند.", "fa", "300 نفر"),
        ("Katika miaka 3 ya vita watu 300 wameuawa.", "sw", "watu 300"),
        ("ក្នុងឆ្នាំ ២០២៤ ទាហាន ៣០០ នាក់បានស្លាប់។", "km", "ទាហាន ៣០០ នាក់"),
    ],
)
def test_ratios_names_and_ages_are_not_figures(sentence: str, language: str, figure: str) -> None:
    """A ratio's terms count nothing ("1 in 4 children"), a count in a time does ("45 people
    in 24 hours"); "day 1,000" of a war is a day, "Shahed 136" a drone, "children under 5"
    an age."""
    got = _nested(f"{sentence}\n", language=language)
    assert [c["quantity"] for c in got["claims"]] == [figure]


def test_read_article_strips_markdown(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Title\n\nSome **bold** and [a link](http://x.test) text.\n")
    article = read_article(path)
    assert article.title == "Title"
    assert article.text == "Title\n\nSome bold and a link text.\n"


# Short news paragraphs written for these tests, one per language, each with a named
# source, an unnamed one with its affiliation, a relay and a relative date.
ARTICLES = {
    "de": (
        "2024-03-08",
        """Bei einem Raketenangriff auf die Hafenstadt Odesa sind nach Angaben der regionalen Verwaltung mindestens 12 Menschen getötet worden.

Weitere 25 Menschen wurden verletzt, teilte der Gouverneur am Donnerstag mit.

Ein Sprecher des Verteidigungsministeriums, der nicht genannt werden wollte, sagte der Nachrichtenagentur dpa, rund 3.000 Soldaten seien in die Region verlegt worden.
""",
    ),
    "fr": (
        "2023-11-20",
        """Selon le ministère de la Santé, plus de 13 000 personnes ont été tuées depuis le début du conflit.

Un responsable militaire, sous couvert d'anonymat, a déclaré à l'AFP que près de 200 soldats avaient été déployés dans le nord du pays samedi.

L'agence onusienne a indiqué que 1,7 million de personnes ont été déplacées.
""",
    ),
    "es": (
        "2024-05-15",
        """Al menos 35 personas murieron en los combates de la semana pasada, según la Cruz Roja.

Fuentes militares citadas por la agencia EFE aseguraron que unos 1.500 soldados fueron desplegados en la frontera.

El gobierno anunció el lunes una ayuda de 20 millones de euros.
""",
    ),
    "bg": (
        "2024-11-16",
        """Най-малко 12 души са загинали при руски удар по Одеса, съобщиха в петък местните власти.

Според Министерството на здравеопазването над 40 души са ранени.

Източник от Генералния щаб, пожелал анонимност, каза пред БТА, че около 2000 военнослужещи са изпратени към границата.
""",
    ),
    "ru": (
        "2024-02-10",
        """Как сообщил губернатор области, в результате обстрела погибли 5 человек.

По данным министерства здравоохранения, ранены более 40 человек.

Источник в силовых структурах сообщил агентству ТАСС, что около 2 тысяч военнослужащих переброшены к границе.
""",
    ),
    "uk": (
        "2024-07-09",
        """За даними Міністерства охорони здоров'я, внаслідок ракетного удару загинули 33 людини.

Ще понад 150 людей дістали поранення, повідомила обласна військова адміністрація у понеділок.

Джерело в Генштабі, яке побажало залишитися неназваним, розповіло виданню, що близько 5 тисяч військових перекинуто на схід.
""",
    ),
    "ar": (
        "2025-10-05",
        """قالت وزارة الصحة إن 17 قتيلاً سقطوا في القصف يوم الجمعة.

وأفاد مصدر طبي في المستشفى بأن 30 جريحاً نقلوا إلى المستشفى.

وبحسب الأمم المتحدة، فر 2000 شخص من المدينة الأسبوع الماضي.
""",
    ),
    "vi": (
        "2024-11-16",
        """Bộ Y tế cho biết hôm thứ Sáu rằng ít nhất 27 người đã thiệt mạng trong các cuộc không kích.

Một quan chức quân sự giấu tên nói với Reuters rằng khoảng 3.000 binh sĩ đã được triển khai tới khu vực biên giới.

Theo Liên Hợp Quốc, hơn 1,5 triệu người đã phải sơ tán khỏi nhà cửa kể từ tháng 2 năm 2022.

Bão làm 300 người chết và hàng nghìn người bị thương, truyền thông đưa tin.
""",
    ),
    "my": (
        "2024-03-08",
        """ကျန်းမာရေးဝန်ကြီးဌာန၏ အဆိုအရ လေကြောင်းတိုက်ခိုက်မှုကြောင့် အနည်းဆုံး လူ ၁၂ ဦး သေဆုံးခဲ့သည်။

နောက်ထပ် လူ ၂၅ ဦး ဒဏ်ရာရခဲ့တယ်လို့ ဒေသခံတွေက ကြာသပတေးနေ့က ပြောပါတယ်။

အမည်မဖော်လိုသည့် စစ်ဘက်အရာရှိတစ်ဦးက စစ်သား ၃,၀၀၀ ခန့် ထိုဒေသသို့ ချထားခဲ့သည်ဟု ရိုက်တာသတင်းဌာနကို ပြောပြသည်။
""",
    ),
    "km": (
        "2025-07-26",
        """ក្រសួងការពារជាតិបានឲ្យដឹងថា ទាហានយ៉ាងតិច ១២ នាក់បានស្លាប់ នៅថ្ងៃទី២៤ ខែកក្កដា ឆ្នាំ២០២៥។

ប្រភពយោធាមួយដែលសុំមិនបញ្ចេញឈ្មោះបានប្រាប់ថា ទាហានថៃប្រមាណ ៥០០ នាក់ត្រូវបានដាក់ពង្រាយ កាលពីម្សិលមិញ។

បើតាមរដ្ឋបាលខេត្ត ប្រជាពលរដ្ឋជាង ១៣ ម៉ឺននាក់ត្រូវបានជម្លៀសចេញពីផ្ទះ។
""",
    ),
    "th": (
        "2025-07-26",
        """กระทรวงสาธารณสุขระบุว่า เมื่อวันที่ 24 ก.ค. 2568 มีผู้เสียชีวิตจากการปะทะอย่างน้อย 14 ราย

แหล่งข่าวในกองทัพภาคที่ 2 ระบุว่า ทหารบาดเจ็บกว่า 30 นาย เมื่อวันพฤหัสบดี

สำนักงานข้าหลวงใหญ่ผู้ลี้ภัยแห่งสหประชาชาติระบุว่า ผู้อพยพราว 1.3 แสนคนต้องอยู่ในศูนย์พักพิงชั่วคราว
""",
    ),
}

EXPECTED = {
    "de": [
        (
            "mindestens 12 Menschen",
            "casualties",
            "2024-03-08",
            "regionalen Verwaltung",
            True,
            None,
            ["Example News"],
        ),
        (
            "Weitere 25 Menschen",
            "casualties",
            "2024-03-07",
            "Gouverneur",
            True,
            None,
            ["Example News"],
        ),
        (
            "rund 3.000 Soldaten",
            "troop_count",
            "2024-03-08",
            "Sprecher des Verteidigungsministeriums",
            False,
            "Verteidigungsministeriums",
            ["Nachrichtenagentur dpa", "Example News"],
        ),
    ],
    "fr": [
        (
            "plus de 13 000 personnes",
            "casualties",
            "2023-11-20",
            "ministère de la Santé",
            True,
            None,
            ["Example News"],
        ),
        (
            "près de 200 soldats",
            "troop_count",
            "2023-11-18",
            "responsable militaire",
            False,
            None,
            ["AFP", "Example News"],
        ),
        (
            "1,7 million de personnes",
            "other",
            "2023-11-20",
            "agence onusienne",
            True,
            None,
            ["Example News"],
        ),
    ],
    "es": [
        (
            "Al menos 35 personas",
            "casualties",
            "2024-05",
            "Cruz Roja",
            True,
            None,
            ["Example News"],
        ),
        (
            "unos 1.500 soldados",
            "troop_count",
            "2024-05-15",
            "Fuentes militares",
            False,
            None,
            ["agencia EFE", "Example News"],
        ),
        (
            "20 millones de euros",
            "aid_transfer",
            "2024-05-13",
            "gobierno",
            True,
            None,
            ["Example News"],
        ),
    ],
    "bg": [
        (
            "Най-малко 12 души",
            "casualties",
            "2024-11-15",
            "местните власти",
            False,
            None,
            ["Example News"],
        ),
        (
            "над 40 души",
            "casualties",
            "2024-11-16",
            "Министерството на здравеопазването",
            True,
            None,
            ["Example News"],
        ),
        (
            "около 2000 военнослужещи",
            "troop_count",
            "2024-11-16",
            "Източник от Генералния щаб",
            False,
            "Генералния щаб",
            ["БТА", "Example News"],
        ),
    ],
    "ru": [
        (
            "5 человек",
            "casualties",
            "2024-02-10",
            "губернатор области",
            True,
            None,
            ["Example News"],
        ),
        (
            "более 40 человек",
            "casualties",
            "2024-02-10",
            "министерства здравоохранения",
            True,
            None,
            ["Example News"],
        ),
        (
            "около 2 тысяч военнослужащих",
            "troop_count",
            "2024-02-10",
            "Источник в силовых структурах",
            False,
            "силовых структурах",
            ["ТАСС", "Example News"],
        ),
    ],
    "uk": [
        (
            "33 людини",
            "casualties",
            "2024-07-09",
            "Міністерства охорони здоров'я",
            True,
            None,
            ["Example News"],
        ),
        (
            "Ще понад 150 людей",
            "casualties",
            "2024-07-08",
            "обласна військова адміністрація",
            True,
            None,
            ["Example News"],
        ),
        (
            "близько 5 тисяч військових",
            "troop_count",
            "2024-07-09",
            "Джерело в Генштабі",
            False,
            "Генштабі",
            ["Example News"],
        ),
    ],
    "ar": [
        ("17 قتيلاً", "casualties", "2025-10-03", "وزارة الصحة", True, None, ["Example News"]),
        (
            "30 جريحاً",
            "casualties",
            "2025-10-05",
            "مصدر طبي في المستشفى",
            False,
            "المستشفى",
            ["Example News"],
        ),
        ("2000 شخص", "other", "2025-09", "الأمم المتحدة", True, None, ["Example News"]),
    ],
    "vi": [
        ("ít nhất 27 người", "casualties", "2024-11-15", "Bộ Y tế", True, None, ["Example News"]),
        (
            "khoảng 3.000 binh sĩ",
            "troop_count",
            "2024-11-16",
            "quan chức quân sự giấu tên",
            False,
            None,
            ["Reuters", "Example News"],
        ),
        (
            "hơn 1,5 triệu người",
            "other",
            "2024-11-16",
            "Liên Hợp Quốc",
            True,
            None,
            ["Example News"],
        ),
        (
            "300 người chết",
            "casualties",
            "2024-11-16",
            "unspecified reports",
            False,
            None,
            ["Example News"],
        ),
        (
            "hàng nghìn người bị thương",
            "casualties",
            "2024-11-16",
            "unspecified reports",
            False,
            None,
            ["Example News"],
        ),
    ],
    "my": [
        (
            "အနည်းဆုံး လူ ၁၂",
            "casualties",
            "2024-03-08",
            "ကျန်းမာရေးဝန်ကြီးဌာန",
            True,
            None,
            ["Example News"],
        ),
        ("လူ ၂၅", "casualties", "2024-03-07", "ဒေသခံတွေက", False, None, ["Example News"]),
        (
            "စစ်သား ၃,၀၀၀ ခန့်",
            "troop_count",
            "2024-03-08",
            "အမည်မဖော်လိုသည့် စစ်ဘက်အရာရှိတစ်ဦးက",
            False,
            None,
            ["ရိုက်တာသတင်းဌာန", "Example News"],
        ),
    ],
    "km": [
        (
            "ទាហានយ៉ាងតិច ១២",
            "casualties",
            "2025-07-24",
            "ក្រសួងការពារជាតិ",
            True,
            None,
            ["Example News"],
        ),
        (
            "ប្រមាណ ៥០០ នាក់",
            "troop_count",
            "2025-07-25",
            "ប្រភពយោធាមួយ",
            False,
            None,
            ["Example News"],
        ),
        (
            "ប្រជាពលរដ្ឋជាង ១៣ ម៉ឺន",
            "other",
            "2025-07-26",
            "រដ្ឋបាលខេត្ត",
            True,
            None,
            ["Example News"],
        ),
    ],
    "th": [
        (
            "อย่างน้อย 14 ราย",
            "casualties",
            "2025-07-24",
            "กระทรวงสาธารณสุข",
            True,
            None,
            ["Example News"],
        ),
        (
            "กว่า 30 นาย",
            "casualties",
            "2025-07-24",
            "แหล่งข่าวในกองทัพภาคที่ 2",
            False,
            "กองทัพภาคที่ 2",
            ["Example News"],
        ),
        (
            "ผู้อพยพราว 1.3 แสน",
            "other",
            "2025-07-26",
            "สำนักงานข้าหลวงใหญ่ผู้ลี้ภัยแห่งสหประชาชาติ",
            True,
            None,
            ["Example News"],
        ),
    ],
}


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_articles_in_other_languages(language: str) -> None:
    published, text = ARTICLES[language]
    got = _nested(text, published=published, outlet="Example News")
    assert got["documents"][0]["language"] == language
    sources = {s["key"]: s for s in got["sources"]}
    rows = []
    for claim in got["claims"]:
        a = claim["attributions"][0]
        origin = sources[a["source"]]
        rows.append(
            (
                claim["quantity"],
                claim["category"],
                claim.get("as_of"),
                origin["name"],
                origin["named"],
                origin.get("affiliation"),
                [sources[v]["name"] for v in a.get("via", [])],
            )
        )
    assert rows == EXPECTED[language]
    for claim in got["claims"]:
        assert claim["attributions"][0]["quote"] in got["documents"][0]["text"]


# "<Ministry> said on Friday / yesterday that 300 people were killed", as each language's
# press writes it, in an article of Saturday 2024-11-16.
@pytest.mark.parametrize(
    ("sentence", "language", "as_of", "quantity", "source"),
    [
        (
            "وزارت بهداشت روز جمعه اعلام کرد ۳۰۰ نفر کشته شدند.",
            "fa",
            "2024-11-15",
            "۳۰۰ نفر",
            "وزارت بهداشت",
        ),
        (
            "وزارت بهداشت دیروز اعلام کرد که ۳۰۰ نفر کشته شدند.",
            "fa",
            "2024-11-15",
            "۳۰۰ نفر",
            "وزارت بهداشت",
        ),
        (
            "משרד הבריאות מסר ביום שישי כי 300 בני אדם נהרגו.",
            "he",
            "2024-11-15",
            "300 בני אדם",
            "משרד הבריאות",
        ),
        (
            "משרד הבריאות אמר אתמול כי 300 בני אדם נהרגו.",
            "he",
            "2024-11-15",
            "300 בני אדם",
            "משרד הבריאות",
        ),
        (
            "Wizara ilisema Ijumaa kwamba watu 300 waliuawa.",
            "sw",
            "2024-11-15",
            "watu 300",
            "Wizara",
        ),
        (
            "Wizara ya Afya ilisema jana kuwa watu 300 waliuawa.",
            "sw",
            "2024-11-15",
            "watu 300",
            "Wizara ya Afya",
        ),
        ("मंत्रालय ने शुक्रवार को कहा कि 300 लोग मारे गए।", "hi", "2024-11-15", "300 लोग", "मंत्रालय"),
        (
            "স্বাস্থ্য মন্ত্রণালয় শুক্রবার জানিয়েছে, ৩০০ জন নিহত হয়েছে।",
            "bn",
            "2024-11-15",
            "৩০০ জন",
            "স্বাস্থ্য মন্ত্রণালয়",
        ),
        (
            "স্বাস্থ্য মন্ত্রণালয় গতকাল বলেছে যে ৩০০ মানুষ নিহত হয়েছে।",
            "bn",
            "2024-11-15",
            "৩০০ মানুষ",
            "স্বাস্থ্য মন্ত্রণালয়",
        ),
        (
            "Il ministero della Salute ha detto venerdì che 300 persone sono state uccise.",
            "it",
            "2024-11-15",
            "300 persone",
            "ministero della Salute",
        ),
        (
            "Il ministero della Salute ha reso noto ieri che 300 persone sono morte.",
            "it",
            "2024-11-15",
            "300 persone",
            "ministero della Salute",
        ),
        (
            "Het ministerie van Volksgezondheid zei vrijdag dat 300 mensen zijn gedood.",
            "nl",
            "2024-11-15",
            "300 mensen",
            "ministerie van Volksgezondheid",
        ),
        (
            "Het ministerie meldde gisteren dat 300 mensen zijn omgekomen.",
            "nl",
            "2024-11-15",
            "300 mensen",
            "ministerie",
        ),
        (
            "Ministerstwo Zdrowia poinformowało w piątek, że zginęło 300 osób.",
            "pl",
            "2024-11-15",
            "300 osób",
            "Ministerstwo Zdrowia",
        ),
        (
            "Ministerstwo Zdrowia podało wczoraj, że zginęło 300 osób.",
            "pl",
            "2024-11-15",
            "300 osób",
            "Ministerstwo Zdrowia",
        ),
        (
            "O Ministério da Saúde disse na sexta-feira que 300 pessoas morreram.",
            "pt",
            "2024-11-15",
            "300 pessoas",
            "Ministério da Saúde",
        ),
        (
            "O Ministério da Saúde informou ontem que 300 pessoas morreram.",
            "pt",
            "2024-11-15",
            "300 pessoas",
            "Ministério da Saúde",
        ),
        (
            "Wasaaradda caafimaadka ayaa Jimcihii sheegtay in 300 qof la dilay.",
            "so",
            "2024-11-15",
            "300 qof",
            "Wasaaradda caafimaadka",
        ),
        (
            "ሚኒስትሪ ጥዕና ከም ዝሓበሮ ዓርቢ 300 ሰባት ተቐቲሎም።",
            "ti",
            "2024-11-15",
            "300 ሰባት",
            "ሚኒስትሪ ጥዕና",
        ),
        (
            "Առողջապահության նախարարությունը ուրբաթ օրը հայտնել է, որ զոհվել է 300 մարդ։",
            "hy",
            "2024-11-15",
            "300 մարդ",
            "Առողջապահության նախարարությունը",
        ),
        (
            "Wezareta Tenduristiyê roja Înê ragihand ku 300 kes hatin kuştin.",
            "ku",
            "2024-11-15",
            "300 kes",
            "Wezareta Tenduristiyê",
        ),
        (
            "Wezareta Tenduristiyê duh di daxuyaniyekê de da zanîn ku 300 kes mirin.",
            "ku",
            "2024-11-15",
            "300 kes",
            "Wezareta Tenduristiyê",
        ),
        (
            "وەزارەتی تەندروستی ڕۆژی هەینی ڕایگەیاند کە ٣٠٠ کەس کوژران.",
            "ckb",
            "2024-11-15",
            "٣٠٠ کەس",
            "وەزارەتی تەندروستی",
        ),
        (
            "وەزارەتی تەندروستی دوێنێ ڕایگەیاند کە ٣٠٠ کەس کوژراون.",
            "ckb",
            "2024-11-15",
            "٣٠٠ کەس",
            "وەزارەتی تەندروستی",
        ),
        (
            "Ma'aikatar lafiya ta ce mutum 300 ne aka kashe ranar Juma'a.",
            "ha",
            "2024-11-15",
            "mutum 300",
            "ma'aikatar lafiya",
        ),
        (
            "Mutum 300 aka kashe jiya, in ji ma'aikatar lafiya.",
            "ha",
            "2024-11-15",
            "Mutum 300",
            "ma'aikatar lafiya",
        ),
        (
            "Minisiteri y'Ubuzima yatangaje ku wa Gatanu ko abantu 300 bishwe.",
            "rw",
            "2024-11-15",
            "abantu 300",
            "Minisiteri y'Ubuzima",
        ),
        (
            "Nk'uko Minisiteri y'Ubuzima yabitangaje, abantu 300 bishwe ejo hashize.",
            "rw",
            "2024-11-15",
            "abantu 300",
            "Minisiteri y'Ubuzima",
        ),
        (
            "د روغتیا وزارت د جمعې په ورځ وویل چې ۳۰۰ کسان وژل شوي دي.",
            "ps",
            "2024-11-15",
            "۳۰۰ کسان",
            "د روغتیا وزارت",
        ),
        (
            "وزارت صحت نے گزشتہ روز کہا کہ 300 افراد ہلاک ہوئے۔",
            "ur",
            "2024-11-15",
            "300 افراد",
            "وزارت صحت",
        ),
        (
            "ჯანდაცვის სამინისტრომ გუშინ განაცხადა, რომ 300 ადამიანი დაიღუპა.",
            "ka",
            "2024-11-15",
            "300 ადამიანი",
            "ჯანდაცვის სამინისტრომ",
        ),
        (
            "15 ნოემბერს ჯანდაცვის სამინისტრომ განაცხადა, რომ 300 ადამიანი დაიღუპა.",
            "ka",
            "2024-11-15",
            "300 ადამიანი",
            "ჯანდაცვის სამინისტრომ",
        ),
        (
            "ჯანდაცვის სამინისტრომ 15 ნოემბერს განაცხადა, რომ 300 ადამიანი დაიღუპა.",
            "ka",
            "2024-11-15",
            "300 ადამიანი",
            "ჯანდაცვის სამინისტრომ",
        ),
        (
            "Hälsoministeriet uppgav i går att minst 300 människor dödades.",
            "sv",
            "2024-11-15",
            "minst 300 människor",
            "Hälsoministeriet",
        ),
        # Swedish puts the verb second: a day or a date first is not the speaker.
        (
            "På fredagen uppgav hälsoministeriet att minst 300 människor dödades.",
            "sv",
            "2024-11-15",
            "minst 300 människor",
            "hälsoministeriet",
        ),
        (
            "Den 15 november 2024 meddelade hälsoministeriet att minst 300 människor dödades.",
            "sv",
            "2024-11-15",
            "minst 300 människor",
            "hälsoministeriet",
        ),
        # Burmese names the speaker first, with its subject particle, and the day between
        # the words it reports ("... ဟု") and the verb.
        (
            "ကျန်းမာရေးဝန်ကြီးဌာနက လူ ၃၀၀ ဦး သေဆုံးခဲ့သည်ဟု သောကြာနေ့က ထုတ်ပြန်သည်။",
            "my",
            "2024-11-15",
            "လူ ၃၀၀",
            "ကျန်းမာရေးဝန်ကြီးဌာနက",
        ),
        (
            "ကျန်းမာရေးဝန်ကြီးဌာနက မနေ့က လူ ၃၀၀ ဦး သေဆုံးခဲ့သည်ဟု ပြောကြားသည်။",
            "my",
            "2024-11-15",
            "လူ ၃၀၀",
            "ကျန်းမာရေးဝန်ကြီးဌာနက",
        ),
        # Tamil: the words reported, closed by "-ஆக" or "என்று", then the speaker and the
        # verb.
        (
            "நேற்று குறைந்தது 20 பேர் கொல்லப்பட்டதாக சுகாதார அமைச்சகம் தெரிவித்துள்ளது.",
            "ta",
            "2024-11-15",
            "குறைந்தது 20 பேர்",
            "சுகாதார அமைச்சகம்",
        ),
        (
            "வெள்ளிக்கிழமை 300 பேர் உயிரிழந்தனர் என்று ஐநா தெரிவித்தது.",
            "ta",
            "2024-11-15",
            "300 பேர்",
            "ஐநா",
        ),
        # The dot of an abbreviation ("ஐ.நா.", UN) does not cut the speaker off its verb.
        (
            "நேற்று 300 பேர் உயிரிழந்தனர் என்று ஐ.நா. தெரிவித்தது.",
            "ta",
            "2024-11-15",
            "300 பேர்",
            "ஐ.நா.",
        ),
        # "எனும்" (named) is not "என" (that).
        (
            "நேற்று 300 பேர் கொல்லப்பட்டதாக மனித உரிமைகள் கண்காணிப்பகம் எனும் அமைப்பு கூறியது.",
            "ta",
            "2024-11-15",
            "300 பேர்",
            "மனித உரிமைகள் கண்காணிப்பகம் எனும் அமைப்பு",
        ),
    ],
)
def test_a_ministry_said_on_friday_or_yesterday(
    sentence: str, language: str, as_of: str, quantity: str, source: str
) -> None:
    got = _nested(sentence + "\n", language=language, published="2024-11-16")
    sources = {s["key"]: s["name"] for s in got["sources"]}
    rows = [
        (c["as_of"], c["quantity"], sources[c["attributions"][0]["source"]]) for c in got["claims"]
    ]
    assert rows == [(as_of, quantity, source)]


@pytest.mark.parametrize(
    ("sentence", "language", "quantity", "source"),
    [
        (
            "По меньшей мере 300 человек погибли, заявило в пятницу Министерство здравоохранения.",
            "ru",
            "По меньшей мере 300 человек",
            "Министерство здравоохранения",
        ),
        (
            "Щонайменше 300 людей загинули, повідомило в п'ятницю Міністерство охорони здоров'я.",
            "uk",
            "Щонайменше 300 людей",
            "Міністерство охорони здоров'я",
        ),
        (
            "Al menos 300 personas murieron, informó el viernes el Ministerio de Salud.",
            "es",
            "Al menos 300 personas",
            "Ministerio de Salud",
        ),
        (
            "Au moins 300 personnes ont été tuées, a déclaré vendredi le ministère de la Santé.",
            "fr",
            "Au moins 300 personnes",
            "ministère de la Santé",
        ),
        (
            "Cel puțin 300 de persoane au murit, a anunțat vineri Ministerul Sănătății.",
            "ro",
            "Cel puțin 300 de persoane",
            "Ministerul Sănătății",
        ),
        (
            "Almeno 300 persone sono state uccise, ha detto venerdì il ministero della Salute.",
            "it",
            "Almeno 300 persone",
            "ministero della Salute",
        ),
        (
            "Zginęło co najmniej 300 osób, poinformowało w piątek Ministerstwo Zdrowia.",
            "pl",
            "co najmniej 300 osób",
            "Ministerstwo Zdrowia",
        ),
        (
            "Pelo menos 300 pessoas morreram, disse na sexta-feira o Ministério da Saúde.",
            "pt",
            "Pelo menos 300 pessoas",
            "Ministério da Saúde",
        ),
        (
            "Zahynulo nejméně 300 lidí, uvedlo v pátek ministerstvo zdravotnictví.",
            "cs",
            "nejméně 300 lidí",
            "ministerstvo zdravotnictví",
        ),
        (
            "Poginulo je najmanje 300 ljudi, saopštilo je u petak Ministarstvo zdravlja.",
            "sr",
            "najmanje 300 ljudi",
            "Ministarstvo zdravlja",
        ),
        (
            "Най-малко 300 души са загинали, съобщи в петък Министерството на здравеопазването.",
            "bg",
            "Най-малко 300 души",
            "Министерството на здравеопазването",
        ),
        (
            "Τουλάχιστον 300 άνθρωποι σκοτώθηκαν, ανακοίνωσε την Παρασκευή το υπουργείο Υγείας.",
            "el",
            "Τουλάχιστον 300 άνθρωποι",
            "υπουργείο Υγείας",
        ),
        (
            "Զոհվել է առնվազն 300 մարդ, ուրբաթ օրը հայտնել է առողջապահության նախարարությունը։",
            "hy",
            "առնվազն 300 մարդ",
            "առողջապահության նախարարությունը",
        ),
        (
            "Minst 300 människor dödades, uppgav hälsoministeriet på fredagen.",
            "sv",
            "Minst 300 människor",
            "hälsoministeriet",
        ),
        (
            "Ainakin 300 ihmistä kuoli, kertoi terveysministeriö perjantaina.",
            "fi",
            "Ainakin 300 ihmistä",
            "terveysministeriö",
        ),
    ],
)
def test_a_speaker_after_the_verb_and_its_day(
    sentence: str, language: str, quantity: str, source: str
) -> None:
    """The day written between the verb and the speaker after it is not the speaker's name."""
    got = _nested(sentence + "\n", language=language, published="2024-11-16")
    sources = {s["key"]: s["name"] for s in got["sources"]}
    rows = [
        (c["as_of"], c["quantity"], sources[c["attributions"][0]["source"]]) for c in got["claims"]
    ]
    assert rows == [("2024-11-15", quantity, source)]


@pytest.mark.parametrize(
    ("sentence", "language", "source"),
    [
        ("לפי הדיווחים, 300 בני אדם נהרגו.", "he", "unspecified reports"),
        ("Secondo le stime, 300 persone sono morte.", "it", "unspecified reports"),
        ("Volgens berichten zijn 300 mensen gedood.", "nl", "unspecified reports"),
        ("Selon rapò yo, 300 moun mouri.", "ht", "unspecified reports"),
        ("Na kolanda lapolo, bato 300 bakufi.", "ln", "unspecified reports"),
        ("Engebene na OIM, koleka bato milio 7 bakimi na ekolo.", "ln", "OIM"),
        ("Gabaasni akka jedhutti, namoonni 300 ajjeefamaniiru.", "om", "unspecified reports"),
        ("Amakuru avuga ko abantu 300 bishwe.", "rw", "unspecified reports"),
        ("Bivugwa ko abantu 300 bishwe.", "rw", "unspecified reports"),
        ("Nk'uko byatangajwe na Polisi, abantu 300 bishwe.", "rw", "Polisi"),
        (
            "Umuvugizi w'ingabo yabwiye BBC Gahuza ko abasirikare 20 bishwe.",
            "rw",
            "Umuvugizi w'ingabo",
        ),
        (
            "Ishami rya Loni ryita ku mpunzi (HCR) ryatangaje ko impunzi ibihumbi 10 zahunze.",
            "rw",
            "Ishami rya Loni ryita ku mpunzi",
        ),
        (
            "Akka Ministeerri Fayyaa jedhetti, namoonni 300 ajjeefamaniiru.",
            "om",
            "Ministeerri Fayyaa",
        ),
        ("Akka maddoota fayyaa jedhanitti, namoonni 300 ajjeefamaniiru.", "om", "maddoota fayyaa"),
        ("Akka OCHA jedhutti, namoonni miliyoona 4.5 ol buqqa'anii jiru.", "om", "OCHA"),
        (
            "Poolisiin naannichaa akka jedhetti, namoonni 50 ajjeefamaniiru.",
            "om",
            "Poolisiin naannichaa",
        ),
        ("มีรายงานว่า ทหารเสียชีวิต 5 นาย", "th", "unspecified reports"),
        ("Theo các báo cáo, 40 nhà báo đã bị giết.", "vi", "unspecified reports"),
        ("Có tin cho hay 200 người đã bị bắt giữ.", "vi", "unspecified reports"),
        ("Theo Bộ Y tế, 200 người đã thiệt mạng.", "vi", "Bộ Y tế"),
        ("Bộ Quốc phòng hôm 15/11 cho biết 300 binh sĩ đã bị thương.", "vi", "Bộ Quốc phòng"),
        ("ตามข้อมูลของกระทรวงมหาดไทย ผู้อพยพมีจำนวน 138,000 คน", "th", "กระทรวงมหาดไทย"),
        ("แหล่งข่าวระดับสูงในกองทัพเปิดเผยว่า มีทหารบาดเจ็บกว่า 20 นาย", "th", "แหล่งข่าวระดับสูงในกองทัพ"),
        ("មានរបាយការណ៍ថា ទាហាន ៥ នាក់បានស្លាប់។", "km", "unspecified reports"),
        ("បើតាមក្រសួងមហាផ្ទៃ ប្រជាពលរដ្ឋជាង ១៣៨,០០០ នាក់ត្រូវបានជម្លៀស។", "km", "ក្រសួងមហាផ្ទៃ"),
        ("ប្រភពយោធាមួយបានប្រាប់ថា ទាហានជាង ២០ នាក់រងរបួស។", "km", "ប្រភពយោធាមួយ"),
        ("អង្គការសហប្រជាជាតិបានឲ្យដឹងថា ជនភៀសខ្លួនរាប់ពាន់នាក់ត្រូវការជំនួយ។", "km", "អង្គការសហប្រជាជាតិ"),
        ("Dapre OIM, plis pase 700 000 moun deplase nan peyi a.", "ht", "OIM"),
        ("Според медийни публикации 300 души са загинали.", "bg", "unspecified reports"),
        ("По неофициална информация 300 души са загинали.", "bg", "unspecified reports"),
        ("Според МОМ над 700 000 души са разселени.", "bg", "МОМ"),
        ("Според данни на ООН над 6 милиона души са напуснали страната.", "bg", "ООН"),
        ("Enligt uppgifter har 300 människor dödats.", "sv", "unspecified reports"),
        ("Enligt medieuppgifter har 300 människor dödats.", "sv", "unspecified reports"),
        # The verb comes second, right after a source put first: not part of its name.
        ("Enligt uppgifter dödades 300 människor.", "sv", "unspecified reports"),
        ("Enligt Migrationsverket sökte drygt 16 000 personer asyl.", "sv", "Migrationsverket"),
        ("Enligt en källa har 500 soldater dödats.", "sv", "källa"),
        # A colon joins the genitive ending to an acronym: "FN:s" is part of the name.
        (
            "Enligt FN:s flyktingorgan UNHCR har 300 000 människor flytt.",
            "sv",
            "FN:s flyktingorgan UNHCR",
        ),
        (
            "Nan yon kominike li pibliye vandredi, Inisèf avèti 3 milyon timoun bezwen èd.",
            "ht",
            "Inisèf",
        ),
        ("Volgens het ministerie werden 300 mensen gedood.", "nl", "ministerie"),
        ("Segundo relatos, 300 pessoas morreram.", "pt", "unspecified reports"),
        ("Kwa mujibu wa ripoti, watu 300 waliuawa.", "sw", "unspecified reports"),
        ("ብመሰረት ውድብ ጥዕና ዓለም ኣብቲ ከባቢ 45 ሰባት ሞይቶም።", "ti", "ውድብ ጥዕና ዓለም"),
        ("Հաղորդվում է, որ զոհվել է 300 մարդ։", "hy", "unspecified reports"),
        ("Rahotanni sun ce an kashe mutum 300.", "ha", "unspecified reports"),
        ("بەپێی ڕاپۆرتەکان، ٣٠٠ کەس کوژراون.", "ckb", "unspecified reports"),
        ("بەپێی وەزارەتی تەندروستی، ٣٠٠ کەس کوژراون.", "ckb", "وەزارەتی تەندروستی"),
        # The speaker after "as", not the clause before it.
        ("18 people died in the attack, as residents told Reuters.", "en", "unnamed residents"),
        (
            "Mutum 18 ne suka mutu, kamar yadda mazauna garin suka shaida wa Aminiya.",
            "ha",
            "mazauna garin",
        ),
        ("გავრცელებული ინფორმაციით, 300 ადამიანი დაიღუპა.", "ka", "unspecified reports"),
        ("ჯანდაცვის სამინისტროს ცნობით, 300 ადამიანი დაიღუპა.", "ka", "ჯანდაცვის სამინისტროს"),
        ("Tiettävästi 300 ihmistä on kuollut.", "fi", "unspecified reports"),
        ("Raporttien mukaan 300 ihmistä on kuollut.", "fi", "unspecified reports"),
        ("Terveysministeriön mukaan 300 ihmistä on kuollut.", "fi", "Terveysministeriön"),
        # A colon between a name and its ending is part of the name ("UNHCR:n", UNHCR's).
        (
            "YK:n pakolaisjärjestön UNHCR:n mukaan Ukrainasta on paennut yli 6 miljoonaa ihmistä.",
            "fi",
            "YK:n pakolaisjärjestön UNHCR:n",
        ),
        ("Ukraina: ainakin 12 ihmistä kuoli, kertoi pelastuslaitos.", "fi", "pelastuslaitos"),
        # After "ya ce" come the words said, never the speaker; a name set off by commas
        # after a role before it is the speaker ("the army spokesman, General X, said").
        (
            "Kakakin rundunar, Janar Edward Buba, ya ce dakarun sun kashe 'yan ta'adda 150.",
            "ha",
            "Kakakin rundunar, Janar Edward Buba",
        ),
        (
            "The police spokesman, Michel-Ange Louis-Jeune, said that 16 people were killed.",
            "en",
            "police spokesman, Michel-Ange Louis-Jeune",
        ),
        (
            "Le porte-parole de la police, Michel-Ange Louis-Jeune, a déclaré que 16 "
            "personnes ont été tuées.",
            "fr",
            "porte-parole de la police, Michel-Ange Louis-Jeune",
        ),
        ("Officials said that 16 people were killed.", "en", "unnamed Officials"),
        ("Heavy fighting, officials said that 16 people were killed.", "en", "unnamed officials"),
        ("Według Ministerstwa Zdrowia zginęło 300 osób.", "pl", "author of the article"),
        ("သတင်းများအရ လူ ၃၀၀ ဦး သေဆုံးခဲ့သည်။", "my", "unspecified reports"),
        # "It is said": the army named first is the agent of what is reported, no speaker.
        ("စစ်တပ်က အရပ်သား ၃၀ ဦးကို သတ်ဖြတ်ခဲ့သည်ဟု ဆိုသည်။", "my", "unspecified reports"),
        # "ကြောင်း" (that) closes the words reported; the date before the verb is no
        # part of the speaker.
        (
            "သေဆုံးသူ ၃,၅၆၄ ဦးရှိကြောင်း စစ်ကောင်စီက ဧပြီလ ၁၀ ရက်နေ့တွင် ထုတ်ပြန်သည်။",
            "my",
            "စစ်ကောင်စီက",
        ),
        (
            "စစ်ရှောင်ဦးရေ ၃၅ သိန်းကျော် ရှိနေပြီဖြစ်သည်ဟု ကုလသမဂ္ဂက ဆိုသည်။",
            "my",
            "ကုလသမဂ္ဂက",
        ),
        # Burmese: the speaker between the words reported ("... ဟု") and the verb.
        (
            "လေကြောင်းတိုက်ခိုက်မှုကြောင့် အရပ်သား ၃၀ ဦး သေဆုံးခဲ့သည်ဟု ဒေသခံများက ပြောသည်။",
            "my",
            "ဒေသခံများက",
        ),
        # Tamil names an unnamed speaker after "என்று" (that): "அதிகாரி ஒருவர்", an official.
        (
            "தாக்குதலில் 500க்கும் மேற்பட்ட பொதுமக்கள் காயமடைந்தனர் என்று அதிகாரி ஒருவர் கூறினார்.",
            "ta",
            "அதிகாரி ஒருவர்",
        ),
        ("சுமார் 1,000 பேர் இடம்பெயர்ந்துள்ளதாக தகவல்கள் தெரிவிக்கின்றன.", "ta", "unspecified reports"),
        ("300க்கும் மேற்பட்டோர் கைது செய்யப்பட்டதாக தெரியவந்துள்ளது.", "ta", "unspecified reports"),
    ],
)
def test_according_to_a_report_or_a_party(sentence: str, language: str, source: str) -> None:
    """A report word after "according to" is an unspecified source, not a party; the verb
    after "według X" (Polish puts it there, with no comma) is not read into X's name, so
    no speaker is read at all."""
    got = _nested(sentence + "\n", language=language, published="2024-11-16")
    sources = {s["key"]: s["name"] for s in got["sources"]}
    assert [sources[c["attributions"][0]["source"]] for c in got["claims"]] == [source]


@pytest.mark.parametrize(
    ("sentence", "language", "source"),
    [
        ("Enligt Läkare utan gränser dödades minst 300 civila.", "sv", "Läkare utan gränser"),
        ("Minst 300 civila har dödats, säger Läkare utan gränser.", "sv", "Läkare utan gränser"),
        ("Läkare vid sjukhuset uppger att 30 personer dödades.", "sv", None),
        ("A UN official said 300 people were killed.", "en", None),
        ("Liziba moko ya mampinga elobaki ete basoda 20 babomamaki.", "ln", None),
        ("Batatoli balobaki ete bato 15 babomamaki.", "ln", None),
        (
            "Moto moko oyo alingi nkombo na ye emonana te alobaki ete bato 40 bakufi.",
            "ln",
            None,
        ),
        ("Molobeli ya mampinga alobaki ete bato 300 bakufi.", "ln", "Molobeli ya mampinga"),
    ],
)
def test_a_body_whose_name_begins_with_a_role_is_named(
    sentence: str, language: str, source: str | None
) -> None:
    """Swedish writes only a name's first word in capitals: "Läkare utan gränser" (Doctors
    Without Borders) begins with a role and has no later capital, yet it names a body;
    doctors at a hospital, or an official of a body, remain unnamed."""
    got = _nested(sentence + "\n", language=language, published="2024-11-16")
    origin = next(
        s for s in got["sources"] if s["key"] == got["claims"][0]["attributions"][0]["source"]
    )
    assert (origin["name"] if origin["named"] else None) == source


@pytest.mark.parametrize(
    ("sentence", "language", "as_of"),
    [
        ("Bakanlık dün yaptığı açıklamada 300 kişinin öldüğünü söyledi.", "tr", "2024-11-15"),
        ("Sağlık Bakanlığı cuma günü 300 kişinin öldüğünü açıkladı.", "tr", "2024-11-15"),
        ("Bakanlık pazar günü 300 kişinin öldüğünü açıkladı.", "tr", "2024-11-10"),
        ("保健省は金曜日、300人が死亡したと発表した。", "ja", "2024-11-15"),
        ("保健省は昨日、300人が死亡したと発表した。", "ja", "2024-11-15"),
        ("卫生部昨天表示，300人死亡。", "zh", "2024-11-15"),
        ("وزارت بهداشت روز یک شنبه اعلام کرد ۳۰۰ نفر کشته شدند.", "fa", "2024-11-10"),
        ("وزارت بهداشت روز یک\u200cشنبه اعلام کرد ۳۰۰ نفر کشته شدند.", "fa", "2024-11-10"),
        ("وزارت بهداشت روز شنبه اعلام کرد ۳۰۰ نفر کشته شدند.", "fa", "2024-11-16"),
        ("وزارت بهداشت روز سه شنبه اعلام کرد ۳۰۰ نفر کشته شدند.", "fa", "2024-11-12"),
        ("ሚኒስትሪ ጥዕና ትማሊ 300 ሰባት ከም ዝሞቱ ሓቢሩ።", "ti", "2024-11-15"),
        ("ሚኒስትሪ ጥዕና ሰንበት 300 ሰባት ከም ዝሞቱ ሓቢሩ።", "ti", "2024-11-10"),
        ("Նախարարությունը կիրակի օրը հայտնել է, որ զոհվել է 300 մարդ։", "hy", "2024-11-10"),
        ("2022 թվականի փետրվարի 24-ին զոհվել է 300 մարդ։", "hy", "2022-02-24"),
        ("2023 թ. հոկտեմբերի 7-ին զոհվել է 1200 մարդ։", "hy", "2023-10-07"),
        ("2022 թվականի փետրվարից ի վեր զոհվել է 300 մարդ։", "hy", "2024-11-16"),
        ("Հոկտեմբերի 7-ից ի վեր զոհվել է 43 հազար մարդ։", "hy", "2024-11-16"),
        ("Wezaretê roja Yekşemê ragihand ku 300 kes hatin kuştin.", "ku", "2024-11-10"),
        ("Wezaretê roja Sêşemê ragihand ku 300 kes hatin kuştin.", "ku", "2024-11-12"),
        ("وەزارەتەکە ڕۆژی یەکشەممە ڕایگەیاند کە ٣٠٠ کەس کوژران.", "ckb", "2024-11-10"),
        ("وەزارەتەکە هەفتەی ڕابردوو ڕایگەیاند کە ٣٠٠ کەس کوژران.", "ckb", "2024-11"),
        # A date in Eastern Arabic-Indic or Persian digits, and the izafe on the day ("١٦ی").
        ("لە ١٦ی ئازاری ٢٠٢٢ ٣٠٠ کەس کوژران.", "ckb", "2022-03-16"),
        ("في ١٦ آذار ٢٠٢٢ قتل ٣٠٠ شخص.", "ar", "2022-03-16"),
        ("১৬ নভেম্বর ২০২২ তারিখে ৩০০ জন নিহত হন।", "bn", "2022-11-16"),
        ("در ۱۶ نوامبر ۲۰۲۲ ۳۰۰ نفر کشته شدند.", "fa", "2022-11-16"),
        ("၂၀၂၂ ခုနှစ် မတ်လ ၁၆ ရက်နေ့တွင် လူ ၃၀၀ ဦး သေဆုံးခဲ့သည်။", "my", "2022-03-16"),
        ("မတ်လ ၂၈ ရက်နေ့က ငလျင်ကြောင့် လူ ၃,၇၀၀ ကျော် သေဆုံးခဲ့သည်။", "my", "2024-03-28"),
        ("၂၀၂၁ ခုနှစ် ဖေဖော်ဝါရီလ ကတည်းက လူ ၆,၀၀၀ ကျော် သေဆုံးခဲ့သည်။", "my", "2024-11-16"),
        ("ဝန်ကြီးဌာနက လူ ၃၀၀ ဦး သေဆုံးခဲ့သည်ဟု တနင်္ဂနွေနေ့က ထုတ်ပြန်သည်။", "my", "2024-11-10"),
        ("ပြီးခဲ့သည့်အပတ်က လူ ၁၂ ဦး သေဆုံးခဲ့သည်။", "my", "2024-11"),
        # "ဇွန်" (June) begins the syllable "ဇွန်း" (spoon): no month is named.
        ("ဇွန်း ၁၀ ချောင်း ပျောက်ဆုံးခဲ့သည်။", "my", "2024-11-16"),
        ("திங்கள்கிழமை 300 பேர் கொல்லப்பட்டனர் என்று அமைச்சகம் தெரிவித்தது.", "ta", "2024-11-11"),
        ("வெள்ளியன்று 300 பேர் கொல்லப்பட்டனர்.", "ta", "2024-11-15"),
        ("நவம்பர் 10 அன்று 300 பேர் கொல்லப்பட்டனர்.", "ta", "2024-11-10"),
        ("16 அக்டோபர் 2024 அன்று 45 பேர் காயமடைந்தனர்.", "ta", "2024-10-16"),
        ("கடந்த வாரம் 12 பேர் கொல்லப்பட்டனர்.", "ta", "2024-11"),
        # "முதல்" after a date is "since": the figure is counted up to the article's date.
        ("2022 பிப்ரவரி முதல் 6,000க்கும் மேற்பட்டோர் கொல்லப்பட்டனர்.", "ta", "2024-11-16"),
        ("Ministè Sante Piblik la di yè 300 moun mouri.", "ht", "2024-11-15"),
        ("Nan mwa jiyè 2024, gang yo touye 300 moun, selon ONI.", "ht", "2024-07"),
        ("Minisitele ya bokolongono alobaki lobi eleki ete bato 300 bakufi.", "ln", "2024-11-15"),
        ("Guvernema elobaki mokolo ya vendredi ete bato 300 bakufi.", "ln", "2024-11-15"),
        ("Bato 300 bakufi mokolo ya lomingo.", "ln", "2024-11-10"),
        ("Bato 300 bakufi poso eleki.", "ln", "2024-11"),
        ("Na sanza ya juillet 2024, bato 300 bakufi.", "ln", "2024-07"),
        # "lobi" alone is yesterday or tomorrow; "sanza ya mibale" also the second month.
        ("Lobi bato 300 bakozonga na bandako.", "ln", "2024-11-16"),
        ("Na sanza ya mibale ya bitumba, bato 300 bakufi.", "ln", "2024-11-16"),
        ("Министерството съобщи вчера, че 300 души са загинали.", "bg", "2024-11-15"),
        ("Министерството съобщи в понеделник, че 300 души са загинали.", "bg", "2024-11-11"),
        ("През миналия месец са загинали 300 души, съобщи министерството.", "bg", "2024-10"),
        ("Ministeriet uppgav i söndags att 300 människor dödades.", "sv", "2024-11-10"),
        ("Förra veckan dödades 300 människor i Charkiv.", "sv", "2024-11"),
        ("I fjol dödades 300 människor.", "sv", "2023"),
        ("Den 14 november dödades 300 människor.", "sv", "2024-11-14"),
        ("Ma'aikatar ta ce jiya an kashe mutum 300.", "ha", "2024-11-15"),
        ("Ma'aikatar ta ce ranar Lahadi an kashe mutum 300.", "ha", "2024-11-10"),
        # "Makon jiya" (last week) holds "jiya" (yesterday): it is last week.
        ("Ma'aikatar ta ce a makon jiya an kashe mutum 300.", "ha", "2024-11"),
        ("Ma'aikatar ta ce a watan jiya an kashe mutum 300.", "ha", "2024-10"),
        # After "since" the claim speaks of the article's date, wherever the language writes
        # it: before the date, right before it only ("da" is also "by"), or after it.
        ("Più di 300 persone sono state uccise da maggio 2024.", "it", "2024-11-16"),
        ("Oltre 40.000 persone sono state uccise dal 7 ottobre 2023.", "it", "2024-11-16"),
        ("300 persone sono state uccise da un raid il 5 maggio 2024.", "it", "2024-05-05"),
        ("Mais de 300 pessoas foram mortas desde maio de 2024.", "pt", "2024-11-16"),
        ("Sinds mei 2024 zijn meer dan 300 mensen gedood.", "nl", "2024-11-16"),
        ("Od 24 lutego 2022 roku zginęło ponad 300 osób.", "pl", "2024-11-16"),
        ("24 lutego 2022 roku zginęło ponad 300 osób.", "pl", "2022-02-24"),
        ("Mayıs 2024'ten bu yana 300'den fazla kişi öldürüldü.", "tr", "2024-11-16"),
        ("मई 2024 से अब तक 300 से अधिक लोग मारे गए हैं।", "hi", "2024-11-16"),
        ("مئی 2024 سے اب تک 300 سے زائد افراد ہلاک ہو چکے ہیں۔", "ur", "2024-11-16"),
        ("মে ২০২৪ থেকে এ পর্যন্ত ৩০০ জনের বেশি মানুষ নিহত হয়েছেন।", "bn", "2024-11-16"),
        ("מאז מאי 2024 נהרגו יותר מ-300 בני אדם.", "he", "2024-11-16"),
        ("Zaidi ya watu 300 wameuawa tangu Mei 2024.", "sw", "2024-11-16"),
        ("2024 májusa óta több mint 300 ember halt meg.", "hu", "2024-11-16"),
        ("2024-cü ilin mayından bəri 300-dən çox insan öldürülüb.", "az", "2024-11-16"),
        ("Ji Gulana 2024an ve zêdetirî 300 kes hatin kuştin.", "ku", "2024-11-16"),
        ("Kobanda mai 2024, koleka bato 300 bakufi na kolera.", "ln", "2024-11-16"),
        # A date a war or an offensive began on starts a period too.
        (
            "The war, which began in April 2023, has killed at least 150,000 people.",
            "en",
            "2024-11-16",
        ),
        (
            "At least 150,000 people have died since the war broke out in April 2023.",
            "en",
            "2024-11-16",
        ),
        ("An airstrike on 5 May 2024 killed 30 people.", "en", "2024-05-05"),
        (
            "Bitumba oyo ebandaki na sanza ya avril 2023 esili koboma bato nkoto 150.",
            "ln",
            "2024-11-16",
        ),
        ("Mokolo ya 5 mai 2024, bato 30 bakufi na bombe.", "ln", "2024-05-05"),
        (
            "La guerre, qui a éclaté en avril 2023, a fait au moins 150 000 morts.",
            "fr",
            "2024-11-16",
        ),
        (
            "La guerra, que comenzó en abril de 2023, ha causado al menos 150.000 muertos.",
            "es",
            "2024-11-16",
        ),
        (
            "Der im April 2023 ausgebrochene Krieg hat mindestens 150.000 Menschen getötet.",
            "de",
            "2024-11-16",
        ),
        (
            "La guerra, scoppiata nell'aprile 2023, ha causato almeno 150.000 morti.",
            "it",
            "2024-11-16",
        ),
        (
            "A guerra, que começou em abril de 2023, já matou pelo menos 150 mil pessoas.",
            "pt",
            "2024-11-16",
        ),
        (
            "أسفرت الحرب التي اندلعت في أبريل 2023 عن مقتل 150 ألف شخص على الأقل.",
            "ar",
            "2024-11-16",
        ),
        (
            "De oorlog, die in april 2023 uitbrak, heeft minstens 150.000 doden geëist.",
            "nl",
            "2024-11-16",
        ),
        (
            "Wojna, która wybuchła w kwietniu 2023 roku, pochłonęła ponad 150 tysięcy ofiar.",
            "pl",
            "2024-11-16",
        ),
        ("Nisan 2023'te başlayan savaşta en az 150 bin kişi öldü.", "tr", "2024-11-16"),
        ("במלחמה שפרצה באפריל 2023 נהרגו לפחות 150 אלף בני אדם.", "he", "2024-11-16"),
        ("Vita vilivyoanza Aprili 2023 vimeua watu 150,000.", "sw", "2024-11-16"),
        (
            "Війна, що почалася в лютому 2022 року, забрала життя понад 12 тисяч цивільних.",
            "uk",
            "2024-11-16",
        ),
        (
            "Война, начавшаяся в апреле 2023 года, унесла жизни более 150 тысяч человек.",
            "ru",
            "2024-11-16",
        ),
        (
            "Войната, която започна през февруари 2022 г., е убила над 12 000 цивилни.",
            "bg",
            "2024-11-16",
        ),
        (
            "Válka, která začala v únoru 2022, si vyžádala přes 12 000 civilních obětí.",
            "cs",
            "2024-11-16",
        ),
        (
            "Războiul, care a început în februarie 2022, a ucis peste 12.000 de civili.",
            "ro",
            "2024-11-16",
        ),
        ("La începutul lunii mai 2024, 300 de civili au fost uciși.", "ro", "2024-05"),
        ("Kriget som bröt ut i februari 2022 har dödat över 12 000 civila.", "sv", "2024-11-16"),
        (
            "Perang yang dimulai pada Februari 2022 telah menewaskan 12.000 warga sipil.",
            "id",
            "2024-11-16",
        ),
        (
            "A 2022 februárjában kezdődött háborúban több mint 12 ezer civil halt meg.",
            "hu",
            "2024-11-16",
        ),
        ("Helmikuussa 2022 alkanut sota on tappanut yli 12 000 siviiliä.", "fi", "2024-11-16"),
        ("फरवरी 2022 में शुरू हुए युद्ध में 12,000 से अधिक नागरिक मारे गए हैं।", "hi", "2024-11-16"),
        (
            "2022-ci ilin fevralında başlayan müharibədə 12 mindən çox mülki şəxs həlak olub.",
            "az",
            "2024-11-16",
        ),
        (
            "Səhiyyə Nazirliyi bildirib ki, 2024-cü ilin mayında 300 nəfər həlak olub.",
            "az",
            "2024-05",
        ),
        ("Poolisiin kaleessa namoonni 300 ajjeefamuu beeksise.", "om", "2024-11-15"),
        ("Dilbata namoonni 300 ajjeefamaniiru.", "om", "2024-11-10"),
        ("Sanbata guddaa namoonni 300 ajjeefamaniiru.", "om", "2024-11-10"),
        ("Sadaasa 12, 2024 namoonni 300 ajjeefamaniiru.", "om", "2024-11-12"),
        ("Bara 2023 keessa namoonni 300 ajjeefamaniiru.", "om", "2023"),
        ("Ku wa Gatanu abantu 300 bishwe.", "rw", "2024-11-15"),
        # "Icyumweru" alone is a week: Sunday is "ku Cyumweru".
        ("Ku Cyumweru abantu 300 bishwe.", "rw", "2024-11-10"),
        ("Mu cyumweru gishize abantu 300 bishwe.", "rw", "2024-11"),
        ("Ejo hashize abantu 300 bishwe.", "rw", "2024-11-15"),
        ("Tariki ya 7 Mata 1994 abantu 300 bishwe.", "rw", "1994-04-07"),
        ("Abantu 300 bishwe mu mwaka wa 2023.", "rw", "2023"),
        # "Mata" is April, and a place after "Umurenge wa".
        ("Mu Murenge wa Mata abantu 300 bishwe.", "rw", "2024-11-16"),
        ("Mu Gushyingo 2023 abantu 300 bishwe.", "rw", "2023-11"),
    ],
)
def test_weekdays_and_yesterday_in_verb_final_and_unspaced_text(
    sentence: str, language: str, as_of: str
) -> None:
    """A weekday written inside another's name is not read ("شنبه" in "یک شنبه"); words of
    unspaced scripts are read against their particles ("金曜日、")."""
    from provenance.dates import PartialDate
    from provenance.extract.when import sentence_date

    assert sentence_date(sentence, language, PartialDate(2024, 11, 16)).iso() == as_of


@pytest.mark.parametrize(
    "sentence",
    [
        # The Ethiopian calendar's year then: 5 Tikimt 2017 is 15 October 2024.
        "Onkoloolessa 5, 2017 namoonni 300 ajjeefamaniiru.",
        "Bara 2017 keessa namoonni 300 ajjeefamaniiru.",
        # No year: 16 Hidar is 25 November, and "Sadaasa 16" may be either.
        "Sadaasa 16 namoonni 300 ajjeefamaniiru.",
    ],
)
def test_a_date_that_may_be_of_the_ethiopian_calendar_is_not_read(sentence: str) -> None:
    """Ethiopian outlets write the Ethiopian months with the Oromo names of the Gregorian
    ones: only a year too late to be an Ethiopian one places the date."""
    from provenance.dates import PartialDate
    from provenance.extract.when import sentence_date

    assert sentence_date(sentence, "om", PartialDate(2024, 11, 16)) is None


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Haleellaa kanaan namoonni 300 ajjeefamaniiru.", [("namoonni 300", "people")]),
        ("Yoo xiqqaate namoonni 50 du'aniiru.", [("Yoo xiqqaate namoonni 50", "people")]),
        (
            "Loltoonni 20 fi siviilonni 10 ajjeefaman.",
            [("Loltoonni 20", "troops"), ("siviilonni 10", "people")],
        ),
        # A year before a count noun written ahead of its figure is not a count.
        ("Sadaasa 16, 2024 namoonni 300 ajjeefaman.", [("namoonni 300", "people")]),
        ("Lakkoofsi baqattootaa kuma 10 ga'eera.", [("kuma 10", "")]),
    ],
)
def test_a_word_after_a_figure_is_its_verb_where_nouns_stand_before(
    sentence: str, figures: list[tuple[str, str]]
) -> None:
    """Oromo writes a count noun only before its figure ("namoonni 300 ajjeefaman", 300
    people were killed): the verb after the figure is not what it counts."""
    from provenance.extract.figures import find_figures

    found = find_figures(sentence, "om")
    assert [(f.text, f.quantity.unit) for f in found] == figures


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Abantu 12 baburiwe irengero.", [("Abantu 12", "people")]),
        ("Hapfuye miliyoni 7 z'abantu.", [("miliyoni 7 z'abantu", "people")]),
        # The noun before the first figure says what it counts: the next one's is not it.
        ("Abasirikare 20 n'abasivili 10 bishwe.", [("Abasirikare 20", "troops"), ("10", "")]),
        ("Leta yatanze miliyoni 5 z'amadolari.", [("miliyoni 5 z'amadolari", "USD")]),
    ],
)
def test_a_listed_noun_after_a_figure_is_read_where_none_stands_before(
    sentence: str, figures: list[tuple[str, str]]
) -> None:
    """Kinyarwanda writes a count noun before its figure, and after a multiplier's figure
    only with the genitive ("miliyoni 7 z'abantu", 7 million people): a listed noun after
    the figure is read where none stands before it, an unlisted word is the verb."""
    from provenance.extract.figures import find_figures

    found = find_figures(sentence, "rw")
    assert [(f.text, f.quantity.unit) for f in found] == figures


EXAMPLE = ROOT / "fixtures" / "example_article.md"
EXAMPLE_YAML = """\
format: provenance/1
sources:
- key: example-news
  name: Example News
  kind: news_outlet
  named: true
- key: regional-health-ministry
  name: regional health ministry
  kind: government
  named: true
- key: reuters
  name: Reuters
  kind: news_agency
  named: true
- key: unnamed-defence-official
  name: unnamed defence official
  kind: official
  named: false
documents:
- key: example-news-8ece98bc
  title: Shelling hits market
  outlet: Example News
  published: '2024-06-14'
  language: en
  text: 'Shelling hits market


    At least 14 people were killed when shells hit a market in Northtown on Tuesday, the regional health
    ministry said.


    The army has deployed about 2,500 soldiers to the area, Reuters reported, citing an unnamed defence
    official.

    '
  sha256: ab6545324f73e7f54a85c5a081b7f783805cb0a899a04ee430134cef19370bb8
claims:
- key: at-least-14-people-were-killed-86c9ee20
  text: At least 14 people were killed when shells hit a market in Northtown on Tuesday
  category: casualties
  subject: people
  metric: dead
  location: Northtown
  as_of: '2024-06-11'
  language: en
  quantity: At least 14 people
  attributions:
  - source: regional-health-ministry
    via:
    - example-news
    document: example-news-8ece98bc
    quote: At least 14 people were killed when shells hit a market in Northtown on Tuesday, the regional
      health ministry said.
- key: the-army-has-deployed-about-2-500-2da4a059
  text: The army has deployed about 2,500 soldiers to the area
  category: troop_count
  subject: soldiers
  as_of: '2024-06-14'
  language: en
  quantity: about 2,500 soldiers
  attributions:
  - source: unnamed-defence-official
    via:
    - reuters
    - example-news
    document: example-news-8ece98bc
    quote: The army has deployed about 2,500 soldiers to the area, Reuters reported, citing an unnamed
      defence official.
    hedges:
    - reported
    - citing
"""


def test_cli_extract_prints_exactly_the_import_format(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "extract", str(EXAMPLE), "--published", "2024-06-14", "--outlet", "Example News"
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == EXAMPLE_YAML


PAGE = """\
<!DOCTYPE html>
<html lang="en"><head><title>Strike on depot | Example News</title>
<meta property="og:title" content="Strike on fuel depot kills workers">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Sam Writer">
<meta property="article:published_time" content="2024-09-03T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Strike on fuel depot kills workers</h1>
<p>At least 7 workers were killed in a strike on a fuel depot near Rivertown on Monday, the regional governor said.</p>
<p>Around 40 tonnes of fuel burned, according to the emergency service.</p>
<p>The depot had been built in 1998 and employed workers aged 20 to 60 in three shifts.</p>
</article>
<footer>Copyright 2024 Example News. 12 comments.</footer>
</body></html>
"""


def test_html_page_through_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.outlet, article.author) == (
        "Strike on fuel depot kills workers", "Example News", "Sam Writer",
    )  # fmt: skip
    assert article.published is not None and article.published.startswith("2024-09-03")
    assert "Home" not in article.text and "comments" not in article.text
    got = to_nested([extract_article(article)])
    assert [(c["quantity"], c.get("as_of")) for c in got["claims"]] == [
        ("At least 7 workers", "2024-09-02"),
        ("Around 40 tonnes", "2024-09-03"),
    ]


@pytest.mark.parametrize(
    ("sentence", "language", "figure"),
    [
        ("In September over 21 million people faced hunger.", "en", "over 21 million people"),
        # A year right after its month is the date's, whatever word follows it.
        ("Iskussa kuoli 16. marraskuuta 2024 ainakin 12 ihmistä.", "fi", "ainakin 12 ihmistä"),
        (
            "Helmikuusta 2022 lähtien maasta on paennut 6 miljoonaa ihmistä.",
            "fi",
            "6 miljoonaa ihmistä",
        ),
        ("Im November 2024 mindestens 12 Menschen getötet.", "de", "mindestens 12 Menschen"),
        # A verb after a figure is not its noun ("of which 62 were shot down").
        ("Yöllä laukaistuista drooneista 62 torjuttiin.", "fi", "62"),
        ("Die Armee zog 22 in Neustadt stationierte Panzer ab.", "de", "22"),
        ("Rapò a presize 1 494 te kidnape.", "ht", "1 494"),
        ("Yon responsab di 12 ajan te blese.", "ht", "12 ajan"),
        ("Nan 20yèm syèk la, 30 moun te mouri.", "ht", "30 moun"),
        ("Lidè gang 400 Mawozo a kidnape 17 misyonè.", "ht", "17 misyonè"),
        # Lingala: the count noun before the figure, the verb stating it after.
        ("Bato 300 bakufi na bitumba.", "ln", "Bato 300"),
        (
            "Na kolanda OCHA, koleka bato nkoto 10 bakimi bandako na bango.",
            "ln",
            "koleka bato nkoto 10",
        ),
        ("Na mobu 2023, bato 300 bakufi.", "ln", "bato 300"),
        ("Na mibu 20, bato 300 bakufi.", "ln", "bato 300"),
        ("Bato 300 bakufi poso eleki.", "ln", "Bato 300"),
        ("Bato 300 bakufi pene na engumba.", "ln", "Bato 300"),
        ("قالت الوزارة إن 17 قتيلاً سقطوا في الفرقة 22 في المدينة.", "ar", "17 قتيلاً"),
        (
            "El número de desplazados en Sudán superó los 11 millones, según la OIM.",
            "es",
            "superó los 11 millones",
        ),
        ("The toll in Gaza topped 40,000, the ministry said.", "en", "topped 40,000"),
        ("5-րդ բրիգադի 25-ամյա զինծառայողը հայտնել է, որ զոհվել է 2 զինվոր։", "hy", "2 զինվոր"),
        # A multiplier written before the figure is read with it, not left behind.
        ("Watu elfu 61 waliuawa.", "sw", "Watu elfu 61"),
        ("Watu elfu 7,500 na watu 20 waliuawa.", "sw", "watu 20"),
        ("Mutane dubu 10 ne suka tsere zuwa Chadi.", "ha", "Mutane dubu 10"),
        ("Rasha ta rasa sojoji fiye da 600,000 tun fara yaƙin.", "ha", "sojoji fiye da 600,000"),
        ("A ranar 15 ga Nuwamba mutum 20 sun mutu a Kano.", "ha", "mutum 20"),
        ("Kimanin kashi 70 cikin 100 na asibitoci ba sa aiki.", "ha", "Kimanin kashi 70"),
        # Swahili "kama" (about) is Hausa "arrest"; "kamar yadda" (as) is no hedge.
        ("'Yan sanda sun kama mutum 300 a Kano.", "ha", "mutum 300"),
        ("Mutum 50 aka kashe kamar yadda rundunar ta bayyana.", "ha", "Mutum 50"),
        ("Sojoji sun kashe 'yan bindiga 30 a dajin Kaduna.", "ha", "yan bindiga 30"),
        ("47-ма бригада съобщи, че 12 войници са ранени.", "bg", "12 войници"),
        # A year after its month is no figure, though a verb follows it ("2024 meddelade").
        ("Den 16 november 2024 meddelade WHO att 12 sjukhus hade stängts.", "sv", "12 sjukhus"),
        # "Under" after a figure is "during", not "under".
        ("Minst 300 människor dödades under natten.", "sv", "Minst 300 människor"),
        # Burmese: a battalion's or a division's number is no figure; the clause's verb
        # after the figure is not its noun.
        ("ခလရ ၃၃ တပ်ရင်းမှ စစ်သား ၂၀ ဦး ကျဆုံးခဲ့သည်။", "my", "စစ်သား ၂၀"),
        ("တပ်မ ၇၇ မှ စစ်သား ၂၀ ဦး ကျဆုံးခဲ့သည်။", "my", "စစ်သား ၂၀"),
        ("စစ်သား ၂၀၀ ခန့် ထိုဒေသသို့ ချထားခဲ့သည်။", "my", "စစ်သား ၂၀၀ ခန့်"),
        # A year after a word that is also a hedge: "under 2023" is during 2023.
        ("Drygt 16 000 personer sökte asyl i Sverige under 2023.", "sv", "Drygt 16 000 personer"),
        # Kinyarwanda: the count noun before the hedge and the multiplier; a rank ("ku nshuro
        # ya 30", for the 30th time) and a year after "wa" are no figures.
        ("Impunzi zirenga ibihumbi 10 zahungiye muri Uganda.", "rw", "Impunzi zirenga ibihumbi 10"),
        ("Ku nshuro ya 30 abantu 300 bibutse.", "rw", "abantu 300"),
        ("Mu mwaka wa 2023 abantu 300 bishwe.", "rw", "abantu 300"),
    ],
)
def test_figures_beside_months_units_and_function_words(
    sentence: str, language: str, figure: str
) -> None:
    got = _nested(sentence + "\n", language=language)
    assert [c["quantity"] for c in got["claims"]] == [figure]


@pytest.mark.parametrize(
    ("sentence", "language", "as_of", "figure"),
    [
        (
            "Az orosz hadsereg szerint 2024. november 16-án 10 és 20 ember között halt meg.",
            "hu",
            "2024-11-16",
            "10 és 20 ember között",
        ),
        (
            "Bakanlığa göre 2024 Kasım ayında 10 ile 20 kişi arasında öldü.",
            "tr",
            "2024-11",
            "10 ile 20 kişi arasında",
        ),
        ("ፖሊስ እንዳለው በጥቃቱ ከ10 እስከ 20 ሰዎች ተገድለዋል።", "am", "2026-01-05", "ከ10 እስከ 20 ሰዎች"),
        ("ፖሊስ ከም ዝሓበሮ ኣብቲ መጥቃዕቲ ካብ 10 ክሳብ 20 ሰባት ተቐቲሎም።", "ti", "2026-01-05", "ካብ 10 ክሳብ 20 ሰባት"),
        (
            "Ըստ ոստիկանության՝ զոհվել է 10-ից մինչև 20 մարդ։",
            "hy",
            "2026-01-05",
            "10-ից մինչև 20 մարդ",
        ),
        (
            "სამინისტროს ცნობით, 2024 წლის 16 ნოემბერს 10-დან 20-მდე ადამიანი დაიღუპა.",
            "ka",
            "2024-11-16",
            "10-დან 20-მდე ადამიანი",
        ),
        ("2022 წლის თებერვალში 300 ადამიანი დაიღუპა.", "ka", "2022-02", "300 ადამიანი"),
    ],
)
def test_ranges_and_year_first_dates_in_running_text(
    sentence: str, language: str, as_of: str, figure: str
) -> None:
    """A range closed after its figures is one figure, not two; a year written before its
    month is the claim's year, not the one before the article's."""
    got = _nested(sentence + "\n", language=language, published="2026-01-05")
    assert [(c["as_of"], c["quantity"]) for c in got["claims"]] == [(as_of, figure)]


def test_georgian_sentences_split_without_capitals() -> None:
    """Georgian has no capitals to begin a sentence: each sentence keeps its own source,
    and a claim's text keeps its letter (Mtavruli never begins a sentence)."""
    text = (
        "არმიამ განაცხადა, რომ 20 მებრძოლი მოკლა. "
        "სამინისტროს თქმით, 43 ათასზე მეტი ადამიანი დაიღუპა.\n"
    )
    got = _nested(text, language="ka", published="2024-11-16")
    sources = {s["key"]: s["name"] for s in got["sources"]}
    rows = [(c["quantity"], sources[c["attributions"][0]["source"]]) for c in got["claims"]]
    assert rows == [("20 მებრძოლი", "არმიამ"), ("43 ათასზე მეტი ადამიანი", "სამინისტროს")]
    assert [c["text"][:1] for c in got["claims"]] == ["2", "ს"]


@pytest.mark.parametrize(
    ("sentence", "as_of", "figure"),
    [
        ("2022 წლის 24 თებერვლიდან 6 მილიონზე მეტი ადამიანი გაიქცა.", "2024-11-16",
         "6 მილიონზე მეტი ადამიანი"),
        ("2014 წლიდან 14 ათასი ადამიანი დაიღუპა.", "2024-11-16", "14 ათასი ადამიანი"),
        ("16 ნოემბერს 25 ადამიანი დაიღუპა.", "2024-11-16", "25 ადამიანი"),
        ("ნოემბერში 25 ადამიანი დაიღუპა.", "2024-11", "25 ადამიანი"),
        ("2022 წლის 24 თებერვალს 137 ადამიანი დაიღუპა.", "2022-02-24", "137 ადამიანი"),
    ],
)  # fmt: skip
def test_georgian_dates_in_running_text(sentence: str, as_of: str, figure: str) -> None:
    """ "Since" is an ending ("-დან") on the month or year: the figure is counted to the
    article's date. A day stands before its month, so a figure after a month is a count.
    The year comes first, before "წლის" (of the year), then the day and month."""
    got = _nested(sentence + "\n", language="ka", published="2024-11-16")
    assert [(c["as_of"], c["quantity"]) for c in got["claims"]] == [(as_of, figure)]


@pytest.mark.parametrize(
    ("sentence", "language", "as_of"),
    [
        ("In November, 12 people died in the shelling.", "en", "2025-11"),
        ("The toll rose from 1,500 in November to 2,000.", "en", "2025-11"),
        ("A támadásban 2024 novemberében meghalt 12 ember.", "hu", "2024-11"),
    ],
)
def test_a_figure_near_a_month_name_is_not_its_day(
    sentence: str, language: str, as_of: str
) -> None:
    """A day is written against its month name; a figure after a comma, after another word
    or after an inflected form that takes no day ("novemberében", in November) is a figure."""
    from provenance.dates import PartialDate
    from provenance.extract.when import sentence_date

    assert sentence_date(sentence, language, PartialDate(2026, 1, 5)).iso() == as_of


@pytest.mark.parametrize(
    ("sentence", "language", "as_of"),
    [
        ("On Nov. 16, 12 people died.", "en", "2025-11-16"),
        ("On the 16th of November 12 people died.", "en", "2025-11-16"),
        ("On November 16, 2024, 12 people died.", "en", "2024-11-16"),
        ("El 23 de noviembre murieron 12 personas.", "es", "2025-11-23"),
        ("Am 23. November starben 12 Menschen.", "de", "2025-11-23"),
        ("23 ноября погибли 12 человек.", "ru", "2025-11-23"),
        ("A támadásban 2024. november 16-án 12 ember meghalt.", "hu", "2024-11-16"),
        ("A ranar 16 ga Nuwamba mutum 12 sun mutu.", "ha", "2025-11-16"),
        ("เมื่อวันที่ 16 พฤศจิกายน มีผู้เสียชีวิต 12 ราย", "th", "2025-11-16"),
        ("នៅថ្ងៃទី១៦ ខែវិច្ឆិកា ទាហាន ១២ នាក់បានស្លាប់។", "km", "2025-11-16"),
        ("កាលពីថ្ងៃទី២៤ ខែកក្កដា ឆ្នាំ២០២៥ ទាហាន ១២ នាក់បានស្លាប់។", "km", "2025-07-24"),
        ("នៅថ្ងៃទី 8 ខែវិច្ឆិកា ឆ្នាំ 2024 ទាហាន ១២ នាក់បានស្លាប់។", "km", "2024-11-08"),
        ("Ngày 16 tháng 11, 12 người đã thiệt mạng.", "vi", "2025-11-16"),
        ("Ngày 16 tháng 11 năm 2024, 12 người đã thiệt mạng.", "vi", "2024-11-16"),
        # "tháng 1" (January) is not read inside "tháng 11" (November).
        ("Ngày 3 tháng 1, 12 người đã thiệt mạng.", "vi", "2026-01-03"),
        # A day and month in figures, day first, after "hôm"/"ngày" (on the day).
        ("Hôm 12/11, 12 người đã thiệt mạng.", "vi", "2025-11-12"),
        ("Ngày 16/11/2024, 12 người đã thiệt mạng.", "vi", "2024-11-16"),
        ("Kể từ ngày 24/2/2022, 12 người đã thiệt mạng.", "vi", "2026-01-05"),
        ("Tỷ lệ tử vong là 1/3, 12 người đã thiệt mạng.", "vi", "2026-01-05"),
    ],
)
def test_a_day_written_against_its_month_name(sentence: str, language: str, as_of: str) -> None:
    from provenance.dates import PartialDate
    from provenance.extract.when import sentence_date

    assert sentence_date(sentence, language, PartialDate(2026, 1, 5)).iso() == as_of


@pytest.mark.parametrize(
    "text",
    [
        "रूस ने कहा कि 500 सैनिक मारे गए। यूक्रेन ने इसका खंडन किया।",
        "রাশিয়া বলেছে ৫০০ সৈন্য নিহত হয়েছে। ইউক্রেন অস্বীকার করেছে।",
        "روس نے کہا کہ 500 فوجی ہلاک ہوئے۔ یوکرین نے تردید کی۔",
        "ሩሲያ 500 ወታደሮች ሞተዋል አለች። ዩክሬን አስተባበለች።",
        "Ռուսաստանը հայտարարել է, որ զոհվել է 500 զինծառայող։ Ուկրաինան հերքել է։",
        "ရုရှားက စစ်သား ၅၀၀ ကျဆုံးခဲ့သည်ဟု ပြောသည်။ယူကရိန်းက ငြင်းဆိုသည်။",
        # "ஐ.நா." (UN) is an abbreviation, not the end of a sentence.
        "500 வீரர்கள் கொல்லப்பட்டதாக ஐ.நா. அறிக்கை கூறுகிறது. உக்ரைன் இதை மறுத்துள்ளது.",
    ],
)
def test_a_danda_and_other_scripts_full_stops_end_sentences(text: str) -> None:
    """Hindi and Bengali (।), Urdu (۔), Amharic (።), Armenian (։) and Burmese (။, a space after
    it or not) paragraphs are prose, not page furniture, and split into their sentences."""
    from provenance.extract.sentences import sentences

    found = sentences(text)
    assert len(found) == 2
    assert text[found[0].start : found[1].end] == text


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("Am 24. Februar 2022 starben laut Ministerium 300 Menschen.", "de", 1),
        ("Die 47. Brigade meldete 12 zerstörte Panzer.", "de", 1),
        ("Die Zahl der Toten stieg auf 47. Die Armee bestätigte das.", "de", 2),
        ("47. Mekanize Tugay 12 tank imha etti.", "tr", 1),
        ("Russia said 47. The army denied it.", "en", 2),
        ("Rusko uvedlo 47. Armáda to popřela.", "cs", 2),
    ],
)
def test_an_ordinal_dot_ends_no_sentence(text: str, language: str, count: int) -> None:
    """German and other languages write ordinals with a dot ("am 24. Februar", "die 47.
    Brigade"): the sentence goes on. Before a function word ("Die Armee") the dot ends it;
    in English a number and a dot always may."""
    from provenance.extract.sentences import sentences

    assert len(sentences(text + "\n", language)) == count


WIRE_ES = """\
<html><head><title>Sudán: la cifra de desplazados supera los 11 millones</title>
<meta name="author" content="Ana Pérez">
<meta property="article:published_time" content="2024-11-16"></head><body><article>
<h1>Sudán: la cifra de desplazados supera los 11 millones</h1>
<p>JARTUM, 16 nov (Reuters) - El número de desplazados internos en Sudán ha superado los 11 millones, según la Organización Internacional para las Migraciones (OIM).</p>
<p>Un portavoz de la OIM dijo a Reuters que al menos 3 millones de personas han huido a países vecinos desde abril de 2023.</p>
<p>Según fuentes médicas que pidieron el anonimato, unas 150 personas murieron el viernes en ataques de las Fuerzas de Apoyo Rápido en El Fasher.</p>
</article></body></html>
"""

WIRE = {
    "en": """\
Sudan's displaced top 11 million

KHARTOUM, Nov 16 (Reuters) - The number of people internally displaced in Sudan has passed 11 million, according to the International Organization for Migration (IOM).

An IOM spokesperson told Reuters that at least 3 million people have fled to neighbouring countries since April 2023.

According to medical sources who asked not to be named, about 150 people were killed on Friday in attacks by the Rapid Support Forces in El Fasher.
""",
    "fr": """\
Soudan: plus de 11 millions de déplacés

KHARTOUM, 16 novembre (AFP) - Le nombre de déplacés internes au Soudan a dépassé les 11 millions, selon l'Organisation internationale pour les migrations (OIM).

Un porte-parole de l'OIM a déclaré à l'AFP qu'au moins 3 millions de personnes ont fui vers les pays voisins depuis avril 2023.

Selon des sources médicales qui ont requis l'anonymat, quelque 150 personnes ont été tuées vendredi dans des attaques des Forces de soutien rapide à El Facher.
""",
    "ar": """\
السودان: عدد النازحين يتجاوز 11 مليونا

الخرطوم (رويترز) - تجاوز عدد النازحين داخليا في السودان 11 مليونا، وفقا للمنظمة الدولية للهجرة.

وفقا لمصادر طبية طلبت عدم الكشف عن هويتها، قتل نحو 150 شخصا يوم الجمعة في هجمات لقوات الدعم السريع في الفاشر.
""",
    "ru": """\
Число перемещенных лиц в Судане превысило 11 млн

МОСКВА, 16 ноября. /ТАСС/. Число внутренне перемещенных лиц в Судане превысило 11 млн, сообщила Международная организация по миграции.
""",
}

WIRE_EXPECTED = {
    "es": [
        (
            "El número de desplazados internos en Sudán ha superado los 11 millones",
            "Sudán",
            "Organización Internacional para las Migraciones",
            ["Reuters"],
        ),
        (
            "Al menos 3 millones de personas han huido a países vecinos desde abril de 2023.",
            None,
            "portavoz de la OIM",
            ["Reuters"],
        ),
        (
            "Unas 150 personas murieron el viernes en ataques de las Fuerzas de Apoyo Rápido"
            " en El Fasher.",
            "El Fasher",
            "fuentes médicas",
            ["Reuters"],
        ),
    ],
    "en": [
        (
            "The number of people internally displaced in Sudan has passed 11 million",
            "Sudan",
            "International Organization for Migration",
            ["Reuters", "Example News"],
        ),
        (
            "At least 3 million people have fled to neighbouring countries since April 2023.",
            None,
            "unnamed IOM spokesperson",
            ["Reuters", "Example News"],
        ),
        (
            "About 150 people were killed on Friday in attacks by the Rapid Support Forces"
            " in El Fasher.",
            "El Fasher",
            "medical sources",
            ["Reuters", "Example News"],
        ),
    ],
    "fr": [
        (
            "Le nombre de déplacés internes au Soudan a dépassé les 11 millions",
            "Soudan",
            "Organisation internationale pour les migrations",
            ["AFP", "Example News"],
        ),
        (
            "Au moins 3 millions de personnes ont fui vers les pays voisins depuis avril 2023.",
            None,
            "porte-parole de l'OIM",
            ["AFP", "Example News"],
        ),
        (
            "Quelque 150 personnes ont été tuées vendredi dans des attaques des Forces de"
            " soutien rapide à El Facher.",
            "El Facher",
            "des sources médicales",
            ["AFP", "Example News"],
        ),
    ],
    "ar": [
        (
            "تجاوز عدد النازحين داخليا في السودان 11 مليونا",
            None,
            "المنظمة الدولية للهجرة",
            ["رويترز", "Example News"],
        ),
        (
            "قتل نحو 150 شخصا يوم الجمعة في هجمات لقوات الدعم السريع في الفاشر.",
            None,
            "مصادر طبية طلبت عدم الكشف عن هويتها",
            ["رويترز", "Example News"],
        ),
    ],
    "ru": [
        (
            "Число внутренне перемещенных лиц в Судане превысило 11 млн",
            "Судане",
            "Международная организация по миграции",
            ["ТАСС", "Example News"],
        ),
    ],
}


def _wire_rows(got: dict) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    sources = {s["key"]: s for s in got["sources"]}
    text = got["documents"][0]["text"]
    rows = []
    for claim in got["claims"]:
        a = claim["attributions"][0]
        assert a["quote"] in text
        rows.append(
            (
                claim["text"],
                claim.get("location"),
                sources[a["source"]]["name"],
                [sources[v]["name"] for v in a.get("via", [])],
            )
        )
    return rows


def test_wire_story_through_html(tmp_path: Path) -> None:
    """The dateline is cut from the claim, its agency relays what has no other relay; a
    place is not the listener ("dijo a Reuters") nor inside a party's name ("Fuerzas de
    Apoyo Rápido"); a source's relative clause goes with the source."""
    path = tmp_path / "a.html"
    path.write_text(WIRE_ES, encoding="utf-8")
    got = to_nested([extract_article(read_article(path))])
    assert _wire_rows(got) == WIRE_EXPECTED["es"]
    first = got["claims"][0]["attributions"][0]["quote"]
    assert first.startswith("JARTUM, 16 nov (Reuters) - El número")


@pytest.mark.parametrize("language", sorted(WIRE))
def test_wire_story_in_other_languages(language: str) -> None:
    got = _nested(WIRE[language], published="2024-11-16", outlet="Example News")
    assert got["documents"][0]["language"] == language
    assert _wire_rows(got) == WIRE_EXPECTED[language]


def test_a_statement_of_wire_copy_is_the_agency_s() -> None:
    text = "Flooding in the south\n\nPARIS (AFP) - At least 12 people died in floods in Valence.\n"
    got = _nested(text, outlet="Example News")
    assert _wire_rows(got) == [
        ("At least 12 people died in floods in Valence.", "Valence", "AFP", ["Example News"])
    ]


@pytest.mark.parametrize(
    ("text", "agency", "after"),
    [
        ("KYIV, Nov 16 (Reuters) — Russia fired 120 missiles.", "Reuters", "Russia"),
        ("PARIS (AFP) - Au moins 12 morts.", "AFP", "Au"),
        ("SAN JUAN, Puerto Rico, Nov. 16 (AP) — At least 9 died.", "AP", "At"),
        ("BERLIN (dpa) - Mindestens 12 Tote.", "dpa", "Mindestens"),
        ("الخرطوم (رويترز) - قتل 12 شخصا.", "رويترز", "قتل"),
        ("МОСКВА, 16 ноября. /ТАСС/. Погибли 12 человек.", "ТАСС", "Погибли"),
        ("Headline\n\nKHARTOUM, Nov 16 (Reuters) - More than 11 million fled.", "Reuters", "More"),
    ],
)
def test_datelines(text: str, agency: str, after: str) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.agency, text[found.end :].split()[0]) == (agency, after)


@pytest.mark.parametrize(
    "text",
    [
        "At least 14 people (the ministry said) - killed.",
        "El presidente (PP) - dijo que 12 murieron.",
        "Kyiv said 12 people died (Reuters).",
        "Headline\n\nThe ministry said 12 died.\n\nKYIV (Reuters) - Later text.",
    ],
)
def test_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("language", "sentence", "location"),
    [
        (
            "es",
            "Al menos 3 millones de personas han huido a países vecinos, dijo un portavoz de"
            " la OIM a Reuters.",
            None,
        ),
        (
            "es",
            "Unas 150 personas murieron el viernes en ataques de las Fuerzas de Apoyo Rápido en"
            " El Fasher, según fuentes médicas.",
            "El Fasher",
        ),
        (
            "en",
            "About 150 people were killed on Friday when fighters from the Rapid Support Forces"
            " stormed a market in El Fasher, medical sources said.",
            "El Fasher",
        ),
        (
            "en",
            "At least 3 million people have fled to neighbouring countries, an IOM spokesperson"
            " said in comments to Reuters.",
            None,
        ),
    ],
)
def test_location_is_no_source_listener_or_party(
    language: str, sentence: str, location: str | None
) -> None:
    got = _nested(sentence + "\n", language=language)
    assert [c.get("location") for c in got["claims"]] == [location]


@pytest.mark.parametrize(
    ("language", "sentence", "text", "origin"),
    [
        (
            "en",
            "Medical sources who asked not to be named told Reuters that about 150 people were"
            " killed in El Fasher.",
            "About 150 people were killed in El Fasher.",
            ("Medical sources", False),
        ),
        (
            "de",
            "Nach Angaben von Ärzten, die anonym bleiben wollten, wurden rund 150 Menschen in"
            " El Fascher getötet.",
            "Wurden rund 150 Menschen in El Fascher getötet.",
            ("Ärzten", False),
        ),
        (
            "fr",
            "Selon un responsable de l'ONU qui a requis l'anonymat, plus de 2.000 personnes"
            " ont été tuées au Darfour.",
            "Plus de 2.000 personnes ont été tuées au Darfour.",
            ("responsable de l'ONU", False),
        ),
        (
            "fi",
            "Nimettömänä pysyttelevä virkamies kertoi Reutersille, että noin 2 500 sotilasta on"
            " siirretty alueelle.",
            "Noin 2 500 sotilasta on siirretty alueelle.",
            ("Nimettömänä pysyttelevä virkamies", False),
        ),
        (
            "fi",
            "Asiaan perehtyneiden lähteiden mukaan noin 10 000 sotilasta on siirretty rajalle.",
            "Asiaan perehtyneiden lähteiden mukaan noin 10 000 sotilasta on siirretty rajalle.",
            ("Asiaan perehtyneiden lähteiden", False),
        ),
    ],
)
def test_a_source_s_relative_clause_is_part_of_the_source(
    language: str, sentence: str, text: str, origin: tuple[str, bool]
) -> None:
    got = _nested(sentence + "\n", language=language)
    claim = got["claims"][0]
    key = claim["attributions"][0]["source"]
    source = next(s for s in got["sources"] if s["key"] == key)
    assert (claim["text"], (source["name"], source["named"])) == (text, origin)


@pytest.mark.parametrize(
    ("language", "sentence", "origin", "via"),
    [
        (
            "es",
            "Al menos 3 millones de personas han huido a países vecinos, dijo un portavoz de"
            " la OIM a Reuters.",
            "portavoz de la OIM",
            ["Reuters"],
        ),
        (
            "fr",
            "Au moins 3 millions de personnes ont fui vers les pays voisins, a déclaré un"
            " porte-parole de l'OIM à l'agence Reuters.",
            "porte-parole de l'OIM",
            ["Reuters"],
        ),
        (
            "sv",
            "Minst 3 miljoner människor har flytt till grannländerna, säger en talesperson för"
            " IOM till TT.",
            "talesperson för IOM",
            ["TT"],
        ),
        (
            "sv",
            "Omkring 10 000 soldater finns i Kursk, säger en källa till Reuters.",
            "källa",
            ["Reuters"],
        ),
        # Burmese: the speaker with its subject particle, the listener with "ကို" after it.
        (
            "my",
            "လေကြောင်းတိုက်ခိုက်မှုတွင် ရွာသား ၂၀ ဦး သေဆုံးခဲ့သည်ဟု ဒေသခံတစ်ဦးက RFA ကို ပြောသည်။",
            "ဒေသခံတစ်ဦးက",
            ["RFA"],
        ),
    ],
)
def test_a_listener_after_a_speaker_named_after_the_verb_is_a_relay(
    language: str, sentence: str, origin: str, via: list[str]
) -> None:
    got = _nested(sentence + "\n", language=language)
    sources = {s["key"]: s["name"] for s in got["sources"]}
    a = got["claims"][0]["attributions"][0]
    assert (sources[a["source"]], [sources[v] for v in a.get("via", [])]) == (origin, via)


@pytest.mark.parametrize(
    ("sentence", "language", "figure"),
    [
        ("The ministry said 300 people were killed, three of them children.", "en", "300 people"),
        (
            "Selon le ministère, 300 personnes ont été tuées, dont trois enfants.",
            "fr",
            "300 personnes",
        ),
        ("Ministeriet uppger att 300 människor dödades, varav tre barn.", "sv", "300 människor"),
    ],
)
def test_a_number_word_later_in_the_sentence_does_not_spoil_the_figure(
    sentence: str, language: str, figure: str
) -> None:
    """The figure's window is cut before a later number word, as before later digits."""
    got = _nested(sentence + "\n", language=language)
    assert [c["quantity"] for c in got["claims"]] == [figure]


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("About 2000 people were killed in El Fasher, the ministry said.", "2024-11-16"),
        ("Some 1999 soldiers were captured near the town.", "2024-11-16"),
        ("The agency counted a total of 2000 people displaced.", "2024-11-16"),
        ("The UN said 1500 families fled in 2023.", "2023"),
        ("In 2023 the army lost 500 troops.", "2023"),
        ("Plus de 2000 personnes ont fui en 2023, selon l'ONU.", "2023"),
    ],
)
def test_a_figure_is_not_the_year_it_looks_like(sentence: str, as_of: str) -> None:
    """A four-digit figure counting something is not a date: the sentence gets the
    document's date; a year after "in" or before a full stop is still read."""
    from provenance.dates import PartialDate
    from provenance.extract.when import sentence_date

    language = "fr" if sentence.startswith("Plus") else "en"
    assert sentence_date(sentence, language, PartialDate(2024, 11, 16)).iso() == as_of


@pytest.mark.parametrize(
    ("sentence", "language", "figures"),
    [
        ("The number of displaced people rose by 40 percent, the UN said.", "en", []),
        ("Food prices increased by 300 percent in a year.", "en", []),
        ("Attacks on aid workers saw a rise of 25 percent.", "en", []),
        ("The toll rose to 40,000, the ministry said.", "en", ["rose to 40,000"]),
        ("Le nombre de déplacés est en hausse de 40 % selon l'ONU.", "fr", []),
        ("Die Zahl der Flüchtlinge ist um 40 Prozent gestiegen.", "de", []),
        ("Die Zahl der Toten ist auf 40.000 gestiegen.", "de", ["ist auf 40.000 gestiegen"]),
        ("Число беженцев выросло на 40%.", "ru", []),
        ("ارتفع عدد النازحين بنسبة 40% خلال شهر.", "ar", []),
        ("Het aantal ontheemden steeg met 40 procent.", "nl", []),
        ("Er was een stijging van 40 procent in een jaar.", "nl", []),
        ("Het dodental steeg tot 40.000.", "nl", ["steeg tot 40.000"]),
        ("Liczba uchodźców wzrosła o 40 procent.", "pl", []),
        ("Liczba ofiar wzrosła do 40 tysięcy.", "pl", ["wzrosła do 40 tysięcy"]),
        ("Počet uprchlíků vzrostl o 40 procent.", "cs", []),
        ("Počet obětí vzrostl na 40 tisíc.", "cs", ["vzrostl na 40 tisíc"]),
        ("Колькасць бежанцаў вырасла на 40 працэнтаў.", "be", []),
        ("Колькасць загінулых вырасла да 40 тысяч.", "be", ["вырасла да 40 тысяч"]),
        ("Broj izbeglica porastao je za 40 odsto.", "sr", []),
        ("Број избеглица је порастао за 40 одсто.", "sr", []),
        ("Broj poginulih je porastao na 40.000.", "sr", ["je porastao na 40.000"]),
        ("Numărul refugiaților a crescut cu 40%.", "ro", []),
        ("Bilanțul a crescut la 40.000 de morți.", "ro", ["a crescut la 40.000 de morți"]),
        ("Ο αριθμός των προσφύγων αυξήθηκε κατά 40%.", "el", []),
        ("Ο αριθμός των νεκρών ανήλθε σε 40.000.", "el", ["ανήλθε σε 40.000"]),
        ("חלה עלייה של 40 אחוז במספר העקורים.", "he", []),
        ("מספר ההרוגים עלה ל-40,000.", "he", ["עלה ל-40,000"]),
        ("افزایش ۴۰ درصدی آوارگان گزارش شد.", "fa", []),
        ("شمار آوارگان با افزایش به ۴۰ هزار نفر رسید.", "fa", ["به ۴۰ هزار نفر"]),
        ("Jumlah pengungsi naik sebesar 40 persen.", "id", []),
        ("Jumlah korban naik menjadi 40.000 orang.", "id", ["naik menjadi 40.000 orang"]),
        ("Jumlah pengungsi naik 40 persen dalam sebulan.", "id", []),
        ("Korban tewas bertambah 300 orang.", "id", []),
        ("Jumlah korban tewas naik hingga 40.000 orang.", "id", []),
        ("Idadi ya wakimbizi iliongezeka kwa asilimia 40.", "sw", []),
        ("Kumekuwa na ongezeko la asilimia 40.", "sw", []),
        ("Tirada barakacayaasha ayaa kordhay boqolkiiba 40.", "so", []),
        ("Yawan 'yan gudun hijira ya ƙaru da kashi 40 cikin 100.", "ha", []),
        ("Umubare w'impunzi wiyongereyeho 40%.", "rw", []),
        ("Umubare w'abapfuye wageze kuri 300.", "rw", ["wageze kuri 300"]),
        ("Adadin waɗanda suka mutu ya ƙaru zuwa 40,000.", "ha", ["ya ƙaru zuwa 40,000"]),
        ("难民人数比去年增长了40%。", "zh", []),
        ("难民人数增幅达40%。", "zh", []),
        ("难民人数增至4万人。", "zh", ["4万人"]),
        ("Kantite moun deplase yo ogmante 40 pousan, selon OIM.", "ht", []),
        ("Kantite moun deplase yo ogmante rive 700 000.", "ht", ["700 000"]),
        ("Motango ya bakimi emati na pourcent 40.", "ln", []),
        ("Броят на бежанците се увеличи с 40%.", "bg", []),
        ("Броят на загиналите нарасна до 40 000.", "bg", ["нарасна до 40 000"]),
        ("Antalet internflyktingar ökade med 40 procent, enligt FN.", "sv", []),
        ("Det var en ökning med 40 procent på ett år.", "sv", []),
        ("Antalet döda har stigit till 43 000.", "sv", ["stigit till 43 000"]),
        ("စစ်ရှောင် ဦးရေ ရာခိုင်နှုန်း ၁၀ တိုးလာသည်။", "my", []),
        ("စစ်ရှောင် ၃ သိန်းကျော် ရှိသည်။", "my", ["စစ်ရှောင် ၃ သိန်းကျော်"]),
        ("Số người tị nạn tăng 40 phần trăm.", "vi", []),
        ("Số người chết đã tăng lên 40.000 người.", "vi", ["tăng lên 40.000 người"]),
    ],
)
def test_the_size_of_a_change_is_not_proposed_as_a_figure(
    sentence: str, language: str, figures: list[str]
) -> None:
    """'rose by 40 percent' is no level of 40 percent; 'rose to 40,000' is a total."""
    from provenance.extract.figures import find_figures

    assert [f.text for f in find_figures(sentence, language)] == figures


@pytest.mark.parametrize(
    ("sentence", "language", "figures"),
    [
        # A vague amount holding a multiplier ("hàng nghìn", thousands) starts a figure of
        # its own: it does not spoil the figure before it.
        (
            "Bão làm 300 người chết và hàng nghìn người bị thương.",
            "vi",
            ["300 người chết", "hàng nghìn người bị thương"],
        ),
        (
            "300 people were killed and thousands wounded.",
            "en",
            ["300 people", "thousands wounded"],
        ),
        # A day and month in figures is no count.
        ("The ministry said on 15/11 that 300 people were killed.", "en", ["300 people"]),
        (
            "Bộ Quốc phòng hôm 15/11 cho biết gần 3.000 binh sĩ đã bị thương.",
            "vi",
            ["gần 3.000 binh sĩ"],
        ),
        # A year's word marks only the number right after it.
        ("Trong năm 2023 có 300 người chết.", "vi", ["có 300 người chết"]),
        ("Ngày 16 tháng 11, 300 người chết.", "vi", ["300 người chết"]),
        # A duration is no count, though its word may stand between a speaker and a verb.
        ("Sau 3 ngày, 300 người chết.", "vi", ["300 người chết"]),
        # A hedge before a figure is no hedge after it ("tới", to: "up to" before a figure).
        ("Quân đội điều 10.000 binh sĩ tới biên giới.", "vi", ["10.000 binh sĩ"]),
        # "10 đến 20" is a range; "đến" (to) after a figure's noun is no range's.
        ("10 đến 20 người thiệt mạng.", "vi", ["10 đến 20 người thiệt mạng"]),
        ("Quân đội điều 300 binh sĩ đến biên giới.", "vi", ["300 binh sĩ"]),
    ],
)
def test_figures_beside_dates_durations_and_later_figures(
    sentence: str, language: str, figures: list[str]
) -> None:
    from provenance.extract.figures import find_figures

    assert [f.text for f in find_figures(sentence, language)] == figures


@pytest.mark.parametrize(
    ("sentence", "language", "figures"),
    [
        ("Près de 1 000 personnes de plus ont été tuées.", "fr", []),
        ("Près de 1 000 personnes ont été tuées.", "fr", ["Près de 1 000 personnes"]),
        ("prèske 1 000 moun plis pase ane pase", "ht", []),
        (
            "Il y a eu 3 000 morts et 10\u00a0000 blessés.",
            "fr",
            ["3 000 morts", "10\u00a0000 blessés"],
        ),
    ],
)
def test_a_figure_is_never_cut_inside_its_number(
    sentence: str, language: str, figures: list[str]
) -> None:
    """A number grouped by spaces is one figure: when it cannot be read whole, its first
    group is not proposed instead ("près de 1" of "près de 1 000")."""
    from provenance.extract.figures import find_figures

    assert [f.text for f in find_figures(sentence, language)] == figures


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("เมื่อวันที่ 16 พ.ย. 2567 มีผู้เสียชีวิต 12 ราย", "2024-11-16"),
        ("เมื่อวันที่ 16 พฤศจิกายน 2567 มีผู้เสียชีวิต 12 ราย", "2024-11-16"),
        ("เมื่อวันที่ ๑๖ พ.ย. ๒๕๖๗ มีผู้เสียชีวิต ๑๒ ราย", "2024-11-16"),
        ("เมื่อวันที่ 16 พฤศจิกายน ค.ศ. 2024 มีผู้เสียชีวิต 12 ราย", "2024-11-16"),
        ("เมื่อวันที่ 16 พ.ย. 67 มีผู้เสียชีวิต 12 ราย", "2024-11-16"),
        ("เมื่อวันที่ 16 พ.ย. 67 ทหาร 5 นาย เสียชีวิต", "2024-11-16"),
        ("ในเดือน ก.ค. 67 มีผู้เสียชีวิต 5 ราย", "2024-07"),
        ("เมื่อวันที่ 16 พ.ย. 66 ที่ผ่านมา มีผู้เสียชีวิต 12 ราย", "2023-11-16"),
        ("ในเดือน ก.ค. 30 ราย เสียชีวิตจากการปะทะ", "2025-07"),
        ("ในปี 2567 มีผู้เสียชีวิต 120 ราย", "2024"),
        ("ในปี พ.ศ. 2567 มีผู้เสียชีวิต 120 ราย", "2024"),
        ("ผู้ลี้ภัยกว่า 9 หมื่นคนอยู่ในไทยตั้งแต่ปี 2527", "2026-01-05"),
        ("ตั้งแต่วันที่ 24 ก.ค. มีผู้เสียชีวิตแล้ว 14 ราย", "2026-01-05"),
    ],
)
def test_a_year_of_the_buddhist_era_is_read_as_its_common_era_year(
    sentence: str, as_of: str
) -> None:
    """The Thai press writes years of the Buddhist Era (2567 is 2024): after a month name or
    "พ.ศ." they are read as the common-era year, never as the year 2567; a year after
    "ค.ศ." is of the common era, and so are two digits after a month ("พ.ย. 67") unless they
    count what follows; a date after "ตั้งแต่" (since) starts a period."""
    from provenance.dates import PartialDate
    from provenance.extract.when import sentence_date

    assert sentence_date(sentence, "th", PartialDate(2026, 1, 5)).iso() == as_of


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("ในปี 2567 มีผู้เสียชีวิต 120 ราย", ["มีผู้เสียชีวิต 120"]),
        ("ทหาร 5 นาย เสียชีวิตเมื่อวันที่ 16 พ.ย. 2567", ["ทหาร 5"]),
        ("ทหาร 5 นาย เสียชีวิตเมื่อวันที่ 16 พ.ย. 67", ["ทหาร 5"]),
        ("ในเดือน ก.ค. 30 ราย เสียชีวิตจากการปะทะ", ["30 ราย"]),
        ("โฆษกกองทัพภาคที่ 2 ระบุว่า ห่างจากชายแดน 10 กม. มีผู้อพยพ 300 คน", ["มีผู้อพยพ 300"]),
    ],
)
def test_thai_years_days_and_abbreviations_are_not_figures(
    sentence: str, figures: list[str]
) -> None:
    """A year of the Buddhist Era, the day of a date and a unit abbreviated with dots are no
    figures; a dot after a Thai letter ends an abbreviation, not the sentence."""
    got = _nested(f"{sentence}\n", language="th", published="2026-01-05")
    assert [c["quantity"] for c in got["claims"]] == figures


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("នៅថ្ងៃទី១៦ ខែវិច្ឆិកា ឆ្នាំ២០២៤ ទាហាន ១២ នាក់បានស្លាប់។", "2024-11-16"),
        ("ក្នុងឆ្នាំ ២០២៤ មានទាហាន ១២ នាក់បានស្លាប់។", "2024"),
        ("កាលពីម្សិលមិញ ទាហាន ១២ នាក់បានស្លាប់។", "2026-01-04"),
        ("កាលពីថ្ងៃសុក្រ ទាហាន ១២ នាក់បានស្លាប់។", "2026-01-02"),
        # "ខែតុលា" (October), never "តុលាការ" (court) before a figure.
        ("នៅខែតុលា ទាហាន ១២ នាក់បានស្លាប់។", "2025-10"),
        ("តុលាការ ២ កន្លែងបានបិទ។", "2026-01-05"),
    ],
)
def test_khmer_dates_with_month_names_and_khmer_digits(sentence: str, as_of: str) -> None:
    """The Khmer press writes "ថ្ងៃទី១៦ ខែវិច្ឆិកា ឆ្នាំ២០២៤" (day 16, month of November,
    year 2024) in Khmer digits, the words against the figures."""
    from provenance.dates import PartialDate
    from provenance.extract.when import sentence_date

    assert sentence_date(sentence, "km", PartialDate(2026, 1, 5)).iso() == as_of


@pytest.mark.parametrize(
    "sentence",
    [
        "នៅថ្ងៃទី១៦ ខែវិច្ឆិកា ២៥៦៨ ទាហាន ១២ នាក់បានស្លាប់។",
        "ក្នុងឆ្នាំ ២៥៦៨ មានទាហាន ១២ នាក់បានស្លាប់។",
        "ក្នុងឆ្នាំ ព.ស. ២៥៦៨ មានទាហាន ១២ នាក់បានស្លាប់។",
    ],
)
def test_a_khmer_year_of_the_buddhist_era_is_not_read(sentence: str) -> None:
    """The Cambodian Buddhist Era's year begins in April or May: 2568 is 2024 or 2025 by the
    day, so the sentence's date is not read: never the year 2568, nor the month's year
    guessed from the document's date."""
    from provenance.dates import PartialDate
    from provenance.extract.when import sentence_date

    assert sentence_date(sentence, "km", PartialDate(2026, 1, 5)) is None


def test_a_count_after_a_month_is_no_year_of_an_unread_era() -> None:
    """Only a language whose press writes an era no offset reads leaves such a sentence
    undated: in English "November 2500 people" is a month and a count."""
    from provenance.dates import PartialDate
    from provenance.extract.when import sentence_date

    got = sentence_date("In November 2500 people fled.", "en", PartialDate(2026, 1, 5))
    assert got is not None and got.iso() == "2025-11"


def test_khmer_sentences_end_at_the_khan_and_not_at_abbreviations() -> None:
    """The khan "។" ends a Khmer sentence with or without a space after it; a dot after a Khmer letter
    ends an abbreviation ("គ.ស.", the common era), not the sentence."""
    text = "ទាហាន ១២ នាក់បានស្លាប់ក្នុងឆ្នាំ គ.ស. ២០២៤។ជនស៊ីវិល ៣០ នាក់រងរបួស។\n"
    got = _nested(text, language="km", published="2026-01-05")
    assert [c["quantity"] for c in got["claims"]] == ["ទាហាន ១២", "ជនស៊ីវិល ៣០"]
