"""Attribution-level hedges in a quote: "reportedly", "laut", "selon", "по данным"…

These qualify who says a figure, not the figure itself (that is the figure parser's
qualifier); the words are the lexicon's ``hedges`` lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from provenance.figure_words import hedge_phrases, language_code, lower

__all__ = ["detect_hedges"]


@lru_cache(maxsize=64)
def _hedge_pattern(code: str | None) -> re.Pattern[str]:
    alternatives = [
        r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split())
        for p in sorted(hedge_phrases(code), key=len, reverse=True)
    ]
    return re.compile(r"(?<![\w'’])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)


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
