"""A progress bar on stderr while long work runs, only when a person is watching: the
library reports through a callback (``provenance.progress``), this draws it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from provenance.progress import Progress, ignore


def on_terminal() -> bool:
    """Whether stderr is a terminal (a person watching rather than a log or a pipe)."""
    return sys.stderr.isatty()


@contextmanager
def progress_bar() -> Iterator[Progress]:
    """A callback that draws each stage it is told of as a bar (with a count and the time
    left when the total is known) on stderr, erased when done; outside a terminal, one
    that does nothing."""
    if not on_terminal():
        yield ignore
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TimeRemainingColumn
    from rich.progress import Progress as Bars

    with Bars(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bars:
        tasks: dict[str, Any] = {}

        def report(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage, total=total)
            bars.update(tasks[stage], completed=done, total=total)

        yield report
