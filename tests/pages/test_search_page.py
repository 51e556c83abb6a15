"""The search page's form, and which stories search ranks first."""

import datetime as dt
import re

from conftest import make_article
from pressroom.pages.search_page import search_page_body
from pressroom.stories.edition import newest_story_ids
from pressroom.stories.grouping import Story


def story(story_id: str, **dates: dt.date | None) -> Story:
    return Story(story_id, {lang: make_article(lang, "Text.", date=day, story=story_id)
                            for lang, day in dates.items()})


def test_the_newest_stories_of_a_language_are_ranked_first():
    stories = [
        story("old", en=dt.date(2019, 1, 1), de=dt.date(2019, 1, 1)),
        story("new", en=dt.date(2025, 5, 1)),
        story("middle", en=dt.date(2022, 3, 1), de=dt.date(2022, 3, 2)),
        story("undated", en=None, de=None),
    ]
    assert newest_story_ids(stories, "en", 2) == {"new", "middle"}
    # German has no "new": its newest two are its own, by the German versions' dates.
    assert newest_story_ids(stories, "de", 2) == {"middle", "old"}
    assert newest_story_ids(stories, "en", 10) == {"new", "middle", "old"}  # never undated


def test_the_search_page_speaks_the_readers_language_and_offers_every_language():
    body = search_page_body("de", ("en", "de")).html
    assert "<h1" in body and "Suche" in body and "Suchbegriffe" in body
    assert re.findall(r'name="lang" value="(\w+)"( checked)?', body) == [
        ("en", ""), ("de", " checked")]
    assert '<span lang="en">English</span>' in body
    assert re.findall(r'data-pressroom-facet="(\w+)"[^>]*><legend>([^<]+)<', body) == [
        ("tag", "Schlagwörter"), ("case", "Verfahren"), ("year", "Jahr")]
