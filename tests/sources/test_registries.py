"""The taxonomy and the case registry: loaded with lines, checked against the sources."""

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import SEEDS, make_article
from pressroom.outputs.structured_data import script_json
from pressroom.problems import Severity
from pressroom.sources.ingest import ingest
from pressroom.stories.cases import check_cases, load_cases
from pressroom.stories.edition import prepare_edition
from pressroom.stories.grouping import group_stories
from pressroom.stories.taxonomy import article_tags, load_taxonomy

TAXONOMY = SEEDS / "taxonomy.yml"
CASES = SEEDS / "cases.yml"


def test_spellings_cases_languages_and_variants_meet_in_one_tag():
    taxonomy, problems = load_taxonomy(TAXONOMY)
    assert problems == []
    assert taxonomy.find("YU7") is taxonomy.find("YU7 SUV") is taxonomy.find("yu7-suv,")
    assert taxonomy.find("XIAOMI-W") is taxonomy.find("Xiaomi")
    assert taxonomy.find("online defamation") is taxonomy.find("Online-Verleumdung")
    assert taxonomy.find("Online-Verleumdung").label("de") == "Online-Diffamierung"
    assert taxonomy.find("no such tag") is None


def test_an_unknown_tag_is_a_warning_naming_the_file_and_line():
    taxonomy, _ = load_taxonomy(TAXONOMY)
    article = make_article("en", "Text.", source="a.txt")
    article = type(article)(**{**article.__dict__, "tags": type(article.tags)(
        ("Xiaomi", "Quantum Gravity"), type(article.tags.provenance)("rule", "tag-line", 9))})
    tags, (problem,) = article_tags(article, taxonomy)
    assert [tag.id for tag in tags] == ["xiaomi"]
    assert problem.severity is Severity.WARNING and problem.line == 9
    assert "Quantum Gravity" in problem.message and str(problem.path) == "a.txt"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("- id: Bad Id\n  labels: {en: A, de: B}\n", 1, "lowercase"),
        ("- id: a\n  labels: {en: A}\n", 1, "label in each"),
        ("- id: a\n  labels: {en: A, de: B}\n- id: b\n  labels: {en: A, de: C}\n", 3,
         "already names"),
        ("- id: a\n  labels: [oops\n", 3, "not valid YAML"),
    ],
)
def test_taxonomy_errors_name_the_line(tmp_path, text, line, words):
    path = tmp_path / "taxonomy.yml"
    path.write_text(text, encoding="utf-8")
    _, (problem,) = load_taxonomy(path)
    assert problem.path == path and problem.line == line and words in problem.message


def source_lines():
    result = ingest(SEEDS)
    return result, {o.path.name: {line.number: line.text for line in o.cleaned.lines}
                    for o in result.outcomes}


def test_every_fact_of_the_registry_stands_in_its_source():
    cases, problems = load_cases(CASES)
    assert problems == []
    result, lines = source_lines()
    stories, _ = group_stories(result.articles)
    assert check_cases(cases, CASES, {story.id for story in stories}, lines) == []
    assert len([case for case in cases if not case.context]) == 6
    assert sum(len(case.references()) for case in cases) > 30


def test_a_quote_the_source_does_not_say_is_an_error_naming_the_registry_line(tmp_path):
    text = CASES.read_text(encoding="utf-8").replace(
        "pay expenses of RMB 251,100", "pay expenses of RMB 521,100")
    path = tmp_path / "cases.yml"
    path.write_text(text, encoding="utf-8")
    cases, _ = load_cases(path)
    result, lines = source_lines()
    stories, _ = group_stories(result.articles)
    (problem,) = check_cases(cases, path, {story.id for story in stories}, lines)
    assert problem.severity is Severity.ERROR and "RMB 521,100" in problem.message
    # The error names the fact's own line (its source's "file:"), not the case's first line.
    quote = next(number for number, line in enumerate(text.splitlines(), 1)
                 if 'quote: "compensate for economic loss and pay expenses of RMB 521,100"' in line)
    assert problem.line == quote - 2


def test_a_story_that_does_not_exist_is_an_error(tmp_path):
    path = tmp_path / "cases.yml"
    path.write_text(CASES.read_text(encoding="utf-8").replace(
        "stories: [lei-jun-announces-legal-action-against-false-information-campaigns]\n\n"
        "- id: user-apology-2024",
        "stories: [no-such-story]\n\n- id: user-apology-2024"), encoding="utf-8")
    cases, _ = load_cases(path)
    result, lines = source_lines()
    stories, _ = group_stories(result.articles)
    problems = check_cases(cases, path, {story.id for story in stories}, lines)
    assert [p.message for p in problems] == [
        "case 'accounts-lawsuits-2025' names story 'no-such-story', which does not exist"]


@pytest.mark.parametrize(
    ("change", "replacement", "words"),
    [("kind: counter-suit", "kind: lawsuit-of-sorts", "kind 'lawsuit-of-sorts'"),
     ("  status: pending\n", "  status: won\n", "status 'won'"),
     ("date: 2021\n", "date: 2021-02-30\n", "date '2021-02-30'")],
)
def test_values_outside_the_vocabulary_are_errors_with_lines(tmp_path, change, replacement, words):
    path = tmp_path / "cases.yml"
    path.write_text(CASES.read_text(encoding="utf-8").replace(change, replacement, 1),
                    encoding="utf-8")
    _, (problem,) = load_cases(path)
    assert words in problem.message and problem.line > 1


@pytest.mark.parametrize(
    ("change", "replacement", "words"),
    [("    basis: found\n    instance: first\n    en: Mr. LING had infringed",
      "    en: Mr. LING had infringed", "'basis' None is not one of reported, announced"),
     ("    basis: announced\n    by:\n", "    basis: announced\n    who:\n",
      "'by' needs a text in each of en, de"),
     ("    basis: found\n    instance: first\n    en: Mr. LING had infringed",
      "    basis: found\n    en: Mr. LING had infringed", "instance None is not one of first"),
     ("    - date: 2021\n", "    - date: 2024\n", "2023 comes before 2024")],
)
def test_a_statement_without_its_basis_or_out_of_order_is_an_error_with_its_line(
        tmp_path, change, replacement, words):
    text = CASES.read_text(encoding="utf-8")
    assert change in text
    path = tmp_path / "cases.yml"
    path.write_text(text.replace(change, replacement, 1), encoding="utf-8")
    if "2024" in replacement:  # a later dated step to compare with
        path.write_text(path.read_text(encoding="utf-8").replace(
            "    - date:\n      reported: 2023-05-30\n      kind: ruling\n      basis: found",
            "    - date: 2023\n      kind: ruling\n      basis: found", 1), encoding="utf-8")
    _, (problem,) = load_cases(path)
    assert words in problem.message and problem.line > 1


def test_a_description_is_named_in_each_language_and_a_name_once_for_both():
    cases, _ = load_cases(CASES)
    parties = {party.name["en"]: party.name for case in cases for party in case.parties}
    assert parties["Xiaomi"] == {"en": "Xiaomi", "de": "Xiaomi"}
    assert parties["A user (not named)"]["de"] == "Ein Nutzer (nicht namentlich genannt)"


def test_an_unknown_case_id_in_a_source_is_an_error_naming_the_file(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_bytes(b"---\ncases: [no-such-case]\n---\n"
                                  + (SEEDS / "000_b899426bec3aca79.txt").read_bytes())
    taxonomy, _ = load_taxonomy(TAXONOMY)
    edition = prepare_edition(ingest(seeds), taxonomy, [], now=dt.datetime.now(dt.UTC),
                              preview=False, require_translations=False, seeds=seeds,
                              cases_file=Path("cases.yml"), press_room="Press room")
    (problem,) = [p for p in edition.problems if p.severity is Severity.ERROR]
    assert problem.path == seeds / "a.txt" and problem.line == 2
    assert "no-such-case" in problem.message


def test_json_for_a_script_element_cannot_close_it():
    text = script_json({"headline": "</script><!--<script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == "</script><!--<script>alert(1)</script> & more"
