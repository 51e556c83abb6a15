"""A story's page body, written as HTML directly (see ``html_text``): headline, dateline,
tags and cases, the article's paragraphs, headings and lists, the company boilerplate.

Links are written as docs paths ("de/tags/xiaomi.md") and turned into URLs by ``link``,
which the caller supplies for the page being rendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from ..addresses import LinkTo
from ..language.i18n import N_, language_name, translate, translated
from ..language.text import is_heading_like, is_list_item, strip_list_marker
from ..model import Article, Line
from ..stories.contacts import Contact
from ..stories.translations import Relation
from .contact_cards import PRESS_CONTACT, contact_cards
from .html_text import (
    Headings,
    RenderedBody,
    anchor,
    escape_attribute,
    escape_text,
    message_html,
)
from .images import Image, image_html
from .search_page import NEWEST_FILTER

ONLY_IN = N_("This story is only available in {language}. The original follows.")
ABOUT_COMPANY = N_("About the company")
TAGS_LABEL = N_("Tags")
CASES_LABEL = N_("Cases")
# The story's actions: nothing loads from elsewhere; e-mail works without scripts, the rest
# appears where the browser can do it (share.js).
ACTIONS_LABEL = N_("Share this story")
EMAIL = N_("Send by e-mail")
COPY_LINK = N_("Copy link")
LINK_COPIED = N_("Link copied")
SHARE = N_("Share")
PRINT = N_("Print")
# Printed under the headline, since paper has no address bar.
PRINTED_FROM = N_("Online at {url}")
# Beside the dateline: who wrote the text a reader sees, when it is not the outlet the
# dateline names, and what the story's other language version is. A journalist quoting the
# page must be able to tell the press room's translation from another outlet's article.
TRANSLATED_FROM = N_("Translation by the press room; original ({language}): {link}, "
                     "published by {publisher}")
TRANSLATED_FROM_ANONYMOUS = N_("Translation by the press room; original ({language}): {link}")
TRANSLATED_INTO = N_("Translation by the press room ({language}): {link}")
COVERAGE = N_("Independent coverage in {language}: {link}, published by {publisher}")
COVERAGE_ANONYMOUS = N_("Independent coverage in {language}: {link}")
# Each relation's message, with the other version's publisher and without one.
_ABOUT_OTHER = {
    Relation.ORIGINAL: (TRANSLATED_FROM, TRANSLATED_FROM_ANONYMOUS),
    # A translation's publisher is the press room, which the message names already.
    Relation.TRANSLATION: (TRANSLATED_INTO, TRANSLATED_INTO),
    Relation.COVERAGE: (COVERAGE, COVERAGE_ANONYMOUS),
}


@dataclass(frozen=True)
class OtherVersion:
    """Another language version of the story, as the page names it."""

    relation: Relation  # how it stands to the version on the page
    lang: str
    title: str
    path: str  # docs path of its page
    publisher: str | None


@dataclass(frozen=True)
class StoryExtras:
    """What a story page shows besides the article: all in the reader's language."""

    banner: str | None = None  # preview only: why readers do not see this story
    tags: Sequence[tuple[str, str]] = ()  # (label, docs path of the tag page)
    cases: Sequence[tuple[str, str]] = ()  # (title, docs path with the case's anchor)
    boilerplate_html: str | None = None  # the media kit's paragraph, as the editors wrote it
    newest: bool = False  # among the stories search ranks first (see ``search_page``)
    others: Sequence[OtherVersion] = ()  # the story's versions in other languages
    image: Image | None = None  # the story's own, where the editor set one docs/ has
    url: str | None = None  # the page's public address: shared, and printed on paper
    contacts: Sequence[Contact] = ()  # the press contacts, under the boilerplate


def body_html(lines: Sequence[Line], headings: Headings) -> list[str]:
    """Paragraphs, headings and lists: in clippings, every line is a paragraph of its own.
    Each paragraph and item carries its source line as its id ("line-12"): the case summary
    links a fact to the very paragraph whose sentence carries it."""
    text_lines = [line for line in lines if line.text.strip()]
    blocks: list[str] = []
    items: list[str] = []
    for index, line in enumerate(text_lines):
        text = line.text.strip()
        if is_list_item(text):
            items.append(f'<li id="{line_anchor(line.number)}">'
                         f"{escape_text(strip_list_marker(text))}</li>")
            continue
        if items:
            blocks.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items = []
        following = text_lines[index + 1].text.strip() if index + 1 < len(text_lines) else None
        if following is not None and is_heading_like(text) and not is_heading_like(following):
            blocks.append(headings.add(2, text))
        else:
            blocks.append(f'<p id="{line_anchor(line.number)}">{escape_text(text)}</p>')
    if items:
        blocks.append("<ul>\n" + "\n".join(items) + "\n</ul>")
    return blocks


def line_anchor(number: int) -> str:
    """The id of the paragraph made from a source line."""
    return f"line-{number}"


def story_body(
    article: Article, lang: str, dateline: str, extras: StoryExtras, link: LinkTo
) -> RenderedBody:
    """A story's page for a reader of ``lang``: the article itself, or, when the story has no
    version in that language, a notice in the reader's language and the original, marked with
    its own language."""
    original = article.lang.value
    headings = Headings()
    marked = "" if original == lang else f' lang="{escape_attribute(original)}"'
    first = f' data-pagefind-filter="{NEWEST_FILTER}"' if extras.newest else ""
    blocks = [headings.add(1, article.title.value, marked + first)]
    if original != lang:
        notice = translate(lang, ONLY_IN, language=language_name(original, lang))
        blocks.append(_note("note", notice))
    if dateline:
        blocks.append(f"<p{_dateline_for_search(article)}>{escape_text(dateline)}</p>")
    blocks += [_about_other(lang, other, link) for other in extras.others]
    if extras.banner:
        blocks.append(_note("warning", extras.banner))
    blocks += _links(lang, extras, link)
    if extras.url:
        blocks += story_actions(lang, article.title.value, extras.url)
    if extras.image:
        blocks.append(image_html(extras.image, link(extras.image.path), "pressroom-story-image"))
    body = body_html(article.body, headings)
    blocks += [f"<div{marked}>", *body, "</div>"] if marked else body
    if extras.boilerplate_html:
        # The same paragraph under every story would make every story a search result.
        blocks += ["<div data-pagefind-ignore>",
                   headings.add(2, translate(lang, ABOUT_COMPANY)),
                   extras.boilerplate_html.strip(), "</div>"]
    if extras.contacts:
        # Named, but not a heading: furniture under every story is no entry of its contents.
        label = escape_text(translate(lang, PRESS_CONTACT))
        blocks += [f'<aside class="pressroom-story-contact" aria-label="{label}" '
                   "data-pagefind-ignore>",
                   f'<p class="pressroom-story-contact__label"><strong>{label}</strong></p>',
                   contact_cards(extras.contacts, lang, link), "</aside>"]
    return RenderedBody("\n".join(blocks) + "\n", headings.found)


def _dateline_for_search(article: Article) -> str:
    """Search shows the dateline under a result's title, and filters by the story's year
    (Pagefind reads these attributes when it indexes the page)."""
    date = article.date.value
    year = f' data-pagefind-filter="year:{date.year}"' if date is not None else ""
    return f' data-pagefind-ignore data-pagefind-meta="dateline"{year}'



def _about_other(lang: str, other: OtherVersion, link: LinkTo) -> str:
    """A line on another version: the original this text translates, the press room's
    translation of it, or another outlet's article; linked, its title in its own language."""
    named, anonymous = _ABOUT_OTHER[other.relation]
    marked = f' hreflang="{escape_attribute(other.lang)}" lang="{escape_attribute(other.lang)}"'
    text = message_html(translated(lang, named if other.publisher else anonymous),
                        language=escape_text(language_name(other.lang, lang)),
                        link=anchor(link(other.path), other.title, marked),
                        publisher=escape_text(other.publisher or ""))
    return f'<p class="pressroom-attribution" data-pagefind-ignore>{text}</p>'


def _note(kind: str, message: str) -> str:
    return f'<div class="admonition {kind}">\n<p>{escape_text(message)}</p>\n</div>'


def _links(lang: str, extras: StoryExtras, link: LinkTo) -> list[str]:
    """The story's tags (chips, as the theme shows tags) and cases, linked in its language;
    each one is a search filter by its text, and left out of the words searched (Pagefind
    still reads filters inside ignored elements), so excerpts start in the article."""
    blocks = []
    if extras.tags:
        chips = " ".join(anchor(link(path), label, ' class="md-tag" data-pagefind-filter="tag"')
                         for label, path in extras.tags)
        label = escape_attribute(translate(lang, TAGS_LABEL))
        blocks.append(f'<nav class="md-tags" aria-label="{label}" data-pagefind-ignore>\n'
                      f"{chips}\n</nav>")
    if extras.cases:
        links = ", ".join(anchor(link(path), title, ' data-pagefind-filter="case"')
                          for title, path in extras.cases)
        label = escape_text(translate(lang, CASES_LABEL))
        blocks.append(f"<p data-pagefind-ignore><strong>{label}:</strong> {links}</p>")
    return blocks



def story_actions(lang: str, title: str, url: str) -> list[str]:
    """E-mail, copy link, share and print, for the story at ``url``; and the address, which
    only print shows. The buttons need a script and the browser's support, so they stay
    hidden until share.js finds both."""
    subject = quote(title, safe="")
    body = quote(f"{title}\n{url}", safe="")
    address = escape_attribute(url)
    words = {name: escape_text(translate(lang, message)) for name, message in (
        ("email", EMAIL), ("copy", COPY_LINK), ("share", SHARE), ("print", PRINT))}
    copied = escape_attribute(translate(lang, LINK_COPIED))
    label = escape_attribute(translate(lang, ACTIONS_LABEL))
    printed = message_html(translated(lang, PRINTED_FROM), url=escape_text(url))
    return [
        f'<nav class="pressroom-actions" aria-label="{label}" data-pagefind-ignore>',
        f'<a class="md-button" href="mailto:?subject={subject}&amp;body={body}">'
        f'{words["email"]}</a>',
        f'<button class="md-button" type="button" data-pressroom-copy="{address}" '
        f'data-pressroom-done="{copied}" hidden>{words["copy"]}</button>',
        f'<button class="md-button" type="button" data-pressroom-share="{address}" '
        f'hidden>{words["share"]}</button>',
        f'<button class="md-button" type="button" data-pressroom-print hidden>'
        f'{words["print"]}</button>',
        '<span class="pressroom-actions__status" role="status"></span>',
        "</nav>",
        f'<p class="pressroom-print-only" data-pagefind-ignore>{printed}</p>',
    ]
