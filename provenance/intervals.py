"""Interval semantics of hedged quantities: the values a stated figure is compatible with.

A `Quantity` is a figure as a claim states it: a qualifier (one of `QUALIFIERS`), the
stated figure or bounds in a canonical unit, the unit as written, a dimension, and the
precision the figure was written with. `interval()` turns a quantity into the set of values
it is compatible with; two claims conflict when their intervals do not overlap.

Rules (tolerance t, 10% by default):

* exact N -> [N - precision, N + precision]
* about N -> [N - d, N + d] with d = max(t*N, precision); for a figure with a single
  significant digit ("around 10,000") d = t*N: its roundness is what the hedge says, and
  its rounding step (±5,000) would make "around 10,000" agree with "12,000".
* close_to N -> [N - t*N, N]; up_to N -> [0, N]; under N -> [0, N)
* over N -> (N, inf); at_least N -> [N, inf); range and vague -> [low, high]

Lower bounds of non-negative figures never go below 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["QUALIFIERS", "Interval", "Quantity", "interval", "point"]

QUALIFIERS: tuple[str, ...] = (
    "exact",
    "about",
    "up_to",
    "over",
    "at_least",
    "under",
    "close_to",
    "range",
    "vague",
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as a claim states it; numbers are in the canonical `unit`."""

    text: str
    qualifier: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    unit_written: str
    dimension: str
    precision: float


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of real values; `lo` may be -inf or 0 and `hi` may be inf."""

    lo: float
    hi: float
    lo_closed: bool = True
    hi_closed: bool = True

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi) or self.lo > self.hi:
            raise ValueError(f"invalid interval bounds {self.lo!r}, {self.hi!r}")
        if self.lo == math.inf or self.hi == -math.inf:
            raise ValueError("an interval cannot start at +inf or end at -inf")

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both intervals (open ends matter at ties)."""
        lo, lo_closed = _max_end(self.lo, self.lo_closed, other.lo, other.lo_closed)
        hi, hi_closed = _min_end(self.hi, self.hi_closed, other.hi, other.hi_closed)
        return lo < hi or (lo == hi and lo_closed and hi_closed)

    def gap(self, other: Interval) -> float:
        """0 when overlapping (or touching at an open end), else the distance between them."""
        if self.overlaps(other):
            return 0.0
        return max(self.lo - other.hi, other.lo - self.hi, 0.0)

    def contains(self, x: float) -> bool:
        above = self.lo < x or (self.lo_closed and x == self.lo)
        below = x < self.hi or (self.hi_closed and x == self.hi)
        return above and below


def _max_end(a: float, a_closed: bool, b: float, b_closed: bool) -> tuple[float, bool]:
    if a != b:
        return (a, a_closed) if a > b else (b, b_closed)
    return a, a_closed and b_closed


def _min_end(a: float, a_closed: bool, b: float, b_closed: bool) -> tuple[float, bool]:
    if a != b:
        return (a, a_closed) if a < b else (b, b_closed)
    return a, a_closed and b_closed


def interval(q: Quantity, tolerance: float = 0.10) -> Interval:
    """The values compatible with a quantity (see the module docstring for the rules)."""
    if not 0.0 <= tolerance < math.inf:
        raise ValueError(f"tolerance must be a finite non-negative number, got {tolerance!r}")
    qual = q.qualifier
    if qual in ("range", "vague"):
        return Interval(_need(q.low, q), _need(q.high, q))
    if qual in ("up_to", "under"):
        high = _need(q.high if q.high is not None else q.value, q)
        return Interval(min(0.0, high), high, True, qual == "up_to")
    if qual in ("over", "at_least"):
        low = _need(q.low if q.low is not None else q.value, q)
        return Interval(low, math.inf, qual == "at_least", False)
    value = _need(q.value, q)
    if qual == "close_to":
        return Interval(_floor(value - tolerance * abs(value), value), value)
    if qual == "about":
        spread = _about_spread(value, q.precision, tolerance)
    elif qual == "exact":
        spread = q.precision
    else:
        raise ValueError(f"unknown qualifier {qual!r}")
    return Interval(_floor(value - spread, value), value + spread)


def _about_spread(value: float, precision: float, tolerance: float) -> float:
    """max(tolerance*|N|, precision), except for a single significant digit.

    The roundness of "around 10,000" is what "around" already says; its rounding step
    (±5,000) would make it compatible with 12,000, which the conflicts issue labels a
    conflict. A figure has one significant digit when |N| / precision < 20.
    """
    spread = tolerance * abs(value)
    if precision > 0 and abs(value) / precision > 19.5:
        spread = max(spread, precision)
    return spread


def _need(x: float | None, q: Quantity) -> float:
    if x is None:
        raise ValueError(f"{q.qualifier!r} quantity {q.text!r} lacks the number it needs")
    return x


def _floor(lo: float, value: float) -> float:
    return max(lo, 0.0) if value >= 0 else lo


def point(q: Quantity) -> float | None:
    """Representative value: the figure, a range's midpoint, or the single stated bound."""
    if q.value is not None:
        return q.value
    if q.low is not None and q.high is not None:
        return q.low + (q.high - q.low) / 2
    return q.low if q.low is not None else q.high
