"""Who a sentence attributes its statement to, and through whom it reached the article.

Read from the attribution in the sentence, in this order:

- a citing phrase ("Reuters reported, citing an unnamed official"): the cited party is
  the origin and the clause's speaker a relay;
- a phrase before or after the source ("according to ISW", "dem Ministerium zufolge");
- a speech verb ("X said", "…, said X", "X told Reuters"), with the listener of "told",
  "informed" as a relay when it is a name;
- a phrase pointing back ("the source also indicated", "as per the official"): the source
  of the nearest earlier attribution;
- a report with no source ("Reports suggest"): an unnamed, unspecified origin.

A source phrase is unnamed when it carries an unnamed cue ("unnamed", "anonymous"),
starts with an indefinite determiner before a role ("an official from …"), or is a role
with no name ("Ukrainian officials"); its affiliation is what follows a linking word
("from Kyiv's General Staff") or a proper adjective before the role ("Ukrainian").
Every word list comes from the language's ``[attribution]`` and ``[sources]`` tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from provenance.extract.lexis import subtable, words

_STRONG_BREAK = re.compile(r"[;:\"“”„«»]|[.!?](?=\s)|\s[-–—]\s")
_SOFT_END = re.compile(r"[,;:.!?\"“”„«»]|\s[-–—]\s")
_PAREN = re.compile(r"\s*\(([^)]*)\)")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A party as the article names it."""

    name: str
    named: bool
    kind: str
    affiliation: str | None = None
    alias: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Origins (several for "reports from A, B and C") and relays nearest the origin first."""

    origins: tuple[SourceRef, ...]
    via: tuple[SourceRef, ...] = ()
    cue: str = ""
    inherited: bool = field(default=False, compare=False)


UNSPECIFIED = SourceRef("unspecified reports", named=False, kind="other")


def attribute(sentence: str, language: str, previous: Attribution | None) -> Attribution | None:
    """The attribution of one sentence, or None when it attributes nothing."""
    lang = _Words(language)
    found = _citing(sentence, lang, previous) or _source_phrase(sentence, lang, previous)
    if found is None:
        found = _verb(sentence, lang, previous)
    if found is None and _has_phrase(sentence, lang.unspecified):
        found = Attribution((UNSPECIFIED,), cue="unspecified")
    if found is None:
        return None
    relays = _relay_by(sentence, lang)
    if relays:
        found = Attribution(found.origins, (*found.via, *relays), found.cue, found.inherited)
    return found


class _Words:
    """The lexicon lists of one language, compiled once per call site."""

    def __init__(self, language: str) -> None:
        self.code = language
        a, s = "attribution", "sources"
        self.verbs = words(language, a, "verbs")
        self.relay_verbs = words(language, a, "relay_verbs")
        self.before = words(language, a, "source_before")
        self.after = words(language, a, "source_after")
        self.citing = words(language, a, "citing")
        self.relay_by = words(language, a, "relay_by")
        self.anaphora = words(language, a, "anaphora")
        self.unspecified = words(language, a, "unspecified")
        self.boundaries = words(language, a, "boundaries")
        self.auxiliaries = words(language, a, "auxiliaries")
        self.list_and = words(language, a, "list_and")
        self.unnamed = words(language, s, "unnamed")
        self.indefinite = words(language, s, "indefinite")
        self.roles = words(language, s, "roles")
        self.links = words(language, s, "links")
        self.reports = words(language, s, "reports")
        self.kinds = {**subtable("en", "sources.kinds"), **subtable(language, "sources.kinds")}
        if language != "en":
            en = subtable("en", "sources.kinds")
            for kind, own in subtable(language, "sources.kinds").items():
                self.kinds[kind] = own + en.get(kind, ())


# --- finding the phrase ------------------------------------------------------------------


def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _matches(sentence: str, phrases: tuple[str, ...]) -> list[re.Match[str]]:
    pattern = _phrase_pattern(phrases)
    return list(pattern.finditer(sentence)) if pattern else []


def _has_phrase(sentence: str, phrases: tuple[str, ...]) -> bool:
    return bool(_matches(sentence, phrases))


def _after(sentence: str, pos: int, lang: _Words) -> str:
    """The phrase after ``pos`` up to the end of its clause."""
    rest = sentence[pos:]
    end = _SOFT_END.search(_PAREN.sub(lambda m: " " * len(m.group()), rest))
    phrase = rest[: end.start()] if end else rest
    for b in _matches(phrase, lang.boundaries):
        if b.start() > 0:
            phrase = phrase[: b.start()]
            break
    return phrase.strip()


def _before(sentence: str, pos: int, lang: _Words) -> str:
    """The phrase before ``pos`` back to the start of its clause, a list kept whole."""
    head = sentence[:pos]
    breaks = list(_STRONG_BREAK.finditer(_PAREN.sub(lambda m: " " * len(m.group()), head)))
    head = head[breaks[-1].end() :] if breaks else head
    segments = head.split(",")
    take = [segments[-1]]
    if _starts_with(segments[-1], lang.list_and):
        for seg in reversed(segments[:-1]):
            take.insert(0, seg)
            if len(seg.split()) > 6:
                break
    phrase = ",".join(take)
    bounds = _matches(phrase, lang.boundaries)
    if bounds:
        phrase = phrase[bounds[-1].end() :]
    return _strip_trailing(phrase.strip(), lang.auxiliaries)


def _starts_with(text: str, first_words: tuple[str, ...]) -> bool:
    parts = text.split()
    return bool(parts) and parts[0].lower() in first_words


def _strip_trailing(phrase: str, drop: tuple[str, ...]) -> str:
    tokens = phrase.split()
    while tokens and tokens[-1].lower().strip(",") in drop:
        tokens.pop()
    return " ".join(tokens)


# --- the kinds of attribution ------------------------------------------------------------


def _citing(sentence: str, lang: _Words, previous: Attribution | None) -> Attribution | None:
    for m in _matches(sentence, lang.citing):
        origin = _resolve(_after(sentence, m.end(), lang), lang, previous)
        if origin is None:
            continue
        speaker = _speaker(sentence[: m.start()], lang)
        via = tuple(s for s in speaker if s.named)
        return Attribution(origin.origins, (*origin.via, *via), m.group().lower())
    return None


def _speaker(clause: str, lang: _Words) -> tuple[SourceRef, ...]:
    for m in reversed(_matches(clause, lang.verbs)):
        found = _parse_source(_before(clause, m.start(), lang), lang)
        if found:
            return found
    return ()


def _source_phrase(sentence: str, lang: _Words, previous: Attribution | None) -> Attribution | None:
    for m in _matches(sentence, lang.before):
        found = _resolve(_after(sentence, m.end(), lang), lang, previous)
        if found:
            return _with_cue(found, m.group())
    for m in _matches(sentence, lang.after):
        found = _resolve(_before(sentence, m.start(), lang), lang, previous)
        if found:
            return _with_cue(found, m.group())
    return None


def _verb(sentence: str, lang: _Words, previous: Attribution | None) -> Attribution | None:
    matches = _matches(sentence, lang.verbs)
    nouns_last = [m for m in matches if m.group().lower() not in lang.reports]
    for m in nouns_last + [m for m in matches if m not in nouns_last]:
        phrase = _before(sentence, m.start(), lang)
        found = _resolve(phrase, lang, previous) if phrase else None
        if found is None and not phrase:
            found = _resolve(_after(sentence, m.end(), lang), lang, previous)
        if found is None:
            continue
        relays = _listener(sentence, m, lang)
        return Attribution(found.origins, (*found.via, *relays), m.group().lower(), found.inherited)
    return None


def _listener(sentence: str, verb: re.Match[str], lang: _Words) -> tuple[SourceRef, ...]:
    if verb.group().lower() not in lang.relay_verbs:
        return ()
    phrase = _strip_article(_after(sentence, verb.end(), lang), lang)
    if not phrase or not phrase[:1].isupper():
        return ()
    return tuple(s for s in _parse_source(phrase, lang) if s.named)


def _relay_by(sentence: str, lang: _Words) -> tuple[SourceRef, ...]:
    out: list[SourceRef] = []
    for m in _matches(sentence, lang.relay_by):
        phrase = _after(sentence, m.end(), lang)
        out.extend(s for s in _parse_source(phrase, lang) if s.named)
    return tuple(out)


def _with_cue(found: Attribution, cue: str) -> Attribution:
    return Attribution(found.origins, found.via, cue.lower(), found.inherited)


def _resolve(phrase: str, lang: _Words, previous: Attribution | None) -> Attribution | None:
    """A source phrase as an attribution; a phrase pointing back takes the previous one."""
    if not phrase:
        return None
    if phrase.lower() in lang.anaphora or _is_anaphora(phrase, lang):
        if previous is None:
            return None
        return Attribution(previous.origins, previous.via, previous.cue, inherited=True)
    origins = _parse_source(phrase, lang)
    return Attribution(origins) if origins else None


def _is_anaphora(phrase: str, lang: _Words) -> bool:
    low = phrase.lower()
    return any(
        low == a or (low.startswith(a + " ") and len(low.split()) <= 4) for a in lang.anaphora
    )


# --- reading a source phrase ---------------------------------------------------------------


def _parse_source(phrase: str, lang: _Words) -> tuple[SourceRef, ...]:
    """One or more sources from a phrase; () when it does not name a party."""
    phrase = phrase.strip(" ,'\"“”«»")
    if not phrase or not re.search(r"[^\W\d_]", phrase) or len(phrase.split()) > 14:
        return ()
    alias = None
    paren = _PAREN.search(phrase)
    if paren:
        alias = paren.group(1).strip() or None
        phrase = (phrase[: paren.start()] + phrase[paren.end() :]).strip()
    head, affiliation = _split_affiliation(phrase, lang)
    if affiliation and not (
        _mentions(head, lang.roles)
        or _mentions(head, lang.reports)
        or _mentions(phrase, lang.unnamed)
    ):
        head, affiliation = phrase, None
    head_words = [w.lower() for w in head.split()]
    if head_words and all(w in lang.reports for w in head_words) and not affiliation:
        return (UNSPECIFIED,)
    if affiliation and _is_list(affiliation, lang) and _mentions(head, lang.reports):
        return tuple(
            _source(head, item, lang, alias=None) for item in _list_items(affiliation, lang)
        )
    return (_source(head, affiliation, lang, alias=alias, whole=phrase),)


def _split_affiliation(phrase: str, lang: _Words) -> tuple[str, str | None]:
    for m in _matches(phrase, lang.links):
        if m.start() == 0:
            continue
        rest = phrase[m.end() :].strip()
        if rest:
            return phrase[: m.start()].strip(), _strip_article(rest, lang)
    return phrase, None


def _strip_article(text: str, lang: _Words) -> str:
    parts = text.split()
    if len(parts) > 1 and parts[0].lower() in ("the", *lang.indefinite[:2]):
        return " ".join(parts[1:])
    return text


def _is_list(text: str, lang: _Words) -> bool:
    return "," in text or any(f" {w} " in f" {text.lower()} " for w in lang.list_and)


def _list_items(text: str, lang: _Words) -> list[str]:
    pieces = re.split(r",\s*", text)
    items: list[str] = []
    for piece in pieces:
        words_ = piece.split()
        if words_ and words_[0].lower() in lang.list_and:
            piece = " ".join(words_[1:])
        parts = re.split(
            r"\s+(?:" + "|".join(map(re.escape, lang.list_and or ("and",))) + r")\s+", piece
        )
        items.extend(_strip_article(p.strip(), lang) for p in parts if p.strip())
    return items


def _mentions(text: str, phrases: tuple[str, ...]) -> bool:
    return _has_phrase(text, phrases)


def _source(
    head: str,
    affiliation: str | None,
    lang: _Words,
    *,
    alias: str | None,
    whole: str | None = None,
) -> SourceRef:
    tokens = head.split()
    lowered = [t.lower().strip(",") for t in tokens]
    has_role = any(t in lang.roles for t in lowered)
    unnamed = _has_phrase(whole or head, lang.unnamed) or (
        has_role and ((lowered and lowered[0] in lang.indefinite) or not _has_name(tokens, lang))
    )
    if affiliation is None and unnamed:
        affiliation = _proper_adjectives(tokens, lang)
    kind = _kind(head, affiliation, lang, unnamed=unnamed)
    if whole is None:
        label = _strip_trailing(_drop_first_article(head, lang), lang.reports)
        name = f"{label} ({affiliation})" if affiliation else label
    else:
        name = _drop_first_article(whole, lang)
    if not unnamed:
        name = _strip_trailing(name, lang.reports) or name
    if unnamed and not _has_phrase(name, lang.unnamed):
        name = f"unnamed {name}" if lang.code == "en" else name
    return SourceRef(name=name, named=not unnamed, kind=kind, affiliation=affiliation, alias=alias)


def _drop_first_article(text: str, lang: _Words) -> str:
    parts = text.split()
    if len(parts) > 1 and parts[0].lower() in ("the", "a", "an", *lang.indefinite[:2]):
        parts = parts[1:]
    out = " ".join(parts)
    return (
        out[:1].lower() + out[1:]
        if out[:1].isupper() and out[1:2].islower() and not parts[0].istitle()
        else out
    )


def _has_name(tokens: list[str], lang: _Words) -> bool:
    """A capitalised word that is not the phrase's first word and not an adjective of a role."""
    for i, tok in enumerate(tokens):
        if i == 0 or not tok[:1].isupper():
            continue
        nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if nxt in lang.roles or nxt in lang.reports:
            continue
        return True
    return False


def _proper_adjectives(tokens: list[str], lang: _Words) -> str | None:
    found = [
        t
        for i, t in enumerate(tokens)
        if t[:1].isupper()
        and i + 1 < len(tokens)
        and tokens[i + 1][:1].islower()
        and t.lower() not in lang.indefinite
        and t.lower() not in ("the", "a", "an")
    ]
    return " ".join(found) or None


def _kind(head: str, affiliation: str | None, lang: _Words, *, unnamed: bool) -> str:
    for text in (head, affiliation or ""):
        for kind, cues in lang.kinds.items():
            if text and _has_phrase(text, cues):
                return kind
    if unnamed:
        return "official"
    tokens = head.split()
    if 1 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens):
        return "person"
    return "other"
