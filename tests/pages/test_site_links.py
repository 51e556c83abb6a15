import xml.etree.ElementTree as ET

import pytest

from pressroom.addresses import Addresses, front, page_language, story_address, written
from pressroom.language.slugs import heading_slug, slugify
from pressroom.pages.links import og_locale, page_links
from pressroom.pages.site import SiteModel, SitePage
from pressroom.publishing.sitemap import site_entries, sitemap_xml

SITE = SiteModel([
    SitePage(front("en")), SitePage(front("de")),
    SitePage(story_address("en", "both")), SitePage(story_address("de", "both")),
    SitePage(story_address("en", "english-only")),
    SitePage(story_address("de", "english-only"), translated=False),
    SitePage(written("en", "about.md")),
])
ADDRESSES = Addresses("https://example.org/")


def links(path):
    return page_links(SITE, SITE.get(path), ADDRESSES)


def test_a_story_in_both_languages_announces_both_reciprocally():
    english, german = links("en/stories/both.md"), links("de/artikel/both.md")
    assert english["hreflang"] == german["hreflang"] == [
        {"hreflang": "en", "href": "https://example.org/en/stories/both/"},
        {"hreflang": "de", "href": "https://example.org/de/artikel/both/"},
        {"hreflang": "x-default", "href": "https://example.org/"},
    ]
    assert english["og_locale"] == "en_US" and english["og_locale_alternates"] == ["de_DE"]
    assert [t["url"] for t in english["switcher"]] == ["en/stories/both/", "de/artikel/both/"]


def test_a_stand_in_page_is_no_version_and_defers_to_the_original():
    stand_in = SITE.get("de/artikel/english-only.md")
    assert SITE.versions(stand_in) == []
    assert SITE.original(stand_in).path == "en/stories/english-only.md"
    assert links("de/artikel/english-only.md")["hreflang"] == []
    assert [a["hreflang"] for a in links("en/stories/english-only.md")["hreflang"]] == [
        "en", "x-default"]
    # The switcher still leads to the same story: the stand-in speaks the reader's language.
    assert links("en/stories/english-only.md")["switcher"][1]["url"] == (
        "de/artikel/english-only/")


def test_the_switcher_falls_back_to_the_home_of_the_other_language():
    assert [t["url"] for t in links("en/about.md")["switcher"]] == ["en/about/", "de/"]


def test_sitemap_lists_real_versions_with_their_alternates():
    xml = sitemap_xml(site_entries(SITE, ADDRESSES))
    root = ET.fromstring(xml)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = [url.find("s:loc", ns).text for url in root.findall("s:url", ns)]
    assert "https://example.org/de/artikel/english-only/" not in locs
    assert "https://example.org/en/stories/english-only/" in locs
    (both,) = [u for u in root.findall("s:url", ns)
               if u.find("s:loc", ns).text.endswith("de/artikel/both/")]
    assert [link.get("hreflang") for link in both.findall("x:link", ns)] == [
        "en", "de", "x-default"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Fälschungen – Übersicht", "faelschungen-uebersicht"),
     ("Straße der Größe", "strasse-der-groesse"),
     ("Xiaomi’s “Black PR” case", "xiaomis-black-pr-case"), ("Łódź café", "lodz-cafe")],
)
def test_slugs_are_lowercase_ascii_with_german_transliteration(text, slug):
    assert slugify(text) == slug
    assert heading_slug(text, "_") == slug.replace("-", "_")


def test_page_language_by_first_folder():
    assert page_language("de/about.md") == "de"
    assert page_language("index.md") is None
    assert page_language("fr/x.md") is None
    assert og_locale("de") == "de_DE"
