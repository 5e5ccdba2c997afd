"""Hedged quantities as news writes them: parsing, unit normalisation, interval semantics.

A claim such as "roughly 309 square miles" or "knapp 60.000 Soldaten" becomes a `Quantity`:
a qualifier (one of `QUALIFIERS`), the stated figure or bounds in a canonical unit, the unit
as written, a dimension, and the precision the figure was written with. `interval()` turns
a quantity into the set of values it is compatible with; two claims conflict when their
intervals do not overlap.

Design choices:

* Pure standard library. Imports parse around a million rows, so a parse must cost ~10 µs;
  a unit library such as pint costs far more per call, and we need a dozen units, so a table
  of conversion factors is the honest choice. `parse_quantity` is also memoised.
* Numbers follow the document's language (ISO 639-1, None means "en"). English-style
  languages group with "," (or spaces) and use "." as decimal mark; most European languages
  group with ".", spaces or "'" and use ",". A figure that does not fit its language's
  convention ("1,5" in English, "1.5" in German) is refused, never guessed. "10,000" in a
  comma-decimal language (or "10.000" in English) is refused too: a three-zero fraction
  without multiplier is an imported thousands separator. Unknown languages accept only
  figures that read the same under both conventions.
* Precision is half the place value of the last significant digit as written: trailing
  zeros of an integer are taken as rounding, digits after a decimal mark are all
  significant. "12,000" -> 500, "531" -> 0.5, "40" -> 5, "1.5 million" -> 50,000, "0" -> 0.5.
* Units are converted to km2, km, t (tons are read as metric tonnes), percent, or kept as a
  currency code (currencies are never converted into each other). A count noun after the
  figure is the unit, so 6,700 containers never compare with 6 million shells; common nouns
  and their translations map to one English plural ("Soldaten" -> "troops").
* Vague quantities get documented bounds: dozens [24, 99], tens of [20, 99], scores of
  [40, 199], hundreds/several hundred [200, 999], a few hundred [200, 599], thousands
  [2000, 9999], tens of thousands [20,000, 99,999], and so on by powers of ten.

Interval semantics (tolerance t, 10% by default), used for conflict and duplicate checks:

* exact N -> [N - precision, N + precision]
* about N -> [N - d, N + d] with d = max(t*N, precision); for a figure with a single
  significant digit ("around 10,000") d = t*N: its roundness is what the hedge says, and
  its rounding step (±5,000) would make "around 10,000" agree with "12,000".
* close_to N -> [N - t*N, N]; up_to N -> [0, N]; under N -> [0, N)
* over N -> (N, inf); at_least N -> [N, inf); range and vague -> [low, high]

Lower bounds of non-negative figures never go below 0.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

__all__ = [
    "QUALIFIERS",
    "Interval",
    "Quantity",
    "detect_hedges",
    "format_number",
    "from_parts",
    "interval",
    "normalise_qualifier",
    "normalise_unit",
    "parse_quantity",
    "point",
]

QUALIFIERS: tuple[str, ...] = (
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


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as a claim states it; numbers are in the canonical `unit`."""

    text: str
    qualifier: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    unit_written: str
    dimension: str
    precision: float


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of real values; `lo` may be -inf or 0 and `hi` may be inf."""

    lo: float
    hi: float
    lo_closed: bool = True
    hi_closed: bool = True

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi) or self.lo > self.hi:
            raise ValueError(f"invalid interval bounds {self.lo!r}, {self.hi!r}")
        if self.lo == math.inf or self.hi == -math.inf:
            raise ValueError("an interval cannot start at +inf or end at -inf")

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both intervals (open ends matter at ties)."""
        lo, lo_closed = _max_end(self.lo, self.lo_closed, other.lo, other.lo_closed)
        hi, hi_closed = _min_end(self.hi, self.hi_closed, other.hi, other.hi_closed)
        return lo < hi or (lo == hi and lo_closed and hi_closed)

    def gap(self, other: Interval) -> float:
        """0 when overlapping (or touching at an open end), else the distance between them."""
        if self.overlaps(other):
            return 0.0
        return max(self.lo - other.hi, other.lo - self.hi, 0.0)

    def contains(self, x: float) -> bool:
        above = self.lo < x or (self.lo_closed and x == self.lo)
        below = x < self.hi or (self.hi_closed and x == self.hi)
        return above and below


def _max_end(a: float, a_closed: bool, b: float, b_closed: bool) -> tuple[float, bool]:
    if a != b:
        return (a, a_closed) if a > b else (b, b_closed)
    return a, a_closed and b_closed


def _min_end(a: float, a_closed: bool, b: float, b_closed: bool) -> tuple[float, bool]:
    if a != b:
        return (a, a_closed) if a < b else (b, b_closed)
    return a, a_closed and b_closed


# --------------------------------------------------------------------------- tokens

_T = TypeVar("_T")

_TOKEN = re.compile(
    r"(?P<n>[0-9]+(?:[.,' ][0-9]+)*)"
    r"|(?P<w>(?<![^\W\d_])[dl]'(?=[^\W\d_])|[^\W\d_]+(?:['.\-][^\W\d_]+)*(?:[23](?![0-9]))?\.?)"
    r"|(?P<s>\S)"
)
_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u200a": " ",
        "\t": " ",
        "\n": " ",
        "\u2212": "-",
    }
)
_EDGE = " \"'“”„«»()[]"
_TRAILING = " .,;:!?\"'“”«»()[]"
_MAX_TEXT = 300
_MAX_DIGITS = 24


def _lower(text: str) -> str:
    return text.lower().replace("’", "'")


def _words(phrase: str) -> list[str]:
    """Tokens as tables match them: lower-case, abbreviation dots dropped ("Mio." = "Mio")."""
    low = _lower(phrase)
    if low.replace(" ", "").isalpha():
        return low.split()
    return [_bare(m.group()) for m in _TOKEN.finditer(low)]


def _bare(token: str) -> str:
    return token.rstrip(".") or token


def _key(phrase: str) -> str:
    return " ".join(_words(phrase))


class _Phrases(Generic[_T]):
    """Phrase -> value table matched token-wise, longest phrase first."""

    __slots__ = ("_full", "_lengths")

    def __init__(self, pairs: Iterable[tuple[_T, str]]) -> None:
        self._full: dict[str, _T] = {}
        lengths: dict[str, set[int]] = {}
        for value, phrases in pairs:
            for phrase in phrases.split("|"):
                words = _words(phrase)
                self._full[" ".join(words)] = value
                lengths.setdefault(words[0], set()).add(len(words))
        self._lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}

    def get(self, key: str) -> _T | None:
        return self._full.get(key)

    def match(self, texts: Sequence[str], i: int) -> tuple[_T, int] | None:
        if i >= len(texts):
            return None
        lengths = self._lengths.get(texts[i])
        if lengths is None:
            return None
        for k in lengths:
            if i + k <= len(texts):
                value = self._full.get(texts[i] if k == 1 else " ".join(texts[i : i + k]))
                if value is not None:
                    return value, k
        return None


# --------------------------------------------------------------------------- tables

_QUALIFIER_PHRASES: list[tuple[str, str]] = [
    ("exact", "exactly|precisely|genau|exakt|exactement|précisément|exactamente"),
    ("exact", "esattamente|ровно|рівно|dokładnie|precies|exatamente"),
    (
        "about",
        "about|around|roughly|approximately|approx|some|an estimated|estimated|est."
        "|circa|c.|ca|~|≈|in the region of|on the order of|of the order of"
        "|an approximate|approximate|an average of|on average",
    ),
    ("about", "etwa|rund|ungefähr|zirka|annähernd|schätzungsweise|geschätzte|geschätzt"),
    ("about", "environ|quelque|quelques|autour de|approximativement|à peu près"),
    ("about", "aux alentours de|de l'ordre de|alrededor de|unos|unas|aproximadamente"),
    ("about", "en torno a|intorno a|attorno a|all'incirca|approssimativamente|più o meno"),
    ("about", "около|примерно|приблизительно|порядка|близько|приблизно|орієнтовно|порядку"),
    ("about", "około|ok.|mniej więcej|szacunkowo|ongeveer|zo'n|por volta de|em torno de"),
    (
        "up_to",
        "up to|as many as|at most|no more than|not more than|a maximum of|maximum of"
        "|as much as|≤|< =|bis zu|höchstens|maximal|nicht mehr als|jusqu'à|au plus",
    ),
    ("up_to", "au maximum|pas plus de|hasta|como máximo|no más de|a lo sumo|fino a"),
    ("up_to", "al massimo|non più di|до|не более|не больше|не більше|не більш ніж"),
    ("up_to", "do|maksymalnie|nie więcej niż|najwyżej|tot|maximaal|hooguit|até|no máximo"),
    (
        "over",
        "over|more than|in excess of|above|just over|well over|upwards of|slightly more than"
        "|a little over|a little more than|just above|well above|>|mehr als|über|weit über",
    ),
    ("over", "plus de|au-delà de|un peu plus de|bien plus de|más de|mas de|por encima de"),
    ("over", "più di|oltre|более|свыше|больше|чуть более|чуть больше|более чем|больше чем"),
    ("over", "понад|більше|більш ніж|більше ніж|ponad|przeszło|więcej niż|powyżej"),
    ("over", "meer dan|ruim|mais de"),
    (
        "at_least",
        "at least|no fewer than|no less than|not less than|a minimum of|minimum of|≥|> ="
        "|mindestens|wenigstens|nicht weniger als|zumindest|au moins|au minimum|pas moins de",
    ),
    ("at_least", "al menos|por lo menos|como mínimo|no menos de|almeno|non meno di"),
    ("at_least", "come minimo|quantomeno|не менее|не меньше|как минимум|щонайменше"),
    ("at_least", "принаймні|не менше|не менш ніж|як мінімум|co najmniej|przynajmniej"),
    ("at_least", "nie mniej niż|minstens|ten minste|minimaal|pelo menos|no mínimo"),
    (
        "under",
        "under|less than|fewer than|below|<|well under|well below|weniger als|unter"
        "|moins de|menos de|meno di|менее|меньше|менее чем|меньше чем|менше|менше ніж",
    ),
    ("under", "менш ніж|менш як|mniej niż|poniżej|minder dan"),
    (
        "close_to",
        "close to|nearly|almost|just under|just below|just shy of|slightly less than"
        "|a little under|a little less than|not quite|knapp|fast|beinahe|nahezu",
    ),
    ("close_to", "près de|presque|quasiment|un peu moins de|pas loin de|cerca de|casi"),
    ("close_to", "poco menos de|quasi|poco meno di|почти|чуть менее|чуть меньше|без малого"),
    ("close_to", "майже|трохи менше|prawie|blisko|niemal|nieco mniej niż|bijna|quase"),
]
_QUALIFIER_OVERRIDES: dict[str, list[tuple[str, str]]] = {"pt": [("about", "cerca de")]}

_SUFFIX_PHRASES: list[tuple[str, str]] = [
    ("at_least", "+|plus|or more|and more|at least|und mehr|oder mehr|ou plus|o más|o più"),
    ("at_least", "e più|и более|и больше|і більше|та більше|lub więcej|i więcej|of meer"),
    ("at_least", "ou mais"),
    ("about", "or so|environ|approx|circa|ca"),
    ("up_to", "or fewer|or less|at most"),
]

_WRAPPERS = (
    "a|an|the|another|a further|a total of|total of|only|just|some other|insgesamt|weitere"
    "|au total|un total de|encore|en total|otros|otras|un totale di|altri|altre|всего"
    "|ещё|еще|усього|загалом|ще|łącznie|kolejne|kolejnych"
)

_RANGE_STARTS: dict[str, str] = {
    "between": "and|&",
    "from": "to",
    "zwischen": "und",
    "von": "bis",
    "entre": "et|y|e",
    "de": "à|a",
    "da": "a",
    "tra": "e",
    "fra": "e",
    "от": "до",
    "между": "и",
    "від": "до",
    "між": "і|та|й",
    "od": "do",
    "między": "a",
    "tussen": "en",
    "van": "tot",
}
_DASHES = frozenset({"-", "–", "—", "‑", "to"})
_BARE_CONNECTORS: dict[str, frozenset[str]] = {
    "de": frozenset({"bis"}),
    "fr": frozenset({"à"}),
    "es": frozenset({"a"}),
    "it": frozenset({"a"}),
    "pt": frozenset({"a"}),
    "nl": frozenset({"tot"}),
}

_MULTIPLIERS_BASE: list[tuple[int, str]] = [
    (3, "thousand"),
    (6, "million|mn|mln|mio"),
    (9, "billion|bn|bln"),
    (12, "trillion"),
]
_MULTIPLIERS_LANG: dict[str, list[tuple[int, str]]] = {
    "de": [
        (3, "tausend|tsd"),
        (6, "million|millionen|mio"),
        (9, "milliarde|milliarden|mrd"),
        (12, "billion|billionen"),
    ],
    "fr": [
        (3, "mille"),
        (6, "million|millions"),
        (9, "milliard|milliards|md|mds|mrd|mrds"),
        (12, "billion|billions"),
    ],
    "es": [
        (3, "mil"),
        (6, "millón|millon|millones"),
        (9, "mil millones|millardo|millardos"),
        (12, "billón|billones"),
    ],
    "it": [
        (3, "mila|mille"),
        (6, "milione|milioni|mln"),
        (9, "miliardo|miliardi|mld|mrd"),
    ],
    "pt": [
        (3, "mil"),
        (6, "milhão|milhões|milhao|milhoes"),
        (9, "mil milhões|bilhão|bilhões|bi"),
    ],
    "nl": [(3, "duizend"), (6, "miljoen|mln"), (9, "miljard|mld|mrd")],
    "pl": [
        (3, "tys|tysiąc|tysiące|tysięcy"),
        (6, "mln|milion|miliony|milionów"),
        (9, "mld|miliard|miliardy|miliardów"),
    ],
    "ru": [
        (3, "тыс|тысяч|тысячи|тысяча"),
        (6, "млн|миллион|миллиона|миллионов"),
        (9, "млрд|миллиард|миллиарда|миллиардов"),
    ],
    "uk": [
        (3, "тис|тисяч|тисячі|тисяча"),
        (6, "млн|мільйон|мільйона|мільйонів"),
        (9, "млрд|мільярд|мільярда|мільярдів"),
    ],
    "cs": [(3, "tis|tisíc"), (6, "mil.|milion|milionů|miliony"), (9, "mld.|miliard")],
}
_MULTIPLIERS_LANG["be"] = _MULTIPLIERS_LANG["ru"]


class _Unit(NamedTuple):
    canon: str
    factor: float
    dim: str


_KM2 = _Unit("km2", 1.0, "area")
_KM = _Unit("km", 1.0, "length")
_TONNE = _Unit("t", 1.0, "mass")
_PERCENT = _Unit("percent", 1.0, "percent")
_BARE = _Unit("", 1.0, "count")

_UNIT_PHRASES: list[tuple[_Unit, str]] = [
    (
        _KM2,
        "km2|km²|sq km|sq. km|sq.km|sqkm|square kilometres|square kilometers|square kilometre"
        "|square kilometer|square km|km sq|kilometres squared|kilometers squared",
    ),
    (_KM2, "quadratkilometer|quadratkilometern|qkm|km carrés|km carré|kilomètres carrés"),
    (_KM2, "kilomètre carré|kilómetros cuadrados|kilómetro cuadrado|km cuadrados"),
    (_KM2, "chilometri quadrati|chilometro quadrato|kmq|km quadrati|кв. км|кв.км|кв км|км²"),
    (_KM2, "км2|квадратных километров|квадратных километра|квадратный километр|кв. километров"),
    (_KM2, "квадратних кілометрів|квадратних кілометри|квадратний кілометр|кв. кілометрів"),
    (_KM2, "kilometrów kwadratowych|kilometry kwadratowe|km kw|vierkante kilometer"),
    (_KM2, "quilómetros quadrados|quilômetros quadrados|km quadrados"),
    (
        _Unit("km2", 2.589988110336, "area"),
        "square miles|square mile|sq mi|sq. mi|sq miles|sq. miles|sq mile|mi²|mi2",
    ),
    (
        _Unit("km2", 0.01, "area"),
        "hectares|hectare|ha|hektar|hektaren|hectáreas|ettari|ettaro|гектаров|гектара|гектар"
        "|га|гектарів|hektarów|hektary",
    ),
    (_Unit("km2", 0.0040468564224, "area"), "acres|acre"),
    (
        _Unit("km2", 1e-6, "area"),
        "m²|m2|sq m|square metres|square meters|square metre|square meter|quadratmeter"
        "|mètres carrés|metros cuadrados|metri quadrati|кв. м|квадратных метров"
        "|квадратних метрів|metrów kwadratowych",
    ),
    (
        _KM,
        "km|kms|kilometres|kilometers|kilometre|kilometer|kilometern|kilomètres|kilomètre"
        "|kilómetros|kilómetro|chilometri|chilometro|километров|километра|километр|км"
        "|кілометрів|кілометри|кілометр|kilometrów|kilometry|kilometr|quilómetros|quilômetros",
    ),
    (_Unit("km", 1.609344, "length"), "miles|mile|mi|meilen|миль"),
    (_Unit("km", 1.852, "length"), "nautical miles|nautical mile"),
    (
        _Unit("km", 0.001, "length"),
        "m|metres|meters|metre|meter|mètres|metros|metri|метров|метра|метрів|metrów",
    ),
    (
        _TONNE,
        "t|tonnes|tonne|tons|ton|metric tons|metric tonnes|tonnen|toneladas|tonelada"
        "|tonnellate|tonnellata|тонн|тонны|тонна|тонни|тон|tony",
    ),
    (
        _Unit("t", 0.001, "mass"),
        "kg|kilograms|kilogrammes|kilogram|kilogramme|kilogramm|kilos|килограммов|кг|кілограмів",
    ),
    (
        _PERCENT,
        "%|percent|per cent|pct|prozent|pour cent|por ciento|per cento|por cento"
        "|процентов|процента|процент|відсотків|відсотка|відсотки|procent|proc.",
    ),
]
_CURRENCIES: list[tuple[str, str]] = [
    (
        "USD",
        "$|us $|u.s. $|usd|dollars|dollar|us dollars|u.s. dollars|dólares|dollari"
        "|долларов|доллара|доларів|долара|dolarów",
    ),
    ("EUR", "€|eur|euros|euro|евро|євро"),
    ("GBP", "£|gbp|pounds sterling|sterling"),
    (
        "RUB",
        "₽|rub|rubles|roubles|ruble|rouble|рублей|рубля|рубль|руб|rubel|rubli|rublos",
    ),
    (
        "UAH",
        "₴|uah|hryvnias|hryvnia|hryvnas|hryvnya|гривень|гривні|гривня|грн|hrywien",
    ),
    ("CHF", "chf|franken|swiss francs"),
    ("PLN", "pln|zł|złotych|zloty|zlotys|złoty"),
    ("CNY", "cny|yuan|юаней|юанів"),
    ("JPY", "jpy|yen"),
]
_CURRENCY_PREFIX = "$|us $|u.s. $|usd|€|eur|£|gbp|₽|rub|₴|uah|chf|pln"

# Count nouns: canonical English plural <- synonyms and translations.
_NOUN_SYNONYMS: list[tuple[str, str]] = [
    (
        "troops",
        "troops|troop|soldiers|soldier|servicemen|serviceman|service members"
        "|servicemembers|personnel|fighters|fighter|soldaten|soldat|truppen|soldats"
        "|troupes|militaires|soldados|soldado|militares|soldati|soldato|militari"
        "|военнослужащих|военнослужащие|военных|солдат|солдаты|бойцов|бойцы|військових"
        "|військовослужбовців|солдатів|бійців|żołnierzy|żołnierze|troepen|militairen",
    ),
    (
        "casualties",
        "casualties|casualty|losses|verluste|pertes|bajas|perdite|потерь|потери|втрат|strat",
    ),
    (
        "killed",
        "killed|dead|deaths|death|fatalities|tote|toten|morts|tués|muertos|morti"
        "|погибших|убитых|загиблих|убитих|zabitych|zabici|doden",
    ),
    (
        "wounded",
        "wounded|injured|verletzte|verletzten|verwundete|verwundeten|blessés|heridos"
        "|feriti|раненых|поранених|rannych|gewonden",
    ),
    ("tanks", "tanks|tank|panzer|chars|tanques|carri armati|танков|танки|танків|czołgów"),
    ("missiles", "missiles|missile|raketen|misiles|missili|ракет|ракеты|ракети|rakiet"),
    ("rockets", "rockets|rocket"),
    (
        "shells",
        "shells|shell|artillery shells|artillery rounds|rounds|projectiles|granaten"
        "|obus|obuses|proiettili|proyectiles|proyectil|снарядов|снаряды|снарядів|снаряди"
        "|pocisków",
    ),
    (
        "drones",
        "drones|drone|attack drones|attack drone|kamikaze drones|shahed drones|shaheds"
        "|uavs|uav|unmanned aerial vehicles|drohnen|droni|дронов|беспилотников"
        "|бпла|дронів|безпілотників|бпла|dronów",
    ),
    ("containers", "containers|container|conteneurs|contenedores|контейнеров|контейнерів"),
    ("containers", "kontenerów"),
    (
        "people",
        "people|persons|person|civilians|menschen|zivilisten|personnes|civils|personas"
        "|civiles|persone|civili|людей|человек|мирных жителей|цивільних|осіб|ludzi"
        "|cywilów|osób|mensen|pessoas|civilian|residents|resident|inhabitants|inhabitant"
        "|einwohner|bewohner|habitants|habitantes|abitanti|residenti|жителей|жители"
        "|жителі|мешканців|мешканці|mieszkańców|inwoners|moradores",
    ),
    ("percentage points", "percentage points|percentage point|prozentpunkte|п.п."),
]
_NOUNS: dict[str, str] = {
    _key(p): canon for canon, phrases in _NOUN_SYNONYMS for p in phrases.split("|")
}
_NOUN_SPANS = (3, 2, 1)
_ADJECTIVES = frozenset(
    _words(
        "north south korean north-korean russian ukrainian american us u.s. chinese iranian"
        " belarusian israeli palestinian western foreign nato british french german polish"
        " additional more new extra other further active ballistic cruise enemy military"
        " combat armoured armored civilian strong regular elite russische russischen"
        " ukrainische ukrainischen nordkoreanische nordkoreanischen weitere zusätzliche russes"
        " ukrainiens nord-coréens supplémentaires rusos ucranianos norcoreanos russi ucraini"
        " nordcoreani российских российские русских украинских северокорейских российських"
        " українських північнокорейських rosyjskich ukraińskich północnokoreańskich"
    )
)
_STOPWORDS = frozenset(
    _words(
        "of in on at from to and or the a an were was are is have has had by for since across"
        " near along with into as than who which that according said reported including"
        " among after before during this these those last each more than per its their"
        " im am an auf aus und oder der die das den dem des bei seit mit nach wurden sind"
        " de des d' l' dans en à au aux sur du et ou le la les par selon ont sont el los las del"
        " y o por"
        " con según han fueron nel nella nei della di e per sono в на из и или по с у к за"
        " от для з із і та або від w z i lub przez op van met"
    )
)
_LINKERS = frozenset({"of", "de", "di", "von", "d'", "l'"})
_MONTHS = frozenset(
    _words(
        "january february march april may june july august september october november"
        " december jan feb mar apr jun jul aug sep sept oct nov dec januar februar märz mai"
        " juni juli oktober dezember janvier février mars avril juin juillet août septembre"
        " octobre novembre décembre enero febrero marzo abril mayo junio julio agosto"
        " septiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno"
        " luglio settembre ottobre dicembre января февраля марта апреля мая июня июля"
        " августа сентября октября ноября декабря январь февраль март апрель май июнь"
        " июль август сентябрь октябрь ноябрь декабрь січня лютого березня квітня травня"
        " червня липня серпня вересня жовтня листопада грудня stycznia lutego marca"
        " kwietnia maja czerwca lipca sierpnia września października listopada grudnia"
    )
)
# Units we do not convert ("sq ft", "155mm", "pounds" is mass or money): never count nouns.
_UNKNOWN_UNIT_WORDS = frozenset(
    _words(
        "sq square cubic кв квадратных квадратних ft feet foot yd yards inches cm mm lb lbs"
        " pound pounds oz ounces litres liters gallons"
    )
)
_ORDINALS = frozenset({"st", "nd", "rd", "th", "e", "er", "ème", "eme", "º", "ª", "й", "го"})
_RATES = _Phrases(
    [
        (
            True,
            "per|/|a day|a week|a month|a year|each day|every day|daily|weekly|monthly"
            "|annually|yearly|pro|täglich|am tag|im monat|pro tag|par|par jour|al día|por día"
            "|al giorno|в день|в сутки|в месяц|в год|ежедневно|на добу|на день|щодня"
            "|на місяць|на рік|dziennie",
        )
    ]
)
_UNCOUNTABLE = frozenset(
    _words(
        "police equipment ammunition aid artillery cavalry infantry staff livestock cattle"
        " military news aircraft materiel hardware weaponry men women children people"
    )
)
_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people"}

# Vague quantities: (lowest, highest) plausible values.
_VAGUE_PHRASES: list[tuple[tuple[float, float], str]] = [
    ((24, 99), "dozens|several dozen|mehrere dutzend|dutzende|des dizaines|docenas|dozzine"),
    ((20, 99), "tens|decenas|decine|десятки|dziesiątki|kilkadziesiąt"),
    ((20, 99), "несколько десятков|кілька десятків|plusieurs dizaines"),
    ((11, 19), "kilkanaście"),
    ((40, 199), "scores"),
    ((200, 999), "hundreds|several hundred|hunderte|mehrere hundert|des centaines|cientos"),
    ((200, 999), "centenares|varios cientos|centinaia|сотни|сотні|setki|kilkaset"),
    ((200, 999), "plusieurs centaines|несколько сотен|кілька сотень"),
    ((200, 599), "few hundred|einige hundert|quelques centaines"),
    ((2000, 9999), "thousands|several thousand|tausende|mehrere tausend|des milliers"),
    ((2000, 9999), "varios miles|migliaia|diverse migliaia|тысячи|тисячі|tysiące"),
    ((2000, 9999), "plusieurs milliers|несколько тысяч|кілька тисяч|kilka tysięcy"),
    ((2000, 5999), "few thousand|einige tausend|quelques milliers|alcune migliaia"),
    ((20_000, 99_999), "tens of thousands|zehntausende|des dizaines de milliers"),
    ((20_000, 99_999), "decenas de miles|decine di migliaia|десятки тысяч|десятки тисяч"),
    ((20_000, 99_999), "dziesiątki tysięcy"),
    ((200_000, 999_999), "hundreds of thousands|hunderttausende|des centaines de milliers"),
    ((200_000, 999_999), "cientos de miles|centinaia di migliaia|сотни тысяч|сотні тисяч"),
    ((200_000, 999_999), "setki tysięcy"),
    ((2e6, 9_999_999), "millions|several million|des millions|millones|milioni|миллионы"),
    ((2e6, 9_999_999), "мільйони|miliony"),
    ((2e6, 5_999_999), "few million"),
    ((2e7, 99_999_999), "tens of millions|des dizaines de millions"),
    ((2e8, 999_999_999), "hundreds of millions|des centaines de millions"),
    ((2e9, 9_999_999_999), "billions|des milliards|milliarden|miliardi"),
]
# Vague words that mean something else in other languages (English "miles").
_VAGUE_LANG: dict[str, list[tuple[tuple[float, float], str]]] = {
    "es": [((2000, 9999), "miles")],
    "pt": [((2000, 9999), "milhares|milhares de")],
}

_DOT_DECIMAL = frozenset(_words("en ja zh ko he th hi ms tl ga cy mt"))
_COMMA_DECIMAL = frozenset(
    _words(
        "de fr es it pt nl pl ru uk cs sk sl hr sr bs bg ro hu sv da no nb nn fi et lv lt el"
        " tr be ca gl eu az kk id vi is lb"
    )
)
_NUMBER_DOT = re.compile(r"([0-9]{1,3}(?:([, ])[0-9]{3})(?:\2[0-9]{3})*|[0-9]+)(?:\.([0-9]+))?")
_NUMBER_COMMA = re.compile(r"([0-9]{1,3}(?:([. '])[0-9]{3})(?:\2[0-9]{3})*|[0-9]+)(?:,([0-9]+))?")
_NUMBER_SWISS = re.compile(r"([0-9]{1,3}(?:(')[0-9]{3})(?:\2[0-9]{3})*)\.([0-9]+)")


class _Language(NamedTuple):
    code: str
    convention: str
    prefixes: _Phrases[tuple[str, str]]
    multipliers: _Phrases[int]
    bare_connectors: frozenset[str]
    vague: _Phrases[tuple[float, float]]


def _prefix_pairs(code: str) -> list[tuple[tuple[str, str], str]]:
    pairs: list[tuple[tuple[str, str], str]] = [(("w", ""), _WRAPPERS)]
    pairs += [(("q", q), p) for q, p in _QUALIFIER_PHRASES]
    pairs += [(("q", q), p) for q, p in _QUALIFIER_OVERRIDES.get(code, [])]
    pairs += [(("s", start), start) for start in _RANGE_STARTS]
    pairs += [(("c", cur), p) for cur, p in _prefix_currency_pairs()]
    return pairs


@lru_cache(maxsize=128)
def _language(code: str) -> _Language:
    convention = "dot" if code in _DOT_DECIMAL else "comma" if code in _COMMA_DECIMAL else "any"
    prefixes = _Phrases(_prefix_pairs(code))
    multipliers = _Phrases(_MULTIPLIERS_BASE + _MULTIPLIERS_LANG.get(code, []))
    bare = _DASHES | _BARE_CONNECTORS.get(code, frozenset())
    vague = _Phrases(_VAGUE_PHRASES + _VAGUE_LANG.get(code, []))
    return _Language(code, convention, prefixes, multipliers, bare, vague)


def _language_code(language: str | None) -> str:
    if not language or language == "en":
        return "en"
    return language.strip().lower().replace("_", "-").split("-")[0] or "en"


def _prefix_currency_pairs() -> list[tuple[str, str]]:
    prefixes = set(_CURRENCY_PREFIX.split("|"))
    out = []
    for code, phrases in _CURRENCIES:
        chosen = [p for p in phrases.split("|") if p in prefixes]
        if chosen:
            out.append((code, "|".join(chosen)))
    return out


_PREFIX_CURRENCY: _Phrases[str] = _Phrases(_prefix_currency_pairs())
_UNITS: _Phrases[_Unit] = _Phrases(
    _UNIT_PHRASES + [(_Unit(code, 1.0, "currency"), p) for code, p in _CURRENCIES]
)
_SUFFIXES: _Phrases[str] = _Phrases(_SUFFIX_PHRASES)
_CANONICAL_UNITS = {
    u.canon.lower(): u
    for u in [_KM2, _KM, _TONNE, _PERCENT]
    + [_Unit(code, 1.0, "currency") for code, _ in _CURRENCIES]
}


# --------------------------------------------------------------------------- numbers


class _NoParse(Exception):
    """Raised inside the parser when the text cannot be read with confidence."""


def _split_number(token: str, convention: str) -> tuple[str, str] | None:
    """(integer digits, fraction digits) of a figure under a number convention."""
    if convention == "any":
        dot = _split_number(token, "dot")
        comma = _split_number(token, "comma")
        if dot is not None and comma is not None and dot != comma:
            return None
        return dot or comma
    m = (_NUMBER_DOT if convention == "dot" else _NUMBER_COMMA).fullmatch(token)
    if m is None and convention == "comma":
        m = _NUMBER_SWISS.fullmatch(token)
    if m is None:
        return None
    whole, sep, frac = m.group(1), m.group(2), m.group(3) or ""
    if sep:
        whole = whole.replace(sep, "")
    return whole, frac


def _scaled(n: int, exp: int) -> float:
    """n * 10**exp, correctly rounded."""
    return float(n * 10**exp) if exp >= 0 else n / 10**-exp


def _significant_exponent(whole: str, frac: str) -> int:
    """Power of ten of the last significant digit as written."""
    if frac:
        return -len(frac)
    stripped = whole.rstrip("0")
    return len(whole) - len(stripped) if stripped else 0


class _Figure(NamedTuple):
    whole: str
    frac: str
    exp: int
    unit: _Unit | None
    written: str

    def value(self, unit: _Unit, exp: int | None = None) -> float:
        e = self.exp if exp is None else exp
        return _scaled(int(self.whole + self.frac), e - len(self.frac)) * unit.factor

    def precision(self, unit: _Unit, exp: int | None = None) -> float:
        e = self.exp if exp is None else exp
        return _scaled(5, _significant_exponent(self.whole, self.frac) + e - 1) * unit.factor


# --------------------------------------------------------------------------- nouns


def _plural(word: str) -> str:
    """Plain English plural, enough to fold "soldier" and "soldiers" together."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _UNCOUNTABLE or word.endswith(("s", "ed", "ing")) or not word.isascii():
        return word
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def _is_noun(word: str) -> bool:
    letters = word.replace("-", "").replace("'", "").replace(".", "")
    return len(letters) >= 2 and letters.isalpha()


def _count_noun(words: Sequence[str], code: str) -> tuple[str, int, int]:
    """(canonical noun, first word, after last word) of the noun that follows a figure.

    ("", 0, 0) when no noun follows; raises _NoParse for a date or a stray letter.
    """
    k = 0
    while k < len(words) - 1 and words[k] in _ADJECTIVES:
        k += 1
    for span in _NOUN_SPANS:
        if k + span <= len(words):
            canon = _NOUNS.get(" ".join(words[k : k + span]))
            if canon is not None:
                return canon, k, k + span
    word = words[k] if words else ""
    if not word or word in _STOPWORDS or word in _ADJECTIVES:
        return "", 0, 0
    if word in _MONTHS or word in _UNKNOWN_UNIT_WORDS or not _is_noun(word):
        raise _NoParse
    if k and _UNITS.get(word) is not None:
        raise _NoParse
    noun = _plural(word) if code == "en" else word
    if noun in _STOPWORDS or noun in _ADJECTIVES or noun in _MONTHS:
        raise _NoParse
    return _NOUNS.get(noun, noun), k, k + 1


# --------------------------------------------------------------------------- parser


class _Parser:
    """One pass over the tokens of a quantity phrase; raises _NoParse on doubt."""

    __slots__ = (
        "currency",
        "i",
        "kinds",
        "lang",
        "matches",
        "n",
        "qualifier",
        "s",
        "start",
        "text",
        "texts",
    )

    def __init__(self, text: str, s: str, low: str, lang: _Language) -> None:
        self.text = text
        self.s = s
        self.lang = lang
        self.matches = list(_TOKEN.finditer(low))
        self.kinds = [m.lastgroup for m in self.matches]
        self.texts = [_bare(m.group()) for m in self.matches]
        self.n = len(self.texts)
        self.i = 0
        self.qualifier: str | None = None
        self.start: str | None = None
        self.currency: tuple[_Unit, str] | None = None

    # -- helpers

    def _written(self, i: int, k: int) -> str:
        return self.s[self.matches[i].start() : self.matches[i + k - 1].end()]

    def _attached(self, i: int) -> bool:
        return 0 < i < self.n and self.matches[i].start() == self.matches[i - 1].end()

    def _set_qualifier(self, qualifier: str) -> None:
        if self.qualifier is not None and self.qualifier != qualifier:
            raise _NoParse
        self.qualifier = qualifier

    # -- stages

    def parse(self) -> Quantity:
        self._prefix()
        if self.i >= self.n:
            raise _NoParse
        if self.kinds[self.i] != "n":
            return self._vague()
        first = self._figure(self.currency)
        self._suffix()
        second = None
        if self._connector():
            second = self._figure(None)
            self._suffix()
        elif self.start is not None:
            raise _NoParse
        return self._single(first) if second is None else self._range(first, second)

    def _prefix(self) -> None:
        while self.i < self.n and self.kinds[self.i] != "n":
            hit = self.lang.prefixes.match(self.texts, self.i)
            if hit is None:
                return
            (kind, value), k = hit
            if kind == "q":
                self._set_qualifier(value)
            elif kind == "s":
                if self.start is not None:
                    raise _NoParse
                self.start = value
            elif kind == "c":
                if self.currency is not None:
                    raise _NoParse
                self.currency = (_Unit(value, 1.0, "currency"), self._written(self.i, k))
            self.i += k

    def _figure(self, currency: tuple[_Unit, str] | None) -> _Figure:
        if currency is None:
            hit = _PREFIX_CURRENCY.match(self.texts, self.i)
            if hit is not None:
                currency = (_Unit(hit[0], 1.0, "currency"), self._written(self.i, hit[1]))
                self.i += hit[1]
        if self.i >= self.n or self.kinds[self.i] != "n":
            raise _NoParse
        parts = _split_number(self.texts[self.i], self.lang.convention)
        if parts is None or len(parts[0]) + len(parts[1]) > _MAX_DIGITS:
            raise _NoParse
        self.i += 1
        if self._attached(self.i) and self.texts[self.i] in _ORDINALS:
            raise _NoParse
        self._skip_hyphen()
        exp = self._multiplier(bool(parts[1]), currency is not None)
        if exp == 0 and parts[1] == "000":
            raise _NoParse
        self._skip_hyphen()
        unit, written = currency if currency is not None else (None, "")
        hit_unit = _UNITS.match(self.texts, self.i)
        if hit_unit is not None:
            if unit is not None and unit.canon != hit_unit[0].canon:
                raise _NoParse
            if unit is None:
                unit, written = hit_unit[0], self._written(self.i, hit_unit[1])
            self.i += hit_unit[1]
        return _Figure(parts[0], parts[1], exp, unit, written)

    def _skip_hyphen(self) -> None:
        i = self.i
        if i + 1 < self.n and self.texts[i] == "-" and self.kinds[i + 1] == "w":
            self.i += 1

    def _multiplier(self, has_fraction: bool, money: bool) -> int:
        i = self.i
        if i >= self.n or self.kinds[i] != "w":
            return 0
        word = self.texts[i]
        if word in ("k", "b", "m"):
            exp = self._letter_multiplier(word, has_fraction, money)
            if exp:
                self.i += 1
            return exp
        hit = self.lang.multipliers.match(self.texts, i)
        if hit is None:
            return 0
        self.i += hit[1]
        return hit[0]

    def _letter_multiplier(self, word: str, has_fraction: bool, money: bool) -> int:
        """k, b and m after a figure: "10k", "$2b", "1.5m"; a spaced "m" is metres."""
        i = self.i
        attached = self._attached(i)
        if word != "m":
            return (3 if word == "k" else 9) if attached else 0
        following = self.texts[i + 1] if i + 1 < self.n else ""
        unit = _UNITS.get(following)
        if (
            self.s[self.matches[i].start()] == "M"
            or money
            or (unit is not None and unit.dim == "currency")
        ):
            return 6
        if not attached:
            return 0
        if has_fraction or following in _NOUNS:
            return 6
        raise _NoParse

    def _suffix(self) -> None:
        hit = _SUFFIXES.match(self.texts, self.i)
        if hit is not None:
            self._set_qualifier(hit[0])
            self.i += hit[1]

    def _connector(self) -> bool:
        i = self.i
        if i >= self.n:
            return False
        word = self.texts[i]
        if self.start is not None:
            allowed = word in _DASHES or word in _RANGE_STARTS[self.start].split("|")
        else:
            allowed = word in self.lang.bare_connectors
        if not allowed or i + 1 >= self.n:
            return False
        j = i + 1
        hit = _PREFIX_CURRENCY.match(self.texts, j)
        if hit is not None:
            j += hit[1]
        if j >= self.n or self.kinds[j] != "n":
            return False
        self.i = i + 1
        return True

    def _tail(self, linker: bool) -> tuple[_Unit, str]:
        """Unit or count noun after the figures; month names make the figure a date."""
        i = self.i
        texts = self.texts
        if i + 1 < self.n and texts[i] in (".", "de", "of", "di") and texts[i + 1] in _MONTHS:
            raise _NoParse
        if linker and i + 1 < self.n and texts[i] in _LINKERS:
            i += 1
        hit = _UNITS.match(texts, i)
        if hit is not None:
            self.i = i + hit[1]
            return hit[0], self._written(i, hit[1])
        end = i
        while end < self.n and end - i < 6 and self.kinds[end] == "w":
            end += 1
        noun, a, b = _count_noun(texts[i:end], self.lang.code)
        if not noun:
            return _BARE, ""
        self.i = i + b
        return _Unit(noun, 1.0, "count"), self._written(i + a, b - a)

    def _finish(self) -> None:
        """Reject rates ("per day") and further figures after the quantity."""
        if _RATES.match(self.texts, self.i) is not None:
            raise _NoParse
        if "n" in self.kinds[self.i :]:
            raise _NoParse

    def _unit(self, *figures: _Figure) -> tuple[_Unit, str]:
        units = [(f.unit, f.written) for f in figures if f.unit is not None]
        if units:
            if any(u.canon != units[0][0].canon for u, _ in units):
                raise _NoParse
            self._suffix()
            return units[0][0], units[0][1]
        unit = self._tail(linker=any(f.exp for f in figures))
        self._suffix()
        return unit

    def _single(self, fig: _Figure) -> Quantity:
        unit, written = self._unit(fig)
        self._finish()
        qualifier = self.qualifier or "exact"
        value = fig.value(unit)
        _check_count(unit, value)
        low = value if qualifier in ("over", "at_least") else None
        high = value if qualifier in ("up_to", "under") else None
        return Quantity(
            self.text,
            qualifier,
            value,
            low,
            high,
            unit.canon,
            written,
            unit.dim,
            fig.precision(unit),
        )

    def _range(self, first: _Figure, second: _Figure) -> Quantity:
        if self.qualifier not in (None, "about"):
            raise _NoParse
        unit, written = self._unit(first, second)
        self._finish()
        unit_low = first.unit or unit
        unit_high = second.unit or unit
        high = second.value(unit_high)
        exp = first.exp
        if not first.exp and second.exp and first.value(unit_low, second.exp) <= high:
            exp = second.exp
        low = first.value(unit_low, exp)
        if low > high:
            raise _NoParse
        _check_count(unit, low, high)
        precision = max(first.precision(unit_low, exp), second.precision(unit_high))
        return Quantity(
            self.text, "range", None, low, high, unit.canon, written, unit.dim, precision
        )

    def _vague(self) -> Quantity:
        hit = self.lang.vague.match(self.texts, self.i)
        if hit is None or self.qualifier not in (None, "about") or self.start or self.currency:
            raise _NoParse
        (low, high), k = hit
        self.i += k
        unit, written = self._tail(linker=True)
        self._suffix()
        self._finish()
        return Quantity(
            self.text,
            "vague",
            None,
            low * unit.factor,
            high * unit.factor,
            unit.canon,
            written,
            unit.dim,
            0.0,
        )


def _check_count(unit: _Unit, *values: float) -> None:
    """A count noun needs whole numbers: "1,376 Soldaten" is a misread, not 1.376 troops."""
    if unit.dim == "count" and unit.canon and not all(v.is_integer() for v in values):
        raise _NoParse


@lru_cache(maxsize=65536)
def parse_quantity(text: str, language: str | None = None) -> Quantity | None:
    """None when the text cannot be parsed with confidence (never guess)."""
    if not isinstance(text, str):
        return None
    raw = text.strip()
    if not raw or len(raw) > _MAX_TEXT:
        return None
    s = raw if raw.isascii() else unicodedata.normalize("NFC", raw.translate(_SPACES))
    s = s.strip(_EDGE).rstrip(_TRAILING)
    low = _lower(s)
    if len(low) != len(s):
        s = low
    try:
        return _Parser(raw, s, low, _language(_language_code(language))).parse()
    except _NoParse:
        return None


# --------------------------------------------------------------------------- units


def normalise_unit(unit: str, language: str | None = None) -> tuple[str, float, str] | None:
    """(canonical unit, factor to canonical, dimension); None if unknown. "" -> ("", 1.0, "count").

    Any other plain word is a count noun (count nouns are open-ended): synonyms fold to one
    English plural, leading adjectives are dropped, English singulars are pluralised.
    """
    words = _words(unit.strip(_EDGE))
    if not words:
        return ("", 1.0, "count")
    key = " ".join(words)
    found = _CANONICAL_UNITS.get(key) or _UNITS.get(key)
    if found is not None:
        return found.canon, found.factor, found.dim
    if not all(map(_is_noun, words)):
        return None
    try:
        noun, _, _ = _count_noun(words, _language_code(language))
    except _NoParse:
        return None
    return (noun, 1.0, "count") if noun else None


def normalise_qualifier(word: str) -> str | None:
    """Canonical qualifier from a canonical name or a hedge phrase ("around" -> "about")."""
    name = word.strip().lower()
    return name if name in QUALIFIERS else _qualifier_names().get(_key(word))


@lru_cache(maxsize=1)
def _qualifier_names() -> dict[str, str]:
    vague = [p for _, ps in _VAGUE_PHRASES for p in ps.split("|")]
    names = {_key(p): "vague" for p in vague}
    names.update({_key(f"{p} of"): "vague" for p in vague})
    names.update({_key(p): "range" for p in _RANGE_STARTS if len(p) > 2})
    names.update({_key(p): q for q, ps in _SUFFIX_PHRASES for p in ps.split("|")})
    names.update({_key(p): q for q, ps in _QUALIFIER_PHRASES for p in ps.split("|")})
    names.update({q: q for q in QUALIFIERS})
    names.update({_key(q.replace("_", " ")): q for q in QUALIFIERS})
    return names


# --------------------------------------------------------------------------- from_parts


def from_parts(
    text: str | None,
    qualifier: str | None,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str | None,
    language: str | None = None,
) -> Quantity:
    """Build a Quantity from explicit columns (numbers in `unit`, converted to canonical).

    Raises ValueError on an unknown unit or qualifier, or numbers that contradict the
    qualifier. Precision follows the rule for written figures applied to the shortest text
    of each number.
    """
    for name, x in (("value", value), ("low", low), ("high", high)):
        if x is not None and not math.isfinite(x):
            raise ValueError(f"{name} must be a finite number, got {x!r}")
    norm = normalise_unit(unit or "", language)
    if norm is None:
        raise ValueError(f"unknown unit {unit!r}")
    qual = _resolve_qualifier(qualifier, low, high)
    value, low, high = _check_bounds(qual, value, low, high)
    numbers = [x for x in (value, low, high) if x is not None]
    canon, factor, dim = norm
    precision = 0.0 if qual == "vague" else max(_float_precision(x) for x in numbers) * factor
    return Quantity(
        text if text is not None else _describe(qual, value, low, high, unit or ""),
        qual,
        None if value is None else value * factor,
        None if low is None else low * factor,
        None if high is None else high * factor,
        canon,
        unit or "",
        dim,
        precision,
    )


def _resolve_qualifier(qualifier: str | None, low: float | None, high: float | None) -> str:
    if qualifier is None or not qualifier.strip():
        return "range" if low is not None and high is not None else "exact"
    qual = normalise_qualifier(qualifier)
    if qual is None:
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {QUALIFIERS}")
    return qual


def _check_bounds(
    qual: str, value: float | None, low: float | None, high: float | None
) -> tuple[float | None, float | None, float | None]:
    """The (value, low, high) a qualifier implies; ValueError when they contradict it."""
    if low is not None and high is not None and low > high:
        raise ValueError(f"low {low!r} is greater than high {high!r}")
    if qual in ("range", "vague"):
        if low is None or high is None:
            raise ValueError(f"qualifier {qual!r} needs both low and high")
        if value is not None:
            raise ValueError(f"qualifier {qual!r} takes low and high, not a value")
        return None, low, high
    if qual in ("exact", "about", "close_to"):
        if value is None:
            raise ValueError(f"qualifier {qual!r} needs a value")
        if low is not None or high is not None:
            raise ValueError(f"qualifier {qual!r} takes a value, not low/high bounds")
        return value, None, None
    lower = qual in ("over", "at_least")
    bound, other = (low, high) if lower else (high, low)
    if other is not None:
        side = "high" if lower else "low"
        raise ValueError(f"qualifier {qual!r} cannot have a {side} bound")
    if value is not None and bound is not None and value != bound:
        raise ValueError(f"qualifier {qual!r}: value {value!r} differs from bound {bound!r}")
    figure = value if value is not None else bound
    if figure is None:
        raise ValueError(f"qualifier {qual!r} needs a value or a bound")
    return (figure, figure, None) if lower else (figure, None, figure)


def _float_precision(x: float) -> float:
    mantissa, _, exponent = repr(abs(float(x))).partition("e")
    whole, _, frac = mantissa.partition(".")
    if frac == "0":
        frac = ""
    exp = int(exponent or 0)
    return _scaled(5, _significant_exponent(whole, frac) + exp - 1)


_PHRASE = {
    "about": "about ",
    "up_to": "up to ",
    "over": "over ",
    "at_least": "at least ",
    "under": "under ",
    "close_to": "close to ",
}


def _describe(
    qual: str, value: float | None, low: float | None, high: float | None, unit: str
) -> str:
    if value is None and low is not None and high is not None:
        figure = f"{format_number(low)}-{format_number(high)}"
    else:
        figure = format_number(value if value is not None else 0.0)
    return f"{_PHRASE.get(qual, '')}{figure} {unit}".strip()


# --------------------------------------------------------------------------- intervals


def interval(q: Quantity, tolerance: float = 0.10) -> Interval:
    """The values compatible with a quantity (see the module docstring for the rules)."""
    if not 0.0 <= tolerance < math.inf:
        raise ValueError(f"tolerance must be a finite non-negative number, got {tolerance!r}")
    qual = q.qualifier
    if qual in ("range", "vague"):
        return Interval(_need(q.low, q), _need(q.high, q))
    if qual in ("up_to", "under"):
        high = _need(q.high if q.high is not None else q.value, q)
        return Interval(min(0.0, high), high, True, qual == "up_to")
    if qual in ("over", "at_least"):
        low = _need(q.low if q.low is not None else q.value, q)
        return Interval(low, math.inf, qual == "at_least", False)
    value = _need(q.value, q)
    if qual == "close_to":
        return Interval(_floor(value - tolerance * abs(value), value), value)
    if qual == "about":
        spread = _about_spread(value, q.precision, tolerance)
    elif qual == "exact":
        spread = q.precision
    else:
        raise ValueError(f"unknown qualifier {qual!r}")
    return Interval(_floor(value - spread, value), value + spread)


def _about_spread(value: float, precision: float, tolerance: float) -> float:
    """max(tolerance*|N|, precision), except for a single significant digit.

    The roundness of "around 10,000" is what "around" already says; its rounding step
    (±5,000) would make it compatible with 12,000, which the conflicts issue labels a
    conflict. A figure has one significant digit when |N| / precision < 20.
    """
    spread = tolerance * abs(value)
    if precision > 0 and abs(value) / precision > 19.5:
        spread = max(spread, precision)
    return spread


def _need(x: float | None, q: Quantity) -> float:
    if x is None:
        raise ValueError(f"{q.qualifier!r} quantity {q.text!r} lacks the number it needs")
    return x


def _floor(lo: float, value: float) -> float:
    return max(lo, 0.0) if value >= 0 else lo


def point(q: Quantity) -> float | None:
    """Representative value: the figure, a range's midpoint, or the single stated bound."""
    if q.value is not None:
        return q.value
    if q.low is not None and q.high is not None:
        return q.low + (q.high - q.low) / 2
    return q.low if q.low is not None else q.high


# --------------------------------------------------------------------------- hedges

_HEDGES: dict[str, str] = {
    "en": "reportedly|reported|according to|allegedly|alleged|alleges|allege|claimed|claims"
    "|claim|claiming|purportedly|purported|supposedly|apparently|estimated|estimates"
    "|estimate|suggest|suggests|suggested|suggesting|believed|thought to|said to|appears to"
    "|appear to|appeared to|seems to|seem to|seemingly|likely|probably|possibly|perhaps"
    "|may have|might have|confirm|confirms|confirmed|confirming|unconfirmed|unverified"
    "|could not be independently verified|could not independently verify"
    "|not independently verified|cannot be verified|citing",
    "de": "angeblich|laut|soll|sollen|mutmaßlich|vermutlich|offenbar|anscheinend|scheinbar"
    "|wahrscheinlich|möglicherweise|berichten zufolge|zufolge|nach angaben|nach schätzungen"
    "|schätzungsweise|geschätzt|geschätzte|geschätzten|bestätigt|bestätigte|bestätigten"
    "|unbestätigt|unbestätigten|nicht unabhängig überprüfen|nicht unabhängig überprüft"
    "|behauptet|behaupten|behauptete",
    "fr": "selon|d'après|aurait|auraient|prétendument|présumé|présumés|supposément"
    "|apparemment|probablement|vraisemblablement|confirmé|confirme|confirment|non confirmé"
    "|estimé|estimés|estimée|estimées|affirme|affirment|revendique",
    "es": "según|supuestamente|presuntamente|al parecer|aparentemente|probablemente|habría"
    "|habrían|confirmó|confirma|confirmado|confirmados|sin confirmar|estimado|estimados"
    "|estimadas|se estima|de acuerdo con|afirmó|asegura|aseguró|presunto|presuntos",
    "it": "presumibilmente|presunto|presunti|avrebbe|avrebbero|sarebbe|sarebbero|stando a"
    "|a quanto pare|apparentemente|probabilmente|confermato|confermati|stimato|stimati"
    "|si stima|non confermato|sostiene",
    "ru": "по данным|по словам|по сообщениям|по информации|по оценкам|якобы|предположительно"
    "|вероятно|возможно|сообщается|как сообщается|по предварительным данным|подтвердил"
    "|подтвердили|подтвердила|подтверждает|подтверждают|не подтверждено|утверждает"
    "|утверждают|по мнению|судя по всему|по всей видимости",
    "uk": "за даними|за словами|за інформацією|за оцінками|за повідомленнями|нібито|імовірно"
    "|ймовірно|можливо|повідомляється|як повідомляється|за попередніми даними|підтвердив"
    "|підтвердили|підтверджує|стверджує|стверджують",
    "pl": "według|rzekomo|podobno|prawdopodobnie|przypuszczalnie|szacunkowo|szacuje się"
    "|potwierdził|potwierdzili|potwierdza|jak podaje|jak podają|twierdzi|twierdzą",
    "nl": "volgens|naar verluidt|vermoedelijk|bevestigd|naar schatting|waarschijnlijk",
    "pt": "de acordo com|supostamente|alegadamente|confirmou|estima-se|provavelmente",
}
# Words that are hedges in one language but ordinary elsewhere ("secondo" = second).
_HEDGES_OWN_LANGUAGE_ONLY: dict[str, str] = {
    "it": "secondo",
    "pt": "segundo|teria|teriam",
    "nl": "zou|zouden",
}


@lru_cache(maxsize=64)
def _hedge_pattern(code: str | None) -> re.Pattern[str]:
    if code in _HEDGES or code in _HEDGES_OWN_LANGUAGE_ONLY:
        groups = [_HEDGES["en"], _HEDGES.get(code, ""), _HEDGES_OWN_LANGUAGE_ONLY.get(code, "")]
    else:
        groups = list(_HEDGES.values())
    phrases = {p for g in groups for p in g.split("|") if p}
    alternatives = [
        r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split())
        for p in sorted(phrases, key=len, reverse=True)
    ]
    return re.compile(r"(?<![\w'’])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)


def detect_hedges(text: str, language: str | None = None) -> list[str]:
    """Attribution-level hedge/evidential words in a quote, lower-case, in order, once each.

    With a language, English and that language's words are searched; without one, every
    language's (except words that are common outside their language, such as "secondo").
    """
    code = _language_code(language) if language else None
    found: dict[str, None] = {}
    for m in _hedge_pattern(code).finditer(text):
        found.setdefault(" ".join(_lower(m.group()).split()), None)
    return list(found)


# --------------------------------------------------------------------------- export


def format_number(x: float) -> str:
    """Shortest text that reads back as the same float: 1375.0 -> "1375", 0.5 -> "0.5"."""
    x = float(x)
    if x.is_integer() and abs(x) < 1e16:
        return "-0" if x == 0 and math.copysign(1.0, x) < 0 else str(int(x))
    return repr(x)
