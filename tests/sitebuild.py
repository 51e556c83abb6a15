"""Building the site in a scratch project, as the build and browser tests do."""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, SEEDS

# The engine that builds and serves: MkDocs, or ProperDocs (`make test ENGINE=properdocs`
# sets PRESSROOM_ENGINE, and runs the tests in that engine's virtual environment).
ENGINES = ("mkdocs", "properdocs")
ENGINE = os.environ.get("PRESSROOM_ENGINE", "mkdocs")
assert ENGINE in ENGINES, f"PRESSROOM_ENGINE is one of {ENGINES}, not {ENGINE!r}"
ENGINE_COMMAND = [sys.executable, "-m", ENGINE]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def make_project(tmp_path: Path, seeds: dict[str, bytes] | None = None) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    if seeds is None:
        shutil.copytree(SEEDS, project / "seeds")
    else:
        (project / "seeds").mkdir()
        # The taxonomy and the contacts come along; the case registry names the seeds'
        # stories, so an empty one stands in for it (a missing registry is a warning).
        shutil.copy(SEEDS / "taxonomy.yml", project / "seeds")
        shutil.copy(SEEDS / "contacts.yml", project / "seeds")
        (project / "seeds" / "cases.yml").write_text("[]\n", encoding="utf-8")
        for name, content in seeds.items():
            (project / "seeds" / name).write_bytes(content)
    return project


def set_options(project: Path, **options: object) -> None:
    """The press room's options in the project's mkdocs.yml, beside those it has."""
    config = project / "mkdocs.yml"
    added = "".join(f"\n      {name}: {json.dumps(value)}" for name, value in options.items())
    text = config.read_text(encoding="utf-8")
    assert "      seeds_dir: seeds" in text, "the plugin's options are where they were"
    config.write_text(text.replace("      seeds_dir: seeds", "      seeds_dir: seeds" + added, 1),
                      encoding="utf-8")


def build(project: Path, *args: str, site_url: str | None = None, now: str | None = None,
          ) -> subprocess.CompletedProcess[str]:
    env = dict(ENV)
    if site_url:
        env["SITE_URL"] = site_url
    if now:
        env["PRESSROOM_NOW"] = now
    return subprocess.run([*ENGINE_COMMAND, "build", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


class _TextOf(HTMLParser):
    """The text of a page's article, one string, entities decoded."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def article_text(page: Path) -> str:
    parser = _TextOf()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def broken_index_files(folder: Path) -> list[str]:
    """Files of a written index that the browser could not read: empty, a compressed file cut
    short, an entry file that is not JSON."""
    broken = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            if not data:
                raise ValueError("empty")
            if data[:2] == b"\x1f\x8b":  # Pagefind's index chunks and wasm are gzipped
                gzip.decompress(data)
            if path.name == "pagefind-entry.json":
                json.loads(data)
        except (ValueError, EOFError, OSError) as exc:
            broken.append(f"{path.relative_to(folder)}: {exc}")
    return broken


def normal(text: str) -> str:
    return " ".join(html.unescape(text).split())




class Served:
    """A running `mkdocs serve`: its address, and a call that fetches a path from it (waiting
    while the server starts or rebuilds)."""

    def __init__(self, address: str, server: subprocess.Popen[str]) -> None:
        self.address = address
        self._server = server

    def __call__(self, path: str) -> str:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and self._server.poll() is None:
            try:
                with urllib.request.urlopen(self.address + path, timeout=5) as page:
                    return page.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        raise AssertionError(f"mkdocs serve did not answer for {path}")

    def showing(self, path: str, text: str, seconds: float = 120) -> str:
        """The page once it shows the text (after a rebuild); an error if it never does."""
        deadline = time.monotonic() + seconds
        while text not in (page := self(path)):
            assert time.monotonic() < deadline, f"{path} never showed {text!r}"
            time.sleep(0.3)
        return page


@contextlib.contextmanager
def serving(project: Path, watch: bool = False, dirty: bool = False) -> Iterator[Served]:
    """`mkdocs serve` on a free loopback port. With ``watch``, it rebuilds when a file
    changes (and injects its reload script); ``dirty``, as `make serve` runs it (only what
    a change affects is rendered again)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    reload = ([] if watch else ["--no-livereload"]) + (["--dirty"] if dirty else [])
    # Ctrl-C must stop it even when the tests run in the background (`make test &`), which
    # leaves SIGINT ignored in everything they start.
    command = [*ENGINE_COMMAND, "serve", *reload, "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, text=True,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        yield Served(f"http://127.0.0.1:{port}/", server)
    finally:
        stop_serving(server)


def stop_serving(server: subprocess.Popen[str]) -> None:
    """Ctrl-C, as an editor stops it: MkDocs then deletes its temporary site (a terminated
    server leaves it behind, a whole site per test run)."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def built_site(tmp_path: Path) -> Path:
    """The seeds built into a scratch project with --strict; its site/ folder."""
    project = make_project(tmp_path)
    result = build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def read_page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")
