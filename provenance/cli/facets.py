"""``provenance facets``: how many matching claims each source, party, category… has."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from provenance.cli import filters
from provenance.cli.common import DbOption, FormatOption, OutputFormat, dumps, render, session


class FacetChoice(StrEnum):
    source = "source"
    party = "party"
    category = "category"
    named = "named"
    measure = "measure"
    rating = "rating"


FACET_COLUMNS = ("facet", "value", "label", "count")


def facets_command(
    by: Annotated[
        list[FacetChoice] | None,
        typer.Option(
            "--by",
            "-b",
            help="Count by this; repeat for more. [default: source, party, category, named, "
            "rating; measure is slower and only counted when asked for]",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=0, help="Show at most N values of each facet; 0: all."),
    ] = 30,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    source: filters.Source = None,
    origin_only: filters.OriginOnly = False,
    via: filters.Via = None,
    source_kind: filters.SourceKind = None,
    named: filters.Named = False,
    unnamed: filters.Unnamed = False,
    party: filters.Party = None,
    category: filters.Category = None,
    subject: filters.Subject = None,
    metric: filters.Metric = None,
    location: filters.Location = None,
    since: filters.Since = None,
    until: filters.Until = None,
    search: filters.Search = None,
    min_reliability: filters.MinReliability = None,
    status: filters.Status = None,
    rating: filters.Rating = None,
) -> None:
    """Count the claims that match the filters by origin source, party, category, named or
    unnamed origin, measure and verdict rating, most claims first.

    A claim counts once under each value it has (a claim with two origins counts under
    both), so each count is what adding that value as a filter finds; source counts
    origins, as --source KEY --origin-only finds them.

    Example:

        provenance facets --by source --by named

        provenance facets --category territory --by measure --format json
    """
    from provenance.cli.progress import progress_bar
    from provenance.facets import DEFAULT_DIMENSIONS, facet_counts
    from provenance.query import count_claims

    f = filters.from_options(locals())
    dimensions = [b.value for b in by] if by else list(DEFAULT_DIMENSIONS)
    with session(db) as db_session, progress_bar() as on_progress:
        found = facet_counts(
            db_session, f, dimensions, limit=limit or None, on_progress=on_progress
        )
        total = count_claims(db_session, f) if fmt is OutputFormat.table else 0
    if fmt is OutputFormat.json:
        typer.echo(dumps({d: [v.as_dict() for v in values] for d, values in found.items()}))
        return
    rows = [{"facet": d, **v.as_dict()} for d, values in found.items() for v in values]
    if fmt is not OutputFormat.table:
        render(rows, fmt, columns=FACET_COLUMNS)
        return
    shown = [
        {"facet": d if i == 0 else "", "value": v.label or "(not given)", "count": v.count}
        for d, values in found.items()
        for i, v in enumerate(values)
    ]
    render(
        shown,
        fmt,
        columns=("facet", "value", "count"),
        title=f"facets of {total} claims",
        empty=f"nothing to count in {total} claims",
    )
