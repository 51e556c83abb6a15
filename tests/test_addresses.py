"""Addresses: one scheme for every page's path and URL, which agrees with the engine's."""

from __future__ import annotations

import pytest

from pressroom.addresses import (
    PLACES,
    Address,
    Addresses,
    Kind,
    case_document,
    front,
    page_language,
    relative_path,
    relative_url,
    story_address,
    tag_address,
    tag_feed,
    written_address,
)
from pressroom.engine import File
from pressroom.language import LANGUAGES

PATHS = ["index.md", "en/index.md", "de/stories/a-story.md", "en/tags/index.md",
         "en/tags/brand.md", "de/feed.xml", "en/tags/brand/feed.xml", "de/legal notice.md",
         "de/README.md", "cases/case-1/ruling.pdf", "assets/pressroom/pressroom.css",
         "editor-report.md", "api/articles.json", "de/über.md"]


def test_each_kind_has_its_path_and_the_languages_of_a_page_share_a_key():
    assert story_address("en", "x").path == "en/stories/x.md"
    assert tag_address("en", "brand").path == "en/tags/brand.md"
    assert tag_feed("en", "brand").path == "en/tags/brand/feed.xml"
    assert Address(Kind.CASES, "en").at("case-1") == "en/cases.md#case-1"
    assert front("en").path == "en/index.md"
    assert story_address("en", "x").in_language("de") == story_address("de", "x")
    assert story_address("en", "x").key == story_address("de", "x").key
    assert story_address("en", "x").key != tag_address("en", "x").key
    assert case_document("case-1", "ruling.pdf") == "cases/case-1/ruling.pdf"


def test_german_pages_lie_at_german_addresses_under_the_same_subject():
    assert story_address("de", "x").path == "de/artikel/x.md"
    assert tag_address("de", "brand").path == "de/schlagwoerter/brand.md"
    assert tag_feed("de", "brand").path == "de/schlagwoerter/brand/feed.xml"
    assert Address(Kind.TAG_INDEX, "de").path == "de/schlagwoerter/index.md"
    assert Address(Kind.CASES, "de").at("case-1") == "de/verfahren.md#case-1"
    assert Address(Kind.ARCHIVE, "de").path == "de/archiv.md"
    assert Address(Kind.SEARCH, "de").path == "de/suche.md"
    # Where they lay before, so that the old addresses can forward.
    assert story_address("de", "x").former_path == "de/stories/x.md"
    assert Address(Kind.CASES, "de").former_path == "de/cases.md"
    assert story_address("en", "x").former_path == story_address("en", "x").path
    assert front("de").former_path == front("de").path


def test_every_kind_has_a_place_in_every_language():
    for kind in Kind:
        assert set(PLACES[kind]) == set(LANGUAGES), kind


def test_a_written_page_is_known_by_its_language_folder():
    assert written_address("de/about.md") == Address(Kind.WRITTEN, "de", "about.md")
    assert written_address("index.md") is None and written_address("fr/x.md") is None
    assert page_language("de/x/y.md") == "de"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_urls_and_site_files_are_the_engine_s(directory_urls, tmp_path):
    """Compared with the engine's own File for the same path: the plugin also checks every
    page it renders, so a difference would fail a strict build rather than break links."""
    ours = Addresses("https://example.org/press/", directory_urls)
    for path in PATHS:
        theirs = File(path, str(tmp_path), str(tmp_path / "site"), directory_urls)
        assert ours.url(path) == theirs.url, path
        assert ours.site_file(path) == theirs.dest_uri, path
        for other in PATHS:
            there = File(other, str(tmp_path), str(tmp_path / "site"), directory_urls)
            assert relative_url(ours.url(path), ours.url(other)) == theirs.url_relative_to(
                there), (path, other)


def test_absolute_addresses_are_below_the_site_s_address():
    addresses = Addresses("https://example.org/press")
    assert addresses.absolute("") == "https://example.org/press/"
    assert addresses.absolute("index.md") == "https://example.org/press/"
    assert addresses.absolute(story_address("en", "x")) == (
        "https://example.org/press/en/stories/x/")
    assert Addresses().absolute("de/feed.xml") == "/de/feed.xml"


def test_links_from_a_page_are_relative_and_a_missing_target_is_told():
    missing: list[tuple[str, str]] = []
    addresses = Addresses(known={"en/index.md", "en/cases.md", "de/stories/x.md"},
                          missing=lambda page, path: missing.append((page, path)))
    link = addresses.link_from("de/stories/x.md")
    assert link("en/cases.md#case-1") == "../../../en/cases/#case-1"
    assert link("en/index.md") == "../../../en/"
    assert link("de/stories/gone.md") == "de/stories/gone.md"
    assert missing == [("de/stories/x.md", "de/stories/gone.md")]


def test_a_markdown_link_between_docs_paths():
    assert relative_path("de/stories/x.md#line-3", "de/cases.md") == "stories/x.md#line-3"
    assert relative_path("en/stories/x.md", "de/cases.md") == "../en/stories/x.md"
    assert relative_path("cases/c/r.pdf", "de/cases.md") == "../cases/c/r.pdf"
    assert relative_path("en/tags/brand/feed.xml", "en/tags/brand.md") == "brand/feed.xml"
