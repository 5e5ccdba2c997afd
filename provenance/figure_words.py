"""The words figures are written with, read from the lexicon's ``[quantities]`` tables.

Each language's file lists its hedges, multipliers, units, currencies, count nouns and
vague phrases; this module tokenises them once and builds the lookup tables the figure
parser walks. Most tables are shared: a hedge or a unit of any language is read in text
of any other (a French report quotes "plus de 600" inside English text). Some depend on
the document's language: the decimal convention, multipliers (English ones are read
everywhere, "billion" is 10^12 in German), bare range connectors, and words listed as
read only in their own language ("miles" is "thousands" in Spanish). When two languages
give one phrase different meanings and neither is the document's, the phrase is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from functools import cache
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

from provenance import lexicon
from provenance.folding import attached, script_of

T = TypeVar("T")

# Letters, and the combining marks that Indic scripts write words with.
LETTER = (
    r"(?:[^\W\d_]|[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    r"\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    r"\u0981-\u0983\u09bc-\u09d7\u09e2\u09e3\u0b82\u0bbe-\u0bcd\u0bd7"
    r"\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    r"\u102b-\u103e\u1056-\u1059\u105e-\u1060"
    r"\u1062-\u1064\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u17b4-\u17d3\u17dd])"
)
TOKEN = re.compile(
    r"(?P<n>[0-9]+(?:[.,' ][0-9]+)*)"
    rf"|(?P<w>(?<![^\W\d_])[dl]'(?=[^\W\d_])|{LETTER}+(?:['.\-]{LETTER}+)*(?:[23](?![0-9]))?\.?)"
    r"|(?P<s>\S)"
)
DASHES = frozenset({"-", "–", "—", "‑"})
# Scripts written without spaces between words: Thai (spaces part phrases, not words), Han,
# kana and Hangul (with the vowel and tone marks, the iteration marks and the long-vowel sign
# that belong inside their words), Myanmar and Khmer (their letters and marks, not their
# digits and punctuation).
UNSPACED = (
    "\u0e01-\u0e3a\u0e40-\u0e4e\u1780-\u17d3\u17d7\u17dc\u17dd"
    "\u1000-\u103f\u1050-\u108f\u109a-\u109f\u1100-\u11ff\u3005-\u3007\u3040-\u309f\u30a0-\u30ff\u3130-\u318f\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
)
_UNSPACED = re.compile(f"[{UNSPACED}]")


def unspaced(word: str) -> bool:
    """Whether a word has letters of a script written without spaces between words."""
    return _UNSPACED.search(word) is not None


class _Fold(dict[int, "str | None"]):
    """Character folding for matching: any Unicode decimal digit becomes ASCII, Arabic-script
    letter variants and vowel marks fold together, Arabic separators become "," and ".", and
    the typographic and modifier apostrophes become "'" (Ukrainian "девʼять", "дев’ять")."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        folded = str(unicodedata.decimal(char)) if char.isdecimal() else char
        self[code] = folded
        return folded


_FOLD = _Fold(
    {
        **dict.fromkeys(range(0x064B, 0x0653)),
        0x0640: None,
        0x0670: None,
        0x0623: "ا",
        0x0625: "ا",
        0x0622: "ا",
        0x0671: "ا",
        0x0649: "ي",
        0x06CC: "ي",
        0x06A9: "ك",
        0x066C: ",",
        0x066B: ".",
        0x066A: "%",
        0x200C: " ",
        0x05BE: "-",
        0x2019: "'",
        0x02BC: "'",
    }
)


_DIGITS_ONLY = _Fold()
"""``_FOLD``'s digits alone: any Unicode decimal digit as ASCII, every other character kept."""


def ascii_digits(text: str) -> str:
    """The text with its digits in any script written as ASCII digits ("٢٠٢٢" is 2022)."""
    return text.translate(_DIGITS_ONLY)


def lower(text: str) -> str:
    low = text.lower()
    return low if low.isascii() else low.translate(_FOLD)


def bare(token: str) -> str:
    """A token without its abbreviation dot ("Mio." = "Mio")."""
    return token.rstrip(".") or token


def words(phrase: str) -> list[str]:
    """Tokens as tables match them: lower-case, abbreviation dots dropped."""
    low = lower(phrase)
    if low.replace(" ", "").isalpha():
        return low.split()
    return [bare(m.group()) for m in TOKEN.finditer(low)]


def key(phrase: str) -> str:
    return " ".join(words(phrase))


class Span(Protocol):
    """A token of a figure's text, read as a regular-expression match is: its group
    ("n" a number, "w" a word, "s" a sign), its text and where it stands."""

    @property
    def lastgroup(self) -> str | None: ...

    def group(self) -> str: ...

    def start(self) -> int: ...

    def end(self) -> int: ...


class Token:
    """A token cut out of an unspaced run, read like a match of `TOKEN`."""

    __slots__ = ("_end", "_start", "_text", "lastgroup")

    def __init__(self, kind: str, text: str, start: int, end: int) -> None:
        self.lastgroup = kind
        self._text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_RUNS = re.compile(rf"(?P<w>[{UNSPACED}]+)|(?P<n>[0-9]+)|(?P<x>[^{UNSPACED}0-9]+)")


def tokens(low: str) -> Sequence[Span]:
    """The tokens of a lower-cased text. A word of an unspaced script is cut into the words
    the lexicon knows, longest first ("约1.2万人" gives 约, 1.2, 万, 人); the letters
    between known words stay together as one unknown word. Text without such a word is
    read by `TOKEN` alone (the parser's hot path)."""
    if not unspaced(low):
        return list(TOKEN.finditer(low))
    out: list[Span] = []
    for m in TOKEN.finditer(low):
        text = m.group()
        if m.lastgroup != "w" or not unspaced(text):
            out.append(m)
            continue
        for run in _RUNS.finditer(text):
            at = m.start() + run.start()
            if run.lastgroup == "w":
                out += [Token("w", low[a:b], a, b) for a, b in _segments(run.group(), at)]
            else:
                part = run.group()
                sort = "n" if run.lastgroup == "n" else "w" if part.isalpha() else "s"
                out.append(Token(sort, part, at, at + len(part)))
    return out


def _segments(run: str, at: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the known words of an unspaced run, longest match first, and of the
    unknown stretches between them. A known word begins and ends where a syllable does."""
    known, longest = unspaced_words()
    i, pending = 0, -1
    while i < len(run):
        k = next(
            (
                k
                for k in range(min(longest, len(run) - i), 0, -1)
                if run[i : i + k] in known and syllable_starts(run, i + k)
            ),
            0,
        )
        k = k if syllable_starts(run, i) else 0
        if not k:
            pending = i if pending < 0 else pending
            i += 1
            continue
        if pending >= 0:
            yield at + pending, at + i
            pending = -1
        yield at + i, at + i + k
        i += k
    if pending >= 0:
        yield at + pending, at + len(run)


_KILLED = "\u1039\u103a\u17cd"
"""The Myanmar virama and asat and the Khmer toandakhiat: a consonant before one ends the
syllable before it."""
_STACKING = "\u1039\u17d2"
"""The Myanmar virama and the Khmer coeng: a consonant after one is stacked in the syllable
it closes or begins."""


def syllable_starts(run: str, j: int) -> bool:
    """Whether a word of an unspaced run may begin at ``j`` (or the run ends there). A Han,
    kana or Hangul character begins one; in the Myanmar and Khmer scripts only a syllable's
    first letter does, not a vowel sign, a medial or a tone mark, nor a consonant killed by
    the asat, the virama or the toandakhiat, nor one stacked under the coeng ("ဇွန်" is not
    a word of "ဇွန်း", nor "ကျ" of "ကျော်", nor "បាត" of "បាត់")."""
    if j >= len(run):
        return True
    if unicodedata.category(run[j]).startswith("M"):
        return False
    after = run[j + 1 : j + 2]
    before = run[j - 1 : j]
    return not (after and after in _KILLED) and not (before and before in _STACKING)


def _strings(node: object) -> Iterator[str]:
    """Every string of a lexicon table, keys of its mappings included."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


_LETTERS = re.compile(f"{LETTER}+")
"""A word of letters and the marks inside it (Thai vowels and tones are marks, not letters)."""


@cache
def unspaced_words() -> tuple[frozenset[str], int]:
    """The words of unspaced scripts the figure tables, month names and country names
    know, and the length of the longest: an unspaced run is cut into these."""
    found: set[str] = set()
    for code in lexicon.languages():
        months = lexicon.section(code, "dates").get("months", [])
        countries = list(lexicon.section(code, "sides").values())
        for phrase in _strings([_table(code), months, countries]):
            phrase = phrase.rstrip("*")
            found.update(w for w in lower(phrase).split() if unspaced(w) and _LETTERS.fullmatch(w))
    return frozenset(found), max(map(len, found), default=0)


class Phrases(Generic[T]):
    """Phrase -> value table matched token-wise, longest phrase first."""

    __slots__ = ("_full", "_lengths")

    def __init__(self, pairs: Iterable[tuple[T, str]]) -> None:
        self._full: dict[str, T] = {}
        lengths: dict[str, set[int]] = {}
        for value, phrase in pairs:
            tokens = words(phrase)
            if not tokens:
                continue
            self._full[" ".join(tokens)] = value
            lengths.setdefault(tokens[0], set()).add(len(tokens))
        self._lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}

    def get(self, phrase_key: str) -> T | None:
        return self._full.get(phrase_key)

    def match(self, texts: Sequence[str], i: int) -> tuple[T, int] | None:
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


class Unit(NamedTuple):
    canon: str
    factor: float
    dim: str


BARE = Unit("", 1.0, "count")
# Unit ids of the lexicon's [quantities.units] tables: canonical unit, factor, dimension.
UNIT_IDS: dict[str, Unit] = {
    "km2": Unit("km2", 1.0, "area"),
    "sq_mi": Unit("km2", 2.589988110336, "area"),
    "ha": Unit("km2", 0.01, "area"),
    "acre": Unit("km2", 0.0040468564224, "area"),
    "m2": Unit("km2", 1e-6, "area"),
    "km": Unit("km", 1.0, "length"),
    "mi": Unit("km", 1.609344, "length"),
    "nmi": Unit("km", 1.852, "length"),
    "m": Unit("km", 0.001, "length"),
    "t": Unit("t", 1.0, "mass"),
    "kg": Unit("t", 0.001, "mass"),
    "percent": Unit("percent", 1.0, "percent"),
}
# Powers of ten of the lexicon's [quantities.multipliers] keys.
SCALES = {
    "thousand": 3,
    "ten_thousand": 4,
    "lakh": 5,
    "million": 6,
    "crore": 7,
    "ten_million": 7,
    "hundred_million": 8,
    "billion": 9,
    "trillion": 12,
}
# Periods of the lexicon's [quantities.per_period] keys: "459 trucks per day" is "trucks/day".
PERIODS = ("hour", "day", "week", "month", "year")
QUALIFIER_NAMES = ("exact", "about", "up_to", "over", "at_least", "under", "close_to")

# Decimal conventions of languages without a lexicon file (a file's `decimal` wins).
_DOT_DECIMAL_CODES = "en ja zh ko he th hi ms tl ga cy mt"
_COMMA_DECIMAL_CODES = (
    "de fr es it pt nl pl ru uk cs sk sl hr sr bs bg ro hu sv da no nb nn fi et lv lt el"
    " tr be ca gl eu az kk id vi is lb"
)
_DOT_DECIMAL = frozenset(_DOT_DECIMAL_CODES.split())
_COMMA_DECIMAL = frozenset(_COMMA_DECIMAL_CODES.split())


def _table(code: str) -> dict[str, Any]:
    return lexicon.section(code, "quantities")


def _list(table: dict[str, Any], name: str) -> list[str]:
    value = table.get(name, [])
    return [str(x) for x in value] if isinstance(value, list) else []


def _mapping(table: dict[str, Any], name: str) -> dict[str, list[str]]:
    value = table.get(name, {})
    if not isinstance(value, dict):
        return {}
    return {str(k): [str(x) for x in v] for k, v in value.items() if isinstance(v, list)}


def _all_lists(name: str) -> Iterator[str]:
    for code in lexicon.languages():
        yield from _list(_table(code), name)


def _all_pairs(name: str) -> Iterator[tuple[str, str]]:
    """(key, phrase) of one mapping table across every language."""
    for code in lexicon.languages():
        for k, phrases in _mapping(_table(code), name).items():
            for phrase in phrases:
                yield k, phrase


def _token_set(name: str) -> frozenset[str]:
    return frozenset(w for phrase in _all_lists(name) for w in words(phrase))


def _literal_set(name: str) -> frozenset[str]:
    """Words compared with single tokens as written ("d'" is one token before a letter)."""
    return frozenset(lower(phrase) for phrase in _all_lists(name))


def resolved(name: str, code: str | None) -> list[tuple[str, str]]:
    """(meaning, phrase) of a mapping table: the document's language wins; a phrase that
    other languages read in different ways is dropped."""
    meanings: dict[str, set[str]] = {}
    spelled: dict[str, str] = {}
    for k, phrase in _all_pairs(name):
        meanings.setdefault(key(phrase), set()).add(k)
        spelled.setdefault(key(phrase), phrase)
    own_table = _mapping(_table(code), name) if code else {}
    own = {key(p): (k, p) for k, ps in own_table.items() for p in ps}
    out = [(next(iter(ks)), spelled[p]) for p, ks in meanings.items() if len(ks) == 1]
    return [(k, p) for k, p in out if key(p) not in own] + list(own.values())


class Shared(NamedTuple):
    """Tables read whatever the document's language."""

    units: Phrases[Unit]
    canonical_units: dict[str, Unit]
    prefix_currency: Phrases[str]
    range_starts: dict[str, frozenset[str]]
    range_words: frozenset[str]
    """Every language's words joining the two figures of a range: never a count noun."""
    nouns: dict[str, str]
    adjectives: frozenset[str]
    stopwords: frozenset[str]
    linkers: frozenset[str]
    months: frozenset[str]
    unknown_units: frozenset[str]
    ordinals: frozenset[str]
    rates: Phrases[bool]
    uncountable: frozenset[str]
    irregular: dict[str, str]
    vague: list[tuple[tuple[float, float], str]]
    articles: tuple[str, ...]
    multiplier_words: frozenset[str]
    counters: frozenset[str]
    stating_verbs: frozenset[str]
    changes: Phrases[bool]
    participles: dict[str, str]
    """Participles after a figure saying what was done to what it counts ("136 launched",
    "136 gestartet"), by the English participle they fold to: the figure's unit, never
    read as a count noun of its own."""


def _unit_pairs() -> list[tuple[Unit, str]]:
    pairs = [(UNIT_IDS[k], p) for k, p in _all_pairs("units") if k in UNIT_IDS]
    return pairs + [(Unit(k, 1.0, "currency"), p) for k, p in _all_pairs("currencies")]


def _vague_pairs(name: str, codes: Iterable[str]) -> list[tuple[tuple[float, float], str]]:
    out = []
    for code in codes:
        entries = _table(code).get(name, [])
        for entry in entries if isinstance(entries, list) else []:
            bounds = (float(entry["low"]), float(entry["high"]))
            out += [(bounds, str(p)) for p in entry.get("words", [])]
    return out


def _range_starts() -> dict[str, frozenset[str]]:
    starts: dict[str, set[str]] = {}
    for start, connector in _all_pairs("ranges"):
        starts.setdefault(key(start), set()).add(key(connector))
    return {s: frozenset(c) for s, c in starts.items()}


def _range_words() -> frozenset[str]:
    """Words joining a range, and the first word of each phrase that does ("până la")."""
    found = {c for joining in _range_starts().values() for c in joining}
    found.update(key(p) for p in _all_lists("connectors"))
    for code in lexicon.languages():
        found.update(key(k) for k in _mapping(_table(code), "ranges_closed"))
    firsts = {phrase.split()[0] for phrase in found if phrase}
    return frozenset(found | {w for w in firsts if w.isalpha()})


def _months() -> frozenset[str]:
    found: set[str] = set()
    for code in lexicon.languages():
        names = lexicon.section(code, "dates").get("months", [])
        found.update(w for forms in names for form in forms for w in words(form))
    return frozenset(found)


@cache
def shared() -> Shared:
    units = Phrases(_unit_pairs())
    currencies = {k for k, _ in _all_pairs("currencies")}
    canonical = {u.canon.lower(): u for u in UNIT_IDS.values() if u.factor == 1.0}
    canonical.update({c.lower(): Unit(c, 1.0, "currency") for c in currencies})
    prefixes = set(map(key, _all_lists("currency_prefixes")))
    irregular: dict[str, str] = {}
    for code in lexicon.languages():
        irregular.update({str(k): str(v) for k, v in _table(code).get("irregular", {}).items()})
    return Shared(
        units=units,
        canonical_units=canonical,
        prefix_currency=Phrases((c, p) for c, p in _all_pairs("currencies") if key(p) in prefixes),
        range_starts=_range_starts(),
        range_words=_range_words(),
        nouns={key(p): canon for canon, p in _all_pairs("nouns")},
        adjectives=_token_set("adjectives"),
        stopwords=_token_set("stopwords"),
        linkers=_literal_set("linkers"),
        months=_months(),
        unknown_units=_token_set("unknown_units"),
        ordinals=_literal_set("ordinals"),
        rates=Phrases((True, p) for p in _all_lists("rates")),
        uncountable=_token_set("uncountable"),
        irregular=irregular,
        vague=_vague_pairs("vague", lexicon.languages()),
        articles=tuple(sorted({lower(a) for a in _all_lists("article_prefixes")}, key=len)),
        multiplier_words=frozenset(key(p) for _, p in _all_pairs("multipliers")),
        counters=frozenset(key(p) for p in _all_lists("counters")),
        stating_verbs=_token_set("stating_verbs"),
        changes=Phrases((True, p) for p in _all_lists("change_verbs")),
        participles={key(p): canon for canon, p in _all_pairs("participles")},
    )


class Case(NamedTuple):
    """What the case ending of a multiplier, unit or count noun does to its figure: the
    hedges that read as given after a word of this case ("10 bine kadar" is up to 10,000,
    "500 kadar asker" about 500), the qualifier the ending itself gives (Hungarian "-ig",
    up to), the count noun it implies ("tízezren", ten thousand people) and whether a word
    of the case is read only with one of its hedges after it ("10 ezernél" alone is not a
    figure, "10 ezernél több" is over 10,000)."""

    after: Phrases[str]
    hedge: str | None
    noun: str | None
    needs_hedge: bool


class Fractions(NamedTuple):
    """The words of a number with a fraction, from a language's ``[quantities.fractions]``
    table: the fraction multiplies the scale word after the number ("two and a half
    thousand" is 2,500; "a million and a half" 1,500,000)."""

    numbers: Phrases[Fraction]
    """Words that are a number and its fraction ("ढाई", 2½; "полторы", 1½)."""
    before: Phrases[Fraction]
    """Words before a whole number that add their fraction to it ("साढ़े तीन", 3½; "पौने
    दो", 1¾)."""
    after: Phrases[Fraction]
    """Words between a whole number and its scale word that add their fraction to the
    number ("two and a half thousand", "iki buçuk milyon")."""
    after_scale: Phrases[Fraction]
    """Words after a scale word that add that fraction of it ("a million and a half",
    "deux millions et demi"); not where the same words also say "half of them"."""
    words: frozenset[str]
    """The one-word entries of these tables, which a language writing numbers as one word
    joins to them ("zweieinhalbtausend")."""
    firsts: frozenset[str]
    """The first word of every entry: a text without one has no fraction to read."""
    inside: re.Pattern[str] | None
    """Any of ``words`` anywhere in a text: one without has no word to cut."""


class Language(NamedTuple):
    """Tables for text in one language."""

    code: str
    convention: str
    prefixes: Phrases[tuple[str, str]]
    multipliers: Phrases[int]
    dashes: frozenset[str]
    bare_connectors: frozenset[str]
    vague: Phrases[tuple[float, float]]
    numbers: Phrases[int]
    joiners: frozenset[str]
    compound_numbers: bool
    units_before_tens: bool
    multiplier_first: bool
    noun_first: bool
    noun_only_first: bool
    """The language writes a count noun only before its figure ("namoota 300"): a word after
    the figure is not its noun ("namoonni 300 ajjeefaman", 300 people were killed), unless
    none stands before and a listed count noun follows a multiplier's figure or a vague
    amount (Kinyarwanda "miliyoni 7 z'abantu", 7 million people; "ibihumbi by'abantu",
    thousands of people)."""
    shares: Phrases[tuple[int, int]]
    periods: Phrases[str]
    late_hedges: Phrases[str]
    suffixes: Phrases[str]
    """Hedges right after a figure: every language's "after" phrases (this language's
    reading first) and its own ``after_own_language_only`` ones, words that are something
    else in other languages (Azerbaijani "az" is "fewer", Hungarian "az" is "the")."""
    comma_decimal_too: bool
    """The press also writes "2,5 مليون" with a decimal comma, though the language's mark
    is a dot: a comma figure before a multiplier reads two ways."""
    thousands_comma_too: bool
    """Some of the press writes "1,200" with a comma between thousands, though the
    language's decimal mark is a comma (Spanish of the Americas): a comma before three
    digits reads two ways."""
    linker_after_figure: bool
    """A linker joins any figure to its noun (Romanian "10.000 de oameni"), not only a
    multiplier ("10 mii de oameni", "millions of people")."""
    closers: dict[str, Phrases[bool]]
    """Words joining two figures that make a range only with a closing word after the
    second figure or its noun ("10 és 20 között"), with those closing words."""
    wrappers: frozenset[str]
    """Words before a figure that do not change it; one that also opens a range ("ከ") is
    read as a wrapper when no range connector follows its figure."""
    cases: dict[str, Case]
    """The language's case forms of multipliers, units and count nouns, with their case."""
    case_endings: dict[str, Case]
    """Case endings written after digits with a hyphen, an apostrophe or a colon ("10-ig",
    "10.000'den"), with their case."""
    case_hedges: Phrases[bool]
    """Hedges whose reading depends on the case of the word before them."""
    multiplier_stems: tuple[str, ...]
    """Multiplier words a word after a figure may begin with, an unlisted case ending
    following ("10 ezerig"): the document's language's and English ones, or every
    language's but the shortest when the language is not known."""
    endings: tuple[frozenset[str], frozenset[str]]
    """The one-word joining and closing words of ``closers``: written as case endings on a
    multiplier ("10 ezertől 20 ezerig"), they are cut from it."""
    fractions: Fractions
    """Numbers written with a fraction ("two and a half thousand", "ढाई हज़ार")."""
    multipliers_after_figure: frozenset[str] = frozenset()
    """Multiplier forms read only after a figure (``[quantities] multipliers_after_figure``):
    alone they are another number. Arabic "ألفا شخص" is two thousand people (the dual),
    "40 ألفا" forty thousand."""


def with_and(phrases: Iterable[tuple[T, str]]) -> list[tuple[T, str]]:
    """The phrases with a word for "and" written against them, where their script writes
    it so (the ``[measures] attached_and`` lists: Arabic "و", Hebrew "ו"): "ونحو 500",
    and about 500, hedges as "نحو 500" does."""
    return [
        (value, conjunction + phrase)
        for value, phrase in phrases
        for conjunction in attached("attached_and").get(script_of(phrase[:1]), ())
    ]


def _prefix_pairs(code: str) -> list[tuple[tuple[str, str], str]]:
    pairs: list[tuple[tuple[str, str], str]] = [(("w", ""), p) for p in _all_lists("wrappers")]
    pairs += [(("t", ""), p) for p in _all_lists("total_wrappers")]
    others = {key(p) for p in _list(_table(code), "not_hedges")}
    before = [(q, p) for q, p in resolved("before", code) if key(p) not in others]
    listed = {key(p) for q, p in before}
    before += [(q, p) for q, p in with_and(before) if key(p) not in listed]
    pairs += [(("q", q), p) for q, p in before]
    pairs += [(("s", start), start) for start in shared().range_starts]
    pairs += [
        (("c", c), p) for c, p in _all_pairs("currencies") if shared().prefix_currency.get(key(p))
    ]
    pairs += [(("u", unit), p) for unit, p in _pairs(code, "units_before") if unit in UNIT_IDS]
    return pairs + [(("w", ""), p) for p in _list(_table(code), "wrappers_own_language_only")]


def _multiplier_pairs(code: str) -> list[tuple[int, str]]:
    pairs = []
    for source in ("en", code) if code != "en" else ("en",):
        for name, phrases in _mapping(_table(source), "multipliers").items():
            pairs += [(SCALES[name], p) for p in phrases if name in SCALES]
    return pairs


def _convention(code: str) -> str:
    if not code:
        return "any"
    declared = _table(code).get("decimal")
    if declared in ("dot", "comma"):
        return str(declared)
    return "dot" if code in _DOT_DECIMAL else "comma" if code in _COMMA_DECIMAL else "any"


def _own_and_english(code: str) -> tuple[str, ...]:
    return ("en", code) if code != "en" else ("en",)


def _number_pairs(code: str) -> list[tuple[int, str]]:
    pairs: list[tuple[int, str]] = []
    for source in _own_and_english(code):
        numbers = _table(source).get("numbers", {})
        pairs += [(int(v), str(k)) for k, v in numbers.items()] if isinstance(numbers, dict) else []
    return pairs


def _share_pairs(code: str) -> list[tuple[tuple[int, int], str]]:
    pairs: list[tuple[tuple[int, int], str]] = []
    for source in _own_and_english(code):
        for phrase, fraction in dict(_table(source).get("shares", {})).items():
            top, _, bottom = str(fraction).partition("/")
            pairs.append(((int(top), int(bottom)), str(phrase)))
    return pairs


def _late_hedges(code: str) -> list[tuple[str, str]]:
    """Hedges that may follow a figure and its noun: every language's "after" phrases and the
    document language's "before" phrases ("53 civilians at least"), but for the language's
    ``not_hedges_after`` (Swedish "under", during: "300 döda under natten")."""
    pairs = [(q, p) for q, p in _all_pairs("after")] + _pairs(code, "after_own_language_only")
    pairs += [(q, p) for source in _own_and_english(code) for q, p in _pairs(source, "before")]
    others = {key(p) for p in _list(_table(code), "not_hedges_after")}
    return [(q, p) for q, p in pairs if key(p) not in others]


def _pairs(code: str, name: str) -> list[tuple[str, str]]:
    return [(k, p) for k, ps in _mapping(_table(code), name).items() for p in ps]


@cache
def distinct_counts() -> frozenset[str]:
    """Canonical count nouns that count a thing of their own (``[quantities]
    distinct_counts`` of every language): "97 tanks" and "788 vehicles" are two counts."""
    return frozenset(map(key, _all_lists("distinct_counts")))


@cache
def modifier_units(code: str) -> frozenset[str]:
    """Units the language writes joined to a figure to describe a noun after them ("155-mm
    shells", "2,000-pound bombs"): ``[quantities] modifier_units``, with every unit of
    length, mass, area and volume."""
    table = _table(code) if code else {}
    return frozenset(map(key, _list(table, "modifier_units")))


@cache
def own_function_words(code: str) -> frozenset[str]:
    """The language's own stopwords and stating verbs: words that link or state a figure in
    its text, though another language may write a unit so (Hausa "tun", since, is the
    Czech for tonnes)."""
    table = _table(code) if code else {}
    return frozenset(
        w for name in ("stopwords", "stating_verbs") for w in map(key, _list(table, name))
    )


def _flag(code: str, name: str) -> bool:
    return bool(_table(code).get(name, False))


@cache
def noun_after_counter(code: str) -> bool:
    """The language writes the counted noun after a counter of people between it and the
    figure (``[quantities] noun_after_counter``: "300名警察", 300 police officers)."""
    return bool(code) and _flag(code, "noun_after_counter")


_FIGURE_TABLES = (
    "before",
    "after",
    "after_own_language_only",
    "hedges",
    "hedges_own_language_only",
    "multipliers",
    "numbers",
    "connectors",
    "ranges",
    "ranges_closed",
    "rates",
    "per_period",
    "change_verbs",
)


@cache
def figure_letters(code: str) -> frozenset[str]:
    """The letters of an unspaced script in the language's words that change how a figure
    reads: its hedges, multipliers, number words, vague amounts, range words, rates and
    verbs of change. A word not listed that has none of them hides none of these words."""
    table = _table(code) if code else {}
    found = [*_strings([table.get(name, {}) for name in _FIGURE_TABLES])]
    vague = table.get("vague", [])
    found += _strings([entry.get("words", []) for entry in vague if isinstance(entry, dict)])
    return frozenset(c for phrase in found for c in phrase if unspaced(c))


@cache
def capitalises_nouns(code: str) -> bool:
    """The language writes every noun with a capital (``[quantities] nouns_capitalised``):
    a word in lower case after a figure is then not its count noun ("136 gestartet")."""
    return bool(code) and _flag(code, "nouns_capitalised")


@cache
def language(code: str) -> Language:
    dashes = DASHES | {key(p) for p in _list(_table("en"), "connectors")}
    connectors = {key(p) for p in _list(_table(code), "connectors")}
    own_vague = _vague_pairs("vague", _own_and_english(code)) if code else shared().vague
    own_vague += _vague_pairs("vague_own_language_only", [code])
    joiners = {
        key(p) for source in _own_and_english(code) for p in _list(_table(source), "number_joiners")
    }
    periods = [(k, p) for source in _own_and_english(code) for k, p in _pairs(source, "per_period")]
    return Language(
        code,
        _convention(code),
        Phrases(_prefix_pairs(code)),
        Phrases(_multiplier_pairs(code)),
        dashes,
        dashes | connectors,
        Phrases(own_vague),
        Phrases(_number_pairs(code)),
        frozenset(joiners),
        _flag(code, "compound_number_words"),
        _flag(code, "units_before_tens"),
        _flag(code, "multiplier_before_figure"),
        _flag(code, "noun_before_figure"),
        _flag(code, "noun_only_before_figure"),
        Phrases(_share_pairs(code)),
        Phrases((k, p) for k, p in periods if k in PERIODS),
        Phrases(_late_hedges(code)),
        Phrases(resolved("after", code or None) + _pairs(code, "after_own_language_only")),
        _flag(code, "also_decimal_comma"),
        _flag(code, "also_thousands_comma"),
        _flag(code, "linker_after_figure"),
        _closers(code),
        frozenset(key(p) for p in _all_lists("wrappers")),
        *_cases(code),
        _multiplier_stems(code),
        _endings(code),
        _fractions(code),
        frozenset(key(p) for p in _list(_table(code), "multipliers_after_figure")),
    )


def _fractions(code: str) -> Fractions:
    tables: dict[str, list[tuple[Fraction, str]]] = {
        name: [] for name in ("numbers", "before", "after", "after_scale")
    }
    for source in _own_and_english(code):
        found = _table(source).get("fractions", {})
        for name, pairs in tables.items():
            entries = found.get(name, {}) if isinstance(found, dict) else {}
            pairs += [(Fraction(str(v)), str(k)) for k, v in dict(entries).items()]
    phrases = [words(p) for pairs in tables.values() for _, p in pairs]
    one_word = {tokens[0] for tokens in phrases if len(tokens) == 1}
    return Fractions(
        Phrases(tables["numbers"]),
        Phrases(tables["before"]),
        Phrases(tables["after"]),
        Phrases(tables["after_scale"]),
        frozenset(one_word),
        frozenset(tokens[0] for tokens in phrases if tokens),
        re.compile("|".join(map(re.escape, sorted(one_word)))) if one_word else None,
    )


_STEM_MIN = 3
_STEM_MIN_ANY_LANGUAGE = 4
"""Multiplier words this short ("bin", "min", "mil") begin too many words of other
languages ("mines") to be looked for in text of an unknown language."""


def _multiplier_stems(code: str) -> tuple[str, ...]:
    if code:
        phrases = [p for _, p in _multiplier_pairs(code)]
        shortest = _STEM_MIN
    else:
        phrases = [p for _, p in _all_pairs("multipliers")]
        shortest = _STEM_MIN_ANY_LANGUAGE
    stems = {w for p in phrases for w in words(p)[:1] if len(w) >= shortest and w.isalpha()}
    stems |= {w[:-1] for w in stems if len(w) > shortest and _syllabic(w[-1])}
    return tuple(sorted(stems, key=len, reverse=True))


@cache
def number_stems(code: str) -> tuple[str, ...]:
    """The language's own one-word number words, longest first, when it writes case endings
    on its words (its ``cases`` tables list case forms); none for other languages."""
    if not code or not _cases(code)[0]:
        return ()
    numbers = _table(code).get("numbers", {})
    found = numbers if isinstance(numbers, dict) else {}
    stems = {w for k in found for w in words(key(str(k)))[:1] if len(w) >= 2 and w.isalpha()}
    return tuple(sorted(stems, key=len, reverse=True))


def _syllabic(char: str) -> bool:
    """A letter of a syllabary (Ethiopic), whose vowel an ending changes ("ሚሊዮን",
    "ሚሊዮኖች"): a word's stem is the word without it."""
    return "\u1200" <= char <= "\u137f"


def _cases(code: str) -> tuple[dict[str, Case], dict[str, Case], Phrases[bool]]:
    """The language's ``cases`` tables: case form -> its Case, ending -> its Case, and
    every case's hedges."""
    table = _table(code).get("cases", {}) if code else {}
    forms: dict[str, Case] = {}
    endings: dict[str, Case] = {}
    hedges: list[str] = []
    for entry in table.values() if isinstance(table, dict) else []:
        after = [(q, str(p)) for q in QUALIFIER_NAMES for p in entry.get(q, [])]
        hedges += [p for _, p in after]
        hedge, noun = entry.get("hedge"), entry.get("noun")
        case = Case(
            Phrases(after),
            str(hedge) if hedge in QUALIFIER_NAMES else None,
            str(noun) if noun else None,
            bool(entry.get("needs_hedge", False)),
        )
        forms.update({key(f): case for f in entry.get("forms", [])})
        endings.update({key(e): case for e in entry.get("endings", [])})
    return forms, endings, Phrases((True, p) for p in hedges)


def _closers(code: str) -> dict[str, Phrases[bool]]:
    """The language's ``ranges_closed`` table: joining word -> its closing words."""
    table = _mapping(_table(code), "ranges_closed")
    return {key(k): Phrases((True, p) for p in ps) for k, ps in table.items()}


def _endings(code: str) -> tuple[frozenset[str], frozenset[str]]:
    table = _mapping(_table(code), "ranges_closed")
    joining = {key(k) for k in table if len(words(k)) == 1}
    closing = {words(p)[0] for ps in table.values() for p in ps if words(p)[0].isalpha()}
    return frozenset(joining), frozenset(closing)


_SCRIPT_LANGUAGES = (
    (0x0590, 0x05FF, "he"),
    (0x0370, 0x03FF, "el"),
    (0x1200, 0x137F, "am"),
    (0x10A0, 0x10FF, "ka"),
    (0x1C90, 0x1CBF, "ka"),
    (0x0900, 0x097F, "hi"),
    (0x0980, 0x09FF, "bn"),
    (0x0B80, 0x0BFF, "ta"),
    (0x1000, 0x109F, "my"),
    (0x0E00, 0x0E7F, "th"),
    (0x1780, 0x17FF, "km"),
    (0x19E0, 0x19FF, "km"),
)
"""Blocks of Unicode whose letters name one language of the lexicon."""


def _script_language(text: str) -> str | None:
    """The language a non-Latin script implies (Persian letters tell Persian from Arabic)."""
    for char in text:
        code = ord(char)
        if code < 0x0370:
            continue
        if 0x0600 <= code <= 0x06FF:
            return _arabic_script(text)
        if 0x0400 <= code <= 0x04FF:
            return _cyrillic(text)
        for low, high, found in _SCRIPT_LANGUAGES:
            if low <= code <= high:
                return found
        if unspaced(char):
            return _east_asian(text)
    return None


_LETTERS_OF = (
    ("ps", "ټډړږښځڅۍې"),
    ("ur", "ٹڈڑںےۓ"),
    ("fa", "پچژگکی"),
)
"""Letters that only some languages of the Arabic script use, the most telling first."""


def _arabic_script(text: str) -> str:
    """Pashto, Urdu or Persian by the letters only they use, else Arabic."""
    return next((code for code, letters in _LETTERS_OF if any(c in text for c in letters)), "ar")


def _cyrillic(text: str) -> str:
    """Serbian (ђ ј љ њ ћ џ), Belarusian (ў), Ukrainian (і ї є ґ) by their own letters,
    else Russian."""
    lowered = text.lower()
    if any(c in lowered for c in "ђјљњћџ"):
        return "sr"
    if "ў" in lowered:
        return "be"
    return "uk" if any(c in lowered for c in "іїєґ") else "ru"


def _east_asian(text: str) -> str:
    """Hangul is Korean, kana Japanese, Han alone Chinese."""
    if re.search("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]", text):
        return "ko"
    if re.search("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]", text):
        return "ja"
    return "zh"


@cache
def _word_languages() -> dict[str, frozenset[str]]:
    """Single words of hedges, multipliers, number words and count nouns -> their languages."""
    found: dict[str, set[str]] = {}
    for code in lexicon.languages():
        table = _table(code)
        phrases = [p for _, p in _pairs(code, "before") + _pairs(code, "nouns")]
        phrases += [p for _, p in _pairs(code, "multipliers")]
        phrases += [str(k) for k in dict(table.get("numbers", {}))]
        for phrase in phrases:
            tokens = words(phrase)
            if len(tokens) == 1 and len(tokens[0]) > 2:
                found.setdefault(tokens[0], set()).add(code)
    return {w: frozenset(c) for w, c in found.items()}


_SHORT_EVIDENCE = 3
"""Words this short ("min", "mil") are words of several languages, or abbreviations in
some: alone they do not tell a text's language ("10 min" is not Azerbaijani 10,000)."""


def infer_language(text: str) -> str:
    """The language of a figure's text when the row gives none: the script, else the one
    language its words belong to, else ""."""
    if not text.isascii():
        by_script = _script_language(text)
        if by_script is not None:
            return by_script
    table = _word_languages()
    candidates: frozenset[str] | None = None
    longest = 0
    for w in words(text):
        langs = table.get(w)
        if langs is not None:
            candidates = langs if candidates is None else candidates & langs
            longest = max(longest, len(w))
    if candidates is not None and len(candidates) == 1 and longest > _SHORT_EVIDENCE:
        return next(iter(candidates))
    return ""


def language_code(language_name: str | None) -> str:
    if not language_name or language_name == "en":
        return "en"
    return lexicon.code(language_name) or "en"


def text_language(text: str, language_name: str | None) -> str:
    """The document's language code, or the one the text itself shows when none is given."""
    return language_code(language_name) if language_name else infer_language(text)


@cache
def qualifier_names() -> dict[str, str]:
    """Every hedge phrase with the qualifier it gives, whatever its language."""
    vague = [p for _, p in shared().vague]
    names = {key(p): "vague" for p in vague}
    names.update({key(f"{p} of"): "vague" for p in vague})
    names.update({p: "range" for p in shared().range_starts if len(p) > 2})
    names.update({key(p): q for q, p in resolved("after", None)})
    names.update({key(p): q for q, p in resolved("before", None)})
    names.update({q: q for q in (*QUALIFIER_NAMES, "range", "vague")})
    names.update({key(q.replace("_", " ")): q for q in (*QUALIFIER_NAMES, "range", "vague")})
    return names


@cache
def hedge_words(code: str) -> Phrases[bool]:
    """Words that hedge a figure or a claim, so never a figure's unit ("500 około" is not
    500 of "około", "500 reportedly" not 500 of "reportedly"): every language's hedges
    written before or after a figure, whatever their qualifier, with True, since such a
    word hedges the figure and describes no noun either ("500 ponad ludzi" is not 500
    people, "300名左右士兵" not 300 soldiers); and the attribution-level hedges of the
    language (``hedge_phrases``) with False, which may stand between a figure and its noun
    ("500 reportedly killed"). A hedge written against the figure after a hyphen is one
    without it too (Georgian "500-ზე მეტი", more than 500, and "500 ზე მეტი")."""
    pairs = [(False, p) for p in sorted(hedge_phrases(code or None))]
    figure = [p for name in ("before", "after") for _, p in _all_pairs(name)]
    figure += [p for _, p in with_and(_all_pairs("before"))]
    figure += [p for _, p in _pairs(code, "after_own_language_only")] if code else []
    pairs += [(True, p) for p in figure]
    pairs += [(True, p.lstrip("-")) for p in figure if p.startswith("-")]
    return Phrases(pairs)


@cache
def hedge_phrases(code: str | None) -> frozenset[str]:
    """Attribution-level hedge words: English and the language's, or every language's."""
    own = [] if code is None else _list(_table(code), "hedges")
    own += [] if code is None else _list(_table(code), "hedges_own_language_only")
    if code is None or not own:
        return frozenset(_all_lists("hedges"))
    return frozenset(_list(_table("en"), "hedges") + own)
