"""The media kit's files on its page and on the front page: the ZIP first, then each file
with its title, format and size in the page's language, every file name escaped."""

from __future__ import annotations

import html
import re

import pytest

from pressroom.addresses import media_kit_zip
from pressroom.pages.front_page import Desk, front_page_body
from pressroom.pages.media_kit import (
    KitOffer,
    file_format,
    file_title,
    kit_list_html,
    with_kit_list,
)
from pressroom.pages.site_frame import brand
from pressroom.sources.media_kit_files import KitFile


def kit_file(lang: str, name: str, size: int = 2048) -> KitFile:
    return KitFile(f"{lang}/media-kit/{name}", name, b"x" * size)


def offer(lang: str, *files: KitFile, archive_size: int = 1_258_291) -> KitOffer:
    return KitOffer(lang, files, media_kit_zip(lang).path, archive_size)


def listed(lang: str, *files: KitFile, archive_size: int = 1_258_291) -> str:
    """The list as the page shows it, each link to the docs path it names."""
    return kit_list_html(offer(lang, *files, archive_size=archive_size), lambda path: path)


@pytest.mark.parametrize(("name", "en", "de"), [
    ("logo.svg", "SVG image", "SVG-Grafik"),
    ("photo.JPG", "JPEG image", "JPEG-Bild"),
    ("photo.png", "PNG image", "PNG-Bild"),
    ("ruling.pdf", "PDF document", "PDF-Dokument"),
    ("facts.txt", "plain text", "Text"),
    ("logo.eps", "EPS", "EPS"),  # no words of its own: the suffix in capitals
    ("README", "file", "Datei"),
])
def test_a_files_format_is_said_in_words_of_the_pages_language(name, en, de):
    assert (file_format(name, "en"), file_format(name, "de")) == (en, de)


def test_a_files_title_is_its_name_made_readable():
    assert file_title("press-room-logo.svg") == "Press room logo"
    assert file_title("logos/Logo_des__Pressebereichs.svg") == "Logo des Pressebereichs"
    assert file_title("PDF-fact-sheet.pdf") == "PDF fact sheet"  # capitals kept
    assert file_title("a\n\nb.txt") == "A b"  # a line break in a name breaks no page
    assert file_title("-.svg") == "-.svg"  # nothing readable left: the name itself


@pytest.mark.parametrize(("lang", "archive", "details"), [
    ("en", "Download the whole media kit (ZIP, 1.2 MB)", "SVG image, 2 KB"),
    ("de", "Die ganze Pressemappe herunterladen (ZIP, 1,2 MB)", "SVG-Grafik, 2 KB"),
])
def test_the_zip_comes_first_then_each_file_with_its_format_and_size(lang, archive, details):
    page = listed(lang, kit_file(lang, "logo.svg"), kit_file(lang, "facts.txt", 1536 * 1024))
    zip_link = f'<a type="application/zip" download href="{media_kit_zip(lang).path}">{archive}</a>'
    assert zip_link in page
    assert (f'<a type="image/svg+xml" href="{lang}/media-kit/logo.svg">Logo</a> '
            f'<span class="pressroom-meta">{details}</span>') in page
    size = {"en": "1.5 MB", "de": "1,5 MB"}[lang]
    assert f"{file_format('facts.txt', lang)}, {size}</span>" in page
    assert page.index(zip_link) < page.index("logo.svg")
    assert "\n\n" not in page  # one block of HTML for the page's Markdown


def test_files_are_listed_in_the_order_the_kit_gives():
    page = listed("en", kit_file("en", "a.txt"), kit_file("en", "b/c.png"), kit_file("en", "d.pdf"))
    links = re.findall(r'href="en/media-kit/([^"]+)">', page)
    assert links == ["a.txt", "b/c.png", "d.pdf"]


def test_hostile_file_names_are_text_never_markup():
    hostile = ('<img src=x onerror=alert(1)>"&.svg', 'x"><b onmouseover=alert(2)>.txt')
    page = listed("en", *(kit_file("en", name) for name in hostile))
    assert "<img src=x" not in page and "<b " not in page
    assert "&lt;img src=x onerror=alert(1)&gt;&quot;&amp;.svg" in page  # in the link, quoted
    # Attribute values stay inside their quotes.
    for value in re.findall(r'(?:href|src)="([^"]*)"', page):
        assert "<" not in value and ">" not in value
    titles = [html.unescape(title) for title in
              re.findall(r'href="en/media-kit/[^"]*">([^<]*)</a>', page)]
    assert titles == ['<img src=x onerror=alert(1)>"&', 'X"><b onmouseover=alert(2)>']


def test_small_images_are_shown_beside_their_link_as_decoration_only():
    page = listed("en", kit_file("en", "small.png", 10_000), kit_file("en", "large.jpg", 900_000),
                  kit_file("en", "facts.txt"))
    previews = re.findall(r'<img class="pressroom-kit__preview" src="([^"]+)" alt=""', page)
    assert previews == ["en/media-kit/small.png"]


def test_the_list_goes_where_the_marker_is():
    page = "# Media kit\n\nText.\n\n<!-- media-kit-files -->\n\n## Citing\n\nMore.\n"
    shown = with_kit_list(page, "<div>LIST</div>", "en")
    assert shown.index("Text.") < shown.index("\n\n<div>LIST</div>\n\n") < shown.index("## Citing")
    assert "media-kit-files" not in shown and "Files to download" not in shown


def test_without_a_marker_the_list_ends_the_page_under_a_heading_of_its_language():
    shown = with_kit_list("# Pressemappe\n\nText.\n", "<div>LIST</div>", "de")
    assert shown.endswith("Text.\n\n## Dateien zum Herunterladen\n\n<div>LIST</div>\n\n")


def _front(lang: str, offers: dict[str, KitOffer]) -> str:
    desk = Desk(brand(), {}, frozenset({f"{lang}/media-kit.md"}), offers)
    return front_page_body(lang, [], [], {}.get, desk, lambda path: path).html


def test_the_front_pages_media_kit_panel_counts_the_files_and_offers_the_zip():
    files = (kit_file("de", "Logo.svg"), kit_file("de", "Faktenblatt.txt"))
    page = _front("de", {"de": offer("de", *files, archive_size=4096)})
    assert "<p>2 Dateien zum Herunterladen</p>" in page
    assert ('<a type="application/zip" download href="de/pressemappe.zip">Die ganze '
            "Pressemappe herunterladen (ZIP, 4 KB)</a>") in page
    assert 'href="de/media-kit.md"' in page
    # Without files, the panel links the page only.
    without = _front("de", {})
    assert "pressemappe.zip" not in without and 'href="de/media-kit.md"' in without
