"""The generated pages: a page per story and language, a landing page per language.

Pure: stories in, SitePages with Markdown out; the plugin hands them to MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from babel.dates import format_datetime

from .case_pages import CASES_PAGE, case_pages
from .edition import Edition
from .editor_keys import LANGUAGES
from .i18n import N_, translate
from .listings import STORIES, story_listing, story_path
from .model import Article
from .rendering import escape_markdown, story_markdown, with_frontmatter
from .site import SitePage
from .stories import Story
from .tag_pages import TAGS, tag_pages

LANDING_TITLE = N_("Press room")
LANDING_INTRO = N_("Coverage of our legal action against defamation and smear campaigns.")
NO_STORIES = N_("No stories yet.")
SEARCH_TITLE = N_("Search")
SEARCH_PAGE = "search.md"
TAGS_LABEL = N_("Tags")
CASES_LABEL = N_("Cases")
DRAFT = N_("Draft: this story is not published on the built site.")
EMBARGO = N_("Under embargo until {moment}: not published on the built site before then.")


def source_pages(stories: Sequence[Story]) -> dict[Path, str]:
    """Each published source's page, for the editor's report."""
    return {article.source: story_path(story, lang)
            for story in stories for lang, article in story.versions.items()}


def generated_pages(
    edition: Edition, boilerplate: Mapping[str, str], preview_at: dt.datetime | None = None
) -> list[SitePage]:
    """Every generated page; ``preview_at`` (in `mkdocs serve`) adds draft and embargo banners."""
    stories = edition.stories
    by_id = {story.id: story for story in stories}
    by_source = {article.source.name: story for story in stories
                 for article in story.versions.values()}
    pages = [page for story in stories
             for page in story_pages(story, edition, boilerplate, preview_at)]
    by_tag = edition.by_tag
    tags = {tag_id: tag for tag_id in by_tag if (tag := edition.tag(tag_id))}
    for lang in LANGUAGES:
        pages += [landing_page(lang, stories), search_page(lang)]
        pages += tag_pages(lang, tags, by_tag)
    pages += case_pages(edition.cases, by_id, by_source, LANGUAGES)
    return pages


def story_pages(
    story: Story, edition: Edition, boilerplate: Mapping[str, str], preview_at: dt.datetime | None
) -> list[SitePage]:
    """One page per language: the version in it, or a stand-in that shows the original."""
    pages = []
    for lang in LANGUAGES:
        article = story.versions.get(lang, story.original)
        extras = [*_banner(article, lang, preview_at), *_links(story, lang, edition)]
        markdown = story_markdown(article, lang, boilerplate.get(lang), extras)
        pages.append(SitePage(story_path(story, lang), lang, lang in story.versions, markdown))
    return pages


def _links(story: Story, lang: str, edition: Edition) -> list[str]:
    """The story's tags and cases, linked to their pages in the reader's language."""
    lines = []
    tags = edition.tags_of.get(story.id, ())
    cases = edition.cases_of.get(story.id, ())
    if tags:
        # Tags as the theme shows them (chips), named for screen readers by the container.
        chips = " ".join(f"[{escape_markdown(tag.label(lang))}](../{TAGS}/{tag.id}.md)"
                         "{: .md-tag }" for tag in tags)
        label = translate(lang, TAGS_LABEL).replace('"', "")
        lines.append(f'<nav class="md-tags" aria-label="{label}" markdown>\n{chips}\n</nav>')
    if cases:
        links = ", ".join(f"[{escape_markdown(case.title[lang])}](../{CASES_PAGE}#{case.id})"
                          for case in cases)
        lines.append(f"**{escape_markdown(translate(lang, CASES_LABEL))}:** {links}")
    return lines


def _banner(article: Article, lang: str, now: dt.datetime | None) -> list[str]:
    """In preview only: a draft or an embargoed story says that readers do not see it."""
    if now is None or article.is_public(now):
        return []
    if article.draft:
        text = translate(lang, DRAFT)
    else:
        moment = format_datetime(article.embargo, format="long", locale=lang)
        text = translate(lang, EMBARGO, moment=moment)
    return [f'!!! warning ""\n    {escape_markdown(text)}']


def landing_page(lang: str, stories: Sequence[Story]) -> SitePage:
    title = translate(lang, LANDING_TITLE)
    lines = [f"# {escape_markdown(title)}", "", escape_markdown(translate(lang, LANDING_INTRO)), ""]
    lines += [story_listing(story, lang, f"{STORIES}/{story.id}.md") for story in stories] or [
        translate(lang, NO_STORIES)]
    meta = {"title": title, "lang": lang}
    markdown = with_frontmatter(meta, "\n".join(lines) + "\n")
    return SitePage(f"{lang}/index.md", lang, markdown=markdown, searchable=False)


def search_page(lang: str) -> SitePage:
    """The search page of a language; the theme puts the search of that language's index in it."""
    title = translate(lang, SEARCH_TITLE)
    meta = {"title": title, "lang": lang, "pressroom_search": True}
    markdown = f'# {escape_markdown(title)}\n\n<div id="pressroom-search"></div>\n'
    return SitePage(f"{lang}/{SEARCH_PAGE}", lang, markdown=with_frontmatter(meta, markdown),
                    searchable=False)
