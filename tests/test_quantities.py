"""Tests for provenance.quantities: hedged numbers, units and interval semantics."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from provenance.quantities import (
    QUALIFIERS,
    Interval,
    Quantity,
    detect_hedges,
    explain_refusal,
    format_number,
    from_parts,
    interval,
    normalise_qualifier,
    normalise_unit,
    parse_quantity,
    point,
)

SQ_MI = 2.589988110336
INF = math.inf


def parse(text: str, language: str | None = "en") -> Quantity:
    q = parse_quantity(text, language)
    assert q is not None, f"could not parse {text!r} ({language})"
    return q


def overlap(a: str, b: str, language: str | None = "en") -> bool:
    return interval(parse(a, language)).overlaps(interval(parse(b, language)))


# --------------------------------------------------------------------------- qualifiers


def test_qualifiers_constant() -> None:
    assert QUALIFIERS == (
        "exact",
        "about",
        "up_to",
        "over",
        "at_least",
        "under",
        "close_to",
        "range",
        "vague",
    )


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "low", "high"),
    [
        ("12,000", "exact", 12000, None, None),
        ("exactly 531", "exact", 531, None, None),
        ("a total of 531", "exact", 531, None, None),
        ("about 800", "about", 800, None, None),
        ("around 10,000", "about", 10000, None, None),
        ("roughly 309", "about", 309, None, None),
        ("approximately 5,000", "about", 5000, None, None),
        ("some 59,000", "about", 59000, None, None),
        ("an estimated 10,000", "about", 10000, None, None),
        ("estimated 10,000", "about", 10000, None, None),
        ("circa 300", "about", 300, None, None),
        ("c. 300", "about", 300, None, None),
        ("~1,000", "about", 1000, None, None),
        ("1,000 or so", "about", 1000, None, None),
        ("up to 10,000", "up_to", 10000, None, 10000),
        ("as many as 10,000", "up_to", 10000, None, 10000),
        ("at most 10,000", "up_to", 10000, None, 10000),
        ("no more than 300", "up_to", 300, None, 300),
        ("over 40", "over", 40, 40, None),
        ("more than 40", "over", 40, 40, None),
        ("in excess of 40", "over", 40, 40, None),
        ("above 40", "over", 40, 40, None),
        ("just over 1,000", "over", 1000, 1000, None),
        ("at least 40", "at_least", 40, 40, None),
        ("no fewer than 40", "at_least", 40, 40, None),
        ("no less than 40", "at_least", 40, 40, None),
        ("10,000+", "at_least", 10000, 10000, None),
        ("10,000 or more", "at_least", 10000, 10000, None),
        ("10,000-plus", "at_least", 10000, 10000, None),
        ("under 5", "under", 5, None, 5),
        ("less than 5", "under", 5, None, 5),
        ("fewer than 5", "under", 5, None, 5),
        ("below 5", "under", 5, None, 5),
        ("close to 60,000", "close_to", 60000, None, None),
        ("nearly 60,000", "close_to", 60000, None, None),
        ("almost 60,000", "close_to", 60000, None, None),
        ("just under 60,000", "close_to", 60000, None, None),
        ("between 10 and 20", "range", None, 10, 20),
        ("from 10 to 20", "range", None, 10, 20),
        ("10 to 20", "range", None, 10, 20),
        ("10-20", "range", None, 10, 20),
        ("10–20", "range", None, 10, 20),
        ("10 - 20", "range", None, 10, 20),
        ("roughly 10,000 to 12,000", "range", None, 10000, 12000),
        ("Up To 10,000", "up_to", 10000, None, 10000),
        ("has surpassed 10 million", "over", 10_000_000, 10_000_000, None),
        ("have exceeded 5,000", "over", 5000, 5000, None),
        ("topped 10,000", "over", 10000, 10000, None),
        ("rose to 1,200", "exact", 1200, None, None),
        ("has risen to about 1,200", "about", 1200, None, None),
        ("stood at 309", "exact", 309, None, None),
        ("has reached more than 11 million", "over", 11_000_000, 11_000_000, None),
    ],
)
def test_english_qualifiers(
    text: str, qualifier: str, value: float | None, low: float | None, high: float | None
) -> None:
    q = parse(text)
    assert (q.qualifier, q.value, q.low, q.high) == (qualifier, value, low, high)
    assert q.text == text


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "value", "low", "high"),
    [
        ("etwa 800", "de", "about", 800, None, None),
        ("rund 800", "de", "about", 800, None, None),
        ("ca. 10.000", "de", "about", 10000, None, None),
        ("knapp 60.000", "de", "close_to", 60000, None, None),
        ("fast 60.000", "de", "close_to", 60000, None, None),
        ("bis zu 10.000", "de", "up_to", 10000, None, 10000),
        ("mehr als 40", "de", "over", 40, 40, None),
        ("über 40", "de", "over", 40, 40, None),
        ("mindestens 40", "de", "at_least", 40, 40, None),
        ("weniger als 5", "de", "under", 5, None, 5),
        ("zwischen 10 und 20", "de", "range", None, 10, 20),
        ("10 bis 20", "de", "range", None, 10, 20),
        ("environ 800", "fr", "about", 800, None, None),
        ("quelque 800", "fr", "about", 800, None, None),
        ("près de 60 000", "fr", "close_to", 60000, None, None),
        ("presque 60 000", "fr", "close_to", 60000, None, None),
        ("jusqu'à 10 000", "fr", "up_to", 10000, None, 10000),
        ("jusqu’à 10 000", "fr", "up_to", 10000, None, 10000),
        ("plus de 40", "fr", "over", 40, 40, None),
        ("au moins 40", "fr", "at_least", 40, 40, None),
        ("moins de 5", "fr", "under", 5, None, 5),
        ("entre 10 et 20", "fr", "range", None, 10, 20),
        ("alrededor de 800", "es", "about", 800, None, None),
        ("unos 800", "es", "about", 800, None, None),
        ("aproximadamente 800", "es", "about", 800, None, None),
        ("cerca de 60.000", "es", "close_to", 60000, None, None),
        ("casi 60.000", "es", "close_to", 60000, None, None),
        ("hasta 10.000", "es", "up_to", 10000, None, 10000),
        ("más de 40", "es", "over", 40, 40, None),
        ("al menos 40", "es", "at_least", 40, 40, None),
        ("menos de 5", "es", "under", 5, None, 5),
        ("entre 10 y 20", "es", "range", None, 10, 20),
        ("circa 800", "it", "about", 800, None, None),
        ("quasi 60.000", "it", "close_to", 60000, None, None),
        ("fino a 10.000", "it", "up_to", 10000, None, 10000),
        ("oltre 40", "it", "over", 40, 40, None),
        ("almeno 40", "it", "at_least", 40, 40, None),
        ("tra 10 e 20", "it", "range", None, 10, 20),
        ("около 800", "ru", "about", 800, None, None),
        ("примерно 800", "ru", "about", 800, None, None),
        ("порядка 800", "ru", "about", 800, None, None),
        ("до 10 000", "ru", "up_to", 10000, None, 10000),
        ("более 40", "ru", "over", 40, 40, None),
        ("свыше 40", "ru", "over", 40, 40, None),
        ("не менее 40", "ru", "at_least", 40, 40, None),
        ("менее 5", "ru", "under", 5, None, 5),
        ("почти 60 000", "ru", "close_to", 60000, None, None),
        ("от 10 до 20", "ru", "range", None, 10, 20),
        ("близько 800", "uk", "about", 800, None, None),
        ("приблизно 800", "uk", "about", 800, None, None),
        ("до 10 000", "uk", "up_to", 10000, None, 10000),
        ("понад 40", "uk", "over", 40, 40, None),
        ("щонайменше 40", "uk", "at_least", 40, 40, None),
        ("менше 5", "uk", "under", 5, None, 5),
        ("майже 60 000", "uk", "close_to", 60000, None, None),
        ("від 10 до 20", "uk", "range", None, 10, 20),
        ("około 800", "pl", "about", 800, None, None),
        ("prawie 60 000", "pl", "close_to", 60000, None, None),
        ("do 10 000", "pl", "up_to", 10000, None, 10000),
        ("ponad 40", "pl", "over", 40, 40, None),
        ("co najmniej 40", "pl", "at_least", 40, 40, None),
        ("mniej niż 5", "pl", "under", 5, None, 5),
        ("od 10 do 20", "pl", "range", None, 10, 20),
        ("přibližně 800", "cs", "about", 800, None, None),
        ("přes 40", "cs", "over", 40, 40, None),
        ("alespoň 40", "cs", "at_least", 40, 40, None),
        ("méně než 5", "cs", "under", 5, None, 5),
        ("od 10 do 20", "cs", "range", None, 10, 20),
        ("mezi 10 a 20", "cs", "range", None, 10, 20),
        ("прыкладна 800", "be", "about", 800, None, None),
        ("да 10 000", "be", "up_to", 10000, None, 10000),
        ("прынамсі 40", "be", "at_least", 40, 40, None),
        ("менш за 5", "be", "under", 5, None, 5),
        ("ад 10 да 20", "be", "range", None, 10, 20),
        ("паміж 10 і 20", "be", "range", None, 10, 20),
        ("aproximativ 800", "ro", "about", 800, None, None),
        ("mai mult de 40", "ro", "over", 40, 40, None),
        ("nu mai puțin de 40", "ro", "at_least", 40, 40, None),
        ("mai puțin de 5", "ro", "under", 5, None, 5),
        ("între 10 și 20", "ro", "range", None, 10, 20),
        ("de la 10 la 20", "ro", "range", None, 10, 20),
        ("körülbelül 800", "hu", "about", 800, None, None),
        ("legfeljebb 10 000", "hu", "up_to", 10000, None, 10000),
        ("legalább 40", "hu", "at_least", 40, 40, None),
        ("kevesebb mint 5", "hu", "under", 5, None, 5),
        ("csaknem 60 000", "hu", "close_to", 60000, None, None),
        ("100 körül", "hu", "about", 100, None, None),
        ("noin 800", "fi", "about", 800, None, None),
        ("enintään 10 000", "fi", "up_to", 10000, None, 10000),
        ("jopa 10 000", "fi", "up_to", 10000, None, 10000),
        ("ainakin 40", "fi", "at_least", 40, 40, None),
        ("vähintään 40", "fi", "at_least", 40, 40, None),
        ("yli 40", "fi", "over", 40, 40, None),
        ("reilut 2 000", "fi", "over", 2000, 2000, None),
        ("alle 5", "fi", "under", 5, None, 5),
        ("lähes 60 000", "fi", "close_to", 60000, None, None),
        ("vajaat 500", "fi", "close_to", 500, None, None),
        ("1 000 tai enemmän", "fi", "at_least", 1000, 1000, None),
        ("περίπου 800", "el", "about", 800, None, None),
        ("έως 10.000", "el", "up_to", 10000, None, 10000),
        ("πάνω από 40", "el", "over", 40, 40, None),
        ("λιγότεροι από 5", "el", "under", 5, None, 5),
        ("μεταξύ 10 και 20", "el", "range", None, 10, 20),
        ("oko 800", "sr", "about", 800, None, None),
        ("око 800", "sr", "about", 800, None, None),
        ("преко 40", "sr", "over", 40, 40, None),
        ("најмање 40", "sr", "at_least", 40, 40, None),
        ("мање од 5", "sr", "under", 5, None, 5),
        ("od 10 do 20", "sr", "range", None, 10, 20),
        ("између 10 и 20", "sr", "range", None, 10, 20),
        ("cerca de 800", "pt", "about", 800, None, None),
        ("hampir 3.000", "id", "close_to", 3000, None, None),
        ("sedikitnya 40", "id", "at_least", 40, 40, None),
        ("kurang dari 5", "id", "under", 5, None, 5),
        ("antara 10 dan 20", "id", "range", None, 10, 20),
        ("ít nhất 50", "vi", "at_least", 50, 50, None),
        ("khoảng 800", "vi", "about", 800, None, None),
        ("hơn 300", "vi", "over", 300, 300, None),
        ("trên 2.000", "vi", "over", 2000, 2000, None),
        ("gần 40.000", "vi", "close_to", 40000, None, None),
        ("lên tới 1.000", "vi", "up_to", 1000, None, 1000),
        ("dưới 5", "vi", "under", 5, None, 5),
        ("từ 10 đến 20", "vi", "range", None, 10, 20),
        ("giữa 10 và 20", "vi", "range", None, 10, 20),
        ("10,000 کے قریب", "ur", "close_to", 10000, None, None),
        ("500 تک", "ur", "up_to", 500, None, 500),
        ("20 سے کم", "ur", "under", 20, None, 20),
        ("نږدې ۳۰۰", "ps", "close_to", 300, None, None),
        ("تر ۵۰۰ پورې", "ps", "up_to", 500, None, 500),
        ("له ۲۰ څخه کم", "ps", "under", 20, None, 20),
        ("ku dhawaad 300", "so", "close_to", 300, None, None),
        ("ilaa 500", "so", "up_to", 500, None, 500),
        ("50 iyo wax ka badan", "so", "at_least", 50, 50, None),
        ("inta u dhaxaysa 10 iyo 20", "so", "range", None, 10, 20),
        ("omwen 50", "ht", "at_least", 50, 50, None),
        ("plis pase 10 000", "ht", "over", 10000, 10000, None),
        # Burmese: Myanmar or ASCII digits, hedges before the figure or after it and its
        # classifier.
        ("အနည်းဆုံး ၃၀", "my", "at_least", 30, 30, None),
        ("၃၀၀ ကျော်", "my", "over", 300, 300, None),
        ("300 ကျော်", "my", "over", 300, 300, None),
        ("၃၀၀ ခန့်", "my", "about", 300, None, None),
        # Tamil: hedges before the figure, or the dative and "-உம்" written on it and a
        # hedge after ("500க்கும் மேற்பட்ட", more than 500).
        ("குறைந்தது 20", "ta", "at_least", 20, 20, None),
        ("சுமார் 1,000", "ta", "about", 1000, None, None),
        ("கிட்டத்தட்ட 100", "ta", "close_to", 100, None, None),
        ("500க்கும் மேற்பட்ட", "ta", "over", 500, 500, None),
        ("500-க்கும் அதிகமான", "ta", "over", 500, 500, None),
        ("500 இற்கும் மேற்பட்ட", "ta", "over", 500, 500, None),
        ("20க்கும் குறைவான", "ta", "under", 20, None, 20),
        ("500 வரை", "ta", "up_to", 500, None, 500),
        ("௫௦௦க்கும் மேற்பட்ட", "ta", "over", 500, 500, None),
        ("၁၀၀ နီးပါး", "my", "close_to", 100, None, None),
        ("၅၀၀ အထိ", "my", "up_to", 500, None, 500),
        ("အများဆုံး ၅၀၀", "my", "up_to", 500, None, 500),
        ("၃၀၀ ဦးထက်မနည်း", "my", "at_least", 300, 300, None),
        ("၂၀ အောက်", "my", "under", 20, None, 20),
        ("၃၀၀ ပတ်ဝန်းကျင်", "my", "about", 300, None, None),
        ("စစ်ရှောင်ဦးရေ ၃၅ သိန်းကျော်", "my", "over", 3_500_000, 3_500_000, None),
        ("prèske 300", "ht", "close_to", 300, None, None),
        ("jiska 500", "ht", "up_to", 500, None, 500),
        ("mwens pase 20", "ht", "under", 20, None, 20),
        ("ant 10 ak 20", "ht", "range", None, 10, 20),
        # Lingala: the hedge before the count noun or between it and the figure.
        ("koleka bato 100", "ln", "over", 100, 100, None),
        ("bato koleka 100", "ln", "over", 100, 100, None),
        ("pene na bato 50", "ln", "close_to", 50, None, None),
        ("na moke bato 20", "ln", "at_least", 20, 20, None),
        ("bato 50 to koleka", "ln", "at_least", 50, 50, None),
        ("kino bato 500", "ln", "up_to", 500, None, 500),
        ("zingazinga ya bato 300", "ln", "about", 300, None, None),
        ("na se ya 20", "ln", "under", 20, None, 20),
        ("около 800", "bg", "about", 800, None, None),
        ("от порядъка на 20 000", "bg", "about", 20000, None, None),
        ("над 10 000", "bg", "over", 10000, 10000, None),
        ("повече от 40", "bg", "over", 40, 40, None),
        ("най-малко 12", "bg", "at_least", 12, 12, None),
        ("поне 50", "bg", "at_least", 50, 50, None),
        ("близо 300", "bg", "close_to", 300, None, None),
        ("почти 60 000", "bg", "close_to", 60000, None, None),
        ("до 10 000", "bg", "up_to", 10000, None, 10000),
        ("по-малко от 5", "bg", "under", 5, None, 5),
        ("между 10 и 20", "bg", "range", None, 10, 20),
        ("от 10 до 20", "bg", "range", None, 10, 20),
        ("yoo xiqqaate 50", "om", "at_least", 50, 50, None),
        ("300 ol", "om", "over", 300, 300, None),
        ("gara 300", "om", "about", 300, None, None),
        ("hanga 500", "om", "up_to", 500, None, 500),
        ("20 gadi", "om", "under", 20, None, 20),
        ("10 fi 20 gidduu", "om", "range", None, 10, 20),
        ("nibura 50", "rw", "at_least", 50, 50, None),
        ("abarenga 300", "rw", "over", 300, 300, None),
        ("zisaga 300", "rw", "over", 300, 300, None),
        ("bagera kuri 300", "rw", "about", 300, None, None),
        ("hafi 300", "rw", "close_to", 300, None, None),
        ("kugeza kuri 500", "rw", "up_to", 500, None, 500),
        ("munsi ya 20", "rw", "under", 20, None, 20),
        ("hagati ya 10 na 20", "rw", "range", None, 10, 20),
        ("minst 50", "sv", "at_least", 50, 50, None),
        ("drygt 10 000", "sv", "over", 10000, 10000, None),
        ("fler än 10\u00a0000", "sv", "over", 10000, 10000, None),
        ("knappt 300", "sv", "close_to", 300, None, None),
        ("närmare 1 000", "sv", "close_to", 1000, None, None),
        ("omkring 300", "sv", "about", 300, None, None),
        ("ca 500", "sv", "about", 500, None, None),
        ("uppemot 20 000", "sv", "up_to", 20000, None, 20000),
        ("upp till 500", "sv", "up_to", 500, None, 500),
        ("färre än 20", "sv", "under", 20, None, 20),
        ("10 000 eller fler", "sv", "at_least", 10000, 10000, None),
        ("mellan 10 och 20", "sv", "range", None, 10, 20),
        ("10 000-dən çox", "az", "over", 10000, 10000, None),
        ("1000-ə yaxın", "az", "close_to", 1000, None, None),
        ("500-dək", "az", "up_to", 500, None, 500),
        ("10 000-dən az", "az", "under", 10000, None, 10000),
        ("500 ገደማ", "am", "about", 500, None, None),
        ("እስከ 500", "am", "up_to", 500, None, 500),
        ("ከ20 በታች", "am", "under", 20, None, 20),
        ("ኣስታት 500", "ti", "about", 500, None, None),
        ("ካብ 10,000 ንላዕሊ", "ti", "over", 10000, 10000, None),
        ("ልዕሊ 10,000", "ti", "over", 10000, 10000, None),
        ("እንተወሓደ 50", "ti", "at_least", 50, 50, None),
        ("ክሳብ 500", "ti", "up_to", 500, None, 500),
        ("ካብ 20 ንታሕቲ", "ti", "under", 20, None, 20),
        ("ናብ 2 ሚልዮን ዝቐርቡ", "ti", "close_to", 2_000_000, None, None),
        ("ካብ 50 ዘይውሕዱ", "ti", "at_least", 50, 50, None),
        ("մոտ 500", "hy", "about", 500, None, None),
        ("գրեթե 1000", "hy", "close_to", 1000, None, None),
        ("մինչև 500", "hy", "up_to", 500, None, 500),
        ("10 հազարից ավելի", "hy", "over", 10000, 10000, None),
        ("10 000-ից պակաս", "hy", "under", 10000, None, 10000),
        ("10 հազարի մոտ", "hy", "about", 10000, None, None),
        ("10-ից մինչեւ 20", "hy", "range", None, 10, 20),
        ("nêzîkî 300", "ku", "close_to", 300, None, None),
        ("herî kêm 50", "ku", "at_least", 50, 50, None),
        ("zêdetirî 10 hezar", "ku", "over", 10000, 10000, None),
        ("bi qasî 200", "ku", "about", 200, None, None),
        ("heta 500", "ku", "up_to", 500, None, 500),
        ("kêmtirî 20", "ku", "under", 20, None, 20),
        ("50 û zêdetir", "ku", "at_least", 50, 50, None),
        ("di navbera 10 û 20 de", "ku", "range", None, 10, 20),
        ("نزیکەی ٥٠٠", "ckb", "about", 500, None, None),
        ("لانیکەم ٣٠", "ckb", "at_least", 30, 30, None),
        ("زیاتر لە ١٠ هەزار", "ckb", "over", 10000, 10000, None),
        ("کەمتر لە ٢٠", "ckb", "under", 20, None, 20),
        ("تا ٥٠٠", "ckb", "up_to", 500, None, 500),
        ("٥٠ و زیاتر", "ckb", "at_least", 50, 50, None),
        ("لە نێوان ١٠ و ٢٠", "ckb", "range", None, 10, 20),
        ("aƙalla mutum 20", "ha", "at_least", 20, 20, None),
        ("akalla mutane 50", "ha", "at_least", 50, 50, None),
        ("mutum fiye da 67,000", "ha", "over", 67000, 67000, None),
        ("kimanin mutum dubu 10", "ha", "about", 10000, None, None),
        ("kusan mutane miliyan 2", "ha", "close_to", 2000000, None, None),
        ("ƙasa da mutum 20", "ha", "under", 20, None, 20),
        ("mutum 50 da doriya", "ha", "at_least", 50, 50, None),
        ("tsakanin mutum 10 zuwa 20", "ha", "range", None, 10, 20),
        ("დაახლოებით 500", "ka", "about", 500, None, None),
        ("სულ მცირე 50", "ka", "at_least", 50, 50, None),
        ("თითქმის 300", "ka", "close_to", 300, None, None),
        ("500-მდე", "ka", "up_to", 500, None, 500),
        ("1000-ზე მეტი", "ka", "over", 1000, 1000, None),
        ("100-ზე ნაკლები", "ka", "under", 100, None, 100),
        ("50 და მეტი", "ka", "at_least", 50, 50, None),
        ("30%-ზე მეტი", "ka", "over", 30, 30, None),
        ("legalább 50 ember az utcán", "hu", "at_least", 50, 50, None),
        ("อย่างน้อย 12 ราย", "th", "at_least", 12, 12, None),
        ("ไม่ต่ำกว่า 100 คน", "th", "at_least", 100, 100, None),
        ("ประมาณ 300 คน", "th", "about", 300, None, None),
        ("ราว 2 แสนคน", "th", "about", 200_000, None, None),
        ("กว่า 1,000 คน", "th", "over", 1000, 1000, None),
        ("1,000 กว่าคน", "th", "over", 1000, 1000, None),
        ("100 คนขึ้นไป", "th", "at_least", 100, 100, None),
        ("เกือบ 1,000 คน", "th", "close_to", 1000, None, None),
        ("สูงถึง 3 หมื่นคน", "th", "up_to", 30_000, None, 30_000),
        ("ไม่ถึง 100 คน", "th", "under", 100, None, 100),
        ("យ៉ាងតិច ១២ នាក់", "km", "at_least", 12, 12, None),
        ("យ៉ាងហោចណាស់ ១០០ នាក់", "km", "at_least", 100, 100, None),
        ("ប្រមាណ ៣០០ នាក់", "km", "about", 300, None, None),
        ("ប្រហែល ២ សែននាក់", "km", "about", 200_000, None, None),
        ("ជាង ១,០០០ នាក់", "km", "over", 1000, 1000, None),
        ("១០០ នាក់ឡើងទៅ", "km", "at_least", 100, 100, None),
        ("ជិត ១,០០០ នាក់", "km", "close_to", 1000, None, None),
        ("ស្ទើរតែ ៤០០ នាក់", "km", "close_to", 400, None, None),
        ("រហូតដល់ ៣ ម៉ឺននាក់", "km", "up_to", 30_000, None, 30_000),
        ("តិចជាង ១០០ នាក់", "km", "under", 100, None, 100),
    ],
)
def test_multilingual_qualifiers(
    text: str,
    language: str,
    qualifier: str,
    value: float | None,
    low: float | None,
    high: float | None,
) -> None:
    q = parse(text, language)
    assert (q.qualifier, q.value, q.low, q.high) == (qualifier, value, low, high)


ReadCase = tuple[str, str | None, str, float, float | None, float | None, str]
"""Text, language, and the qualifier, value, low, high and unit it must read as."""

VERBS_OF_EXCEEDING_AND_REACHING_CASES: list[ReadCase] = [
    # A verb before the figure: exceeding is "over", reaching states the figure.
    ("a atteint 10 000", "fr", "exact", 10000, None, None, ""),
    ("s'élève à 10 000 morts", "fr", "exact", 10000, None, None, "killed"),
    ("s’élève à plus de 10 000", "fr", "over", 10000, 10000, None, ""),
    ("ont dépassé les 10 000 morts", "fr", "over", 10000, 10000, None, "killed"),
    ("a franchi la barre des 10 000", "fr", "over", 10000, 10000, None, ""),
    ("stieg auf 10.000", "de", "exact", 10000, None, None, ""),
    ("liegt bei 10.000", "de", "exact", 10000, None, None, ""),
    ("belief sich auf rund 10.000", "de", "about", 10000, None, None, ""),
    ("hat 10.000 überschritten", "de", "over", 10000, 10000, None, ""),
    ("hat 10.000 übertroffen", "de", "over", 10000, 10000, None, ""),
    ("ist auf 10.000 gestiegen", "de", "exact", 10000, None, None, ""),
    ("ist auf über 10.000 Menschen gestiegen", "de", "over", 10000, 10000, None, "people"),
    ("hat sich auf 10.000 erhöht", "de", "exact", 10000, None, None, ""),
    ("hat die Marke von 10.000 überschritten", "de", "over", 10000, 10000, None, ""),
    ("is tot 10.000 gestegen", "nl", "exact", 10000, None, None, ""),
    ("dostigao je 10.000", "sr", "exact", 10000, None, None, ""),
    ("достигло отметки в 10 000", "ru", "exact", 10000, None, None, ""),
    ("превысило отметку в 10 тысяч", "ru", "over", 10000, 10000, None, ""),
    ("a atteint la barre des 10 000 morts", "fr", "exact", 10000, None, None, "killed"),
    ("superó la barrera de los 10.000", "es", "over", 10000, 10000, None, ""),
    ("alcanzó la cifra de 10.000 muertos", "es", "exact", 10000, None, None, "killed"),
    ("ha superato quota 10.000", "it", "over", 10000, 10000, None, ""),
    ("ultrapassou a marca de 10 mil", "pt", "over", 10000, 10000, None, ""),
    ("überstieg 10.000", "de", "over", 10000, 10000, None, ""),
    ("hat 10.000 Menschen erreicht", "de", "exact", 10000, None, None, "people"),
    ("asciende a 10.000", "es", "exact", 10000, None, None, ""),
    ("alcanzó los 10.000 muertos", "es", "exact", 10000, None, None, "killed"),
    ("ha superado los 10.000", "es", "over", 10000, 10000, None, ""),
    ("se cifra en unos 10.000", "es", "about", 10000, None, None, ""),
    ("ha raggiunto 10.000", "it", "exact", 10000, None, None, ""),
    ("è salito a 10.000", "it", "exact", 10000, None, None, ""),
    ("ha raggiunto quota 10.000", "it", "exact", 10000, None, None, ""),
    ("aveva superato i 10.000", "it", "over", 10000, 10000, None, ""),
    ("atingiu 10 mil", "pt", "exact", 10000, None, None, ""),
    ("chegou a 10 mil mortos", "pt", "exact", 10000, None, None, "killed"),
    ("ultrapassaram 10 mil", "pt", "over", 10000, 10000, None, ""),
    ("достигло 10 000", "ru", "exact", 10000, None, None, ""),
    ("составило 10 тысяч", "ru", "exact", 10000, None, None, ""),
    ("выросло до 10 тысяч", "ru", "exact", 10000, None, None, ""),
    ("превысили 10 тысяч", "ru", "over", 10000, 10000, None, ""),
    ("перевалило за 10 тысяч", "ru", "over", 10000, 10000, None, ""),
    ("досягло 10 тисяч", "uk", "exact", 10000, None, None, ""),
    ("зросла до 10 тисяч", "uk", "exact", 10000, None, None, ""),
    ("перевищили 10 тисяч", "uk", "over", 10000, 10000, None, ""),
    ("склала 10 тысяч", "be", "exact", 10000, None, None, ""),
    ("перавысілі 10 тысяч", "be", "over", 10000, 10000, None, ""),
    ("przekroczyła 10 tys.", "pl", "over", 10000, 10000, None, ""),
    ("wzrosła do 10 tys.", "pl", "exact", 10000, None, None, ""),
    ("wyniosła 10 tys. osób", "pl", "exact", 10000, None, None, "people"),
    ("překročil 10 tisíc", "cs", "over", 10000, 10000, None, ""),
    ("dosáhl 10 tisíc", "cs", "exact", 10000, None, None, ""),
    ("vzrostl na 10 tisíc", "cs", "exact", 10000, None, None, ""),
    ("je premašio 10.000", "sr", "over", 10000, 10000, None, ""),
    ("је премашио 10.000", "sr", "over", 10000, 10000, None, ""),
    ("dostigao 10.000", "sr", "exact", 10000, None, None, ""),
    ("بلغ 10 آلاف", "ar", "exact", 10000, None, None, ""),
    ("ارتفع إلى 10 آلاف", "ar", "exact", 10000, None, None, ""),
    ("تخطى 10 آلاف", "ar", "over", 10000, 10000, None, ""),
    ("עבר את 10,000", "he", "over", 10000, 10000, None, ""),
    ("הגיע ל-10,000", "he", "exact", 10000, None, None, ""),
    ("עומד על 10,000", "he", "exact", 10000, None, None, ""),
    ("ξεπέρασε τους 10.000", "el", "over", 10000, 10000, None, ""),
    ("έφτασε τους 10.000", "el", "exact", 10000, None, None, ""),
    ("a depășit 10.000", "ro", "over", 10000, 10000, None, ""),
    ("a ajuns la 10.000", "ro", "exact", 10000, None, None, ""),
    ("overschreed de 10.000", "nl", "over", 10000, 10000, None, ""),
    ("heeft de 10.000 overschreden", "nl", "over", 10000, 10000, None, ""),
    ("bedraagt 10.000", "nl", "exact", 10000, None, None, ""),
    ("heeft de 10.000 bereikt", "nl", "exact", 10000, None, None, ""),
    ("telah melampaui 10.000", "id", "over", 10000, 10000, None, ""),
    ("berjumlah 10.000 orang", "id", "exact", 10000, None, None, "people"),
    ("meningkat menjadi 10.000", "id", "exact", 10000, None, None, ""),
    ("đã vượt quá 10.000", "vi", "over", 10000, 10000, None, ""),
    ("tổng cộng 10.000 người", "vi", "exact", 10000, None, None, "people"),
    ("tăng lên 10.000", "vi", "exact", 10000, None, None, ""),
    ("imefikia 10,000", "sw", "exact", 10000, None, None, ""),
    ("imefikia watu 10,000", "sw", "exact", 10000, None, None, "people"),
    ("imezidi 10,000", "sw", "over", 10000, 10000, None, ""),
    # A verb after the figure, where the language writes it there: never the count noun.
    ("10 bini aştı", "tr", "over", 10000, 10000, None, ""),
    ("10 bin kişiyi aştı", "tr", "over", 10000, 10000, None, "people"),
    ("10.000'i aştı", "tr", "over", 10000, 10000, None, ""),
    ("10 bini aşan", "tr", "over", 10000, 10000, None, ""),
    ("10 bine ulaştı", "tr", "exact", 10000, None, None, ""),
    ("10 bin kişiye ulaştı", "tr", "exact", 10000, None, None, "people"),
    ("10 mini aşıb", "az", "over", 10000, 10000, None, ""),
    ("10 minə çatıb", "az", "exact", 10000, None, None, ""),
    ("10,000-ஐ தாண்டியது", "ta", "over", 10000, 10000, None, ""),
    ("1 லட்சத்துக்கும் மேற்பட்ட மக்கள்", "ta", "over", 100_000, 100_000, None, "people"),
    ("300 ஆக உயர்ந்துள்ளது", "ta", "exact", 300, None, None, ""),
    ("10 ezret meghaladta", "hu", "over", 10000, 10000, None, ""),
    ("10 ezer embert meghaladta", "hu", "over", 10000, 10000, None, "people"),
    ("meghaladta a 10 ezret", "hu", "over", 10000, 10000, None, ""),
    ("elérte a 10 ezret", "hu", "exact", 10000, None, None, ""),
    ("10 ezer fölé emelkedett", "hu", "over", 10000, 10000, None, ""),
    ("ylitti 10 000", "fi", "over", 10000, 10000, None, ""),
    ("on ylittänyt 10 000 ihmistä", "fi", "over", 10000, 10000, None, "people"),
    ("10,000 को पार कर गया", "hi", "over", 10000, 10000, None, ""),
    ("10,000 के पार", "hi", "over", 10000, 10000, None, ""),
    ("10,000 तक पहुंच गया", "hi", "exact", 10000, None, None, ""),
    ("10,000 سے تجاوز کر گئی", "ur", "over", 10000, 10000, None, ""),
    ("10,000 تک پہنچ گئی", "ur", "exact", 10000, None, None, ""),
    ("১০ হাজার ছাড়িয়েছে", "bn", "over", 10000, 10000, None, ""),
    ("به 10 هزار نفر رسید", "fa", "exact", 10000, None, None, "people"),
    ("ከ10 ሺህ አልፏል", "am", "over", 10000, 10000, None, ""),
    ("10 ሺህ ደርሷል", "am", "exact", 10000, None, None, ""),
    ("depase 10 000", "ht", "over", 10000, 10000, None, ""),
    ("yon total de 10 000 moun", "ht", "exact", 10000, None, None, "people"),
    ("eleki 10.000", "ln", "over", 10000, 10000, None, ""),
    ("ekomi bato 10.000", "ln", "exact", 10000, None, None, "people"),
    ("надхвърли 10 000", "bg", "over", 10000, 10000, None, ""),
    ("е надхвърлил 43 000 души", "bg", "over", 43000, 43000, None, "people"),
    ("нарасна до 10 хиляди", "bg", "exact", 10000, None, None, ""),
    ("har passerat 10 000", "sv", "over", 10000, 10000, None, ""),
    ("överstiger 10 000", "sv", "over", 10000, 10000, None, ""),
    ("uppgår till 10 000 människor", "sv", "exact", 10000, None, None, "people"),
    ("ካብ 10 ሽሕ ሓሊፉ", "ti", "over", 10000, 10000, None, ""),
    ("10 ሽሕ በጺሑ", "ti", "exact", 10000, None, None, ""),
    ("գերազանցել է 10 հազարը", "hy", "over", 10000, 10000, None, ""),
    ("հասել է 10 հազարի", "hy", "exact", 10000, None, None, ""),
    ("10 հազարի է հասել", "hy", "exact", 10000, None, None, ""),
    ("gihîşt 10 hezar", "ku", "exact", 10000, None, None, ""),
    ("gihîşt 10 hezar kesî", "ku", "exact", 10000, None, None, "people"),
    ("گەیشتە ١٠ هەزار کەس", "ckb", "exact", 10000, None, None, "people"),
    ("١٠ هەزاری تێپەڕاند", "ckb", "over", 10000, 10000, None, ""),
    ("ya kai mutum 10,000", "ha", "exact", 10000, None, None, "people"),
    ("ya haura miliyan 7", "ha", "over", 7000000, 7000000, None, ""),
    # A verb after the figure: never the count noun ("mutum 20 ne suka mutu").
    ("mutum 20 sun mutu", "ha", "exact", 20, None, None, "people"),
    ("mutum 20 ne suka mutu", "ha", "exact", 20, None, None, "people"),
    ("10 ათასს გადააჭარბა", "ka", "over", 10000, 10000, None, ""),
    ("10 ათასს მიაღწია", "ka", "exact", 10000, None, None, ""),
    ("10 ათასზე მეტი ადამიანი", "ka", "over", 10000, 10000, None, "people"),
    ("500 ადამიანზე მეტი", "ka", "over", 500, 500, None, "people"),
    ("10 ათასამდე ადამიანი", "ka", "up_to", 10000, None, 10000, "people"),
]


@pytest.mark.parametrize(
    ("change", "total", "language"),
    [
        ("a augmenté de 10 000", "a atteint 10 000", "fr"),
        ("ist um 10.000 gestiegen", "ist auf 10.000 gestiegen", "de"),
        ("10.000 gestiegen", "liegt bei 10.000", "de"),
        ("aumentó en 10.000", "aumentó a 10.000", "es"),
        ("è aumentato di 10.000", "è salito a 10.000", "it"),
        ("aumentou em 10 mil", "subiu para 10 mil", "pt"),
        ("выросло на 10 тысяч", "выросло до 10 тысяч", "ru"),
        ("зросла на 10 тисяч", "зросла до 10 тисяч", "uk"),
        ("wzrosła o 10 tys.", "wzrosła do 10 tys.", "pl"),
        ("vzrostl o 10 tisíc", "vzrostl na 10 tisíc", "cs"),
        ("ارتفع بـ10 آلاف", "ارتفع إلى 10 آلاف", "ar"),
        ("a crescut cu 10.000", "a crescut la 10.000", "ro"),
        ("10.000 gestegen", "steeg naar 10.000", "nl"),
        ("is met 10.000 gestegen", "is tot 10.000 gestegen", "nl"),
        ("naik 10.000", "naik menjadi 10.000", "id"),
        ("tăng 10.000", "tăng lên 10.000", "vi"),
        ("10 bin arttı", "10 bine ulaştı", "tr"),
        ("10 bin kişi arttı", "10 bin kişiye ulaştı", "tr"),
        ("10 min artıb", "10 minə çatıb", "az"),
        ("10 ezer emelkedett", "10 ezer fölé emelkedett", "hu"),
        ("10 000:lla", "10 000:een", "fi"),
        ("10,000 बढ़ गई", "10,000 तक पहुंच गया", "hi"),
        ("10,000 کا اضافہ", "10,000 تک پہنچ گئی", "ur"),
        ("১০ হাজার বেড়েছে", "১০ হাজার ছাড়িয়েছে", "bn"),
        ("10 هزار نفر افزایش یافت", "به 10 هزار نفر رسید", "fa"),
        ("1万人も増えた", "1万人を突破した", "ja"),
        ("1만 명이 증가했다", "1만 명을 넘어섰다", "ko"),
        ("1만 명 늘었다", "1만 명을 돌파했다", "ko"),
        ("增加1万人", "增至1万人", "zh"),
        ("10 hezar zêde bû", "gihîşt 10 hezar", "ku"),
        ("۴۰ سلنه زیات شوی", "له ۱۰۰ څخه زیات کسان", "ps"),
        ("۱۰۰ کسان زیات شوي", "۱۰۰ کسان وژل شوي", "ps"),
        ("١٠ هەزار کەس زیادی کرد", "گەیشتە ١٠ هەزار کەس", "ckb"),
    ],
)
def test_a_change_is_not_a_total(change: str, total: str, language: str) -> None:
    """ "rose by 10,000" is a change, kept as text; "rose to 10,000" is the total reached."""
    assert parse_quantity(change, language) is None
    assert parse_quantity(total, language) is not None


@pytest.mark.parametrize(
    ("limit", "total", "language"),
    [
        ("ist auf 10.000 begrenzt", "ist auf 10.000 gestiegen", "de"),
        ("sind auf 10.000 Menschen beschränkt", "sind auf 10.000 Menschen angewachsen", "de"),
        ("is tot 10.000 beperkt", "is tot 10.000 opgelopen", "nl"),
    ],
)
def test_a_total_wrapper_needs_its_verb(limit: str, total: str, language: str) -> None:
    """ "ist auf 10.000" is the total only with the verb of change after it: "auf 10.000
    begrenzt" is a limit, kept as text."""
    assert parse_quantity(limit, language) is None
    assert parse_quantity(total, language) is not None


def test_turkish_ila_joins_two_figures() -> None:
    q = parse("yaklaşık 50 ila 100 bin kişi", "tr")
    assert (q.qualifier, q.low, q.high, q.unit) == ("range", 50_000, 100_000, "people")


def test_russian_do_alone_is_up_to_but_ot_do_is_a_range() -> None:
    assert parse("до 20 тыс.", "ru").qualifier == "up_to"
    q = parse("от 10 до 20 тыс.", "ru")
    assert (q.qualifier, q.low, q.high) == ("range", 10000, 20000)


@pytest.mark.parametrize(
    ("text", "language", "low", "high", "unit"),
    [
        ("10 és 20 között", "hu", 10, 20, ""),
        ("10 és 20 ember között", "hu", 10, 20, "people"),
        ("mintegy 10 és 20 ezer ember között", "hu", 10_000, 20_000, "people"),
        ("10 és 20 közötti ember", "hu", 10, 20, "people"),
        ("500 ja 1 000 välillä", "fi", 500, 1000, ""),
        ("500 ja 1 000 ihmisen välillä", "fi", 500, 1000, "people"),
        ("500:n ja 1 000:n välillä", "fi", 500, 1000, ""),
        ("10 ile 20 arasında", "tr", 10, 20, ""),
        ("10 ile 20 kişi arasında", "tr", 10, 20, "people"),
        ("yaklaşık 10 ile 20 bin kişi arasında", "tr", 10_000, 20_000, "people"),
        ("10 ilə 20 nəfər arasında", "az", 10, 20, "people"),
        ("10 முதல் 20 வரை", "ta", 10, 20, ""),
        ("10 से 20 के बीच", "hi", 10, 20, ""),
        ("10 से 20 लोगों के बीच", "hi", 10, 20, "people"),
        ("10 سے 20 افراد کے درمیان", "ur", 10, 20, "people"),
        ("10 سے 20 ہزار افراد کے درمیان", "ur", 10_000, 20_000, "people"),
        ("ከ10 እስከ 20 ሰዎች", "am", 10, 20, "people"),
        ("ከ10 እስከ 20 ሺህ ሰዎች", "am", 10_000, 20_000, "people"),
        ("ካብ 10 ክሳብ 20 ሰባት", "ti", 10, 20, "people"),
        ("ካብ 10 ክሳብ 20 ሽሕ ሰባት", "ti", 10_000, 20_000, "people"),
        ("10-დან 20-მდე ადამიანი", "ka", 10, 20, "people"),
        ("10 ათასიდან 20 ათასამდე", "ka", 10_000, 20_000, ""),
    ],
)
def test_ranges_closed_after_the_second_figure(
    text: str, language: str, low: float, high: float, unit: str
) -> None:
    """ "Between 10 and 20" written with its closing word after the figures (Hungarian
    "között", Turkish and Azerbaijani "arasında", Hindi "के बीच"), and Amharic "ከ…እስከ"
    whose "ከ" is written against the first figure."""
    q = parse(text, language)
    assert (q.qualifier, q.value, q.low, q.high, q.unit) == ("range", None, low, high, unit)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("10 és 20 ember", "hu"),
        ("500 ja 1 000 ihmistä", "fi"),
        ("10 ile 20 kişi", "tr"),
        # "முதல்" without "வரை" is also "since" ("2022 முதல்").
        ("10 முதல் 20 பேர்", "ta"),
        ("10 से 20 लोग", "hi"),
        ("10 سے 20 افراد", "ur"),
    ],
)
def test_a_range_word_without_its_closing_word_is_refused(text: str, language: str) -> None:
    """ "10 és 20 ember" is ten and twenty people, two figures: without "között" no range."""
    reason = "two figures joined by a word that needs a closing word after them"
    assert explain_refusal(text, language) == reason


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("10 asker ile 20 sivil arasında", "tr"),
        ("legalább 10 és 20 között", "hu"),
        ("20 és 10 között", "hu"),
        ("ከ20 እስከ 10 ሰዎች", "am"),
        ("ካብ 20 ክሳብ 10 ሰባት", "ti"),
    ],
)
def test_closed_ranges_that_cannot_be_read_stay_refused(text: str, language: str) -> None:
    """A noun after the first figure, a bound on a range, a range running backwards."""
    assert parse_quantity(text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "low", "high", "unit"),
    [
        ("ما بين 10 و20 شخصا", "ar", 10, 20, "people"),
        ("ما بين 10 إلى 20", "ar", 10, 20, ""),
        ("ما بين 10 آلاف و20 ألف شخص", "ar", 10_000, 20_000, "people"),
        ("۱۰ تا ۲۰ نفر", "fa", 10, 20, "people"),
        ("بین ۱۰ تا ۲۰ نفر", "fa", 10, 20, "people"),
        ("از ۱۰ تا ۲۰ هزار نفر", "fa", 10_000, 20_000, "people"),
        ("۱۰ الی ۲۰ نفر", "fa", 10, 20, "people"),
        ("از 10 تا 20 افراد", "ur", 10, 20, "people"),
        ("300명에서 400명 사이", "ko", 300, 400, "people"),
        ("1만에서 2만 명 사이", "ko", 10_000, 20_000, "people"),
        ("10-től 20-ig", "hu", 10, 20, ""),
        ("10 ezertől 20 ezerig", "hu", 10_000, 20_000, ""),
        ("500–1 000 ihmistä", "fi", 500, 1000, "people"),
        ("১০ থেকে ২০ জন", "bn", 10, 20, "people"),
        ("১০ থেকে ২০ জনের মধ্যে", "bn", 10, 20, "people"),
        ("dai 10 ai 20 morti", "it", 10, 20, "killed"),
        ("tra i 10 e i 20 morti", "it", 10, 20, "killed"),
        ("dal 10 al 20 per cento", "it", 10, 20, "percent"),
        ("watu 10 hadi 20", "sw", 10, 20, "people"),
        ("kati ya watu 10 na 20", "sw", 10, 20, "people"),
        ("watu kati ya 10 na 20", "sw", 10, 20, "people"),
        ("מ-10 עד 20 בני אדם", "he", 10, 20, "people"),
        ("בין 10 ל-20", "he", 10, 20, ""),
        ("בין 10 ל־20 הרוגים", "he", 10, 20, "killed"),
        ("10 עד 20 הרוגים", "he", 10, 20, "killed"),
        ("10 až 20 mrtvých", "cs", 10, 20, "killed"),
        ("10 έως 20 νεκροί", "el", 10, 20, "killed"),
        ("10 până la 20 de morți", "ro", 10, 20, "killed"),
        ("de la 10 până la 20 de morți", "ro", 10, 20, "killed"),
        ("10 ilaa 20 qof", "so", 10, 20, "people"),
        ("ant 10 ak 20 moun", "ht", 10, 20, "people"),
        ("10 a 20 moun", "ht", 10, 20, "people"),
        ("kati ya bato 10 na 20", "ln", 10, 20, "people"),
        ("bato 10 kino 20", "ln", 10, 20, "people"),
        ("между 300 и 400 души", "bg", 300, 400, "people"),
        ("10-20 души", "bg", 10, 20, "people"),
        ("namoota 10 hanga 20", "om", 10, 20, "people"),
        ("abantu 10 kugeza kuri 20", "rw", 10, 20, "people"),
        ("abantu hagati ya 10 na 20", "rw", 10, 20, "people"),
        ("kuva kuri 10 kugeza kuri 20", "rw", 10, 20, ""),
        ("mellan 10 och 20 döda", "sv", 10, 20, "killed"),
        ("10 till 20 döda", "sv", 10, 20, "killed"),
        ("10 ክሳብ 20 ሰባት", "ti", 10, 20, "people"),
        ("mutum 10 zuwa 20", "ha", 10, 20, "people"),
        ("tsakanin 10 da 20", "ha", 10, 20, ""),
        ("daga 10 zuwa 20", "ha", 10, 20, ""),
        ("10-dan 20-yə qədər", "az", 10, 20, ""),
        ("10-dan 20-dək", "az", 10, 20, ""),
        ("10'dan 20'ye kadar", "tr", 10, 20, ""),
        ("10’dan 20’ye kadar kişi", "tr", 10, 20, "people"),
        ("10 binden 20 bine kadar", "tr", 10_000, 20_000, ""),
        ("5 milyondan 10 milyona kadar", "tr", 5_000_000, 10_000_000, ""),
        ("5'ten 10'a kadar", "tr", 5, 10, ""),
        ("10 heta 20 kes", "ku", 10, 20, "people"),
        ("ji 10 heta 20 kesan", "ku", 10, 20, "people"),
        ("di navbera 10 û 20 kesan de", "ku", 10, 20, "people"),
        ("١٠ بۆ ٢٠ کەس", "ckb", 10, 20, "people"),
        ("لە نێوان ١٠ بۆ ٢٠ کەس", "ckb", 10, 20, "people"),
        ("لە ١٠ تا ٢٠ هەزار کەس", "ckb", 10_000, 20_000, "people"),
        ("လူ ၁၀ မှ ၂၀ အထိ", "my", 10, 20, "people"),
        ("၁၀ နှင့် ၂၀ ကြား", "my", 10, 20, ""),
        ("လူ ၁၀-၂၀", "my", 10, 20, "people"),
        ("300-500 คน", "th", 300, 500, "people"),
        ("300 ถึง 500 คน", "th", 300, 500, "people"),
        ("ระหว่าง 300-500 คน", "th", 300, 500, "people"),
        ("ตั้งแต่ 300 ถึง 500 คน", "th", 300, 500, "people"),
        ("៣០០-៥០០ នាក់", "km", 300, 500, "people"),
        ("៣០០ ទៅ ៥០០ នាក់", "km", 300, 500, "people"),
        ("ពី ៣០០ ទៅ ៥០០ នាក់", "km", 300, 500, "people"),
        ("ចន្លោះពី ៣០០ ដល់ ៥០០ នាក់", "km", 300, 500, "people"),
    ],
)
def test_press_ranges_of_every_language(
    text: str, language: str, low: float, high: float, unit: str
) -> None:
    """ "Between 10 and 20", "from 10 to 20" and "10 to 20" as each language's press writes
    them: openers of two words ("ما بين", "kati ya"), joining words of two tokens ("ל-",
    "până la", "e i"), case endings on the figures or their multiplier ("10 ezertől 20
    ezerig"), a count noun after each figure ("300명에서 400명")."""
    q = parse(text, language)
    assert (q.qualifier, q.value, q.low, q.high, q.unit) == ("range", None, low, high, unit)


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        # "에서" alone is where a change starts ("300명에서 400명으로 늘었다", rose to 400).
        ("300명에서 400명", "ko", "a word that needs a closing word"),
        ("300명에서 400명으로 늘었다", "ko", "a word that needs a closing word"),
        # So is Turkish "-dan ... -e" without "kadar" (rose from 10 to 20).
        ("10'dan 20'ye", "tr", "a word that needs a closing word"),
        ("10'dan 20'ye yükseldi", "tr", "makes it a change, not a total"),
        ("10 binden 20 bine yükseldi", "tr", "a word that needs a closing word"),
        ("10 soldiers to 20 civilians", "en", "a different noun after each figure"),
        ("۱۰ نفر تا ۲۰ کودک", "fa", "a different noun after each figure"),
        # Days of a month, in the Solar Hijri calendar and with a clitic ("in March").
        ("۱۰ تا ۲۰ مهر", "fa", "a date, a unit not read"),
        ("10 עד 20 במרץ", "he", "a date, a unit not read"),
        ("10 hadi 20 Machi watu", "sw", "a date, a unit not read"),
        ("10 و20 شخصا", "ar", "more than one figure"),
        ("10 na 20", "sw", "more than one figure"),
        # Kurmanji "û" joins "3 hezar û 500" (3,500), never two figures into a sum.
        ("10 û 20 kes", "ku", "a date, a unit not read, or not a noun"),
        ("ji 300 kesan", "ku", "not a figure this parser can read safely"),
        # Sorani "لە" before a figure is "from" as often as "than": kept as text.
        ("لە ٣٠٠ کەس زیاتر", "ckb", "not a figure this parser can read safely"),
        ("١٠ و ٢٠ کەس", "ckb", "more than one figure"),
        # A multiplier before a figure written in full: "elfu 7,500" is 7,500 in some
        # press and 7,500,000 by the words.
        ("elfu 7,500", "sw", "a multiplier before a figure written in full"),
        ("watu milioni 7,400,000", "sw", "a multiplier before a figure written in full"),
        ("dubu 7,500", "ha", "a multiplier before a figure written in full"),
        ("mutane miliyan 7,400,000", "ha", "a multiplier before a figure written in full"),
        ("ibihumbi 7,500", "rw", "a multiplier before a figure written in full"),
        # Kinyarwanda "na" (and) never joins two figures into a sum.
        ("ibihumbi 2 na 300", "rw", "more than one figure"),
        ("mutane 20 cikin 100", "ha", "a count noun before a measured figure"),
        ("tra i 10 morti", "it", "not a figure this parser can read safely"),
        ("מ-10 הרוגים", "he", "not a figure this parser can read safely"),
        # A range word with no second figure read is not the count noun ("10 až" is cut
        # out of "10 až 20 března", the 10th to the 20th of March).
        ("10 až", "cs", "joins a range with no second figure read"),
        ("۱۰ تا", "fa", "joins a range with no second figure read"),
        ("10 până", "ro", "joins a range with no second figure read"),
        ("10 al", "it", "joins a range with no second figure read"),
    ],
)
def test_two_figures_that_are_not_a_range_are_refused(
    text: str, language: str, reason: str
) -> None:
    """A joining word that is also "from" a change starts at, two different nouns, days of
    a month, "and" without "between", an opener without its second figure."""
    assert reason in (explain_refusal(text, language) or "")


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [("ከ500 በላይ ሰዎች", "over", 500), ("ከ20 በታች", "under", 20), ("ከ4 ሺህ 63 ሰዎች", "exact", 4063)],
)
def test_amharic_ke_still_frames_a_comparison(text: str, qualifier: str, value: float) -> None:
    q = parse(text, "am")
    assert (q.qualifier, q.value) == (qualifier, value)


@pytest.mark.parametrize(
    "text",
    [
        "over about 10",
        "up to 10-20",
        "exactly 10 to 20",
        "between 10",
        "from 10",
        "20-10",
        "10 and 20",
        "over 10,000 or fewer",
    ],
)
def test_inconsistent_hedging_is_refused(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        ("155-mm shells", "en", None),
        ("155mm shells", "en", None),
        ("2,000-pound bombs", "en", None),
        ("500-kg bombs", "en", None),
        ("155-мм снарядов", "ru", None),
        ("10 km", "en", (10, "km")),
        ("500 kg", "en", (0.5, "t")),
        ("a 300-strong force", "en", (300, "forces")),
    ],
)
def test_a_figure_joined_to_its_unit_describes_the_next_noun(
    text: str, language: str, read: tuple[float, str] | None
) -> None:
    """ "155-mm shells" are shells of a calibre, not 155 shells; "2,000-pound bombs" are
    bombs of a weight. A unit alone, or a count word ("300-strong"), is still read."""
    q = parse_quantity(text, language)
    assert (None if q is None else (q.value, q.unit)) == read


@pytest.mark.parametrize(
    "text", ["the convoy passed 3 checkpoints", "crossed 2 rivers", "rose by 1,200"]
)
def test_a_verb_of_motion_or_change_is_not_a_hedge(text: str) -> None:
    """'Passed' and 'crossed' move as often as they exceed; 'rose by' is a change."""
    assert parse_quantity(text, "en") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("1000匹以上", "ja"),
        ("1000匹以上", None),
        ("300匹以上", "zh"),
        ("300마리이상", "ko"),
        # "လူ" (people) begins "လူငယ်" (young people): the rest is not a known word.
        ("၅၀ လူငယ်", "my"),
        ("300 คนแถวหน้า", "th"),
        # "បាត" (baht) is not read in "បាត់" (lost): the sign after it ends the syllable.
        ("១០០ បាត់", "km"),
    ],
)
def test_an_unknown_count_noun_in_unspaced_text_is_refused(text: str, language: str | None) -> None:
    """Words are not spaced in Chinese, Japanese, Korean and Burmese: an unknown run of letters after
    a figure may hide a hedge ("以上" is "or more"), so it is never taken as the count noun."""
    assert parse_quantity(text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [("1 millón 200 mil", "es", 1_200_000), ("2 million 300 thousand", "en", 2_300_000)],
)
def test_a_smaller_multiplied_figure_after_a_multiplier_adds_to_it(
    text: str, language: str, value: float
) -> None:
    """Languages that count in ten thousands write "1億2000万" the same way."""
    assert parse(text, language).value == value


def test_a_hedge_against_the_digits_before_their_multiplier() -> None:
    q = parse("300+ million")
    assert (q.qualifier, q.low) == ("at_least", 300_000_000)
    assert parse_quantity("300 plus thousand") is None


# --------------------------------------------------------------------------- number formats


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("1,376", "en", 1376),
        ("1,376", "en", 1376),
        ("1,376.5", "en", 1376.5),
        ("1 376", "en", 1376),
        ("12,000,000", "en", 12_000_000),
        ("0.5", "en", 0.5),
        ("1.376", "en", 1.376),
        ("2024", "en", 2024),
        ("8.000", "de", 8000),
        ("1,5", "de", 1.5),
        ("1.376,5", "de", 1376.5),
        ("1.376.000", "de", 1_376_000),
        ("1,376", "de", 1.376),
        ("10 000", "de", 10000),
        ("10\u00a0000", "de", 10000),
        ("10\u202f000", "fr", 10000),
        ("10\u2009000", "fr", 10000),
        ("10 000", "fr", 10000),
        ("2,5", "fr", 2.5),
        ("10'000", "de-CH", 10000),
        ("10’000", "de-CH", 10000),
        ("10'000.5", "de-CH", 10000.5),
        ("10 000", "ru", 10000),
        ("1,5", "uk", 1.5),
        ("1.234", "es", 1234),
        ("1.234", "it", 1234),
        ("1.234", "pt-BR", 1234),
        ("1.234", "DE", 1234),
        ("1.234", "de_AT", 1234),
        ("1,5", "xx", 1.5),
        ("1.5", "xx", 1.5),
        ("1,376.5", "xx", 1376.5),
        ("1 376", "xx", 1376),
    ],
)
def test_number_formats_follow_language(text: str, language: str | None, value: float) -> None:
    q = parse(text, language)
    assert q.value == value
    assert (q.qualifier, q.unit, q.dimension) == ("exact", "", "count")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("1,5", "en"),
        ("1,5", "en"),
        ("1,37", "en"),
        ("12,0000", "en"),
        ("1.376,5", "en"),
        ("10.000", "en"),
        ("1,234,56", "en"),
        ("1.5", "de"),
        ("10,000", "de"),
        ("1,376.5", "de"),
        ("12.0000", "de"),
        ("1,376", "xx"),
        ("1.376", "xx"),
        ("1 2", "en"),
        ("1,200", "es"),
        ("ha superado las 1,200", "es"),
        ("2,500 millones", "es"),
    ],
)
def test_ambiguous_number_formats_are_refused(text: str, language: str | None) -> None:
    assert parse_quantity(text, language) is None


def test_count_nouns_need_whole_numbers() -> None:
    # German decimal comma: 1,376 Soldaten would be 1.376 soldiers, so it is a misread.
    assert parse_quantity("1,376 Soldaten", "de") is None
    assert parse_quantity("2.5 soldiers") is None
    assert parse("1,376 km", "de").value == 1.376


# --------------------------------------------------------------------------- multipliers


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("1.5 million", None, 1_500_000, ""),
        ("3 thousand", None, 3000, ""),
        ("2bn", None, 2e9, ""),
        ("2 bn", None, 2e9, ""),
        ("2 billion", None, 2e9, ""),
        ("1 trillion", None, 1e12, ""),
        ("10k", None, 10000, ""),
        ("1.5m", None, 1_500_000, ""),
        ("1.5M", None, 1_500_000, ""),
        ("500M", None, 500_000_000, ""),
        ("500m people", None, 500_000_000, "people"),
        ("$500m", None, 500_000_000, "USD"),
        ("$2b", None, 2e9, "USD"),
        ("$1.5 billion", None, 1.5e9, "USD"),
        ("US$1.5bn", None, 1.5e9, "USD"),
        ("1,5 Mio.", "de", 1_500_000, ""),
        ("1,5 Millionen", "de", 1_500_000, ""),
        ("3 Tsd.", "de", 3000, ""),
        ("5 Mrd.", "de", 5e9, ""),
        ("2 Milliarden Euro", "de", 2e9, "EUR"),
        ("1 Billion", "de", 1e12, ""),
        ("3 millions", "fr", 3e6, ""),
        ("2 milliards", "fr", 2e9, ""),
        ("1 billion", "fr", 1e12, ""),
        ("5 millions d'euros", "fr", 5e6, "EUR"),
        ("10 mil", "es", 10000, ""),
        ("1,5 millones", "es", 1.5e6, ""),
        ("2 mil millones de dólares", "es", 2e9, "USD"),
        ("10 mila", "it", 10000, ""),
        ("3 miliardi", "it", 3e9, ""),
        ("10 тыс.", "ru", 10000, ""),
        ("10 тысяч", "ru", 10000, ""),
        ("1,5 млн", "ru", 1.5e6, ""),
        ("2 млрд рублей", "ru", 2e9, "RUB"),
        ("600 тис.", "uk", 600_000, ""),
        ("2 млрд гривень", "uk", 2e9, "UAH"),
        ("10 tys.", "pl", 10000, ""),
        ("1,5 mln", "pl", 1.5e6, ""),
        ("2 mld", "pl", 2e9, ""),
        ("10 ribu", "id", 10000, ""),
        ("1,2 juta", "id", 1.2e6, ""),
        ("Rp 2 triliun", "id", 2e12, "IDR"),
        ("10 tis.", "cs", 10000, ""),
        ("3 tisíce", "cs", 3000, ""),
        ("1,5 mil.", "cs", 1.5e6, ""),
        ("2 miliardy korun", "cs", 2e9, "CZK"),
        ("10 ہزار", "ur", 10000, ""),
        ("1.2 ملین", "ur", 1.2e6, ""),
        ("2 لاکھ", "ur", 200_000, ""),
        ("3 ارب ڈالر", "ur", 3e9, "USD"),
        ("600 тыс.", "be", 600_000, ""),
        ("10 mii", "ro", 10000, ""),
        ("1,5 milioane", "ro", 1.5e6, ""),
        ("2 miliarde de lei", "ro", 2e9, "RON"),
        ("10 ezer", "hu", 10000, ""),
        ("1,5 millió", "hu", 1.5e6, ""),
        ("2 milliárd forint", "hu", 2e9, "HUF"),
        ("10 tuhatta", "fi", 10000, ""),
        ("1,5 miljoonaa", "fi", 1.5e6, ""),
        ("2,5 milj. euroa", "fi", 2.5e6, "EUR"),
        ("2 miljardia euroa", "fi", 2e9, "EUR"),
        ("3 miljoonan euron", "fi", 3e6, "EUR"),
        ("kolmetuhatta", "fi", 3000, ""),
        ("kymmenentuhatta", "fi", 10000, ""),
        ("10 χιλιάδες", "el", 10000, ""),
        ("1,5 εκατ.", "el", 1.5e6, ""),
        ("2 δισ. ευρώ", "el", 2e9, "EUR"),
        ("10 hiljada", "sr", 10000, ""),
        ("10 хиљада", "sr", 10000, ""),
        ("1,5 милиона", "sr", 1.5e6, ""),
        ("2 milijarde dinara", "sr", 2e9, "RSD"),
        ("2 мільярды долараў", "be", 2e9, "USD"),
        ("10 زره", "ps", 10000, ""),
        ("1.2 میلیونه", "ps", 1.2e6, ""),
        ("2 میلیارده ډالر", "ps", 2e9, "USD"),
        ("10 kun", "so", 10000, ""),
        ("1.2 milyan", "so", 1.2e6, ""),
        ("2 bilyan oo doolar", "so", 2e9, "USD"),
        ("10 mil", "ht", 10000, ""),
        ("1,2 milyon", "ht", 1.2e6, ""),
        ("2 milya dola ameriken", "ht", 2e9, "USD"),
        ("10 milyon goud", "ht", 1e7, "HTG"),
        # Lingala writes the multiplier and the currency before the figure.
        ("nkoto 10", "ln", 10000, ""),
        ("milio 2,5", "ln", 2.5e6, ""),
        ("7 milio", "ln", 7e6, ""),
        ("dolare milio 2", "ln", 2e6, "USD"),
        ("falanga 1000", "ln", 1000, "CDF"),
        ("600 хил.", "bg", 600_000, ""),
        ("1,5 млн.", "bg", 1.5e6, ""),
        ("2 млрд. долара", "bg", 2e9, "USD"),
        ("10 млн. лева", "bg", 1e7, "BGN"),
        ("три хиляди", "bg", 3000, ""),
        ("kuma 10", "om", 10000, ""),
        ("miliyoona 1.2", "om", 1.2e6, ""),
        ("doolaara miliyoona 5", "om", 5e6, "USD"),
        ("birrii biiliyoona 2", "om", 2e9, "ETB"),
        ("ibihumbi 10", "rw", 10000, ""),
        ("ibihumbi icumi", "rw", 10000, ""),
        ("igihumbi", "rw", 1000, ""),
        ("miliyoni 1.2", "rw", 1.2e6, ""),
        ("amadolari miliyoni 5", "rw", 5e6, "USD"),
        ("miliyoni 5 z'amadolari", "rw", 5e6, "USD"),
        ("miliyari 2 Frw", "rw", 2e9, "RWF"),
        ("miliyari 2 z'amafaranga y'u Rwanda", "rw", 2e9, "RWF"),
        ("10 tusen", "sv", 10000, ""),
        ("1,5 miljoner", "sv", 1.5e6, ""),
        ("1,5 milj. kronor", "sv", 1.5e6, "SEK"),
        ("2 miljarder kronor", "sv", 2e9, "SEK"),
        ("10 mdr dollar", "sv", 1e10, "USD"),
        ("tre miljoner", "sv", 3e6, ""),
        ("en halv miljon", "sv", 5e5, ""),
        ("dubu 10", "ha", 10000, ""),
        ("miliyan 1.2", "ha", 1.2e6, ""),
        ("dala biliyan 2", "ha", 2e9, "USD"),
        ("naira miliyan 5", "ha", 5e6, "NGN"),
        ("dubu biyu", "ha", 2000, ""),
        ("10 min", "az", 10000, ""),
        ("1,2 milyon", "az", 1.2e6, ""),
        ("2 milyard manat", "az", 2e9, "AZN"),
        ("İki min", "az", 2000, ""),
        ("10 ஆயிரம் பேர்", "ta", 10_000, "people"),
        ("2 லட்சம்", "ta", 200_000, ""),
        ("1.5 கோடி", "ta", 15_000_000, ""),
        ("2 பில்லியன் டாலர்", "ta", 2e9, "USD"),
        ("10 ሺህ", "am", 10000, ""),
        ("1.2 ሚሊዮን", "am", 1.2e6, ""),
        ("2 ቢሊዮን ብር", "am", 2e9, "ETB"),
        ("10 ሽሕ", "ti", 10000, ""),
        ("1.2 ሚልዮን", "ti", 1.2e6, ""),
        ("2 ቢልዮን ዶላር", "ti", 2e9, "USD"),
        ("ሰለስተ ሽሕ", "ti", 3000, ""),
        ("10 հազար", "hy", 10000, ""),
        ("1,2 միլիոն", "hy", 1.2e6, ""),
        ("2 մլրդ դոլար", "hy", 2e9, "USD"),
        ("10 hezar", "ku", 10000, ""),
        ("2,5 milyon", "ku", 2.5e6, ""),
        ("3 hezar û 500", "ku", 3500, ""),
        ("2 milyar dolar", "ku", 2e9, "USD"),
        ("١٠ هەزار", "ckb", 10000, ""),
        ("٢.٥ ملیۆن", "ckb", 2.5e6, ""),
        ("سێ هەزار و پێنجسەد", "ckb", 3500, ""),
        ("٢ ملیار دۆلار", "ckb", 2e9, "USD"),
        ("لەسەدا ٤٠", "ckb", 40, "percent"),
        ("10 ათასი", "ka", 10000, ""),
        ("1,2 მილიონი", "ka", 1.2e6, ""),
        ("2 მილიარდი დოლარი", "ka", 2e9, "USD"),
        ("5 მლნ ლარი", "ka", 5e6, "GEL"),
        # Burmese counts in ten thousands (သောင်း) and hundred thousands (သိန်း), and writes
        # a multiplier before its figure too.
        ("၁၂ သိန်း", "my", 1_200_000, ""),
        ("လူ ၃ သောင်း", "my", 30_000, "people"),
        ("၁.၂ သန်း", "my", 1_200_000, ""),
        ("ဒေါ်လာ သန်း ၂၀၀", "my", 2e8, "USD"),
        ("ကျပ်သိန်း ၅၀", "my", 5e6, "MMK"),
        ("ရာခိုင်နှုန်း ၆၀", "my", 60, "percent"),
        ("၆၀ ရာခိုင်နှုန်း", "my", 60, "percent"),
        ("3 หมื่นคน", "th", 30_000, "people"),
        ("1.3 แสนคน", "th", 130_000, "people"),
        ("2 ล้านคน", "th", 2e6, "people"),
        ("5 พันล้านบาท", "th", 5e9, "THB"),
        ("๑.๓ แสนคน", "th", 130_000, "people"),
        ("สามสิบห้าคน", "th", 35, "people"),
        ("ร้อยละ 30", "th", 30, "percent"),
        ("ครึ่งหนึ่ง", "th", 50, "percent"),
        # Khmer counts in ten thousands (ម៉ឺន) and hundred thousands (សែន).
        ("៣ ម៉ឺននាក់", "km", 30_000, "people"),
        ("ជនភៀសសឹក ១៣ ម៉ឺននាក់", "km", 130_000, "displaced"),
        ("១.៥ លាននាក់", "km", 1_500_000, "people"),
        ("២ ពាន់លានរៀល", "km", 2e9, "KHR"),
        ("៥ លានដុល្លារ", "km", 5e6, "USD"),
        ("៣០ ភាគរយ", "km", 30, "percent"),
        ("ប្រាំនាក់", "km", 5, "people"),
        ("ពាក់កណ្តាល", "km", 50, "percent"),
    ],
)
def test_multipliers(text: str, language: str | None, value: float, unit: str) -> None:
    q = parse(text, language)
    assert (q.value, q.unit) == (value, unit)


def test_m_is_a_multiplier_only_when_clear() -> None:
    assert parse_quantity("500m") is None  # metres or millions: do not guess
    metres = parse("500 m")
    assert (metres.value, metres.unit, metres.dimension) == (0.5, "km", "length")
    assert parse("1.5m").value == 1_500_000


def test_multiplier_is_shared_by_a_range() -> None:
    q = parse("1.5-2 million")
    assert (q.low, q.high) == (1_500_000, 2_000_000)
    q = parse("from 2 to 3 million people")
    assert (q.low, q.high, q.unit) == (2_000_000, 3_000_000, "people")
    q = parse("$1-2 billion")
    assert (q.low, q.high, q.unit) == (1e9, 2e9, "USD")
    q = parse("500 to 1 million")  # sharing would make low > high
    assert (q.low, q.high) == (500, 1_000_000)


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "written", "dimension"),
    [
        ("531 square miles", None, 531 * SQ_MI, "km2", "square miles", "area"),
        ("531 sq mi", None, 531 * SQ_MI, "km2", "sq mi", "area"),
        ("531 sq. miles", None, 531 * SQ_MI, "km2", "sq. miles", "area"),
        ("1,376 km²", "en", 1376, "km2", "km²", "area"),
        ("1,376km2", "en", 1376, "km2", "km2", "area"),
        ("1,376 sq km", "en", 1376, "km2", "sq km", "area"),
        ("1,376 sq. km", "en", 1376, "km2", "sq. km", "area"),
        ("800 square kilometres", None, 800, "km2", "square kilometres", "area"),
        ("800 square kilometers", None, 800, "km2", "square kilometers", "area"),
        ("500 hectares", None, 5, "km2", "hectares", "area"),
        ("500 ha", None, 5, "km2", "ha", "area"),
        ("1,000 acres", None, 4.0468564224, "km2", "acres", "area"),
        ("2,000,000 m²", None, 2, "km2", "m²", "area"),
        ("800 Quadratkilometer", "de", 800, "km2", "Quadratkilometer", "area"),
        ("800 qkm", "de", 800, "km2", "qkm", "area"),
        ("800 km carrés", "fr", 800, "km2", "km carrés", "area"),
        ("800 kilómetros cuadrados", "es", 800, "km2", "kilómetros cuadrados", "area"),
        ("800 chilometri quadrati", "it", 800, "km2", "chilometri quadrati", "area"),
        ("800 кв. км", "ru", 800, "km2", "кв. км", "area"),
        ("800 квадратных километров", "ru", 800, "km2", "квадратных километров", "area"),
        ("800 квадратних кілометрів", "uk", 800, "km2", "квадратних кілометрів", "area"),
        ("10 km", None, 10, "km", "km", "length"),
        ("10km", None, 10, "km", "km", "length"),
        ("10 kilometres", None, 10, "km", "kilometres", "length"),
        ("10 miles", None, 16.09344, "km", "miles", "length"),
        ("10 Kilometer", "de", 10, "km", "Kilometer", "length"),
        ("10 километров", "ru", 10, "km", "километров", "length"),
        ("10 кілометрів", "uk", 10, "km", "кілометрів", "length"),
        ("5 tonnes", None, 5, "t", "tonnes", "mass"),
        ("5 tons", None, 5, "t", "tons", "mass"),
        ("500 kg", None, 0.5, "t", "kg", "mass"),
        ("40%", None, 40, "percent", "%", "percent"),
        ("40 percent", None, 40, "percent", "percent", "percent"),
        ("40 per cent", None, 40, "percent", "per cent", "percent"),
        ("40 pct", None, 40, "percent", "pct", "percent"),
        ("40 Prozent", "de", 40, "percent", "Prozent", "percent"),
        ("40 pour cent", "fr", 40, "percent", "pour cent", "percent"),
        ("40 por ciento", "es", 40, "percent", "por ciento", "percent"),
        ("40 per cento", "it", 40, "percent", "per cento", "percent"),
        ("40 процентов", "ru", 40, "percent", "процентов", "percent"),
        ("40 відсотків", "uk", 40, "percent", "відсотків", "percent"),
        ("$500", None, 500, "USD", "$", "currency"),
        ("500 USD", None, 500, "USD", "USD", "currency"),
        ("500 dollars", None, 500, "USD", "dollars", "currency"),
        ("€500", None, 500, "EUR", "€", "currency"),
        ("500 €", "de", 500, "EUR", "€", "currency"),
        ("500 euros", None, 500, "EUR", "euros", "currency"),
        ("£500", None, 500, "GBP", "£", "currency"),
        ("500 roubles", None, 500, "RUB", "roubles", "currency"),
        ("500 ₽", "ru", 500, "RUB", "₽", "currency"),
        ("500 рублей", "ru", 500, "RUB", "рублей", "currency"),
        ("₴500", None, 500, "UAH", "₴", "currency"),
        ("500 hryvnias", None, 500, "UAH", "hryvnias", "currency"),
        ("500 гривень", "uk", 500, "UAH", "гривень", "currency"),
    ],
)
def test_units_are_normalised(
    text: str, language: str | None, value: float, unit: str, written: str, dimension: str
) -> None:
    q = parse(text, language)
    assert q.value == pytest.approx(value, rel=1e-12)
    assert (q.unit, q.unit_written, q.dimension) == (unit, written, dimension)


def test_square_miles_conversion() -> None:
    q = parse("about 531 square miles")
    assert q.value == pytest.approx(1375.2836865884, rel=1e-12)
    assert q.precision == pytest.approx(0.5 * SQ_MI)


def test_mixed_units_in_a_range_are_converted_or_refused() -> None:
    q = parse("10 miles to 20 km")
    assert q.low == pytest.approx(16.09344)
    assert (q.high, q.unit) == (20, "km")
    assert parse_quantity("10 km to 20 percent") is None
    assert parse_quantity("$5 million euros") is None


# --------------------------------------------------------------------------- count nouns


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("10,000 troops", None, "troops"),
        ("10,000 soldiers", None, "troops"),
        ("1 soldier", None, "troops"),
        ("10,000 servicemen", None, "troops"),
        ("10,000 personnel", None, "troops"),
        ("10,000 fighters", None, "troops"),
        ("10,000 North Korean soldiers", None, "troops"),
        ("10,000 additional Russian troops", None, "troops"),
        ("10,000 more troops", None, "troops"),
        ("10.000 Soldaten", "de", "troops"),
        ("10.000 nordkoreanische Soldaten", "de", "troops"),
        ("10 000 soldats", "fr", "troops"),
        ("10.000 soldados", "es", "troops"),
        ("10.000 soldati", "it", "troops"),
        ("10 000 военнослужащих", "ru", "troops"),
        ("10 тыс. солдат", "ru", "troops"),
        ("10 000 бойцов", "ru", "troops"),
        ("10 000 військових", "uk", "troops"),
        ("10 000 солдатів", "uk", "troops"),
        ("10 000 żołnierzy", "pl", "troops"),
        ("10 000 vojáků", "cs", "troops"),
        ("10 000 вайскоўцаў", "be", "troops"),
        ("10.000 de soldați", "ro", "troops"),
        ("15 militari", "ro", "troops"),
        ("10 000 katona", "hu", "troops"),
        ("10 000 katonát", "hu", "troops"),
        ("10 000 sotilasta", "fi", "troops"),
        ("10 000 sotilaan", "fi", "troops"),
        ("10 000 taistelijaa", "fi", "troops"),
        ("10.000 στρατιώτες", "el", "troops"),
        ("10.000 vojnika", "sr", "troops"),
        ("10.000 војника", "sr", "troops"),
        ("500 casualties", None, "casualties"),
        ("1 casualty", None, "casualties"),
        ("500 losses", None, "casualties"),
        ("500 killed", None, "killed"),
        ("500 dead", None, "killed"),
        ("500 deaths", None, "killed"),
        ("500 wounded", None, "wounded"),
        ("500 injured", None, "wounded"),
        ("50 tanks", None, "tanks"),
        ("1 tank", None, "tanks"),
        ("50 Panzer", "de", "tanks"),
        ("50 missiles", None, "missiles"),
        ("50 ballistic missiles", None, "missiles"),
        ("50 rockets", None, "rockets"),
        ("6 million shells", None, "shells"),
        ("6 million artillery shells", None, "shells"),
        ("6 million rounds", None, "shells"),
        ("300 drones", None, "drones"),
        ("300 UAVs", None, "drones"),
        ("6,700 containers", None, "containers"),
        ("100 people", None, "people"),
        ("100 civilians", None, "people"),
        ("1 person", None, "people"),
        ("20 aircraft", None, "aircraft"),
        ("20 helicopters", None, "helicopters"),
        ("1 helicopter", None, "helicopters"),
        ("20 trenches.", None, "trenches"),
        ("1 trench", None, "trenches"),
        ("20 armoured vehicles", None, "vehicles"),
        ("3 percentage points", None, "percentage points"),
        ("12,000", None, ""),
        ("10,000 in Kursk", None, ""),
        ("10.000 tentara", "id", "troops"),
        ("۱۰۰ فوجی", "ur", "troops"),
        ("۳۰۰ ټپیان", "ps", "wounded"),
        ("300 askari", "so", "troops"),
        ("300 sòlda", "ht", "troops"),
        ("150 otaj", "ht", "hostages"),
        ("700 000 moun deplase", "ht", "displaced"),
        ("basoda 500", "ln", "troops"),
        ("badeplace 7 000", "ln", "displaced"),
        ("mabota 200", "ln", "families"),
        ("10 000 войници", "bg", "troops"),
        ("5 войника", "bg", "troops"),
        ("300 бежанци", "bg", "refugees"),
        ("12 заложници", "bg", "hostages"),
        ("loltoota 300", "om", "troops"),
        ("baqattoota 300", "om", "refugees"),
        ("buqqaatota 300", "om", "displaced"),
        ("beeladoota kuma 300", "om", "livestock"),
        ("lammiileen nagaa 50", "om", "people"),
        ("abasirikare 500", "rw", "troops"),
        ("impunzi ibihumbi 10", "rw", "refugees"),
        ("inkomere 30", "rw", "wounded"),
        ("abantu batatu", "rw", "people"),
        ("miliyoni 7 z'abantu", "rw", "people"),
        ("ibihumbi 10 by'impunzi", "rw", "refugees"),
        ("300 soldater", "sv", "troops"),
        ("300 soldaterna", "sv", "troops"),
        ("50 civila", "sv", "people"),
        ("300 skadade", "sv", "wounded"),
        ("150 gisslan", "sv", "hostages"),
        ("12 stridsvagnar", "sv", "tanks"),
        ("100 000 internflyktingar", "sv", "displaced"),
        ("tjugofem soldater", "sv", "troops"),
        ("sojoji 300", "ha", "troops"),
        ("motoci guda 5", "ha", "vehicles"),
        ("'yan bindiga 30", "ha", "gunmen"),
        ("ƴan ta'adda 50", "ha", "militants"),
        ("300 hərbçi", "az", "troops"),
        ("300 ወታደሮች", "am", "troops"),
        ("300 ወተሃደራት", "ti", "troops"),
        ("2,500 ቁሱላት", "ti", "wounded"),
        ("300 զինծառայող", "hy", "troops"),
        ("30 գերի", "hy", "prisoners"),
        ("300 leşker", "ku", "troops"),
        ("300 kesan", "ku", "people"),
        ("50 kesên sivîl", "ku", "people"),
        ("12 zarok", "ku", "children"),
        ("٣٠٠ سەرباز", "ckb", "troops"),
        ("٥٠ هاوڵاتی", "ckb", "people"),
        ("١٢ منداڵ", "ckb", "children"),
        ("٥٠٠ خێزان", "ckb", "families"),
        ("٥٠٠ دانیشتووی", "ckb", "people"),
        ("١٠ هەزار ئاوارە", "ckb", "displaced"),
        ("300 ჯარისკაცი", "ka", "troops"),
        ("50 მშვიდობიანი მოქალაქე", "ka", "people"),
        ("50-ზე მეტი დაიჭრა", "ka", "wounded"),
        ("500 სამხედრო მოსამსახურე", "ka", "troops"),
        # Burmese: the noun before the figure, its classifier after it.
        ("လူ ၃၀၀ ဦး", "my", "people"),
        ("စစ်သား ၅၀၀ ဦး", "my", "troops"),
        ("ကလေး ၁၂ ဦး", "my", "children"),
        ("စစ်ရှောင် ၃ သိန်း", "my", "displaced"),
        ("နေအိမ် ၅၀ လုံး", "my", "homes"),
        ("တိုက်လေယာဉ် ၃ စီး", "my", "aircraft"),
        ("လူ၃၀၀ဦးကျော်", "my", "people"),
        ("ผู้เสียชีวิต 12 ราย", "th", "killed"),
        ("ทหาร 5 นาย", "th", "troops"),
        ("ผู้อพยพ 1.3 แสนคน", "th", "displaced"),
        ("ผู้ลี้ภัย 9 หมื่นคน", "th", "refugees"),
        ("รถถัง 10 คัน", "th", "tanks"),
        ("12 คนเสียชีวิต", "th", "people"),
        ("អ្នកស្លាប់ ១២ នាក់", "km", "killed"),
        ("ទាហាន ៥ នាក់", "km", "troops"),
        ("ជនភៀសខ្លួន ៩ ម៉ឺននាក់", "km", "refugees"),
        ("រថក្រោះ ១០ គ្រឿង", "km", "tanks"),
        ("គ្រួសារ ៣០,០០០ គ្រួសារ", "km", "families"),
        ("១២ នាក់ស្លាប់", "km", "people"),
    ],
)
def test_count_nouns(text: str, language: str | None, unit: str) -> None:
    q = parse(text, language)
    assert (q.unit, q.dimension) == (unit, "count")


def test_count_noun_keeps_what_was_written() -> None:
    q = parse("knapp 60.000 Soldaten", "de")
    assert (q.unit, q.unit_written) == ("troops", "Soldaten")
    assert parse("up to 10,000 North Korean soldiers").unit_written == "soldiers"


def test_containers_and_shells_never_compare() -> None:
    containers, shells = parse("6,700 containers"), parse("6 million shells")
    assert containers.unit != shells.unit
    assert parse("10,000 troops").unit == parse("10,000 soldiers").unit
    assert parse("50 missiles").unit != parse("50 rockets").unit


def test_trailing_context_is_tolerated_but_not_a_second_number() -> None:
    q = parse("Up to 10,000 North Korean soldiers have been deployed to Kursk")
    assert (q.qualifier, q.value, q.unit) == ("up_to", 10000, "troops")
    assert parse_quantity("10 troops and 5 tanks") is None
    assert parse_quantity("12,000 of the 50,000") is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("300 döda under helgen", 300, "killed"),
        ("300 människor dödades under natten", 300, "people"),
        ("50 civila flydde över gränsen", 50, "people"),
        ("20 soldater dödades nära fronten", 20, "troops"),
    ],
)
def test_a_preposition_that_is_a_hedge_only_before_a_figure(
    text: str, value: float, unit: str
) -> None:
    """Swedish "under 20" is under 20, but "under" after a figure is "during" and "över"
    "across": the figure is read as written. In English "over" after a figure still
    refuses it."""
    q = parse(text, "sv")
    assert (q.qualifier, q.value, q.unit) == ("exact", value, unit)
    assert parse("under 20 procent", "sv").qualifier == "under"
    assert parse_quantity("300 killed over the weekend", "en") is None


# --------------------------------------------------------------------------- vague


@pytest.mark.parametrize(
    ("text", "language", "low", "high", "unit"),
    [
        ("dozens", None, 24, 99, ""),
        ("dozens of drones", None, 24, 99, "drones"),
        ("tens of people", None, 20, 99, "people"),
        ("hundreds of drones", None, 200, 999, "drones"),
        ("several hundred", None, 200, 999, ""),
        ("a few hundred troops", None, 200, 599, "troops"),
        ("thousands of troops", None, 2000, 9999, "troops"),
        ("several thousand troops", None, 2000, 9999, "troops"),
        ("tens of thousands of troops", None, 20_000, 99_999, "troops"),
        ("hundreds of thousands of people", None, 200_000, 999_999, "people"),
        ("millions of shells", None, 2_000_000, 9_999_999, "shells"),
        ("billions of dollars", None, 2e9, 9_999_999_999, "USD"),
        ("thousands of square kilometres", None, 2000, 9999, "km2"),
        ("Tausende Soldaten", "de", 2000, 9999, "troops"),
        ("Zehntausende Soldaten", "de", 20_000, 99_999, "troops"),
        ("des milliers de soldats", "fr", 2000, 9999, "troops"),
        ("miles de soldados", "es", 2000, 9999, "troops"),
        ("migliaia di soldati", "it", 2000, 9999, "troops"),
        ("тысячи военных", "ru", 2000, 9999, "troops"),
        ("десятки тысяч военных", "ru", 20_000, 99_999, "troops"),
        ("тисячі військових", "uk", 2000, 9999, "troops"),
        ("setki dronów", "pl", 200, 999, "drones"),
        ("tusentals människor", "sv", 2000, 9999, "people"),
        ("hundratals civila", "sv", 200, 999, "people"),
        ("tiotusentals flyktingar", "sv", 20_000, 99_999, "refugees"),
        ("hundratusentals internflyktingar", "sv", 200_000, 999_999, "displaced"),
        ("dussintals drönare", "sv", 24, 99, "drones"),
        ("ထောင်ချီ", "my", 2000, 9999, ""),
        ("ရာပေါင်းများစွာ", "my", 200, 999, ""),
        ("သောင်းချီ", "my", 20_000, 99_999, ""),
        # A count noun written before a vague amount, as before a figure.
        ("ဒုက္ခသည် ထောင်ချီ", "my", 2000, 9999, "refugees"),
        ("လူ ရာပေါင်းများစွာ", "my", 200, 999, "people"),
        ("难民数千人", "zh", 2000, 9999, "refugees"),
        ("หลายพันคน", "th", 2000, 9999, "people"),
        ("นับหมื่นคน", "th", 20_000, 99_999, "people"),
        ("หลายแสนคน", "th", 200_000, 999_999, "people"),
        ("រាប់ពាន់នាក់", "km", 2000, 9999, "people"),
        ("រាប់ម៉ឺននាក់", "km", 20_000, 99_999, "people"),
        ("រាប់សែននាក់", "km", 200_000, 999_999, "people"),
    ],
)
def test_vague_quantities(
    text: str, language: str | None, low: float, high: float, unit: str
) -> None:
    q = parse(text, language)
    assert (q.qualifier, q.value, q.low, q.high, q.unit) == ("vague", None, low, high, unit)
    assert interval(q) == Interval(low, high, True, True)


def test_miles_is_only_vague_in_spanish() -> None:
    assert parse_quantity("miles of trenches") is None
    assert parse("miles de soldados", "es").qualifier == "vague"


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("", None),
        ("   ", None),
        ("troops", None),
        ("a significant cache of missiles", None),
        ("November 2024", None),
        ("2 November", None),
        ("2 November 2024", None),
        ("10. November", "de"),
        ("10 de noviembre", "es"),
        ("2024-11-23", None),
        ("10:30", None),
        ("10th", None),
        ("killed 10", None),
        ("300 shells per hour per gun", None),
        ("50 km/h", None),
        ("-5", None),
        ("500 pounds", None),
        ("155mm", None),
        ("300 sq ft", None),
        ("1/2", None),
        ("x" * 400, None),
        ("10 min", None),
        # A prison term ("ထောင်ဒဏ်", where "ထောင်" is prison, not a thousand) and a year.
        ("ထောင်ဒဏ် ၃ နှစ်", "my"),
        ("၂၀၂၄ ခုနှစ်", "my"),
        ("1 หมื่นล้านบาท", "th"),
    ],
)
def test_unparseable_text_returns_none(text: str, language: str | None) -> None:
    assert parse_quantity(text, language) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,376 km²", None), ("12,000", 12_000), ("12.000", 12_000), ("1,376 troops", 1376)],
)
def test_without_a_language_only_readings_every_convention_shares(
    text: str, value: float | None
) -> None:
    """ "1,376" is 1376 in English and 1.376 in German; "12,000" cannot be twelve anywhere;
    "troops" tells the language."""
    q = parse_quantity(text, None)
    assert (q.value if q else None) == value


@pytest.mark.parametrize("text", ["300 shells per day", "300 shells a day"])
def test_a_rate_is_read_in_its_unit(text: str) -> None:
    q = parse(text)
    assert (q.value, q.unit, q.dimension) == (300, "shells/day", "rate")


def test_a_year_alone_is_a_number() -> None:
    q = parse("2024")
    assert (q.qualifier, q.value, q.unit) == ("exact", 2024, "")


def test_parse_is_cached() -> None:
    assert parse_quantity("close to 60,000 troops") is parse_quantity("close to 60,000 troops")
    assert parse_quantity.cache_info().maxsize == 65536


# --------------------------------------------------------------------------- precision


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("12,000", 500),
        ("60,000", 5000),
        ("59,000", 500),
        ("531", 0.5),
        ("309", 0.5),
        ("40", 5),
        ("40 percent", 5),
        ("0", 0.5),
        ("1.5", 0.05),
        ("1.50", 0.005),
        ("1.5 million", 50_000),
        ("2 million", 500_000),
        ("10 million", 5_000_000),
        ("1,375.28", 0.005),
        ("500 hectares", 0.5),  # 500 ha is rounded to hundreds: ±50 ha
        ("500 m", 0.05),
    ],
)
def test_precision_rule(text: str, precision: float) -> None:
    assert parse(text).precision == pytest.approx(precision, rel=1e-12)


def test_range_precision_is_the_coarser_figure() -> None:
    assert parse("11,000 to 12,500").precision == 500
    assert parse("between 1,250 and 1,500").precision == 50


# --------------------------------------------------------------------------- intervals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,000", Interval(11500, 12500, True, True)),
        ("531", Interval(530.5, 531.5, True, True)),
        ("0 km²", Interval(0, 0.5, True, True)),
        ("about 10,000", Interval(9000, 11000, True, True)),
        ("about 40", Interval(36, 44, True, True)),
        ("about 12,000", Interval(10800, 13200, True, True)),
        ("about 3.5", Interval(3.15, 3.85, True, True)),
        ("up to 10,000", Interval(0, 10000, True, True)),
        ("no more than 10,000", Interval(0, 10000, True, True)),
        ("over 10,000", Interval(10000, INF, False, False)),
        ("more than 10,000", Interval(10000, INF, False, False)),
        ("at least 10,000", Interval(10000, INF, True, False)),
        ("under 5%", Interval(0, 5, True, False)),
        ("close to 60,000", Interval(54000, 60000, True, True)),
        ("between 10 and 20", Interval(10, 20, True, True)),
        ("thousands", Interval(2000, 9999, True, True)),
    ],
)
def test_interval_rules(text: str, expected: Interval) -> None:
    got = interval(parse(text))
    assert got.lo == pytest.approx(expected.lo)
    assert got.hi == pytest.approx(expected.hi)
    assert (got.lo_closed, got.hi_closed) == (expected.lo_closed, expected.hi_closed)


def test_interval_tolerance() -> None:
    q = parse("about 10,000")
    assert interval(q, 0.2) == Interval(8000, 12000, True, True)
    assert interval(parse("close to 10,000"), 0.2) == Interval(8000, 10000, True, True)
    assert interval(parse("10,000"), 0.5) == Interval(5000, 15000)  # exact ignores tolerance
    # The rounding step is a floor for "about" once the figure has two significant digits...
    assert interval(parse("about 12,000"), 0.01) == Interval(11500, 12500)
    # ...but a single-digit round figure is what the hedge itself expresses.
    assert interval(q, 0.0) == Interval(10000, 10000)
    for bad in (-0.1, math.nan, math.inf):
        with pytest.raises(ValueError, match="tolerance"):
            interval(q, bad)


@pytest.mark.parametrize(
    ("a", "b", "overlaps"),
    [
        ("around 10,000", "12,000", False),
        ("close to 60,000", "some 59,000", True),
        ("531 square miles", "1,376 km²", True),
        ("about 531 square miles", "1,376 km²", True),
        ("up to 10,000", "8,000", True),
        ("90 km²", "0 km²", False),
        ("roughly 309 square miles", "1,376 km²", False),
        ("over 10,000", "10,000", True),
        ("over 10,000", "under 10,000", False),
        ("at least 10,000", "up to 10,000", True),
        ("more than 40 percent", "between 30 and 40 percent", False),
        ("thousands of troops", "12,000 troops", False),
        ("tens of thousands of troops", "close to 60,000 troops", True),
    ],
)
def test_labelled_pairs(a: str, b: str, overlaps: bool) -> None:
    assert overlap(a, b) is overlaps
    assert overlap(b, a) is overlaps


def test_cross_language_pair() -> None:
    en = interval(parse("about 800 square kilometres"))
    de = interval(parse("etwa 800 Quadratkilometer", "de"))
    assert en == de


def test_interval_overlaps_respects_open_ends() -> None:
    closed = Interval(0, 1, True, True)
    assert closed.overlaps(Interval(1, 2, True, True))
    assert not closed.overlaps(Interval(1, 2, False, True))
    assert not Interval(0, 1, True, False).overlaps(Interval(1, 2, True, True))
    assert Interval(0, INF, True, False).overlaps(Interval(1e300, INF, False, False))
    assert Interval(3, 3).overlaps(Interval(0, 10))


def test_interval_gap() -> None:
    a, b = Interval(0, 10), Interval(15, 20)
    assert a.gap(b) == b.gap(a) == 5
    assert a.gap(Interval(5, 30)) == 0
    assert Interval(0, 1, True, False).gap(Interval(1, 2)) == 0  # touching, not overlapping
    assert Interval(100, INF, False, False).gap(Interval(0, 40)) == 60
    around, twelve = interval(parse("around 10,000")), interval(parse("12,000"))
    assert around.gap(twelve) == pytest.approx(500)


def test_interval_contains() -> None:
    over = Interval(10, INF, False, False)
    assert not over.contains(10)
    assert over.contains(10.000001)
    assert over.contains(1e308)
    assert not over.contains(math.nan)
    under = Interval(0, 5, True, False)
    assert under.contains(0)
    assert not under.contains(5)
    assert not under.contains(-1)


def test_interval_validation() -> None:
    with pytest.raises(ValueError):
        Interval(2, 1)
    with pytest.raises(ValueError):
        Interval(math.nan, 1)
    with pytest.raises(ValueError):
        Interval(INF, INF)


def test_interval_of_inconsistent_quantity_raises() -> None:
    broken = Quantity("x", "range", None, 1.0, None, "", "", "count", 0.0)
    with pytest.raises(ValueError, match="lacks"):
        interval(broken)
    unknown = Quantity("x", "perhaps", 1.0, None, None, "", "", "count", 0.5)
    with pytest.raises(ValueError, match="unknown qualifier"):
        interval(unknown)


def test_point() -> None:
    assert point(parse("about 800")) == 800
    assert point(parse("between 10 and 20")) == 15
    assert point(parse("thousands")) == pytest.approx(5999.5)
    assert point(parse("up to 10,000")) == 10000
    assert point(parse("over 40")) == 40
    assert point(Quantity("x", "at_least", None, 7.0, None, "", "", "count", 0.5)) == 7
    assert point(Quantity("x", "range", None, None, None, "", "", "count", 0.0)) is None


# --------------------------------------------------------------------------- from_parts


def test_from_parts_converts_to_canonical_unit() -> None:
    q = from_parts("about 531 square miles", "about", 531, None, None, "square miles")
    assert q.value == pytest.approx(531 * SQ_MI)
    assert (q.unit, q.unit_written, q.dimension) == ("km2", "square miles", "area")
    assert q.precision == pytest.approx(0.5 * SQ_MI)
    assert q.text == "about 531 square miles"
    ha = from_parts(None, None, None, 100, 250, "hectares")
    assert (ha.qualifier, ha.low, ha.high) == ("range", 1.0, 2.5)


def test_from_parts_defaults_and_synonyms() -> None:
    q = from_parts(None, None, 12000, None, None, None)
    assert (q.qualifier, q.value, q.unit, q.dimension, q.precision) == (
        "exact",
        12000,
        "",
        "count",
        500,
    )
    assert q.text == "12000"
    q = from_parts(None, "around", 60000, None, None, "Soldaten", "de")
    assert (q.qualifier, q.unit, q.text) == ("about", "troops", "about 60000 Soldaten")
    q = from_parts(None, "up_to", None, None, 10000, "soldiers")
    assert (q.value, q.high, q.unit) == (10000, 10000, "troops")
    q = from_parts(None, "over", 40, None, None, "%")
    assert (q.value, q.low, q.high, q.unit) == (40, 40, None, "percent")
    q = from_parts(None, "thousands of", None, 2000, 9999, "troops")
    assert (q.qualifier, q.precision) == ("vague", 0.0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("exact", 5, None, None, "furlongs²"), "unknown unit"),
        (("exact", 5, None, None, "sq ft"), "unknown unit"),
        (("maybe", 5, None, None, ""), "unknown qualifier"),
        (("range", None, 20, 10, ""), "greater than"),
        ((None, None, 20, 10, ""), "greater than"),
        (("range", None, 10, None, ""), "needs both"),
        (("vague", None, None, 10, ""), "needs both"),
        (("range", 15, 10, 20, ""), "not a value"),
        (("exact", None, None, None, ""), "needs a value"),
        ((None, None, 10, None, ""), "needs a value"),
        (("about", 10, 5, None, ""), "not low/high"),
        (("over", 10, None, 20, ""), "cannot have a high bound"),
        (("up_to", 10, 5, None, ""), "cannot have a low bound"),
        (("up_to", 10, None, 20, ""), "differs"),
        (("over", None, None, None, ""), "needs a value or a bound"),
        (("exact", math.nan, None, None, ""), "finite"),
        (("at_least", None, math.inf, None, ""), "finite"),
    ],
)
def test_from_parts_errors(args: tuple[object, ...], message: str) -> None:
    qualifier, value, low, high, unit = args
    with pytest.raises(ValueError, match=message):
        from_parts(None, qualifier, value, low, high, unit)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("about 531 square miles", None),
        ("close to 60,000 troops", None),
        ("up to 10,000 North Korean soldiers", None),
        ("over 40 percent", None),
        ("at least 5 tanks", None),
        ("under 5%", None),
        ("between 10 and 20 km", None),
        ("tens of thousands of troops", None),
        ("$1.5 billion", None),
        ("knapp 60.000 Soldaten", "de"),
        ("от 10 до 20 тыс. военнослужащих", "ru"),
    ],
)
def test_parse_then_from_parts_round_trip(text: str, language: str | None) -> None:
    q = parse(text, language)
    r = from_parts(q.text, q.qualifier, q.value, q.low, q.high, q.unit, language)
    assert (r.text, r.qualifier, r.value, r.low, r.high, r.unit, r.dimension) == (
        q.text,
        q.qualifier,
        q.value,
        q.low,
        q.high,
        q.unit,
        q.dimension,
    )


# --------------------------------------------------------------------------- normalisers


@pytest.mark.parametrize(
    ("unit", "language", "expected"),
    [
        ("", None, ("", 1.0, "count")),
        ("km²", None, ("km2", 1.0, "area")),
        ("km2", None, ("km2", 1.0, "area")),
        ("Square Miles", None, ("km2", SQ_MI, "area")),
        ("hectares", None, ("km2", 0.01, "area")),
        ("km", None, ("km", 1.0, "length")),
        ("miles", None, ("km", 1.609344, "length")),
        ("t", None, ("t", 1.0, "mass")),
        ("kg", None, ("t", 0.001, "mass")),
        ("percent", None, ("percent", 1.0, "percent")),
        ("%", None, ("percent", 1.0, "percent")),
        ("USD", None, ("USD", 1.0, "currency")),
        ("US$", None, ("USD", 1.0, "currency")),
        ("euros", None, ("EUR", 1.0, "currency")),
        ("гривень", "uk", ("UAH", 1.0, "currency")),
        ("soldiers", None, ("troops", 1.0, "count")),
        ("North Korean soldiers", None, ("troops", 1.0, "count")),
        ("Soldaten", "de", ("troops", 1.0, "count")),
        ("солдатів", "uk", ("troops", 1.0, "count")),
        ("container", None, ("containers", 1.0, "count")),
        ("buses", None, ("buses", 1.0, "count")),
        ("Panzerhaubitzen", "de", ("panzerhaubitzen", 1.0, "count")),
        ("km³", None, None),
        ("sq ft", None, None),
        ("square furlongs", None, None),
        ("10 km", None, None),
        ("of", None, None),
    ],
)
def test_normalise_unit(
    unit: str, language: str | None, expected: tuple[str, float, str] | None
) -> None:
    got = normalise_unit(unit, language)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert (got[0], got[2]) == (expected[0], expected[2])
        assert got[1] == pytest.approx(expected[1])


@pytest.mark.parametrize(
    "canonical",
    ["", "km2", "km", "t", "percent", "USD", "EUR", "GBP", "RUB", "UAH", "troops", "people"],
)
def test_normalise_unit_is_identity_on_canonical_units(canonical: str) -> None:
    got = normalise_unit(canonical)
    assert got is not None
    assert (got[0], got[1]) == (canonical, 1.0)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("around", "about"),
        ("Approximately", "about"),
        ("an estimated", "about"),
        ("~", "about"),
        ("as many as", "up_to"),
        ("no more than", "up_to"),
        ("just over", "over"),
        ("in excess of", "over"),
        ("at least", "at_least"),
        ("no fewer than", "at_least"),
        ("or more", "at_least"),
        ("fewer than", "under"),
        ("just under", "close_to"),
        ("nearly", "close_to"),
        ("between", "range"),
        ("thousands of", "vague"),
        ("tens of thousands", "vague"),
        ("bis zu", "up_to"),
        ("knapp", "close_to"),
        ("près de", "close_to"),
        ("jusqu’à", "up_to"),
        ("не менее", "at_least"),
        ("щонайменше", "at_least"),
        ("  Up  To ", "up_to"),
        *[(q, q) for q in QUALIFIERS],
        ("at_least", "at_least"),
        ("close to", "close_to"),
        ("perhaps", None),
        ("", None),
        ("purple", None),
    ],
)
def test_normalise_qualifier(word: str, expected: str | None) -> None:
    assert normalise_qualifier(word) == expected


# --------------------------------------------------------------------------- hedges


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Intelligence reports from South Korea, the US, and Ukraine suggest that up to "
            "10,000 North Korean soldiers have been deployed to Kursk",
            None,
            ["suggest"],
        ),
        (
            "Geolocated footage confirms Russian progress southeast of Korenevo, according "
            "to ISW analysis.",
            "en",
            ["confirms", "according to"],
        ),
        (
            "Reportedly the unit was allegedly hit; it was reportedly moved, Kyiv claimed",
            None,
            ["reportedly", "allegedly", "claimed"],
        ),
        ("An estimated 10,000 troops", None, ["estimated"]),
        ("According\n to officials", None, ["according to"]),
        ("Russia has concentrated close to 60,000 troops in Kursk", None, []),
        ("The unreported claimant disclaimed it", None, []),
        (
            "Laut Kiew soll die Armee angeblich 800 Quadratkilometer verloren haben",
            "de",
            ["laut", "soll", "angeblich"],
        ),
        ("Selon Kyiv, l'armée aurait perdu du terrain", "fr", ["selon", "aurait"]),
        ("D’après l'état-major", "fr", ["d'après"]),
        ("Según fuentes, supuestamente", "es", ["según", "supuestamente"]),
        ("По данным разведки, якобы 10 тысяч", "ru", ["по данным", "якобы"]),
        ("Нібито, за даними розвідки", "uk", ["нібито", "за даними"]),
        ("secondo fonti ucraine", "it", ["secondo"]),
        ("il secondo giorno", None, []),
        ("လူ ၃၀၀ ဦး သေဆုံးခဲ့သည်ဟု သိရသည်", "my", ["ဟု သိရသည်"]),
        ("အတည်မပြုနိုင်သေးသော သတင်းများအရ", "my", ["အတည်မပြုနိုင်", "သတင်းများအရ"]),
        ("လူ ၃၀၀ ဦး သေဆုံးခဲ့သည်", "my", []),
    ],
)
def test_detect_hedges(text: str, language: str | None, expected: list[str]) -> None:
    assert detect_hedges(text, language) == expected


def test_detect_hedges_without_language_searches_all_languages() -> None:
    assert detect_hedges("Laut Kiew, selon Kyiv, по данным") == ["laut", "selon", "по данным"]


# --------------------------------------------------------------------------- format_number


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (1375.0, "1375"),
        (0.5, "0.5"),
        (0.0, "0"),
        (-0.0, "-0"),
        (-12.0, "-12"),
        (1375.2836865884, "1375.2836865884"),
        (1e20, "1e+20"),
        (1e-7, "1e-07"),
        (0.1 + 0.2, "0.30000000000000004"),
        (math.inf, "inf"),
    ],
)
def test_format_number(x: float, text: str) -> None:
    assert format_number(x) == text


@given(st.floats(allow_nan=False))
def test_format_number_round_trips(x: float) -> None:
    back = float(format_number(x))
    assert back == x
    assert math.copysign(1.0, back) == math.copysign(1.0, x)


def test_format_number_nan() -> None:
    assert math.isnan(float(format_number(math.nan)))


# --------------------------------------------------------------------------- properties

# Group separators and decimal marks by language (thin spaces and Swiss apostrophes too).
CONVENTIONS: dict[str, tuple[list[str], str]] = {
    "en": ([",", " "], "."),
    "de": ([".", " ", "\u00a0", "\u202f"], ","),
    "de-CH": (["'", "’"], ","),
    "fr": ([" ", "\u00a0", "\u202f", "\u2009"], ","),
    "es": ([".", " "], ","),
    "it": (["."], ","),
    "ru": ([" ", "\u00a0"], ","),
    "uk": ([" "], ","),
    "pl": ([" ", "."], ","),
}


def group(n: int, sep: str) -> str:
    digits = str(n)
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(CONVENTIONS)),
    st.integers(min_value=0, max_value=10**15),
    st.one_of(st.none(), st.from_regex(r"[0-9]{1,6}", fullmatch=True)),
    st.booleans(),
    st.data(),
)
def test_formatted_numbers_parse_exactly(
    language: str, whole: int, frac: str | None, grouped: bool, data: st.DataObject
) -> None:
    assume(frac != "000")  # a three-zero fraction reads as an imported thousands separator
    # Spanish of the Americas groups thousands with a comma: "1,001" reads two ways.
    assume(not (language == "es" and frac is not None and len(frac) == 3 and 0 < whole < 1000))
    separators, decimal = CONVENTIONS[language]
    sep = data.draw(st.sampled_from(separators))
    text = group(whole, sep) if grouped else str(whole)
    expected = float(str(whole))
    if frac is not None:
        text += decimal + frac
        expected = float(f"{whole}.{frac}")
    q = parse(text, language)
    assert q.value == expected
    assert (q.qualifier, q.unit, q.dimension) == ("exact", "", "count")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**15))
def test_precision_of_integers(n: int) -> None:
    trailing = len(str(n)) - len(str(n).rstrip("0"))
    assert parse(group(n, ",")).precision == 0.5 * 10**trailing


PREFIXES = [
    "",
    "about ",
    "roughly ",
    "an estimated ",
    "up to ",
    "over ",
    "at least ",
    "under ",
    "close to ",
    "nearly ",
    "more than ",
]
MULTIPLIERS = ["", " thousand", " million"]
UNITS = ["", " km²", " square miles", " troops", " percent", " hectares", " containers"]


@st.composite
def phrases(draw: st.DrawFn) -> str:
    unit = draw(st.sampled_from(UNITS))
    multiplier = draw(st.sampled_from(MULTIPLIERS))
    a = draw(st.integers(min_value=0, max_value=10**9))
    if draw(st.booleans()):
        return f"{draw(st.sampled_from(PREFIXES))}{group(a, ',')}{multiplier}{unit}"
    b = draw(st.integers(min_value=a, max_value=10**9 + 1))
    form = draw(st.sampled_from(["between {} and {}", "from {} to {}", "{}-{}", "{} to {}"]))
    return form.format(group(a, ","), group(b, ",")) + multiplier + unit


@settings(max_examples=300, deadline=None)
@given(phrases())
def test_interval_contains_point(text: str) -> None:
    q = parse(text)
    p = point(q)
    assert p is not None
    iv = interval(q)
    if q.qualifier == "over":
        assert (iv.lo, iv.lo_closed) == (p, False)
    elif q.qualifier == "under":
        assert (iv.hi, iv.hi_closed) == (p, False)
    else:
        assert iv.contains(p)
    if q.low is not None and q.high is not None:
        assert q.low <= q.high


FRAGMENTS = [
    "1",
    "10",
    "1,5",
    "1.5",
    "10 000",
    "12,000",
    "0",
    "$",
    "€",
    "%",
    "-",
    "–",
    "+",
    "to",
    "and",
    "between",
    "up to",
    "over",
    "about",
    "million",
    "m",
    "k",
    "bn",
    "troops",
    "km²",
    "sq",
    "de",
    "d'",
    "November",
    "or more",
    "per",
    "тыс.",
    "от",
    "до",
    "²",
    "'",
    ".",
    ",",
    "thousands",
    "of",
    "North",
    "Korean",
]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.lists(st.sampled_from(FRAGMENTS), max_size=8).map(" ".join),
        st.lists(st.sampled_from(FRAGMENTS), max_size=8).map("".join),
    ),
    st.sampled_from([None, "en", "de", "fr", "ru", "uk", "xx"]),
)
def test_parse_never_raises(text: str, language: str | None) -> None:
    q = parse_quantity(text, language)
    if q is None:
        return
    assert q.qualifier in QUALIFIERS
    assert q.dimension in {"area", "length", "mass", "percent", "currency", "count", "rate"}
    assert q.precision >= 0
    if q.low is not None and q.high is not None:
        assert q.low <= q.high
    interval(q)
    unit = normalise_unit(q.unit, language)
    assert unit is not None
    assert (unit[0], unit[2]) == (q.unit, q.dimension)


# --------------------------------------------------------------------------- lexicon


def test_lexicon_quantity_tables_use_known_ids() -> None:
    from provenance import lexicon
    from provenance.figure_words import QUALIFIER_NAMES, SCALES, UNIT_IDS

    for code in lexicon.languages():
        table = lexicon.section(code, "quantities")
        assert set(table.get("units", {})) <= set(UNIT_IDS), code
        assert set(table.get("multipliers", {})) <= set(SCALES), code
        assert set(table.get("before", {})) | set(table.get("after", {})) <= set(QUALIFIER_NAMES)
        for entry in table.get("vague", []) + table.get("vague_own_language_only", []):
            assert 0 < entry["low"] < entry["high"], (code, entry)
        months = lexicon.section(code, "dates").get("months")
        assert months is None or len(months) == 12, code


# --------------------------------------------------------------------------- case endings


CASE_ENDINGS_OF_MULTIPLIERS_AND_NOUNS_CASES: list[ReadCase] = [
    # Hungarian "-ig" is "up to", "-nál/-nél több" "more than", "-an/-en" counts people.
    ("10 ezerig", "hu", "up_to", 10_000, None, 10_000, ""),
    ("10 ezerig", None, "up_to", 10_000, None, 10_000, ""),
    ("legfeljebb 2 millióig", "hu", "up_to", 2_000_000, None, 2_000_000, ""),
    ("tízezerig", "hu", "up_to", 10_000, None, 10_000, ""),
    ("10 ezer emberig", "hu", "up_to", 10_000, None, 10_000, "people"),
    ("30 százalékig", "hu", "up_to", 30, None, 30, "percent"),
    ("50 ezernél több ember", "hu", "over", 50_000, 50_000, None, "people"),
    ("10 ezernél is több", "hu", "over", 10_000, 10_000, None, ""),
    ("5 ezer embernél több", "hu", "over", 5_000, 5_000, None, "people"),
    ("2 milliónál kevesebb menekült", "hu", "under", 2_000_000, None, 2_000_000, "refugees"),
    ("tízezren", "hu", "exact", 10_000, None, None, "people"),
    ("több mint 100 ezren", "hu", "over", 100_000, 100_000, None, "people"),
    # Turkish "kadar" after a dative is "up to".
    ("10 bine kadar", "tr", "up_to", 10_000, None, 10_000, ""),
    ("10.000 kişiye kadar", "tr", "up_to", 10_000, None, 10_000, "people"),
    ("5 bin askere kadar", "tr", "up_to", 5_000, None, 5_000, "troops"),
    ("2 milyona dek", "tr", "up_to", 2_000_000, None, 2_000_000, ""),
    ("10 bine yakın", "tr", "close_to", 10_000, None, None, ""),
    ("10 binden az", "tr", "under", 10_000, None, 10_000, ""),
    ("10 bini geçkin", "tr", "over", 10_000, 10_000, None, ""),
    ("10 bini geçti", "tr", "over", 10_000, 10_000, None, ""),
    ("1 milyara kadar", "tr", "up_to", 1e9, None, 1e9, ""),
    # Azerbaijani "-dək" on the word is "up to".
    ("10 minədək", "az", "up_to", 10_000, None, 10_000, ""),
    ("10 min nəfərədək", "az", "up_to", 10_000, None, 10_000, "people"),
    # Slavic case forms of "thousand" and "million".
    ("более 10 тысячами", "ru", "over", 10_000, 10_000, None, ""),
    ("до 5 миллионам", "ru", "up_to", 5_000_000, None, 5_000_000, ""),
    ("до 10 тисячами", "uk", "up_to", 10_000, None, 10_000, ""),
    ("ponad 10 tysiącami", "pl", "over", 10_000, 10_000, None, ""),
    ("10 hiljadama", "sr", "exact", 10_000, None, None, ""),
    # Finnish writes a figure's ending after a colon: "to 10,000", "of 10,000 people",
    # "about 500" (the genitive before "verran").
    ("10 000:een", "fi", "exact", 10_000, None, None, ""),
    ("yli 10 000:een", "fi", "over", 10_000, 10_000, None, ""),
    ("10 000:n ihmisen", "fi", "exact", 10_000, None, None, "people"),
    ("yli 500:n sotilaan", "fi", "over", 500, 500, None, "troops"),
    ("noin 500:n verran", "fi", "about", 500, None, None, ""),
    ("500:aa", "fi", "exact", 500, None, None, ""),
]


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        ("10 ezerek", "hu", "the multiplier 'ezer' with an ending not read"),
        ("10 ezerek", None, "the multiplier 'ezer' with an ending not read"),
        ("10 tysiącu", None, "the multiplier 'tysiąc' with an ending not read"),
        ("10 binde", "tr", "the multiplier 'bin' with an ending not read"),
        ("10 milyonla", "tr", "the multiplier 'milyon' with an ending not read"),
        ("10 тысячелет", "ru", "the multiplier 'тысяч' with an ending not read"),
        ("10 thousands", "en", "a vague quantity, not a count noun"),
        ("10 ሺዎች", "am", "a vague quantity, not a count noun"),
        ("10 ሚሊዮኖች", "am", "the multiplier 'ሚሊዮ' with an ending not read"),
        ("10,000 moun", "ht", "a thousands separator where the language has a decimal mark"),
        ("bato 10,000", "ln", "a thousands separator where the language has a decimal mark"),
        ("bato nkoto 7.500", "ln", "a multiplier before a figure written in full"),
        # An ordinal's ending may be written after a hyphen ("47-го полка", the 47th regiment).
        ("47-го полка", "ru", "an ordinal, not a count"),
        ("47-ма бригада", "bg", "an ordinal, not a count"),
        ("3-ти батальон", "bg", "an ordinal, not a count"),
        ("10,000 души", "bg", "a thousands separator where the language has a decimal mark"),
        # "трилион" is 10^18 in Bulgarian but 10^12 in translations from English.
        ("1,5 трилиона долара", "bg", "a unit not read"),
        ("10,000 soldater", "sv", "a thousands separator where the language has a decimal mark"),
        ("två och en tredjedel miljon", "sv", "more than one figure"),
        ("ett hundratal personer", "sv", "also an article"),
        ("300 civila minst", "sv", "a hedge after the figure"),
        ("10 ኣሽሓት", "ti", "a vague quantity, not a count noun"),
        ("300 ወሲኹ", "ti", "makes it a change, not a total"),
        ("10 հազարավոր", "hy", "a vague quantity, not a count noun"),
        ("10 հազարից", "hy", "read only with a hedge after it"),
        ("20 տոկոսով", "hy", "read only with a hedge after it"),
        ("10 հազարներ", "hy", "the multiplier 'հազար' with an ending not read"),
        ("10 ათასით გაიზარდა", "ka", "a unit not read"),
        ("1000-ზე", "ka", "read only with a hedge after it"),
        ("1000-ით", "ka", "a unit not read"),
        ("50 ezernél", "hu", "read only with a hedge after it"),
        ("10 binden", "tr", "read only with a hedge after it"),
        ("10 mindən", "az", "read only with a hedge after it"),
        # "5'ê" is a day before its month ("5'ê Çiriya Paşîn"), never a count.
        ("5'ê", "ku", "read only with a hedge after it"),
        ("10 hezarek", "ku", "the multiplier 'hezar' with an ending not read"),
        ("١٠ هەزاران", "ckb", "a vague quantity, not a count noun"),
        ("٣٠٠ کەس زیادی کرد", "ckb", "makes it a change, not a total"),
        ("500 subaya kadar", "tr", "reads by the case of 'subaya', a word not known"),
        ("500 qədər əsgər", "az", "reads by the case of the word before it"),
        # Finnish "by 500", "from 500": the size or the start of a change.
        ("10 000:lla", "fi", "a case ending not known"),
        ("500:sta", "fi", "a case ending not known"),
        ("noin 1 500:lla", "fi", "a case ending not known"),
    ],
)
def test_case_endings_not_read_are_refused(text: str, language: str | None, reason: str) -> None:
    assert parse_quantity(text, language) is None
    assert reason in (explain_refusal(text, language) or "")


HEDGES_READ_BY_CASE_KEEP_THEIR_READINGS_CASES: list[ReadCase] = [
    # "kadar" after a bare figure or a nominative is "about".
    ("500 kadar asker", "tr", "about", 500, None, None, "troops"),
    ("10 bin kadar kişi", "tr", "about", 10_000, None, None, "people"),
    ("3 bin kişiden fazla", "tr", "over", 3_000, 3_000, None, "people"),
    ("10 minə qədər", "az", "up_to", 10_000, None, 10_000, ""),
    ("10 min nəfərə qədər", "az", "up_to", 10_000, None, 10_000, "people"),
    ("10 minə yaxın", "az", "close_to", 10_000, None, None, ""),
]


CASE_ENDINGS_AFTER_DIGITS_AND_ON_NOUNS_CASES: list[ReadCase] = [
    # Case endings written against the digits with a hyphen or an apostrophe.
    ("10 000-ig", "hu", "up_to", 10_000, None, 10_000, ""),
    ("akár 5000-ig", "hu", "up_to", 5_000, None, 5_000, ""),
    ("1000-en felül", "hu", "over", 1_000, 1_000, None, ""),
    ("100-nál is kevesebb ember", "hu", "under", 100, None, 100, "people"),
    ("1000 fölött", "hu", "over", 1_000, 1_000, None, ""),
    ("10 ezer alatt", "hu", "under", 10_000, None, 10_000, ""),
    ("10.000'in üzerinde", "tr", "over", 10_000, 10_000, None, ""),
    ("10 binin altında", "tr", "under", 10_000, None, 10_000, ""),
    # Case forms of count nouns.
    ("10 ezer katonáig", "hu", "up_to", 10_000, None, 10_000, "troops"),
    ("500 katonánál több", "hu", "over", 500, 500, None, "troops"),
    ("akár 300 halálos áldozatig", "hu", "up_to", 300, None, 300, "killed"),
    # An unknown noun in the ablative is read with its hedge.
    ("10 bin öğrenciden fazla", "tr", "over", 10_000, 10_000, None, "öğrenciden"),
]


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        ("10-ig", "hu", None),
        ("100-nál", "hu", "read only with a hedge after it"),
        ("10.000'den", "tr", "read only with a hedge after it"),
        ("10.000-dən", "az", "read only with a hedge after it"),
        ("10 bin öğrenciden", "tr", "read only with a hedge after it"),
        ("5000 rendőrig", "hu", "a count noun with the ending 'ig'"),
        ("500 zabitədək", "az", "a count noun with the ending 'dək'"),
    ],
)
def test_case_endings_that_change_the_reading_are_not_dropped(
    text: str, language: str, reason: str | None
) -> None:
    q = parse_quantity(text, language)
    if reason is None:
        assert q is not None and (q.qualifier, q.high) == ("up_to", 10), text
        return
    assert q is None, f"{text!r} was read as {q}"
    assert reason in (explain_refusal(text, language) or "")


def test_a_unit_of_another_language_that_counts_in_this_one_is_refused() -> None:
    """Spanish "miles" is thousands; the English mile is "milla"."""
    assert parse_quantity("10 miles de personas", "es") is None
    assert parse("10 miles", "en").unit == "km"
    q = parse("309 millas cuadradas", "es")
    assert (q.unit, round(q.value or 0, 1)) == ("km2", 800.3)
    assert parse("10 milhas", "pt").unit == "km"
    assert parse("10 miglia", "it").unit == "km"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("1.5 lakh people", 150_000, "people"), ("2 crore", 20_000_000, ""), ("3 lakhs", 300_000, "")],
)
def test_lakh_and_crore_in_english(text: str, value: float, unit: str) -> None:
    """South Asian English press counts in lakhs (10^5) and crores (10^7)."""
    q = parse(text)
    assert (q.qualifier, q.value, q.unit) == ("exact", value, unit)


def test_a_word_after_a_figure_in_a_language_without_a_word_list_is_refused() -> None:
    """Tagalog "2 libo" is two thousand: with no words listed for a language, the word
    after a figure may be a multiplier, and the figure is kept as text."""
    assert parse_quantity("2 libo", "tl") is None
    assert parse("500 tanks", "tl").unit == "tanks"


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("1 триллион рублей", "ru", 1e12),
        ("1,5 трлн гривень", "uk", 1.5e12),
        ("1 bilion złotych", "pl", 1e12),
        ("2 biliões de euros", "pt", 2e12),
        ("1 trilhão de reais", "pt", 1e12),
        ("3 biljoen euro", "nl", 3e12),
        ("1 تريليون دولار", "ar", 1e12),
        ("1 trilyon lira", "tr", 1e12),
        ("1 tirilyan oo doolar", "so", 1e12),
        ("١ تریلیۆن دۆلار", "ckb", 1e12),
        ("dala tiriliyan 1", "ha", 1e12),
        ("2 تریلیون", "ps", 2e12),
    ],
)
def test_a_trillion_in_every_scale(text: str, language: str, value: float) -> None:
    """A trillion (10^12) is "bilion" in Polish and "biljoen" in Dutch (the long scale),
    "trilhão" in Brazil; read as a count of "триллион" it was wrong by twelve orders."""
    assert parse(text, language).value == value


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("1 trillón", "es"),
        ("2 trilioane", "ro"),
        ("1 trilione", "it"),
        ("1 трилион динара", "sr"),
        ("2 biliona dolara", "sr"),
    ],
)
def test_a_scale_word_that_differs_between_scales_is_refused(text: str, language: str) -> None:
    assert parse_quantity(text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("%10", "tr", "exact"),
        ("yüzde 10'dan fazla", "tr", "over"),
        ("zaidi ya asilimia 10", "sw", "over"),
        ("10 процентів", "uk", "exact"),
        ("10 procentów", "pl", "exact"),
        ("boqolkiiba 10", "so", "exact"),
        ("in ka badan boqolkiiba 10", "so", "over"),
        ("10 boqolkiiba", "so", "exact"),
    ],
)
def test_percent_written_before_the_figure_or_in_other_forms(
    text: str, language: str, qualifier: str
) -> None:
    q = parse(text, language)
    assert (q.qualifier, q.value, q.unit) == (qualifier, 10, "percent")


@pytest.mark.parametrize(
    ("text", "language", "unit", "value"),
    [
        ("10 كيلومترات مربعة", "ar", "km2", 10),
        ("10 كم²", "ar", "km2", 10),
        ("500 متر", "ar", "km", 0.5),
        ("10 מטר", "he", "km", 0.01),
    ],
)
def test_arabic_and_hebrew_units_in_their_plural_forms(
    text: str, language: str, unit: str, value: float
) -> None:
    """A unit the lexicon did not list was read as a count noun: "10 كيلومترات مربعة"
    counted ten "kilometres" instead of measuring ten square kilometres."""
    q = parse(text, language)
    assert (q.unit, q.value) == (unit, value)


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "value", "low", "high", "unit"),
    VERBS_OF_EXCEEDING_AND_REACHING_CASES
    + CASE_ENDINGS_OF_MULTIPLIERS_AND_NOUNS_CASES
    + HEDGES_READ_BY_CASE_KEEP_THEIR_READINGS_CASES
    + CASE_ENDINGS_AFTER_DIGITS_AND_ON_NOUNS_CASES,
)
def test_reads_qualifier_value_bounds_and_unit(
    text: str,
    language: str | None,
    qualifier: str,
    value: float,
    low: float | None,
    high: float | None,
    unit: str,
) -> None:
    q = parse(text, language)
    assert (q.qualifier, q.value, q.low, q.high, q.unit) == (qualifier, value, low, high, unit)


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [("שלוש מאות הרוגים", "he", 300), ("tiga ratus orang", "id", 300)],
)
def test_hundreds_written_after_a_number_word(text: str, language: str, value: float) -> None:
    assert parse(text, language).value == value


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("tres cientos muertos", "es"),
        ("три сотни человек", "ru"),
        ("mia tatu", "sw"),
        ("bato nkama misato", "ln"),
    ],
)
def test_hundreds_read_as_a_modifier_or_added_are_refused(text: str, language: str) -> None:
    """These read as 3 dead, 3 people and 103 (Swahili writes the hundred first): a vague
    or multiplier word between a figure and its noun is never a modifier."""
    assert parse_quantity(text, language) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [("two and a quarter thousand people", "en"), ("két és negyed ezer ember", "hu")],
)
def test_a_multiplier_left_after_the_figure_is_refused(text: str, language: str) -> None:
    """Both read as 2: the words after "and" were left unread (no fraction listed)."""
    assert parse_quantity(text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "unit"),
    [
        ("300-an orang", "id", "about", "people"),
        ("300an orang", "id", "about", "people"),
        ("300 orang", "id", "exact", "people"),
        ("300 an der Front", "de", "exact", ""),
    ],
)
def test_an_indonesian_ending_makes_a_figure_approximate(
    text: str, language: str, qualifier: str, unit: str
) -> None:
    """Indonesian "300-an" is some three hundred; "an" after a figure in another language
    is another word."""
    q = parse(text, language)
    assert (q.qualifier, q.value, q.unit) == (qualifier, 300, unit)


@pytest.mark.parametrize(
    ("text", "language", "qualifier", "low", "high"),
    [
        ("likely 100 to 300", "en", "range", 100, 300),
        ("vermutlich 100 bis 300", "de", "range", 100, 300),
        ("probablement entre 10 et 50", "fr", "range", 10, 50),
        ("probablemente 300 muertos", "es", "exact", None, None),
        ("a confirmed 212 hostages", "en", "exact", None, None),
    ],
)
def test_words_of_likelihood_before_a_figure_leave_it_as_stated(
    text: str, language: str, qualifier: str, low: float | None, high: float | None
) -> None:
    """How sure a report is of its figure is not a bound on the figure."""
    q = parse(text, language)
    assert (q.qualifier, q.low, q.high) == (qualifier, low, high)
