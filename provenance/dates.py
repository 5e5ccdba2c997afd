"""Partial dates that keep their precision: ``2024``, ``2024-11`` and ``2024-11-23`` differ.

A year is never stored as ``2024-01-01``: the text keeps the precision, and the
first and last day it covers are derived for range filters and time windows.
Ambiguous numeric forms such as ``03/04/2024`` are rejected rather than guessed unless the
caller says which comes first.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Literal

from provenance import lexicon
from provenance.figure_words import LETTER, lower

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
# A month name (one or two words of any script, or an abbreviation with dots: "พ.ย."), and
# an optional short word before a month or year ("23 de noviembre de 2024").
_NAME = rf"({LETTER}+(?:\.{LETTER}+)*(?:\s{LETTER}{{4,}})?)"
_LINK = r"(?:[^\W\d_]{1,3}\s+)?"
_DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})\.?\s+{_LINK}{_NAME}\.?,?\s+{_LINK}(\d{{4}})$")
_MONTH_DAY_YEAR = re.compile(rf"^{_NAME}\.?\s+(\d{{1,2}}),?\s+(\d{{4}})$")
_MONTH_YEAR = re.compile(rf"^{_NAME}\.?\s+{_LINK}(\d{{4}})$")
# A year before a month name, and a day with an optional ending ("2024. november 16-án").
_YEAR_MONTH_DAY = re.compile(rf"^(\d{{4}})\.?\s+{_NAME}\.?(?:\s+(\d{{1,2}})(?:\.|-({LETTER}+))?)?$")
_YEAR_FIRST = re.compile(r"^(\d{4})([./])\s*(\d{1,2})\2\s*(\d{1,2})\.?$")
_YEAR_LAST = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})$")
DateOrder = Literal["dmy", "mdy"]
"""How to read a numeric date whose day and month could be swapped."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day and self.month:
            return date(self.year, self.month, self.day)
        if self.month:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def __str__(self) -> str:
        return self.iso()


@lru_cache(maxsize=65_536)
def parse_partial_date(text: str, numeric: DateOrder | None = None) -> PartialDate:
    """Parse ISO ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (a time part is dropped), a form
    with a month name in any lexicon language (``23 November 2024``, ``Nov 23, 2024``,
    ``November 2024``, ``23 novembre 2024``, ``23. November 2024``, ``23 ноября 2024``,
    year first: ``2024. november 16.``, ``2024 novemberében``), a date written with the
    year, month and day markers of a lexicon (``2024年11月16日``, ``2024년 11월``) or a
    numeric date (``2024/11/23``, ``23.11.2024``; ``numeric`` settles ``11/10/2024``).
    A year of an era of its own (``[dates] era_offset``: the Buddhist Era's 2567 is 2024)
    is read as its common-era year with a month name of its language (``16 พ.ย. 2567``) or
    after the era's word (``พ.ศ. 2567``); a year after a word of the common era (``ค.ศ.``)
    is read as written, and one that may be of another era is refused without its word.

    Raises ValueError with a reason for impossible, ambiguous or unknown forms.
    """
    s = text.strip()
    if not s.isascii():
        s = lower(s)
    s, era = _without_era_marker(s)
    m = _ISO_TIME.match(s)
    if m:
        s = m.group(1)
    m = _ISO.match(s)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
        assert year is not None
        return _checked(year if era is None else year - era, month, day, text)
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_MONTH_YEAR, "my")):
        m = pattern.match(s)
        if m:
            return _from_words(m.groups(), order, text, era)
    m = _YEAR_MONTH_DAY.match(s)
    if m:
        return _year_first(m, text, era)
    for marked in _marked_patterns():
        m = marked.match(s)
        if m:
            year, month, day = (int(g) if g else None for g in m.groups())
            assert year is not None
            return _checked(year, month, day, text)
    found = _numeric(s, numeric, text, era)
    if found is not None:
        return found
    raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")


def _numeric(s: str, order: DateOrder | None, text: str, era: int | None) -> PartialDate | None:
    """``2024/11/23`` or ``23.11.2024``: day and month are told apart by a value over 12,
    by being equal, or by ``order``; otherwise both readings are named in the error."""
    m = _YEAR_FIRST.match(s)
    if m:
        return _checked(_gregorian(int(m[1]), text, era), int(m[3]), int(m[4]), text)
    m = _YEAR_LAST.match(s)
    if m is None:
        return None
    if len(m[4]) != 4:
        raise ValueError(f"two-digit or short year in {text!r}: write the year in full")
    first, second, year = int(m[1]), int(m[3]), _gregorian(int(m[4]), text, era)
    if first > 12 or first == second or (order == "dmy" and second <= 12):
        return _checked(year, second, first, text)
    if second > 12 or order == "mdy":
        return _checked(year, first, second, text)
    day_first = PartialDate(year, second, first).iso()
    month_first = PartialDate(year, first, second).iso()
    raise ValueError(
        f"ambiguous date {text!r}: {day_first} (day first) or {month_first} (month first)"
    )


def _from_words(
    groups: tuple[str | None, ...], order: str, text: str, era: int | None
) -> PartialDate:
    parts = dict(zip(order, groups, strict=True))
    name = lower(parts["m"] or "")
    month = month_names().get(name)
    if month is None:
        raise ValueError(f"unknown month name in {text!r}")
    day_text, year_text = parts.get("d"), parts["y"] or "0"
    day = int(day_text) if day_text else None
    year = int(year_text)
    if era is not None:
        year -= era
    else:
        year = _of_era(year, month_eras().get(name, 0), text)
    return _checked(year, month, day, text)


def _year_first(m: re.Match[str], text: str, era: int | None) -> PartialDate:
    """A year, a month name and an optional day: one order only, so never ambiguous.
    An ending on the day must be one the lexicon lists ("16-án" is "on the 16th")."""
    year, name, day, ending = m.groups()
    if ending is not None and lower(ending) not in day_endings():
        raise ValueError(f"unknown ending {ending!r} after the day in {text!r}")
    return _from_words((day, name, year), "dmy", text, era)


@cache
def day_endings() -> frozenset[str]:
    """Endings written after a day's figure ("16-án"), from every lexicon's ``[dates]``."""
    return frozenset(
        lower(ending)
        for code in lexicon.languages()
        for ending in lexicon.section(code, "dates").get("day_endings", [])
    )


@cache
def _marked_patterns() -> tuple[re.Pattern[str], ...]:
    """``2024年11月16日``, ``2024년 11월 16일``: a year, then optionally a month and a day,
    each figure followed by its marker, one pattern per language that lists markers."""
    found = []
    for code in lexicon.languages():
        markers = lexicon.section(code, "dates").get("year_month_day_markers")
        if not markers:
            continue
        year, month, day = ("|".join(map(re.escape, map(lower, m))) for m in markers)
        found.append(
            re.compile(
                rf"^(\d{{4}})\s*(?:{year})"
                rf"(?:\s*(\d{{1,2}})\s*(?:{month})(?:\s*(\d{{1,2}})\s*(?:{day}))?)?$"
            )
        )
    return tuple(found)


@cache
def month_names() -> dict[str, int]:
    """Month names and abbreviations of every lexicon language, folded as the figure parser
    folds text; a name that means different months in two languages is left out, and so are
    the names a language also writes for another calendar's months (Oromo writes the
    Ethiopian months with its Gregorian names): without the document's date, the calendar
    cannot be told."""
    found: dict[str, set[int]] = {}
    for code in lexicon.languages():
        if other_calendar_lag(code):
            continue
        for number, forms in enumerate(lexicon.section(code, "dates").get("months", []), 1):
            for form in forms:
                found.setdefault(lower(form), set()).add(number)
                found.setdefault(lower(form).rstrip("."), set()).add(number)
    return {name: months.pop() for name, months in found.items() if len(months) == 1}


def other_calendar_lag(code: str) -> int:
    """How many years (or one more) the other calendar whose months the language writes
    with its month names runs behind the Gregorian one (``[dates]
    other_calendar_years_behind``: 7 for the Ethiopian), 0 when it writes no other."""
    lag = lexicon.section(code, "dates").get("other_calendar_years_behind", 0)
    return lag if isinstance(lag, int) else 0


@cache
def month_eras() -> dict[str, int]:
    """Month names of languages whose press writes years of an era of its own, with the
    era's offset (``[dates] era_offset``: Thai writes 2567 for 2024): a year written with
    such a month name may be of that era."""
    found: dict[str, int] = {}
    for code in lexicon.languages():
        offset = era_offset(code)
        for forms in lexicon.section(code, "dates").get("months", []) if offset else []:
            for form in forms:
                found[lower(form)] = offset
                found[lower(form).rstrip(".")] = offset
    return found


@cache
def _era_markers() -> tuple[tuple[str, int], ...]:
    """Words written before a year that name its era, with the era's offset: a language's
    ``era`` ("พ.ศ.", the Buddhist Era) and ``common_era`` ("ค.ศ.", offset 0)."""
    found: dict[str, int] = {}
    for code in lexicon.languages():
        table = lexicon.section(code, "dates")
        offset = era_offset(code)
        found.update({lower(w): offset for w in table.get("era", []) if offset})
        found.update({lower(w): 0 for w in table.get("common_era", [])})
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


def _without_era_marker(s: str) -> tuple[str, int | None]:
    """The text without the era word written before its year, and the era's offset; None
    when no era is written."""
    for marker, offset in _era_markers():
        at = s.find(marker)
        if at >= 0 and re.match(r"\s*\d{4}(?!\d)", s[at + len(marker) :]):
            return " ".join((s[:at] + " " + s[at + len(marker) :]).split()), offset
    return s, None


ERA_YEARS = range(1800, 2101)
"""The years of the common era a date in the press is read in: a year of an era of its
own is one of these plus the era's offset (2343 to 2643 of the Buddhist Era)."""


def _of_era(year: int, offset: int, text: str) -> int:
    """The common-era year of a year written with a month name of a language with an era
    of its own: a year of that era is moved to the common era; one of neither era is
    refused. Without such a month, a year of an era the lexicon knows is refused: its
    era is not known."""
    if offset and year - offset in ERA_YEARS:
        return year - offset
    if offset and year not in ERA_YEARS:
        raise ValueError(f"year {year} in {text!r} is of no era read: write the date in full")
    if not offset and any(year - o in ERA_YEARS for o in _era_offsets()):
        raise ValueError(
            f"year {year} in {text!r} may be of another era (the Buddhist Era writes 2024 as "
            "2567): write its era"
        )
    return year


def of_another_era(year: int, language: str) -> bool:
    """Whether a year written in text of ``language`` may be of an era the language's press
    writes but no offset reads (``[dates] era`` without ``era_offset``: the Cambodian
    Buddhist Era's year begins in April or May, so Khmer "២៥៦៨" is 2024 or 2025 by the day):
    its date is not read."""
    return (
        bool(lexicon.section(language, "dates").get("era"))
        and not era_offset(language)
        and year not in ERA_YEARS
        and any(year - o in ERA_YEARS for o in _era_offsets())
    )


def era_year(year: int, language: str) -> int | None:
    """The common-era year of a year of its own era written in text of ``language``
    (2567 in Thai is 2024), or None when the language has no era or the year is not one
    of its era's years."""
    offset = era_offset(language)
    return year - offset if offset and year - offset in ERA_YEARS else None


def short_era_year(year: int, language: str) -> int | None:
    """The common-era year of a year of the language's own era written with two digits after
    a month name ("16 พ.ย. 67": 2567, 2024), from the era's century (``[dates]
    era_century``), or None when the language writes no such years."""
    century = int(lexicon.section(language, "dates").get("era_century", 0))
    return era_year(century + year, language) if century and 0 <= year < 100 else None


def era_offset(language: str) -> int:
    """How many years the language's own era runs ahead of the common era (``[dates]
    era_offset``: 543 for the Thai Buddhist Era), 0 when it writes none."""
    return int(lexicon.section(language, "dates").get("era_offset", 0))


@cache
def _era_offsets() -> frozenset[int]:
    return frozenset(era_offset(code) for code in lexicon.languages()) - {0}


OTHER_CALENDAR_YEARS = range(1300, 1500)
"""Years that the press of Iran and Afghanistan (Solar Hijri, 1403 is 2024), the Islamic
calendar (1446 is 2024) and the Myanmar calendar (1386 is 2024) write today: a numeric
date with such a year is not read as a Gregorian one."""


def _gregorian(year: int, text: str, era: int | None = None) -> int:
    if era is not None:
        return year - era
    if year in OTHER_CALENDAR_YEARS:
        raise ValueError(
            f"year {year} in {text!r} may be of the Solar Hijri, Islamic or Myanmar calendar: "
            "write the Gregorian date"
        )
    return _of_era(year, 0, text)


def _checked(year: int, month: int | None, day: int | None, text: str) -> PartialDate:
    if not 1 <= year <= 9999:
        raise ValueError(f"year out of range in {text!r}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"impossible date {text!r}: month {month}")
    if day is not None:
        assert month is not None
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(
                f"impossible date {text!r}: {calendar.month_name[month]} has {last} days"
            )
    return PartialDate(year, month, day)


def windows_overlap(a: PartialDate, b: PartialDate, days: int) -> bool:
    """True when the spans of ``a`` and ``b`` come within ``days`` of each other.

    A claim dated only to a month or year matches any day inside it.
    """
    slack = timedelta(days=days)
    return a.first_day() - slack <= b.last_day() and b.first_day() - slack <= a.last_day()
