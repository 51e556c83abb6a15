"""Addresses that moved keep working: where a page lay before (``Address.former_path``), the
site keeps a small page that sends the reader on to where it lies now.

Static hosting has no redirects of its own, so the page does it: a script that keeps the
address's fragment (a case's anchor on the case summary), a refresh for browsers without
scripts, a link for everyone, and the new address as canonical so that search engines move
their entry. It is not listed anywhere (sitemap, search, navigation).
"""

from __future__ import annotations

import json

from ..addresses import Address, Addresses, relative_url
from ..language.i18n import N_, translate
from ..pages.html_text import escape_attribute, escape_text
from ..pages.site import SiteModel

MOVED_TITLE = N_("This page has moved")
MOVED_TEXT = N_("It is now at")
# Tells a forwarding page from the press room's pages (the site check reads it).
MOVED_MARK = '<meta name="pressroom-moved" content="yes">'


def moved_pages(site: SiteModel, addresses: Addresses) -> dict[str, str]:
    """The forwarding pages: the site's file at each former address -> its HTML."""
    pages = {}
    for page in site.pages.values():
        former = page.address.former_path
        if former != page.path:
            pages[addresses.site_file(former)] = forwarding_page(page.address, former, addresses)
    return pages


def forwarding_page(address: Address, former: str, addresses: Addresses) -> str:
    lang = address.lang
    target = relative_url(addresses.url(address), addresses.url(former))
    absolute = addresses.absolute(address)
    title = escape_text(translate(lang, MOVED_TITLE))
    # The target as a script's string: a URL that ``quote`` made, so it holds no "<".
    script = f"location.replace({json.dumps(target)} + location.hash);"
    return (
        "<!doctype html>\n"
        f'<html lang="{escape_attribute(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n{MOVED_MARK}\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{escape_attribute(absolute)}">\n'
        f"<script>{script}</script>\n"
        f'<meta http-equiv="refresh" content="0; url={escape_attribute(target)}">\n'
        "</head>\n<body>\n"
        f"<h1>{title}</h1>\n"
        f'<p>{escape_text(translate(lang, MOVED_TEXT))} <a href="{escape_attribute(target)}">'
        f"{escape_text(absolute)}</a></p>\n"
        "</body>\n</html>\n"
    )
