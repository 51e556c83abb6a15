"""Tags, cases, feeds, exports and metadata in the site built from the seeds."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

import feedparser
import pytest
from jsonschema import Draft202012Validator

from conftest import FOLDERS, SEEDS, at
from pressroom.outputs.exports import SCHEMAS
from pressroom.publishing.moved import MOVED_MARK
from pressroom.sources.ingest import ingest
from pressroom.stories.cases import load_cases
from pressroom.stories.grouping import group_stories
from pressroom.stories.taxonomy import article_tags, load_taxonomy
from sitebuild import article_text, build, make_project, read_page, serving

pytestmark = pytest.mark.build

SITE_URL = "https://pressroom.example.org/"
STORIES = group_stories(ingest(SEEDS).articles)[0]
TAXONOMY = load_taxonomy(SEEDS / "taxonomy.yml")[0]
CASES = load_cases(SEEDS / "cases.yml")[0]


read = read_page


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_tag_of_every_version_is_on_its_tag_page_with_the_registry_label(site, lang):
    for story in STORIES:
        tags, problems = article_tags(story.versions[lang], TAXONOMY)
        assert problems == []
        story_page = read(site, f"{at(lang, 'stories')}/{story.id}/")
        for tag in tags:
            page = read(site, f"{at(lang, 'tags')}/{tag.id}/")
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", page)[1]
            assert html.unescape(heading) == tag.label(lang)
            stories, tags = FOLDERS["stories"][lang], FOLDERS["tags"][lang]
            assert f'href="../../{stories}/{story.id}/"' in page
            assert f'href="../../{tags}/{tag.id}/"' in story_page


def test_yu7_and_yu7_suv_are_one_tag(site):
    assert (site / "en/tags/yu7/index.html").exists()
    assert not (site / "en/tags/yu7-suv").exists()
    index = read(site, "de/schlagwoerter/")
    assert re.search(r'href="yu7/">YU7</a> \(1 Artikel\)', index)
    english = read(site, "en/tags/")
    assert re.search(r'href="xiaomi/">Xiaomi</a> \(2 stories\)', english)


CASE_FACTS = {
    "en": {
        "xiaomi-v-ling": ["Beijing Internet Court",
                          "Decided at first instance, finality not reported", "RMB 251,100"],
        "ling-v-xiaomi": ["Putuo District Court of Shanghai",
                          "Dismissed at first instance, finality not reported"],
        "xiaomi-v-minzhili": ["Decided (according to Xiaomi’s legal team), finality not "
                              "reported"],
        "black-pr-network": ["Criminal matter", "Ongoing"],
        "accounts-lawsuits-2025": ["Pending", "September 13, 2025"],
        "user-apology-2024": ["status not reported", "October 2024"],
    },
    "de": {
        "xiaomi-v-ling": ["Internetgericht Peking",
                          "Erstinstanzlich entschieden, Rechtskraft nicht bekannt", "RMB 251.100"],
        "ling-v-xiaomi": ["Volksgericht des Stadtbezirks Putuo, Shanghai",
                          "Erstinstanzlich abgewiesen, Rechtskraft nicht bekannt"],
        "xiaomi-v-minzhili": ["Entschieden (nach Angaben von Xiaomis Rechtsabteilung), "
                              "Rechtskraft nicht bekannt"],
        "black-pr-network": ["Strafsache", "Laufend"],
        "accounts-lawsuits-2025": ["Anhängig", "13. September 2025"],
        "user-apology-2024": ["Stand nicht bekannt", "Oktober 2024"],
    },
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_case_page_lists_the_six_cases_with_their_facts_and_coverage(site, lang):
    page = read(site, f"{at(lang, 'cases')}/")
    text = article_text(site / at(lang, "cases") / "index.html")
    table = page[page.index("<table"):page.index("</table>")]
    # The headings' row and one row per legal case.
    assert len(re.findall(r'<tr role="row">', table)) == 1 + 6
    for case in CASES:
        section = page[page.index(f'id="{case.id}"'):]
        section = section[:section.find("<h2", 10) if "<h2" in section[10:] else None]
        assert case.title[lang] in html.unescape(section)
        for fact in CASE_FACTS[lang].get(case.id, []):
            assert fact in text, (case.id, fact)
        for story in case.stories:
            assert f'href="../{FOLDERS["stories"][lang]}/{story}/"' in section
    context = page[page.index('id="rectification-campaign-2025"') - 400:]
    assert ("Context" if lang == "en" else "Hintergrund") in context
    assert "rectification-campaign-2025" not in table


def test_an_article_page_shows_the_cases_it_reports(site):
    page = read(site, "de/artikel/junhe-represented-xiaomi-corporation-to-obtain-an-injunction-"
                      "from-beijing/")
    assert 'href="../../verfahren/#xiaomi-v-ling"' in page
    assert 'href="../../verfahren/#ling-v-xiaomi"' in page


@pytest.mark.parametrize("name", ["articles", "cases"])
def test_the_json_exports_validate_against_their_schemas(site, name):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    data = json.loads((site / "api" / f"{name}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(data)) == []
    assert (site / "api" / f"{name}.schema.json").exists()


def test_the_articles_export_has_every_story_with_its_urls(site):
    data = json.loads((site / "api/articles.json").read_text(encoding="utf-8"))
    assert {story["id"] for story in data["stories"]} == {story.id for story in STORIES}
    for story in data["stories"]:
        assert story["translation_status"] == {"en": "available", "de": "available"}
        for lang, version in story["versions"].items():
            assert version["url"] == f"{SITE_URL}{at(lang, 'stories')}/{story['id']}/"
    cases = json.loads((site / "api/cases.json").read_text(encoding="utf-8"))["cases"]
    ling = next(case for case in cases if case["id"] == "xiaomi-v-ling")
    assert ling["urls"]["de"] == f"{SITE_URL}de/verfahren/#xiaomi-v-ling"
    assert [r["amount"] for r in ling["remedies"] if r["kind"] == "payment"] == [251100]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_feeds_parse_and_carry_the_language_and_absolute_addresses(site, lang):
    feed = feedparser.parse((site / lang / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == lang
    assert len(feed.entries) == len(STORIES)
    for entry in feed.entries:
        assert entry.link.startswith(f"{SITE_URL}{at(lang, 'stories')}/")
        assert entry.id.startswith("urn:uuid:")
    tag_feed = feedparser.parse((site / lang / "tags/xiaomi/feed.xml").read_bytes())
    assert not tag_feed.bozo and len(tag_feed.entries) == 2
    page = read(site, f"{lang}/")
    assert (f'<link rel="alternate" type="application/atom+xml" hreflang="{lang}"' in
            re.sub(r"\s+", " ", page))


def test_feed_entry_ids_are_stable_across_builds(site, tmp_path):
    project = make_project(tmp_path)
    assert build(project, site_url="https://elsewhere.example.net/").returncode == 0
    first = [entry.id for entry in feedparser.parse((site / "en/feed.xml").read_bytes()).entries]
    again = feedparser.parse((project / "site/en/feed.xml").read_bytes()).entries
    assert first == [entry.id for entry in again]


def json_ld(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page,
                                re.S)[1])


def test_article_pages_describe_themselves_for_machines(site):
    story = next(story for story in STORIES if story.id.startswith("xiaomi-secures"))
    english = read(site, f"en/stories/{story.id}/")
    german = read(site, f"de/artikel/{story.id}/")
    data = json_ld(german)
    assert data["@type"] == "NewsArticle" and data["inLanguage"] == "de"
    assert data["headline"] == story.versions["de"].title.value
    assert "datePublished" not in data  # its only date is one its text names
    assert data["url"] == f"{SITE_URL}de/artikel/{story.id}/"
    assert data["translationOfWork"]["url"] == f"{SITE_URL}en/stories/{story.id}/"
    assert "Online-Diffamierung" in data["keywords"]
    assert json_ld(english)["workTranslation"][0]["url"] == data["url"]
    assert '<meta property="og:type" content="article">' in english
    assert "article:published_time" not in english  # the date is one its text names
    assert '<meta property="article:tag" content="Online defamation">' in english
    summary = story.versions["en"].summary.value
    assert summary.startswith("Xiaomi’s legal victory against defamation underscores")
    assert f'<meta name="description" content="{summary}">' in english
    assert json_ld(read(site, "de/"))["@type"] == "Organization"


def meta_properties(page: str) -> dict[str, str]:
    return {html.unescape(name): html.unescape(value) for name, value in re.findall(
        r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', page)}


def test_every_page_gives_link_previews_a_title_an_address_and_an_image_the_site_has(site):
    pages = [path for lang in ("en", "de") for path in (site / lang).rglob("index.html")
             if MOVED_MARK not in path.read_text(encoding="utf-8")]
    assert len(pages) > 40
    for path in pages:
        found = meta_properties(path.read_text(encoding="utf-8"))
        where = path.relative_to(site)
        assert found["og:type"] in ("article", "website"), where
        assert found["og:title"] and found["twitter:card"] == "summary_large_image", where
        assert found["og:url"] == SITE_URL + str(where.parent) + "/", where
        image = found["og:image"]
        assert image.startswith(SITE_URL) and found["og:image:alt"], where
        assert (site / image.removeprefix(SITE_URL)).is_file(), where


PUBLIC = (SEEDS / "000_b899426bec3aca79.txt").read_bytes()
HELD = (SEEDS / "004_e53124b072d22cea.txt").read_bytes()


@pytest.fixture(scope="module")
def held_back(tmp_path_factory):
    """A public story, a draft, and a story under embargo until 2030 (tagged, both)."""
    project = make_project(tmp_path_factory.mktemp("held"), {
        "public.txt": PUBLIC,
        "draft.txt": b"---\ndraft: true\ntags: [Xiaomi]\n---\n" + HELD.replace(
            b"Lei Jun Announces", b"Lei Jun Drafts"),
        "embargo.txt": b"---\nembargo: 2030-01-01T00:00:00+00:00\ntags: [Xiaomi]\n---\n" + HELD,
    })
    return project


def everything_published(project: Path) -> str:
    site = project / "site"
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in site.rglob("*")
             if path.is_file() and path.suffix in (".html", ".xml", ".json")]
    return "\n".join(texts)


def test_drafts_and_embargoed_stories_are_absent_everywhere_until_their_time(held_back):
    result = build(held_back, "--strict", now="2029-12-31T23:00:00+00:00")
    assert result.returncode == 0, result.stderr
    published = everything_published(held_back)
    assert "Minzhili" in published
    for word in ("Lei Jun Announces", "Lei Jun Drafts", "lei-jun"):
        assert word not in published
    entry = json.loads((held_back / "site/pagefind/en/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 5  # the public story and the hand-written
    english, german = (indexed_urls(held_back / "site", lang) for lang in ("en", "de"))
    assert [url for url in english if "/stories/" in url] == [
        "/en/stories/xiaomi-secures-legal-victory-against-online-defamation/"]
    # The public story is English only: its German page stands in, and is no German result.
    assert german and not [url for url in german if "/stories/" in url]


def indexed_urls(site: Path, lang: str) -> list[str]:
    """The pages in a language's search index, read from Pagefind's fragments (gzip, then a
    marker, then JSON)."""
    fragments = (site / "pagefind" / lang / "fragment").glob("*.pf_fragment")
    return sorted(json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
                  ["url"] for path in fragments)


def test_the_next_build_after_the_embargo_publishes_it(held_back):
    result = build(held_back, "--strict", now="2030-01-01T00:00:01+00:00")
    assert result.returncode == 0, result.stderr
    published = everything_published(held_back)
    assert "Lei Jun Announces" in published and "Lei Jun Drafts" not in published
    feed = feedparser.parse((held_back / "site/en/tags/xiaomi/feed.xml").read_bytes())
    assert any("Lei Jun Announces" in entry.title for entry in feed.entries)


def test_serve_shows_held_back_stories_with_a_banner_and_reports_tag_candidates(tmp_path):
    project = make_project(tmp_path, {
        "public.txt": b"---\ntags: [Xiaomi, Quantum Gravity]\n---\n" + PUBLIC,
        "draft.txt": b"---\ndraft: true\n---\n" + HELD,
    })
    with serving(project) as fetch:
        draft = fetch("de/artikel/lei-jun-announces-legal-action-against-false-information-"
                      "campaigns/")
        report = fetch("editor-report/")
    assert "Entwurf: Dieser Artikel wird auf der veröffentlichten Website nicht angezeigt" in draft
    assert "Quantum Gravity" in report and "seeds/public.txt" in report
