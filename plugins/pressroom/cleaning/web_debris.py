"""Web debris inside or beside real paragraphs: what a scraper left of a page's HTML.

Entities it did not decode ("&amp;", "&#8217;"), tags and lines of markup, image file names,
photo credits ("Jane Roe/Harbour Times"), an image's alt text glued to the paragraph below it
("Lawyers at a deskThe court ruled …") and the links of a teaser ("… Read more"). Each is
recognised by its shape, not by the words of one site. A line of debris goes; debris inside a
paragraph is cut, the paragraph stays, and the removal records what was cut.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from ..language.lexicon import (
    CAPTION_LABELS,
    HTML_ELEMENTS,
    READ_ON_AFTER_ELLIPSIS,
    READ_ON_LABELS,
    RELATED_LABELS,
    STOP_WORDS,
)
from ..language.text import ends_sentence, is_prose, words
from ..model import Line, Removal
from .captions import MAX_ALT_WORDS, is_caption_like
from .context import CleaningContext, drop_line, repair_line
from .metadata_lines import is_person_name, names_an_outlet

HTML_ENTITY = "html-entity"
MARKUP = "markup"
IMAGE_FILE = "image-file"
IMAGE_CREDIT = "image-credit"
GLUED_ALT_TEXT = "glued-alt-text"
READ_MORE = "read-more"
LINK_LABEL = "link-label"


class Finding(NamedTuple):
    rule: str
    removed: str
    repaired: str | None  # None: the whole line goes


def detect_web_debris(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    removals = []
    for line in lines:
        finding = web_debris(line.text) if line.text.strip() else None
        if finding is None:
            continue
        if finding.repaired is None or not finding.repaired.strip():
            removals.append(drop_line(line, finding.rule))
        else:
            removals.append(repair_line(line, finding.rule, finding.removed, finding.repaired))
    return removals


@lru_cache(maxsize=4096)  # asked about the same lines, round after round
def web_debris(text: str) -> Finding | None:
    """The first piece of debris in a line: a repaired line is looked at again next round.
    Each rule first asks for a character or an ending its debris cannot do without (an "&",
    a "<", a slash, an image's extension, a small letter running into a capital, a link's
    word at the end), so that a line of plain prose costs a few scans."""
    return (_entities(text) or _markup(text) or _image_file(text) or _image_credit(text)
            or _glued_alt_text(text) or _read_on(text))


# --- HTML entities -------------------------------------------------------------------------

# "&amp;", "&#8217;", "&#x2019;", and escaped again ("&amp;#8217;", "&amp;amp;"): a bare "&"
# ("A&B Ltd", "R&D") or a name without its semicolon is no entity.
_ENTITY = re.compile(r"&(?:amp;)*(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# A scraper escapes once, a page that was scraped twice twice; an entity still there after
# two rounds of decoding is the text's own (an article about escaping) and stays as written.
ENTITY_ROUNDS = 2


def _entities(text: str) -> Finding | None:
    if "&" not in text:
        return None
    decoded = {entity.group(): _decoded(entity.group()) for entity in _ENTITY.finditer(text)}
    cut = [entity for entity, character in decoded.items() if character is not None]
    if not cut:
        return None
    repaired = _ENTITY.sub(lambda entity: decoded[entity.group()] or entity.group(), text)
    return Finding(HTML_ENTITY, " ".join(cut), repaired.rstrip())


def _decoded(entity: str) -> str | None:
    """What an entity stands for, or None: "&foo;" names no character, and "&amp;amp;amp;"
    is one escape too many."""
    decoded = entity
    for _ in range(ENTITY_ROUNDS):
        decoded = html.unescape(decoded)
    return None if decoded == entity or _ENTITY.search(decoded) else decoded


# --- markup --------------------------------------------------------------------------------

# A comment, a script or a style with its code, or one tag.
_TAG = re.compile(
    r"<!--.*?(?:-->|$)"
    r"|<(?P<code>script|style|noscript)\b[^<>]*>.*?</(?P=code)\s*>"
    r"|<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9]*)(?P<attrs>\s[^<>]*?)?\s*/?>",
    re.DOTALL | re.IGNORECASE,
)
# Elements that never enclose text ("<br>", "<img …>"): alone they are markup, not a mention.
_VOID = frozenset(("br", "hr", "img", "wbr", "input", "meta", "link", "source"))
# Elements inside a line of text: cut without a trace; any other stood between blocks, and
# a space stands in its place.
_INLINE = frozenset(("a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "ins",
                     "label", "mark", "q", "s", "small", "span", "strong", "sub", "sup",
                     "time", "u"))
# Elements whose content is code, not text: a line that starts with one is code.
_CODE = frozenset(("script", "style", "noscript", "iframe", "svg"))
_QUOTES = "\"'“”„‘’‚`«»‹›"
_SPACES = re.compile(r"[ \t]{2,}")


def _markup(text: str) -> Finding | None:
    if "<" not in text:
        return None
    tags = _markup_tags(text)
    if not tags:
        return None
    stripped = _without_tags(text, tags)
    tag_chars = sum(len(tag.group()) for tag in tags)
    first = tags[0]
    opens_code = text.lstrip().startswith(first.group()) and (
        first["code"] is not None or (first["name"] or "").casefold() in _CODE)
    # A line that is mostly tags is markup whatever words stand between them ("<div
    # class=…>A caption</div>"); a sentence keeps its words however long its links are.
    if not words(stripped) or opens_code or (2 * tag_chars >= len(text.strip())
                                             and not ends_sentence(stripped)):
        return Finding(MARKUP, text.strip(), None)
    return Finding(MARKUP, " ".join(tag.group() for tag in tags), stripped)


def _markup_tags(text: str) -> list[re.Match[str]]:
    """The tags a page left, not the ones a text mentions: a tag in quotes ('"<html>"'), or
    an element named in a sentence without attributes and never closed ("the <title>
    element"), is the text's own. A tag that opens or closes the line is the page's, and
    so are a comment and a script with its code."""
    tags = [tag for tag in _TAG.finditer(text)
            if tag["name"] is None or tag["name"].casefold() in HTML_ELEMENTS]
    closed = {tag["name"].casefold() for tag in tags if tag["close"]}
    stripped = text.strip()
    found = []
    for tag in tags:
        if _quoted(text, tag):
            continue
        name = tag["name"].casefold() if tag["name"] else None
        at_edge = stripped.startswith(tag.group()) or stripped.endswith(tag.group())
        if (name is None or tag["attrs"] or tag["close"] or name in _VOID or name in closed
                or at_edge):
            found.append(tag)
    return found


def _quoted(text: str, tag: re.Match[str]) -> bool:
    before = text[tag.start() - 1] if tag.start() else ""
    after = text[tag.end()] if tag.end() < len(text) else ""
    return bool(before and before in _QUOTES) or bool(after and after in _QUOTES)


def _without_tags(text: str, tags: Sequence[re.Match[str]]) -> str:
    parts, last = [], 0
    for tag in tags:
        name = tag["name"].casefold() if tag["name"] else ""
        parts += [text[last : tag.start()], "" if name in _INLINE else " "]
        last = tag.end()
    parts.append(text[last:])
    return _SPACES.sub(" ", "".join(parts)).strip()


# --- image files ---------------------------------------------------------------------------

_IMAGE_EXTENSIONS = r"jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic"
_IMAGE_EXTENSION = re.compile(rf"\.(?:{_IMAGE_EXTENSIONS})\b", re.IGNORECASE)
# A file name (or an image's address) standing as a word of its own: "photo.jpg." and
# "(photo.jpg)" end a sentence or stand in one, and stay.
_IMAGE_FILE = re.compile(rf"(?<!\S)\S+\.(?:{_IMAGE_EXTENSIONS})(?:\?\S*)?(?!\S)", re.IGNORECASE)


def _image_file(text: str) -> Finding | None:
    if not _IMAGE_EXTENSION.search(text):
        return None
    files = list(_IMAGE_FILE.finditer(text))
    if not files:
        return None
    if not words(_IMAGE_FILE.sub(" ", text)):
        return Finding(IMAGE_FILE, text.strip(), None)
    # Beside a paragraph a file name stands at its start or its end, where the image was.
    stripped = text.strip()
    edges = [match for match in files
             if stripped.startswith(match.group()) or stripped.endswith(match.group())]
    if not edges:
        return None
    repaired = text
    for match in reversed(edges):
        repaired = repaired[: match.start()] + repaired[match.end() :]
    return Finding(IMAGE_FILE, " ".join(match.group() for match in edges), repaired.strip())


# --- image credits -------------------------------------------------------------------------

# "Jane Roe/Harbour Times", "Harbour Images/Stockwell", "tidal images/Jane Roe": a slash
# between letters without a space; between digits it parts a case number or a date.
_CREDIT_SLASH = re.compile(r"(?<=[^\W\d_])/(?=[^\W\d_])")
MAX_CREDIT_SIDE_WORDS = 4
# A caption beside its credit is a phrase, not a word ("… Linden/Landgericht Hamm" is none).
MIN_CAPTION_WORDS = 2
_PICTURE_WORDS = frozenset(CAPTION_LABELS)


def _image_credit(text: str) -> Finding | None:
    # A credit with a label ("Foto: …") or a © is the caption rules' to take.
    if "/" not in text or ":" in text or "©" in text:
        return None
    tokens = text.split()
    slashes = [index for index, token in enumerate(tokens) if _credit_slash(token)]
    if not slashes:
        return None
    if _credit_alone(tokens, slashes):
        return Finding(IMAGE_CREDIT, text.strip(), None)
    # A caption with its credit before or after it goes with the credit. A paragraph (or a
    # caption shown twice, once behind its credit) is left to the caption rules.
    if len(tokens) <= 2 * MAX_ALT_WORDS and not is_prose(text) and (
            _credit_before(tokens, slashes[0]) or _credit_after(tokens, slashes[-1])):
        return Finding(IMAGE_CREDIT, text.strip(), None)
    return None


def _credit_slash(token: str) -> bool:
    """A slash inside a word between letters, not in an address ("example.com/news")."""
    match = _CREDIT_SLASH.search(token)
    return match is not None and "." not in token[: match.start()] and "://" not in token


def _credit_alone(tokens: Sequence[str], slashes: Sequence[int]) -> bool:
    """A short line of nothing but names parted by one slash."""
    if len(slashes) != 1 or len(tokens) > 2 * MAX_CREDIT_SIDE_WORDS:
        return False
    left, right = _sides(tokens, slashes[0], 0, len(tokens))
    return _is_credit(left, right)


def _credit_before(tokens: Sequence[str], index: int) -> bool:
    """ "Jane Roe/Harbour Times Protesters outside the court": where the credit ends and the
    caption begins the shape does not tell, so each end up to a few words is tried."""
    return index < MAX_CREDIT_SIDE_WORDS and any(
        _is_credit(*_sides(tokens, index, 0, end))
        for end in range(index + 1,
                         min(index + MAX_CREDIT_SIDE_WORDS, len(tokens) - MIN_CAPTION_WORDS) + 1))


def _credit_after(tokens: Sequence[str], index: int) -> bool:
    """ "Protesters outside the court. Jane Roe/Harbour Times": the credit runs to the end."""
    return len(tokens) - index <= MAX_CREDIT_SIDE_WORDS and any(
        _is_credit(*_sides(tokens, index, start, len(tokens)))
        for start in range(max(MIN_CAPTION_WORDS, index - MAX_CREDIT_SIDE_WORDS + 1), index + 1))


def _sides(tokens: Sequence[str], index: int, start: int, end: int) -> tuple[list[str], list[str]]:
    """The words before and after the slash in tokens[index], from start to end."""
    left_part, right_part = _CREDIT_SLASH.split(tokens[index], maxsplit=1)
    return [*tokens[start:index], left_part], [right_part, *tokens[index + 1 : end]]


def _is_credit(left: Sequence[str], right: Sequence[str]) -> bool:
    """Two names, one of them an outlet's or a picture agency's ("Jane Roe/Harbour Times",
    "Harbour Images/Stockwell"). Two capitalised nouns may look like a person's name
    ("Court/Tribunal Fees"): one side must bear the marks of an outlet."""
    if not (0 < len(left) <= MAX_CREDIT_SIDE_WORDS and 0 < len(right) <= MAX_CREDIT_SIDE_WORDS):
        return False
    if not all(_name_shaped(token) for token in (*left, *right)):
        return False
    # "EU/EEA", "UK/US": two abbreviations parted by a slash are a pair, not a credit.
    if left[-1].isupper() and right[0].isupper():
        return False
    left_agency, right_agency = _agency(left), _agency(right)
    return (left_agency or right_agency) and (left_agency or _person(left)) \
        and (right_agency or _person(right))


def _name_shaped(token: str) -> bool:
    """A word of a name: with a capital ("O'Brannagh", "eStockwell", "HTN"), a domain, or a
    picture word ("images") of an agency written small."""
    word = token.strip(",;()")
    return bool(word) and (any(char.isupper() for char in word) or "." in word.strip(".")
                           or word.casefold().rstrip("s") in _PICTURE_WORDS)


def _person(side: Sequence[str]) -> bool:
    return is_person_name(" ".join(side))


def _agency(side: Sequence[str]) -> bool:
    return names_an_outlet(" ".join(side)) or any(
        token.casefold().rstrip("s") in _PICTURE_WORDS for token in side)


# --- alt text glued to a paragraph ---------------------------------------------------------

# "deskThe", "SchreibtischDas": a word of three small letters or more (capitalised, as German
# nouns are, or not) runs into a capitalised word without a space. Camel-case names have a
# capital or one or two small letters before the junction ("McDonald", "eBay", "PayPal",
# "YouTube") or a capital word after it that begins no sentence ("BahnCard", "LinkedIn").
_GLUED = re.compile(r"(?<!\w)[A-ZÄÖÜ]?[a-zäöüß]{3,}(?=[A-ZÄÖÜ][a-zäöüß]{2,}\b)")
_JUNCTION = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
# An alt text is a caption: some words, none past this reach.
ALT_REACH = 120
MIN_ALT_TEXT_WORDS = 3
# The paragraph's first word may be in its own language, not the page's: either one's counts.
_SENTENCE_OPENERS = frozenset().union(*STOP_WORDS.values())
_PHRASE_BREAK = re.compile(r"[.!?:;|]")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _glued_alt_text(text: str) -> Finding | None:
    """An alt text of several words, without a full stop, glued to the paragraph below: the
    paragraph starts at the junction with a word that begins sentences ("The", "Das")."""
    if not _JUNCTION.search(text, 0, ALT_REACH):
        return None  # one scan for a small letter before a capital, without looking back
    for junction in _GLUED.finditer(text, 0, ALT_REACH):
        prefix, rest = text[: junction.end()], text[junction.end() :]
        # The cheap questions first: most junctions are names, told by the word after them.
        first = _FIRST_WORD.match(rest)
        if (first is not None and first.group().casefold() in _SENTENCE_OPENERS
                and prefix.lstrip()[:1].isupper() and not _PHRASE_BREAK.search(prefix)
                and len(words(prefix)) >= MIN_ALT_TEXT_WORDS and is_caption_like(prefix)
                and is_prose(rest)):
            return Finding(GLUED_ALT_TEXT, prefix.strip(), rest)
    return None


# --- "Read more" ---------------------------------------------------------------------------

def _alternatives(labels: Sequence[str]) -> str:
    return "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))


_ELLIPSIS = r"(?P<bracketed>\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\))|(?P<bare>…|\.\.\.)"
# A teaser's link at its end: "… Read more", "[…] more", "Weiterlesen »", "[Read more]".
_READ_ON_TAIL = re.compile(
    rf"(?:(?:{_ELLIPSIS})\s*|(?<!\w))\[?\s*"
    rf"(?P<label>{_alternatives(READ_ON_LABELS + READ_ON_AFTER_ELLIPSIS)})"
    r"\s*\]?\s*[»›→>]*\s*$",
    re.IGNORECASE,
)
# The longest tail looked for, with its ellipsis and arrows.
TAIL_REACH = 40
# A label's last word ("more", "reading", "weiterlesen"): a line that ends in another word
# is let go before the tail is looked for.
_LAST_LABEL_WORDS = frozenset(label.split()[-1]
                              for label in READ_ON_LABELS + READ_ON_AFTER_ELLIPSIS)
_AFTER_LABEL = " \t»›→>])"


def _last_word(text: str) -> str:
    tail = text[-TAIL_REACH:].rstrip(_AFTER_LABEL)
    start = len(tail)
    while start and tail[start - 1].isalpha():
        start -= 1
    return tail[start:].casefold()


# Alone on a line, "Read more" and "Weiterlesen" announce a list of links, which the rule of
# related posts takes with them; the other labels are links of their own.
_LINK_LABEL = re.compile(
    rf"^\W*(?:{_alternatives([label for label in READ_ON_LABELS if label not in RELATED_LABELS])})"
    r"\W*$",
    re.IGNORECASE,
)


def _read_on(text: str) -> Finding | None:
    if _last_word(text) not in _LAST_LABEL_WORDS:
        return None
    tail_start = max(0, len(text) - TAIL_REACH)
    match = _READ_ON_TAIL.search(text, tail_start)
    if match is None:
        return None
    before = text[: match.start("label") if match["bare"] else match.start()].rstrip()
    if not before.strip():
        return Finding(LINK_LABEL, text.strip(), None) if _LINK_LABEL.match(text) else None
    label = match["label"]
    ellipsis = match["bracketed"] or match["bare"]
    if label.casefold() in READ_ON_AFTER_ELLIPSIS and not ellipsis:
        return None  # "… and more" is a sentence's end
    # Prose that ends in the label's words ("those who want to read more") has no capital
    # there, no full stop before it and no ellipsis.
    if not (ellipsis or ends_sentence(before) or label[0].isupper()):
        return None
    return Finding(READ_MORE, text[len(before) :].strip(), before)
