"""Tag pages per language: the index of every tag in use with its count, and a page per tag
that lists exactly the stories whose shown version carries the tag."""

from __future__ import annotations

import datetime as dt
import json
import re

from conftest import make_article
from pressroom.addresses import Kind, tag_feed
from pressroom.model import Article
from pressroom.pages.site import SitePage
from pressroom.pages.tag_pages import tag_pages
from pressroom.stories.edition import Edition
from pressroom.stories.grouping import Story
from pressroom.stories.taxonomy import Tag

BRAND = Tag("brand", {"en": "Brand", "de": "Marke"})
COURTS = Tag("courts", {"en": "courts", "de": "Gerichte"})
APPS = Tag("apps", {"en": "apps", "de": "Software"})


def version(lang: str, story: str, day: dt.date | None = None) -> Article:
    return make_article(lang, "Body.", date=day, title=f"{story} ({lang})", story=story,
                        source=f"{story}-{lang}.txt")


def frontmatter(page: SitePage) -> dict[str, object]:
    """The page's frontmatter; its values are JSON (YAML's flow style)."""
    assert page.markdown is not None
    head = page.markdown.split("---\n")[1]
    return {key: json.loads(value) for key, value in
            (line.split(": ", 1) for line in head.strip().split("\n"))}


def listed(page: SitePage) -> list[str]:
    """The story pages a tag page links, in order."""
    assert page.body is not None
    html = re.sub(r'<p class="pressroom-feed">.*?</p>', "", page.body(lambda path: path).html)
    return re.findall(r'href="([^"]+)"', html)


def index_entries(page: SitePage) -> list[tuple[str, str, str]]:
    """(label, link, count) of each entry of the tag index."""
    assert page.markdown is not None
    return re.findall(r"^- \[(.+)\]\((.+)\) \((.+)\)$", page.markdown, re.M)


def test_the_tag_index_lists_each_tag_with_its_link_and_its_number_of_stories():
    one, two = (Story(name, {"en": version("en", name)}) for name in ("one", "two"))
    index, *_ = tag_pages("en", {"brand": BRAND, "courts": COURTS},
                          {"brand": [one, two], "courts": [two]})
    assert index.address.kind is Kind.TAG_INDEX and index.path == "en/tags/index.md"
    assert index_entries(index) == [("Brand", "brand.md", "2 stories"),
                                    ("courts", "courts.md", "1 story")]
    assert frontmatter(index) == {"title": "Tags", "lang": "en"}


def test_the_german_tag_index_speaks_german():
    story = Story("one", {"de": version("de", "one")})
    index, *_ = tag_pages("de", {"brand": BRAND}, {"brand": [story, story]})
    assert index.markdown is not None
    assert "# Schlagwörter" in index.markdown
    assert "Alle Themen des Pressebereichs mit der Zahl der Artikel dazu." in index.markdown
    assert index_entries(index) == [("Marke", "brand.md", "2 Artikel")]


def test_tags_stand_in_the_alphabetical_order_of_their_labels_in_each_language():
    story = Story("one", {"en": version("en", "one")})
    tags = {"brand": BRAND, "courts": COURTS, "apps": APPS}
    by_tag = {tag_id: [story] for tag_id in tags}
    # Case does not count: by code point "Brand" would come before "apps".
    assert [label for label, _, _ in index_entries(tag_pages("en", tags, by_tag)[0])] == [
        "apps", "Brand", "courts"]
    assert [label for label, _, _ in index_entries(tag_pages("de", tags, by_tag)[0])] == [
        "Gerichte", "Marke", "Software"]
    # The tag pages follow the index's order.
    assert [page.subject for page in tag_pages("de", tags, by_tag)[1:]] == [
        "courts", "brand", "apps"]


def test_a_tag_in_the_taxonomy_without_stories_has_no_page_and_no_entry():
    story = Story("one", {"en": version("en", "one")})
    pages = tag_pages("en", {"brand": BRAND, "courts": COURTS}, {"brand": [story]})
    assert [page.path for page in pages] == ["en/tags/index.md", "en/tags/brand.md"]
    assert [label for label, _, _ in index_entries(pages[0])] == ["Brand"]


def test_a_tag_page_lists_only_the_stories_whose_version_in_its_language_has_the_tag():
    # "both": tagged in English only; "german": tagged in German; "english-only": no German
    # version, so a German reader sees the English original, with its tags.
    both = Story("both", {"en": version("en", "both", dt.date(2025, 3, 1)),
                          "de": version("de", "both", dt.date(2025, 3, 1))})
    german = Story("german", {"de": version("de", "german", dt.date(2025, 2, 1))})
    english_only = Story("english-only", {"en": version("en", "english-only",
                                                        dt.date(2025, 1, 1))})
    edition = Edition([both, german, english_only], version_tags={
        both.versions["en"].source: [BRAND],
        german.versions["de"].source: [BRAND],
        english_only.versions["en"].source: [BRAND],
    })
    tags = {"brand": BRAND}
    (_, english_page) = tag_pages("en", tags, edition.by_tag("en"))
    (_, german_page) = tag_pages("de", tags, edition.by_tag("de"))
    # "german" has no English version: an English reader sees its German original, tagged.
    assert listed(english_page) == ["en/stories/both.md", "en/stories/german.md",
                                    "en/stories/english-only.md"]
    assert listed(german_page) == ["de/artikel/german.md", "de/artikel/english-only.md"]
    assert german_page.body is not None
    german_html = german_page.body(lambda path: path).html
    assert "english-only (en)</a> (nur auf Englisch)" in german_html
    assert "both (de)" not in german_html


def test_a_tag_page_has_its_label_as_title_and_links_its_own_feed():
    story = Story("one", {"de": version("de", "one")})
    _, page = tag_pages("de", {"brand": BRAND}, {"brand": [story]})
    assert page.path == "de/schlagwoerter/brand.md" and not page.searchable
    assert frontmatter(page) == {"title": "Marke", "lang": "de"}
    assert page.body is not None
    html = page.body(lambda path: f"linked:{path}").html
    # Under the heading, the tag's own feed is offered in the page's words, then its stories.
    heading, offer, listing = html.split("\n", 2)
    assert heading == '<h1 id="marke">Marke</h1>'
    assert offer == ('<p class="pressroom-feed">Neue Artikel zu diesem Thema in Ihrem '
                     f'Feedreader: <a type="application/atom+xml" hreflang="de" '
                     f'href="linked:{tag_feed("de", "brand").path}">Atom-Feed „Marke“</a></p>')
    assert listing.startswith("<ul>")


def test_a_tag_label_with_markup_is_escaped_on_the_index_and_its_page():
    odd = Tag("r-and-d", {"en": "<b>R&D</b> [x](y)", "de": "F&E"})
    story = Story("one", {"en": version("en", "one")})
    index, page = tag_pages("en", {"r-and-d": odd}, {"r-and-d": [story]})
    assert index.markdown is not None and "<b>" not in index.markdown
    assert r"- [&lt;b&gt;R&amp;D&lt;/b&gt; \[x\](y)](r-and-d.md) (1 story)" in index.markdown
    assert page.body is not None
    heading = page.body(lambda path: path).html.split("\n")[0]
    assert ">&lt;b&gt;R&amp;D&lt;/b&gt; [x](y)</h1>" in heading
    # The theme prints the title unescaped: it is stored escaped.
    assert frontmatter(page)["title"] == "&lt;b&gt;R&amp;D&lt;/b&gt; [x](y)"


def test_the_german_tag_index_puts_umlauts_beside_their_letters():
    labels = {"z": "Zivilrecht", "ae": "Ärzte", "b": "Berufung", "a": "Apps",
              "oe": "Öffentlichkeit", "o": "Online"}
    tags = {tag_id: Tag(tag_id, {"en": tag_id, "de": label}) for tag_id, label in labels.items()}
    story = Story("one", {"de": version("de", "one")})
    index, *_ = tag_pages("de", tags, {tag_id: [story] for tag_id in tags})
    assert [label for label, _, _ in index_entries(index)] == [
        "Apps", "Ärzte", "Berufung", "Öffentlichkeit", "Online", "Zivilrecht"]
