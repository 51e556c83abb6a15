"""The edition: what one build publishes, from the ingested sources and the two registries.

Stories (public ones only, unless previewing), each version's tags through the taxonomy, which
versions are the press room's translations, the cases they report, and every problem found on
the way. Pure: the plugin hands in the clock.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path

from ..language import LANGUAGES
from ..model import Article
from ..problems import Problem, error
from ..sources.ingest import Ingested
from .case_documents import PublishedDocument, check_documents
from .cases import Case, check_cases
from .grouping import Story, group_stories, missing_translations
from .taxonomy import Tag, Taxonomy, article_tags, tag_candidates, tagged_stories
from .translations import Relation, as_published, find_translations, relation


def shown_version(story: Story, lang: str) -> Article:
    """What a reader of ``lang`` sees of a story: its version in that language, or, where it
    has none, the original standing in for it."""
    return story.versions.get(lang, story.original)


@dataclass(frozen=True)
class Edition:
    stories: Sequence[Story]
    # Each version's own tags, by its source: tags belong to the article that has them.
    version_tags: Mapping[Path, Sequence[Tag]] = field(default_factory=dict)
    cases: Sequence[Case] = ()
    cases_of: Mapping[str, Sequence[Case]] = field(default_factory=dict)
    problems: Sequence[Problem] = ()
    tag_candidates: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # The press room's translations: each one's source with its original's.
    translation_of: Mapping[Path, Path] = field(default_factory=dict)
    # The cases' documents that are published (checked), in the registry's order.
    documents: Sequence[PublishedDocument] = ()

    # Looked up once per page: built once per edition, so that pages cost no scan of the archive.
    @cached_property
    def _stories_by_id(self) -> dict[str, Story]:
        return {story.id: story for story in self.stories}

    @cached_property
    def _tags_by_id(self) -> dict[str, Tag]:
        return {tag.id: tag for tags in self.version_tags.values() for tag in tags}

    @cached_property
    def _by_tag(self) -> dict[str, dict[str, list[Story]]]:
        return {lang: tagged_stories(self.stories, partial(self.tags_of, lang=lang))
                for lang in LANGUAGES}

    def story(self, story_id: str) -> Story | None:
        return self._stories_by_id.get(story_id)

    def tag(self, tag_id: str) -> Tag | None:
        return self._tags_by_id.get(tag_id)

    def tags_of(self, story: Story, lang: str) -> Sequence[Tag]:
        """The tags a reader of ``lang`` sees on a story: those of the version shown, never
        another version's."""
        return self.version_tags.get(shown_version(story, lang).source, ())

    def by_tag(self, lang: str) -> Mapping[str, list[Story]]:
        """Each tag id with the stories tagged with it in ``lang``, newest first."""
        return self._by_tag[lang]

    def related(self, story: Story, lang: str) -> list[tuple[Article, Relation]]:
        """The story's other versions, each with how it stands to the one a reader of
        ``lang`` sees: its original, its translation, or independent coverage."""
        shown = shown_version(story, lang)
        return [(other, relation(self.translation_of, shown, other))
                for other in story.versions.values() if other is not shown]

    def original_of(self, story: Story, lang: str) -> Article | None:
        """The version that the one in ``lang`` is the press room's translation of; None for
        an original, or for an outlet's own article."""
        return next((other for other, kind in self.related(story, lang)
                     if kind is Relation.ORIGINAL), None)


def prepare_edition(
    ingested: Ingested, taxonomy: Taxonomy, cases: Sequence[Case], *, now: dt.datetime,
    preview: bool, require_translations: bool, seeds: Path, cases_file: Path,
    press_room: str | Mapping[str, str],
) -> Edition:
    """``press_room`` is the site's name, one for every language or one per language: the
    publisher of the press room's translations, named in the translation's language."""
    articles = ingested.articles
    public = [article for article in articles if preview or article.is_public(now)]
    stories, problems = group_stories(public)
    # Checks run over every story, drafts included: a registry may name a story not yet out.
    # Grouping again is only needed when something was held back.
    every_story = stories if len(public) == len(articles) else group_stories(articles)[0]
    problems += missing_translations(stories, require_translations)
    translation_of, found = find_translations(ingested.outcomes, seeds, every_story, stories)
    problems += found
    names = dict.fromkeys(LANGUAGES, press_room) if isinstance(press_room, str) else press_room
    stories = as_published(stories, translation_of, names)
    version_tags: dict[Path, list[Tag]] = {}
    for story in stories:
        for article in story.versions.values():
            version_tags[article.source], unknown = article_tags(article, taxonomy)
            problems += unknown
    lines = {str(outcome.path.relative_to(seeds)): {line.number: line.text
                                                     for line in outcome.cleaned.lines}
             for outcome in ingested.outcomes
             if outcome.cleaned is not None and outcome.path.is_relative_to(seeds)}
    problems += check_cases(cases, cases_file, {story.id for story in every_story}, lines)
    problems += _unknown_case_ids(ingested, {case.id for case in cases})
    documents, found = check_documents(cases, cases_file, seeds)
    problems += found
    return Edition(stories, version_tags, cases, _cases_of(stories, cases), problems,
                   tag_candidates(stories, taxonomy), translation_of, documents)


def _unknown_case_ids(ingested: Ingested, known: set[str]) -> list[Problem]:
    problems = []
    for outcome in ingested.outcomes:
        given = outcome.source.editor("cases") if outcome.source else None
        for case_id in given.value if given else ():
            if case_id not in known:
                problems.append(error(outcome.path, f"case {case_id!r} is not in the case "
                                                    "registry", given.line))
    return problems


def _cases_of(stories: Sequence[Story], cases: Sequence[Case]) -> dict[str, list[Case]]:
    """The cases each story reports: named by the registry, or by a source's `cases` key."""
    by_id = {case.id: case for case in cases}
    found: dict[str, dict[str, Case]] = {}
    for case in cases:
        for story in case.stories:
            found.setdefault(story, {})[case.id] = case
    for story in stories:
        for article in story.versions.values():
            for case_id in article.cases:
                if case_id in by_id:
                    found.setdefault(story.id, {})[case_id] = by_id[case_id]
    return {story: list(cases.values()) for story, cases in found.items()}


# Pagefind ranks every page a word stands on: a word on all 10,000 stories of an archive takes
# it most of a second. The header's search first ranks the newest stories of the language
# (Pagefind filters before it ranks), shows those, then the whole archive's ranking.
NEWEST_STORIES = 500


def newest_story_ids(stories: Sequence[Story], lang: str, count: int = NEWEST_STORIES) -> set[str]:
    """The ``count`` most recent stories with a version in ``lang`` (by that version's date;
    undated ones are never among them)."""
    dated = [(article.date.value, story.id) for story in stories
             if (article := story.versions.get(lang)) is not None
             and article.date.value is not None]
    return {story_id for _, story_id in heapq.nlargest(count, dated)}
