"""Writing HTML from text: every text escaped, headings with unique ids, links from a page.

Generated pages with many entries (stories, listings) are written as HTML directly, since
Markdown's parser would cost more than the rest of the build together. Text is data: what
goes through here can never become markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..language.slugs import heading_slug


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    html: str  # the heading's text, escaped


@dataclass(frozen=True)
class RenderedBody:
    html: str
    headings: list[Heading]


def escape_text(value: str) -> str:
    return html.escape(value, quote=False)


def escape_attribute(value: str) -> str:
    return html.escape(value, quote=True)


@dataclass
class Headings:
    """Heading ids unique on the page, the way Markdown's toc extension numbers repeats."""

    found: list[Heading] = field(default_factory=list)
    _taken: set[str] = field(default_factory=set)

    def add(self, level: int, title: str, extra: str = "") -> str:
        """The heading as HTML; ``extra`` are attributes, already escaped."""
        heading_id = base = heading_slug(title)
        count = 0
        while not heading_id or heading_id in self._taken:
            count += 1
            heading_id = f"{base}_{count}"
        self._taken.add(heading_id)
        self.found.append(Heading(level, heading_id, escape_text(title)))
        return f'<h{level} id="{heading_id}"{extra}>{escape_text(title)}</h{level}>'


def anchor(href: str, label: str, attributes: str = "") -> str:
    return f'<a{attributes} href="{escape_attribute(href)}">{escape_text(label)}</a>'


def message_html(message: str, **parts: str) -> str:
    """A translated message as HTML: its own words escaped, its placeholders filled with
    ``parts``, which are HTML already (a link, an escaped name)."""
    return escape_text(message).format(**parts)


_LAYOUT_WHITESPACE = re.compile(r"\n[\n \t]+")


def without_layout_whitespace(markup: str) -> str:
    """Template markup without its indentation and blank lines, which a browser collapses
    anyway; left as it is where whitespace is content (<pre>, <textarea>)."""
    if "<pre" in markup or "<textarea" in markup:
        return markup
    return _LAYOUT_WHITESPACE.sub("\n", markup)
