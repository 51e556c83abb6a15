"""The site in a real browser: Debian's Chromium, driven by Playwright (no browser download)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from conftest import ROOT
from sitebuild import build, make_project

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a headless root session on a machine without network: no sandbox (root), and
# none of the background connections Chromium would otherwise try and fail.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
STORY = "xiaomi-secures-legal-victory-against-online-defamation"
SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("browser"))
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    address = f"http://127.0.0.1:{httpd.server_address[1]}/"
    # Built for the address it is served from, as GitHub Pages serves it from its own.
    result = build(project, "--strict", site_url=address)
    assert result.returncode == 0, result.stderr
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield address
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), (
        f"Chromium is missing at {CHROMIUM}: `make test` installs Debian's chromium as root")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-US")
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("requestfailed", lambda request: tab.errors.append(f"failed: {request.url}"))
    yield tab
    context.close()


def shoot(tab: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def test_switcher_leads_to_the_same_story_and_german_search_finds_german(server, page):
    page.goto(f"{server}en/stories/{STORY}/")
    assert page.locator("html").get_attribute("lang") == "en"
    shoot(page, "story-en")

    page.hover(".md-header__option .md-select")
    page.click('a[data-pressroom-switch="de"]')
    page.wait_for_url(f"{server}de/stories/{STORY}/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == (
        "Xiaomi erringt juristischen Sieg gegen Online-Verleumdung")
    shoot(page, "story-de")

    # "Verleumdungen" does not stand in this story; German stemming finds its "Verleumdung".
    page.get_by_role("link", name="Suche").first.click()
    page.wait_for_url(f"{server}de/search/")
    hrefs = search(page, "Verleumdungen")
    assert hrefs and all("/de/" in href for href in hrefs)
    assert f"/de/stories/{STORY}/" in hrefs
    shoot(page, "search-de")
    assert page.errors == []


def search(tab: Page, words: str) -> list[str]:
    """Type into the search page and return the addresses of the results."""
    tab.locator(".pagefind-ui__search-input").fill(words)
    results = tab.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=15_000)
    return results.evaluate_all("links => links.map(link => link.pathname)")


def test_english_search_finds_english_pages_only(server, page):
    page.goto(f"{server}en/search/")
    hrefs = search(page, "defamation")
    assert hrefs and all(href.startswith("/en/") for href in hrefs)
    assert f"/en/stories/{STORY}/" in hrefs
    assert page.errors == []


def test_root_sends_a_german_browser_to_german(server, browser):
    context = browser.new_context(locale="de-DE")
    tab = context.new_page()
    tab.goto(server)
    tab.wait_for_url(f"{server}de/")
    assert tab.locator("html").get_attribute("lang") == "de"
    context.close()
