"""The head of a clipping: a headline, and under it perhaps a byline and a dateline.

"Lei Jun Announces …" / "Deep News" / "昨天" / first paragraph: the headline is the line the
cleaner chose from the top of the page by its evidence (``cleaning.page_frame``); a byline is a
short name right under it, a dateline a line that is only a date. What is not a head stays body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..language.text import ends_sentence
from ..model import Cleaned, Headline, Line
from .dates import is_dateline

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


def head_of(cleaned: Cleaned) -> Head:
    return split_head(cleaned.lines, cleaned.headline)


def split_head(lines: Sequence[Line], chosen: Headline | None) -> Head:
    text_lines = [line for line in lines if line.text.strip()]
    numbers = [line.number for line in text_lines]
    headline = start = None
    if chosen is not None and chosen.line in numbers:
        headline, start = Line(chosen.line, chosen.text), numbers.index(chosen.line) + 1
    byline = dateline = None
    for line in text_lines[start or 0 : (start or 0) + HEAD_LINES]:
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
