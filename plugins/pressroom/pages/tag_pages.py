"""Tag pages per language: an index of every tag with its count, and a page per tag."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from ..language.i18n import N_, NP_, translate, translate_plural
from ..stories.grouping import Story
from ..stories.taxonomy import Tag
from .listings import listing_page_body
from .rendering import escape_markdown, with_frontmatter
from .site import SitePage

TAGS = "tags"
TAGS_TITLE = N_("Tags")
TAGS_INTRO = N_("Every topic of the press room, with the number of stories about it.")
STORY_COUNT = NP_("{count} story", "{count} stories")


def tag_path(tag: Tag, lang: str) -> str:
    return f"{lang}/{TAGS}/{tag.id}.md"


def tag_pages(
    lang: str, tags: Mapping[str, Tag], by_tag: Mapping[str, Sequence[Story]]
) -> list[SitePage]:
    """The tag index and one page per tag that has stories, in one language."""
    used = sorted((tags[tag_id] for tag_id in by_tag), key=lambda t: t.label(lang).casefold())
    return [_index(lang, used, by_tag), *(_tag_page(lang, tag, by_tag[tag.id]) for tag in used)]


def _index(lang: str, used: Sequence[Tag], by_tag: Mapping[str, Sequence[Story]]) -> SitePage:
    title = translate(lang, TAGS_TITLE)
    lines = [f"# {escape_markdown(title)}", "", escape_markdown(translate(lang, TAGS_INTRO)), ""]
    for tag in used:
        count = translate_plural(lang, STORY_COUNT, len(by_tag[tag.id]))
        lines.append(f"- [{escape_markdown(tag.label(lang))}]({tag.id}.md) ({count})")
    meta = {"title": title, "lang": lang}
    return SitePage(f"{lang}/{TAGS}/index.md", lang,
                    markdown=with_frontmatter(meta, "\n".join(lines) + "\n"), searchable=False)


def _tag_page(lang: str, tag: Tag, stories: Sequence[Story]) -> SitePage:
    label = tag.label(lang)
    meta = {"title": label, "lang": lang, "pressroom_feed": f"{tag.id}/feed.xml"}
    body = partial(listing_page_body, label, None, stories, lang, "")
    return SitePage(tag_path(tag, lang), lang, markdown=with_frontmatter(meta, ""),
                    searchable=False, body=body)
