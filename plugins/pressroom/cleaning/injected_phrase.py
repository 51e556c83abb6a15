"""A phrase injected in place of a common word, everywhere, even inside other words.

Spam networks rewrite scraped articles by replacing a frequent word with their brand, so
"the other defendant" turns into "M88 Malaysia oM88 Malaysiar defendant". The fingerprint is
in the distribution: one of the language's most frequent words has (almost) vanished, and an
otherwise unknown phrase is about as frequent as that word should be, also glued inside
words. Replacing the phrase by the word, with a capital at the start of a sentence, restores
the text ("the other defendant").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..language.function_words import clear_language, function_word_counts
from ..language.language_id import PRESS_LANGUAGES, identify
from ..language.lexicon import COMMON_WORDS, FUNCTION_WORD_RATES
from ..language.text import CLOSING, OPENING, SENTENCE_END, strip_list_marker, words
from ..model import Line, Removal
from .context import CleaningContext, drop_line, repair_line

RULE = "injected-phrase"

# Below this many expected occurrences a missing word may simply be chance.
MIN_EXPECTED = 6.0
# A word counts as vanished when it is seen at most this share of its expected count: an
# injection leaves none, or the capitalised ones when it replaced only the lowercase word.
VANISHED_SHARE = 0.2
MAX_PHRASE_TOKENS = 3
MIN_PHRASE_COUNT = 4
# Only the most frequent runs are counted again in the raw text.
MAX_CONTENDERS = 60
MIN_STANDALONE_SHARE = 0.5
MAX_LABEL_WORDS = 3
_EDGE_PUNCTUATION = ".,;:!?\"'“”„‚’()[]"


@dataclass(frozen=True)
class InjectedPhrase:
    phrase: str
    word: str  # the word it replaced, lowercase


def detect_injected_phrase(lines: Sequence[Line], context: CleaningContext) -> list[Removal]:
    found = find_injected_phrase("\n".join(line.text for line in lines), context.lang)
    if found is None:
        return []
    context.suspects.update(found.phrase.split())
    removals = []
    for line in lines:
        if found.phrase not in line.text:
            continue
        if not line.text.replace(found.phrase, "").strip(_EDGE_PUNCTUATION + " "):
            removals.append(drop_line(line, RULE))
        else:
            repaired = restore(line.text, found)
            removals.append(repair_line(line, RULE, line.text, repaired))
    return removals


def expected_language(text: str) -> str:
    """The language whose function-word rates the text should follow.

    The text's own function words answer that, and cheaply; only a text that does not lean
    clearly to one language is given to the language identifier (the costliest step of
    cleaning).
    """
    clear = clear_language(text)
    return clear.lang if clear is not None else identify(text, PRESS_LANGUAGES)[0]


def find_injected_phrase(text: str, lang: str) -> InjectedPhrase | None:
    counts, total_words = function_word_counts(text)
    vanished = [
        (word, rate * total_words)
        for word, rate in FUNCTION_WORD_RATES.get(lang, {}).items()
        if rate * total_words >= MIN_EXPECTED
        and counts[word] <= VANISHED_SHARE * rate * total_words
    ]
    if not vanished:
        return None  # the common case: no word is missing, so no phrase is counted
    candidates = _phrase_counts(text)
    best: tuple[tuple[float, float], InjectedPhrase] | None = None
    for word, expected in vanished:
        deficit = expected - counts[word]
        phrase = _likeliest_phrase(text, candidates, deficit)
        if phrase is None:
            continue
        # An injection replaces every occurrence: the word that vanished most completely is
        # the replaced one (a text may simply use "to" rarely); then the closer count wins.
        rank = (counts[word] / expected, abs(1 - text.count(phrase) / deficit))
        if best is None or rank < best[0]:
            best = (rank, InjectedPhrase(phrase, word))
    return best[1] if best else None


def _phrase_counts(text: str) -> Counter[str]:
    """How often each run of one to three tokens stands alone, for runs that could be a name."""
    counts: Counter[str] = Counter()
    for line in text.split("\n"):
        tokens = [token.strip(_EDGE_PUNCTUATION) for token in line.split()]
        for size in range(1, MAX_PHRASE_TOKENS + 1):
            for start in range(len(tokens) - size + 1):
                run = tokens[start : start + size]
                if _could_be_injected(run):
                    counts[" ".join(run)] += 1
    return counts


_ALNUM = re.compile(r"\w")


def _could_be_injected(run: list[str]) -> bool:
    if run[0].casefold() in COMMON_WORDS or run[-1].casefold() in COMMON_WORDS:
        return False
    return all(_ALNUM.search(token) for token in run)


def _likeliest_phrase(text: str, candidates: Counter[str], deficit: float) -> str | None:
    """The frequent phrase that fills the gap a vanished word left, if there is one."""
    floor = max(MIN_PHRASE_COUNT, 0.4 * deficit)
    # Standalone counts pick the contenders; counts in the raw text, where the phrase also
    # stands glued into words, decide between them.
    contenders = [
        phrase
        for phrase, count in candidates.most_common(MAX_CONTENDERS)
        if count >= MIN_PHRASE_COUNT / 2
    ]
    # An ordinary letter sequence ("el", "ion") is found inside many words but rarely alone;
    # an injected phrase mostly stands alone, as the word it replaced did.
    frequent = [
        (total, phrase)
        for phrase in contenders
        if (total := text.count(phrase)) >= floor
        and candidates[phrase] >= MIN_STANDALONE_SHARE * total
    ]
    if not frequent:
        return None
    top = max(total for total, _ in frequent)
    # The longest phrase that is (nearly) as frequent as the most frequent one: "M88 Malaysia"
    # rather than "M88" alone.
    near_top = [phrase for total, phrase in frequent if total >= 0.85 * top]
    phrase = max(near_top, key=lambda candidate: (len(candidate.split()), len(candidate)))
    total = text.count(phrase)
    if total > 2.5 * deficit:
        return None
    # Glued into words ("anoM88 Malaysiar") the phrase betrays itself; without that evidence,
    # only a close fit with the vanished word on a long text is enough.
    if _glued_occurrences(text, phrase) or (
        0.6 * deficit <= total <= 1.6 * deficit and deficit >= 15
    ):
        return phrase
    return None


def _glued_occurrences(text: str, phrase: str) -> int:
    glued = 0
    for match in re.finditer(re.escape(phrase), text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        glued += before.isalpha() or after.isalpha()
    return glued


def restore(text: str, found: InjectedPhrase) -> str:
    """Put the replaced word back, capitalised where a sentence begins."""

    def word_for(match: re.Match[str]) -> str:
        if _starts_sentence(text, match.start()):
            return found.word[:1].upper() + found.word[1:]
        return found.word

    return re.sub(re.escape(found.phrase), word_for, text)


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position]
    if before[-1:].isalpha():
        return False  # inside a word
    head = before.rstrip().rstrip(OPENING).rstrip()
    if not head or head in ("-", "*", "•"):
        return True
    if head.endswith(":"):
        # After a label ("- Consumer Trust: The …") a sentence begins; after a clause, not.
        return len(words(strip_list_marker(head))) <= MAX_LABEL_WORDS
    return head[-1] in SENTENCE_END or (head[-1] in CLOSING and head[-2:-1] in SENTENCE_END)
