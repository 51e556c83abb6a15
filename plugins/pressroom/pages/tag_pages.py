"""Tag pages per language: an index of every tag with its count, and a page per tag."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from ..addresses import Address, Kind, LinkTo, relative_path, tag_address, tag_feed
from ..language.i18n import N_, NP_, translate, translate_plural
from ..language.text import alphabetical
from ..stories.grouping import Story
from ..stories.taxonomy import Tag
from .feed_links import TAG_FEED_TEXT, feed_offer_html
from .html_text import RenderedBody
from .listings import listing_page_body
from .rendering import escape_markdown, with_frontmatter
from .site import SitePage

TAGS_TITLE = N_("Tags")
TAGS_INTRO = N_("Every topic of the press room, with the number of stories about it.")
STORY_COUNT = NP_("{count} story", "{count} stories")


def tag_pages(
    lang: str, tags: Mapping[str, Tag], by_tag: Mapping[str, Sequence[Story]]
) -> list[SitePage]:
    """The tag index and one page per tag that has stories, in one language."""
    used = sorted((tags[tag_id] for tag_id in by_tag), key=lambda t: alphabetical(t.label(lang)))
    return [_index(lang, used, by_tag), *(_tag_page(lang, tag, by_tag[tag.id]) for tag in used)]


def _index(lang: str, used: Sequence[Tag], by_tag: Mapping[str, Sequence[Story]]) -> SitePage:
    title = translate(lang, TAGS_TITLE)
    index = Address(Kind.TAG_INDEX, lang)
    lines = [f"# {escape_markdown(title)}", "", escape_markdown(translate(lang, TAGS_INTRO)), ""]
    for tag in used:
        count = translate_plural(lang, STORY_COUNT, len(by_tag[tag.id]))
        link = relative_path(tag_address(lang, tag.id).path, index.path)
        lines.append(f"- [{escape_markdown(tag.label(lang))}]({link}) ({count})")
    meta = {"title": title, "lang": lang}
    return SitePage(index,
                    markdown=with_frontmatter(meta, "\n".join(lines) + "\n"), searchable=False)


def _tag_page(lang: str, tag: Tag, stories: Sequence[Story]) -> SitePage:
    label = tag.label(lang)
    meta = {"title": label, "lang": lang}
    body = partial(_tag_body, label, stories, lang, tag_feed(lang, tag.id))
    return SitePage(tag_address(lang, tag.id), markdown=with_frontmatter(meta, ""),
                    searchable=False, body=body)


def _tag_body(label: str, stories: Sequence[Story], lang: str, feed: Address,
              link: LinkTo) -> RenderedBody:
    """The tag's stories, and its feed offered above them."""
    offer = feed_offer_html(lang, feed, link(feed.path), TAG_FEED_TEXT, topic=label)
    return listing_page_body(label, None, stories, lang, "", link, offer)
