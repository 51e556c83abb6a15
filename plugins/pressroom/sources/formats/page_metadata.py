"""What a saved page states about its article in its markup, each value with where it stands.

Publishers describe their articles for search engines and social networks: JSON-LD
(schema.org ``NewsArticle`` and its kin), Open Graph, ``<meta>`` names, ``<time>``, the
canonical link, ``<html lang>``, and ``<title>``. Each is read here with the element's line,
in the order of trust: structured data first, then the tags made for sharing, then the page's
own title and headline. Nothing here decides which value wins; inference does, and says
where the winner came from.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from ...model import Found
from ..unsafe_characters import safe_text

# schema.org types of a single article (a page about one story); "WebPage" alone describes
# the page, not its article, and is read only where there is no article.
ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle", "BlogPosting",
    "Report", "ScholarlyArticle", "TechArticle", "LiveBlogPosting", "SocialMediaPosting",
})
PAGE_TYPES = frozenset({"WebPage", "ItemPage", "AboutPage"})
# <meta name> (or property) that carry a publication date: Dublin Core, the citation tags of
# scholarly and legal publishers, and the names the common publishing systems write.
DATE_META = ("article:published_time", "dc.date.issued", "dcterms.issued", "dc.date",
             "dcterms.date", "citation_publication_date", "citation_date", "date", "pubdate",
             "publish-date", "publishdate", "publication_date", "sailthru.date",
             "parsely-pub-date")
PUBLISHER_META = ("dc.publisher", "dcterms.publisher", "citation_publisher", "publisher",
                  "application-name")
AUTHOR_META = ("author", "dc.creator", "dcterms.creator", "citation_author", "article:author")
# A headline is a line, a description a paragraph or two: longer values are something else
# (a whole article pasted into a tag) and are not taken.
MAX_LENGTHS = {"title": 300, "summary": 1_000, "publisher": 120, "author": 200}
# What parts a page's <title> from the site's name ("Headline | Site", "Site – Headline").
TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—·•»]|-{1,2})\s+")
CANONICAL = "<link rel=canonical>"
ARTICLE_HEADING = "<h1> of the article"
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_TAG = re.compile(r"<[^>]{0,200}>")
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


def page_facts(doc: Any) -> tuple[list[Found], list[str]]:
    """Every value the page's markup states, in the order of trust, and notes on markup
    that could not be read (a JSON-LD block that is not JSON)."""
    found: list[Found] = []
    notes: list[str] = []
    found += _json_ld(doc, notes)
    found += _open_graph(doc)
    found += _meta_names(doc)
    found += _page_elements(doc, found)
    # The canonical link is the page's own word on its address, above og:url and JSON-LD.
    found.sort(key=lambda fact: fact.where != CANONICAL)
    return [fact for fact in found if fact.value not in (None, "")], notes


def _meta(doc: Any) -> Iterator[tuple[str, str, int | None]]:
    """(name or property, content, line) of every <meta> with both."""
    for element in doc.iter("meta"):
        name = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if name and content:
            yield name.strip().lower(), content, element.sourceline


def _open_graph(doc: Any) -> list[Found]:
    fields = {"og:title": "title", "og:site_name": "publisher", "og:description": "summary",
              "og:url": "source_url", "og:locale": "lang",
              "article:published_time": "date", "article:author": "author",
              "twitter:title": "title", "twitter:description": "summary"}
    found = []
    for name, content, line in _meta(doc):
        field = fields.get(name)
        if field is not None:
            label = "Open Graph" if name.startswith(("og:", "article:")) else "Twitter card"
            found += _fact(field, content, f"{label} {name}", line)
    return found


def _meta_names(doc: Any) -> list[Found]:
    found = []
    for name, content, line in _meta(doc):
        if name == "description":
            found += _fact("summary", content, "<meta name=description>", line)
        elif name in DATE_META and not name.startswith("article:"):
            found += _fact("date", content, f"<meta name={name}>", line)
        elif name in PUBLISHER_META:
            found += _fact("publisher", content, f"<meta name={name}>", line)
        elif name in AUTHOR_META and not name.startswith("article:"):
            found += _fact("author", content, f"<meta name={name}>", line)
        elif name in ("content-language", "dc.language", "language"):
            found += _fact("lang", content, f"<meta name={name}>", line)
    for element in doc.iter("meta"):
        if (element.get("http-equiv") or "").lower() == "content-language":
            found += _fact("lang", element.get("content"), "<meta http-equiv=content-language>",
                           element.sourceline)
    return found


def _page_elements(doc: Any, found: list[Found]) -> list[Found]:
    """The canonical link, <html lang>, <time> in the article, its first <h1>, and <title>
    without the site's name."""
    facts: list[Found] = []
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            facts += _fact("source_url", link.get("href"), CANONICAL,
                           link.sourceline, base=_first(found, "source_url"))
    root = doc.getroottree().getroot()
    facts += _fact("lang", root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}"
                                                        "lang"), "<html lang>", root.sourceline)
    article = _article_element(doc)
    for time in article.iter("time"):
        if time.get("datetime"):
            facts += _fact("date", time.get("datetime"), "<time datetime> in the article",
                           time.sourceline)
            break
    heading = next(article.iter("h1"), None)
    if heading is not None:
        facts += _fact("title", heading.text_content(), ARTICLE_HEADING,
                       heading.sourceline)
    title = next(doc.iter("title"), None)
    if title is not None:
        site = _first([*found, *facts], "publisher")
        headline, named = split_site_name(_clean(title.text_content()), site)
        facts += _fact("title", headline, "<title>" + (" without the site's name" if named
                                                       else ""), title.sourceline)
        if named and site is None:
            facts += _fact("publisher", named, "<title>, the site's name beside the headline",
                           title.sourceline)
    return facts


def _article_element(doc: Any) -> Any:
    """The element that holds the article: <article> (the first with a heading), <main>,
    else the body; a <time> or <h1> in a teaser of the sidebar is not the article's."""
    articles = list(doc.iter("article"))
    for element in articles:
        if next(element.iter("h1"), None) is not None:
            return element
    if articles:
        return articles[0]
    main = next(doc.iter("main"), None)
    return main if main is not None else doc


def split_site_name(title: str, site: str | None) -> tuple[str, str | None]:
    """A page's title as (headline, the site's name it carries or None): "Headline | Site"
    or "Site – Headline". The part that is the site's known name goes; without a known name,
    a short last part of one to four words is taken for it."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title, None
    if site is not None:
        folded = site.casefold()
        rest = [part for part in parts if part.casefold() != folded]
        if len(rest) < len(parts):
            return " – ".join(rest), site
    last = parts[-1]
    if len(last.split()) <= 4 and len(" ".join(parts[:-1]).split()) > len(last.split()):
        return " – ".join(parts[:-1]), last
    return title, None


def _first(found: list[Found], field: str) -> str | None:
    return next((fact.value for fact in found if fact.field == field), None)


def _json_ld(doc: Any, notes: list[str]) -> list[Found]:
    found: list[Found] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            notes.append(f"the JSON-LD block on line {script.sourceline} is not valid JSON: "
                         "not read")
            continue
        items = list(_items(data))
        chosen = [item for item in items if _types(item) & ARTICLE_TYPES] or \
                 [item for item in items if _types(item) & PAGE_TYPES]
        for item in chosen[:1]:
            found += _schema_facts(item, script.sourceline)
    return found


def _items(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document: its top, lists and @graph (bounded in depth)."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data[:100]:
            yield from _items(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _items(data.get("@graph"), depth + 1)


def _types(item: dict[str, Any]) -> set[str]:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {kind.rsplit("/", 1)[-1] for kind in kinds if isinstance(kind, str)}


def _schema_facts(item: dict[str, Any], line: int | None) -> list[Found]:
    kind = sorted(_types(item) & ARTICLE_TYPES or _types(item))[0]
    facts: list[Found] = []
    for key, field in (("headline", "title"), ("name", "title"), ("datePublished", "date"),
                       ("dateCreated", "date"), ("description", "summary"),
                       ("inLanguage", "lang"), ("url", "source_url")):
        facts += _fact(field, _name_of(item.get(key)), f"JSON-LD {kind}.{key}", line)
    facts += _fact("source_url", _name_of(item.get("mainEntityOfPage"), "@id"),
                   f"JSON-LD {kind}.mainEntityOfPage", line)
    facts += _fact("publisher", _name_of(item.get("publisher")), f"JSON-LD {kind}.publisher",
                   line)
    authors = item.get("author")
    names = [_name_of(author) for author in (authors if isinstance(authors, list)
                                             else [authors])]
    facts += _fact("author", ", ".join(name for name in names if name), f"JSON-LD {kind}.author",
                   line)
    return facts


def _name_of(value: Any, key: str = "name") -> str | None:
    """A JSON-LD value as text: a string, or an object's name (or @id)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get(key) or value.get("@id")
    return value if isinstance(value, str) else None


def _fact(field: str, value: str | None, where: str, line: int | None,
          base: str | None = None) -> list[Found]:
    """The value as the field takes it (a day, a language code, an absolute address, plain
    text of bounded length), or nothing where it is not one."""
    if not value or not isinstance(value, str):
        return []
    text = _clean(value)
    typed: Any = {"date": _day, "lang": _language, "source_url": lambda text: _address(text, base)
                  }.get(field, lambda text: _text(field, text))(text)
    return [Found(field, typed, where, line)] if typed else []


def _clean(value: str) -> str:
    """Markup's text as a reader sees it: entities a system left encoded twice decoded, tags
    inside a value cut, white space collapsed, and no character that pages and feeds cannot
    carry (JSON-LD can write any as an escape, "\\u0000")."""
    text = html.unescape(value) if "&" in value else value
    text = _TAG.sub(" ", text) if "<" in text else text
    text, _ = safe_text(text)
    return " ".join(unicodedata.normalize("NFC", text).split())


def _text(field: str, text: str) -> str | None:
    return text if len(text) <= MAX_LENGTHS.get(field, 300) else None


def _day(text: str) -> dt.date | None:
    match = _ISO_DAY.match(unicodedata.normalize("NFKC", text))
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _language(text: str) -> str | None:
    match = _LANGUAGE.match(text)
    return match.group(1).lower() if match else None


def _address(text: str, base: str | None) -> str | None:
    """An absolute http(s) address; a relative one only against an absolute base."""
    if base and not urlsplit(text).scheme:
        text = urljoin(base, text)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        return None
    return text


def parse_page(text: str) -> Any:
    """The page as a tree to read markup from: lenient (broken markup is what browsers save
    too), without resolving entities from outside or reaching any network."""
    parser = lxml_html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                                  huge_tree=False)
    return lxml_html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
