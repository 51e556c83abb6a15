from __future__ import annotations

import contextlib
import hashlib
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pressroom.model import Line

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
CLIPPINGS = TESTS / "clippings"


# Where each language's pages lie, as a reader sees the addresses (written out here, not
# taken from the code, so that a change of the scheme shows in the tests).
FOLDERS = {
    "stories": {"en": "stories", "de": "artikel"},
    "tags": {"en": "tags", "de": "schlagwoerter"},
    "cases": {"en": "cases", "de": "verfahren"},
    "archive": {"en": "archive", "de": "archiv"},
    "search": {"en": "search", "de": "suche"},
}


def at(lang: str, place: str) -> str:
    """A language's folder of a kind of page: at("de", "stories") is "de/artikel"."""
    return f"{lang}/{FOLDERS[place][lang]}"


def folders(lang: str) -> dict[str, str]:
    """For address templates: "{stories}/x/" with these is "de/artikel/x/"."""
    return {"lang": lang, **{place: at(lang, place) for place in FOLDERS}}


def lines_of(text: str) -> list[Line]:
    return [Line(number, line) for number, line in enumerate(text.split("\n"), 1)]


def body_of(path: Path) -> str:
    """A source file's text without its editor frontmatter."""
    return re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture
def write(tmp_path: Path):
    def write_file(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return write_file


def make_article(lang: str, body: str, *, date=None, title: str = "A title", story=None,
                 source: str = "x.txt"):
    """An Article as inference would give it, for tests of the later stages."""
    from pressroom.inference.anchors import translation_anchors
    from pressroom.model import NOT_FOUND, Article, Inferred, by_rule

    def known(value):
        return Inferred(value, by_rule("test"))

    return Article(
        source=Path(source), lang=known(lang), title=known(title), date=known(date),
        publisher=Inferred(None, NOT_FOUND), tags=Inferred((), NOT_FOUND),
        summary=Inferred(None, NOT_FOUND),
        story=known(story) if story else Inferred(None, NOT_FOUND),
        body=tuple(lines_of(body)), removals=(),
        anchors=translation_anchors(lines_of(body)),
    )


# The tiers, from quick to slow. A test is a unit test unless it, or its module
# (`pytestmark`), is marked otherwise; `make test-fast` runs the unit tier alone.
TIERS = ("unit", "build", "browser")


def tier_of(item: pytest.Item) -> str:
    marked = [tier for tier in TIERS if item.get_closest_marker(tier)]
    if len(marked) > 1:
        raise pytest.UsageError(f"{item.nodeid} is in one tier, not in {marked}")
    return marked[0] if marked else "unit"


def pytest_collection_modifyitems(config, items: list[pytest.Item]) -> None:
    for item in items:
        tier = tier_of(item)
        if tier == "unit":
            item.add_marker("unit")


class _NoProcessInAUnitTest:
    """Stands in for `subprocess.Popen` while a unit test and its fixtures run: a unit test that
    starts a build, a server, a browser or any other program belongs in another tier, and
    says so by failing."""

    def __init__(self, args: Any, *rest: Any, **options: Any) -> None:
        raise AssertionError(
            f"a unit test starts no process (it started {args!r}): "
            "mark it `build` or `browser` (tests/conftest.py, TIERS)")


@contextlib.contextmanager
def _tier_kept(item: pytest.Item) -> Iterator[None]:
    if tier_of(item) != "unit":
        yield
        return
    started = subprocess.Popen
    subprocess.Popen = _NoProcessInAUnitTest  # type: ignore[misc, assignment]
    try:
        yield
    finally:
        subprocess.Popen = started  # type: ignore[misc]


# Around the setup too, so that a fixture of a wider scope that builds a site, set up for a
# unit test, is caught as well.
@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Any:
    with _tier_kept(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    with _tier_kept(item):
        return (yield)


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Any:
    """The seeds built once with --strict, as `make site` builds them: its site/ folder, for
    every test that only reads it. A test that changes it fails the run (at the end), since
    it would change what the others read; such a test copies it first."""
    from sitebuild import built_site

    site = built_site(tmp_path_factory.mktemp("seeds"))
    before = tree_digest(site)
    yield site
    assert tree_digest(site) == before, "a test changed the shared seed site; copy it first"


@pytest.fixture(scope="session")
def site(seed_site: Path) -> Path:
    """The seeds' site, in the modules that build no site of their own."""
    return seed_site


# What each check over the built site covered, printed at the end of the run ("which suites
# ran, over how many pages"). Under pytest-xdist each worker fills its own, and hands it to
# the controller when it is done.
SUITES: dict[str, Any] = {}


@pytest.fixture(scope="session")
def suite_report() -> dict[str, Any]:
    return SUITES


def pytest_sessionfinish(session, exitstatus) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["suites"] = {k: v for k, v in SUITES.items() if not k.startswith("_")}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    SUITES.update(getattr(node, "workeroutput", {}).get("suites", {}))


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if SUITES:
        terminalreporter.section("checks over the built site")
        for suite, summary in sorted(SUITES.items()):
            if not suite.startswith("_"):
                terminalreporter.write_line(f"{suite}: {summary}")
