"""The site's generated pages: one per article, a landing page per language.

Pure: returns paths and Markdown; the plugin hands them to MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .editor_keys import LANGUAGES
from .model import Article
from .problems import Problem, error
from .rendering import dateline, escape_markdown, with_frontmatter
from .slugs import slugify

LANDING_TITLES = {"en": "Press room", "de": "Pressebereich"}


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. "en/xiaomi-secures-legal-victory.md"
    markdown: str


def is_public(article: Article, now: dt.datetime) -> bool:
    """Drafts and stories under embargo stay off the built site until their time has come."""
    return not article.draft and (article.embargo is None or article.embargo <= now)


def article_path(article: Article) -> str:
    slug = article.story.value or slugify(article.title.value) or slugify(article.source.stem)
    return f"{article.lang.value}/{slug}.md"


def assign_paths(articles: Sequence[Article]) -> tuple[dict[str, Article], list[Problem]]:
    """Each article's page path; two articles on one path is an error naming both sources."""
    paths: dict[str, Article] = {}
    problems = []
    for article in articles:
        path = article_path(article)
        if path in paths:
            problems.append(error(article.source, f"has the same address {path!r} as "
                                                  f"{paths[path].source}: set 'story'"))
            continue
        paths[path] = article
    return paths, problems


def landing_page(lang: str, articles: Sequence[tuple[str, Article]]) -> Page:
    newest_first = sorted(articles, key=lambda item: item[1].date.value or dt.date.min,
                          reverse=True)
    lines = [f"# {LANDING_TITLES[lang]}", ""]
    for path, article in newest_first:
        link = path.removeprefix(f"{lang}/")
        lines.append(f"- [{escape_markdown(article.title.value)}]({link})  ")
        lines.append(f"  {dateline(article)}")
    meta = {"title": LANDING_TITLES[lang], "lang": lang}
    return Page(f"{lang}/index.md", with_frontmatter(meta, "\n".join(lines) + "\n"))


def landing_pages(paths: dict[str, Article]) -> list[Page]:
    return [landing_page(lang, [(path, article) for path, article in paths.items()
                                if article.lang.value == lang])
            for lang in LANGUAGES]
