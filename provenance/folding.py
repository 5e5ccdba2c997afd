"""How words are folded and split before they are looked up: case, accents and marks,
clitics written as part of the next word, and the script a word is written in. Shared by
the readers of claims' words (``cues``) and of the countries they name (``sides``)."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from provenance import lexicon

WORD_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    "\u0981-\u0983\u09bc-\u09d7\u09e2\u09e3\u0b82\u0bbe-\u0bcd\u0bd7"
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    "\u102b-\u103e\u1056-\u1059\u105e-\u1060"
    "\u1062-\u1064\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u17b4-\u17d3\u17dd"
)
"""Combining marks (vowel signs, viramas such as the Tamil pulli, medials, harakat, niqqud,
Thai vowel and tone marks, Khmer vowel signs, diacritics and the coeng) that belong inside a
word."""


@lru_cache(maxsize=262_144)
def fold_word(word: str) -> str:
    """Lower case, accents and Arabic/Hebrew diacritics removed."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("ı", "i"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch != "ـ")


@cache
def attached(table: str) -> dict[str, tuple[str, ...]]:
    """The ``[measures]`` list ``table`` of every language (words written as part of the
    next word: ``attached``, or of them the ones meaning "and": ``attached_and``), by the
    script they are written in, longest first."""
    found: dict[str, set[str]] = {}
    for code in lexicon.languages():
        for prefix in lexicon.section(code, "measures").get(table, []):
            folded = fold_word(str(prefix))
            found.setdefault(script_of(folded), set()).add(folded)
    return {script: tuple(sorted(p, key=lambda x: (-len(x), x))) for script, p in found.items()}


def clitic_variants(word: str) -> tuple[str, ...]:
    """The word, and the word without an attached clitic of its script (Arabic "ال",
    Hebrew "ה"…, from the lexicon files' ``attached`` lists)."""
    out = [word]
    prefixes = attached("attached").get(script_of(word[:1]), ())
    for prefix in prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            out.append(word[len(prefix) :])
    return tuple(out)


def no_capitals(letter: str) -> bool:
    """Whether the letter's script writes no capitals: an uncased script (Arabic, Ge'ez…),
    or Georgian Mkhedruli, lower case to Unicode though its capitals (Mtavruli) never begin
    a sentence or a name."""
    return not (letter.isupper() or letter.islower()) or "\u10d0" <= letter <= "\u10ff"


def script_of(text: str) -> str:
    """The writing system of the first letter: latin, cyrillic, arabic, hebrew, greek,
    other."""
    for ch in text:
        if ch.isalpha():
            return _script_of_letter(ch)
    return ""


@lru_cache(maxsize=4096)
def _script_of_letter(letter: str) -> str:
    """Memoised by letter, not by text: a text's script is its first letter's, and a
    cache of whole texts would hold every claim's text."""
    name = unicodedata.name(letter, "")
    for script in ("LATIN", "CYRILLIC", "ARABIC", "HEBREW", "GREEK"):
        if name.startswith(script):
            return script.lower()
    return "other"
