"""``provenance import``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from provenance.cli.common import (
    ActorOption,
    DataFormat,
    DbOption,
    NoWaitOption,
    dumps,
    recorded_by,
    session,
)
from provenance.errors import UsageError

if TYPE_CHECKING:
    from provenance.dates import DateOrder
    from provenance.ingest import ImportReport

EXAMPLE = """
Example:

    provenance import fixtures/kursk_2024.yaml

    provenance import --dry-run reports.csv

    provenance import --delimiter ";" --encoding cp1252 --dayfirst --map Datum=as_of excel.csv
"""


def import_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="YAML, JSON, CSV, .xlsx or .ods files; ClaimReview JSON-LD or HTML pages.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate only; write nothing.")
    ] = False,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format",
            help="csv, yaml, json, xlsx, ods or claimreview, when the file name does not tell.",
        ),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option("--delimiter", help="CSV delimiter (default: detected from , ; tab |)."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding", help="CSV encoding, e.g. cp1252 (default: UTF-8, else detected)."
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help="Sheet to read from a .xlsx or .ods workbook with several."),
    ] = None,
    dayfirst: Annotated[
        bool, typer.Option("--dayfirst", help="Read 11/10/2024 as 11 October 2024.")
    ] = False,
    monthfirst: Annotated[
        bool, typer.Option("--monthfirst", help="Read 11/10/2024 as November 10, 2024.")
    ] = False,
    column_map: Annotated[
        list[str] | None,
        typer.Option(
            "--map", help="HEADING=column, e.g. Datum=as_of (repeatable).", show_default=False
        ),
    ] = None,
    ignore_extra: Annotated[
        bool,
        typer.Option(
            "--ignore-extra",
            help="Drop unrecognised columns instead of keeping them as extra fields "
            "(each is named in a warning).",
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Refuse a source detail that differs from the stored one "
            "(default: keep the stored value and record the other as a variant).",
        ),
    ] = False,
    new_sources: Annotated[
        bool,
        typer.Option(
            "--new-sources", help="No warning when a new source's name is close to a stored one."
        ),
    ] = False,
    replace_invalid_text: Annotated[
        bool,
        typer.Option(
            "--replace-invalid-text",
            help="Replace a lone surrogate or NUL in JSON/YAML text with U+FFFD (with a "
            "warning) instead of refusing the field.",
        ),
    ] = False,
    actor: ActorOption = None,
    no_wait: NoWaitOption = False,
    fmt: Annotated[
        DataFormat, typer.Option("--format", "-f", help="table or json.")
    ] = DataFormat.table,
) -> None:
    """Import claims, sources and documents; all-or-nothing, idempotent.

    Any invalid row means nothing is written; every problem is listed as
    file:line: field: reason (exit 3). Re-importing a file changes nothing.
    A CSV file's delimiter and encoding are detected and reported.
    """
    from provenance.cli.progress import progress_bar
    from provenance.ingest import import_files
    from provenance.ingest.options import ImportOptions

    options = ImportOptions(
        encoding=encoding,
        delimiter=_delimiter(delimiter),
        sheet=sheet,
        date_order=_date_order(dayfirst, monthfirst),
        column_map=_column_map(column_map or []),
        ignore_extra=ignore_extra,
        strict=strict,
        new_sources=new_sources,
        replace_invalid_text=replace_invalid_text,
    )

    with session(db, write=True, no_wait=no_wait) as db_session, progress_bar() as on_progress:
        report = import_files(
            db_session,
            files,
            dry_run=dry_run,
            input_format=input_format,
            options=options,
            on_progress=on_progress,
            **recorded_by(actor),
        )
    _render(report, fmt, dry_run)


def _delimiter(given: str | None) -> str | None:
    return "\t" if given in ("\\t", "tab") else given


def _date_order(dayfirst: bool, monthfirst: bool) -> DateOrder | None:
    if dayfirst and monthfirst:
        raise UsageError("--dayfirst and --monthfirst exclude each other")
    return "dmy" if dayfirst else "mdy" if monthfirst else None


def _column_map(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        heading, sep, column = pair.rpartition("=")
        if not sep or not heading.strip() or not column.strip():
            raise UsageError(f"--map wants HEADING=column, not {pair!r}")
        out[heading] = column
    return out


def _how_read(files: list[dict[str, Any]]) -> list[str]:
    """One line per CSV file not read as comma-separated UTF-8."""
    out = []
    for f in files:
        if f["format"] != "csv" or (f["encoding"], f["delimiter"]) == ("utf-8", ","):
            continue
        delimiter = "tab" if f["delimiter"] == "\t" else repr(f["delimiter"])
        found = {k: " (detected)" if k in f["detected"] else "" for k in ("encoding", "delimiter")}
        out.append(
            f"read {f['path']}: encoding {f['encoding']}{found['encoding']}, "
            f"delimiter {delimiter}{found['delimiter']}"
        )
    return out


def _render(report: ImportReport, fmt: DataFormat, dry_run: bool) -> None:
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if report.warning_total > len(report.warnings):
        typer.echo(f"warning: … and {report.warning_total - len(report.warnings)} more", err=True)
    if fmt is DataFormat.json:
        typer.echo(dumps(report.as_dict()))
        return
    for line in _how_read(report.files):
        typer.echo(line)
    c = report.counts
    verb = "would import" if dry_run else "imported"
    typer.echo(
        f"{verb} {c.claims} claims, {c.attributions} attributions, {c.sources} sources, "
        f"{c.documents} documents"
        + (f", {c.verdicts} verdicts" if c.verdicts else "")
        + f" ({c.unchanged} already present"
        + (f", {c.filled_in} fields filled in" if c.filled_in else "")
        + ")"
        + ("" if dry_run else f"; batch {report.batch_id}")
    )


import_command.__doc__ = (import_command.__doc__ or "") + EXAMPLE
