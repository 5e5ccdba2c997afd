"""The words of each language, one data file per language.

``<code>.toml`` beside this module holds every word list provenance reads for that
language, in top-level tables owned by one concern each:

- ``[quantities]``: hedges, number words, multipliers, units and count nouns, and ranges:
  ``ranges`` maps an opening word to the words joining its two figures ("between 5 and
  10", "בין 10 ל-20"), ``ranges_closed`` a joining word to the words that must close the
  range after the second figure or its noun ("10 és 20 között"); a joining word that is
  also one of the language's ``connectors`` joins a range alone, and its closing words may
  follow ("10到20人之间"). One-word joining and closing words of ``ranges_closed`` may be
  case endings, written on the figures ("10-től 20-ig") or cut from a multiplier ("10
  ezertől 20 ezerig");
  ``ratio_words`` the words between the terms of a ratio ("1 in 4 children": neither is a
  figure), ``modifier_units`` units written joined to a figure to describe the next noun
  ("155-mm shells": no figure); ``distinct_counts`` lists canonical count nouns (the keys of
  ``[quantities.nouns]``) that count a thing of their own, so that figures of two different
  nouns, one of them listed, are two counts and never a conflict ("97 tanks", "788
  armoured vehicles"; "500 families", "2,000 people");
  ``units_before`` lists units written before the figure ("yüzde 10", "asilimia 10" are
  10 percent), by unit id; ``noun_only_before_figure`` says a count noun never follows its
  figure ("namoonni 300 ajjeefaman": the word after is the verb) but a listed one after a
  multiplier's figure or a vague amount, where none stands before ("miliyoni 7 z'abantu");
  ``counters`` are words after a figure that count anything ("300人"), and
  ``noun_after_counter`` says the counted noun follows such a counter of people ("300名警察"):
  a noun no table lists there reads as a count of people, kept as written, where it is
  short, ends the text or stands before a hedge, and has no letter of a word that changes
  a figure (unspaced text may hide one);
  ``decimal`` names the decimal mark ("dot", "comma"); ``also_decimal_comma`` says some
  of the press writes a decimal comma all the same, ``also_thousands_comma`` a comma
  between thousands ("1,200" in Spanish of the Americas): such figures read two ways and
  are refused;
  ``multipliers_after_figure`` lists multiplier forms read only after a figure, which
  alone are another number (Arabic "40 ألفا" is forty thousand, "ألفا شخص" two thousand
  people): alone they are refused;
- ``[dates]``: month names and relative-date words; ``ordinal_dot`` says ordinals are
  written with a dot before capitalised words ("am 24. Februar"), so such a dot ends no
  sentence; ``year_month_day_markers`` lists the
  marks written after a date's year, month and day ("2024年11月16日"), ``day_endings`` the
  endings a day's figure may take ("2024. november 16-án"); ``other_calendar_years_behind``
  says the month names also name the months of a calendar that many (or one more) years
  behind (Oromo, the Ethiopian): a date with them is read only with a year too late to be
  of that calendar at the document's date; ``era_offset`` the years a language's own era
  is ahead of the common era (Thai 543: 2567 is 2024), read for years written with the
  language's month names or after one of its ``era`` words ("พ.ศ."), ``era_century``
  the century of its years written with two digits after a month name ("16 พ.ย. 67" is
  2567), and ``common_era`` the words before a year of the common era ("ค.ศ."); an ``era``
  without ``era_offset`` says the press writes years of an era no one offset reads (the
  Cambodian Buddhist Era's year begins in April or May): a sentence with one is not dated;
  after ``since`` (a word up to five words before a date), ``since_next`` (a word right before
  it, or before its day: Italian "da", also "by") or ``since_after`` (words within three
  after it: Turkish "bu yana") a date starts a period, and the claim speaks of the
  article's date; so it does after ``began`` or before ``began_after``, verbs of a
  beginning ("the war, which began in April 2023, has killed…");
  ``day_month_after`` lists the words before a day and month written in figures, day
  first ("hôm 15/11", on 15 November; "ngày 15/11/2024");
- ``[measures]``: the general vocabulary of war and humanitarian reporting (what is
  counted: killed, wounded, troops, displaced…), stopwords and negation words;
- ``[sides]``: every country's name, people and capital, keyed by ISO 3166 code;
- ``[sources]``: cues that a source is unnamed ("a senior official", "sources familiar with"),
  and the words of source names that do not tell one source (``name_generic_words``:
  "agency") or one origin (``origin_generic_words``: "ministry", "army") from another;
- ``[attribution]``: attribution verbs and phrases ("said", "according to", "told");
  ``verb_second`` says the language writes its verb right after a source put first
  ("Enligt uppgifter dödades 300 människor"), a word not of the source's name;
  ``reported_first`` says the language writes the words reported first, closed by one of
  its ``complementisers``, then the speaker and the verb ("... என்று அதிகாரி ஒருவர்
  கூறினார்", an official said that ...): the speaker is what follows that word, even an
  unnamed one;
  ``written_against = true`` says the press writes these phrases, and the ``[sources]`` words,
  against the words around them, in a run of letters without spaces (Thai);
- ``[organisations]``: the international bodies war reporting cites, by English acronym.

A document's language tag is read with one file (``code``): its primary subtag ("pt-BR"
reads ``pt``), a three-letter ISO 639 code of a language with a file ("fra", "arb"), or a
close variety written like a language with a file (Dari with Persian, Croatian and
Bosnian with Serbian, Malay with Indonesian, Arabic dialect codes with Arabic).

A figure is often stated with a verb ("has exceeded 10,000", "rose to 1,200", Turkish
"10 bini aştı"). In ``[quantities]``, verbs that put the true figure beyond the stated one
are hedges of ``over`` (``[quantities.before]`` or ``[quantities.after]``, where the
language writes them); verbs written before a figure that state it as it is ("reached",
"stood at") are ``wrappers``, and ``wrappers_own_language_only`` those read only in text
of their own language (German "hat" is Hungarian "six"), and ``not_hedges`` words of the
language that another language's press writes as a hedge before a figure (Swahili "kama",
about, is Hausa "arrest": "kama mutum 300" is not about 300), and ``not_hedges_after`` words
that are hedges before a figure but never after it in the language's text (Swedish "under 20"
is under 20, "300 döda under natten" is 300 dead during the night); ``stating_verbs`` are
such verbs written after the figure ("10 bine ulaştı", "auf 10.000 gestiegen"), never taken
for its count noun; ``change_verbs`` after a figure make it a change, not a total ("10 bin
arttı", rose by 10,000), and the figure is refused, unless one of the ``total_wrappers`` before it
said the figure is the total the change reached ("ist auf 10.000 gestiegen"); a figure
after a total wrapper but without a change verb is refused ("ist auf 10.000 begrenzt").
``[quantities.participles]`` maps the English participle a figure's unit folds to onto the
participles written after a figure that say what was done to what it counts ("136
launched", "136 gestartet", "58 shot down"): they are the unit, never a count noun of their
own, and a part ("shot down") keeps a unit apart from its whole ("launched");
``nouns_capitalised`` says the language writes every noun with a capital, so a word in lower
case after a figure is not its count noun: it describes the capitalised word after it ("230
gepanzerte Fahrzeuge"), or, with none, the figure is refused unless the word is listed.
``changes_before`` are the words right before a figure that make it the size of a change
("rose by 40 percent", "um 40 Prozent"): running text proposes no figure after them, nor
after them and a wrapper read with the figure ("wzrosła o 40 procent"); in Chinese they
may be written against the words before ("比去年增长了40%").

A hedge any language writes before or after a figure, or one of the language's ``hedges``,
is never the unit of a figure before it, nor a word describing its count noun: after a
figure it is read only where an ``[quantities.after]`` table lists it, right after the
figure or its noun ("500 environ"), and refused elsewhere ("500 około", "500 około osób",
"300名左右士兵"). A hedge written before a figure is read also with a word for "and" that
its script writes against the next word (``[measures] attached_and``: "ونحو 500", and
about 500).

Where a case ending of a multiplier, unit or count noun changes a figure's reading,
``[quantities.cases.<case>]`` lists the case's ``forms`` (each also in its own table) and
what they do: by qualifier, the hedges that read so after a form of the case (Turkish
``up_to = ["kadar"]`` for the dative: "10 bine kadar" is up to 10,000, while "500 kadar"
is about 500); ``hedge``, the qualifier the ending itself gives (Hungarian "-ig": "10
ezerig" is up to 10,000); ``noun``, the count noun it implies ("tízezren", ten thousand
people); ``needs_hedge``, that a form is read only with one of its hedges after it ("10
ezernél" alone is refused, "10 ezernél több" is over 10,000); ``endings``, the case's
endings as written after digits with a hyphen, an apostrophe or a colon ("10 000-ig",
"10.000'den fazla", "10 000:een"), also read on count nouns the lexicon does not list. A
hedge listed there after a word whose case is not known is refused, and so is an unlisted
word that is a multiplier with a short ending ("10 ezerek"), and an ending not listed after
a colon ("500:lla", by 500, where the language lists only the endings of a total).

Adding a language is adding a file. Files are read lazily, once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

Table = dict[str, Any]


@cache
def languages() -> tuple[str, ...]:
    """Every language code with a lexicon file, sorted."""
    files = resources.files(__name__).iterdir()
    return tuple(sorted(f.name[:-5] for f in files if f.name.endswith(".toml")))


def load(tag: str) -> Table:
    """The whole lexicon of one language (a file's code or any tag ``code`` reads with
    it); an empty table for a language without a file."""
    return _load(code(tag))


@cache
def _load(name: str) -> Table:
    if name not in languages():
        return {}
    return parse(resources.files(__name__).joinpath(f"{name}.toml").read_text("utf-8"))


def parse(document: str) -> Table:
    """A TOML document as a table, parsed in compiled code (rtoml): commands that read
    claims' words load every language's file, which the standard library's parser takes
    half a second or more to read."""
    import rtoml

    return rtoml.loads(document)


def section(code: str, name: str) -> Table:
    """One top-level table of one language's lexicon (empty if absent)."""
    value = load(code).get(name, {})
    return value if isinstance(value, dict) else {}


ALIASES = {
    **dict.fromkeys(("eng",), "en"),
    **dict.fromkeys(("deu", "ger"), "de"),
    **dict.fromkeys(("fra", "fre"), "fr"),
    **dict.fromkeys(("spa",), "es"),
    **dict.fromkeys(("ita",), "it"),
    **dict.fromkeys(("por",), "pt"),
    **dict.fromkeys(("nld", "dut"), "nl"),
    **dict.fromkeys(("pol",), "pl"),
    **dict.fromkeys(("rus",), "ru"),
    **dict.fromkeys(("ukr",), "uk"),
    **dict.fromkeys(("bul",), "bg"),
    **dict.fromkeys(("bel",), "be"),
    **dict.fromkeys(("ces", "cze"), "cs"),
    **dict.fromkeys(("ron", "rum", "mo"), "ro"),
    **dict.fromkeys(("hun",), "hu"),
    **dict.fromkeys(("ell", "gre"), "el"),
    **dict.fromkeys(("srp", "hr", "hrv", "bs", "bos", "cnr", "sh", "hbs"), "sr"),
    **dict.fromkeys(("tur",), "tr"),
    **dict.fromkeys(("aze", "azj"), "az"),
    **dict.fromkeys(
        ("ara", "arb", "apd", "arz", "apc", "ajp", "acm", "ary", "aeb", "ayl", "afb"), "ar"
    ),
    **dict.fromkeys(("heb", "iw"), "he"),
    **dict.fromkeys(("fas", "per", "pes", "prs"), "fa"),
    **dict.fromkeys(("pus", "pbt", "pbu"), "ps"),
    **dict.fromkeys(("urd",), "ur"),
    **dict.fromkeys(("hin",), "hi"),
    **dict.fromkeys(("ben",), "bn"),
    **dict.fromkeys(("tam",), "ta"),
    **dict.fromkeys(("ind", "in", "ms", "msa", "may", "zsm"), "id"),
    **dict.fromkeys(("zho", "chi", "cmn"), "zh"),
    **dict.fromkeys(("jpn",), "ja"),
    **dict.fromkeys(("kor",), "ko"),
    **dict.fromkeys(("mya", "bur"), "my"),
    **dict.fromkeys(("swa", "swh"), "sw"),
    **dict.fromkeys(("som",), "so"),
    **dict.fromkeys(("amh",), "am"),
    **dict.fromkeys(("tir",), "ti"),
    **dict.fromkeys(("hye", "arm"), "hy"),
    **dict.fromkeys(("kat", "geo"), "ka"),
    **dict.fromkeys(("kur", "kmr"), "ku"),
    **dict.fromkeys(("hau",), "ha"),
    **dict.fromkeys(("hat",), "ht"),
    **dict.fromkeys(("orm", "gaz", "gax", "hae", "orc"), "om"),
    **dict.fromkeys(("kin",), "rw"),
    **dict.fromkeys(("swe",), "sv"),
}
"""Language tags read with another tag's file: ISO 639-2 and 639-3 codes, and close
varieties written with the same words (Dari, Croatian, Bosnian, Malay, Arabic dialects).
Sorani Kurdish (ckb) is not Kurmanji's: another script and other words. Kirundi (rn) is not
Kinyarwanda's: its month names differ ("Nyakanga" is September in Kirundi, July in
Kinyarwanda)."""


@cache
def code(tag: str | None) -> str:
    """The lexicon file a language tag is read with ("pt-BR" → pt, "fra" → fr, "prs"
    → fa), or the tag's primary subtag when no file is meant; "" for no tag."""
    low = (tag or "").strip().lower().replace("_", "-")
    if low in ALIASES:
        return ALIASES[low]
    primary = low.split("-")[0]
    return ALIASES.get(primary, primary)
