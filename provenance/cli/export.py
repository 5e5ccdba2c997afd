"""``provenance export``: citations for researchers' own tools."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from provenance.cli import filters
from provenance.cli.common import DbOption, session


def export_command(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (atomically). Default: stdout."),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="csv, json or jsonl (one row per attribution); csl-json, ris or bibtex "
            "(one item per document); claimreview (schema.org JSON-LD); prov-json or prov-n "
            "(W3C PROV).",
        ),
    ] = "csv",
    raw: Annotated[
        bool, typer.Option("--raw", help="Do not neutralise spreadsheet formulas.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    db: DbOption = None,
    source: filters.Source = None,
    origin_only: filters.OriginOnly = False,
    via: filters.Via = None,
    source_kind: filters.SourceKind = None,
    named: filters.Named = None,
    party: filters.Party = None,
    category: filters.Category = None,
    subject: filters.Subject = None,
    metric: filters.Metric = None,
    location: filters.Location = None,
    since: filters.Since = None,
    until: filters.Until = None,
    search: filters.Search = None,
    min_reliability: filters.MinReliability = None,
    status: filters.Status = filters.StatusChoice.active,
    rating: filters.Rating = None,
) -> None:
    """Write one row per attribution, in the import CSV's columns plus read-only counts,
    or one reference per document for reference managers.

    Filters select claims as in `provenance claims`; every attribution of a selected
    claim is written. The CSV re-imports into an empty database unchanged. Cells that
    a spreadsheet would run as formulas are prefixed with ' unless --raw. csl-json,
    ris and bibtex write each document that reports a selected claim, with the claims'
    quotes and provenance chains in its note.

    Example:

        provenance export -o citations.csv --source ISW

        provenance export --format csl-json -o kursk.json --location Kursk
    """
    from provenance.export import count_rows, export

    f = filters.from_options(locals())
    _check_format(fmt)
    with session(db) as db_session:
        if output is None:
            export(db_session, f, out_path=None, out=sys.stdout, fmt=fmt, raw=raw)
            return
        if on_terminal() and fmt in ("csv", "json", "jsonl"):
            report = _with_progress(
                lambda tick: export(
                    db_session, f, out_path=output, fmt=fmt, raw=raw, force=force, on_row=tick
                ),
                count_rows(db_session, f),
            )
        else:
            report = export(db_session, f, out_path=output, fmt=fmt, raw=raw, force=force)
    typer.echo(f"wrote {report.rows} {report.unit} to {report.path}", err=True)


def _check_format(fmt: str) -> None:
    """Refuse an unknown format before the database is opened (exit 2, not 6)."""
    from provenance.errors import UsageError
    from provenance.export import EXPORT_FORMATS
    from provenance.interchange import INTERCHANGE_FORMATS

    known = EXPORT_FORMATS + INTERCHANGE_FORMATS
    if fmt not in known:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(known)}")


def on_terminal() -> bool:
    """Whether a person is watching (then export shows a progress bar on stderr)."""
    return sys.stderr.isatty()


def _with_progress(run: Any, total: int) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
    ) as progress:
        task = progress.add_task("exporting", total=total)
        pending = [0]

        def tick() -> None:
            pending[0] += 1
            if pending[0] >= 5000:
                progress.advance(task, pending[0])
                pending[0] = 0

        return run(tick)
