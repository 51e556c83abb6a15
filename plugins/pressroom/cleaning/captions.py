"""Image captions and the meta description that scrapers append to an article.

A scraped page often ends with its image's alt text (a short phrase, the page's key phrase)
followed by its meta description (one sentence that contains the key phrase), and repeats
the alt text where the image stood. The description becomes the summary (rule
"meta-description"); the caption goes wherever it stands (rule "caption").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from ..language.lexicon import ALT_TEXT_STARTS, CAPTION_LABELS, STOP_WORDS
from ..language.text import ends_sentence, fold, is_list_item, is_prose, sentences, words
from ..model import Line, Removal
from .context import CleaningContext, drop_line, trailing_lines

MAX_CAPTION_WORDS = 12
DESCRIPTION_WORDS = range(6, 60)
# Share of the caption's words that the description must repeat.
KEY_PHRASE_OVERLAP = 0.75
_LABELS = "|".join(re.escape(label) for label in sorted(CAPTION_LABELS, key=len, reverse=True))
CREDIT_LINE = re.compile(rf"^\W*(?:{_LABELS})\s*[:：]\s*\S.{{0,120}}$", re.IGNORECASE)
_ALT_STARTS = "|".join(re.escape(start) for start in sorted(ALT_TEXT_STARTS, key=len, reverse=True))
ALT_TEXT = re.compile(rf"^\W*(?:{_ALT_STARTS})\b", re.IGNORECASE)
# A caption that ends with its credit: "… the trophy on display. © Some Association".
TRAILING_CREDIT = re.compile(r"©\s*[^!?©]{1,60}$")
MAX_ALT_WORDS = 20
ALT_LABEL_WORDS = 5
# A linked article's headline in title case: as long as a headline, longer than a subheading.
TEASER_WORDS = 6
# A caption shown twice, once behind its credit ("Agency/Photographer The caption …").
CREDIT_PREFIX_WORDS = 6
MIN_DOUBLED_CAPTION_WORDS = 8
_CREDIT_MARKS = re.compile(r"[/:©()]")


def detect_captions(lines: Sequence[Line], context: CleaningContext) -> list[Removal]:
    removals = _trailing_caption_and_description(lines)
    captions = {removal.text.strip() for removal in removals if removal.rule == "caption"}
    captions |= _repeated_short_lines(lines)
    seen = {removal.line for removal in removals}
    removals += [
        drop_line(line, "caption")
        for line in lines
        if line.number not in seen
        and (line.text.strip() in captions or CREDIT_LINE.match(line.text)
             or _is_alt_text(line.text) or _ends_with_credit(line.text))
    ]
    seen = {removal.line for removal in removals}
    removals += [drop_line(line, "caption") for line in _doubled_captions(lines)
                 if line.number not in seen]
    seen = {removal.line for removal in removals}
    removals += [drop_line(line, "caption")
                 for line in _alt_texts_above_credits(lines, seen, context.lang)]
    return removals


def _alt_texts_above_credits(lines: Sequence[Line], seen: set[int], lang: str) -> list[Line]:
    """What stands right above an image's credit and is no sentence belongs to the image: a
    name of a few words without a function word is its alt text ("Storefront of the bakery"
    has one: it may be a subheading), a line in title case is the headline of a linked
    article's card (subheadings are shorter)."""
    content = [line for line in lines if line.text.strip()]
    stops = STOP_WORDS.get(lang, frozenset())
    found = []
    for index, line in enumerate(content[1:], 1):
        above = content[index - 1]
        if above.number in seen or not _is_credit(line.text) or not is_caption_like(above.text):
            continue
        label = words(above.text)
        alt_text = len(label) < ALT_LABEL_WORDS and not any(w.casefold() in stops for w in label)
        if alt_text or (len(label) >= TEASER_WORDS and _in_title_case(label, stops)):
            found.append(above)
    return found


def _is_credit(text: str) -> bool:
    return bool(CREDIT_LINE.match(text)) or _is_alt_text(text)


def _in_title_case(label: Sequence[str], stops: frozenset[str]) -> bool:
    """Every word that is no function word begins with a capital, as headlines in English
    do; a German sentence, its verbs and adjectives in lower case, never does."""
    content = [word for word in label if word.casefold() not in stops and word.isalpha()]
    return len(content) >= TEASER_WORDS - 2 and all(word[0].isupper() for word in content)


def _is_alt_text(text: str) -> bool:
    return (bool(ALT_TEXT.match(text)) and len(words(text)) <= MAX_ALT_WORDS
            and len(sentences(text)) == 1)


def _ends_with_credit(text: str) -> bool:
    """A sentence or two and a credit: an image's caption, not a paragraph."""
    match = TRAILING_CREDIT.search(text)
    return match is not None and len(words(text[: match.start()])) <= MAX_ALT_WORDS * 2


def _doubled_captions(lines: Sequence[Line]) -> list[Line]:
    """A caption that stands twice, once behind or before its credit ("Agency/Photographer
    The caption …", "… the caption. Foto: Agency"): both copies. A line is compared only with
    the captions that end (or begin) with its own last (or first) two words, and only where
    a credit's marks stand near its other end."""
    # A caption is a sentence; a heading inside a breadcrumb is the page's headline.
    captions = [line for line in lines
                if len(words(line.text)) >= MIN_DOUBLED_CAPTION_WORDS and is_prose(line.text)]
    if len(captions) < 2:
        return []
    by_end: dict[tuple[str, ...], list[Line]] = defaultdict(list)
    by_start: dict[tuple[str, ...], list[Line]] = defaultdict(list)
    for caption in captions:
        parts = caption.text.strip().split(" ")
        by_end[tuple(parts[-2:])].append(caption)
        by_start[tuple(parts[:2])].append(caption)
    doubled: dict[int, Line] = {}
    for line in lines:
        for caption in _captions_inside(line, by_end, by_start):
            doubled[caption.number] = caption
            doubled[line.number] = line
    return list(doubled.values())


def _captions_inside(line: Line, by_end: Mapping[tuple[str, ...], list[Line]],
                     by_start: Mapping[tuple[str, ...], list[Line]]) -> list[Line]:
    """The captions this line repeats behind or before one to a few words that bear a
    credit's marks (a slash, a colon, ©, a parenthesis)."""
    text = line.text.strip()
    parts = text.split(" ")
    if len(parts) <= MIN_DOUBLED_CAPTION_WORDS:
        return []
    most = min(CREDIT_PREFIX_WORDS, len(parts) - MIN_DOUBLED_CAPTION_WORDS)
    found = []
    if _CREDIT_MARKS.search(" ".join(parts[:most])):
        found += [caption for caption in by_end.get(tuple(parts[-2:]), ())
                  if _repeats(caption, line, text, len(parts), most, at_end=True)]
    if _CREDIT_MARKS.search(" ".join(parts[-most:])):
        found += [caption for caption in by_start.get(tuple(parts[:2]), ())
                  if _repeats(caption, line, text, len(parts), most, at_end=False)]
    return found


def _repeats(caption: Line, line: Line, text: str, count: int, most: int,
             at_end: bool) -> bool:
    """Whether ``line`` (``count`` words) is ``caption`` with one to ``most`` words more at
    its start (``at_end``: the caption ends it) or at its end."""
    core = caption.text.strip()
    extra = count - len(core.split(" "))
    if caption.number == line.number or not 1 <= extra <= most:
        return False
    return text.endswith(" " + core) if at_end else text.startswith(core + " ")


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
