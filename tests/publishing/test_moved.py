"""Addresses that moved keep working: a page at each former address forwards to the new one."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pressroom.addresses import Address, Addresses, Kind, front, story_address
from pressroom.pages.site import SiteModel, SitePage
from pressroom.publishing.moved import MOVED_MARK, forwarding_page, moved_pages

SITE = "https://press.example.org/room/"


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.tags


def site_of(*addresses: Address) -> SiteModel:
    return SiteModel(SitePage(address, markdown="") for address in addresses)


def test_only_the_pages_whose_address_changed_get_a_forwarding_page():
    site = site_of(story_address("en", "ruling"), story_address("de", "ruling"), front("de"),
                   Address(Kind.CASES, "de"), Address(Kind.WRITTEN, "de", "about.md"))
    pages = moved_pages(site, Addresses(SITE))
    assert set(pages) == {"de/stories/ruling/index.html", "de/cases/index.html"}


def test_the_forwarding_page_sends_the_reader_on_keeping_the_place_on_the_page():
    page = forwarding_page(Address(Kind.CASES, "de"), "de/cases.md", Addresses(SITE))
    found = elements(page)
    assert ("html", {"lang": "de"}) in found
    assert ("link", {"rel": "canonical", "href": f"{SITE}de/verfahren/"}) in found
    assert ("meta", {"name": "robots", "content": "noindex"}) in found
    assert ("meta", {"http-equiv": "refresh", "content": "0; url=../verfahren/"}) in found
    assert ("a", {"href": "../verfahren/"}) in found
    # The script adds the fragment (a case's anchor), which a refresh would lose.
    assert re.search(r'location\.replace\("\.\./verfahren/" \+ location\.hash\)', page)
    assert MOVED_MARK in page
    assert "Diese Seite ist umgezogen" in page and "Sie ist jetzt unter" in page


def test_without_directory_urls_the_forward_goes_file_to_file():
    addresses = Addresses(SITE, directory_urls=False)
    (path, page), = moved_pages(site_of(story_address("de", "ruling")), addresses).items()
    assert path == "de/stories/ruling.html"
    assert ("a", {"href": "../artikel/ruling.html"}) in elements(page)


def test_an_address_with_characters_urls_escape_stays_one_url_in_the_script():
    page = forwarding_page(story_address("de", 'x"y<z'), "de/stories/x.md", Addresses(SITE))
    script = re.search(r"<script>(.*)</script>", page).group(1)
    assert "<" not in script and '"x' not in script
    assert "%22" in script and "%3C" in script
