"""Concurrent processes: importers wait for each other, readers never see half an import,
and the event log is append-only at the database level.

Every process is a real OS process (the console script, and a reader started with
``python -c``), so SQLite's file locks and PostgreSQL's transactions are what is tested.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import DBAPIError

from provenance.db import resolve_url
from tests.conftest import PG_URL
from tests.helpers import FIXTURE, SYNTHETIC_SOURCES, count, synthetic_rows, write_csv

TIMEOUT = 120
FIXTURE_ATTRIBUTIONS = 26

# Counts attributions in a loop until the stop file appears (then once more), through the
# library's engine (WAL, busy timeout, a read transaction per query), and writes what it saw.
READER = r"""
import json, sys
from pathlib import Path
from sqlalchemy import text
from provenance.db import make_engine, resolve_url

url, out, stop = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
engine = make_engine(resolve_url(url), write=False)
seen, errors, reads = {}, [], 0
while True:
    last = stop.exists()
    try:
        with engine.connect() as conn:
            n = conn.execute(text("SELECT COUNT(*) FROM attribution")).scalar_one()
        seen[n] = seen.get(n, 0) + 1
        reads += 1
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}"[:300])
    out.with_suffix(".ready").touch()
    if last:
        break
out.write_text(json.dumps({"seen": seen, "errors": errors[:20], "reads": reads}))
"""


def provenance_cmd() -> list[str]:
    """The installed console script (there is no ``python -m provenance.cli``)."""
    exe = Path(sys.executable).with_name("provenance")
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "from provenance.cli import main; main()"]


SOURCES = SYNTHETIC_SOURCES[:3]  # both files name the same sources, as real files do


def synthetic_csv(path: Path, n: int, prefix: str) -> Path:
    return write_csv(path, synthetic_rows(n, prefix, noun="shells", sources=SOURCES))


def start_import(path: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*provenance_cmd(), "import", str(path), "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    results = []
    for p in procs:
        out, err = p.communicate(timeout=TIMEOUT)
        results.append((p.returncode, out, err))
    return results


def import_events(db: str) -> tuple[int, int]:
    return count(db, "import_batch"), count(db, "event", "action = 'import'")


@pytest.mark.slow
def test_two_importers_and_a_reader_see_whole_imports_only(
    db_url: str, tmp_path: Path, cli: Any
) -> None:
    assert cli("import", str(FIXTURE)).exit_code == 0  # creates the schema, and a base to keep
    base = FIXTURE_ATTRIBUTIONS
    n1, n2 = 10_000, 12_000
    first = synthetic_csv(tmp_path / "first.csv", n1, "first")
    second = synthetic_csv(tmp_path / "second.csv", n2, "second")

    out, stop = tmp_path / "reads.json", tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, db_url, str(out), str(stop)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not out.with_suffix(".ready").exists():
        assert reader.poll() is None, reader.stderr.read() if reader.stderr else ""
        assert time.monotonic() < deadline, "the reader did not start"
        time.sleep(0.02)

    results = finish([start_import(first, db_url), start_import(second, db_url)])
    stop.touch()
    _, reader_err = reader.communicate(timeout=TIMEOUT)
    assert reader.returncode == 0, reader_err
    reads = json.loads(out.read_text())
    seen = {int(k): v for k, v in reads["seen"].items()}

    assert reads["errors"] == [], reads["errors"]
    # Never half an import: only the states between whole transactions were visible.
    assert set(seen) <= {base, base + n1, base + n2, base + n1 + n2}, seen
    assert base in seen  # the reader was running before the imports committed
    assert reads["reads"] >= 20, reads
    batches, events = import_events(db_url)
    assert batches == events
    final = count(db_url, "attribution")
    for rc, _, err in results:
        assert rc == 0, err
        assert "locked" not in err
    assert final == base + n1 + n2
    assert base + n1 + n2 in seen
    assert batches == 3


@pytest.mark.slow
def test_the_same_file_imported_twice_at_once_leaves_one_copy(
    db_url: str, tmp_path: Path, cli: Any
) -> None:
    assert cli("import", str(FIXTURE)).exit_code == 0
    n = 8_000
    data = synthetic_csv(tmp_path / "same.csv", n, "same")
    results = finish([start_import(data, db_url), start_import(data, db_url)])

    assert count(db_url, "claim", "key LIKE 'same-%'") == n
    assert count(db_url, "document", "url LIKE 'https://example.org/same/%'") == n
    assert count(db_url, "attribution") == FIXTURE_ATTRIBUTIONS + n
    batches, events = import_events(db_url)
    assert batches == events
    for rc, _, err in results:
        assert rc == 0, err
    outputs = sorted(o.split(";")[0] for _, o, _ in results)
    assert outputs == [
        f"imported 0 claims, 0 attributions, 0 sources, 0 documents ({n} already present)",
        f"imported {n} claims, {n} attributions, {len(SOURCES)} sources, {n} documents "
        "(0 already present)",
    ]
    assert batches == 3


def test_event_log_is_append_only_in_the_database(fixture_db: str) -> None:
    statements = [
        "UPDATE event SET actor = 'mallory' WHERE id = (SELECT MIN(id) FROM event)",
        "DELETE FROM event WHERE id = (SELECT MIN(id) FROM event)",
        "DELETE FROM event",  # a bare DELETE: SQLite's truncate optimisation must not apply
    ]
    if PG_URL:
        # CASCADE, since review references event and a plain TRUNCATE fails on that alone.
        statements.append("TRUNCATE event CASCADE")
    engine = create_engine(resolve_url(fixture_db))
    try:
        before = count(fixture_db, "event")
        assert before > 0
        for sql in statements:
            with pytest.raises(DBAPIError, match="event is append-only"), engine.begin() as conn:
                conn.exec_driver_sql(sql)
        assert count(fixture_db, "event") == before
        assert count(fixture_db, "event", "actor = 'mallory'") == 0
    finally:
        engine.dispose()


@pytest.mark.slow
def test_two_first_commands_create_the_schema_once(db_url: str) -> None:
    """Two imports into an empty database at once: one creates the schema, the other
    waits for it (BEGIN IMMEDIATE on SQLite, the writers' advisory lock on PostgreSQL)."""
    results = finish([start_import(FIXTURE, db_url), start_import(FIXTURE, db_url)])
    for rc, _, err in results:
        assert rc == 0, err
    assert count(db_url, "attribution") == FIXTURE_ATTRIBUTIONS
    assert import_events(db_url) == (2, 2)
