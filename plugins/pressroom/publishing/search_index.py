"""The search index: Pagefind, one index per language (``pagefind/<lang>/``), fed while the
site is written.

Pagefind stems each language its own way and the browser loads an index in small chunks. It
runs from its PyPI package (the binary ships in the wheel), so the build stays offline.

Pagefind runs as a service beside the build: each searchable page is handed over (its
content only) as soon as MkDocs has rendered it, and an index is written as soon as its last
page is in.

The service is spoken to here, not through Pagefind's Python API (``pagefind.index``), which
cannot keep the build's pace: it sleeps 0.1 s before it reads each reply, one per page (150
pages took 15.5 s through it, 0.5 s here, in one run); a reply over 2 MiB (the files of an
index of about 800 pages of the benchmark's archive; parts have up to 3,000) stops its
reading for good, so ``get_files`` never returns; and its ``write_files`` has the service
write the files and stops it as soon as it answers, which left files empty (see ``write``).
From the package, the binary's lookup is used.

Writing holds every page of the index in memory at once (0.15 to 0.22 MB a page in
the benchmark's archives), so a language's index is written in parts of at most ``PART_PAGES``
pages, one service each, one after the other: Pagefind's memory follows a part's size, not the
archive's. The first part is the language's index (``pagefind/<lang>/``), the others are
merged into it in the browser (Pagefind's ``mergeIndex``; ``PARTS_FILE`` names them), and use
its script and wasm.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Any

from pagefind.service import get_executable

from .pagefind_files import PagefindFormatError, canonical_files, in_fixed_order

OUTPUT = "pagefind"
# Pagefind writing a part of 3,000 pages took 0.44 GB at 5,000 stories, 0.65 GB at 10,000
# (where the build itself holds 0.9 GB): together under the 1.5 GB the build may take.
PART_PAGES = 3000
# In a language's folder: the folders of its other parts, relative to it, for the browser.
PARTS_FILE = "pressroom-parts.json"
# Where the browser starts reading an index: written last, so that a part is whole once it
# is there.
ENTRY_FILE = "pagefind-entry.json"
# The service's messages are base64 JSON, each followed by a comma.
_END = b","
# Pagefind also writes its ready-made interfaces; the site has its own (theme/assets/
# pressroom/search.js), so these would only be shipped, never loaded.
UNUSED_FILES = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*",
                "pagefind-highlight.js")
# A merged part is searched with the first part's script, worker and wasm.
LOADED_FROM_FIRST_PART = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")


class SearchIndexError(RuntimeError):
    pass


def searchable_document(lang: str, title: str, content: str) -> str:
    """What Pagefind reads of a page: its language and its content, as the theme shows it
    (with the title as heading when the content has none). Pagefind would read the same out of
    the whole page (theme/main.html marks the content), but the whole page is four times as
    long, and parsing it was most of Pagefind's time."""
    heading = "" if "<h1" in content else f"<h1>{html.escape(title)}</h1>"
    return (f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head>"
            f"<body><div data-pagefind-body>{heading}{content}</div></body></html>")


def _pagefind_binary() -> str:
    # Pagefind's Python package finds the binary its wheel ships (or PAGEFIND_BINARY_PATH).
    binary = get_executable()
    if binary is None:
        raise SearchIndexError("Pagefind's binary is not installed (pagefind[bin])")
    return str(binary)


class SearchIndexes:
    """The search index of every language: pages in while the site is written, each
    language's parts out into ``pagefind/<lang>/`` under the site.

    A part is written as soon as it is full, in the background, while MkDocs renders other
    pages; given how many pages a language has (``expected``), its last part is written as
    soon as its last page is in (the plugin hands MkDocs the searchable pages language by
    language, and the others last). Writing takes Pagefind about 0.75 ms a page, 6 s for 8,000
    pages, which would otherwise all come after the last page. One part is written at a time,
    for memory."""

    def __init__(self, site_dir: Path | None = None,
                 expected: Mapping[str, int] | None = None,
                 part_pages: int = PART_PAGES) -> None:
        self._site_dir = site_dir
        self._expected = dict(expected or {})
        self._part_pages = part_pages
        self._parts: dict[str, list[SearchIndexer | _WrittenPart]] = {}
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-index")
        self._written: list[Future[str]] = []
        self._started: dict[str, int] = {}  # parts whose writing has started, per language
        self._finished: set[str] = set()

    def add(self, lang: str, url: str, html: str) -> None:
        if lang in self._finished:  # the count was wrong: fail rather than miss the page
            raise SearchIndexError(f"{url} came after the {lang} index was written")
        parts = self._parts.setdefault(lang, [])
        if not parts or parts[-1].pages == self._part_pages:
            parts.append(SearchIndexer())
        parts[-1].add(url, html)
        if self._site_dir is None:
            return
        if sum(part.pages for part in parts) == self._expected.get(lang):
            self._finish(lang, self._site_dir)
        elif parts[-1].pages == self._part_pages:
            self._start_writing(lang, self._site_dir)

    def add_in_parts(self, documents: Sequence[tuple[str, str, str]],
                     last: Mapping[tuple[str, int], bytes]) -> dict[tuple[str, int], bytes]:
        """Every page at once, in the engine's order (language, URL, document), after a
        rebuild that kept pages: a part whose pages are exactly those of the part the last
        build wrote in its place (``last``: a digest per language and part) is still on disk
        and is not indexed again; the others' old files go first. Returns the digests."""
        assert self._site_dir is not None
        by_lang: dict[str, list[tuple[str, str]]] = {}
        for lang, url, document in documents:
            by_lang.setdefault(lang, []).append((url, document))
        digests: dict[tuple[str, int], bytes] = {}
        for lang, pages in by_lang.items():
            for number, start in enumerate(range(0, len(pages), self._part_pages), 1):
                part = pages[start:start + self._part_pages]
                digest = digests[(lang, number)] = hashlib.blake2b(
                    json.dumps(part).encode("utf-8"), digest_size=16).digest()
                folder = part_folder(self._site_dir, lang, number)
                if last.get((lang, number)) == digest and (folder / ENTRY_FILE).is_file():
                    self._parts.setdefault(lang, []).append(_WrittenPart(len(part), folder))
                    continue
                _clear_part(folder)
                for url, document in part:
                    self.add(lang, url, document)
        _remove_parts_beyond(self._site_dir / OUTPUT, digests)
        return digests

    def write(self, site_dir: Path) -> list[str]:
        """Write every part not written yet, and wait for all; raise on the first error."""
        try:
            for lang in sorted(self._parts.keys() - self._finished):
                self._finish(lang, site_dir)
            return [written.result() for written in self._written]
        finally:
            self.close()

    def _finish(self, lang: str, site_dir: Path) -> None:
        """The language's parts written, and their list for the browser."""
        self._finished.add(lang)
        count = len(self._parts[lang])
        while self._started.get(lang, 0) < count:
            self._start_writing(lang, site_dir)
        folder = part_folder(site_dir, lang, 1)
        folder.mkdir(parents=True, exist_ok=True)
        merged = [f"{_merged_part_name(number)}/" for number in range(2, count + 1)]
        (folder / PARTS_FILE).write_text(json.dumps({"parts": merged}), encoding="utf-8")

    def _start_writing(self, lang: str, site_dir: Path) -> None:
        """The language's next part written, after those already under way."""
        number = self._started[lang] = self._started.get(lang, 0) + 1
        part, folder = self._parts[lang][number - 1], part_folder(site_dir, lang, number)
        unused = UNUSED_FILES if number == 1 else UNUSED_FILES + LOADED_FROM_FIRST_PART
        self._written.append(self._writer.submit(part.write, folder, unused))

    def close(self) -> None:
        self._writer.shutdown(wait=False, cancel_futures=True)
        for parts in self._parts.values():
            for part in parts:
                part.close()


class _WrittenPart:
    """A part the last build wrote as it would be written now: left as it is."""

    def __init__(self, pages: int, folder: Path) -> None:
        self.pages = pages
        self._folder = folder

    def write(self, folder: Path, unused: tuple[str, ...] = UNUSED_FILES) -> str:
        return f"{self.pages} pages kept in {self._folder}"

    def close(self) -> None:
        pass


def _remove_parts_beyond(root: Path, parts: Mapping[tuple[str, int], bytes]) -> None:
    """The parts of the last build that this one has not (fewer pages, or a language
    without any): gone."""
    if not root.is_dir():
        return
    for folder in root.iterdir():
        count = sum(lang == folder.name for lang, _ in parts)
        if not count:
            shutil.rmtree(folder)
            continue
        for part in folder.glob(f"{PART_PREFIX}*"):
            number = part.name.removeprefix(PART_PREFIX)
            if part.is_dir() and (not number.isdigit() or int(number) > count):
                shutil.rmtree(part)


def _clear_part(folder: Path) -> None:
    """A part's files gone before it is written again (their names are their contents'); a
    first part's folder keeps the folders of the others."""
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name.startswith(PART_PREFIX):
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def part_folder(site_dir: Path, lang: str, number: int) -> Path:
    """Where a part of a language's index goes: the first in ``pagefind/<lang>/``, the
    others in folders of their own beside its files."""
    folder = site_dir / OUTPUT / lang
    return folder if number == 1 else folder / _merged_part_name(number)


PART_PREFIX = "part-"


def _merged_part_name(number: int) -> str:
    return f"{PART_PREFIX}{number}"


# The index's files are written by a process of their own. Beside the build's rendering, a
# thread making thousands of small files waits for the interpreter lock after each system
# call: a part of 3,000 pages took it 3 to 6.6 s at 10,000 stories, and the last part's
# writing outlasted the build by up to 4.4 s.
_WRITE_FILES = ("from pressroom.publishing.search_index import write_index_files_from_stdin; "
                "write_index_files_from_stdin()")


def _write_in_a_process(folder: Path, files: list[dict[str, str]],
                        unused: tuple[str, ...]) -> None:
    """Pagefind's files (paths relative to the index, contents base64) written into
    ``folder``, but those matching ``unused``."""
    wanted = [file for file in files
              if not any(fnmatchcase(file["path"], pattern) for pattern in unused)]
    written = subprocess.run([sys.executable, "-c", _WRITE_FILES, str(folder)],
                             input=json.dumps(wanted).encode("utf-8"), capture_output=True)
    if written.returncode != 0:
        message = written.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"]
        raise SearchIndexError(message[-1])


def _in_a_fixed_order(files: list[dict[str, str]]) -> list[dict[str, str]]:
    """Pagefind's files (contents base64) with its filters in a fixed order, so that the
    same pages give the same files (see pagefind_files)."""
    chosen = {file["path"]: base64.b64decode(file["content"]) for file in files
              if in_fixed_order(file["path"])}
    try:
        fixed = canonical_files(chosen)
    except PagefindFormatError as exc:
        raise SearchIndexError(f"Pagefind's files cannot be put in a fixed order: {exc}") \
            from exc
    return [*(file for file in files if file["path"] not in chosen),
            *({"path": path, "content": base64.b64encode(data).decode("ascii")}
              for path, data in sorted(fixed.items()))]


def write_index_files_from_stdin() -> None:
    """In the writing process: the files (JSON on stdin) into the folder named first."""
    try:
        write_index_files(Path(sys.argv[1]), json.loads(sys.stdin.buffer.read()))
    except SearchIndexError as exc:
        sys.exit(str(exc))


def write_index_files(folder: Path, files: list[dict[str, str]]) -> None:
    """The entry file last: a part cut short by an error is never read as whole."""
    made: set[Path] = set()
    try:
        for file in sorted(files, key=lambda file: file["path"] == ENTRY_FILE):
            target = folder / _relative_path(file["path"])
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(base64.b64decode(file["content"]))
    except OSError as exc:
        raise SearchIndexError(f"the search index cannot be written into {folder}: {exc}") \
            from exc


def _relative_path(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts:
        raise SearchIndexError(f"Pagefind named a file outside its index: {name!r}")
    return path


class SearchIndexer:
    """One index (a language's, or a part of it): pages in, one by one; the index out into a
    folder."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        # Pagefind's own messages, for the error when it stops; open as long as it runs.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self._replies: list[dict[str, Any]] = []
        self._errors: list[str] = []
        self._arrived = threading.Condition()
        self._next_id = 0
        # Messages for Pagefind, written to its pipe by a thread of their own (None: stop).
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._broken_pipe: OSError | None = None
        self._index_id: int | None = None
        self.pages = 0

    def add(self, url: str, html: str) -> None:
        """One page, with the URL readers reach it at (from the site's root, "/de/...")."""
        if self._index_id is None:
            self._start()
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url,
                    "file_path": None, "file_contents": html})
        self.pages += 1

    def write(self, folder: Path, unused: tuple[str, ...] = UNUSED_FILES) -> str:
        """Write the index into ``folder``, without the files matching ``unused`` (by default
        Pagefind's own interfaces); raise on any error.

        Pagefind hands the files over and this process writes them. Written by the service,
        they could still be on their way to the disk when it answered (it does not wait for
        its last writes to finish), and it is stopped right after: under load, one build in
        ten had an empty pagefind-entry.json, and that language's search failed."""
        if self._index_id is None:
            self._start()
        try:
            reply = self._request({"type": "GetFiles", "index_id": self._index_id})
            if self._errors:
                raise SearchIndexError("; ".join(self._errors[:5]))
            if reply.get("type") != "GetFiles":  # pragma: no cover - a protocol change
                raise SearchIndexError(f"unexpected reply to writing the index: {reply}")
            _write_in_a_process(folder, _in_a_fixed_order(reply["files"]), unused)
            return f"{self.pages} pages indexed into {folder}"
        finally:
            self.close()

    def close(self) -> None:
        self._outbox.put(None)
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._stderr.close()

    def _start(self) -> None:
        try:
            self._process = subprocess.Popen(
                [_pagefind_binary(), "--service"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
            )
        except OSError as exc:
            raise SearchIndexError(f"Pagefind cannot be started: {exc}") from exc
        threading.Thread(target=self._read_replies, daemon=True).start()
        threading.Thread(target=self._write_messages, daemon=True).start()
        reply = self._request({"type": "NewIndex", "config": None})
        if reply.get("type") != "NewIndex":
            raise SearchIndexError(f"Pagefind did not create an index: {reply}")
        self._index_id = reply["index_id"]

    def _send(self, payload: dict[str, Any]) -> int:
        if broken := self._broken_pipe:
            raise SearchIndexError(f"Pagefind stopped: {self._stderr_tail()}") from broken
        self._next_id += 1
        message = json.dumps({"message_id": self._next_id, "payload": payload})
        self._outbox.put(base64.b64encode(message.encode("utf-8")) + _END)
        return self._next_id

    def _write_messages(self) -> None:
        """Hands the messages to Pagefind, in order, from a thread of its own: while Pagefind
        is busy (another language's index being written beside it), the build goes on
        rendering instead of waiting for room in the pipe."""
        assert self._process is not None and self._process.stdin is not None
        pipe = self._process.stdin
        while (message := self._outbox.get()) is not None:
            try:
                pipe.write(message)
                if self._outbox.empty():
                    pipe.flush()
            except OSError as exc:  # Pagefind stopped; the next send or wait says so
                self._broken_pipe = exc
                return

    def _request(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send and wait for the reply to this very message (replies come in order)."""
        message_id = self._send(payload)
        with self._arrived:
            while not any(reply.get("message_id") == message_id for reply in self._replies):
                if self._process is not None and self._process.poll() is not None:
                    raise SearchIndexError(f"Pagefind stopped: {self._stderr_tail()}")
                self._arrived.wait(timeout=1)
            reply = next(r for r in self._replies if r.get("message_id") == message_id)
            self._replies.clear()
        return reply["payload"]

    def _read_replies(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        # A reply with the index's files runs to megabytes: its pieces are joined once.
        pending: list[bytes] = []
        while chunk := self._process.stdout.read1(1 << 16):
            if _END not in chunk:
                pending.append(chunk)
                continue
            *complete, rest = b"".join([*pending, chunk]).split(_END)
            pending = [rest]
            replies = [json.loads(base64.b64decode(part)) for part in complete if part]
            with self._arrived:
                for reply in replies:
                    payload = reply.get("payload", {})
                    if payload.get("type") == "Error":
                        self._errors.append(str(payload.get("message")))
                    if payload.get("type") != "IndexedFile":  # a reply somebody waits for
                        self._replies.append(reply)
                self._arrived.notify_all()
        with self._arrived:
            self._arrived.notify_all()

    def _stderr_tail(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace").strip()[-2000:] or "no message"
