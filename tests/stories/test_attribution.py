"""Attribution: what the press room wrote says it is the press room's; what an outlet wrote
keeps its outlet; dates are days; tags belong to the version that has them.

Unit tests over small invented clippings, then checks over the site built from the seeds.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import feedparser
import pytest

from conftest import SEEDS, at, make_article
from pressroom.model import EditorKey, Inferred, by_rule
from pressroom.outputs.structured_data import Work, named_organization, news_article, open_graph
from pressroom.pages.story_html import OtherVersion, StoryExtras, story_body
from pressroom.problems import Severity
from pressroom.sources.editor_keys import validate_editor_keys
from pressroom.sources.ingest import ingest
from pressroom.stories.edition import Edition, prepare_edition
from pressroom.stories.grouping import Story
from pressroom.stories.taxonomy import Tag, Taxonomy
from pressroom.stories.translations import Relation
from sitebuild import article_text, read_page

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
PRESS_ROOM = "Veltrax Press Room"
COURTS = Tag("courts", {"en": "Courts", "de": "Gerichte"})
DAMAGES = Tag("damages", {"en": "Damages", "de": "Schadenersatz"})
TAXONOMY = Taxonomy([COURTS, DAMAGES])

# Invented clippings: an outlet's English report and a German text about the same ruling.
ENGLISH = ("The regional court ruled on 3 March 2025 that fourteen posts about Veltrax were "
           "false and ordered their author to pay EUR 20,000.\n"
           "Veltrax had asked the court for an apology and for the posts to be deleted.")
GERMAN = ("Das Landgericht entschied am 3. März 2025, dass vierzehn Beiträge über Veltrax "
          "falsch waren, und verurteilte den Verfasser zur Zahlung von 20.000 Euro.\n"
          "Veltrax hatte eine Entschuldigung und die Löschung der Beiträge verlangt.")


def clipping(lang: str, body: str, **keys: object) -> bytes:
    head = {"title": f"Ruling on Veltrax ({lang})", "date": "2025-03-03", "lang": lang,
            "story": "veltrax-ruling", **keys}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in head.items()]
    return ("---\n" + "\n".join(lines) + "\n---\n" + body + "\n").encode("utf-8")


def edition_of(tmp_path: Path, files: dict[str, bytes]) -> tuple[Edition, Path]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, content in files.items():
        (seeds / name).write_bytes(content)
    edition = prepare_edition(ingest(seeds), TAXONOMY, [], now=NOW, preview=False,
                              require_translations=False, seeds=seeds,
                              cases_file=Path("cases.yml"), press_room=PRESS_ROOM)
    return edition, seeds


def about(edition: Edition, severity: Severity, words: str) -> list:
    return [p for p in edition.problems if p.severity is severity and words in p.message]


def line_of(path: Path, key: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1)
                if line.startswith(f"{key}:"))


# The editor's key


@pytest.mark.parametrize("value", ["../outside.txt", "/etc/passwd.txt", ".hidden.txt",
                                   "folder\\file.txt", "a//b.txt", ""])
def test_translation_of_must_name_a_file_of_the_seeds_folder(value):
    _, (problem,) = validate_editor_keys(Path("s.txt"), {"translation_of": EditorKey(value, 4)})
    assert problem.severity is Severity.ERROR and problem.line == 4
    assert "translation_of" in problem.message


def test_a_translation_names_its_original_and_is_published_by_the_press_room(tmp_path):
    edition, seeds = edition_of(tmp_path, {
        "en.txt": clipping("en", ENGLISH, source="Court Weekly"),
        "de.txt": clipping("de", GERMAN, translation_of="en.txt"),
    })
    assert [p for p in edition.problems if p.severity is not Severity.NOTE] == []
    (story,) = edition.stories
    german, english = story.versions["de"], story.versions["en"]
    assert edition.translation_of == {seeds / "de.txt": seeds / "en.txt"}
    assert german.publisher.value == PRESS_ROOM and english.publisher.value == "Court Weekly"
    assert edition.original_of(story, "de") is english and edition.original_of(story, "en") is None
    assert edition.related(story, "de") == [(english, Relation.ORIGINAL)]
    assert edition.related(story, "en") == [(german, Relation.TRANSLATION)]


def test_without_the_key_two_versions_are_independent_coverage(tmp_path):
    edition, _ = edition_of(tmp_path, {
        "en.txt": clipping("en", ENGLISH, source="Court Weekly"),
        "de.txt": clipping("de", GERMAN, source="Gerichtsblatt"),
    })
    (story,) = edition.stories
    assert edition.related(story, "en") == [(story.versions["de"], Relation.COVERAGE)]
    assert edition.original_of(story, "de") is None
    assert story.versions["de"].publisher.value == "Gerichtsblatt"


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({"de.txt": clipping("de", GERMAN, translation_of="missing.txt")},
         "'missing.txt' is not a published source"),
        ({"en.txt": clipping("en", ENGLISH), "de.txt": clipping("de", GERMAN),
          "de2.txt": clipping("de", GERMAN + "\nNoch ein Satz.", story="other",
                              translation_of="de.txt")},
         "is in 'de' too"),
        ({"en.txt": clipping("en", ENGLISH, story="one"),
          "de.txt": clipping("de", GERMAN, story="two", translation_of="en.txt")},
         "is not the other version of this story"),
    ],
)
def test_a_wrong_translation_of_is_an_error_naming_the_file_and_line(tmp_path, files, words):
    edition, seeds = edition_of(tmp_path, files)
    translation = next(name for name, content in files.items() if b"translation_of" in content)
    (problem,) = about(edition, Severity.ERROR, words)
    assert problem.path == seeds / translation
    assert problem.line == line_of(seeds / translation, "translation_of")
    assert "translation_of" in problem.message
    assert edition.translation_of == {}


def test_two_versions_that_name_each_other_are_an_error(tmp_path):
    edition, seeds = edition_of(tmp_path, {
        "de.txt": clipping("de", GERMAN, translation_of="en.txt"),
        "en.txt": clipping("en", ENGLISH, translation_of="de.txt"),
    })
    (problem,) = about(edition, Severity.ERROR, "names this file as its original")
    assert problem.path.parent == seeds
    assert problem.line == line_of(problem.path, "translation_of")
    assert len(edition.translation_of) == 1


def test_an_outlet_given_as_a_translations_source_is_a_warning_and_not_its_publisher(tmp_path):
    edition, seeds = edition_of(tmp_path, {
        "en.txt": clipping("en", ENGLISH, source="Court Weekly"),
        "de.txt": clipping("de", GERMAN, source="Court Weekly", translation_of="en.txt"),
    })
    (problem,) = about(edition, Severity.WARNING, "is not the publisher of the press room's")
    assert problem.path == seeds / "de.txt" and problem.line == line_of(seeds / "de.txt", "source")
    assert edition.stories[0].versions["de"].publisher.value == PRESS_ROOM


def test_a_translation_does_not_go_out_before_its_original(tmp_path):
    edition, seeds = edition_of(tmp_path, {
        "en.txt": clipping("en", ENGLISH, draft=True),
        "de.txt": clipping("de", GERMAN, translation_of="en.txt"),
    })
    (problem,) = about(edition, Severity.ERROR, "is not published")
    assert problem.path == seeds / "de.txt"


# Tags


def test_tags_belong_to_the_version_that_has_them(tmp_path):
    edition, _ = edition_of(tmp_path, {
        "en.txt": clipping("en", ENGLISH, tags=["Courts"]),
        "de.txt": clipping("de", GERMAN, tags=["Gerichte", "Schadenersatz"]),
        "only.txt": clipping("en", ENGLISH.replace("fourteen", "nine"), story="english-only",
                             tags=["Damages"], date="2025-03-01"),
    })
    story, english_only = edition.story("veltrax-ruling"), edition.story("english-only")
    assert edition.tags_of(story, "en") == [COURTS]
    assert edition.tags_of(story, "de") == [COURTS, DAMAGES]
    # A story missing in German stands in with its original, and with the original's tags.
    assert edition.tags_of(english_only, "de") == [DAMAGES]
    assert edition.by_tag("en") == {"courts": [story], "damages": [english_only]}
    assert edition.by_tag("de") == {"courts": [story], "damages": [story, english_only]}


# What the page says


def test_a_translation_page_names_the_press_room_and_the_originals_publisher():
    article = make_article("de", "Text des Urteils.", title="Urteil")
    original = OtherVersion(Relation.ORIGINAL, "en", "Ruling <b>now</b>", "en/stories/r.md",
                            "Court & Weekly")
    rendered = story_body(article, "de", "3. März 2025 · Pressebereich",
                          StoryExtras(others=[original]), lambda path: f"/{path}")
    line = re.search(r'<p class="pressroom-attribution"[^>]*>(.*?)</p>', rendered.html)[1]
    assert line == ('Übersetzung des Pressebereichs; Original (Englisch): <a hreflang="en" '
                    'lang="en" href="/en/stories/r.md">Ruling &lt;b&gt;now&lt;/b&gt;</a>, '
                    "veröffentlicht von Court &amp; Weekly")


@pytest.mark.parametrize(
    ("relation", "publisher", "expected"),
    [
        (Relation.TRANSLATION, PRESS_ROOM, "Translation by the press room (German): "),
        (Relation.COVERAGE, "Gerichtsblatt", "Independent coverage in German: "),
        (Relation.COVERAGE, None, "Independent coverage in German: "),
    ],
)
def test_an_original_names_its_translation_and_coverage_is_named_as_such(relation, publisher,
                                                                        expected):
    article = make_article("en", "Text of the ruling.", title="Ruling")
    other = OtherVersion(relation, "de", "Urteil", "de/artikel/r.md", publisher)
    rendered = story_body(article, "en", "March 3, 2025", StoryExtras(others=[other]),
                          lambda path: path)
    line = re.search(r'<p class="pressroom-attribution"[^>]*>(.*?)</p>', rendered.html)[1]
    assert line.startswith(expected + '<a hreflang="de" lang="de" href="de/artikel/r.md">')
    assert line.endswith(", published by Gerichtsblatt" if relation is Relation.COVERAGE
                         and publisher else "Urteil</a>")


# What the data says


def dated(article, publisher: str | None = None):
    return type(article)(**{**article.__dict__, "date": Inferred(dt.date(2025, 5, 14),
                                                                 by_rule("test")),
                            "publisher": Inferred(publisher, by_rule("test"))})


PRESS_ROOM_ORG = named_organization(PRESS_ROOM, "https://press.example/")


def test_json_ld_of_a_translation_names_the_translator_and_the_originals_publisher():
    article = dated(make_article("de", "Text.", title="Urteil"), PRESS_ROOM)
    data = news_article(article, "https://press.example/de/r/", "de", [], PRESS_ROOM_ORG,
                        Work("en", "https://press.example/en/r/", "Court Weekly"))
    assert data["translator"] == data["publisher"] == PRESS_ROOM_ORG
    assert data["translationOfWork"] == {
        "@type": "NewsArticle", "url": "https://press.example/en/r/", "inLanguage": "en",
        "publisher": {"@type": "Organization", "name": "Court Weekly"}}
    assert data["datePublished"] == "2025-05-14"


def test_json_ld_of_an_original_names_its_translations_and_keeps_its_publisher():
    article = dated(make_article("en", "Text.", title="Ruling"), "Court Weekly")
    data = news_article(article, "https://press.example/en/r/", "en", [], PRESS_ROOM_ORG,
                        translations=[Work("de", "https://press.example/de/r/", PRESS_ROOM)])
    assert data["publisher"] == {"@type": "Organization", "name": "Court Weekly"}
    assert "translator" not in data and "translationOfWork" not in data
    (work,) = data["workTranslation"]
    assert work["translator"] == work["publisher"] == PRESS_ROOM_ORG


def test_json_ld_of_independent_coverage_claims_no_translation():
    article = dated(make_article("en", "Text.", title="Ruling"), "Court Weekly")
    data = news_article(article, "https://press.example/en/r/", "en", [], PRESS_ROOM_ORG)
    assert not {"translator", "translationOfWork", "workTranslation"} & set(data)


def test_open_graph_gives_the_day_without_a_time():
    article = dated(make_article("en", "Text.", title="Ruling"))
    pairs = dict(open_graph(article, "https://press.example/en/r/", [], "en"))
    assert pairs["article:published_time"] == "2025-05-14"


# The site built from the seeds

SITE_URL = "https://pressroom.example.org/"
JUNHE = "junhe-represented-xiaomi-corporation-to-obtain-an-injunction-from-beijing"
BLACK_PR = "xiaomi-dismantles-black-pr-smear-campaign-with-chinese-law-enforcement"
TRANSLATED = ["xiaomi-secures-legal-victory-against-online-defamation", JUNHE,
              "lei-jun-announces-legal-action-against-false-information-campaigns"]
STORIES = [*TRANSLATED, BLACK_PR]


def json_ld(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page,
                                re.S)[1])


def dateline(page: str) -> str:
    return re.search(r'<p data-pagefind-ignore data-pagefind-meta="dateline"[^>]*>([^<]*)</p>',
                     page)[1]


def attribution(page: str) -> str:
    """The line beside the dateline that says who wrote what, as a reader reads it."""
    (line,) = re.findall(r'<p class="pressroom-attribution"[^>]*>(.*?)</p>', page)
    return html.unescape(re.sub(r"<[^>]+>", "", line))


@pytest.mark.build
def test_the_german_translation_of_seed_003_is_the_press_rooms(site):
    page = read_page(site, f"de/artikel/{JUNHE}/")
    text = article_text(site / "de/artikel" / JUNHE / "index.html")
    assert "Übersetzung des Pressebereichs" in text
    assert attribution(page) == (
        "Übersetzung des Pressebereichs; Original (Englisch): JunHe Represented Xiaomi "
        "Corporation to Obtain an Injunction from Beijing Internet Court and Fully win the "
        "First Instance, veröffentlicht von JunHe")
    # The press room is named in the page's language (mkdocs.yml: the plugin's `name`).
    assert dateline(page) == "30. Mai 2023 · Pressebereich"
    data = json_ld(page)
    press_room = {"@type": "Organization", "name": "Pressebereich", "url": SITE_URL}
    assert data["translator"] == press_room and data["publisher"] == press_room
    assert data["translationOfWork"] == {
        "@type": "NewsArticle", "url": f"{SITE_URL}en/stories/{JUNHE}/", "inLanguage": "en",
        "publisher": {"@type": "Organization", "name": "JunHe"}}
    english = json_ld(read_page(site, f"en/stories/{JUNHE}/"))
    assert english["publisher"] == {"@type": "Organization", "name": "JunHe"}
    assert english["workTranslation"][0]["translator"] == {**press_room, "name": "Press room"}


@pytest.mark.parametrize("story", TRANSLATED)
@pytest.mark.build
def test_every_german_translation_names_its_translator(site, story):
    data = json_ld(read_page(site, f"de/artikel/{story}/"))
    assert data["translator"]["name"] == "Pressebereich"
    assert data["translationOfWork"]["url"] == f"{SITE_URL}en/stories/{story}/"
    assert dateline(read_page(site, f"de/artikel/{story}/")).endswith(" · Pressebereich")


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.build
def test_seeds_001_and_002_are_independent_coverage_not_translations(site, lang):
    page = read_page(site, f"{at(lang, 'stories')}/{BLACK_PR}/")
    data = json_ld(page)
    assert "translationOfWork" not in data and "workTranslation" not in data
    assert "translator" not in data
    text = article_text(site / at(lang, "stories") / BLACK_PR / "index.html")
    if lang == "en":
        assert attribution(page) == ("Independent coverage in German: Xiaomi stoppt „Black PR“-"
                                     "Kampagne mit chinesischen Justizbehörden, published by "
                                     "XiaomiWelt")
    else:
        assert attribution(page) == ("Eigenständige Berichterstattung auf Englisch: Xiaomi "
                                     "Dismantles “Black PR” Smear Campaign with Chinese Law "
                                     "Enforcement")
        assert data["publisher"]["name"] == "XiaomiWelt"
    assert "Pressebereichs" not in text and "by the press room" not in text


# Seed 003 gives its publication date in a dateline; the others name dates only in their text.
DATED_BY_PAGE = "junhe-represented-xiaomi-corporation-to-obtain-an-injunction-from-beijing"


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.build
def test_dates_without_a_time_are_dates(site, lang):
    page = read_page(site, f"{at(lang, 'stories')}/{DATED_BY_PAGE}/")
    assert json_ld(page)["datePublished"] == "2023-05-30"
    (published,) = re.findall(r'<meta property="article:published_time" content="([^"]*)">',
                              page)
    assert published == "2023-05-30"


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("story", [story for story in STORIES if story != DATED_BY_PAGE])
@pytest.mark.build
def test_a_date_only_the_text_names_is_not_published_as_the_publication_date(site, lang, story):
    page = read_page(site, f"{at(lang, 'stories')}/{story}/")
    assert "datePublished" not in json_ld(page)
    assert "article:published_time" not in page
    wording = {"en": "publication date not reported (first date in the text: ",
               "de": "Erscheinungsdatum nicht bekannt (erstes Datum im Text: "}[lang]
    assert wording in page


def seed_tags() -> dict[str, set[str]]:
    """The tag labels of seeds 001 (English) and 002 (German), read from the sources."""
    articles = {a.source.name[:3]: a for a in ingest(SEEDS).articles}
    return {"en": set(articles["001"].tags.value), "de": set(articles["002"].tags.value)}


def tags_on(page: str) -> list[str]:
    return re.findall(r'class="md-tag" data-pagefind-filter="tag" href="[^"]*">([^<]+)</a>',
                      page)


@pytest.mark.build
def test_a_tag_only_the_german_article_has_is_not_on_the_english_pages(site):
    german_only = seed_tags()["de"] - seed_tags()["en"]
    assert {"Redmi", "Poco"} <= german_only
    page = read_page(site, f"en/stories/{BLACK_PR}/")
    for label in ("Redmi", "Poco"):
        assert label not in tags_on(page)
        assert f'<meta property="article:tag" content="{label}">' not in page
        assert label not in json_ld(page)["keywords"]
        assert not (site / "en/tags" / label.lower()).exists()
        assert f'href="{label.lower()}/"' not in read_page(site, "en/tags/")
        assert label in tags_on(read_page(site, f"de/artikel/{BLACK_PR}/"))
    for tag_page in (site / "en/tags").glob("*/index.html"):
        listed = f"../../stories/{BLACK_PR}/" in tag_page.read_text(encoding="utf-8")
        assert listed == (tag_page.parent.name in {"xiaomi", "yu7", "hyperconnect", "xring-o1",
                                                    "legal-battle", "online-reputation"})


@pytest.mark.build
def test_a_tag_only_the_english_article_has_is_not_on_the_german_pages(site):
    page = read_page(site, f"de/artikel/{BLACK_PR}/")
    assert "Xring O1" in tags_on(read_page(site, f"en/stories/{BLACK_PR}/"))
    assert "Xring O1" not in tags_on(page) and "Rechtsstreit" not in tags_on(page)
    assert not (site / "de/schlagwoerter/xring-o1").exists()


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.build
def test_feeds_and_exports_carry_each_versions_own_tags(site, lang):
    feed = feedparser.parse((site / lang / "feed.xml").read_bytes())
    (entry,) = [e for e in feed.entries if BLACK_PR in e.link]
    terms = {tag.term for tag in entry.tags}
    data = json.loads((site / "api/articles.json").read_text(encoding="utf-8"))
    (story,) = [s for s in data["stories"] if s["id"] == BLACK_PR]
    exported = {tag["id"] for tag in story["versions"][lang]["tags"]}
    expected = ({"xiaomi", "yu7", "hyperconnect", "xring-o1", "legal-battle", "online-reputation"}
                if lang == "en" else {"xiaomi", "redmi", "poco", "yu7"})
    assert terms == exported == expected
    translation = {s["id"]: s["versions"]["de"]["translation_of"] for s in data["stories"]}
    assert translation == {**dict.fromkeys(TRANSLATED, "en"), BLACK_PR: None}


def test_versions_are_coverage_unless_an_editor_says_otherwise():
    """The relation is the editor's word alone: a story of two versions with none is
    coverage, whatever language its versions are in."""
    english = make_article("en", "Text.", source="en.txt")
    german = make_article("de", "Text.", source="de.txt")
    story = Story("s", {"en": english, "de": german})
    edition = Edition([story])
    assert edition.related(story, "de") == [(english, Relation.COVERAGE)]
