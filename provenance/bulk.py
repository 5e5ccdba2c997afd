"""Helpers for work over many rows at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Cyclic garbage collection off for the block. Bulk work allocates millions of
    short-lived tuples and no cycles; each collection would walk every live object, so
    its cost grows with the rows already held."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
