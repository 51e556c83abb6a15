from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from pressroom.model import Line

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CLIPPINGS = Path(__file__).resolve().parent / "clippings"


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


# What each check over the built site covered, printed at the end of the run ("which suites
# ran, over how many pages").
SUITES: dict[str, Any] = {}


@pytest.fixture(scope="session")
def suite_report() -> dict[str, Any]:
    return SUITES


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if SUITES:
        terminalreporter.section("checks over the built site")
        for suite, summary in SUITES.items():
            if not suite.startswith("_"):
                terminalreporter.write_line(f"{suite}: {summary}")
