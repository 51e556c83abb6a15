"""Rendering: an Article becomes a Markdown page with frontmatter.

Text is data: every character from a clipping is escaped, so that nothing in a source (a
tag, an entity, a Markdown link) reaches the reader's browser as markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import yaml

from .i18n import N_, format_day, language_name, translate
from .model import Article, Line
from .text import is_heading_like, is_list_item, strip_list_marker

# Only what can start markup is escaped: emphasis, code, links and images (no "[" means no
# link, so parentheses stay plain), attribute lists ("{: onclick=…}"), raw HTML and entities.
# Every escape costs Markdown an inline pattern, so escaping less keeps rendering fast.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]])")
# At the start of a line: headings, quotes, lists, admonitions, tables.
_LINE_START = re.compile(r"^(\s*)([-+#>!|.]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as it is: no HTML, no links, no emphasis, no lists."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    lead, marker = match.groups()
    return f"{lead}{marker[:-1]}\\{marker[-1]}" if marker[-1] in ".)" else f"{lead}\\{marker}"


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


ONLY_IN = N_("This story is only available in {language}. The original follows.")
ABOUT_COMPANY = N_("About the company")


def dateline(article: Article, lang: str) -> str:
    """Date (in the reader's language) and publisher: "14. Mai 2025 · XiaomiWelt"."""
    parts = []
    if article.date.value is not None:
        parts.append(format_day(article.date.value, lang))
    if article.publisher.value:
        parts.append(article.publisher.value)
    return " · ".join(escape_markdown(part) for part in parts)


def page_frontmatter(article: Article, lang: str) -> dict[str, object]:
    meta: dict[str, object] = {"title": article.title.value, "lang": lang}
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


# The theme prints these meta values into <title> and attributes without escaping them
# (MkDocs renders templates without autoescape): they are stored escaped.
_PRINTED_RAW = ("title", "description")


def with_frontmatter(meta: dict[str, object], markdown: str) -> str:
    meta = {key: html.escape(value) if key in _PRINTED_RAW and isinstance(value, str) else value
            for key, value in meta.items()}
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n\n{markdown}"


def story_markdown(
    article: Article, lang: str, boilerplate: str | None = None, extras: Sequence[str] = ()
) -> str:
    """A story's page for a reader of ``lang``: the article itself, or, when the story has no
    version in that language, a notice in the reader's language and the original, marked with
    its own language."""
    original = article.lang.value
    title = escape_markdown(article.title.value)
    parts = []
    if original == lang:
        parts.append(f"# {title}")
    else:
        parts.append(f'# {title} {{: lang="{original}" }}')
        notice = translate(lang, ONLY_IN, language=language_name(original, lang))
        parts.append(f'!!! note ""\n    {escape_markdown(notice)}')
    line = dateline(article, lang)
    if line:
        parts.append(line)
    parts.extend(extras)
    body = body_markdown(article.body)
    if original != lang:
        body = f'<div lang="{original}" markdown>\n\n{body}\n</div>'
    parts.append(body)
    if boilerplate:
        # The same paragraph under every story would make every story a search result.
        heading = escape_markdown(translate(lang, ABOUT_COMPANY))
        parts.append(f'<div data-pagefind-ignore markdown>\n\n## {heading}\n\n'
                     f'{boilerplate.strip()}\n\n</div>')
    meta = page_frontmatter(article, lang)
    return with_frontmatter(meta, "\n\n".join(parts))
