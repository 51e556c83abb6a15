"""The files next to the pages: Atom feeds, the JSON exports and their schemas.

Pure: the plugin says where each page is (``url_of``) and the public address of the site.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from ..language.i18n import N_, translate
from ..pages.case_pages import CASES_PAGE, outcome_text
from ..pages.case_pages import TITLE as CASES_TITLE
from ..pages.listings import story_path
from ..pages.tag_pages import TAGS
from ..sources.editor_keys import LANGUAGES
from ..stories.edition import Edition
from ..stories.grouping import Story
from ..stories.translations import Relation
from .exports import ARTICLES, CASES, SCHEMAS, articles_export, cases_export
from .feeds import Feed, atom_feed, stable_id
from .structured_data import (
    CaseEntry,
    Work,
    case_summary,
    digital_document,
    named_organization,
    news_article,
    open_graph,
    organization,
    script_json,
)

FEED = "feed.xml"
# {name} is the press room's name in the feed's language.
FEED_TITLE = N_("{name}: latest stories")
TAG_FEED_TITLE = N_("{name}: stories on {tag}")

PathUrl = Callable[[str], str]  # a docs path ("de/stories/x.md") -> its absolute URL


def feed_paths(edition: Edition) -> dict[str, tuple[str, str]]:
    """Every feed: its path, and the page path and title message it belongs to."""
    feeds = {f"{lang}/{FEED}": (f"{lang}/index.md", "") for lang in LANGUAGES}
    for lang in LANGUAGES:
        for tag_id in edition.by_tag(lang):
            feeds[f"{lang}/{TAGS}/{tag_id}/{FEED}"] = (f"{lang}/{TAGS}/{tag_id}.md", tag_id)
    return feeds


def data_files(edition: Edition, url: PathUrl, names: Mapping[str, str]) -> dict[str, str]:
    """``names`` is the press room's name per language (its feeds' title and author)."""
    files = {path: _feed(edition, path, page, tag_id, url, names[path.split("/", 1)[0]])
             for path, (page, tag_id) in feed_paths(edition).items()}
    files[ARTICLES] = _json(articles_export(
        edition.stories, edition.tags_of, edition.original_of, edition.cases_of,
        lambda story, lang: url(story_path(story, lang))))
    story_ids = {story.id for story in edition.stories}
    files[CASES] = _json(cases_export(
        edition.cases, lambda case, lang: f"{url(f'{lang}/{CASES_PAGE}')}#{case.id}",
        lambda story_id, lang: url(f"{lang}/stories/{story_id}.md") if story_id in story_ids
        else None, edition.documents, url))
    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        files[f"api/{schema.name}"] = schema.read_text(encoding="utf-8")
    return files


def _feed(edition: Edition, path: str, page: str, tag_id: str, url: PathUrl,
          site_name: str) -> str:
    lang = path.split("/", 1)[0]
    stories: list[Story] = list(edition.stories)
    title = translate(lang, FEED_TITLE, name=site_name)
    if tag_id:
        stories = edition.by_tag(lang)[tag_id]
        tag = edition.tag(tag_id)
        title = translate(lang, TAG_FEED_TITLE, name=site_name,
                          tag=tag.label(lang) if tag else tag_id)
    feed = Feed(stable_id("feed", path), title, lang, url(path), url(page))
    return atom_feed(feed, stories, lambda story: url(story_path(story, lang)),
                     lambda story: edition.tags_of(story, lang), site_name)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _documents_of(case_id: str, edition: Edition, lang: str, url: PathUrl
                  ) -> list[dict[str, Any]]:
    return [digital_document(published.document.title[lang], url(published.path),
                             published.document.language, published.document.media_type,
                             published.size,
                             published.document.date.iso() if published.document.date else None)
            for published in edition.documents if published.case == case_id]


def page_extras(
    path: str, lang: str, translated: bool, edition: Edition, url: PathUrl,
    site_name: str, site_description: str | None,
) -> dict[str, Any]:
    """What a page's head announces besides its languages: feeds, JSON-LD, Open Graph.
    ``site_name`` and ``site_description`` are the press room's in the page's language."""
    feeds = [{"href": url(f"{lang}/{FEED}"), "hreflang": lang,
              "title": translate(lang, FEED_TITLE, name=site_name)}]
    parts = path.removesuffix(".md").split("/")
    extras: dict[str, Any] = {"feeds": feeds, "jsonld": None, "og": []}
    if len(parts) == 3 and parts[1] == TAGS and parts[2] in edition.by_tag(lang):
        tag = edition.tag(parts[2])
        label = tag.label(lang) if tag else parts[2]
        feeds.append({"href": url(f"{path[:-3]}/{FEED}"), "hreflang": lang,
                      "title": translate(lang, TAG_FEED_TITLE, name=site_name, tag=label)})
    if parts[1:] == ["index"]:
        extras["jsonld"] = script_json(organization(site_name, url(""), site_description))
    if path == f"{lang}/{CASES_PAGE}":
        entries = [CaseEntry(case.id, case.title[lang], outcome_text(lang, case), case.docket,
                             case.updated, _documents_of(case.id, edition, lang, url))
                   for case in edition.cases]
        extras["jsonld"] = script_json(case_summary(
            entries, translate(lang, CASES_TITLE), url(path), lang,
            named_organization(site_name, url(""))))
    story = edition.story(parts[2]) if len(parts) == 3 and parts[1] == "stories" else None
    if story is not None and translated:
        article = story.versions[lang]
        tags = edition.tags_of(story, lang)
        # Independent coverage in the other language is left out (see ``news_article``).
        related = [(Work(other.lang.value, url(story_path(story, other.lang.value)),
                         other.publisher.value), kind)
                   for other, kind in edition.related(story, lang)]
        original = next((work for work, kind in related if kind is Relation.ORIGINAL), None)
        translations = [work for work, kind in related if kind is Relation.TRANSLATION]
        extras["jsonld"] = script_json(news_article(
            article, url(path), lang, tags, named_organization(site_name, url("")), original,
            translations))
        extras["og"] = open_graph(article, url(path), tags, lang)
    return extras
