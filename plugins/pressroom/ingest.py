"""Ingest: a folder of seeds becomes articles, problems and one outcome per source.

Nothing is dropped silently: a source that cannot be used has an outcome with its errors,
a duplicate has one that names the source it repeats.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .cleaning import clean_source
from .inference import infer
from .model import Article, Cleaned, Source
from .problems import Problem, Severity, SourceError, warning
from .reading import read_source, source_paths
from .timing import Timings


@dataclass(frozen=True)
class Outcome:
    """What became of one source file."""

    path: Path
    source: Source | None = None
    cleaned: Cleaned | None = None
    article: Article | None = None
    problems: tuple[Problem, ...] = ()
    duplicate_of: Path | None = None

    @property
    def status(self) -> str:
        if self.duplicate_of is not None:
            return "duplicate"
        if self.article is None or any(p.severity is Severity.ERROR for p in self.problems):
            return "error"
        return "published"


@dataclass(frozen=True)
class Ingested:
    outcomes: tuple[Outcome, ...]
    problems: tuple[Problem, ...] = field(default=())

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(outcome.article for outcome in self.outcomes
                     if outcome.status == "published" and outcome.article is not None)


class OutcomeCache(Protocol):
    def get(self, source: Path, raw: bytes) -> Outcome | None: ...
    def put(self, source: Path, raw: bytes, outcome: Outcome) -> None: ...


def ingest(
    folder: Path, timings: Timings | None = None, cache: OutcomeCache | None = None
) -> Ingested:
    return ingest_paths(source_paths(folder), timings or Timings(), cache)


def ingest_paths(
    paths: Iterable[Path], timings: Timings | None = None, cache: OutcomeCache | None = None
) -> Ingested:
    timings = timings or Timings()
    outcomes: list[Outcome] = []
    seen_bytes: dict[str, Path] = {}
    seen_text: dict[str, Path] = {}
    for path in paths:
        outcome = _cached_process(path, timings, cache)
        original = _duplicate_of(outcome, seen_bytes, seen_text)
        if original is not None:
            note = warning(path, f"is the same clipping as {original}: published once, "
                                 f"from {original}")
            outcome = Outcome(path, outcome.source, outcome.cleaned, outcome.article,
                              (*outcome.problems, note), duplicate_of=original)
        outcomes.append(outcome)
    problems = tuple(problem for outcome in outcomes for problem in outcome.problems)
    return Ingested(tuple(outcomes), problems)


def _cached_process(path: Path, timings: Timings, cache: OutcomeCache | None) -> Outcome:
    """An unchanged source's outcome from the cache; any other source processed (and kept)."""
    if cache is None:
        return process(path, timings)
    with timings.stage("read"):
        try:
            raw = path.read_bytes()
        except OSError:
            return process(path, timings)
        cached = cache.get(path, raw)
    if cached is not None:
        return cached
    outcome = process(path, timings, raw)
    cache.put(path, raw, outcome)
    return outcome


def process(path: Path, timings: Timings | None = None, raw: bytes | None = None) -> Outcome:
    """Read (unless the bytes are given), clean and describe one source."""
    timings = timings or Timings()
    try:
        with timings.stage("read"):
            source, problems = read_source(path, raw)
    except SourceError as exc:
        return Outcome(path, problems=exc.problems)
    except OSError as exc:
        return Outcome(path, problems=(Problem(Severity.ERROR, path, f"cannot be read: {exc}"),))
    with timings.stage("clean"):
        cleaned = clean_source(source)
    with timings.stage("infer"):
        article, doubts = infer(source, cleaned)
    return Outcome(path, source, cleaned, article, (*problems, *doubts))


def _duplicate_of(
    outcome: Outcome, seen_bytes: dict[str, Path], seen_text: dict[str, Path]
) -> Path | None:
    """The earlier source this one repeats: byte for byte, or in its text after cleaning."""
    if outcome.source is None or outcome.cleaned is None:
        return None
    keys = (
        (seen_bytes, hashlib.sha256(outcome.source.raw).hexdigest()),
        (seen_text, hashlib.sha256(" ".join(outcome.cleaned.text.split()).encode()).hexdigest()),
    )
    for seen, key in keys:
        if key in seen:
            return seen[key]
    for seen, key in keys:
        seen[key] = outcome.path
    return None
