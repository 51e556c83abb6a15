"""What ``generated_pages`` makes of a small edition: every kind of page in every language, each
at its own address, story pages with their tags and cases in the reader's language."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from conftest import make_article
from pressroom.addresses import Kind
from pressroom.language import LANGUAGES
from pressroom.model import Article
from pressroom.pages.front_page import Desk
from pressroom.pages.generated import generated_pages, source_pages
from pressroom.pages.site import SitePage
from pressroom.pages.site_frame import brand
from pressroom.stories.cases import Case
from pressroom.stories.edition import Edition
from pressroom.stories.grouping import group_stories
from pressroom.stories.taxonomy import Tag

BRAND = Tag("brand", {"en": "Brand", "de": "Marke"})
COURTS = Tag("courts", {"en": "Courts", "de": "Gerichte"})
ROE = Case("roe-v-example", {"en": "Jane Roe v. Example GmbH", "de": "Jane Roe gegen Example GmbH"},
           kind="civil-defamation-suit", stories=("roe-ruling",))


def version(lang: str, story: str, title: str, day: dt.date | None, **changes) -> Article:
    made = make_article(lang, "Lead line.\nSecond line.", date=day, title=title, story=story,
                        source=f"{story}-{lang}.txt")
    return replace(made, **changes)


ROE_EN = version("en", "roe-ruling", "Roe wins", dt.date(2025, 5, 20))
ROE_DE = version("de", "roe-ruling", "Roe gewinnt", dt.date(2025, 5, 21))
SOLO = version("en", "solo", "Example GmbH opens a plant", dt.date(2024, 1, 9))
UNDATED = version("de", "undated", "Ohne Datum", None)


def edition(*articles: Article) -> Edition:
    stories, problems = group_stories(list(articles or (ROE_EN, ROE_DE, SOLO, UNDATED)))
    assert not problems
    # Tags belong to versions: "courts" only to the English version of the Roe story.
    tags = {ROE_EN.source: [BRAND, COURTS], ROE_DE.source: [BRAND], SOLO.source: [BRAND]}
    return Edition(stories, version_tags=tags, cases=[ROE], cases_of={"roe-ruling": [ROE]})


def pages_of(made: Edition | None = None, **options) -> dict[str, SitePage]:
    pages = generated_pages(made or edition(), {}, Desk(brand()), **options)
    by_path = {page.path: page for page in pages}
    assert len(by_path) == len(pages)
    return by_path


def html(page: SitePage) -> str:
    """The page's body, its links left as docs paths."""
    assert page.body is not None
    return page.body(lambda path: path).html


def test_every_kind_of_page_is_made_in_every_language():
    kinds = {(page.kind, page.lang) for page in pages_of().values()}
    assert kinds == {(kind, lang) for lang in LANGUAGES
                     for kind in (Kind.FRONT, Kind.ARCHIVE, Kind.SEARCH, Kind.STORY,
                                  Kind.TAG_INDEX, Kind.TAG, Kind.CASES)}


def test_each_page_stands_at_its_own_address_and_no_path_is_made_twice():
    pages = generated_pages(edition(), {}, Desk(brand()))
    assert [path for path, count in Counter(page.path for page in pages).items()
            if count > 1] == []
    stories = ("roe-ruling", "solo", "undated")
    assert {page.path for page in pages} == {
        *(f"en/{name}" for name in (
            "index.md", "archive.md", "search.md", "cases.md", "tags/index.md", "tags/brand.md",
            *(f"stories/{story}.md" for story in stories))),
        # German pages at German addresses.
        *(f"de/{name}" for name in (
            "index.md", "archiv.md", "suche.md", "verfahren.md", "schlagwoerter/index.md",
            "schlagwoerter/brand.md", *(f"artikel/{story}.md" for story in stories))),
        # Only the English version of the Roe story is tagged "courts".
        "en/tags/courts.md",
    }


def test_a_story_without_a_version_in_a_language_gets_a_stand_in_there():
    pages = pages_of()
    assert pages["en/stories/roe-ruling.md"].translated
    assert pages["de/artikel/roe-ruling.md"].translated
    stand_in = pages["de/artikel/solo.md"]
    assert not stand_in.translated and not stand_in.indexed
    # The German reader is told, in German, and reads the English original marked as such.
    body = html(stand_in)
    assert body.startswith('<h1 id="example-gmbh-opens-a-plant" lang="en"')
    assert "<p>Dieser Artikel liegt nur auf Englisch vor. Es folgt das Original.</p>" in body
    assert '<div lang="en">' in body
    assert not pages["en/stories/undated.md"].translated


def test_a_story_page_links_its_tags_and_cases_in_the_readers_language():
    pages = pages_of()
    german = html(pages["de/artikel/roe-ruling.md"])
    assert re.findall(r'class="md-tag"[^>]*href="([^"]+)">([^<]+)</a>', german) == [
        ("de/schlagwoerter/brand.md", "Marke")]
    assert 'href="de/verfahren.md#roe-v-example">Jane Roe gegen Example GmbH</a>' in german
    english = html(pages["en/stories/roe-ruling.md"])
    assert re.findall(r'class="md-tag"[^>]*href="([^"]+)">([^<]+)</a>', english) == [
        ("en/tags/brand.md", "Brand"), ("en/tags/courts.md", "Courts")]
    assert 'href="en/cases.md#roe-v-example">Jane Roe v. Example GmbH</a>' in english


def test_only_real_story_versions_and_the_case_summary_are_search_results():
    indexed = {path for path, page in pages_of().items() if page.indexed}
    assert indexed == {"en/stories/roe-ruling.md", "de/artikel/roe-ruling.md",
                       "en/stories/solo.md", "de/artikel/undated.md", "en/cases.md",
                       "de/verfahren.md"}


def test_the_page_of_all_stories_lists_the_whole_edition_newest_first_undated_last():
    archive = html(pages_of()["de/archiv.md"])
    assert archive.startswith('<h1 id="alle-artikel">Alle Artikel</h1>\n'
                              "<p>Alle Artikel des Pressebereichs, die neuesten zuerst.</p>")
    assert re.findall(r'href="de/artikel/([a-z-]+)\.md"', archive) == [
        "roe-ruling", "solo", "undated"]


def flagged_newest(pages: dict[str, SitePage]) -> set[str]:
    return {path for path, page in pages.items()
            if page.kind is Kind.STORY and "newest:yes" in html(page)}


def test_search_ranks_first_only_the_newest_stories_with_a_version_in_its_language():
    assert flagged_newest(pages_of(newest_first=1)) == {"en/stories/roe-ruling.md",
                                                        "de/artikel/roe-ruling.md"}
    # The solo story is among English's two newest, but its German page is a stand-in, and
    # an undated story is never among the newest.
    assert flagged_newest(pages_of(newest_first=2)) == {"en/stories/roe-ruling.md",
                                                        "de/artikel/roe-ruling.md",
                                                        "en/stories/solo.md"}


def test_a_draft_says_it_is_unpublished_in_preview_and_nowhere_else():
    draft = replace(SOLO, draft=True)
    made = edition(ROE_EN, ROE_DE, draft)
    preview = pages_of(made, preview_at=dt.datetime(2025, 6, 1, tzinfo=dt.UTC))
    assert "Draft: this story is not published on the built site." in html(
        preview["en/stories/solo.md"])
    assert "Entwurf: Dieser Artikel wird auf der veröffentlichten Website nicht angezeigt." in (
        html(preview["de/artikel/solo.md"]))
    assert "Draft" not in html(preview["en/stories/roe-ruling.md"])
    built = pages_of(made)
    assert "Draft" not in html(built["en/stories/solo.md"])


def test_the_editors_report_finds_each_source_at_its_story_page():
    stories = edition().stories
    assert {str(path): page for path, page in source_pages(stories).items()} == {
        "roe-ruling-en.txt": "en/stories/roe-ruling.md",
        "roe-ruling-de.txt": "de/artikel/roe-ruling.md",
        "solo-en.txt": "en/stories/solo.md",
        "undated-de.txt": "de/artikel/undated.md",
    }


def test_an_edition_without_stories_still_has_each_languages_pages():
    empty = Edition([])
    pages = pages_of(empty)
    assert sorted(pages) == sorted([
        *(f"en/{name}" for name in (
            "index.md", "archive.md", "search.md", "cases.md", "tags/index.md")),
        *(f"de/{name}" for name in (
            "index.md", "archiv.md", "suche.md", "verfahren.md", "schlagwoerter/index.md"))])
    assert "<p>Noch keine Artikel.</p>" in html(pages["de/archiv.md"])
