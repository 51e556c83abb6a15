"""The editor's report as a desk: what needs attention first, every source in a table that
is filtered and paged in the browser, a source's details loaded when it is opened; the page
stays small at archive scale."""

from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest

from pressroom.addresses import Addresses
from pressroom.report.desk import (
    ATTENTION_SHOWN,
    DETAILS_CHUNK,
    attention_of,
    desk_files,
    report_body,
)
from sitebuild import build, make_project, set_options
from test_browser import _QuietHandler, browser, page, serious_violations  # noqa: F401
from test_build import GOOD


def _entry(number: int, *, status: str = "published", problems: tuple = (),
           title_origin: str = "frontmatter", date_origin: str = "frontmatter") -> dict:
    def field(value, origin):
        return {"value": value if origin != "none" else None,
                "provenance": "not found" if origin == "none" else f"{origin} (line 2)",
                "origin": origin, "rule": "headline" if origin == "rule" else None, "line": 2}
    return {
        "path": f"seeds/story-{number:05d}.txt", "status": status, "page": None,
        "encoding": "utf-8", "duplicate_of": None,
        "problems": [{"severity": severity, "line": 3, "message": message}
                     for severity, message in problems],
        "fields": {"title": field(f"Story number {number}", title_origin),
                   "date": field("2026-03-01", date_origin)},
        "removals": [{"line": line, "rule": "share-widget", "text": f"Share this {number}/{line}",
                      "replacement": None} for line in range(4, 14)],
    }


def _data(entries: list[dict], **parts) -> dict:
    return {"summary": {"published": len(entries)}, "site_problems": [], "tag_candidates": [],
            "missing_translations": [], "paired_automatically": [], "sources": entries, **parts}


def test_each_source_is_flagged_with_what_it_needs():
    error = _entry(1, status="error", problems=(("error", "cannot be read"),))
    warned = _entry(2, problems=(("warning", "tag 'x' is not in the taxonomy"),))
    guessed = _entry(3, title_origin="rule", date_origin="none")
    plain = _entry(4)
    untranslated = {guessed["path"]}
    assert attention_of(error, set(), set()) == ["error"]
    assert attention_of(warned, set(), {warned["path"]}) == ["warning", "unknown-tag"]
    assert attention_of(guessed, untranslated, set()) == ["guessed", "missing", "untranslated"]
    assert attention_of(plain, set(), set()) == []


def test_the_page_lists_what_needs_attention_first_and_stays_small_at_archive_scale():
    entries = [_entry(number) for number in range(10_000)]
    for number in range(0, 10_000, 97):  # a hundred and four sources with an error
        entries[number] = _entry(number, status="error",
                                 problems=(("error", f"refused at line {number}"),))
    html = report_body(_data(entries), lambda path: path).html
    assert len(html.encode()) < 100_000  # the details are in files, not on the page
    assert html.index("Errors (104)") < html.index("All sources")
    assert html.count("refused at line") == ATTENTION_SHOWN
    assert f"… and {104 - ATTENTION_SHOWN} more" in html
    assert "Share this" not in html  # removals are details: loaded when a source is opened
    files = desk_files(_data(entries), "editor-report", Addresses())
    desk = json.loads(files["editor-report/desk.json"])
    assert desk["chunk"] == DETAILS_CHUNK and len(desk["rows"]) == 10_000
    assert len(files) == 1 + 10_000 // DETAILS_CHUNK
    assert max(len(content) for content in files.values()) < 2_000_000
    (chunk,) = [json.loads(content) for path, content in files.items()
                if path == f"editor-report/sources-{9_999 // DETAILS_CHUNK}.json"]
    assert chunk[9_999 % DETAILS_CHUNK]["path"] == "seeds/story-09999.txt"


def test_hostile_text_on_the_page_is_text():
    entry = _entry(1, status="error", problems=(("error", "<script>alert(1)</script>"),))
    entry["path"] = "seeds/<img src=x onerror=alert(2)>.txt"
    html = report_body(_data([entry]), lambda path: path).html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _served(site) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


@pytest.mark.browser
def test_the_desk_filters_sources_and_opens_their_details_in_a_browser(tmp_path, page):  # noqa: F811
    hostile_title = b"title: \"<img src=x onerror=alert(9)> The bakery's appeal\"\n"
    project = make_project(tmp_path, {
        "good.txt": GOOD,
        "broken.txt": b"---\ndate: 2026-02-30\n---\nA line.\n",
        "hostile.txt": b"---\n" + hostile_title + b"date: 2026-03-02\n---\n" + GOOD.replace(
            b"a landmark victory", b"a notable victory"),
    })
    set_options(project, publish_report=True)
    assert build(project).returncode == 0
    httpd, address = _served(project / "site")
    try:
        page.goto(f"{address}editor-report/")
        rows = page.locator(".pressroom-desk tbody tr")
        rows.first.wait_for()
        assert rows.first.locator("td").nth(1).inner_text() == "error"  # attention first
        assert "seeds/broken.txt" in rows.first.inner_text()
        total = rows.count()
        page.select_option("select[name=attention]", "error")
        assert rows.count() == 1
        page.locator(".pressroom-desk__source").first.click()
        details = page.locator(".pressroom-desk__details")
        details.wait_for()
        assert "is not a date that exists" in details.inner_text()
        page.select_option("select[name=attention]", "")
        page.fill("input[name=text]", "bakery")
        assert rows.count() == 1 and "<img src=x onerror=alert(9)>" in rows.first.inner_text()
        assert page.locator(".pressroom-desk img").count() == 0  # text, never markup
        page.fill("input[name=text]", "")
        assert rows.count() == total
        assert serious_violations(page) == []
        # Checked before leaving: leaving aborts what the page still fetches (its icon).
        assert page.errors == []
        story = page.locator(".pressroom-desk tbody a", has_text="page").first
        story.click()
        page.wait_for_load_state()
        assert "/stories/" in page.url
    finally:
        httpd.shutdown()
