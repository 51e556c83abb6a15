"""Anchors: what survives translation in an article, its numbers (10,000 = 10.000) and its
names (Xiaomi, YU7, Lei Jun). Grouping pairs an English and a German version by them.

Worked out with the rest of inference, once per source, so that the source cache keeps them:
every build pairs the whole archive again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import COMMON_WORDS
from ..model import Line

_NUMBER = re.compile(r"\d[\d.,\u202f]*\d")
_NOT_DIGIT = re.compile(r"[^0-9]")
# A capitalised word that does not begin a sentence: a name (or, in German, also a noun).
# The capital comes first and what stands before it is checked after (a look-behind over it
# and the two characters before): the search then skips to capitals, twice as fast as
# checking the look-behind at every position.
_NAME = re.compile(r"[A-ZÄÖÜ](?<=[\w,;:)“”\"] [A-ZÄÖÜ])[\w\-]+")


def translation_anchors(body: Sequence[Line]) -> frozenset[str]:
    text = " ".join(line.text for line in body)
    numbers = {"#" + _NOT_DIGIT.sub("", number) for number in _NUMBER.findall(text)}
    names = set(map(str.casefold, _NAME.findall(text)))
    return frozenset(numbers.union(names - COMMON_WORDS))
