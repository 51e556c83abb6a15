"""Which language version of a story is the press room's own translation of which.

Two versions of one story are either the press room's translation and its original, or two
outlets' independent articles about one event (paired by their shared names and numbers).
Only an editor knows which: the translation says so with ``translation_of``, naming its
original's source file. Without it, neither version is presented or described as a
translation of the other, and each keeps its own publisher.

What the press room writes is the press room's: a translation's publisher is the press room,
never the outlet that published the original (that outlet is named as the original's).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

from ..model import Article, Inferred, by_rule
from ..problems import Problem, error, warning
from ..sources.ingest import Outcome
from .grouping import Story

KEY = "translation_of"


class Relation(StrEnum):
    """How another version of a story stands to the one a reader sees."""

    ORIGINAL = "original"  # this version is the press room's translation of it
    TRANSLATION = "translation"  # it is the press room's translation of this version
    COVERAGE = "coverage"  # another outlet's own article, in the other language


def relation(translation_of: Mapping[Path, Path], version: Article, other: Article) -> Relation:
    if translation_of.get(version.source) == other.source:
        return Relation.ORIGINAL
    if translation_of.get(other.source) == version.source:
        return Relation.TRANSLATION
    return Relation.COVERAGE


def find_translations(
    outcomes: Iterable[Outcome], seeds: Path, every_story: Sequence[Story],
    published: Sequence[Story],
) -> tuple[dict[Path, Path], list[Problem]]:
    """Each translation's source with its original's, from the editors' ``translation_of``
    keys; a key that cannot be right is an error naming the file and the key's line."""
    usable = [outcome for outcome in outcomes
              if outcome.status == "published" and outcome.article is not None]
    articles = {_name(outcome.path, seeds): outcome.article for outcome in usable}
    story_of = {article.source: story.id for story in every_story
                for article in story.versions.values()}
    public = {article.source for story in published for article in story.versions.values()}
    found: dict[Path, Path] = {}
    problems: list[Problem] = []
    for outcome in usable:
        given = outcome.source.editor(KEY) if outcome.source else None
        if given is None:
            continue
        article, original = outcome.article, articles.get(given.value)
        assert article is not None
        wrong = _wrong(article, given.value, original, story_of, found)
        if wrong is not None or original is None:
            problems.append(error(article.source, f"frontmatter '{KEY}': {wrong}", given.line))
            continue
        found[article.source] = original.source
        if article.source in public and original.source not in public:
            problems.append(error(article.source, f"frontmatter '{KEY}': its original "
                                                  f"{given.value!r} is not published (a draft, "
                                                  "or under embargo): a translation waits for "
                                                  "its original", given.line))
        problems += _publisher_given(outcome, given.value)
    return found, problems


def _name(path: Path, seeds: Path) -> str:
    return path.relative_to(seeds).as_posix() if path.is_relative_to(seeds) else path.name


def _wrong(article: Article, name: str, original: Article | None,
           story_of: Mapping[Path, str], found: Mapping[Path, Path]) -> str | None:
    """Why the source a translation names cannot be its original (None when it can be)."""
    if original is None:
        return f"{name!r} is not a published source of the seeds folder"
    if original.lang.value == article.lang.value:
        return (f"{name!r} is in {original.lang.value!r} too: a translation is of the version "
                "in the other language")
    story = story_of.get(article.source)
    if story is None or story != story_of.get(original.source):
        return (f"{name!r} is not the other version of this story: give both the same "
                "'story'")
    if found.get(original.source) == article.source:
        return f"{name!r} names this file as its original: only the translation says '{KEY}'"
    return None


def _publisher_given(outcome: Outcome, original: str) -> list[Problem]:
    """An editor's ``source`` on a translation would name the original's outlet as the
    publisher of the press room's text: it is not used, and the editor is told."""
    given = outcome.source.editor("source") if outcome.source else None
    if given is None:
        return []
    return [warning(outcome.path, f"frontmatter 'source': {given.value!r} is not the publisher "
                                  "of the press room's translation (the press room is); the "
                                  f"original's publisher is shown from {original!r}: remove "
                                  "'source' here", given.line)]


def as_published(stories: Sequence[Story], translation_of: Mapping[Path, Path],
                 press_room: Mapping[str, str]) -> list[Story]:
    """The stories with each translation published by the press room, named in the
    translation's language (``press_room`` is its name per language)."""
    return [Story(story.id, {lang: _published_by(article, translation_of, press_room)
                             for lang, article in story.versions.items()})
            if any(article.source in translation_of for article in story.versions.values())
            else story for story in stories]


def _published_by(article: Article, translation_of: Mapping[Path, Path],
                  press_room: Mapping[str, str]) -> Article:
    if article.source not in translation_of:
        return article
    why = by_rule("translation", detail=f"the press room's translation of "
                                        f"{translation_of[article.source].name}")
    return replace(article, publisher=Inferred(press_room[article.lang.value], why))
