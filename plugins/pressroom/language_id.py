"""The language identifier: langid.py's model (py3langid), loaded once per process.

It is asked about texts whose function words do not say clearly which language they are in
(a clipping before cleaning, and again once it is clean), and about long lines in a Latin
script. That was a quarter of the time cleaning and inference took, almost all of it in
py3langid's byte-by-byte walk through its automaton, in Python. The walk is done
here with numpy instead, to the same counts in the same order: the same scores to the bit.
"""

from __future__ import annotations

import copy
from functools import cache

import numpy as np
from numpy.typing import NDArray
from py3langid.langid import MODEL_FILE, LanguageIdentifier

PRESS_LANGUAGES = ("en", "de")
# The model finds its features (byte n-grams) with an Aho-Corasick automaton; a state stands
# for the longest suffix of what was read that begins a feature, at most this many bytes
# (tests/test_language_id.py measures it from the model).
LONGEST_PREFIX = 6


class _VectorisedIdentifier(LanguageIdentifier):
    """py3langid's identifier, walking its automaton for all bytes at once.

    The state after a byte depends on the last LONGEST_PREFIX bytes only: it is the state the
    automaton reaches from its start by reading them. So every position takes those few steps
    side by side, as array lookups, rather than one Python step per byte.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._next_state = np.frombuffer(self.tk_nextmove, dtype=self.tk_nextmove.typecode)
        self._row_start = np.array(self._rowbase, dtype=np.intp)
        self._feature_of = np.array(self.tk_output, dtype=np.intp)

    def _raw_score(self, text: bytes) -> NDArray[np.float32]:
        features, counts = self.feature_counts(text)
        if not len(features):  # py3langid's own answer for text without features
            return super()._raw_score(text)
        # py3langid's naive Bayes sum, over the features in the order they first occur.
        return np.log1p(counts.astype(np.float32)) @ self.nb_ptc[features] + self.nb_pc

    def feature_counts(self, text: bytes) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
        """The model's features found in text, in order of first occurrence, and their counts."""
        size = len(text)
        read = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
        states = np.zeros(size, dtype=np.intp)
        # Each step reads, for every position, the byte `behind` places before it (the
        # furthest first); positions nearer the start have nothing there and keep their state.
        for behind in range(LONGEST_PREFIX - 1, -1, -1):
            if behind >= size:
                continue
            moves = self._row_start.take(states[behind:])
            moves += read[: size - behind]
            states[behind:] = self._next_state.take(moves)
        found = self._feature_of.take(states)
        return _in_order_of_first_occurrence(found[found >= 0])


def _in_order_of_first_occurrence(
    found: NDArray[np.intp],
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """The distinct features and their counts, ordered by where each first occurs.

    Each feature is sorted together with its position, as one number (feature, then
    position, in bits of their own): one plain sort puts every feature's occurrences side by
    side with its first one leading, without the stable sort and index bookkeeping of
    numpy's unique (a third faster here).
    """
    size = len(found)
    position_bits = size.bit_length()
    keys = found << position_bits
    keys |= np.arange(size)
    keys.sort()
    features = keys >> position_bits
    starts_group = np.empty(size, dtype=bool)
    starts_group[:1] = True
    np.not_equal(features[1:], features[:-1], out=starts_group[1:])
    starts = np.flatnonzero(starts_group)
    first_positions = keys[starts] & ((1 << position_bits) - 1)
    order = np.argsort(first_positions)
    counts = np.diff(starts, append=size)
    return features[starts[order]], counts[order]


@cache
def _identifier(languages: tuple[str, ...] | None) -> LanguageIdentifier:
    if not languages:
        return _VectorisedIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
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
