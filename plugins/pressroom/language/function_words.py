"""Function words: the short words ("the", "of", "der", "und") that hold running text together.

Each language uses its own at known rates, so they say which language a text is in whenever
they lean clearly one way, at a small part of the language identifier's cost. Cleaning asks
that of the raw clipping (which words an injected phrase would have replaced) and inference
of the clean text; only a text that does not lean clearly goes to the identifier.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from .lexicon import FUNCTION_WORD_RATES
from .text import words

# A text leans clearly to one language when it has at least this many of that language's
# function words and uses them this many times as much as the other language's (against
# their expected rates). Clippings of either language lead by 5x or more, injected ones too
# (one word gone leaves the others); anything less clear goes to the language identifier.
MIN_FUNCTION_WORDS = 20
CLEAR_LEAD = 3.0

_FUNCTION_WORDS = frozenset(word for rates in FUNCTION_WORD_RATES.values() for word in rates)


@dataclass(frozen=True)
class ClearLanguage:
    lang: str
    seen: int  # the language's function words in the text
    other: str
    other_seen: int


def function_word_counts(text: str) -> tuple[Counter[str], int]:
    """How often each function word occurs (casefolded), and how many words there are."""
    # Words never span lines: the text's are its lines' added up, each line's worked out
    # once (the cleaner asks again about the same lines, round after round, and inference
    # about the lines it left).
    per_line = [_line_function_words(line) for line in text.split("\n")]
    counts = Counter(chain.from_iterable(found for _, found in per_line))
    return counts, sum(line_words for line_words, _ in per_line)


@lru_cache(maxsize=4096)
def _line_function_words(line: str) -> tuple[int, tuple[str, ...]]:
    """How many words a line has, and its function words (casefolded, repeats kept)."""
    line_words = words(line)
    return len(line_words), tuple(filter(_FUNCTION_WORDS.__contains__,
                                         map(str.casefold, line_words)))


def clear_language(text: str) -> ClearLanguage | None:
    """The language text's function words lean clearly to, if they do."""
    counts, _ = function_word_counts(text)
    seen = {lang: sum(counts[word] for word in rates)
            for lang, rates in FUNCTION_WORD_RATES.items()}
    # Against the rates expected: each language's function words are not equally frequent.
    lead = {lang: seen[lang] / sum(FUNCTION_WORD_RATES[lang].values()) for lang in seen}
    first, second = sorted(lead, key=lead.__getitem__, reverse=True)[:2]
    if seen[first] >= MIN_FUNCTION_WORDS and lead[first] >= CLEAR_LEAD * lead[second]:
        return ClearLanguage(first, seen[first], second, seen[second])
    return None
