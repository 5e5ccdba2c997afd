"""``provenance serve``: the read-only web view; ``provenance plot``: a measure's timeline."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from provenance.cli.common import DbOption, cli_state


def serve_command(
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")
    ] = 8001,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (0.0.0.0: every interface).")
    ] = "127.0.0.1",
    db: DbOption = None,
) -> None:
    """Serve a read-only web view: claims with facets, each claim's provenance graph,
    sources, audits, measures' timelines and disputes. Ctrl-C stops it.

    Example:

        provenance serve --port 8001

        provenance --db team.db serve --host 0.0.0.0
    """
    from provenance.web.server import serve

    serve(cli_state().db or db, host=host, port=port, announce=lambda m: typer.echo(m, err=True))


class ColourBy(StrEnum):
    source = "source"
    party = "party"


def plot_command(
    measure: Annotated[
        str, typer.Argument(help="Measure name as `provenance measures` lists it, or part of it.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write: .svg or .png.")],
    colour: Annotated[
        ColourBy, typer.Option("--colour", help="Colour the bars by origin or by party.")
    ] = ColourBy.source,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    db: DbOption = None,
) -> None:
    """Draw a measure's timeline to a file: every claim's interval as a bar over time,
    coloured by origin or party, disputed claims outlined and numbered.

    Example:

        provenance plot "troop_count: troops in Kursk" -o kursk-troops.png
    """
    from provenance.cli.common import session
    from provenance.plot import plot

    with session(db) as db_session:
        written = plot(db_session, measure, output, by=colour.value, force=force)
    typer.echo(f"wrote {written.bars} claims of {written.measure!r} to {output}", err=True)
