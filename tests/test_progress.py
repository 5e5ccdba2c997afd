"""Progress: the library reports through its callback and never prints; the command
line draws bars on stderr only when stderr is a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.conflicts import find_conflicts
from provenance.db import open_session
from provenance.dedupe import find_duplicates
from provenance.ingest import import_files, writer
from provenance.measures import list_measures
from tests.helpers import FIXTURE, synthetic_rows, write_csv

Calls = list[tuple[str, int, int | None]]


def recorder() -> tuple[Calls, Any]:
    calls: Calls = []

    def on_progress(stage: str, done: int, total: int | None) -> None:
        calls.append((stage, done, total))

    return calls, on_progress


def last(calls: Calls, stage: str) -> tuple[int, int | None]:
    found = [(done, total) for s, done, total in calls if s == stage]
    assert found, f"no {stage!r} in {calls}"
    return found[-1]


def test_import_reports_the_attributions_read(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "BATCH_SIZE", 10)
    path = write_csv(tmp_path / "rows.csv", synthetic_rows(25, "p"))
    calls, on_progress = recorder()
    with open_session(db_url, write=True) as session:
        report = import_files(
            session, [path], actor="tester", command="test", on_progress=on_progress
        )
    assert report.counts.attributions == 25
    assert calls == [("importing", 10, None), ("importing", 20, None)]


def test_conflicts_dedupe_and_measures_report_reading_and_comparing(fixture_db: str) -> None:
    with open_session(fixture_db) as session:
        conflicts_calls, on_progress = recorder()
        find_conflicts(session, on_progress=on_progress)
        dedupe_calls, on_dedupe = recorder()
        find_duplicates(session, on_progress=on_dedupe)
        measure_calls, on_measures = recorder()
        list_measures(session.connection(), on_progress=on_measures)
    for calls in (conflicts_calls, dedupe_calls, measure_calls):
        assert calls[0] == ("reading claims", 0, 22)
        assert last(calls, "reading claims") == (22, 22)
    for calls in (conflicts_calls, dedupe_calls):
        done, total = last(calls, "comparing claims")
        assert done == total
    assert {s for s, _, _ in measure_calls} == {"reading claims"}


COMMANDS = [
    ["conflicts"],
    ["dedupe"],
    ["measures"],
    ["facets", "--by", "measure"],
    ["export", "-o", "out.csv"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_no_progress_when_stderr_is_not_a_terminal(
    fixture_db: str, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 5), result.output
    assert "\x1b" not in result.stderr
    assert "reading" not in result.stderr and "exporting" not in result.stderr


def test_import_shows_nothing_but_its_report_off_a_terminal(db_url: str) -> None:
    result = CliRunner().invoke(app, ["import", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_a_terminal_on_stderr_sees_the_bar(fixture_db: str, tmp_path: Path) -> None:
    """Run for real with stderr on a pseudo-terminal: the bar is drawn there (and erased),
    and stdout, a pipe, holds only the report."""
    leader, follower = pty.openpty()
    env = {**os.environ, "PROVENANCE_DB": fixture_db, "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.run(
        [sys.executable, "-m", "provenance", "measures", "-f", "csv"],
        stdout=subprocess.PIPE,
        stderr=follower,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(leader)
    assert proc.returncode == 0
    assert proc.stdout.startswith(b"measure,")
    assert b"reading claims" in drawn
    assert b"reading claims" not in proc.stdout
