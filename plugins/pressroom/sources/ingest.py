"""Ingest: a folder of seeds becomes articles, problems and one outcome per source.

Nothing is dropped silently: a source that cannot be used has an outcome with its errors,
a duplicate has one that names the source it repeats.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Protocol

from ..cleaning import clean_source
from ..collector import collector_paused
from ..inference import infer
from ..model import Article, Cleaned, Received
from ..problems import Problem, Severity, SourceError, fault, warning
from ..timing import Timings
from .formats import Delivery, Read, deliver, read_sources
from .reading import name_problem, source_paths


@dataclass(frozen=True)
class Outcome:
    """What became of one source file."""

    path: Path
    source: Received | None = None
    cleaned: Cleaned | None = None
    article: Article | None = None
    problems: tuple[Problem, ...] = ()
    duplicate_of: Path | None = None
    # A message whose own text is no clipping, read for the clippings attached to it.
    container: bool = False

    @property
    def status(self) -> str:
        if self.duplicate_of is not None:
            return "duplicate"
        if any(p.severity is Severity.ERROR for p in self.problems):
            return "error"
        if self.container:
            return "attachments"
        if self.article is None:
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
    def unchanged(self, source: Path) -> tuple[Outcome, ...] | None: ...
    def get(self, source: Path, digest: str) -> tuple[Outcome, ...] | None: ...
    def put(self, source: Path, digest: str, outcomes: tuple[Outcome, ...]) -> None: ...


def ingest(
    folder: Path, timings: Timings | None = None, cache: OutcomeCache | None = None,
    skip: Iterable[Path] = (),
) -> Ingested:
    """``skip`` are files of the folder that are not clippings (a case's documents)."""
    skipped = set(skip)
    return ingest_paths([path for path in source_paths(folder) if path not in skipped],
                        timings or Timings(), cache)


def ingest_paths(
    paths: Iterable[Path], timings: Timings | None = None, cache: OutcomeCache | None = None
) -> Ingested:
    timings = timings or Timings()
    outcomes: list[Outcome] = []
    seen_bytes: dict[str, Path] = {}
    seen_text: dict[str, Path] = {}
    for path, outcome in _processed(list(paths), timings, cache):
        original = _duplicate_of(outcome, seen_bytes, seen_text)
        if original is not None:
            note = warning(path, f"is the same clipping as {original}: published once, "
                                 f"from {original}")
            outcome = Outcome(path, outcome.source, outcome.cleaned, outcome.article,
                              (*outcome.problems, note), duplicate_of=original)
        outcomes.append(outcome)
    problems = tuple(problem for outcome in outcomes for problem in outcome.problems)
    return Ingested(tuple(outcomes), problems)


# From this many sources to process, the work is spread over the machine's cores: cleaning
# and inference are pure Python, and a new archive (or a code change) processes them all.
PARALLEL_FROM = 200
MAX_WORKERS = 8
# Sources go to the workers in chunks: few enough that sending them costs little, many
# enough that at the end one worker does not work alone through a long last chunk.
CHUNKS_PER_WORKER = 32


def _processed(
    paths: list[Path], timings: Timings, cache: OutcomeCache | None
) -> list[tuple[Path, Outcome]]:
    """Every source's outcome, in the order given (a message's attachments after it):
    unchanged files' from the cache, the others processed (and kept in the cache)."""
    known: dict[Path, tuple[Outcome, ...]] = {}
    missing: list[tuple[Path, Delivery | None]] = []
    digests: dict[Path, str] = {}
    for path in paths:
        kept = cache.unchanged(path) if cache is not None else None
        if kept is not None:  # `mkdocs serve`: not even read
            known[path] = kept
            continue
        delivery = _read_for_cache(path, timings) if cache is not None else None
        if delivery is not None:
            digests[path] = delivery.digest
        cached = cache.get(path, digests[path]) if cache is not None and delivery else None
        if cached is not None:
            known[path] = cached
        else:
            missing.append((path, delivery))
    for (path, delivery), outcomes in zip(missing, _process_all(missing, timings), strict=True):
        if cache is not None and delivery is not None:
            cache.put(path, digests[path], outcomes)
        known[path] = outcomes
    return [(outcome.path, outcome) for path in paths for outcome in known[path]]


def _read_for_cache(path: Path, timings: Timings) -> Delivery | None:
    with timings.stage("read"):
        try:
            return deliver(path)
        except (OSError, SourceError):
            return None  # processing the source reports why


def _process_all(
    sources: list[tuple[Path, Delivery | None]], timings: Timings
) -> list[tuple[Outcome, ...]]:
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(sources) >= PARALLEL_FROM and workers > 1:
        try:
            return _process_in_workers(sources, timings, workers)
        except BrokenProcessPool:
            pass  # the workers could not start (see below); this process does the work
    return [process_file(path, delivery, timings) for path, delivery in sources]


def _process_in_workers(
    sources: list[tuple[Path, Delivery | None]], timings: Timings, workers: int
) -> list[tuple[Outcome, ...]]:
    """Worker processes, "spawn"ed: a fresh interpreter each, safe beside `mkdocs serve`'s
    threads. They cannot start where the build was launched from a script that runs itself
    again on import (no main guard): the pool then breaks."""
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool, \
            collector_paused():
        results = list(pool.map(_timed_process, sources,
                                chunksize=max(1, len(sources) // (workers * CHUNKS_PER_WORKER))))
    for _, seconds in results:
        timings.add(seconds)
    return [outcome for outcome, _ in results]


def _timed_process(
    source: tuple[Path, Delivery | None]
) -> tuple[tuple[Outcome, ...], dict[str, float]]:
    """In a worker: the outcomes, and the time their stages took there."""
    timings = Timings()
    return process_file(*source, timings=timings), dict(timings.seconds)


def process(path: Path, raw: bytes | None = None, timings: Timings | None = None) -> Outcome:
    """Read (unless the bytes are given), clean and describe one source: the file's own
    outcome (a message's attachments are in ``process_file``'s)."""
    delivery = Delivery(raw) if raw is not None else None
    return process_file(path, delivery, timings)[0]


def process_file(
    path: Path, delivery: Delivery | None = None, timings: Timings | None = None
) -> tuple[Outcome, ...]:
    """Read (unless the bytes are given), clean and describe every source a file holds: the
    file, and the clippings attached to a message, each with an outcome of its own.

    A fault of the press room's own on one source is an error against that source, never the
    end of the build: the other sources are published, and `mkdocs serve`, which stops
    answering while a build fails, goes on serving."""
    timings = timings or Timings()
    try:
        bad_name = name_problem(path)
        if bad_name is not None:  # the outcome, too, is known by a name the report can write
            return (Outcome(bad_name.path, problems=(bad_name,)),)
        with timings.stage("read"):
            reads = read_sources(path, delivery)
    except OSError as exc:
        return (Outcome(path, problems=(Problem(Severity.ERROR, path, f"cannot be read: {exc}"),)),)
    except Exception as exc:  # a fault in this code: what a file gets wrong is a SourceError
        return (Outcome(path, problems=(fault(path, exc),)),)
    return tuple(_described(read, timings) for read in reads)


def _described(read: Read, timings: Timings) -> Outcome:
    """One source read, cleaned and described (or its problems)."""
    try:
        return _processed_source(read, timings)
    except Exception as exc:  # a fault in this code: what a file gets wrong is a SourceError
        return Outcome(read.path, problems=(fault(read.path, exc),))


def _processed_source(read: Read, timings: Timings) -> Outcome:
    source, path = read.source, read.path
    if source is None:
        return Outcome(path, problems=read.problems, container=read.container)
    with timings.stage("clean"):
        cleaned = clean_source(source)
    with timings.stage("infer"):
        article, doubts = infer(source, cleaned)
    return Outcome(path, source.received(), cleaned, article,
                   (*read.problems, *doubts, *_nothing_left(path, cleaned)))


def _nothing_left(path: Path, cleaned: Cleaned) -> list[Problem]:
    """A source whose every line went (to the cleaner or the editor's 'drop') would publish
    a story without text: it is an error, never an empty page."""
    if any(line.text.strip() for line in cleaned.lines):
        return []
    return [Problem(Severity.ERROR, path, "has no text left to publish: every line was removed "
                                          "(the removals are in the editor's report)")]


def _duplicate_of(
    outcome: Outcome, seen_bytes: dict[str, Path], seen_text: dict[str, Path]
) -> Path | None:
    """The earlier source this one repeats: byte for byte, or in its text after cleaning."""
    if outcome.source is None or outcome.cleaned is None:
        return None
    keys = (
        (seen_bytes, outcome.source.digest),
        (seen_text, outcome.cleaned.text_digest),
    )
    for seen, key in keys:
        if key in seen:
            return seen[key]
    for seen, key in keys:
        seen[key] = outcome.path
    return None
