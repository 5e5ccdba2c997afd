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

from provenance import organisations
from provenance.extract.lexis import flag, phrase_end, subtable, words, written_against
from provenance.extract.sentences import ends_abbreviation
from provenance.figure_words import unspaced
from provenance.folding import WORD_MARKS

# The Armenian full stop (U+0589) ends a clause as a full stop does, and the Armenian
# comma (U+055D) as a comma does. A colon inside a word joins an ending to an acronym
# (Swedish "FN:s", "USA:s", Finnish "EU:n"): part of a name, not a break.
_COLON = r"(?:(?<![^\W_]):|:(?![^\W_]))"
_STRONG_BREAK = re.compile(rf"[;\"“”„«»؛]|{_COLON}|[.!?؟\u0589](?=\s|$)|\s[-–—]\s")
_SOFT_END = re.compile(rf"[,;.!?\"“”„«»،؛؟\u0589\u055d]|{_COLON}|\s[-–—]\s")
_PAREN = re.compile(r"\s*\(([^)]*)\)")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.:][^\W_]+)*\.?|[^\w\s]", re.UNICODE)


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


def attribute(
    sentence: str, language: str, previous: Attribution | None, stops: tuple[int, ...] = ()
) -> Attribution | None:
    """The attribution of one sentence, or None when it attributes nothing; a source
    phrase read forwards ends before any of ``stops`` (where the figures start)."""
    lang = _Words(language, stops)
    found = _citing(sentence, lang, previous) or _source_phrase(sentence, lang, previous)
    if found is None:
        found = _verb(sentence, lang, previous)
    if found is None and _has_phrase(sentence, lang.unspecified):
        found = Attribution((UNSPECIFIED,), cue="unspecified")
    if found is None:
        return None
    relays = tuple(r for r in _relay_by(sentence, lang) if r not in found.via)
    if relays:
        found = Attribution(found.origins, (*found.via, *relays), found.cue, found.inherited)
    return found


class _Words:
    """The lexicon lists of one language, compiled once per call site."""

    def __init__(self, language: str, stops: tuple[int, ...] = ()) -> None:
        self.code = language
        self.stops = stops
        a, s = "attribution", "sources"
        self.verbs = words(language, a, "verbs")
        self.speaker_after = words(language, a, "speaker_after_verbs")
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
        self.listener_marks = words(language, a, "listener_marks")
        self.complementisers = words(language, a, "complementisers")
        self.subject_marks = words(language, a, "subject_marks")
        self.verb_second = flag(language, a, "verb_second")
        self.reported_first = flag(language, a, "reported_first")
        self.clitic_restore: tuple[tuple[str, str], ...] = words(
            language, a, "clitic_restore", nested=True
        )
        self.articles = words(language, s, "articles")
        self.name_generic = words(language, s, "name_generic_words")
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
    body = "|".join(
        _phrase_start(p) + r"\s+".join(map(re.escape, p.split())) + phrase_end(p)
        for p in alternatives
    )
    return re.compile(rf"(?:{body})", re.IGNORECASE)


def _phrase_start(phrase: str) -> str:
    """What must come before a phrase: the start of a word (not after a vowel sign or
    virama of a word, in a script written with spaces: Tamil "படி" is not read inside
    "கூற்றுப்படி"), unless the phrase begins with
    a mark written against the word before (the Burmese genitive "၏" of "X၏ အဆိုအရ",
    according to X), or is of a language whose press writes it against the words before
    it ("กระทรวงกลาโหมระบุว่า", the ministry of defence said)."""
    glued = phrase in written_against() or not re.match(r"[\w-]", phrase)
    if glued:
        return ""
    return r"(?<![\w-])" if unspaced(phrase[:1]) else rf"(?<![\w{WORD_MARKS}-])"


def _matches(sentence: str, phrases: tuple[str, ...]) -> list[re.Match[str]]:
    pattern = _phrase_pattern(phrases)
    return list(pattern.finditer(sentence)) if pattern else []


def _has_phrase(sentence: str, phrases: tuple[str, ...]) -> bool:
    return bool(_matches(sentence, phrases))


def _after(sentence: str, pos: int, lang: _Words) -> str:
    """The phrase after ``pos`` up to the end of its clause, a verb or a figure; none when
    a clause begins there ("said that 16 people…" names no speaker after the verb; German
    "die", a relative pronoun and an article, still begins one: "sagte die Verwaltung")."""
    while pos < len(sentence) and sentence[pos].isspace():
        pos += 1
    rest = sentence[pos:]
    end = _SOFT_END.search(_PAREN.sub(lambda m: " " * len(m.group()), rest))
    limit = end.start() if end else len(rest)
    limit = min([limit, *(s - pos for s in lang.stops if s > pos)])
    phrase = rest[:limit]
    if any(
        b.start() == 0 and b.group().lower() not in lang.articles
        for b in _matches(phrase, lang.boundaries)
    ):
        return ""
    for found in (_matches(phrase, lang.boundaries), _matches(phrase, lang.verbs)):
        for b in found:
            if b.start() > 0:
                phrase = phrase[: b.start()]
                break
    return _strip_trailing(phrase.strip(), lang.auxiliaries)


def _before(sentence: str, pos: int, lang: _Words) -> str:
    """The phrase before ``pos`` back to the start of its clause, a list kept whole."""
    head = sentence[:pos]
    blanked = _PAREN.sub(lambda m: " " * len(m.group()), head)
    breaks = [
        b
        for b in _STRONG_BREAK.finditer(blanked)
        if b.group() != "." or not ends_abbreviation(blanked, b.start())
    ]
    start = breaks[-1].end() if breaks else 0
    for cut in _matches(head, lang.relay_by):
        if cut.start() >= start:
            head = head[: cut.start()]
            break
    head = head[start:]
    segments = re.split(r"[,،]", head)
    closed = not segments[-1].strip()
    if closed:
        segments.pop()
        if len(segments) > 1 and _is_apposed_name(segments[-1]):
            bounds = _matches(segments[-2], lang.boundaries)
            role = segments[-2][bounds[-1].end() :] if bounds else segments[-2]
            return f"{role.strip()}, {segments[-1].strip()}" if role.strip() else ""
        if not (len(segments) > 1 and _is_aside(segments[-1], lang)):
            return ""
    closes = [start + m.end() for m in _matches(head, lang.complementisers)]
    if any(start <= s < pos for s in lang.stops) and any(
        s >= start + len(head) - len(segments[-1]) and not any(c > s for c in closes)
        for s in lang.stops
        if s < pos
    ):
        return ""
    take = [segments[-1]]
    if _starts_with(segments[-1], lang.list_and):
        for seg in reversed(segments[:-1]):
            take.insert(0, seg)
            if len(seg.split()) > 6:
                break
    elif closed and len(segments) > 1 and _is_aside(segments[-1], lang):
        # An aside is set off by commas on both sides ("a spokesman, who declined to be
        # named, said"); a clause opened after a comma and running to the verb holds the
        # speaker ("…, as residents told Reuters").
        bounds = _matches(segments[-2], lang.boundaries)
        first = segments[-2][bounds[-1].end() :] if bounds else segments[-2]
        return f"{first.strip()}, {segments[-1].strip()}"
    phrase = _strip_trailing(",".join(take), lang.auxiliaries)
    bounds = _matches(phrase, lang.boundaries)
    if bounds and lang.reported_first and bounds[-1].group().lower() in lang.complementisers:
        phrase = phrase[bounds[-1].end() :]
    elif bounds and _has_phrase(phrase[bounds[-1].start() :], lang.unnamed) and bounds[-1].start():
        opening = bounds[-2].end() if len(bounds) > 1 else 0
        phrase = phrase[opening : bounds[-1].start()]
    elif bounds:
        phrase = phrase[bounds[-1].end() :]
    return _strip_trailing(phrase.strip(), lang.auxiliaries)


_NAME_PART = re.compile(r"[^\W\d_][\w'’.-]*")


def _is_apposed_name(segment: str) -> bool:
    """A person's name set off by commas after a role ("The police spokesman, Michel-Ange
    Louis-Jeune, said"): two to five words, each beginning with a capital letter."""
    parts = segment.split()
    return 2 <= len(parts) <= 5 and all(_NAME_PART.fullmatch(p) and p[0].isupper() for p in parts)


def _is_aside(segment: str, lang: _Words) -> bool:
    """A relative clause or an anonymity note set off by commas after the source
    ("a spokesman, who declined to be named, said")."""
    return _starts_with(segment, lang.boundaries) or _has_phrase(segment, lang.unnamed)


def _starts_with(text: str, first_words: tuple[str, ...]) -> bool:
    parts = text.split()
    return bool(parts) and parts[0].lower() in first_words


def _strip_leading(phrase: str, drop: tuple[str, ...]) -> str:
    """A speaker named after the verb without the day words before it ("заявило в пятницу
    Министерство", "a déclaré vendredi le ministère")."""
    tokens = phrase.split()
    while len(tokens) > 1 and tokens[0].lower() in drop:
        tokens.pop(0)
    return " ".join(tokens)


_DAY_MONTH = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{4})?")


def _strip_trailing(phrase: str, drop: tuple[str, ...]) -> str:
    """The phrase without the words of ``drop`` at its end, and without the day written
    before a dropped month name ("the ministry 15 November said" in Georgian word order),
    nor the year after it ("Den 16 november 2024 meddelade WHO", a Swedish date put first),
    nor a day and month written in figures after a dropped word ("Bộ Quốc phòng hôm 15/11
    cho biết", the ministry said on 15 November)."""
    tokens = phrase.split()
    while tokens and (
        tokens[-1].lower().strip(",") in drop
        or (
            len(tokens) > 1
            and (_YEAR.fullmatch(tokens[-1]) or _DAY_MONTH.fullmatch(tokens[-1].strip(",")))
            and tokens[-2].lower() in drop
        )
    ):
        tokens.pop()
        if tokens and tokens[-1].isdigit() and len(tokens[-1]) <= 2:
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
        phrase = _without_second_verb(sentence, m.end(), _after_clitic(sentence, m, lang), lang)
        found = _resolve(_with_aside(sentence, m.end(), phrase, lang), lang, previous)
        if found:
            return _with_cue(found, m.group())
    for m in _matches(sentence, lang.after):
        found = _resolve(_before(sentence, m.start(), lang), lang, previous)
        if found:
            return _with_cue(found, m.group())
    return None


def _without_second_verb(sentence: str, pos: int, phrase: str, lang: _Words) -> str:
    """The source phrase after a cue put first, without the verb a verb-second language
    writes right after it ("Enligt uppgifter dödades 300 människor", "Enligt
    Migrationsverket sökte drygt 16 000 personer asyl"): when the phrase runs on to a
    figure, its last word is that verb. An auxiliary there ("Enligt en källa har 500…")
    was already left out, and then the phrase does not run on to the figure."""
    parts = phrase.split()
    if not lang.verb_second or len(parts) < 2:
        return phrase
    found = sentence.find(phrase, pos)
    if found < 0:
        return phrase
    end = found + len(phrase)
    gap = len(sentence[end:]) - len(sentence[end:].lstrip())
    if not any(s == end + gap for s in lang.stops):
        return phrase
    return " ".join(parts[:-1])


def _with_aside(sentence: str, pos: int, phrase: str, lang: _Words) -> str:
    """The source phrase with the aside set off by commas after it ("Nach Angaben von
    Ärzten, die anonym bleiben wollten,"), which says whether the source is named."""
    tail = phrase[-8:]
    found = sentence.find(tail, pos) if tail else -1
    end = found + len(tail)
    if found < 0 or not sentence[end:].startswith((",", "،")):
        return phrase
    aside = re.split(r"[,،]", sentence[end + 1 :], maxsplit=1)
    if len(aside) < 2 or not _is_aside(aside[0].strip(), lang):
        return phrase
    return f"{phrase}, {aside[0].strip()}"


def _after_clitic(sentence: str, m: re.Match[str], lang: _Words) -> str:
    """The phrase after a cue; when the cue's last word is a clitic written as part of
    the next word, that word as it reads on its own ("لمنظمة" after "ل" is "المنظمة")."""
    phrase = _after(sentence, m.end(), lang)
    if not (m.end() < len(sentence) and sentence[m.end() - 1 : m.end() + 1].isalpha()):
        return phrase
    for written, restored in lang.clitic_restore:
        if phrase.startswith(written):
            return restored + phrase[len(written) :]
    return phrase


def _verb(sentence: str, lang: _Words, previous: Attribution | None) -> Attribution | None:
    unspecified = [(u.start(), u.end()) for u in _matches(sentence, lang.unspecified)]
    matches = [
        m
        for m in _matches(sentence, lang.verbs)
        if not any(a <= m.start() and m.end() <= b for a, b in unspecified)
    ]
    nouns_last = [m for m in matches if m.group().lower() not in lang.reports]
    for m in nouns_last + [m for m in matches if m not in nouns_last]:
        phrase = _before(sentence, m.start(), lang)
        heard: tuple[SourceRef, ...] = ()
        phrase, told = _told(phrase, lang)
        if told:
            heard = _parse_source(told, lang)
        phrase = phrase or _subject(sentence, m, lang)
        found = _resolve(phrase, lang, previous) if phrase else None
        if found is None and not phrase and _speaker_may_follow(m.group(), lang):
            after = _strip_leading(_after(sentence, m.end(), lang), lang.auxiliaries)
            speaker, heard = _split_listener(after, lang)
            found = _resolve(speaker, lang, previous)
        if found is None:
            continue
        relays = heard or tuple(r for r in _listener(sentence, m, lang) if r not in found.origins)
        return Attribution(found.origins, (*found.via, *relays), m.group().lower(), found.inherited)
    return None


_SUBJECT_WORDS = 6


def _told(phrase: str, lang: _Words) -> tuple[str, str]:
    """The speaker and the listener of the phrase before the verb, where a language names
    its speaker with a subject particle and its listener with a mark after it ("... ဟု
    ဒေသခံတစ်ဦးက RFA ကို ပြောသည်", ... a resident told RFA; "... ဟု ရိုက်တာသတင်းဌာနကို
    ပြောပြသည်", ... told Reuters, the speaker named first): the words up to the last one
    with a subject particle, and the rest without its mark; (phrase, "") when no listener
    is marked."""
    tokens = phrase.split()
    if not lang.subject_marks or not tokens:
        return phrase, ""
    mark = next((m for m in lang.listener_marks if tokens[-1].endswith(m)), "")
    if not mark:
        return phrase, ""
    tokens[-1] = tokens[-1][: -len(mark)]
    if not tokens[-1]:
        tokens.pop()
    marked = [
        i + 1
        for i, t in enumerate(tokens)
        if any(t.endswith(s) and t != s for s in lang.subject_marks)
    ]
    cut = max(marked, default=0)
    return " ".join(tokens[:cut]), " ".join(tokens[cut:])


def _subject(sentence: str, verb: re.Match[str], lang: _Words) -> str:
    """The speaker a verb-final sentence names first, its subject particle written against
    it, before the figure it reports ("ဝန်ကြီးဌာနက လူ ၃၀၀ ... ဟု ထုတ်ပြန်သည်", the ministry
    announced 300 people...): the words up to the first that ends with one of the
    language's ``subject_marks``, day words before them left out; "" when none does, or
    when the verb ends a phrase that names no one ("... ဟု ဆိုသည်", it is said): the
    words before are then the agent of what is reported, not its speaker."""
    if not lang.subject_marks or any(
        u.end() == verb.end() for u in _matches(sentence, lang.unspecified)
    ):
        return ""
    pos = verb.start()
    end = min([pos, *(s for s in lang.stops if s < pos)])
    breaks = list(_STRONG_BREAK.finditer(sentence[:end]))
    taken: list[str] = []
    for token in sentence[breaks[-1].end() if breaks else 0 : end].split()[:_SUBJECT_WORDS]:
        if not taken and token.lower() in lang.auxiliaries:
            continue
        taken.append(token)
        if any(token.endswith(mark) and token != mark for mark in lang.subject_marks):
            return " ".join(taken)
    return ""


def _speaker_may_follow(verb: str, lang: _Words) -> bool:
    """Whether the speaker may be named after this verb ("…, said the ministry"): after
    every verb, unless the language lists the only verbs that take it there (Hausa "in
    ji"; after "ya ce" come the words said, "ya ce dakarun sun kashe…")."""
    return not lang.speaker_after or " ".join(verb.lower().split()) in lang.speaker_after


def _split_listener(phrase: str, lang: _Words) -> tuple[str, tuple[SourceRef, ...]]:
    """A speaker named after the verb, and the named listener after it ("dijo un portavoz
    de la OIM a Reuters", "a déclaré un porte-parole à l'agence Reuters")."""
    for mark in reversed(_matches(phrase, lang.listener_marks)):
        if mark.start() == 0:
            continue
        rest = _strip_article(phrase[mark.end() :].strip(), lang)
        while len(rest.split()) > 1 and rest.split()[0].lower() in lang.name_generic:
            rest = rest.split(maxsplit=1)[1]
        if not rest[:1].isupper():
            continue
        heard = tuple(s for s in _parse_source(rest, lang) if s.named)
        if heard:
            return phrase[: mark.start()].strip(), heard
    return phrase, ()


def _listener(sentence: str, verb: re.Match[str], lang: _Words) -> tuple[SourceRef, ...]:
    if verb.group().lower() not in lang.relay_verbs:
        return ()
    phrase = _after(sentence, verb.end(), lang)
    for _ in range(2):
        phrase = _strip_article(_drop_first(phrase, lang.listener_marks), lang)
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
    full = phrase
    parts = re.split(r"[,،]\s+", phrase)
    if len(parts) > 1 and _is_aside(parts[-1], lang):
        phrase = ", ".join(parts[:-1])
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
    head_words = [w.lower() for w in _strip_article(head, lang).split()]
    is_report = (
        bool(head_words)
        and _ends_with(head_words, lang.reports)
        and not any(w in lang.roles for w in head_words)
        and not _mentions(head, lang.roles)
    )
    if is_report and not affiliation and not _names_party(_strip_article(head, lang), lang):
        return (UNSPECIFIED,)
    if is_report and affiliation and not _is_list(affiliation, lang) and not _is_kind(head, lang):
        return _parse_source(affiliation, lang)
    if affiliation and _is_list(affiliation, lang) and _mentions(head, lang.reports):
        return tuple(
            _source(head, item, lang, alias=None) for item in _list_items(affiliation, lang)
        )
    return (_source(head, affiliation, lang, alias=alias, whole=phrase, cues=full),)


def _ends_with(head_words: list[str], phrases: tuple[str, ...]) -> bool:
    """The words end with one of the phrases: a report of several words ("báo cáo" in
    Vietnamese, written in syllables) is its last words, not its last word."""
    return any(head_words[-len(p.split()) :] == p.lower().split() for p in phrases if p.split())


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
    if len(parts) > 1 and parts[0].lower() in (*lang.articles, *lang.indefinite[:2]):
        return " ".join(parts[1:])
    for elided in (a for a in lang.articles if a.endswith(("'", "’"))):
        if text.lower().startswith(elided) and len(text) > len(elided):
            return text[len(elided) :]
    return text


def _drop_first(text: str, first_words: tuple[str, ...]) -> str:
    parts = text.split()
    if len(parts) > 1 and parts[0].lower() in first_words:
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
    cues: str | None = None,
) -> SourceRef:
    tokens = head.split()
    lowered = [t.lower().strip(",") for t in tokens]
    has_role = any(t in lang.roles for t in lowered)
    unnamed = _has_phrase(cues or whole or head, lang.unnamed) or (
        has_role
        and ((lowered and lowered[0] in lang.indefinite) or not _has_name(tokens, lang))
        and not _is_body_name(head, lang)
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


def _is_body_name(text: str, lang: _Words) -> bool:
    """The whole phrase names an international body, though its first word is a role and
    no later word is capitalised (Swedish "Läkare utan gränser", Doctors Without Borders)."""
    name = _strip_article(text, lang).strip()
    return any(a == 0 and b == len(name) for a, b, _ in organisations.spans(name, lang.code))


def _drop_first_article(text: str, lang: _Words) -> str:
    text = _strip_article(text, lang)
    parts = text.split()
    out = " ".join(parts)
    return (
        out[:1].lower() + out[1:]
        if out[:1].isupper() and out[1:2].islower() and not parts[0].istitle()
        else out
    )


def _has_name(tokens: list[str], lang: _Words) -> bool:
    """A capitalised word that is not the phrase's first word and not an adjective of a role."""
    for i, tok in enumerate(tokens):
        if i == 0 or not tok[:1].isupper() or tok.lower() in lang.roles:
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
        and t.lower() not in lang.articles
        and t.lower() not in lang.roles
    ]
    return " ".join(found) or None


def _names_party(head: str, lang: _Words) -> bool:
    """A capitalised word other than a report word ("UNHCR figures", not "Reports")."""
    return any(
        t[:1].isupper() and t.lower() not in lang.reports and t.lower() not in lang.articles
        for t in head.split()
    )


def _is_kind(text: str, lang: _Words) -> bool:
    """The phrase names a kind of party ("intelligence reports"), not only a document."""
    return any(_has_phrase(text, cues) for cues in lang.kinds.values())


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
