"""Lines in which a page says where it comes from: source labels and self-descriptions.

They are not part of the article, but they name its publisher, so inference reads them back
from the record of removals (rules "source-line" and "self-description").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language.lexicon import COMMON_WORDS, SELF_DESCRIPTION_PATTERNS, SOURCE_LABELS
from ..language.text import sentences, words
from ..model import Line, Removal
from .context import CleaningContext, content_lines, drop_line, trailing_lines

_LABELS = "|".join(re.escape(label) for label in SOURCE_LABELS)
DANGLING_SOURCE = re.compile(rf"^\W*(?:{_LABELS})\s*:?\s*$", re.IGNORECASE)
SOURCE_LINE = re.compile(rf"^\W*(?:{_LABELS})\s*:\s*(?P<name>.+?)\s*$", re.IGNORECASE)
_SELF_DESCRIPTION = re.compile("|".join(SELF_DESCRIPTION_PATTERNS), re.IGNORECASE)
# A name: one to four capitalised tokens such as "XiaomiWelt", "Deep News", "TechCrunch".
NAME = re.compile(r"^(?P<name>(?:[A-ZÄÖÜ][\w&.\-]*)(?:\s+[A-ZÄÖÜ][\w&.\-]*){0,3})\b")
# Self-descriptions stand at the foot of a page, among its last few lines.
FOOT = 4
MAX_SOURCE_WORDS = 8


def detect_source_labels(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    """A dangling "Source" at the end, and short "Source: Publisher" lines anywhere."""
    removals = []
    text_lines = content_lines(lines)
    for line in text_lines:
        match = SOURCE_LINE.match(line.text)
        if match and len(words(match["name"])) <= MAX_SOURCE_WORDS:
            removals.append(drop_line(line, "source-line"))
    if text_lines and DANGLING_SOURCE.match(text_lines[-1].text):
        removals.append(drop_line(text_lines[-1], "dangling-source"))
    return removals


def source_line_name(text: str) -> str | None:
    match = SOURCE_LINE.match(text)
    return match["name"].strip(" .") if match else None


def detect_self_descriptions(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    """ "XiaomiWelt verkauft oder vertreibt keine Produkte." at the foot of a page."""
    return [
        drop_line(line, "self-description")
        for line in trailing_lines(lines, FOOT)
        if len(sentences(line.text)) == 1 and self_described_name(line.text)
    ]


def self_described_name(text: str) -> str | None:
    """The publisher a self-description names as its subject, if the line is one."""
    if not _SELF_DESCRIPTION.search(text):
        return None
    return leading_name(text)


def leading_name(text: str) -> str | None:
    """The name a sentence starts with ("Deep News", "XiaomiWelt"), not a common word."""
    match = NAME.match(text.strip())
    if not match:
        return None
    tokens = match["name"].split()
    # "Die Seite XiaomiWelt …": the determiner is not part of the name.
    while tokens and tokens[0].casefold() in COMMON_WORDS:
        tokens.pop(0)
    return " ".join(tokens) or None
