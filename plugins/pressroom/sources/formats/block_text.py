"""Every block of text a page shows, one per line, as a scraper would give it.

For HTML that is not a web page but a message (a newsletter's tables), whose furniture an
extractor made for web pages does not know: the press room's cleaner, made for scraped
text, tells the article from the rest (see ``mail``). Scripts, styles and what is hidden
never become text.
"""

from __future__ import annotations

from typing import Any

# Elements that begin a new block (a line of their own).
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "center",
})
# Elements whose content is never text a reader sees.
HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title", "svg",
                    "iframe", "object", "embed", "canvas", "select", "button", "input"})


def block_lines(doc: Any) -> list[str]:
    """The text of the page's body, a block per line, white space collapsed."""
    lines: list[str] = []
    current: list[str] = []
    body = doc.find("body")
    _walk(body if body is not None else doc, lines, current)
    _flush(lines, current)
    return lines


def _walk(element: Any, lines: list[str], current: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in HIDDEN or _hidden(element):
        _tail(element, current)
        return
    if tag in BLOCKS or tag == "br":
        _flush(lines, current)
    if element.text and tag not in HIDDEN:
        current.append(element.text)
    for child in element:
        _walk(child, lines, current)
    if tag in BLOCKS:
        _flush(lines, current)
    _tail(element, current)


def _tail(element: Any, current: list[str]) -> None:
    if element.tail:
        current.append(element.tail)


def _hidden(element: Any) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return element.get("hidden") is not None or "display:none" in style \
        or (element.get("aria-hidden") or "").lower() == "true"


def _flush(lines: list[str], current: list[str]) -> None:
    text = " ".join("".join(current).split())
    if text:
        lines.append(text)
    current.clear()
