"""What frames every page in its language: the press room's name and description, the
footer (legal pages, feed, copyright line), and the two root pages that speak every
language (the language chooser at `/` and the page for an address that does not exist).

Pure: the configuration's names in, plain data for the templates out; the plugin turns the
docs paths into addresses.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..addresses import Address, Addresses, Kind, written
from ..language import LANGUAGES
from ..language.i18n import N_, translate
from .case_pages import TITLE as CASES
from .feed_links import ATOM
from .html_text import escape_attribute, escape_text
from .legal_pages import LEGAL_PAGES

# Translators: the press room's name where the configuration gives none (de: "Pressebereich").
PRESS_ROOM = N_("Press room")
DESCRIPTION = N_("Coverage of our legal action against defamation and smear campaigns.")
FEED_LINK = N_("Atom feed")
FOOTER_LABEL = N_("About this site")
# The coverage belongs to its publishers: the line claims the press room's own work only.
COPYRIGHT = N_("© {year} {holder}. Rights in the reports reproduced here remain with their "
               "publishers.")
NOT_FOUND_TITLE = N_("Page not found")
NOT_FOUND_TEXT = N_("There is no page at this address. It may have moved, or the address may "
                    "be mistyped.")
FRONT_PAGE = N_("Front page")
SEARCH = N_("Search the press room")
# Between the names of the languages where a root page names them all.
BETWEEN_LANGUAGES = " · "


@dataclass(frozen=True)
class Brand:
    """The press room's name and description per language, and the copyright line's holder
    (the press room itself, unless the configuration names one)."""

    names: Mapping[str, str]
    descriptions: Mapping[str, str]
    holder: str | None = None

    def name(self, lang: str) -> str:
        return self.names[lang]

    def description(self, lang: str) -> str:
        return self.descriptions[lang]

    @property
    def every_name(self) -> str:
        """The root pages' name: every language's, "Press room · Pressebereich"."""
        return BETWEEN_LANGUAGES.join(dict.fromkeys(self.names[lang] for lang in LANGUAGES))


def brand(names: Mapping[str, str] | None = None,
          descriptions: Mapping[str, str] | None = None, holder: str | None = None) -> Brand:
    """The configured names and descriptions; where none is configured, the catalogs'."""
    return Brand({lang: (names or {}).get(lang) or translate(lang, PRESS_ROOM)
                  for lang in LANGUAGES},
                 {lang: (descriptions or {}).get(lang) or translate(lang, DESCRIPTION)
                  for lang in LANGUAGES}, holder)


@dataclass(frozen=True)
class Link:
    label: str
    path: str  # a docs path ("de/privacy.md") or a file of the site ("de/feed.xml")
    type: str | None = None  # the media type of what it leads to, where it is no page


@dataclass(frozen=True)
class Footer:
    """The footer in one language: the links every page offers, and the copyright line."""

    lang: str
    label: str
    links: Sequence[Link]
    copyright: str


def footer(lang: str, brand: Brand, year: int, documents: Container[str]) -> Footer:
    """The legal pages the language has, its feed, and the copyright line of ``year``."""
    links = [Link(translate(lang, label), path) for name, label in LEGAL_PAGES.items()
             if (path := written(lang, name).path) in documents]
    links.append(Link(translate(lang, FEED_LINK), Address(Kind.FEED, lang).path, ATOM))
    holder = brand.holder or brand.name(lang)
    return Footer(lang, translate(lang, FOOTER_LABEL), links,
                  translate(lang, COPYRIGHT, year=year, holder=holder))


@dataclass(frozen=True)
class NotFound:
    """What the page for an address that does not exist says in one language."""

    lang: str
    name: str  # the press room's name in that language, for the header
    title: str
    text: str
    links: Sequence[Link]


def not_found(lang: str, brand: Brand) -> NotFound:
    links = [Link(translate(lang, FRONT_PAGE), Address(Kind.FRONT, lang).path),
             Link(translate(lang, SEARCH), Address(Kind.SEARCH, lang).path),
             Link(translate(lang, CASES), Address(Kind.CASES, lang).path)]
    return NotFound(lang, brand.name(lang), translate(lang, NOT_FOUND_TITLE),
                    translate(lang, NOT_FOUND_TEXT), links)


def not_found_title() -> str:
    """The title of the page for a missing address, before its script knows the language."""
    return BETWEEN_LANGUAGES.join(translate(lang, NOT_FOUND_TITLE) for lang in LANGUAGES)


def root_heading_html(brand: Brand) -> str:
    """The language chooser's heading: every language's name, each marked with its language
    (a name two languages share, once)."""
    first_language = {}
    for lang in LANGUAGES:
        first_language.setdefault(brand.name(lang), lang)
    parts = [f'<span lang="{escape_attribute(lang)}">{escape_text(name)}</span>'
             for name, lang in first_language.items()]
    return f"<h1>{BETWEEN_LANGUAGES.join(parts)}</h1>"


class ConfigView:
    """The site's configuration as the theme reads it on one page: with the press room's name
    and description in that page's language. The theme prints ``config.site_name`` in the
    header, the drawer and the title, and ``config.site_description`` as the description of
    a page that has none; the rest is the configuration itself."""

    def __init__(self, config: Any, site_name: str, site_description: str) -> None:
        self._config = config
        # The theme prints these raw in places, and escapes them in others: escaped once,
        # as markup, they come out right in both.
        self.site_name = Markup.escape(site_name)
        self.site_description = Markup.escape(site_description)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._config, name)

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key) if key in _IN_LANGUAGE else self._config[key]

    def __contains__(self, key: object) -> bool:
        return key in self._config


_IN_LANGUAGE = ("site_name", "site_description")
def footer_context(footer: Footer, addresses: Addresses) -> dict[str, Any]:
    return {"lang": footer.lang, "label": footer.label, "copyright": footer.copyright,
            "links": [{"label": link.label, "url": addresses.url(link.path), "type": link.type}
                      for link in footer.links]}


def page_frame(lang: str, config: Any, brand: Brand,
               footers: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """What a page of ``lang`` adds to the theme's context."""
    return {"config": ConfigView(config, brand.name(lang), brand.description(lang)),
            "pressroom_footer": [footers[lang]]}


def root_frame(config: Any, brand: Brand,
               footers: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """The same for the pages at the root, which speak every language."""
    description = BETWEEN_LANGUAGES.join(brand.description(lang) for lang in LANGUAGES)
    return {"config": ConfigView(config, brand.every_name, description),
            "pressroom_footer": [footers[lang] for lang in LANGUAGES]}


def not_found_context(brand: Brand, addresses: Addresses) -> dict[str, Any]:
    """The page for an address that does not exist: what it says in every language (its
    script keeps the one the address's first folder names)."""
    blocks = [not_found(lang, brand) for lang in LANGUAGES]
    return {"pressroom_title": not_found_title(),
            "pressroom_not_found": [
                {"lang": block.lang, "name": block.name, "title": block.title,
                 "text": block.text,
                 "links": [{"label": link.label, "url": addresses.url(link.path)}
                           for link in block.links]}
                for block in blocks]}


def frames(config: Any, brand: Brand, footers: Mapping[str, dict[str, Any]]
           ) -> dict[str, dict[str, Any]]:
    """What frames the pages of each language, and ("") those at the root."""
    found = {lang: page_frame(lang, config, brand, footers) for lang in LANGUAGES}
    found[""] = root_frame(config, brand, footers)
    return found
