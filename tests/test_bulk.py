"""Paused garbage collection: off inside the block, on after it, and what the block left
alive handed to the oldest generation instead of being walked as young objects."""

import gc

import pytest

from provenance.bulk import paused_gc


@pytest.fixture
def collecting() -> object:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collecting")
def test_collection_is_off_in_the_block_and_on_after_it() -> None:
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collecting")
def test_what_the_block_keeps_is_not_left_young() -> None:
    with paused_gc():
        kept = [[i] for i in range(50_000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(k) in oldest for k in kept)
    assert gc.get_freeze_count() == 0


@pytest.mark.usefixtures("collecting")
def test_a_cycle_made_in_the_block_is_still_collected() -> None:
    class Node:
        other: "Node"

    with paused_gc():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
    gc.collect()
    assert not [o for o in gc.get_objects() if type(o) is Node]


def test_a_block_entered_with_collection_off_leaves_it_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
