"""Problems found in sources: what editors must see, with the file and the line."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

# The package's own folder: a fault is located in its code, not in the libraries it calls.
PACKAGE = Path(__file__).parent


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

    def message_from(self, root: Path) -> str:
        """As the build prints it: the file relative to ``root`` where it is below it."""
        path = self.path.relative_to(root) if self.path.is_relative_to(root) else self.path
        where = f"{path}:{self.line}" if self.line else str(path)
        return f"{where}: {self.message}"


def error(path: Path, message: str, line: int | None = None) -> Problem:
    return Problem(Severity.ERROR, path, message, line)


def warning(path: Path, message: str, line: int | None = None) -> Problem:
    return Problem(Severity.WARNING, path, message, line)


def note(path: Path, message: str, line: int | None = None) -> Problem:
    return Problem(Severity.NOTE, path, message, line)


def fault(path: Path, exc: Exception, line: int | None = None) -> Problem:
    """The error for a file (or a registry entry) the press room's own code failed on: the
    build goes on without it, and the message says where in the code, for the maintainer
    who fixes it with the file as the example that shows it."""
    ours = [frame for frame in traceback.extract_tb(exc.__traceback__)
            if Path(frame.filename).is_relative_to(PACKAGE)]
    where = f" in {Path(ours[-1].filename).relative_to(PACKAGE)}:{ours[-1].lineno}" if ours else ""
    return error(path, "could not be processed, a fault in the press room rather than in the "
                       f"file ({type(exc).__name__}{where}: {exc}); it is left out until the "
                       "fault is fixed: please report it with this file", line)


class SourceError(Exception):
    """Raised while reading a source that cannot be used at all."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems
