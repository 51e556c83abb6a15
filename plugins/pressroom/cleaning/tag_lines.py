"""Tag lines: "Tags: a, b", "Schlagwörter: a; b", and a trailing column of "word," lines.

They become the article's tags (inference reads them back from the removals of rule
"tag-line") and leave the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language.lexicon import TAG_LABELS
from ..language.text import words
from ..model import Line, Removal
from .context import CleaningContext, content_lines, drop_line

RULE = "tag-line"
_LABELS = "|".join(re.escape(label) for label in sorted(TAG_LABELS, key=len, reverse=True))
LABELLED = re.compile(rf"^\W*(?:{_LABELS})\s*[:：]\s*(?P<tags>.+)$", re.IGNORECASE)
HASHTAGS = re.compile(r"^\s*(?:#[^\s#]+\s*)+$")
SEPARATORS = re.compile(r"\s*[,;|·，、]\s*")
MAX_TAG_WORDS = 5
# A column item is a few words ending in a comma ("Redmi,", "YU7 SUV,").
COLUMN_ITEM = re.compile(r"^\s*[^\s,.!?:;][^,.!?:;]{0,40},?\s*$")


def detect_tag_lines(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    removals = [drop_line(line, RULE) for line in lines if _is_labelled_or_hashtags(line.text)]
    removals += [drop_line(line, RULE) for line in _trailing_column(lines)]
    return removals


def _is_labelled_or_hashtags(text: str) -> bool:
    match = LABELLED.match(text)
    if match:
        return all(len(words(tag)) <= MAX_TAG_WORDS for tag in split_tags(match["tags"]))
    return bool(HASHTAGS.match(text))


def _trailing_column(lines: Sequence[Line]) -> list[Line]:
    """The run of short comma-ended lines that closes a clipping (two at least)."""
    column: list[Line] = []
    for line in reversed(content_lines(lines)):
        if not COLUMN_ITEM.match(line.text) or len(words(line.text)) > MAX_TAG_WORDS:
            break
        column.append(line)
    with_comma = [line for line in column if line.text.rstrip().endswith(",")]
    # The last item may lack its comma; every other item must have one.
    if len(column) < 2 or len(with_comma) < len(column) - 1:
        return []
    if not column[0].text.rstrip().endswith(",") and len(with_comma) < 2:
        return []
    return column


def tags_of(text: str) -> list[str]:
    """The tags a removed tag line carried."""
    match = LABELLED.match(text)
    if match:
        return split_tags(match["tags"])
    if HASHTAGS.match(text):
        return [tag.lstrip("#") for tag in text.split()]
    return split_tags(text)


def split_tags(text: str) -> list[str]:
    return [tag.strip(" #") for tag in SEPARATORS.split(text.strip()) if tag.strip(" #")]
