"""What a figure counts: the claim's text, category, subject, metric and location.

Guessed from the figure's clause with the language's ``[measures.categories]`` and
``[measures.places]`` vocabulary; a guess the user corrects before importing. A field
that cannot be guessed is left out rather than filled with a wrong word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance import lexicon
from provenance.extract.figures import Figure, clause_bounds
from provenance.extract.lexis import phrase_end, subtable, words
from provenance.folding import no_capitals

_CAPITALISED = r"[A-ZА-ЯЁІЇЄҐ][\w'’-]*"
_DIMENSION_CATEGORY = {"area": "territory", "length": "territory", "currency": "aid_transfer"}
_CONCEPT_CATEGORY: tuple[tuple[str, frozenset[str]], ...] = (
    ("casualties", frozenset({"dead", "wounded", "missing"})),
    ("troop_count", frozenset({"troops"})),
    ("territory", frozenset({"territory"})),
    ("aid_transfer", frozenset({"aid", "money"})),
)
"""Categories by concept, first match wins: "5,000 troops killed" is a casualty figure."""
_NUMBER = re.compile(r"\d[\d.,'’\u00a0\u202f ]*\d|\d")


@dataclass(frozen=True, slots=True)
class Description:
    text: str
    category: str
    subject: str | None
    metric: str | None
    location: str | None


def describe(
    sentence: str, figure: Figure, language: str, *, not_places: tuple[str, ...] = ()
) -> Description:
    """The claim in the figure's clause; ``not_places`` are the names of the sentence's
    sources and relays, never its location."""
    lo, hi = clause_bounds(sentence, figure.start, figure.end)
    clause = sentence[lo:hi]
    category, metric = _category(clause, figure, language)
    start, end = _claim_span(sentence, lo, hi, figure, language)
    text = sentence[start:end].strip(" ,;:\"“”'،؛")
    return Description(
        text=_sentence_case(text) if text else figure.text,
        category=category,
        subject=_subject(sentence[lo : figure.start], figure, language),
        metric=metric,
        location=_location(sentence[figure.end : end], language, not_places)
        or _location(sentence[start : figure.start], language, not_places),
    )


def _sentence_case(text: str) -> str:
    """The text with a capital first letter, in a script that writes capitals (Georgian
    keeps its letter: Mtavruli never begins a sentence)."""
    first = text[:1]
    return text if no_capitals(first) else first.upper() + text[1:]


def _category(clause: str, figure: Figure, language: str) -> tuple[str, str | None]:
    """The category by the figure's dimension, else by what the shared ``[measures]``
    vocabulary says the figure counts; the metric is what happened to it ("dead",
    "displaced"), in the language-neutral names the measures module compares."""
    from provenance import cues

    digits = tuple(sorted({re.sub(r"\D", "", n) for n in _NUMBER.findall(figure.text)}))
    read = cues.read(
        clause,
        quantity_text=figure.text,
        figure=digits,
        subject=None,
        metric=None,
        location=None,
        language=language,
    )
    concepts = read.concepts | ({figure.quantity.unit} & cues.ENTITIES)
    happened = sorted(concepts - cues.ENTITIES)
    category = _DIMENSION_CATEGORY.get(figure.quantity.dimension) or next(
        (cat for cat, names in _CONCEPT_CATEGORY if concepts & names), "other"
    )
    return category, ", ".join(happened) or None


def _subject(before: str, figure: Figure, language: str) -> str | None:
    """The counted noun with its proper adjectives ("North Korean soldiers"), else the
    clause's leading proper noun ("Ukraine has lost 40 percent")."""
    unit = figure.quantity.unit_written
    if figure.quantity.dimension == "count" and unit and unit in figure.text:
        head = figure.text[: figure.text.rindex(unit)]
        adjectives = re.findall(rf"(?:{_CAPITALISED}\s+)+$", head)
        return (adjectives[0] if adjectives else "") + unit
    names = list(re.finditer(rf"(?<!\S){_CAPITALISED}(?:\s+{_CAPITALISED})*", before))
    if not names:
        return None
    name = names[-1]
    noun = re.match(r"\s+([^\W\d_]+)", before[name.end() :])
    if (
        noun
        and noun.group(1).islower()
        and noun.group(1) not in words(language, "attribution", "auxiliaries")
        and noun.group(1) not in words(language, "attribution", "verbs")
    ):
        return f"{name.group()} {noun.group(1)}"
    return name.group()


def _location(text: str, language: str, not_places: tuple[str, ...]) -> str | None:
    """The first proper name after a locative word ("in", "near the", "en"), read whole
    ("Fuerzas de Apoyo Rápido" is one name), that names no party or source."""
    before = words(language, "measures.places", "before") or words(
        "en", "measures.places", "before"
    )
    if not before:
        return None
    places = "|".join(map(re.escape, sorted(before, key=len, reverse=True)))
    articles = "|".join(map(re.escape, {"the", *words(language, "sources", "articles")}))
    locative = re.compile(rf"(?<![\w-])(?i:{places})\s+(?:(?i:{articles})\s+)?$")
    for run in _name_runs(language).finditer(text):
        name = run.group().rstrip("'’")
        if not locative.search(text[: run.start()]) or _is_party(name, language):
            continue
        if any(name.casefold() == n.casefold() for n in not_places):
            continue
        return name
    return None


def _name_runs(language: str) -> re.Pattern[str]:
    """Capitalised words joined by the lower-case function words of names ("Institute
    for the Study of War"), not by "and", which joins two names."""
    joining = set(words(language, "sources", "name_function_words")) - set(
        words(language, "attribution", "list_and")
    )
    glue = "|".join(re.escape(w) for w in sorted(joining, key=len, reverse=True) if w.isalpha())
    inner = rf"(?:(?:{glue})\s+)*" if glue else ""
    return re.compile(rf"(?<![\w'’-]){_CAPITALISED}(?:\s+{inner}{_CAPITALISED})*")


def _is_party(name: str, language: str) -> bool:
    """The name says what kind of party it is ("Rapid Support Forces", "Ministry of
    Health"), from the ``[sources.kinds]`` cues of the language and of English."""
    cues = {
        *words(language, "sources", "origin_generic_words"),
        *(
            c
            for table in (language, "en")
            for cs in subtable(table, "sources.kinds").values()
            for c in cs
        ),
    }
    return bool(_phrases(name, tuple(cues)))


def _claim_span(sentence: str, lo: int, hi: int, figure: Figure, language: str) -> tuple[int, int]:
    """The figure's clause without its attribution: after "… said that" or "According to
    X, who asked not to be named,", before "as per X"."""
    base = start = _after_source_phrase(sentence, lo, figure.start, language)
    for m in _phrases(
        sentence[base : figure.start], words(language, "attribution", "complementisers")
    ):
        start = base + m.end()
    end = hi
    tail = sentence[figure.end : hi]
    cues = tuple(
        w
        for key in ("source_before", "verbs", "citing")
        for w in words(language, "attribution", key)
    )
    cut = _phrases(tail, words(language, "attribution", "source_before"))
    if cut:
        end = figure.end + cut[0].start()
    for comma in re.finditer(r",", tail):
        if comma.start() < end - figure.end and _phrases(tail[comma.end() :], cues):
            end = figure.end + comma.start()
            break
    return start, end


def _after_source_phrase(sentence: str, lo: int, figure: int, language: str) -> int:
    """Where the claim starts after a leading source phrase ("Según fuentes médicas que
    pidieron el anonimato,"): after the comma that closes it and any aside that follows
    it (", who declined to be named,"); ``lo`` when there is none."""
    head = sentence[lo:figure]
    cues = _phrases(head, words(language, "attribution", "source_before"))
    if not cues:
        return lo
    commas = [m.end() for m in re.finditer(r"[,،]", head) if m.start() >= cues[0].end()]
    if not commas:
        return lo
    asides = (*words(language, "attribution", "boundaries"), *words(language, "sources", "unnamed"))
    start = commas[0]
    for nxt in commas[1:]:
        segment = head[start:nxt].split()
        if not segment or segment[0].lower() not in asides:
            break
        start = nxt
    return lo + start


def _phrases(text: str, phrases: tuple[str, ...]) -> list[re.Match[str]]:
    if not phrases:
        return []
    body = "|".join(re.escape(p) + phrase_end(p) for p in sorted(phrases, key=len, reverse=True))
    return list(re.finditer(rf"(?<![\w-])(?:{body})", text, re.IGNORECASE))


def infer_language(text: str) -> str:
    """The language whose attribution and date words occur most in the text (English on a tie)."""
    sample = text[:20_000].lower()
    scores: dict[str, int] = {}
    for code in lexicon.languages():
        vocab = {
            *words(code, "attribution", "verbs"),
            *words(code, "attribution", "source_before"),
            *words(code, "attribution", "complementisers"),
            *words(code, "sources", "links"),
        }
        if not vocab:
            continue
        scores[code] = sum(
            len(re.findall(rf"(?<![\w-]){re.escape(w)}(?![\w-])", sample)) for w in vocab
        )
    best = max(scores.items(), key=lambda kv: (kv[1], kv[0] == "en"), default=("en", 0))
    return best[0] if best[1] else "en"
