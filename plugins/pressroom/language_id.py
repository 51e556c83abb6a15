"""The language identifier: langid.py's model (py3langid), loaded once per process."""

from __future__ import annotations

import copy
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

PRESS_LANGUAGES = ("en", "de")


@cache
def _identifier(languages: tuple[str, ...] | None) -> LanguageIdentifier:
    if not languages:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # The model is read (and decompressed) once; a restricted identifier is a copy of it.
    restricted = copy.copy(_identifier(None))
    restricted.set_languages(list(languages))
    return restricted


def identify(text: str, languages: tuple[str, ...] | None = None) -> tuple[str, float]:
    """The likeliest language of text and the identifier's confidence (0 to 1).

    With ``languages`` the choice is restricted to them: that is how a clipping is decided
    between English and German; without, any of the model's 97 languages may come out.
    """
    lang, confidence = _identifier(languages).classify(text)
    return str(lang), float(confidence)


def press_language_share(text: str) -> float:
    """How likely (0 to 1) the identifier finds it that text is English or German at all."""
    ranking = dict(_identifier(None).rank(text))
    return sum(float(ranking.get(lang, 0.0)) for lang in PRESS_LANGUAGES)
