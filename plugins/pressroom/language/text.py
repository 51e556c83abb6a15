"""Small facts about text shared by the cleaning and inference stages."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from babel.dates import get_month_names

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SENTENCE_END = ".!?…"
CLOSING = "\"'”’»«)]"
OPENING = "\"'“„‚»«(["
LIST_MARKER = re.compile(r"^\s*(?:[-*•·–]|\d{1,3}[.)])\s+")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Ltd|Co|Corp|No|Nr|vs|bzw|ca|Hr|Fr|z\.B|u\.a|"
    r"d\.h|e\.g|i\.e|etc|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Okt|Nov|Dec|Dez)|\b[A-Z])\.$"
)


# Letters of the scripts English and German are written in are Latin; any other letter
# belongs to a "foreign script" here: Han, kana, Hangul, Cyrillic, Arabic, Greek, Thai and so
# on. Regular expressions, because the cleaner looks at every line several times.
_LATIN = r"A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u02B0-\u02FF"
FOREIGN_LETTER = re.compile(rf"[^\W\d_{_LATIN}]")
# Letters are counted by deleting everything else: one pass in C, no list per letter.
_NOT_LETTER = re.compile(r"[\W\d_]+")
_NOT_FOREIGN_LETTER = re.compile(rf"[\W\d_{_LATIN}]+")


@lru_cache(maxsize=4096)
def foreign_share(text: str) -> float:
    """The share of the letters in text that belong to a foreign script."""
    # Most lines hold no foreign letter at all: one scan tells, without counting letters.
    if text.isascii() or not FOREIGN_LETTER.search(text):
        return 0.0
    letters = len(_NOT_LETTER.sub("", text))
    if not letters:
        return 0.0
    return len(_NOT_FOREIGN_LETTER.sub("", text)) / letters


@lru_cache(maxsize=4096)  # asked about the same lines, round after round
def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text))


def ends_sentence(text: str) -> bool:
    """True when text ends as a sentence does (also with a colon that opens a list)."""
    stripped = text.rstrip().rstrip(CLOSING)
    return bool(stripped) and stripped[-1] in SENTENCE_END + ":;"


@cache
def _months() -> re.Pattern[str]:
    names = {name.rstrip(".") for locale in ("en", "de") for width in ("wide", "abbreviated")
             for name in get_month_names(width, locale=locale).values()}
    return re.compile("(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
                      + r")\b")


_ORDINAL_DAY = re.compile(r"\b\d{1,2}\.$")
# What decides a possible sentence break stands right before it: an abbreviation or an
# ordinal day matches at most 5 characters, and "\b" looks at one more. Searching only this
# much of the text before the break, rather than all of it at every break, keeps splitting
# a long paragraph linear.
_BEFORE_BREAK = 8


def _ordinal_date(head: str, following_text: str) -> bool:
    """ "Am 15. Mai": the full stop of a German ordinal date ends no sentence."""
    return (bool(_ORDINAL_DAY.search(head[-_BEFORE_BREAK:]))
            and bool(_months().match(following_text)))


# Only from the start of a run of stops, and possessive: a run of full stops not followed by
# a space fails once, rather than again from each of its positions and at each shorter length
# (quadratic on a line of dots).
_SENTENCE_BREAK = re.compile(r"(?<![.!?…])[.!?…]++[" + re.escape(CLOSING) + r"]*+\s+")


@lru_cache(maxsize=4096)  # asked about the same lines, round after round
def sentences(text: str) -> tuple[str, ...]:
    """Split running text into sentences, not at abbreviations such as "Mr." or "z.B.", nor
    after the day of a German date ("15. Mai")."""
    result: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        head = text[start : match.start() + 1]
        following = text[match.end() : match.end() + 1]
        if _ABBREVIATIONS.search(head.rstrip(CLOSING)[-_BEFORE_BREAK:]) or not following:
            continue
        if _ordinal_date(head, text[match.end() : match.end() + 12]):
            continue
        if not (following.isupper() or following.isdigit() or following in OPENING):
            continue
        result.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        result.append(tail)
    return tuple(result)


# Contact details as they are written: an e-mail address; a phone number with a leading + or
# 0 and groups of digits (case numbers, amounts and dates do not start with a zero).
# An address is sought only from the start of a run of its characters: a long run without an
# "@" is then read once, not once from each of its positions.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(
    r"(?<![\w.,/])(?:\+\d{1,3}[\s-]?|0)\d{2,5}[\s/-]?\d{3,}(?:[\s-]\d{2,})?(?![\w.,/])"
)
WEB_ADDRESS = re.compile(r"\bwww\.|https?://")


def has_contact_details(text: str) -> bool:
    return any(pattern.search(text) for pattern in (EMAIL, PHONE, WEB_ADDRESS))


# Prose: a line of at least this many words that ends as a sentence (or is long anyway).
PROSE_WORDS = 8
LONG_PROSE_WORDS = 20


@lru_cache(maxsize=4096)  # asked about the same lines, round after round
def is_prose(text: str) -> bool:
    """A line of running text: a paragraph or a list item made of sentences, not a heading,
    a label, a caption or a row of links."""
    count = len(words(text))
    if count >= LONG_PROSE_WORDS:
        return True
    return count >= PROSE_WORDS and (ends_sentence(text) or is_list_item(text))


# First and second person: "we", "our", "you", and the German polite "Sie" and "Ihnen" in
# the middle of a sentence (at its start "Sie" may mean "they").
_READER_WORDS = frozenset((
    "we", "our", "ours", "us", "you", "your", "yours", "we'd", "we're", "we've", "you're",
    "you'll", "wir", "uns", "unser", "unsere", "unserer", "unseren", "unserem", "unseres",
    "euch", "euer", "eure",
))
# The forms a reader's word takes in text, written small or capitalised ("US" in capitals is
# a country, not the reader), with either apostrophe: one set look-up per line.
_READER_FORMS = frozenset(
    form
    for word in _READER_WORDS
    for spelling in (word, word.replace("'", "’"))
    for form in (spelling, spelling.capitalize())
)
_POLITE = re.compile(r"(?<=[\w,] )(?:Sie|Ihnen|Ihr|Ihre[mnrs]?)\b")
_QUOTE_MARKS = "“„\"«‚‘"
_QUOTED = re.compile(r"[“„\"«‚‘][^”“\"»‘’]*[”“\"»‘’]")


@lru_cache(maxsize=4096)  # asked about the same lines, round after round
def talks_to_reader(text: str) -> bool:
    """The page speaks in its own voice to its reader ("we", "you"), not in what it quotes."""
    if any(mark in text for mark in _QUOTE_MARKS):
        text = _QUOTED.sub("", text)
    if not _READER_FORMS.isdisjoint(words(text)):
        return True
    return ("Sie" in text or "Ihr" in text) and _POLITE.search(text) is not None


def is_list_item(text: str) -> bool:
    return bool(LIST_MARKER.match(text))


def strip_list_marker(text: str) -> str:
    return LIST_MARKER.sub("", text, count=1)


def fold(word: str) -> str:
    """A word compared without case and without a possessive ending ("Xiaomi’s" -> "xiaomi")."""
    return re.sub(r"['’]s$", "", word).casefold()


def alphabetical(label: str) -> tuple[str, str]:
    """Where a label goes in an alphabetical list, in both languages: letters with accents
    or umlauts beside their base letters (German dictionary order: "Ärzte" between "Apps"
    and "Berufung", not after "Z"), then case, then the label itself."""
    folded = label.casefold()
    base = "".join(char for char in unicodedata.normalize("NFKD", folded)
                   if not unicodedata.combining(char))
    return base.replace("ß", "ss"), label


def is_heading_like(text: str, max_words: int = 12) -> bool:
    """A short line that is not a sentence: a heading, a caption, a name."""
    stripped = text.strip()
    # Most lines are sentences: they are told apart before their words are counted.
    if ends_sentence(stripped) and not stripped.endswith("?"):
        return False
    return not is_list_item(text) and 0 < len(words(text)) <= max_words
