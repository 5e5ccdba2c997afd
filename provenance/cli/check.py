"""``provenance check``: is this database sound?"""

from __future__ import annotations

from typing import Annotated

import typer

from provenance.cli.common import DataFormat, DbOption, ReportFormatOption, dumps, session


def check_command(
    db: DbOption = None,
    fmt: ReportFormatOption = DataFormat.table,
    head: Annotated[
        str | None,
        typer.Option("--head", help="A chain head recorded earlier (provenance log --head)."),
    ] = None,
) -> None:
    """Verify the database: storage integrity, references, the schema and its triggers,
    the hash chain of the event log, every row against the digest its last event
    recorded, merges and edits replayed, and quotes against stored document text.
    With --head, also prove that the history up to that recorded head is unchanged.

    Exits 7 when anything is wrong.

    Example:

        provenance check --head 5f2c…
    """
    from provenance.audit import check
    from provenance.errors import CheckFailed

    with session(db, upgrade=False) as db_session:
        report = check(db_session, head=head)
    if fmt is DataFormat.table:
        for name in report.checked:
            typer.echo(f"checked: {name}")
        for problem in report.problems:
            typer.echo(f"problem: {problem}")
    else:
        typer.echo(dumps({"ok": report.ok, "checked": report.checked, "problems": report.problems}))
    if not report.ok:
        raise CheckFailed(f"{len(report.problems)} problems found")
    if fmt is DataFormat.table:
        typer.echo("ok")
