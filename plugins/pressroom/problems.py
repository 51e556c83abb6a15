"""Problems found in sources: what editors must see, with the file and the line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    # An error makes a source unusable: it is reported and left out of the site.
    ERROR = "error"
    # A warning leaves the source on the site, but something is missing or doubtful.
    WARNING = "warning"
    # A note is for the editor's eyes: it never fails a build.
    NOTE = "note"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    path: Path
    message: str
    line: int | None = None

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def __str__(self) -> str:
        return f"{self.location()}: {self.severity.value}: {self.message}"


def error(path: Path, message: str, line: int | None = None) -> Problem:
    return Problem(Severity.ERROR, path, message, line)


def warning(path: Path, message: str, line: int | None = None) -> Problem:
    return Problem(Severity.WARNING, path, message, line)


def note(path: Path, message: str, line: int | None = None) -> Problem:
    return Problem(Severity.NOTE, path, message, line)


class SourceError(Exception):
    """Raised while reading a source that cannot be used at all."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems
