"""Rebuilds in `mkdocs serve`, made cheaper for the editor waiting on them: the last build's
pages moved aside rather than deleted, and (with `--dirty`) only the pages a change affects
rendered again (see LastBuild below).

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

import dataclasses
import hashlib
import io
import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from .build import Build, Project
from .model import Article
from .pages.site import SitePage
from .publishing.search_index import SearchIndexError, SearchIndexes
from .reuse import Reuse
from .sources.source_cache import SourceCache
from .timing import Timings

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
        cache = SourceCache(path, serving)
        self.kept = cache if serving else None
        return cache

    def close(self) -> None:
        if self.kept is not None:
            self.kept.save()


# Rebuilding only what changed (`mkdocs serve --dirty`, as `make serve` runs it).
#
# A generated page is a pure function of what it is made of: its Markdown, its flags and its
# body's function with the values it is called with (the article, the stories listed, ...),
# and of the frame every page shares: the configuration, the pages editors wrote, the
# registries, the theme, which pages and files the site has. When the frame is the last
# build's, a page whose key is the last build's is written as it was: the engine skips it and
# its file stays. A changed frame (a source added, deleted or renamed, a registry, a template,
# docs/ or mkdocs.yml edited) rebuilds everything. The keys are digests of the values'
# pickles (a tenth of the time their repr took at 1,000 stories): a value that cannot be
# pickled gets a new digest every time, and a set whose equal copies pickle in another order
# makes its page look changed, so such a page is rebuilt (slower, never wrong).


def page_keys(pages: Sequence[SitePage], reuse: Reuse | None = None) -> dict[str, str]:
    """Each page's key, by its docs path. An article, a story, a tag or a contact is in many
    pages (a story's, the listings and tag pages that show it): its digest is made once and
    stands for it in each, and an article's, with the plugin's ``reuse``, across `mkdocs
    serve` rebuilds for as long as the source cache hands out the same article (at 1,000
    stories, pickling every article again was most of the keys' time)."""
    digests = _FrozenDigests(Reuse() if reuse is None else reuse)
    return {page.path: _key(page, digests) for page in pages}


class _FrozenDigests:
    """The digests of the frozen values (frozen dataclasses) in one build's keys, by id, the
    articles' in front of ``reuse``: such a value is in thousands of pages' values, and a
    lookup by id is a thirtieth of a call to ``reuse``. Every value looked up is held by the
    pages being keyed while their keys are made, so an id is no other value's."""

    def __init__(self, reuse: Reuse) -> None:
        self._reuse = reuse
        self._seen: dict[int, bytes] = {}

    def of(self, value: object) -> bytes | None:
        """The value's digest; None where it is not frozen (then pickled as it is)."""
        digest = self._seen.get(id(value))
        if digest is not None:
            return digest
        names = _frozen_fields(type(value))
        if names is None:
            return None
        if isinstance(value, Article):
            digest = self._reuse(_article_digest, value)
        else:
            kind = type(value)
            digest = _digest((kind.__module__, kind.__qualname__,
                              tuple(getattr(value, name) for name in names)), self)
        self._seen[id(value)] = digest
        return digest


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _frozen_fields(kind: type) -> tuple[str, ...] | None:
    """The field names of a frozen dataclass; None for any other type."""
    if kind not in _FIELDS:
        params = getattr(kind, "__dataclass_params__", None)
        _FIELDS[kind] = (tuple(found.name for found in dataclasses.fields(kind))
                         if params is not None and params.frozen else None)
    return _FIELDS[kind]


def page_key(page: SitePage, reuse: Reuse | None = None) -> str:
    return _key(page, _FrozenDigests(Reuse() if reuse is None else reuse))


def _key(page: SitePage, digests: _FrozenDigests) -> str:
    body = page.body
    made_of: object = body
    if isinstance(body, partial):
        made_of = (body.func.__module__, body.func.__qualname__, body.args,
                   sorted(body.keywords.items()))
    value = (page.path, page.markdown, page.translated, page.searchable, made_of)
    return _digest(value, digests).hex()


class _Pickler(pickle.Pickler):
    """A pickle in which each frozen value stands as its own digest."""

    def __init__(self, file: io.BytesIO, digests: _FrozenDigests) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._digests = digests

    def persistent_id(self, obj: object) -> bytes | None:
        return self._digests.of(obj)


def _article_digest(article: Article) -> bytes:
    # Pickled without the pickler above: an article holds no article, and asking
    # persistent_id of each of its thousands of values took longer than the pickling.
    return _digest_of_pickle(lambda data: pickle.Pickler(data, protocol=pickle.HIGHEST_PROTOCOL),
                             article.__dict__)


def frame_key(places: Sequence[Path], *values: object) -> str:
    """The frame: the files at ``places`` (files, or folders with all they hold) by name,
    size and time, and ``values``."""
    files = [path for place in places
             for path in ([place] if place.is_file() else sorted(place.rglob("*")))]
    listing = [(str(path), stat.st_size, stat.st_mtime_ns)
               for path in files if path.is_file() for stat in [path.stat()]]
    return _digest((listing, values)).hex()


def _digest(value: object, digests: _FrozenDigests | None = None) -> bytes:
    """A digest of the value's pickle; what cannot be pickled (a function made in a call)
    gets a digest of its own each time."""
    found = _FrozenDigests(Reuse()) if digests is None else digests
    return _digest_of_pickle(lambda data: _Pickler(data, found), value)


def _digest_of_pickle(pickler: Callable[[io.BytesIO], pickle.Pickler], value: object) -> bytes:
    data = io.BytesIO()
    try:
        pickler(data).dump(value)
    except (pickle.PicklingError, TypeError, AttributeError):
        data = io.BytesIO(os.urandom(16))
    return hashlib.blake2b(data.getvalue(), digest_size=16).digest()


@dataclass
class LastBuild:
    """What the next rebuild compares with: the frame, each generated page's key, the
    search documents of the pages (docs path -> language, URL, document), which a page kept
    as it was hands to the new index again, and the index's parts as they were written."""

    frame: str = ""
    keys: dict[str, str] = field(default_factory=dict)
    # The site's files the press room wrote: its pages' and the files beside them.
    outputs: frozenset[str] = frozenset()
    documents: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    # The search index's parts as written (language and number -> digest of their pages).
    parts: dict[tuple[str, int], bytes] = field(default_factory=dict)
    # The files beside the pages (feeds, exports, forwarding pages...): digests of their
    # contents, by their path in docs.
    files: dict[str, bytes] = field(default_factory=dict)

    def kept(self, frame: str, keys: Mapping[str, str]) -> frozenset[str]:
        """The pages that are as they were (none when the frame changed)."""
        if frame != self.frame:
            return frozenset()
        return frozenset(path for path, key in keys.items() if self.keys.get(path) == key)

    def unchanged_files(self, frame: str, files: dict[str, bytes]) -> frozenset[str]:
        """The files whose contents are the last build's (none when the frame changed: the
        last build's files are then set aside). Writing them again took seconds at 10,000
        stories (a forwarding page for every story that moved)."""
        if frame != self.frame:
            return frozenset()
        return frozenset(path for path, digest in files.items()
                         if self.files.get(path) == digest)

    def next(self, frame: str, keys: dict[str, str], carried: frozenset[str],
             outputs: frozenset[str], files: dict[str, bytes]) -> LastBuild:
        """The record for the build now starting: the documents of the pages that may be
        kept carried over, the others' added as they are rendered."""
        return LastBuild(frame, keys, outputs, {path: document for path, document
                                                in self.documents.items() if path in carried},
                         self.parts, files)


class AfterReload:
    """Work a `--dirty` rebuild leaves for after the browser has reloaded: the parts of the
    search index a change touched (Pagefind took 1.6 s of a 5.3 s rebuild at 1,000 stories,
    with the page written long before). Until it is done, a search may miss those parts'
    pages. The next build waits for it once it has read the sources and made its pages
    (before it compares with the last build and writes anything), and so does the server's
    stop: at 10,000 stories an editor who saved again within seconds waited for all of it."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def start(self, work: Callable[[], None]) -> None:
        self.wait()
        self._thread = threading.Thread(target=work, name="pressroom-after-reload")
        self._thread.start()

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def index_after_reload(indexes: SearchIndexes, documents: Sequence[tuple[str, str, str]],
                       last_build: LastBuild, site: Path, timings: Timings,
                       log: logging.Logger | logging.LoggerAdapter[Any]) -> None:
    """A `--dirty` rebuild's search index, once the browser has reloaded: Pagefind indexes
    again the parts whose pages changed, and the index is written; its services end."""
    try:
        with timings.stage("search index"):
            last_build.parts = indexes.add_in_parts(documents, last_build.parts)
    except SearchIndexError as exc:
        log.error(f"search index: {exc}")
        last_build.parts = {}  # written in part at most: all again next time
    else:
        write_index(indexes, site, timings, last_build, log)
    finally:
        indexes.close()


def write_index(indexes: SearchIndexes, site: Path, timings: Timings, last_build: LastBuild,
                log: logging.Logger | logging.LoggerAdapter[Any]) -> None:
    try:
        with timings.stage("search write"):
            summaries = indexes.write(site)
    except SearchIndexError as exc:
        log.error(f"search index: {exc}")
        last_build.parts = {}
    else:
        log.debug("; ".join(summaries))


class ChangeStamp:
    """The sources' folder watched by the system's own notice of changes (inotify on Linux),
    each change passed on to the engine as a write to a stamp file in a folder of its own,
    which the engine watches (``folder``).

    The engine polls what it watches: every half second it lists the folder and asks the
    size and time of each file, and for a file it watches, of each file beside it. At 10,000
    stories (17,000 files, the registries among them) the polling threads and the build took
    turns at Python's interpreter lock after every one of those calls: an edit took 72 to
    88 s to show, most of it waiting. Where the system gives no such notice (`start` returns
    False), the engine polls the folder."""

    # What changes a source. Reading one, as every build reads every source, is no change,
    # and the system is not even asked to tell of it: at 10,000 stories, the notices of
    # 17,000 files opened and closed took the build's reading from 0.5 to 10 s.
    CHANGES = (FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent,
               FileClosedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent)

    def __init__(self) -> None:
        self._observer: Any = None
        self.folder: Path | None = None
        self.stamp: Path | None = None
        self._count = 0
        # The files changed since the last ``take``, and whether that is all of them.
        self._lock = threading.Lock()
        self._changed: set[Path] = set()
        self._complete = False

    def start(self, folders: Sequence[Path]) -> bool:
        self.stop()
        self.folder = Path(tempfile.mkdtemp(prefix="pressroom-changes-"))
        self.stamp = self.folder / "changes.txt"
        self.stamp.write_text("", encoding="utf-8")
        handler = FileSystemEventHandler()
        handler.on_any_event = self._noticed  # type: ignore[method-assign]
        observer = Observer()
        try:
            for folder in folders:
                observer.schedule(handler, str(folder), recursive=True,
                                  event_filter=list(self.CHANGES))
            observer.start()
        except OSError:  # no notice here (a limit reached, a file system without it)
            self.stop()
            return False
        with self._lock:
            # From here on every change is noticed; one made since the last build read its
            # file shows in the file's size and times (``SourceCache.unchanged``).
            self._observer = observer
            self._changed, self._complete = set(), True
        return True

    def _noticed(self, event: FileSystemEvent) -> None:
        with self._lock:
            if event.is_directory:  # what a folder moved in or out holds is not named
                self._complete = False
            else:
                self._changed.update(Path(os.fsdecode(path))
                                     for path in (event.src_path, event.dest_path) if path)
        if self.stamp is not None:
            self._count += 1
            self.stamp.write_text(str(self._count), encoding="utf-8")

    def take(self) -> frozenset[Path] | None:
        """The files changed since the last take; None where that is not known: at the
        first take, after a folder's change, and where the system gives no notice."""
        with self._lock:
            changed = frozenset(self._changed) if self._complete else None
            self._changed = set()
            self._complete = self._observer is not None
        return changed

    def stop(self) -> None:
        with self._lock:
            self._complete = False
        if self._observer is not None:
            self._observer.stop()
            self._observer.join()
            self._observer = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = self.stamp = None


def file_digests(files: Mapping[str, str | bytes]) -> dict[str, bytes]:
    return {path: hashlib.blake2b(content.encode("utf-8") if isinstance(content, str)
                                  else content, digest_size=16).digest()
            for path, content in files.items()}


def stale_outputs(site_dir: Path, gone: Iterable[str]) -> None:
    """The files of pages and outputs the last build wrote and this one does not, and the
    folders they leave empty."""
    for name in sorted(gone):
        path = site_dir / name
        path.unlink(missing_ok=True)
        for folder in path.parents:
            if folder == site_dir or not folder.is_relative_to(site_dir) or any(folder.iterdir()):
                break
            folder.rmdir()


def site_frame(project: Project, built: Build, theme_places: Sequence[Path]) -> str:
    """The frame of a build (see above): what every page shows or links besides its own.
    Which pages the site has is not in it: a page added or gone changes the keys of the pages
    that list or link it (their values name it), a gone page's files are removed
    (``stale_outputs``), and the hand-written pages, which may link any page, are rendered
    again whenever the set of pages changes."""
    registries = [project.taxonomy.path, project.cases.path, project.contacts.path]
    return frame_key(
        [project.config_file, project.docs, *registries, *theme_places],
        sorted(project.written.items()), built.footers, built.brand, built.social_image,
        project.site_url, project.directory_urls, project.preview,
        project.require_translations, project.newest_first, project.placeholders,
        project.social_image)
