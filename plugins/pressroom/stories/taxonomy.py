"""The taxonomy: every tag once, under a language-neutral id, with its label per language.

Modelled on SKOS: a preferred label per language and alternative labels (aliases), so that
"YU7" and "YU7 SUV", "XIAOMI-W" and "Xiaomi", "online defamation" and "Online-Verleumdung"
are one tag.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..language import LANGUAGES
from ..language.slugs import MAX_SLUG_BYTES
from ..model import Article
from ..problems import Problem, SourceError, error, fault, warning
from ..sources.editor_keys import STORY_ID
from ..sources.registry_files import Record, load_registry, missing_registry, text_per_language
from .grouping import Story


@dataclass(frozen=True)
class Tag:
    id: str
    labels: Mapping[str, str] = field(hash=False)
    aliases: tuple[str, ...] = ()
    iptc: str | None = None

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()))


def tag_key(text: str) -> str:
    """How tags are compared: without case, spaces, hyphens, '#' or a trailing comma."""
    return re.sub(r"[\s\-_#.,;:]+", "", text.casefold())


class Taxonomy:
    def __init__(self, tags: Iterable[Tag] = ()) -> None:
        self.tags: dict[str, Tag] = {}
        self._by_key: dict[str, Tag] = {}
        for tag in tags:
            self.tags[tag.id] = tag
            for name in (tag.id, *tag.labels.values(), *tag.aliases):
                self._by_key.setdefault(tag_key(name), tag)

    def find(self, text: str) -> Tag | None:
        return self._by_key.get(tag_key(text))


def load_taxonomy(path: Path, named: bool = False) -> tuple[Taxonomy, list[Problem]]:
    """The tag registry; ``named`` when the configuration names it (it must then exist)."""
    missing = missing_registry(path, named, "taxonomy", "every tag will be unknown")
    if missing is not None:
        return Taxonomy(), [missing]
    try:
        records, problems = load_registry(path)
    except SourceError as exc:
        return Taxonomy(), list(exc.problems)
    tags = []
    seen: dict[str, int] = {}
    for record in records:
        try:
            tag, found = _tag(path, record)
        except Exception as exc:  # a fault in this code: one entry is left out, not the site
            tag, found = None, [fault(path, exc, record.line)]
        problems += found
        if tag is None:
            continue
        clashes = [name for name in (tag.id, *tag.labels.values(), *tag.aliases)
                   if tag_key(name) in seen and seen[tag_key(name)] != record.line]
        if clashes:
            problems.append(error(path, f"tag {tag.id!r}: {clashes[0]!r} already names the tag "
                                        f"on line {seen[tag_key(clashes[0])]}", record.line))
            continue
        for name in (tag.id, *tag.labels.values(), *tag.aliases):
            seen[tag_key(name)] = record.line
        tags.append(tag)
    return Taxonomy(tags), problems


def _tag(path: Path, record: Record) -> tuple[Tag | None, list[Problem]]:
    tag_id, labels, aliases = record.get("id"), record.get("labels"), record.get("aliases") or []
    if not isinstance(tag_id, str) or not STORY_ID.match(tag_id) or len(tag_id) > MAX_SLUG_BYTES:
        return None, [error(path, f"tag id {tag_id!r} must be lowercase letters, digits and "
                                  f"hyphens, at most {MAX_SLUG_BYTES} (it names a page)",
                            record.line)]
    if not text_per_language(labels):
        return None, [error(path, f"tag {tag_id!r} needs a label in each of "
                                  f"{', '.join(LANGUAGES)}", record.line)]
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        return None, [error(path, f"tag {tag_id!r}: aliases must be a list of texts",
                            record.line)]
    iptc = record.get("iptc")
    return Tag(tag_id, {str(k): str(v) for k, v in labels.items()},
               tuple(str(alias) for alias in aliases), str(iptc) if iptc else None), []


def article_tags(article: Article, taxonomy: Taxonomy) -> tuple[list[Tag], list[Problem]]:
    """The tags of one version, through the taxonomy, and the unknown ones. Tags belong to
    the article that has them: another language's version of the story may have others."""
    tags: dict[str, Tag] = {}
    problems: list[Problem] = []
    for text in article.tags.value:
        tag = taxonomy.find(text)
        if tag is None:
            problems.append(warning(article.source, f"tag {text!r} is not in the taxonomy: "
                                                    "add it, or an alias for it",
                                    article.tags.provenance.line))
        else:
            tags.setdefault(tag.id, tag)
    return list(tags.values()), problems


def tagged_stories(
    stories: Sequence[Story], tags_of: Callable[[Story], Sequence[Tag]]
) -> dict[str, list[Story]]:
    """Each tag id with its stories (in the order given, newest first): built once, by tag."""
    by_tag: dict[str, list[Story]] = {}
    for story in stories:
        for tag in tags_of(story):
            by_tag.setdefault(tag.id, []).append(story)
    return by_tag


def tag_candidates(stories: Sequence[Story], taxonomy: Taxonomy) -> dict[str, list[str]]:
    """Tags the taxonomy does not know, each with the sources that use it: for the report."""
    candidates: dict[str, list[str]] = {}
    for story in stories:
        for article in story.versions.values():
            for text in article.tags.value:
                if taxonomy.find(text) is None:
                    candidates.setdefault(text, []).append(str(article.source))
    return candidates
