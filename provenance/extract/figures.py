"""Figures a fact-checker records, found in a sentence and parsed by the quantities module.

A figure is a span the quantities module reads with confidence ("close to 60,000 troops",
"roughly 309 square miles", "dozens of civilians"), widened to take in its qualifier.
Not figures: years and dates, ages and durations, times of day, ordinals, and numbers
that are part of a name ("F-16", "Resolution 2231", "Route 66").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from provenance.cues import capitalises_only_names, names_in
from provenance.dates import OTHER_CALENDAR_YEARS, era_year, short_era_year
from provenance.extract.lexis import flag, words
from provenance.figure_words import LETTER, UNSPACED, key, lower, tokens, unspaced
from provenance.figure_words import language as figure_language
from provenance.folding import clitic_variants, fold_word
from provenance.quantities import Quantity, parse_quantity

# A number starts after no letter, but Chinese, Japanese and Korean write it against
# the word before it ("至少300人").
_NUMBER = re.compile(
    rf"(?<![^\W{UNSPACED}])(?<![.,:])\d+(?:[.,\u00a0\u202f ’']\d{{3}})*(?:[.,]\d+)?(?![\d])"
)
_WORD = re.compile(rf"{LETTER}+(?:[-'’]{LETTER}+)*", re.UNICODE)
_ORDINAL = re.compile(
    r"^(?:st|nd|rd|th|er|re|e|ème|eme|ª|º|°|-?[йяеоиі]|-?го|-?ї|-?му|-?ий|-?ая|-?ое|-?ї)\b",
    re.IGNORECASE,
)
_ATTACHED_BEFORE = re.compile(rf"[^\W\d_{UNSPACED}][-‐]?$")
_TIME = re.compile(r"^[:h.]\d{2}\b")
_DIGITS = re.compile(r"\d+(?:[.,\u00a0\u202f ’']\d+)*")
_WINDOW_WORDS = 9
_PREFIX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure's span in the sentence and its parse."""

    start: int
    end: int
    text: str
    quantity: Quantity


def find_figures(sentence: str, language: str) -> list[Figure]:
    """Every figure in a sentence, left to right, none overlapping."""
    found: list[Figure] = []
    taken_until = 0
    for start in _candidate_starts(sentence, language):
        if start < taken_until:
            continue
        figure = _figure_at(sentence, start, language)
        if figure is None:
            continue
        taken_until = figure.end
        if not _excluded(sentence, figure, language):
            begin = max(_widen(sentence, figure, language), found[-1].end if found else 0)
            figure = _reparse(sentence, begin, figure, language)
            found.append(figure)
    return found


def _candidate_starts(sentence: str, language: str) -> Iterator[int]:
    starts = {m.start() for m in _NUMBER.finditer(sentence)}
    for m in _WORD.finditer(sentence):
        q = _parse_window(sentence, m.start(), language)
        if q is not None:
            starts.add(m.start())
    for m in re.finditer(r"[$€£¥₴₽]", sentence):
        starts.add(m.start())
    yield from sorted(starts)


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words of a text: what spaces separate, with a run of an
    unspaced script cut into the words the figure parser reads ("至少", "300", "人")."""
    found = [m.span() for m in re.finditer(r"\S+", text)]
    low = lower(text)
    if not unspaced(text) or len(low) != len(text):
        return found
    out: list[tuple[int, int]] = []
    for a, b in found:
        if unspaced(text[a:b]):
            out += [(a + t.start(), a + t.end()) for t in tokens(low[a:b])]
        else:
            out.append((a, b))
    return out


def _windows(sentence: str, start: int, language: str) -> list[str]:
    """Up to nine words from ``start``, then the same cut before each later number (in
    digits, a number word or a vague amount of the language), longest first: a following
    figure must not spoil the parse of this one ("300 people were killed, three of them
    children"; Vietnamese "300 người chết và hàng nghìn người bị thương", 300 dead and
    thousands wounded, where "hàng nghìn" holds the multiplier "nghìn")."""
    tail = sentence[start:]
    spans = _spans(tail)[:_WINDOW_WORDS]
    if not spans:
        return []
    tables = figure_language(language)
    keys = [key(tail[a:b].strip(_PUNCTUATION)) for a, b in spans]
    cuts = [
        i
        for i, (a, b) in enumerate(spans)
        if i
        and not _digit_group(tail, spans[i - 1], (a, b))
        and (
            re.search(r"\d|[$€£¥₴₽]", tail[a:b])
            or tables.numbers.get(keys[i]) is not None
            or tables.vague.match(keys, i) is not None
        )
    ]
    return [tail[: spans[i - 1][1]] for i in [len(spans), *reversed(cuts)]]


_CUT_GROUP = re.compile(r"[ \u00a0\u202f]\d{3}(?!\d)")
"""A digit group right after a figure's last digit: the figure was cut inside its number
("près de 1" of "près de 1 000"), and what it says is not what the text says."""
_GROUP = re.compile(r"\d{3}(?:[.,]\d+)?[^\w\s]*")
_GROUP_GAP = re.compile(r"[ \u00a0\u202f]")


def _digit_group(text: str, previous: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether ``span`` is three digits that continue the number of the span before it,
    grouped by a space ("1 000", "12 500"): part of one figure, not a later one."""
    return bool(
        _GROUP.fullmatch(text[span[0] : span[1]])
        and text[previous[1] - 1 : previous[1]].isdigit()
        and _GROUP_GAP.fullmatch(text[previous[1] : span[0]])
    )


_CLOSING = ".,;:!?\"'”’»)،\u0589\u055d"
"""What may close a word in running text and is not part of it."""
_PUNCTUATION = _CLOSING + "(«“"


def _parse_window(sentence: str, start: int, language: str) -> Quantity | None:
    for window in _windows(sentence, start, language):
        q = parse_quantity(window, language, number_words=False)
        if q is not None:
            return q
    return None


def _ends(sentence: str, start: int) -> list[int]:
    """Word ends after ``start``, nearest first, within the window."""
    out = [start + b for _, b in _spans(sentence[start:])[:_WINDOW_WORDS]]
    stripped = [start + len(sentence[start:e].rstrip(_CLOSING)) for e in out]
    return sorted({e for e in stripped + out if e > start})


def _figure_at(sentence: str, start: int, language: str) -> Figure | None:
    full = _parse_window(sentence, start, language)
    if full is None:
        return None
    # A word of time after the figure is its duration ("3 ngày", 3 days), excluded whole,
    # even where the word also stands between a speaker and its verb ("hôm thứ Năm").
    durations = words(language, "dates", "durations")
    unit = full.unit_written.lower()
    if unit and unit not in durations and _function_word(full.unit_written, language):
        return _bare_figure(sentence, start, language)
    same = _signature(full)
    for end in _ends(sentence, start):
        q = parse_quantity(sentence[start:end], language)
        if q is not None and _signature(q) == same:
            return Figure(start, end, sentence[start:end], q)
    return None


def _bare_figure(sentence: str, start: int, language: str) -> Figure | None:
    """The figure without the word after it, when that word only links ("22 in")."""
    m = re.match(r"\S+", sentence[start:])
    if m is None:
        return None
    end = start + len(m.group().rstrip(_CLOSING))
    q = parse_quantity(sentence[start:end], language)
    return None if q is None else Figure(start, end, sentence[start:end], q)


def _function_word(word: str, language: str) -> bool:
    """A word the quantities module may take for a count noun but that only links words."""
    low = word.lower()
    lists = (
        ("attribution", "boundaries"),
        ("attribution", "complementisers"),
        ("attribution", "list_and"),
        ("attribution", "auxiliaries"),
        ("measures.places", "before"),
    )
    return any(low in words(language, table, key) for table, key in lists)


def _signature(q: Quantity) -> tuple[object, ...]:
    return (q.qualifier, q.value, q.low, q.high, q.unit)


def _widen(sentence: str, figure: Figure, language: str) -> int:
    """Take in a qualifier written before the figure ("close to", "up to", "more than")."""
    best = figure.start
    before = _spans(sentence[: figure.start])[-_PREFIX_WORDS:]
    for a, _ in reversed(before):
        q = parse_quantity(sentence[a : figure.end], language)
        if q is None or q.value != figure.quantity.value:
            continue
        if q.low in (figure.quantity.low, q.value) and (
            q.qualifier != "exact" or q.unit != figure.quantity.unit
        ):
            best = a
    return best


def _reparse(sentence: str, begin: int, figure: Figure, language: str) -> Figure:
    if begin == figure.start:
        return figure
    q = parse_quantity(sentence[begin : figure.end], language)
    return figure if q is None else Figure(begin, figure.end, sentence[begin : figure.end], q)


def _excluded(sentence: str, figure: Figure, language: str) -> bool:
    q = figure.quantity
    if q.qualifier == "range" and _years_joined(figure.text, q):
        return True
    before = sentence[: figure.start]
    after = sentence[figure.end :]
    if figure.text[-1:].isdigit() and _CUT_GROUP.match(after):
        return True
    digits = _NUMBER.match(sentence, figure.start)
    if digits is not None:
        number_after = sentence[digits.end() :]
        if _ORDINAL.match(number_after) or _TIME.match(number_after):
            return True
        if _ATTACHED_BEFORE.search(before) or re.search(r"[A-Za-z]-$", before):
            return True
        # The second figure of a day and month ("hôm 15/11", on 15 November) or a ratio.
        if re.search(r"\d/$", before):
            return True
        if _is_year(digits.group(), q) or _year_with_ending(digits.group(), number_after, q):
            return True
        if _year_since(digits.group(), number_after, language):
            return True
        if _era_year(digits.group(), q, language):
            return True
        if _short_year(digits.group(), before, q, language):
            return True
        if re.match(r"^\.\s*\w", number_after) and language in ("de", "pl", "cs", "da", "no"):
            return True
    # A year after a word that is also a hedge: "under 2023" is during 2023.
    first = _NUMBER.search(figure.text)
    if (
        digits is None
        and first is not None
        and q.qualifier != "range"
        and _is_year(first.group(), q)
    ):
        return True
    previous = _last_word(before)
    following = [_next_word(after), *_first_words(figure.text, 99)[-2:]]
    ranks = words(language, "dates", "before_number")
    # Not a word closing the clause before: "sau 3 ngày, 300 người" (after 3 days, 300
    # people), where "ngày" (day) stands before a day's number too ("ngày 16").
    next_to = not re.search(r"[,;:]\s*$", before)
    # Two words of a rank right before the figure, not before a number between ("ku nshuro
    # ya 30 abantu 300": the count after the rank is a count).
    two = " ".join(_WORD.findall(before.lower()[-40:])[-2:])
    if next_to and (previous in ranks or (previous and two in ranks)):
        return True
    if digits is not None and _year_number(digits.group()) and _after_year_word(previous, language):
        return True
    if not q.unit and figure_language(language).noun_first and _after_year_word(previous, language):
        return True
    # A year after a month name is a date's, whatever word follows it (a verb put second,
    # "Den 16 november 2024 meddelade WHO…", is read as the year's noun).
    if digits is not None and _year_number(digits.group()) and _is_month(previous, language):
        return True
    if _after_change(before, figure.text, language):
        return True
    if _in_ratio(before, after, q, language):
        return True
    if _age_limit(previous, q, language):
        return True
    if _after_multiplier(previous, language):
        return True
    days = [q.low, q.high] if q.qualifier == "range" else [q.value]
    day_like = all(d is not None and d == int(d) and 1 <= d <= 31 for d in days)
    # A month right before the digits makes them its day; not before a count noun written
    # ahead of its figure ("ranar 15 ga Nuwamba mutum 20": 20 people), nor in a language
    # that writes the day only before its month ("16 ნოემბერს 25 ადამიანი").
    month_before = (
        digits is not None
        and _is_month(previous, language)
        and not flag(language, "dates", "day_before_month")
    )
    if day_like and (month_before or any(_is_month(w, language) for w in following)):
        return True
    if _is_duration(figure, language):
        return True
    starts_with_digits = digits is not None
    if digits is not None and _model_number(digits.group(), before, language):
        return True
    return bool(not q.unit and starts_with_digits and previous and _is_name_word(before, language))


def _after_year_word(previous: str, language: str) -> bool:
    """The word before the number is one of the language's ``durations`` ("in the year
    2024", "nell'anno 2024", "ក្នុងឆ្នាំ ២០២៤"): a number of a year's size is a year, whatever
    noun follows it; where the noun comes first, a bare number is a duration ("miaka 3",
    three years)."""
    last = re.split(r"['’]", previous)[-1]
    return bool(last) and any(
        last == w or (unspaced(w) and last.endswith(w))
        for w in words(language, "dates", "durations")
    )


def _age_limit(previous: str, q: Quantity, language: str) -> bool:
    """ "Children under 5": a bare small number under a bound, right after a word for
    children (``[measures.scopes] children``), is their age, not a count of fewer than 5."""
    if q.qualifier not in ("under", "up_to") or q.value is None or q.unit != q.unit_written:
        return False
    if not (q.value == int(q.value) and q.value <= 18) or not previous:
        return False
    return "children" in names_in([fold_word(previous)], language, "scopes")


def _model_number(number: str, before: str, language: str) -> bool:
    """A short number right after a name is part of the name ("Leopard 2 tanks", "Shahed
    136 drones"), not a count of what follows; in a language that capitalises only names
    (German capitalises every noun: "laut Angaben der Behörden 300 Tote")."""
    return (
        number.isdigit()
        and len(number) <= 3
        and capitalises_only_names(language)
        and _is_name_word(before, language)
    )


def _after_change(before: str, text: str, language: str) -> bool:
    """The figure is the size of a change, not a level or a count: "rose by 40 percent",
    "en hausse de 40 %" (the language's ``[quantities] changes_before``). Words at the head
    of the figure that only wrap it are read with the words before ("wzrosła o 40
    procent": "o" wraps figures in Portuguese); in a script written without spaces a phrase
    may stand against the words before it ("难民人数增长了40%")."""
    head = " ".join(before.lower().split())
    own = words(language, "quantities", "wrappers_own_language_only")
    wrappers = figure_language(language).wrappers | {key(w) for w in own}
    for word in text.lower().split()[:-1]:
        if key(word) not in wrappers:
            break
        head = f"{head} {word}".strip()
    return any(
        head == phrase
        or head.endswith(" " + phrase)
        or (unspaced(phrase[:1]) and head.endswith(phrase))
        for phrase in words(language, "quantities", "changes_before")
    )


def _in_ratio(before: str, after: str, q: Quantity, language: str) -> bool:
    """The figure is a term of a ratio ("1 in 4 children", "1 enfant sur 4", "1 из 4
    детей"): one of the language's ``[quantities] ratio_words`` between two numbers.
    Neither term counts anything alone. The first term must be a bare number, and the
    second no duration ("45 in 24 hours" is a count in a time)."""
    ratio = words(language, "quantities", "ratio_words")
    if not ratio:
        return False
    head = before.lower().split()[-4:]
    tail = after.lower()
    durations = words(language, "dates", "durations")
    numbers = figure_language(language).numbers
    for w in ratio:
        word = re.escape(w)
        first = re.search(rf"(\S+)\s+(?:{LETTER}+\s+)?{word}$", " ".join(head))
        if first and (first.group(1)[-1:].isdigit() or numbers.get(key(first.group(1)))):
            return True
        m = re.match(rf"\s*{word}\s+\d[\d.,]*\s*({LETTER}*)", tail)
        if m and not q.unit and m.group(1) not in durations:
            return True
    return False


def _after_multiplier(previous: str, language: str) -> bool:
    """Digits after a multiplier where the multiplier comes first ("dubu 7,500", "elfu 61")
    that were not read with it: the figure is not what the digits alone say."""
    lang = figure_language(language)
    return (
        lang.multiplier_first and bool(previous) and lang.multipliers.get(key(previous)) is not None
    )


def _year_number(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100


def _is_year(number: str, q: Quantity) -> bool:
    return _year_number(number) and not q.unit


def _era_year(number: str, q: Quantity, language: str) -> bool:
    """A year of the language's own era ("2567" in Thai, 2024): a date, not a count."""
    return (
        len(number) == 4
        and number.isdigit()
        and not q.unit
        and era_year(int(number), language) is not None
    )


def _short_year(number: str, before: str, q: Quantity, language: str) -> bool:
    """Two digits after a month name of a language that writes its era's years so ("16
    พ.ย. 67", 2024): a year, not a count."""
    if len(number) != 2 or q.unit or short_era_year(int(number), language) is None:
        return False
    tail = before.rstrip().lower()
    return any(
        tail.endswith(n) for names in words(language, "dates", "months", nested=True) for n in names
    )


def _year_with_ending(number: str, number_after: str, q: Quantity) -> bool:
    """A year with an ending written against it, or after a hyphen or an apostrophe
    ("٢٠٢٣دا", in 2023; "٢٠١٤ەوە", since 2014; "2024-cü ilin", of the year 2024;
    "2022'den beri", since 2022): a date, not a count of something the ending names. A
    unit written against a figure ("2000km", "2000-km") is still read."""
    ending = number_after[1:] if number_after[:1] in "-'’" else number_after
    return (
        _year_number(number)
        and ending[:1].isalpha()
        and q.dimension == "count"
        and q.unit == q.unit_written
    )


def _year_since(number: str, after: str, language: str) -> bool:
    """A year with the language's "since" word written after it ("ከ2016 ጀምሮ", since
    2016): the start of a period, not a count of that word."""
    if not _year_number(number):
        return False
    following = " ".join(after.lower().split()[:3])
    return any(
        following == w or following.startswith(w + " ")
        for w in words(language, "dates", "since_after")
    )


def _years_joined(text: str, q: Quantity) -> bool:
    """Two years joined into a range ("2010 až 2020", "از ۱۳۹۰ تا ۱۴۰۰"): a span of time,
    whatever word follows it (a verb is often read as the range's noun). Years of the
    Solar Hijri and Hijri calendars (``dates.OTHER_CALENDAR_YEARS``) count only without a
    unit."""
    numbers = _DIGITS.findall(text)
    if len(numbers) != 2 or not all(len(n) == 4 and n.isdigit() for n in numbers):
        return False
    years = [int(n) for n in numbers]
    if all(1800 <= y <= 2100 for y in years):
        return True
    return not q.unit and all(y in OTHER_CALENDAR_YEARS for y in years)


def _is_month(word: str, language: str) -> bool:
    if not word:
        return False
    for names in words(language, "dates", "months", nested=True):
        for form in clitic_variants(word):
            if any(form == n or (len(n) > 3 and form.startswith(n)) for n in names):
                return True
    return False


def _is_duration(figure: Figure, language: str) -> bool:
    durations = words(language, "dates", "durations")
    tail = figure.text.lower().split()
    unit_words = re.split(r"[\s-]+", figure.quantity.unit_written.lower())
    if any(w in durations for w in unit_words if w):
        return True
    return (
        bool(tail)
        and any(re.split(r"-", t)[-1] in durations for t in tail[-1:])
        and (not figure.quantity.unit or figure.quantity.unit_written.lower() in durations)
    )


def _is_name_word(before: str, language: str) -> bool:
    """A capitalised word right before a bare number that is not the sentence's first word."""
    m = re.search(r"(\S+)\s*$", before)
    if m is None or not m.group(1)[:1].isupper():
        return False
    head = before[: m.start()].strip()
    return bool(head) and not head.endswith((".", ":", '"', "“"))


def _last_word(text: str) -> str:
    """The word right before a figure; none when a number stands between them ("mobu 2023,
    bato 300": the year's word is not the word before the count)."""
    found = list(_WORD.finditer(text[-40:]))
    if not found or re.search(r"\d", text[-40:][found[-1].end() :]):
        return ""
    return found[-1].group().lower()


def _next_word(text: str) -> str:
    m = re.match(r"\s*([^\W\d_]+)", text)
    return m.group(1).lower() if m else ""


def _first_words(text: str, n: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)[:n]]


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: between the nearest clause breaks (; , which ,while …)."""
    breaks: Sequence[re.Match[str]] = list(
        re.finditer(r";|,\s+(?=(?:which|while|whereas|but|and|as|although|who)\b)", sentence)
    )
    lo, hi = 0, len(sentence)
    for m in breaks:
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end and hi == len(sentence):
            hi = m.start()
    return lo, hi
