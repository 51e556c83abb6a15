"""Rendering: an Article becomes a Markdown page with frontmatter.

Text is data: every character from a clipping is escaped, so that nothing in a source (a
tag, an entity, a Markdown link) reaches the reader's browser as markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml
from babel.dates import format_date

from .model import Article, Line
from .text import is_heading_like, is_list_item, strip_list_marker

_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~^=])")
_LINE_START_SPECIALS = re.compile(r"^(\s*)(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as it is: no HTML, no links, no emphasis, no lists."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _LINE_START_SPECIALS.sub(r"\1\2\\\3", text)
    return re.sub(r"^(\s*)([-.])", r"\1\\\2", text)


def body_markdown(lines: Sequence[Line]) -> str:
    """Paragraphs, headings and lists: in clippings, every line is a paragraph of its own."""
    text_lines = [line.text.strip() for line in lines if line.text.strip()]
    blocks: list[str] = []
    for index, text in enumerate(text_lines):
        following = text_lines[index + 1] if index + 1 < len(text_lines) else None
        if is_list_item(text):
            item = f"- {escape_markdown(strip_list_marker(text))}"
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
        elif following is not None and is_heading_like(text) and not is_heading_like(following):
            blocks.append(f"## {escape_markdown(text)}")
        else:
            blocks.append(escape_markdown(text))
    return "\n\n".join(blocks) + "\n"


def dateline(article: Article) -> str:
    """Date and publisher in the article's language: "14. Mai 2025 · XiaomiWelt"."""
    parts = []
    if article.date.value is not None:
        parts.append(format_date(article.date.value, format="long", locale=article.lang.value))
    if article.publisher.value:
        parts.append(article.publisher.value)
    return " · ".join(escape_markdown(part) for part in parts)


def page_frontmatter(article: Article) -> dict[str, object]:
    meta: dict[str, object] = {"title": article.title.value, "lang": article.lang.value}
    if article.date.value is not None:
        meta["date"] = article.date.value.isoformat()
    if article.tags.value:
        meta["tags"] = list(article.tags.value)
    if article.publisher.value:
        meta["publisher"] = article.publisher.value
    if article.summary.value:
        meta["description"] = article.summary.value
    meta["source_file"] = article.source.name
    return meta


def with_frontmatter(meta: dict[str, object], markdown: str) -> str:
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n\n{markdown}"


def article_markdown(article: Article) -> str:
    parts = [f"# {escape_markdown(article.title.value)}"]
    line = dateline(article)
    if line:
        parts.append(line)
    parts.append(body_markdown(article.body))
    return with_frontmatter(page_frontmatter(article), "\n\n".join(parts))
