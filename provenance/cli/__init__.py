"""The command line: thin commands over the library, composed into one app."""

from __future__ import annotations

from typing import Annotated

import typer

from provenance.cli import (
    audit,
    check,
    claims,
    conflicts,
    dedupe,
    edits,
    export,
    extract,
    facets,
    importing,
    measures,
    serve,
    verdicts,
)
from provenance.cli.common import DbOption, new_app

app = new_app(
    "provenance: claims from war reporting with every source, relay, document and quote.\n\n"
    "Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid input, 4 not found, "
    "5 conflicts remain, 6 database error, 7 check failed, 8 output file problem."
)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"provenance {version('provenance')}")
        raise typer.Exit()


@app.callback()
def _top_level(
    db: DbOption = None,
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Options before the command name apply to it (``provenance --db f.db claims``)."""


app.command("import")(importing.import_command)
app.command("extract")(extract.extract_command)
app.command("claims")(claims.claims_command)
app.command("show")(claims.show_command)
app.command("sources")(claims.sources_command)
app.command("facets")(facets.facets_command)
app.command("export")(export.export_command)
app.add_typer(audit.app, name="audit")
app.command("measures")(measures.measures_command)
app.command("measure-merge")(measures.measure_merge_command)
app.command("measure-split")(measures.measure_split_command)
app.command("measure-rename")(measures.measure_rename_command)
app.add_typer(conflicts.app, name="conflicts", help=conflicts.conflicts_command.__doc__)
app.add_typer(dedupe.app, name="dedupe", help=dedupe.dedupe_command.__doc__)
app.command("merge")(dedupe.merge_command)
app.command("unmerge")(dedupe.unmerge_command)
app.add_typer(edits.app, name="edit")
app.command("retract")(edits.retract_command)
app.command("undo")(edits.undo_command)
app.command("log")(edits.log_command)
app.command("check")(check.check_command)
app.command("merge-source")(edits.merge_source_command)
app.command("unmerge-source")(edits.unmerge_source_command)
app.command("verdict")(verdicts.verdict_command)
app.command("serve")(serve.serve_command)
app.command("plot")(serve.plot_command)


def main() -> None:
    app()
