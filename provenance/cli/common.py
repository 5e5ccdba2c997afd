"""What every command shares: options defined once, output rendering, and the one
place where domain errors become a message on stderr and an exit code.

Only light modules are imported here so that ``provenance --help`` stays fast;
commands import the library inside their bodies.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from provenance.cells import cell_text, neutralise
from provenance.errors import ProvenanceError


class ProvenanceGroup(TyperGroup):
    """Converts domain errors into ``error: …`` on stderr and the error's exit code.

    Unexpected exceptions print one line too (no traceback) unless PROVENANCE_DEBUG=1.
    """

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ProvenanceError as exc:
            fail(str(exc), exc.exit_code)
        except (typer.TyperException, typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as exc:
            if os.environ.get("PROVENANCE_DEBUG"):
                raise
            first_line = (str(exc).strip().splitlines() or [""])[0]
            fail(
                f"internal error: {type(exc).__name__}: {first_line} "
                "(PROVENANCE_DEBUG=1 shows details)",
                1,
            )


def fail(message: str, code: int) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def new_app(help_text: str | None = None, **kwargs: Any) -> typer.Typer:
    """A command group; without ``help_text`` its callback's docstring is the help."""
    return typer.Typer(
        cls=ProvenanceGroup,
        help=help_text,
        no_args_is_help=kwargs.pop("no_args_is_help", True),
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
        **kwargs,
    )


# --- shared options ---------------------------------------------------------------------

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="PROVENANCE_DB",
        help="Database: a file path (SQLite) or a SQLAlchemy URL such as "
        "postgresql+psycopg://user@host/db. [env: PROVENANCE_DB; default: ./provenance.db]",
        show_default=False,
        show_envvar=False,
    ),
]
ActorOption = Annotated[
    str | None,
    typer.Option("--actor", help="Who is making the change, for the event log. [default: OS user]"),
]


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class DataFormat(StrEnum):
    """Formats for commands whose output is a report rather than a list of rows."""

    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="table for people; json, jsonl or csv for scripts."),
]
ReportFormatOption = Annotated[
    DataFormat, typer.Option("--format", "-f", help="table for people; json or csv for scripts.")
]
LimitOption = Annotated[
    int | None, typer.Option("--limit", "-n", min=0, help="Show at most N rows.")
]


_TOP_LEVEL: dict[str, str | None] = {"db": None}


def set_top_level_db(db: str | None) -> None:
    """``provenance --db X command`` works like ``provenance command --db X``."""
    _TOP_LEVEL["db"] = db


def session(db: str | None, *, write: bool = False) -> Any:
    """A database session for a command (see ``provenance.db.open_session``)."""
    from provenance.db import open_session

    return open_session(db or _TOP_LEVEL["db"], write=write)


def actor_or_default(actor: str | None) -> str:
    from provenance.db import default_actor

    return actor or default_actor()


def command_line() -> str:
    return " ".join(["provenance", *sys.argv[1:]])


# --- output -----------------------------------------------------------------------------


def write_csv(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], out: Any, *, raw: bool = False
) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        cells = [cell_text(row.get(c)) for c in columns]
        writer.writerow(cells if raw else [neutralise(c) for c in cells])


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def render(
    rows: list[dict[str, Any]],
    fmt: OutputFormat | DataFormat,
    *,
    columns: Sequence[str],
    table_columns: Sequence[str] | None = None,
    title: str | None = None,
    empty: str = "nothing matched",
    table_cell: Callable[[str, Any], str] | None = None,
) -> None:
    """Print rows as a Rich table, JSON (a list), JSON Lines or CSV."""
    if fmt.value == "json":
        typer.echo(dumps(rows))
    elif fmt.value == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt.value == "csv":
        buf = io.StringIO()
        write_csv(rows, columns, buf)
        typer.echo(buf.getvalue(), nl=False)
    elif not rows:
        typer.echo(empty, err=True)
    else:
        print_table(rows, table_columns or columns, title=title, cell=table_cell)


_COMPACT_COLUMNS = frozenset(
    (
        "as_of",
        "reports",
        "origins",
        "named_origins",
        "named",
        "reliability",
        "as_origin",
        "as_relay",
        "score",
        "status",
        "kind",
        "category",
        "severity",
    )
)
_COLUMN_RATIOS = {"claim": 5, "key": 3, "reasons": 4, "explanation": 5}


def print_table(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    *,
    title: str | None = None,
    cell: Callable[[str, Any], str] | None = None,
) -> None:
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold", expand=True)
    for c in columns:
        compact = c in _COMPACT_COLUMNS
        table.add_column(
            c.replace("_", " "),
            overflow="fold",
            no_wrap=compact,
            ratio=None if compact else _COLUMN_RATIOS.get(c, 2),
        )
    for row in rows:
        table.add_row(*[cell(c, row.get(c)) if cell else cell_text(row.get(c)) for c in columns])
    console().print(table)


def console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)
