"""The search index: Pagefind, one index per language (``pagefind/<lang>/``), fed while the
site is written.

Pagefind stems each language its own way and the browser loads an index in small chunks. It
runs from its PyPI package (the binary ships in the wheel), so the build stays offline.

Pagefind runs as a service beside the build: each searchable page is handed over (its
content only) as soon as MkDocs has rendered it, and a language's index is written as soon as
its last page is in. One service per language, written one after the other: at 5,000 stories
that took 8 s and 640 MB, against 13 s and 1 GB for both languages in one index.
"""

from __future__ import annotations

import base64
import html
import json
import queue
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

OUTPUT = "pagefind"
# The service's messages are base64 JSON, each followed by a comma.
_END = b","
# Pagefind also writes its ready-made interfaces; the site has its own (theme/assets/
# pressroom/search.js), so these would only be shipped, never loaded.
UNUSED_FILES = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*",
                "pagefind-highlight.js")


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
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:  # the package is a dependency; say so if it is missing
        raise SearchIndexError(f"Pagefind is not installed: {exc}") from exc
    return str(get_executable())


class SearchIndexes:
    """A search index per language: pages in while the site is written, each index out into
    ``pagefind/<lang>/`` under the site.

    Given how many pages a language has (``expected``), its index is written as soon as its
    last page is in, in the background, while MkDocs renders other pages (the plugin hands
    MkDocs the searchable pages language by language, and the others last): writing takes
    Pagefind about 0.75 ms per page, 6 s for 8,000 pages, which would otherwise all come
    after the last page. One language is written at a time, as before, for memory."""

    def __init__(self, site_dir: Path | None = None,
                 expected: Mapping[str, int] | None = None) -> None:
        self._site_dir = site_dir
        self._expected = dict(expected or {})
        self._by_lang: dict[str, SearchIndexer] = {}
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-index")
        self._written: dict[str, Future[str]] = {}

    def add(self, lang: str, url: str, html: str) -> None:
        if lang in self._written:  # the count was wrong: fail rather than miss the page
            raise SearchIndexError(f"{url} came after the {lang} index was written")
        if lang not in self._by_lang:
            self._by_lang[lang] = SearchIndexer()
        indexer = self._by_lang[lang]
        indexer.add(url, html)
        if self._site_dir is not None and indexer.pages == self._expected.get(lang):
            self._start_writing(lang, self._site_dir)

    def write(self, site_dir: Path) -> list[str]:
        """Write every language's index not written yet, and wait for all; raise on the first
        error."""
        try:
            for lang in sorted(self._by_lang.keys() - self._written.keys()):
                self._start_writing(lang, site_dir)
            return [self._written[lang].result() for lang in sorted(self._written)]
        finally:
            self.close()

    def _start_writing(self, lang: str, site_dir: Path) -> None:
        self._written[lang] = self._writer.submit(self._by_lang[lang].write,
                                                  site_dir / OUTPUT / lang)

    def close(self) -> None:
        self._writer.shutdown(wait=False, cancel_futures=True)
        for indexer in self._by_lang.values():
            indexer.close()


def _remove_unused(folder: Path) -> None:
    for pattern in UNUSED_FILES:
        for path in folder.glob(pattern):
            path.unlink()


class SearchIndexer:
    """The index of one language: pages in, one by one; the index out into a folder."""

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

    def write(self, folder: Path) -> str:
        """Write the index into ``folder`` (without Pagefind's own interfaces); raise on any
        error."""
        if self._index_id is None:
            self._start()
        try:
            reply = self._request({"type": "WriteFiles", "index_id": self._index_id,
                                   "output_path": str(folder)})
            if self._errors:
                raise SearchIndexError("; ".join(self._errors[:5]))
            if reply.get("type") != "WriteFiles":  # pragma: no cover - a protocol change
                raise SearchIndexError(f"unexpected reply to writing the index: {reply}")
            _remove_unused(folder)
            return f"{self.pages} pages indexed into {reply.get('output_path')}"
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
        pending = b""
        while chunk := self._process.stdout.read1(1 << 16):
            pending += chunk
            *complete, pending = pending.split(_END)
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
