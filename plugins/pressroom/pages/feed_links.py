"""Where a reader would look for a feed: a line offering it, on the front page, the case
summary and each tag's page (the page's head announces the same feeds to feed readers).

A page written as HTML gets the line as HTML, with its link as the page links; a page written
in Markdown gets it in Markdown, so that MkDocs checks and rewrites its link like any other.
"""

from __future__ import annotations

from ..addresses import Address, relative_path
from ..language.i18n import N_, language_name, translate
from .html_text import anchor, escape_text
from .rendering import escape_markdown

ATOM = "application/atom+xml"
FEEDS_TEXT = N_("New stories in your feed reader:")
TAG_FEED_TEXT = N_("New stories on this topic in your feed reader:")
FEED_OF = N_("Atom feed ({language})")
# Translators: the link to a tag's own feed; {topic} is the tag's label, in quotation marks.
TOPIC_FEED = N_("Atom feed “{topic}”")


def feed_words(lang: str, feed: Address, text: str = FEEDS_TEXT,
               topic: str | None = None) -> tuple[str, str]:
    """What the line says before its link, and the link's words: a tag's feed named by the
    tag ("Atom feed “Courts”"), a language's by the language, in the page's ("Atom feed
    (English)", "Atom-Feed (Deutsch)")."""
    label = (translate(lang, TOPIC_FEED, topic=topic) if topic else
             translate(lang, FEED_OF, language=language_name(feed.lang, lang)))
    return translate(lang, text), label


def feed_offer_html(lang: str, feed: Address, href: str, text: str = FEEDS_TEXT,
                    topic: str | None = None) -> str:
    words, label = feed_words(lang, feed, text, topic)
    link = anchor(href, label, f' type="{ATOM}" hreflang="{feed.lang}"')
    return f'<p class="pressroom-feed">{escape_text(words)} {link}</p>'


def feed_offer_markdown(lang: str, feed: Address, page: Address,
                        text: str = FEEDS_TEXT) -> str:
    """The line as a Markdown paragraph of the page at ``page``, its link relative to it."""
    words, label = feed_words(lang, feed, text)
    path = relative_path(feed.path, page.path)
    return (f"{escape_markdown(words)} [{escape_markdown(label)}]({path})"
            f'{{: type="{ATOM}" hreflang="{feed.lang}" }}\n{{: .pressroom-feed }}')
