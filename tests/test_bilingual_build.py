"""One build, two complete languages: what a reader of either language gets."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import SEEDS, at
from pressroom.language.i18n import format_day
from pressroom.publishing.check_site import forwards
from pressroom.sources.ingest import ingest
from pressroom.stories.grouping import group_stories
from sitebuild import (
    article_text,
    broken_index_files,
    build,
    make_project,
    read_page,
    set_options,
)

pytestmark = pytest.mark.build

SITE_URL = "https://pressroom.example.org/"
STORIES = group_stories(ingest(SEEDS).articles)[0]
# Interface words of the theme and of the press room that must never show on a German page
# (as text or in an attribute a reader meets: placeholder, aria-label, title). Words that
# German shares ("Navigation") and the language names in the switcher are not among them.
ENGLISH_INTERFACE = [
    "Search", "Type to start searching", "Initializing search", "Table of contents",
    "Skip to content", "Back to top", "Select language", "Copy to clipboard", "Made with",
    "Previous", "Next", "Footer", "Header", "Share", "Clear", "Press room",
    "About the company", "only available in", "No stories yet",
]


read = read_page


def html_lang(page: str) -> str:
    return re.search(r"<html lang=\"([^\"]+)\"", page)[1]


def hreflangs(page: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', page))


def switcher(page: str) -> dict[str, str]:
    return {lang: href for href, lang in re.findall(
        r'<a href="([^"]+)" hreflang="[^"]+" lang="[^"]+"\s+class="md-select__link" '
        r'data-pressroom-switch="([^"]+)"', page)}


def resolve(url: str, href: str) -> str:
    """A link on the page at ``url`` (site-relative, like "en/stories/x/"), made site-relative."""
    parts = [part for part in url.split("/") if part]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts) + "/"


@pytest.mark.parametrize("story", STORIES, ids=lambda story: story.id)
def test_every_story_in_both_languages(site, story):
    urls = {lang: f"{at(lang, 'stories')}/{story.id}/" for lang in ("en", "de")}
    for lang, url in urls.items():
        page = read(site, url)
        article = story.versions[lang]
        assert html_lang(page) == lang
        title = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1].strip()
        assert html.unescape(title) == article.title.value
        assert format_day(article.date.value, lang) in article_text(site / url / "index.html")
        other = "de" if lang == "en" else "en"
        assert resolve(url, switcher(page)[other]) == urls[other]
        assert hreflangs(page) == {"en": SITE_URL + urls["en"], "de": SITE_URL + urls["de"],
                                   "x-default": SITE_URL}
        assert f'<link rel="canonical" href="{SITE_URL}{url}">' in page


def test_dates_are_formatted_for_each_locale(site):
    story = "xiaomi-secures-legal-victory-against-online-defamation/index.html"
    english = article_text(site / at("en", "stories") / story)
    german = article_text(site / at("de", "stories") / story)
    assert "May 14, 2025" in english and "14. Mai 2025" in german


def german_pages(site: Path) -> list[Path]:
    """The German site's pages, not those that forward from its addresses of before."""
    return sorted(page for page in (site / "de").rglob("index.html") if not forwards(page))


def test_no_english_interface_string_on_a_german_page(site):
    pages = german_pages(site)
    assert len(pages) >= 8
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert html_lang(page) == "de"
        visible = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page, flags=re.S)
        texts = re.findall(r">([^<>]+)<", visible)
        attributes = re.findall(r'(?:placeholder|aria-label|title|alt)="([^"]*)"', visible)
        for word in ENGLISH_INTERFACE:
            for text in [*texts, *attributes]:
                assert not re.search(rf"\b{re.escape(word)}\b", text), (path, word, text)
        config = json.loads(re.search(r'id="__config"[^>]*>(.*?)</script>', page, re.S)[1])
        assert config["translations"]["clipboard.copy"] == "In Zwischenablage kopieren"
        for label in ("About the press room", "Media contacts", "Media kit"):
            assert label not in page, (path, label)


def test_german_interface_and_navigation_labels(site):
    page = read(site, "de/artikel/lei-jun-announces-legal-action-against-false-information-"
                      "campaigns/")
    for label in ("Über den Pressebereich", "Pressekontakt", "Pressemappe", "Über das Unternehmen",
                  "Suche"):
        assert label in page


def test_search_has_one_index_per_language_and_only_real_pages_in_it(site):
    # Four stories, three hand-written pages and the case summary in each language; listings
    # (landing, tags) and the search page are not results. Each language has its own index.
    for lang in ("en", "de"):
        entry = json.loads((site / "pagefind" / lang / "pagefind-entry.json").read_text())
        assert {name: info["page_count"] for name, info in entry["languages"].items()} == {
            lang: 8}
    assert broken_index_files(site / "pagefind") == []
    # Nothing of the theme's own search stays behind: no index, no worker, no lunr.
    assert not (site / "search" / "search_index.json").exists()
    assert not list((site / "assets" / "javascripts").rglob("*search*"))
    assert not (site / "assets" / "javascripts" / "lunr").exists()
    story = read(site, f"de/artikel/{STORIES[0].id}/")
    assert "data-pagefind-body" in story
    boilerplate = story.index('<h2 id="ueber-das-unternehmen"')
    assert story.rfind("data-pagefind-ignore", 0, boilerplate) > story.rfind("data-pagefind-body")
    assert "data-pagefind-body" not in read(site, "de/")
    search = read(site, "de/suche/")
    assert "data-pressroom-search-page" in search
    assert {"tag", "case", "year"} == set(re.findall(r'data-pressroom-facet="(\w+)"', search))
    # Pagefind's ready-made interfaces are not shipped: the theme's search box is used.
    assert not list((site / "pagefind").rglob("pagefind-*ui*"))
    assert (site / "pagefind" / "de" / "pagefind.js").exists()


def test_story_pages_carry_their_search_filters(site):
    """Tags, cases and the year are filters of the search page; Pagefind reads them from the
    story pages (inside parts left out of the words searched, so excerpts are the article)."""
    story = read(site, "de/artikel/xiaomi-secures-legal-victory-against-online-defamation/")
    tags = re.findall(r'data-pagefind-filter="tag" href="[^"]*">([^<]+)</a>', story)
    assert "Online-Diffamierung" in tags
    assert re.findall(r'data-pagefind-filter="case" href="[^"]*">([^<]+)</a>', story)
    assert 'data-pagefind-filter="year:2025"' in story
    assert re.search(r'<p data-pagefind-ignore data-pagefind-meta="dateline"[^>]*>'
                     r"Erscheinungsdatum nicht bekannt \(erstes Datum im Text: 14\. Mai 2025\)",
                     story)


def test_root_lets_a_reader_choose(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="en/"' in page and 'href="de/"' in page
    assert "navigator.languages" in page and "location.replace" in page
    assert hreflangs(page) == {"en": SITE_URL + "en/", "de": SITE_URL + "de/",
                               "x-default": SITE_URL}


def test_sitemap_carries_the_alternates(site):
    root = ET.parse(site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {url.find("s:loc", ns).text: {link.get("hreflang"): link.get("href")
                                            for link in url.findall("x:link", ns)}
               for url in root.findall("s:url", ns)}
    for story in STORIES:
        for lang in ("en", "de"):
            assert entries[f"{SITE_URL}{at(lang, 'stories')}/{story.id}/"] == {
                "en": f"{SITE_URL}en/stories/{story.id}/",
                "de": f"{SITE_URL}de/artikel/{story.id}/", "x-default": SITE_URL}


def test_hand_written_pages_exist_in_both_languages_and_switch_to_each_other(site):
    for name in ("about", "contacts", "media-kit"):
        english, german = read(site, f"en/{name}/"), read(site, f"de/{name}/")
        assert html_lang(english) == "en" and html_lang(german) == "de"
        assert resolve(f"en/{name}/", switcher(english)["de"]) == f"de/{name}/"
    assert "Platzhalter" in read(site, "de/contacts/")


ENGLISH_ONLY = (SEEDS / "004_e53124b072d22cea.txt").read_bytes()


@pytest.fixture(scope="module")
def one_language(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("one-language"), {"a.txt": ENGLISH_ONLY})
    result = build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project


def test_a_missing_translation_gets_a_page_in_the_readers_language(one_language):
    site = one_language / "site"
    story = "lei-jun-announces-legal-action-against-false-information-campaigns"
    page = read(site, f"de/artikel/{story}/")
    assert html_lang(page) == "de"
    assert "Dieser Artikel liegt nur auf Englisch vor" in page
    assert re.search(r'<div lang="en">\s*<p[^>]*>XIAOMI-W founder Lei Jun', page)
    assert f'<link rel="canonical" href="{SITE_URL}en/stories/{story}/">' in page
    assert hreflangs(page) == {}
    assert "13. September 2025" in page
    english = read(site, f"en/stories/{story}/")
    assert hreflangs(english) == {"en": f"{SITE_URL}en/stories/{story}/", "x-default": SITE_URL}
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{SITE_URL}de/artikel/{story}/" not in sitemap
    assert "data-pagefind-body" not in page and "data-pagefind-body" in english
    landing = read(site, "de/")
    assert "nur auf Englisch" in landing


def test_the_report_lists_missing_translations(one_language):
    report = json.loads((one_language / "build" / "editor-report.json").read_text())
    (missing,) = report["missing_translations"]
    assert missing["missing"] == ["de"] and missing["source"] == "seeds/a.txt"


def test_an_option_makes_missing_translations_fail_strict(tmp_path):
    project = make_project(tmp_path, {"a.txt": ENGLISH_ONLY})
    set_options(project, require_translations=True)
    result = build(project, "--strict")
    assert result.returncode != 0
    assert "seeds/a.txt" in result.stderr and "no 'de' version" in result.stderr


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_story_has_a_table_of_contents_only_from_two_headings_on(site, lang):
    """A story whose only heading is the company's boilerplate gets no table of contents of
    one entry; one with more headings lists them all."""
    seen = set()
    for path in sorted((site / at(lang, "stories")).glob("*/index.html")):
        page = path.read_text(encoding="utf-8")
        article = page[page.index("<article"):page.index("</article>")]
        headings = len(re.findall(r"<h[2-6][ >]", article))
        toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', page, re.S)[0]
        hidden = re.search(r'data-md-type="toc"[^>]*\bhidden\b', page) is not None
        if headings >= 2:
            assert not hidden and toc.count("md-nav__link") == headings, path
        else:
            assert hidden, path
        seen.add(headings >= 2)
    assert seen == {True, False}  # the seeds have stories of both kinds
