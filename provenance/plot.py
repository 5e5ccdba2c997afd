"""A measure's timeline as a file for reports: SVG as drawn for the web view, or PNG.

PNG is rendered from the same SVG by vl-convert (a self-contained wheel that rasterises
with resvg: no browser, no system library), so the file and the page show one drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, cast

from sqlalchemy.orm import Session

from provenance.errors import NotFoundError, UsageError
from provenance.measures import Measure
from provenance.timeline import ColourBy, build_timeline, timeline_svg

FORMATS = (".svg", ".png")
PNG_SCALE = 2.0


@dataclass
class Plotted:
    measure: str
    bars: int


def find_measure(measures: list[Measure], name: str) -> Measure:
    """The measure called ``name``, or the only one whose name contains it (any case)."""
    exact = [m for m in measures if m.name == name]
    if exact:
        return exact[0]
    folded = name.casefold()
    partial = [m for m in measures if folded in m.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        shown = "; ".join(repr(m.name) for m in partial[:5])
        more = f" and {len(partial) - 5} more" if len(partial) > 5 else ""
        raise UsageError(f"{len(partial)} measures match {name!r}: {shown}{more}")
    from provenance.query import closest_sources

    near = closest_sources(name, {m.name: m.name for m in measures}, cutoff=50)
    hint = "; did you mean " + ", ".join(repr(n) for n, _ in near) + "?" if near else ""
    raise NotFoundError(f"no measure {name!r}{hint} (provenance measures lists them)")


def dispute_numbers(session: Session) -> dict[str, int]:
    """Claim key -> number (from 1) of its dispute, as the web view numbers them."""
    from provenance.conflicts import find_conflicts

    return {
        x.key: i
        for i, d in enumerate(find_conflicts(session).disputes, start=1)
        for camp in d.camps
        for p in camp
        for x in (p, *p.twins)
    }


def plot(
    session: Session, name: str, output: Path, *, by: ColourBy = "source", force: bool = False
) -> Plotted:
    from provenance.export import atomic_file, database_files
    from provenance.measures import list_measures

    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"the output file must end in .svg or .png (got {output.name!r})")
    measure = find_measure(list_measures(session.connection()), name)
    tl = build_timeline(session.connection(), measure, dispute_numbers(session))
    svg = timeline_svg(tl, by=by, standalone=True)
    with atomic_file(output, force=force, protected=database_files(session)) as fh:
        if suffix == ".svg":
            fh.write(svg)
        else:
            fh.flush()
            cast(TextIO, fh).buffer.write(png_from_svg(svg))
    return Plotted(measure.name, len(tl.bars))


def png_from_svg(svg: str) -> bytes:
    try:
        import vl_convert
    except ImportError:
        raise UsageError(
            "PNG output needs vl-convert-python: pip install 'provenance[plot]' (or write .svg)"
        ) from None
    return bytes(vl_convert.svg_to_png(svg, scale=PNG_SCALE))
