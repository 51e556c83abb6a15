"""A story as listings show it (landing, tag and case pages): linked title, date, publisher,
summary, in the reader's language, or the original's with a note where there is no version.

One entry, two forms: HTML for the long listings (landing and tag pages), Markdown inside
the case pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..addresses import LinkTo, story_address
from ..language.i18n import N_, language_name, translate
from ..stories.edition import shown_version
from ..stories.grouping import Story
from .dateline import dateline
from .html_text import Headings, RenderedBody, anchor, escape_text
from .rendering import escape_markdown

ONLY_IN = N_("only in {language}")


@dataclass(frozen=True)
class ListingEntry:
    title: str
    path: str  # docs path of the story's page in the reader's language
    details: str  # date and publisher
    summary: str | None
    original: str | None = None  # for a story without a version in the reader's language
    note: str | None = None  # "only in German"


def listing_entry(story: Story, lang: str, with_summary: bool = True) -> ListingEntry:
    article = shown_version(story, lang)
    summary = article.summary.value if with_summary and article.summary.value else None
    entry = ListingEntry(article.title.value, story_address(lang, story.id).path,
                         dateline(article, lang), summary)
    if lang in story.versions:
        return entry
    original = article.lang.value
    note = translate(lang, ONLY_IN, language=language_name(original, lang))
    return ListingEntry(entry.title, entry.path, entry.details, summary, original, note)


def story_listing(story: Story, lang: str, link: str, with_summary: bool = True) -> str:
    """The entry as a Markdown list item, linking to ``link``."""
    entry = listing_entry(story, lang, with_summary)
    item = f"- [{escape_markdown(entry.title)}]({link})"
    if entry.original:
        item += f'{{: hreflang="{entry.original}" lang="{entry.original}" }} ({entry.note})'
    return "  \n  ".join([item, *_details(entry, escape_markdown)])


def listing_html(stories: Sequence[Story], lang: str, link: LinkTo) -> str:
    """The entries as an HTML list, linked from the page ``link`` belongs to."""
    return "<ul>\n" + "\n".join(_item_html(listing_entry(story, lang), link)
                                 for story in stories) + "\n</ul>"


def language_marks(entry: ListingEntry) -> str:
    """The attributes of a link to a story in another language than the reader's."""
    return f' hreflang="{entry.original}" lang="{entry.original}"' if entry.original else ""


def _item_html(entry: ListingEntry, link: LinkTo) -> str:
    title = anchor(link(entry.path), entry.title, language_marks(entry))
    if entry.note:
        title += f" ({escape_text(entry.note)})"
    return "<li>" + "<br>\n".join([title, *_details(entry, escape_text)]) + "</li>"


def _details(entry: ListingEntry, escape: Callable[[str], str]) -> list[str]:
    """The lines under the title: date and publisher, then the summary, marked with its own
    language where it is not the reader's."""
    lines = [escape(entry.details)] if entry.details else []
    summary = marked_summary(entry, escape)
    return [*lines, summary] if summary else lines


def marked_summary(entry: ListingEntry, escape: Callable[[str], str]) -> str | None:
    """The summary, escaped, and marked with its own language where it is not the reader's."""
    if not entry.summary:
        return None
    summary = escape(entry.summary)
    return f'<span lang="{entry.original}">{summary}</span>' if entry.original else summary


def listing_page_body(
    title: str, intro: str | None, stories: Sequence[Story], lang: str, empty: str, link: LinkTo,
    offer: str = "",
) -> RenderedBody:
    """A page that lists stories: heading, introduction, what the page offers besides (HTML,
    such as its feed), the list (or what says it is empty)."""
    headings = Headings()
    blocks = [headings.add(1, title)]
    if intro:
        blocks.append(f"<p>{escape_text(intro)}</p>")
    if offer:
        blocks.append(offer)
    blocks.append(listing_html(stories, lang, link) if stories else f"<p>{escape_text(empty)}</p>")
    return RenderedBody("\n".join(blocks) + "\n", headings.found)
