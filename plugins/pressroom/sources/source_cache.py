"""The source cache: a source whose bytes have not changed is not read, cleaned or inferred
again. The cache belongs to the code that filled it: any change to the press room's code or
its language data starts a new one. Registries are never cached (they are read every build).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Collection
from functools import cache
from importlib.metadata import version
from pathlib import Path

from ..collector import collector_paused
from .ingest import Outcome

PACKAGE = Path(__file__).resolve().parent.parent
LIBRARIES = ("babel", "py3langid", "python-frontmatter", "PyYAML", "trafilatura", "lxml",
             "pypdfium2")


@cache
def code_fingerprint() -> str:
    """What decides an outcome besides the source: our code and the libraries it leans on."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.read_bytes())
    for library in LIBRARIES:
        digest.update(version(library).encode())
    return digest.hexdigest()


class SourceCache:
    """Outcomes by (path, hash of the bytes and the sidecars'); loaded at the start of a
    build, saved at the end.

    `mkdocs serve` keeps one across its rebuilds instead (`next_build`): the file is read
    once and written when the server stops, not at every edit (a third of a second at 1,000
    stories, seconds at 10,000). A server that dies loses only work: the file still holds
    what it held, and sources changed since are processed again.
    """

    def __init__(self, path: Path | None, serving: bool = False) -> None:
        self.path = path
        self._entries: dict[str, tuple[str, tuple[Outcome, ...]]] = {}
        self._fresh: dict[str, tuple[str, tuple[Outcome, ...]]] = {}
        self._hit_keys: set[str] = set()
        self._unsaved = False
        if path is not None and path.exists():
            self._entries = _entries_of(path)
        # In `mkdocs serve`: each file as it was when the last build read it, and the files
        # changed since, as the system noticed them (see ``known_changes``).
        self._serving = serving
        self._stats: dict[str, FileStat] = {}
        self._fresh_stats: dict[str, FileStat] = {}
        self._changes: ChangedNames | None = None

    def known_changes(self, changed: Collection[Path] | None) -> None:
        """The files changed since the last build, for this build (None: not known). A
        source that is not among them, nor any file beside it whose name starts with its
        own (its sidecars), and whose size and times are as the last build read them, is
        that build's without being read (at 10,000 stories, reading every source took most
        of a second of each rebuild)."""
        self._changes = changed_names(changed) if self._serving else None

    def unchanged(self, source: Path) -> tuple[Outcome, ...] | None:
        """A source's outcomes as the last build had them, where it is known not to have
        changed since; else None, and the source is to be read (``get``)."""
        if not self._serving:
            return None
        key = str(source)
        stat = file_stat(source)
        if stat is None:
            return None
        # As it is before it is read (if it is): a change meanwhile shows next time.
        self._fresh_stats[key] = stat
        entry = self._entries.get(key)
        if (self._changes is None or entry is None or self._stats.get(key) != stat
                or self._changes.touch(source)):
            return None
        self._hit_keys.add(key)
        self._fresh[key] = entry
        return entry[1]

    def get(self, source: Path, digest: str) -> tuple[Outcome, ...] | None:
        """The outcomes of a file (a message's attachments too) whose bytes, with its
        sidecars', have this digest; None when they changed or were never seen."""
        entry = self._entries.get(str(source))
        if entry is not None and entry[0] == digest:
            self._hit_keys.add(str(source))
            self._fresh[str(source)] = entry
            return entry[1]
        return None

    @property
    def hits(self) -> int:
        """Sources found unchanged in this build."""
        return len(self._hit_keys)

    def put(self, source: Path, digest: str, outcomes: tuple[Outcome, ...]) -> None:
        self._fresh[str(source)] = (digest, outcomes)

    def next_build(self) -> None:
        """What this build used is what the next one starts from; sources that were removed
        leave the cache."""
        if not self._fresh.keys() == self._entries.keys() == self._hit_keys:
            self._unsaved = True
        self._entries, self._fresh, self._hit_keys = self._fresh, {}, set()
        self._stats, self._fresh_stats, self._changes = self._fresh_stats, {}, None

    def save(self) -> None:
        """Write what the last build used (after `next_build`). A cache that did not change
        leaves the file as it is (writing it costs seconds at 10,000 stories)."""
        if self.path is None or not self._unsaved:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("wb") as file:
            # The fingerprint first, on its own: a file another version of the code wrote is
            # recognised without unpickling its outcomes, whose classes may have moved since.
            pickle.dump(code_fingerprint(), file, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(self._entries, file, protocol=pickle.HIGHEST_PROTOCOL)
        self._unsaved = False


# A file as the system describes it: a write changes its size or its times, a replacement
# its inode.
FileStat = tuple[int, int, int, int]


def file_stat(path: Path) -> FileStat | None:
    try:
        stat = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


# Past this many changed files (a checkout, a copy), every source is read as at the start.
MAX_CHANGES_FOLLOWED = 200


class ChangedNames:
    """Changed files, as names by folder, so that a source finds its own and its sidecars'."""

    def __init__(self, changed: Collection[Path]) -> None:
        self._names: dict[str, list[str]] = {}
        for path in changed:
            folder, name = os.path.split(os.path.abspath(path))
            self._names.setdefault(folder, []).append(name)

    def touch(self, source: Path) -> bool:
        if not self._names:  # most rebuilds' sources, all but one
            return False
        folder, name = os.path.split(os.path.abspath(source))
        return any(changed.startswith(name) for changed in self._names.get(folder, ()))


def changed_names(changed: Collection[Path] | None) -> ChangedNames | None:
    if changed is None or len(changed) > MAX_CHANGES_FOLLOWED:
        return None
    return ChangedNames(changed)


def _entries_of(path: Path) -> dict[str, tuple[str, tuple[Outcome, ...]]]:
    """What a cache file holds, if this code wrote it; nothing from a file another version
    wrote (its fingerprint differs), nor from one that is damaged or not a cache at all."""
    try:
        with path.open("rb") as file, collector_paused():
            if pickle.load(file) != code_fingerprint():
                return {}
            entries = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, ImportError,
            AttributeError, IndexError, KeyError):
        return {}
    return entries if isinstance(entries, dict) else {}
