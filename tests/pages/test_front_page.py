"""The front page, the press room's name and brand, the legal pages and their placeholders:
what the build makes of them (the browser's view is in test_front_browser.py)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import SEEDS
from pressroom.model import EditorKey
from pressroom.pages.front_page import Desk, front_page_body
from pressroom.pages.legal_pages import marked_placeholders, placeholder_problems, placeholders
from pressroom.pages.site_frame import brand, footer
from pressroom.problems import Severity
from pressroom.publishing.check_site import forwards
from pressroom.sources.editor_keys import validate_editor_keys
from pressroom.sources.ingest import ingest
from pressroom.stories.cases import Basis, Case, Event, PartialDate, SourceRef, load_cases
from pressroom.stories.decisions import latest_decision
from pressroom.stories.grouping import group_stories
from sitebuild import ENGINE_COMMAND, ENV, build, make_project, read_page

GOOD = (SEEDS / "000_b899426bec3aca79.txt").read_bytes()
CASES, _ = load_cases(SEEDS / "cases.yml")
STORIES = group_stories(ingest(SEEDS).articles)[0]
SOURCE_DAYS = {article.source.name: article.date.value
               for story in STORIES for article in story.versions.values()}


def _edited(project: Path, pattern: str, replacement: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    edited = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert edited != text, f"mkdocs.yml has no {pattern!r}"
    config.write_text(edited, encoding="utf-8")


def _placeholders(project: Path, policy: str) -> None:
    _edited(project, r"^(\s+)placeholders: .*$", rf"\1placeholders: {policy}")


# The latest decision: the one reported last, shown as the registry states it.

def test_the_latest_decision_of_the_seeds_is_the_ruling_reported_last():
    """Of the three rulings none has a date of its own: two were reported on 30 May 2023, the
    Minzhili ruling by a source of 14 May 2025, which makes it the latest reported."""
    decision = latest_decision(CASES, SOURCE_DAYS.get)
    assert decision.case.id == "xiaomi-v-minzhili"
    assert decision.event.kind == "ruling" and decision.event.date is None


def _ruling(day: PartialDate | None = None, reported: dt.date | None = None,
            file: str = "a.txt") -> Event:
    return Event("ruling", {"en": "Judgment.", "de": "Urteil."}, SourceRef(file, 1, "q"),
                 Basis("found", instance="first"), date=day, reported=reported)


def _case(case_id: str, *events: Event, context: bool = False) -> Case:
    return Case(case_id, {"en": case_id, "de": case_id}, events=events, context=context)


def test_a_decisions_own_date_orders_it_before_the_day_it_was_reported():
    cases = [_case("reported-late", _ruling(reported=dt.date(2025, 6, 1))),
             _case("ruled-later", _ruling(PartialDate(2025, 7))),
             _case("undated", _ruling(file="unknown.txt"))]
    assert latest_decision(cases, {}.get).case.id == "ruled-later"
    assert latest_decision(cases[::2], {}.get).case.id == "reported-late"
    # Without a day of its own or the registry's, the day of its source counts; with none at
    # all, a decision comes last, and between equals the registry's order decides.
    later_source = {"unknown.txt": dt.date(2026, 1, 1)}.get
    assert latest_decision(cases[::2], later_source).case.id == "undated"
    assert latest_decision([_case("first", _ruling()), _case("second", _ruling())],
                           {}.get).case.id == "first"


def test_background_records_and_steps_that_decide_nothing_are_no_decisions():
    filed = Event("filed", {"en": "Filed.", "de": "Eingereicht."}, SourceRef("a.txt", 1, "q"),
                  Basis("reported"), date=PartialDate(2026))
    assert latest_decision([_case("filing", filed),
                            _case("context", _ruling(PartialDate(2026)), context=True)],
                           {}.get) is None


def _front_page(lang: str, cases=CASES) -> str:
    desk = Desk(brand(), {}, frozenset({f"{lang}/contacts.md", f"{lang}/media-kit.md"}))
    return front_page_body(lang, STORIES, cases, SOURCE_DAYS.get, desk, lambda path: path).html


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["6 legal matters in the case summary", "Latest decision reported",
            "date not reported (the source dates Xiaomi’s “victory” to May 14, 2025;",
            "<em>Reported:</em> Xiaomi’s legal team states on Weibo that a Chinese court ruled",
            "Status: Decided (according to Xiaomi’s legal team), finality not reported"]),
    ("de", ["6 Verfahren in der Fallübersicht", "Zuletzt gemeldete Entscheidung",
            "Datum nicht angegeben (die Quelle datiert Xiaomis „Sieg“ auf den 14. Mai 2025;",
            "<em>Berichtet:</em> Die Rechtsabteilung von Xiaomi erklärt auf Weibo",
            "(nach Angaben von Xiaomis Rechtsabteilung), Rechtskraft nicht bekannt"]),
])
def test_the_cases_at_a_glance_word_the_decision_by_its_basis(lang, expected):
    page = html.unescape(_front_page(lang))
    for words in expected:
        assert words in page, words
    cases = {"en": "en/cases.md", "de": "de/verfahren.md"}[lang]
    assert f'href="{cases}#xiaomi-v-minzhili"' in page


def test_the_glance_says_so_when_the_coverage_reports_no_decision():
    assert "The coverage reports no decision yet." in _front_page("en", cases=[])
    assert "0 legal matters in the case summary" in _front_page("en", cases=[])


def test_the_front_page_leads_with_the_newest_story_then_cards():
    page = _front_page("en")
    lead = page.index('class="pressroom-lead__headline"')
    cards = [page.index(f'href="en/stories/{story.id}.md"') for story in STORIES[1:]]
    assert page.index(f'href="en/stories/{STORIES[0].id}.md"') > lead
    assert all(lead < card for card in cards) and cards == sorted(cards)
    assert page.count('<li class="pressroom-card">') == len(STORIES) - 1
    assert 'href="en/archive.md"' in page  # all stories, however many


# Placeholders.

def test_placeholders_are_found_with_their_lines_and_shown_marked_in_the_pages_language():
    text = "# Impressum\n\n[[PLACEHOLDER: Firmenname]]\nE-Mail: [[ PLACEHOLDER: <b>Adresse</b> ]]\n"
    assert placeholders(text) == [(3, "Firmenname"), (4, "<b>Adresse</b>")]
    shown = marked_placeholders(text, "de")
    assert '<mark class="pressroom-placeholder">Platzhalter: Firmenname</mark>' in shown
    assert "Platzhalter: &lt;b&gt;Adresse&lt;/b&gt;" in shown and "<b>" not in shown
    assert "Placeholder: Firmenname" in marked_placeholders(text, "en")


@pytest.mark.parametrize(("policy", "severity"), [
    ("error", Severity.ERROR), ("warn", Severity.WARNING), ("note", Severity.NOTE)])
def test_a_pages_placeholders_are_one_problem_of_the_chosen_severity(policy, severity):
    (problem,) = placeholder_problems(Path("docs/de/x.md"), "a\n[[PLACEHOLDER: A]]\n"
                                      "[[PLACEHOLDER: B]] [[PLACEHOLDER: C]]\n", policy)
    assert problem.severity is severity and problem.line == 2
    assert "'A' and 2 more, on lines 3, 3" in problem.message
    assert placeholder_problems(Path("docs/de/x.md"), "filled in", policy) == []


def test_the_footer_links_the_legal_pages_of_its_language_and_the_feed():
    german = footer("de", brand(holder="Veltrax AG"), 2026, {"de/legal-notice.md",
                                                              "de/privacy.md"})
    assert [(link.label, link.path) for link in german.links] == [
        ("Impressum", "de/legal-notice.md"), ("Datenschutz", "de/privacy.md"),
        ("Atom-Feed", "de/feed.xml")]
    assert german.copyright.startswith("© 2026 Veltrax AG. Die Rechte an den wiedergegebenen")
    assert footer("en", brand(), 2026, set()).copyright.startswith("© 2026 Press room.")


@pytest.mark.parametrize(("value", "accepted"), [
    ("images/ruling.jpg", True), ("https://cdn.example.com/ruling.jpg", False),
    ("//cdn.example.com/ruling.jpg", False), ("../secret.png", False),
    ("/images/ruling.jpg", False), ("images/ruling.txt", False)])
def test_a_storys_image_is_a_file_of_the_site(value, accepted):
    typed, problems = validate_editor_keys(Path("a.txt"), {"image": EditorKey(value, 3)})
    assert ("image" in typed) is accepted
    assert bool(problems) is not accepted and all(p.line == 3 for p in problems)


# Builds.

@pytest.mark.build
def test_strict_fails_while_a_placeholder_remains_when_the_option_warns(tmp_path):
    project = make_project(tmp_path, {"a.txt": GOOD})
    _placeholders(project, "warn")
    result = build(project, "--strict")
    assert result.returncode != 0
    assert re.search(r"WARNING .*docs/de/legal-notice\.md:7: placeholders still to be filled "
                     r"in: 'Name und Rechtsform des Unternehmens' and 9 more, on lines .* "
                     r"\(option placeholders: warn\)", result.stderr)
    # A plain build still builds, the placeholders marked.
    assert build(project).returncode == 0
    assert "Platzhalter: Name und Rechtsform" in read_page(project / "site", "de/legal-notice/")


@pytest.mark.build
def test_a_deploy_that_asks_for_it_fails_on_a_placeholder_even_without_strict(tmp_path):
    """The project's mkdocs.yml reads the option from PRESSROOM_PLACEHOLDERS (a note by
    default, so that `make site` builds the example press room)."""
    project = make_project(tmp_path, {"a.txt": GOOD})
    assert build(project, "--strict").returncode == 0
    result = subprocess.run([*ENGINE_COMMAND, "build"], cwd=project, capture_output=True, text=True,
                            env={**ENV, "PRESSROOM_PLACEHOLDERS": "error"}, timeout=300)
    assert result.returncode != 0
    assert "placeholders are still to be filled in (option placeholders: error)" in result.stderr
    assert "ERROR" in result.stderr and "docs/en/privacy.md:8" in result.stderr


@pytest.mark.build
def test_a_missing_legal_page_fails_strict_naming_it(tmp_path):
    project = make_project(tmp_path, {"a.txt": GOOD})
    (project / "docs" / "de" / "privacy.md").unlink()
    result = build(project, "--strict")
    assert result.returncode != 0
    assert "docs/de/privacy.md: is missing: every page links the legal pages" in result.stderr


@pytest.mark.build
def test_a_name_without_every_language_is_refused(tmp_path):
    project = make_project(tmp_path, {"a.txt": GOOD})
    _edited(project, r"^(      )name: .*$", r"\1name: {en: Harbour Newsroom}")
    result = build(project)
    assert result.returncode != 0 and "no text for 'de'" in result.stderr


NAMES = {"en": "Harbour Newsroom", "de": "Hafen-Pressebereich"}
LEAD = b"""---
title: Harbour court rules on smear posts
date: 2030-01-02
lang: en
image: images/court.png
image_alt: The court building's entrance at night
---
On January 2, 2030, the Harbour District Court ruled that fourteen posts about the company were
false and ordered their author to pay damages.
"""
# The smallest PNG there is: one transparent pixel.
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> Path:
    """The seeds and a newer story with an image, under another name, the legal pages and
    contacts filled in, with placeholders a warning: a strict build."""
    project = make_project(tmp_path_factory.mktemp("branded"))
    (project / "seeds" / "lead.txt").write_bytes(LEAD)
    (project / "docs" / "images").mkdir()
    (project / "docs" / "images" / "court.png").write_bytes(PIXEL)
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\[\[PLACEHOLDER: ([^\]]*)\]\]", r"(\1)", text),
                        encoding="utf-8")
    contacts = project / "seeds" / "contacts.yml"  # the contacts' details taken as real
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("  placeholder: true\n", ""),
                        encoding="utf-8")
    names = json.dumps(NAMES, ensure_ascii=False)
    _edited(project, r"^(      )name: .*$", rf"\1name: {names}\n\1copyright_holder: Harbour Ltd")
    _placeholders(project, "warn")
    result = build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def titles(site: Path, folder: str) -> dict[str, str]:
    return {str(page.relative_to(site)): html.unescape(
                re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"))[1])
            # Not the pages forwarding from former addresses: they are gone in an instant.
            for page in sorted((site / folder).rglob("*.html")) if not forwards(page)}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.build
def test_every_title_names_the_configured_press_room_in_its_language(branded, lang):
    found = titles(branded, lang)
    assert len(found) >= 20
    name = NAMES[lang]
    assert found[f"{lang}/index.html"] == name  # the front page: the name alone
    for page, title in found.items():
        assert title == name or title.endswith(f" - {name}"), (page, title)
        assert "Pressroom" not in title and (lang == "en" or "Press room" not in title)
    assert found[f"{lang}/legal-notice/index.html"] == (
        f"{'Legal notice' if lang == 'en' else 'Impressum'} - {name}")


@pytest.mark.build
def test_the_root_pages_name_every_language(branded):
    both = "Harbour Newsroom · Hafen-Pressebereich"
    root = (branded / "index.html").read_text(encoding="utf-8")
    assert html.unescape(re.search(r"<title>(.*?)</title>", root)[1]) == both
    assert ('<h1><span lang="en">Harbour Newsroom</span> · <span lang="de">'
            "Hafen-Pressebereich</span></h1>") in root
    missing = (branded / "404.html").read_text(encoding="utf-8")
    assert "<title>Page not found · Seite nicht gefunden</title>" in missing
    assert 'data-pressroom-name="Hafen-Pressebereich"' in missing


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.build
def test_header_feeds_and_data_carry_the_name_of_their_language(branded, lang):
    name = NAMES[lang]
    page = read_page(branded, f"{lang}/about/")
    assert re.search(rf'<span class="md-ellipsis">\s*{name}\s*</span>', page)
    assert f'<meta property="og:site_name" content="{name}">' in page
    assert f'title="{name}: {"latest stories" if lang == "en" else "neueste Artikel"}"' in page
    feed = (branded / lang / "feed.xml").read_text(encoding="utf-8")
    assert f"<name>{name}</name>" in feed
    front = read_page(branded, f"{lang}/")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                                front)[1])
    assert data["@type"] == "Organization" and data["name"] == name
    assert f"© {dt.date.today().year} Harbour Ltd." in page


@pytest.mark.build
def test_the_lead_shows_the_storys_image_with_its_description(branded):
    for lang in ("en", "de"):
        front = read_page(branded, f"{lang}/")
        lead = front[front.index('class="pressroom-lead"'):front.index('class="pressroom-stories"')]
        assert re.search(r'<img class="pressroom-lead__image" src="\.\./images/court\.png" '
                         r'alt="The court building&#x27;s entrance at night">', lead)
        assert "Harbour court rules on smear posts" in lead
    assert (branded / "images" / "court.png").exists()


@pytest.mark.build
def test_the_front_page_has_no_sidebar_or_table_of_contents(branded):
    front = read_page(branded, "en/")
    assert re.search(r'data-md-type="navigation" hidden', front)
    assert re.search(r'data-md-type="toc" hidden', front)
