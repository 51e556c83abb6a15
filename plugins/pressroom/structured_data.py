"""Machine-readable descriptions of pages: schema.org JSON-LD and Open Graph.

Text from sources goes into JSON, and JSON into a <script> element: "<", ">" and "&" are
written as JSON escapes, so that no source can close the element or start a comment in it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .model import Article
from .taxonomy import Tag


def script_json(data: Mapping[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def news_article(
    article: Article, url: str, lang: str, tags: Sequence[Tag],
    original: tuple[str, str] | None, translations: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    """NewsArticle; `original` and `translations` are (language, url) of the other versions."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title.value,
        "inLanguage": lang,
        "url": url,
        "keywords": [tag.label(lang) for tag in tags],
    }
    if article.date.value:
        # Sources give days: a Date, which schema.org accepts, and no invented time of day.
        data["datePublished"] = article.date.value.isoformat()
    if article.summary.value:
        data["description"] = article.summary.value
    if article.publisher.value:
        data["publisher"] = {"@type": "Organization", "name": article.publisher.value}
    if original:
        data["translationOfWork"] = _work(*original)
    if translations:
        data["workTranslation"] = [_work(other_lang, other) for other_lang, other in translations]
    return data


def _work(lang: str, url: str) -> dict[str, str]:
    # The other version is named by its address, as its own page's data names itself (an
    # "@id" or "mainEntityOfPage" repeating the address would add bytes, not meaning).
    return {"@type": "NewsArticle", "url": url, "inLanguage": lang}


def organization(name: str, url: str, description: str | None) -> dict[str, Any]:
    data = {"@context": "https://schema.org", "@type": "Organization", "name": name, "url": url}
    if description:
        data["description"] = description
    return data


def open_graph(article: Article, url: str, tags: Sequence[Tag], lang: str) -> list[list[str]]:
    """(property, content) pairs for an article page."""
    pairs = [["og:type", "article"], ["og:title", article.title.value], ["og:url", url]]
    if article.summary.value:
        pairs.append(["og:description", article.summary.value])
    if article.date.value:
        # ISO 8601, as Open Graph asks: a day alone, since sources give no time.
        pairs.append(["article:published_time", article.date.value.isoformat()])
    pairs += [["article:tag", tag.label(lang)] for tag in tags]
    return pairs
