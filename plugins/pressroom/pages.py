"""The generated pages: a page per story and language, a landing page per language.

Pure: stories in, SitePages with Markdown out; the plugin hands them to MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from .editor_keys import LANGUAGES
from .i18n import N_, language_name, translate
from .model import Article
from .rendering import dateline, escape_markdown, story_markdown, with_frontmatter
from .site import SitePage
from .stories import Story

STORIES = "stories"
LANDING_TITLE = N_("Press room")
LANDING_INTRO = N_("Coverage of our legal action against defamation and smear campaigns.")
NO_STORIES = N_("No stories yet.")
ONLY_IN = N_("only in {language}")
SEARCH_TITLE = N_("Search")
SEARCH_PAGE = "search.md"


def story_path(story: Story, lang: str) -> str:
    return f"{lang}/{STORIES}/{story.id}.md"


def source_pages(stories: Sequence[Story]) -> dict[Path, str]:
    """Each published source's page, for the editor's report."""
    return {article.source: story_path(story, lang)
            for story in stories for lang, article in story.versions.items()}


def generated_pages(stories: Sequence[Story], boilerplate: Mapping[str, str]) -> list[SitePage]:
    pages = [page for story in stories for page in story_pages(story, boilerplate)]
    pages += [landing_page(lang, stories) for lang in LANGUAGES]
    pages += [search_page(lang) for lang in LANGUAGES]
    return pages


def search_page(lang: str) -> SitePage:
    """The search page of a language; the theme puts the search of that language's index in it."""
    title = translate(lang, SEARCH_TITLE)
    meta = {"title": title, "lang": lang, "pressroom_search": True}
    markdown = f'# {escape_markdown(title)}\n\n<div id="pressroom-search"></div>\n'
    return SitePage(f"{lang}/{SEARCH_PAGE}", lang, markdown=with_frontmatter(meta, markdown),
                    searchable=False)


def story_pages(story: Story, boilerplate: Mapping[str, str]) -> list[SitePage]:
    """One page per language: the version in it, or a stand-in that shows the original."""
    pages = []
    for lang in LANGUAGES:
        article = story.versions.get(lang, story.original)
        markdown = story_markdown(article, lang, boilerplate.get(lang))
        pages.append(SitePage(story_path(story, lang), lang, lang in story.versions, markdown))
    return pages


def landing_page(lang: str, stories: Sequence[Story]) -> SitePage:
    title = translate(lang, LANDING_TITLE)
    lines = [f"# {escape_markdown(title)}", "", escape_markdown(translate(lang, LANDING_INTRO)), ""]
    lines += [_listing(story, lang) for story in stories] or [translate(lang, NO_STORIES)]
    meta = {"title": title, "lang": lang}
    markdown = with_frontmatter(meta, "\n".join(lines) + "\n")
    return SitePage(f"{lang}/index.md", lang, markdown=markdown, searchable=False)


def _listing(story: Story, lang: str) -> str:
    """A story in a listing: its title linked, its date and publisher, its summary."""
    article: Article = story.versions.get(lang, story.original)
    link = f"{STORIES}/{story.id}.md"
    title = escape_markdown(article.title.value)
    if lang in story.versions:
        item = f"- [{title}]({link})"
    else:
        original = article.lang.value
        note = translate(lang, ONLY_IN, language=language_name(original, lang))
        item = f'- [{title}]({link}){{: hreflang="{original}" lang="{original}" }} ({note})'
    details = dateline(article, lang)
    if details:
        item += f"  \n  {details}"
    return item
