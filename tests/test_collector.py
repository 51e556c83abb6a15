"""Python's cycle collector: full collections wait while a build runs, and come back after;
what a build made is left out of the collections at exit."""

from __future__ import annotations

import gc
import weakref
from types import SimpleNamespace

import pytest

from pressroom.collector import FullCollectionsHeld, collector_paused
from pressroom.plugin import PressroomPlugin


@pytest.fixture(autouse=True)
def thresholds_as_they_were():
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_only_full_collections_are_held_and_the_thresholds_come_back(thresholds_as_they_were):
    young, middle, full = thresholds_as_they_were
    held = FullCollectionsHeld()
    held.hold()
    held.hold()  # a second hold must not take the held thresholds for the original ones
    assert gc.get_threshold()[:2] == (young, middle)
    assert gc.get_threshold()[2] > 100_000 > full
    held.release()
    assert gc.get_threshold() == thresholds_as_they_were
    held.release()  # nothing held: nothing changes
    assert gc.get_threshold() == thresholds_as_they_were


def test_the_plugin_holds_full_collections_for_one_build(tmp_path, thresholds_as_they_were):
    plugin = PressroomPlugin()
    config = SimpleNamespace(site_dir=str(tmp_path / "site"))
    plugin.on_pre_build(config=config)
    assert gc.get_threshold() != thresholds_as_they_were
    plugin.on_post_build(config=config)
    assert gc.get_threshold() == thresholds_as_they_were

    plugin.on_pre_build(config=config)
    plugin.on_build_error(error=RuntimeError("a failed build"))
    assert gc.get_threshold() == thresholds_as_they_were


def test_the_collector_pauses_and_comes_back_as_it_was():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


@pytest.fixture
def unfrozen_afterwards():
    yield
    gc.unfreeze()


def _collected_from(made: object) -> bool:
    """Whether the collector's generations hold the object (a frozen one is in none)."""
    return any(item is made for item in gc.get_objects())


def test_in_a_build_what_was_made_while_paused_is_left_out_of_collections_until_its_end(
    unfrozen_afterwards,
):
    held = FullCollectionsHeld()
    held.hold()
    try:
        with collector_paused():
            made = [[n] for n in range(1_000)]
        assert gc.get_freeze_count() >= len(made)
        assert not _collected_from(made)
    finally:
        held.release()
    assert gc.get_freeze_count() == 0
    assert _collected_from(made)


def test_outside_a_build_nothing_is_frozen(unfrozen_afterwards):
    with collector_paused():
        made = [[n] for n in range(1_000)]
    assert gc.get_freeze_count() == 0
    assert _collected_from(made)


def test_at_shutdown_the_plugin_leaves_what_it_made_out_of_the_last_collections(
    unfrozen_afterwards,
):
    plugin = PressroomPlugin()
    made = [[n] for n in range(1_000)]
    assert gc.get_freeze_count() == 0
    plugin.on_shutdown()
    assert gc.get_freeze_count() >= len(made)
    assert not _collected_from(made)


class Node:
    """An object in a cycle of its own: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.itself = self


def test_a_collection_asked_for_frees_frozen_cycles_and_keeps_full_collections_held(
        thresholds_as_they_were):
    held = FullCollectionsHeld()
    held.hold()
    node = Node()
    gone = weakref.ref(node)
    with collector_paused():  # in a build: frozen out of the collector's reach
        pass
    del node
    gc.collect()
    assert gone() is not None  # frozen: not even a full collection reaches it
    held.collect()
    assert gone() is None
    assert gc.get_threshold()[2] > 100_000  # still held
    held.release()
    assert gc.get_threshold() == thresholds_as_they_were
