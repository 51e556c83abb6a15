"""How a page points at its other languages: switcher, hreflang alternates, og:locale.

Pure: the site model and a way to turn a page into its URL come in; plain data for the
templates comes out.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from babel import Locale
from babel.core import get_global

from ..sources.editor_keys import LANGUAGES
from .site import SiteModel, SitePage

UrlOf = Callable[[SitePage], str]  # a page's URL relative to the site root ("de/about/")
Absolute = Callable[[str], str]  # a site-relative URL made absolute with the site's address


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


def page_links(
    site: SiteModel, page: SitePage, url_of: UrlOf, absolute: Absolute
) -> dict[str, Any]:
    versions = site.versions(page)
    return {
        "indexed": page.indexed,
        "switcher": [
            {"lang": lang, "name": autonym(lang), "url": url_of(target),
             "current": lang == page.lang}
            for lang, target in site.switch_targets(page).items()
        ],
        "hreflang": [
            *({"hreflang": version.lang, "href": absolute(url_of(version))}
              for version in versions),
            *([{"hreflang": "x-default", "href": absolute("")}] if versions else []),
        ],
        "og_locale": og_locale(page.lang),
        "og_locale_alternates": [og_locale(version.lang) for version in versions
                                 if version.lang != page.lang],
    }


def home_links(site: SiteModel, url_of: UrlOf, absolute: Absolute) -> dict[str, Any]:
    """The language chooser at the root: it is the x-default, the homes are its versions."""
    homes = [home for lang in LANGUAGES if (home := site.get(f"{lang}/index.md"))]
    return {
        "indexed": False,
        "switcher": [{"lang": home.lang, "name": autonym(home.lang), "url": url_of(home),
                      "current": False} for home in homes],
        "hreflang": [*({"hreflang": home.lang, "href": absolute(url_of(home))} for home in homes),
                     {"hreflang": "x-default", "href": absolute("")}],
        "og_locale": og_locale(LANGUAGES[0]),
        "og_locale_alternates": [og_locale(home.lang) for home in homes[1:]],
    }
