"""YAML that editors write (frontmatter, registries), read within bounds.

A safe loader constructs no objects, but it is not bounded: a kilobyte of nested aliases
expands to gigabytes, a few hundred nested brackets exhaust Python's stack, and a tag the
safe loader does not know is an exception of its own. This loader composes the document
once, counting as it goes, and refuses by name, at the line, what goes past a bound:

- nesting deeper than ``MAX_DEPTH``;
- aliases that repeat more than the loader's ``alias_budget`` values in all (an alias costs
  what it stands for, so a chain of aliases of aliases is counted at its full size), or an
  alias inside the value it names (a cycle);
- any tag but those of plain data (text, numbers, booleans, null, lists, mappings): no
  ``!!python/...``, no local tags.

Timestamps stay text, so that an impossible date is the press room's clear error and not a
crash in YAML. Every scalar is made safe for pages and feeds (see ``unsafe_characters``); the
loader keeps what it took out, by line, for the caller to report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .unsafe_characters import safe_text

MAX_DEPTH = 50
# Frontmatter is a handful of keys: aliases there repeat a few values at most.
FRONTMATTER_ALIAS_BUDGET = 1_000
_CORE = "tag:yaml.org,2002:"
# The tags of plain data, by the kind of node that may carry them.
SCALAR_TAGS = frozenset(_CORE + name for name in ("null", "bool", "int", "float", "str", "merge"))
MERGE = _CORE + "merge"
_COLLECTION_TAGS = {SequenceNode: _CORE + "seq", MappingNode: _CORE + "map"}
# Numbers and booleans are constructed while composing: "!!int abc", "!!bool maybe" or an
# integer of 5,000 digits fails there, at its line, and not later in the constructor.
_CHECKED_TAGS = frozenset(_CORE + name for name in ("bool", "int", "float"))


class RefusedYAML(yaml.MarkedYAMLError):
    """YAML the press room will not read: past a bound, or a tag it does not construct."""


@dataclass(frozen=True)
class Repair:
    """Characters taken out of a scalar on a line (0-based, as YAML counts)."""

    line: int
    removed: tuple[str, ...]


class TextKeepingLoader(yaml.SafeLoader):
    """A safe loader (no object construction) that leaves timestamps as strings."""


# Dates stay text; so does a lone "=", which YAML 1.1 reads as a "value" key that the safe
# loader has no constructor for.
_TEXT_KEPT = (_CORE + "timestamp", _CORE + "value")
TextKeepingLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _TEXT_KEPT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class BoundedLoader(TextKeepingLoader):
    """Composes within the bounds above; ``repairs`` holds what was made safe."""

    alias_budget = FRONTMATTER_ALIAS_BUDGET
    # Whether "<<: *defaults" may merge a mapping's keys into another (the constructor does).
    merge_keys = True

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repairs: list[Repair] = []
        self._depth = 0
        self._repeated = 0
        # Nodes in each composed node, aliases counted at their full size (by id: nodes are
        # neither hashable by value nor short-lived).
        self._sizes: dict[int, int] = {}

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            node = super().compose_node(parent, index)
            self._count_alias(node, event)
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _refused(f"nested deeper than {MAX_DEPTH} levels", event)
        node = super().compose_node(parent, index)
        self._depth -= 1
        self._check_tag(node)
        if isinstance(node, ScalarNode):
            self._make_safe(node)
            self._check_value(node)
        self._sizes[id(node)] = 1 + sum(self._sizes[id(child)] for child in _children(node))
        return node

    def _check_tag(self, node: Node) -> None:
        allowed = SCALAR_TAGS if isinstance(node, ScalarNode) else {_COLLECTION_TAGS[type(node)]}
        if node.tag == MERGE and not self.merge_keys:
            raise _refused("a merge key (<<) is not read here: write the keys out", node)
        if node.tag not in allowed:
            raise _refused(f"the tag {_short(node.tag)} is not plain data here (text, "
                           "numbers, true/false, lists, mappings)", node)

    def _check_value(self, node: ScalarNode) -> None:
        if node.tag not in _CHECKED_TAGS:
            return
        try:
            self.construct_object(node)
        except (ValueError, KeyError, OverflowError) as exc:
            value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
            raise _refused(f"{value!r} cannot be read as {_short(node.tag)}", node) from exc

    def _count_alias(self, node: Node, event: yaml.Event) -> None:
        size = self._sizes.get(id(node))
        if size is None:
            raise _refused(f"the alias *{event.anchor} stands inside the value it names", event)
        self._repeated += size
        if self._repeated > self.alias_budget:
            raise _refused(f"aliases repeat more than {self.alias_budget} values", event)

    def _make_safe(self, node: ScalarNode) -> None:
        safe, removed = safe_text(node.value)
        if removed:
            node.value = safe
            self.repairs.append(Repair(node.start_mark.line, tuple(removed)))


def compose_bounded(text: str, loader_class: type[BoundedLoader] = BoundedLoader,
                    ) -> tuple[Node | None, BoundedLoader]:
    """The document's node (None when empty) and the loader, which constructs its values
    (``construct_document``, ``construct_object``) and holds the repairs."""
    loader = loader_class(text)
    try:
        return loader.get_single_node(), loader
    finally:
        loader.dispose()


def duplicate_keys(node: MappingNode) -> list[tuple[str, int, int]]:
    """Keys a mapping gives twice: (key, first line, repeated line), lines 0-based. YAML
    forbids them, and the loader would keep the last value without a word."""
    first: dict[str, int] = {}
    found = []
    for key, _ in node.value:
        if not isinstance(key, ScalarNode):
            continue
        if key.value in first:
            found.append((key.value, first[key.value], key.start_mark.line))
        else:
            first[key.value] = key.start_mark.line
    return found


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value
    if isinstance(node, MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def _refused(problem: str, where: Node | yaml.Event) -> RefusedYAML:
    return RefusedYAML(problem=problem, problem_mark=where.start_mark)


def _short(tag: str) -> str:
    """A tag as an editor writes it ("!!python/name:os.system"), cut if long."""
    short = "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag
    return short if len(short) <= 60 else short[:57] + "..."
