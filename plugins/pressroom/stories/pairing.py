"""Pairing: an English and a German article that report one event become one story, whether
one translates the other or two outlets wrote them.

Both print the event's names, numbers, dates and file numbers (`inference/anchors.py`). What
they share is evidence in proportion to how rare it is in the archive being paired: the
company a press room writes about in every story says next to nothing, a name or a figure no
other article has says much. A shared anchor that df of the N articles have weighs

    log(1 + N / df) / log(1 + N / 2)

1 for an anchor only the two have, near 0 for one that every article has, and in an archive
too small to tell, 1 for every anchor (a count). A bare year weighs a quarter of that, since
everything written in a year may name it; a date that is the day either article was published
weighs nothing (a dateline says nothing of the event). The score is the sum.

- Both dated, at most MAX_DAYS_APART days apart, and among the shared anchors a rare specific
  one (a date, a file number, a figure of three digits or more): a score of PAIR_SCORE. Two
  reports of one event print its figures and dates; two stories about one company share its
  names, and rarely a figure.
- Both dated, names alone: STRONG_PAIR_SCORE.
- Either undated: STRONG_PAIR_SCORE and a rare specific anchor, for an undated article could
  pair with any in the archive.

The best pairs are joined first, each article with one other at most. Articles in one
language, or two that an editor keyed as different stories, never pair.

Candidates come from an inverted index over the articles' rare anchors (those weighing half
or more), each posting list in date order: a dated article looks up only the days of its
window, an undated one only its specific anchors. The work grows with the articles that share
a rare anchor within days of each other, never with the square of the archive.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

from ..inference.anchors import DATE, is_specific, is_year
from ..language import LANGUAGES
from ..model import Article

MAX_DAYS_APART = 3
PAIR_SCORE = 2.5
STRONG_PAIR_SCORE = 4.0
YEAR_WEIGHT = 0.25
# An anchor is rare, and indexed, when it weighs at least this much.
RARE_WEIGHT = 0.5
SHOWN_ANCHORS = 8


Group = dict[str, Article]
FIRST, SECOND = LANGUAGES


@dataclass(frozen=True)
class Pairing:
    """Why two articles were paired automatically: the score, what it had to reach, and the
    shared anchors with their weights."""

    score: float
    needed: float
    weights: Mapping[str, float]

    def carried(self, most: int = SHOWN_ANCHORS) -> list[tuple[str, float]]:
        """The weightiest shared anchors, the heaviest first: what carried the score."""
        return sorted(self.weights.items(), key=lambda item: (-item[1], item[0]))[:most]


@dataclass
class _Postings:
    """The articles of the second language that have one anchor: dated ones in date order."""

    days: list[int] = field(default_factory=list)
    dated: list[int] = field(default_factory=list)
    undated: list[int] = field(default_factory=list)


class Archive:
    """The articles to pair (``loose``) in the archive (with the ``joined``, which an editor's
    key already made one story): what each anchor found in both languages weighs (only such an
    anchor can be shared), which of them are rare (weigh RARE_WEIGHT or more) and specific,
    and the loose articles of the second language indexed by their rare anchors."""

    def __init__(self, loose: Sequence[Article], joined: Sequence[Article] = ()) -> None:
        self.loose = loose
        counted = Counter(chain.from_iterable(
            article.anchors for article in chain(loose, joined) if article.lang.value == FIRST))
        # A second-language anchor counts only where the first language has it too: most of
        # a German article's anchors are nouns that no English article has.
        first = frozenset(counted)
        bilingual = {number: article.anchors & first
                     for number, article in enumerate(loose) if article.lang.value == SECOND}
        shared = Counter(chain(chain.from_iterable(bilingual.values()), chain.from_iterable(
            article.anchors & first for article in joined if article.lang.value == SECOND)))
        self.weights = _weights(shared, counted, len(loose) + len(joined))
        # A year is never rare, however few articles name it: within days, any article may.
        self.rare = frozenset(anchor for anchor, weight in self.weights.items()
                              if weight >= RARE_WEIGHT and not is_year(anchor))
        self.specific = frozenset(filter(is_specific, self.rare))
        self._days = [_ordinal(article) for article in loose]
        self._postings: dict[str, _Postings] = {}
        for number in sorted(bilingual, key=self._days.__getitem__):
            self._post(number, bilingual[number] & self.rare)

    def _post(self, number: int, rare: frozenset[str]) -> None:
        day, postings = self._days[number], self._postings
        for anchor in rare:
            entry = postings.get(anchor)
            if entry is None:
                entry = postings[anchor] = _Postings()
            if day < 0:
                entry.undated.append(number)
            else:
                entry.days.append(day)
                entry.dated.append(number)

    def candidates(self) -> Iterator[tuple[int, int]]:
        """Pairs of loose articles (by index, the first language's first) that share a rare
        anchor: within the window when both are dated, a specific one when either is not;
        never two that an editor keyed as different stories."""
        for number, article in enumerate(self.loose):
            if article.lang.value != FIRST:
                continue
            for other in self._near(number, article.anchors & self.rare):
                if not (article.story.value and self.loose[other].story.value):
                    yield number, other

    def _near(self, number: int, rare: frozenset[str]) -> set[int]:
        day = self._days[number]
        found: set[int] = set()
        for anchor in rare:
            entry = self._postings.get(anchor)
            if entry is None:
                continue
            specific = anchor in self.specific
            if day >= 0:
                found.update(entry.dated[bisect_left(entry.days, day - MAX_DAYS_APART):
                                         bisect_right(entry.days, day + MAX_DAYS_APART)])
            elif specific:
                found.update(entry.dated)
            if specific:
                found.update(entry.undated)
        return found


def _weights(shared: Counter[str], counted: Counter[str], size: int) -> dict[str, float]:
    """log(1 + N / df) / log(1 + N / 2) for each anchor of both languages; a year's times
    YEAR_WEIGHT."""
    scale = math.log(1 + size / 2) or 1.0
    log = math.log
    weights = {anchor: log(1 + size / (count + counted[anchor])) / scale
               for anchor, count in shared.items()}
    for year in [anchor for anchor in weights if is_year(anchor)]:
        weights[year] *= YEAR_WEIGHT
    return weights


def _ordinal(article: Article) -> int:
    return article.date.value.toordinal() if article.date.value is not None else -1


def pairing(first: Article, second: Article, archive: Archive) -> Pairing | None:
    """The evidence that two articles in different languages (both counted in the archive)
    report one event, if it is enough."""
    days = [day for day in (first.date.value, second.date.value) if day is not None]
    dated = len(days) == 2
    if dated and abs((days[0] - days[1]).days) > MAX_DAYS_APART:
        return None
    weight = archive.weights
    weights = {anchor: weight[anchor] for anchor in first.anchors & second.anchors}
    for anchor in [anchor for anchor in weights if anchor[0] == DATE]:
        if _published(anchor, days):
            del weights[anchor]
    specific = not archive.specific.isdisjoint(weights)
    if not (specific or dated):
        return None
    needed = PAIR_SCORE if specific and dated else STRONG_PAIR_SCORE
    score = sum(weights.values())
    return Pairing(score, needed, weights) if score >= needed else None


def _published(anchor: str, days: Sequence[dt.date]) -> bool:
    """Whether a date anchor is a day one of the two was published: a dateline."""
    return any(anchor[1:] in (day.isoformat(), day.isoformat()[5:]) for day in days)


def pair_translations(groups: Sequence[Group]) -> list[tuple[Group, Pairing | None]]:
    """Join single-language groups that report one event; each joined group with the evidence."""
    complete = [group for group in groups if len(group) == len(LANGUAGES)]
    incomplete = [group for group in groups if len(group) < len(LANGUAGES)]
    archive = Archive([_article(group) for group in incomplete],
                      [article for group in complete for article in group.values()])
    scored = []
    for first, second in archive.candidates():
        found = pairing(archive.loose[first], archive.loose[second], archive)
        if found is not None:
            scored.append((-found.score, min(first, second), max(first, second), found))
    partners: dict[int, tuple[int, Pairing]] = {}
    for _, first, second, found in sorted(scored, key=lambda item: item[:3]):
        if first not in partners and second not in partners:
            partners[first], partners[second] = (second, found), (first, found)
    result: list[tuple[Group, Pairing | None]] = [(group, None) for group in complete]
    for index, group in enumerate(incomplete):
        partner, found = partners.get(index, (None, None))
        if partner is None:
            result.append((group, None))
        elif index < partner:
            result.append(({**group, **incomplete[partner]}, found))
    return result


def candidate_pairs(groups: Sequence[Group]) -> Iterator[tuple[int, int]]:
    """The pairs of single-language groups (by index) that pairing compares."""
    return Archive([_article(group) for group in groups]).candidates()


def _article(group: Group) -> Article:
    return next(iter(group.values()))
