"""kill -9 robustness: an import, a merge, an unmerge, an edit and ``dedupe --apply`` are
all-or-nothing; an export never leaves half a file.

The CLI runs in a subprocess that is killed with SIGKILL after seeded random delays spread
over the duration of an unkilled run (measured first), so kills can land in every phase:
interpreter start-up, schema check, parsing, the bulk-write flushes (one per 5000 rows, the
first chance for half an import to become visible) and the commit. After every kill the
database must hold either the state before the import or the whole import, never a part of
it; an export's target must hold either its old content or the complete new file.

The changes (merge, unmerge, edit, dedupe --apply) hold the write lock for a few
milliseconds to a few hundred; besides the kills spread over a run, each is killed at
random moments after it is seen holding the write lock (its record beside a SQLite
database, its advisory lock on PostgreSQL). After every kill the data is as before or as
after an unkilled run and ``check`` passes; a run that finished is reversed (unmerge,
merge, the edit back) so the next kill starts from the same state.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

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


# --- merge, unmerge, edit, dedupe --apply ---------------------------------------------------

CHANGE_KILLS = 6  # per command, spread over an unkilled run
LOCKED_KILLS = 4  # per command, more, each while the write lock is held
MERGE_REPORTS = 1_500  # reports on each of the two claims merged, moved as one transaction
DUPLICATE_PAIRS = 60  # clusters that dedupe --apply merges in one transaction
EDITED_LOCATION = "Snake Island"


def change_rows() -> list[dict[str, Any]]:
    """Two claims with many reports each, and pairs of claims worded alike."""
    rows = []
    for key in ("big-a", "big-b"):
        for i in range(MERGE_REPORTS):
            name, kind, named, affiliation = helpers.SYNTHETIC_SOURCES[i % 4]
            rows.append(
                helpers.row(
                    claim_key=key,
                    claim=f"Claim {key}: close to 60,000 troops in Kursk.",
                    source=name,
                    source_kind=kind,
                    source_named=named,
                    source_affiliation=affiliation,
                    url=f"https://example.org/{key}/{i}",
                )
            )
    for i in range(DUPLICATE_PAIRS):
        for j in range(2):
            rows.append(
                helpers.row(
                    claim_key=f"dup-{i}-{j}",
                    claim=f"Brigade {i} says about {1000 + i} soldiers crossed near village {i}.",
                    subject=f"brigade {i}",
                    metric="crossed",
                    quantity=f"about {1000 + i} soldiers",
                    quote=f"about {1000 + i} soldiers",
                    location=f"village {i}",
                    url=f"https://example.org/dup/{i}/{j}",
                )
            )
    return rows


def data_snapshot(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every data row, without ``updated_at`` (an edit undone by another edit restores
    the values, not the time)."""
    tables = ("source", "source_alias", "document", "claim", "attribution", "relay", "review")
    with open_session(db) as session:
        conn = session.connection()
        out = {}
        for t in tables:
            cols = [c["name"] for c in inspect(conn).get_columns(t) if c["name"] != "updated_at"]
            out[t] = [
                tuple(r)
                for r in conn.execute(text(f"SELECT {', '.join(cols)} FROM {t} ORDER BY 1"))
            ]
        return out


def check_problems(db: str) -> list[str]:
    from provenance.audit import check

    with open_session(db) as session:
        return check(session).problems


def write_lock_held_by(db: str, pid: int) -> bool:
    """Does process ``pid`` hold the database's write lock (inside a write transaction)?"""
    if not PG_URL:
        record = Path(f"{db}-writer")
        with contextlib.suppress(OSError, ValueError):
            return bool(json.loads(record.read_text(encoding="utf-8"))["pid"] == pid)
        return False
    with open_session(db) as session:
        return bool(
            session.connection()
            .execute(
                text(
                    "SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                    "WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE :app"
                ),
                {"app": f"provenance:{pid}@%"},
            )
            .scalar_one()
        )


@dataclass
class Watched:
    killed: bool = False
    held_at_kill: bool = False
    hold: float = 0.0  # how long the write lock was seen held (an unkilled run)


def run_watching_the_lock(args: list[str], db: str, delay: float | None) -> Watched:
    """Run the CLI and poll whether it holds the write lock. With ``delay``, kill it that
    many seconds after the lock is first seen held (if it still runs)."""
    proc = subprocess.Popen(
        [*provenance_cmd(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    result = Watched()
    seen: float | None = None
    try:
        deadline = time.monotonic() + TIMEOUT
        while proc.poll() is None:
            assert time.monotonic() < deadline, "the command did not end"
            held = write_lock_held_by(db, proc.pid)
            now = time.monotonic()
            if held and seen is None:
                seen = now
            if held:
                result.hold = now - seen if seen is not None else 0.0
            if delay is not None and seen is not None and now - seen >= delay:
                result.held_at_kill = held
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=TIMEOUT)
                result.killed = True
                return result
            time.sleep(0.001)
        assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
        return result
    finally:
        if proc.stderr:
            proc.stderr.close()


def kill_loop(db: str, args: list[str], back: Any, seed: int) -> tuple[int, int]:
    """Kill ``args`` at random moments; after each kill the data is as before or as after
    an unkilled run and ``check`` passes. ``back`` turns the after state into the before
    state (unkilled). Returns (runs killed, kills while the lock was held)."""
    args = [*args, "--db", db]
    old = data_snapshot(db)
    assert check_problems(db) == []
    started = time.monotonic()
    hold = run_watching_the_lock(args, db, None).hold
    duration = time.monotonic() - started
    new = data_snapshot(db)
    assert new != old
    back(db)
    assert data_snapshot(db) == old

    def verify(where: str) -> None:
        if not PG_URL:
            sqlite_checks(db)
        state = data_snapshot(db)
        assert state in (old, new), where
        assert check_problems(db) == [], where
        if state == new:
            back(db)
            assert data_snapshot(db) == old, where

    rng = random.Random(seed)
    killer = Killer(duration)
    for fraction in stratified(rng, CHANGE_KILLS, 0.05, 1.05):
        delay = killer.run(args, fraction)
        verify(f"{args[0]} after a kill at {delay:.2f}s of {killer.duration:.2f}s")
    killed, locked = killer.killed, 0
    for attempt in range(LOCKED_KILLS * 4):
        if locked >= LOCKED_KILLS:
            break
        delay = rng.uniform(0, hold)
        watched = run_watching_the_lock(args, db, delay)
        killed += watched.killed
        locked += watched.held_at_kill
        verify(f"{args[0]} after a kill {delay:.3f}s into its write lock (attempt {attempt})")
    return killed, locked


def cli_ok(db: str, *args: str) -> None:
    done = subprocess.run(
        [*provenance_cmd(), *args, "--db", db], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture
def changes_db(db_url: str, tmp_path: Path, cli: Any) -> str:
    assert cli("import", str(FIXTURE)).exit_code == 0
    assert cli("import", str(write_csv(tmp_path / "changes.csv", change_rows()))).exit_code == 0
    return db_url


def assert_enough(counts: tuple[int, int], runs: int) -> None:
    killed, locked = counts
    assert killed >= runs - 3, f"only {killed} runs were killed"
    assert locked >= 1, f"no kill landed while the lock was held ({killed} killed)"
    print(f"{killed} killed, {locked} of them holding the write lock")


@pytest.mark.slow
def test_merge_killed_at_random_moments_is_all_or_nothing(changes_db: str) -> None:
    counts = kill_loop(
        changes_db,
        ["merge", "big-a", "big-b", "--reason", "same"],
        lambda db: cli_ok(db, "unmerge", "big-b"),
        SEED,
    )
    assert_enough(counts, CHANGE_KILLS + LOCKED_KILLS)


@pytest.mark.slow
def test_unmerge_killed_at_random_moments_is_all_or_nothing(changes_db: str) -> None:
    cli_ok(changes_db, "merge", "big-a", "big-b", "--reason", "same")
    counts = kill_loop(
        changes_db,
        ["unmerge", "big-b"],
        lambda db: cli_ok(db, "merge", "big-a", "big-b", "--reason", "same"),
        SEED + 1,
    )
    assert_enough(counts, CHANGE_KILLS + LOCKED_KILLS)


@pytest.mark.slow
def test_edit_killed_at_random_moments_is_all_or_nothing(changes_db: str) -> None:
    with open_session(changes_db) as session:
        location = (
            session.connection()
            .execute(text("SELECT location FROM claim WHERE key = 'big-a'"))
            .scalar_one()
        )

    def edit(to: str) -> list[str]:
        return ["edit", "claim", "big-a", "--set", f"location={to}", "--reason", "test"]

    counts = kill_loop(
        changes_db, edit(EDITED_LOCATION), lambda db: cli_ok(db, *edit(location)), SEED + 2
    )
    assert_enough(counts, CHANGE_KILLS + LOCKED_KILLS)


@pytest.mark.slow
def test_dedupe_apply_killed_at_random_moments_is_all_or_nothing(changes_db: str) -> None:
    def unmerge_all(db: str) -> None:
        from provenance.merge import unmerge_claim

        with open_session(db, write=True) as session:
            merged = session.connection().execute(
                text("SELECT key FROM claim WHERE status = 'merged' ORDER BY key")
            )
            for (key,) in merged.all():
                unmerge_claim(session, key, actor="test", command="test")

    counts = kill_loop(changes_db, ["dedupe", "--apply", "--yes"], unmerge_all, SEED + 3)
    assert_enough(counts, CHANGE_KILLS + LOCKED_KILLS)
