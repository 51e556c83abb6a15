"""Clippings in the forms they arrive in: text, a saved page, a forwarded message, a PDF.

Each file in seeds/ becomes one or more Sources (a message brings the clippings attached to
it), or the problems that say why it cannot; the rest of the pipeline does not know which
form a source came in, except through what it states (``Source.found``) and its ``format``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ...model import Source
from ...problems import Problem, SourceError
from ..reading import MAIL_SUFFIXES, PAGE_SUFFIXES, PDF_SUFFIXES, read_source, source_bytes
from .sidecar import misnamed_sidecar, sidecar_keys, sidecars_of


@dataclass(frozen=True)
class Delivery:
    """A source file's bytes and those of its sidecars: together they decide its outcome."""

    raw: bytes
    sidecars: tuple[tuple[str, bytes], ...] = ()

    @property
    def digest(self) -> str:
        digest = hashlib.sha256(self.raw)
        for name, data in self.sidecars:
            digest.update(f"\0{name}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            digest.update(data)
        return digest.hexdigest()


@dataclass(frozen=True)
class Read:
    """What reading one source gave: the Source, or the problems that kept it from being
    one. ``container`` marks a message read only for the clippings attached to it."""

    path: Path
    source: Source | None
    problems: tuple[Problem, ...] = ()
    container: bool = False


def deliver(path: Path) -> Delivery:
    """The bytes of a source and of its sidecars. Raises SourceError (a link, a pipe, too
    large) or OSError."""
    return Delivery(source_bytes(path), sidecars_of(path))


def read_sources(path: Path, delivery: Delivery | None = None) -> list[Read]:
    """Every source a file holds: itself, and for a message the clippings attached."""
    try:
        delivery = deliver(path) if delivery is None else delivery
        return _read(path, delivery)
    except SourceError as exc:
        return [Read(path, None, exc.problems)]


def _read(path: Path, delivery: Delivery) -> list[Read]:
    suffix = path.suffix.lower()
    if suffix not in (*PAGE_SUFFIXES, *MAIL_SUFFIXES, *PDF_SUFFIXES):
        return [Read(path, *_tupled(read_source(path, delivery.raw)))]
    # Each form's reader is imported when a source of that form is first read: the
    # extraction libraries take a while to load, which a press room of text need not wait for.
    sidecars = dict(delivery.sidecars)
    misnamed = misnamed_sidecar(path)
    keys = sidecar_keys(path.parent, path.name, sidecars)
    if suffix in MAIL_SUFFIXES:
        from .mail import read_message
        reads = read_message(path, delivery.raw, keys, sidecars)
    elif suffix in PDF_SUFFIXES:
        from .pdf import read_pdf
        reads = [Read(path, *_tupled(read_pdf(path, delivery.raw, keys)))]
    else:
        from .html_page import read_page
        reads = [Read(path, *_tupled(read_page(path, delivery.raw, keys)))]
    if misnamed is not None:
        first = reads[0]
        reads[0] = Read(first.path, first.source, (misnamed, *first.problems), first.container)
    return reads


def _tupled(read: tuple[Source, list[Problem]]) -> tuple[Source, tuple[Problem, ...]]:
    return read[0], tuple(read[1])
