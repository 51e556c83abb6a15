"""The site in a real browser: Debian's Chromium, driven by Playwright (no browser download).

Every page type, in each language, served at the site root and under a project sub-path (as
GitHub Pages serves https://ORG.github.io/REPO/): it loads without a console error or a
failed request, axe-core finds no serious or critical accessibility violation, and a
screenshot is kept in build/screenshots/.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import ROOT
from sitebuild import build, make_project

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a headless root session on a machine without network: no sandbox (root), and
# none of the background connections Chromium would otherwise try and fail.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
STORY = "xiaomi-secures-legal-victory-against-online-defamation"
SCREENSHOTS = ROOT / "build" / "screenshots"
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
PAGE_TYPES = {
    "landing": "{lang}/",
    "story": f"{{lang}}/stories/{STORY}/",
    "tag-index": "{lang}/tags/",
    "tag": "{lang}/tags/xiaomi/",
    "cases": "{lang}/cases/",
    "hand-written": "{lang}/about/",
    "search": "{lang}/search/",
}
SUB_PATH = "pressroom/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module", params=["", SUB_PATH], ids=["root", "sub-path"])
def server(request, tmp_path_factory):
    """The site, built for the address it is served from, at the root or under a sub-path."""
    project = make_project(tmp_path_factory.mktemp("browser"))
    served = tmp_path_factory.mktemp("served")
    handler = functools.partial(_QuietHandler, directory=str(served))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    address = f"http://127.0.0.1:{httpd.server_address[1]}/{request.param}"
    result = build(project, "--strict", site_url=address)
    assert result.returncode == 0, result.stderr
    (served / request.param).parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(project / "site", served / request.param, dirs_exist_ok=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield address
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), (
        f"Chromium is missing at {CHROMIUM}: `make test` installs Debian's chromium as root")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def open_tab(browser: Browser, locale: str = "en-US") -> Page:
    tab = browser.new_context(locale=locale).new_page()
    tab.errors = []
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("requestfailed", lambda request: tab.errors.append(f"failed: {request.url}"))
    tab.on("response", lambda response: response.status >= 400
           and tab.errors.append(f"{response.status}: {response.url}"))
    return tab


@pytest.fixture
def page(browser):
    tab = open_tab(browser)
    yield tab
    tab.context.close()


def serious_violations(tab: Page) -> list[str]:
    assert AXE.exists(), "axe-core is missing: `make test` installs it with npm"
    tab.add_script_tag(path=str(AXE))
    return tab.evaluate("""async () => {
        const result = await axe.run(document);
        return result.violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).join(", ")}`);
    }""")


def shoot(tab: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_every_page_type_loads_cleanly_and_accessibly(server, page, kind, lang, suite_report):
    page.goto(server + PAGE_TYPES[kind].format(lang=lang))
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == lang
    assert serious_violations(page) == []
    assert page.errors == []
    where = "sub-path" if server.endswith(SUB_PATH) else "root"
    shoot(page, f"{kind}-{lang}-{where}")
    checked = suite_report.setdefault("_browser", set())
    checked.add((kind, lang, where))
    kinds, langs, wheres = ({item[index] for item in checked} for index in range(3))
    suite_report["browser (Chromium, axe-core)"] = (
        f"{len(checked)} page loads ({len(kinds)} page types x {len(langs)} languages x "
        f"{' and '.join(sorted(wheres))}), 0 console errors, 0 failed requests, "
        "0 serious or critical violations")


def test_the_root_chooser_without_a_matching_language(server, browser):
    tab = open_tab(browser, locale="fr-FR")
    tab.goto(server)
    assert tab.locator('a[data-pressroom-choose="de"]').is_visible()
    assert serious_violations(tab) == []
    assert tab.errors == []
    shoot(tab, "root-chooser")
    tab.context.close()


def test_switcher_leads_to_the_same_story_and_german_search_finds_german(server, page):
    page.goto(f"{server}en/stories/{STORY}/")
    page.hover(".md-header__option .md-select")
    page.click('a[data-pressroom-switch="de"]')
    page.wait_for_url(f"{server}de/stories/{STORY}/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == (
        "Xiaomi erringt juristischen Sieg gegen Online-Verleumdung")

    # "Verleumdungen" does not stand in this story; German stemming finds its "Verleumdung".
    page.get_by_role("link", name="Suche").first.click()
    page.wait_for_url(f"{server}de/search/")
    assert_search_finds(page, server, "de", "Verleumdungen")


def assert_search_finds(tab: Page, server: str, lang: str, words: str) -> None:
    """Search from the search page: results in its language only, the story among them."""
    tab.locator(".pagefind-ui__search-input").fill(words)
    results = tab.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=15_000)
    hrefs = results.evaluate_all("links => links.map(link => link.pathname)")
    prefix = "/" + server.split("/", 3)[3]
    assert hrefs and all(href.startswith(f"{prefix}{lang}/") for href in hrefs)
    assert f"{prefix}{lang}/stories/{STORY}/" in hrefs
    assert tab.errors == []


def test_english_search_finds_english_pages_only(server, page):
    page.goto(f"{server}en/search/")
    assert_search_finds(page, server, "en", "defamation")


def test_root_sends_a_german_browser_to_german(server, browser):
    tab = open_tab(browser, locale="de-DE")
    tab.goto(server)
    tab.wait_for_url(f"{server}de/")
    assert tab.locator("html").get_attribute("lang") == "de"
    tab.context.close()
