"""Word lists the extractor reads from the lexicon, lower-case, cached per language."""

from __future__ import annotations

from functools import cache
from typing import Any

from provenance import lexicon


@cache
def words(language: str, table: str, key: str, *, nested: bool = False) -> tuple[Any, ...]:
    """``[table].key`` of one language as a tuple of lower-case phrases (or of tuples when
    ``nested``); a dotted ``table`` reads a sub-table ("sources.kinds")."""
    node: Any = lexicon.load(language)
    for part in (*table.split("."), key):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    if not isinstance(node, list):
        return ()
    if nested:
        return tuple(tuple(str(w).lower() for w in group) for group in node)
    return tuple(str(w).lower() for w in node)


@cache
def subtable(language: str, table: str) -> dict[str, tuple[str, ...]]:
    """A table of lists (``[sources.kinds]``) as name -> lower-case phrases, in file order."""
    node: Any = lexicon.load(language)
    for part in table.split("."):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    if not isinstance(node, dict):
        return {}
    return {k: tuple(str(w).lower() for w in v) for k, v in node.items() if isinstance(v, list)}
