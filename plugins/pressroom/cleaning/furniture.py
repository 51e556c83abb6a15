"""Page furniture scraped along with an article: widgets, notices, lists and labels.

Each detector recognises a kind of furniture by its shape (a short line, a label and a colon,
a list whose items are empty) and by the words such furniture is made of in English and
German, never by the text of one particular page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..language.lexicon import (
    CONSENT_CUES,
    COOKIE_CUES,
    COPYRIGHT_CUES,
    DISCLAIMER_CUES,
    DISCLAIMER_LABELS,
    LIABILITY_CUES,
    RELATED_LABELS,
    RELATIVE_DATE_PATTERNS,
    RELATIVE_DATE_PREFIX,
    SHARE_FILLER,
    SHARE_WORDS,
    WIDGET_PATTERNS,
)
from ..language.text import (
    EMAIL,
    PHONE,
    is_heading_like,
    is_list_item,
    is_prose,
    talks_to_reader,
    words,
)
from ..model import Line, Removal
from .context import CleaningContext, drop_line, repair_line

# Furniture is short; a long paragraph that happens to say "cookie" is an article's.
SHORT_LINE = 100
NOTICE_LINE = 400
# A consent banner's buttons: "Accept", "Manage settings", "OK".
BUTTON_WORDS = 2
# A contact box is a few lines; an e-mail address inside a long paragraph is the article's.
CONTACT_WORDS = 30
CONTACT_HEADING_WORDS = 3
# "Aktualisiert vor 3 Stunden, 14:05 Uhr" is the longest kind of relative date.
MAX_RELATIVE_DATE_CHARS = 60


def _label_pattern(labels: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^\W*(?:{alternatives})\s*(?:[:：\-–]|$)", re.IGNORECASE)


_DISCLAIMER_LABEL = _label_pattern(DISCLAIMER_LABELS)
_RELATED_LABEL = _label_pattern(RELATED_LABELS)
_RELATIVE_DATE = re.compile(
    rf"^\W*{RELATIVE_DATE_PREFIX}\s*(?:{'|'.join(RELATIVE_DATE_PATTERNS)})"
    r"(?:[,\s]+\d{1,2}[:.]\d{2}(?:\s*uhr)?)?\W*$",
    re.IGNORECASE,
)
# Matched against the stripped line: spaces on both sides of optional parts would let a long
# run of spaces be split in cubically many ways before the match fails.
_EMPTY_ITEM = re.compile(r"(?:[-*•·]|\d{1,3}[.)])?\s*\d{0,3}")
_COPYRIGHT_START = re.compile(
    r"^\W*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))", re.IGNORECASE
)


@lru_cache(maxsize=4096)  # asked about the same lines, round after round
def _cue_count(text: str, cues: tuple[str, ...]) -> int:
    lowered = text.casefold()
    return sum(1 for cue in cues if cue in lowered)


def detect_empty_list_items(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    """Numbered or bulleted items with nothing but their number: a widget's empty slots."""
    return [
        drop_line(line, "empty-list")
        for line in lines
        if line.text.strip() and _EMPTY_ITEM.fullmatch(line.text.strip())
        and (is_list_item(line.text + " ") or line.text.strip().isdigit())
    ]


def detect_disclaimers(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    """Investment and liability disclaimers: labelled ones, or paragraphs with two disclaimer
    phrases, one of them saying what the text is for (information, not advice)."""
    return [
        drop_line(line, "disclaimer")
        for line in lines
        if _DISCLAIMER_LABEL.match(line.text) or _has_disclaimer_phrases(line.text)
    ]


def _has_disclaimer_phrases(text: str) -> bool:
    about = _cue_count(text, DISCLAIMER_CUES)
    return about >= 1 and about + _cue_count(text, LIABILITY_CUES) >= 2


def detect_copyright(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    return [
        drop_line(line, "copyright")
        for line in lines
        if len(line.text) <= NOTICE_LINE
        and (_COPYRIGHT_START.match(line.text) or _cue_count(line.text, COPYRIGHT_CUES) >= 1)
    ]


def detect_share_widgets(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    """Short lines made of share verbs and network names: "Share on Facebook | X | E-Mail"."""
    removals = []
    for line in lines:
        if not line.text.strip() or len(line.text) > SHORT_LINE:
            continue
        tokens = [token.casefold() for token in re.findall(r"[\w-]+", line.text)]
        shared = [token for token in tokens if token in SHARE_WORDS]
        filler = [token for token in tokens if token in SHARE_FILLER]
        # A lone "X" or "Line" is no share bar; two network words or a share verb are.
        if shared and len(shared) + len(filler) == len(tokens) and (
            len(shared) >= 2 or shared[0] not in ("x", "line", "threads", "pocket")
        ):
            removals.append(drop_line(line, "share-widget"))
    return removals


_WIDGET = re.compile("|".join(WIDGET_PATTERNS), re.IGNORECASE)
# An advertisement's line asks the reader to act now: buy, book, register, discover.
_CALL_TO_ACT = re.compile(
    r"\b(?:jetzt|now|today|heute)\b.{0,40}\b(?:buy|book|order|get|shop|register|discover|try|"
    r"save|sichern|entdecken|kaufen|buchen|bestellen|anmelden|registrieren|testen|sparen)\b"
    r"|\b(?:buy|book|order|shop|register|discover|try)\s+now\b",
    re.IGNORECASE,
)
_ADVERT_LABEL = re.compile(r"^\W*(?:advertisement|anzeige|werbung|sponsored|gesponsert)\W*$",
                           re.IGNORECASE)


def detect_calls_to_action(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    """Newsletter boxes, comment counters, "Advertisement" labels: short lines only. The line
    an advertisement label announces goes with it unless it is a paragraph of the article."""
    content = [line for line in lines if line.text.strip()]
    removals = []
    for index, line in enumerate(content):
        if len(line.text) > SHORT_LINE or not _WIDGET.search(line.text):
            continue
        removals.append(drop_line(line, "widget"))
        advert = content[index + 1] if index + 1 < len(content) else None
        if _ADVERT_LABEL.match(line.text) and advert is not None and _is_advert(advert.text):
            removals.append(drop_line(advert, "advert"))
    return removals


def _is_advert(text: str) -> bool:
    return not is_prose(text) and len(text) <= SHORT_LINE and _CALL_TO_ACT.search(text) is not None


def detect_cookie_notices(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    """A consent banner: a notice about cookies, the consent text around it and its buttons
    ("Accept", "Manage", "Ablehnen"), which say nothing about cookies themselves."""
    content = [line for line in lines if line.text.strip()]
    notices = {index for index, line in enumerate(content) if _is_cookie_notice(line.text)}
    banner = set(notices)
    for index in sorted(notices):
        banner |= _consent_neighbours(content, index, step=-1)
        banner |= _consent_neighbours(content, index, step=1)
    return [drop_line(content[index], "cookie-notice") for index in sorted(banner)]


def _is_cookie_notice(text: str) -> bool:
    if len(text) > NOTICE_LINE or "cookie" not in text.casefold():
        return False
    # "Cookies on this site", "View cookies": a short line about cookies is the banner's own,
    # and so is one that tells the reader what the site does with them.
    return (_cue_count(text, COOKIE_CUES) >= 1 or len(words(text)) <= BUTTON_WORDS + 2
            or talks_to_reader(text))


def _consent_neighbours(content: Sequence[Line], index: int, step: int) -> set[int]:
    found: set[int] = set()
    index += step
    while 0 <= index < len(content):
        text = content[index].text
        if len(text) > NOTICE_LINE or not (
            _cue_count(text, CONSENT_CUES) >= 1 or len(words(text)) <= BUTTON_WORDS
        ):
            break
        found.add(index)
        index += step
    return found


def detect_related_posts(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    """A "Related posts" / "Lesen Sie auch" label and the short titles listed under it."""
    removals: list[Removal] = []
    in_list = False
    for line in lines:
        text = line.text.strip()
        if _RELATED_LABEL.match(text) and len(words(text)) <= 12:
            removals.append(drop_line(line, "related-posts"))
            # A label alone on its line announces a list; "Read more: title" is one link.
            in_list = not _RELATED_LABEL.sub("", text).strip()
        elif in_list and text:
            # Listed titles are short and are not sentences; running text ends the list.
            if len(words(text)) > 15 or not is_heading_like(text):
                in_list = False
            else:
                removals.append(drop_line(line, "related-posts"))
    return removals


def detect_relative_dates(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    """A relative date alone on its line ("yesterday", "vor 2 Stunden", "昨天"). Only short
    lines are matched: the pattern's leading punctuation and spaces overlap, and on a long
    run of them a failing match would take quadratic time."""
    return [drop_line(line, "relative-date") for line in lines
            if 0 < len(text := line.text.strip()) <= MAX_RELATIVE_DATE_CHARS
            and _RELATIVE_DATE.match(text)]


def detect_contact_lines(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    """Contact boxes and calls to write in: short lines with an e-mail address or a phone
    number ("Questions? Call 030 1234567 or mail desk@firm.example"). Glued to a heading,
    the box goes and the heading stays."""
    removals = []
    for line in lines:
        if len(words(line.text)) > CONTACT_WORDS or not _contact_at(line.text):
            continue
        heading = _heading_before_contact(line.text)
        if heading is None:
            removals.append(drop_line(line, "contact-line"))
        else:
            removals.append(repair_line(line, "contact-line", line.text, heading))
    return removals


def _contact_at(text: str) -> int | None:
    found = [match.start() for match in (EMAIL.search(text), PHONE.search(text)) if match]
    return min(found) if found else None


def _heading_before_contact(text: str) -> str | None:
    """ "Heading: Questions? 030 1234567": the heading, when a colon or a question ends it."""
    parts = re.split(r"(?<=[:?!])\s", text[: _contact_at(text)].strip())
    heading = parts[0].rstrip(" :")
    if len(parts) < 2 or len(words(heading)) < CONTACT_HEADING_WORDS:
        return None
    return heading
