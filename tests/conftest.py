from __future__ import annotations

import re
from pathlib import Path

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
