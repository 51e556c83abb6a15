import datetime as dt
import re

import pytest

from conftest import CLIPPINGS, SEEDS
from pressroom.language.function_words import clear_language
from pressroom.language.language_id import PRESS_LANGUAGES, identify
from pressroom.problems import Severity
from pressroom.sources.ingest import process

EN = (CLIPPINGS / "en_court_ruling.txt").read_text(encoding="utf-8")
DE = (CLIPPINGS / "de_landgericht.txt").read_text(encoding="utf-8")


def test_own_english_clipping_is_described_with_provenance():
    article = process(CLIPPINGS / "en_court_ruling.txt").article
    assert article.lang.value == "en" and article.lang.provenance.rule == "function-words"
    assert re.fullmatch(r"\d+ en, \d de", article.lang.provenance.detail)
    assert article.title.value == "Court Orders Blogger to Pay Damages over Defamatory Posts"
    assert (article.title.provenance.rule, article.title.provenance.line) == ("headline", 1)
    assert article.date.value == dt.date(2025, 3, 3)
    assert article.date.provenance.rule == "first-date-in-text"
    assert article.publisher.value == "Legal Times"
    assert article.tags.value == ("defamation", "courts", "Hamburg")
    assert article.summary.value.startswith("On March 3, 2025, the Regional Court of Hamburg")
    assert article.summary.provenance.rule == "lead"


def test_own_german_clipping_is_described_with_provenance():
    article = process(CLIPPINGS / "de_landgericht.txt").article
    assert article.lang.value == "de"
    assert article.title.value == "Landgericht verbietet falsche Behauptungen über Solarhersteller"
    assert article.date.value == dt.date(2025, 3, 3)
    assert (article.date.provenance.rule, article.date.provenance.line) == ("dateline", 3)
    assert article.publisher.value == "Rheinische Wirtschaftsnachrichten"
    assert article.publisher.provenance.rule == "byline"
    assert article.tags.value == ("Landgericht", "Verleumdung", "Solar")
    assert article.body[0].text.startswith("Das Landgericht Köln")


def test_editor_frontmatter_wins_over_every_rule(write):
    frontmatter = (
        "---\ntitle: Eigener Titel\ndate: 2024-01-02\nlang: de\nsource: Redaktion\n"
        "tags: [Eins, Zwei]\nsummary: Kurz.\nstory: eigene-geschichte\n---\n"
    )
    article = process(write("a.txt", frontmatter + EN)).article
    assert article.title.value == "Eigener Titel"
    assert article.date.value == dt.date(2024, 1, 2)
    assert article.lang.value == "de"
    assert article.publisher.value == "Redaktion"
    assert article.tags.value == ("Eins", "Zwei")
    assert article.summary.value == "Kurz."
    assert article.story.value == "eigene-geschichte"
    for field in article.fields().values():
        assert field.provenance.origin == "frontmatter"
    assert article.title.provenance.line == 2


def test_without_a_headline_the_title_is_inferred_and_flagged(write):
    outcome = process(write("a.txt", "The court ruled on May 2, 2025 that the posts were false. "
                                     "It ordered their deletion.\nA second paragraph follows."))
    title = outcome.article.title
    assert title.value == "The court ruled on May 2, 2025 that the posts were false"
    assert title.provenance.rule == "first-sentence"
    (problem,) = outcome.problems
    assert problem.severity is Severity.WARNING and "set 'title'" in problem.message


def test_no_date_is_no_date_and_a_warning(write):
    outcome = process(write("a.txt", "Court Rules for Xiaomi\n\nThe court ruled on Monday.\n"))
    assert outcome.article.date.value is None
    assert not outcome.article.date.found
    assert any("no publication date" in p.message for p in outcome.problems)
    assert outcome.status == "published"


def test_keep_or_drop_that_match_nothing_are_warnings(write):
    outcome = process(write("a.txt", f"---\ndrop: [No such line]\n---\n{EN}"))
    (problem,) = outcome.problems
    assert "'No such line'" in problem.message and problem.line == 2


@pytest.mark.parametrize("path", [*sorted(SEEDS.glob("*.txt")), *sorted(CLIPPINGS.glob("*.txt"))],
                         ids=lambda path: path.name)
def test_where_function_words_decide_the_language_the_identifier_agrees(path):
    text = process(path).cleaned.text
    clear = clear_language(text)
    if clear is not None:
        assert clear.lang == identify(text, PRESS_LANGUAGES)[0]


def test_a_german_clipping_is_decided_by_its_function_words_too():
    lang = process(CLIPPINGS / "de_landgericht.txt").article.lang
    assert (lang.value, lang.provenance.rule) == ("de", "function-words")


def test_a_text_whose_function_words_say_nothing_goes_to_the_identifier(write):
    outcome = process(write("a.txt", "Presse Release Gericht Court\n\nKontakt Contact Impressum\n"))
    lang = outcome.article.lang
    assert lang.provenance.rule == "language-identifier"
    assert lang.provenance.confidence < 0.9
    assert any(f"language {lang.value!r} is uncertain" in problem.message
               and "set 'lang'" in problem.message for problem in outcome.problems)
