"""Building the site in a scratch project, as the build and browser tests do."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, SEEDS

MKDOCS = [sys.executable, "-m", "mkdocs"]
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
        # The taxonomy comes along; the case registry names the seeds' stories, so it does not.
        shutil.copy(SEEDS / "taxonomy.yml", project / "seeds")
        for name, content in seeds.items():
            (project / "seeds" / name).write_bytes(content)
    return project


def build(project: Path, *args: str, site_url: str | None = None, now: str | None = None,
          ) -> subprocess.CompletedProcess[str]:
    env = dict(ENV)
    if site_url:
        env["SITE_URL"] = site_url
    if now:
        env["PRESSROOM_NOW"] = now
    return subprocess.run([*MKDOCS, "build", *args], cwd=project, env=env, capture_output=True,
                          text=True, timeout=300)


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


def normal(text: str) -> str:
    return " ".join(html.unescape(text).split())


