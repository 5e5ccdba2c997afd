"""What every command shares: options defined once, output rendering, and the one
place where domain errors become a message on stderr and an exit code.

Only light modules are imported here so that ``provenance --help`` stays fast;
commands import the library inside their bodies.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import SimpleNamespace
from typing import Annotated, Any, TypedDict

import typer
from typer.core import TyperGroup

from provenance.cells import cell_text, csv_writer, neutralise
from provenance.errors import ProvenanceError


@dataclass
class CliState:
    """What a command line's groups pass down to its commands (``ctx.obj``)."""

    db: str | None = None


class ProvenanceGroup(TyperGroup):
    """Every error becomes one line, ``error: …`` on stderr, with its exit code.

    Usage errors (a bad option value, an unknown option) exit 2; domain errors exit
    with their own code; a closed output pipe ends quietly with 0; unexpected
    exceptions print one line too (no traceback) unless PROVENANCE_DEBUG=1.
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        if parent is None:
            extra.setdefault("obj", CliState())
        return super().make_context(info_name, args, parent=parent, **extra)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        readable_metavars(self)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as exc:
            code = usage_failure(exc)
        except typer.Abort:
            typer.echo("error: aborted", err=True)
            code = 1
        else:
            code = result if isinstance(result, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ProvenanceError as exc:
            fail(exc.render(option_for), exc.exit_code)
        except (typer.TyperException, typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            quiet_closed_pipe()
        except Exception as exc:
            if os.environ.get("PROVENANCE_DEBUG"):
                raise
            first_line = (str(exc).strip().splitlines() or [""])[0]
            fail(
                f"internal error: {type(exc).__name__}: {first_line} "
                "(PROVENANCE_DEBUG=1 shows details)",
                1,
            )


def usage_failure(exc: Any) -> int:
    """Print a command-line usage error as one line; return its exit code.

    A group called without a command prints its help, as ``--help`` would.
    """
    if type(exc).__name__ == "NoArgsIsHelpError":
        typer.echo(exc.format_message())
        return 2
    message = " ".join(exc.format_message().split()).replace("Value error, ", "")
    path = getattr(getattr(exc, "ctx", None), "command_path", None)
    hint = f" (see {' '.join(['provenance', *path.split()[1:]])} --help)" if path else ""
    typer.echo(f"error: {message}{hint}", err=True)
    return int(getattr(exc, "exit_code", 2))


def quiet_closed_pipe() -> None:
    """The reader went away (``provenance export | head -1``): stop quietly, exit 0.

    Whatever is still buffered for stdout goes to /dev/null so that Python's own
    flush at exit does not complain about the closed pipe.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)
    raise typer.Exit(0)


def readable_metavars(command: Any) -> None:
    """Name option values as people read them (``TEXT``, ``N``, ``PATH``, ``table|json``;
    nothing for flags) instead of Python types, on every command and sub-command."""
    help_option = command.get_help_option(_HELP_NAMES)
    for param in [*command.params, *([help_option] if help_option else [])]:
        if param.metavar is None:
            param.metavar = _metavar(param)
    for sub in getattr(command, "commands", {}).values():
        readable_metavars(sub)


HELP_OPTION_NAMES = ["-h", "--help"]
_HELP_NAMES = SimpleNamespace(help_option_names=HELP_OPTION_NAMES)
_METAVARS = {
    "str": "TEXT",
    "int": "N",
    "int range": "N",
    "float": "NUMBER",
    "float range": "NUMBER",
    "Path": "PATH",
    "list[Path]": "PATH",
    "list[str]": "TEXT",
}


def _metavar(param: Any) -> str:
    if getattr(param, "param_type_name", "") == "argument":
        param.display_type_rich = _no_type  # the name column already says KEY or FILES
        return str(param.name).upper()
    if getattr(param, "is_flag", False) or getattr(param, "is_bool_flag", False):
        return ""
    try:
        label = str(param.display_type(None)).strip("<>")
    except Exception:
        return "VALUE"
    if label == "bool":
        return ""
    if label.startswith("list[") and "|" in label:
        label = label[5:-1]
    return _METAVARS.get(label, label if "|" in label else label.upper())


def _no_type(ctx: Any = None) -> str:
    return ""


OPTIONS = {
    "assignments": "--set",
    "start": "--from",
    "end": "--to",
    "window_days": "--window",
}
"""Library parameters whose option is not their name with dashes."""


def option_for(param: str) -> str:
    """The option that sets a library parameter, as error messages name it."""
    return OPTIONS.get(param, "--" + param.replace("_", "-"))


def fail(message: str, code: int) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def new_app(help_text: str | None = None, **kwargs: Any) -> typer.Typer:
    """A command group; without ``help_text`` its callback's docstring is the help.

    Every group takes ``--db`` (``provenance audit --db f.db unnamed``); a group that
    defines its own callback must declare ``db: DbOption = None`` there too.
    """
    app = typer.Typer(
        cls=ProvenanceGroup,
        help=help_text,
        no_args_is_help=kwargs.pop("no_args_is_help", True),
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": HELP_OPTION_NAMES},
        **kwargs,
    )
    app.callback()(_group_options)
    return app


def _group_options(db: DbOption = None) -> None:
    """Options every group accepts before its sub-command."""


def _remember_db(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    """``--db`` given at any level (before or after a command or sub-command name)
    is kept in the context object that every command below it reads; it wins over
    PROVENANCE_DB, which the database layer reads itself."""
    source = ctx.get_parameter_source(str(param.name))
    if value is not None and source is not None and source.name == "COMMANDLINE":
        ctx.ensure_object(CliState).db = value
    return value


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
        callback=_remember_db,
        metavar="PATH|URL",
    ),
]
ActorOption = Annotated[
    str | None,
    typer.Option("--actor", help="Who is making the change, for the event log. [default: OS user]"),
]
ReasonOption = Annotated[
    str, typer.Option("--reason", help="Why (required; kept in the event log).")
]


NoWaitOption = Annotated[
    bool,
    typer.Option(
        "--no-wait",
        help="If another command is writing to the database, fail at once (exit 6) "
        "instead of waiting for it to finish.",
    ),
]


def _zero_is_all(value: int | None) -> int | None:
    return value or None


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
    int | None,
    typer.Option(
        "--limit", "-n", min=0, callback=_zero_is_all, help="Show at most N rows; 0: all."
    ),
]


def cli_state() -> CliState:
    """The state of the running command line (a fresh one outside a command)."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    return ctx.ensure_object(CliState) if ctx is not None else CliState()


def session(
    db: str | None, *, write: bool = False, upgrade: bool = True, no_wait: bool = False
) -> Any:
    """A database session for a command (see ``provenance.db.open_session``).

    A writer that finds another one writing waits for it, saying so on stderr after a
    few seconds, or with ``no_wait`` fails at once.
    """
    from provenance.db import open_session

    return open_session(
        cli_state().db or db,
        write=write,
        upgrade=upgrade,
        wait=not no_wait,
        on_wait=_say_waiting,
        activity=_activity(),
    )


def _say_waiting(holder: object) -> None:
    typer.echo(f"waiting for {holder} to finish", err=True)


def _activity() -> str | None:
    """The running command's name without the program's (``edit claim``)."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    words = ctx.command_path.split()[1:] if ctx is not None else []
    return " ".join(words) or None


class Recorder(TypedDict):
    """Who makes a recorded change and the command line that made it, as every library
    function that logs an event takes them (``**recorded_by(actor)``)."""

    actor: str
    command: str


def recorded_by(actor: str | None) -> Recorder:
    """The ``--actor`` given, or the default one, with this command line."""
    from provenance.db import default_actor

    return {
        "actor": actor or default_actor(),
        "command": " ".join(["provenance", *sys.argv[1:]]),
    }


# --- output -----------------------------------------------------------------------------


def write_csv(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], out: Any, *, raw: bool = False
) -> None:
    writer = csv_writer(out)
    writer.writerow(columns)
    for row in rows:
        cells = [cell_text(row.get(c)) for c in columns]
        writer.writerow(cells if raw else [neutralise(c) for c in cells])


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def render(
    rows: Iterable[dict[str, Any]],
    fmt: OutputFormat | DataFormat,
    *,
    columns: Sequence[str],
    table_columns: Sequence[str] | None = None,
    title: str | None = None,
    empty: str = "nothing matched",
    table_cell: Callable[[str, Any], str] | None = None,
) -> None:
    """Print rows as a Rich table, JSON (a list), JSON Lines or CSV. JSON, JSON Lines and
    CSV are written row by row as the rows come, so a generator of rows is never held."""
    out = sys.stdout
    if fmt.value == "json":
        write_json_list(rows, out)
    elif fmt.value == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt.value == "csv":
        write_csv(rows, columns, out)
    else:
        listed = list(rows)
        if not listed:
            typer.echo(empty, err=True)
        else:
            print_table(listed, table_columns or columns, title=title, cell=table_cell)


def write_json_list(rows: Iterable[Any], out: Any) -> None:
    """``dumps(list(rows))`` and a newline, written an item at a time: each item is
    dumped alone and indented one level, which is how a list's items are laid out (a JSON
    text breaks lines only between tokens, never inside a string)."""
    started = False
    for row in rows:
        out.write(",\n  " if started else "[\n  ")
        out.write(dumps(row).replace("\n", "\n  "))
        started = True
    out.write("\n]\n" if started else "[]\n")


def print_table(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    *,
    title: str | None = None,
    cell: Callable[[str, Any], str] | None = None,
) -> None:
    """A table that fits the terminal (see ``provenance.cli.tables``)."""
    from provenance.cli import tables

    tables.print_table(rows, columns, title=title, cell=cell)


def console(stderr: bool = False) -> Any:
    from provenance.cli.tables import indenting_console

    return indenting_console(stderr)


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)
