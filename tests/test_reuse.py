"""What a rebuild takes from the last build: the same function of the same objects and
values gives what it gave, and nothing else is taken."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pressroom.reuse import Reuse


@dataclass(frozen=True)
class Thing:
    name: str


def test_the_same_objects_and_values_give_the_last_builds_result():
    calls: list[tuple[object, ...]] = []

    def make(*args: object) -> list[object]:
        calls.append(args)
        return list(args)

    one, other = Thing("a"), Thing("a")  # equal, but not the same object
    reuse = Reuse()
    first = reuse(make, one, "text", Path("seeds"), (one, 2))
    reuse.next_build()
    assert reuse(make, one, "te" + "xt", Path("seeds"), (one, 2)) is first
    assert reuse(make, other, "text", Path("seeds"), (one, 2)) is not first
    assert reuse(make, one, "text", Path("seeds"), (other, 2)) is not first
    assert reuse(make, one, "other", Path("seeds"), (one, 2)) is not first
    assert len(calls) == 4
    assert reuse(make, other, "text", Path("seeds"), (one, 2)) is \
        reuse(make, other, "text", Path("seeds"), (one, 2))  # within a build too
    assert len(calls) == 4
    reuse.next_build()
    reuse.next_build()  # a build that did not ask for it: let go
    assert reuse(make, one, "text", Path("seeds"), (one, 2)) is not first


def test_a_new_reuse_makes_everything():
    thing = Thing("a")
    assert Reuse()(list, (thing,)) is not Reuse()(list, (thing,))


def test_equal_plain_values_of_other_types_are_other_arguments():
    reuse = Reuse()
    results = [reuse(repr, value) for value in (1, True, 1.0, (1,), (True,))]
    assert results == ["1", "True", "1.0", "(1,)", "(True,)"]
    assert reuse(repr, (1,)) is results[3]
