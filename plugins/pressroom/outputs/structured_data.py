"""Machine-readable descriptions of pages: schema.org JSON-LD and Open Graph.

Text from sources goes into JSON, and JSON into a <script> element: "<", ">" and "&" are
written as JSON escapes, so that no source can close the element or start a comment in it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Article
from ..stories.taxonomy import Tag


def script_json(data: Mapping[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class Work:
    """Another language version of an article, as the article's data names it."""

    lang: str
    url: str
    publisher: str | None = None


def news_article(
    article: Article, url: str, lang: str, tags: Sequence[Tag], press_room: Mapping[str, str],
    original: Work | None = None, translations: Sequence[Work] = (), image: str | None = None,
) -> dict[str, Any]:
    """NewsArticle, with its ``image`` (an absolute address). ``original`` is the version
    this one is the press room's translation of, ``translations`` are the press room's
    translations of this one (``press_room`` is its Organization). Another outlet's article
    on the same event in the other language is neither, and is not named: schema.org has no
    property of an article for independent coverage (``relatedLink`` belongs to a web page),
    and calling it a translation would make the press room's data say that one outlet's text
    is another's."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title.value,
        "inLanguage": lang,
        "url": url,
        "keywords": [tag.label(lang) for tag in tags],
    }
    if article.published:
        # Sources give days: a Date, which schema.org accepts, and no invented time of day. A
        # date only the text names is no publication date, and is not given as one.
        data["datePublished"] = article.published.isoformat()
    if article.summary.value:
        data["description"] = article.summary.value
    if image:
        data["image"] = [image]
    if original:
        # The press room wrote this text: it publishes and translates it. The outlet that
        # published the original is the original's publisher, never this text's.
        data["publisher"] = data["translator"] = dict(press_room)
        data["translationOfWork"] = _work(original)
    elif article.publisher.value:
        data["publisher"] = named_organization(article.publisher.value)
    if translations:
        data["workTranslation"] = [{**_work(work), "publisher": dict(press_room),
                                    "translator": dict(press_room)} for work in translations]
    return data


def _work(work: Work) -> dict[str, Any]:
    # The other version is named by its address, as its own page's data names itself (an
    # "@id" or "mainEntityOfPage" repeating the address would add bytes, not meaning).
    data: dict[str, Any] = {"@type": "NewsArticle", "url": work.url, "inLanguage": work.lang}
    if work.publisher:
        data["publisher"] = named_organization(work.publisher)
    return data


def named_organization(name: str, url: str | None = None) -> dict[str, str]:
    data = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    return data


def organization(name: str, url: str, description: str | None) -> dict[str, Any]:
    data = {"@context": "https://schema.org", **named_organization(name, url)}
    if description:
        data["description"] = description
    return data


@dataclass(frozen=True)
class Preview:
    """What a link preview shows of a page: its image's absolute address and description."""

    image: str
    image_alt: str


def open_graph(article: Article, url: str, tags: Sequence[Tag], lang: str,
               preview: Preview | None = None) -> list[list[str]]:
    """(property, content) pairs for an article page."""
    pairs = [["og:type", "article"], ["og:title", article.title.value], ["og:url", url]]
    if article.summary.value:
        pairs.append(["og:description", article.summary.value])
    pairs += _preview_pairs(preview)
    if article.published:
        # ISO 8601, as Open Graph asks: a day alone, since sources give no time.
        pairs.append(["article:published_time", article.published.isoformat()])
    pairs += [["article:tag", tag.label(lang)] for tag in tags]
    return pairs


def website_graph(title: str, url: str, description: str | None,
                  preview: Preview) -> list[list[str]]:
    """(property, content) pairs for any other page: Open Graph asks every page for its
    type, title, address and image."""
    pairs = [["og:type", "website"], ["og:title", title], ["og:url", url]]
    if description:
        pairs.append(["og:description", description])
    return pairs + _preview_pairs(preview)


def _preview_pairs(preview: Preview | None) -> list[list[str]]:
    if preview is None:
        return []
    return [["og:image", preview.image], ["og:image:alt", preview.image_alt]]


@dataclass(frozen=True)
class CaseEntry:
    """A case as the summary page describes it: its id, title, outcome as worded on the page
    (with its basis), docket number and the day its record was last checked."""

    id: str
    name: str
    description: str | None
    docket: str | None
    updated: dt.date | None
    documents: Sequence[Mapping[str, Any]] = ()  # see ``digital_document``


def case_summary(entries: Sequence[CaseEntry], title: str, url: str, lang: str,
                 publisher: Mapping[str, str]) -> dict[str, Any]:
    """The case summary as a WebPage about its cases, each with a stable address (its anchor)
    and its identifiers; modified when its newest record was last checked."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": title,
        "url": url,
        "inLanguage": lang,
        "publisher": dict(publisher),
        "about": [_case_entry(entry, url) for entry in entries],
    }
    updated = [entry.updated for entry in entries if entry.updated]
    if updated:
        data["dateModified"] = max(updated).isoformat()
    return data


def _case_entry(entry: CaseEntry, url: str) -> dict[str, Any]:
    identifiers = [{"@type": "PropertyValue", "propertyID": "case", "value": entry.id}]
    if entry.docket:
        identifiers.append({"@type": "PropertyValue", "propertyID": "docket",
                            "value": entry.docket})
    item: dict[str, Any] = {"@type": "Thing", "@id": f"{url}#{entry.id}", "name": entry.name,
                            "url": f"{url}#{entry.id}", "identifier": identifiers}
    if entry.description:
        item["description"] = entry.description
    if entry.documents:
        item["subjectOf"] = [dict(document) for document in entry.documents]
    return item


def digital_document(name: str, url: str, language: str, media_type: str, size: int,
                     created: str | None) -> dict[str, Any]:
    """A case's document (a ruling, a complaint): its title, address, language, form and
    size; ``created`` is its date as precise as the registry gives it."""
    data: dict[str, Any] = {"@type": "DigitalDocument", "name": name, "url": url,
                            "inLanguage": language, "encodingFormat": media_type,
                            "contentSize": f"{size} B"}
    if created:
        data["dateCreated"] = created
    return data
