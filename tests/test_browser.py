"""The site in a real browser: Debian's Chromium, driven by Playwright (no browser download).

Every page type, in each language, served at the site root and under a project sub-path (as
GitHub Pages serves https://ORG.github.io/REPO/): it loads without a console error or a
failed request, axe-core finds no serious or critical accessibility violation, and a
screenshot is kept in build/screenshots/.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import posixpath
import re
import shutil
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from conftest import ROOT, at, folders
from sitebuild import build, make_project, serving, set_options
from test_build import GOOD, HOSTILE

pytestmark = pytest.mark.browser

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
    "archive": "{archive}/",
    "story": f"{{stories}}/{STORY}/",
    "tag-index": "{tags}/",
    "tag": "{tags}/xiaomi/",
    "cases": "{cases}/",
    "hand-written": "{lang}/about/",
    "search": "{search}/",
    "legal-notice": "{lang}/legal-notice/",
    "privacy": "{lang}/privacy/",
}
SUB_PATH = "pressroom/"
SMALL_PARTS = 2


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module", params=["", SUB_PATH], ids=["root", "sub-path"])
def server(request, tmp_path_factory):
    """The site, built for the address it is served from, at the root or under a sub-path.
    Under the sub-path, each language's search index is written in parts of two pages,
    which the browser searches as one (as it does a large archive's)."""
    project = make_project(tmp_path_factory.mktemp("browser"))
    if request.param:
        set_options(project, search_part_pages=SMALL_PARTS)
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
    tab.fetched = []
    tab.on("request", lambda request: tab.fetched.append(request.url))
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
    page.goto(server + PAGE_TYPES[kind].format(**folders(lang)))
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == lang
    assert serious_violations(page) == []
    assert page.errors == []
    # The theme would fetch the sitemap (megabytes for a large archive) on every page.
    assert not [url for url in page.fetched if url.endswith("sitemap.xml")]
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


def test_switcher_leads_to_the_same_story(server, page):
    page.goto(f"{server}en/stories/{STORY}/")
    page.hover(".md-header__option .md-select")
    page.click('a[data-pressroom-switch="de"]')
    page.wait_for_url(f"{server}de/artikel/{STORY}/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == (
        "Xiaomi erringt juristischen Sieg gegen Online-Diffamierung")


def test_a_german_story_at_its_german_address_switches_to_the_english_one(server, page):
    page.goto(f"{server}de/artikel/{STORY}/")
    assert page.locator("html").get_attribute("lang") == "de"
    page.hover(".md-header__option .md-select")
    page.click('a[data-pressroom-switch="en"]')
    page.wait_for_url(f"{server}en/stories/{STORY}/")
    assert page.locator("h1").inner_text() == (
        "Xiaomi Secures Legal Victory Against Online Defamation")


@pytest.mark.parametrize(("former", "now"), [
    (f"de/stories/{STORY}/", f"de/artikel/{STORY}/"),
    ("de/tags/xiaomi/", "de/schlagwoerter/xiaomi/"),
    ("de/cases/#xiaomi-v-minzhili", "de/verfahren/#xiaomi-v-minzhili"),
    ("de/archive/", "de/archiv/"),
])
def test_a_german_address_of_before_forwards_to_the_page_where_it_lies_now(
        server, page, former, now):
    """Links and bookmarks from before German addresses keep working, the place on the
    page (a case's anchor) included."""
    page.goto(server + former)
    page.wait_for_url(server + now)
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("link[rel=stylesheet]").count() > 0  # the page itself, themed


@pytest.mark.parametrize("forced_colors", ["none", "active"])
@pytest.mark.parametrize("width", [1280, 400])
def test_the_headers_icons_are_drawn(server, browser, width, forced_colors):
    """Each icon the stylesheet draws (icons.py) shows: its box looks different once it is
    hidden, and different from a plain block of its colour. In high contrast too, where
    the system chooses the colours. (On a phone the logo is in the closed drawer, off the
    screen.)"""
    tab = browser.new_context(viewport={"width": width, "height": 600},
                              forced_colors=forced_colors).new_page()
    tab.goto(f"{server}en/stories/{STORY}/")
    tab.wait_for_load_state("networkidle")
    header = {"material-translate", "material-magnify"}
    assert_icons_drawn(tab, header | {"pressroom-logo"} if width > 600 else header)
    if width < 600:  # the search covers the header when it opens, with a way back
        tab.click('label.md-header__button[for="__search"]')
        tab.wait_for_function("() => document.getAnimations().length === 0")  # it slides in
        assert_icons_drawn(tab, {"material-arrow-left"})
    tab.context.close()


def assert_icons_drawn(tab: Page, names: set[str]) -> None:
    icons = {(icon.get_attribute("class") or "").removeprefix("pressroom-icon-"): icon
             for icon in tab.locator('svg[class^="pressroom-icon-"]:visible').element_handles()}
    assert set(icons) >= names, sorted(icons)
    for name in sorted(names):
        box = icons[name].bounding_box()
        assert box and box["width"] > 10 and box["height"] > 10, name
        drawn = tab.screenshot(clip=box)
        for other_look in ("visibility: hidden", "mask: none; -webkit-mask: none"):  # a block
            icons[name].evaluate("(box, look) => { box.style.cssText = look; }", other_look)
            assert tab.screenshot(clip=box) != drawn, (name, other_look)
        icons[name].evaluate("box => { box.style.cssText = ''; }")


def header_search(tab: Page, words: str) -> list[str]:
    """Type into the header's search box, opened with the theme's shortcut "/"; the paths
    of the results as they appear."""
    tab.keyboard.press("/")
    assert tab.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert tab.locator("#__search").is_checked()
    tab.keyboard.type(words)
    results = tab.locator(".md-search .md-search-result__link")
    results.first.wait_for(timeout=15_000)
    return results.evaluate_all("links => links.map(link => link.pathname)")


def site_path(server: str) -> str:
    return "/" + server.split("/", 3)[3]


@pytest.mark.parametrize(("lang", "words", "title"), [
    # "Diffamierungen" does not stand in this story; German stemming finds its "Diffamierung".
    ("de", "Diffamierungen", "Xiaomi erringt juristischen Sieg gegen Online-Diffamierung"),
    ("en", "defamation", "Xiaomi Secures Legal Victory Against Online Defamation"),
])
def test_header_search_finds_the_story_in_the_page_language_only(server, page, lang, words,
                                                                 title):
    page.goto(f"{server}{lang}/about/")
    paths = header_search(page, words)
    prefix = site_path(server)
    assert paths and all(path.startswith(f"{prefix}{lang}/") for path in paths), paths
    assert f"{prefix}{at(lang, 'stories')}/{STORY}/" in paths
    stories = at(lang, "stories")
    story = page.locator(f'.md-search .md-search-result__link[href$="{stories}/{STORY}/"]')
    assert story.locator("h1").inner_text() == title
    assert story.locator("mark").count() >= 1  # the words found, highlighted
    assert serious_violations(page) == []  # with the results open
    assert page.errors == []


def test_header_search_keys_walk_the_results_and_enter_opens_the_search_page(server, page):
    page.goto(f"{server}en/")
    paths = header_search(page, "Xiaomi")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.pathname") == paths[0]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    page.keyboard.press("/")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}en/search/?q=Xiaomi")
    page.locator(".pressroom-search .md-search-result__item").first.wait_for(timeout=15_000)
    assert page.input_value("#pressroom-query") == "Xiaomi"
    assert page.errors == []


def search_page_results(tab: Page) -> list[str]:
    tab.wait_for_function("""() => {
        const meta = document.querySelector(".pressroom-search .md-search-result__meta");
        return meta && meta.textContent.trim() !== "";  // a count, or none found
    }""", timeout=15_000)
    return tab.locator(".pressroom-search .md-search-result__link").evaluate_all(
        "links => links.map(link => link.pathname)")


def wait_for_change(tab: Page, before: list[str]) -> list[str]:
    # Both sides serialised by the browser: Python's JSON has other separators, which made
    # every list look changed at once, and the test read the results before the new search.
    tab.wait_for_function("""before => {
        const links = document.querySelectorAll(".pressroom-search .md-search-result__link");
        return JSON.stringify(Array.from(links, link => link.pathname)) !== JSON.stringify(before);
    }""", arg=before, timeout=15_000)
    return search_page_results(tab)


def tagged(server: str, lang: str, tag: str) -> set[str]:
    """The stories a tag page lists, from the page itself."""
    with urllib.request.urlopen(f"{server}{at(lang, 'tags')}/{tag}/") as response:
        page = response.read().decode("utf-8")
    base = f"{site_path(server)}{at(lang, 'tags')}/{tag}/"
    return {posixpath.normpath(posixpath.join(base, href)) + "/"
            for href in re.findall(r'href="(\.\./\.\./stories/[^"]+)"', page)}


def test_a_tag_filter_narrows_the_results_to_the_tagged_stories(server, page):
    page.goto(f"{server}en/search/?q=Xiaomi")
    everything = search_page_results(page)
    page.get_by_label("HyperConnect").check()
    narrowed = wait_for_change(page, everything)
    assert 0 < len(narrowed) < len(everything)
    assert set(narrowed) <= tagged(server, "en", "hyperconnect")
    assert "tag=HyperConnect" in page.url  # the address keeps the filter, for sharing
    assert serious_violations(page) == []  # with facets and results shown
    assert page.errors == []


def test_year_and_language_facets(server, page):
    page.goto(f"{server}de/suche/?q=Xiaomi")
    everything = search_page_results(page)
    page.get_by_label("2023").check()
    in_2023 = wait_for_change(page, everything)
    assert in_2023 and len(in_2023) < len(everything)
    prefix = site_path(server)
    assert all(path.startswith(f"{prefix}de/") for path in everything)
    # The other language: its own index, its own values; the German filters are let go.
    page.get_by_label("English").check()
    english = wait_for_change(page, in_2023)
    assert english and all(path.startswith(f"{prefix}en/") for path in english)
    assert "lang=en" in page.url and "year=" not in page.url
    assert page.errors == []


def test_markup_in_a_source_shows_as_text_in_search_results(browser, tmp_path):
    """Titles and excerpts come from the sources: in results they are text, never markup."""
    project = make_project(tmp_path, {"a.txt": GOOD, "evil.txt": HOSTILE})
    assert build(project).returncode == 0
    tab = open_tab(browser)
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with static_server(project / "site") as address:
        tab.goto(f"{address}en/")
        header_search(tab, "court ruled")
        results = tab.locator(".md-search .md-search-result__list")
        assert '<script>alert(1)</script>' in results.inner_text()
        assert results.locator("script, img, iframe").count() == 0
        assert results.locator("mark").count() >= 1
    assert dialogs == [] and tab.errors == []
    tab.context.close()


def test_header_search_shows_the_newest_first_then_the_whole_ranking(browser, tmp_path):
    project = make_project(tmp_path)
    set_options(project, search_newest_first=1)
    assert build(project, "--strict").returncode == 0
    stories = (project / "site" / "en" / "stories").glob("*/index.html")
    first = [page.parent.name for page in stories
             if 'data-pagefind-filter="newest:yes"' in page.read_text(encoding="utf-8")]
    assert first == ["lei-jun-announces-legal-action-against-false-information-campaigns"]
    tab = open_tab(browser)
    with static_server(project / "site") as address:
        tab.goto(f"{address}en/")
        header_search(tab, "Xiaomi")
        # The whole ranking replaces the newest story's, and brings the count.
        tab.wait_for_function("""() => /\\d/.test(
            document.querySelector(".md-search .md-search-result__meta").textContent)""")
        count = int(re.sub(r"\D", "", tab.locator(".md-search .md-search-result__meta")
                           .inner_text()))
        shown = tab.locator(".md-search .md-search-result__item").count()
    assert count >= 3 and shown == min(count, 10)
    assert tab.errors == []
    tab.context.close()


def search_page_shows(tab: Page, address: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The search page's results (path from the site's root, and text: title, dateline and
    excerpt) and its facets' values with their counts, as a reader sees them."""
    tab.goto(address)
    search_page_results(tab)
    root = urllib.parse.urlsplit(address).path.split("/")[1]
    results = tab.locator(".pressroom-search .md-search-result__link").evaluate_all(
        "links => links.map(link => [link.pathname, link.innerText])")
    facets = tab.locator("[data-pressroom-facet] label").all_inner_texts()
    return sorted((path.removeprefix(f"/{root}"), text) for path, text in results), facets


def test_an_index_in_parts_finds_what_one_index_finds(browser, tmp_path):
    """A large archive's index is written in parts; the reader searches them as one."""
    projects = {}
    for name in ("whole", "parts"):
        (tmp_path / name).mkdir()
        projects[name] = make_project(tmp_path / name)
    set_options(projects["parts"], search_part_pages=SMALL_PARTS)
    for project in projects.values():
        assert build(project, "--strict").returncode == 0
    assert len(json.loads((projects["parts"] / "site" / "pagefind" / "en" / "pressroom-parts.json")
                          .read_text(encoding="utf-8"))["parts"]) >= 2
    tab = open_tab(browser)
    served = tmp_path / "served"
    for name, project in projects.items():
        shutil.copytree(project / "site", served / name)
    with static_server(served) as address:
        for query in ("de/suche/?q=Xiaomi", "en/search/?q=Xiaomi", "en/search/?q=court",
                      "en/search/?tag=Xiaomi"):
            expected = search_page_shows(tab, f"{address}whole/{query}")
            assert len(expected[0]) >= 2, query
            assert search_page_shows(tab, f"{address}parts/{query}") == expected, query
    assert tab.errors == []
    tab.context.close()


@contextlib.contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """A built site served from 127.0.0.1; its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def test_serve_refreshes_the_search_index_after_an_edit(page, tmp_path):
    """An editor's change is searchable in `mkdocs serve` once the site has rebuilt."""
    project = make_project(tmp_path)
    source = project / "seeds" / "000_b899426bec3aca79.txt"
    story = "en/stories/xiaomi-secures-legal-victory-against-online-defamation/"
    with serving(project, watch=True) as fetch:
        fetch(story)  # the first build is done
        page.goto(f"{fetch.address}en/search/?q=quokka")
        assert search_page_results(page) == []
        source.write_bytes(source.read_bytes().replace(b"landmark", b"landmark quokka", 1))
        deadline = time.monotonic() + 120
        while "landmark quokka" not in fetch(story) and time.monotonic() < deadline:
            time.sleep(0.5)
        found: list[str] = []
        while not found and time.monotonic() < deadline:  # the index follows the pages
            try:
                page.goto(f"{fetch.address}en/search/?q=quokka")
                found = search_page_results(page)
            except PlaywrightError:  # the server's reload script reloaded the page meanwhile
                time.sleep(0.5)
    assert found == [f"/{story}"]


def test_root_sends_a_german_browser_to_german(server, browser):
    tab = open_tab(browser, locale="de-DE")
    tab.goto(server)
    tab.wait_for_url(f"{server}de/")
    assert tab.locator("html").get_attribute("lang") == "de"
    tab.context.close()
