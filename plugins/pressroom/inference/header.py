"""The head of a clipping: a headline, and under it perhaps a byline and a dateline.

"Lei Jun Announces …" / "Deep News" / "昨天" / first paragraph: the headline is the first line
when it reads as one (short, not a sentence); a byline is a short name right under it, a
dateline a line that is only a date. What is not a head stays body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Line
from ..text import ends_sentence, foreign_share, is_list_item, words
from .dates import is_dateline

MAX_HEADLINE_WORDS = 30
MIN_HEADLINE_WORDS = 3
MAX_BYLINE_WORDS = 4
HEAD_LINES = 3
BY = re.compile(r"^\s*(?:by|von|from)\s+(?P<name>.+?)\s*$", re.IGNORECASE)
NAME_TOKEN = re.compile(r"^[A-ZÄÖÜ0-9][\w&.\-’']*$")


@dataclass(frozen=True)
class Head:
    headline: Line | None
    byline: Line | None
    dateline: Line | None
    body: tuple[Line, ...]


def split_head(lines: Sequence[Line]) -> Head:
    text_lines = [line for line in lines if line.text.strip()]
    headline = text_lines[0] if len(text_lines) > 1 and is_headline(text_lines[0].text) else None
    byline = dateline = None
    start = 1 if headline else 0
    for line in text_lines[start : start + HEAD_LINES]:
        if dateline is None and is_dateline(line.text):
            dateline = line
        elif byline is None and headline is not None and byline_name(line.text):
            byline = line
        else:
            break
    taken = {line.number for line in (headline, byline, dateline) if line is not None}
    body = tuple(line for line in lines if line.number not in taken)
    while body and not body[0].text.strip():
        body = body[1:]
    return Head(headline, byline, dateline, body)


def is_headline(text: str) -> bool:
    count = len(words(text))
    stripped = text.strip()
    return (MIN_HEADLINE_WORDS <= count <= MAX_HEADLINE_WORDS and not is_list_item(text)
            and (not ends_sentence(stripped) or stripped[-1] in "?!")
            and foreign_share(text) < 0.5)


def byline_name(text: str) -> str | None:
    """The name in a byline: "By Deep News", "Von XiaomiWelt", or a name alone ("Deep News")."""
    match = BY.match(text)
    name = match["name"] if match else text.strip()
    tokens = name.split()
    if not 1 <= len(tokens) <= MAX_BYLINE_WORDS or ends_sentence(name):
        return None
    if not all(NAME_TOKEN.match(token) for token in tokens) or is_dateline(name):
        return None
    return name
