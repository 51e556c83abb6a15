"""The files of each language's media kit: what editors put in docs/<lang>/media-kit/ (and
its folders), read as sources are read.

A file of the kit is a regular file there, not hidden, with a name a page can carry, not
empty and at most ``MAX_KIT_FILE_BYTES``. Anything else (a symbolic link wherever it
points, a link to a folder, a named pipe or a device, a hidden file or folder) is a warning
naming it, is never opened or followed, and is withheld from the site: the engine would
otherwise copy what a link points to, outside docs/ too. A Markdown file there is a page
the engine renders, not a file of the kit: a warning says so, and it stays a page.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from ..addresses import MARKDOWN_SUFFIXES
from ..problems import Problem, SourceError, warning
from .reading import name_problem, read_regular

MEDIA_KIT_FOLDER = "media-kit"
# A press photo in print quality is a few megabytes; a file far larger (a video, a dump)
# does not belong in a kit every journalist downloads whole.
MAX_KIT_FILE_BYTES = 25 * 1024 * 1024
_LEFT_OUT = "it is left out of the media kit and not published"


@dataclass(frozen=True)
class KitFile:
    """A file of the kit: its docs path ("en/media-kit/logo.svg"), its name in the kit
    ("logo.svg", "logos/print.png") and its bytes."""

    path: str
    name: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class MediaKit:
    """One language's kit: its files in a fixed order (by name in the kit), the docs paths
    below its folder the site must not publish, and what was wrong."""

    lang: str
    files: tuple[KitFile, ...] = ()
    withheld: frozenset[str] = frozenset()
    problems: tuple[Problem, ...] = ()


def kit_folder(lang: str) -> str:
    """The kit's folder as a docs path ("en/media-kit")."""
    return f"{lang}/{MEDIA_KIT_FOLDER}"


def read_media_kit(docs: Path, lang: str, published: Collection[str]) -> MediaKit:
    """The kit of ``lang``; ``published`` are the docs paths the engine found (links
    followed), of which those below the kit's folder that are neither a file of the kit nor
    a page are withheld."""
    folder = docs / kit_folder(lang)
    files: list[KitFile] = []
    pages: set[str] = set()
    problems: list[Problem] = []
    if folder.is_symlink():
        problems.append(warning(folder, "is a symbolic link to a folder: the media kit is read "
                                        f"from a folder of docs/ only, not followed; {_LEFT_OUT}"))
    elif folder.is_dir():
        _read_folder(folder, "", lang, files, pages, problems)
    kept = {file.path for file in files} | pages
    prefix = kit_folder(lang) + "/"
    withheld = frozenset(path for path in published
                         if path.startswith(prefix) and path not in kept)
    return MediaKit(lang, tuple(sorted(files, key=lambda file: file.name)), withheld,
                    tuple(problems))


def _read_folder(folder: Path, within: str, lang: str, files: list[KitFile], pages: set[str],
                 problems: list[Problem]) -> None:
    try:
        with os.scandir(folder) as listed:
            entries = sorted(listed, key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(warning(folder, f"cannot be listed ({exc.strerror or exc}); {_LEFT_OUT}"))
        return
    for entry in entries:
        path = Path(entry.path)
        name = f"{within}{entry.name}"
        refused = _refusal(path, entry)
        if refused is not None:
            problems.append(refused)
        elif entry.is_dir(follow_symlinks=False):
            _read_folder(path, f"{name}/", lang, files, pages, problems)
        elif path.suffix.lower() in MARKDOWN_SUFFIXES:
            pages.add(f"{kit_folder(lang)}/{name}")
            problems.append(warning(path, "is a page, not a file of the media kit: it is not "
                                          "listed or put in the ZIP (to offer the text as a "
                                          "file, name it .txt)"))
        else:
            kit_file = _kit_file(path, f"{kit_folder(lang)}/{name}", name, problems)
            if kit_file is not None:
                files.append(kit_file)


def _refusal(path: Path, entry: os.DirEntry[str]) -> Problem | None:
    """Why an entry of the kit's folder is not read at all, if it is not."""
    if entry.name.startswith("."):
        what = "folder" if entry.is_dir(follow_symlinks=False) else "file"
        return warning(path, f"is a hidden {what}; {_LEFT_OUT}")
    bad_name = name_problem(path)
    if bad_name is not None:
        return warning(bad_name.path, f"{bad_name.message}; {_LEFT_OUT}")
    if entry.is_symlink():
        return warning(path, "is a symbolic link: the media kit holds regular files only, and "
                             f"the link is not followed (copy the file instead); {_LEFT_OUT}")
    return None


def _kit_file(path: Path, docs_path: str, name: str, problems: list[Problem]) -> KitFile | None:
    try:
        data = read_regular(path, MAX_KIT_FILE_BYTES, lambda size: (
            f"is {size / 1_000_000:.1f} MB: files of the media kit larger than "
            f"{MAX_KIT_FILE_BYTES // (1024 * 1024)} MB are refused"))
    except SourceError as exc:  # a pipe, a device, too large: named, never opened
        problems.append(warning(path, f"{exc.problems[0].message}; {_LEFT_OUT}"))
        return None
    except OSError as exc:
        problems.append(warning(path, f"cannot be read ({exc.strerror or exc}); {_LEFT_OUT}"))
        return None
    if not data:
        problems.append(warning(path, f"is empty; {_LEFT_OUT}"))
        return None
    return KitFile(docs_path, name, data)
