"""``provenance audit``: claims resting on unnamed sources, and circular reporting."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from provenance.cli import filters
from provenance.cli.common import (
    DataFormat,
    DbOption,
    ReportFormatOption,
    console,
    dumps,
    escape,
    new_app,
    render,
    session,
)

app = new_app("Audits for claims that rest on unnamed sources or on a single origin.")


@app.command("unnamed")
def unnamed_command(
    any_unnamed: Annotated[
        bool,
        typer.Option(
            "--any", help="Claims with at least one unnamed origin (default: only unnamed)."
        ),
    ] = False,
    db: DbOption = None,
    fmt: ReportFormatOption = DataFormat.table,
    category: filters.Category = None,
    subject: filters.Subject = None,
    location: filters.Location = None,
    party: filters.Party = None,
    since: filters.Since = None,
    until: filters.Until = None,
) -> None:
    """List claims whose every origin is unnamed, grouped by the origins' affiliation.

    A claim whose only named party is a relay ("an unnamed official told Reuters") is
    unnamed-only. The summary counts all claims, unnamed-only and mixed ones.

    Example:

        provenance audit unnamed

        provenance audit unnamed --any --format json
    """
    from provenance.audit import unnamed_audit

    f = filters.build(
        category=category, subject=subject, location=location, party=party, since=since, until=until
    )
    with session(db) as db_session:
        audit = unnamed_audit(db_session, f, any_unnamed=any_unnamed)
    summary = audit.summary()
    if fmt is DataFormat.json:
        typer.echo(dumps({"summary": summary, "groups": audit.groups()}))
        return
    if fmt is DataFormat.csv:
        render(audit.rows, fmt, columns=UNNAMED_COLUMNS)
        return
    _print_groups(audit.groups())
    typer.echo(
        f"{summary['claims']} claims: {summary['unnamed_only']} rest only on unnamed sources, "
        f"{summary['mixed']} mix named and unnamed origins"
    )


UNNAMED_COLUMNS = (
    "affiliations",
    "key",
    "claim",
    "unnamed_origins",
    "relayed_by",
    "named_origins",
    "possibly_identified",
    "reports",
    "origins",
    "rests_on",
)


def _print_groups(groups: list[dict[str, Any]]) -> None:
    if not groups:
        typer.echo("no claims rest on unnamed sources", err=True)
        return
    out = console()
    for g in groups:
        out.print(f"[bold]{escape(g['affiliation'])}[/bold]")
        for row in g["claims"]:
            out.print(f"  {escape(row['key'])}: {escape(row['claim'])}")
            out.print(
                f"    origin: {escape(', '.join(row['unnamed_origins']))}"
                + (f"  via: {escape(' → '.join(row['relayed_by']))}" if row["relayed_by"] else "")
            )
            for note in row["possibly_identified"]:
                out.print(f"    [yellow]{escape(note)}[/yellow]")


CIRCULAR_COLUMNS = ("key", "claim", "origin", "origin_named", "reports", "relayed_by", "documents")


@app.command("circular")
def circular_command(
    min_reports: Annotated[
        int, typer.Option("--min-reports", min=2, help="At least this many reports.")
    ] = 2,
    db: DbOption = None,
    fmt: ReportFormatOption = DataFormat.table,
    category: filters.Category = None,
    subject: filters.Subject = None,
) -> None:
    """List claims with many reports that all trace back to a single origin.

    Ten outlets repeating one unnamed official are ten reports and one source.

    Example:

        provenance audit circular --min-reports 3
    """
    from provenance.audit import iter_circular

    f = filters.build(category=category, subject=subject)
    with session(db) as db_session:
        render(
            iter_circular(db_session, f, min_reports=min_reports),
            fmt,
            columns=CIRCULAR_COLUMNS,
            title="claims with many reports and one origin",
            empty="no claim has several reports from a single origin",
        )
