"""How long work tells its caller how far it has got, without printing anything: the
library calls ``on_progress(stage, done, total)`` now and then (``total`` None when it
is not known in advance), and a front end draws a bar, or ignores it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, TypeVar

_T = TypeVar("_T")
EVERY = 5000
"""Rows between two reports of a streamed stage: often enough for a bar, rarely
enough to cost nothing."""


class Progress(Protocol):
    def __call__(self, stage: str, done: int, total: int | None) -> None: ...


def ignore(stage: str, done: int, total: int | None) -> None:
    """Nobody is watching."""


def tracked(
    items: Sequence[_T], stage: str, on_progress: Progress, every: int = 100
) -> Iterator[_T]:
    """The items, reporting before the first, after every ``every`` of them and after
    the last."""
    total = len(items)
    on_progress(stage, 0, total)
    for done, item in enumerate(items, 1):
        yield item
        if done % every == 0 or done == total:
            on_progress(stage, done, total)
