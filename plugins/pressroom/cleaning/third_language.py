"""Text in a third language inside an English or German clipping.

A line written mostly in a foreign script (Chinese, Cyrillic, Arabic …) is recognised by its
letters alone, whatever its length. A longer line in Latin script is given to the language
identifier, and goes only when the identifier all but rules out English and German.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..language.language_id import press_language_share
from ..language.text import foreign_share, words
from ..model import Line, Removal
from .context import CleaningContext, drop_line

RULE = "third-language"
FOREIGN_SCRIPT_SHARE = 0.5
# Short Latin lines are names and headings more often than language: leave them alone.
MIN_IDENTIFIABLE_WORDS = 8
# English and German lines, even headlines full of names, score above 0.15; lines in French
# or Spanish score below 0.0001. The threshold sits far from both.
MAX_PRESS_LANGUAGE_SHARE = 0.01


def detect_third_language(lines: Sequence[Line], context: CleaningContext) -> list[Removal]:
    return [drop_line(line, RULE) for line in lines
            if line.text.strip() and _is_third_language(line.text)]


# Words that only English or German use this often: a line with several of them is in one
# of the press room's languages, and the identifier need not be asked.
_OWN_WORDS = frozenset((
    "the", "and", "of", "to", "that", "is", "with", "for", "was", "were", "this",
    "der", "die", "und", "das", "den", "mit", "ist", "nicht", "sich", "von", "zu", "auf",
    "für", "dem", "des", "ein", "eine",
))


@lru_cache(maxsize=4096)
def _is_third_language(text: str) -> bool:
    if foreign_share(text) >= FOREIGN_SCRIPT_SHARE:
        return True
    line_words = words(text)
    if len(line_words) < MIN_IDENTIFIABLE_WORDS:
        return False
    if sum(map(_OWN_WORDS.__contains__, map(str.casefold, line_words))) >= 3:
        return False
    return press_language_share(text) < MAX_PRESS_LANGUAGE_SHARE
