"""``provenance measures``: what the claims count, as conflicts and dedupe read it."""

from __future__ import annotations

from typing import Annotated

import typer

from provenance.cli.common import (
    DataFormat,
    DbOption,
    ReportFormatOption,
    console,
    dumps,
    escape,
    render,
    session,
)


def measures_command(
    min_claims: Annotated[
        int, typer.Option("--min-claims", min=1, metavar="N", help="Only measures with N claims.")
    ] = 1,
    db: DbOption = None,
    fmt: ReportFormatOption = DataFormat.table,
) -> None:
    """List the measures of the claims with a figure, and why each claim is in one.

    A measure is what a figure counts (dead, wounded, displaced, troops, territory…), its
    scope (violent, civilians, internal…) and the place and party names the claim gives,
    read from the claim's words in its own language. Conflicts and duplicates are
    looked for within one measure.

    Example:

        provenance measures --min-claims 2

        provenance measures --format json
    """
    from provenance.measures import list_measures

    with session(db) as db_session:
        found = list_measures(db_session.connection(), min_claims)
    rows = [m.as_dict() for m in found]
    if fmt is DataFormat.json:
        typer.echo(dumps(rows))
        return
    if fmt is not DataFormat.table:
        flat = [{"measure": m.name, "why": m.why, **c} for m in found for c in m.claim_rows()]
        render(flat, fmt, columns=("measure", "key", "figure", "as_of", "why"))
        return
    out = console()
    for m in found:
        out.print(f"[bold]{escape(m.name)}[/bold]  ({len(m.claims)} claims)")
        out.print(f"  {escape(m.why)}")
        for p in m.claims:
            figure = p.quantity.text if p.quantity else ""
            out.print(f"  {escape(p.key)}: {escape(figure)}")
    typer.echo(f"{len(found)} measures", err=True)
