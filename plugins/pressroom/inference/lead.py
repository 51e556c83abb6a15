"""Title and summary, when no headline or description says them."""

from __future__ import annotations

from collections.abc import Sequence

from ..language.text import is_heading_like, is_list_item, sentences
from ..model import Line

MAX_TITLE_CHARS = 110
MAX_SUMMARY_CHARS = 320


def lead_paragraph(body: Sequence[Line]) -> Line | None:
    """The first paragraph of running text: not a heading, not a list item."""
    for line in body:
        text = line.text.strip()
        if text and not is_list_item(text) and not is_heading_like(text):
            return line
    return None


def title_from_lead(lead: Line) -> str:
    """The lead's first sentence, cut at a word boundary when it is too long for a title."""
    first = sentences(lead.text)[0].rstrip(" .")
    if len(first) <= MAX_TITLE_CHARS:
        return first
    return first[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def summary_from_lead(lead: Line) -> str:
    """One or two sentences of the lead, as many as fit a listing."""
    summary = ""
    for sentence in sentences(lead.text)[:2]:
        candidate = f"{summary} {sentence}".strip()
        if summary and len(candidate) > MAX_SUMMARY_CHARS:
            break
        summary = candidate
    return summary
