"""Every page type fits the screen, in Chromium at a phone's width (390 px) and a desktop's
(1280 px), in both languages: nothing scrolls sideways, no table or code box is wider than
its column or cut inside it, and the case summary's overview reads on a phone as cards.

A screenshot of every page type, language and width is kept in build/screenshots/
(`<kind>-<lang>-<width>.png`).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from conftest import folders
from test_browser import browser  # noqa: F401 (the shared fixture)
from test_front_browser import (  # noqa: F401 (server, tab: the fixtures)
    LANGS,
    PAGES,
    scrolls_sideways,
    server,
    shoot,
    tab,
    visit,
    width_of,
)

pytestmark = pytest.mark.browser

# What of a page is wider than the page's content column, or holds more than it shows: the
# boxes that stick out (by more than a rounding pixel), and the tables, code boxes and their
# scrolling wrappers whose content is wider than they are.
TOO_WIDE = """() => {
    const column = document.querySelector(".md-content") || document.body;
    const right = column.getBoundingClientRect().right + 1;
    const found = [];
    for (const el of column.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        if (box.width && box.right > right) found.push(`${el.tagName}.${el.className} sticks out`);
    }
    for (const el of column.querySelectorAll(
            "table, pre, .md-typeset__scrollwrap, .md-typeset__table")) {
        if (el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName}.${el.className} cut`);
    }
    return found;
}"""
CASE_LABELS = {"en": ["Decision date", "Court", "Status", "Amount"],
               "de": ["Datum der Entscheidung", "Gericht", "Stand", "Betrag"]}


def address(server: str, kind: str, lang: str) -> str:  # noqa: F811
    return server + PAGES[kind].format(**folders(lang))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_page_type_scrolls_sideways_or_cuts_a_box(server, tab, kind, lang):  # noqa: F811
    visit(tab, address(server, kind, lang))
    assert not scrolls_sideways(tab)
    assert tab.evaluate(TOO_WIDE) == []
    shoot(tab, f"{kind}-{lang}")


def test_the_check_finds_a_box_that_sticks_out_and_one_that_cuts_its_content(
        server, tab):  # noqa: F811
    visit(tab, address(server, "hand-written", "en"))
    assert tab.evaluate(TOO_WIDE) == []
    tab.evaluate("""() => {
        const article = document.querySelector("article");
        const wide = document.createElement("div");
        wide.className = "wide";
        wide.style.width = "3000px";
        const code = document.createElement("pre");
        code.className = "long";
        code.style.overflow = "auto";
        code.textContent = "x".repeat(2000);
        article.append(wide, code);
    }""")
    found = tab.evaluate(TOO_WIDE)
    assert "DIV.wide sticks out" in found and "PRE.long cut" in found


def overview_cells(shown: Page) -> list[dict[str, object]]:
    """Each cell of the case overview's body: its box, how it is laid out and the label its
    ::before shows."""
    return shown.evaluate("""() => [...document.querySelectorAll(
            ".pressroom-cases tbody td")].map((td) => ({
        display: getComputedStyle(td).display,
        label: getComputedStyle(td, "::before").content,
        left: td.getBoundingClientRect().left,
        row: td.closest("tr").rowIndex,
    }))""")


@pytest.mark.parametrize("lang", LANGS)
def test_the_case_overview_is_cards_on_a_phone_and_a_table_on_a_desktop(
        server, tab, lang):  # noqa: F811
    visit(tab, address(server, "cases", lang))
    overview = tab.locator(".pressroom-cases")
    cells = overview_cells(tab)
    rows = tab.locator(".pressroom-cases tbody tr").count()
    assert rows >= 2 and len(cells) == 4 * rows
    labels = [cell["label"] for cell in cells[:4]]
    if width_of(tab) < 600:
        # Cards: the cells stacked, each led by its column's name in the page's language.
        assert all(cell["display"] == "block" for cell in cells)
        assert labels == [f'"{label}"' for label in CASE_LABELS[lang]]
        assert len({round(cell["left"]) for cell in cells}) == 1
        # The headings stay for screen readers, in a box of one pixel.
        assert tab.locator(".pressroom-cases thead").bounding_box()["width"] <= 1
    else:
        # A table: five columns side by side, the headings shown, no label repeated.
        assert all(cell["display"] == "table-cell" for cell in cells)
        assert all(label in ("none", "normal") for label in labels)
        assert len({round(cell["left"]) for cell in cells[:4]}) == 4
        headings = tab.locator(".pressroom-cases thead th")
        assert headings.count() == 5 and headings.last.is_visible()
    column = tab.locator(".md-content").bounding_box()
    table = overview.bounding_box()
    assert table["x"] + table["width"] <= column["x"] + column["width"] + 1
    # The rows are in the order of the cases' sections below, newest first.
    rows_order = tab.eval_on_selector_all(
        ".pressroom-cases tbody th a", "links => links.map((a) => a.hash.slice(1))")
    sections = tab.eval_on_selector_all(
        "article h2[id]", "hs => hs.map((h) => h.id)")
    assert rows_order == [id_ for id_ in sections if id_ in rows_order]
    # The overview's first link leads to its case's section.
    tab.locator(".pressroom-cases tbody th a").first.click()
    assert tab.evaluate("location.hash") == f"#{rows_order[0]}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["cases", "tag"])
def test_the_case_summary_and_a_tag_page_offer_their_feed(server, tab, kind, lang):  # noqa: F811
    page = address(server, kind, lang)
    visit(tab, page)
    link = tab.locator("article .pressroom-feed a")
    assert link.count() == 1 and link.is_visible()
    assert link.get_attribute("type") == "application/atom+xml"
    assert link.get_attribute("hreflang") == lang
    response = tab.request.get(tab.evaluate("(a) => a.href", link.element_handle()))
    assert response.status == 200
    assert b"<feed" in response.body()
