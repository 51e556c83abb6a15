"""Reading: a file in seeds/ becomes a Source, or a Problem that names the file and line.

Sources are regular files in seeds/: a link (to anywhere), a named pipe or a device named
like a clipping is an error naming it, and is never opened, so that nothing outside the
seeds is read and no read blocks. Frontmatter is read with the bounded loader of
``editor_yaml``; characters no page or feed can carry are taken out of the text and the
frontmatter's values, each line's repair a warning.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import partial
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler

from ..model import EditorKey, Line, Source
from ..problems import Problem, Severity, SourceError, error, note, warning
from .decoding import MojibakeRepair, UndecodableError, decode_repaired
from .editor_keys import validate_editor_keys
from .editor_yaml import RefusedYAML, Repair, compose_bounded, duplicate_keys
from .unsafe_characters import removal_note, safe_lines, shown

TEXT_SUFFIXES = (".txt", ".md")
# Clippings in the forms they arrive in (``formats``): a page saved from the browser, a
# message forwarded from a media-monitoring service, a PDF.
PAGE_SUFFIXES = (".html", ".htm")
MAIL_SUFFIXES = (".eml",)
PDF_SUFFIXES = (".pdf",)
SOURCE_SUFFIXES = (*TEXT_SUFFIXES, *PAGE_SUFFIXES, *MAIL_SUFFIXES, *PDF_SUFFIXES)
# A press clipping is a few kilobytes; a file of megabytes is not one (a dump, a database, a
# page with its scripts) and is refused before any work is done on it.
MAX_SOURCE_BYTES = 2 * 1024 * 1024
# A saved page carries its scripts, styles and inline images, a message its attachments, a
# PDF its fonts: each is allowed more, and still bounded.
MAX_FORMAT_BYTES = {".html": 8, ".htm": 8, ".eml": 25, ".pdf": 20}
# Frontmatter is a handful of keys; the rest of a file that long is not frontmatter.
MAX_FRONTMATTER_CHARS = 64 * 1024
# A file with repairs on many lines gets a warning for each of the first ones and one for the
# rest (at the first of them): a few lines to read, not thousands of warnings.
MAX_REPAIR_WARNINGS = 10

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


def name_problem(path: Path) -> Problem | None:
    """An error for a file whose name no page or report can carry (bytes that are not UTF-8,
    control characters), naming it as well as it can be written; None for a good name."""
    if shown(path.name) == path.name:
        return None
    codes = ", ".join(dict.fromkeys(f"U+{ord(char):04X}" for char in path.name
                                    if shown(char) != char))
    return error(path.with_name(shown(path.name)),
                 f"the file name holds characters that pages and reports cannot carry "
                 f"({codes}): rename the file")


def source_bytes(path: Path) -> bytes:
    """A source's bytes, refused (SourceError) when it is not a regular file or too large."""
    limit = size_limit(path)
    return read_regular(path, limit, partial(_too_large, limit=limit))


def size_limit(path: Path) -> int:
    """The most bytes a source of this kind may have."""
    megabytes = MAX_FORMAT_BYTES.get(path.suffix.lower())
    return megabytes * 1024 * 1024 if megabytes else MAX_SOURCE_BYTES


def _too_large(size: int, limit: int = MAX_SOURCE_BYTES) -> str:
    return (f"is {size / 1_000_000:.1f} MB: clippings larger than "
            f"{limit // (1024 * 1024)} MB are refused (is it an article?)")


def read_source(path: Path, raw: bytes | None = None) -> tuple[Source, list[Problem]]:
    """Read one source and the warnings about it.

    Raises SourceError, naming the file and the line, when the source cannot be used.
    """
    if raw is not None and len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(error(path, _too_large(len(raw))))
    raw = source_bytes(path) if raw is None else raw
    try:
        text, encoding, repaired = decode_repaired(raw)
    except UndecodableError as exc:
        raise SourceError(error(path, f"cannot be read as text: {exc}")) from exc
    text, removed = safe_lines(text)
    problems = [*mojibake_notes(path, repaired), *repair_warnings(path, removed)]
    frontmatter, body_start, body = _split_frontmatter(path, text)
    # The handler's frontmatter text starts with the newline that ends the opening "---",
    # so its line 0 is the file's line 1.
    keys, found = (_load_frontmatter(path, frontmatter, first_line=1)
                   if frontmatter is not None else ({}, []))
    keys, invalid = validate_editor_keys(path, keys)
    problems += found + invalid
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


def load_editor_keys(
    path: Path, frontmatter: str, first_line: int
) -> tuple[dict[str, EditorKey], list[Problem]]:
    """Editor keys written as YAML (a frontmatter, a sidecar file), with their lines."""
    return _load_frontmatter(path, frontmatter, first_line)


def _load_frontmatter(
    path: Path, frontmatter: str, first_line: int
) -> tuple[dict[str, EditorKey], list[Problem]]:
    """The editor's keys with their lines, and the problems found in reading them."""
    if len(frontmatter) > MAX_FRONTMATTER_CHARS:
        raise SourceError(error(path, f"frontmatter of {len(frontmatter):,} characters refused: "
                                      f"at most {MAX_FRONTMATTER_CHARS:,} are read", first_line))
    try:
        node, loader = compose_bounded(frontmatter)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        verdict = "frontmatter refused" if isinstance(exc, RefusedYAML) else "malformed frontmatter"
        raise SourceError(error(path, f"{verdict}: {problem}", line)) from exc
    problems = yaml_repair_warnings(path, loader.repairs, first_line)
    if data is None:
        return {}, problems
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        problem = error(path, "frontmatter must be a mapping of keys to values", first_line)
        raise SourceError(problem)
    problems += [error(path, f"frontmatter key {key!r} is given twice (first on line "
                             f"{first_line + first}): which value is meant?", first_line + again)
                 for key, first, again in duplicate_keys(node)]
    lines = {key_node.value: first_line + key_node.start_mark.line for key_node, _ in node.value}
    keys = {str(key): EditorKey(value, lines.get(str(key), first_line))
            for key, value in data.items()}
    return keys, problems


def repair_warnings(path: Path, removed: list[tuple[int, list[str]]]) -> list[Problem]:
    """A warning for each line that had characters taken out (the first lines; then one for
    the rest)."""
    shown = [warning(path, removal_note(chars), line)
             for line, chars in removed[:MAX_REPAIR_WARNINGS]]
    rest = removed[MAX_REPAIR_WARNINGS:]
    if rest:
        chars = [char for _, line_chars in rest for char in line_chars]
        shown.append(warning(path, f"and on {len(rest)} more lines: {removal_note(chars)}",
                             rest[0][0]))
    return shown


def mojibake_notes(path: Path, repairs: list[MojibakeRepair]) -> list[Problem]:
    """A note for each line whose mojibake was repaired (the first lines; then one for the
    rest): the text now reads as meant, but the editor should know it was changed."""
    shown = [note(path, f"repaired mojibake: {_changed_part(repair)}", repair.line)
             for repair in repairs[:MAX_REPAIR_WARNINGS]]
    rest = repairs[MAX_REPAIR_WARNINGS:]
    if rest:
        shown.append(note(path, f"and on {len(rest)} more lines: repaired mojibake",
                          rest[0].line))
    return shown


# A note shows at most this many characters of a line's repaired part, before and after.
_SHOWN_REPAIR = 60


def _changed_part(repair: MojibakeRepair) -> str:
    """'“MÃ¼nchen” now reads “München”': the words from the first that changed to the last."""
    was, now = repair.was.split(" "), repair.now.split(" ")
    changed = [op for op in SequenceMatcher(None, was, now, autojunk=False).get_opcodes()
               if op[0] != "equal"]

    def part(words: list[str], start: int, end: int) -> str:
        piece = " ".join(words[start:end])
        return piece if len(piece) <= _SHOWN_REPAIR else piece[:_SHOWN_REPAIR] + "…"
    return (f"“{part(was, changed[0][1], changed[-1][2])}” now reads "
            f"“{part(now, changed[0][3], changed[-1][4])}”")


def yaml_repair_warnings(path: Path, repairs: list[Repair], first_line: int) -> list[Problem]:
    """The loader's repairs as warnings, at the file's lines."""
    by_line: dict[int, list[str]] = {}
    for repair in repairs:
        by_line.setdefault(first_line + repair.line, []).extend(repair.removed)
    return repair_warnings(path, sorted(by_line.items()))
