"""A measure's timeline: every claim's interval as a bar over time, drawn as SVG.

The x axis is the claim's ``as_of`` span, the y axis the interval its figure stands for
(``measures.interval``: "about 10,000" is 9,000-11,000, "over 400" is open above).
Bars are coloured by origin or by party, and claims in a dispute are outlined, so the
same drawing serves the web view and ``provenance plot``. Standard library only.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Literal

from sqlalchemy import Connection

from provenance.bulk import expanding_text
from provenance.measures import DEFAULT_TOLERANCE, ClaimPoint, Measure, interval

ColourBy = Literal["source", "party"]
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)
OTHER = "#b0b0b0"


@dataclass(frozen=True)
class Bar:
    """One claim on the timeline; ``low``/``high`` None where the interval is open."""

    key: str
    text: str
    figure: str
    start: date
    end: date
    low: float | None
    high: float | None
    sources: tuple[str, ...]
    parties: tuple[str, ...]
    dispute: int | None = None

    def group(self, by: ColourBy) -> str:
        names = self.sources if by == "source" else self.parties
        return ", ".join(names) or "(none)"


@dataclass
class Timeline:
    measure: str
    unit: str | None
    bars: list[Bar]
    undated: list[str]
    """Keys of the measure's claims that have no date and so no place on the axis."""


def build_timeline(
    conn: Connection,
    measure: Measure,
    disputes: Mapping[str, int] | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> Timeline:
    """The bars of a measure's claims; ``disputes`` maps claim keys to a dispute number."""
    names = _source_names(conn, {s for p in measure.claims for s in p.origins})
    bars: list[Bar] = []
    undated: list[str] = []
    units = {p.quantity.unit for p in measure.claims if p.quantity}
    for p in measure.claims:
        if not p.has_date or p.quantity is None:
            undated.append(p.key)
            continue
        bars.append(_bar(p, names, (disputes or {}).get(p.key), tolerance))
    unit = next(iter(units)) if len(units) == 1 else None
    return Timeline(measure.name, unit, bars, undated)


def _bar(
    p: ClaimPoint, names: Mapping[int, tuple[str, str]], dispute: int | None, tolerance: float
) -> Bar:
    assert p.quantity is not None
    iv = interval(p.quantity, tolerance)
    origins = sorted(names[s] for s in p.origins if s in names)
    return Bar(
        key=p.key,
        text=p.text,
        figure=p.quantity.text,
        start=date.fromordinal(p.start),
        end=date.fromordinal(max(p.end, p.start)),
        low=None if math.isinf(iv.lo) else iv.lo,
        high=None if math.isinf(iv.hi) else iv.hi,
        sources=tuple(dict.fromkeys(n for n, _ in origins)),
        parties=tuple(sorted({party for _, party in origins if party})),
        dispute=dispute,
    )


def _source_names(conn: Connection, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    wanted = sorted(ids)
    if not wanted:
        return {}
    params = {"ids": wanted}
    stmt = expanding_text("SELECT id, name, party FROM source WHERE id IN :ids", params)
    return {r[0]: (r[1], r[2] or "") for r in conn.execute(stmt, params)}


# --- drawing ----------------------------------------------------------------------------

WIDTH = 860
HEIGHT = 420
MARGIN_LEFT = 80
MARGIN_RIGHT = 20
MARGIN_TOP = 34
MARGIN_BOTTOM = 40
LEGEND_ROW = 18
MAX_LEGEND = 10


def colours(bars: Sequence[Bar], by: ColourBy) -> dict[str, str]:
    """A colour for each of the most frequent groups; the rest share grey."""
    counts: dict[str, int] = {}
    for b in bars:
        counts[b.group(by)] = counts.get(b.group(by), 0) + 1
    ranked = sorted(counts, key=lambda g: (-counts[g], g))
    return {g: PALETTE[i] if i < len(PALETTE) else OTHER for i, g in enumerate(ranked)}


def timeline_svg(
    tl: Timeline, *, by: ColourBy = "source", link: str | None = None, standalone: bool = False
) -> str:
    """The timeline as an SVG document. ``link``: a URL prefix to which a bar's claim key
    is appended (bars become links); ``standalone`` adds the XML namespace and a white
    background for a file of its own. Every text is escaped."""
    palette = colours(tl.bars, by)
    legend = list(palette.items())[:MAX_LEGEND]
    extra = len(palette) > MAX_LEGEND
    plot_bottom = HEIGHT - MARGIN_BOTTOM
    total_height = HEIGHT + LEGEND_ROW * (len(legend) + int(extra) + 1) + 30
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{WIDTH}" '
        f'height="{total_height}" viewBox="0 0 {WIDTH} {total_height}" role="img" '
        f'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="11">',
        f"<title>{escape(tl.measure)}</title>",
    ]
    if standalone:
        out.append(f'<rect width="{WIDTH}" height="{total_height}" fill="#ffffff"/>')
        out.append(
            f'<text x="{MARGIN_LEFT}" y="18" font-size="14" font-weight="bold">'
            f"{escape(tl.measure)}</text>"
        )
    if not tl.bars:
        out.append(f'<text x="{MARGIN_LEFT}" y="{MARGIN_TOP + 20}">no dated figures</text>')
        out.append("</svg>")
        return "\n".join(out)
    x, ticks_x = _time_scale(tl.bars)
    y, ticks_y, top = _value_scale(tl.bars)
    out.extend(_axes(ticks_x, ticks_y, x, y, tl.unit))
    for b in sorted(tl.bars, key=lambda b: (b.start, b.key)):
        out.append(_bar_svg(b, x, y, top, palette[b.group(by)], link))
    out.extend(_legend(legend, extra, plot_bottom + MARGIN_BOTTOM + 4, by))
    out.append("</svg>")
    return "\n".join(out)


def _time_scale(bars: Sequence[Bar]) -> tuple[_Scale, list[tuple[float, str]]]:
    first = min(b.start for b in bars).toordinal()
    last = max(b.end for b in bars).toordinal() + 1
    pad = max(1, (last - first) // 20)
    lo, hi = first - pad, last + pad
    scale = _Scale(lo, hi, MARGIN_LEFT, WIDTH - MARGIN_RIGHT)
    step = _nice_step((hi - lo) / 6)
    ticks = []
    day = math.ceil(lo / step) * step
    while day <= hi:
        d = date.fromordinal(int(day))
        ticks.append((float(day), d.isoformat() if step < 28 else d.strftime("%Y-%m")))
        day += step
    return scale, ticks


def _value_scale(bars: Sequence[Bar]) -> tuple[_Scale, list[tuple[float, str]], float]:
    values = [v for b in bars for v in (b.low, b.high) if v is not None]
    hi = max(values) if values else 1.0
    lo = min(0.0, min(values)) if values else 0.0
    top = hi * 1.15 if hi > 0 else 1.0  # room above the highest bound for open intervals
    step = _nice_step((top - lo) / 5)
    scale = _Scale(lo, top, HEIGHT - MARGIN_BOTTOM, MARGIN_TOP)
    ticks = []
    v = math.ceil(lo / step) * step
    while v <= top:
        ticks.append((v, _short(v)))
        v += step
    return scale, ticks, top


@dataclass(frozen=True)
class _Scale:
    lo: float
    hi: float
    start: float
    end: float

    def __call__(self, v: float) -> float:
        span = self.hi - self.lo or 1.0
        return self.start + (v - self.lo) / span * (self.end - self.start)


def _nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * exp:
            return float(m * exp)
    return float(10 * exp)


def _short(v: float) -> str:
    for div, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= div:
            return f"{v / div:g}{suffix}"
    return f"{v:g}"


def _axes(
    ticks_x: list[tuple[float, str]],
    ticks_y: list[tuple[float, str]],
    x: _Scale,
    y: _Scale,
    unit: str | None,
) -> list[str]:
    bottom, left = HEIGHT - MARGIN_BOTTOM, MARGIN_LEFT
    out = []
    for v, label in ticks_x:
        px = x(v)
        out.append(
            f'<line x1="{px:.1f}" y1="{bottom}" x2="{px:.1f}" y2="{bottom + 4}" stroke="#333"/>'
        )
        out.append(
            f'<text x="{px:.1f}" y="{bottom + 16}" text-anchor="middle">{escape(label)}</text>'
        )
    for v, label in ticks_y:
        py = y(v)
        out.append(
            f'<line x1="{left}" y1="{py:.1f}" x2="{WIDTH - MARGIN_RIGHT}" y2="{py:.1f}" '
            'stroke="#e5e5e5"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{py + 4:.1f}" text-anchor="end">{escape(label)}</text>'
        )
    out.append(
        f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - MARGIN_RIGHT}" y2="{bottom}" stroke="#333"/>'
    )
    out.append(f'<line x1="{left}" y1="{MARGIN_TOP}" x2="{left}" y2="{bottom}" stroke="#333"/>')
    if unit:
        out.append(
            f'<text x="14" y="{MARGIN_TOP + 40}" transform="rotate(-90 14 {MARGIN_TOP + 40})" '
            f'text-anchor="end">{escape(unit)}</text>'
        )
    return out


def _bar_svg(b: Bar, x: _Scale, y: _Scale, top: float, colour: str, link: str | None) -> str:
    x0 = x(b.start.toordinal())
    x1 = max(x(b.end.toordinal() + 1), x0 + 4)
    lo = b.low if b.low is not None else y.lo
    hi = b.high if b.high is not None else top
    y0, y1 = y(hi), y(lo)
    if y1 - y0 < 3:
        mid = (y0 + y1) / 2
        y0, y1 = mid - 1.5, mid + 1.5
    disputed = b.dispute is not None
    stroke = ' stroke="#000" stroke-width="1.5"' if disputed else ""
    open_top = b.high is None
    title = f"{b.key}: {b.figure} ({b.start.isoformat()}) — {b.group('source')}"
    if disputed:
        title += f" — dispute {b.dispute}"
    rect = (
        f'<rect class="bar{" disputed" if disputed else ""}" data-key="{escape(b.key)}" '
        f'x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}" '
        f'fill="{colour}" fill-opacity="{0.45 if open_top else 0.75}"{stroke}>'
        f"<title>{escape(title)}</title></rect>"
    )
    if disputed:
        rect += (
            f'<text class="dispute-mark" x="{(x0 + x1) / 2:.1f}" y="{y0 - 3:.1f}" '
            f'text-anchor="middle" font-weight="bold">!{b.dispute}</text>'
        )
    if link is None:
        return rect
    return f'<a href="{escape(link + _quote(b.key))}">{rect}</a>'


def _quote(key: str) -> str:
    from urllib.parse import quote

    return quote(key, safe="")


def _legend(legend: list[tuple[str, str]], extra: bool, top: float, by: ColourBy) -> list[str]:
    out = [
        f'<text x="{MARGIN_LEFT}" y="{top + 8}"><tspan font-weight="bold">colour: {by}</tspan>'
        "  · faded: open interval (over, at least) · outlined, !N: in dispute N</text>"
    ]
    for i, (name, colour) in enumerate(legend, start=1):
        ty = top + 8 + i * LEGEND_ROW
        out.append(
            f'<rect x="{MARGIN_LEFT}" y="{ty - 10}" width="12" height="12" fill="{colour}"/>'
            f'<text class="legend" x="{MARGIN_LEFT + 18}" y="{ty}">{escape(name)}</text>'
        )
    if extra:
        ty = top + 8 + (len(legend) + 1) * LEGEND_ROW
        out.append(
            f'<rect x="{MARGIN_LEFT}" y="{ty - 10}" width="12" height="12" fill="{OTHER}"/>'
            f'<text x="{MARGIN_LEFT + 18}" y="{ty}">others</text>'
        )
    return out
