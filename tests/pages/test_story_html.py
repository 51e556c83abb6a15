"""A story page's actions (e-mail, copy link, share, print), its image and what only paper
shows; and the checks of the option that names the site's social image."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from conftest import make_article
from pressroom.pages.images import DEFAULT_SOCIAL_IMAGE, Image, social_image, social_image_problems
from pressroom.pages.story_html import StoryExtras, story_body

URL = "https://press.example.org/de/artikel/roe-gewinnt/"
HOSTILE = 'Roe "gewinnt" <script>alert(1)</script> & mehr'


def rendered(title: str = "Roe gewinnt", lang: str = "de", **extras) -> str:
    article = make_article("de", "Erste Zeile.\nZweite Zeile.", title=title)
    return story_body(article, lang, "", StoryExtras(**extras), lambda path: f"../{path}").html


class _Elements(HTMLParser):
    """Every start tag with its attributes, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(markup)
    return parser.found


def test_the_e_mail_link_carries_the_headline_and_the_address_without_a_script():
    page = rendered(HOSTILE, url=URL)
    links = [attrs for tag, attrs in elements(page) if tag == "a"
             and (attrs.get("href") or "").startswith("mailto:")]
    assert len(links) == 1
    query = parse_qs(urlsplit(links[0]["href"]).query)
    assert query == {"subject": [HOSTILE], "body": [f"{HOSTILE}\n{URL}"]}
    assert "<script>" not in page  # the headline is text wherever it goes


def test_copy_share_and_print_wait_hidden_for_the_script_and_speak_the_pages_language():
    page = rendered(url=URL)
    buttons = [attrs for tag, attrs in elements(page) if tag == "button"]
    assert [attrs.get("data-pressroom-copy") for attrs in buttons] == [URL, None, None]
    assert buttons[1]["data-pressroom-share"] == URL and "data-pressroom-print" in buttons[2]
    assert all("hidden" in attrs for attrs in buttons)
    assert buttons[0]["data-pressroom-done"] == "Link kopiert"
    assert re.search(r'<nav class="pressroom-actions" aria-label="Artikel teilen"', page)
    assert ">Link kopieren</button>" in page and ">Per E-Mail senden</a>" in page
    assert 'role="status"' in page  # where "Link copied" is announced
    english = rendered(lang="en", url=URL)
    assert ">Copy link</button>" in english and 'aria-label="Share this story"' in english


def test_paper_gets_the_address_the_screen_has_in_its_address_bar():
    page = rendered(url=URL)
    assert f'<p class="pressroom-print-only" data-pagefind-ignore>Online unter {URL}</p>' in page
    # Without a public address (a test's site) there is nothing to share or print.
    bare = rendered()
    assert "pressroom-actions" not in bare and "pressroom-print-only" not in bare


def test_the_stories_image_shows_with_its_description_in_a_box_of_the_stylesheet():
    page = rendered(image=Image("media/roe.png", 'Das "Gericht" <b>bei Nacht</b>'))
    images = [attrs for tag, attrs in elements(page) if tag == "img"]
    assert images == [{"class": "pressroom-story-image", "src": "../media/roe.png",
                       "alt": 'Das "Gericht" <b>bei Nacht</b>'}]
    assert "<b>" not in page
    # Above the article's first paragraph.
    assert page.index("pressroom-story-image") < page.index("Erste Zeile.")


def test_a_preview_shows_the_stories_bitmap_else_the_social_image():
    article = make_article("en", "Line.")
    default = Image(DEFAULT_SOCIAL_IMAGE, "Press room")
    files = {"media/roe.jpg", "media/mark.svg"}
    assert social_image(None, files, default) == default
    assert social_image(article, files, default) == default  # no image of its own
    own = replace(article, image="media/roe.jpg", image_alt="The court")
    assert social_image(own, files, default) == Image("media/roe.jpg", "The court")
    assert social_image(replace(own, image="media/mark.svg"), files, default) == default
    assert social_image(replace(own, image="media/gone.png"), files, default) == default


def test_the_social_image_option_names_a_bitmap_of_docs():
    config = Path("mkdocs.yml")
    files = {"media/press.png", "media/mark.svg"}
    assert social_image_problems(None, files, config) == []
    assert social_image_problems("media/press.png", files, config) == []
    missing, = social_image_problems("media/gone.png", files, config)
    assert missing.path == config
    assert "social_image: 'media/gone.png' is not a file" in missing.message
    drawing, = social_image_problems("media/mark.svg", files, config)
    assert "not a PNG or JPEG" in drawing.message and "theme's image is used" in drawing.message
