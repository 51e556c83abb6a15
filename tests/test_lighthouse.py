"""Lighthouse over the press room's key pages: the front page, a story, the case summary and
the search page, in each language (issue #26).

Lighthouse (tests/node_modules, pinned in tests/package.json) drives Debian's Chromium
headless, with its defaults: a phone (mobile form factor) and simulated throttling, which
estimates a slow connection and CPU from the page's trace. Each page must score 100 for
accessibility, best practices and SEO and at least 95 for performance. The site is served as
GitHub Pages serves it: its 404 page for a missing file, text compressed with gzip, and a
short cache lifetime (ten minutes). The scores of the run go to build/lighthouse/scores.md
and scores.json; on failure the failing audits are printed with their details.

`make lighthouse` runs this file alone. LIGHTHOUSE_RUNS=3 scores each page three times and
keeps the median, as Lighthouse's authors advise for a busy machine (the spread is written too).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, TESTS, at
from sitebuild import build, make_project
from test_browser import CHROMIUM, FLAGS, STORY, browser  # noqa: F401 (browser: the fixture)
from test_front_browser import _GitHubPagesHandler

pytestmark = pytest.mark.browser

LIGHTHOUSE = TESTS / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS = ROOT / "build" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The scores the issue asks for, out of 100.
LEAST = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = {
    "front": "{lang}/",
    "story": f"{{stories}}/{STORY}/",
    "cases": "{cases}/",
    "search": "{search}/",
}
LANGS = ("en", "de")
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "1"))
# A slow, shared machine: a page gets this long to load (ms), a run this long in all (s).
LOAD_WAIT_MS = 90_000
RUN_SECONDS = 300
# Layout shifts a page may add up to (Lighthouse's "good" is under 0.1), and a phone's screen.
SHIFTS_AT_MOST = 0.05
PHONE = {"width": 412, "height": 823}
# Every layout shift the page makes, summed (the reader does nothing meanwhile).
COUNT_SHIFTS = """window.pressroomShifts = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.pressroomShifts += entry.value;
}).observe({type: "layout-shift", buffered: true});"""
# GitHub Pages compresses these types and lets a browser keep a file ten minutes.
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml",
              "application/xml")
CACHE_CONTROL = "max-age=600"


class _PagesLikeHandler(_GitHubPagesHandler):
    """GitHub Pages as a browser meets it: gzip for text when asked, and its cache lifetime."""

    site = ""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def do_GET(self) -> None:
        file = self._file_asked()
        kind = self.guess_type(str(file)) if file else ""
        if not (file and kind.startswith(COMPRESSED)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(file.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _file_asked(self) -> Path | None:
        """The file an address names (a folder's index.html); None for anything else, which
        the server answers as usual (a redirect to the folder, or the 404 page)."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        return path if path.is_file() else None


@pytest.fixture(scope="module")
def pages_server(tmp_path_factory) -> Iterator[str]:
    """The seeds' site, built for the address it is served from, at the root."""
    project = make_project(tmp_path_factory.mktemp("lighthouse"))
    served = tmp_path_factory.mktemp("lighthouse-served")
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_PagesLikeHandler, directory=str(served)))
    address = f"http://127.0.0.1:{httpd.server_address[1]}/"
    result = build(project, "--strict", site_url=address)
    assert result.returncode == 0, result.stderr
    shutil.copytree(project / "site", served, dirs_exist_ok=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield address
    httpd.shutdown()


def lighthouse(address: str, report: Path) -> dict:
    """One Lighthouse run over one page, with its defaults (phone, simulated throttling), on
    Debian's Chromium; nothing is fetched from elsewhere and no error report is sent."""
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: run `npm ci` in tests/ (make test)"
    command = [
        "node", str(LIGHTHOUSE), address, "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", f"--max-wait-for-load={LOAD_WAIT_MS}",
        "--no-enable-error-reporting", "--quiet",
        f"--chrome-flags=--headless=new {' '.join(FLAGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=RUN_SECONDS)
    assert done.returncode == 0, f"Lighthouse failed on {address}:\n{done.stderr[-3000:]}"
    return json.loads(report.read_text(encoding="utf-8"))


def scores_of(result: dict) -> dict[str, int]:
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def failing_audits(result: dict) -> list[str]:
    """The audits that cost a category points, each with what Lighthouse found."""
    found = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if audit["score"] is None or audit["score"] >= 1:
                continue
            if ref["weight"] == 0 and audit.get("metricSavings") in (None, {}):
                continue
            shown = audit.get("displayValue") or audit.get("explanation") or ""
            found.append(f"  {name}: {audit['id']} (score {audit['score']}) {shown}")
            for item in (audit.get("details") or {}).get("items", [])[:5]:
                found.append(f"      {json.dumps(item, ensure_ascii=False)[:400]}")
    return found


def write_scores(rows: list[tuple[str, list[dict[str, int]]]]) -> None:
    """The scores as a table to quote (median of the runs, and their spread) and as JSON."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    lines = ["# Lighthouse scores (mobile, simulated throttling)", "",
             f"Runs per page: {RUNS}; the median, and min-max when more than one.", "",
             "| Page | " + " | ".join(CATEGORIES) + " |",
             "|---|" + "---|" * len(CATEGORIES)]
    for page, runs in rows:
        cells = []
        for name in CATEGORIES:
            values = [run[name] for run in runs]
            spread = f" ({min(values)}-{max(values)})" if len(values) > 1 else ""
            cells.append(f"{statistics.median_low(values)}{spread}")
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    (REPORTS / "scores.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (REPORTS / "scores.json").write_text(
        json.dumps({page: runs for page, runs in rows}, indent=2) + "\n", encoding="utf-8")


def address_of(server: str, lang: str, kind: str) -> str:
    places = {"lang": lang, "stories": at(lang, "stories"), "cases": at(lang, "cases"),
              "search": at(lang, "search")}
    return server + PAGES[kind].format(**places)


def test_key_pages_score_what_the_issue_asks(pages_server, tmp_path):
    rows: list[tuple[str, list[dict[str, int]]]] = []
    problems: list[str] = []
    for lang in LANGS:
        for kind in PAGES:
            address = address_of(pages_server, lang, kind)
            runs = [lighthouse(address, tmp_path / f"{lang}-{kind}-{run}.json")
                    for run in range(RUNS)]
            scores = [scores_of(run) for run in runs]
            rows.append((f"{lang} {kind}", scores))
            median = {name: statistics.median_low(s[name] for s in scores)
                      for name in CATEGORIES}
            short = {name: median[name] for name in CATEGORIES if median[name] < LEAST[name]}
            if short:
                worst = min(runs, key=lambda run: scores_of(run)["performance"])
                problems.append(f"{lang} {kind} ({address}): {short}")
                problems.extend(failing_audits(worst))
    write_scores(rows)
    assert not problems, "\n".join(problems)


def test_the_failing_audits_are_named_with_their_details():
    """What a failure prints: a category's lost points are traced to the audit and its items."""
    result = {
        "categories": {name: {"score": 1, "auditRefs": []} for name in CATEGORIES},
        "audits": {
            "color-contrast": {"id": "color-contrast", "score": 0, "displayValue": "",
                               "details": {"items": [{"node": {"selector": "a.tag"}}]}},
            "viewport": {"id": "viewport", "score": 1},
        },
    }
    result["categories"]["accessibility"] = {"score": 0.9, "auditRefs": [
        {"id": "color-contrast", "weight": 7}, {"id": "viewport", "weight": 10}]}
    found = failing_audits(result)
    assert found[0] == "  accessibility: color-contrast (score 0) "
    assert "a.tag" in found[1]
    assert len(found) == 2


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_page_does_not_shift_as_its_script_fills_it(
        pages_server, browser, lang):  # noqa: F811 (the shared fixture)
    """The facets and results come after the index has loaded; the footer used to jump down
    the screen then (0.15 on a phone, which cost the page its performance score)."""
    tab = browser.new_context(viewport=PHONE).new_page()
    tab.add_init_script(COUNT_SHIFTS)
    tab.goto(address_of(pages_server, lang, "search"))
    tab.wait_for_selector("[data-pressroom-facet]:not([hidden])", state="attached")
    tab.wait_for_timeout(1000)
    shifted = tab.evaluate("window.pressroomShifts")
    tab.context.close()
    assert shifted < SHIFTS_AT_MOST
