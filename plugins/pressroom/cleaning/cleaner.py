"""Cleaning: a body without noise, and a record of every removal (source line, text, rule).

The detectors run in order, each on the lines the previous ones left, and the whole round
repeats until nothing changes: furniture that hid behind other furniture (a caption behind
a tag line) is found, and cleaning clean text changes nothing (cleaning is idempotent).
The editor has the last word: lines named under ``keep`` are never touched, lines named under
``drop`` always go.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import Cleaned, Headline, Line, Removal, Source
from .attribution import detect_self_descriptions, detect_source_labels
from .captions import detect_captions
from .context import CleaningContext, Detector, drop_line
from .furniture import (
    detect_calls_to_action,
    detect_contact_lines,
    detect_cookie_notices,
    detect_copyright,
    detect_disclaimers,
    detect_empty_list_items,
    detect_related_posts,
    detect_relative_dates,
    detect_share_widgets,
)
from .injected_phrase import detect_injected_phrase, expected_language
from .metadata_lines import detect_metadata_lines
from .page_frame import find_page_frame
from .spam_fragments import detect_spam_fragments
from .tag_lines import detect_tag_lines
from .third_language import detect_third_language
from .web_debris import detect_web_debris

# Order matters within a round: the injected phrase is restored before spam fragments are
# sought around its leftovers, and the foot of the page is cleared of tags, labels and
# notices before the caption and description that stood above them are recognised.
DETECTORS: tuple[Detector, ...] = (
    detect_web_debris,
    detect_injected_phrase,
    detect_spam_fragments,
    detect_empty_list_items,
    detect_tag_lines,
    detect_source_labels,
    detect_disclaimers,
    detect_copyright,
    detect_share_widgets,
    detect_calls_to_action,
    detect_cookie_notices,
    detect_metadata_lines,
    detect_contact_lines,
    detect_related_posts,
    detect_relative_dates,
    detect_third_language,
    detect_self_descriptions,
    detect_captions,
)
MAX_ROUNDS = 5
EDITOR_DROP = "editor-drop"
# No-break and other spaces that scraped widgets leave on otherwise empty lines.
_BLANK = " \t\u00a0\u2007\u202f\u200b\ufeff"

LineSelector = int | str


def clean_source(source: Source) -> Cleaned:
    keep = source.editor("keep")
    drop = source.editor("drop")
    return clean(source.body, keep=keep.value if keep else (), drop=drop.value if drop else ())


def clean(
    lines: Sequence[Line],
    keep: Sequence[LineSelector] = (),
    drop: Sequence[LineSelector] = (),
    lang: str | None = None,
) -> Cleaned:
    current = [Line(line.number, line.text.rstrip(_BLANK)) for line in lines]
    lang = lang or expected_language("\n".join(line.text for line in current))
    context = CleaningContext(lang=lang)
    kept = {line.number for line in current if selected(line, keep)}
    removals = [drop_line(line, EDITOR_DROP) for line in current
                if selected(line, drop) and line.number not in kept]
    current = _apply(current, removals)
    current = _detect_until_stable(current, context, kept, removals)
    # The frame is judged after the detectors, on what they left: the headline's evidence
    # (what follows it, what repeats it) is clearest once notices, widgets and datelines
    # are gone.
    frame = find_page_frame(current, lang, removals)
    headline = frame.headline
    # What the frame takes away changes the evidence for the rest: a line above the text
    # no longer shelters its copies below (captions, for the detectors), and the line now
    # first may be furniture over the headline. Both look again until neither finds more,
    # so that cleaning the result again changes nothing. The headline stays the first
    # judgement's, which saw all the evidence (what it passed over, what repeated it); a
    # later look that would pick another line changes nothing.
    # Last, the frame as a second cleaning would judge it: from the lines left alone, without
    # the evidence of those taken away (the gaps they left between paragraphs); what it would
    # take goes now.
    for _ in range(MAX_ROUNDS):
        found = [removal for removal in frame.removals if removal.line not in kept]
        if not found:
            frame = find_page_frame(current, lang)
            found = [removal for removal in frame.removals if removal.line not in kept]
            if not found:
                break
        removals.extend(found)
        current = _detect_until_stable(_apply(current, found), context, kept, removals)
        frame = find_page_frame(current, lang, removals)
        if _line_of(frame.headline) != _line_of(headline):
            break
    return Cleaned(lines=tuple(_tidy(current)), removals=tuple(removals), language_hint=lang,
                   headline=headline)


def _line_of(headline: Headline | None) -> int | None:
    return headline.line if headline else None


def _detect_until_stable(current: list[Line], context: CleaningContext, kept: set[int],
                         removals: list[Removal]) -> list[Line]:
    """The detectors in rounds until none finds more (or MAX_ROUNDS); what they find is
    added to ``removals``."""
    for _ in range(MAX_ROUNDS):
        changed = False
        for detect in DETECTORS:
            found = _first_per_line(r for r in detect(current, context) if r.line not in kept)
            if found:
                current = _apply(current, found)
                removals.extend(found)
                changed = True
        if not changed:
            break
    return current


def selected(line: Line, selectors: Sequence[LineSelector]) -> bool:
    """An editor names a line by its number in the source file or by the text it starts with."""
    text = line.text.strip()
    return any(
        selector == line.number if isinstance(selector, int)
        else bool(text) and text.startswith(selector.strip())
        for selector in selectors
    )


def unmatched_selectors(
    lines: Sequence[Line], selectors: Sequence[LineSelector]
) -> list[LineSelector]:
    return [selector for selector in selectors
            if not any(selected(line, (selector,)) for line in lines)]


def _first_per_line(removals: Iterable[Removal]) -> list[Removal]:
    """One finding per line and round: a repaired line is looked at again next round."""
    seen: dict[int, Removal] = {}
    for removal in removals:
        seen.setdefault(removal.line, removal)
    return list(seen.values())


def _apply(lines: list[Line], removals: Sequence[Removal]) -> list[Line]:
    by_line = {removal.line: removal for removal in removals}
    result = []
    for line in lines:
        removal = by_line.get(line.number)
        if removal is None:
            result.append(line)
        elif removal.replacement is not None:
            result.append(replace(line, text=removal.replacement))
    return result


def _tidy(lines: list[Line]) -> list[Line]:
    """No blank lines at either end, and never two in a row."""
    tidy: list[Line] = []
    for line in lines:
        if line.text.strip() or (tidy and tidy[-1].text.strip()):
            tidy.append(line if line.text.strip() else replace(line, text=""))
    while tidy and not tidy[-1].text.strip():
        tidy.pop()
    return tidy
