"""``provenance import``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from provenance.cli.common import (
    ActorOption,
    DataFormat,
    DbOption,
    actor_or_default,
    command_line,
    dumps,
    session,
)

EXAMPLE = """
Example:

    provenance import fixtures/kursk_2024.yaml

    provenance import --dry-run reports.csv
"""


def import_command(
    files: Annotated[
        list[Path], typer.Argument(help="YAML, JSON or CSV files.", show_default=False)
    ],
    db: DbOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate only; write nothing.")
    ] = False,
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", help="csv, yaml or json, when the file name does not tell."),
    ] = None,
    actor: ActorOption = None,
    fmt: Annotated[
        DataFormat, typer.Option("--format", "-f", help="table or json.")
    ] = DataFormat.table,
) -> None:
    """Import claims, sources and documents; all-or-nothing, idempotent.

    Any invalid row means nothing is written; every problem is listed as
    file:line: field: reason (exit 3). Re-importing a file changes nothing.
    """
    from provenance.ingest import import_files

    with session(db, write=True) as db_session:
        report = import_files(
            db_session,
            files,
            actor=actor_or_default(actor),
            command=command_line(),
            dry_run=dry_run,
            input_format=input_format,
        )
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if report.warning_total > len(report.warnings):
        typer.echo(f"warning: … and {report.warning_total - len(report.warnings)} more", err=True)
    if fmt is DataFormat.json:
        typer.echo(dumps(report.as_dict()))
        return
    c = report.counts
    verb = "would import" if dry_run else "imported"
    typer.echo(
        f"{verb} {c.claims} claims, {c.attributions} attributions, {c.sources} sources, "
        f"{c.documents} documents ({c.unchanged} already present"
        + (f", {c.filled_in} fields filled in" if c.filled_in else "")
        + ")"
        + ("" if dry_run else f"; batch {report.batch_id}")
    )


import_command.__doc__ = (import_command.__doc__ or "") + EXAMPLE
