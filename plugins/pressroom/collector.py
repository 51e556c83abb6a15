"""Python's cycle collector during a build.

A build keeps almost everything it makes until it ends: the sources and their outcomes, the
stories, the site model, MkDocs' pages. Python's full collections walk all of it, again and
again, and find little to free: at 10,000 stories, 5 full collections in a warm build and 13
in a cold one took 4 to 9 seconds and freed under 50,000 objects. Young objects are still
collected as usual; full collections wait until the build is over.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# A full collection is due when this many collections of the middle generation have run:
# more than a build of 10,000 stories runs (about 900).
_NEVER_DURING_A_BUILD = 1_000_000


@contextmanager
def collector_paused() -> Iterator[None]:
    """No collection at all while many objects are made and none of them is garbage:
    unpickling outcomes (from the workers, or from the source cache), where the collector
    would walk them again and again as they come (two to four times the unpickling's time).

    In a build (full collections held), what was made is kept until the build ends: it is
    frozen out of the collector until then. Otherwise the young generations' next
    collections would walk all of it once more, to free nothing (1.2 s at 10,000 stories).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _full_collections_held():
            gc.freeze()
        if enabled:
            gc.enable()


def _full_collections_held() -> bool:
    return gc.get_threshold()[2] == _NEVER_DURING_A_BUILD


class FullCollectionsHeld:
    """Full collections held back from the start of a build to its end (or its failure)."""

    def __init__(self) -> None:
        self._thresholds: tuple[int, int, int] | None = None

    def hold(self) -> None:
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, _NEVER_DURING_A_BUILD)

    def collect(self) -> None:
        """A full collection now, of everything (what was frozen too); full collections
        otherwise still held. `mkdocs serve --dirty` holds them from one rebuild to the next
        and collects after each reload, while the editor reads the page."""
        gc.unfreeze()
        gc.collect()

    def release(self) -> None:
        """Full collections as before, and what was frozen during the build back in their
        reach (`mkdocs serve` lets go of a build's outcomes when it replaces them)."""
        if self._thresholds is not None:
            gc.unfreeze()
            gc.set_threshold(*self._thresholds)
            self._thresholds = None


def left_to_the_system() -> None:
    """What the build made is left for the operating system to take back at exit.

    Python's exit frees the build's objects one by one, and collects cycles again among all of
    them: at 10,000 stories, 6 seconds after the site is written (under half a second for a
    plain MkDocs build). Frozen, the objects are left out of those collections, and the
    system takes the memory back at once. Only for a process about to end: frozen cycles are
    never collected.
    """
    gc.freeze()
