"""A writer that finds another writing waits as long as that one runs, saying for whom,
or with ``--no-wait`` fails at once; on both backends.

The long writer is a real import held open under control: a helper process imports a
generated file through the library, says so by creating a file, and commits only when
told to (another file appears). Every step waits for an event (a file, a line on
stderr, a process ending), with generous bounds, never for a guessed duration.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from provenance.db import default_actor, open_session
from provenance.errors import DatabaseBusyError
from provenance.writer_lock import NOTICE_AFTER, Holder
from tests.conftest import PG_URL
from tests.helpers import count, synthetic_rows, write_csv

TIMEOUT = 120
LONG_ROWS = 2_000
EDITED = "isw-geolocated-footage-progress-southeast-of-korenevo"

# Imports a file in one write session, announces that it holds the lock (the ready file),
# and commits once the stop file appears.
HOLDER = r"""
import sys, time
from pathlib import Path
from provenance.db import open_session
from provenance.ingest import import_files

db, data, ready, stop = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
with open_session(db, write=True, activity="import") as session:
    import_files(session, [data], actor="holder", command="provenance import")
    ready.touch()
    while not stop.exists():
        time.sleep(0.02)
"""


def provenance_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("provenance")
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "from provenance.cli import main; main()"]


@dataclass
class LongImport:
    proc: subprocess.Popen[str]
    stop: Path

    def finish(self) -> None:
        self.stop.touch()
        _, err = self.proc.communicate(timeout=TIMEOUT)
        assert self.proc.returncode == 0, err


@pytest.fixture
def long_import(fixture_db: str, tmp_path: Path) -> Iterator[LongImport]:
    data = write_csv(tmp_path / "long.csv", synthetic_rows(LONG_ROWS, "long"))
    ready, stop = tmp_path / "ready", tmp_path / "stop"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, fixture_db, str(data), str(ready), str(stop)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + TIMEOUT
    while not ready.exists():
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "the long import never took the lock"
        time.sleep(0.02)
    held = LongImport(proc, stop)
    try:
        yield held
    finally:
        stop.touch()
        if proc.poll() is None:
            proc.communicate(timeout=TIMEOUT)


def holder_text(pid: int) -> str:
    """How the long import is named to those who wait for it."""
    return (
        r"the import started at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC "
        rf"by {re.escape(default_actor())} \(pid {pid}\)"
    )


def edit_args(*extra: str) -> list[str]:
    return [
        *provenance_cmd(),
        "edit",
        "claim",
        EDITED,
        "--set",
        "location=Snake Island",
        "--reason",
        "test",
        *extra,
    ]


def lines_of(stream: Any) -> queue.Queue[str]:
    """The stream's lines as they come, read by a thread so the test can wait with a bound."""
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def test_an_edit_waits_for_a_long_import_says_for_whom_and_succeeds(
    long_import: LongImport, fixture_db: str
) -> None:
    # A busy timeout of 1 s: the edit must wait far longer than that, as long as the import runs.
    env = {**os.environ, "PROVENANCE_BUSY_TIMEOUT_MS": "1000"}
    edit = subprocess.Popen(
        edit_args(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    started = time.monotonic()
    stderr = lines_of(edit.stderr)
    line = stderr.get(timeout=TIMEOUT)
    waited = time.monotonic() - started
    assert re.fullmatch(f"waiting for {holder_text(long_import.proc.pid)} to finish\n", line), line
    assert waited >= NOTICE_AFTER
    assert edit.poll() is None  # still waiting: the import has not committed
    assert count(fixture_db, "claim", "key LIKE 'long-%'") == 0

    long_import.finish()
    out, _ = edit.communicate(timeout=TIMEOUT)
    assert edit.returncode == 0, list(stderr.queue)
    assert stderr.empty()
    assert out == (
        f"claim {EDITED}: location 'southeast of Korenevo, Kursk Oblast' → 'Snake Island' (event 3)\n"
    )
    assert count(fixture_db, "claim", "key LIKE 'long-%'") == LONG_ROWS
    assert count(fixture_db, "claim", "location = 'Snake Island'") == 1
    check = subprocess.run(
        [*provenance_cmd(), "check"], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_no_wait_fails_at_once_with_one_line_and_exit_6(
    long_import: LongImport, fixture_db: str, tmp_path: Path
) -> None:
    small = write_csv(tmp_path / "small.csv", synthetic_rows(3, "small"))
    events = count(fixture_db, "event")
    for args in (
        edit_args("--no-wait"),
        [*provenance_cmd(), "import", str(small), "--no-wait"],
        [*provenance_cmd(), "retract", EDITED, "--reason", "test", "--no-wait"],
    ):
        # Were it to wait, it would wait for ever: the import commits only when told to.
        done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT)
        assert done.returncode == 6, done.stderr
        assert done.stdout == ""
        assert re.fullmatch(
            f"error: database is busy: {holder_text(long_import.proc.pid)} is writing to it\n",
            done.stderr,
        ), done.stderr
    assert long_import.proc.poll() is None
    long_import.finish()
    assert count(fixture_db, "event") == events + 1  # the long import's, nothing else
    assert count(fixture_db, "claim", "key LIKE 'small-%'") == 0


def test_a_killed_writer_holds_nobody_up(long_import: LongImport, fixture_db: str) -> None:
    long_import.proc.send_signal(signal.SIGKILL)
    long_import.proc.wait(timeout=TIMEOUT)
    # SQLite releases the lock with the process: --no-wait succeeds, though the killed
    # writer's record is left behind. PostgreSQL ends the transaction when it sees the
    # connection close, a moment later: the edit waits for that.
    extra = () if PG_URL else ("--no-wait",)
    done = subprocess.run(edit_args(*extra), capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    assert "waiting" not in done.stderr
    assert count(fixture_db, "claim", "key LIKE 'long-%'") == 0
    assert count(fixture_db, "claim", "location = 'Snake Island'") == 1


def test_the_library_tells_whom_it_waits_for_and_never_prints(
    long_import: LongImport, fixture_db: str, capfd: pytest.CaptureFixture[str]
) -> None:
    with (
        pytest.raises(DatabaseBusyError) as raised,
        open_session(fixture_db, write=True, wait=False),
    ):
        pass
    assert re.fullmatch(
        f"database is busy: {holder_text(long_import.proc.pid)} is writing to it", str(raised.value)
    )
    assert raised.value.exit_code == 6

    told: list[Holder] = []

    def release(holder: Holder) -> None:
        told.append(holder)
        long_import.stop.touch()  # the import commits once this writer has said it waits

    with open_session(fixture_db, write=True, on_wait=release) as session:
        session.connection()
    long_import.finish()
    assert [(h.activity, h.user, h.pid) for h in told] == [
        ("import", default_actor(), long_import.proc.pid)
    ]
    assert capfd.readouterr() == ("", "")


def test_a_second_write_session_in_one_process_fails_instead_of_waiting_for_itself(
    fixture_db: str,
) -> None:
    with open_session(fixture_db, write=True) as outer:
        outer.connection()
        with (
            pytest.raises(DatabaseBusyError, match="this process is already writing to it"),
            open_session(fixture_db, write=True) as inner,
        ):
            inner.connection()
    assert count(fixture_db, "claim") == 22


def leaf_commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    subs = getattr(command, "commands", {})
    if command.callback is not None and (not subs or path):
        yield " ".join(path), command
    for name, sub in subs.items():
        yield from leaf_commands(sub, (*path, name))


def test_every_command_that_opens_a_write_session_takes_no_wait() -> None:
    import inspect

    import typer

    from provenance.cli import app

    writers = {}
    for name, command in leaf_commands(typer.main.get_command(app)):
        if "write=True" in inspect.getsource(command.callback):
            writers[name] = "--no-wait" in {o for p in command.params for o in p.opts}
    assert len(writers) >= 15, writers
    assert [name for name, has in writers.items() if not has] == []
