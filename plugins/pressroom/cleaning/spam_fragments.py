"""Spam fragments left in running text: keyword runs in a foreign script, brand tokens.

In "JunHe partner Mr.M88 login 专业人员,文章发布led the project" a spam network replaced a
name with its keywords. Two signs mark such a fragment inside a Latin-script line: a run of
foreign script glued to a Latin word without a space ("文章发布led"), and a token of an
injected phrase standing where no phrase is ("Mr.M88"). The fragment goes and "[…]" marks
the cut, so that a reader knows something stood there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language.text import FOREIGN_LETTER, foreign_share
from ..model import Line, Removal
from .context import CleaningContext, repair_line

RULE = "spam-fragment"
ELISION = "[…]"
# How many words a suspect token may stand before the foreign run it belongs to.
REACH = 3
_JOINERS = " ,.;:·-'’"


def detect_spam_fragments(lines: Sequence[Line], context: CleaningContext) -> list[Removal]:
    removals = []
    for line in lines:
        if not line.text.strip() or foreign_share(line.text) >= 0.5:
            continue  # whole foreign-script lines are the third-language rule's
        spans = _spam_spans(line.text, context.suspects)
        if spans:
            removed = " ".join(line.text[start:end] for start, end in spans)
            removals.append(repair_line(line, RULE, removed, _cut(line.text, spans)))
    return removals


def _spam_spans(text: str, suspects: set[str]) -> list[tuple[int, int]]:
    runs = foreign_runs(text)
    spans = [run for run in runs if _glued(text, *run)]
    for token in suspects:
        for match in re.finditer(re.escape(token), text):
            start, end = match.span()
            following = next((run for run in runs if run[0] >= end
                              and len(text[end : run[0]].split()) <= REACH), None)
            if following is not None:
                spans.append((start, following[1]))
            elif any(char.isdigit() for char in token) or _glued(text, start, end, "."):
                spans.append((start, end))
    return _merge(spans)


def foreign_runs(text: str) -> list[tuple[int, int]]:
    """Spans of foreign-script text, joined across spaces and punctuation between them."""
    runs: list[tuple[int, int]] = []
    if not _FOREIGN.search(text):
        return runs
    for match in re.finditer(r"\S+", text):
        token = match.group()
        if not _FOREIGN.search(token):
            continue
        letters = [index for index, char in enumerate(token) if _foreign(char)]
        if not letters:
            continue
        start, end = match.start() + letters[0], match.start() + letters[-1] + 1
        if runs and not text[runs[-1][1] : start].strip(_JOINERS):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


# A foreign letter, as in text.py, except full-width forms ("Ａ", "１": Latin letters and
# digits typed in a CJK layout). CJK punctuation is no letter either: a run ends at it, so a
# gloss in full-width brackets ("Xiaomi（小米）") is not glued to the word before it; inside
# one token a run still spans from its first foreign letter to its last.
_FOREIGN = re.compile(FOREIGN_LETTER.pattern[:-1] + r"\u3000-\u303f\uff00-\uffef]")


def _foreign(char: str) -> bool:
    return bool(_FOREIGN.match(char))


def _glued(text: str, start: int, end: int, glue_before: str = "") -> bool:
    """True when a span touches a Latin word with no space between ("文章发布led", "Mr.M88")."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return _latin_word_char(before) or before in glue_before or _latin_word_char(after)


def _latin_word_char(char: str) -> bool:
    return char.isalnum() and not _foreign(char)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(text[position:start].rstrip())
        pieces.append(ELISION)
        position = end
    pieces.append(text[position:].lstrip())
    return " ".join(piece for piece in pieces if piece).replace(f"{ELISION} {ELISION}", ELISION)
