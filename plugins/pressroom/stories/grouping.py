"""Grouping: the language versions of one story become one Story.

An editor's ``story`` key joins versions outright. Versions without one are paired
automatically (`pairing.py`): an English and a German article are one story when they share
enough of what a translation cannot change and two reports of one event both print, names,
numbers, dates and file numbers, weighed by how rare they are in the archive.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..language import LANGUAGES
from ..language.slugs import story_slug
from ..model import Article
from ..problems import Problem, error, note, warning
from .pairing import Group, Pairing, pair_translations


@dataclass(frozen=True)
class Story:
    id: str
    versions: dict[str, Article] = field(hash=False)
    # Why its versions were paired automatically; None when an editor's key joined them.
    pairing: Pairing | None = field(default=None, compare=False)

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
    return _with_ids(pair_translations(groups), problems)


def _with_ids(
    groups: list[tuple[Group, Pairing | None]], problems: list[Problem],
) -> tuple[list[Story], list[Problem]]:
    stories: dict[str, Story] = {}
    for versions, pairing in groups:
        story_id = _story_id(versions)
        if story_id in stories:
            others = ", ".join(a.source.name for a in stories[story_id].versions.values())
            for article in versions.values():
                problems.append(error(article.source, f"has the same address {story_id!r} as "
                                                      f"{others}: set 'story' to tell them apart"))
            continue
        stories[story_id] = Story(story_id, versions, pairing)
    return sorted(stories.values(), key=_newest_first, reverse=True), problems


def _story_id(versions: dict[str, Article]) -> str:
    keys = [article.story.value for article in versions.values() if article.story.value]
    if keys:
        return keys[0]
    original = next(versions[lang] for lang in LANGUAGES if lang in versions)
    return story_slug(original.title.value, original.source.stem)


def _newest_first(story: Story) -> tuple[dt.date, str]:
    return (story.date or dt.date.min, story.id)


def missing_translations(stories: Sequence[Story], required: bool) -> list[Problem]:
    """A story without a version in a language: a warning when translations are required,
    else a note for the editor."""
    report = warning if required else note
    return [report(story.original.source, f"story {story.id!r} has no {lang!r} version")
            for story in stories for lang in story.missing]
