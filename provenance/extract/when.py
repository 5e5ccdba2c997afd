"""The date a sentence speaks of, from the document's date and the sentence's words.

Precision is kept: "in August" in an article of 2024-11-23 is 2024-08, "on Saturday" is a
day only when the article's day is known (else the article's month), "last week" is the
month it fell in. A date after "since" starts a period, so the claim speaks of the
article's date. Month and weekday names, relative words and the markers of a date written
"2024年11月16日" come from ``[dates]``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from provenance.dates import (
    PartialDate,
    era_year,
    of_another_era,
    other_calendar_lag,
    parse_partial_date,
    short_era_year,
)
from provenance.extract.lexis import flag, words
from provenance.figure_words import ascii_digits, syllable_starts, unspaced
from provenance.quantities import parse_quantity

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# A year of an era of its own after a month name ("16 พ.ย. 2567", "พฤศจิกายน พ.ศ. 2567").
_ERA_YEAR = re.compile(r"(?<![\d.,])(\d{4})(?![\d.,]?\d)")
# Two digits right after a month name: a year of the language's era ("16 พ.ย. 67").
_SHORT_YEAR = re.compile(r"\.?\s+(\d{2})(?![\d.,:]?\d)")
# A year right before a month name, where the year comes first ("2024. november 16-án").
_YEAR_BEFORE = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)\.?\s+$")
# A day written against its month name: before it ("23 novembre", "23rd of November", "23 de
# noviembre") or after it ("November 23", "Nov. 23,", "november 16-án").
_DAY_BEFORE = re.compile(
    r"(?<![\d:.,])([0-3]?\d)(?:\.|st|nd|rd|th|er|º|ی)?\s+(?:[^\W\d_]{1,3}\s+)?$"
)
_DAY_AFTER = re.compile(r"\.?\s+([0-3]?\d)(?:\.|st|nd|rd|th|er|º)?(?![\d:]|[.,]\d)")


def sentence_date(
    sentence: str, language: str, published: PartialDate | None
) -> PartialDate | None:
    """The date the sentence speaks of; the document's date when it names none. Digits of
    any script are read as the digits they are ("٢٠٢٢" is 2022)."""
    low = ascii_digits(sentence.lower())
    try:
        for found in (_explicit(low, language, published), _relative(low, language, published)):
            if found is not None:
                return found
    except _OtherCalendar:
        return None
    return published


class _OtherCalendar(Exception):
    """A date that may be of another calendar the language writes with the same words
    (``dates.other_calendar_lag``): the sentence's date is not read."""


def _gregorian(year: int | None, language: str, published: PartialDate | None) -> int:
    """The year written, where the language also writes another calendar's dates with the
    same month names: only a year too late to be of the other calendar at the document's
    date ("2024" in 2024, not "2017", the Ethiopian year then)."""
    lag = other_calendar_lag(language)
    if lag and (year is None or published is None or year <= published.year - lag):
        raise _OtherCalendar
    assert year is not None
    return year


def _word_at(low: str, phrase: str) -> re.Match[str] | None:
    """The phrase as whole words; a phrase of a script written without spaces, or with
    particles against its words ("金曜日、", "금요일에"), wherever a syllable begins and
    ends ("ဇွန်", June, is not read in "ဇွန်း", spoon)."""
    body = r"\s+".join(map(re.escape, phrase.split()))
    if unspaced(phrase):
        found = re.finditer(body, low)
        return next(
            (m for m in found if syllable_starts(low, m.start()) and syllable_starts(low, m.end())),
            None,
        )
    return re.search(rf"(?<![\w-]){body}(?![\w-])", low)


_DAY_WORD = re.compile(r"\d{1,2}(?:\.|º|ª|st|nd|rd|th|er)?")
"""A day of the month written before its month ("dal 7 ottobre")."""


def _after_since(low: str, pos: int, language: str, end: int | None = None) -> bool:
    """A "since" word before the date (in a script without spaces, written against the
    words around it: "อยู่ในไทยตั้งแต่ปี 2527", in Thailand since 1984), one of
    ``since_next`` right before it (Italian "da maggio", since May: "da" is also "by", so
    only when it stands next to the date), a verb of a beginning (``began``: the war "that
    began in April 2023" has killed…), or, where the
    language writes it after the date (Armenian "փետրվարից ի վեր", since February), one of
    ``since_after`` within the three words after it (a day and its ending may stand
    between)."""
    before = low[:pos].split(",")[-1].split()[-5:]
    since = words(language, "dates", "since") + words(language, "dates", "began")
    if any(w in since or any(unspaced(s) and s in w for s in since) for w in before):
        return True
    nearest = before
    while nearest and _DAY_WORD.fullmatch(nearest[-1]):
        nearest = nearest[:-1]
    if nearest and nearest[-1] in words(language, "dates", "since_next"):
        return True
    after = words(language, "dates", "since_after") + words(language, "dates", "began_after")
    if end is None or not after:
        return False
    rest = low[end:].split(",")[0].split()
    return any(
        rest[i : i + len(w.split())] == w.split() for w in after for i in range(min(3, len(rest)))
    )


def _year_with_word(low: str, start: int, language: str) -> re.Match[str] | None:
    """A year written before its month with a word between ("2022 թվականի փետրվարի", in
    February 2022), one of the language's ``year_words``, and the day there may be between
    them ("2022 წლის 24 თებერვალს", on 24 February 2022)."""
    for word in words(language, "dates", "year_words"):
        found = re.search(
            rf"(?<![\d.,])(1[89]\d\d|20\d\d)\s*{re.escape(word)}\s+(?:[0-3]?\d\s+)?$",
            low[max(0, start - 30) : start],
        )
        if found:
            return found
    return None


def _is_date_context(low: str, m: re.Match[str], language: str) -> bool:
    """A month name beside a number, or after a word such as "in" ("may" is also a verb)."""
    if re.search(r"\d", low[max(0, m.start() - 8) : m.end() + 8]):
        return True
    previous = low[: m.start()].split()[-1:]
    return bool(previous) and previous[0] in words(language, "dates", "month_before")


@cache
def _marked_date(language: str) -> re.Pattern[str] | None:
    """A month and an optional year and day written with the language's markers
    ("2024年11月16日", "11월 16일"), or None for a language without them."""
    markers = words(language, "dates", "year_month_day_markers", nested=True)
    if len(markers) != 3:
        return None
    year, month, day = ("|".join(map(re.escape, group)) for group in markers)
    return re.compile(
        rf"(?<!\d)(?:(\d{{4}})\s*(?:{year})\s*)?(\d{{1,2}})\s*(?:{month})"
        rf"(?:\s*(\d{{1,2}})\s*(?:{day}))?"
    )


def _since_against(low: str, m: re.Match[str], language: str) -> bool:
    """A "since" word before the date, or written against it on either side, as unspaced
    scripts write it ("自2024年11月以来")."""
    since = words(language, "dates", "since")
    before, after = low[: m.start()].rstrip(), low[m.end() :].lstrip()
    attached = any(before.endswith(w) or after.startswith(w) for w in since)
    return attached or _after_since(low, m.start(), language, m.end())


def _marked(low: str, language: str, published: PartialDate | None) -> PartialDate | None:
    pattern = _marked_date(language)
    m = pattern.search(low) if pattern is not None else None
    if m is None:
        return None
    if _since_against(low, m, language):
        return published
    year = int(m[1]) if m[1] else _year_of(int(m[2]), published)
    if year is None:
        return None
    iso = f"{year:04d}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else "")
    try:
        return parse_partial_date(iso)
    except ValueError:
        return None


def _day_month(low: str, language: str, published: PartialDate | None) -> PartialDate | None:
    """A day and month written in figures, day first, after a word the language writes
    before them (``[dates] day_month_after``: "hôm 15/11", on 15 November), with an
    optional year ("ngày 15/11/2024"); without one, the year is the article's."""
    marks = words(language, "dates", "day_month_after")
    if not marks:
        return None
    m = re.search(
        rf"(?<![\w-])(?:{'|'.join(map(re.escape, marks))})\s+(\d{{1,2}})/(\d{{1,2}})"
        r"(?:/(\d{4}))?(?![\d/])",
        low,
    )
    if m is None:
        return None
    if _since_against(low, m, language):
        return published
    day, month = int(m[1]), int(m[2])
    year = int(m[3]) if m[3] else _year_of(month, published)
    if year is None:
        return None
    try:
        return parse_partial_date(f"{year:04d}-{month:02d}-{day:02d}")
    except ValueError:
        return None


def _explicit(low: str, language: str, published: PartialDate | None) -> PartialDate | None:
    """A date written with markers, a month name with an optional day and a year after it
    or right before it, or a bare year after a preposition."""
    marked = _marked(low, language, published) or _day_month(low, language, published)
    if marked is not None:
        return marked
    for month, names in enumerate(words(language, "dates", "months", nested=True), 1):
        for name in names:
            whole = _word_at(low, name)
            # An inflected form begins with the name; a name ending in a figure takes no
            # ending ("tháng 1", January, is not read in "tháng 11", November).
            m = whole or (
                re.search(rf"(?<![\w-]){re.escape(name)}\w*", low)
                if len(name) > 3 and not unspaced(name) and not name[-1].isdigit()
                else None
            )
            if m is None or not _is_date_context(low, m, language):
                continue
            if _after_since(low, m.start(), language, m.end()) or _since_ending(low, m, language):
                return published
            year_m = (
                _YEAR.search(low[m.end() : m.end() + 12])
                or _YEAR_BEFORE.search(low[max(0, m.start() - 8) : m.start()])
                or _year_with_word(low, m.start(), language)
            )
            with_day = _DAY_BEFORE.search(low[max(0, m.start() - 16) : m.start()]) is not None
            era = _era_year_after(low, m.end(), language, with_day)
            if era is None and year_m is None and _unread_era(low, m.end(), language):
                raise _OtherCalendar
            if era is not None:
                year: int | None = era
            elif other_calendar_lag(language):
                year = _gregorian(int(year_m.group(1)) if year_m else None, language, published)
            else:
                year = int(year_m.group(1)) if year_m else _year_of(month, published)
            if year is None:
                return None
            after = whole is not None and not flag(language, "dates", "day_before_month")
            day = _day_beside(low, m, after=after)
            try:
                return PartialDate(year, month, day) if day else PartialDate(year, month)
            except ValueError:
                return PartialDate(year, month)
    return None


def _unread_era(low: str, end: int, language: str) -> bool:
    """A year after a month name that may be of an era the language's file does not read
    ("១៦ វិច្ឆិកា ២៥៦៨": the Cambodian Buddhist Era's year begins in April or May)."""
    full = _ERA_YEAR.search(low[end : end + 12])
    return full is not None and of_another_era(int(full.group(1)), language)


def _era_year_after(low: str, end: int, language: str, with_day: bool) -> int | None:
    """The common-era year of a year of the language's era after its month name, in full
    or after the era's word ("16 พ.ย. 2567", "พฤศจิกายน พ.ศ. 2567") or with two digits
    ("16 พ.ย. 67"), all 2024; None when there is none, or when no day stands before the
    month and the digits count what follows them ("ในเดือน ก.ค. 30 ราย", 30 in July)."""
    full = _ERA_YEAR.search(low[end : end + 12])
    short = None if full else _SHORT_YEAR.match(low, end)
    if full is not None:
        digits, after, year = (
            full.group(1),
            end + full.end(),
            era_year(int(full.group(1)), language),
        )
    elif short is not None:
        digits, after, year = (
            short.group(1),
            short.end(),
            short_era_year(int(short.group(1)), language),
        )
    else:
        return None
    following = low[after:].split()[:1] if not with_day else []
    read = parse_quantity(f"{digits} {following[0]}", language) if following else None
    return None if read is not None and read.unit else year


def _since_written_on(low: str, end: int, language: str) -> bool:
    """A "since" ending written on the year before ``end`` ("2010-დან", since 2010), or on
    the word for year after it ("2014 წლიდან")."""
    rest = low[end:].removeprefix("-")
    since = words(language, "dates", "since")
    if any(re.match(rf"{re.escape(w)}(?!\w)", rest) for w in since):
        return True
    after = re.match(r"\s+(\w+)", rest)
    word = after[1] if after else ""
    return word in words(language, "dates", "durations") and any(
        word.endswith(w) and word != w for w in since
    )


def _since_ending(low: str, m: re.Match[str], language: str) -> bool:
    """A "since" ending written on the month's own word (Georgian "თებერვლიდან", since
    February): the figure is counted up to the document's date."""
    word = low[m.start() : m.end()]
    return any(len(w) < len(word) and word.endswith(w) for w in words(language, "dates", "since"))


def _day_beside(low: str, m: re.Match[str], after: bool) -> int | None:
    """The day written against a month name. A figure further off is not its day ("Kasım
    ayında 10 kişi"), nor one after a form that takes no day ("novemberében 12 ember",
    in November)."""
    found = _DAY_BEFORE.search(low[max(0, m.start() - 16) : m.start()])
    if found is None and after:
        found = _DAY_AFTER.match(low, m.end())
    day = int(found.group(1)) if found else 0
    return day if 1 <= day <= 31 else None


def _year_of(month: int, published: PartialDate | None) -> int | None:
    if published is None:
        return None
    if published.month is not None and month > published.month:
        return published.year - 1
    return published.year


def _relative(low: str, language: str, published: PartialDate | None) -> PartialDate | None:
    if published is None:
        return None
    known_day = published.day is not None
    today = published.first_day() if known_day else None
    days = _without_longer_periods(low, language)
    for key, shift in (("today", 0), ("yesterday", 1)):
        if any(_word_at(days, p) for p in words(language, "dates", key)):
            return _day(today - timedelta(days=shift)) if today else published
    weekday = _weekday(low, language)
    if weekday is not None:
        if today is None:
            return published
        return _day(today - timedelta(days=(today.weekday() - weekday) % 7))
    if any(_word_at(low, p) for p in words(language, "dates", "last_week")):
        if today is None:
            return published
        start = today - timedelta(days=today.weekday() + 7)
        end = start + timedelta(days=6)
        return (
            PartialDate(start.year, start.month)
            if start.month == end.month
            else PartialDate(start.year)
        )
    if any(_word_at(low, p) for p in words(language, "dates", "last_month")):
        if published.month is None:
            return published
        year, month = (
            (published.year, published.month - 1)
            if published.month > 1
            else (published.year - 1, 12)
        )
        return PartialDate(year, month)
    if any(_word_at(low, p) for p in words(language, "dates", "last_year")):
        return PartialDate(published.year - 1)
    for found in _YEAR.finditer(low):
        if (
            _bare_year(low, found, language)
            and not _after_since(low, found.start(), language, found.end())
            and not _since_written_on(low, found.end(), language)
        ):
            year = int(found.group(1))
            return PartialDate(
                _gregorian(year, language, published) if other_calendar_lag(language) else year
            )
    for found in _ERA_YEAR.finditer(low):
        era = era_year(int(found.group(1)), language)
        if of_another_era(int(found.group(1)), language) and _bare_year(low, found, language):
            raise _OtherCalendar
        if (
            era is not None
            and _bare_year(low, found, language)
            and not _after_since(low, found.start(), language, found.end())
        ):
            return PartialDate(era)
    return None


_PERIODS = ("last_week", "this_week", "last_month", "this_month", "last_year", "this_year")


def _without_longer_periods(low: str, language: str) -> str:
    """The sentence with its week, month and year phrases blanked out: a day word inside one
    is not that day (Hausa "makon jiya", last week, holds "jiya", yesterday)."""
    for key in _PERIODS:
        for phrase in words(language, "dates", key):
            found = _word_at(low, phrase)
            while found is not None:
                low = low[: found.start()] + " " * len(found.group()) + low[found.end() :]
                found = _word_at(low, phrase)
    return low


_CLOSES = re.compile(r"\s*(?:[^\w\s]|$)")


def _bare_year(low: str, m: re.Match[str], language: str) -> bool:
    """A four-digit number standing alone is a year when a punctuation mark or the end
    follows it ("fled in 2023."), or a word such as "in" stands before it and what
    follows does not make it a count ("in 2023 the army", not "of 2000 people"); "About
    2000 people" is a figure, not the year 2000."""
    if _CLOSES.match(low, m.end()):
        return True
    previous = low[: m.start()].split()[-1:]
    if not previous or previous[0] not in words(language, "dates", "month_before"):
        return False
    following = low[m.end() :].split()[:1]
    if not following:
        return True
    read = parse_quantity(f"{m.group(1)} {following[0]}", language)
    return read is None or not read.unit


def _weekday(low: str, language: str) -> int | None:
    """The weekday named, Monday 0, the first of the week when several are. A name inside
    another's match is not read (Persian "شنبه", Saturday, in "یک شنبه", Sunday)."""
    found = []
    for i, names in enumerate(words(language, "dates", "weekdays", nested=True)):
        found += [(m.start(), m.end(), i) for n in names if (m := _word_at(low, n))]
    spans = {(a, b) for a, b, _ in found}
    outer = [
        i for a, b, i in found if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans)
    ]
    return min(outer, default=None)


def _day(d: date) -> PartialDate:
    return PartialDate(d.year, d.month, d.day)
