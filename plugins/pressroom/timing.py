"""Where a build's time goes, stage by stage: for the benchmark and the editor's report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter


class Timings:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += perf_counter() - start

    def add(self, seconds: dict[str, float]) -> None:
        """Stage times measured elsewhere (in a worker process)."""
        for name, value in seconds.items():
            self.seconds[name] += value

    def as_dict(self) -> dict[str, float]:
        return {name: round(seconds, 4) for name, seconds in self.seconds.items()}
