"""The generated pages: a page per story and language, and per language its front page,
the page of all its stories, its search page, tag pages and case summary.

Pure: stories in, SitePages with Markdown out; the plugin hands them to MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Mapping, Sequence
from functools import partial
from pathlib import Path

from babel.dates import format_datetime

from ..addresses import Address, Kind, story_address, tag_address
from ..language import LANGUAGES
from ..language.i18n import N_, translate
from ..model import Article
from ..reuse import Reuse
from ..stories.contacts import Contact
from ..stories.edition import NEWEST_STORIES, Edition, newest_story_ids, shown_version
from ..stories.grouping import Story
from .case_pages import case_pages
from .dateline import dateline
from .front_page import Desk, front_pages
from .images import story_image
from .rendering import page_frontmatter, with_frontmatter
from .search_page import search_page
from .site import SitePage
from .story_html import OtherVersion, StoryExtras, story_body
from .tag_pages import tag_pages

DRAFT = N_("Draft: this story is not published on the built site.")
EMBARGO = N_("Under embargo until {moment}: not published on the built site before then.")


def source_pages(stories: Sequence[Story]) -> dict[Path, str]:
    """Each published source's page, for the editor's report."""
    return {article.source: story_address(lang, story.id).path
            for story in stories for lang, article in story.versions.items()}


def generated_pages(
    edition: Edition, boilerplate: Mapping[str, str], desk: Desk,
    preview_at: dt.datetime | None = None, newest_first: int = NEWEST_STORIES,
    absolute: Callable[[Address], str] | None = None, reuse: Reuse | None = None,
) -> list[SitePage]:
    """Every generated page; ``boilerplate`` is the media kit's paragraph per language, as
    HTML; ``desk`` what the front pages show besides stories and cases; ``preview_at`` (in
    `mkdocs serve`) adds draft and embargo banners; search ranks the ``newest_first`` newest
    stories of a language first; ``absolute`` gives a page's public address, which a story
    offers to share and prints; ``reuse`` has what the last build made of the same articles
    (`mkdocs serve`)."""
    reuse = Reuse() if reuse is None else reuse
    stories = edition.stories
    by_id = {story.id: story for story in stories}
    by_source = {article.source.name: story for story in stories
                 for article in story.versions.values()}
    # The day of each source, by its file's name (as the case registry names it): the day
    # it was published, else the first date its text names (which orders, never dates, a
    # step the registry gives no day of its own).
    source_days = {article.source.name: article.date.value for story in stories
                   for article in story.versions.values()}
    newest = {lang: newest_story_ids(stories, lang, newest_first) for lang in LANGUAGES}
    pages = [page for story in stories
             for page in story_pages(story, edition, boilerplate, preview_at, newest,
                                     desk.files, absolute, desk.contacts, reuse)]
    for lang in LANGUAGES:
        by_tag = edition.by_tag(lang)
        tags = {tag_id: tag for tag_id in by_tag if (tag := edition.tag(tag_id))}
        pages += front_pages(lang, stories, edition.cases, source_days.get, desk)
        pages.append(search_page(lang, LANGUAGES))
        pages += tag_pages(lang, tags, by_tag)
    pages += case_pages(edition.cases, by_id, by_source, LANGUAGES, edition.documents,
                        source_day=source_days.get)
    return pages


def story_pages(
    story: Story, edition: Edition, boilerplate: Mapping[str, str], preview_at: dt.datetime | None,
    newest: Mapping[str, set[str]], files: Container[str] = frozenset(),
    absolute: Callable[[Address], str] | None = None, contacts: Sequence[Contact] = (),
    reuse: Reuse | None = None,
) -> list[SitePage]:
    """One page per language: the version in it, or a stand-in that shows the original. The
    body is written when MkDocs asks for it, with links from that page; ``contacts`` are the
    press contacts it shows."""
    pages = []
    reuse = Reuse() if reuse is None else reuse
    cases = edition.cases_of.get(story.id, ())
    for lang in LANGUAGES:
        article = shown_version(story, lang)
        extras = StoryExtras(
            banner=_banner(article, lang, preview_at),
            tags=[(found.label(lang), tag_address(lang, found.id).path)
                  for found in edition.tags_of(story, lang)],
            cases=[(case.title[lang], Address(Kind.CASES, lang).at(case.id)) for case in cases],
            boilerplate_html=boilerplate.get(lang),
            newest=story.id in newest[lang],  # only stories with a version in lang
            others=_other_versions(story, lang, edition),
            image=story_image(article, files),
            url=absolute(story_address(lang, story.id)) if absolute else None,
            contacts=contacts,
        )
        body = partial(story_body, article, lang, dateline(article, lang), extras)
        markdown = reuse(story_markdown, article, lang)
        pages.append(SitePage(story_address(lang, story.id), lang in story.versions, markdown,
                              body=body))
    return pages


def story_markdown(article: Article, lang: str) -> str:
    """A story page's Markdown: its frontmatter (the body is written as HTML)."""
    return with_frontmatter(page_frontmatter(article, lang), "")


def _other_versions(story: Story, lang: str, edition: Edition) -> list[OtherVersion]:
    return [OtherVersion(kind, other.lang.value, other.title.value,
                         story_address(other.lang.value, story.id).path,
                         other.publisher.value)
            for other, kind in edition.related(story, lang)]


def _banner(article: Article, lang: str, now: dt.datetime | None) -> str | None:
    """In preview only: a draft or an embargoed story says that readers do not see it."""
    if now is None or article.is_public(now):
        return None
    if article.draft:
        return translate(lang, DRAFT)
    moment = format_datetime(article.embargo, format="long", locale=lang)
    return translate(lang, EMBARGO, moment=moment)
