"""The README's examples print exactly what the README shows.

Each ```text block of the README runs in a fresh directory with a fresh database, into
which the shipped fixture is imported first unless the block starts by importing or
extracting; every ``$ provenance …`` line is run (at 100 columns) and its output compared
with the lines that follow it. A line ``...`` stands for any run of lines; timestamps and
the OS user in history lines are masked. Lines using shell plumbing (``>``, ``|``) and
lines naming a file the repository does not ship are skipped.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from tests.helpers import FIXTURE, ROOT

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z \S+")
Example = tuple[list[str], list[str]]


def blocks() -> list[list[Example]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```text\n(.*?)```", text, flags=re.S):
        examples = []
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, *expected = chunk.rstrip("\n").split("\n")
            examples.append((shlex.split(command), expected))
        if examples:
            found.append(examples)
    return found


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; a ``...`` line (any indent) matches any run of lines."""
    if not expected:
        return not actual
    if expected[0].strip() == "...":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def runnable(args: list[str], directory: Path) -> bool:
    if {">", "|", "<"} & set(args):
        return False
    named = [a for a in args[2:] if re.fullmatch(r"[\w./-]+\.(csv|ya?ml|json|md|html|txt)", a)]
    inputs = [a for a in named if args[1] in ("import", "extract") or a.startswith("fixtures/")]
    return all((directory / a).exists() for a in inputs)


def test_the_readme_has_examples() -> None:
    commands = [args[:2] for block in blocks() for args, _ in block]
    assert ["provenance", "import"] in commands and ["provenance", "show"] in commands
    assert ["provenance", "audit"] in commands and ["provenance", "export"] in commands


def test_readme_examples_print_what_the_readme_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, is_postgres: bool
) -> None:
    if is_postgres:
        pytest.skip("the README's examples use the default SQLite file")
    monkeypatch.delenv("PROVENANCE_DB", raising=False)
    runner = CliRunner()
    ran = 0
    for number, block in enumerate(blocks()):
        directory = tmp_path / f"block{number}"
        directory.mkdir()
        (directory / "fixtures").symlink_to(ROOT / "fixtures")
        monkeypatch.chdir(directory)
        if block[0][0][1] not in ("import", "extract"):
            assert runner.invoke(app, ["import", str(FIXTURE)]).exit_code == 0
        for args, expected in block:
            assert args[0] == "provenance"
            if not runnable(args, directory):
                continue
            result = runner.invoke(app, args[1:], env={"COLUMNS": "100"})
            actual = [STAMP.sub("<stamp>", line) for line in result.output.splitlines()]
            wanted = [STAMP.sub("<stamp>", line) for line in expected]
            assert matches(wanted, actual), "\n".join(
                [f"$ {shlex.join(args)}", "--- README", *wanted, "--- printed", *actual]
            )
            ran += 1
        monkeypatch.chdir(ROOT)
    assert ran >= 10, ran
    assert os.environ.get("PROVENANCE_DB") is None
