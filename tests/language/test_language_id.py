"""The language identifier: py3langid as published, restricted to the press room's languages
where a clipping is decided between them."""

from __future__ import annotations

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from conftest import CLIPPINGS, SEEDS, body_of
from pressroom.language.language_id import (
    PRESS_LANGUAGES,
    _identifier,
    identify,
    press_language_share,
)

# Written for these tests.
ENGLISH = "The court found that the posts were false and ordered the blogger to apologise."
GERMAN = "Das Gericht stellte fest, dass die Beiträge falsch waren, und verurteilte den Blogger."
FRENCH = "Le tribunal a jugé que les publications étaient fausses et diffamatoires."


def test_each_test_clipping_is_in_the_language_its_name_says():
    for path in sorted(CLIPPINGS.glob("*.txt")):
        assert identify(body_of(path), PRESS_LANGUAGES)[0] == path.name[:2], path.name


def test_the_seeds_are_english_or_german_and_the_translations_german():
    found = {path.name: identify(body_of(path), PRESS_LANGUAGES)[0]
             for path in sorted(SEEDS.glob("*.txt"))}
    assert set(found.values()) == {"en", "de"}
    assert all(lang == "de" for name, lang in found.items() if name.endswith("-de.txt"))


@pytest.mark.parametrize(("text", "lang"), [(ENGLISH, "en"), (GERMAN, "de")])
def test_a_sentence_is_told_apart_with_a_confidence(text, lang):
    found, confidence = identify(text, PRESS_LANGUAGES)
    assert found == lang
    assert 0.5 < confidence <= 1.0


def test_restricted_to_english_and_german_another_language_still_gets_one_of_them():
    assert identify(FRENCH, PRESS_LANGUAGES)[0] in PRESS_LANGUAGES
    assert identify(FRENCH)[0] == "fr"


def test_the_restriction_leaves_the_full_model_alone():
    restricted, full = _identifier(PRESS_LANGUAGES), _identifier(None)
    assert restricted is not full
    assert sorted(restricted.labels) == sorted(PRESS_LANGUAGES)
    assert len(full.labels) > 90
    assert press_language_share(FRENCH) < 0.2
    assert press_language_share(GERMAN) > 0.8


def test_the_answers_are_py3langids_own():
    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    assert _identifier(None).rank(GERMAN) == stock.rank(GERMAN)
    stock.set_languages(list(PRESS_LANGUAGES))
    for text in (ENGLISH, GERMAN, FRENCH):
        assert _identifier(PRESS_LANGUAGES).classify(text) == stock.classify(text)
