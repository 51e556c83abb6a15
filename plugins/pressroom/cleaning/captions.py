"""Image captions and the meta description that scrapers append to an article.

A scraped page often ends with its image's alt text (a short phrase, the page's key phrase)
followed by its meta description (one sentence that contains the key phrase), and repeats
the alt text where the image stood. The description becomes the summary (rule
"meta-description"); the caption goes wherever it stands (rule "caption").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..lexicon import CAPTION_LABELS
from ..model import Line, Removal
from ..text import ends_sentence, fold, is_list_item, is_prose, sentences, words
from .context import CleaningContext, drop_line, trailing_lines

MAX_CAPTION_WORDS = 12
DESCRIPTION_WORDS = range(6, 60)
# Share of the caption's words that the description must repeat.
KEY_PHRASE_OVERLAP = 0.75
_LABELS = "|".join(re.escape(label) for label in sorted(CAPTION_LABELS, key=len, reverse=True))
CREDIT_LINE = re.compile(rf"^\W*(?:{_LABELS})\s*[:：]\s*\S.{{0,120}}$", re.IGNORECASE)


def detect_captions(lines: Sequence[Line], _: CleaningContext) -> list[Removal]:
    removals = _trailing_caption_and_description(lines)
    captions = {removal.text.strip() for removal in removals if removal.rule == "caption"}
    captions |= _repeated_short_lines(lines)
    seen = {removal.line for removal in removals}
    removals += [
        drop_line(line, "caption")
        for line in lines
        if line.number not in seen
        and (line.text.strip() in captions or CREDIT_LINE.match(line.text))
    ]
    return removals


def _trailing_caption_and_description(lines: Sequence[Line]) -> list[Removal]:
    """Alt text and description follow the article's last paragraph: a heading and a
    paragraph after navigation or labels are an article of one paragraph, not its metadata."""
    tail = trailing_lines(lines, 3)
    if len(tail) < 3 or not is_prose(tail[0].text):
        return []
    _, caption, description = tail
    if not (is_caption_like(caption.text) and _is_description(description.text)):
        return []
    caption_words = {fold(word) for word in words(caption.text)}
    description_words = {fold(word) for word in words(description.text)}
    if len(caption_words & description_words) < KEY_PHRASE_OVERLAP * len(caption_words):
        return []
    return [drop_line(caption, "caption"), drop_line(description, "meta-description")]


def is_caption_like(text: str) -> bool:
    """A short phrase that is not a sentence and not a list item."""
    count = len(words(text))
    return 2 <= count <= MAX_CAPTION_WORDS and not ends_sentence(text) and not is_list_item(text)


def _is_description(text: str) -> bool:
    return (len(words(text)) in DESCRIPTION_WORDS and ends_sentence(text)
            and len(sentences(text)) == 1 and not is_list_item(text))


def _repeated_short_lines(lines: Sequence[Line]) -> set[str]:
    """Caption-like lines that stand more than once: subheadings are not repeated, captions
    are. A page's headline is repeated too (in a second heading, at the foot): a line that
    first stands above the text is left to the page frame."""
    counts = Counter(line.text.strip() for line in lines if is_caption_like(line.text))
    repeated = {text for text, count in counts.items() if count > 1}
    return repeated - _above_the_text(lines)


def _above_the_text(lines: Sequence[Line]) -> set[str]:
    above = set()
    for line in lines:
        if is_prose(line.text):
            break
        above.add(line.text.strip())
    return above
