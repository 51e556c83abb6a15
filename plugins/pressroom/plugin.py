"""The MkDocs adapter: wires the press room's stages to MkDocs events, and nothing more."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .config import PressroomConfig
from .ingest import Ingested, ingest
from .pages import assign_paths, is_public, landing_pages
from .problems import Problem, Severity
from .rendering import article_markdown
from .report import report_data, report_markdown, write_report

log = get_plugin_logger("pressroom")


class PressroomPlugin(BasePlugin[PressroomConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.ingested: Ingested | None = None
        self.pages: dict[Path, str] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def _path(self, config: MkDocsConfig, option: str) -> Path:
        return Path(config.config_file_path).parent / self.config[option]

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        seeds = self._path(config, "seeds_dir")
        self.ingested = ingest(seeds)
        now = dt.datetime.now(dt.UTC)
        # `mkdocs serve` shows editors everything; a build publishes only what is public.
        articles = [article for article in self.ingested.articles
                    if self.serving or is_public(article, now)]
        paths, clashes = assign_paths(articles)
        self.pages = {article.source: path for path, article in paths.items()}
        for problem in (*self.ingested.problems, *clashes):
            _log(problem, seeds.parent)
        for path, article in paths.items():
            files.append(File.generated(config, path, content=article_markdown(article)))
        for page in landing_pages(paths):
            files.append(File.generated(config, page.path, content=page.markdown))
        if self.serving or self.config.publish_report:
            report = report_markdown(report_data(self.ingested, self.pages, seeds.parent))
            files.append(File.generated(config, self.config.report_page, content=report))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.ingested is not None:
            seeds = self._path(config, "seeds_dir")
            write_report(report_data(self.ingested, self.pages, seeds.parent),
                         self._path(config, "report_file"))

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self._path(config, "seeds_dir")))
        return server


def _log(problem: Problem, root: Path) -> None:
    path = problem.path.relative_to(root) if problem.path.is_relative_to(root) else problem.path
    where = f"{path}:{problem.line}" if problem.line else str(path)
    message = f"{where}: {problem.message}"
    if problem.severity is Severity.ERROR:
        log.error(message)
    else:
        log.warning(message)
