"""Labelled pairs of claims for conflicts and duplicates, shared by the tests and the
precision/recall report (``python -m benchmarks.labelled``).

Each case is two CSV rows (claim a, claim b) and the expected verdict. Fields not given
default to a troop count of Russian troops in Kursk Oblast on 2024-11-16.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Case:
    name: str
    a: dict[str, Any]
    b: dict[str, Any]
    expected: bool
    shared: dict[str, Any] = field(default_factory=dict)


DEFAULTS = {
    "category": "troop_count",
    "subject": "Russian troops",
    "metric": "deployed",
    "location": "Kursk Oblast",
    "as_of": "2024-11-16",
    "language": "en",
}


def rows(case: Case) -> list[dict[str, Any]]:
    """The two claims as import rows, each with its own key and source."""
    out = []
    for i, side in enumerate((case.a, case.b)):
        row = {**DEFAULTS, **case.shared, **side}
        row.setdefault("claim", f"{row.get('subject')} {row.get('metric')}: {row.get('quantity')}")
        row.setdefault("claim_key", "a" if i == 0 else "b")
        row.setdefault("source", f"Source {'AB'[i]}")
        row.setdefault("url", f"https://example.org/{case.name}/{i}")
        out.append(row)
    return out


CONFLICTS = [
    Case(
        "around-10000-vs-12000",
        {"quantity": "around 10,000 troops"},
        {"quantity": "12,000 troops"},
        True,
    ),
    Case(
        "90-vs-0-km2",
        {"quantity": "90 km²"},
        {"quantity": "0 km²"},
        True,
        {"category": "territory", "subject": "Ukrainian forces", "metric": "area held"},
    ),
    Case(
        "531-sq-mi-vs-800-km2",
        {"quantity": "531 square miles"},
        {"quantity": "800 km²"},
        True,
        {"category": "territory", "subject": "Ukrainian forces", "metric": "area held"},
    ),
    Case(
        "more-than-50000-vs-up-to-40000",
        {"quantity": "more than 50,000 troops"},
        {"quantity": "up to 40,000 troops"},
        True,
    ),
    Case(
        "german-8000-vs-english-12000",
        {"quantity": "etwa 8.000 Soldaten", "language": "de"},
        {"quantity": "about 12,000 troops"},
        True,
    ),
    Case(
        "range-vs-outside",
        {"quantity": "between 10,000 and 12,000 troops"},
        {"quantity": "15,000 troops"},
        True,
    ),
    Case(
        "over-40-vs-30-percent",
        {"quantity": "over 40 percent"},
        {"quantity": "30 percent"},
        True,
        {"category": "territory", "subject": "Ukrainian-held territory", "metric": "share lost"},
    ),
    Case(
        "month-vs-day-inside-it",
        {"quantity": "about 10,000 troops", "as_of": "2024-11"},
        {"quantity": "20,000 troops", "as_of": "2024-11-20"},
        True,
    ),
    Case(
        "word-order-and-synonyms",
        {"quantity": "10,000 troops", "subject": "troops of Russia"},
        {"quantity": "25,000 soldiers", "subject": "Russian soldiers"},
        True,
    ),
    Case(
        "two-days-apart-inside-window",
        {"quantity": "10,000 troops", "as_of": "2024-11-14"},
        {"quantity": "30,000 troops", "as_of": "2024-11-18"},
        True,
    ),
    Case(
        "ukrainian-number-format",
        {"quantity": "близько 10 000 військових", "language": "uk"},
        {"quantity": "about 20,000 troops"},
        True,
    ),
    Case(
        "casualties-millions",
        {"quantity": "1.5 million shells", "metric": "shells supplied"},
        {"quantity": "300,000 shells", "metric": "shells supplied"},
        True,
        {"category": "aid_transfer", "subject": "North Korea"},
    ),
]

NON_CONFLICTS = [
    Case(
        "close-to-60000-vs-some-59000",
        {"quantity": "close to 60,000 troops"},
        {"quantity": "some 59,000 troops"},
        False,
    ),
    Case(
        "531-sq-mi-vs-1376-km2",
        {"quantity": "531 square miles"},
        {"quantity": "1,376 km²"},
        False,
        {"category": "territory", "subject": "Ukrainian forces", "metric": "area held"},
    ),
    Case(
        "up-to-10000-vs-8000",
        {"quantity": "up to 10,000 troops"},
        {"quantity": "8,000 troops"},
        False,
    ),
    Case(
        "time-series-over",
        {"quantity": "over 29,250 losses", "as_of": "2024-11-03"},
        {"quantity": "over 37,355 losses", "as_of": "2024-12-02"},
        False,
        {"category": "casualties", "metric": "losses"},
    ),
    Case(
        "held-august-vs-november",
        {"quantity": "1,000 km²", "as_of": "2024-08-20"},
        {"quantity": "800 km²", "as_of": "2024-11-20"},
        False,
        {"category": "territory", "subject": "Ukrainian forces", "metric": "area held"},
    ),
    Case(
        "containers-vs-shells",
        {"quantity": "6,700 containers"},
        {"quantity": "6 million shells"},
        False,
        {"category": "aid_transfer", "subject": "North Korea", "metric": "supplied"},
    ),
    Case(
        "different-location",
        {"quantity": "10,000 troops"},
        {"quantity": "50,000 troops", "location": "Donetsk Oblast"},
        False,
    ),
    Case(
        "different-subject",
        {"quantity": "60,000 troops"},
        {"quantity": "10,000 troops", "subject": "North Korean troops"},
        False,
    ),
    Case(
        "about-within-tolerance",
        {"quantity": "about 10,000 troops"},
        {"quantity": "11,000 troops"},
        False,
    ),
    Case(
        "million-written-two-ways",
        {"quantity": "1.5 million shells"},
        {"quantity": "1,500,000 shells"},
        False,
        {"category": "aid_transfer", "subject": "North Korea", "metric": "shells supplied"},
    ),
    Case(
        "french-vs-english",
        {"quantity": "environ 10 000 soldats", "language": "fr"},
        {"quantity": "about 10,000 troops"},
        False,
    ),
    Case(
        "at-least-vs-over",
        {"quantity": "at least 40 percent"},
        {"quantity": "over 40 percent"},
        False,
        {"category": "territory", "subject": "Ukrainian-held territory", "metric": "share lost"},
    ),
    Case(
        "undated",
        {"quantity": "10,000 troops", "as_of": ""},
        {"quantity": "50,000 troops", "as_of": ""},
        False,
    ),
    Case(
        "different-metric",
        {"quantity": "60,000 troops"},
        {"quantity": "5,000 troops", "metric": "killed"},
        False,
    ),
    Case(
        "vague-vs-figure", {"quantity": "thousands of troops"}, {"quantity": "5,000 troops"}, False
    ),
]


DUPLICATES = [
    Case(
        "close-to-60000-vs-some-59000",
        {"quantity": "close to 60,000 troops"},
        {
            "quantity": "some 59,000 troops",
            "claim": "Some 59,000 Russian soldiers are massed in Kursk.",
        },
        True,
    ),
    Case(
        "309-sq-mi-vs-800-km2",
        {"quantity": "roughly 309 square miles"},
        {"quantity": "800 km²"},
        True,
        {"category": "territory", "subject": "Ukrainian-held territory", "metric": "area held"},
    ),
    Case(
        "german-vs-english",
        {
            "quantity": "etwa 60.000 Soldaten",
            "language": "de",
            "claim": "Russland hat etwa 60.000 Soldaten in Kursk zusammengezogen.",
        },
        {"quantity": "about 60,000 troops"},
        True,
    ),
    Case(
        "over-40-percent-reworded",
        {
            "claim": "Ukraine has lost over 40 percent of the territory it had gained in Kursk.",
            "quantity": "over 40 percent",
            "subject": "",
            "metric": "",
        },
        {
            "claim": "Over 40 percent of the territory Ukraine had gained in Kursk has been lost.",
            "quantity": "over 40 percent",
            "subject": "",
            "metric": "",
        },
        True,
        {"category": "territory"},
    ),
    Case(
        "qualitative-same-text",
        {
            "claim": "North Korean soldiers in Kursk wear Russian uniforms.",
            "quantity": "",
            "subject": "",
            "metric": "",
        },
        {
            "claim": "North Korean soldiers in Kursk are wearing Russian uniforms.",
            "quantity": "",
            "subject": "",
            "metric": "",
        },
        True,
        {"category": "statement"},
    ),
    Case(
        "same-month-precision",
        {"quantity": "about 10,000 troops", "as_of": "2024-11"},
        {"quantity": "10,000 troops", "as_of": "2024-11-05"},
        True,
        {"subject": "North Korean troops"},
    ),
]

DISTINCT = [
    Case(
        "around-10000-vs-around-12000",
        {"quantity": "around 10,000 troops", "claim": "Russia has around 10,000 troops in Kursk."},
        {"quantity": "around 12,000 troops", "claim": "Russia has around 12,000 troops in Kursk."},
        False,
    ),
    Case(
        "time-series",
        {"quantity": "over 29,250 losses", "as_of": "2024-11-03"},
        {"quantity": "over 37,355 losses", "as_of": "2024-12-02"},
        False,
        {"category": "casualties", "metric": "losses"},
    ),
    Case(
        "up-to-vs-figure", {"quantity": "up to 10,000 troops"}, {"quantity": "8,000 troops"}, False
    ),
    Case(
        "other-location",
        {"quantity": "10,000 troops"},
        {"quantity": "10,000 troops", "location": "Donetsk Oblast"},
        False,
    ),
    Case(
        "russian-vs-ukrainian-advance",
        {
            "claim": "Russian forces advanced near Korenevo.",
            "quantity": "",
            "subject": "",
            "metric": "",
        },
        {
            "claim": "Ukrainian forces advanced near Korenevo.",
            "quantity": "",
            "subject": "",
            "metric": "",
        },
        False,
        {"category": "advance"},
    ),
    Case(
        "different-brigade-numbers",
        {
            "claim": "The 47th brigade was moved to Kursk.",
            "quantity": "",
            "subject": "",
            "metric": "",
        },
        {
            "claim": "The 72nd brigade was moved to Kursk.",
            "quantity": "",
            "subject": "",
            "metric": "",
        },
        False,
        {"category": "statement"},
    ),
    Case(
        "containers-vs-shells",
        {"quantity": "6,700 containers"},
        {"quantity": "6 million shells"},
        False,
        {"category": "aid_transfer", "subject": "North Korea", "metric": "supplied"},
    ),
    Case(
        "captured-vs-lost",
        {"claim": "Ukrainian forces captured Sudzha.", "quantity": "", "subject": "", "metric": ""},
        {"claim": "Ukrainian forces lost Sudzha.", "quantity": "", "subject": "", "metric": ""},
        False,
        {"category": "advance"},
    ),
]

DUPLICATES += [
    Case(
        "qualitative-other-language",
        {
            "claim": "Russian forces advanced near Kostiantynivka.",
            "quantity": "",
            "category": "advance",
            "metric": "advanced",
            "location": "Kostiantynivka",
        },
        {
            "claim": "Kostiantynivka: Российские войска продвинулись",
            "quantity": "",
            "category": "advance",
            "metric": "advanced",
            "location": "Kostiantynivka",
            "language": "ru",
        },
        True,
    ),
    Case(
        "residents-vs-civilians",
        {
            "quantity": "roughly 23,700 civilians",
            "claim": "Roughly 23,700 civilians were evacuated.",
        },
        {"quantity": "23,700 residents", "claim": "23,700 residents have been evacuated."},
        True,
        {"category": "other", "subject": "civilians", "metric": "evacuated"},
    ),
    Case(
        "attack-drones-vs-drones",
        {"quantity": "about 310 drones"},
        {"quantity": "310 attack drones"},
        True,
        {"category": "other", "subject": "Shahed drones", "metric": "launched per month"},
    ),
    Case(
        "one-government-in-two-languages",
        {
            "claim": "More than 600,000 Sudanese refugees have crossed into Chad, the government said.",
            "quantity": "more than 600,000",
            "subject": "Sudanese refugees",
            "metric": "refugees arrived in Chad",
            "source": "Government of Chad",
            "source_kind": "government",
        },
        {
            "claim": "Plus de 600 000 réfugiés soudanais sont arrivés au Tchad, selon N'Djamena.",
            "quantity": "plus de 600 000",
            "subject": "",
            "metric": "",
            "source": "gouvernement tchadien",
            "source_kind": "government",
            "language": "fr",
        },
        True,
        {"category": "other", "location": "", "as_of": "2024-11"},
    ),
]
DISTINCT += [
    Case(
        "same-structure-different-proposition",
        {
            "claim": "Russia is ramping up its counteroffensive efforts in Kursk.",
            "quantity": "",
            "category": "statement",
            "metric": "counteroffensive",
        },
        {
            "claim": "Russia has been conducting counteroffensive operations to weaken Kyiv's control.",
            "quantity": "",
            "category": "statement",
            "metric": "counteroffensive",
        },
        False,
    ),
]

_MARKET_TOLL = {"category": "casualties", "subject": "", "metric": "", "location": ""}
DISTINCT += [
    Case(
        "a-floor-above-a-round-figure-of-another-origin",
        {
            "claim": "At least 208 people were killed in the attack on the Easton market.",
            "quantity": "At least 208 people",
            "source": "unattributed",
            "source_named": "false",
        },
        {
            "claim": "The United Nations said at least 200 people were killed in the attack "
            "on the Easton market.",
            "quantity": "at least 200 people",
            "source": "United Nations",
        },
        False,
        _MARKET_TOLL,
    ),
    Case(
        "two-unattributed-reports-are-not-one-origin",
        {
            "claim": "At least 208 people were killed in the attack on the Easton market.",
            "quantity": "At least 208 people",
            "source": "unattributed",
            "source_named": "false",
        },
        {
            "claim": "About 200 people were killed in the attack on the Easton market.",
            "quantity": "About 200 people",
            "source": "unattributed",
            "source_named": "false",
        },
        False,
        _MARKET_TOLL,
    ),
]
DUPLICATES += [
    Case(
        "one-origin-rounds-its-own-figure",
        {
            "claim": "The health ministry said 208 people were killed in the attack on the "
            "Easton market.",
            "quantity": "208 people",
            "source": "Easton health ministry",
        },
        {
            "claim": "More than 200 people were killed in the attack on the Easton market, "
            "the health ministry said.",
            "quantity": "More than 200 people",
            "source": "Easton health ministry",
        },
        True,
        _MARKET_TOLL,
    ),
    Case(
        "reports-of-one-body-by-an-unnamed-member",
        {
            "claim": "At least 2,900 people were killed in the fighting for Easton, "
            "according to the UN.",
            "quantity": "At least 2,900 people",
            "source": "UN",
        },
        {
            "claim": "Some 2,900 people were killed in the fighting for Easton, a UN "
            "representative said.",
            "quantity": "Some 2,900 people",
            "source": "a UN representative",
            "source_named": "false",
        },
        True,
        _MARKET_TOLL,
    ),
]

DISTINCT += [
    Case(
        "sides-of-another-war",
        {
            "claim": "Ethiopian forces advanced near Shire.",
            "quantity": "",
            "subject": "",
            "metric": "",
            "location": "Shire",
        },
        {
            "claim": "Eritrean forces advanced near Shire.",
            "quantity": "",
            "subject": "",
            "metric": "",
            "location": "Shire",
        },
        False,
        {"category": "advance"},
    ),
    Case(
        "capitals-speak-for-their-sides",
        {
            "claim": "Addis Ababa said its forces took Shire.",
            "quantity": "",
            "subject": "",
            "metric": "",
            "location": "Shire",
        },
        {
            "claim": "Asmara said its forces took Shire.",
            "quantity": "",
            "subject": "",
            "metric": "",
            "location": "Shire",
        },
        False,
        {"category": "advance"},
    ),
]

CONFLICTS += [
    Case(
        "qualitative-assert-vs-deny",
        {
            "claim": "Russian forces captured a position near Krasnitsy.",
            "quantity": "",
            "category": "advance",
            "metric": "captured position",
            "location": "Krasnitsy",
        },
        {
            "claim": "Russian forces captured a position near Krasnitsy, officials said.",
            "quantity": "",
            "category": "advance",
            "metric": "captured position",
            "location": "Krasnitsy",
            "stance": "denies",
        },
        True,
    ),
]

NON_CONFLICTS += [
    Case(
        "numbered-places-differ",
        {"quantity": "10,000 troops", "location": "Sector 0412, Kursk Oblast"},
        {"quantity": "50,000 troops", "location": "Sector 0413, Kursk Oblast"},
        False,
    ),
]

NON_CONFLICTS += [
    Case(
        "little-village-is-another-village",
        {"quantity": "240 residents", "location": "Mala Bohdanysche"},
        {"quantity": "8 residents", "location": "Bohdanysche"},
        False,
        {"category": "casualties", "subject": "civilians", "metric": "killed"},
    ),
]
NON_CONFLICTS += [
    Case(
        "upper-and-little-villages",
        {"quantity": "572 residents", "location": "Verkhnia Kostiantynytsia"},
        {"quantity": "about 110 residents", "location": "Mala Kostiantynytsia"},
        False,
        {"category": "casualties", "subject": "civilians", "metric": "wounded"},
    ),
]
CONFLICTS += [
    Case(
        "spelling-variants-of-one-place",
        {"quantity": "10,000 troops", "location": "Kiev region"},
        {"quantity": "50,000 troops", "location": "Kyiv Oblast"},
        True,
    ),
]
CONFLICTS += [
    Case(
        "one-side-named-by-its-capital-and-its-name",
        {
            "claim": "Kyiv says Russia lost 1,200 troops near Pokrovsk.",
            "quantity": "1,200 troops",
        },
        {
            "claim": "Ukraine's army says Russia lost 300 troops near Pokrovsk.",
            "quantity": "300 troops",
        },
        True,
        {
            "category": "casualties",
            "subject": "Russian troops",
            "metric": "killed",
            "location": "Pokrovsk",
        },
    ),
]

_LOSSES = {"category": "casualties", "subject": "Russian troops", "metric": "losses"}
NON_CONFLICTS += [
    Case(
        "a-day-of-losses-within-the-total",
        {
            "claim": "Russia lost 1,550 troops over the past day, the General Staff said.",
            "quantity": "1,550 troops",
        },
        {
            "claim": "Russia has lost about 700,000 troops since February 2022.",
            "quantity": "about 700,000 troops",
        },
        False,
        _LOSSES,
    ),
    Case(
        "the-day-and-the-total-in-one-sentence",
        {
            "claim": "Total losses reached about 700,000 troops, including 1,550 over the past day.",
            "quantity": "1,550",
        },
        {
            "claim": "Total losses reached about 700,000 troops, including 1,550 over the past day.",
            "quantity": "about 700,000 troops",
        },
        False,
        _LOSSES,
    ),
    Case(
        "arabic-toll-of-24-hours-within-the-total",
        {
            "claim": "قالت وزارة الصحة إن 45 شخصا قتلوا خلال الـ24 ساعة الماضية.",
            "quantity": "45 شخصا",
            "language": "ar",
        },
        {
            "claim": "قالت وزارة الصحة إن حصيلة القتلى ارتفعت إلى 43 ألفا و800 شخص.",
            "quantity": "43 ألفا و800 شخص",
            "language": "ar",
        },
        False,
        {"category": "casualties", "subject": "قتلى غزة", "metric": "قتلى", "location": "غزة"},
    ),
]
CONFLICTS += [
    Case(
        "two-days-of-losses-disagree",
        {
            "claim": "Russia lost 1,550 troops over the past day, the General Staff said.",
            "quantity": "1,550 troops",
        },
        {
            "claim": "Russia lost 2,100 troops over the past day, a blogger claimed.",
            "quantity": "2,100 troops",
        },
        True,
        _LOSSES,
    ),
    Case(
        "a-day-of-losses-above-the-total",
        {
            "claim": "Russia lost 9,000 troops over the past day, a blogger claimed.",
            "quantity": "9,000 troops",
        },
        {"claim": "Russia has lost 5,000 troops in all.", "quantity": "5,000 troops"},
        True,
        _LOSSES,
    ),
]

_HOSTAGES = {"category": "casualties", "subject": "", "metric": "", "location": ""}
NON_CONFLICTS += [
    Case(
        "hostages-still-held-among-those-taken",
        {
            "claim": "About 251 hostages were taken into Gaza on October 7, officials said.",
            "quantity": "About 251 hostages",
        },
        {
            "claim": "Some 101 hostages remain in Gaza, officials said.",
            "quantity": "Some 101 hostages",
        },
        False,
        _HOSTAGES,
    ),
    Case(
        "hostages-released-and-still-held",
        {
            "claim": "Hamas has released 105 hostages since November, officials said.",
            "quantity": "105 hostages",
        },
        {
            "claim": "Some 101 hostages remain in Gaza, officials said.",
            "quantity": "Some 101 hostages",
        },
        False,
        _HOSTAGES,
    ),
]
CONFLICTS += [
    Case(
        "hostages-still-held-disagree",
        {
            "claim": "Some 101 hostages remain in Gaza, officials said.",
            "quantity": "Some 101 hostages",
        },
        {
            "claim": "About 130 hostages remain in Gaza, a spokesman said.",
            "quantity": "About 130 hostages",
        },
        True,
        _HOSTAGES,
    ),
]

NON_CONFLICTS += [
    Case(
        "hostages-held-counted-up-a-week-later",
        {
            "claim": "The army said 212 hostages were being held in the enclave.",
            "quantity": "212 hostages",
            "as_of": "2024-03-02",
        },
        {
            "claim": "At least 240 hostages are now held in the enclave, the army said.",
            "quantity": "At least 240 hostages",
            "as_of": "2024-03-09",
        },
        False,
        _HOSTAGES,
    ),
    Case(
        "hostages-held-one-measure-counted-up-days-later",
        {"quantity": "212 hostages", "as_of": "2024-03-02"},
        {"quantity": "224 hostages", "as_of": "2024-03-06"},
        False,
        {"category": "casualties", "subject": "hostages held", "metric": "hostages"},
    ),
    Case(
        "toll-of-one-measure-counted-up-days-later",
        {"quantity": "1,213 killed", "as_of": "2024-03-02"},
        {"quantity": "1,402 killed", "as_of": "2024-03-08"},
        False,
        {"category": "casualties", "subject": "attack on the town", "metric": "killed"},
    ),
]
CONFLICTS += [
    Case(
        "hostages-held-fall-days-later",
        {"quantity": "240 hostages", "as_of": "2024-03-02"},
        {"quantity": "212 hostages", "as_of": "2024-03-06"},
        True,
        {"category": "casualties", "subject": "hostages held", "metric": "hostages"},
    ),
    Case(
        "hostages-remaining-rise-days-later",
        {
            "claim": "Some 101 hostages remain in the enclave, officials said.",
            "quantity": "Some 101 hostages",
            "as_of": "2024-03-02",
        },
        {
            "claim": "About 130 hostages remain in the enclave, a spokesman said.",
            "quantity": "About 130 hostages",
            "as_of": "2024-03-06",
        },
        True,
        _HOSTAGES,
    ),
]

CONFLICTS += [
    Case(
        "a-spokeswoman-named-in-the-text-is-no-place",
        {
            "claim": "Around 1,200 people were killed in the attack on Northtown, "
            "spokeswoman Maria Lindqvist said.",
            "quantity": "Around 1,200 people",
            "source": "Maria Lindqvist, army spokeswoman",
            "source_kind": "military",
        },
        {
            "claim": "More than 1,400 people were killed in the attack on Northtown, "
            "Southland officials said.",
            "quantity": "More than 1,400 people",
        },
        True,
        {"category": "casualties", "subject": "", "metric": "", "location": ""},
    ),
]

_DRONES = {"category": "other", "subject": "", "metric": "", "location": ""}
NON_CONFLICTS += [
    Case(
        "drones-shot-down-among-those-launched",
        {
            "claim": "Russia launched 73 drones at Ukraine overnight, the air force said.",
            "quantity": "73 drones",
        },
        {
            "claim": "Air defences shot down 58 drones overnight, the air force said.",
            "quantity": "58 drones",
        },
        False,
        _DRONES,
    ),
]
CONFLICTS += [
    Case(
        "drones-shot-down-disagree",
        {
            "claim": "Air defences shot down 58 drones overnight, the air force said.",
            "quantity": "58 drones",
        },
        {
            "claim": "Air defences intercepted 30 drones overnight, a blogger said.",
            "quantity": "30 drones",
        },
        True,
        _DRONES,
    ),
    Case(
        "drones-shot-down-us-written-two-ways",
        {
            "claim": "US Navy ships shot down 15 drones over the Gulf on Saturday, "
            "US Central Command said.",
            "quantity": "15 drones",
        },
        {
            "claim": "The navies shot down at least 28 drones on Saturday, according to "
            "U.S. Central Command.",
            "quantity": "at least 28 drones",
        },
        True,
        _DRONES,
    ),
]

NON_CONFLICTS += [
    Case(
        "refugees-abroad-and-displaced-inside",
        {
            "claim": "About 6 million people have fled the country and are now abroad.",
            "quantity": "About 6 million people",
        },
        {
            "claim": "About 3.7 million people are displaced inside the country.",
            "quantity": "About 3.7 million people",
        },
        False,
        {"category": "other", "subject": "", "metric": "", "location": ""},
    ),
]

NON_CONFLICTS += [
    Case(
        "bodies-recovered-are-a-floor-of-the-dead",
        {
            "claim": "Rescuers have recovered 300 bodies from the rubble.",
            "quantity": "300 bodies",
        },
        {
            "claim": "More than 1,000 people were killed in the strikes.",
            "quantity": "More than 1,000 people",
        },
        False,
        {"category": "casualties", "subject": "", "metric": "", "location": ""},
    ),
]
_HOSPITAL_DENIAL = {
    "claim": "The paramilitaries denied killing more than 400 patients at the city's "
    "hospital, saying there was no hospital there.",
    "quantity": "more than 400 patients",
    "subject": "denial of the hospital killings",
    "metric": "patients said to be killed",
    "as_of": "2025-10",
}
_CITY_TOLL = {"category": "casualties", "location": "Rivertown"}
NON_CONFLICTS += [
    Case(
        "a-denied-figure-is-asserted-by-nobody",
        _HOSPITAL_DENIAL,
        {
            "claim": "A drone strike on a shelter for displaced people killed 30 people, "
            "a medical source said.",
            "quantity": "30 people",
            "subject": "strike on a shelter",
            "metric": "dead",
            "as_of": "2025-10-11",
        },
        False,
        _CITY_TOLL,
    ),
]
CONFLICTS += [
    Case(
        "a-denial-against-the-figure-it-denies",
        _HOSPITAL_DENIAL,
        {
            "claim": "The WHO said more than 460 patients and their companions were killed at "
            "the city's maternity hospital.",
            "quantity": "more than 460 patients",
            "subject": "hospital attack",
            "metric": "patients killed",
            "as_of": "2025-10-28",
        },
        True,
        _CITY_TOLL,
    ),
]
_TOLL = {"category": "casualties", "subject": "war dead", "metric": "killed", "as_of": "2024-06"}
NON_CONFLICTS += [
    Case(
        "one-figure-hedged-up-to-and-above",
        {"claim": "A study says as many as 61,000 were killed.", "quantity": "as many as 61,000"},
        {"claim": "A study says more than 61,000 people died.", "quantity": "more than 61,000"},
        False,
        _TOLL,
    ),
    Case(
        "one-figure-hedged-nearly-and-above",
        {"claim": "Nearly 61,000 were killed, a study says.", "quantity": "nearly 61,000"},
        {"claim": "More than 61,000 were killed, a study says.", "quantity": "more than 61,000"},
        False,
        _TOLL,
    ),
]
CONFLICTS += [
    Case(
        "explicitly-below-against-above-one-figure",
        {"claim": "Fewer than 100 people were killed.", "quantity": "fewer than 100 people"},
        {"claim": "More than 100 people were killed.", "quantity": "more than 100 people"},
        True,
        _TOLL,
    ),
]
_FRONT = {"category": "territory", "location": "Rivertown", "as_of": "2024-03-25", "quantity": ""}
NON_CONFLICTS += [
    Case(
        "a-denied-deed-is-not-answered-by-another-deed-at-the-place",
        {
            "claim": "According to reports, Russian forces advanced near Rivertown.",
            "subject": "Russian forces",
            "metric": "advanced",
            "stance": "denies",
        },
        {
            "claim": "Geolocated footage confirms Ukrainian forces counterattacked near Rivertown.",
            "subject": "Ukrainian forces",
            "metric": "counterattacked",
        },
        False,
        _FRONT,
    ),
]

_DISPLACED = {"category": "other", "subject": "", "metric": "", "location": ""}
NON_CONFLICTS += [
    Case(
        "refugees-arrived-counted-up-days-later",
        {
            "claim": "Some 28,000 refugees have crossed into the country, the government said.",
            "quantity": "Some 28,000 refugees",
            "as_of": "2024-05-02",
        },
        {
            "claim": "More than 88,000 refugees have now crossed into the country, officials said.",
            "quantity": "More than 88,000 refugees",
            "as_of": "2024-05-05",
        },
        False,
        _DISPLACED,
    ),
]
CONFLICTS += [
    Case(
        "displaced-fall-days-later",
        {"quantity": "120,000 displaced", "as_of": "2024-05-02"},
        {"quantity": "60,000 displaced", "as_of": "2024-05-05"},
        True,
        {"category": "other", "subject": "people displaced", "metric": "displaced"},
    ),
]

_AID = {"category": "aid_transfer", "location": "Ukraine", "metric": "delivered"}
"""Deliveries of one donor, told by the words of each claim (their subjects differ)."""

NON_CONFLICTS += [
    Case(
        "tanks-are-a-part-of-armoured-vehicles",
        {
            "claim": "Poland has delivered 97 tanks to Ukraine",
            "quantity": "97 tanks",
            "subject": "Polish tanks",
        },
        {
            "claim": "Ukraine: Polen hat mindestens 788 gepanzerte Fahrzeuge geliefert",
            "quantity": "mindestens 788 gepanzerte Fahrzeuge",
            "subject": "Polish armoured vehicles",
            "language": "de",
        },
        False,
        _AID,
    ),
    Case(
        "trucks-and-tanks-are-two-counts",
        {
            "claim": "Poland has delivered 97 tanks to Ukraine",
            "quantity": "97 tanks",
            "subject": "Polish tanks",
        },
        {
            "claim": "Poland has delivered 300 trucks to Ukraine",
            "quantity": "300 trucks",
            "subject": "Polish trucks",
        },
        False,
        _AID,
    ),
    Case(
        "families-are-not-people",
        {
            "claim": "Shelling displaced 500 families from the town",
            "quantity": "500 families",
            "subject": "families",
        },
        {
            "claim": "Shelling displaced 2,000 people from the town",
            "quantity": "2,000 people",
            "subject": "residents",
        },
        False,
        {"category": "casualties", "location": "Kostiantynivka", "metric": "displaced"},
    ),
]

CONFLICTS += [
    Case(
        "tanks-against-tanks-in-the-words",
        {
            "claim": "Poland has delivered 97 tanks to Ukraine",
            "quantity": "97 tanks",
            "subject": "Polish tanks",
        },
        {
            "claim": "Poland has delivered at least 788 tanks to Ukraine",
            "quantity": "at least 788 tanks",
            "subject": "Polish armour",
        },
        True,
        _AID,
    ),
]

NON_CONFLICTS += [
    Case(
        "two-donors-spelled-alike",
        {
            "claim": "Spain has delivered roughly 61 armoured vehicles to Ukraine",
            "quantity": "roughly 61 armoured vehicles",
            "subject": "Spanish armoured vehicles",
        },
        {
            "claim": "Denmark has delivered roughly 610 armored vehicles to Ukraine so far",
            "quantity": "roughly 610 armored vehicles",
            "subject": "Danish armoured vehicles",
        },
        False,
        _AID,
    ),
    Case(
        "austria-is-not-australia",
        {
            "claim": "Austria hosts 80,000 refugees from Ukraine",
            "quantity": "80,000 refugees",
            "subject": "Ukrainian refugees in Austria",
        },
        {
            "claim": "Australia hosts 11,000 refugees from Ukraine",
            "quantity": "11,000 refugees",
            "subject": "Ukrainian refugees in Australia",
        },
        False,
        {"category": "other", "metric": "hosted", "location": ""},
    ),
]

NON_CONFLICTS += [
    Case(
        "pledged-is-not-delivered",
        {
            "claim": "Finland has pledged 120 tanks to Ukraine",
            "quantity": "120 tanks",
            "subject": "Finnish tanks",
        },
        {
            "claim": "Finland has delivered 17 tanks to Ukraine so far",
            "quantity": "17 tanks",
            "subject": "Finnish armour",
        },
        False,
        _AID,
    ),
    Case(
        "zugesagt-is-not-delivered",
        {
            "claim": "Ukraine: Finnland hat 120 Panzer zugesagt",
            "quantity": "120 Panzer",
            "subject": "Finnish tanks",
            "language": "de",
        },
        {
            "claim": "Finland has delivered 17 tanks to Ukraine so far",
            "quantity": "17 tanks",
            "subject": "Finnish armour",
        },
        False,
        _AID,
    ),
]

CONFLICTS += [
    Case(
        "two-pledges-of-one-donor",
        {
            "claim": "Finland has pledged 120 tanks to Ukraine",
            "quantity": "120 tanks",
            "subject": "Finnish tanks",
        },
        {
            "claim": "Finland has promised 17 tanks to Ukraine",
            "quantity": "17 tanks",
            "subject": "Finnish armour",
        },
        True,
        _AID,
    ),
]
