"""The command line end to end: help with examples, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from tests.helpers import FIXTURE, ROOT

COMMANDS = [
    ["import"], ["extract"], ["claims"], ["show"], ["sources"], ["export"], ["audit", "unnamed"],
    ["audit", "circular"], ["conflicts"], ["conflicts", "review"], ["dedupe"],
    ["dedupe", "review"], ["merge"], ["unmerge"], ["edit", "claim"], ["edit", "source"],
    ["retract"], ["undo"], ["log"], ["check"], ["merge-source"], ["unmerge-source"], ["verdict"],
    ["facets"], ["measures"], ["edit", "report"],
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert "provenance " + command[0] in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_keeps_every_bracketed_word(command: list[str]) -> None:
    """Help is rendered with Rich markup, which takes an unescaped "[extract]" for a style
    and drops it: 'pip install provenance[extract]' must come out whole."""
    import re

    from typer.main import get_command

    click_command = get_command(app)
    for name in command:
        click_command = click_command.commands[name]  # type: ignore[attr-defined]
    raw = click_command.help or ""
    result = CliRunner().invoke(app, [*command, "--help"], terminal_width=300)
    shown = " ".join(result.output.split())
    for word in re.findall(r"\\?\[[a-z_]+\]", raw):
        assert word.lstrip("\\") in shown, word


def test_top_level_help_lists_exit_codes() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "3 invalid input" in result.output


def test_import_then_claims_json(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("import", str(FIXTURE))
    assert result.exit_code == 0
    assert result.output.startswith("imported 22 claims, 26 attributions, 11 sources, 1 documents")
    again = cli("import", str(FIXTURE))
    assert (
        "imported 0 claims, 0 attributions" in again.output and "26 already present" in again.output
    )
    claims = json.loads(cli("claims", "--format", "json", "--source", "ISW").output)
    assert [c["key"] for c in claims] == [
        "isw-geolocated-footage-progress-southeast-of-korenevo",
        "isw-russian-forces-recently-advanced-kursk",
    ]
    assert claims[0]["sources"] == ["Institute for the Study of War"]


def test_global_db_option_works_before_the_command(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    assert runner.invoke(app, ["--db", db, "import", str(FIXTURE)]).exit_code == 0
    assert (
        runner.invoke(app, ["--db", db, "claims", "-n", "1", "-f", "jsonl"]).output.count("\n") == 1
    )


def test_show_prints_the_provenance_chain(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    out = cli("show", "russia-concentrated-60000-troops-kursk").output
    for expected in (
        "unnamed senior official of the Ukrainian General Staff",
        "via Reuters",
        "via Daily Express",
        "close to 60,000 troops",
        "close_to",
        "history:",
        "import",
    ):
        assert expected in out
    data = json.loads(cli("show", "russia-concentrated-60000-troops-kursk", "-f", "json").output)
    assert data["quantity"]["value"] == 60000 and data["quantity"]["unit"] == "troops"
    assert [v["key"] for v in data["attributions"][0]["via"]] == ["reuters", "daily-express"]
    assert data["history"][0]["action"] == "import"


def test_claims_csv_output_is_machine_readable(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    lines = cli("claims", "--unnamed", "--format", "csv").output.splitlines()
    assert (
        lines[0]
        == "key,claim,category,as_of,quantity,sources,via,reports,origins,named_origins,status"
    )
    assert len(lines) == 8


def test_empty_results_exit_zero_with_a_message(cli, fixture_db: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("claims", "--category", "casualties")
    assert result.exit_code == 0 and "no claims match" in result.output
    assert cli("claims", "--category", "casualties", "-f", "json").output.strip() == "[]"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["show", "nope"], 4, "error: no claim 'nope'"),
        (
            ["claims", "--source", "Institute for Study of War"],
            4,
            "did you mean 'Institute for the Study of War'",
        ),
        (["claims", "--category", "troops"], 2, "error: unknown category 'troops'"),
        (["claims", "--origin-only"], 2, "--origin-only goes with --source"),
        (["import", "missing.yaml"], 3, "missing.yaml: no such file"),
        (["import", "notes.txt"], 2, "cannot tell the format"),
        (["claims", "--format", "xml"], 2, "xml"),
    ],
)
def test_errors_have_exit_codes_and_no_traceback(
    cli, fixture_db: str, args: list[str], code: int, message: str
) -> None:  # type: ignore[no-untyped-def]
    result = cli(*args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_reading_a_missing_database_is_an_error_not_a_new_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = tmp_path / "none.db"
    result = runner.invoke(app, ["claims", "--db", str(db)])
    assert result.exit_code == 6 and "no database at" in result.output
    assert not db.exists()


def test_invalid_import_lists_problems_and_exits_3(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_text("claim,source,as_of\nA,B,2024-02-30\nC,,2024\n", encoding="utf-8")
    result = cli("import", str(bad))
    assert result.exit_code == 3
    assert f"{bad}:2: as_of: impossible date '2024-02-30'" in result.output
    assert f"{bad}:3: source: required" in result.output
    assert "nothing was imported" in result.output


def test_no_heavy_imports_at_startup() -> None:
    code = (
        "import sys, provenance.cli\n"
        "heavy = [m for m in ('sqlalchemy', 'sqlmodel', 'pandas', 'rapidfuzz', 'yaml') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == ""


@pytest.mark.parametrize(
    "args",
    [
        ["claims", "--source", "ISW", "-f", "json"],
        ["show", "russia-concentrated-60000-troops-kursk", "-f", "json"],
        ["sources", "-f", "json"],
        ["audit", "unnamed", "-f", "json"],
    ],
)
def test_query_commands_do_not_load_the_models(fixture_db: str, args: list[str]) -> None:
    """Reading needs SQLAlchemy Core only: sqlmodel (and the models built on it) would
    add a fifth of a second to every query."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "provenance", "--db", fixture_db, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert {"sqlmodel", "provenance.models"} & loaded == set()


def test_console_script_runs(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("provenance")
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    db = tmp_path / "s.db"
    done = subprocess.run(
        [str(exe), "--db", str(db), "import", str(FIXTURE)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    shown = subprocess.run(
        [str(exe), "--db", str(db), "show", "nope"], capture_output=True, text=True
    )
    assert shown.returncode == 4 and shown.stderr.startswith("error: no claim 'nope'")
    assert "Traceback" not in shown.stderr
