"""Rendering: pages as Markdown with frontmatter (listings, tags, cases, the report), and a
story's frontmatter. Story bodies are HTML (``story_html``).

Text is data: every character from a clipping is escaped, so that nothing in a source (a
tag, an entity, a Markdown link) reaches the reader's browser as markup.
"""

from __future__ import annotations

import html
import json
import re

from ..model import Article

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
# JSON is YAML's flow style, and far faster to write than a YAML emitter; but YAML folds
# these line breaks inside quotes and refuses these non-printable characters, which JSON
# leaves as they are: they are written as escapes, which both read back the same.
_NOT_YAML_SAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def with_frontmatter(meta: dict[str, object], markdown: str) -> str:
    lines = [f"{key}: {_yaml_value(_stored(key, value))}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + markdown


def _stored(key: str, value: object) -> object:
    return html.escape(value) if key in _PRINTED_RAW and isinstance(value, str) else value


def _yaml_value(value: object) -> str:
    return _NOT_YAML_SAFE.sub(lambda m: f"\\u{ord(m[0]):04x}",
                              json.dumps(value, ensure_ascii=False))
