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
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any, Generic, NamedTuple, TypeVar

from provenance import lexicon

T = TypeVar("T")

TOKEN = re.compile(
    r"(?P<n>[0-9]+(?:[.,' ][0-9]+)*)"
    r"|(?P<w>(?<![^\W\d_])[dl]'(?=[^\W\d_])|[^\W\d_]+(?:['.\-][^\W\d_]+)*(?:[23](?![0-9]))?\.?)"
    r"|(?P<s>\S)"
)
DASHES = frozenset({"-", "–", "—", "‑"})


def lower(text: str) -> str:
    return text.lower().replace("’", "'")


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
SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
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
    own = {key(p): k for k, ps in _mapping(_table(code), name).items() for p in ps} if code else {}
    out = [(next(iter(ks)), spelled[p]) for p, ks in meanings.items() if len(ks) == 1]
    return [(k, p) for k, p in out if key(p) not in own] + [(k, p) for p, k in own.items()]


class Shared(NamedTuple):
    """Tables read whatever the document's language."""

    units: Phrases[Unit]
    canonical_units: dict[str, Unit]
    prefix_currency: Phrases[str]
    suffixes: Phrases[str]
    range_starts: dict[str, frozenset[str]]
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
        suffixes=Phrases(resolved("after", None)),
        range_starts=_range_starts(),
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
    )


class Language(NamedTuple):
    """Tables for text in one language."""

    code: str
    convention: str
    prefixes: Phrases[tuple[str, str]]
    multipliers: Phrases[int]
    dashes: frozenset[str]
    bare_connectors: frozenset[str]
    vague: Phrases[tuple[float, float]]


def _prefix_pairs(code: str) -> list[tuple[tuple[str, str], str]]:
    pairs: list[tuple[tuple[str, str], str]] = [(("w", ""), p) for p in _all_lists("wrappers")]
    pairs += [(("q", q), p) for q, p in resolved("before", code)]
    pairs += [(("s", start), start) for start in shared().range_starts]
    pairs += [
        (("c", c), p) for c, p in _all_pairs("currencies") if shared().prefix_currency.get(key(p))
    ]
    return pairs


def _multiplier_pairs(code: str) -> list[tuple[int, str]]:
    pairs = []
    for source in ("en", code) if code != "en" else ("en",):
        for name, phrases in _mapping(_table(source), "multipliers").items():
            pairs += [(SCALES[name], p) for p in phrases if name in SCALES]
    return pairs


def _convention(code: str) -> str:
    declared = _table(code).get("decimal")
    if declared in ("dot", "comma"):
        return str(declared)
    return "dot" if code in _DOT_DECIMAL else "comma" if code in _COMMA_DECIMAL else "any"


@cache
def language(code: str) -> Language:
    dashes = DASHES | {key(p) for p in _list(_table("en"), "connectors")}
    connectors = {key(p) for p in _list(_table(code), "connectors")}
    own_vague = _vague_pairs("vague_own_language_only", [code])
    return Language(
        code,
        _convention(code),
        Phrases(_prefix_pairs(code)),
        Phrases(_multiplier_pairs(code)),
        dashes,
        dashes | connectors,
        Phrases(shared().vague + own_vague),
    )


def language_code(language_name: str | None) -> str:
    if not language_name or language_name == "en":
        return "en"
    return language_name.strip().lower().replace("_", "-").split("-")[0] or "en"


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
def hedge_phrases(code: str | None) -> frozenset[str]:
    """Attribution-level hedge words: English and the language's, or every language's."""
    own = [] if code is None else _list(_table(code), "hedges")
    own += [] if code is None else _list(_table(code), "hedges_own_language_only")
    if code is None or not own:
        return frozenset(_all_lists("hedges"))
    return frozenset(_list(_table("en"), "hedges") + own)
