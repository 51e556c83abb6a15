"""The JSON exports other tools read: every story with its versions, every case with its
facts, each as its published schema describes it."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator

from made_editions import errors_of, made_edition
from pressroom.addresses import Addresses
from pressroom.outputs.exports import SCHEMAS, articles_export, articles_json, cases_export
from pressroom.reuse import Reuse
from pressroom.stories.edition import Edition

SITE = "https://press.example.org/"
NAMES = {"en": "Example Press Room", "de": "Beispiel-Presseraum"}
JUDGMENT = "Judgment of the District Court of Examplestadt, 2 March 2026.\n"

# An outlet's article and the press room's German translation of it (which keeps one tag of
# the two), an English-only story that names the case itself, a draft the registry names,
# and the ruling as a document of the case.
SEEDS = {
    "ruling.txt": """---
title: Example GmbH wins its case against a rival bakery
date: 2026-03-02
lang: en
story: example-bakery-ruling
source: Example Gazette
summary: A court sided with Example GmbH.
tags: [Baking, Courts]
---
On 2 March 2026 the District Court of Examplestadt ruled for Example GmbH against Jane Roe.
Example GmbH says the rival bakery copied its recipe.
""",
    "ruling-de.txt": """---
title: Example GmbH gewinnt gegen eine andere Bäckerei
lang: de
story: example-bakery-ruling
tags: [Backen]
translation_of: ruling.txt
---
Am 2. März 2026 entschied das Amtsgericht Examplestadt zugunsten der Example GmbH.
Die Example GmbH sagt, die andere Bäckerei habe ihr Rezept kopiert.
""",
    "appeal.txt": """---
title: Jane Roe appeals the bakery ruling
date: 2026-04-10
lang: en
story: roe-appeals
cases: [example-v-roe]
source_url: https://gazette.example.com/roe-appeals
---
Jane Roe filed an appeal on 10 April 2026 against the ruling for Example GmbH.
""",
    "plans.txt": """---
title: Example GmbH plans a third bakery
date: 2026-05-20
lang: en
story: third-bakery
draft: true
---
Example GmbH plans a third bakery in Examplestadt.
""",
    "documents/judgment.txt": JUDGMENT,
}
TAXONOMY = """- id: baking
  labels: {en: Baking, de: Backen}
- id: courts
  labels: {en: Courts, de: Gerichte}
"""
# Line 10 of ruling.txt is its first line of text (the frontmatter counts), line 8 of
# ruling-de.txt the same sentence in German.
CASES = """- id: example-v-roe
  updated: 2026-03-05
  title:
    en: Example GmbH v. Jane Roe
    de: Example GmbH gegen Jane Roe
  kind: civil-defamation-suit
  jurisdiction: Exampleland
  court:
    en: District Court of Examplestadt
    de: Amtsgericht Examplestadt
  docket: 12 C 345/26
  parties:
    - name: Example GmbH
      role: plaintiff
      source:
        file: ruling.txt
        line: 10
        quote: "ruled for Example GmbH"
        de: {file: ruling-de.txt, line: 8, quote: "zugunsten der Example GmbH"}
  status: decided-first-instance
  final:
  outcome:
    basis: alleged
    by: Example GmbH
    en: The rival bakery copied the recipe.
    de: Die andere Bäckerei habe das Rezept kopiert.
  outcome_source:
    file: ruling.txt
    line: 11
    quote: "the rival bakery copied its recipe"
  events:
    - date: 2026-03-02
      kind: ruling
      basis: found
      instance: first
      text:
        en: The court ruled for Example GmbH.
        de: Das Gericht entschied für die Example GmbH.
      source:
        file: ruling.txt
        line: 10
        quote: "ruled for Example GmbH"
  stories: [example-bakery-ruling, third-bakery]
  documents:
    - file: documents/judgment.txt
      kind: ruling
      title: {en: Judgment, de: Urteil}
      date: 2026-03
      language: de
"""


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Edition:
    _, edition = made_edition(tmp_path_factory.mktemp("exports"), SEEDS, taxonomy=TAXONOMY,
                              cases=CASES, press_room=NAMES)
    # Every quote stands on its line and the document passed its checks: the registry is
    # read as the build reads it, and the exports are worth reading.
    assert errors_of(edition) == []
    return edition


def articles(edition: Edition, addresses: Addresses | None = None) -> dict:
    # Through JSON and back, as a tool reads the file.
    return json.loads(json.dumps(articles_export(edition, addresses or Addresses(SITE))))


def cases(edition: Edition) -> dict:
    return json.loads(json.dumps(cases_export(edition, Addresses(SITE))))


def story(data: dict, story_id: str) -> dict:
    (found,) = [story for story in data["stories"] if story["id"] == story_id]
    return found


def schema_errors(name: str, data: dict) -> list[str]:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(data)]


def wrong_articles(data: dict) -> None:
    data["stories"][0]["translation_status"]["de"] = "absent"
    data["stories"][0]["date"] = "2026-02-30"  # a day that does not exist


def wrong_cases(data: dict) -> None:
    data["cases"][0]["outcome"]["basis"]["kind"] = "rumoured"
    data["cases"][0]["updated"] = "2026-13-01"


@pytest.mark.parametrize(("name", "export", "spoil"), [
    ("articles", articles, wrong_articles), ("cases", cases, wrong_cases)],
    ids=["articles", "cases"])
def test_each_export_validates_against_its_schema_which_refuses_a_spoilt_one(edition, name,
                                                                             export, spoil):
    data = export(edition)
    assert schema_errors(name, data) == []
    # The same data, spoilt twice: proof that the validation above looks at it.
    spoil(data)
    assert len(schema_errors(name, data)) == 2


def test_the_export_has_every_published_story_and_no_draft(edition):
    assert [story["id"] for story in articles(edition)["stories"]] == [
        "roe-appeals", "example-bakery-ruling"]  # newest first


def test_each_version_carries_its_own_absolute_address(edition):
    ruling = story(articles(edition), "example-bakery-ruling")
    assert {lang: version["url"] for lang, version in ruling["versions"].items()} == {
        "en": f"{SITE}en/stories/example-bakery-ruling/",
        "de": f"{SITE}de/artikel/example-bakery-ruling/"}
    for version in ruling["versions"].values():
        assert urlsplit(version["url"]).netloc == "press.example.org"
    # They follow the site's address and its scheme of URLs.
    flat = articles(edition, Addresses("https://press.example.org/room", directory_urls=False))
    assert story(flat, "roe-appeals")["versions"]["en"]["url"] == (
        "https://press.example.org/room/en/stories/roe-appeals.html")


def test_a_story_in_one_language_lists_only_its_real_version(edition):
    appeal = story(articles(edition), "roe-appeals")
    assert appeal["translation_status"] == {"en": "available", "de": "missing"}
    assert list(appeal["versions"]) == ["en"]
    assert appeal["versions"]["en"]["source_url"] == "https://gazette.example.com/roe-appeals"


def test_a_translation_names_its_original_and_the_press_room_as_its_publisher(edition):
    versions = story(articles(edition), "example-bakery-ruling")["versions"]
    assert (versions["de"]["translation_of"], versions["de"]["publisher"]) == (
        "en", "Beispiel-Presseraum")
    assert (versions["en"]["translation_of"], versions["en"]["publisher"]) == (
        None, "Example Gazette")


def test_only_a_date_the_page_gives_is_a_publication_date(edition):
    ruling = story(articles(edition), "example-bakery-ruling")
    assert ruling["date"] == "2026-03-02"  # the original's
    assert ruling["versions"]["en"]["date_is_publication"] is True
    # The translation is dated by the day its text names, which is no publication date.
    assert ruling["versions"]["de"]["date"] == "2026-03-02"
    assert ruling["versions"]["de"]["date_is_publication"] is False


def test_tags_are_each_versions_own_with_every_label(edition):
    versions = story(articles(edition), "example-bakery-ruling")["versions"]
    assert [tag["id"] for tag in versions["en"]["tags"]] == ["baking", "courts"]
    assert versions["de"]["tags"] == [{"id": "baking",
                                       "labels": {"en": "Baking", "de": "Backen"}}]


def test_a_story_names_the_cases_it_reports_by_the_registry_or_by_its_source(edition):
    data = articles(edition)
    assert story(data, "example-bakery-ruling")["cases"] == ["example-v-roe"]  # the registry
    assert story(data, "roe-appeals")["cases"] == ["example-v-roe"]  # its own `cases` key


def test_a_claim_stays_a_claim_and_each_fact_names_its_source_sentence(edition):
    (case,) = cases(edition)["cases"]
    assert case["outcome"] == {
        "text": {"en": "The rival bakery copied the recipe.",
                 "de": "Die andere Bäckerei habe das Rezept kopiert."},
        "basis": {"kind": "alleged", "by": {"en": "Example GmbH", "de": "Example GmbH"},
                  "instance": None}}
    (ruling,) = case["events"]
    assert ruling["basis"] == {"kind": "found", "by": None, "instance": "first"}
    # Not reported is not false: a first-instance ruling says nothing of finality.
    assert case["final"] is None and case["status"] == "decided-first-instance"
    # The sentence a fact rests on, and the same sentence in the other language's version.
    assert case["parties"][0]["source"] == {
        "file": "ruling.txt", "line": 10, "quote": "ruled for Example GmbH",
        "de": {"file": "ruling-de.txt", "line": 8, "quote": "zugunsten der Example GmbH"}}


def test_a_case_is_at_its_anchor_and_links_its_published_stories_not_a_draft(edition):
    (case,) = cases(edition)["cases"]
    assert case["urls"] == {"en": f"{SITE}en/cases/#example-v-roe",
                            "de": f"{SITE}de/verfahren/#example-v-roe"}
    linked = {story["id"]: story["urls"] for story in case["stories"]}
    assert linked["example-bakery-ruling"] == {
        "en": f"{SITE}en/stories/example-bakery-ruling/",
        "de": f"{SITE}de/artikel/example-bakery-ruling/"}
    # The registry names the draft too, but it has no page yet to link to.
    assert "third-bakery" not in linked


def test_a_document_carries_its_published_address_size_and_partial_date(edition):
    (case,) = cases(edition)["cases"]
    assert case["documents"] == [{
        "file": "documents/judgment.txt", "url": f"{SITE}cases/example-v-roe/judgment.txt",
        "kind": "ruling", "title": {"en": "Judgment", "de": "Urteil"}, "date": "2026-03",
        "language": "de", "media_type": "text/plain", "bytes": len(JUDGMENT.encode())}]


def test_the_articles_file_is_the_export_as_json_writes_it_made_story_by_story(edition,
                                                                                tmp_path):
    addresses = Addresses(SITE)
    whole = json.dumps(articles_export(edition, addresses), ensure_ascii=False, indent=2) + "\n"
    reuse = Reuse()
    assert articles_json(edition, addresses, reuse) == whole
    reuse.next_build()
    assert articles_json(edition, addresses, reuse) == whole  # each story's text taken again
    # Another address is in every entry: nothing is taken from the build before.
    elsewhere = Addresses("https://elsewhere.example.net/")
    assert articles_json(edition, elsewhere, reuse) == json.dumps(
        articles_export(edition, elsewhere), ensure_ascii=False, indent=2) + "\n"
    _, empty = made_edition(tmp_path, {}, press_room=NAMES)
    assert articles_json(empty, addresses, reuse) == json.dumps(
        articles_export(empty, addresses), ensure_ascii=False, indent=2) + "\n"
