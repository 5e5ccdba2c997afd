"""Seeded generator of realistic synthetic war-reporting data in the import CSV format.

Usage::

    python -m benchmarks.generate --attributions 10000 --seed 1 --out /tmp/bench

writes ``claims.csv`` (one row per attribution, the importer's CSV format) and ``truth.json``
(ground truth for the dedupe and conflict benchmarks).  The output is byte-identical for a
given ``(attributions, seed)``; generation streams (memory does not grow with N).  Standard
library only.

Model of the data
-----------------
*Measure*
    ``(category, subject, metric, location)``, e.g. ``(troop_count, North Korean troops,
    deployed, Kursk Oblast)``.  A measure has a time series of true *facts*: a date and, for
    quantitative measures, a true value in a canonical unit (persons, km², percent, USD...).
    Facts of one measure are at least 12 days apart, so claims of different facts (each
    dated within ±2 days of its fact) are always more than 7 days apart.
*Topic*
    1-3 measures reported together (same place, same news events).  A fixed list of hot
    topics (North Korean troops in Kursk, Ukrainian-held territory in Kursk, Russian losses,
    North Korean shells, ...) takes about 15% of the rows with big duplicate clusters and
    heavy relaying; an endless stream of long-tail topics, each at a fresh (real or
    synthesized) village, supplies the rest, so the number of distinct measures grows
    linearly with N.  Tail subjects are skewed the way the news is (North Korean and
    Russian troops, Ukrainian-held territory in Kursk...).
*Claim*
    One figure (or qualitative statement) about one fact, in one language, worded one way.
    A fact is reported as a *duplicate cluster* of claims (most facts 1 claim, many 2-5, a
    few 10-30): reworded text, other rounding ("close to 60,000" / "some 59,000"), another
    unit (309 square miles / 800 km²), sometimes another language.  Every member's figure
    interval contains the true value and every member's representative value (the number,
    or for a range both ends and the midpoint) lies within 10% of the true value and inside
    every other member's interval.
*Attribution*
    One row: one report of a claim by an origin source (named or unnamed), relayed through a
    chain of outlets (``via``, nearest to the origin first, never containing the document's
    own outlet), read in one document.  Claims have 1..k attributions (about 3 on average):
    circular reporting of one origin through many outlets, or several origins.  A document
    carries one claim per fact, and often several claims of one news event.
*Near misses*
    Same measure on another date (a time series), the same figure at another location
    (location twins, same date), another count noun in the same measure ("6,700
    containers" vs "3 million shells", same date: neither duplicates nor conflicts).
*Conflicts* (about 1.5% of facts)
    A value conflict is an extra claim of the same measure dated exactly on the fact date,
    with an about/bare figure at least 30% away from the true value whose interval overlaps
    no cluster member's interval (it conflicts with every member).  A stance conflict is an
    extra cluster member whose attributions all *deny* the claim (it conflicts with every
    asserting member).  Facts with a conflict keep every member on the exact fact date.

Interval semantics (tolerance 10%, units converted first, 1 sq mi = 2.589988110336 km²):
about/around/roughly/some N -> [N-t, N+t] with t = max(0.1N, p); a bare number -> [N-p, N+p]
where p is half the place value of its last non-zero digit; close to/nearly/almost N ->
[0.9N, N]; up to N -> [0, N]; over N -> (N, inf); at least N -> [N, inf); under N -> [0, N);
between N and M -> [N, M].  No two claims of one measure within 7 days overlap unless they
are labelled duplicates, and none conflict unless the pair is labelled a conflict.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import sys
import time
from bisect import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property, lru_cache
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Protocol, TextIO, TypeVar

from provenance.ingest.records import CSV_COLUMNS

T = TypeVar("T")
_NON_SLUG = re.compile(r"[^a-z0-9]+")

COLUMNS: tuple[str, ...] = CSV_COLUMNS  # the import CSV format, defined once

START = date(2022, 2, 24)
END = date(2025, 12, 31)
END_ORD = END.toordinal()
LAST_FACT = date(2025, 11, 20)
MIN_GAP_DAYS = 12
HEAD_SHARE = 0.15
SQ_MI_KM2 = 2.589988110336
LANGS: tuple[str, ...] = ("en", "de", "fr", "es", "ru", "uk")
LANG_CUM: list[float] = list(accumulate((0.90, 0.03, 0.02, 0.015, 0.02, 0.015)))

# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def L(en: str, de: str, fr: str, es: str, ru: str, uk: str) -> dict[str, str]:
    """A phrase in the six languages of the corpus."""
    return {"en": en, "de": de, "fr": fr, "es": es, "ru": ru, "uk": uk}


def cum(weights: Iterable[float]) -> list[float]:
    return list(accumulate(weights))


@lru_cache(maxsize=1024)
def zipf(n: int, s: float = 1.0) -> list[float]:
    """Cumulative Zipf weights for ``n`` ranked items (cached: treat as read-only)."""
    return cum(1.0 / (i + 1) ** s for i in range(n))


def pick(rng: random.Random, items: Sequence[T], cum_weights: Sequence[float]) -> T:
    """Weighted choice from cumulative weights (faster than ``rng.choices`` for one item)."""
    return items[bisect(cum_weights, rng.random() * cum_weights[-1])]


def choice(rng: random.Random, items: Sequence[T]) -> T:
    """Uniform choice (faster than ``rng.choice``)."""
    return items[int(rng.random() * len(items))]


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@lru_cache(maxsize=8192)
def slugify(text: str) -> str:
    return _NON_SLUG.sub("-", text.lower()).strip("-")


def month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


@lru_cache(maxsize=4096)
def iso_day(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


# ---------------------------------------------------------------------------------------------
# Units, numbers and quantity phrases
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    key: str
    dim: str
    kind: str  # count | area | percent | money
    factor: float
    nouns: dict[str, tuple[str, ...]]


def _count_unit(key: str, nouns: dict[str, tuple[str, ...]]) -> Unit:
    return Unit(key, key, "count", 1.0, nouns)


def N(
    en: Sequence[str],
    de: Sequence[str],
    fr: Sequence[str],
    es: Sequence[str],
    ru: Sequence[str],
    uk: Sequence[str],
) -> dict[str, tuple[str, ...]]:
    """Surface forms of a unit noun per language (synonyms share one unit)."""
    return {
        "en": tuple(en),
        "de": tuple(de),
        "fr": tuple(fr),
        "es": tuple(es),
        "ru": tuple(ru),
        "uk": tuple(uk),
    }


UNITS: dict[str, Unit] = {
    u.key: u
    for u in (
        _count_unit(
            "troops",
            N(
                ["troops", "soldiers"],
                ["Soldaten"],
                ["soldats"],
                ["soldados"],
                ["военнослужащих", "солдат"],
                ["військових", "військовослужбовців"],
            ),
        ),
        _count_unit(
            "civilians",
            N(
                ["civilians", "people", "residents"],
                ["Zivilisten", "Menschen", "Einwohner"],
                ["civils", "personnes", "habitants"],
                ["civiles", "personas"],
                ["мирных жителей", "человек", "жителей"],
                ["цивільних", "людей", "мешканців"],
            ),
        ),
        _count_unit(
            "shells",
            N(
                ["shells", "artillery shells"],
                ["Granaten", "Artilleriegranaten"],
                ["obus"],
                ["proyectiles"],
                ["снарядов"],
                ["снарядів"],
            ),
        ),
        _count_unit(
            "containers",
            N(
                ["containers"],
                ["Container"],
                ["conteneurs"],
                ["contenedores"],
                ["контейнеров"],
                ["контейнерів"],
            ),
        ),
        _count_unit(
            "tanks", N(["tanks"], ["Panzer"], ["chars"], ["tanques"], ["танков"], ["танків"])
        ),
        _count_unit(
            "vehicles",
            N(
                ["armoured vehicles", "armored vehicles"],
                ["gepanzerte Fahrzeuge"],
                ["véhicules blindés"],
                ["vehículos blindados"],
                ["бронемашин"],
                ["бронемашин"],
            ),
        ),
        _count_unit(
            "ad_systems",
            N(
                ["air defence systems", "air defense systems"],
                ["Luftabwehrsysteme"],
                ["systèmes de défense aérienne"],
                ["sistemas de defensa aérea"],
                ["систем ПВО"],
                ["систем ППО"],
            ),
        ),
        _count_unit(
            "drones",
            N(
                ["drones", "attack drones"],
                ["Drohnen"],
                ["drones"],
                ["drones"],
                ["беспилотников", "дронов"],
                ["безпілотників", "дронів"],
            ),
        ),
        _count_unit(
            "missiles",
            N(["missiles"], ["Raketen"], ["missiles"], ["misiles"], ["ракет"], ["ракет"]),
        ),
        _count_unit(
            "battalions",
            N(
                ["battalions"],
                ["Bataillone"],
                ["bataillons"],
                ["batallones"],
                ["батальонов"],
                ["батальйонів"],
            ),
        ),
        _count_unit(
            "settlements",
            N(
                ["settlements", "villages"],
                ["Ortschaften", "Dörfer"],
                ["localités", "villages"],
                ["localidades"],
                ["населённых пунктов"],
                ["населених пунктів"],
            ),
        ),
        Unit(
            "km2",
            "area",
            "area",
            1.0,
            N(
                ["km²", "square kilometres", "sq km"],
                ["km²", "Quadratkilometer"],
                ["km²", "kilomètres carrés"],
                ["km²", "kilómetros cuadrados"],
                ["км²", "кв. км"],
                ["км²", "кв. км"],
            ),
        ),
        Unit("sqmi", "area", "area", SQ_MI_KM2, {"en": ("square miles", "sq mi")}),
        Unit(
            "percent",
            "percent",
            "percent",
            1.0,
            N(
                ["percent", "per cent", "%"],
                ["Prozent", "%"],
                ["%"],
                ["por ciento", "%"],
                ["%", "процентов"],
                ["%", "відсотків"],
            ),
        ),
        Unit(
            "usd",
            "usd",
            "money",
            1.0,
            N(["$"], ["Dollar", "US-Dollar"], ["dollars"], ["dólares"], ["долларов"], ["доларів"]),
        ),
        Unit(
            "eur", "eur", "money", 1.0, N(["€"], ["Euro"], ["euros"], ["euros"], ["евро"], ["євро"])
        ),
        Unit(
            "gbp",
            "gbp",
            "money",
            1.0,
            N(["£"], ["Pfund"], ["livres sterling"], ["libras"], ["фунтов"], ["фунтів"]),
        ),
    )
}

QUALIFIER_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "about": ("about", "around", "roughly", "some", "approximately"),
        "close_to": ("close to", "nearly", "almost"),
        "up_to": ("up to",),
        "over": ("over", "more than"),
        "at_least": ("at least",),
        "under": ("under", "less than"),
    },
    "de": {
        "about": ("etwa", "rund", "ungefähr", "circa"),
        "close_to": ("fast", "knapp", "beinahe"),
        "up_to": ("bis zu",),
        "over": ("über", "mehr als"),
        "at_least": ("mindestens",),
        "under": ("weniger als", "unter"),
    },
    "fr": {
        "about": ("environ", "quelque", "approximativement"),
        "close_to": ("près de", "presque"),
        "up_to": ("jusqu'à",),
        "over": ("plus de",),
        "at_least": ("au moins",),
        "under": ("moins de",),
    },
    "es": {
        "about": ("unos", "alrededor de", "aproximadamente"),
        "close_to": ("casi", "cerca de"),
        "up_to": ("hasta",),
        "over": ("más de",),
        "at_least": ("al menos",),
        "under": ("menos de",),
    },
    "ru": {
        "about": ("около", "примерно", "порядка"),
        "close_to": ("почти", "без малого"),
        "up_to": ("до",),
        "over": ("более", "свыше"),
        "at_least": ("не менее",),
        "under": ("менее",),
    },
    "uk": {
        "about": ("близько", "приблизно", "орієнтовно"),
        "close_to": ("майже",),
        "up_to": ("до",),
        "over": ("понад", "більше"),
        "at_least": ("щонайменше", "не менше"),
        "under": ("менше",),
    },
}

RANGE_FORMS: dict[str, tuple[str, ...]] = {
    "en": ("between {a} and {b}", "{a} to {b}"),
    "de": ("zwischen {a} und {b}", "{a} bis {b}"),
    "fr": ("entre {a} et {b}", "de {a} à {b}"),
    "es": ("entre {a} y {b}",),
    "ru": ("от {a} до {b}",),
    "uk": ("від {a} до {b}",),
}

MULT_WORDS: dict[str, dict[int, str]] = {
    "de": {10**6: "Mio.", 10**9: "Mrd."},
    "ru": {10**6: "млн", 10**9: "млрд"},
    "uk": {10**6: "млн", 10**9: "млрд"},
}
MONEY_SYMBOL = {"usd": "$", "eur": "€", "gbp": "£"}


@dataclass(frozen=True, slots=True)
class Figure:
    """A stated quantity: qualifier, number(s) as written, multiplier and unit.

    The numbers as written are ``a_digits * 10**exp`` (and ``b_digits * 10**exp`` for a
    range), times ``mult`` (million, billion) in ``unit``.
    """

    qual: str  # exact about close_to up_to over at_least under range
    a_digits: int
    b_digits: int | None
    exp: int
    mult: int
    unit: str
    lo: float  # interval in the canonical unit of the dimension
    hi: float
    reps: tuple[float, ...]  # representative values (canonical unit)

    @property
    def a(self) -> Decimal:
        return Decimal(self.a_digits).scaleb(self.exp)

    @property
    def b(self) -> Decimal | None:
        return None if self.b_digits is None else Decimal(self.b_digits).scaleb(self.exp)


def half_place(digits: int, exp: int) -> float:
    """Half the place value of the last non-zero digit of ``digits * 10**exp``."""
    while digits and digits % 10 == 0:
        digits //= 10
        exp += 1
    return 0.5 * 10.0**exp


def make_figure(
    qual: str, a_digits: int, b_digits: int | None, exp: int, mult: int, unit: str
) -> Figure:
    factor = UNITS[unit].factor * mult
    n = _scaled(a_digits, exp) * factor
    if qual == "range":
        assert b_digits is not None
        m = _scaled(b_digits, exp) * factor
        return Figure(qual, a_digits, b_digits, exp, mult, unit, n, m, (n, (n + m) / 2, m))
    p = half_place(a_digits, exp) * factor
    lo, hi = _interval(qual, n, p)
    return Figure(qual, a_digits, b_digits, exp, mult, unit, lo, hi, (n,))


def _scaled(digits: int, exp: int) -> float:
    """``digits * 10**exp`` rounded once, exactly like ``float(Decimal(...))``."""
    return digits * 10.0**exp if exp >= 0 else digits / 10.0**-exp


def _interval(qual: str, n: float, p: float) -> tuple[float, float]:
    """The interval of "<qual> n" (p: the rounding of the number as written)."""
    if qual == "exact":
        return n - p, n + p
    if qual == "about":
        t = max(0.1 * n, p)
        return n - t, n + t
    if qual == "close_to":
        return 0.9 * n, n
    if qual in ("over", "at_least"):
        return n, math.inf
    return 0.0, n  # up_to, under


def round_sig(x: float, sig: int, min_exp: int, mode: str) -> tuple[int, int]:
    """``x`` as ``(digits, exp)`` with ``sig`` significant digits but no finer than 10**min_exp.

    mode: "near" (half up), "up" (ceiling) or "down" (floor).
    """
    if x <= 0:
        return 0, 0
    exp = max(math.floor(math.log10(x)) - sig + 1, min_exp)
    scaled = x / 10.0**exp
    if mode == "near":
        return math.floor(scaled + 0.5), exp
    if mode == "up":
        return math.ceil(scaled - 1e-9), exp
    return math.floor(scaled + 1e-9), exp


def plain_number(d: Decimal) -> str:
    """A number without grouping, e.g. 1376 or 1.5 or 1500000."""
    text = format(d.normalize(), "f")
    return text


SWAP_SEPARATORS = str.maketrans(",.", ".,")


def format_number(d: Decimal, lang: str) -> str:
    grouped = format(d.normalize(), ",f")
    if lang in ("es", "ru", "uk") and 1000 <= d < 10000:
        grouped = grouped.replace(",", "")
    if lang == "en":
        return grouped
    if lang in ("de", "es"):
        return grouped.translate(SWAP_SEPARATORS)
    return grouped.replace(",", " ").replace(".", ",")


def _elide(word: str) -> str:
    return "d'" if word[:1] in "aeiouéh" else "de "


def _million_phrase(num: str, d: Decimal, mult: int, noun: str, lang: str, variant: int) -> str:
    """Counts in millions (and money in millions/billions) outside the English forms."""
    if lang == "fr":
        word = "million" if mult == 10**6 else "milliard"
        return f"{num} {word}{'s' if d >= 2 else ''} {_elide(noun)}{noun}"
    if lang == "es":
        return f"{num} {'millón' if d == 1 else 'millones'} de {noun}"
    if lang == "de" and variant % 2 == 1:
        word = "Millionen" if mult == 10**6 else "Milliarden"
        return f"{num} {word} {noun}"
    return f"{num} {MULT_WORDS[lang][mult]} {noun}"


def render_amount(d: Decimal, mult: int, unit: Unit, lang: str, variant: int) -> str:
    """The number with its multiplier and unit, as written in ``lang``."""
    if lang == "es" and mult == 10**9:
        d, mult = d * 1000, 10**6
    num = format_number(d, lang)
    nouns = unit.nouns.get(lang) or unit.nouns["en"]
    noun = nouns[variant % len(nouns)]
    if unit.kind == "money" and lang == "en":
        word = {1: "", 10**6: " million", 10**9: " billion"}[mult]
        return f"{MONEY_SYMBOL[unit.key]}{num}{word}"
    if mult > 1 and lang == "en":
        return f"{num} {'million' if mult == 10**6 else 'billion'} {noun}"
    if mult > 1:
        return _million_phrase(num, d, mult, noun, lang, variant)
    if noun == "%":
        return f"{num} %" if lang in ("de", "fr") else f"{num}%"
    return f"{num} {noun}"


def render_quantity(fig: Figure, lang: str, rng: random.Random) -> tuple[str, str]:
    """Return (quantity phrase, unit as written)."""
    unit = UNITS[fig.unit]
    variant = int(rng.random() * 6)
    if fig.qual == "range":
        assert fig.b is not None
        form = choice(rng, RANGE_FORMS[lang])
        amount = render_amount(fig.b, fig.mult, unit, lang, variant)
        phrase = form.format(a=format_number(fig.a, lang), b=amount)
    else:
        amount = render_amount(fig.a, fig.mult, unit, lang, variant)
        words = QUALIFIER_WORDS[lang].get(fig.qual)
        phrase = f"{choice(rng, words)} {amount}" if words else amount
    return phrase, _unit_as_written(unit, lang, variant)


def _unit_as_written(unit: Unit, lang: str, variant: int) -> str:
    if unit.kind == "money":
        return unit.key.upper()
    nouns = unit.nouns.get(lang) or unit.nouns["en"]
    return nouns[variant % len(nouns)].replace("²", "2")


def explicit_fields(fig: Figure, unit_written: str) -> tuple[str, str, str, str, str]:
    """(qualifier, value, low, high, unit) filled explicitly and consistently."""
    if fig.qual == "range":
        assert fig.b is not None
        low, high = plain_number(fig.a * fig.mult), plain_number(fig.b * fig.mult)
        return "range", "", low, high, unit_written
    return fig.qual, plain_number(fig.a * fig.mult), "", "", unit_written


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    name: str  # the location column
    en_at: str  # "in Kursk Oblast", "near Hlyboke in Kharkiv Oblast"
    names: dict[str, str]  # standalone name per language


# fmt: off
OBLASTS: dict[str, dict[str, str]] = {
    "Donetsk Oblast": L("Donetsk Oblast", "Gebiet Donezk", "oblast de Donetsk", "óblast de Donetsk",
                        "Донецкая область", "Донецька область"),
    "Luhansk Oblast": L("Luhansk Oblast", "Gebiet Luhansk", "oblast de Louhansk",
                        "óblast de Lugansk",
                        "Луганская область", "Луганська область"),
    "Kharkiv Oblast": L("Kharkiv Oblast", "Gebiet Charkiw", "oblast de Kharkiv", "óblast de Járkov",
                        "Харьковская область", "Харківська область"),
    "Zaporizhzhia Oblast": L("Zaporizhzhia Oblast", "Gebiet Saporischschja", "oblast de Zaporijjia",
                             "óblast de Zaporiyia", "Запорожская область", "Запорізька область"),
    "Kherson Oblast": L("Kherson Oblast", "Gebiet Cherson", "oblast de Kherson", "óblast de Jersón",
                        "Херсонская область", "Херсонська область"),
    "Sumy Oblast": L("Sumy Oblast", "Gebiet Sumy", "oblast de Soumy", "óblast de Sumy",
                     "Сумская область", "Сумська область"),
    "Dnipropetrovsk Oblast": L("Dnipropetrovsk Oblast", "Gebiet Dnipropetrowsk",
                               "oblast de Dnipropetrovsk", "óblast de Dnipropetrovsk",
                               "Днепропетровская область", "Дніпропетровська область"),
    "Kursk Oblast": L("Kursk Oblast", "Gebiet Kursk", "oblast de Koursk", "óblast de Kursk",
                      "Курская область", "Курська область"),
    "Belgorod Oblast": L("Belgorod Oblast", "Gebiet Belgorod", "oblast de Belgorod",
                         "óblast de Bélgorod", "Белгородская область", "Бєлгородська область"),
    "Gomel Region": L("Gomel Region", "Gebiet Gomel", "région de Gomel", "región de Gómel",
                      "Гомельская область", "Гомельська область"),
}

SEED_TOWNS: dict[str, tuple[str, ...]] = {
    "Donetsk Oblast": ("Pokrovsk", "Toretsk", "Chasiv Yar", "Kurakhove", "Vuhledar", "Selydove",
                       "Myrnohrad", "Kostiantynivka", "Avdiivka", "Krasnohorivka", "Ocheretyne",
                       "Velyka Novosilka", "Niu-York", "Hrodivka", "Pishchane"),
    "Kharkiv Oblast": ("Vovchansk", "Kupiansk", "Lyptsi", "Hlyboke", "Borova", "Kindrashivka"),
    "Zaporizhzhia Oblast": ("Robotyne", "Orikhiv", "Huliaipole", "Stepnohirsk", "Kamianske"),
    "Luhansk Oblast": ("Kreminna", "Svatove", "Makiivka", "Bilohorivka"),
    "Kherson Oblast": ("Krynky", "Beryslav", "Antonivka"),
    "Sumy Oblast": ("Yunakivka", "Bilopillia", "Khotin"),
    "Dnipropetrovsk Oblast": ("Nikopol", "Marhanets", "Mezhova"),
    "Kursk Oblast": ("Sudzha", "Plekhovo", "Martynovka", "Malaya Loknya", "Sverdlikovo",
                     "Lyubimovka", "Darino", "Olgovka", "Tetkino", "Kurilovka"),
    "Belgorod Oblast": ("Shebekino", "Grayvoron", "Kozinka", "Zhuravlevka"),
    "Gomel Region": ("Mozyr", "Yelsk"),
}

UA_NAME_PARTS = (
    ("", "Novo", "Staro", "Velyka ", "Mala ", "Verkhnia ", "Nyzhnia ", "Zelena "),
    ("hryhor", "mykhail", "olen", "petr", "ivan", "andri", "vasyl", "serhi", "pavl", "semen",
     "stepan", "fedor", "bohdan", "dmytr", "oleksandr", "kostiantyn", "yakiv", "mar", "kateryn",
     "hal", "zelen", "dobr", "kamian", "lozov", "bereh", "klyn", "sosn", "dub", "lyp", "vyshn",
     "berez", "kalyn", "zolot", "ton", "hlyb", "kruh", "chervon", "sukh", "mokr", "pishch",
     "krasn", "yasn", "tykh", "vesel", "shyrok", "pryvil", "rozdol", "sviat", "bil", "chorn"),
    ("ivka", "ivske", "ove", "yne", "ka", "ivtsi", "ysche", "any", "opil", "ytsia", "ivo", "ky"),
)
RU_NAME_PARTS = (
    ("", "Novo", "Staro", "Bolshaya ", "Malaya ", "Verkhnyaya ", "Nizhnyaya ", "Krasnaya "),
    UA_NAME_PARTS[1],
    ("ovka", "ino", "oye", "evo", "skoye", "ovo", "ka", "itsy", "ishche", "any", "ovets", "ki"),
)
RU_OBLASTS = ("Kursk Oblast", "Belgorod Oblast", "Gomel Region")
# fmt: on


class PlaceRegistry:
    """Hands out unique places: real towns first, then synthesized villages, then numbers."""

    def __init__(self, seed: int) -> None:
        self.counters: dict[str, int] = dict.fromkeys(OBLASTS, 0)
        self.offset = seed % 997

    def fresh(self, oblast: str) -> Place:
        j = self.counters[oblast]
        self.counters[oblast] = j + 1
        name = self._name(oblast, j)
        names = {lang: f"{name} ({OBLASTS[oblast][lang]})" for lang in LANGS}
        names["en"] = f"{name}, {oblast}"
        return Place(f"{name}, {oblast}", f"near {name} in {oblast}", names)

    def _name(self, oblast: str, j: int) -> str:
        seeds = SEED_TOWNS[oblast]
        if j < len(seeds):
            return seeds[j]
        k = j - len(seeds)
        prefixes, roots, suffixes = RU_NAME_PARTS if oblast in RU_OBLASTS else UA_NAME_PARTS
        capacity = len(prefixes) * len(roots) * len(suffixes)
        if k >= capacity:
            return f"village {k - capacity + 1:04d}"
        idx = (k * 7919 + self.offset) % capacity
        prefix = prefixes[idx % len(prefixes)]
        root = roots[(idx // len(prefixes)) % len(roots)]
        suffix = suffixes[idx // (len(prefixes) * len(roots))]
        stem = root + suffix
        name = prefix + stem if prefix and not prefix.endswith(" ") else prefix + cap_first(stem)
        if name in seeds:  # e.g. Kostiantynivka: keep real and synthesized places apart
            name = ("Novaya " if oblast in RU_OBLASTS else "Nova ") + name
        return name


def _place(name: str, en_at: str, names: dict[str, str]) -> Place:
    return Place(name, en_at, names)


# fmt: off
P_KURSK = _place("Kursk Oblast", "in Kursk Oblast", OBLASTS["Kursk Oblast"])
P_BELGOROD = _place("Belgorod Oblast", "in Belgorod Oblast", OBLASTS["Belgorod Oblast"])
P_DONETSK = _place("Donetsk Oblast", "in Donetsk Oblast", OBLASTS["Donetsk Oblast"])
P_KHARKIV = _place("Kharkiv Oblast", "in Kharkiv Oblast", OBLASTS["Kharkiv Oblast"])
P_UKRAINE = _place("Ukraine", "in Ukraine", L("Ukraine", "Ukraine", "Ukraine", "Ucrania",
                                              "Украина", "Україна"))
P_RUSSIA = _place("Russia", "in Russia", L("Russia", "Russland", "Russie", "Rusia", "Россия",
                                           "Росія"))
P_POKROVSK_DIR = _place("Pokrovsk direction", "in the Pokrovsk direction",
                        L("Pokrovsk direction", "Richtung Pokrowsk", "direction de Pokrovsk",
                          "dirección de Pokrovsk", "Покровское направление",
                          "Покровський напрямок"))
P_KURAKHOVE_DIR = _place("Kurakhove direction", "in the Kurakhove direction",
                         L("Kurakhove direction", "Richtung Kurachowe", "direction de Kourakhove",
                           "dirección de Kurájove", "Курахово направление",
                           "Курахівський напрямок"))
P_KORENEVO = _place("Korenevo", "near Korenevo", L("Korenevo", "Korenewo", "Korenevo", "Korenevo",
                                                   "Коренево", "Коренево"))
P_PRIMORSKY = _place("Primorsky Krai", "in Primorsky Krai",
                     L("Primorsky Krai", "Region Primorje", "kraï du Primorié", "krai de Primorie",
                       "Приморский край", "Приморський край"))
# fmt: on


# ---------------------------------------------------------------------------------------------
# Sources and outlets
# ---------------------------------------------------------------------------------------------

SIDES: tuple[str, ...] = ("ua", "ru", "west", "kr", "kp", "neutral")


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    named: bool
    affiliation: str
    reliability: str
    side: str
    is_outlet: bool = False

    @cached_property
    def fields(self) -> tuple[str, str, str, str, str]:
        named = "true" if self.named else "false"
        return self.name, self.kind, named, self.affiliation, self.reliability


# fmt: off
NAMED_SOURCES: tuple[tuple[str, str, str, str, str], ...] = (
    # name, kind, affiliation, reliability, side
    ("General Staff of the Armed Forces of Ukraine", "military", "Armed Forces of Ukraine", "B",
     "ua"),
    ("Oleksandr Syrskyi", "military", "Armed Forces of Ukraine", "B", "ua"),
    ("Volodymyr Zelensky", "official", "Office of the President of Ukraine", "C", "ua"),
    ("Ukrainian Ministry of Defence", "government", "Ukrainian Ministry of Defence", "B", "ua"),
    ("Main Intelligence Directorate of Ukraine", "intelligence_agency",
     "Ukrainian Ministry of Defence", "C", "ua"),
    ("Kyrylo Budanov", "official", "Main Intelligence Directorate of Ukraine", "C", "ua"),
    ("Andriy Yusov", "official", "Main Intelligence Directorate of Ukraine", "C", "ua"),
    ("Andrii Kovalenko", "official", "Centre for Countering Disinformation", "C", "ua"),
    ("Rustem Umerov", "official", "Ukrainian Ministry of Defence", "B", "ua"),
    ("Dmytro Lykhovii", "military", "Armed Forces of Ukraine", "C", "ua"),
    ("Nazar Voloshyn", "military", "Khortytsia operational-strategic group", "C", "ua"),
    ("Viktor Trehubov", "military", "Khortytsia operational-strategic group", "C", "ua"),
    ("Yurii Ihnat", "military", "Ukrainian Air Force", "B", "ua"),
    ("Ukrainian Air Force", "military", "Armed Forces of Ukraine", "B", "ua"),
    ("Security Service of Ukraine", "intelligence_agency", "Security Service of Ukraine", "C",
     "ua"),
    ("DeepState", "social_media", "DeepState", "B", "ua"),
    ("Russian Ministry of Defence", "government", "Russian Ministry of Defence", "D", "ru"),
    ("Dmitry Peskov", "official", "Kremlin", "D", "ru"),
    ("Vladimir Putin", "official", "Kremlin", "D", "ru"),
    ("Maria Zakharova", "official", "Russian Ministry of Foreign Affairs", "E", "ru"),
    ("Andrei Belousov", "official", "Russian Ministry of Defence", "D", "ru"),
    ("Valery Gerasimov", "military", "Russian General Staff", "D", "ru"),
    ("Alexei Smirnov", "official", "Kursk regional government", "D", "ru"),
    ("Alexander Khinshtein", "official", "Kursk regional government", "D", "ru"),
    ("Vyacheslav Gladkov", "official", "Belgorod regional government", "D", "ru"),
    ("Apti Alaudinov", "military", "Akhmat special forces", "E", "ru"),
    ("Rybar", "social_media", "Rybar", "D", "ru"),
    ("Two Majors", "social_media", "Two Majors", "E", "ru"),
    ("Pentagon", "government", "US Department of Defense", "B", "west"),
    ("Lloyd Austin", "official", "US Department of Defense", "B", "west"),
    ("Sabrina Singh", "official", "US Department of Defense", "B", "west"),
    ("John Kirby", "official", "US National Security Council", "B", "west"),
    ("Antony Blinken", "official", "US Department of State", "B", "west"),
    ("Matthew Miller", "official", "US Department of State", "B", "west"),
    ("UK Ministry of Defence", "government", "UK Ministry of Defence", "B", "west"),
    ("Mark Rutte", "official", "NATO", "B", "west"),
    ("Jens Stoltenberg", "official", "NATO", "B", "west"),
    ("Boris Pistorius", "official", "German Ministry of Defence", "B", "west"),
    ("Estonian Defence Forces", "military", "Estonian Defence Forces", "B", "west"),
    ("National Intelligence Service of South Korea", "intelligence_agency",
     "National Intelligence Service", "B", "kr"),
    ("South Korean Joint Chiefs of Staff", "military", "Republic of Korea Armed Forces", "B", "kr"),
    ("Shin Won-sik", "official", "South Korean Office of National Security", "B", "kr"),
    ("Lee Seong-kweun", "official", "National Assembly Intelligence Committee", "C", "kr"),
    ("Park Sun-won", "official", "National Assembly Intelligence Committee", "C", "kr"),
    ("Kim Yong-hyun", "official", "South Korean Ministry of National Defense", "B", "kr"),
    ("KCNA", "news_agency", "Korean Central News Agency", "E", "kp"),
    ("Kim Yo Jong", "official", "Workers' Party of Korea", "E", "kp"),
    ("North Korean Foreign Ministry", "government", "North Korean Foreign Ministry", "E", "kp"),
    ("Institute for the Study of War", "think_tank", "Institute for the Study of War", "B",
     "neutral"),
    ("Royal United Services Institute", "think_tank", "Royal United Services Institute", "B",
     "neutral"),
    ("Center for Strategic and International Studies", "think_tank",
     "Center for Strategic and International Studies", "B", "neutral"),
    ("International Institute for Strategic Studies", "think_tank",
     "International Institute for Strategic Studies", "B", "neutral"),
    ("Kiel Institute for the World Economy", "think_tank", "Kiel Institute", "A", "neutral"),
    ("Oryx", "other", "Oryx", "B", "neutral"),
    ("Mediazona", "news_outlet", "Mediazona", "B", "neutral"),
    ("BBC Russian", "news_outlet", "BBC", "B", "neutral"),
    ("UN Human Rights Monitoring Mission in Ukraine", "other", "United Nations", "A", "neutral"),
    ("Office of the UN High Commissioner for Human Rights", "other", "United Nations", "A",
     "neutral"),
    ("Human Rights Watch", "ngo", "Human Rights Watch", "B", "neutral"),
    ("Amnesty International", "ngo", "Amnesty International", "B", "neutral"),
    ("Conflict Intelligence Team", "other", "Conflict Intelligence Team", "C", "neutral"),
    ("Rochan Consulting", "think_tank", "Rochan Consulting", "B", "neutral"),
    ("Frontelligence Insight", "social_media", "Frontelligence Insight", "C", "neutral"),
    ("Black Bird Group", "other", "Black Bird Group", "C", "neutral"),
    ("Reuters", "news_agency", "Reuters", "A", "neutral"),
    ("Associated Press", "news_agency", "Associated Press", "A", "neutral"),
    ("Agence France-Presse", "news_agency", "Agence France-Presse", "A", "neutral"),
)

PERSON_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ua": (("Andriy", "Oleksandr", "Serhiy", "Mykola", "Dmytro", "Yuriy", "Ihor", "Taras", "Bohdan",
            "Vitaliy", "Oksana", "Iryna", "Olena", "Nataliia", "Yuliia", "Kateryna", "Maksym",
            "Roman", "Vasyl", "Petro"),
           ("Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Oliinyk", "Melnyk",
            "Moroz", "Lysenko", "Marchenko", "Savchenko", "Rudenko", "Petrenko", "Klymenko",
            "Pavlenko", "Hnatiuk", "Kovalchuk", "Boiko", "Polishchuk", "Hrytsenko")),
    "ru": (("Alexei", "Dmitry", "Sergei", "Andrei", "Nikolai", "Igor", "Mikhail", "Yevgeny",
            "Pavel",
            "Anna", "Yelena", "Olga", "Tatiana", "Maria", "Roman", "Kirill"),
           ("Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov",
            "Morozov", "Volkov", "Solovyov", "Vasiliev", "Pavlov", "Semyonov", "Golubev",
            "Vinogradov", "Bogdanov", "Vorobyov", "Fyodorov", "Orlov")),
    "west": (("John", "Michael", "David", "James", "Robert", "Sarah", "Emily", "Laura", "Thomas",
              "Daniel", "Mark", "Anna", "Peter", "Karen", "Susan", "Richard", "Julia", "Paul",
              "Rebecca", "Helen"),
             ("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
              "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Clark", "Lewis", "Walker", "Hall",
              "Young", "Robinson", "Wright")),
    "kr": (("Min-jun", "Seo-yeon", "Ji-hoon", "Hyun-woo", "Sung-min", "Ji-won", "Dong-hyun",
            "Young-ho", "Eun-ji", "Jae-won"),
           ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim")),
}
PERSON_NAMES["neutral"] = PERSON_NAMES["west"]
RU_FEMALE_NAMES = frozenset({"Anna", "Yelena", "Olga", "Tatiana", "Maria"})
PERSON_NAMES["kp"] = PERSON_NAMES["kr"]

BRIGADES = (3, 24, 28, 36, 41, 47, 53, 61, 65, 72, 79, 80, 82, 93, 95, 110, 116, 128, 155)
# role templates per side: (role, kind, affiliation); {b} is a brigade, {o} an oblast
PERSON_ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "ua": (("military", "{b} Separate Mechanized Brigade"),
           ("official", "{o} Military Administration"),
           ("official", "Verkhovna Rada"), ("military", "{b} Separate Assault Battalion"),
           ("person", "Armed Forces of Ukraine")),
    "ru": (("social_media", "Telegram"), ("official", "State Duma"),
           ("military", "Akhmat special forces"),
           ("person", "Russian war correspondents"), ("official", "Federation Council")),
    "west": (("person", "Institute for the Study of War"), ("official", "US Senate"),
             ("person", "Royal United Services Institute"), ("official", "UK Parliament"),
             ("person", "Carnegie Endowment for International Peace")),
    "kr": (("official", "National Assembly of South Korea"),
           ("person", "Korea Institute for Defense Analyses")),
    "kp": (("official", "Korean People's Army"),),
    "neutral": (("person", "independent military analysts"), ("social_media", "independent OSINT"),
                ("person", "Finnish Black Bird Group")),
}
PERSONS_PER_SIDE = {"ua": 60, "ru": 50, "west": 60, "kr": 25, "kp": 5, "neutral": 40}

UNNAMED_AFFILIATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    # affiliation, kind
    "ua": (("Ukrainian General Staff", "military"), ("Ukrainian Ministry of Defence", "government"),
           ("Main Intelligence Directorate of Ukraine", "intelligence_agency"),
           ("Security Service of Ukraine", "intelligence_agency"),
           ("Office of the President of Ukraine", "government"),
           ("Khortytsia operational-strategic group", "military"),
           ("Ukrainian Air Force", "military")),
    "ru": (("Russian Ministry of Defence", "government"), ("Kremlin", "government"),
           ("Russian General Staff", "military"), ("Kursk regional government", "government"),
           ("Federal Security Service", "intelligence_agency")),
    "west": (("Pentagon", "government"), ("US State Department", "government"),
             ("White House", "government"), ("UK Ministry of Defence", "government"),
             ("NATO", "military"), ("German Ministry of Defence", "government"),
             ("Estonian military intelligence", "intelligence_agency")),
    "kr": (("South Korean National Intelligence Service", "intelligence_agency"),
           ("South Korean Joint Chiefs of Staff", "military"),
           ("South Korean Ministry of National Defense", "government"),
           ("South Korean presidential office", "government")),
    "kp": (("Korean People's Army", "military"),),
    "neutral": (("International Committee of the Red Cross", "ngo"),
                ("UN Human Rights Monitoring Mission in Ukraine", "other")),
}
UNNAMED_PATTERNS = ("unnamed official of the {a}", "senior official of the {a}",
                    "source in the {a}",
                    "unnamed officer of the {a}", "two officials of the {a}",
                    "person familiar with assessments of the {a}")
UNNAMED_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "ua": ("Ukrainian",), "ru": ("Russian",),
    "west": ("US", "Western", "British", "European", "NATO"),
    "kr": ("South Korean",), "kp": ("North Korean",), "neutral": ("Western", "independent"),
}
ADJECTIVE_AFFILIATIONS = {"Western": "Western governments", "British": "UK government",
                          "European": "European Union", "NATO": "NATO",
                          "independent": "independent analysts"}
UNNAMED_ADJ_PATTERNS = (("{j} intelligence source", "intelligence_agency"),
                        ("{j} military source", "military"),
                        ("senior {j} defence official", "official"),
                        ("{j} diplomatic source", "official"),
                        ("unnamed {j} officials", "official"))

OUTLETS_SEED: dict[str, tuple[str, ...]] = {
    "en": ("BBC News", "The Guardian", "Daily Express", "The Times", "The Telegraph", "Sky News",
           "The Independent", "Financial Times", "The Economist", "CNN", "The New York Times",
           "The Washington Post", "The Wall Street Journal", "Politico", "Newsweek", "Fox News",
           "NBC News", "CBS News", "ABC News", "Al Jazeera", "DW", "France 24", "Euronews",
           "Kyiv Independent", "Kyiv Post", "The Moscow Times", "Meduza", "RFE/RL",
           "The Korea Herald", "Korea JoongAng Daily", "The Korea Times", "NK News",
           "Business Insider", "The Hill", "Daily Mail", "The Sun", "Mirror", "Evening Standard",
           "Axios", "Defense News", "Breaking Defense", "The Atlantic", "Bloomberg"),
    "de": ("Der Spiegel", "Süddeutsche Zeitung", "Frankfurter Allgemeine Zeitung", "Die Zeit",
           "Bild",
           "tagesschau.de", "n-tv", "Die Welt", "ZDFheute", "taz", "Handelsblatt",
           "Neue Zürcher Zeitung", "Der Standard", "Focus Online", "dpa"),
    "fr": ("Le Monde", "Le Figaro", "Libération", "franceinfo", "Le Parisien", "Ouest-France",
           "L'Express", "Le Point", "20 Minutes", "RFI", "La Croix", "Les Échos", "AFP"),
    "es": ("El País", "El Mundo", "ABC", "La Vanguardia", "RTVE", "El Confidencial", "20minutos",
           "Clarín", "Infobae", "La Nación", "EFE"),
    "ru": ("Meduza (Russian)", "Novaya Gazeta Europe", "TV Rain", "Kommersant", "RBC", "Izvestia",
           "Vedomosti", "Fontanka", "Radio Svoboda", "The Insider", "TASS", "RIA Novosti",
           "Interfax"),
    "uk": ("Ukrainska Pravda", "RBC-Ukraine", "Suspilne", "NV", "TSN", "Ekonomichna Pravda",
           "Dzerkalo Tyzhnia", "Hromadske", "UNIAN", "Censor.net", "Ukrinform", "Interfax-Ukraine"),
}
AGENCIES = ("Reuters", "Associated Press", "AFP", "dpa", "Yonhap", "Ukrinform", "Interfax-Ukraine",
            "TASS", "RIA Novosti", "Interfax", "EFE", "Kyodo News", "Bloomberg")
AGENCY_LANG = {"AFP": "fr", "dpa": "de", "Ukrinform": "uk", "Interfax-Ukraine": "uk", "TASS": "ru",
               "RIA Novosti": "ru", "Interfax": "ru", "EFE": "es", "Bloomberg": "en"}
SYNTH_OUTLETS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, int]] = {
    # first parts, second parts, pattern, how many
    "en": (("Millbrook", "Eastport", "Harwick", "Lakeside", "Fairhaven", "Riverton", "Oakridge",
            "Westfield", "Brookdale", "Northam", "Kingsbridge", "Ashford", "Clearwater", "Redhill",
            "Stonebridge", "Maplewood", "Bayview", "Hillcrest", "Greenville", "Springdale"),
           ("Herald", "Tribune", "Post", "Courier", "Chronicle", "Gazette", "Observer", "Times",
            "Journal", "Review", "Dispatch", "Sentinel"), "The {a} {b}", 200),
    "de": (("Mannheim", "Kassel", "Rostock", "Bielefeld", "Erfurt", "Freiburg", "Lübeck",
            "Augsburg",
            "Potsdam", "Würzburg"), ("Rundschau", "Kurier", "Anzeiger", "Nachrichten", "Zeitung",
                                     "Tagblatt"), "{a}er {b}", 40),
    "fr": (("Le Courrier", "La Dépêche", "Le Progrès", "L'Écho", "Le Journal", "La Gazette"),
           ("Lyon", "Nantes", "Lille", "Rennes", "Toulouse", "Bordeaux", "Grenoble", "Dijon"),
           "{a} de {b}", 30),
    "es": (("El Diario", "La Voz", "El Heraldo", "La Gaceta", "El Correo"),
           ("Sevilla", "Valencia", "Bilbao", "Málaga", "Zaragoza", "Murcia"), "{a} de {b}", 25),
    "ru": (("Вести", "Новости", "Курьер", "Вестник"),
           ("Самары", "Казани", "Перми", "Томска", "Омска"),
           "{a} {b}", 20),
    "uk": (("Вісті", "Новини", "Кур'єр", "Вісник"), ("Полтави", "Черкас", "Житомира", "Вінниці",
                                                   "Рівного"), "{a} {b}", 20),
}
NUMBERED_OUTLETS = 60

AUTHOR_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": PERSON_NAMES["west"],
    "de": (("Jonas", "Lukas", "Anna", "Katharina", "Stefan", "Julia", "Matthias", "Sabine"),
           ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker")),
    "fr": (("Jean", "Marie", "Pierre", "Camille", "Nicolas", "Sophie", "Julien", "Claire"),
           ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand")),
    "es": (("Javier", "María", "Carlos", "Lucía", "Pablo", "Elena", "Miguel", "Carmen"),
           ("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez")),
    "ru": (("Алексей", "Дмитрий", "Сергей", "Иван", "Андрей", "Павел"),
           ("Иванов", "Петров", "Смирнов", "Кузнецов", "Соколов", "Попов")),
    "uk": (("Андрій", "Олександр", "Сергій", "Дмитро", "Олена", "Ірина", "Оксана", "Юлія"),
           ("Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Мельник", "Бойко")),
}
# fmt: on
AUTHORS: dict[str, tuple[str, ...]] = {
    lang: tuple(f"{first} {last}" for first in firsts for last in lasts)
    for lang, (firsts, lasts) in AUTHOR_NAMES.items()
}


@dataclass(frozen=True)
class Outlet:
    name: str
    lang: str
    slug: str


class Vocabulary:
    """Sources, outlets and relays, synthesized deterministically beyond the seed lists."""

    def __init__(self, rng: random.Random) -> None:
        self.sources: dict[str, list[Source]] = {side: [] for side in SIDES}
        self._add_named_seed()
        for side in SIDES:
            self._add_persons(rng, side)
        self.unnamed: dict[str, list[Source]] = {side: self._unnamed(rng, side) for side in SIDES}
        self.source_cum = {side: zipf(len(v), 0.9) for side, v in self.sources.items()}
        self.unnamed_cum = {side: zipf(len(v), 0.6) for side, v in self.unnamed.items()}
        self.outlets = self._outlets(rng)
        self.outlet_cum = {lang: zipf(len(v), 1.0) for lang, v in self.outlets.items()}
        self.agencies = [self.outlet_by_name[name] for name in AGENCIES]
        self.agency_cum = zipf(len(self.agencies), 1.2)
        self.relays = self.agencies + self.outlets["en"][:40]
        self.relay_cum = zipf(len(self.relays), 0.8)

    def _add_named_seed(self) -> None:
        for name, kind, affiliation, reliability, side in NAMED_SOURCES:
            is_outlet = kind in ("news_agency", "news_outlet")
            src = Source(name, kind, True, affiliation, reliability, side, is_outlet)
            self.sources[side].append(src)

    def _add_persons(self, rng: random.Random, side: str) -> None:
        firsts, lasts = PERSON_NAMES[side]
        # one name, one person: a name reused on another side would be two sources
        taken = {s.name for sources in self.sources.values() for s in sources}
        oblasts = [o for o in OBLASTS if o not in RU_OBLASTS]
        for _ in range(PERSONS_PER_SIDE[side]):
            first, last = choice(rng, firsts), choice(rng, lasts)
            if side == "ru" and first in RU_FEMALE_NAMES:
                last += "a"
            name = f"{first} {last}"
            if name in taken:
                continue
            taken.add(name)
            kind, role = choice(rng, PERSON_ROLES[side])
            affiliation = role.format(b=ordinal(choice(rng, BRIGADES)), o=choice(rng, oblasts))
            reliability = choice(rng, "BCCCDD")
            self.sources[side].append(Source(name, kind, True, affiliation, reliability, side))

    @staticmethod
    def _unnamed(rng: random.Random, side: str) -> list[Source]:
        out: list[Source] = []
        for affiliation, kind in UNNAMED_AFFILIATIONS[side]:
            for pattern in UNNAMED_PATTERNS:
                k = "official" if "official" in pattern else kind
                name = pattern.format(a=affiliation)
                out.append(Source(name, k, False, affiliation, choice(rng, "CCDDEF"), side))
        for adjective in UNNAMED_ADJECTIVES[side]:
            for pattern, kind in UNNAMED_ADJ_PATTERNS:
                name = pattern.format(j=adjective)
                affiliation = ADJECTIVE_AFFILIATIONS.get(adjective, f"{adjective} government")
                out.append(Source(name, kind, False, affiliation, "D", side))
        rng.shuffle(out)
        return out

    def _outlets(self, rng: random.Random) -> dict[str, list[Outlet]]:
        by_lang: dict[str, list[Outlet]] = {lang: [] for lang in LANGS}
        self.outlet_by_name: dict[str, Outlet] = {}
        names: list[tuple[str, str]] = [(a, AGENCY_LANG.get(a, "en")) for a in AGENCIES]
        for lang in LANGS:
            names.extend((n, lang) for n in OUTLETS_SEED[lang])
            firsts, seconds, pattern, count = SYNTH_OUTLETS[lang]
            combos = [pattern.format(a=a, b=b) for a in firsts for b in seconds]
            rng.shuffle(combos)
            names.extend((n, lang) for n in combos[:count])
        names.extend((f"Outlet {i:04d} News", "en") for i in range(1, NUMBERED_OUTLETS + 1))
        for name, lang in names:
            if name in self.outlet_by_name:
                continue
            slug = slugify(name) or f"outlet-{len(self.outlet_by_name):04d}"
            outlet = Outlet(name, lang, slug)
            self.outlet_by_name[name] = outlet
            by_lang[lang].append(outlet)
        return by_lang


# ---------------------------------------------------------------------------------------------
# Families of measures: templates and variants (subject, metric, plausible values)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    subject: str
    metric: str
    weight: float
    who: dict[str, str]
    verb: dict[str, str]
    unit: str | None  # None: qualitative
    lo: float = 0.0
    hi: float = 0.0
    trend: str = "walk"  # walk | up | down
    sides: tuple[str, ...] = ("ua", "neutral")
    deny: tuple[str, ...] = ("ru",)
    oblasts: tuple[str, ...] = ()
    twin_unit: str | None = None
    twin_ratio: tuple[float, float] = (1.0, 1.0)
    window: tuple[str, str] = ("2022-03-01", "2025-11-20")


NK_WINDOW = ("2024-10-25", "2025-11-20")
KURSK_WINDOW = ("2024-08-08", "2025-03-20")
KURSK_FIGHTING = date(2024, 8, 8)


@dataclass(frozen=True)
class Family:
    key: str
    category: str
    templates: dict[str, tuple[str, ...]]
    variants: tuple[Variant, ...]
    weight: float = 0.0  # tail weight
    alt_unit: str | None = None  # another unit of the same dimension (English only)


# fmt: off
RUSSIA = L("Russia", "Russland", "la Russie", "Rusia", "Россия", "Росія")
UKRAINE = L("Ukraine", "die Ukraine", "l'Ukraine", "Ucrania", "Украина", "Україна")
NORTH_KOREA = L("North Korea", "Nordkorea", "la Corée du Nord", "Corea del Norte", "КНДР", "КНДР")
BELARUS = L("Belarus", "Belarus", "la Biélorussie", "Bielorrusia", "Беларусь", "Білорусь")
RU_FORCES = L("Russian forces", "russische Truppen", "les forces russes", "las fuerzas rusas",
              "российские войска", "російські війська")
UA_FORCES = L("Ukrainian forces", "ukrainische Truppen", "les forces ukrainiennes",
              "las fuerzas ucranianas", "украинские войска", "українські війська")
NK_SOLDIERS = L("North Korean troops", "nordkoreanische Soldaten", "des soldats nord-coréens",
                "soldados norcoreanos", "северокорейские военные", "північнокорейські військові")
NONE = L("", "", "", "", "", "")
UA_EAST = ("Donetsk Oblast", "Kharkiv Oblast", "Zaporizhzhia Oblast", "Luhansk Oblast")
STRIKE_OBLASTS = ("Kharkiv Oblast", "Donetsk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast",
                  "Sumy Oblast", "Dnipropetrovsk Oblast")

TROOPS = Family("troops", "troop_count", {
    "en": ("{Who} has {verb} {q} {at_loc}", "{At_loc}, {who} has {verb} {q}",
           "According to estimates, {who} has {verb} {q} {at_loc}"),
    "de": ("{loc}: {Who} hat {q} {verb}",), "fr": ("{loc} : {who} a {verb} {q}",),
    "es": ("{loc}: {Who} ha {verb} {q}",), "ru": ("{loc}: {Who} {verb} {q}",),
    "uk": ("{loc}: {Who} {verb} {q}",)},
    variants=(
        Variant("North Korean troops", "deployed", 5, NORTH_KOREA,
                L("deployed", "verlegt", "déployé", "desplegado", "разместила", "розмістила"),
                "troops", 200, 4000, "walk", ("kr", "ua", "west"), ("kp", "ru"), ("Kursk Oblast",),
                "battalions", (400, 900), NK_WINDOW),
        Variant("Russian troops", "massed", 5, RUSSIA,
                L("massed", "zusammengezogen", "massé", "concentrado", "сосредоточила",
                  "зосередила"),
                "troops", 500, 30000, "walk", ("ua", "west", "neutral"), ("ru",),
                (*UA_EAST, "Kursk Oblast", "Sumy Oblast"), "battalions", (400, 900)),
        Variant("Russian troops", "deployed", 3, RUSSIA,
                L("deployed", "verlegt", "déployé", "desplegado", "перебросила", "перекинула"),
                "troops", 300, 15000, "walk", ("ua", "west"), ("ru",),
                ("Kursk Oblast", "Belgorod Oblast", "Kherson Oblast", "Zaporizhzhia Oblast")),
        Variant("Ukrainian troops", "deployed", 2, UKRAINE,
                L("deployed", "verlegt", "déployé", "desplegado", "перебросила", "перекинула"),
                "troops", 300, 12000, "walk", ("ua", "ru", "neutral"), ("ua",),
                ("Kursk Oblast", "Donetsk Oblast", "Kharkiv Oblast", "Zaporizhzhia Oblast")),
        Variant("Belarusian troops", "stationed", 0.5, BELARUS,
                L("stationed", "stationiert", "stationné", "estacionado", "разместила",
                  "розмістила"),
                "troops", 500, 20000, "walk", ("ua", "west"), ("ru",), ("Gomel Region",)),
    ), weight=0.18)

MIL_CASUALTIES = Family("mil_casualties", "casualties", {
    "en": ("{Who} lost {q} {verb} {at_loc}", "{At_loc}, {who} lost {q} {verb}",
           "Fighting {at_loc} cost {who} {q} {verb}"),
    "de": ("{loc}: {Who} verlor {q} ({verb})",), "fr": ("{loc} : {who} a perdu {q} ({verb})",),
    "es": ("{loc}: {Who} perdió {q} ({verb})",), "ru": ("{loc}: {Who} потеряла {q} ({verb})",),
    "uk": ("{loc}: {Who} втратила {q} ({verb})",)},
    variants=(
        Variant("Russian forces", "killed and wounded", 5, RUSSIA,
                L("killed and wounded", "Tote und Verwundete", "tués et blessés",
                  "muertos y heridos", "убитыми и ранеными", "вбитими та пораненими"),
                "troops", 50, 3000, "up", ("ua", "neutral", "west"), ("ru",), UA_EAST,
                "tanks", (20, 60)),
        Variant("Russian forces", "killed", 2, RUSSIA,
                L("killed", "Tote", "tués", "muertos", "убитыми", "вбитими"),
                "troops", 20, 1500, "up", ("ua", "neutral"), ("ru",), (*UA_EAST, "Kursk Oblast")),
        Variant("North Korean troops", "killed and wounded", 4, NORTH_KOREA,
                L("killed and wounded", "Tote und Verwundete", "tués et blessés",
                  "muertos y heridos", "убитыми и ранеными", "вбитими та пораненими"),
                "troops", 20, 1500, "up", ("ua", "kr", "west"), ("kp", "ru"), ("Kursk Oblast",),
                window=NK_WINDOW),
        Variant("North Korean troops", "killed", 2, NORTH_KOREA,
                L("killed", "Tote", "tués", "muertos", "убитыми", "вбитими"),
                "troops", 10, 600, "up", ("ua", "kr"), ("kp", "ru"), ("Kursk Oblast",),
                window=NK_WINDOW),
        Variant("Ukrainian forces", "killed and wounded", 1.5, UKRAINE,
                L("killed and wounded", "Tote und Verwundete", "tués et blessés",
                  "muertos y heridos", "убитыми и ранеными", "вбитими та пораненими"),
                "troops", 30, 2000, "up", ("ru", "neutral"), ("ua",),
                ("Kursk Oblast", "Donetsk Oblast", "Kharkiv Oblast")),
    ), weight=0.14)

CIVILIAN_CASUALTIES = Family("civ_casualties", "casualties", {
    "en": ("Russian strikes {at_loc} have {verb} {q}", "{At_loc}, Russian attacks have {verb} {q}",
           "Shelling {at_loc} has {verb} {q}"),
    "de": ("{loc}: Russische Angriffe haben {q} {verb}",),
    "fr": ("{loc} : les frappes russes ont {verb} {q}",),
    "es": ("{loc}: los ataques rusos han {verb} a {q}",),
    "ru": ("{loc}: в результате российских ударов {verb} {q}",),
    "uk": ("{loc}: внаслідок російських ударів {verb} {q}",)},
    variants=(
        Variant("civilians", "killed", 4, NONE,
                L("killed", "getötet", "tué", "matado", "погибли", "загинули"),
                "civilians", 1, 80, "up", ("ua", "neutral"), ("ru",), STRIKE_OBLASTS),
        Variant("civilians", "injured", 3, NONE,
                L("injured", "verletzt", "blessé", "herido", "пострадали", "постраждали"),
                "civilians", 2, 200, "up", ("ua", "neutral"), ("ru",), STRIKE_OBLASTS),
    ), weight=0.10)

TERRITORY = Family("territory", "territory", {
    "en": ("{Who} {verb} {q} {at_loc}", "{At_loc}, {who} {verb} {q}",
           "Geolocated footage indicates {who} {verb} {q} {at_loc}"),
    "de": ("{loc}: {Who} {verb} {q}",), "fr": ("{loc} : {who} {verb} {q}",),
    "es": ("{loc}: {Who} {verb} {q}",), "ru": ("{loc}: {Who} {verb} {q}",),
    "uk": ("{loc}: {Who} {verb} {q}",)},
    variants=(
        Variant("Russian gains", "area captured", 5, RU_FORCES,
                L("captured", "eroberten", "ont pris", "capturaron", "захватили", "захопили"),
                "km2", 1, 120, "walk", ("neutral", "ru", "ua"), ("ua",),
                (*UA_EAST, "Kursk Oblast"), "settlements", (3, 15)),
        Variant("Ukrainian gains", "area liberated", 1.5, UA_FORCES,
                L("liberated", "befreiten", "ont libéré", "liberaron", "освободили", "звільнили"),
                "km2", 1, 60, "walk", ("ua", "neutral"), ("ru",),
                ("Kharkiv Oblast", "Zaporizhzhia Oblast", "Kursk Oblast", "Donetsk Oblast"),
                "settlements", (3, 15)),
        Variant("Ukrainian-held territory", "area controlled", 4, UA_FORCES,
                L("control", "kontrollieren", "contrôlent", "controlan", "контролируют",
                  "контролюють"),
                "km2", 2, 80, "down", ("ua", "neutral"), ("ru",), ("Kursk Oblast",),
                "settlements", (3, 15), KURSK_WINDOW),
    ), weight=0.16, alt_unit="sqmi")

SHARE_LOST = Family("share_lost", "territory", {
    "en": ("{Who} has lost {q} of the territory it had gained {at_loc}",
           "According to the estimate, {who} has lost {q} of the territory it seized {at_loc}"),
    "de": ("{loc}: {Who} hat {q} des eroberten Gebiets verloren",),
    "fr": ("{loc} : {who} a perdu {q} du territoire conquis",),
    "es": ("{loc}: {Who} ha perdido {q} del territorio conquistado",),
    "ru": ("{loc}: {Who} потеряла {q} занятой территории",),
    "uk": ("{loc}: {Who} втратила {q} зайнятої території",)},
    variants=(Variant("Ukrainian-held territory", "share lost", 0, UKRAINE, NONE, "percent",
                      5, 95, "up", ("ua", "west", "neutral"), ("ua",)),))

HOUSING = Family("housing", "other", {
    "en": ("{At_loc}, {q} of housing has been destroyed",
           "Officials estimate that {q} of housing {at_loc} has been destroyed"),
    "de": ("{loc}: {q} der Wohngebäude sind zerstört",),
    "fr": ("{loc} : {q} des logements sont détruits",),
    "es": ("{loc}: {q} de las viviendas está destruido",),
    "ru": ("{loc}: разрушено {q} жилья",), "uk": ("{loc}: зруйновано {q} житла",)},
    variants=(Variant("housing", "share destroyed", 1, NONE, NONE, "percent", 10, 95, "up",
                      ("ua", "neutral"), ("ru",), (*UA_EAST, "Kherson Oblast")),),
    weight=0.04)

EVACUATION = Family("evacuation", "other", {
    "en": ("Authorities have evacuated {q} {at_loc}", "{At_loc}, officials have evacuated {q}",
           "Evacuations {at_loc} have reached {q}"),
    "de": ("{loc}: Behörden haben {q} evakuiert",), "fr": ("{loc} : les autorités ont évacué {q}",),
    "es": ("{loc}: las autoridades han evacuado a {q}",), "ru": ("{loc}: власти эвакуировали {q}",),
    "uk": ("{loc}: влада евакуювала {q}",)},
    variants=(Variant("civilians", "evacuated", 1, NONE, NONE, "civilians", 50, 30000, "up",
                      ("ua", "ru", "neutral"), ("ru", "ua"),
                      (*STRIKE_OBLASTS, "Kursk Oblast", "Belgorod Oblast")),),
    weight=0.05)

DRONES = Family("drones", "other", {
    "en": ("Russia launched {q} at {loc} over the past month",
           "Over the past month, Russia launched {q} at {loc}"),
    "de": ("{loc}: Russland hat im vergangenen Monat {q} abgefeuert",),
    "fr": ("{loc} : la Russie a lancé {q} le mois dernier",),
    "es": ("{loc}: Rusia lanzó {q} el mes pasado",),
    "ru": ("{loc}: за месяц Россия запустила {q}",),
    "uk": ("{loc}: за місяць Росія запустила {q}",)},
    variants=(Variant("Shahed drones", "launched per month", 0, RUSSIA, NONE, "drones", 100, 7000,
                      "walk", ("ua", "neutral"), ("ru",)),))

ADVANCE = Family("advance", "advance", {
    "en": ("{Who} {verb} {at_loc}", "Geolocated footage confirms {who} {verb} {at_loc}",
           "According to reports, {who} {verb} {at_loc}"),
    "de": ("{loc}: {Who} {verb}",), "fr": ("{loc} : {who} {verb}",), "es": ("{loc}: {Who} {verb}",),
    "ru": ("{loc}: {Who} {verb}",), "uk": ("{loc}: {Who} {verb}",)},
    variants=(
        Variant("Russian forces", "advanced", 6, RU_FORCES,
                L("advanced", "rückten vor", "ont progressé", "avanzaron", "продвинулись",
                  "просунулися"), None, sides=("neutral", "ru", "ua"), deny=("ua",),
                oblasts=(*UA_EAST, "Kursk Oblast", "Sumy Oblast")),
        Variant("Russian forces", "captured positions", 3, RU_FORCES,
                L("captured positions", "eroberten Stellungen", "ont pris des positions",
                  "capturaron posiciones", "заняли позиции", "захопили позиції"), None,
                sides=("ru", "neutral"), deny=("ua",), oblasts=(*UA_EAST, "Kursk Oblast")),
        Variant("Ukrainian forces", "counterattacked", 2, UA_FORCES,
                L("counterattacked", "starteten Gegenangriffe", "ont contre-attaqué",
                  "contraatacaron", "контратаковали", "контратакували"), None,
                sides=("ua", "neutral", "ru"), deny=("ru",),
                oblasts=("Kursk Oblast", "Kharkiv Oblast", "Donetsk Oblast")),
        Variant("Ukrainian forces", "recaptured positions", 1, UA_FORCES,
                L("recaptured positions", "eroberten Stellungen zurück", "ont repris des positions",
                  "recuperaron posiciones", "вернули позиции", "повернули позиції"), None,
                sides=("ua", "neutral"), deny=("ru",), oblasts=(*UA_EAST, "Kursk Oblast")),
    ), weight=0.14)

STATEMENT = Family("statement", "statement", {
    "en": ("{Who} {verb} {at_loc}", "Officials say {who} {verb} {at_loc}"),
    "de": ("{loc}: {Who} {verb}",), "fr": ("{loc} : {who} {verb}",), "es": ("{loc}: {Who} {verb}",),
    "ru": ("{loc}: {Who} {verb}",), "uk": ("{loc}: {Who} {verb}",)},
    variants=(
        Variant("Russian forces", "used chemical weapons", 2, RU_FORCES,
                L("used chemical agents", "setzten chemische Kampfstoffe ein",
                  "ont utilisé des agents chimiques", "usaron agentes químicos",
                  "применили химическое оружие", "застосували хімічну зброю"), None,
                sides=("ua", "neutral"), deny=("ru",), oblasts=UA_EAST),
        Variant("North Korean troops", "took part in assaults", 3, NK_SOLDIERS,
                L("took part in assaults", "beteiligten sich an Angriffen",
                  "ont participé à des assauts", "participaron en asaltos", "участвовали в штурмах",
                  "брали участь у штурмах"), None,
                sides=("ua", "kr", "west"), deny=("ru", "kp"), oblasts=("Kursk Oblast",),
                window=NK_WINDOW),
        Variant("Ukrainian forces", "repelled assaults", 2, UA_FORCES,
                L("repelled assaults", "wehrten Angriffe ab", "ont repoussé des assauts",
                  "repelieron asaltos", "отразили штурмы", "відбили штурми"), None,
                sides=("ua",), deny=("ru",), oblasts=(*UA_EAST, "Kursk Oblast")),
        Variant("Russian forces", "struck energy infrastructure", 2, RU_FORCES,
                L("struck energy infrastructure", "griffen Energieinfrastruktur an",
                  "ont frappé des infrastructures énergétiques",
                  "atacaron infraestructura energética",
                  "нанесли удар по энергетической инфраструктуре",
                  "завдали удару по енергетичній інфраструктурі"), None,
                sides=("ua", "neutral"), deny=("ru",), oblasts=STRIKE_OBLASTS),
    ), weight=0.08)

AID_TEMPLATES: dict[str, tuple[str, ...]] = {
    "en": ("{Who} has {verb} {q} to {loc}", "According to officials, {who} has {verb} {q} to {loc}",
           "{Who} has {verb} {q} to {loc} so far"),
    "de": ("{loc}: {Who} hat {q} {verb}",), "fr": ("{loc} : {who} a {verb} {q}",),
    "es": ("{loc}: {Who} ha {verb} {q}",), "ru": ("{loc}. {Who}: {verb} {q}",),
    "uk": ("{loc}. {Who}: {verb} {q}",)}
AID_VERBS = {
    "pledged": L("pledged", "zugesagt", "promis", "prometido", "обещано", "обіцяно"),
    "delivered": L("delivered", "geliefert", "livré", "entregado", "поставлено", "поставлено"),
    "supplied": L("supplied", "geliefert", "fourni", "suministrado", "передано", "передано"),
    "committed": L("committed", "bewilligt", "engagé", "comprometido", "выделено", "виділено"),
}
# name per language, adjective, currency
AID_COUNTRIES: tuple[tuple[dict[str, str], str, str], ...] = (
    (L("Washington", "Washington", "Washington", "Washington", "Вашингтон", "Вашингтон"), "US",
     "usd"),
    (L("Germany", "Deutschland", "l'Allemagne", "Alemania", "Германия", "Німеччина"), "German",
     "eur"),
    (L("Britain", "Großbritannien", "le Royaume-Uni", "el Reino Unido", "Великобритания",
       "Велика Британія"), "British", "gbp"),
    (L("France", "Frankreich", "la France", "Francia", "Франция", "Франція"), "French", "eur"),
    (L("Poland", "Polen", "la Pologne", "Polonia", "Польша", "Польща"), "Polish", "usd"),
    (L("the Netherlands", "die Niederlande", "les Pays-Bas", "los Países Bajos", "Нидерланды",
       "Нідерланди"), "Dutch", "eur"),
    (L("Denmark", "Dänemark", "le Danemark", "Dinamarca", "Дания", "Данія"), "Danish", "eur"),
    (L("Sweden", "Schweden", "la Suède", "Suecia", "Швеция", "Швеція"), "Swedish", "eur"),
    (L("Norway", "Norwegen", "la Norvège", "Noruega", "Норвегия", "Норвегія"), "Norwegian", "eur"),
    (L("Canada", "Kanada", "le Canada", "Canadá", "Канада", "Канада"), "Canadian", "usd"),
    (L("Japan", "Japan", "le Japon", "Japón", "Япония", "Японія"), "Japanese", "usd"),
    (L("Italy", "Italien", "l'Italie", "Italia", "Италия", "Італія"), "Italian", "eur"),
    (L("Spain", "Spanien", "l'Espagne", "España", "Испания", "Іспанія"), "Spanish", "eur"),
    (L("the Czech Republic", "Tschechien", "la République tchèque", "la República Checa", "Чехия",
       "Чехія"), "Czech", "eur"),
    (L("Finland", "Finnland", "la Finlande", "Finlandia", "Финляндия", "Фінляндія"), "Finnish",
     "eur"),
    (L("Lithuania", "Litauen", "la Lituanie", "Lituania", "Литва", "Литва"), "Lithuanian", "eur"),
    (L("Estonia", "Estland", "l'Estonie", "Estonia", "Эстония", "Естонія"), "Estonian", "eur"),
    (L("Belgium", "Belgien", "la Belgique", "Bélgica", "Бельгия", "Бельгія"), "Belgian", "eur"),
    (L("Australia", "Australien", "l'Australie", "Australia", "Австралия", "Австралія"),
     "Australian", "usd"),
)
AID_ITEMS: tuple[tuple[str, str | None, float, float, str | None], ...] = (
    # item, unit (None: the country's currency), lo, hi, twin unit
    ("military aid", None, 5e6, 8e9, None),
    ("artillery shells", "shells", 5000, 1.5e6, "containers"),
    ("tanks", "tanks", 3, 150, None),
    ("armoured vehicles", "vehicles", 10, 600, None),
    ("air defence systems", "ad_systems", 2, 12, None),
)
SupplierItems = tuple[tuple[str, str, float, float], ...]
HOSTILE_SUPPLIERS: tuple[tuple[dict[str, str], str, SupplierItems], ...] = (
    (L("Iran", "Iran", "l'Iran", "Irán", "Иран", "Іран"), "Iranian",
     (("drones", "drones", 100, 8000), ("missiles", "missiles", 10, 500))),
    (NORTH_KOREA, "North Korean", (("missiles", "missiles", 10, 300),)),
)
# fmt: on


def _aid_variants() -> tuple[Variant, ...]:
    out: list[Variant] = []
    for who, adjective, currency in AID_COUNTRIES:
        for item, unit, lo, hi, twin in AID_ITEMS:
            for metric in ("pledged", "delivered"):
                out.append(
                    Variant(
                        f"{adjective} {item}",
                        metric,
                        1,
                        who,
                        AID_VERBS[metric],
                        unit or currency,
                        lo,
                        hi,
                        "up",
                        ("west", "ua", "neutral"),
                        ("ru",),
                        ("Ukraine",),
                        twin,
                        (300, 1000),
                    )
                )
    for who, adjective, items in HOSTILE_SUPPLIERS:
        for item, unit, lo, hi in items:
            for metric in ("pledged", "delivered"):
                out.append(
                    Variant(
                        f"{adjective} {item}",
                        metric,
                        1,
                        who,
                        AID_VERBS[metric],
                        unit,
                        lo,
                        hi,
                        "up",
                        ("ua", "west", "kr"),
                        ("ru", "kp"),
                        ("Russia",),
                    )
                )
    return tuple(out)


AID = Family("aid", "aid_transfer", AID_TEMPLATES, _aid_variants(), weight=0.06)
TAIL_FAMILIES: tuple[Family, ...] = (
    TROOPS,
    MIL_CASUALTIES,
    CIVILIAN_CASUALTIES,
    TERRITORY,
    HOUSING,
    EVACUATION,
    ADVANCE,
    STATEMENT,
    AID,
)
PLACE_FAMILIES: tuple[Family, ...] = tuple(f for f in TAIL_FAMILIES if f is not AID)


def variant_of(family: Family, subject: str, metric: str) -> Variant:
    for v in family.variants:
        if v.subject == subject and v.metric == metric:
            return v
    raise KeyError((family.key, subject, metric))


# ---------------------------------------------------------------------------------------------
# Hot topics
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadSpec:
    family: Family
    variant: Variant
    place: Place
    anchors: tuple[tuple[str, float], ...]  # (ISO date, true value); also the window
    weight: float
    twin: Place | None = None
    presence: float = 0.85


@dataclass(frozen=True)
class HeadTopicSpec:
    measures: tuple[HeadSpec, ...]
    mean_extra_gap: float
    titles: tuple[str, ...] = ()


# fmt: off
RU_CONCENTRATED = Variant("Russian troops", "concentrated", 0, RUSSIA,
                          L("concentrated", "konzentriert", "concentré", "concentrado",
                            "сосредоточила", "зосередила"), "troops", sides=("ua", "west"))
NK_SHELLS = Variant("North Korean artillery shells", "supplied", 0, NORTH_KOREA,
                    AID_VERBS["supplied"], "shells", sides=("kr", "ua", "west"), deny=("kp", "ru"),
                    twin_unit="containers", twin_ratio=(400, 1000))
US_AID = Variant("US military aid", "committed", 0, AID_COUNTRIES[0][0], AID_VERBS["committed"],
                 "usd", sides=("west", "neutral"))
INSUFFICIENT = Variant("Russian troops", "insufficient for operations", 0,
                       L("Russia's own troops", "Russlands eigene Truppen",
                         "les propres troupes de la Russie", "las propias tropas de Rusia",
                         "собственных войск России", "власних військ Росії"),
                       L("are not enough for operations", "reichen für die Einsätze nicht aus",
                         "ne suffisent pas pour les opérations",
                         "no son suficientes para las operaciones", "недостаточно для операций",
                         "недостатньо для операцій"), None, sides=("ua",))

HEAD_TOPICS: tuple[HeadTopicSpec, ...] = (
    HeadTopicSpec((
        HeadSpec(TROOPS, variant_of(TROOPS, "North Korean troops", "deployed"), P_KURSK,
                 (("2024-10-20", 3000), ("2024-11-05", 10000), ("2024-12-15", 11500),
                  ("2025-02-15", 11000), ("2025-04-30", 14000)), 3, P_PRIMORSKY),
        HeadSpec(MIL_CASUALTIES,
                 variant_of(MIL_CASUALTIES, "North Korean troops", "killed and wounded"),
                 P_KURSK, (("2024-12-10", 200), ("2025-01-15", 3000), ("2025-02-28", 4000),
                           ("2025-04-30", 4700)), 2),
        HeadSpec(STATEMENT, variant_of(STATEMENT, "North Korean troops", "took part in assaults"),
                 P_KURSK, (("2024-11-10", 0), ("2025-04-30", 0)), 1, presence=0.5),
        HeadSpec(AID, NK_SHELLS, P_RUSSIA, (("2023-09-01", 1e6), ("2024-02-27", 3e6),
                                            ("2024-10-01", 8e6), ("2025-06-01", 12e6)), 2,
                 presence=0.6),
    ), 10, ("North Korean troops in Kursk: what we know",
            "Russian and North Korean troops deliver huge blow to Ukraine in Kursk battle",
            "Pyongyang's soldiers join the fight in Kursk")),
    HeadTopicSpec((
        HeadSpec(TERRITORY, variant_of(TERRITORY, "Ukrainian-held territory", "area controlled"),
                 P_KURSK, (("2024-08-10", 1000), ("2024-08-20", 1263), ("2024-09-10", 1376),
                           ("2024-11-15", 800), ("2025-01-15", 500), ("2025-02-20", 400),
                           ("2025-03-13", 100)), 3, P_BELGOROD),
        HeadSpec(SHARE_LOST, SHARE_LOST.variants[0], P_KURSK,
                 (("2024-09-20", 10), ("2024-11-20", 40), ("2025-01-20", 60),
                  ("2025-03-12", 90)), 2),
        HeadSpec(TROOPS, RU_CONCENTRATED, P_KURSK,
                 (("2024-08-20", 10000), ("2024-10-01", 40000), ("2024-11-20", 59000),
                  ("2025-01-20", 65000), ("2025-03-15", 70000)), 2, P_BELGOROD),
        HeadSpec(TROOPS, variant_of(TROOPS, "Ukrainian troops", "deployed"), P_KURSK,
                 (("2024-08-10", 6000), ("2024-08-25", 10000), ("2024-11-15", 12000),
                  ("2025-02-15", 10000), ("2025-03-15", 5000)), 1, presence=0.6),
        HeadSpec(MIL_CASUALTIES, variant_of(MIL_CASUALTIES, "Russian forces", "killed and wounded"),
                 P_KURSK, (("2024-08-15", 1000), ("2024-12-31", 38000), ("2025-03-15", 60000)), 1,
                 presence=0.6),
        HeadSpec(ADVANCE, variant_of(ADVANCE, "Russian forces", "advanced"), P_KORENEVO,
                 (("2024-09-10", 0), ("2025-02-15", 0)), 1, presence=0.6),
        HeadSpec(STATEMENT, INSUFFICIENT, P_KURSK, (("2024-10-25", 0), ("2024-12-20", 0)), 1,
                 presence=0.5),
    ), 6, ("Russia regains ground in Kursk as Ukraine's foothold shrinks",
           "Ukraine has lost over 40 percent of the territory it had gained in Kursk, source says",
           "Kursk incursion: what we know")),
    HeadTopicSpec((
        HeadSpec(MIL_CASUALTIES, variant_of(MIL_CASUALTIES, "Russian forces", "killed and wounded"),
                 P_UKRAINE, (("2022-03-15", 13000), ("2022-12-31", 100000), ("2023-12-31", 350000),
                             ("2024-12-31", 790000), ("2025-11-20", 1160000)), 2),
        HeadSpec(CIVILIAN_CASUALTIES, variant_of(CIVILIAN_CASUALTIES, "civilians", "killed"),
                 P_UKRAINE, (("2022-03-15", 700), ("2022-12-31", 7000), ("2023-12-31", 10200),
                             ("2024-12-31", 12500), ("2025-11-20", 14500)), 1, presence=0.5),
    ), 14, ("Russia's losses in Ukraine pass another grim milestone",)),
    HeadTopicSpec((
        HeadSpec(TERRITORY, variant_of(TERRITORY, "Russian gains", "area captured"), P_DONETSK,
                 (("2023-10-15", 150), ("2024-03-15", 250), ("2024-08-15", 480),
                  ("2024-11-30", 600), ("2025-06-30", 400), ("2025-11-20", 450)), 2, P_KHARKIV),
        HeadSpec(ADVANCE, variant_of(ADVANCE, "Russian forces", "advanced"), P_POKROVSK_DIR,
                 (("2024-07-01", 0), ("2025-10-30", 0)), 1, presence=0.6),
        HeadSpec(TROOPS, variant_of(TROOPS, "Russian troops", "massed"), P_POKROVSK_DIR,
                 (("2024-08-01", 40000), ("2024-11-01", 70000), ("2025-03-01", 110000),
                  ("2025-11-01", 100000)), 1, P_KURAKHOVE_DIR, presence=0.6),
    ), 12, ("The battle for Pokrovsk: what we know",)),
    HeadTopicSpec((
        HeadSpec(AID, US_AID, P_UKRAINE, (("2022-06-01", 5e9), ("2022-12-31", 25e9),
                                          ("2023-12-31", 44e9), ("2024-12-31", 64e9),
                                          ("2025-01-20", 66e9)), 1, presence=0.6),
        HeadSpec(DRONES, DRONES.variants[0], P_UKRAINE,
                 (("2023-01-15", 300), ("2024-06-01", 800), ("2024-12-01", 2000),
                  ("2025-07-01", 6000), ("2025-11-20", 5000)), 1, presence=0.7),
    ), 16, ()),
)
# fmt: on

# ---------------------------------------------------------------------------------------------
# Text around the claims: quotes, denials, headlines
# ---------------------------------------------------------------------------------------------

# fmt: off
QUOTE_PREFIX: dict[str, tuple[str, ...]] = {
    "en": ("", "", "Our assessment: ", "We can confirm: ", "As of today: "),
    "de": ("", "Nach unseren Angaben: "), "fr": ("", "Selon nos informations : "),
    "es": ("", "Según nuestros datos: "), "ru": ("", "По нашим данным: "),
    "uk": ("", "За нашими даними: "),
}
DENY_FORMS: dict[str, tuple[str, ...]] = {
    "en": ('The report that "{c}" is false', 'It is simply not true that "{c}"',
           '"{c}" - this is fake news'),
    "de": ("Die Behauptung „{c}“ ist falsch",), "fr": ("L'affirmation « {c} » est fausse",),
    "es": ("La afirmación «{c}» es falsa",),
    "ru": ("Утверждение «{c}» не соответствует действительности",),
    "uk": ("Твердження «{c}» не відповідає дійсності",),
}
HEADLINES: dict[str, tuple[str, ...]] = {
    "en": ("{Topic} {at_loc}: what we know", "Russia-Ukraine war: {topic} {at_loc}",
           "Ukraine war latest: {topic} {at_loc}",
           "War in Ukraine: new figures on {topic} {at_loc}",
           "{Topic} {at_loc}, officials say", "Live: {topic} {at_loc}"),
    "de": ("Ukraine-Krieg: {topic} – {loc}", "{loc}: Neue Zahlen zu {topic}",
           "Krieg in der Ukraine: {topic} ({loc})"),
    "fr": ("Guerre en Ukraine : {topic} – {loc}", "{loc} : ce que l'on sait"),
    "es": ("Guerra en Ucrania: {topic} en {loc}", "{loc}: lo que se sabe"),
    "ru": ("Война в Украине: {topic} ({loc})", "{loc}: {topic}"),
    "uk": ("Війна: {topic} ({loc})", "{loc}: {topic} — що відомо"),
}
TOPIC_WORDS: dict[str, dict[str, str]] = {
    "troop_count": L("troop build-up", "Truppenaufmarsch", "renforts de troupes",
                     "despliegue de tropas", "переброска войск", "перекидання військ"),
    "casualties": L("casualties", "Verluste", "les pertes", "las bajas", "потери", "втрати"),
    "territory": L("front-line changes", "Frontverlauf", "la ligne de front", "la línea del frente",
                   "линия фронта", "лінія фронту"),
    "aid_transfer": L("military aid", "Militärhilfe", "l'aide militaire", "la ayuda militar",
                      "военная помощь", "військова допомога"),
    "advance": L("battlefield update", "Lage an der Front", "la situation sur le front",
                 "la situación en el frente", "обстановка на фронте", "ситуація на фронті"),
    "statement": L("official statements", "Erklärungen", "les déclarations officielles",
                   "las declaraciones oficiales", "заявления", "заяви"),
    "other": L("the war's toll", "Kriegsfolgen", "le bilan de la guerre", "el balance de la guerra",
               "последствия войны", "наслідки війни"),
}
HOSTILE_QUOTES: tuple[Callable[[str], str], ...] = (
    lambda q: q + "'; DROP TABLE claims; --",
    lambda q: "\u200f" + q + " \u200f",
    lambda q: q + " 🇺🇦🔥",
    lambda q: q + ' (he added: "no comment",\nthen left)',
    lambda q: "@SUM(1+1)*cmd|' /C calc'!A0 " + q,
)
HOSTILE_RATE = 0.0005  # claims; quotes and titles use 1/2048
CRED_JITTER = (-1, 0, 0, 1)
CRED_TEXT = ("0", "1", "2", "3", "4", "5")
PUBLICATION_LAGS = (0,) * 8 + (1, 1, 1, 1, 2, 2, 2, 3, 3) + (4, 5, 7, 10, 14, 21, 30)
LAG_COUNT = len(PUBLICATION_LAGS)
URL_ROOT = "https://example.org/"

# Skewed distributions: (value, weight)
CLUSTER_SIZES = tuple(range(1, 31))
CLUSTER_SIZE_CUM = cum([55, 16, 10, 7, 5] + [1.4] * 4 + [1.5 / 21] * 21)
ATTR_COUNTS = tuple(range(1, 61))
ATTR_COUNT_CUM = cum([45, 22, 12, 6, 4] + [1.6] * 5 + [2.5 / 15] * 15 + [0.5 / 35] * 35)
EVENT_COUNTS = tuple(range(1, 11))
EVENT_COUNT_CUM = cum([35, 22, 15, 10, 7, 4, 3, 2, 1, 1])
JITTERS = (-2, -1, 0, 1, 2)
JITTER_CUM = cum([5, 10, 70, 10, 5])
QUALS = ("exact", "about", "close_to", "range")
QUAL_CUM = cum([35, 40, 15, 10])
QUALS_OPEN = (*QUALS, "up_to", "over", "at_least", "under")
QUAL_OPEN_CUM = cum([31, 36, 12, 6, 5, 6, 3, 1])
SIG_CHOICES: dict[str, tuple[tuple[int, ...], list[float]]] = {
    "exact": ((1, 2, 3, 4), cum([10, 40, 35, 15])),
    "about": ((1, 2, 3), cum([20, 50, 30])),
    "close_to": ((1, 2, 3), cum([30, 50, 20])),
    "range": ((2, 3), cum([60, 40])),
}
ROUNDING = {"exact": "near", "about": "near", "close_to": "up", "up_to": "up", "under": "up",
            "over": "down", "at_least": "down"}
# fmt: on

# ---------------------------------------------------------------------------------------------
# The generation engine
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Measure:
    family: Family
    variant: Variant
    place: Place
    dates: list[date] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    target: float = 0.0  # hot measures: rows wanted per fact
    twin_place: Place | None = None
    twin: Measure | None = None
    prev: Claim | None = None
    emitted: bool = False
    prepared: dict[str, list[str]] = field(default_factory=dict)  # templates with only {q} left

    @property
    def quantitative(self) -> bool:
        return self.variant.unit is not None

    def templates(self, lang: str) -> list[str]:
        """The family's templates for ``lang`` with everything but the quantity filled in."""
        out = self.prepared.get(lang)
        if out is None:
            v, p = self.variant, self.place
            values = {
                "who": v.who[lang],
                "Who": cap_first(v.who[lang]),
                "verb": v.verb[lang],
                "q": "{q}",
                "loc": p.names[lang],
                "at_loc": p.en_at,
                "At_loc": cap_first(p.en_at),
            }
            out = [cap_first(t.format(**values)) for t in self.family.templates[lang]]
            self.prepared[lang] = out
        return out


@dataclass(slots=True)
class Claim:
    measure: Measure
    fact: int  # the fact (or conflicting figure, or twin) the claim reports
    figure: Figure | None
    fields: tuple[str, ...]  # claim .. as_of
    ref: date  # the day the claim is about (for publication dates)
    lang: str
    stance: str
    origins: list[Source]
    relay: Outlet | None
    quotes: list[str]
    n_attr: int
    primary: bool = False  # first claim of a true fact
    key: str = ""


@dataclass(slots=True)
class Topic:
    events: list[tuple[date, list[tuple[Measure, int]]]]
    titles: tuple[str, ...] = ()
    pos: int = 0


@dataclass(slots=True)
class Event:
    place: Place
    category: str
    titles: tuple[str, ...]
    titles_by_lang: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    clusters: list[list[Claim]] = field(default_factory=list)
    conflicts: list[tuple[Claim, Claim]] = field(default_factory=list)
    distinct: list[tuple[Claim, Claim]] = field(default_factory=list)


@dataclass(slots=True)
class Doc:
    outlet: Outlet
    lang: str
    latest: date  # the latest day its claims are about
    size: int = 0
    facts: list[int] = field(default_factory=list)
    rows: list[tuple[str, ...]] = field(default_factory=list)  # row heads (claim_key .. quote)


@dataclass
class GenerationStats:
    attributions: int = 0
    claims: int = 0
    documents: int = 0
    measures: int = 0
    facts: int = 0
    duplicate_clusters: int = 0
    clustered_claims: int = 0
    conflict_pairs: int = 0
    distinct_pairs: int = 0
    explicit_claims: int = 0
    denying_claims: int = 0


TRUTH_SECTIONS = ("duplicate_clusters", "conflict_pairs", "distinct_pairs_sample")


def interpolate(anchors: Sequence[tuple[str, float]], d: date) -> float:
    points = [(date.fromisoformat(s), v) for s, v in anchors]
    for (d0, v0), (d1, v1) in pairwise(points):
        if d0 <= d <= d1:
            span = (d1 - d0).days or 1
            return v0 + (v1 - v0) * (d - d0).days / span
    return points[-1][1] if d > points[-1][0] else points[0][1]


def compatible(fig: Figure, v: float, others: Sequence[Figure]) -> bool:
    """True when ``fig`` may join a duplicate cluster of true value ``v``."""
    if not fig.lo <= v <= fig.hi or (fig.qual == "over" and v <= fig.lo):
        return False
    if fig.qual == "under" and v >= fig.hi:
        return False
    if any(abs(r - v) > 0.1 * v for r in fig.reps):
        return False
    mid = fig.reps[len(fig.reps) // 2]
    for o in others:
        if any(not o.lo <= r <= o.hi for r in fig.reps):
            return False
        if any(not fig.lo <= r <= fig.hi for r in o.reps):
            return False
        other_mid = o.reps[len(o.reps) // 2]
        if o.unit != fig.unit and abs(other_mid - mid) > 0.02 * max(other_mid, mid):
            return False
    return True


class RowWriter(Protocol):
    def writerow(self, row: Iterable[str], /) -> object: ...
    def writerows(self, rows: Iterable[Iterable[str]], /) -> None: ...


class KeyPermutation:
    """A seeded bijection of [0, modulus): a 4-round Feistel network with cycle walking.

    Claim keys are the permuted emission index, so keys say nothing about which claims were
    generated together (members of one duplicate cluster are not neighbours).
    """

    def __init__(self, modulus: int, rng: random.Random) -> None:
        bits = max(2, (modulus - 1).bit_length())
        bits += bits % 2
        self.half = bits // 2
        self.mask = (1 << self.half) - 1
        self.modulus = modulus
        self.round_keys = [rng.getrandbits(32) for _ in range(4)]

    def __call__(self, x: int) -> int:
        x = self._feistel(x)
        while x >= self.modulus:
            x = self._feistel(x)
        return x

    def _feistel(self, x: int) -> int:
        left, right = x >> self.half, x & self.mask
        for key in self.round_keys:
            h = ((right + key) * 0x9E3779B1) & 0xFFFFFFFF
            h ^= h >> 15
            left, right = right, left ^ (h & self.mask)
        return (left << self.half) | right


class Generator:
    """Streams one data set; see the module docstring for the model."""

    def __init__(self, attributions: int, seed: int, out_dir: Path) -> None:
        self.n = attributions
        self.seed = seed
        self.out_dir = out_dir
        self.rng = random.Random(f"provenance-benchmark:{seed}")
        self.vocab = Vocabulary(random.Random(f"provenance-vocabulary:{seed}"))
        self.places = PlaceRegistry(seed)
        self.stats = GenerationStats()
        self.width = max(6, len(str(attributions)))
        self.modulus = 10**self.width
        self.permute = KeyPermutation(self.modulus, self.rng)
        self.fact_seq = 0
        self.doc_seq = 0
        self.aid_used: set[tuple[str, str]] = set()
        self.variant_cum = {f.key: cum(v.weight for v in f.variants) for f in TAIL_FAMILIES}
        self.family_cum = cum(f.weight for f in TAIL_FAMILIES)
        self.truth_files: dict[str, TextIO] = {}
        self.writer: RowWriter | None = None  # set in run()

    # -- driver ------------------------------------------------------------------------------

    def run(self) -> GenerationStats:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        parts = {name: self.out_dir / f".truth-{name}.part" for name in TRUTH_SECTIONS}
        with open(self.out_dir / "claims.csv", "w", encoding="utf-8", newline="") as out:
            self.writer = csv.writer(out, lineterminator="\n")
            self.writer.writerow(COLUMNS)
            for name, path in parts.items():
                self.truth_files[name] = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
            try:
                self._stream()
            finally:
                for f in self.truth_files.values():
                    f.close()
        self._assemble_truth(parts)
        for path in parts.values():
            path.unlink()
        return self.stats

    def _stream(self) -> None:
        schedule = self._head_schedule()
        pool: list[Topic] = []
        written = 0
        next_head = 0
        while written < self.n:
            if next_head < len(schedule) and schedule[next_head][0] <= written:
                _, topic, idx = schedule[next_head]
                next_head += 1
                event = self._event(topic, idx)
            else:
                event = self._tail_event(pool)
            written += self._emit(event, self.n - written)

    # -- topics ------------------------------------------------------------------------------

    def _head_schedule(self) -> list[tuple[float, Topic, int]]:
        topics = [self._head_topic(spec) for spec in HEAD_TOPICS]
        measures = [m for t in topics for _, facts in t.events for m, _ in facts]
        by_id = {id(m): m for m in measures}  # each measure's target starts as its weight
        total = sum(m.target for m in by_id.values()) or 1.0
        for m in by_id.values():
            m.target = HEAD_SHARE * self.n * m.target / total / len(m.dates)
        events = sorted(
            (when, ti, ei) for ti, t in enumerate(topics) for ei, (when, _) in enumerate(t.events)
        )
        positions = sorted(self.rng.uniform(0, 0.95 * self.n) for _ in events)
        return [(pos, topics[ti], ei) for pos, (_, ti, ei) in zip(positions, events, strict=True)]

    def _head_topic(self, spec: HeadTopicSpec) -> Topic:
        rng = self.rng
        measures = [
            Measure(hs.family, hs.variant, hs.place, target=hs.weight, twin_place=hs.twin)
            for hs in spec.measures
        ]
        windows = [
            (date.fromisoformat(hs.anchors[0][0]), date.fromisoformat(hs.anchors[-1][0]))
            for hs in spec.measures
        ]
        d = min(w[0] for w in windows) + timedelta(days=rng.randrange(4))
        end = min(max(w[1] for w in windows), LAST_FACT)
        events: list[tuple[date, list[tuple[Measure, int]]]] = []
        while d <= end:
            present: list[tuple[Measure, int]] = []
            for m, hs, (lo, hi) in zip(measures, spec.measures, windows, strict=True):
                if lo <= d <= hi and rng.random() < hs.presence:
                    value = interpolate(hs.anchors, d) * rng.uniform(0.97, 1.03)
                    m.dates.append(d)
                    m.values.append(self._true_value(m.variant, value))
                    present.append((m, len(m.dates) - 1))
            if present:
                events.append((d, present))
            d += timedelta(days=MIN_GAP_DAYS + int(rng.expovariate(1 / spec.mean_extra_gap)))
        return Topic(events, spec.titles)

    def _tail_event(self, pool: list[Topic]) -> Event:
        while len(pool) < 24:
            pool.append(self._tail_topic())
        i = int(self.rng.random() * len(pool))
        topic = pool[i]
        event = self._event(topic, topic.pos)
        topic.pos += 1
        if topic.pos >= len(topic.events):
            pool[i] = self._tail_topic()
        return event

    def _tail_topic(self) -> Topic:
        family, variant = self._tail_variant()
        oblast = choice(self.rng, variant.oblasts)
        dates = self._tail_dates(variant, oblast)
        if family is AID:
            place = P_UKRAINE if oblast == "Ukraine" else P_RUSSIA
            measures = [Measure(family, variant, place)]
        else:
            place = self.places.fresh(oblast)
            measures = [Measure(family, variant, place)]
            for fam, var in self._companions(oblast, variant):
                measures.append(Measure(fam, var, place))
            if variant.unit is not None and self.rng.random() < 0.05:
                measures[0].twin_place = self.places.fresh(oblast)
        return Topic(self._tail_events(measures, dates))

    def _tail_variant(self) -> tuple[Family, Variant]:
        rng = self.rng
        for _ in range(6):
            family = pick(rng, TAIL_FAMILIES, self.family_cum)
            variant = pick(rng, family.variants, self.variant_cum[family.key])
            if family is not AID:
                return family, variant
            key = (variant.subject, variant.metric)
            if key not in self.aid_used:
                self.aid_used.add(key)
                return family, variant
        return TROOPS, pick(rng, TROOPS.variants, self.variant_cum[TROOPS.key])

    def _companions(self, oblast: str, first: Variant) -> list[tuple[Family, Variant]]:
        rng = self.rng
        wanted = pick(rng, (0, 1, 2), cum([55, 30, 15]))
        out: list[tuple[Family, Variant]] = []
        seen = {(first.subject, first.metric)}
        for _ in range(wanted * 4):
            if len(out) >= wanted:
                break
            family = pick(rng, PLACE_FAMILIES, cum(f.weight for f in PLACE_FAMILIES))
            variant = choice(rng, family.variants)
            key = (variant.subject, variant.metric)
            if oblast in variant.oblasts and key not in seen:
                seen.add(key)
                out.append((family, variant))
        return out

    def _tail_dates(self, variant: Variant, oblast: str) -> list[date]:
        rng = self.rng
        lo, hi = (date.fromisoformat(s) for s in variant.window)
        if oblast == "Kursk Oblast":  # the fighting in Kursk started in August 2024
            lo = max(lo, KURSK_FIGHTING)
        count = pick(rng, EVENT_COUNTS, EVENT_COUNT_CUM)
        d = lo + timedelta(days=rng.randrange(max(1, (hi - lo).days - 20)))
        dates: list[date] = []
        while len(dates) < count and d <= hi:
            dates.append(d)
            d += timedelta(days=MIN_GAP_DAYS + int(rng.expovariate(1 / 30)))
        return dates or [min(lo, hi)]

    def _tail_events(
        self, measures: list[Measure], dates: list[date]
    ) -> list[tuple[date, list[tuple[Measure, int]]]]:
        rng = self.rng
        values = [self._trajectory(m.variant, len(dates)) for m in measures]
        events: list[tuple[date, list[tuple[Measure, int]]]] = []
        for k, d in enumerate(dates):
            present: list[tuple[Measure, int]] = []
            for j, m in enumerate(measures):
                if j == 0 or rng.random() < 0.6:
                    m.dates.append(d)
                    m.values.append(values[j][k])
                    present.append((m, len(m.dates) - 1))
            events.append((d, present))
        return events

    def _trajectory(self, variant: Variant, n: int) -> list[float]:
        if variant.unit is None:
            return [0.0] * n
        rng = self.rng
        v = math.exp(rng.uniform(math.log(variant.lo), math.log(variant.hi)))
        out: list[float] = []
        for _ in range(n):
            out.append(self._true_value(variant, v))
            if variant.trend == "up":
                v *= rng.uniform(1.03, 1.5)
            elif variant.trend == "down":
                v *= rng.uniform(0.6, 0.97)
            else:
                v *= math.exp(rng.gauss(0, 0.25))
            v = min(max(v, variant.lo * 0.5), variant.hi * 3)
        return out

    @staticmethod
    def _true_value(variant: Variant, v: float) -> float:
        if variant.unit is None:
            return 0.0
        kind = UNITS[variant.unit].kind
        if kind == "percent":
            return min(max(v, 1.0), 97.0)
        if kind == "count":
            return float(max(round(v), 3))
        return v

    # -- facts and claims --------------------------------------------------------------------

    def _event(self, topic: Topic, idx: int) -> Event:
        _, facts = topic.events[idx]
        first = facts[0][0]
        event = Event(first.place, first.family.category, topic.titles)
        for m, i in facts:
            self._fact(event, m, i)
        return event

    def _fact(self, event: Event, m: Measure, i: int) -> None:
        rng = self.rng
        conflict = ""
        if rng.random() < 0.015:
            conflict = "value" if m.quantitative and rng.random() < 0.6 else "stance"
        size = self._cluster_size(m.target, bool(conflict))
        fact = self._next_fact()
        members = self._members(m, i, size, fact, exact=bool(conflict))
        members[0].primary = True
        event.claims.extend(members)
        event.clusters.append(members)
        if conflict == "stance":
            self._stance_conflict(event, m, i, members, fact)
        elif conflict == "value":
            self._value_conflict(event, m, i, members)
        self._near_misses(event, m, i, members[0], noun_twin_ok=conflict != "stance")
        m.prev = members[0]

    def _next_fact(self) -> int:
        self.fact_seq += 1
        return self.fact_seq

    def _cluster_size(self, target: float, conflict: bool) -> int:
        if target > 4:
            size = round(float(target**0.4) * self.rng.uniform(0.6, 1.4))
        else:
            size = pick(self.rng, CLUSTER_SIZES, CLUSTER_SIZE_CUM)
        return max(1, min(6 if conflict else 30, size))

    def _attr_count(self, target: float, size: int) -> int:
        if target > 4:
            mean = target / size
            return max(1, min(400, round(mean * self.rng.paretovariate(2.5) * 0.6)))
        return pick(self.rng, ATTR_COUNTS, ATTR_COUNT_CUM)

    def _lang(self) -> str:
        return pick(self.rng, LANGS, LANG_CUM)

    def _members(self, m: Measure, i: int, size: int, fact: int, exact: bool) -> list[Claim]:
        rng = self.rng
        figures: list[Figure] = []
        claims: list[Claim] = []
        start = int(rng.random() * 6)
        for j in range(size):
            lang = self._lang()
            fig: Figure | None = None
            if m.quantitative:
                fig, lang = self._member_figure(
                    m, m.values[i], lang, figures, size == 1 and not exact
                )
                figures.append(fig)
            as_of, ref = self._member_date(m, i, exact)
            origins = self._origins(m.variant.sides)
            n_attr = self._attr_count(m.target, size)
            claim = self._claim(
                m, fact, fig, lang, start + j, as_of, ref, "asserts", origins, n_attr
            )
            claims.append(claim)
        return claims

    def _member_figure(
        self, m: Measure, v: float, lang: str, others: list[Figure], open_ok: bool
    ) -> tuple[Figure, str]:
        for _ in range(8):
            fig = self._draw_figure(m, v, lang, open_ok)
            if fig is not None and compatible(fig, v, others):
                return fig, lang
        if others:
            fig = choice(self.rng, others)
        else:
            unit = m.variant.unit
            assert unit is not None
            safe = self._figure_at("exact", v, 4, unit, "near")
            assert safe is not None
            fig = safe
        return fig, ("en" if fig.unit == "sqmi" else lang)

    def _draw_figure(self, m: Measure, v: float, lang: str, open_ok: bool) -> Figure | None:
        rng = self.rng
        unit_key = m.variant.unit
        assert unit_key is not None
        if m.family.alt_unit and lang == "en" and rng.random() < 0.3:
            unit_key = m.family.alt_unit
        unit = UNITS[unit_key]
        qual = pick(rng, QUALS_OPEN, QUAL_OPEN_CUM) if open_ok else pick(rng, QUALS, QUAL_CUM)
        if qual == "range" and (unit.kind == "money" or v / unit.factor >= 1e6):
            qual = "about"
        if unit.kind == "count" and v < 20 and qual != "at_least":
            qual = "exact"
        sigs, sig_cum = SIG_CHOICES.get(qual, ((2, 3), [1.0, 2.0]))
        sig = pick(rng, sigs, sig_cum)
        if qual == "range":
            return self._range_figure(v, sig, unit_key)
        return self._figure_at(qual, v, sig, unit_key, ROUNDING[qual])

    def _figure_at(
        self, qual: str, v: float, sig: int, unit_key: str, rounding: str
    ) -> Figure | None:
        unit = UNITS[unit_key]
        x = v / unit.factor
        mult = self._multiplier(unit, x)
        mantissa = x / mult
        digits, exp = round_sig(mantissa, sig, self._min_exp(unit, mult, mantissa), rounding)
        if digits <= 0 or (unit.kind == "count" and _scaled(digits, exp) * mult < 2):
            return None
        return make_figure(qual, digits, None, exp, mult, unit_key)

    def _range_figure(self, v: float, sig: int, unit_key: str) -> Figure | None:
        unit = UNITS[unit_key]
        x = v / unit.factor
        r = self.rng.uniform(0.02, 0.08)
        min_exp = self._min_exp(unit, 1, x)
        lo, lo_exp = round_sig(x * (1 - r), sig, min_exp, "down")
        hi, hi_exp = round_sig(x * (1 + r), sig, min_exp, "up")
        exp = min(lo_exp, hi_exp)
        lo *= 10 ** (lo_exp - exp)
        hi *= 10 ** (hi_exp - exp)
        if lo <= 0 or hi <= lo:
            return None
        return make_figure("range", lo, hi, exp, 1, unit_key)

    def _multiplier(self, unit: Unit, x: float) -> int:
        if unit.kind == "money":
            return 10**9 if x >= 1e9 else 10**6 if x >= 1e6 else 1
        if unit.kind == "count" and x >= 1e6 and self.rng.random() < 0.8:
            return 10**6
        return 1

    @staticmethod
    def _min_exp(unit: Unit, mult: int, mantissa: float) -> int:
        if mult > 1:
            return -2
        if unit.kind == "percent" or (unit.kind == "area" and mantissa < 20):
            return -1
        return 0

    def _member_date(self, m: Measure, i: int, exact: bool) -> tuple[str, date]:
        d = m.dates[i]
        if exact:
            return d.isoformat(), d
        r = self.rng.random()
        if r < 0.03 and self._alone_in(m, i, d.replace(day=1), month_end(d), 40):
            return f"{d.year:04d}-{d.month:02d}", d
        if r < 0.04 and self._alone_in(m, i, date(d.year, 1, 1), date(d.year, 12, 31), 375):
            return f"{d.year:04d}", d
        ref = d + timedelta(days=pick(self.rng, JITTERS, JITTER_CUM))
        return ref.isoformat(), ref

    @staticmethod
    def _alone_in(m: Measure, i: int, lo: date, hi: date, margin: int) -> bool:
        """No other fact of ``m`` within ``margin`` days of [lo, hi].

        With margin 40 around a month (375 around a year) no other fact's claims, even
        written with a coarse month or year, come within 7 days of this coarse date.
        """
        lo, hi = lo - timedelta(days=margin), hi + timedelta(days=margin)
        return not any(lo <= d <= hi for j, d in enumerate(m.dates) if j != i)

    def _origins(self, sides: Sequence[str]) -> list[Source]:
        rng = self.rng
        vocab = self.vocab
        count = 1 if rng.random() < 0.85 else rng.randint(2, 3)
        out: list[Source] = []
        for _ in range(count):
            side = choice(rng, sides)
            if rng.random() < 0.3:
                src = pick(rng, vocab.unnamed[side], vocab.unnamed_cum[side])
            else:
                src = pick(rng, vocab.sources[side], vocab.source_cum[side])
            if src not in out:
                out.append(src)
        return out

    def _first_relay(self, origin: Source) -> Outlet | None:
        rng = self.rng
        vocab = self.vocab
        if origin.is_outlet:
            return None
        if not origin.named:
            return pick(rng, vocab.relays, vocab.relay_cum)
        if rng.random() < 0.4:
            return pick(rng, vocab.agencies, vocab.agency_cum)
        return None

    def _claim(
        self,
        m: Measure,
        fact: int,
        fig: Figure | None,
        lang: str,
        template: int,
        as_of: str,
        ref: date,
        stance: str,
        origins: list[Source],
        n_attr: int,
    ) -> Claim:
        rng = self.rng
        quantity, unit_written = render_quantity(fig, lang, rng) if fig else ("", "")
        text = self._render(m, lang, template, quantity)
        if stance == "denies":
            quotes = [choice(rng, DENY_FORMS[lang]).format(c=text)]
        else:
            alt = self._render(m, lang, template + 1, quantity)
            quotes = [text, choice(rng, QUOTE_PREFIX[lang]) + alt]
        explicit: tuple[str, ...] = ("", "", "", "", "")
        if fig is not None and rng.random() < 0.07:
            explicit = explicit_fields(fig, unit_written)
        if rng.random() < HOSTILE_RATE:
            text = "=" + text
        v = m.variant
        fields = (
            text,
            m.family.category,
            v.subject,
            v.metric,
            m.place.name,
            quantity,
            *explicit,
            as_of,
        )
        relay = self._first_relay(origins[0])
        return Claim(m, fact, fig, fields, ref, lang, stance, origins, relay, quotes, n_attr)

    @staticmethod
    def _render(m: Measure, lang: str, template: int, quantity: str) -> str:
        templates = m.templates(lang)
        return templates[template % len(templates)].replace("{q}", quantity)

    # -- conflicts and near misses -----------------------------------------------------------

    def _stance_conflict(
        self, event: Event, m: Measure, i: int, members: list[Claim], fact: int
    ) -> None:
        rng = self.rng
        base = members[0]
        lang = "en" if rng.random() < 0.8 else choice(rng, ("ru", "uk", "de"))
        if base.figure is not None and base.figure.unit == "sqmi":
            lang = "en"
        d = m.dates[i]
        origins = self._origins(m.variant.deny)
        claim = self._claim(
            m,
            fact,
            base.figure,
            lang,
            rng.randrange(6),
            d.isoformat(),
            d,
            "denies",
            origins,
            rng.randint(1, 3),
        )
        asserting = list(members)
        members.append(claim)
        event.claims.append(claim)
        event.conflicts.extend((claim, a) for a in asserting)

    def _value_conflict(self, event: Event, m: Measure, i: int, members: list[Claim]) -> None:
        figures = [c.figure for c in members if c.figure is not None]
        v = m.values[i]
        fig = self._conflict_figure(m, v, min(f.lo for f in figures), max(f.hi for f in figures))
        if fig is None:
            return
        d = m.dates[i]
        origins = self._origins(m.variant.deny)
        n_attr = pick(self.rng, ATTR_COUNTS, ATTR_COUNT_CUM)
        claim = self._claim(
            m,
            self._next_fact(),
            fig,
            self._lang(),
            self.rng.randrange(6),
            d.isoformat(),
            d,
            "asserts",
            origins,
            n_attr,
        )
        event.claims.append(claim)
        event.conflicts.extend((claim, a) for a in members)

    def _conflict_figure(self, m: Measure, v: float, lo: float, hi: float) -> Figure | None:
        """An about/bare figure >= 30% from ``v`` whose interval misses [lo, hi] entirely."""
        rng = self.rng
        unit = m.variant.unit
        assert unit is not None
        for _ in range(12):
            up = rng.random() < 0.5 and hi < math.inf
            if UNITS[unit].kind == "percent" and v * 1.35 > 95:
                up = False
            if not up and lo <= 0:
                continue
            f = rng.uniform(1.35, 2.2)
            qual = choice(rng, ("about", "exact"))
            fig = self._figure_at(qual, v * f if up else v / f, choice(rng, (2, 3)), unit, "near")
            if fig is None:
                continue
            rep = fig.reps[0]
            far = rep >= 1.3 * v or rep * 1.3 <= v
            if far and (fig.lo > hi * (1 + 1e-9) or fig.hi < lo * (1 - 1e-9)):
                return fig
        return None

    def _near_misses(
        self, event: Event, m: Measure, i: int, anchor: Claim, noun_twin_ok: bool
    ) -> None:
        """Label a time-series pair; add a count-noun twin or a location twin sometimes.

        No noun twin next to a denial: "denies 420 km²" vs "asserts 110 settlements" would
        look like a stance conflict to a detector that ignores units.
        """
        rng = self.rng
        if m.prev is not None and rng.random() < 0.1:
            event.distinct.append((m.prev, anchor))
        if m.variant.twin_unit and noun_twin_ok and rng.random() < 0.03:
            self._noun_twin(event, m, i, anchor)
        if m.twin_place is not None and rng.random() < (0.06 if m.target else 0.4):
            self._location_twin(event, m, i, anchor)

    def _noun_twin(self, event: Event, m: Measure, i: int, anchor: Claim) -> None:
        rng = self.rng
        unit = m.variant.twin_unit
        assert unit is not None
        x = max(3.0, round(m.values[i] / rng.uniform(*m.variant.twin_ratio)))
        qual = "exact" if x < 20 or rng.random() < 0.5 else "about"
        fig = self._figure_at(qual, x, 2, unit, "near")
        if fig is None:
            return
        d = m.dates[i]
        claim = self._claim(
            m,
            self._next_fact(),
            fig,
            self._lang(),
            rng.randrange(6),
            d.isoformat(),
            d,
            "asserts",
            self._origins(m.variant.sides),
            pick(rng, ATTR_COUNTS, ATTR_COUNT_CUM),
        )
        event.claims.append(claim)
        event.distinct.append((claim, anchor))

    def _location_twin(self, event: Event, m: Measure, i: int, anchor: Claim) -> None:
        rng = self.rng
        assert m.twin_place is not None
        if m.twin is None:
            m.twin = Measure(m.family, m.variant, m.twin_place)
        twin = m.twin
        d = m.dates[i]
        twin.dates.append(d)
        value = m.values[i] * rng.uniform(0.85, 1.2) if m.quantitative else 0.0
        twin.values.append(self._true_value(m.variant, value))
        j = len(twin.dates) - 1
        claim = self._members(twin, j, 1, self._next_fact(), exact=True)[0]
        claim.primary = True
        event.claims.append(claim)
        event.distinct.append((claim, anchor))
        twin.prev = claim

    # -- emission ----------------------------------------------------------------------------

    def _emit(self, event: Event, budget: int) -> int:
        kept: list[tuple[Claim, int]] = []
        left = budget
        for claim in event.claims:
            if left <= 0:
                break
            n = min(claim.n_attr, left)
            kept.append((claim, n))
            left -= n
        for claim, _ in kept:
            self._register(claim)
        docs = self._documents(event, kept)
        self._write_rows(event, docs)
        self._write_truth(event)
        return budget - left

    def _register(self, claim: Claim) -> None:
        index = self.stats.claims
        self.stats.claims += 1
        claim.key = f"c{self.permute(index):0{self.width}d}"
        if not claim.measure.emitted:
            claim.measure.emitted = True
            self.stats.measures += 1
        self.stats.facts += claim.primary
        self.stats.denying_claims += claim.stance == "denies"
        self.stats.explicit_claims += claim.fields[6] != ""  # the qualifier column

    def _documents(self, event: Event, kept: list[tuple[Claim, int]]) -> list[Doc]:
        """Spread the attributions of an event over articles covering it.

        Every attribution of a claim is in a different article; an article carries up to six
        claims of the event (at most two of one fact).
        """
        rng = self.rng
        by_lang: dict[str, list[tuple[Claim, int]]] = {}
        for claim, n in kept:
            by_lang.setdefault(claim.lang, []).append((claim, n))
        docs: list[Doc] = []
        for lang, items in by_lang.items():
            outlets, outlet_cum = self._press_pool(lang, sum(n for _, n in items))
            open_docs: list[Doc] = []
            for claim, n in items:
                chosen = self._articles_for(claim, n, open_docs, outlets, outlet_cum, docs)
                self._attribute(claim, chosen)
                open_docs = [d for d in open_docs if d.size < 6]
        docs.sort(key=lambda _: rng.random())  # cheaper than shuffle; ties keep creation order
        return docs

    def _articles_for(
        self,
        claim: Claim,
        n: int,
        open_docs: list[Doc],
        outlets: list[Outlet],
        outlet_cum: list[float],
        docs: list[Doc],
    ) -> list[Doc]:
        rng = self.rng
        candidates = [d for d in open_docs if d.facts.count(claim.fact) < 2]
        chosen = rng.sample(candidates, min(n, len(candidates))) if candidates else []
        chosen = [d for d in chosen if rng.random() < 0.85]
        total = outlet_cum[-1]
        for _ in range(n - len(chosen)):
            outlet = outlets[bisect(outlet_cum, rng.random() * total)]
            doc = Doc(outlet, claim.lang, claim.ref)
            docs.append(doc)
            open_docs.append(doc)
            chosen.append(doc)
        return chosen

    def _attribute(self, claim: Claim, chosen: list[Doc]) -> None:
        """One row head per chosen article: origin, relay chain, quote, credibility."""
        rng = self.rng
        heads = {id(o): (claim.key, *claim.fields, claim.stance, *o.fields) for o in claim.origins}
        quotes = claim.quotes
        base = 1 if claim.stance == "denies" else 0
        for doc in chosen:
            doc.size += 1
            doc.facts.append(claim.fact)
            if claim.ref > doc.latest:
                doc.latest = claim.ref
            origin = claim.origins[0] if len(claim.origins) == 1 else choice(rng, claim.origins)
            via, hops = self._via(claim, origin, doc.outlet)
            bits = rng.getrandbits(22)  # one draw for quote, credibility and hostility
            quote = quotes[(bits >> 8) % len(quotes)]
            if bits >> 11 == 0:  # p = 1/2048
                quote = choice(rng, HOSTILE_QUOTES)(quote)
            if bits & 63 < 2:  # p = 1/32: "cannot be judged"
                cred = "6"
            else:
                score = base + hops + (2 if origin.named else 3) + CRED_JITTER[(bits >> 6) & 3]
                cred = CRED_TEXT[min(max(score, 1), 5)]
            doc.rows.append((*heads[id(origin)], cred, via, quote))

    def _press_pool(self, lang: str, total: int) -> tuple[list[Outlet], list[float]]:
        vocab = self.vocab
        size = max(1, min(150, round(total * 0.3) + 1))
        drawn = self.rng.choices(vocab.outlets[lang], cum_weights=vocab.outlet_cum[lang], k=size)
        outlets = list(dict.fromkeys(drawn))
        return outlets, zipf(len(outlets), 0.8)

    def _via(self, claim: Claim, origin: Source, outlet: Outlet) -> tuple[str, int]:
        """The relay chain (nearest to the origin first, never the document's outlet)."""
        rng = self.rng
        relay = claim.relay
        if relay is None:
            if rng.random() >= 0.2:
                return "", 0
            relay = pick(rng, self.vocab.relays, self.vocab.relay_cum)
            if relay.name in (outlet.name, origin.name):
                return "", 0
        elif relay.name == outlet.name:
            return "", 0
        if rng.random() < 0.2:
            second = pick(rng, self.vocab.relays, self.vocab.relay_cum)
            if second.name not in (outlet.name, origin.name, relay.name):
                return f"{relay.name}; {second.name}", 2
        return relay.name, 1

    def _write_rows(self, event: Event, docs: list[Doc]) -> None:
        assert self.writer is not None
        rows: list[tuple[str, ...]] = []
        for doc in docs:
            self.doc_seq += 1
            tail = self._doc_meta(event, doc)
            rows.extend(head + tail for head in doc.rows)
        self.writer.writerows(rows)
        self.stats.documents += len(docs)
        self.stats.attributions += len(rows)

    def _doc_meta(self, event: Event, doc: Doc) -> tuple[str, ...]:
        """(document_title, outlet, author, url, published, accessed, language)."""
        bits = self.rng.getrandbits(48)  # one draw for the document's small decisions
        day = min(doc.latest.toordinal() + PUBLICATION_LAGS[(bits & 0xFFFF) % LAG_COUNT], END_ORD)
        accessed = iso_day(min(day + ((bits >> 16) & 127), END_ORD))
        titles = event.titles_by_lang.setdefault(doc.lang, [])
        pick_title = (bits >> 23) & 1
        if pick_title >= len(titles):  # up to two headlines per event and language
            titles.append(self._title(event, doc.lang))
            pick_title = len(titles) - 1
        title, slug = titles[pick_title]
        if (bits >> 31) & 2047 == 0:  # p = 1/2048
            title += " <script>alert('x')</script>"
        authors = AUTHORS[doc.lang]
        author = "" if (bits >> 42) & 7 == 0 else authors[(bits >> 16) % len(authors)]
        published = iso_day(day)
        url = f"{URL_ROOT}{doc.outlet.slug}/{published.replace('-', '/')}/{slug}-{self.doc_seq}"
        return title, doc.outlet.name, author, url, published, accessed, doc.lang

    def _title(self, event: Event, lang: str) -> tuple[str, str]:
        """A headline and its URL slug."""
        rng = self.rng
        if lang == "en" and event.titles and rng.random() < 0.3:
            title = choice(rng, event.titles)
        else:
            topic = TOPIC_WORDS[event.category][lang]
            title = choice(rng, HEADLINES[lang]).format(
                topic=topic,
                Topic=cap_first(topic),
                at_loc=event.place.en_at,
                loc=event.place.names[lang],
            )
        title = cap_first(title)
        slug = slugify(title)
        if len(slug) > 40:
            slug = slug[:41].rsplit("-", 1)[0]
        return title, slug or "article"

    # -- ground truth ------------------------------------------------------------------------

    def _write_truth(self, event: Event) -> None:
        files = self.truth_files
        for cluster in event.clusters:
            keys = sorted(c.key for c in cluster if c.key)
            if len(keys) >= 2:
                files["duplicate_clusters"].write(json.dumps(keys) + "\n")
                self.stats.duplicate_clusters += 1
                self.stats.clustered_claims += len(keys)
        for a, b in event.conflicts:
            if a.key and b.key:
                files["conflict_pairs"].write(json.dumps(sorted((a.key, b.key))) + "\n")
                self.stats.conflict_pairs += 1
        for a, b in event.distinct:
            if a.key and b.key:
                files["distinct_pairs_sample"].write(json.dumps(sorted((a.key, b.key))) + "\n")
                self.stats.distinct_pairs += 1

    def _assemble_truth(self, parts: dict[str, Path]) -> None:
        header = {
            "format": "provenance-benchmark-truth/1",
            "seed": self.seed,
            "attributions": self.stats.attributions,
            "claims": self.stats.claims,
            "stats": asdict(self.stats),
        }
        with open(self.out_dir / "truth.json", "w", encoding="utf-8", newline="\n") as out:
            out.write("{\n")
            for key, value in header.items():
                out.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
            for n, name in enumerate(TRUTH_SECTIONS):
                out.write(f"  {json.dumps(name)}: [")
                _copy_lines(parts[name], out)
                out.write("]" + (",\n" if n < len(TRUTH_SECTIONS) - 1 else "\n"))
            out.write("}\n")


def _copy_lines(path: Path, out: TextIO) -> None:
    separator = "\n    "
    with open(path, encoding="utf-8") as src:
        for line in src:
            out.write(separator + line.rstrip("\n"))
            separator = ",\n    "
    if separator != "\n    ":
        out.write("\n  ")


# ---------------------------------------------------------------------------------------------
# Public API and command line
# ---------------------------------------------------------------------------------------------


def generate(attributions: int, seed: int, out_dir: Path) -> GenerationStats:
    """Write ``out_dir/claims.csv`` and ``out_dir/truth.json``; return what was written."""
    if attributions < 0:
        raise ValueError("attributions must be >= 0")
    return Generator(attributions, seed, Path(out_dir)).run()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Generate seeded synthetic claims (import CSV) with ground truth.",
    )
    parser.add_argument("--attributions", type=int, required=True, help="rows to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    stats = generate(args.attributions, args.seed, args.out)
    report = {**asdict(stats), "seconds": round(time.perf_counter() - started, 2)}
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
