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
# A month name (one or two words of any script), and an optional short word before a
# month or year ("23 de noviembre de 2024").
_NAME = rf"({LETTER}+(?:\s{LETTER}{{4,}})?)"
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

    Raises ValueError with a reason for impossible, ambiguous or unknown forms.
    """
    s = text.strip()
    if not s.isascii():
        s = lower(s)
    m = _ISO_TIME.match(s)
    if m:
        s = m.group(1)
    m = _ISO.match(s)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
        assert year is not None
        return _checked(year, month, day, text)
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_MONTH_YEAR, "my")):
        m = pattern.match(s)
        if m:
            return _from_words(m.groups(), order, text)
    m = _YEAR_MONTH_DAY.match(s)
    if m:
        return _year_first(m, text)
    for marked in _marked_patterns():
        m = marked.match(s)
        if m:
            year, month, day = (int(g) if g else None for g in m.groups())
            assert year is not None
            return _checked(year, month, day, text)
    found = _numeric(s, numeric, text)
    if found is not None:
        return found
    raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")


def _numeric(s: str, order: DateOrder | None, text: str) -> PartialDate | None:
    """``2024/11/23`` or ``23.11.2024``: day and month are told apart by a value over 12,
    by being equal, or by ``order``; otherwise both readings are named in the error."""
    m = _YEAR_FIRST.match(s)
    if m:
        return _checked(_gregorian(int(m[1]), text), int(m[3]), int(m[4]), text)
    m = _YEAR_LAST.match(s)
    if m is None:
        return None
    if len(m[4]) != 4:
        raise ValueError(f"two-digit or short year in {text!r}: write the year in full")
    first, second, year = int(m[1]), int(m[3]), _gregorian(int(m[4]), text)
    if first > 12 or first == second or (order == "dmy" and second <= 12):
        return _checked(year, second, first, text)
    if second > 12 or order == "mdy":
        return _checked(year, first, second, text)
    day_first = PartialDate(year, second, first).iso()
    month_first = PartialDate(year, first, second).iso()
    raise ValueError(
        f"ambiguous date {text!r}: {day_first} (day first) or {month_first} (month first)"
    )


def _from_words(groups: tuple[str | None, ...], order: str, text: str) -> PartialDate:
    parts = dict(zip(order, groups, strict=True))
    month = month_names().get(lower(parts["m"] or ""))
    if month is None:
        raise ValueError(f"unknown month name in {text!r}")
    day_text, year_text = parts.get("d"), parts["y"] or "0"
    day = int(day_text) if day_text else None
    return _checked(int(year_text), month, day, text)


def _year_first(m: re.Match[str], text: str) -> PartialDate:
    """A year, a month name and an optional day: one order only, so never ambiguous.
    An ending on the day must be one the lexicon lists ("16-án" is "on the 16th")."""
    year, name, day, ending = m.groups()
    if ending is not None and lower(ending) not in day_endings():
        raise ValueError(f"unknown ending {ending!r} after the day in {text!r}")
    return _from_words((day, name, year), "dmy", text)


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
    return {name: months.pop() for name, months in found.items() if len(months) == 1}


def other_calendar_lag(code: str) -> int:
    """How many years (or one more) the other calendar whose months the language writes
    with its month names runs behind the Gregorian one (``[dates]
    other_calendar_years_behind``: 7 for the Ethiopian), 0 when it writes no other."""
    lag = lexicon.section(code, "dates").get("other_calendar_years_behind", 0)
    return lag if isinstance(lag, int) else 0


OTHER_CALENDAR_YEARS = range(1300, 1500)
"""Years that the press of Iran and Afghanistan (Solar Hijri, 1403 is 2024), the Islamic
calendar (1446 is 2024) and the Myanmar calendar (1386 is 2024) write today: a numeric
date with such a year is not read as a Gregorian one."""


def _gregorian(year: int, text: str) -> int:
    if year in OTHER_CALENDAR_YEARS:
        raise ValueError(
            f"year {year} in {text!r} may be of the Solar Hijri, Islamic or Myanmar calendar: "
            "write the Gregorian date"
        )
    return year


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
