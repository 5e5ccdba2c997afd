"""``provenance check``: is this database sound?"""

from __future__ import annotations

import typer

from provenance.cli.common import DataFormat, DbOption, ReportFormatOption, dumps, session


def check_command(db: DbOption = None, fmt: ReportFormatOption = DataFormat.table) -> None:
    """Verify the database: storage integrity, references, the event log against the
    data (imports, merges and edits replayed), and quotes against stored document text.

    Exits 7 when anything is wrong.

    Example:

        provenance check
    """
    from provenance.audit import check
    from provenance.errors import CheckFailed

    with session(db) as db_session:
        report = check(db_session)
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
