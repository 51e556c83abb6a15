"""Registries (taxonomy, cases) are YAML files that editors write: read safely, with lines.

Every mapping comes back as a ``Record`` that knows the line it starts on, so that an error in
a registry names the file and the line, as errors in sources do. A registry is a regular file
(not a link, not a pipe) of UTF-8 text, read with the bounded loader of ``editor_yaml``; an
entry that gives a key twice is left out with an error, and characters no page or feed can
carry are taken out, each line's repair a warning.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..language import LANGUAGES
from ..problems import Problem, SourceError, error, fault, warning
from .editor_yaml import BoundedLoader, RefusedYAML, compose_bounded, duplicate_keys
from .reading import read_regular, repair_warnings, yaml_repair_warnings
from .unsafe_characters import safe_lines

# The registries of a press room hold hundreds of cases and tags: a few megabytes at most.
MAX_REGISTRY_BYTES = 8 * 1024 * 1024


class RegistryLoader(BoundedLoader):
    # A registry may cite one source or party again and again: more room than frontmatter,
    # still bounded.
    alias_budget = 10_000
    # Records are built node by node (below), without the constructor's merging of "<<"
    # keys: a merge key would be read as a key named "<<" and its values lost.
    merge_keys = False


class Record(dict[str, Any]):
    """A mapping from a registry file, with the line (1-based) it starts on."""

    line: int = 0


def text_per_language(value: Any) -> bool:
    """A mapping with a non-empty text under each of the press room's languages."""
    return isinstance(value, dict) and all(isinstance(value.get(lang), str) and value[lang]
                                           for lang in LANGUAGES)


class RecordError(ValueError):
    """What makes one entry of a registry unusable, with the line it is on."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class _Entry(Protocol):
    id: str
    line: int


E = TypeVar("E", bound=_Entry)


def load_entries(path: Path, named: bool, kind: str, consequence: str, noun: str,
                 read: Callable[[Record], E], left_out: str = "") -> tuple[list[E], list[Problem]]:
    """A registry of entries with ids: each record read by ``read``, which raises RecordError
    for an unusable one. An unusable record, one this code fails on, and a second record of an
    id (which of the two holds is not for us to pick) are each left out with an error at their
    line, ``left_out`` added to a RecordError's message; the rest stands."""
    missing = missing_registry(path, named, kind, consequence)
    if missing is not None:
        return [], [missing]
    try:
        records, problems = load_registry(path)
    except SourceError as exc:
        return [], list(exc.problems)
    entries: list[E] = []
    for record in records:
        try:
            entry = read(record)
        except RecordError as exc:
            problems.append(error(path, f"{exc}{left_out}", exc.line))
            continue
        except Exception as exc:  # a fault in this code: one entry is left out, not the site
            problems.append(fault(path, exc, record.line))
            continue
        first = next((other for other in entries if other.id == entry.id), None)
        if first is not None:
            problems.append(error(path, f"{noun} {entry.id!r} is given twice (also at line "
                                        f"{first.line}): the second is left out", entry.line))
            continue
        entries.append(entry)
    return entries, problems


def missing_registry(path: Path, named: bool, kind: str, consequence: str) -> Problem | None:
    """None when the registry is there (reading it says what is wrong with it, if anything).
    One the configuration names must exist: without it the site would quietly lose its tags
    or cases. The default one may be absent, a warning: a new press room starts without."""
    if path.is_symlink() or path.exists():  # a dangling link is for reading to refuse
        return None
    if named:
        return error(path, f"no {kind}, though the configuration names this file: {consequence}")
    return warning(path, f"no {kind}: {consequence}")


def load_registry(path: Path) -> tuple[list[Record], list[Problem]]:
    """A registry file as a list of records, and the problems found in it (repairs, entries
    left out). Raises SourceError naming the file and the line when none of it can be used."""
    records, problems = _read_registry(path, _registry_text(path))
    # The caller may change what it gets; the parse kept for the next build stays as read.
    return copy.deepcopy(records), list(problems)


# `mkdocs serve` reads every registry at every rebuild, and an edit leaves most of them as
# they were: composing their YAML again took a tenth of a second of each rebuild at 1,000
# stories. The parses of the last few texts are kept.
@functools.lru_cache(maxsize=8)
def _read_registry(path: Path, raw_text: str) -> tuple[list[Record], list[Problem]]:
    text, removed = safe_lines(raw_text)
    problems = repair_warnings(path, removed)
    try:
        node, loader = compose_bounded(text, RegistryLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        verdict = "is refused" if isinstance(exc, RefusedYAML) else "is not valid YAML"
        raise SourceError(error(path, f"{verdict}: {getattr(exc, 'problem', exc)}",
                                line)) from exc
    problems += yaml_repair_warnings(path, loader.repairs, first_line=1)
    if node is None:
        return [], problems
    if not isinstance(node, SequenceNode):
        raise SourceError(error(path, "must be a list of entries", node.start_mark.line + 1))
    records = []
    for item in node.value:
        if not isinstance(item, MappingNode):
            raise SourceError(error(path, "every entry must be a mapping",
                                    item.start_mark.line + 1))
        unusable = _unusable_keys(path, item)
        problems += unusable
        if not unusable:
            records.append(_plain(item, loader))
    return records, problems


def _unusable_keys(path: Path, entry: MappingNode) -> list[Problem]:
    """Keys that leave an entry out: one given twice (which value is meant?), a list or a
    mapping as a key (a record's keys are names)."""
    where = f"the entry on line {entry.start_mark.line + 1}"
    return [
        *(error(path, f"key {key!r} is given twice in {where} (first on line {first + 1}): "
                      "the entry is left out", again + 1)
          for key, first, again in _duplicates_in(entry)),
        *(error(path, f"a key in {where} is a list or a mapping, not a name: the entry is "
                      "left out", key.start_mark.line + 1)
          for key in _keys_in(entry) if not isinstance(key, ScalarNode)),
    ]


def _registry_text(path: Path) -> str:
    try:
        raw = read_regular(path, MAX_REGISTRY_BYTES, lambda size: (
            f"is {size / 1_000_000:.1f} MB: registries larger than "
            f"{MAX_REGISTRY_BYTES // (1024 * 1024)} MB are refused"))
    except OSError as exc:
        raise SourceError(error(path, f"cannot be read: {exc}")) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(error(path, f"is not UTF-8 text (byte {exc.start})")) from exc


def _duplicates_in(node: Node) -> Iterator[tuple[str, int, int]]:
    """Keys given twice in any mapping of an entry, however deep."""
    for mapping in _mappings_in(node):
        yield from duplicate_keys(mapping)


def _keys_in(node: Node) -> Iterator[Node]:
    for mapping in _mappings_in(node):
        for key, _ in mapping.value:
            yield key


def _mappings_in(node: Node) -> Iterator[MappingNode]:
    """Every mapping in a node, itself included, however deep."""
    if isinstance(node, MappingNode):
        yield node
        for pair in node.value:
            for child in pair:
                yield from _mappings_in(child)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _mappings_in(item)


def _plain(node: Node, loader: BoundedLoader) -> Any:
    if isinstance(node, MappingNode):
        record = Record((_plain(key, loader), _plain(value, loader)) for key, value in node.value)
        record.line = node.start_mark.line + 1
        return record
    if isinstance(node, SequenceNode):
        return [_plain(item, loader) for item in node.value]
    # Scalars as the safe loader makes them (numbers, booleans, null), dates left as text.
    return loader.construct_object(node, deep=True)
