"""Registries (taxonomy, cases) are YAML files that editors write: read safely, with lines.

Every mapping comes back as a ``Record`` that knows the line it starts on, so that an error in
a registry names the file and the line, as errors in sources do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import SourceError, error
from .reading import TextKeepingLoader


class Record(dict[str, Any]):
    """A mapping from a registry file, with the line (1-based) it starts on."""

    line: int = 0


def load_registry(path: Path) -> list[Record]:
    """A registry file as a list of records; raise SourceError naming the file and the line."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=TextKeepingLoader)
    except OSError as exc:
        raise SourceError(error(path, f"cannot be read: {exc}")) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise SourceError(error(path, f"is not valid YAML: {getattr(exc, 'problem', exc)}",
                                line)) from exc
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise SourceError(error(path, "must be a list of entries", node.start_mark.line + 1))
    records = [_plain(item) for item in node.value]
    for item, record in zip(node.value, records, strict=True):
        if not isinstance(record, Record):
            line = item.start_mark.line + 1
            raise SourceError(error(path, "every entry must be a mapping", line))
    return records


def _plain(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        record = Record((_plain(key), _plain(value)) for key, value in node.value)
        record.line = node.start_mark.line + 1
        return record
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    # Scalars as the safe loader makes them (numbers, booleans, null), dates left as text.
    return _SCALARS.construct_object(node, deep=True)


_SCALARS = TextKeepingLoader("")
