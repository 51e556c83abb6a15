"""Reading: a file in seeds/ becomes a Source, or a Problem that names the file and line.

Sources are regular files in seeds/: a link (to anywhere), a named pipe or a device named
like a clipping is an error naming it, and is never opened, so that nothing outside the
seeds is read and no read blocks. Frontmatter is parsed by python-frontmatter's YAML handler
with a safe loader that keeps dates as text, so that an impossible date is our clear error
and not a crash in YAML.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler

from .decoding import UndecodableError, decode
from .editor_keys import validate_editor_keys
from .model import EditorKey, Line, Source
from .problems import Problem, Severity, SourceError, error

SOURCE_SUFFIXES = (".txt", ".md")
# A press clipping is a few kilobytes; a file of megabytes is not one (a dump, a database, a
# page with its scripts) and is refused before any work is done on it.
MAX_SOURCE_BYTES = 2 * 1024 * 1024


class TextKeepingLoader(yaml.SafeLoader):
    """A safe loader (no object construction) that leaves timestamps as strings."""


TextKeepingLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_HANDLER = YAMLHandler()
# Opening a link or a pipe is what must never happen: the file is opened without following a
# last link and without waiting for a writer (where the system has the flags).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def source_paths(folder: Path) -> list[Path]:
    """Every source file in a folder and below, in a stable order (their names).

    Whatever is named like a clipping is listed, links, pipes and devices too, so that
    reading refuses them by name; so is a link to a folder, which is not followed. Hidden
    files and folders are left alone.
    """
    found: list[Path] = []
    folders = [folder]
    while folders:
        current = folders.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError:
            if current != folder:  # reading says it is a folder that cannot be listed
                found.append(current)
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append(Path(entry.path))
            elif Path(entry.name).suffix.lower() in SOURCE_SUFFIXES or entry.is_dir():
                found.append(Path(entry.path))
    return sorted(found)


def read_regular(path: Path, limit: int, too_large: Callable[[int], str]) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them.

    Raises SourceError naming the file when it is a link, a pipe, a device or a folder, or
    larger than the limit (``too_large`` says so, given its size); OSError when it cannot be
    read.
    """
    _refuse_special(path, os.lstat(path).st_mode)
    descriptor = os.open(path, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        _refuse_special(path, status.st_mode)  # replaced since it was looked at
        if status.st_size > limit:
            raise SourceError(error(path, too_large(status.st_size)))
        data = file.read(limit + 1)
    if len(data) > limit:  # it grew while it was read
        raise SourceError(error(path, too_large(len(data))))
    return data


def _refuse_special(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISLNK(mode):
        target = "to nothing (its target does not exist)" if not path.exists() else ""
        raise SourceError(error(path, f"is a symbolic link {target}".rstrip() + ": the press "
                                      "room reads regular files only (copy the file instead "
                                      "of linking it); the link is not followed"))
    what = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode)
            else "a folder that cannot be listed" if stat.S_ISDIR(mode)
            else "not a regular file")
    raise SourceError(error(path, f"is {what}, not a file the press room reads: it is not "
                                  "opened"))


def source_bytes(path: Path) -> bytes:
    """A source's bytes, refused (SourceError) when it is not a regular file or too large."""
    return read_regular(path, MAX_SOURCE_BYTES, _too_large)


def _too_large(size: int) -> str:
    return (f"is {size / 1_000_000:.1f} MB: clippings larger than "
            f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB are refused (is it an article?)")


def read_source(path: Path, raw: bytes | None = None) -> tuple[Source, list[Problem]]:
    """Read one source and the warnings about it.

    Raises SourceError, naming the file and the line, when the source cannot be used.
    """
    if raw is not None and len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(error(path, _too_large(len(raw))))
    raw = source_bytes(path) if raw is None else raw
    try:
        text, encoding = decode(raw)
    except UndecodableError as exc:
        raise SourceError(error(path, f"cannot be read as text: {exc}")) from exc
    frontmatter, body_start, body = _split_frontmatter(path, text)
    # The handler's frontmatter text starts with the newline that ends the opening "---",
    # so its line 0 is the file's line 1.
    keys = _load_frontmatter(path, frontmatter, first_line=1) if frontmatter is not None else {}
    keys, problems = validate_editor_keys(path, keys)
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        raise SourceError(*errors)
    lines = tuple(
        Line(number, line_text) for number, line_text in enumerate(body.split("\n"), body_start)
    )
    if not any(line.text.strip() for line in lines):
        raise SourceError(error(path, "has no text (the body is empty)"))
    source = Source(path=path, raw=raw, encoding=encoding, body=lines, frontmatter=keys)
    return source, problems


def _split_frontmatter(path: Path, text: str) -> tuple[str | None, int, str]:
    """Return (frontmatter text or None, line number where the body starts, body)."""
    if not _HANDLER.detect(text):
        return None, 1, text
    try:
        frontmatter, content = _HANDLER.split(text)
    except ValueError as exc:
        problem = error(path, "frontmatter is opened with --- but never closed", 1)
        raise SourceError(problem) from exc
    # The handler leaves the newline that ends the closing delimiter at the start of content.
    offset = len(text) - len(content) + (1 if content.startswith("\n") else 0)
    return frontmatter, text.count("\n", 0, offset) + 1, text[offset:]


def _load_frontmatter(path: Path, frontmatter: str, first_line: int) -> dict[str, EditorKey]:
    try:
        data = _HANDLER.load(frontmatter, Loader=TextKeepingLoader)
        node = yaml.compose(frontmatter, Loader=TextKeepingLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        raise SourceError(error(path, f"malformed frontmatter: {problem}", line)) from exc
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        problem = error(path, "frontmatter must be a mapping of keys to values", first_line)
        raise SourceError(problem)
    lines = {key_node.value: first_line + key_node.start_mark.line for key_node, _ in node.value}
    return {str(key): EditorKey(value, lines.get(str(key), first_line))
            for key, value in data.items()}
