"""The language identifier: numpy's walk through the model finds what py3langid's own does."""

from __future__ import annotations

from functools import cache

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from conftest import CLIPPINGS, SEEDS
from pressroom.language_id import LONGEST_PREFIX, PRESS_LANGUAGES, _identifier

TEXTS = [path.read_text(encoding="utf-8", errors="replace")
         for path in sorted([*SEEDS.glob("*.txt"), *CLIPPINGS.glob("*.txt")])]


@cache
def stock(languages: tuple[str, ...] | None) -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if languages:
        identifier.set_languages(list(languages))
    return identifier


def test_no_state_of_the_model_stands_for_more_than_the_longest_prefix():
    """The vectorised walk holds because every state is reached within LONGEST_PREFIX bytes
    of the start (breadth first through the automaton)."""
    model = _identifier(None)
    next_state, row_start = model._next_state, model._row_start
    depth = np.full(len(row_start), -1)
    depth[0] = 0
    frontier, level = np.array([0]), 0
    while frontier.size:
        level += 1
        reached = np.unique(next_state[(row_start[frontier][:, None] + np.arange(256)).ravel()])
        frontier = reached[depth[reached] < 0]
        depth[frontier] = level
    assert (depth >= 0).all()
    assert depth.max() == LONGEST_PREFIX


def counts_of_py3langid(text: str) -> dict[int, int]:
    model = stock(None)
    found = visit_counts(model.tk_nextmove, model._rowbase, model.tk_output, model._encode(text))
    return dict(found or {})


def counts_here(text: str) -> dict[int, int]:
    model = _identifier(None)
    features, counts = model.feature_counts(model._encode(text))
    return dict(zip(features.tolist(), counts.tolist(), strict=True))


def assert_same_as_py3langid(text: str) -> None:
    ours, theirs = counts_here(text), counts_of_py3langid(text)
    assert list(ours.items()) == list(theirs.items())  # the same features, in the same order
    for languages in (None, PRESS_LANGUAGES):
        assert _identifier(languages).classify(text) == stock(languages).classify(text)
    assert _identifier(None).rank(text) == stock(None).rank(text)


def test_every_seed_and_clipping_scores_exactly_as_with_py3langid():
    for text in TEXTS:
        assert_same_as_py3langid(text)
        for line in text.splitlines()[:40]:
            assert_same_as_py3langid(line)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_scores_exactly_as_with_py3langid(text):
    assert_same_as_py3langid(text)
