"""A story as listings show it (landing, tag and case pages), and its dateline: the day in
the reader's language, the publisher, and every text from a source escaped."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from conftest import make_article
from pressroom.model import DAY_WITH_ANCHOR, FIRST_DATE_IN_TEXT, Article, Inferred, by_rule
from pressroom.pages.dateline import dateline
from pressroom.pages.listings import (
    listing_entry,
    listing_html,
    listing_page_body,
    story_listing,
)
from pressroom.stories.grouping import Story, group_stories

DAY = dt.date(2025, 5, 14)


def article(lang: str, title: str = "Court rules for Example GmbH", *, date: dt.date | None = DAY,
            story: str = "ruling", publisher: str | None = "Example News",
            summary: str | None = None, source: str | None = None) -> Article:
    made = make_article(lang, "Body.", date=date, title=title, story=story,
                        source=source or f"{story}-{lang}.txt")
    return replace(made, publisher=Inferred(publisher, by_rule("test")),
                   summary=Inferred(summary, by_rule("test")))


def story_of(*versions: Article) -> Story:
    return Story(versions[0].story.value, {version.lang.value: version for version in versions})


def same_path(path: str) -> str:
    """Links as the page would write them, left as docs paths so the test sees the target."""
    return f"/{path}"


# The dateline.

def test_the_dateline_gives_the_day_in_the_readers_language_then_the_publisher():
    english = article("en")
    assert dateline(english, "en") == "May 14, 2025 · Example News"
    assert dateline(english, "de") == "14. Mai 2025 · Example News"


def test_a_day_only_the_text_names_is_not_given_as_the_publication_date():
    for rule in (FIRST_DATE_IN_TEXT, DAY_WITH_ANCHOR):
        dated_by_text = replace(article("en"), date=Inferred(DAY, by_rule(rule)))
        assert dateline(dated_by_text, "en") == (
            "publication date not reported (first date in the text: May 14, 2025) · Example News")
        assert dateline(dated_by_text, "de") == (
            "Erscheinungsdatum nicht bekannt (erstes Datum im Text: 14. Mai 2025) · Example News")


def test_what_a_source_does_not_give_is_left_out_of_the_dateline_not_invented():
    assert dateline(article("en", date=None), "en") == "Example News"
    assert dateline(article("en", publisher=None), "de") == "14. Mai 2025"
    assert dateline(article("en", date=None, publisher=None), "en") == ""


# Entries.

def test_an_entry_links_the_story_at_its_address_in_the_readers_language():
    story = story_of(article("en"), article("de", "Gericht entscheidet"))
    markup = listing_html([story], "de", same_path)
    assert 'href="/de/artikel/ruling.md"' in markup
    assert ">Gericht entscheidet</a>" in markup
    # The reader's own version: no language marks, no note.
    assert "hreflang" not in markup and "nur auf" not in markup


def test_a_story_without_a_version_in_the_readers_language_shows_its_original_marked():
    story = story_of(article("en", summary="The court sides with the company."))
    entry = listing_entry(story, "de")
    assert (entry.title, entry.path) == ("Court rules for Example GmbH", "de/artikel/ruling.md")
    assert (entry.original, entry.note) == ("en", "nur auf Englisch")
    markup = listing_html([story], "de", same_path)
    assert '<a hreflang="en" lang="en" href="/de/artikel/ruling.md">' in markup
    assert "</a> (nur auf Englisch)" in markup
    # The summary is English text on a German page: it says so, for screen readers.
    assert '<span lang="en">The court sides with the company.</span>' in markup


def test_an_entry_in_html_escapes_the_headline_publisher_and_summary():
    hostile = article("en", title="<script>alert(1)</script> Roe & Co", publisher="A<b>B</b>",
                      summary="Fees & <img src=x onerror=alert(1)>")
    markup = listing_html([story_of(hostile)], "en", same_path)
    assert "<script>" not in markup and "<img" not in markup and "<b>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Roe &amp; Co</a>" in markup
    assert "May 14, 2025 · A&lt;b&gt;B&lt;/b&gt;" in markup
    assert "Fees &amp; &lt;img src=x onerror=alert(1)&gt;" in markup


def test_an_entry_in_markdown_cannot_become_a_link_emphasis_or_markup():
    hostile = article("en", title="[Win](javascript:alert(1)) *now* <b>", summary="_a_ & `b`")
    item = story_listing(story_of(hostile), "en", "stories/ruling.md")
    title_link = item.split("  \n")[0]  # the first line, before its Markdown line break
    # One link only, the entry's own: the title's brackets and stars are escaped text.
    assert title_link == (r"- [\[Win\](javascript:alert(1)) \*now\* &lt;b&gt;]"
                          "(stories/ruling.md)")
    assert r"\_a\_ &amp; \`b\`" in item


def test_an_entry_without_summary_or_dateline_has_no_empty_lines():
    bare = article("en", date=None, publisher=None, summary="Not wanted here.")
    markup = listing_html([story_of(bare)], "en", same_path)
    assert "<br>" in markup  # the summary
    assert "<br>\n<br>" not in markup and "<br>\n</li>" not in markup
    listed = story_listing(story_of(bare), "en", "x.md", with_summary=False)
    assert listed == "- [Court rules for Example GmbH](x.md)"


# Listing pages.

def test_a_listing_shows_the_stories_newest_first_and_undated_ones_last():
    stories, problems = group_stories([
        article("en", "Old", date=dt.date(2019, 3, 1), story="old"),
        article("en", "Undated", date=None, story="undated"),
        article("en", "New", date=dt.date(2025, 9, 1), story="new"),
        article("en", "Middle", date=dt.date(2022, 1, 5), story="middle"),
    ])
    assert not problems
    markup = listing_html(stories, "en", same_path)
    assert re.findall(r'href="/en/stories/([a-z]+)\.md"', markup) == [
        "new", "middle", "old", "undated"]


def test_a_listing_page_has_its_heading_intro_and_list_or_says_it_is_empty():
    body = listing_page_body("Alle <Artikel>", "Neu & alt", [story_of(article("de"))], "de",
                             "Noch keine Artikel.", same_path)
    assert body.html.startswith('<h1 id="alle-artikel">Alle &lt;Artikel&gt;</h1>\n'
                                "<p>Neu &amp; alt</p>\n<ul>\n<li>")
    assert [(heading.level, heading.id) for heading in body.headings] == [(1, "alle-artikel")]
    assert "Noch keine Artikel." not in body.html
    # Without stories, the page says so instead of showing an empty list.
    empty = listing_page_body("All stories", None, [], "en", "No stories <yet>.", same_path)
    assert empty.html == '<h1 id="all-stories">All stories</h1>\n<p>No stories &lt;yet&gt;.</p>\n'
