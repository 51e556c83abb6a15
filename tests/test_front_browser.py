"""The front page, the footer, the legal pages and the page for a missing address in Chromium,
at a phone's width (390 px) and a desktop's (1280 px), in both languages.

The site is served as GitHub Pages serves it: an address with no file gets the site's
404.html, with the status 404. Screenshots of the front page, a story, the 404 page and the
legal pages in each language and width are kept in build/screenshots/.
"""

from __future__ import annotations

import functools
import http.server
import posixpath
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest
from playwright.sync_api import Page

from conftest import FOLDERS, SEEDS, at, folders
from pressroom.sources.ingest import ingest
from pressroom.stories.grouping import group_stories
from sitebuild import build, make_project
from test_bilingual_build import ENGLISH_INTERFACE
from test_browser import (  # noqa: F401 (browser: the fixture, shared)
    SCREENSHOTS,
    STORY,
    browser,
    serious_violations,
)

pytestmark = pytest.mark.browser

WIDTHS = [390, 1280]
LANGS = ["en", "de"]
STORIES = group_stories(ingest(SEEDS).articles)[0]
# Every kind of page a reader meets, and where it is (the 404 page at an address that does
# not exist in the language's folder).
PAGES = {
    "front": "{lang}/",
    "archive": "{archive}/",
    "story": f"{{stories}}/{STORY}/",
    "tag-index": "{tags}/",
    "tag": "{tags}/xiaomi/",
    "cases": "{cases}/",
    "hand-written": "{lang}/about/",
    "contacts": "{lang}/contacts/",
    "search": "{search}/",
    "legal-notice": "{lang}/legal-notice/",
    "privacy": "{lang}/privacy/",
    "404": "{lang}/no-such-page/",
}
LEGAL_LABELS = {"en": ("Legal notice", "Privacy"), "de": ("Impressum", "Datenschutz")}
# What no German page may say, beyond the theme's and the press room's interface words that
# test_bilingual_build lists: the English name of the press room, its old site name, and the
# English labels of the front page, the footer and the 404 page.
NOT_GERMAN = [*ENGLISH_INTERFACE, "Pressroom", "Legal notice", "Privacy", "Latest story",
              "More stories", "All stories", "Cases at a glance", "Press contact", "Media kit",
              "Atom feed", "Page not found", "Placeholder", "Case summary", "Front page",
              "Rights in the reports", "latest stories", "Share this story", "Copy link",
              "Send by e-mail", "Online at"]


class _GitHubPagesHandler(http.server.SimpleHTTPRequestHandler):
    """A missing file is answered with the site's own 404.html, as GitHub Pages does."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory) / self.site / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _served(tmp_path_factory, sub_path: str) -> tuple[str, threading.Thread]:
    project = make_project(tmp_path_factory.mktemp("front-browser"))
    served = tmp_path_factory.mktemp("front-served")
    handler = type("Handler", (_GitHubPagesHandler,), {"site": sub_path})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(served)))
    address = f"http://127.0.0.1:{httpd.server_address[1]}/{sub_path}"
    result = build(project, "--strict", site_url=address)
    assert result.returncode == 0, result.stderr
    shutil.copytree(project / "site", served / sub_path, dirs_exist_ok=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return address, httpd


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    address, httpd = _served(tmp_path_factory, "")
    yield address
    httpd.shutdown()


@pytest.fixture(scope="module")
def sub_path_server(tmp_path_factory):
    address, httpd = _served(tmp_path_factory, "pressroom/")
    yield address
    httpd.shutdown()


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def tab(browser, request):  # noqa: F811 (the shared fixture)
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    # A failed request is counted by its response below; the 404 page's own status is the
    # point of it.
    page.on("console", lambda message: message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and page.errors.append(message.text))
    page.on("response", lambda response: response.status >= 400
            and response.request.resource_type != "document"
            and page.errors.append(f"{response.status}: {response.url}"))
    yield page
    context.close()


def visit(tab: Page, address: str) -> int:
    response = tab.goto(address)
    tab.wait_for_load_state("networkidle")
    return response.status


def width_of(tab: Page) -> int:
    return tab.viewport_size["width"]


def shoot(tab: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}-{width_of(tab)}.png"), full_page=True)


def scrolls_sideways(tab: Page) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth > "
                        "document.documentElement.clientWidth")


def resolved(address: str, href: str) -> str:
    """A link's target as a path from the server's root."""
    base = urlsplit(address).path
    return posixpath.normpath(posixpath.join(posixpath.dirname(base + "x"), href)) + (
        "/" if href.endswith("/") else "")


@pytest.mark.parametrize("lang", LANGS)
def test_the_front_page_leads_with_the_newest_story_then_cards(server, tab, lang):
    visit(tab, f"{server}{lang}/")
    newest, *others = STORIES
    lead = tab.locator(".pressroom-lead__headline a")
    assert lead.inner_text() == newest.versions[lang].title.value
    assert lead.is_visible() and lead.bounding_box()["y"] < 900  # above the fold
    assert tab.locator(".pressroom-lead .pressroom-meta").inner_text()  # its dateline
    cards = tab.locator(".pressroom-card")
    assert cards.count() == len(others)
    titles = tab.locator(".pressroom-card__headline a").all_inner_texts()
    assert titles == [story.versions[lang].title.value for story in others]
    boxes = [card.bounding_box() for card in cards.all()]
    if width_of(tab) >= 1280:  # side by side
        assert len({round(box["y"]) for box in boxes}) == 1
    else:  # one under the other, each the width of the page
        assert [box["y"] for box in boxes] == sorted(box["y"] for box in boxes)
        assert len({round(box["y"]) for box in boxes}) == len(boxes)
    assert tab.locator(".pressroom-desk .pressroom-panel").count() == 4  # cases, contact,
    # media kit, feeds
    cases = FOLDERS["cases"][lang]
    assert tab.locator(f".pressroom-desk a[href$='{cases}/#xiaomi-v-minzhili']").is_visible()
    assert tab.locator(".pressroom-desk a[type='application/atom+xml']").is_visible()
    # No documentation sidebar and no table of contents beside the page (on a phone the
    # navigation is the drawer the menu button opens).
    if width_of(tab) >= 1280:
        assert not tab.locator(".md-sidebar--primary").is_visible()
    assert not tab.locator(".md-sidebar--secondary").is_visible()
    assert not scrolls_sideways(tab)
    assert serious_violations(tab) == []
    assert tab.errors == []
    shoot(tab, f"front-{lang}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["legal-notice", "privacy", "404"])
def test_legal_pages_and_the_404_page_fit_the_screen(server, tab, kind, lang):
    status = visit(tab, server + PAGES[kind].format(**folders(lang)))
    assert status == (404 if kind == "404" else 200)
    assert tab.locator("html").get_attribute("lang") == lang
    assert not scrolls_sideways(tab)
    assert serious_violations(tab) == []
    assert tab.errors == []
    if kind != "404":  # placeholders are marked, in the page's language
        label = {"en": "Placeholder: ", "de": "Platzhalter: "}[lang]
        marks = tab.locator("mark.pressroom-placeholder").all_inner_texts()
        assert marks and all(mark.startswith(label) for mark in marks)
    shoot(tab, f"{kind}-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_a_story_page(server, tab, lang):
    visit(tab, f"{server}{at(lang, 'stories')}/{STORY}/")
    assert not scrolls_sideways(tab)
    shoot(tab, f"story-{lang}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("where", ["front", "story"])
def test_the_press_contact_shows_with_mailto_tel_and_vcard_links(server, tab, lang, where):
    address = f"{server}{lang}/" if where == "front" else f"{server}{at(lang, 'stories')}/{STORY}/"
    visit(tab, address)
    card = tab.locator("address.pressroom-contact").first
    card.scroll_into_view_if_needed()
    assert card.is_visible()
    assert card.locator("a[href^='mailto:']").is_visible()
    assert card.locator("a[href^='tel:+']").is_visible()
    vcard = card.locator("a[type='text/vcard']")
    assert vcard.inner_text() == {"en": "Download contact card (vCard)",
                                  "de": "Kontaktkarte herunterladen (vCard)"}[lang]
    response = tab.request.get(urljoin(address, vcard.get_attribute("href")))
    assert response.ok and response.text().startswith("BEGIN:VCARD")
    assert not scrolls_sideways(tab)


@pytest.mark.parametrize("lang", LANGS)
def test_a_story_offers_e_mail_copy_link_and_print_and_prints_without_chrome(
        server, tab, lang):
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    # The site under test is built with the server's address as its public one.
    address = f"{server}{at(lang, 'stories')}/{STORY}/"
    visit(tab, address)
    actions = tab.locator(".pressroom-actions")
    assert actions.get_attribute("aria-label") == {"en": "Share this story",
                                                   "de": "Artikel teilen"}[lang]
    mail = actions.locator("a[href^='mailto:']")
    assert mail.is_visible() and quote(address, safe="") in mail.get_attribute("href")
    copy = actions.locator("[data-pressroom-copy]")
    assert copy.is_visible()
    copy.click()
    done = {"en": "Link copied", "de": "Link kopiert"}[lang]
    tab.locator(".pressroom-actions__status", has_text=done).wait_for()
    assert tab.evaluate("navigator.clipboard.readText()") == address
    assert actions.locator("[data-pressroom-print]").is_visible()
    # Desktop Chromium has no share sheet: the button stays hidden rather than do nothing.
    has_share = tab.evaluate("typeof navigator.share === 'function'")
    assert actions.locator("[data-pressroom-share]").is_visible() == has_share
    assert not tab.locator(".pressroom-print-only").is_visible()
    tab.emulate_media(media="print")
    assert tab.locator(".pressroom-print-only").is_visible()
    assert address in tab.locator(".pressroom-print-only").inner_text()
    for chrome in (".md-header", ".md-footer", ".md-sidebar--primary", ".pressroom-actions"):
        assert not tab.locator(chrome).first.is_visible(), chrome
    assert tab.locator("h1").first.is_visible() and tab.locator(".md-content p").count()
    assert not scrolls_sideways(tab)
    assert tab.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_links_its_languages_legal_pages_and_feed_from_its_footer(
        server, tab, lang):
    legal_notice, privacy = LEGAL_LABELS[lang]
    for kind, path in PAGES.items():
        address = server + path.format(**folders(lang))
        visit(tab, address)
        links = tab.locator(".md-footer a:visible")
        found = {link.inner_text(): resolved(address, link.get_attribute("href"))
                 for link in links.all()}
        root = urlsplit(server).path
        assert found.get(legal_notice) == f"{root}{lang}/legal-notice/", (kind, found)
        assert found.get(privacy) == f"{root}{lang}/privacy/", (kind, found)
        assert f"{root}{lang}/feed.xml" in found.values(), (kind, found)
        assert all(link.get_attribute("hreflang") == lang for link in links.all()), kind
        copyright_line = tab.locator(".pressroom-footer__copyright:visible").inner_text()
        assert copyright_line.startswith("©"), kind
        assert tab.locator(".md-footer:visible").count() == 1


def german_words_check(tab: Page) -> list[tuple[str, str]]:
    """The English words (NOT_GERMAN, as whole words) in what a reader of the page meets: the
    text the browser renders (hidden parts are not), the title, and the attributes that are
    read or shown (title, aria-label, alt, placeholder, a meta description, og:site_name) of
    elements not inside a hidden part."""
    texts = tab.evaluate("""() => {
        const texts = [document.body.innerText, document.title];
        for (const el of document.querySelectorAll("[title], [aria-label], [alt], [placeholder]")) {
            if (el.closest("[hidden]")) continue;
            for (const name of ["title", "aria-label", "alt", "placeholder"]) {
                if (el.hasAttribute(name)) texts.push(el.getAttribute(name));
            }
        }
        for (const meta of document.querySelectorAll(
                'meta[name="description"], meta[property="og:site_name"]')) {
            texts.push(meta.content);
        }
        return texts;
    }""")
    return [(word, text) for text in texts for word in NOT_GERMAN
            if re.search(rf"\b{re.escape(word)}\b", text)]


def test_no_english_interface_or_site_name_on_german_pages(server, tab):
    """Every German page type, at both widths, the mobile drawer opened at 390 px."""
    for kind, path in PAGES.items():
        visit(tab, server + path.format(**folders("de")))
        if width_of(tab) < 1220 and tab.locator("label[for='__drawer']:visible").count():
            tab.locator("label.md-header__button[for='__drawer']").click()
        assert tab.locator("html").get_attribute("lang") == "de", kind
        assert german_words_check(tab) == [], kind
        assert "Pressebereich" in tab.title(), kind


def test_the_english_name_shows_on_english_pages(server, tab):
    """The check above would find the English words where they belong."""
    visit(tab, f"{server}en/no-such-page/")
    found = {word for word, _ in german_words_check(tab)}
    assert {"Legal notice", "Privacy", "Page not found"} <= found
    assert tab.title() == "Page not found - Press room"


def test_the_404_page_under_a_sub_path_speaks_the_addresses_language(sub_path_server, tab):
    assert visit(tab, f"{sub_path_server}de/artikel/gone/") == 404
    assert tab.locator("h1:visible").all_inner_texts() == ["Seite nicht gefunden"]
    assert tab.title() == "Seite nicht gefunden - Pressebereich"
    home = tab.locator(".pressroom-not-found a:visible").first
    assert home.inner_text() == "Startseite"
    home.click()
    tab.wait_for_url(f"{sub_path_server}de/")
    # An address in no language's folder shows every language.
    assert visit(tab, f"{sub_path_server}nowhere/") == 404
    assert tab.locator("h1:visible").all_inner_texts() == [
        "Page not found", "Seite nicht gefunden"]
    assert tab.errors == []
