"""Pure work spread over the machine's cores, in worker processes.

Only computations that depend on their arguments alone go to workers (what a claim's
words say, for instance); the database is read and written by the calling process,
never by a worker. Workers are forked where the platform can (Linux) and the caller runs
a single thread: they start at once, with what the caller has loaded, and need nothing
of its ``__main__``; an open connection they inherit is never used, and a forked worker
ends without running exit handlers. Otherwise (another thread running, as a progress bar
does; macOS, Windows) they are spawned: a fresh interpreter that costs about a second to
start and imports the caller's main module, which must then guard its work with
``if __name__ == "__main__":``. Callers use a pool only for work that takes several
seconds, judged by the amount of work in hand.

``PROVENANCE_WORKERS`` sets how many processes to use (``1``: none, all work in the
calling process); the default is the number of cores this process may run on.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TypeVar

_T = TypeVar("_T")
_R = TypeVar("_R")
_A = TypeVar("_A")

ENV = "PROVENANCE_WORKERS"


def cores() -> int:
    """How many worker processes to use: ``PROVENANCE_WORKERS`` if set to a positive
    number, else the cores this process may run on."""
    given = os.environ.get(ENV, "").strip()
    if given.isdigit() and int(given) > 0:
        return int(given)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, forked where that is safe, else spawned."""
    import multiprocessing
    import sys
    import threading

    forks = sys.platform == "linux" and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if forks else "spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)


def _start_worker() -> None:
    """A worker collects its garbage, whatever the caller had paused for its bulk work."""
    import gc

    gc.enable()


def map_ordered(
    executor: ProcessPoolExecutor,
    fn: Callable[[_A], _R],
    items: Iterable[tuple[_T, _A]],
    ahead: int,
) -> Iterator[tuple[_T, _R]]:
    """Each ``(item, argument)`` as ``(item, fn(argument))``, ``fn`` computed in the pool,
    in the items' order. The first ``ahead`` items are submitted before this returns, so
    the caller may do other work while the pool starts; after that, at most ``ahead`` are
    in flight and the next ones are drawn only as results are taken, so a stream of pages
    is never held whole. The item itself stays in this process; only the argument goes
    to a worker."""
    rest = iter(items)
    pending: deque[tuple[_T, Future[_R]]] = deque()
    for item, argument in islice(rest, ahead):
        pending.append((item, executor.submit(fn, argument)))
    return _in_order(executor, fn, rest, pending)


def _in_order(
    executor: ProcessPoolExecutor,
    fn: Callable[[_A], _R],
    rest: Iterator[tuple[_T, _A]],
    pending: deque[tuple[_T, Future[_R]]],
) -> Iterator[tuple[_T, _R]]:
    while pending:
        item, future = pending.popleft()
        result = future.result()
        for more, argument in islice(rest, 1):
            pending.append((more, executor.submit(fn, argument)))
        yield item, result


def spread(
    fn: Callable[[_A], _R],
    items: Iterable[tuple[_T, _A]],
    *,
    after: int,
    size: Callable[[_A], int] = lambda _argument: 1,
) -> Iterator[tuple[_T, _R]]:
    """Each ``(item, argument)`` as ``(item, fn(argument))``, in order: computed here
    until ``after`` units of work (``size`` of each argument) are done, then, if more
    remain and there is more than one core, in a pool of workers, ended with the loop.
    Small jobs never pay for a pool; large ones keep this process for reading and
    writing while the workers compute."""
    rest = iter(items)
    done = 0
    count = cores()
    for item, argument in rest:
        yield item, fn(argument)
        done += size(argument)
        if done >= after and count > 1:
            break
    else:
        return
    following = next(rest, None)
    if following is None:
        return
    executor = pool(count)
    try:
        yield from map_ordered(executor, fn, chain((following,), rest), 2 * count)
    finally:
        executor.shutdown(cancel_futures=True)
