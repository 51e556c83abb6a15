"""What the detectors share while one source is cleaned."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..model import Line, Removal


@dataclass
class CleaningContext:
    lang: str
    # Tokens of an injected phrase: where they survive in odd places they mark spam fragments.
    suspects: set[str] = field(default_factory=set)


# A detector looks at the lines as they are now and says what should go (or be repaired).
# It never edits: the cleaner applies its findings, honours the editor and keeps the record.
Detector = Callable[[Sequence[Line], CleaningContext], list[Removal]]


def drop_line(line: Line, rule: str) -> Removal:
    return Removal(line=line.number, text=line.text, rule=rule)


def repair_line(line: Line, rule: str, removed: str, repaired: str) -> Removal:
    return Removal(line=line.number, text=removed, rule=rule, replacement=repaired)


def content_lines(lines: Sequence[Line]) -> list[Line]:
    return [line for line in lines if line.text.strip()]


def trailing_lines(lines: Sequence[Line], count: int) -> list[Line]:
    """The last ``count`` lines that hold text: where page furniture follows an article."""
    return content_lines(lines)[-count:]
