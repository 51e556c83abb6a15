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
_OBJECT = object()  # marks an object's token: no plain value's token holds it


def _token(value: object) -> object:
    """What stands for a value in a key: text as itself, other plain values with their type
    (1, 1.0 and True are equal, but not the same argument), objects by identity. Two equal
    tokens are the same arguments, as long as the objects they name are held (``Reuse``
    holds them): an id is then no other object's."""
    kind = type(value)
    if kind is str:
        return value
    if kind is tuple:
        return tuple([_token(item) for item in value])  # type: ignore[attr-defined]
    if isinstance(value, PLAIN):
        return (kind, value)
    return (_OBJECT, id(value))


class Reuse:
    def __init__(self) -> None:
        # key -> (the arguments, held so that their ids stay theirs; the result)
        self._last: dict[object, tuple[tuple[Any, ...], Any]] = {}
        self._now: dict[object, tuple[tuple[Any, ...], Any]] = {}

    def __call__(self, make: Callable[..., T], *args: Any) -> T:
        key = (make.__module__, make.__qualname__, _token(args))
        found = self._now.get(key) or self._last.get(key)
        result: T = found[1] if found is not None else make(*args)
        self._now[key] = (args, result)
        return result

    def next_build(self) -> None:
        """What this build made is what the next one may take; the rest is let go."""
        self._last, self._now = self._now, {}
