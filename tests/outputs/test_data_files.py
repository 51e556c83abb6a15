"""The files a small edition publishes beside its pages, and what each page's head announces:
its feeds, its JSON-LD and its Open Graph."""

from __future__ import annotations

import json

import pytest

from made_editions import errors_of, made_edition
from pressroom.addresses import (
    Address,
    Addresses,
    Kind,
    front,
    story_address,
    tag_address,
    tag_feed,
)
from pressroom.outputs.data_files import Shown, data_files, feed_addresses, page_extras
from pressroom.outputs.exports import SCHEMAS
from pressroom.pages.site import SitePage
from pressroom.stories.edition import Edition

SITE = "https://press.example.org/"
NAMES = {"en": "Example Press Room", "de": "Beispiel-Presseraum"}
ADDRESSES = Addresses(SITE)

# A story with the press room's translation; one that two outlets covered, each in its own
# language (paired by the editor's `story`, neither a translation); an English-only story
# with a tag of its own.
SEEDS = {
    "ruling.txt": """---
title: Example GmbH wins its case against a rival bakery
date: 2026-03-02
lang: en
story: example-bakery-ruling
source: Example Gazette
tags: [Baking]
image: media/gone.png
image_alt: A picture the site lacks
---
On 2 March 2026 the District Court of Examplestadt ruled for Example GmbH.
""",
    "ruling-de.txt": """---
title: Example GmbH gewinnt gegen eine andere Bäckerei
lang: de
story: example-bakery-ruling
tags: [Backen]
translation_of: ruling.txt
---
Am 2. März 2026 entschied das Amtsgericht Examplestadt zugunsten der Example GmbH.
""",
    "opening.txt": """---
title: Example GmbH opens a second bakery
date: 2026-05-04
lang: en
story: second-bakery
source: Example Gazette
tags: [Baking]
image: media/oven.png
image_alt: The new bakery's oven
---
Example GmbH opened a second bakery in Examplestadt on 4 May 2026.
""",
    "opening-de.txt": """---
title: Zweite Filiale der Example GmbH
date: 2026-05-05
lang: de
story: second-bakery
source: Beispiel-Zeitung
tags: [Backen]
---
Die Example GmbH hat am 4. Mai 2026 eine zweite Bäckerei in Examplestadt eröffnet.
""",
    "appeal.txt": """---
title: Jane Roe appeals the bakery ruling
date: 2026-04-10
lang: en
story: roe-appeals
tags: [Appeals]
image: media/mark.svg
image_alt: The bakery's mark
---
Jane Roe filed an appeal on 10 April 2026.
""",
}
TAXONOMY = """- id: baking
  labels: {en: Baking, de: Backen}
- id: appeals
  labels: {en: Appeals, de: Rechtsmittel}
"""
CASES = """- id: example-v-roe
  updated: 2026-03-05
  title: {en: Example GmbH v. Jane Roe, de: Example GmbH gegen Jane Roe}
  kind: civil-defamation-suit
  docket: 12 C 345/26
  status: decided-first-instance
  outcome:
    basis: alleged
    by: Example GmbH
    en: The rival bakery copied the recipe.
    de: Die andere Bäckerei habe das Rezept kopiert.
  stories: [example-bakery-ruling]
"""


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Edition:
    _, edition = made_edition(tmp_path_factory.mktemp("data-files"), SEEDS, taxonomy=TAXONOMY,
                              cases=CASES, press_room=NAMES)
    assert errors_of(edition) == []
    assert [story.id for story in edition.stories] == [
        "second-bakery", "roe-appeals", "example-bakery-ruling"]
    return edition


def extras(edition: Edition, page: SitePage, description: str | None = None) -> dict:
    return page_extras(page, edition, ADDRESSES, NAMES[page.lang], description)


def test_a_small_edition_yields_feeds_per_language_and_tag_and_the_exports(edition):
    files = data_files(edition, ADDRESSES, NAMES)
    assert set(files) == {
        "en/feed.xml", "de/feed.xml",
        "en/tags/baking/feed.xml", "de/schlagwoerter/baking/feed.xml",
        # A German reader's tag page lists the English-only appeal in its stead: the tag
        # has its page, and so its feed, in both languages.
        "en/tags/appeals/feed.xml", "de/schlagwoerter/appeals/feed.xml",
        # The German tag feeds also where they lay before German addresses, for the readers
        # subscribed there: the same feed.
        "de/tags/baking/feed.xml", "de/tags/appeals/feed.xml",
        "api/articles.json", "api/cases.json",
        "api/articles.schema.json", "api/cases.schema.json",
    }
    # A German feed carries German versions only: that tag's has none to carry.
    assert "<entry>" in files["en/tags/appeals/feed.xml"]
    assert "<entry>" not in files["de/schlagwoerter/appeals/feed.xml"]
    assert files["de/tags/baking/feed.xml"] == files["de/schlagwoerter/baking/feed.xml"]
    assert "<title>Beispiel-Presseraum: Artikel zu Rechtsmittel</title>" in files[
        "de/schlagwoerter/appeals/feed.xml"]


def test_each_feed_is_paired_with_the_page_it_is_the_feed_of(edition):
    pairs = feed_addresses(edition)
    assert pairs[:2] == [(Address(Kind.FEED, "en"), front("en")),
                         (Address(Kind.FEED, "de"), front("de"))]
    assert set(pairs[2:]) == {(tag_feed(lang, tag), tag_address(lang, tag))
                              for lang in ("en", "de") for tag in ("baking", "appeals")}


def test_the_exports_are_json_as_written_beside_their_schemas(edition):
    files = data_files(edition, ADDRESSES, NAMES)
    for name in ("articles", "cases"):
        assert files[f"api/{name}.schema.json"] == (
            SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
    text = files["api/articles.json"]
    # Umlauts stay readable in the file, not \u escapes; the file ends its last line.
    assert "Bäckerei" in text and "\\u00e4" not in text
    assert text.endswith("}\n")
    assert [story["id"] for story in json.loads(text)["stories"]] == [
        "second-bakery", "roe-appeals", "example-bakery-ruling"]
    assert [case["id"] for case in json.loads(files["api/cases.json"])["cases"]] == [
        "example-v-roe"]


def test_every_page_announces_the_feed_of_its_language(edition):
    page = SitePage(Address(Kind.WRITTEN, "de", "contacts.md"))
    found = extras(edition, page)
    assert found["feeds"] == [{"href": f"{SITE}de/feed.xml", "hreflang": "de",
                               "title": "Beispiel-Presseraum: neueste Artikel"}]
    assert found["jsonld"] is None


def test_every_page_has_the_open_graph_that_previews_need_with_the_social_image(edition):
    page = SitePage(Address(Kind.WRITTEN, "de", "contacts.md"))
    shown = Shown("Pressekontakt", "Wer Fragen beantwortet.", "media/press-room.png")
    assert page_extras(page, edition, ADDRESSES, NAMES["de"], None, shown)["og"] == [
        ["og:type", "website"], ["og:title", "Pressekontakt"],
        ["og:url", f"{SITE}de/contacts/"], ["og:description", "Wer Fragen beantwortet."],
        ["og:image", f"{SITE}media/press-room.png"], ["og:image:alt", "Beispiel-Presseraum"]]
    # Without a page title of its own, the press room's name; the theme's image.
    og = dict(extras(edition, page, "Über uns")["og"])
    assert og["og:title"] == "Beispiel-Presseraum" and og["og:description"] == "Über uns"
    assert og["og:image"] == f"{SITE}assets/pressroom/social.png"


def test_a_story_is_previewed_with_its_own_image_and_its_data_names_it(edition):
    addresses = Addresses(SITE, known={"media/oven.png", "media/mark.svg"})
    page = SitePage(story_address("en", "second-bakery"))
    found = page_extras(page, edition, addresses, NAMES["en"], None)
    og = dict(found["og"])
    assert og["og:image"] == f"{SITE}media/oven.png"
    assert og["og:image:alt"] == "The new bakery's oven"
    assert json.loads(found["jsonld"])["image"] == [f"{SITE}media/oven.png"]
    # An SVG no preview draws, and an image the site does not have: the social image.
    for story in ("roe-appeals", "example-bakery-ruling"):
        found = page_extras(SitePage(story_address("en", story)), edition, addresses,
                            NAMES["en"], None)
        assert dict(found["og"])["og:image"] == f"{SITE}assets/pressroom/social.png", story
        assert json.loads(found["jsonld"])["image"] == [f"{SITE}assets/pressroom/social.png"]


def test_a_tag_page_also_announces_its_tag_feed_where_the_tag_has_stories(edition):
    feeds = extras(edition, SitePage(tag_address("de", "baking")))["feeds"]
    assert feeds == [{"href": f"{SITE}de/feed.xml", "hreflang": "de",
                      "title": "Beispiel-Presseraum: neueste Artikel"},
                     {"href": f"{SITE}de/schlagwoerter/baking/feed.xml", "hreflang": "de",
                      "title": "Beispiel-Presseraum: Artikel zu Backen"}]
    # No story has this tag: there is no feed of it to announce.
    feeds = extras(edition, SitePage(tag_address("en", "courts")))["feeds"]
    assert [feed["href"] for feed in feeds] == [f"{SITE}en/feed.xml"]


def test_the_front_page_describes_the_press_room_in_safe_json(edition):
    jsonld = extras(edition, SitePage(front("en")), "Bread & <b>news</b>")["jsonld"]
    # Inside a <script> element no source text may close it: "<", ">" and "&" are escapes.
    assert "<" not in jsonld and ">" not in jsonld and "&" not in jsonld
    assert json.loads(jsonld) == {"@context": "https://schema.org", "@type": "Organization",
                                  "name": "Example Press Room", "url": SITE,
                                  "description": "Bread & <b>news</b>"}


def test_a_translations_page_names_its_original_and_the_press_room_as_translator(edition):
    page = extras(edition, SitePage(story_address("de", "example-bakery-ruling")))
    data = json.loads(page["jsonld"])
    press_room = {"@type": "Organization", "name": "Beispiel-Presseraum", "url": SITE}
    assert data["translationOfWork"] == {
        "@type": "NewsArticle", "url": f"{SITE}en/stories/example-bakery-ruling/",
        "inLanguage": "en", "publisher": {"@type": "Organization", "name": "Example Gazette"}}
    assert data["publisher"] == data["translator"] == press_room
    # Its only date is the one its text names: no publication date is claimed.
    assert "datePublished" not in data
    assert ["article:published_time"] not in [pair[:1] for pair in page["og"]]
    assert ["article:tag", "Backen"] in page["og"]


def test_an_originals_page_names_the_press_rooms_translation_of_it(edition):
    page = extras(edition, SitePage(story_address("en", "example-bakery-ruling")))
    data = json.loads(page["jsonld"])
    assert [work["url"] for work in data["workTranslation"]] == [
        f"{SITE}de/artikel/example-bakery-ruling/"]
    assert data["datePublished"] == "2026-03-02"
    assert data["publisher"] == {"@type": "Organization", "name": "Example Gazette"}
    assert page["og"][:3] == [["og:type", "article"],
                              ["og:title", "Example GmbH wins its case against a rival bakery"],
                              ["og:url", f"{SITE}en/stories/example-bakery-ruling/"]]
    assert ["article:published_time", "2026-03-02"] in page["og"]


def test_two_outlets_coverage_is_never_called_a_translation(edition):
    for lang, outlet in (("en", "Example Gazette"), ("de", "Beispiel-Zeitung")):
        data = json.loads(extras(edition, SitePage(story_address(lang, "second-bakery")))
                          ["jsonld"])
        assert "translationOfWork" not in data and "workTranslation" not in data
        assert data["publisher"] == {"@type": "Organization", "name": outlet}


def test_a_page_standing_in_for_a_missing_translation_describes_no_article(edition):
    page = SitePage(story_address("de", "roe-appeals"), translated=False)
    assert extras(edition, page)["jsonld"] is None
    og = extras(edition, page)["og"]
    assert ["og:type", "website"] in og
    assert not [pair for pair in og if pair[0].startswith("article:") or pair[1] == "article"]


def test_the_case_summary_names_each_case_by_its_anchor_and_keeps_a_claim_a_claim(edition):
    data = json.loads(extras(edition, SitePage(Address(Kind.CASES, "en")))["jsonld"])
    assert (data["@type"], data["url"], data["dateModified"]) == (
        "WebPage", f"{SITE}en/cases/", "2026-03-05")
    (case,) = data["about"]
    assert case["@id"] == case["url"] == f"{SITE}en/cases/#example-v-roe"
    assert {"@type": "PropertyValue", "propertyID": "docket",
            "value": "12 C 345/26"} in case["identifier"]
    # The outcome is what one party alleges, and the description says so.
    assert case["description"] == "Alleged by Example GmbH: The rival bakery copied the recipe."
