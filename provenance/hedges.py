"""Attribution-level hedges in a quote: "reportedly", "laut", "selon", "по данным"…

These qualify who says a figure, not the figure itself (that is the figure parser's
qualifier); the words are the lexicon's ``hedges`` lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from provenance.figure_words import hedge_phrases, language_code, lower, unspaced

__all__ = ["detect_hedges"]


@lru_cache(maxsize=64)
def _hedge_pattern(code: str | None) -> re.Pattern[str]:
    alternatives = [_alternative(p) for p in sorted(hedge_phrases(code), key=len, reverse=True)]
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _alternative(phrase: str) -> str:
    """A phrase as whole words; an edge in a script written without spaces (Chinese,
    Japanese, Korean particles) needs no word boundary: "据报道" is found in "据报道约"."""
    body = r"\s+".join(re.escape(w).replace("'", "['’]") for w in phrase.split())
    before = "" if unspaced(phrase[:1]) else r"(?<![\w'’])"
    after = "" if unspaced(phrase[-1:]) else r"(?![\w])"
    return f"{before}(?:{body}){after}"


def detect_hedges(text: str, language: str | None = None) -> list[str]:
    """Hedge words of a quote, lower-case, in order, once each.

    With a language, English and that language's words are searched; without one, every
    language's (except words that are common outside their language, such as "secondo").
    """
    code = language_code(language) if language else None
    found: dict[str, None] = {}
    for m in _hedge_pattern(code).finditer(text):
        found.setdefault(" ".join(lower(m.group()).split()), None)
    return list(found)
