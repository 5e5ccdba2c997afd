"""Work spread over worker processes gives what the calling process would have computed,
in the same order, and a large import stores the same readings of its claims' words."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from benchmarks.generate import generate
from provenance import measures, workers
from provenance.db import open_session
from provenance.ingest import import_files
from provenance.ledger import verify_rows


def pid_and_double(x: int) -> tuple[int, int]:
    return os.getpid(), 2 * x


def test_spread_computes_here_until_the_threshold_then_in_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(workers.ENV, "2")
    items = ((f"item {i}", i) for i in range(12))
    out = list(workers.spread(pid_and_double, items, after=3))
    assert [item for item, _ in out] == [f"item {i}" for i in range(12)]
    assert [value for _, (_, value) in out] == [2 * i for i in range(12)]
    pids = [pid for _, (pid, _) in out]
    assert pids[:3] == [os.getpid()] * 3
    assert os.getpid() not in pids[3:]


def pid_and_size(x: list[int]) -> tuple[int, int]:
    return os.getpid(), len(x)


def test_spread_counts_work_by_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(workers.ENV, "2")
    items = ((i, [i] * 4) for i in range(5))
    out = list(workers.spread(pid_and_size, items, after=8, size=len))
    assert [(i, size) for i, (_, size) in out] == [(i, 4) for i in range(5)]
    pids = [pid for _, (pid, _) in out]
    assert pids[:2] == [os.getpid()] * 2, "two items of four make the threshold of eight"
    assert os.getpid() not in pids[2:]


def test_one_worker_means_all_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(workers.ENV, "1")
    out = list(workers.spread(pid_and_double, ((i, i) for i in range(5)), after=0))
    assert {pid for _, (pid, _) in out} == {os.getpid()}


def test_no_items_no_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(workers.ENV, "2")
    monkeypatch.setattr(workers, "pool", _refuse)
    assert list(workers.spread(pid_and_double, iter(()), after=0)) == []
    assert list(workers.spread(pid_and_double, ((1, 1),), after=1)) == [(1, (os.getpid(), 2))]


def _refuse(count: int) -> Any:
    raise AssertionError("no pool should be started")


@pytest.mark.parametrize(("given", "expected"), [("3", 3), ("1", 1), (" 2 ", 2)])
def test_cores_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, given: str, expected: int
) -> None:
    monkeypatch.setenv(workers.ENV, given)
    assert workers.cores() == expected


@pytest.mark.parametrize("given", ["0", "many", "", "-2"])
def test_cores_of_the_machine_unless_a_positive_number_is_given(
    monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    monkeypatch.setenv(workers.ENV, given)
    assert workers.cores() == len(os.sched_getaffinity(0))


def test_an_error_in_a_worker_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(workers.ENV, "2")
    items = ((i, -1 if i == 4 else i) for i in range(6))
    with pytest.raises(ValueError, match="negative"):
        list(workers.spread(checked_root, items, after=1))


def checked_root(x: int) -> float:
    if x < 0:
        raise ValueError("negative")
    return float(x) ** 0.5


def _import(url: str, data: Path) -> dict[str, tuple[Any, ...]]:
    with open_session(url, write=True) as session:
        import_files(session, [data], actor="test", command="test")
    with open_session(url) as session:
        conn = session.connection()
        rows = conn.execute(
            text(
                "SELECT c.key, k.version, k.digest, k.concepts, k.scopes, k.named, k.written, "
                "k.denial, k.script FROM claim c JOIN claim_cues k ON k.claim_id = c.id"
            )
        ).all()
        assert verify_rows(conn) == []
    return {r[0]: tuple(r[1:]) for r in rows}


@pytest.fixture
def spread_work(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the functions given to a pool of workers, as they are given."""
    given: list[str] = []
    real_map = workers.map_ordered

    def recorded(executor: Any, fn: Any, items: Any, ahead: int) -> Any:
        given.append(fn.__name__)
        return real_map(executor, fn, items, ahead)

    monkeypatch.setattr(workers, "map_ordered", recorded)
    return given


def test_a_large_import_reads_claims_in_workers_as_it_would_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str, spread_work: list[str]
) -> None:
    generate(600, 7, tmp_path)
    data = tmp_path / "claims.csv"
    monkeypatch.setattr(measures, "STORE_BATCH", 40)
    monkeypatch.setattr(measures, "PARALLEL_AFTER", 40)
    monkeypatch.setenv(workers.ENV, "1")
    here = _import(str(tmp_path / "here.db"), data)
    assert spread_work == []
    monkeypatch.setenv(workers.ENV, "2")
    spread = _import(db_url, data)
    assert set(spread_work) == {"read_inputs"}
    assert spread == here
    assert len(here) > 3 * 40


MARK = "as imported"


def mark(_: object) -> str:
    """This module's ``MARK`` as the worker sees it: a forked worker inherits what the
    parent set; a spawned one imports the module afresh."""
    return MARK


@pytest.mark.parametrize(("threads", "seen"), [(2, "as imported"), (1, "set by the parent")])
def test_workers_are_forked_only_while_this_process_runs_one_thread(
    monkeypatch: pytest.MonkeyPatch, threads: int, seen: str
) -> None:
    import sys
    import threading

    if sys.platform != "linux" and threads == 1:
        pytest.skip("workers are forked on Linux only")
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    monkeypatch.setattr(sys.modules[__name__], "MARK", "set by the parent")
    executor = workers.pool(1)
    try:
        assert executor.submit(mark, None).result() == seen
    finally:
        executor.shutdown()


def test_a_bulk_import_reads_claims_as_it_writes_them_and_again_once_filled_in(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str
) -> None:
    import provenance.ingest
    import provenance.ingest.writer
    from tests.helpers import row, write_csv

    rows = [
        row(claim_key="k1", claim="Shelling killed 30 people.", quantity="30 people", subject=""),
        *[
            row(
                claim_key=f"k{i}",
                claim=f"Shelling killed {i + 30} people in Kadugli.",
                quantity=f"{i + 30} people",
                url=f"https://example.org/{i}",
            )
            for i in range(2, 9)
        ],
        row(
            claim_key="k1",
            claim="Shelling killed 30 people.",
            quantity="30 people",
            subject="Kadugli",
            source="Another source",
            url="https://example.org/later",
        ),
    ]
    data = write_csv(tmp_path / "claims.csv", rows)
    fed: list[int] = []
    real_feed = measures.ReadingsAhead.feed

    def counted(self: measures.ReadingsAhead, conn: Any) -> None:
        fed.append(self.last)
        real_feed(self, conn)

    monkeypatch.setattr(provenance.ingest.writer, "BATCH_SIZE", 2)
    monkeypatch.setattr(measures.ReadingsAhead, "feed", counted)
    monkeypatch.setattr(provenance.ingest, "DEFER_MIN_ROWS", 1)
    monkeypatch.setenv(workers.ENV, "1")
    with monkeypatch.context() as one_process:
        one_process.setattr(workers, "pool", _refuse)
        here = _import(str(tmp_path / "here.db"), data)
    assert fed == [], "PROVENANCE_WORKERS=1 keeps a bulk import's reading in its process"
    monkeypatch.setenv(workers.ENV, "2")
    ahead = _import(db_url, data)
    assert len(fed) >= 4, "read batch by batch"
    assert ahead == here
    with open_session(db_url) as session:
        subject = session.connection().execute(text("SELECT subject FROM claim WHERE key = 'k1'"))
        assert subject.scalar_one() == "Kadugli"


def test_stale_readings_are_read_in_workers_as_they_would_be_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str, spread_work: list[str]
) -> None:
    generate(300, 5, tmp_path)
    with open_session(db_url, write=True) as session:
        import_files(session, [tmp_path / "claims.csv"], actor="test", command="test")
    with open_session(db_url, write=True) as session:
        session.connection().execute(text("UPDATE claim_cues SET digest = 'of other words'"))

    def cues_of(count: str) -> dict[str, tuple[Any, ...]]:
        monkeypatch.setenv(workers.ENV, count)
        with open_session(db_url) as session:
            points = measures.load_points(session.connection())
        return {p.key: (p.cues, p.measure, p.denies) for p in points}

    monkeypatch.setattr(measures, "STORE_BATCH", 20)
    monkeypatch.setattr(measures, "PARALLEL_AFTER", 20)
    here = cues_of("1")
    assert spread_work == []
    spread = cues_of("2")
    assert spread_work == ["read_inputs"]
    assert spread == here
    assert len(here) > 3 * 20
    with open_session(db_url, write=True) as session:
        conn = session.connection()
        ids = [row[0] for row in conn.execute(text("SELECT id FROM claim"))]
        assert measures.store_readings(conn, ids) == len(here)
    assert cues_of("1") == here, "as read from the readings stored anew"
