"""What a build may take from the last one instead of making it again.

In `mkdocs serve` the source cache hands a rebuild the very objects the last build had for
every source an edit left alone (outcomes and articles are frozen: the same object is the
same value). A function of such objects and plain values (text, numbers, paths) gives what
it gave before, so ``reuse(make, *args)`` returns what it gave in this build or the last
where ``make`` is the same and so are its arguments: objects by identity (the ones given
are held, so that their ids stay theirs), plain values and tuples of either by value. Only
functions whose results are never changed afterwards are called through it. A build that
starts with a new ``Reuse`` (every `mkdocs build`) makes everything once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any, TypeVar

T = TypeVar("T")
PLAIN = (str, int, float, bool, type(None), PurePath)


def _token(value: object) -> object:
    if isinstance(value, PLAIN):
        return value
    if isinstance(value, tuple):
        return tuple(_token(item) for item in value)
    return ("object", id(value))


class Reuse:
    def __init__(self) -> None:
        self._last: dict[object, tuple[tuple[Any, ...], Any]] = {}
        self._now: dict[object, tuple[tuple[Any, ...], Any]] = {}

    def __call__(self, make: Callable[..., T], *args: Any) -> T:
        key = (make.__module__, make.__qualname__, _token(args))
        found = self._now.get(key) or self._last.get(key)
        if found is not None and _same(found[0], args):
            result: T = found[1]
        else:
            result = make(*args)
        self._now[key] = (args, result)
        return result

    def next_build(self) -> None:
        """What this build made is what the next one may take; the rest is let go."""
        self._last, self._now = self._now, {}


def _same(held: object, given: object) -> bool:
    if isinstance(given, PLAIN):
        return held == given
    if isinstance(given, tuple):
        return isinstance(held, tuple) and len(held) == len(given) and all(
            _same(a, b) for a, b in zip(held, given, strict=True))
    return held is given
