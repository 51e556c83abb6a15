"""A story as listings show it (landing, tag and case pages): linked title, date, publisher,
summary, in the reader's language, or the original's with a note where there is no version."""

from __future__ import annotations

from .i18n import N_, language_name, translate
from .rendering import dateline, escape_markdown
from .stories import Story

STORIES = "stories"
ONLY_IN = N_("only in {language}")


def story_path(story: Story, lang: str) -> str:
    return f"{lang}/{STORIES}/{story.id}.md"


def story_listing(story: Story, lang: str, link: str, with_summary: bool = True) -> str:
    article = story.versions.get(lang, story.original)
    title = escape_markdown(article.title.value)
    if lang in story.versions:
        item = f"- [{title}]({link})"
    else:
        original = article.lang.value
        note = translate(lang, ONLY_IN, language=language_name(original, lang))
        item = f'- [{title}]({link}){{: hreflang="{original}" lang="{original}" }} ({note})'
    details = dateline(article, lang)
    if details:
        item += f"  \n  {details}"
    if with_summary and article.summary.value:
        summary = escape_markdown(article.summary.value)
        if lang not in story.versions:
            summary = f'<span lang="{article.lang.value}">{summary}</span>'
        item += f"  \n  {summary}"
    return item
