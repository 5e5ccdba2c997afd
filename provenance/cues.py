"""What a claim's words say about its figure, read through the lexicon's ``[measures]``
tables: what is counted (a concept such as ``dead`` or ``displaced``), its scope
(``violent``, ``civilians``, ``internal``…), whether the claim denies something, and the
place names it mentions.

Coders describe one measure in many wordings and languages, or not at all; the claim text
and the figure's own words are always there. Concepts are language-neutral names, so a
French "morts" and an Arabic "قتلى" both read as ``dead``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from provenance import lexicon, organisations, sides
from provenance.figure_words import ascii_digits, unspaced
from provenance.folding import WORD_MARKS, attached, clitic_variants, fold_word, script_of

_TOKEN = re.compile(
    r"\d{1,3}(?:[ ,.'’\u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?"
    rf"|(?:[^\W\d_]|[{WORD_MARKS}])+(?:-(?:[^\W\d_]|[{WORD_MARKS}])+)*",
    re.UNICODE,
)
"""Numbers with their grouping, and words (hyphenated words kept whole; an apostrophe
separates, so "d'El-Facher" gives "d" and "El-Facher", "Kyiv's" gives "Kyiv")."""
_DIGITS = re.compile(r"\d")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_NEAR_BEFORE = 6
_NEAR_AFTER = 2
_QUALIFIER_SPAN = 3
_MIN_PLACE = 3


@dataclass(frozen=True, slots=True)
class Cues:
    """What the words of one claim say; empty sets mean "not said"."""

    concepts: frozenset[str]
    scopes: frozenset[str]
    places: frozenset[str]
    denial: bool
    script: str


@dataclass(frozen=True, slots=True)
class _Patterns:
    exact: dict[str, frozenset[str]]
    wild: tuple[tuple[re.Pattern[str], str], ...]
    phrases: tuple[tuple[str, str], ...]
    wild_phrases: tuple[tuple[re.Pattern[str], str], ...]


@cache
def _patterns(code: str, table: str) -> _Patterns:
    """The ``[measures.<table>]`` entries of one language; a plain list (``denial``,
    ``not_places``, ``conjunctions``, ``contrast``) is read as one entry named ``table``.
    A phrase's word may be open at either end as a single word may ("过去 24 小时*": the
    hours are written against the next word in an unspaced script)."""
    section = lexicon.section(code, "measures")
    raw = section.get(table, {})
    entries: dict[str, list[str]] = raw if isinstance(raw, dict) else {table: list(raw)}
    exact: dict[str, set[str]] = {}
    wild: list[tuple[re.Pattern[str], str]] = []
    phrases: list[tuple[str, str]] = []
    wild_phrases: list[tuple[re.Pattern[str], str]] = []
    for name, words in entries.items():
        for entry in words:
            folded = " ".join(fold_word(w) for w in str(entry).split())
            if " " in folded and "*" in folded:
                body = r"\S*".join(re.escape(part) for part in folded.split("*"))
                wild_phrases.append((re.compile(f" {body} "), name))
            elif " " in folded:
                phrases.append((f" {folded} ", name))
            elif "*" in folded:
                body = ".*".join(re.escape(part) for part in folded.split("*"))
                wild.append((re.compile(f"^{body}$"), name))
            else:
                exact.setdefault(folded, set()).add(name)
    return _Patterns(
        {k: frozenset(v) for k, v in exact.items()},
        tuple(wild),
        tuple(phrases),
        tuple(wild_phrases),
    )


@lru_cache(maxsize=1024)
def _languages(language: str | None) -> tuple[str, ...]:
    code = lexicon.code(language) or "en"
    return (code,) if code in lexicon.languages() else ("en",)


@lru_cache(maxsize=262_144)
def _word_names(code: str, table: str, word: str) -> frozenset[str]:
    p = _patterns(code, table)
    found: set[str] = set()
    for variant in clitic_variants(word):
        found |= p.exact.get(variant, frozenset())
        found.update(name for rx, name in p.wild if rx.match(variant))
    return frozenset(found)


def names_in(words: Sequence[str], language: str | None, table: str) -> frozenset[str]:
    """Names of the ``table`` entries that any of the folded ``words`` match. A word inside
    a matched phrase is read only as part of it: an "unmanned aerial vehicle" is an
    aircraft, not a vehicle."""
    codes = _languages(language)
    if len(words) == 1 and len(codes) == 1:
        return _names_of(codes[0], table, words[0])
    found: set[str] = set()
    covered: set[int] = set()
    if len(words) > 1:
        joined = f" {' '.join(words)} "
        for code in codes:
            for start, end, name in _phrase_matches(_patterns(code, table), joined):
                found.add(name)
                covered.update(range(start, end))
    for code in codes:
        for i, word in enumerate(words):
            if i not in covered:
                found |= _names_of(code, table, word)
    return frozenset(found)


def _phrase_matches(p: _Patterns, joined: str) -> Iterator[tuple[int, int, str]]:
    """The phrases of ``p`` in ``joined`` (words, each after one space, and a space at the
    end), as the first and past-the-last word index of each match, with its name."""
    for phrase, name in p.phrases:
        at = joined.find(phrase)
        while at >= 0:
            yield _word_span(joined, at, at + len(phrase), name)
            at = joined.find(phrase, at + 1)
    for rx, name in p.wild_phrases:
        for m in rx.finditer(joined):
            yield _word_span(joined, m.start(), m.end(), name)


def _word_span(joined: str, start: int, end: int, name: str) -> tuple[int, int, str]:
    first = joined.count(" ", 0, start + 1) - 1
    return first, first + joined.count(" ", start + 1, end - 1) + 1, name


@lru_cache(maxsize=262_144)
def _names_of(code: str, table: str, word: str) -> frozenset[str]:
    """``_word_names`` of a word that is not a number."""
    return frozenset() if _DIGITS.search(word) else _word_names(code, table, word)


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


_NOT_DIGIT = re.compile(r"\D")


def figure_at(words: Sequence[str], figure: Iterable[str]) -> int | None:
    """Where the figure (any of its digit strings) first appears among the words (a
    number token starts with a digit), its digits and the text's read in any script
    ("၃,၇၀၀" is 3700)."""
    wanted = {ascii_digits(d) for d in figure if d}
    for i, w in enumerate(words):
        if w[:1].isdigit() and _NOT_DIGIT.sub("", ascii_digits(w)) in wanted:
            return i
    return None


def _around(
    words: Sequence[str], at: int, language: str | None, clause: Clause | None = None
) -> tuple[list[str], list[str]]:
    """The words before the figure at ``at`` (nearest first) and after it. Words near
    another number belong to that number, and the words after a figure stop at a
    conjunction: "17 dead and 30 wounded" gives 30 no words before it and 17 only
    "dead" after it. With a ``clause``, the words after also run on to the end of the
    figure's clause, up to the language's ``after_window`` (``clause_end``)."""
    span = words[max(0, at - _NEAR_BEFORE) : at]
    before = [] if any(_other_figure(x) for x in span) else span[::-1]
    after: list[str] = []
    for x in words[at + 1 : at + 1 + _NEAR_AFTER]:
        if _other_figure(x) or conjunction(x, language):
            return list(before), after
        after.append(x)
    if clause is not None:
        after += words[at + 1 + len(after) : clause_end(words, at, language, clause)]
    return list(before), after


@dataclass(frozen=True, slots=True)
class Clause:
    """Where the text's clauses open: the indexes of the words that follow a clause
    mark (a comma, a full stop, "،", "।", "。"…)."""

    opens: frozenset[int]


_CLAUSE_MARKS = re.compile(r"[,;:.!?()\[\]\"«»“”،؛؟۔।॥።፣፤၊။、。，；：！？]")


def clause_of(text: str) -> Clause:
    """The ``Clause`` of a text, its words cut as ``tokens`` cuts them."""
    opens: set[int] = set()
    last = 0
    for i, m in enumerate(_TOKEN.finditer(text or "")):
        if i and _CLAUSE_MARKS.search(text[last : m.start()]):
            opens.add(i)
        last = m.end()
    return Clause(frozenset(opens))


def clause_end(words: Sequence[str], at: int, language: str | None, clause: Clause) -> int:
    """Where the words read after the figure at ``at`` end in a language whose verb comes
    last (``[measures] after_window``: "300 कैदियों को रिहा किया गया", 300 prisoners were
    released, puts "released" three words after the figure): at most ``after_window``
    words on, and before a clause mark, another figure, a conjunction or a contrasting
    word, so that a second figure's verb is not taken."""
    stop = min(len(words), at + 1 + after_window(language))
    end = at + 1
    while end < stop and not _clause_break(words, end, language, clause):
        end += 1
    return end


def _clause_break(words: Sequence[str], i: int, language: str | None, clause: Clause) -> bool:
    word = words[i]
    return (
        i in clause.opens
        or _other_figure(word)
        or conjunction(word, language)
        or bool(names_in([word], language, "contrast"))
    )


def after_window(language: str | None) -> int:
    """How many words after a figure may say what became of the counted
    (``[measures] after_window``; ``_NEAR_AFTER`` unless the lexicon says more)."""
    return _after_window(_languages(language)[0])


@lru_cache(maxsize=1024)
def _after_window(code: str) -> int:
    size = lexicon.section(code, "measures").get("after_window")
    return size if isinstance(size, int) and size > _NEAR_AFTER else _NEAR_AFTER


def _other_figure(word: str) -> bool:
    """A number that is not a year."""
    return bool(_DIGITS.search(word)) and not _YEAR.fullmatch(word)


def _main_clause(words: Sequence[str], language: str | None) -> list[str]:
    """The words before a contrasting clause ("while", "في حين"): a denial after one is
    another party's, not the claim's."""
    joined = f" {' '.join(words)} "
    cut = len(joined)
    for code in _languages(language):
        for phrase, _name in _patterns(code, "contrast").phrases:
            at = joined.find(phrase)
            if at > 0:
                cut = min(cut, at)
        for i, word in enumerate(words):
            if i and _word_names(code, "contrast", word):
                cut = min(cut, len(" ".join(words[:i])) + 1)
                break
    return joined[:cut].split()


def conjunction(word: str, language: str | None) -> bool:
    return bool(names_in([word], language, "conjunctions"))


_NEAR_PERIOD = 8
"""Words on either side of a figure in which the span it counts is read ("over the past
day")."""


STRETCH_SCOPES = frozenset({"recent", "abroad", "internal"})
"""Scopes read from the figure's whole stretch of its sentence, not only its nearest words:
a span of time and where the counted are are often written a clause away ("1,550 over the
past day", "6 million have fled abroad")."""


def stretch_scopes(words: Sequence[str], at: int, language: str | None) -> frozenset[str]:
    """The ``STRETCH_SCOPES`` in the figure's own stretch of the sentence: ``recent`` when
    the figure counts a recent span, a day or a night ("1,550 over the past day", "за
    минулу добу", "في الـ24 ساعة الماضية"), not the whole; ``abroad`` or ``internal`` for
    where the counted are ("have fled abroad", "displaced inside the country"). The
    stretch stops at another figure (not at a number of hours or days, whether its noun
    follows it, "24 hours", "24 de ore", or stands before it, "saa 24") and, after the
    figure, at a conjunction."""
    durations = _durations(_languages(language)[0])

    def other(i: int) -> bool:
        noun = words[i - 1] if i > 0 else ""
        counted = noun in durations and (i < 2 or not _DIGITS.search(words[i - 2]))
        return (
            _other_figure(words[i])
            and not _duration_next(words[i + 1 : i + 3], durations)
            and not counted
        )

    start = at
    while start > max(0, at - _NEAR_PERIOD) and not other(start - 1):
        start -= 1
    end = at + 1
    while end < min(len(words), at + 1 + _NEAR_PERIOD) and not other(end):
        if conjunction(words[end], language):
            break
        end += 1
    stretch = [*words[start:at], "#", *words[at + 1 : end]]
    return names_in(stretch, language, "scopes") & STRETCH_SCOPES


def _duration_next(nxt: Sequence[str], durations: frozenset[str]) -> bool:
    """Whether the words after a number name a span of time ("24 hours"); in an unspaced
    script the unit opens the next run of letters ("24 小时内有", "24 ชั่วโมงที่ผ่านมา")."""
    if {" ".join(nxt[:1]), " ".join(nxt)} & durations:
        return True
    first = nxt[0] if nxt else ""
    return unspaced(first) and any(first.startswith(d) for d in durations)


@lru_cache(maxsize=1024)
def _durations(code: str) -> frozenset[str]:
    return frozenset(fold_word(str(w)) for w in lexicon.section(code, "dates").get("durations", []))


def figure_window(
    words: Sequence[str], at: int, language: str | None, clause: Clause | None = None
) -> list[str]:
    """The words around the figure at ``at`` in which its scope is read; with a
    ``clause``, those after it run to the end of its clause in a verb-final language."""
    before, after = _around(words, at, language, clause)
    return before[::-1] + after


ENTITIES = frozenset(
    {
        "troops",
        "vehicles",
        "aircraft",
        "munitions",
        "refugees",
        "returnees",
        "hostages",
        "aid",
        "money",
    }
)
"""Concepts that name the counted thing itself; it is read from the figure's own noun.
The others (dead, wounded, displaced…) say what happened to it, read from the nearest
word on either side."""


def figure_concepts(
    words: Sequence[str], at: int, q_words: Sequence[str], language: str | None
) -> frozenset[str]:
    """What the figure at ``at`` counts: the thing named by its own words or the words
    right after it ("5,000 troops"), and what happened to it from the nearest word on
    either side ("killed 5,000 troops"), with a word joined to that one directly or by a
    short word ("killed and injured", "قتلى وجرحى"). "A drone strike killed 30 people"
    counts the dead, not drones."""
    before, after = _around(words, at, language)
    things = (
        names_in([*q_words, *words[at + 1 : at + 1 + _QUALIFIER_SPAN + 1]], language, "concepts")
        & ENTITIES
    )
    happened = names_in(q_words, language, "concepts") - ENTITIES
    for distance in range(max(len(before), len(after))):
        if happened:
            break
        for side in (after, before):
            if distance < len(side):
                found = names_in([side[distance]], language, "concepts") - ENTITIES
                if found:
                    forward = side is after
                    follow = words[at + 1 + distance :] if forward else side
                    near = len(after) - distance if forward else len(before)
                    joined = _joined(follow, 0 if forward else distance, language, forward, near)
                    happened = found | (joined - ENTITIES)
                    break
    return things | happened


def _joined(
    side: Sequence[str], i: int, language: str | None, forward: bool, near: int
) -> frozenset[str]:
    """Concepts joined to ``side[i]`` by a conjunction: a separate one ("killed and
    wounded", "вбитими та пораненими") or, within the ``near`` words next to the figure,
    one attached to the later word ("30 قتيلا وجريحا"); an attached "and" further on
    usually opens another clause. ``side`` runs in text order when ``forward``, else
    backwards from the figure."""
    if i + 2 < len(side) and conjunction(side[i + 1], language):
        return names_in([side[i + 2]], language, "concepts")
    later = side[i + 1] if forward and i + 1 < len(side) else side[i]
    attached_and = attached("attached_and").get(script_of(later[:1]), ())
    if later.startswith(attached_and) and i + 1 < min(len(side), near):
        return names_in([side[i + 1]], language, "concepts")
    return frozenset()


def qualifiers(raw: Sequence[str], at: int, language: str | None) -> frozenset[str]:
    """Capitalised words between the figure and the thing it counts ("10,000 North Korean
    soldiers"): they narrow whose count it is, so they are read as a narrowing scope."""
    out: set[str] = set()
    for word in raw[at + 1 : at + 1 + _QUALIFIER_SPAN]:
        folded = fold_word(word)
        if names_in([folded], language, "concepts"):
            return frozenset(f"of {w}" for w in out)
        if not word[:1].isupper() or word.isupper():
            return frozenset()
        out.add(folded)
    return frozenset()


def places(
    labels: Iterable[str], sentences: Iterable[str], language: str | None, skip: frozenset[str]
) -> frozenset[str]:
    """The place and party names a claim mentions: capitalised words that are not month or
    weekday names, acronyms or lexicon words. In ``labels`` (the coder's subject and
    location) every such word counts; in ``sentences`` (the claim text) not a sentence's
    first word, nor the ``skip`` words (names of organisations, people and outlets, which
    say who speaks, not where or whose). In languages that capitalise every noun
    (``places_from_capitals = false``) the claim text gives none."""
    named, written = place_words(tuple(labels), tuple(sentences), language)
    return named | (written - skip)


def place_words(
    labels: Sequence[str], sentences: Sequence[str], language: str | None
) -> tuple[frozenset[str], frozenset[str]]:
    """The names ``places`` finds in the labels, and in the sentences before the names
    of who speaks are left out. A country is also read wherever it stands and however it
    is written, as its label ("Kyiv", "Ukraine" and "украинские" add ``ukrainian``), with
    every language's table in labels and with their own language's in sentences. The
    words stay beside the label: a capital names its country's side, and is a place of its
    own too ("Khartoum state" is not the whole of Sudan). The words of an international
    body's name ("World Health Organization", "l'Unicef", ``organisations``) are never
    places."""
    code = _languages(language)[0]
    capitals = capitalises_only_names(language)
    named: set[str] = set()
    for label in labels:
        named |= _label_places(code, label or "")
    written: set[str] = set()
    for sentence in sentences:
        written |= sides.labels_in(sentence or "", language)
        if capitals:
            written |= _capitalised(code, sentence or "", language, is_label=False)
    return frozenset(named), frozenset(written)


def capitalises_only_names(language: str | None) -> bool:
    """Whether the language capitalises names only, so that a capitalised word in running
    text may be a name (``[measures] places_from_capitals``; German capitalises every
    noun)."""
    code = _languages(language)[0]
    return lexicon.section(code, "measures").get("places_from_capitals") is not False


@lru_cache(maxsize=65_536)
def _label_places(code: str, label: str) -> frozenset[str]:
    """``place_words`` of one label, read with every language's tables (memoised: the
    coders' subjects and locations recur)."""
    words = _capitalised(code, label, None, is_label=True)
    if not capitalises_only_names(code):
        words &= _where_names_stand(code, label)
    return sides.labels_in(label) | words


def _where_names_stand(code: str, label: str) -> set[str]:
    """In a language that capitalises every noun, the parts of the capitalised words of a
    label that stand where a name does: the label's only word ("Bachmut"), a word after
    one that introduces a place ("im Sudan", ``[measures.places] before``) or after
    another capitalised word ("Lager Zamzam", "Al Ahli"). A capitalised common noun
    ("Angriff auf", "seit Beginn des Krieges") stands elsewhere."""
    tokens_ = [m.group() for m in _TOKEN.finditer(label)]
    if len(tokens_) == 1:
        return set(_place_parts(code, tokens_[0]))
    places = lexicon.section(code, "measures").get("places", {})
    before = {fold_word(str(w)) for w in places.get("before", [])}
    out: set[str] = set()
    for previous, word in itertools.pairwise(tokens_):
        if fold_word(previous) in before or previous[:1].isupper():
            out.update(_place_parts(code, word))
    return out


def _capitalised(code: str, text: str, language: str | None, *, is_label: bool) -> set[str]:
    """The parts of the capitalised words of a text that may name a place: not a word of a
    body's name, nor (in a sentence) the sentence's first word."""
    bodies = organisations.covered(text, language)
    out: set[str] = set()
    for m in _TOKEN.finditer(text):
        parts = _place_parts(code, m.group())
        if (
            parts
            and (is_label or not _starts_sentence(text, m.start()))
            and not any(start <= m.start() < end for start, end in bodies)
        ):
            out.update(parts)
    return out


@lru_cache(maxsize=262_144)
def _place_parts(code: str, word: str) -> tuple[str, ...]:
    """The parts of a capitalised word that may name a place (``place_words``); none
    for any other word. Memoised: names recur across claims."""
    if not word[:1].isupper() or word.isupper() or _DIGITS.search(word):
        return ()
    return tuple(
        part
        for part in fold_word(word).split("-")
        if len(part) >= _MIN_PLACE and not _common(code, part)
    )


_SENTENCE_MARKS = frozenset('.!?:;«»"“”()[]')


def _starts_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens the text or a sentence (or a quote or bracket)."""
    i = at - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _SENTENCE_MARKS


def _common(code: str, word: str) -> bool:
    return bool(
        _word_names(code, "not_places", word)
        or _word_names(code, "concepts", word)
        or _word_names(code, "scopes", word)
    )


@dataclass(frozen=True, slots=True)
class Reading:
    """What one claim's words say, with the names in its text kept apart: which of them
    name who speaks depends on the sources of the whole database (``Reading.cues``)."""

    concepts: frozenset[str]
    scopes: frozenset[str]
    named: frozenset[str]
    """Place and party names in the coder's subject and location."""
    written: frozenset[str]
    """Place and party names in the claim text, speakers' names included."""
    denial: bool
    script: str

    def cues(self, exclude: frozenset[str] = frozenset()) -> Cues:
        """The cues, leaving out of the text's names the ``exclude`` words (``places``)."""
        where = self.named | (self.written - exclude) if exclude else self.named | self.written
        return Cues(self.concepts, self.scopes, where, self.denial, self.script)


@lru_cache(maxsize=65_536)
def read(
    text: str,
    *,
    quantity_text: str | None,
    figure: tuple[str, ...],
    subject: str | None,
    metric: str | None,
    location: str | None,
    language: str | None,
    exclude: frozenset[str] = frozenset(),
) -> Cues:
    """What the words of one claim say (see the module docstring). Memoised: news repeats
    itself, and one wording of one figure is read once."""
    return read_words(
        text,
        quantity_text=quantity_text,
        figure=figure,
        subject=subject,
        metric=metric,
        location=location,
        language=language,
    ).cues(exclude)


IMPLIED_SCOPES = {"displaced": "civilians", "refugees": "civilians", "returnees": "civilians"}
"""Scopes every figure of a concept has: the displaced, refugees and returnees counted
are civilians, so "displaced civilians" is the measure "displaced people" is."""


def implied_scopes(concepts: frozenset[str]) -> frozenset[str]:
    """The scopes that the counted ``concepts`` imply and so do not narrow (only when
    every concept implies them: "civilians killed and displaced" stays narrowed)."""
    if not concepts or not all(c in IMPLIED_SCOPES for c in concepts):
        return frozenset()
    return frozenset(IMPLIED_SCOPES[c] for c in concepts)


def read_words(
    text: str,
    *,
    quantity_text: str | None,
    figure: tuple[str, ...],
    subject: str | None,
    metric: str | None,
    location: str | None,
    language: str | None,
) -> Reading:
    """``read`` before the speakers' names are left out of the places."""
    raw = tokens(text)
    folded = [fold_word(w) for w in raw]
    q_words = [fold_word(w) for w in tokens(quantity_text)]
    described = [fold_word(w) for w in tokens(f"{subject or ''} {metric or ''}")]
    at = figure_at(folded, figure)
    clause = clause_of(text) if after_window(language) > _NEAR_AFTER else None
    window = None if at is None else figure_window(folded, at, language, clause)
    if at is not None:
        concepts = figure_concepts(folded, at, q_words, language)
    else:
        concepts = names_in(q_words, language, "concepts")
    if not concepts:
        concepts = names_in(described, language, "concepts")
    if not concepts:
        concepts = names_in(folded, language, "concepts")
    scopes = names_in((window or folded) + q_words + described, language, "scopes")
    if at is not None:
        scopes |= qualifiers(raw, at, language) | stretch_scopes(folded, at, language)
    scopes -= implied_scopes(concepts)
    denial = bool(names_in(described + _main_clause(folded, language), language, "denial"))
    named, written = place_words((subject or "", location or ""), (text,), language)
    return Reading(concepts, scopes, named, written, denial, script_of(text))


@cache
def version() -> str:
    """A digest of how words are read: this module, the modules it reads words with and
    every lexicon file. A stored reading made under another version is read again."""
    import hashlib
    from importlib import resources
    from pathlib import Path

    from provenance import folding

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for module in (folding, sides, organisations):
        digest.update(Path(str(module.__file__)).read_bytes())
    files = resources.files(lexicon.__name__)
    for name in sorted(f.name for f in files.iterdir() if f.name.endswith(".toml")):
        digest.update(name.encode())
        digest.update(files.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]
