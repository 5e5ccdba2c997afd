"""Every command and sub-command fails on bad input with one line, never a panel or a
traceback; ``--db`` works at every level; ``--version``; a closed pipe is quiet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from provenance.cli import app
from tests.helpers import FIXTURE, ROOT


def _commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path] if path else []
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _commands(sub, (*path, name))
    return found


ALL_COMMANDS = _commands(get_command(app))
PANEL = ("╭", "╰", "│", "Traceback")


def test_the_command_tree_is_found() -> None:
    assert ("audit", "unnamed") in ALL_COMMANDS and ("claims",) in ALL_COMMANDS
    assert len(ALL_COMMANDS) >= 23


def _assert_one_line_error(result: Any, code: int = 2) -> None:
    assert result.exit_code == code, result.output
    assert not any(mark in result.output for mark in PANEL), result.output
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_unknown_option_is_one_line(
    command: tuple[str, ...], runner: CliRunner, db_url: str
) -> None:
    result = runner.invoke(app, [*command, "--no-such-option"])
    _assert_one_line_error(result)
    assert "--no-such-option" in result.output


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_bad_values_are_one_line(command: tuple[str, ...], runner: CliRunner, db_url: str) -> None:
    cmd = get_command(app)
    for name in command:
        cmd = cmd.commands[name]  # type: ignore[attr-defined]
    options = {o for p in cmd.params for o in p.opts}
    bad = [["--format", "xml"], ["--limit", "many"], ["--window", "x"], ["--threshold", "200"]]
    tried = 0
    for args in bad:
        if args[0] in options:
            _assert_one_line_error(runner.invoke(app, [*command, *args]))
            tried += 1
    if not tried:
        result = runner.invoke(app, [*command, "a", "b", "c", "d", "e"])
        assert result.exit_code != 0
        assert not any(mark in result.output for mark in PANEL), result.output


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_db_is_accepted_on_every_command(command: tuple[str, ...], runner: CliRunner) -> None:
    result = runner.invoke(app, [*command, "--db", "x.db", "--help"])
    assert result.exit_code == 0, result.output
    if len(command) == 2:
        group = runner.invoke(app, [command[0], "--db", "x.db", command[1], "--help"])
        assert group.exit_code == 0, group.output


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_help_names_values_as_people_read_them(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for python_type in ("<bool>", "<str>", "<int", "<list", "<Path>", "<float"):
        assert python_type not in result.output


def test_db_before_the_sub_command(cli: Any, fixture_db: str, runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["audit", "--db", fixture_db, "unnamed"], env={"PROVENANCE_DB": "no.db"}
    )
    assert result.exit_code == 0, result.output
    assert result.output.endswith(
        "22 claims: 7 rest only on unnamed sources, 0 mix named and unnamed origins\n"
    )


def test_missing_argument_names_it(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show"])
    assert result.output == "error: Missing argument 'KEY'. (see provenance show --help)\n"


def test_format_choice_error(cli: Any, fixture_db: str) -> None:
    result = cli("claims", "--format", "xml")
    assert result.exit_code == 2
    assert result.output == (
        "error: Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', "
        "'jsonl', 'csv'. (see provenance claims --help)\n"
    )


def test_version(runner: CliRunner) -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"provenance {version('provenance')}\n"


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    run = [sys.executable, "-m", "provenance", "--db", str(db)]
    subprocess.run([*run, "import", str(FIXTURE)], check=True, capture_output=True, cwd=ROOT)
    done = subprocess.run(
        f"{' '.join(run)} export | head -1", shell=True, capture_output=True, text=True, cwd=ROOT
    )
    assert done.stdout.startswith("claim_key,claim,")
    assert done.stderr == ""
    status = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {' '.join(run)} export | head -1 >/dev/null"], cwd=ROOT
    )
    assert status.returncode == 0


def _library_params() -> set[str]:
    """Every parameter a library error message names (``params=(...)``)."""
    import ast

    found: set[str] = set()
    for path in (ROOT / "provenance").rglob("*.py"):
        if "cli" in path.relative_to(ROOT / "provenance").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "params":
                if isinstance(node.value, ast.Tuple):
                    found |= {e.value for e in node.value.elts if isinstance(e, ast.Constant)}
                else:
                    found.add("<computed>")
    return found


def test_library_errors_name_parameters_and_the_cli_names_their_options() -> None:
    """Library messages never spell a CLI option; each parameter they name is one the
    CLI has an option for."""
    from provenance.cli.common import option_for

    options = set()
    for command in ALL_COMMANDS:
        cmd = get_command(app)
        for name in command:
            cmd = cmd.commands[name]  # type: ignore[attr-defined]
        options |= {o for p in cmd.params for o in p.opts}
    params = _library_params()
    assert {"reason", "assignments", "force", "window_days", "db"} <= params
    assert {p: option_for(p) for p in params if option_for(p) not in options} == {
        "<computed>": "--<computed>"
    }


def test_a_library_error_names_the_parameter(tmp_path: Path) -> None:
    from provenance.db import open_session
    from provenance.edits import retract
    from provenance.errors import UsageError
    from provenance.ingest import import_files

    db = str(tmp_path / "p.db")
    with open_session(db, write=True) as session:
        import_files(session, [FIXTURE], actor="t", command="t")
    with open_session(db, write=True) as session, pytest.raises(UsageError) as caught:
        retract(session, "sudzha-taken-a-week-after-start", reason=" ", actor="t", command="t")
    assert str(caught.value) == "reason is required"


REVIEW_WITH_A_BAD_DAY = [
    "conflicts",
    "review-dispute",
    "m",
    "--from",
    "yesterday",
    "--dismiss",
    "--reason",
    "r",
]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["retract", "sudzha-taken-a-week-after-start", "--reason", " "], "--reason is required"),
        (
            ["edit", "claim", "sudzha-taken-a-week-after-start", "--reason", "r", "--set", "x"],
            "--set takes FIELD=VALUE with FIELD one of: ",
        ),
        (
            REVIEW_WITH_A_BAD_DAY,
            "--from takes a day as YYYY-MM-DD, not 'yesterday'",
        ),
        (["claims", "--min-reliability", "Q"], "--min-reliability takes a grade A-F"),
    ],
)
def test_the_cli_names_the_option(
    args: list[str], message: str, runner: CliRunner, db_url: str
) -> None:
    assert runner.invoke(app, ["import", str(FIXTURE)]).exit_code == 0
    result = runner.invoke(app, args)
    _assert_one_line_error(result)
    assert result.output.startswith("error: " + message), result.output
