"""``provenance export``: citations for researchers' own tools."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from provenance.cli import filters
from provenance.cli.common import DbOption, session
from provenance.progress import EVERY

if TYPE_CHECKING:
    from provenance.progress import Progress


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
    from provenance.cli.progress import progress_bar
    from provenance.export import count_rows, export
    from provenance.progress import ignore

    f = filters.from_options(locals())
    _check_format(fmt)
    with session(db) as db_session:
        if output is None:
            export(db_session, f, out_path=None, out=sys.stdout, fmt=fmt, raw=raw)
            return
        with progress_bar() as on_progress:
            tick = None
            if on_progress is not ignore and fmt in ("csv", "json", "jsonl"):
                tick = rows_counter(on_progress, count_rows(db_session, f))
            report = export(
                db_session, f, out_path=output, fmt=fmt, raw=raw, force=force, on_row=tick
            )
    typer.echo(f"wrote {report.rows} {report.unit} to {report.path}", err=True)


def _check_format(fmt: str) -> None:
    """Refuse an unknown format before the database is opened (exit 2, not 6)."""
    from provenance.errors import UsageError
    from provenance.export import EXPORT_FORMATS
    from provenance.interchange import INTERCHANGE_FORMATS

    known = EXPORT_FORMATS + INTERCHANGE_FORMATS
    if fmt not in known:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(known)}")


def rows_counter(on_progress: Progress, total: int) -> Callable[[], None]:
    """A per-row tick that reports to ``on_progress`` every few thousand rows."""
    done = [0]

    def tick() -> None:
        done[0] += 1
        if done[0] % EVERY == 0 or done[0] == total:
            on_progress("exporting", done[0], total)

    return tick
