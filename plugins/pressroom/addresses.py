"""Addresses: where every page and file of the site is, decided here and nowhere else.

A page is known by what it is (its kind), its language and its subject: the story, tag or
case it is about, or the file name of a page editors write. Its path in the docs tree
("de/artikel/x.md") follows from those by the scheme below, and its URL from its path by the
engine's rule for directory URLs, which ``Addresses`` applies; the plugin checks every page's
URL against the engine's, so that the two cannot drift apart. Nothing parses a path back apart:
what a page is, its ``Address`` says.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from enum import Enum
from urllib.parse import quote, urljoin

from .language import LANGUAGES

# What a page links to, as a docs path perhaps with "#fragment", to the URL from that page.
LinkTo = Callable[[str], str]
# Told of a link to a path the site does not have: the page it is on, and the path.
MissingTarget = Callable[[str, str], None]


class Kind(Enum):
    """What a page or a file of a language is. Its place below the language's folder is in
    ``PLACES``."""

    FRONT = "front"
    ARCHIVE = "archive"
    STORY = "story"
    TAG_INDEX = "tag index"
    TAG = "tag"
    CASES = "cases"
    SEARCH = "search"
    WRITTEN = "written"  # a page editors write; its subject is its file name ("contacts.md")
    FEED = "feed"
    TAG_FEED = "tag feed"
    MEDIA_KIT_ZIP = "media kit zip"  # the language's media kit as one file
    VCARD = "vcard"  # a contact's card, in the language of its role; subject: the contact's id


# Where each kind of page lies below its language's folder, ``{}`` standing for its subject:
# a German reader reads German addresses. The subject (the story's key, the tag's id) is
# the same in every language: it is what ties the language versions together, and it does
# not change when a headline or a label is edited.
PLACES: dict[Kind, dict[str, str]] = {
    Kind.FRONT: {"en": "index.md", "de": "index.md"},
    Kind.ARCHIVE: {"en": "archive.md", "de": "archiv.md"},
    Kind.STORY: {"en": "stories/{}.md", "de": "artikel/{}.md"},
    Kind.TAG_INDEX: {"en": "tags/index.md", "de": "schlagwoerter/index.md"},
    Kind.TAG: {"en": "tags/{}.md", "de": "schlagwoerter/{}.md"},
    Kind.CASES: {"en": "cases.md", "de": "verfahren.md"},
    Kind.SEARCH: {"en": "search.md", "de": "suche.md"},
    Kind.WRITTEN: {"en": "{}", "de": "{}"},
    Kind.FEED: {"en": "feed.xml", "de": "feed.xml"},
    Kind.TAG_FEED: {"en": "tags/{}/feed.xml", "de": "schlagwoerter/{}/feed.xml"},
    # Beside the media kit's page and folder, named in the language of the one who saves it.
    Kind.MEDIA_KIT_ZIP: {"en": "media-kit.zip", "de": "pressemappe.zip"},
    # Beside the contacts page (docs/<lang>/contacts.md), which has one name in every language.
    Kind.VCARD: {"en": "contacts/{}.vcf", "de": "contacts/{}.vcf"},
}
# The places of before, when every language used the English ones: an address that has
# moved since keeps working (``moved``).
FORMER_PLACES: dict[Kind, str] = {kind: places["en"] for kind, places in PLACES.items()}


@dataclass(frozen=True)
class Address:
    kind: Kind
    lang: str
    subject: str = ""

    @property
    def path(self) -> str:
        """The path in the docs tree, e.g. "de/artikel/xiaomi-wins.md"."""
        return f"{self.lang}/{PLACES[self.kind][self.lang].format(self.subject)}"

    @property
    def former_path(self) -> str:
        """Where it lay before its language had addresses of its own (the same, if it has not
        moved)."""
        return f"{self.lang}/{FORMER_PLACES[self.kind].format(self.subject)}"

    def at(self, fragment: str) -> str:
        """The path with a fragment: a place on the page ("de/cases.md#case-id")."""
        return f"{self.path}#{fragment}"

    def in_language(self, lang: str) -> Address:
        """The same page in another language: what ties the language versions together."""
        return replace(self, lang=lang)

    @property
    def key(self) -> tuple[Kind, str]:
        """The same for every language version of one page."""
        return self.kind, self.subject


def front(lang: str) -> Address:
    return Address(Kind.FRONT, lang)


def story_address(lang: str, story_id: str) -> Address:
    return Address(Kind.STORY, lang, story_id)


def tag_address(lang: str, tag_id: str) -> Address:
    return Address(Kind.TAG, lang, tag_id)


def tag_feed(lang: str, tag_id: str) -> Address:
    return Address(Kind.TAG_FEED, lang, tag_id)


def written(lang: str, name: str) -> Address:
    return Address(Kind.WRITTEN, lang, name)


def media_kit_zip(lang: str) -> Address:
    return Address(Kind.MEDIA_KIT_ZIP, lang)


def vcard(lang: str, contact_id: str) -> Address:
    return Address(Kind.VCARD, lang, contact_id)


def case_document(case_id: str, name: str) -> str:
    """Where a case's document is published: in the case's folder, the same for every
    language ("cases/case-id/ruling.pdf")."""
    return f"cases/{case_id}/{name}"


def page_language(path: str) -> str | None:
    """The language a docs path belongs to, by its first folder ("de/about.md" -> "de")."""
    first = path.replace("\\", "/").split("/", 1)[0]
    return first if first in LANGUAGES and "/" in path else None


def written_address(path: str) -> Address | None:
    """The address of a page editors wrote at ``path``, if it is under a language's folder."""
    lang = page_language(path)
    return written(lang, path.split("/", 1)[1]) if lang else None


def relative_path(target: str, start: str) -> str:
    """A docs path as a Markdown link from the page at ``start`` writes it ("../de/x.md")."""
    return posixpath.relpath(target, posixpath.dirname(start) or ".")


MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


class Addresses:
    """URLs of docs paths as the site publishes them: below the site's root, absolute with the
    site's address, or relative from a page. ``known`` are the paths the site has: a link to
    any other is reported to ``missing`` and written as it was given."""

    def __init__(self, site_url: str | None = None, directory_urls: bool = True,
                 known: Collection[str] = (), missing: MissingTarget | None = None) -> None:
        base = site_url or "/"
        self.base = base if base.endswith("/") else base + "/"
        self.directory_urls = directory_urls
        self.known: Collection[str] = known
        self.missing = missing
        self._urls: dict[str, str] = {}

    def url(self, target: Address | str) -> str:
        """The URL below the site's root: "de/stories/x/", "de/feed.xml", "./" for the root."""
        path = target.path if isinstance(target, Address) else target
        found = self._urls.get(path)
        if found is None:
            found = self._urls[path] = quote(self._published(path))
        return found

    def _published(self, path: str) -> str:
        folder, _, name = path.rpartition("/")
        stem, dot, suffix = name.rpartition(".")
        if not dot or f".{suffix}" not in MARKDOWN_SUFFIXES:
            return path  # a file, published as it is
        stem = "index" if stem == "README" else stem
        prefix = f"{folder}/" if folder else ""
        if not self.directory_urls:
            return f"{prefix}{stem}.html"
        if stem == "index":
            return prefix or "./"
        return f"{prefix}{stem}/"

    def site_file(self, target: Address | str) -> str:
        """The file the site writes for it: "de/stories/x/index.html", "de/feed.xml"."""
        published = self._published(target.path if isinstance(target, Address) else target)
        if published.endswith("/"):
            return ("" if published == "./" else published) + "index.html"
        return published

    def absolute(self, target: Address | str) -> str:
        """With the site's address; "" is the site's root."""
        url = self.url(target) if target else ""
        if url == "./":
            url = ""
        # Joined by hand, several per page, since urljoin's parsing showed in the profile.
        if not url.startswith(("/", ".", "#", "?")) and "://" not in url:
            return self.base + url
        return urljoin(self.base, url)

    def link_from(self, page: str) -> LinkTo:
        """Links from the page at docs path ``page``: a docs path (perhaps with a fragment)
        to its URL relative to that page's URL."""
        here = self.url(page)

        def link(target: str) -> str:
            path, _, fragment = target.partition("#")
            if path not in self.known:
                if self.missing is not None:
                    self.missing(page, path)
                return target
            url = relative_url(self.url(path), here)
            return f"{url}#{fragment}" if fragment else url
        return link


def relative_url(url: str, start: str) -> str:
    """``url`` from the page at ``start`` (both below the site's root): the address a browser
    on that page resolves to ``url``. A page's URL that ends in a file name ("x.html") is in
    that file's folder; one that ends in "/" is the folder."""
    head, _, name = start.rpartition("/")
    folder = head if "." in name else start
    from_parts = _parts(folder)
    to_parts = _parts(url)
    common = 0
    for ours, theirs in zip(from_parts, to_parts, strict=False):
        if ours != theirs:
            break
        common += 1
    relative = "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(url: str) -> list[str]:
    """A URL's folders and name, "." and ".." resolved, never above the root."""
    normal = posixpath.normpath("/" + url)[1:]
    return normal.split("/") if normal else []
