"""Atom feeds per language and per tag: newest stories first, absolute addresses, stable ids.

Only real versions are entries: a German feed never carries a story that exists in English
only. Entry ids are UUIDs derived from the story and language, so they stay the same from one
build to the next and from one host to another.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass
from xml.etree import ElementTree

from ..model import Article
from ..stories.grouping import Story
from ..stories.taxonomy import Tag

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "pressroom")
MAX_ENTRIES = 50


def stable_id(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join(parts))}"


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    lang: str
    url: str  # the feed itself, absolute
    page: str  # the page it belongs to, absolute


# What an entry is made of: the story's id, its version in the feed's language, the version's
# address, and its tags (id and label in that language). Plain values and the frozen article,
# so that a rebuild can tell a feed it made before (``reuse``).
Entry = tuple[str, Article, str, tuple[tuple[str, str], ...]]


def atom_feed(
    feed: Feed, stories: Sequence[Story], url_of: Callable[[Story], str],
    tags_of: Callable[[Story], Sequence[Tag]], author: str,
) -> str:
    """The feed of one language: its versions of the given stories, newest first."""
    return atom_xml(astuple(feed), feed_entries(feed.lang, stories, url_of, tags_of), author)


def feed_entries(lang: str, stories: Sequence[Story], url_of: Callable[[Story], str],
                 tags_of: Callable[[Story], Sequence[Tag]]) -> tuple[Entry, ...]:
    """The entries of a feed in ``lang``: its versions of the first MAX_ENTRIES stories that
    have one."""
    versions = [story for story in stories if lang in story.versions][:MAX_ENTRIES]
    return tuple((story.id, story.versions[lang], url_of(story),
                  tuple((tag.id, tag.label(lang)) for tag in tags_of(story)))
                 for story in versions)


def atom_xml(feed_values: tuple[str, ...], entries: tuple[Entry, ...], author: str) -> str:
    """The feed's text, of its values (a ``Feed`` as a tuple) and entries."""
    feed = Feed(*feed_values)
    ElementTree.register_namespace("", ATOM)
    root = ElementTree.Element(f"{{{ATOM}}}feed", {XML_LANG: feed.lang})
    _text(root, "id", feed.id)
    _text(root, "title", feed.title)
    ElementTree.SubElement(root, f"{{{ATOM}}}link", rel="self", href=feed.url,
                           type="application/atom+xml")
    ElementTree.SubElement(root, f"{{{ATOM}}}link", rel="alternate", href=feed.page,
                           type="text/html", hreflang=feed.lang)
    dates = [article.date.value for _, article, _, _ in entries]
    _text(root, "updated", _timestamp(max((d for d in dates if d), default=dt.date(2000, 1, 1))))
    _text(ElementTree.SubElement(root, f"{{{ATOM}}}author"), "name", author)
    for entry in entries:
        _entry(root, feed.lang, *entry)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(
        root, encoding="unicode") + "\n"


def _entry(root: ElementTree.Element, lang: str, story_id: str, article: Article, url: str,
           tags: tuple[tuple[str, str], ...]) -> None:
    entry = ElementTree.SubElement(root, f"{{{ATOM}}}entry")
    _text(entry, "id", stable_id("story", lang, story_id))
    _text(entry, "title", article.title.value)
    ElementTree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=url,
                           type="text/html", hreflang=lang)
    day = article.date.value or dt.date(2000, 1, 1)
    # "published" is optional in Atom and left out where only the text names a date;
    # "updated" is required, and the article's date is the best there is.
    if article.published:
        _text(entry, "published", _timestamp(article.published))
    _text(entry, "updated", _timestamp(day))
    if article.publisher.value:
        _text(ElementTree.SubElement(entry, f"{{{ATOM}}}author"), "name", article.publisher.value)
    if article.summary.value:
        _text(entry, "summary", article.summary.value)
    for tag_id, label in tags:
        ElementTree.SubElement(entry, f"{{{ATOM}}}category", term=tag_id, label=label)


def _text(parent: ElementTree.Element, name: str, text: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM}}}{name}").text = text


def _timestamp(day: dt.date) -> str:
    # Sources give days, not times, but Atom's dates must be RFC 3339 date-times (RFC 4287,
    # section 3.3), so midnight UTC stands for the day here; pages and JSON-LD give the day.
    return f"{day.isoformat()}T00:00:00Z"
