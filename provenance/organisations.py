"""The international bodies a text names, in every language: "OMS", "WHO", "ВОЗ" and
"منظمة الصحة العالمية" are one organisation.

War reporting in every language cites the same few bodies (the United Nations and its
agencies, the Red Cross, aid and rights groups, monitors of conflicts). Each language's
lexicon file lists, under ``[organisations]``, the names and acronyms its press writes
for them, keyed by the body's English acronym, which is how a label reads it. Two
sources naming one body are one origin however their names are worded, and a body's name
in a claim's text says who speaks, never where.

An entry of one word is matched as it is written, so that an acronym is never taken for
a common word: an entry in capitals ("UN", "WHO") only by a word in capitals, any other
("Onu", "Unicef") by a word beginning with a capital, or by the word in capitals; in a
script without capitals the word as it is, or with a clitic attached ("واليونيسف").
An entry of several words is matched in any case, a word ending in ``*`` standing for
every word that begins with it ("всемирн* организац* здравоохранени*"). The longest
entry matching at a word wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from provenance import lexicon
from provenance.folding import WORD_MARKS, clitic_variants, fold_word, no_capitals

_WORD = re.compile(rf"(?:[^\W\d_]|[{WORD_MARKS}])+", re.UNICODE)
EVERY = ""
"""Read with every language's table: a source's name has no language of its own."""
MIN_STEM = 4
"""The shortest stem a name's first word may have: entries are looked up by it."""
MIN_LATER_STEM = 3
"""The shortest stem a later word may have ("суд*" after "Международн* уголовн*")."""


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[str, ...]
    """Folded words; a word's prefix when its flag in ``prefix`` is set."""
    prefix: tuple[bool, ...]
    written: str
    """A one-word entry as the file writes it (its case decides what matches it)."""
    body: str


def _entry(raw: str, body: str) -> _Entry | None:
    """An entry split as texts are ("U.N." is two words, "Children's" two), or None when
    it has no word or a stem too short (``MIN_STEM``, ``MIN_LATER_STEM``)."""
    words: list[str] = []
    prefix: list[bool] = []
    for part in raw.split():
        found = _WORD.findall(fold_word(part.rstrip("*")))
        words += found
        prefix += [False] * (len(found) - 1) + [part.endswith("*")] if found else []
    if not words or (prefix[0] and len(words[0]) < MIN_STEM):
        return None
    if any(len(w) < MIN_LATER_STEM for w, stem in zip(words, prefix, strict=True) if stem):
        return None
    return _Entry(tuple(words), tuple(prefix), raw if len(words) == 1 else "", body)


@cache
def _table(language: str) -> dict[str, tuple[_Entry, ...]]:
    """The entries of one language's ``[organisations]`` (or of every language's), by
    their first word, or by its stem when that word is a ``*`` word."""
    found: dict[str, list[_Entry]] = {}
    codes = lexicon.languages() if language == EVERY else (language,)
    for code in codes:
        for body, names in lexicon.section(code, "organisations").items():
            for raw in names:
                entry = _entry(str(raw), body)
                if entry is not None:
                    key = entry.words[0][:MIN_STEM] if entry.prefix[0] else entry.words[0]
                    found.setdefault(key, []).append(entry)
    return {k: tuple(v) for k, v in found.items()}


@lru_cache(maxsize=1024)
def scope(language: str | None) -> str:
    """The table a text in ``language`` is read with: its own when its file has one,
    else every table."""
    code = lexicon.code(language)
    return code if code and lexicon.section(code, "organisations") else EVERY


def _word_matches(entry_word: str, prefix: bool, word: str) -> bool:
    return word.startswith(entry_word) if prefix else word == entry_word


def _written_matches(written: str, token: str) -> bool:
    """Whether a one-word entry as the file writes it matches a word as the text writes
    it (see the module's note on case)."""
    if written.isupper():
        return token.isupper()
    first = token[:1]
    return first.isupper() or no_capitals(first)


@lru_cache(maxsize=262_144)
def _candidates(table_name: str, folded: str) -> tuple[tuple[_Entry, str], ...]:
    """Entries of a table that may start at a word, with the form of the word they start
    with (the word itself, or without an attached clitic). Memoised: most words start
    none, and words recur across texts."""
    table = _table(table_name)
    return tuple(
        (entry, variant)
        for variant in clitic_variants(folded)
        for key in {variant, variant[:MIN_STEM]}
        for entry in table.get(key, ())
    )


def _length(
    entry: _Entry, first: str, tokens: Sequence[str], folded: Sequence[str], at: int
) -> int:
    """How many words the entry covers at ``at`` (0 when it does not match there)."""
    n = len(entry.words)
    if at + n > len(folded) or not _word_matches(entry.words[0], entry.prefix[0], first):
        return 0
    if n == 1:
        return 1 if _written_matches(entry.written, tokens[at]) else 0
    for i in range(1, n):
        if not _word_matches(entry.words[i], entry.prefix[i], folded[at + i]):
            return 0
    return n


def spans(text: str, language: str | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, body) of each body the text names, as character offsets, left to
    right; read with the table of ``language`` (``scope``)."""
    table_name = scope(language)
    if not _table(table_name):
        return
    matches = list(_WORD.finditer(text))
    tokens = [m.group() for m in matches]
    folded = [fold_word(t) for t in tokens]
    at = 0
    while at < len(tokens):
        best, body = 0, ""
        for entry, first in _candidates(table_name, folded[at]):
            n = _length(entry, first, tokens, folded, at)
            if n > best:
                best, body = n, entry.body
        if best:
            yield matches[at].start(), matches[at + best - 1].end(), body
            at += best
        else:
            at += 1


@lru_cache(maxsize=65_536)
def named(text: str, language: str | None = None) -> frozenset[str]:
    """The bodies a text names, by their labels (memoised: names of sources recur)."""
    return frozenset(body for _, _, body in spans(text, language))


def covered(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """The character spans of the text that name a body."""
    return [(start, end) for start, end, _ in spans(text, language)]
