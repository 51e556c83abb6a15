"""A page saved from the browser becomes a Source: its article's text, and what its markup
states about the article (``page_metadata``), each value with where it stands.

The article's text is extracted by trafilatura, a library made to tell a page's main text
from its navigation, banners, related links and share buttons (measured against jusText and
readability-lxml on pages imitating news sites and law firms: see the README). What comes
out is text, one paragraph per line, and goes through the same cleaning and inference as a
text clipping: no script, style or element of the page reaches the site, and what the
extraction could not tell from furniture the cleaner may still take out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from ...language.text import is_prose
from ...model import Found, Line, Source
from ...problems import Problem, SourceError, error, note, warning
from ..decoding import UndecodableError
from ..reading import MAX_SOURCE_BYTES, repair_warnings
from ..unsafe_characters import safe_lines
from .block_text import block_lines
from .charset import declared_charset, decode_declared
from .page_metadata import ARTICLE_HEADING, page_facts, parse_page
from .sidecar import SidecarKeys

# An article has at least a few sentences; fewer words of running text than this is a page
# without one (a list of links, a consent wall, a page that loads its text by script).
MIN_ARTICLE_WORDS = 25
# Below this share of the page's words, with a page of more than FURNITURE_FROM words, the
# page is mostly furniture: the editor is asked to check that the whole article came out.
FURNITURE_SHARE = 0.15
FURNITURE_FROM = 400
# A table whose words are mostly link labels, with fewer other words than this, is a menu.
LINK_TABLE_SHARE = 0.5
LINK_TABLE_WORDS = 40
# Elements that make a table's cell a block of a page's layout, not a datum.
LAYOUT_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote")
# Elements whose text a reader never sees as text.
_HIDDEN = "ancestor::script or ancestor::style or ancestor::noscript or ancestor::template"

# trafilatura reports what it discards on its logger; the press room says what matters.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


@cache
def _extractor_config() -> Any:
    config = use_config()
    # The press room decides how short an article may be (above), not the extractor, whose
    # own threshold makes it fall back to whole-page text below 250 characters.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


@dataclass(frozen=True)
class Page:
    """A page's text, decoded, with how it was decoded."""

    text: str
    encoding: str
    raw: bytes


def decode_page(path: Path, raw: bytes) -> tuple[Page, list[Problem]]:
    """The page's text by the charset its markup declares (warned where that is wrong)."""
    try:
        decoded = decode_declared(raw, declared_charset(raw), "its markup")
    except UndecodableError as exc:
        raise SourceError(error(path, f"cannot be read as a page: {exc}")) from exc
    problems = [warning(path, decoded.doubt)] if decoded.doubt else []
    return Page(decoded.text, decoded.encoding, raw), problems


def read_page(path: Path, raw: bytes, keys: SidecarKeys) -> tuple[Source, list[Problem]]:
    """A saved page as a Source. Raises SourceError naming the file when it holds no article
    or cannot be read."""
    page, problems = decode_page(path, raw)
    return page_source(path, page, keys, "html", problems)


def page_source(
    path: Path, page: Page, keys: SidecarKeys, form: str, problems: list[Problem],
    stated: tuple[Found, ...] = (),
) -> tuple[Source, list[Problem]]:
    """A page (or a message's HTML part) as a Source: the article's lines, the page's facts
    followed by ``stated`` (what a message's headers add)."""
    text, removed = safe_lines(page.text)
    problems = [*problems, *repair_warnings(path, removed), *keys.problems]
    doc = _parsed(path, text)
    facts, notes = page_facts(doc)
    problems += [note(path, message) for message in notes]
    shown = visible_words(doc)
    prepared = without_layout_tables(doc)
    blocks = block_lines(prepared)
    article = _with_headline(_main_text(path, prepared), blocks, facts)
    lines = tuple(Line(number, line) for number, line in enumerate(article.split("\n"), 1))
    problems += _amount_checks(path, shown, article)
    source = Source(path=path, raw=page.raw, encoding=page.encoding, body=lines,
                    frontmatter=keys.keys, format=form, found=(*facts, *stated))
    return source, problems


def _parsed(path: Path, text: str) -> Any:
    try:
        return parse_page(text)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(error(path, f"holds no markup to read as a page ({exc})")) from exc


def without_layout_tables(doc: Any) -> Any:
    """The page with its tables of layout taken apart: old sites lay out their navigation
    in tables, newsletters their whole message, and an extractor that keeps tables (an
    article's table of fines or dates) would keep them as rows of cells. A table of few
    words, most of them links, is a menu and goes; any other table that is not one of data
    becomes blocks."""
    for table in list(doc.iter("table")):
        words = len(table.text_content().split())
        linked = sum(len(link.text_content().split()) for link in table.iter("a"))
        parent = table.getparent()
        if words and linked / words >= LINK_TABLE_SHARE and words - linked < LINK_TABLE_WORDS:
            if parent is not None:
                parent.remove(table)
        elif not _data_table(table):
            for element in [table, *table.iter("thead", "tbody", "tfoot", "tr", "td", "th")]:
                element.tag = "div"
    return doc


def _data_table(table: Any) -> bool:
    """A table of data, as browsers' reading views tell one (marked as data, with headers or
    a caption, several rows and columns, no blocks or tables in its cells)."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return False
    if next(table.iter("th", "caption", "thead", "colgroup"), None) is not None:
        return True
    if any(True for _ in table.iterdescendants("table")):
        return False
    rows = list(table.iter("tr"))
    if len(rows) < 2 or max(len(row.findall("td")) for row in rows) < 2:
        return False
    return not any(True for _ in table.iterdescendants(*LAYOUT_BLOCKS))


def _main_text(path: Path, doc: Any) -> str:
    try:
        article = trafilatura.extract(
            doc, output_format="txt", include_comments=False, include_tables=True,
            include_images=False, include_links=False, deduplicate=False,
            with_metadata=False, config=_extractor_config())
    except Exception as exc:  # the library failing on a hostile page is a fact of the page
        raise SourceError(error(path, f"the page's text could not be extracted "
                                      f"({type(exc).__name__}: {exc})")) from exc
    article = "\n".join(line.strip() for line in (article or "").split("\n") if line.strip())
    if len(article) > MAX_SOURCE_BYTES:
        raise SourceError(error(path, f"the page's main text is {len(article):,} characters: "
                                      "far more than an article (is it one?)"))
    return article


# Lines of the extracted text are found among the page's blocks by their beginnings.
_KEY_CHARS = 60


def _with_headline(article: str, blocks: list[str], facts: list[Found]) -> str:
    """The text with the page's headline where the page has it: an extractor may drop a
    heading it takes for the page's title, and the cleaner reads a page's frame (what stands
    above the headline) as it does a text clipping's."""
    heading = next((fact for fact in facts if fact.where == ARTICLE_HEADING), None)
    lines = article.split("\n")
    if heading is None or heading.value in lines:
        return article
    order = {}
    for index, block in enumerate(blocks):
        order.setdefault(block[:_KEY_CHARS], index)
    at = order.get(heading.value[:_KEY_CHARS])
    if at is None:
        return article
    for position, line in enumerate(lines):
        if order.get(line[:_KEY_CHARS], -1) > at:
            return "\n".join([*lines[:position], heading.value, *lines[position:]])
    return article


def visible_words(doc: Any) -> int:
    """How many words of text the page shows a reader (scripts and styles are not text)."""
    body = doc.find("body")
    if body is None:
        return 0
    return sum(len(str(part).split()) for part in body.xpath(f".//text()[not({_HIDDEN})]"))


def _amount_checks(path: Path, shown: int, article: str) -> list[Problem]:
    """No article is an error; an article that is a sliver of the page a warning; and the
    figures are a note for the report either way (``shown``: the page's words)."""
    kept = len(article.split())
    # Where the extractor finds no article it hands over the whole page's text: what counts
    # is how much of what it gives is running text, not labels and links.
    prose = sum(len(line.split()) for line in article.split("\n") if is_prose(line))
    if prose < MIN_ARTICLE_WORDS:
        raise SourceError(error(path, f"no article found in the page: {prose} of its {shown} "
                                      "words are running text (a page of menus and links, or "
                                      "one that loads its text by script?); save the "
                                      "article's own page, or copy its text into a .txt "
                                      "clipping"))
    share = kept / shown if shown else 1.0
    found = [note(path, f"main text extracted by trafilatura {version('trafilatura')}: "
                        f"{article.count(chr(10)) + 1} paragraphs, {kept:,} of the page's "
                        f"{shown:,} words ({share:.0%}); line numbers are those of the "
                        "extracted text")]
    if share < FURNITURE_SHARE and shown > FURNITURE_FROM:
        found.append(warning(path, f"the page is mostly furniture: its article is {kept:,} of "
                                   f"{shown:,} words ({share:.0%}); check that the whole "
                                   "article came out"))
    return found
