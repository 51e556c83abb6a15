"""The editor's keys for a source that cannot carry frontmatter: a sidecar file beside it.

A saved page, a message or a PDF has no room for YAML on top, so its keys stand in
``<file name>.yml`` beside it (``ruling.pdf.yml`` for ``ruling.pdf``); a clipping attached to
a message is named ``<message>#<attachment>`` and its sidecar ``<message>#<attachment>.yml``.
The whole file name is kept, so that ``alert.html`` and ``alert.pdf`` have sidecars of their
own and no sidecar is ever taken for a registry (``cases.yml``). A sidecar is read as a
source is: a regular file (never a link), bounded, its keys checked as frontmatter's are,
each problem naming the sidecar and its line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ...model import EditorKey
from ...problems import Problem, Severity, SourceError, error, warning
from ..editor_keys import validate_editor_keys
from ..reading import (
    MAX_FRONTMATTER_CHARS,
    TEXT_SUFFIXES,
    load_editor_keys,
    read_regular,
    repair_warnings,
)
from ..unsafe_characters import safe_lines

SIDECAR_SUFFIX = ".yml"


def sidecar_name(source_name: str) -> str:
    return source_name + SIDECAR_SUFFIX


def sidecars_of(path: Path) -> tuple[tuple[str, bytes], ...]:
    """The sidecar files of a source and of the clippings attached to it, by name, with
    their bytes (they decide the outcome as much as the source's own bytes do). Raises
    SourceError naming a sidecar that is a link, a pipe or too large."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        return ()
    own = sidecar_name(path.name)
    attached = path.name + "#"
    try:
        names = sorted(name for name in os.listdir(path.parent)
                       if name.endswith(SIDECAR_SUFFIX)
                       and (name == own or name.startswith(attached)))
    except OSError:
        return ()
    return tuple((name, _sidecar_bytes(path.parent / name)) for name in names)


def _sidecar_bytes(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_FRONTMATTER_CHARS * 4, lambda size: (
            f"is {size:,} bytes: a sidecar holds a few editor keys, at most "
            f"{MAX_FRONTMATTER_CHARS:,} characters"))
    except OSError as exc:
        raise SourceError(error(path, f"cannot be read: {exc}")) from exc


@dataclass(frozen=True)
class SidecarKeys:
    keys: Mapping[str, EditorKey]
    problems: tuple[Problem, ...]


def sidecar_keys(folder: Path, name: str, sidecars: Mapping[str, bytes]) -> SidecarKeys:
    """The editor's keys for the source called ``name`` (in ``folder``), from its sidecar
    if there is one. Raises SourceError, naming the sidecar and the line, for keys that
    cannot be used."""
    data = sidecars.get(sidecar_name(name))
    if data is None:
        return SidecarKeys({}, ())
    path = folder / sidecar_name(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(error(path, f"is not UTF-8 text (byte {exc.start})")) from exc
    text, removed = safe_lines(text)
    problems = repair_warnings(path, removed)
    keys, found = load_editor_keys(path, text.replace("\r\n", "\n"), first_line=1)
    keys = {key: EditorKey(value.value, value.line, path.name) for key, value in keys.items()}
    keys, invalid = validate_editor_keys(path, keys)
    problems += found + invalid
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        raise SourceError(*errors)
    return SidecarKeys(keys, tuple(problems))


def misnamed_sidecar(path: Path) -> Problem | None:
    """A ``<stem>.yml`` beside a page, message or PDF is what an editor would write for its
    keys; it is not read (it could be a registry), and the warning says what is."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        return None
    near = path.with_suffix(SIDECAR_SUFFIX)
    if not near.is_file() or (path.parent / sidecar_name(path.name)).exists():
        return None
    return warning(path, f"{near.name} beside it is not read as its editor keys: a sidecar is "
                         f"named after the whole file name, {sidecar_name(path.name)}")
