"""Rebuilds in `mkdocs serve`, made cheaper for the editor waiting on them.

MkDocs empties the site folder before every build, one file at a time: 0.8 s for the 6,000
files of 1,000 stories, growing with the archive, all of it before the editor's change is even
read. Moved aside (a handful of renames) the old pages are out of the way at once.

They are deleted once the new build is written, not while it runs. Beside the build, a
thread deleting them holds it up at Python's interpreter lock, which the thread asks for after
every file (a busy thread beside one that reads a folder of 1,700 files ran at 0.94 of its
speed, for 3 s rather than 9 ms); a process of its own takes a core the build and Pagefind
share. Rebuilds of 1,000 stories, five each: with the deleting beside them, medians of 6.4
and 6.6 s; with nothing deleted, 4.8 to 5.7 s; deleted after the build, 5.7 to 6.9 s (the
machine's noise is as large as the difference).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from .sources.source_cache import SourceCache

TRASH_PREFIX = ".pressroom-previous-build-"
# Python itself does the deleting, wherever the press room runs.
_DELETE_FOLDER = "import shutil, sys; shutil.rmtree(sys.argv[1])"


class PreviousBuilds:
    """Site folders of earlier builds: set aside before a build, deleted after it."""

    def __init__(self) -> None:
        self._set_aside: list[Path] = []
        self._removals: list[subprocess.Popen[bytes]] = []

    def set_aside(self, site_dir: Path) -> None:
        """Empties ``site_dir`` now; what was in it waits for `delete`."""
        entries = list(site_dir.iterdir()) if site_dir.is_dir() else []
        if not entries:
            return
        # A sibling folder: on the same file system, so that moving is renaming.
        trash = Path(tempfile.mkdtemp(prefix=TRASH_PREFIX, dir=site_dir.parent))
        for entry in entries:
            entry.rename(trash / entry.name)
        self._set_aside.append(trash)

    def delete(self) -> None:
        """Starts deleting what was set aside, in the background (the build is over)."""
        self._removals = [process for process in self._removals if process.poll() is None]
        for trash in self._set_aside:
            # A session of its own: Ctrl-C stops the server, not the deleting it waits for.
            self._removals.append(subprocess.Popen(
                [sys.executable, "-c", _DELETE_FOLDER, str(trash)], start_new_session=True))
        self._set_aside.clear()

    def finish(self) -> None:
        """Deletes what is left and waits until it is gone (nothing is left behind)."""
        self.delete()
        for removal in self._removals:
            removal.wait()
        self._removals.clear()


class KeptCache:
    """The source cache: read from its file for a build; in `mkdocs serve`, the one the last
    rebuild left, written when the server stops."""

    def __init__(self) -> None:
        self.kept: SourceCache | None = None

    def open(self, path: Path | None, serving: bool) -> SourceCache:
        if serving and self.kept is not None and self.kept.path == path:
            return self.kept
        if self.kept is not None:  # the configuration names another file now
            self.kept.save()
        cache = SourceCache(path)
        self.kept = cache if serving else None
        return cache

    def close(self) -> None:
        if self.kept is not None:
            self.kept.save()
