"""What ``--search`` finds: every term of the search, each where a word starts, and a
number whatever its digits are grouped by.

A term of letters (or letters and digits) matches at the start of a word, so ``troop``
finds "troops" but ``port`` does not find "report", and ``5724`` is not found inside
``c15724``. A term of digits matches that whole number written with or without
thousands separators: ``60000`` finds "60000", "60,000", "60 000", "60.000" (German),
"60'000" (Swiss), with a no-break or thin space too; it does not find "160,000",
"60,0001" or "60k". A number's digits are what is searched for, not its value: "60k"
and "60 thousand" are words, found by searching for them as written.

Each term becomes a regular expression both SQLite (Python's ``re``, which SQLAlchemy
gives it as REGEXP) and PostgreSQL (``~*``) read the same way, and a LIKE pattern that
every match also matches, which narrows the rows cheaply before the expression runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.normalize import like_literal

SEPARATORS = " ,.'’\u00a0\u202f\u2009"
"""What may group a number's digits in threes."""
_GROUP = f"[{SEPARATORS}]?"
_NOT_IN_A_WORD = r"(?<!\w)"
_NOT_AFTER_A_NUMBER = r"(?<![0-9][,.])"
_NOT_MORE_DIGITS = r"(?![0-9])(?![,.][0-9])"


@dataclass(frozen=True)
class Term:
    like: str
    """A ``LIKE … ESCAPE '!'`` pattern (lower case) that every match also matches."""
    regex: str
    """The expression, matched case-insensitively."""


def terms(search: str) -> list[Term]:
    """The terms of a search, each to be found in the text."""
    return [term(word) for word in search.split()]


def term(word: str) -> Term:
    word = word.lower()
    if word.isdigit() and word.isascii():
        return _number(word)
    return Term(f"%{like_literal(word)}%", _NOT_IN_A_WORD + re.escape(word))


def _number(digits: str) -> Term:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    regex = _NOT_IN_A_WORD + _NOT_AFTER_A_NUMBER + _GROUP.join(groups) + _NOT_MORE_DIGITS
    return Term("%" + "%".join(groups) + "%", regex)
