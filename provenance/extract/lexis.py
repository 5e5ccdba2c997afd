"""Word lists the extractor reads from the lexicon, lower-case, cached per language."""

from __future__ import annotations

from functools import cache
from typing import Any

from provenance import lexicon
from provenance.figure_words import unspaced
from provenance.folding import WORD_MARKS, attached, fold_word, script_of


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
def flag(language: str, table: str, key: str) -> bool:
    """Whether ``[table].key`` of one language is ``true`` (a switch such as ``[dates]
    day_before_month``); false when the file or the key is missing."""
    return lexicon.section(language, table).get(key) is True


@cache
def subtable(language: str, table: str) -> dict[str, tuple[str, ...]]:
    """A table of lists (``[sources.kinds]``) as name -> lower-case phrases, in file order."""
    node: Any = lexicon.load(language)
    for part in table.split("."):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    if not isinstance(node, dict):
        return {}
    return {k: tuple(str(w).lower() for w in v) for k, v in node.items() if isinstance(v, list)}


@cache
def phrase_end(phrase: str) -> str:
    """What must follow a phrase in the text: the end of a word (no vowel sign or virama
    of the same word follows, in a script written with spaces: Tamil "என" is not read
    inside "எனினும்"), unless the phrase ends
    in a word written as part of the next one, elided ("qu'") or a clitic of its
    script ("وفقا ل"), from the ``[measures] attached`` lists, or is a phrase of a language
    whose press writes it against the next word (``written_against``: "ระบุว่ามี", said
    there were)."""
    parts = phrase.split()
    last = fold_word(parts[-1]) if parts else ""
    if last.endswith(("'", "’")) or (
        last and last in attached("attached").get(script_of(last), ())
    ):
        return ""
    if phrase in written_against():
        return ""
    if unspaced(phrase[-1:]):
        return r"(?![\w-])"
    return rf"(?![\w{WORD_MARKS}-])"


@cache
def written_against() -> frozenset[str]:
    """The ``[attribution]`` and ``[sources]`` phrases, lower-case, of the languages whose
    press writes them against the words around them, in a run of letters without spaces
    (``[attribution] written_against = true``: Thai "กระทรวงกลาโหมระบุว่ามี", the ministry
    of defence said there were)."""
    found: set[str] = set()
    for code in lexicon.languages():
        if not flag(code, "attribution", "written_against"):
            continue
        for table in ("attribution", "sources"):
            found.update(str(p).lower() for p in _strings(lexicon.section(code, table)))
    return frozenset(found)


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []
