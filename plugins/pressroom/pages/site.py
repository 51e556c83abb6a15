"""The site model: every page of the site, per language, and how the languages connect.

A page is known by its address (``addresses``); pages whose addresses differ only in their
language are the language versions of one page (a story, a tag page, a hand-written page). A
page that only stands in for a missing translation is not a version: it defers to the
original, and is never announced as one.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass

from ..addresses import Address, Kind, LinkTo, front, written_address
from ..language import LANGUAGES
from .html_text import RenderedBody


@dataclass(frozen=True)
class SitePage:
    address: Address
    translated: bool = True  # False for a page that stands in for a missing translation
    markdown: str | None = None  # the content of a generated page; None for a hand-written one
    searchable: bool = True  # listings and the search page itself are not search results
    # A body written as HTML (story pages), given how to link from the page; Markdown's
    # content (the frontmatter only) then stands for it.
    body: Callable[[LinkTo], RenderedBody] | None = None

    @property
    def path(self) -> str:
        """Its path in the docs tree, e.g. "de/stories/xiaomi-wins.md"."""
        return self.address.path

    @property
    def lang(self) -> str:
        return self.address.lang

    @property
    def kind(self) -> Kind:
        return self.address.kind

    @property
    def subject(self) -> str:
        return self.address.subject

    @property
    def indexed(self) -> bool:
        """In its language's search index: only real versions (a stand-in would be a German
        result in English), and no listings."""
        return self.translated and self.searchable


class SiteModel:
    def __init__(self, pages: Iterable[SitePage]) -> None:
        self.pages: dict[str, SitePage] = {}
        self._versions: dict[tuple[Kind, str], dict[str, SitePage]] = {}
        for page in pages:
            self.pages[page.path] = page
            self._versions.setdefault(page.address.key, {})[page.lang] = page

    def indexed_counts(self) -> dict[str, int]:
        """How many pages each language's search index gets."""
        counts = dict.fromkeys(LANGUAGES, 0)
        for page in self.pages.values():
            counts[page.lang] += page.indexed
        return counts

    def get(self, path: str) -> SitePage | None:
        return self.pages.get(path.replace("\\", "/"))

    def at(self, address: Address) -> SitePage | None:
        return self.pages.get(address.path)

    def counterparts(self, page: SitePage) -> dict[str, SitePage]:
        """The same page in every language it exists in, itself included."""
        return self._versions.get(page.address.key, {page.lang: page})

    def versions(self, page: SitePage) -> list[SitePage]:
        """The real language versions: what hreflang announces. None for a stand-in page."""
        if not page.translated:
            return []
        found = self.counterparts(page)
        return [found[lang] for lang in LANGUAGES if lang in found and found[lang].translated]

    def original(self, page: SitePage) -> SitePage | None:
        """For a stand-in page, the real version it defers to (canonical)."""
        if page.translated:
            return None
        found = self.counterparts(page)
        return next((found[lang] for lang in LANGUAGES
                     if lang in found and found[lang].translated), None)

    def switch_targets(self, page: SitePage) -> dict[str, SitePage]:
        """Where the language switcher leads: the same page, else that language's home."""
        found = self.counterparts(page)
        targets = {}
        for lang in LANGUAGES:
            target = found.get(lang) or self.at(front(lang))
            if target is not None:
                targets[lang] = target
        return targets


def site_model(generated: Sequence[SitePage], documents: Iterable[str],
               not_searched: Container[str] = ()) -> SiteModel:
    """All pages: the generated ones, and the hand-written documents under a language folder;
    those ``not_searched`` (the legal pages) are no search results."""
    taken = {page.path for page in generated}
    written = [SitePage(address, searchable=path not in not_searched) for path in documents
               if (address := written_address(path)) and path not in taken]
    return SiteModel([*generated, *written])
