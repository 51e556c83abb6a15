"""A story's dateline: its date in the reader's language and its publisher, as every page
that shows the story (its own page, listings, cards) writes it."""

from __future__ import annotations

from ..language.i18n import N_, format_day, translate
from ..model import Article

DATED_BY_TEXT = N_("publication date not reported (first date in the text: {date})")


def dateline(article: Article, lang: str) -> str:
    """Date (in the reader's language) and publisher, as text: "14. Mai 2025 · XiaomiWelt";
    a date only the text names is shown as what it is."""
    parts = []
    if article.published is not None:
        parts.append(format_day(article.published, lang))
    elif article.date.value is not None:
        parts.append(translate(lang, DATED_BY_TEXT, date=format_day(article.date.value, lang)))
    if article.publisher.value:
        parts.append(article.publisher.value)
    return " · ".join(parts)
