"""The editor's report of a small folder of seeds: what became of each source, what needs the
editor first and why, and the desk's rows and files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from made_editions import made_edition
from pressroom.addresses import Addresses
from pressroom.pages.generated import source_pages
from pressroom.report.desk import (
    DETAILS_CHUNK,
    attention_of,
    desk_files,
    desk_rows,
    missing_translation_list,
    paired_list,
    report_body,
    report_data,
)

HOSTILE_NAME = "a<img src=x>&b.txt"
HOSTILE_TAG = "<img src=x onerror=alert(1)>"

PLAIN = """---
title: Example GmbH opens a second bakery
date: 2026-05-04
lang: en
story: second-bakery
---
Example GmbH opened a second bakery in Examplestadt on Monday.
Jane Roe, its founder, cut the ribbon.
"""
# One source for each thing an editor is to look at, and a well-described pair that needs
# nothing. Sources are read in the order of their names.
SEEDS = {
    "plain-en.txt": PLAIN,
    "plain-de.txt": """---
title: Example GmbH eröffnet eine zweite Bäckerei
date: 2026-05-04
lang: de
story: second-bakery
---
Die Example GmbH hat am Montag in Examplestadt eine zweite Bäckerei eröffnet.
Jane Roe, die Gründerin, durchschnitt das Band.
""",
    # An error: a day that does not exist (the name is hostile markup, too).
    HOSTILE_NAME: "---\ndate: 2026-02-30\n---\nA line about nothing in particular.\n",
    # A warning of its own (a key editors do not have) and a tag the taxonomy does not know.
    "odd-key.txt": f"""---
title: A note with an odd key
date: 2026-05-01
lang: en
colour: blue
tags: ["{HOSTILE_TAG}"]
---
The note says very little about Example GmbH.
""",
    # Headline and date left to the rules: no frontmatter at all.
    "guessed.txt": "Jane Roe sues the Examplestadt bakery\n\nOn 3 May 2026 Jane Roe filed a suit "
                   "against Example GmbH at the District Court of Examplestadt.\n"
                   "The court has not yet set a date.\n",
    "undated.txt": "---\ntitle: An undated note from Example GmbH\nlang: en\n---\n"
                   "Example GmbH says its bread is still baked by hand.\n",
    "draft.txt": "---\ntitle: A draft on the third bakery\ndate: 2026-05-20\nlang: en\n"
                 "draft: true\n---\nExample GmbH plans a third bakery.\n",
    "embargo.txt": "---\ntitle: Example GmbH will open a fourth bakery\ndate: 2026-05-21\n"
                   "lang: en\nembargo: 2030-01-01T00:00:00+00:00\n---\n"
                   "Example GmbH will open a fourth bakery in 2030.\n",
    # The same story key and language as plain-en.txt: one of the two cannot have the page.
    "zy-clash.txt": PLAIN.replace("opens a second bakery", "opens its second shop").replace(
        "cut the ribbon", "gave a short speech"),
    "zz-copy.txt": PLAIN,
}


def report_of(folder: Path, sources: dict[str, str]) -> dict:
    """The report of these sources, made as the build makes it (build._make_report): the
    paths shown from the project's folder."""
    ingested, edition = made_edition(folder, sources, press_room="Example Press Room")
    return report_data(ingested, source_pages(edition.stories), folder,
                       missing_translation_list(edition.stories), edition.problems,
                       edition.tag_candidates, paired_list(edition.stories))


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> dict:
    return report_of(tmp_path_factory.mktemp("report"), SEEDS)


def entry(data: dict, name: str) -> dict:
    (found,) = [entry for entry in data["sources"] if entry["path"] == f"seeds/{name}"]
    return found


def rows_by_path(data: dict, addresses: Addresses | None = None) -> dict[str, dict]:
    return {row["path"]: row for row in desk_rows(data, addresses or Addresses())}


def test_every_source_is_reported_by_its_path_from_the_projects_folder(data):
    assert sorted(entry["path"] for entry in data["sources"]) == sorted(
        f"seeds/{name}" for name in SEEDS)
    assert entry(data, "zz-copy.txt")["duplicate_of"] == "seeds/plain-en.txt"
    assert all(problem["path"].startswith("seeds/") for problem in data["site_problems"])


def test_each_source_has_what_became_of_it_and_the_summary_counts_them(data):
    statuses = {name: entry(data, name)["status"] for name in SEEDS}
    assert statuses == {
        "plain-en.txt": "published", "plain-de.txt": "published", "odd-key.txt": "published",
        "guessed.txt": "published", "undated.txt": "published",
        HOSTILE_NAME: "error", "draft.txt": "draft", "embargo.txt": "embargoed",
        # Read without a fault, but its story's page went to plain-en.txt.
        "zy-clash.txt": "not published", "zz-copy.txt": "duplicate",
    }
    # "attachments" is counted only where there are some (only messages have them).
    assert data["summary"] == {"published": 5, "draft": 1, "embargoed": 1, "not published": 1,
                               "duplicate": 1, "error": 1}


def test_each_field_says_where_its_value_came_from(data):
    guessed = entry(data, "guessed.txt")["fields"]
    assert guessed["title"]["value"] == "Jane Roe sues the Examplestadt bakery"
    assert (guessed["title"]["origin"], guessed["title"]["rule"], guessed["title"]["line"]) == (
        "rule", "headline", 1)
    assert (guessed["date"]["value"], guessed["date"]["origin"]) == ("2026-05-03", "rule")
    plain = entry(data, "plain-en.txt")["fields"]
    assert plain["date"] == {"value": "2026-05-04", "provenance": "frontmatter (line 3)",
                             "origin": "frontmatter", "rule": None, "line": 3}


def test_each_source_is_flagged_with_every_kind_of_attention_it_needs(data):
    expected = {
        "plain-en.txt": [], "plain-de.txt": [], "draft.txt": [], "embargo.txt": [],
        HOSTILE_NAME: ["error"],
        "odd-key.txt": ["warning", "untranslated", "unknown-tag"],
        "guessed.txt": ["guessed", "untranslated"],
        # Its missing date is a warning of the source's own as well.
        "undated.txt": ["warning", "missing", "untranslated"],
        "zz-copy.txt": ["warning"],
    }
    rows = rows_by_path(data)
    assert {name: rows[f"seeds/{name}"]["attention"] for name in expected} == expected


def test_an_error_status_needs_attention_even_without_an_error_of_its_own():
    # A source that yielded no article is an error though no problem of its own says so.
    entry = {"path": "seeds/m.eml", "status": "error", "problems": [], "fields": {}}
    assert attention_of(entry, set(), set()) == ["error"]
    warned = {**entry, "status": "published",
              "problems": [{"severity": "warning", "line": 2, "message": "odd"},
                           {"severity": "note", "line": 3, "message": "fine"}]}
    assert attention_of(warned, set(), set()) == ["warning"]


def test_desk_rows_link_each_placed_source_to_its_page(data):
    rows = rows_by_path(data)
    assert rows["seeds/plain-de.txt"]["page"] == "de/artikel/second-bakery/"
    assert rows["seeds/guessed.txt"]["page"] == (
        "en/stories/jane-roe-sues-the-examplestadt-bakery/")
    # Without directory URLs, the page is its .html file.
    flat = rows_by_path(data, Addresses(directory_urls=False))
    assert flat["seeds/plain-en.txt"]["page"] == "en/stories/second-bakery.html"
    for held in ("draft.txt", "embargo.txt", "zy-clash.txt", "zz-copy.txt", HOSTILE_NAME):
        assert rows[f"seeds/{held}"]["page"] is None
    # Besides, a row has what the table shows: headline, date, how many problems.
    assert rows["seeds/undated.txt"] == {
        "path": "seeds/undated.txt", "status": "published",
        "attention": ["warning", "missing", "untranslated"], "problems": 1,
        "title": "An undated note from Example GmbH", "date": None,
        "page": "en/stories/an-undated-note-from-example-gmbh/"}
    # A source that could not be read has no fields to show.
    assert (rows[f"seeds/{HOSTILE_NAME}"]["title"], rows[f"seeds/{HOSTILE_NAME}"]["date"]) == (
        None, None)


def test_desk_files_hold_the_rows_and_every_sources_details_beside_the_page(data):
    files = desk_files(data, "reports/desk", Addresses())
    assert set(files) == {"reports/desk/desk.json", "reports/desk/sources-0.json"}
    desk = json.loads(files["reports/desk/desk.json"])
    assert desk["chunk"] == DETAILS_CHUNK
    assert desk["rows"] == desk_rows(data, Addresses())
    assert json.loads(files["reports/desk/sources-0.json"]) == data["sources"]


def test_the_page_lists_what_needs_attention_first_each_kind_counted(data):
    html = report_body(data, lambda path: path).html
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert headings == [
        "Registries and stories", "Errors (1)", "Warnings (3)",
        "Headline or date guessed by a rule (1)", "Headline or date not found (1)",
        "Missing translations (3)", "Unknown tags (1)", "Tag candidates (not in the taxonomy)",
        "All sources"]
    assert ("<p>Sources: 5 published, 1 draft, 1 embargoed, 1 not published, 1 duplicate, "
            "1 error.</p>") in html


def section(html: str, heading: str) -> str:
    """The part of the page under one heading, up to the next."""
    start = html.index(f">{heading}</h2>")
    return html[start:html.index("<h2", start)]


def test_each_attention_item_says_what_the_source_needs(data):
    html = report_body(data, lambda path: path).html
    assert ("seeds/guessed.txt: title rule headline (line 1)" in html
            and "; date rule first-date-in-text (line 3)" in html)
    assert "<li>seeds/undated.txt: date not found</li>" in html
    assert ("seeds/guessed.txt: story jane-roe-sues-the-examplestadt-bakery has no de version"
            in html)
    warnings = section(html, "Warnings (3)")
    assert "seeds/odd-key.txt" in warnings and "unknown frontmatter key 'colour'" in warnings
    assert "colour" not in section(html, "Errors (1)")


def test_source_text_on_the_page_is_text_never_markup(data):
    html = report_body(data, lambda path: path).html
    assert "<img" not in html
    assert "seeds/a&lt;img src=x&gt;&amp;b.txt" in html  # the file name
    assert "&lt;img src=x onerror=alert(1)&gt;: seeds/odd-key.txt" in html  # the tag


def test_the_desk_finds_its_data_and_the_sites_root_from_its_folder(data):
    html = report_body(data, lambda path: f"LINK({path})", folder="reports/desk").html
    assert 'data-desk="LINK(reports/desk/desk.json)"' in html
    # The desk's rows give pages from the site's root, which lies two folders above.
    assert 'data-root="../../"' in html
    assert '<script src="LINK(assets/pressroom/report-desk.js)"></script>' in html


PAIR = {
    "award.txt": "---\ntitle: Example GmbH wins 48,250 euros from Jane Roe\ndate: 2026-03-02\n"
                 "lang: en\n---\nOn 2 March 2026 the District Court of Examplestadt ordered "
                 "Jane Roe to pay Example GmbH 48,250 euros.\nJudge Max Mustermann said the "
                 "Quarkstollen recipe was copied.\n",
    "urteil.txt": "---\ntitle: Example GmbH erhält 48.250 Euro von Jane Roe\ndate: 2026-03-02\n"
                  "lang: de\n---\nAm 2. März 2026 verurteilte das Amtsgericht Examplestadt "
                  "Jane Roe, der Example GmbH 48.250 Euro zu zahlen.\nRichter Max Mustermann "
                  "sagte, das Quarkstollen-Rezept sei kopiert worden.\n",
}


def test_versions_paired_automatically_are_listed_with_their_evidence(tmp_path):
    # No `story` key joins them: their shared names and numbers do.
    data = report_of(tmp_path, PAIR)
    (paired,) = data["paired_automatically"]
    assert paired["sources"] == ["seeds/award.txt", "seeds/urteil.txt"]  # English first
    assert paired["score"] >= paired["needed"]
    assert {"48250", "examplestadt"} <= set(paired["anchors"])
    assert data["missing_translations"] == []
    html = report_body(data, lambda path: path).html
    assert re.search(r"<li>[a-z0-9-]+: seeds/award\.txt \+ seeds/urteil\.txt, paired "
                     r"automatically: score \d+\.\d \(needs \d+\.\d\), ", html)
