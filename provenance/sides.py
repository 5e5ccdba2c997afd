"""The countries a text names: its name, its people and its capital, in every language.

"Russian troops" and "Ukrainian troops", "Kyiv said" and "Moscow said" speak of
different sides, however alike their words. Each language's lexicon file lists, under
``[sides]``, the words for every country keyed by its ISO 3166-1 alpha-2 code, so a side
is known whatever the war or the language, and "russes", "Russian" and "Moscow" are one
side. The first English word of a country is how a label reads it.

A text in a language whose file has a ``[sides]`` table is read with that table only, so
a country's word in one language is not taken for a common word of another (Turkish
"kabul" is "accept", not Kabul; Serbian "mali" is "small"). A text of another or of no
known language, and a coder's label, are read with every table.

Words are folded as ``folding.fold_word`` folds them and split on anything that is not a
letter, digit or a mark inside a word (Devanagari and Bengali vowel signs). A word ending
in ``*`` stands for every word that begins with it (inflected forms); a phrase of several
words wins over a shorter one ("south sudan" over "sudan").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from provenance import lexicon
from provenance.folding import WORD_MARKS, clitic_variants, fold_word

_WORD = re.compile(rf"(?:[^\W_]|[{WORD_MARKS}])+", re.UNICODE)
EVERY = ""
"""The language of texts read with every language's table: no language, or one without
a ``[sides]`` table of its own."""
MIN_STEM = 5
"""The shortest stem a ``*`` word may have: shorter ones begin too many other words."""


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[str, ...]
    prefix: bool
    code: str


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    by_word: dict[str, tuple[_Entry, ...]]
    """Entries by their first word (whole)."""
    by_stem: dict[str, tuple[_Entry, ...]]
    """One-word ``*`` entries by their stem."""


def split(text: str) -> list[str]:
    """Folded words of a text, as side entries are matched."""
    return [w for token in text.split() for w in _token_words(token)]


@lru_cache(maxsize=262_144)
def _token_words(token: str) -> tuple[str, ...]:
    """Folded words of one whitespace-separated token (memoised: tokens recur)."""
    return tuple(_WORD.findall(fold_word(token)))


def _entry(raw: str, code: str) -> _Entry | None:
    prefix = raw.endswith("*")
    words = tuple(split(raw.rstrip("*")))
    if not words or (prefix and len(words[-1]) < MIN_STEM):
        return None
    return _Entry(words, prefix, code)


@cache
def _gazetteer(language: str) -> _Gazetteer:
    """The entries of one language's ``[sides]`` table, or of every table (``EVERY``)."""
    by_word: dict[str, list[_Entry]] = {}
    by_stem: dict[str, list[_Entry]] = {}
    for country, names in _entries("sides", language):
        for raw in names:
            entry = _entry(str(raw), country)
            if entry is None:
                continue
            single_stem = entry.prefix and len(entry.words) == 1
            table = by_stem if single_stem else by_word
            table.setdefault(entry.words[0], []).append(entry)
    return _Gazetteer(
        {k: tuple(v) for k, v in by_word.items()}, {k: tuple(v) for k, v in by_stem.items()}
    )


@cache
def _labels() -> dict[str, str]:
    """Each country's first English word."""
    table = lexicon.load("en").get("sides", {})
    return {c: " ".join(split(str(names[0]).rstrip("*"))) for c, names in table.items() if names}


@lru_cache(maxsize=1024)
def scope(language: str | None) -> str:
    """The table a text in ``language`` is read with: its own when its file has one
    ("pt-BR" reads Portuguese), else every table."""
    code = lexicon.code(language)
    return code if code and lexicon.load(code).get("sides") else EVERY


@lru_cache(maxsize=262_144)
def _starting(word: str, language: str) -> tuple[_Entry, ...]:
    """Entries whose first word is this word (or this word without an attached clitic)."""
    g = _gazetteer(language)
    found: list[_Entry] = []
    for variant in clitic_variants(word):
        found += g.by_word.get(variant, ())
        for end in range(MIN_STEM, len(variant) + 1):
            found += g.by_stem.get(variant[:end], ())
    return tuple(found)


def _length(entry: _Entry, words: Sequence[str], at: int) -> int:
    """How many words the entry covers at ``at`` (0 when it does not match there)."""
    n = len(entry.words)
    if n == 1:
        return 1
    if at + n > len(words) or tuple(words[at + 1 : at + n - 1]) != entry.words[1:-1]:
        return 0
    last = words[at + n - 1]
    matched = last.startswith(entry.words[-1]) if entry.prefix else last == entry.words[-1]
    return n if matched else 0


def match_at(words: Sequence[str], at: int, language: str = EVERY) -> tuple[int, str]:
    """(number of words, country code) of the longest side named at ``at`` among folded
    words, read with the table ``language`` (``scope``); (0, "") when none is."""
    return _longest(_starting(words[at], language), words, at)


def _longest(entries: Sequence[_Entry], words: Sequence[str], at: int) -> tuple[int, str]:
    best = (0, "")
    for entry in entries:
        n = _length(entry, words, at)
        if n > best[0]:
            best = (n, entry.code)
    return best


def spans(words: Sequence[str], language: str = EVERY) -> Iterator[tuple[int, int, str]]:
    """(start, end, code) of each side the folded words name, left to right."""
    at = 0
    starting = _starting
    while at < len(words):
        entries = starting(words[at], language)
        n, code = _longest(entries, words, at) if entries else (0, "")
        if n:
            yield at, at + n, code
            at += n
        else:
            at += 1


def named(words: Sequence[str], language: str | None = None) -> frozenset[str]:
    """Country codes the folded words of a text in ``language`` name."""
    return frozenset(code for _, _, code in spans(words, scope(language)))


def labels_in(text: str, language: str | None = None) -> frozenset[str]:
    """The labels of the countries a text in ``language`` names ("Kyiv" and "Ukraine"
    give ``ukrainian``, "US officials" ``american``)."""
    codes = named(split(text), language) | in_capitals(text, language)
    return frozenset(label(code) for code in codes)


_CASED_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def in_capitals(text: str, language: str | None = None) -> frozenset[str]:
    """Country codes of the abbreviations a text in ``language`` writes in capitals that
    are, written otherwise, a common word (``[sides_in_capitals]``: English "US" is the
    United States, "us" is not)."""
    table = _capitals(scope(language))
    if not table:
        return frozenset()
    return frozenset(table[w] for w in _CASED_WORD.findall(text) if w in table)


@cache
def _capitals(language: str) -> dict[str, str]:
    """The ``[sides_in_capitals]`` words of one language, or of every one (``EVERY``), as
    written, each with its country's code."""
    out: dict[str, str] = {}
    for country, words in _entries("sides_in_capitals", language):
        out.update((str(word), country) for word in words)
    return out


def _entries(section: str, language: str) -> Iterator[tuple[str, list[Any]]]:
    """(country code, words) of one table of one language's lexicon, or of every
    language's (``EVERY``)."""
    codes = lexicon.languages() if language == EVERY else (language,)
    for code in codes:
        yield from lexicon.load(code).get(section, {}).items()


def label(code: str) -> str:
    """How a label reads a country: its first English word, else its code."""
    return _labels().get(code, code)


def labelled(words: Sequence[str]) -> list[str]:
    """The folded words of a label with every side replaced by the words of its label, so
    "Kyiv", "Ukraine" and "ukrainiens" read alike."""
    return read(words)[0]


def read(words: Sequence[str], language: str | None = None) -> tuple[list[str], frozenset[str]]:
    """``labelled`` words of a text in ``language`` and the countries they name
    (``named``), found in one pass."""
    out: list[str] = []
    codes: set[str] = set()
    at = 0
    for start, end, code in spans(words, scope(language)):
        out += words[at:start]
        out += label(code).split()
        codes.add(code)
        at = end
    return out + list(words[at:]), frozenset(codes)


def tokens_named_at(tokens: Sequence[str], at: int, language: str | None = None) -> int:
    """How many of the tokens from ``at`` on name a country ("North Korean", "nord-coréens",
    "Sudanese") in a text in ``language``; 0 when they do not, or when the name ends
    inside a token."""
    parts: list[str] = []
    owner: list[int] = []
    for i, token in enumerate(tokens[at : at + 3]):
        for part in split(token):
            parts.append(part)
            owner.append(i)
    if not parts:
        return 0
    n, _ = match_at(parts, 0, scope(language))
    if not n or (n < len(parts) and owner[n] == owner[n - 1]):
        return 0
    return owner[n - 1] + 1
