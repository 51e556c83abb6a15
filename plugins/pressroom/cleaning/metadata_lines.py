"""Metadata lines: what a page prints about an article rather than the article itself.

Datelines ("Posted on 3 May 2024", "Mittwoch, 06.03.2024 | 09:15", "| 18:40 Uhr", a date
alone), bylines ("Written by …", "Geschrieben von: …"), reading times, update stamps, notices
of a page's age ("This article is more than 1 year old"), notes of the agency that provided
the content, author boxes (a name, a job, a biography), a page's
masthead above the headline and the "About <publisher>" block at its foot.

A metadata line is made of segments ("Veröffentlicht: 02.05.2024 | Von Max Muster |
Aktualisiert: 03.05.2024"), and every segment must be metadata: a date (with its label and
weekday), a time, a byline, an update stamp, a reading time, or a word or three of category
beside a date ("/ Politik"). One segment of running text, a date reported in a sentence
("Urteil vom 3. Mai 2024 …") or a line that reads as a sentence keeps the line in the body.

Inference reads the removals back: the publication date from the "dateline" rule, the
publisher from bylines, agency notes, mastheads, author boxes and about blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from babel.dates import get_day_names

from ..language.lexicon import COMMON_WORDS
from ..language.text import ends_sentence, has_contact_details, is_heading_like, is_list_item, words
from ..model import Line, Removal
from .context import CleaningContext, content_lines, drop_line
from .page_frame import headline_text

if TYPE_CHECKING:
    from ..inference.dates import DateMention

DATELINE = "dateline"
PAGE_DATE = "page-date"
BYLINE = "byline"
READING_TIME = "reading-time"
UPDATE_STAMP = "update-stamp"
AGENCY_LINE = "agency-line"
AUTHOR_BOX = "author-box"
MASTHEAD = "masthead"
ABOUT_PUBLISHER = "about-publisher"
AGE_NOTICE = "age-notice"

# Metadata is short: a line longer than this is a paragraph whatever it starts with.
MAX_METADATA_CHARS = 180
# "Posted on Thursday, 18 May 2024 at 10:30 am Written by Jane Ann Roe": a line without
# separators has no more words than this when it is metadata.
MAX_PLAIN_WORDS = 16
# Words of category or section a dateline may carry beside its date ("3 May 2024 / Courts").
MAX_FREE_WORDS = 3
# A byline names at most this many words per author.
MAX_NAME_WORDS = 4
# Where a page's head ends: author boxes and mastheads stand among its first lines.
HEAD_REACH = 25
# A name alone on its line is short.
MAX_NAME_CHARS = 40
# How many lines an author box spans at most, and how long its biography may be.
MAX_BOX_LINES = 7
MAX_BIOGRAPHY_WORDS = 80
# How far below a date a calendar may begin for the date to be the calendar's day.
CALENDAR_REACH = 3
# A long paragraph ends a page's head (its words are counted only past a length it cannot
# have with fewer).
PARAGRAPH_WORDS = 25
PARAGRAPH_CHARS = 2 * PARAGRAPH_WORDS

# Segments of a metadata line are parted by bars, middle dots, bullets, spaced dashes, and
# slashes that do not stand between digits (09/14/2021 is one date).
SEGMENT_BREAK = re.compile(r"\s*(?:[|·•]|\s[–—-]\s|^\s*[–—-]\s|(?<!\d)/|/(?!\d))\s*")
# "15:01", "9:30 am", "18:40 Uhr", "07:47 CET"; with a full stop only with "Uhr" ("10.50"
# alone may be a price).
_TIME = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:(?i:uhr|h|am|pm|a\.m\.|p\.m\.)|"
    r"CET|CEST|MEZ|MESZ|GMT|UTC|BST|EST|EDT|CST|PST|PDT|ET|PT)\b)?"
    r"|\b\d{1,2}\.\d{2}\s*(?i:uhr|h)\b"
)
# "Press Release No. 49/2020 of", "Pressemitteilung Nr. 12/2024 vom": the number is a label.
_RELEASE_LABEL = (r"(?:press release|news release|media release|pressemitteilung|pressemeldung|"
                  r"presseinformation|medienmitteilung)(?:\s+(?:no|nr|number)\.?\s*[\w/.\-]+)?")
_PUBLISHED_LABEL = re.compile(
    rf"\b(?:{_RELEASE_LABEL}|posted|published|publiziert|veröffentlicht|erschienen|erstellt|"
    r"datum|date|released|issued)\b",
    re.IGNORECASE,
)
UPDATE_LABEL = re.compile(
    r"\b(?:last updated|last modified|updated|update|modified|revised|aktualisiert|"
    r"aktualisierung|zuletzt aktualisiert|zuletzt geändert|geändert|stand)\b",
    re.IGNORECASE,
)
# Little words that join a label to its date: "Posted on", "veröffentlicht am", "um 15:01 Uhr".
_CONNECTORS = re.compile(r"\b(?:on|at|am|um|vom|of|the|den|dem|letzte|last|uhr)\b",
                         re.IGNORECASE)
_NAME_WORD = r"[\w.\-’']+"
_NAMES = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,{MAX_NAME_WORDS - 1}}}"
_AUTHOR_LIST = rf"{_NAMES}(?:\s*(?:,|&|\band\b|\bund\b)\s*{_NAMES})*"
# "By Jane Roe", "Written by …", "Geschrieben von: …", "Autorin: …".
BYLINE_TEXT = re.compile(
    rf"^(?:(?:written|posted|reported|story|words|text)\s+)?by\s*:?\s+(?P<name>{_AUTHOR_LIST})$"
    rf"|^(?:(?:geschrieben|verfasst|text)\s+)?von\s*:?\s+(?P<von>{_AUTHOR_LIST})$"
    rf"|^(?:autor(?:in|en)?|author|authors|text|redaktion)\s*:\s*(?P<label>{_AUTHOR_LIST})$",
    re.IGNORECASE,
)
# "3 min read", "Time to read: 5 minutes", "Lesezeit: 4 Min.", "4 Minuten Lesezeit".
READING_TIME_TEXT = re.compile(
    r"^(?:(?:time to read|reading time|read time|lesezeit|lesedauer)\s*:?\s*)?"
    r"(?:ca\.\s*)?\d{1,3}\s*(?:min(?:ute)?s?|minuten?|min\.)\.?"
    r"(?:\s+(?:read|reading time|lesezeit|lesedauer|zum lesen))?$",
    re.IGNORECASE,
)
# "Distributed by X on …": a distributor or an agency in a dateline.
DISTRIBUTED = re.compile(
    rf"^(?:distributed|provided|supplied|syndicated|bereitgestellt|verbreitet|geliefert)\s+"
    rf"(?:by|von|durch)\s+(?P<name>{_NAMES})$",
    re.IGNORECASE,
)
# "Inhalt bereitgestellt von Nordwire.", "Content provided by Wire Service.", "Mit Material
# von …".
AGENCY_NOTE = re.compile(
    r"^\W*(?:(?:dieser |this )?(?:inhalt|artikel|beitrag|text|meldung|content|article|story)\s+"
    r"(?:wurde |was |is )?)?(?:bereitgestellt|zur verfügung gestellt|geliefert|provided|"
    r"supplied|syndicated|distributed)\s+(?:von|by|durch)\s+"
    r"(?P<name>[\w\-&]+(?:\.[\w\-&]+)*(?:\s+[A-ZÄÖÜ][\w\-]*){0,2})"
    r"|^\W*(?:mit material (?:von|der|des)|with (?:material|reporting) from)\s+"
    r"(?:(?:der |den )?nachrichtenagenturen?\s+)?(?P<material>[\w.\-&]+)",
    re.IGNORECASE,
)
# What else an agency note says: that the site did not check or edit it.
_AGENCY_NOTE_WORDS = re.compile(
    r"geprüft|bearbeitet|verantwortlich|redigiert|checked|edited|reviewed|responsible|"
    r"verändert|altered|unedited", re.IGNORECASE)
MAX_AGENCY_NOTE_SENTENCES = 3
MAX_AGENCY_NOTE_WORDS = 10  # a note alone is short: "Supplied by police, the video …" is text

# Words a publication's name is made of, in English and German; German compounds end in one.
OUTLET_WORDS = frozenset((
    "news", "times", "post", "journal", "gazette", "tribune", "herald", "daily", "weekly",
    "magazine", "review", "report", "reader", "wire", "today", "digital", "blog", "radio",
    "tv", "online", "media", "medien", "press", "presse", "insider", "monitor", "observer",
    "chronicle", "express", "telegraph", "bulletin", "newsletter", "portal", "network",
    "channel", "agency", "agentur",
))
OUTLET_ENDINGS = ("nachrichten", "zeitung", "blatt", "magazin", "news", "presse", "kurier",
                  "anzeiger", "rundschau", "bote", "report")

# A person's name: two or three capitalised words of letters ("Jane Roe", "Anna-Lena Berg").
_LOWER = "a-zäöüßéèáàíóúñçø’'"
_PERSON_WORD = re.compile(
    rf"^(?:Mc|Mac|O[’']|D[’'])?[A-ZÄÖÜ][{_LOWER}]+(?:-[A-ZÄÖÜ][{_LOWER}]+)*$"
)
# Little words inside names: "Ursula von der Brücke", "Jan de Vries".
_NAME_PARTICLES = frozenset(("von", "van", "der", "den", "de", "du", "da", "di", "la", "le",
                             "zu", "ten", "ter", "bin", "al"))
_BIOGRAPHY_VERB = re.compile(r"^(?:is|was|has|ist|war|hat|leitet|leads|covers|writes|schreibt)\b")
AUTHOR_LABEL = re.compile(
    r"^\W*(?:autor(?:in|en|\(en\)|\(in\))?|author(?:s|\(s\))?|about the authors?|"
    r"über (?:den autor|die autorin|die autoren)|written by|geschrieben von)\W*$",
    re.IGNORECASE,
)
_CONTACT_WORDS = re.compile(r"\bmail\b|\btel\b|telefon|phone|\bfax\b|kontakt|contact",
                            re.IGNORECASE)


def _has_contact(text: str) -> bool:
    """A line of a contact box: its details, or the words that label them."""
    return has_contact_details(text) or _CONTACT_WORDS.search(text) is not None

# A masthead is an organisation's name alone: it ends in its legal form or its kind
# ("… LLP", "… GmbH", "… & Partner"), or it is one word for an institution ("…gericht").
ORGANISATION_END = re.compile(
    r"(?:\b(?:LLP|LLC|Ltd|Limited|Inc|plc|PLC|GmbH|AG|SE|KG|KGaA|e\.\s?V|mbB|PartG|PartGmbB|"
    r"Rechtsanwälte|Rechtsanwaltsgesellschaft|Kanzlei|Solicitors|Attorneys|Lawyers|"
    r"Kollegen|Koll|Partners?)\.?"
    r"|^[A-ZÄÖÜ]\w*(?:gericht|gerichtshof|ministerium|behörde|kammer))$"
)
DOMAIN = re.compile(r"^(?P<domain>[A-Za-z][\w\-]*(?:\.[\w\-]+)*\.[a-z]{2,6})$")
MAX_MASTHEAD_WORDS = 6
# A name and its tagline fit in this many characters.
MAX_MASTHEAD_CHARS = 200
MAX_TAGLINE_WORDS = 10

# "This article is more than 2 years old", "Dieser Beitrag ist älter als ein Jahr": how old
# the page was on the day it was scraped.
AGE_NOTICE_TEXT = re.compile(
    r"^\W*(?:this (?:article|story|post|page) is (?:more than|over|older than)|"
    r"(?:dieser|der) (?:artikel|beitrag|text) ist (?:älter als|mehr als|über))\s+"
    r"(?:\d+|an?|one|two|three|ein(?:e|en)?|zwei|drei)\s+(?:years?|months?|jahre?n?|monate?n?)"
    r"(?:\s+alt)?(?:\s+old)?\W*$",
    re.IGNORECASE,
)

# "Über X" / "About X" followed by what X is: the publisher's note about itself.
ABOUT_HEADING = re.compile(r"^\W*(?:über|about)\s+(?P<name>[A-ZÄÖÜ][\w.\-&]*(?:\s+[\w.\-&]+){0,3})"
                           r"\W*$", re.IGNORECASE)
ABOUT_FOOT = 6


@cache
def _dates() -> ModuleType:
    # The date reader lives with inference, whose package imports the cleaner: it is
    # fetched when first used, once both packages are loaded, not while they load.
    from ..inference import dates

    return dates


@cache
def _weekdays() -> re.Pattern[str]:
    names = {name.rstrip(".") for locale in ("en", "de") for width in ("wide", "abbreviated")
             for name in get_day_names(width, locale=locale).values()}
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b\.?", re.IGNORECASE)


@cache
def _calendar_days() -> frozenset[str]:
    return frozenset(name.rstrip(".").casefold() for locale in ("en", "de")
                     for width in ("short", "abbreviated")
                     for name in get_day_names(width, locale=locale).values())


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str  # "date", "update", "time", "byline", "reading-time", "agency", "free", "text"
    dated: bool = False  # a date (or a time) of the page stands in it
    named: bool = True  # a byline that names with capitals ("von redaktion" does not)


@lru_cache(maxsize=4096)  # asked about the same lines, round after round
def segments(text: str) -> tuple[Segment, ...]:
    """The segments of a line, each with what it is."""
    stripped = text.strip()
    # Most lines hold no separator at all: they are one segment, without a split.
    parts = SEGMENT_BREAK.split(stripped) if _SEPARATOR_CHARS.search(stripped) else [stripped]
    return tuple(_segment(part) for part in parts if part.strip(" ,;:"))


_SEPARATOR_CHARS = re.compile(r"[|·•–—/-]")


@lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[DateMention, ...]:
    """The dates in a line or a segment, read once for every question asked of it."""
    return tuple(_dates().find_dates([Line(0, text)]))


def _segment(text: str) -> Segment:
    part = text.strip(" ,;:")
    if READING_TIME_TEXT.match(part):
        return Segment(part, READING_TIME)
    mentions = _mentions(part)
    rest = part
    for mention in reversed(mentions):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    # A date among nothing but labels is the page's, whatever the label ("Press release of");
    # a date with other words ("Urteil vom …") is left to be text below.
    has_date = any(mention.day is not None for mention in mentions)
    rest, times = _TIME.subn(" ", rest)
    updated = bool(UPDATE_LABEL.search(rest))
    for pattern in (UPDATE_LABEL, _PUBLISHED_LABEL, _weekdays(), _CONNECTORS):
        rest = pattern.sub(" ", rest)
    rest = " ".join(rest.replace(",", " ").split()).strip(" .:;-–—()")
    dated = has_date or bool(times)
    if mentions and not has_date and not rest:
        return Segment(part, "text")  # a reported date, or a month without a day
    if not rest and dated:
        return Segment(part, "update" if updated else "date" if has_date else "time", dated)
    if BYLINE_TEXT.match(rest):
        return Segment(part, BYLINE, dated and not updated, named=_capitalised_names(rest))
    if DISTRIBUTED.match(rest):
        return Segment(part, "agency", dated and not updated)
    if not mentions and not times and len(rest.split()) <= MAX_FREE_WORDS:
        return Segment(part, "free")
    return Segment(part, "text")


def _capitalised_names(byline: str) -> bool:
    """A byline on its own must name people or an outlet with capitals: "By the Sea" is
    none, and one plain word ("By Design") could be a heading's."""
    match = BYLINE_TEXT.match(byline)
    names = next((group for group in match.groups() if group), "") if match else ""
    tokens = [token for token in re.split(r"[\s,&]+", names)
              if token and token.casefold() not in ("and", "und")]
    capitalised = bool(tokens) and all(token[0].isupper() or token[0].isdigit()
                                       for token in tokens)
    return capitalised and (len(tokens) > 1 or names_an_outlet(names))


@lru_cache(maxsize=4096)
def metadata_rule(text: str) -> str | None:
    """The rule a line of nothing but metadata goes by, or None for a line of the body."""
    stripped = text.strip()
    # No test for a list item: "14. März 2026" starts as one.
    if not stripped or len(stripped) > MAX_METADATA_CHARS or not _could_be_metadata(stripped):
        return None
    parts = segments(stripped)
    kinds = {part.kind for part in parts}
    if not parts or "text" in kinds or kinds == {"free"}:
        return None
    free_words = sum(len(part.text.split()) for part in parts if part.kind == "free")
    anchored = bool(kinds & {"date", "update", "time"}) or any(part.dated for part in parts)
    # Category words follow a date ("3 May 2025 / Politics"); before it they may be a
    # headline's ("Xiaomi – 3 May 2025").
    if free_words and (not anchored or free_words > MAX_FREE_WORDS
                       or stripped[-1] in ".!?" or parts[0].kind == "free"):
        return None
    if not anchored and not all(part.named for part in parts):
        return None
    return _rule_of(parts)


# What a metadata line cannot do without: a date's day, a time, or a word of a byline or a
# reading time. Looked for in the whole line first, since most short lines are headings.
_HINT = re.compile(r"\d[:.]\d\d|\b(?:by|von|autor(?:in)?|author|text|redaktion|min|minuten?|"
                   r"minutes?|lesezeit|lesedauer)\b", re.IGNORECASE)


def _could_be_metadata(text: str) -> bool:
    # Without separators, a metadata line is a label, a date, a time and a byline at most.
    if not _SEPARATOR_CHARS.search(text) and len(text.split()) > MAX_PLAIN_WORDS:
        return False
    if _HINT.search(text):
        return True
    return any(char.isdigit() for char in text) and any(
        mention.day is not None for mention in _mentions(text.strip(" ,;:")))


def _rule_of(parts: Sequence[Segment]) -> str:
    kinds = [part.kind for part in parts]
    if "date" in kinds or any(part.dated and part.kind != "update" for part in parts):
        return DATELINE
    if "time" in kinds:
        return DATELINE
    if "update" in kinds:
        return UPDATE_STAMP
    if BYLINE in kinds:
        return BYLINE
    if READING_TIME in kinds:
        return READING_TIME
    return AGENCY_LINE


def publication_segment(text: str) -> str | None:
    """The part of a dateline that dates the page: not its update stamp."""
    for part in segments(text):
        if part.kind == "date" or (part.dated and part.kind in (BYLINE, "agency")):
            return part.text
    return None


def byline_names(text: str) -> str | None:
    """Who a byline line names: "Written by Jane Roe" -> "Jane Roe"."""
    for part in segments(text):
        if part.kind == BYLINE:
            rest = _TIME.sub(" ", part.text)
            for mention in reversed(_dates().find_dates([Line(0, rest)])):
                rest = rest[: mention.start] + rest[mention.end :]
            rest = " ".join(_weekdays().sub(" ", _PUBLISHED_LABEL.sub(" ", rest)).split())
            rest = re.sub(r"^(?:on|am)\s+", "", rest, flags=re.IGNORECASE)
            match = BYLINE_TEXT.match(rest.strip(" ,:"))
            if match:
                return next(group for group in match.groups() if group).strip(" .")
    return None


def agency_name(text: str) -> str | None:
    """The agency an agency note names: "Inhalt bereitgestellt von Nordwire." -> "Nordwire"."""
    match = AGENCY_NOTE.match(text.strip())
    if not match:
        return None
    return (match["name"] or match["material"]).strip(" .,;")


@lru_cache(maxsize=4096)  # asked about the same head lines, round after round
def is_person_name(name: str) -> bool:
    """Two or three capitalised words of letters ("Jane Roe"), none of them a word that
    names an outlet ("Harbour News")."""
    tokens = name.split()
    named = [token for token in tokens if token not in _NAME_PARTICLES]
    return (2 <= len(named) <= 3 and len(tokens) <= MAX_NAME_WORDS
            and all(_PERSON_WORD.match(token) for token in named)
            and bool(_PERSON_WORD.match(tokens[0])) and bool(_PERSON_WORD.match(tokens[-1]))
            and tokens[0].casefold() not in COMMON_WORDS and not names_an_outlet(name))


def names_an_outlet(name: str) -> bool:
    """A name that is a publication's or an organisation's by its shape: a word of the press
    ("… News", "…zeitung"), a domain, a legal form ("… GmbH"), or one word with capitals
    inside or in capitals ("HarbourWelt", "HNT"; a person's "McBride" has a second word)."""
    tokens = name.replace("-", " ").split()
    for token in tokens:
        folded = token.casefold().strip(".,")
        if folded in OUTLET_WORDS or folded.endswith(OUTLET_ENDINGS):
            return True
    if len(tokens) == 1:
        letters = tokens[0].strip(".,")
        if len(letters) >= 2 and (letters.isupper() or any(c.isupper() for c in letters[1:])):
            return True
    return bool(DOMAIN.match(name.strip()) or ORGANISATION_END.search(name.strip()))


def detect_metadata_lines(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    text_lines = content_lines(lines)
    removals = list(_metadata_lines(text_lines))
    removals += _agency_notes(text_lines)
    removals += _author_boxes(text_lines, removals)
    if removals:  # names are an author's only beside the page's metadata
        removals += _author_lists(text_lines, removals, lines)
    removals += _labelled_author_boxes(text_lines)
    removals += _mastheads(text_lines, removals)
    removals += _about_blocks(text_lines)
    removals += [drop_line(line, AGE_NOTICE) for line in text_lines
                 if len(line.text) <= MAX_METADATA_CHARS and AGE_NOTICE_TEXT.match(line.text)]
    # The dateline and the byline under the headline go too: inference reads them back from
    # the record (and the page frame takes them for evidence that the text follows).
    return removals


def _metadata_lines(text_lines: Sequence[Line]) -> Iterator[Removal]:
    page_dates = _page_dates(text_lines)
    found = [(line, rule) for line in text_lines if (rule := metadata_rule(line.text))]
    # A page has one dateline with words beside its date; lines of a date and a few words,
    # two or more of them or listed, are a chronology ("12.03.2024 – Klage eingereicht").
    worded = [line for line, _ in found if _has_free_words(line.text)]
    chronology = {line.number for line in worded
                  if len(worded) > 1 or _bulleted(line.text)}
    for line, rule in found:
        if line.number in chronology:
            continue
        if rule == DATELINE and _date_alone(line.text) in page_dates:
            rule = PAGE_DATE
        yield drop_line(line, rule)


def _bulleted(text: str) -> bool:
    """A list item by its bullet: a day's number ("6. Oktober") is no list's."""
    return is_list_item(text) and not text.lstrip()[:1].isdigit()


def _has_free_words(text: str) -> bool:
    return any(part.kind == "free" and part.text.split() for part in segments(text))


def _date_alone(text: str) -> str | None:
    parts = segments(text)
    return " ".join(parts[0].text.split()) if len(parts) == 1 and parts[0].kind == "date" else None


def _page_dates(text_lines: Sequence[Line]) -> set[str]:
    """Dates alone on a line above a calendar: the day the page was shown, not its date.
    The same date alone elsewhere on the page is that day again."""
    found = set()
    for index, line in enumerate(text_lines):
        if not _is_calendar_row(line.text):
            continue
        for above in text_lines[max(0, index - CALENDAR_REACH) : index]:
            date = _date_alone(above.text)
            if date:
                found.add(date)
    return found


# A row of weekdays' short names: "Mo Di Mi Do Fr Sa So" is 20 characters.
MAX_CALENDAR_ROW = 40


def _is_calendar_row(text: str) -> bool:
    if len(text) > MAX_CALENDAR_ROW:
        return False
    tokens = [token.strip(".").casefold() for token in text.split()]
    return len(tokens) >= 5 and all(token in _calendar_days() for token in tokens)


def _agency_notes(text_lines: Sequence[Line]) -> Iterator[Removal]:
    """A note that an agency provided the content, and that the site did not edit it."""
    for line in text_lines:
        text = line.text.strip()
        if len(text) > MAX_METADATA_CHARS * 2 or not AGENCY_NOTE.match(text):
            continue
        sentences = [part for part in re.split(r"(?<=[.!?])\s+", text) if part]
        alone = len(sentences) == 1 and len(words(text)) <= MAX_AGENCY_NOTE_WORDS
        # The sentences after the note's first say that the site did not edit it.
        explained = 1 < len(sentences) <= MAX_AGENCY_NOTE_SENTENCES and all(
            _AGENCY_NOTE_WORDS.search(sentence) for sentence in sentences[1:])
        if alone or explained:
            yield drop_line(line, AGENCY_LINE)


def _author_lists(
    text_lines: Sequence[Line], found: Sequence[Removal], lines: Sequence[Line]
) -> Iterator[Removal]:
    """Names of people alone on a line right beside a dateline or a reading time: the
    authors, even without a "By" ("Jane Roe, John Poe"). Not the headline: a page about
    people may be headed by their names."""
    metadata = {removal.line for removal in found
                if removal.rule in (DATELINE, READING_TIME, UPDATE_STAMP)}
    head = text_lines[:HEAD_REACH]
    beside = [index for index, line in enumerate(head)
              if any(other.number in metadata for other in head[max(0, index - 1) : index + 2])
              and line.number not in metadata]
    if not beside:
        return
    # The headline is chosen once the detectors are done; until then the first line that
    # could be one is spared.
    headline = next((line for line in text_lines if line.text.strip()), None)
    if headline is not None and headline_text(headline.text) is None:
        headline = None
    for index in beside:
        line = head[index]
        if headline is not None and line.number == headline.number:
            continue
        names = _names(line.text)
        if not all(is_person_name(name) for name in names):
            continue
        # One name alone could be two capitalised nouns ("Erste Schritte"): it is taken for an
        # author only right above the date, where bylines stand; a list of names anywhere
        # beside it.
        if len(names) > 1 or any(other.number in metadata for other in head[index + 1 : index + 2]):
            yield drop_line(line, BYLINE)


def _names(text: str) -> list[str]:
    """ "Jane Roe, John Poe und Ada Berg" -> each name."""
    return [name.strip() for name in _NAME_LIST_BREAK.split(text)]


_NAME_LIST_BREAK = re.compile(r",|&|\band\b|\bund\b")


def _leading_person(text: str) -> str | None:
    tokens = text.split()[:2]
    # Most lines start with a word that cannot begin a name: told before the name is weighed.
    if len(tokens) < 2 or not (tokens[0][:1].isupper() and tokens[1][:1].isupper()):
        return None
    name = " ".join(tokens)
    return name if is_person_name(name) else None


def _author_boxes(text_lines: Sequence[Line], found: Sequence[Removal]) -> Iterator[Removal]:
    """A name alone, the same name with a job, a biography that starts with the name ("Jane
    Roe is the court reporter at …"): an author box, and what stands between its lines.

    A caption naming a person above a paragraph about her ("Jane Roe" / "Jane Roe is the
    founder …") has that shape too: a box is three lines of its name, or two beside the
    page's dateline or reading time."""
    metadata = {removal.line for removal in found}
    head = text_lines[:HEAD_REACH]
    # A box shows its author's name alone: without such a line there is none to look for.
    short = {" ".join(line.text.split()) for line in head if len(line.text) <= MAX_NAME_CHARS}
    names = {text for text in short if is_person_name(text)}
    if not names:
        return
    for index, line in enumerate(head):
        name = _leading_person(line.text)
        if name is None or name not in names:
            continue
        window = head[index : index + MAX_BOX_LINES]
        texts = [" ".join(other.text.split()) for other in window]
        starts = [offset for offset, text in enumerate(texts) if text.startswith(name)]
        box = window[: starts[-1] + 1]
        texts = texts[: starts[-1] + 1]
        alone = any(text == name for text in texts)
        biography = any(_BIOGRAPHY_VERB.match(text[len(name):].strip()) for text in texts)
        around = head[max(0, index - 1) : index + len(box) + 1]
        beside_metadata = any(other.number in metadata for other in around)
        if (alone and biography and (len(starts) >= 3 or (len(starts) == 2 and beside_metadata))
                and all(len(words(text)) <= MAX_BIOGRAPHY_WORDS for text in texts)):
            yield from (drop_line(other, AUTHOR_BOX) for other in box)
            return


def employer(text: str) -> str | None:
    """Whom a biography in an author box says its author works for: "Jane Roe is the
    editor at Harbour News." -> "Harbour News"."""
    normal = " ".join(text.split())
    name = _leading_person(normal)
    if name is None or not _BIOGRAPHY_VERB.match(normal[len(name):].strip()):
        return None
    first = normal.split(". ")[0]
    match = re.search(r"\b(?:at|for|bei|für)\s+(?P<org>[A-ZÄÖÜ][\w.&\-]*(?:\s+[A-ZÄÖÜ][\w.&\-]*)"
                      r"{0,3})", first)
    return match["org"].strip(" .") if match else None


def _labelled_author_boxes(text_lines: Sequence[Line]) -> Iterator[Removal]:
    """ "Autor" / "About the author", then a name, job lines and contact lines."""
    for index, line in enumerate(text_lines):
        if not AUTHOR_LABEL.match(line.text):
            continue
        following = text_lines[index + 1 : index + 1 + MAX_BOX_LINES]
        if not following or not _names_someone(following[0].text):
            continue
        box = [line, following[0]]
        jobs: list[Line] = []
        for other in following[1:]:
            text = other.text.strip()
            if _has_contact(text) and len(words(text)) <= MAX_NAME_WORDS * 2:
                box += [*jobs, other]  # a job line is the author's once contact details follow
                jobs = []
            elif box[-1] is following[0] or jobs:
                if not is_heading_like(text) or is_list_item(text):
                    break
                jobs.append(other)
            else:
                break
        yield from (drop_line(other, AUTHOR_BOX) for other in box)


def _names_someone(text: str) -> bool:
    return all(is_person_name(name) for name in _names(text))


def _mastheads(text_lines: Sequence[Line], found: Sequence[Removal]) -> Iterator[Removal]:
    """The site's or the firm's name above the headline, and a person's name above their own
    byline (their own site)."""
    candidates = [line for line in text_lines[:3] if masthead_name(line.text)]
    if candidates:  # the page's head is looked at only below a name that could be its masthead
        head = _head(text_lines)
        for line in candidates:
            if line in head and _headline_follows(head, line):
                yield drop_line(line, MASTHEAD)
    authors = {byline_names(removal.text) for removal in found if removal.rule in (BYLINE,
                                                                                    DATELINE)}
    authors.discard(None)
    first_byline = min((removal.line for removal in found if removal.rule in (BYLINE, DATELINE)
                        and byline_names(removal.text)), default=0)
    for line in text_lines:
        if line.number < first_byline and line.text.strip() in authors:
            yield drop_line(line, MASTHEAD)


def _head(text_lines: Sequence[Line]) -> list[Line]:
    """The lines before the first long paragraph."""
    head = []
    for line in text_lines:
        if len(line.text) > PARAGRAPH_CHARS and len(words(line.text)) > PARAGRAPH_WORDS:
            break
        head.append(line)
    return head


def _headline_follows(head: Sequence[Line], masthead: Line) -> bool:
    """A headline below the name: the name is not itself the only headline there is."""
    return any(line.number > masthead.number and is_heading_like(line.text)
               and len(words(line.text)) >= 3 and not is_list_item(line.text)
               and not masthead_name(line.text) and metadata_rule(line.text) is None
               for line in head)


@lru_cache(maxsize=4096)
def masthead_name(text: str) -> str | None:
    """ "Harbour Law LLP", "Landesarbeitsgericht", "Example.com · News and Views"."""
    if len(text) > MAX_MASTHEAD_CHARS:  # a paragraph is no masthead: not split to see
        return None
    parts = [part for part in SEGMENT_BREAK.split(text.strip()) if part.strip()]
    # A full stop may end a legal form ("& Koll."), not a masthead otherwise.
    if not parts or (ends_sentence(text) and not ORGANISATION_END.search(text.strip())):
        return None
    first = parts[0].strip()
    domain = DOMAIN.match(first)
    if domain and any(char.isupper() for char in first) and all(
            len(part.split()) <= MAX_TAGLINE_WORDS for part in parts[1:]):
        return domain["domain"]
    tokens = first.split()
    if (len(parts) == 1 and 1 <= len(tokens) <= MAX_MASTHEAD_WORDS
            and tokens[0][0].isupper() and ORGANISATION_END.search(first)):
        return first
    return None


def _about_blocks(text_lines: Sequence[Line]) -> Iterator[Removal]:
    """ "Über Example" / "About Example" at the foot, then what Example is."""
    foot = text_lines[-ABOUT_FOOT:]
    for index, line in enumerate(foot):
        match = ABOUT_HEADING.match(line.text)
        if not match or match["name"].casefold().startswith(("the ", "den ", "die ", "uns")):
            continue
        name = match["name"].strip()
        following = foot[index + 1 :]
        if following and _describes(following[0].text, name):
            yield drop_line(line, ABOUT_PUBLISHER)
            for other in following:
                if name.casefold() not in other.text.casefold() and not _has_contact(
                        other.text):
                    break
                yield drop_line(other, ABOUT_PUBLISHER)
            return


def _describes(text: str, name: str) -> bool:
    """ "Example ist …", "Die Example AG ist …", "Example is …"."""
    head = re.sub(r"^(?:die|der|das|the)\s+", "", text.strip(), flags=re.IGNORECASE)
    if not head.startswith(name):
        return False
    rest = head[len(name):]
    return bool(re.match(r"^(?:\s+\S+){0,2}?\s+(?:ist|is|was|war|wurde|gehört|bietet|"
                         r"betreibt|operates|offers|provides)\b", rest))


def about_name(text: str) -> str | None:
    match = ABOUT_HEADING.match(text)
    return match["name"].strip() if match else None
