"""sitemap.xml with the language versions of every page (xhtml:link alternates).

Only real versions are listed: a page that stands in for a missing translation is neither an
entry nor an alternate.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree

from ..addresses import Addresses, front
from ..language import LANGUAGES
from ..pages.site import SiteModel
from ..reuse import Reuse

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    alternates: Sequence[tuple[str, str]] = ()  # (hreflang, absolute URL)


def sitemap_xml(entries: Iterable[SitemapEntry]) -> str:
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    urlset = ElementTree.Element(f"{{{SITEMAP}}}urlset")
    for entry in entries:
        url = ElementTree.SubElement(urlset, f"{{{SITEMAP}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP}}}loc").text = entry.loc
        for hreflang, href in entry.alternates:
            ElementTree.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=hreflang,
                                   href=href)
    ElementTree.indent(urlset)
    body = ElementTree.tostring(urlset, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def sitemap_files(site: SiteModel, addresses: Addresses,
                  reuse: Reuse | None = None) -> dict[str, str | bytes]:
    """sitemap.xml and its gzipped copy. An edit rarely changes which pages the site has
    and in which languages: then ``reuse`` has both from the last build (`mkdocs serve`)."""
    entries = tuple((entry.loc, tuple(entry.alternates))
                    for entry in site_entries(site, addresses))
    return (Reuse() if reuse is None else reuse)(_sitemap_files, entries)


def _sitemap_files(entries: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
                   ) -> dict[str, str | bytes]:
    xml = sitemap_xml(SitemapEntry(loc, alternates) for loc, alternates in entries)
    return {"sitemap.xml": xml,
            "sitemap.xml.gz": gzip.compress(xml.encode("utf-8"), mtime=0)}


def site_entries(site: SiteModel, addresses: Addresses) -> list[SitemapEntry]:
    """The root chooser (the x-default) and every real language version of every page."""
    absolute = addresses.absolute
    default = ("x-default", absolute(""))
    homes = [home for lang in LANGUAGES if (home := site.at(front(lang)))]
    entries = [SitemapEntry(absolute(""), [*((h.lang, absolute(h.address)) for h in homes),
                                           default])]
    for page in site.pages.values():
        versions = site.versions(page)
        if versions:
            alternates = [(version.lang, absolute(version.address)) for version in versions]
            entries.append(SitemapEntry(absolute(page.address), [*alternates, default]))
    return entries
