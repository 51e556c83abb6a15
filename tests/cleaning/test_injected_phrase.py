import re

import pytest

from conftest import CLIPPINGS, SEEDS, body_of, lines_of
from pressroom.cleaning import clean, injected_phrase
from pressroom.cleaning.injected_phrase import (
    InjectedPhrase,
    expected_language,
    find_injected_phrase,
    restore,
)
from pressroom.language.language_id import PRESS_LANGUAGES, identify

EN = CLIPPINGS / "en_court_ruling.txt"
DE = CLIPPINGS / "de_landgericht.txt"
CLEAN_SOURCES = [EN, DE, *(path for path in sorted(SEEDS.glob("*.txt")) if "003_" not in path.name)]


def inject(text: str, word: str, phrase: str) -> str:
    """What the spam network does: the word goes everywhere, inside other words too."""
    return re.sub(word, phrase, text, flags=re.IGNORECASE)


@pytest.mark.parametrize(
    ("path", "word", "phrase"),
    [
        (EN, "the", "VegasPlay88 Bonus"),
        (EN, "and", "Jackpot City"),
        (EN, "the", "m88"),
        (DE, "und", "Lotto24 Gewinn"),
        (DE, "die", "Kasino Royal"),
        (DE, "der", "SlotKing Deutschland"),
        (SEEDS / "000_b899426bec3aca79.txt", "the", "Casino Malaysia"),
        (SEEDS / "002_e28e95a5c29f9fca.txt", "die", "WettBonus Online"),
        (SEEDS / "004_e53124b072d22cea.txt", "the", "BetWin Asia"),
    ],
)
def test_injected_phrase_is_found_and_the_word_restored(path, word, phrase):
    original = body_of(path)
    noisy = inject(original, word, phrase)
    assert phrase in noisy and noisy != original
    cleaned = clean(lines_of(noisy))
    assert cleaned.text == clean(lines_of(original)).text
    assert phrase not in cleaned.text
    assert {r.rule for r in cleaned.removals} >= {"injected-phrase"}


@pytest.mark.parametrize("path", CLEAN_SOURCES, ids=lambda path: path.name)
def test_clean_text_has_no_injected_phrase(path):
    text = body_of(path)
    lang = "de" if "002_" in path.name or path == DE else "en"
    assert find_injected_phrase(text, lang) is None


def test_seed_003_phrase_and_word_are_found():
    found = find_injected_phrase(body_of(SEEDS / "003_08990eb7b52fc2ed.txt"), "en")
    assert found == InjectedPhrase("M88 Malaysia", "the")


def test_restore_inside_words_and_at_sentence_starts():
    found = InjectedPhrase("Spin Win", "the")
    assert restore("Spin Win court heard anoSpin Winr case.", found) == (
        "The court heard another case."
    )
    assert restore("It ended. Spin Winreafter, Spin Win team left. Spin Winn Spin Win judge spoke.",
                   found) == "It ended. Thereafter, the team left. Then the judge spoke."
    assert restore("- Label: Spin Win point is", found) == "- Label: The point is"
    assert restore("He said: “Spin Win end is near”", found) == "He said: “The end is near”"
    assert restore("It ruled for Xiaomi on all counts: Spin Win damages were high.", found) == (
        "It ruled for Xiaomi on all counts: the damages were high."
    )


def test_a_line_of_the_phrase_alone_is_removed_and_recorded():
    text = inject(body_of(EN), "the", "Spin Win")
    text = text.replace("What Happens Next", "Spin Win")
    cleaned = clean(lines_of(text))
    (alone,) = [r for r in cleaned.removals if r.text == "Spin Win"]
    assert alone.rule == "injected-phrase" and alone.replacement is None
    assert "What Happens Next" not in cleaned.text


def test_every_repaired_line_is_recorded_with_its_original_text():
    noisy = inject(body_of(EN), "the", "Spin Win")
    cleaned = clean(lines_of(noisy))
    repaired = [r for r in cleaned.removals if r.rule == "injected-phrase"]
    noisy_lines = noisy.split("\n")
    assert repaired
    for removal in repaired:
        assert removal.text == noisy_lines[removal.line - 1]
        assert "Spin Win" not in (removal.replacement or "")


ALL_SOURCES = [*sorted(SEEDS.glob("*.txt")), *sorted(CLIPPINGS.glob("*.txt"))]


@pytest.mark.parametrize("path", ALL_SOURCES, ids=lambda path: path.name)
def test_expected_language_is_the_identifiers_choice(path):
    text = body_of(path)
    injected = inject(text, "the", "Casino Royal") if "the" in text else inject(text, "die", "X9")
    for version in (text, injected):
        assert expected_language(version) == identify(version, PRESS_LANGUAGES)[0]


def test_a_clear_text_is_decided_by_its_function_words_alone(monkeypatch):
    def no_identifier(*_: object) -> tuple[str, float]:
        raise AssertionError("the language identifier was asked")

    monkeypatch.setattr(injected_phrase, "identify", no_identifier)
    assert expected_language(body_of(EN)) == "en"
    assert expected_language(body_of(DE)) == "de"
    # An injection takes one function word; the others still say which language it is.
    assert expected_language(inject(body_of(EN), "the", "Casino Royal")) == "en"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Headlines and name lists have (almost) no function words: the identifier decides.
        ("Landgericht Hamburg\nEinstweilige Verfügung\nUnterlassungserklärung\n"
         "Pressemitteilung Geschäftsführung Rechtsanwälte Beschwerdekammer", "de"),
        ("Court Ruling\nPress Release\nDefamation Lawsuit Against Smear Campaign", "en"),
    ],
)
def test_a_text_without_clear_function_words_goes_to_the_identifier(text, lang):
    assert expected_language(text) == lang
