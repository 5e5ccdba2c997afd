"""Whether a source's name says it is unnamed: "a senior official", "sources familiar with".

Read from each lexicon's ``[sources]`` table: a name is unnamed when it contains one of
the ``unnamed`` phrases as whole words, or starts with an ``indefinite`` word and holds
one of the ``roles`` ("an official of the ministry", "two diplomats"), in any case and
any lexicon language.
"""

from __future__ import annotations

import re
from functools import cache

from provenance.normalize import fold


@cache
def _cues() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    from provenance import lexicon

    phrases: set[str] = set()
    indefinite: set[str] = set()
    roles: set[str] = set()
    for code in lexicon.languages():
        table = lexicon.section(code, "sources")
        phrases.update(fold(p) for p in table.get("unnamed", []))
        indefinite.update(fold(w) for w in table.get("indefinite", []))
        roles.update(fold(w) for w in table.get("roles", []))
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), frozenset(indefinite), frozenset(roles)


def unnamed_cue(name: str) -> str | None:
    """The phrase in ``name`` that marks its source as unnamed, if any."""
    phrases, indefinite, roles = _cues()
    folded = fold(name)
    found = phrases.search(folded)
    if found:
        return found.group(0)
    words = re.findall(r"\w+", folded)
    if words and words[0] in indefinite:
        role = next((w for w in words[1:] if w in roles), None)
        if role is not None:
            return f"{words[0]} … {role}" if words[1] != role else f"{words[0]} {role}"
    return None
