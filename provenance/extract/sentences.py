"""Paragraphs and sentences of an article, as spans of its text.

A paragraph that does not end like a sentence (a headline, a byline, a caption, a
"read more" link) is page furniture: it is never searched for claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance import lexicon
from provenance.extract.lexis import flag, words
from provenance.folding import WORD_MARKS, no_capitals

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# Full-width stops end a sentence without a space after them (Chinese, Japanese). The
# danda (Hindi, Bengali), the Urdu full stop and the Ethiopic full stop and question mark
# end one as a full stop does, and so does the Armenian full stop (verjaket). The Myanmar
# and Khmer full stops ("။", "។", "៕") end one whether a space follows or not.
_STOPS = ".!?؟。…\u0964\u0965\u06d4\u1362\u1367\u0589\u104b\u17d4\u17d5"
_SENTENCE_END = re.compile(
    rf"[{_STOPS}]+[\"'”’»)\]]*(?=\s+|$)|[。！？\u104b\u17d4\u17d5]+[」』”’）)]*"
)
_FINAL = re.compile(rf"[{_STOPS}！？][\"'”’»)\]*」』）]*$")
# Thai writes no full stop: a paragraph of three or more phrases parted by spaces whose
# last word is Thai is prose.
_LAST_LETTER = re.compile(r"[^\W\d_](?=[\W\d_]*$)")
# A dot after a Thai letter ends an abbreviation ("พ.ย.", November; "กม.", km), never a sentence.
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
# Khmer abbreviates with dots too ("ព.ស.", the Buddhist Era; "គ.ស.", the common era).
_ABBREVIATING_LETTER = re.compile(r"[\u0e01-\u0e4e\u1780-\u17d3]")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "adm",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "approx",
        "no",
        "nos",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "bzw",
        "ca",
        "dr",
        "nr",
        "st",
        "z.b",
        "u.a",
        "mio",
        "mrd",
        "tsd",
        "mme",
        "mlle",
        "env.",
        "sr",
        "sra",
        "dña",
        "г",
        "гг",
        "тыс",
        "млн",
        "млрд",
        "см",
        "им",
        "тис",
        "დაახლ",
        "ე.წ",
        "მლნ",
        "მლრდ",
        "ათ",
        "კვ",
        "ქ",
    ]
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def sentences(text: str, language: str | None = None) -> list[Sentence]:
    """Sentences of the prose paragraphs, in order, with their offsets in ``text``. In a
    language that writes ordinals with a dot (``[dates] ordinal_dot``: German "am 24.
    Februar", "die 47. Brigade"), a dot after a number of up to three digits ends a
    sentence only before one of its function words (``[quantities] stopwords``)."""
    ordinals = _ordinal_dot(language)
    out: list[Sentence] = []
    for number, para in enumerate(_PARAGRAPH.finditer(text)):
        body = para.group()
        if not _FINAL.search(body.rstrip()) and not _unstopped(body):
            continue
        out.extend(_split(text, para.start(), para.end(), number, ordinals))
    return out


def _ordinal_dot(language: str | None) -> frozenset[str] | None:
    """The function words that may open a sentence after a number, in a language that
    writes ordinals with a dot; None in any other."""
    code = lexicon.code(language)
    if not code or not flag(code, "dates", "ordinal_dot"):
        return None
    return frozenset(words(code, "quantities", "stopwords"))


_ORDINAL_DOT = re.compile(r"(?<![\d.,])\b\d{1,3}$")


def _unstopped(body: str) -> bool:
    last = _LAST_LETTER.search(body)
    return (
        last is not None and _THAI_LETTER.match(last.group()) is not None and len(body.split()) > 2
    )


def _split(
    text: str, start: int, end: int, paragraph: int, ordinals: frozenset[str] | None
) -> list[Sentence]:
    out: list[Sentence] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.end()
        if _is_abbreviation(text, begin, m.start()) or not _next_starts_sentence(text, stop, end):
            continue
        if ordinals is not None and _is_ordinal(text, begin, m, end, ordinals):
            continue
        _add(out, text, begin, stop, paragraph)
        begin = stop
    _add(out, text, begin, end, paragraph)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph))


def ends_abbreviation(text: str, dot: int) -> bool:
    """Whether the dot at ``dot`` ends an abbreviation ("ஐ.நா. தெரிவித்தது", the UN said),
    not a clause."""
    return _is_abbreviation(text, 0, dot)


def _is_abbreviation(text: str, begin: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    if _ABBREVIATING_LETTER.match(text, dot - 1):
        return True
    word = re.search(rf"([\w.{WORD_MARKS}]+)$", text[begin:dot])
    if word is None:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or _syllable(token)


def _syllable(token: str) -> bool:
    """A letter of an uncased script with its vowel signs, after a dot: the last part of
    an abbreviation written in syllables (Tamil "ஐ.நா.", UN; Hindi "डॉ.", Dr.)."""
    last = token.rsplit(".", 1)[-1]
    marks = re.sub(f"[{WORD_MARKS}]", "", last)
    return len(marks) == 1 and marks.isalpha() and no_capitals(marks) and len(last) > 1


def _is_ordinal(
    text: str, begin: int, m: re.Match[str], end: int, ordinals: frozenset[str]
) -> bool:
    """A dot right after a short number, not followed by a function word: an ordinal."""
    if m.group() != "." or not _ORDINAL_DOT.search(text, begin, m.start()):
        return False
    following = re.match(r"\s*(\w+)", text[m.end() : end])
    return following is not None and following.group(1).lower() not in ordinals


def _next_starts_sentence(text: str, pos: int, end: int) -> bool:
    rest = text[pos:end].lstrip()
    if not rest:
        return True
    first = rest[0]
    return (not first.islower() or no_capitals(first)) and first not in ",;:"
