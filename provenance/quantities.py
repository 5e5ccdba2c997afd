"""Hedged quantities: the public API over the figure parser and interval semantics.

A claim such as "roughly 309 square miles" or "knapp 60.000 Soldaten" becomes a `Quantity`
(provenance.intervals) through `parse_quantity` (provenance.figures, reading the words of
provenance/lexicon), or through `from_parts` from explicit columns.

Pure standard library: imports parse around a million rows, so a parse must cost ~10 µs;
a unit library such as pint costs far more per call, and we need a dozen units, so a table
of conversion factors is the honest choice. `parse_quantity` is also memoised.
"""

from __future__ import annotations

import math
from functools import lru_cache

from provenance.figures import (
    normalise_qualifier,
    normalise_unit,
    parse,
    read,
    scaled,
    significant_exponent,
)
from provenance.hedges import detect_hedges
from provenance.intervals import QUALIFIERS, Interval, Quantity, interval, point

__all__ = [
    "QUALIFIERS",
    "Interval",
    "Quantity",
    "detect_hedges",
    "explain_refusal",
    "format_number",
    "from_parts",
    "interval",
    "normalise_qualifier",
    "normalise_unit",
    "parse_quantity",
    "point",
]


@lru_cache(maxsize=65536)
def parse_quantity(
    text: str, language: str | None = None, number_words: bool = True
) -> Quantity | None:
    """None when the text cannot be parsed with confidence (never guess). Without
    ``number_words`` a figure must be written in digits ("Five aid workers" is not read)."""
    return parse(text, language, number_words)


def explain_refusal(text: str, language: str | None = None) -> str | None:
    """Why `parse_quantity` keeps a text as text (None when it reads it)."""
    reading = read(text, language)
    return reading if isinstance(reading, str) else None


def from_parts(
    text: str | None,
    qualifier: str | None,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str | None,
    language: str | None = None,
) -> Quantity:
    """Build a Quantity from explicit columns (numbers in `unit`, converted to canonical).

    Raises ValueError on an unknown unit or qualifier, or numbers that contradict the
    qualifier. Precision follows the rule for written figures applied to the shortest text
    of each number.
    """
    for name, x in (("value", value), ("low", low), ("high", high)):
        if x is not None and not math.isfinite(x):
            raise ValueError(f"{name} must be a finite number, got {x!r}")
    norm = normalise_unit(unit or "", language)
    if norm is None:
        raise ValueError(f"unknown unit {unit!r}")
    qual = _resolve_qualifier(qualifier, low, high)
    value, low, high = _check_bounds(qual, value, low, high)
    numbers = [x for x in (value, low, high) if x is not None]
    canon, factor, dim = norm
    precision = 0.0 if qual == "vague" else max(_float_precision(x) for x in numbers) * factor
    return Quantity(
        text if text is not None else _describe(qual, value, low, high, unit or ""),
        qual,
        None if value is None else value * factor,
        None if low is None else low * factor,
        None if high is None else high * factor,
        canon,
        unit or "",
        dim,
        precision,
    )


def _resolve_qualifier(qualifier: str | None, low: float | None, high: float | None) -> str:
    if qualifier is None or not qualifier.strip():
        return "range" if low is not None and high is not None else "exact"
    qual = normalise_qualifier(qualifier)
    if qual is None:
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {QUALIFIERS}")
    return qual


def _check_bounds(
    qual: str, value: float | None, low: float | None, high: float | None
) -> tuple[float | None, float | None, float | None]:
    """The (value, low, high) a qualifier implies; ValueError when they contradict it."""
    if low is not None and high is not None and low > high:
        raise ValueError(f"low {low!r} is greater than high {high!r}")
    if qual in ("range", "vague"):
        if low is None or high is None:
            raise ValueError(f"qualifier {qual!r} needs both low and high")
        if value is not None:
            raise ValueError(f"qualifier {qual!r} takes low and high, not a value")
        return None, low, high
    if qual in ("exact", "about", "close_to"):
        if value is None:
            raise ValueError(f"qualifier {qual!r} needs a value")
        if low is not None or high is not None:
            raise ValueError(f"qualifier {qual!r} takes a value, not low/high bounds")
        return value, None, None
    lower = qual in ("over", "at_least")
    bound, other = (low, high) if lower else (high, low)
    if other is not None:
        side = "high" if lower else "low"
        raise ValueError(f"qualifier {qual!r} cannot have a {side} bound")
    if value is not None and bound is not None and value != bound:
        raise ValueError(f"qualifier {qual!r}: value {value!r} differs from bound {bound!r}")
    figure = value if value is not None else bound
    if figure is None:
        raise ValueError(f"qualifier {qual!r} needs a value or a bound")
    return (figure, figure, None) if lower else (figure, None, figure)


def _float_precision(x: float) -> float:
    mantissa, _, exponent = repr(abs(float(x))).partition("e")
    whole, _, frac = mantissa.partition(".")
    if frac == "0":
        frac = ""
    exp = int(exponent or 0)
    return scaled(5, significant_exponent(whole, frac) + exp - 1)


_PHRASE = {
    "about": "about ",
    "up_to": "up to ",
    "over": "over ",
    "at_least": "at least ",
    "under": "under ",
    "close_to": "close to ",
}


def _describe(
    qual: str, value: float | None, low: float | None, high: float | None, unit: str
) -> str:
    if value is None and low is not None and high is not None:
        figure = f"{format_number(low)}-{format_number(high)}"
    else:
        figure = format_number(value if value is not None else 0.0)
    return f"{_PHRASE.get(qual, '')}{figure} {unit}".strip()


def format_number(x: float) -> str:
    """Shortest text that reads back as the same float: 1375.0 -> "1375", 0.5 -> "0.5"."""
    x = float(x)
    if x.is_integer() and abs(x) < 1e16:
        return "-0" if x == 0 and math.copysign(1.0, x) < 0 else str(int(x))
    return repr(x)
