"""How a page points at its other languages: switcher, hreflang alternates, og:locale.

Pure: the site model and its addresses come in; plain data for the templates comes out.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from babel import Locale
from babel.core import get_global

from ..addresses import Addresses, front
from ..language import LANGUAGES
from .site import SiteModel, SitePage


@cache  # asked on every page
def autonym(lang: str) -> str:
    """A language's name in itself, as a switcher shows it: "English", "Deutsch"."""
    name = Locale.parse(lang).get_language_name(lang) or lang
    return name[:1].upper() + name[1:]


@cache
def og_locale(lang: str) -> str:
    """Open Graph's language_TERRITORY form: "en" -> "en_US", "de" -> "de_DE"."""
    likely = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


def page_links(site: SiteModel, page: SitePage, addresses: Addresses) -> dict[str, Any]:
    versions = site.versions(page)
    return {
        "indexed": page.indexed,
        "switcher": [
            {"lang": lang, "name": autonym(lang), "url": addresses.url(target.address),
             "current": lang == page.lang}
            for lang, target in site.switch_targets(page).items()
        ],
        "hreflang": [
            *({"hreflang": version.lang, "href": addresses.absolute(version.address)}
              for version in versions),
            *([{"hreflang": "x-default", "href": addresses.absolute("")}] if versions else []),
        ],
        "og_locale": og_locale(page.lang),
        "og_locale_alternates": [og_locale(version.lang) for version in versions
                                 if version.lang != page.lang],
    }


def home_links(site: SiteModel, addresses: Addresses) -> dict[str, Any]:
    """The language chooser at the root: it is the x-default, the homes are its versions."""
    homes = [home for lang in LANGUAGES if (home := site.at(front(lang)))]
    return {
        "indexed": False,
        "switcher": [{"lang": home.lang, "name": autonym(home.lang),
                      "url": addresses.url(home.address), "current": False} for home in homes],
        "hreflang": [*({"hreflang": home.lang, "href": addresses.absolute(home.address)}
                       for home in homes),
                     {"hreflang": "x-default", "href": addresses.absolute("")}],
        "og_locale": og_locale(LANGUAGES[0]),
        "og_locale_alternates": [og_locale(home.lang) for home in homes[1:]],
    }
