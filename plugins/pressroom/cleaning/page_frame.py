"""The page around the article: its headline, and the furniture above and around it.

A scraped page is a frame (masthead, navigation, breadcrumb, consent banner, labels) around
one article. The article is the largest cluster of prose lines; its headline is a
heading-shaped line at the top of that cluster or above it, told apart from the frame's
headings by evidence: the page repeats it (in a breadcrumb, a second heading, a menu item),
it leads into the text (a dateline, a byline or the first paragraph follows it), it stands
first or near the text, and it is no kicker, label or name. Once the headline is known,
everything above it that is not part of the article is page furniture, so are short labels
and image texts between it and the text, and so are its repeats further down.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..language.lexicon import INTERFACE_PHRASES, SITE_NOTICE_CUES, STOP_WORDS
from ..language.text import (
    CLOSING,
    SENTENCE_END,
    ends_sentence,
    foreign_share,
    has_contact_details,
    is_list_item,
    is_prose,
    strip_list_marker,
    talks_to_reader,
    words,
)
from ..model import Headline, Line, Removal
from .context import drop_line, repair_line

MIN_HEADLINE_WORDS = 3
# A line mostly in another script is the third-language rule's, not a headline.
FOREIGN_HEADLINE = 0.5
MAX_HEADLINE_WORDS = 30
# Non-prose lines (subheadings, a caption, an advertisement label) that may stand between
# two paragraphs of one article.
MAX_GAP = 3
# How far above the article's first paragraph its headline stands at most (kickers, datelines,
# bylines, a standfirst and captions between them).
NEAR = 3
KICKER_WORDS = 4
NAME_WORDS = 4
# A heading is made of words: not of day abbreviations ("Mo Di Mi"), nor of section signs,
# numbers and abbreviations (a statute citation).
MIN_MEAN_WORD_LENGTH = 3
MIN_LETTER_SHARE = 0.6
# A headline may stand under a teaser or a note (up to this much prose) that opens the cluster.
TEASER_CHARS = 320
# Lines that the detectors took out as a headline's metadata: evidence that the text follows.
METADATA_RULES = frozenset({"dateline", "byline", "reading-time", "update-stamp", "author-box",
                            "relative-date"})
# Below this many words a line between the headline and the text is a label, an image's alt
# text or a category, not a standfirst.
LABEL_WORDS = 5
# A site's talk to its reader counts for a quarter of its length when the article is sought.
SITE_TALK_WEIGHT = 0.25
FIRST_CANDIDATES, LAST_CANDIDATES = 5, 10
# Evidence, in points: what makes a heading the article's headline. The first heading that
# the text follows outweighs a subheading that happens to stand nearer the largest cluster.
# A kicker repeated on the page (a section's label again at its foot) stays a kicker: the
# repeat, once taken away, is no evidence a second cleaning could see.
REPEATED, NEAR_TEXT, FIRST, LEADS_IN, OPENS_TEXT = 3, 2, 1, 1, 2
KICKER, NAME_ONLY = -4, -4
# A dateline, a byline or a reading time under a headline: a short line that is no heading.
META_WORDS = 6
SURE = 3

# Breadcrumbs and mastheads join their parts with these; a headline does not.
# A day's date: "21.10.25", "09/14/2021", "2021-09-14", "14 September 2021", "Sept. 14, 2021".
_DATE_LIKE = re.compile(
    r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}(?:\.|st|nd|rd|th)?\s+[A-ZÄÖÜ][a-zäöü]+\.?,?\s+\d{4}\b"
    r"|\b[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
)
_NAMED_CAPTION = re.compile(r"^[A-ZÄÖÜ][\w’'-]+:\s+\S")
_SEPARATOR = re.compile(r"\s[|›»>·/]\s|^\s*[>›»]|\s[-–—]{1,2}>\s")
# "HomeBriefingsHeadline": menu labels glued to the headline, each starting with a capital.
_GLUED_CRUMBS = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+){2,}(?=[A-ZÄÖÜ][a-zäöüß]*\s)")


@dataclass(frozen=True)
class Candidate:
    line: Line
    text: str  # the headline as it reads, without glued menu labels or a contact box
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PageFrame:
    headline: Headline | None
    removals: tuple[Removal, ...]


def find_page_frame(lines: Sequence[Line], lang: str,
                    removed: Sequence[Removal] = ()) -> PageFrame:
    content = [line for line in lines if line.text.strip()]
    # A line repaired in place (a fragment cut out of it) still stands where it stood: it
    # is no removed line between paragraphs, and the text cleaned again has it too.
    cluster = main_cluster(content, sorted({removal.line for removal in removed
                                            if removal.replacement is None}))
    if cluster is None:
        return PageFrame(None, ())
    start, end = cluster
    start = _after_site_talk(content, start, end)
    metadata = frozenset(removal.line for removal in removed if removal.rule in METADATA_RULES)
    candidates = _candidates(content, start, metadata)
    if not candidates:
        return PageFrame(None, ())
    best = max(candidates, key=lambda candidate: candidate.score)  # the first of equals
    passed_over = tuple(c.text for c in candidates if c is not best)
    headline = Headline(best.line.number, best.text, best.score >= SURE,
                        ", ".join(best.reasons) or "first heading", passed_over)
    last_prose = max(index for index, line in enumerate(content) if is_prose(line.text))
    return PageFrame(headline, (*_furniture(content, best, start, lang),
                                *_foot(content, last_prose)))


def main_cluster(content: Sequence[Line],
                 removed: Sequence[int] = ()) -> tuple[int, int] | None:
    """The first and last index (into content) of the prose cluster with the most text.
    What the detectors removed between two paragraphs counts as what stood between them."""
    best: tuple[int, int] | None = None
    best_size = 0
    first = last = None
    size = 0
    for index, line in enumerate(content):
        if not is_prose(line.text):
            continue
        if last is not None and _gap(content, last, index, removed) > MAX_GAP:
            if size > best_size:
                best, best_size = (first, last), size
            first, size = None, 0
        if first is None:
            first = index
        last = index
        size += _weight(line.text)
    if first is not None and last is not None and size > best_size:
        best = (first, last)
    return best


def _weight(text: str) -> float:
    """A paragraph's share in its cluster: its length, and far less when it talks to the
    reader about the site ("we will move our newsletter; you can still subscribe"), as site
    notices do and reports about others do not."""
    return len(text) * (SITE_TALK_WEIGHT if talks_to_reader(text) else 1.0)


def _is_site_notice(text: str) -> bool:
    """A site talking to its reader about itself: consent, newsletters, accounts."""
    lowered = text.casefold()
    return talks_to_reader(text) and any(cue in lowered for cue in SITE_NOTICE_CUES)


def _after_site_talk(content: Sequence[Line], start: int, end: int) -> int:
    """Where the article begins in its cluster: after a notice that talks to the reader (a
    consent text, a note about the site) at the very top of the page, above every heading.
    Under a heading, "we" and "you" are an author's (a firm writing about its work)."""
    prose = [index for index in range(start, end + 1) if is_prose(content[index].text)]
    leading = 0
    while leading < len(prose) and talks_to_reader(content[prose[leading]].text):
        leading += 1
    if not 0 < leading < len(prose) or not all(
            _is_site_notice(content[index].text) for index in prose[:leading]):
        return start
    if any(headline_text(line.text) is not None for line in content[: prose[leading - 1]]):
        return start
    return prose[leading]


def _gap(content: Sequence[Line], last: int, index: int, removed: Sequence[int]) -> int:
    """Lines between two paragraphs: those still there and those the detectors removed
    (``removed`` is sorted)."""
    low, high = content[last].number, content[index].number
    return index - last - 1 + bisect_left(removed, high) - bisect_right(removed, low)


def headline_text(text: str) -> str | None:
    """The headline a line would give, or None when the line cannot be one."""
    stripped = _GLUED_CRUMBS.sub("", text.strip(), count=1)
    count = len(words(stripped))
    if not MIN_HEADLINE_WORDS <= count <= MAX_HEADLINE_WORDS or is_list_item(stripped):
        return None
    if ends_sentence(stripped) and stripped[-1] not in "?!":
        return None
    if _SEPARATOR.search(stripped) or has_contact_details(stripped):
        return None
    if foreign_share(stripped) >= FOREIGN_HEADLINE:
        return None
    if _is_interface(stripped) or not _made_of_words(stripped):
        return None
    return stripped


def _made_of_words(text: str) -> bool:
    found = words(text)
    letters = sum(map(len, found))
    visible = len(text.replace(" ", ""))
    return letters >= MIN_MEAN_WORD_LENGTH * len(found) and letters >= MIN_LETTER_SHARE * visible


def _is_interface(text: str) -> bool:
    lowered = text.casefold()
    return any(phrase in lowered for phrase in INTERFACE_PHRASES)


def _candidates(content: Sequence[Line], start: int,
                metadata: frozenset[int]) -> list[Candidate]:
    """Heading-shaped lines above the article's first paragraph; below it only where none
    stands above, and only under a teaser or a note, not under an article's paragraph."""
    found = [(index, text) for index, line in enumerate(content[:start])
             if (text := headline_text(line.text)) is not None]
    # The headline stands first or near the text: the headings between are a page's menus,
    # and weighing each of them against every line would grow with the square of the page.
    if len(found) > FIRST_CANDIDATES + LAST_CANDIDATES:
        found = found[:FIRST_CANDIDATES] + found[-LAST_CANDIDATES:]
    if not found:
        found = [(index, text) for index, line in enumerate(content[start : start + NEAR + 1],
                                                           start)
                 if (text := headline_text(line.text)) is not None
                 and _prose_chars(content[start:index]) <= TEASER_CHARS
                 and (_repeated(text, content, index)
                      or _dateline_follows(content, index, metadata))]
    scored = []
    for position, (index, text) in enumerate(found):
        reasons: list[str] = []
        if _repeated(text, content, index):
            reasons.append("repeated on the page")
        if _distance(content, index, start) <= NEAR:
            reasons.append("near the text")
        if position == 0:
            reasons.append("first heading")
        if _leads_in(content, index, start, metadata):
            reasons.append("text follows")
            if position == 0:
                reasons.append("opens the text")
        if _is_kicker(text, content, index):
            reasons.append("kicker")
        if _is_name(text):
            reasons.append("a name")
        scored.append(Candidate(content[index], text, _score(reasons), tuple(reasons)))
    return scored


_POINTS = {"repeated on the page": REPEATED, "near the text": NEAR_TEXT, "first heading": FIRST,
           "text follows": LEADS_IN, "opens the text": OPENS_TEXT, "kicker": KICKER,
           "a name": NAME_ONLY}


def _score(reasons: Sequence[str]) -> int:
    return sum(_POINTS[reason] for reason in reasons)


@lru_cache(maxsize=4096)  # every candidate is compared with every line
def _folded(text: str) -> str:
    return " ".join(strip_list_marker(text).split()).casefold()


def _repeated(text: str, content: Sequence[Line], index: int) -> bool:
    """The page says it again: as a line, a breadcrumb's last part, a menu item, or with a
    photo credit glued on."""
    wanted = _folded(text)
    return any(other_index != index and _contains_most(_folded(other.text), wanted)
               for other_index, other in enumerate(content))


def _contains_most(folded: str, wanted: str) -> bool:
    return len(wanted) * 2 >= len(folded) >= len(wanted) and wanted in folded


def _dateline_follows(content: Sequence[Line], index: int, metadata: frozenset[int]) -> bool:
    """A dateline or byline under a heading, still there or taken out by the detectors."""
    if index + 1 >= len(content):
        return False
    following = content[index + 1]
    return _is_metadata_like(following.text) or any(
        content[index].number < number < following.number for number in metadata)


def _prose_chars(lines: Sequence[Line]) -> int:
    return sum(len(line.text) for line in lines if is_prose(line.text))


def _is_metadata_like(text: str) -> bool:
    """A dateline, a byline, a reading time, a court and file number: short, with a number
    or nothing but a name of two words or more (a single word is a label)."""
    count = len(words(text))
    return not is_prose(text) and count <= META_WORDS + 2 and (
        any(character.isdigit() for character in text) or (_is_name(text) and count >= 2))


def _is_dated(text: str) -> bool:
    """A short line with a day's date: perhaps the page's dateline."""
    return len(words(text)) <= META_WORDS and _DATE_LIKE.search(text) is not None


def _distance(content: Sequence[Line], index: int, start: int) -> int:
    """Lines between a heading and the text, not counting its metadata, counted up to one
    more than NEAR; a paragraph between them means the heading heads other text."""
    counted = 0
    for line in content[index + 1 : start]:
        if is_prose(line.text):
            return NEAR + 1
        counted += not _is_metadata_like(line.text)
        if counted > NEAR:
            break
    return counted


def _leads_in(content: Sequence[Line], index: int, start: int,
              metadata: frozenset[int]) -> bool:
    """What follows the heading is the article's text, perhaps after its metadata (here or
    already taken out by the detectors)."""
    following = content[index + 1 :]
    if following and index + 1 >= start and any(
            content[index].number < number < following[0].number for number in metadata):
        return True
    for position, line in enumerate(following[: NEAR + 1], index + 1):
        if is_prose(line.text):
            return position >= start
        if not _is_metadata_like(line.text):
            return False
    return False


def _is_kicker(text: str, content: Sequence[Line], index: int) -> bool:
    """A short line right above a longer heading: "Court ruling" over the real headline."""
    if len(words(text)) > KICKER_WORDS or index + 1 >= len(content):
        return False
    below = headline_text(content[index + 1].text)
    return below is not None and len(words(below)) > len(words(text))


def _is_name(text: str) -> bool:
    """A masthead or a firm's name: a few words, every one capitalised ("&" may join them)."""
    tokens = text.split()
    return 0 < len(tokens) <= NAME_WORDS and all(token[0].isupper() or token == "&"
                                                 for token in tokens)


def _furniture(content: Sequence[Line], headline: Candidate, start: int,
               lang: str) -> list[Removal]:
    index = content.index(headline.line)
    removals: list[Removal] = []
    # Above the headline: all that is not part of the article itself. Datelines and bylines
    # are the metadata detectors' to read and record; a paragraph goes only when it is the
    # site's notice to its readers: what else is prose may be the article's own.
    above = content[:index]
    notice = any(_is_site_notice(line.text) for line in above)
    for line in above:
        if _is_dated(line.text):
            continue
        if not is_prose(line.text) or (notice and talks_to_reader(line.text)):
            removals.append(drop_line(line, "page-top"))
    wanted = _folded(headline.text)
    repeats = [line for line in content[index + 1 :] if _is_repeat_of(line.text, wanted)]
    removals += [drop_line(line, "repeated-headline") for line in repeats]
    # Between the headline and the text: labels, alt texts, a second version of the headline.
    first_text = max(start, index + 1)
    for line in content[index + 1 : first_text]:
        if line not in repeats and _is_head_label(line.text, headline.text, lang):
            removals.append(drop_line(line, "head-label"))
    if headline.text != headline.line.text.strip():
        # What was glued to the headline goes with the line; the headline is kept apart.
        removals.append(repair_line(headline.line, "headline-debris", headline.line.text,
                                    headline.text))
    return removals


def _is_head_label(text: str, headline: str, lang: str) -> bool:
    if is_prose(text) or _is_sentence(text):
        return False
    if _is_metadata_like(text):
        return False
    # "Name: what the picture shows": the caption of the image under the headline.
    if _NAMED_CAPTION.match(text) and len(words(text)) < LABEL_WORDS * 2:
        return True
    if len(words(text)) < LABEL_WORDS:
        return True
    # A second, shorter version of the headline (social or search title).
    headline_words = {word.casefold() for word in words(headline)}
    own = [word.casefold() for word in words(text)]
    shared = sum(1 for word in own if word in headline_words)
    if shared >= 0.8 * len(own):
        return True
    stops = STOP_WORDS.get(lang, frozenset())
    return not any(word in stops for word in own) and len(own) < LABEL_WORDS * 2


def _is_repeat_of(text: str, wanted: str) -> bool:
    folded = _folded(text)
    return folded == wanted or (folded.startswith(wanted) and len(wanted) * 2 >= len(folded)
                                and not is_prose(text))


def _is_sentence(text: str) -> bool:
    """A short sentence ("Bakery wins in court."): a standfirst, not a label."""
    return text.rstrip().rstrip(CLOSING)[-1:] in SENTENCE_END and len(words(text)) >= 3


def _is_closing_sentence(text: str) -> bool:
    """A short last sentence of the article ("The costs were set at 5,000 euros.")."""
    stripped = text.rstrip()
    return stripped.endswith(".") and len(words(text)) >= LABEL_WORDS


def _foot(content: Sequence[Line], end: int) -> list[Removal]:
    """Below the page's last paragraph: labels, menus, link lists. A list that a paragraph
    announces ("These include:") and a chronology of dated lines still belong to the article;
    between paragraphs nothing goes, for a subheading there is the article's own."""
    removals = []
    announced = _announces(content[end].text)
    for position, line in enumerate(content[end + 1 :], end + 1):
        if announced and is_list_item(line.text):
            continue
        following = content[position + 1] if position + 1 < len(content) else None
        announced = _announces(line.text) and following is not None \
            and is_list_item(following.text)
        if announced:
            continue
        if not (is_prose(line.text) or _is_closing_sentence(line.text) or _is_dated(line.text)):
            removals.append(drop_line(line, "page-foot"))
    return removals


def _announces(text: str) -> bool:
    return text.rstrip().endswith(":")
