"""The Atom feeds of a small edition, read back as a feed reader reads them."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest

from conftest import make_article
from made_editions import errors_of, made_edition
from pressroom.addresses import Addresses
from pressroom.outputs.data_files import data_files
from pressroom.outputs.feeds import ATOM, MAX_ENTRIES, Feed, atom_feed
from pressroom.stories.edition import Edition
from pressroom.stories.grouping import Story

SITE = "https://press.example.org/room/"
NAMES = {"en": "Example Press Room", "de": "Beispiel-Presseraum"}
HOSTILE_TITLE = "<script>alert(1)</script> Bread & Butter Ltd appeals"

# An outlet's English article with its German translation by the press room (dated only by
# what its text names), and an English-only story whose headline is hostile markup.
SEEDS = {
    "ruling.txt": """---
title: Example GmbH wins its case against a rival bakery
date: 2026-03-02
lang: en
story: example-bakery-ruling
source: Example Gazette
summary: A court sided with Example GmbH.
tags: [Baking, Courts]
---
On 2 March 2026 the District Court of Examplestadt ruled for Example GmbH against Jane Roe.
The court found that the rival bakery had copied the recipe.
""",
    "ruling-de.txt": """---
title: Example GmbH gewinnt gegen eine andere Bäckerei
lang: de
story: example-bakery-ruling
tags: [Backen, Gerichte]
translation_of: ruling.txt
---
Am 2. März 2026 entschied das Amtsgericht Examplestadt zugunsten der Example GmbH.
Das Gericht stellte fest, dass die andere Bäckerei das Rezept kopiert hatte.
""",
    "appeal.txt": f"""---
title: "{HOSTILE_TITLE}"
date: 2026-04-10
lang: en
story: bread-and-butter-appeal
tags: [Baking]
---
Bread & Butter Ltd filed an appeal on 10 April 2026 against the ruling.
The company says the recipe was its own.
""",
}
TAXONOMY = """- id: baking
  labels: {en: Baking, de: Backen}
- id: courts
  labels: {en: Courts, de: Gerichte}
"""


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Edition:
    folder = tmp_path_factory.mktemp("feeds")
    seeds = folder / "seeds"
    _, edition = made_edition(folder, SEEDS, taxonomy=TAXONOMY, press_room=NAMES)
    # The feeds are only worth reading over an edition that came out as the seeds mean it.
    assert errors_of(edition) == []
    assert edition.translation_of == {seeds / "ruling-de.txt": seeds / "ruling.txt"}
    return edition


def feed_texts(edition: Edition, site_url: str = SITE) -> dict[str, str]:
    return {path: text for path, text in data_files(edition, Addresses(site_url), NAMES).items()
            if path.endswith("feed.xml")}


def parsed(text: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def entry_of(feed: feedparser.FeedParserDict, story_id: str) -> feedparser.FeedParserDict:
    (entry,) = [entry for entry in feed.entries if entry.link.endswith(f"/{story_id}/")]
    return entry


@pytest.mark.parametrize(("lang", "title"), [("en", "Example Press Room: latest stories"),
                                             ("de", "Beispiel-Presseraum: neueste Artikel")])
def test_each_language_feed_is_in_its_language_and_named_for_the_press_room(edition, lang,
                                                                           title):
    feed = parsed(feed_texts(edition)[f"{lang}/feed.xml"])
    assert feed.feed.language == lang
    assert feed.feed.title == title
    assert feed.feed.author == NAMES[lang]


def test_every_address_in_a_feed_is_absolute_under_the_site_address(edition):
    feed = parsed(feed_texts(edition)["de/feed.xml"])
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"self": f"{SITE}de/feed.xml", "alternate": f"{SITE}de/"}
    assert [entry.link for entry in feed.entries] == [
        f"{SITE}de/artikel/example-bakery-ruling/"]
    # A feed reader resolves nothing: every link carries its scheme and host.
    for href in [*links.values(), *(entry.link for entry in feed.entries)]:
        parts = urlsplit(href)
        assert (parts.scheme, parts.netloc) == ("https", "press.example.org")


def test_a_german_feed_never_carries_a_story_that_exists_in_english_only(edition):
    texts = feed_texts(edition)
    english = [entry.title for entry in parsed(texts["en/feed.xml"]).entries]
    german = [entry.title for entry in parsed(texts["de/feed.xml"]).entries]
    assert HOSTILE_TITLE in english
    assert german == ["Example GmbH gewinnt gegen eine andere Bäckerei"]


def test_entries_stand_newest_first_and_the_feed_is_as_new_as_its_newest(edition):
    feed = parsed(feed_texts(edition)["en/feed.xml"])
    assert [entry.link.rsplit("/", 2)[1] for entry in feed.entries] == [
        "bread-and-butter-appeal", "example-bakery-ruling"]
    assert feed.feed.updated == "2026-04-10T00:00:00Z"


def test_entry_ids_stay_the_same_from_one_call_and_host_to_the_next(edition):
    here = parsed(feed_texts(edition)["en/feed.xml"])
    elsewhere = parsed(feed_texts(edition, "https://mirror.example.net/")["en/feed.xml"])
    assert [entry.id for entry in here.entries] == [entry.id for entry in elsewhere.entries]
    assert here.feed.id == elsewhere.feed.id
    assert all(entry.id.startswith("urn:uuid:") for entry in here.entries)
    # The links follow the host; the ids, which readers remember, do not.
    assert here.entries[0].link != elsewhere.entries[0].link
    # The two language versions of a story are two entries, and every feed is its own.
    texts = feed_texts(edition)
    german = entry_of(parsed(texts["de/feed.xml"]), "example-bakery-ruling")
    assert german.id != entry_of(here, "example-bakery-ruling").id
    # (A feed that moved is also where it lay before: the same feed, the same id.)
    feeds = {text for path, text in texts.items() if not path.startswith("de/tags/")}
    ids = [parsed(text).feed.id for text in feeds]
    assert len(set(ids)) == len(ids) == len(feeds)


def test_a_hostile_headline_is_escaped_text_in_the_xml(edition):
    text = feed_texts(edition)["en/feed.xml"]
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Bread &amp; Butter Ltd appeals" in text
    # Read back, it is the headline exactly, as plain text and never as markup.
    titles = [element.text for element in ElementTree.fromstring(text.encode()).iter(
        f"{{{ATOM}}}title")]
    assert HOSTILE_TITLE in titles
    entry = entry_of(parsed(text), "bread-and-butter-appeal")
    assert entry.title == HOSTILE_TITLE
    assert entry.title_detail.type == "text/plain"
    assert entry.summary.startswith("Bread & Butter Ltd filed")


def test_a_date_only_the_text_names_is_no_publication_date(edition):
    texts = feed_texts(edition)
    english = entry_of(parsed(texts["en/feed.xml"]), "example-bakery-ruling")
    german = entry_of(parsed(texts["de/feed.xml"]), "example-bakery-ruling")
    assert english.published == "2026-03-02T00:00:00Z"
    assert english.updated == "2026-03-02T00:00:00Z"
    # The translation gives no date of its own: it is dated by what its text reports.
    assert "published" not in german
    assert german.updated == "2026-03-02T00:00:00Z"
    assert german.updated_parsed[:3] == (2026, 3, 2)


def test_entries_name_their_publisher_and_their_tags_in_the_feeds_language(edition):
    texts = feed_texts(edition)
    english = parsed(texts["en/feed.xml"])
    german = entry_of(parsed(texts["de/feed.xml"]), "example-bakery-ruling")
    # The outlet published the original; the press room published its translation.
    assert entry_of(english, "example-bakery-ruling").author == "Example Gazette"
    assert german.author == "Beispiel-Presseraum"
    # No publisher is known for the appeal: the entry names none of its own.
    assert "author" not in entry_of(english, "bread-and-butter-appeal")
    assert [(tag.term, tag.label) for tag in german.tags] == [
        ("baking", "Backen"), ("courts", "Gerichte")]


def test_a_tag_feed_carries_only_that_tags_stories_and_belongs_to_its_page(edition):
    feed = parsed(feed_texts(edition)["en/tags/courts/feed.xml"])
    assert feed.feed.title == "Example Press Room: stories on Courts"
    assert feed.feed.link == f"{SITE}en/tags/courts/"
    assert [entry.link for entry in feed.entries] == [
        f"{SITE}en/stories/example-bakery-ruling/"]
    baking = parsed(feed_texts(edition)["de/schlagwoerter/baking/feed.xml"])
    assert baking.feed.title == "Beispiel-Presseraum: Artikel zu Backen"


def english_stories(count: int) -> list[Story]:
    start = dt.date(2026, 1, 1)
    return [Story(f"story-{number}", {"en": make_article(
        "en", f"Text number {number}.", date=start + dt.timedelta(days=number),
        title=f"Story {number}", story=f"story-{number}", source=f"{number}.txt")})
        for number in range(count)]


def feed_of(stories: list[Story]) -> feedparser.FeedParserDict:
    about = Feed("urn:uuid:feed", "Stories", "en", f"{SITE}en/feed.xml", f"{SITE}en/")
    return parsed(atom_feed(about, stories, lambda story: f"{SITE}en/stories/{story.id}/",
                            lambda story: (), "Example Press Room"))


def test_a_feed_keeps_only_the_first_fifty_stories_in_the_order_given():
    # Oldest first here: putting the newest first is the edition's part, not the feed's.
    feed = feed_of(english_stories(MAX_ENTRIES + 5))
    assert MAX_ENTRIES == 50
    assert [entry.title for entry in feed.entries] == [f"Story {n}" for n in range(50)]
    # The stories left out do not date the feed: the newest it carries is the 50th.
    assert feed.feed.updated == "2026-02-19T00:00:00Z"
