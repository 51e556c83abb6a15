"""Grouping: the language versions of one story become one Story.

An editor's ``story`` key joins versions outright. Versions without one are paired
automatically: an English and a German article are one story when they were published on the
same day (or the next: time zones) and share what a translation cannot change, their numbers
and names. Candidates are narrowed by that date first, so the work grows with the number of
articles per day, never with the square of the archive.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from .editor_keys import LANGUAGES
from .model import Article
from .problems import Problem, error, note, warning
from .slugs import slugify

# Names and numbers both versions must share: at least this many, and this share of the
# smaller set (German capitalises every noun, so its set is the larger one).
MIN_SHARED = 0.15
MIN_SHARED_COUNT = 4
DAYS_APART = 1


@dataclass(frozen=True)
class Story:
    id: str
    versions: dict[str, Article] = field(hash=False)

    @property
    def original(self) -> Article:
        """The version the story is first known by: English when there is one."""
        return next(self.versions[lang] for lang in LANGUAGES if lang in self.versions)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGUAGES if lang not in self.versions)

    @property
    def date(self) -> dt.date | None:
        return self.original.date.value


def group_stories(articles: Sequence[Article]) -> tuple[list[Story], list[Problem]]:
    problems: list[Problem] = []
    keyed: dict[str, dict[str, Article]] = defaultdict(dict)
    loose: list[Article] = []
    for article in articles:
        key = article.story.value
        if key is None:
            loose.append(article)
        elif article.lang.value in keyed[key]:
            other = keyed[key][article.lang.value]
            message = (f"has the same story {key!r} and language as {other.source}: "
                       "one of them needs another 'story'")
            problems.append(error(article.source, message))
        else:
            keyed[key][article.lang.value] = article
    groups = [dict(versions) for versions in keyed.values()] + [{a.lang.value: a} for a in loose]
    groups = pair_translations(groups)
    return _with_ids(groups, keyed, problems)


def pair_translations(groups: list[dict[str, Article]]) -> list[dict[str, Article]]:
    """Join single-language groups that are translations of each other."""
    incomplete = [group for group in groups if len(group) < len(LANGUAGES)]
    complete = [group for group in groups if len(group) == len(LANGUAGES)]
    anchors = [next(iter(group.values())).anchors for group in incomplete]
    scored = []
    for first, second in candidate_pairs(incomplete):
        score = _shared(anchors[first], anchors[second])
        if score is not None:
            scored.append((score, first, second))
    merged: dict[int, int] = {}
    for _, first, second in sorted(scored, reverse=True):
        if first in merged or second in merged:
            continue
        merged[first], merged[second] = second, first
    result = list(complete)
    for index, group in enumerate(incomplete):
        partner = merged.get(index)
        if partner is None:
            result.append(group)
        elif index < partner:
            result.append({**group, **incomplete[partner]})
    return result


def _day(group: dict[str, Article]) -> dt.date | None:
    return next(iter(group.values())).date.value


def candidate_pairs(groups: Sequence[dict[str, Article]]) -> Iterable[tuple[int, int]]:
    """Pairs of groups (by index) in different languages published within a day of each other.

    Groups are bucketed by publication day first, so only neighbours in time are compared:
    the work is the sum over days of the square of that day's count, linear in the archive
    for any press room that publishes a bounded number of stories a day. Articles without a
    date are never paired automatically (an editor's ``story`` key joins them)."""
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        day = _day(group)
        if day is not None:
            by_day[day].append(index)
    for day, members in by_day.items():
        nearby = [*members, *(index for offset in range(1, DAYS_APART + 1)
                              for index in by_day.get(day + dt.timedelta(days=offset), ()))]
        for first, second in combinations(nearby, 2):
            if first in members and _may_pair(groups[first], groups[second]):
                yield (first, second) if first < second else (second, first)


def _may_pair(first: dict[str, Article], second: dict[str, Article]) -> bool:
    """Different languages, and not two stories an editor already named differently."""
    if set(first) & set(second):
        return False
    return not (_has_key(first) and _has_key(second))


def _has_key(group: dict[str, Article]) -> bool:
    return any(article.story.value for article in group.values())



def _shared(first: frozenset[str], second: frozenset[str]) -> float | None:
    shared = len(first & second)
    smaller = min(len(first), len(second))
    if not smaller or shared < MIN_SHARED_COUNT or shared / smaller < MIN_SHARED:
        return None
    return shared / smaller


def _with_ids(
    groups: list[dict[str, Article]], keyed: dict[str, dict[str, Article]],
    problems: list[Problem],
) -> tuple[list[Story], list[Problem]]:
    stories: dict[str, Story] = {}
    for versions in groups:
        story_id = _story_id(versions)
        if story_id in stories:
            others = ", ".join(str(a.source) for a in stories[story_id].versions.values())
            for article in versions.values():
                problems.append(error(article.source, f"has the same address {story_id!r} as "
                                                      f"{others}: set 'story' to tell them apart"))
            continue
        stories[story_id] = Story(story_id, versions)
    return sorted(stories.values(), key=_newest_first, reverse=True), problems


def _story_id(versions: dict[str, Article]) -> str:
    keys = [article.story.value for article in versions.values() if article.story.value]
    if keys:
        return keys[0]
    original = next(versions[lang] for lang in LANGUAGES if lang in versions)
    return slugify(original.title.value) or slugify(original.source.stem)


def _newest_first(story: Story) -> tuple[dt.date, str]:
    return (story.date or dt.date.min, story.id)


def missing_translations(stories: Sequence[Story], required: bool) -> list[Problem]:
    """A story without a version in a language: a warning when translations are required,
    else a note for the editor."""
    report = warning if required else note
    return [report(story.original.source, f"story {story.id!r} has no {lang!r} version")
            for story in stories for lang in story.missing]
