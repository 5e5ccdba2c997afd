"""kill -9 robustness: an import is all-or-nothing, an export never leaves half a file.

The CLI runs in a subprocess that is killed with SIGKILL after seeded random delays spread
over the duration of an unkilled run (measured first), so kills can land in every phase:
interpreter start-up, schema check, parsing, the bulk-write flushes (one per 5000 rows, the
first chance for half an import to become visible) and the commit. After every kill the
database must hold either the state before the import or the whole import, never a part of
it; an export's target must hold either its old content or the complete new file.
"""

from __future__ import annotations

import contextlib
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from provenance.db import open_session
from tests import helpers
from tests.conftest import PG_URL
from tests.helpers import FIXTURE, write_csv

IMPORT_ROWS = 12_000  # ~3 s on SQLite, ~4 s on PostgreSQL (2 cores): flushes at 5000, 10000, 12000
IMPORT_KILLS = 12
EXPORT_ROWS = 6_000  # ~1.5 s export, megabytes written through the temporary file
EXPORT_KILLS = 5  # per scenario (target exists / target absent)
SEED = 20241116
TIMEOUT = 120

RELAYS = ["Reuters", "Associated Press", "Kyiv Independent", ""]


def provenance_cmd() -> list[str]:
    """The installed console script (there is no ``python -m provenance.cli``)."""
    exe = Path(sys.executable).with_name("provenance")
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "from provenance.cli import main; main()"]


def synthetic_rows(n: int, prefix: str) -> list[dict[str, Any]]:
    return helpers.synthetic_rows(n, prefix, relays=RELAYS)


def stratified(rng: random.Random, n: int, start: float, end: float) -> list[float]:
    """One random point in each of ``n`` equal slices of [start, end], ascending."""
    width = (end - start) / n
    return [start + width * (i + rng.random()) for i in range(n)]


class Killer:
    """Runs the CLI and SIGKILLs it at a given fraction of an unkilled run's duration.

    The duration estimate only shrinks: a run that finishes before its kill (the machine was
    busier when the estimate was measured) lowers it, so later kills still land mid-way.
    """

    def __init__(self, duration: float) -> None:
        self.duration = duration
        self.killed = 0

    def run(self, args: list[str], fraction: float, before_kill: Any = None) -> float:
        """Returns the delay used; asserts that an unkilled run succeeded."""
        delay = fraction * self.duration
        started = time.monotonic()
        proc = subprocess.Popen(
            [*provenance_cmd(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            if before_kill is not None:
                before_kill()
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=TIMEOUT)
            self.killed += 1
        else:
            assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
            self.duration = min(self.duration, time.monotonic() - started)
        finally:
            if proc.stderr:
                proc.stderr.close()
        return delay

    def kill_while(self, args: list[str], condition: Any) -> bool:
        """SIGKILL the CLI as soon as ``condition()`` holds; whether it held when killed.

        The process is stopped (SIGSTOP) before the condition is checked again, so a kill
        said to land while the condition held really did, however fast the command runs.
        """
        proc = subprocess.Popen(
            [*provenance_cmd(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + TIMEOUT
        while proc.poll() is None and not condition():
            assert time.monotonic() < deadline, "the command neither finished nor got there"
            time.sleep(0.001)
        if proc.poll() is not None:
            assert proc.returncode == 0
            return False
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGSTOP)
        landed = proc.poll() is None and condition()
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=TIMEOUT)
        self.killed += 1
        return landed


# --- import ---------------------------------------------------------------------------------

TABLES = ("source", "document", "claim", "attribution", "relay", "import_batch")


def db_state(db: str) -> dict[str, int]:
    """Row counts plus the all-or-nothing invariants, read through the library."""
    with open_session(db) as session:
        conn = session.connection()

        def scalar(sql: str) -> int:
            return int(conn.execute(text(sql)).scalar_one())

        state = {t: scalar(f"SELECT COUNT(*) FROM {t}") for t in TABLES}
        state["import_events"] = scalar("SELECT COUNT(*) FROM event WHERE action = 'import'")
        state["unfinished_batches"] = scalar(
            "SELECT COUNT(*) FROM import_batch WHERE finished_at IS NULL"
        )
        finished = "SELECT id FROM import_batch WHERE finished_at IS NOT NULL"
        for t in ("source", "document", "claim", "attribution"):
            state[f"{t}_outside_finished_batch"] = scalar(
                f"SELECT COUNT(*) FROM {t} WHERE batch_id IS NULL OR batch_id NOT IN ({finished})"
            )
        state["import_events_outside_finished_batch"] = scalar(
            "SELECT COUNT(*) FROM event WHERE action = 'import' "
            f"AND (batch_id IS NULL OR batch_id NOT IN ({finished}))"
        )
    return state


def sqlite_checks(path: str) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def data_counts(state: dict[str, int]) -> dict[str, int]:
    return {t: state[t] for t in ("source", "document", "claim", "attribution", "relay")}


@pytest.mark.slow
def test_import_killed_at_random_moments_is_all_or_nothing(
    db_url: str, tmp_path: Path, cli: Any
) -> None:
    # The old state is not empty: the fixture, whose rows must survive every kill.
    assert cli("import", str(FIXTURE)).exit_code == 0
    data = write_csv(tmp_path / "big.csv", synthetic_rows(IMPORT_ROWS, "crash"))
    before = db_state(db_url)

    # The unkilled duration, measured with --dry-run (the same work, rolled back at the end).
    started = time.monotonic()
    dry = subprocess.run(
        [*provenance_cmd(), "import", str(data), "--db", db_url, "--dry-run", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    duration = time.monotonic() - started
    assert dry.returncode == 0, dry.stderr
    created = json.loads(dry.stdout)["created"]
    assert created["claims"] == created["attributions"] == created["documents"] == IMPORT_ROWS
    assert db_state(db_url) == before

    old = data_counts(before)
    new = {
        "source": old["source"] + created["sources"],
        "document": old["document"] + IMPORT_ROWS,
        "claim": old["claim"] + IMPORT_ROWS,
        "attribution": old["attribution"] + IMPORT_ROWS,
        "relay": old["relay"] + sum(1 for i in range(IMPORT_ROWS) if RELAYS[i % len(RELAYS)]),
    }
    killer = Killer(duration)
    # Up to a little past the measured duration, so the commit and checkpoint are covered.
    for fraction in stratified(random.Random(SEED), IMPORT_KILLS, 0.05, 1.05):
        delay = killer.run(["import", str(data), "--db", db_url], fraction)
        if not PG_URL:
            sqlite_checks(db_url)
        state = db_state(db_url)
        where = f"after a kill at {delay:.2f}s of {killer.duration:.2f}s"
        assert data_counts(state) in (old, new), where
        assert state["import_batch"] == state["import_events"], where
        assert state["unfinished_batches"] == 0, where
        for key, value in state.items():
            if key.endswith("_outside_finished_batch"):
                assert value == 0, f"{key} {where}"
    # Most runs really were killed mid-way, not after finishing.
    assert killer.killed >= IMPORT_KILLS - 3, f"only {killer.killed} runs were killed"

    final = subprocess.run(
        [*provenance_cmd(), "import", str(data), "--db", db_url],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert final.returncode == 0, final.stderr
    if not PG_URL:
        sqlite_checks(db_url)
    state = db_state(db_url)
    assert data_counts(state) == new
    assert state["import_batch"] == state["import_events"] >= before["import_batch"] + 1
    assert state["unfinished_batches"] == 0


# --- export ---------------------------------------------------------------------------------


def partials(directory: Path, name: str) -> list[Path]:
    return sorted(directory.glob(f".{name}.*.partial"))


def partial_written(directory: Path, name: str) -> bool:
    """Has a temporary file of the export to ``name`` got content yet?"""
    for p in partials(directory, name):
        with contextlib.suppress(FileNotFoundError):  # renamed meanwhile
            if p.stat().st_size > 0:
                return True
    return False


@pytest.mark.slow
def test_killed_export_never_leaves_a_partial_target(db_url: str, tmp_path: Path, cli: Any) -> None:
    data = write_csv(tmp_path / "data.csv", synthetic_rows(EXPORT_ROWS, "exp"))
    assert cli("import", str(data)).exit_code == 0
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    # A clean export, timed; polling shows when its temporary file starts to fill, so the kills
    # can be spread over the writing phase rather than interpreter start-up.
    reference = tmp_path / "reference.csv"
    started = time.monotonic()
    clean = subprocess.Popen(
        [*provenance_cmd(), "export", "-o", str(reference), "--db", db_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    writing_from = None
    while clean.poll() is None:
        if writing_from is None and partial_written(tmp_path, reference.name):
            writing_from = time.monotonic() - started
        time.sleep(0.005)
    duration = time.monotonic() - started
    assert clean.returncode == 0
    complete = reference.read_bytes()
    assert complete.count(b"\n") == EXPORT_ROWS + 1
    start = (writing_from or 0.0) / duration * 0.9

    target = out_dir / "citations.csv"
    old = b"key,claim\nprevious,export that must survive\n"
    killer = Killer(duration)
    writing: list[bool] = []  # for each kill: was the temporary file being written?

    def note_writing() -> None:
        writing.append(partial_written(out_dir, target.name))

    def kill_once(existing: bool, fraction: float | None) -> None:
        """Kill an export at ``fraction`` of a clean run, or (None) while it writes."""
        if existing:
            target.write_bytes(old)
        else:
            target.unlink(missing_ok=True)
        args = ["export", "-o", str(target), "--force", "--db", db_url]
        if fraction is None:
            writing.append(killer.kill_while(args, lambda: partial_written(out_dir, target.name)))
            where = f"after a kill while writing (target existed: {existing})"
        else:
            delay = killer.run(args, fraction, note_writing)
            where = f"after a kill at {delay:.2f}s (target existed: {existing})"
        if target.exists():
            assert target.read_bytes() in ((old, complete) if existing else (complete,)), where
        else:
            assert not existing, f"the existing target disappeared {where}"
        # Nothing else appears beside the target: only the temporary files may remain.
        leftovers = {p.name for p in out_dir.iterdir()} - {target.name}
        assert leftovers == {p.name for p in partials(out_dir, target.name)}, where
        for p in partials(out_dir, target.name):
            p.unlink()

    rng = random.Random(SEED)
    for existing in (True, False):
        for fraction in stratified(rng, EXPORT_KILLS, start, 1.05):
            kill_once(existing, fraction)
    # Timed kills can miss the writing phase (a busy machine, a fast export); add kills
    # made while the temporary file is being written, so a half-written file is always tested.
    for extra in range(20):
        if sum(writing) >= 3:
            break
        kill_once(extra % 2 == 0, None)
    assert sum(writing) >= 3, f"too few kills landed while the export was writing: {writing}"
