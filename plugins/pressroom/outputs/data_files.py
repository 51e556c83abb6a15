"""The files next to the pages: Atom feeds, the JSON exports and their schemas.

Pure: the edition and the site's addresses in, the files' text out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import astuple, dataclass
from typing import Any

from ..addresses import Address, Addresses, Kind, front, story_address, tag_address, tag_feed
from ..language import LANGUAGES
from ..language.i18n import N_, translate
from ..pages.case_pages import TITLE as CASES_TITLE
from ..pages.case_pages import outcome_text
from ..pages.images import DEFAULT_SOCIAL_IMAGE, Image, social_image
from ..pages.site import SitePage
from ..reuse import Reuse
from ..stories.edition import Edition
from ..stories.grouping import Story
from ..stories.translations import Relation
from .exports import ARTICLES, CASES, SCHEMAS, articles_json, cases_export
from .feeds import Feed, atom_xml, feed_entries, stable_id
from .structured_data import (
    CaseEntry,
    Preview,
    Work,
    case_summary,
    digital_document,
    named_organization,
    news_article,
    open_graph,
    organization,
    script_json,
    website_graph,
)

# {name} is the press room's name in the feed's language.
FEED_TITLE = N_("{name}: latest stories")
TAG_FEED_TITLE = N_("{name}: stories on {tag}")


def feed_addresses(edition: Edition) -> list[tuple[Address, Address]]:
    """Every feed, and the page it is the feed of: a language's front page, or a tag's."""
    feeds = [(Address(Kind.FEED, lang), front(lang)) for lang in LANGUAGES]
    for lang in LANGUAGES:
        feeds += [(tag_feed(lang, tag_id), tag_address(lang, tag_id))
                  for tag_id in edition.by_tag(lang)]
    return feeds


def data_files(edition: Edition, addresses: Addresses, names: Mapping[str, str],
               reuse: Reuse | None = None) -> dict[str, str]:
    """``names`` is the press room's name per language (its feeds' title and author);
    ``reuse`` has the feeds and export entries the last build made (`mkdocs serve`)."""
    reuse = Reuse() if reuse is None else reuse
    files = {}
    for feed, page in feed_addresses(edition):
        files[feed.path] = _feed(edition, feed, page, addresses, names[feed.lang], reuse)
        if feed.former_path != feed.path:
            # A feed cannot forward its readers as a page does: where one lay before, the
            # same feed goes on, naming its new address as its own (rel="self").
            files[feed.former_path] = files[feed.path]
    files[ARTICLES] = articles_json(edition, addresses, reuse)
    files[CASES] = _json(cases_export(edition, addresses))
    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        files[f"api/{schema.name}"] = schema.read_text(encoding="utf-8")
    return files


def _feed(edition: Edition, feed: Address, page: Address, addresses: Addresses,
          site_name: str, reuse: Reuse) -> str:
    lang = feed.lang
    stories: list[Story] = list(edition.stories)
    title = translate(lang, FEED_TITLE, name=site_name)
    if page.kind is Kind.TAG:
        stories = edition.by_tag(lang)[page.subject]
        tag = edition.tag(page.subject)
        title = translate(lang, TAG_FEED_TITLE, name=site_name,
                          tag=tag.label(lang) if tag else page.subject)
    url = addresses.absolute
    about = Feed(stable_id("feed", feed.path), title, lang, url(feed), url(page))
    entries = feed_entries(lang, stories, lambda story: url(story_address(lang, story.id)),
                           lambda story: edition.tags_of(story, lang))
    # A feed whose entries an edit left alone is the text it was (most feeds, most edits).
    return reuse(atom_xml, astuple(about), entries, site_name)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _documents_of(case_id: str, edition: Edition, lang: str, addresses: Addresses
                  ) -> list[dict[str, Any]]:
    return [digital_document(published.document.title[lang], addresses.absolute(published.path),
                             published.document.language, published.document.media_type,
                             published.size,
                             published.document.date.iso() if published.document.date else None)
            for published in edition.documents if published.case == case_id]


def page_extras(page: SitePage, edition: Edition, addresses: Addresses, site_name: str,
                site_description: str | None, shown: Shown | None = None) -> dict[str, Any]:
    """What a page's head announces besides its languages: feeds, JSON-LD, Open Graph.
    ``site_name`` and ``site_description`` are the press room's in the page's language,
    ``shown`` what the page shows of itself (title, description) and the site's social
    image."""
    lang, url = page.lang, addresses.absolute
    shown = shown or Shown(site_name)
    feeds = [{"href": url(Address(Kind.FEED, lang)), "hreflang": lang,
              "title": translate(lang, FEED_TITLE, name=site_name)}]
    extras: dict[str, Any] = {"feeds": feeds, "jsonld": None, "og": []}
    if page.kind is Kind.TAG and page.subject in edition.by_tag(lang):
        tag = edition.tag(page.subject)
        label = tag.label(lang) if tag else page.subject
        feeds.append({"href": url(tag_feed(lang, page.subject)), "hreflang": lang,
                      "title": translate(lang, TAG_FEED_TITLE, name=site_name, tag=label)})
    if page.kind is Kind.FRONT:
        extras["jsonld"] = script_json(organization(site_name, url(""), site_description))
    if page.kind is Kind.CASES:
        entries = [CaseEntry(case.id, case.title[lang], outcome_text(lang, case), case.docket,
                             case.updated, _documents_of(case.id, edition, lang, addresses))
                   for case in edition.cases]
        extras["jsonld"] = script_json(case_summary(
            entries, translate(lang, CASES_TITLE), url(page.address), lang,
            named_organization(site_name, url(""))))
    story = edition.story(page.subject) if page.kind is Kind.STORY else None
    article = story.versions[lang] if story is not None and page.translated else None
    image = social_image(article, addresses.known, Image(shown.social_image, site_name))
    preview = Preview(url(image.path), image.alt)
    extras["og"] = website_graph(shown.title, url(page.address),
                                 shown.description or site_description, preview)
    if story is not None and article is not None:
        tags = edition.tags_of(story, lang)
        # Independent coverage in the other language is left out (see ``news_article``).
        related = [(Work(other.lang.value, url(story_address(other.lang.value, story.id)),
                         other.publisher.value), kind)
                   for other, kind in edition.related(story, lang)]
        original = next((work for work, kind in related if kind is Relation.ORIGINAL), None)
        translations = [work for work, kind in related if kind is Relation.TRANSLATION]
        extras["jsonld"] = script_json(news_article(
            article, url(page.address), lang, tags, named_organization(site_name, url("")),
            original, translations, image=preview.image))
        extras["og"] = open_graph(article, url(page.address), tags, lang, preview)
    return extras


@dataclass(frozen=True)
class Shown:
    """What a page shows of itself, as the engine has it: its title and description; and
    the site's social image (a path of the site), for pages and stories without their own."""

    title: str
    description: str | None = None
    social_image: str = DEFAULT_SOCIAL_IMAGE
