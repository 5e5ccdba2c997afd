"""Countries named in texts and labels (``[sides]`` of each lexicon file)."""

from __future__ import annotations

import re

import pytest

from provenance import lexicon, quantities, sides
from provenance.measures import ClaimPoint, canon, text_score

ISO_CODE = re.compile(r"[a-z]{2}")


def _entries(code: str) -> list[tuple[str, str]]:
    table = lexicon.load(code).get("sides", {})
    return [(country, str(word)) for country, words in table.items() for word in words]


@pytest.mark.parametrize("code", lexicon.languages())
def test_each_language_lists_countries_once(code: str) -> None:
    """Keys are ISO codes English knows; no folded word or phrase stands for two
    countries; a ``*`` stem is long enough; a phrase has at most three words."""
    english = set(lexicon.load("en")["sides"])
    owner: dict[tuple[str, ...], str] = {}
    for country, word in _entries(code):
        assert ISO_CODE.fullmatch(country), (code, country)
        assert country in english, (code, country)
        folded = tuple(sides.split(word.rstrip("*")))
        assert 1 <= len(folded) <= 3, (code, word)
        if word.endswith("*"):
            assert len(folded[-1]) >= sides.MIN_STEM, (code, word)
        assert owner.setdefault(folded, country) == country, (code, word, owner[folded], country)


def test_english_names_every_country_of_the_united_nations() -> None:
    assert len(lexicon.load("en")["sides"]) >= 193


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Russian troops near Kyiv", {"ru", "ua"}),
        ("South Sudan and Sudan", {"ss", "sd"}),
        ("U.S. officials said", {"us"}),
        ("us and them", set()),
        ("North Korean soldiers", {"kp"}),
        ("Korean soldiers", set()),
        ("Addis Ababa accused Asmara", {"et", "er"}),
        ("a car bomb in Turkey's east", {"tr"}),
        ("lima puluh orang tewas dan luka-luka", set()),
        ("Sudan Selatan dan Sudan", {"ss", "sd"}),
        ("Tentara Rusia menyerang Kyiv", {"ru", "ua"}),
        ("Rusiyanın Ukraynaya hücumu", {"ru", "ua"}),
        ("İsveçrə və İsveç", {"ch", "se"}),
        ("Bakıdan Yerevana", {"az", "am"}),
        ("Ciidamada Itoobiya iyo Eritrea", {"et", "er"}),
        ("Ruushka iyo Mareykanka", {"ru", "us"}),
        ("Repiblik Dominikèn ak Ayiti", {"do", "ht"}),
        ("Larisi atake Ikrèn", {"ru", "ua"}),
        ("Kore di Nò ak Kore di Sid", {"kp", "kr"}),
        ("otorite dominiken yo depòte ayisyen", {"do", "ht"}),
        ("Humnoonni Itoophiyaa fi Eritiraa", {"et", "er"}),
        ("Raashiyaan Yuukireen haleelte", {"ru", "ua"}),
        ("Sudaan Kibbaa fi Sudaan", {"ss", "sd"}),
        ("Finfinnee fi Asmaraa", {"et", "er"}),
        ("روسی افواج نے یوکرین پر حملہ کیا", {"ru", "ua"}),
        ("بھارت اور پاکستان", {"in", "pk"}),
        ("پاکستان او افغانستان", {"pk", "af"}),
        ("کیف کی سڑکوں پر", set()),
        ("የኢትዮጵያ እና የኤርትራ ወታደሮች", {"et", "er"}),
        ("በሱዳን እና በደቡብ ሱዳን", {"sd", "ss"}),
        ("ሰራዊት ኢትዮጵያን ኤርትራን", {"et", "er"}),
        ("ሩስያ ኣብ ልዕሊ ዩክሬን", {"ru", "ua"}),
        ("ሱዳንን ደቡብ ሱዳንን", {"sd", "ss"}),
        ("Ռուսաստանի զորքերը հարձակվել են Ուկրաինայի վրա", {"ru", "ua"}),
        ("Հայաստանն ու Ադրբեջանը", {"am", "az"}),
        ("Սուդանում եւ Հարավային Սուդանում", {"sd", "ss"}),
        ("ԱՄՆ-ի պետքարտուղարը Կիևում", {"us", "ua"}),
        ("Հարվածը կատարել են անօդաչուները", set()),
        ("Hêzên Rûsyayê nêzîkî Kîevê", {"ru", "ua"}),
        ("Sûdan û Sûdana Başûr", {"sd", "ss"}),
        ("Artêşa Tirkiyeyê li Sûriyeyê", {"tr", "sy"}),
        ("هێزەکانی ڕووسیا لە نزیک کیێڤ", {"ru", "ua"}),
        ("سوودان و باشووری سوودان", {"sd", "ss"}),
        ("سوپای تورکیا لە سووریا", {"tr", "sy"}),
        ("ئاڵای سوور و کرێکاران", set()),
        ("Sojojin Rasha sun kai hari a Ukraine", {"ru", "ua"}),
        ("Amurkawa da Rashawa", {"us", "ru"}),
        ("Sudan ta Kudu da Sudan", {"ss", "sd"}),
        ("Habasha da Eritiriya", {"et", "er"}),
        ("Isra'ila da Falasɗinawa", {"il", "ps"}),
        ("რუსეთის ჯარებმა კიევზე შეტევა დაიწყეს", {"ru", "ua"}),
        ("სამხრეთ სუდანი და სუდანი", {"ss", "sd"}),
        ("ნიგერიის არმია და ნიგერის მთავრობა", {"ng", "ne"}),
        ("დაკარგული და ჩადენილი", set()),
        ("Руските войски настъпват край Киев", {"ru", "ua"}),
        ("украинските сили и руснаците", {"ua", "ru"}),
        ("Южен Судан и Судан", {"ss", "sd"}),
        ("Северна Корея изпрати войници", {"kp"}),
        ("Вашингтон и Пекин", {"us", "cn"}),
    ],
)
def test_sides_named_in_a_text(text: str, named: set[str]) -> None:
    assert sides.named(sides.split(text)) == named


@pytest.mark.parametrize(
    ("text", "language", "labels"),
    [
        ("US Navy ships shot down the drones", "en", {"american"}),
        ("the US-led coalition", "en", {"american"}),
        ("they told us the town fell", "en", set()),
        ("Us and them", "en", set()),
        ("nach Schätzungen von US-Geheimdiensten", "de", {"american"}),
        ("de VS en Rusland", "nl", {"american", "russian"}),
        ("5 vs 3", "nl", set()),
    ],
)
def test_an_abbreviation_in_capitals_names_its_country(
    text: str, language: str, labels: set[str]
) -> None:
    """An abbreviation that is also a common word ("US", "us") names a country only as
    written in capitals."""
    assert sides.labels_in(text, language) == labels


def test_labels_read_a_country_as_one_side_whatever_its_word() -> None:
    assert canon("Kyiv's forces") == canon("Ukrainian troops") == canon("Ukraine troops")
    assert canon("Moscow") == canon("the Kremlin") == "russian"
    assert canon("South Sudanese refugees") != canon("Sudanese refugees")
    assert canon("North Korean troops") == canon("DPRK troops")
    assert "russian" in canon("रूस की सेना").split()


def _point(text: str) -> ClaimPoint:
    return ClaimPoint(0, "k", text, "advance", "", "", "", 0, 0, None, "en")


@pytest.mark.parametrize(
    ("a", "b", "opposed"),
    [
        ("Ethiopian forces advanced near Shire.", "Eritrean forces advanced near Shire.", True),
        ("Russian forces took 3 villages.", "Ukrainian forces took 3 villages.", True),
        ("Russian forces took 3 villages.", "Forces took 3 villages.", False),
        ("Ukrainian and Russian forces clashed.", "Russian forces clashed.", False),
    ],
)
def test_opposed_sides_lower_the_text_score(a: str, b: str, opposed: bool) -> None:
    """The penalty applies when both texts name countries and none in common: a report
    that leaves out the side it takes for granted may be the same claim."""
    plain = text_score(_point(a.replace("Eritrean", "Ethiopian")), _point(a))
    score = text_score(_point(a), _point(b))
    assert (score <= plain - 20) is opposed


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("40 Chadian nationals", "nationals"),
        ("40 Russian nationals", "nationals"),
        ("12 Ethiopian peacekeepers", "peacekeepers"),
        ("10,000 North Korean nationals", "nationals"),
        ("200 South Sudanese refugees", "refugees"),
        ("50 Sudanese", "sudanese"),
        ("30 Ukrainian militiamen", "militiamen"),
        ("3 gunman", "gunmen"),
    ],
)
def test_a_country_before_the_counted_noun_is_not_the_noun(text: str, unit: str) -> None:
    q = quantities.parse(text)
    assert q is not None and q.unit == unit


@pytest.mark.parametrize(
    ("text", "language", "named"),
    [
        ("Türkiye kabul etti", "tr", {"tr"}),
        ("Kabul said", "en", {"af"}),
        ("mali broj žrtava", "sr", set()),
        ("чад от пожара в ранните часове", "bg", set()),
        ("les forces russes", "fr", {"ru"}),
        ("les forces russes", "fr-FR", {"ru"}),
        ("namoota 300 fi sanaa ol ammaan tana", "om", set()),
        # Burmese writes its particles against a name ("ရုရှားစစ်တပ်က", the Russian army);
        # "ချက်" (Czech) is also the last syllable of "ထုတ်ပြန်ချက်" (statement).
        ("ရုရှားစစ်တပ်က ယူကရိန်းကို တိုက်ခိုက်သည်", "my", {"ru", "ua"}),
        ("အီရန်နှင့် အစ္စရေး", "my", {"ir", "il"}),
        ("တရုတ်နိုင်ငံနှင့် ထိုင်းနိုင်ငံ", "my", {"cn", "th"}),
        ("ထုတ်ပြန်ချက်", "my", set()),
        ("กัมพูชาระบุว่า ไทย เปิดฉากยิงก่อน", "th", {"kh", "th"}),
        ("ผู้ลี้ภัยจาก เมียนมา", "th", {"mm"}),
        ("สำนักข่าวมาลี รายงาน", "th", set()),
        # Khmer writes the verb against the name ("កម្ពុជាបានឲ្យដឹងថា", Cambodia said); "ចិន"
        # (China) is read whole, not in "ចិន្តា" (thought), nor the Czech capital in "ប្រាក់".
        ("កម្ពុជាបានឲ្យដឹងថា ថៃ បានបាញ់មុន", "km", {"kh", "th"}),
        ("ជនភៀសខ្លួនពី មីយ៉ាន់ម៉ា", "km", {"mm"}),
        ("ចិន្តា", "km", set()),
        ("ប្រាក់ខែ", "km", set()),
        # Tamil: case endings and the adjective on a stem ("ரஷ்யாவும்", "இஸ்ரேலிய"); "சூடான"
        # (hot) is not Sudan.
        ("ரஷ்யாவும் உக்ரைனும்", "ta", {"ru", "ua"}),
        ("காசாவில் இஸ்ரேலிய தாக்குதல்", "ta", {"il"}),
        ("இந்தியா மற்றும் பாகிஸ்தான்", "ta", {"in", "pk"}),
        ("ஈராக்கில்", "ta", {"iq"}),
        ("சூடான உணவு", "ta", set()),
    ],
)
def test_a_text_is_read_with_its_own_languages_countries(
    text: str, language: str, named: set[str]
) -> None:
    """A country's word in one language is not taken for a common word of another."""
    assert sides.named(sides.split(text), language) == named


def test_words_keep_their_vowel_signs() -> None:
    """Vowel signs stay inside their word (viramas are folded away, as in the tables)."""
    assert sides.split("रूस और यूक्रेन") == ["रूस", "और", "यूकरेन"]
    assert sides.split("இலங்கை இராணுவம்") == ["இலஙகை", "இராணுவம"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("више од 10 хиљада људи", "people"),
        ("більше 10 тисяч людей", "people"),
        ("10 ათასზე მეტი ადამიანი", "people"),
        ("လူ ၁ သောင်းကျော်", "people"),
    ],
)
def test_the_script_tells_the_language_of_a_figure(text: str, unit: str) -> None:
    q = quantities.parse(text)
    assert q is not None and (q.qualifier, q.value, q.unit) == ("over", 10_000, unit)
