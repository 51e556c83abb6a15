"""The front page of each language, and the page of all its stories.

The front page is what a journalist opens first: the newest story as the lead (headline,
dateline, summary, its image where one is set), the next stories as cards, then the desk:
the cases at a glance (how many, the latest decision reported, worded by its basis as the
registry states it), the press contact, the media kit and the feeds. Written as HTML
(``html_text``): every text from a source or a registry is escaped.

Pure: stories and cases in, SitePages out; the plugin hands in what the hand-written pages
and the configuration say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from ..addresses import Address, Kind, LinkTo, written
from ..language.i18n import N_, NP_, translate, translate_plural
from ..stories.cases import Case
from ..stories.contacts import Contact
from ..stories.decisions import latest_decision
from ..stories.edition import shown_version
from ..stories.grouping import Story
from .case_pages import LABELS, basis_label, case_status, event_when
from .case_pages import TITLE as CASES_TITLE
from .contact_cards import PRESS_CONTACT, contact_cards
from .feed_links import feed_offer_html
from .html_text import Headings, RenderedBody, anchor, escape_text
from .images import image_html, story_image
from .listings import (
    ListingEntry,
    language_marks,
    listing_entry,
    listing_page_body,
    marked_summary,
)
from .media_kit import ZIP_TYPE, KitOffer, download_all_label
from .press_kit import CONTACTS, MEDIA_KIT
from .rendering import with_frontmatter
from .site import SitePage
from .site_frame import Brand
from .tag_pages import TAGS_TITLE

# Stories shown as cards under the lead; the rest are on the page of all stories, so that
# the front page stays one screenful or two however large the archive grows.
CARDS = 12
NO_STORIES = N_("No stories yet.")
LEAD = N_("Latest story")
MORE_STORIES = N_("More stories")
ALL_STORIES = N_("All stories")
ARCHIVE_INTRO = N_("Every story of the press room, newest first.")
GLANCE = N_("Cases at a glance")
CASE_COUNT = NP_("{count} legal matter in the case summary",
                 "{count} legal matters in the case summary")
LATEST_DECISION = N_("Latest decision reported")
NO_DECISION = N_("The coverage reports no decision yet.")
ALL_CONTACTS = N_("All media contacts")
MEDIA_KIT_TITLE = N_("Media kit")
MEDIA_KIT_TEXT = N_("Background on the company for your coverage.")
KIT_FILES = NP_("{count} file to download", "{count} files to download")
FEEDS = N_("Feeds")
TAG_FEEDS = N_("Every tag has a feed of its own, on its page:")


@dataclass(frozen=True)
class Desk:
    """What the front page shows besides stories and cases: the press room's name, the
    press contacts of the contacts registry, the files of docs/ (a link
    goes only to a page or an image that exists), and what each language's media kit
    offers."""

    brand: Brand
    contacts: Sequence[Contact] = ()
    files: Container[str] = frozenset()
    media_kits: Mapping[str, KitOffer] = field(default_factory=dict)


def front_pages(
    lang: str, stories: Sequence[Story], cases: Sequence[Case],
    source_day: Callable[[str], dt.date | None], desk: Desk,
) -> list[SitePage]:
    """The front page and the page of all stories of one language; ``source_day`` gives
    the day of a source file (see ``decisions``)."""
    name = desk.brand.name(lang)
    # The front page has no sidebar and no table of contents: it is its own navigation.
    meta = {"title": name, "lang": lang, "description": desk.brand.description(lang),
            "hide": ["navigation", "toc"]}
    body = partial(front_page_body, lang, stories, cases, source_day, desk)
    front = SitePage(Address(Kind.FRONT, lang), markdown=with_frontmatter(meta, ""),
                     searchable=False, body=body)
    title = translate(lang, ALL_STORIES)
    archive_body = partial(listing_page_body, title, translate(lang, ARCHIVE_INTRO), stories,
                           lang, translate(lang, NO_STORIES))
    archive = SitePage(Address(Kind.ARCHIVE, lang),
                       markdown=with_frontmatter({"title": title, "lang": lang}, ""),
                       searchable=False, body=archive_body)
    return [front, archive]


def front_page_body(
    lang: str, stories: Sequence[Story], cases: Sequence[Case],
    source_day: Callable[[str], dt.date | None], desk: Desk, link: LinkTo,
) -> RenderedBody:
    headings = Headings()
    blocks = [headings.add(1, desk.brand.name(lang), ' class="pressroom-front__name"'),
              f'<p class="pressroom-front__intro">{escape_text(desk.brand.description(lang))}'
              "</p>"]
    if stories:
        blocks.append(_lead(lang, stories[0], desk, headings, link))
        blocks.append(_cards(lang, stories[1:CARDS + 1], headings, link))
    else:
        blocks.append(f"<p>{escape_text(translate(lang, NO_STORIES))}</p>")
    panels = [_glance(lang, cases, source_day, headings, link),
              *_contact(lang, desk, headings, link), *_media_kit(lang, desk, headings, link),
              _feeds(lang, headings, link)]
    blocks.append('<div class="pressroom-desk">\n' + "\n".join(panels) + "\n</div>")
    return RenderedBody("\n".join(blocks) + "\n", headings.found)


def _section(kind: str, headings: Headings, title: str, parts: Sequence[str],
             extra: str = "") -> str:
    """A part of the page under its heading, which names it for assistive technology."""
    heading = headings.add(2, title, extra)
    return (f'<section class="{kind}" aria-labelledby="{headings.found[-1].id}">\n{heading}\n'
            + "\n".join(parts) + "\n</section>")


def _headline(entry: ListingEntry, level: int, kind: str, link: LinkTo) -> list[str]:
    """A story's headline, linked, with its note, dateline and summary under it."""
    parts = [f'<h{level} class="{kind}__headline">'
             f"{anchor(link(entry.path), entry.title, language_marks(entry))}</h{level}>"]
    if entry.note:
        parts.append(f'<p class="pressroom-note">{escape_text(entry.note)}</p>')
    if entry.details:
        parts.append(f'<p class="pressroom-meta">{escape_text(entry.details)}</p>')
    summary = marked_summary(entry, escape_text)
    if summary:
        parts.append(f'<p class="{kind}__summary">{summary}</p>')
    return parts


def _lead(lang: str, story: Story, desk: Desk, headings: Headings, link: LinkTo) -> str:
    article = shown_version(story, lang)
    parts = []
    image = story_image(article, desk.files)
    if image is not None:
        parts.append(image_html(image, link(image.path), "pressroom-lead__image"))
    parts += _headline(listing_entry(story, lang), 3, "pressroom-lead", link)
    return _section("pressroom-lead", headings, translate(lang, LEAD),
                    ['<article class="pressroom-lead__story">', *parts, "</article>"],
                    ' class="pressroom-kicker"')


def _cards(lang: str, stories: Sequence[Story], headings: Headings, link: LinkTo) -> str:
    cards = ['<li class="pressroom-card">' + "\n".join(
        _headline(listing_entry(story, lang), 3, "pressroom-card", link)) + "</li>"
        for story in stories]
    parts = ['<ul class="pressroom-cards">', *cards, "</ul>"] if cards else []
    all_stories = anchor(link(Address(Kind.ARCHIVE, lang).path), translate(lang, ALL_STORIES))
    parts.append(f'<p class="pressroom-more">{all_stories}</p>')
    return _section("pressroom-stories", headings, translate(lang, MORE_STORIES), parts)


def _glance(lang: str, cases: Sequence[Case], source_day: Callable[[str], dt.date | None],
            headings: Headings, link: LinkTo) -> str:
    """How many cases, and the latest decision reported: its date and its statement exactly
    as the registry gives them, introduced by their basis, and the case's status."""
    def t(message: str, **values: object) -> str:
        return escape_text(translate(lang, message, **values))

    count = sum(not case.context for case in cases)
    parts = [f'<p class="pressroom-glance__count">'
             f"{escape_text(translate_plural(lang, CASE_COUNT, count))}</p>"]
    decision = latest_decision(cases, source_day)
    if decision is None:
        parts.append(f"<p>{t(NO_DECISION)}</p>")
    else:
        case, event = decision.case, decision.event
        title = anchor(link(Address(Kind.CASES, lang).at(case.id)), case.title[lang])
        basis = escape_text(basis_label(lang, event.basis, case))
        parts += [f'<h3 class="pressroom-glance__label">{t(LATEST_DECISION)}</h3>',
                  f'<p class="pressroom-glance__case">{title}</p>',
                  f'<p class="pressroom-meta">{event_when(lang, event, t, escape_text)}</p>',
                  f"<p><em>{basis}</em> {escape_text(event.text[lang])}</p>",
                  f"<p>{t(LABELS['status'])}: {case_status(lang, case, t, escape_text)}</p>"]
    summary = anchor(link(Address(Kind.CASES, lang).path), translate(lang, CASES_TITLE))
    parts.append(f'<p class="pressroom-more">{summary}</p>')
    return _section("pressroom-panel", headings, translate(lang, GLANCE), parts)


def _contact(lang: str, desk: Desk, headings: Headings, link: LinkTo) -> list[str]:
    page = written(lang, CONTACTS).path
    parts = [contact_cards(desk.contacts, lang, link)] if desk.contacts else []
    if page in desk.files:
        parts.append(f'<p class="pressroom-more">'
                     f"{anchor(link(page), translate(lang, ALL_CONTACTS))}</p>")
    if not parts:
        return []
    return [_section("pressroom-panel", headings, translate(lang, PRESS_CONTACT), parts)]


def _media_kit(lang: str, desk: Desk, headings: Headings, link: LinkTo) -> list[str]:
    page = written(lang, MEDIA_KIT).path
    if page not in desk.files:
        return []
    parts = [f"<p>{escape_text(translate(lang, MEDIA_KIT_TEXT))}</p>"]
    offer = desk.media_kits.get(lang)
    if offer is not None:  # the kit's files, and all of them at once
        count = translate_plural(lang, KIT_FILES, len(offer.files))
        archive = anchor(link(offer.archive), download_all_label(offer),
                         f' type="{ZIP_TYPE}" download')
        parts += [f"<p>{escape_text(count)}</p>", f"<p>{archive}</p>"]
    parts.append(f'<p class="pressroom-more">'
                 f"{anchor(link(page), translate(lang, MEDIA_KIT_TITLE))}</p>")
    return [_section("pressroom-panel", headings, translate(lang, MEDIA_KIT_TITLE), parts)]


def _feeds(lang: str, headings: Headings, link: LinkTo) -> str:
    feed = Address(Kind.FEED, lang)
    tags = anchor(link(Address(Kind.TAG_INDEX, lang).path), translate(lang, TAGS_TITLE))
    parts = [feed_offer_html(lang, feed, link(feed.path)),
             f"<p>{escape_text(translate(lang, TAG_FEEDS))} {tags}</p>"]
    return _section("pressroom-panel", headings, translate(lang, FEEDS), parts)
