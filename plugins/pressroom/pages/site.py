"""The site model: every page of the site, per language, and how the languages connect.

A page's path is ``<lang>/<rest>``; pages with the same ``rest`` are the language versions of
one page (a story, a tag page, a hand-written page). A page that only stands in for a missing
translation is not a version: it defers to the original, and is never announced as one.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass

from ..sources.editor_keys import LANGUAGES
from .html_text import LinkTo, RenderedBody


@dataclass(frozen=True)
class SitePage:
    path: str  # relative to docs/, e.g. "de/stories/xiaomi-wins.md"
    lang: str
    translated: bool = True  # False for a page that stands in for a missing translation
    markdown: str | None = None  # the content of a generated page; None for a hand-written one
    searchable: bool = True  # listings and the search page itself are not search results
    # A body written as HTML (story pages), given how to link from the page; Markdown's
    # content (the frontmatter only) then stands for it.
    body: Callable[[LinkTo], RenderedBody] | None = None

    @property
    def rest(self) -> str:
        return self.path.split("/", 1)[1]

    @property
    def indexed(self) -> bool:
        """In its language's search index: only real versions (a stand-in would be a German
        result in English), and no listings."""
        return self.translated and self.searchable


def page_language(path: str) -> str | None:
    """The language a docs path belongs to, by its first folder ("de/about.md" -> "de")."""
    first = path.replace("\\", "/").split("/", 1)[0]
    return first if first in LANGUAGES and "/" in path else None


class SiteModel:
    def __init__(self, pages: Iterable[SitePage]) -> None:
        self.pages: dict[str, SitePage] = {}
        self._by_rest: dict[str, dict[str, SitePage]] = {}
        for page in pages:
            self.pages[page.path] = page
            self._by_rest.setdefault(page.rest, {})[page.lang] = page

    def indexed_counts(self) -> dict[str, int]:
        """How many pages each language's search index gets."""
        counts = dict.fromkeys(LANGUAGES, 0)
        for page in self.pages.values():
            counts[page.lang] += page.indexed
        return counts

    def get(self, path: str) -> SitePage | None:
        return self.pages.get(path.replace("\\", "/"))

    def counterparts(self, page: SitePage) -> dict[str, SitePage]:
        """The same page in every language it exists in, itself included."""
        return self._by_rest.get(page.rest, {page.lang: page})

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
            target = found.get(lang) or self.pages.get(f"{lang}/index.md")
            if target is not None:
                targets[lang] = target
        return targets


def site_model(generated: Sequence[SitePage], documents: Iterable[str],
               not_searched: Container[str] = ()) -> SiteModel:
    """All pages: the generated ones, and the hand-written documents under a language folder;
    those ``not_searched`` (the legal pages) are no search results."""
    taken = {page.path for page in generated}
    written = [SitePage(path, lang, searchable=path not in not_searched) for path in documents
               if (lang := page_language(path)) and path not in taken]
    return SiteModel([*generated, *written])
