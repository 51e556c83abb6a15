"""Text in a third language inside an English or German clipping.

A line written mostly in a foreign script (Chinese, Cyrillic, Arabic …) is recognised by its
letters alone, whatever its length. A longer line in Latin script is given to the language
identifier, and goes only when it is sure of a language other than English and German.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..language_id import identify
from ..model import Line, Removal
from ..text import foreign_share, words
from .context import CleaningContext, drop_line

RULE = "third-language"
FOREIGN_SCRIPT_SHARE = 0.5
# Short Latin lines are names and headings more often than language: leave them alone.
MIN_IDENTIFIABLE_WORDS = 8
MIN_CONFIDENCE = 0.95


def detect_third_language(lines: Sequence[Line], context: CleaningContext) -> list[Removal]:
    return [drop_line(line, RULE) for line in lines
            if line.text.strip() and _is_third_language(line.text)]


def _is_third_language(text: str) -> bool:
    if foreign_share(text) >= FOREIGN_SCRIPT_SHARE:
        return True
    if len(words(text)) < MIN_IDENTIFIABLE_WORDS:
        return False
    lang, confidence = identify(text)
    return lang not in ("en", "de") and confidence >= MIN_CONFIDENCE
