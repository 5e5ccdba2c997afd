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
    """One alternation, longest phrase first. Phrases of spaced scripts share one pair of
    word boundaries around the whole alternation, which keeps the search fast (a boundary
    inside each alternative makes every one be tried at every position); a phrase with an
    edge in an unspaced script carries its own."""
    phrases = sorted(hedge_phrases(code), key=len, reverse=True)
    spaced = [_body(p) for p in phrases if not _unspaced_edge(p)]
    edged = [_alternative(p) for p in phrases if _unspaced_edge(p)]
    groups = [r"(?<![\w'’])(?:" + "|".join(spaced) + r")(?![\w])"] if spaced else []
    groups += edged
    return re.compile("|".join(groups) or "(?!)", re.IGNORECASE)


def _unspaced_edge(phrase: str) -> bool:
    return unspaced(phrase[:1]) or unspaced(phrase[-1:])


def _body(phrase: str) -> str:
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in phrase.split())


def _alternative(phrase: str) -> str:
    """A phrase as whole words; an edge in a script written without spaces (Chinese,
    Japanese, Korean particles) needs no word boundary: "据报道" is found in "据报道约"."""
    before = "" if unspaced(phrase[:1]) else r"(?<![\w'’])"
    after = "" if unspaced(phrase[-1:]) else r"(?![\w])"
    return f"{before}(?:{_body(phrase)}){after}"


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
