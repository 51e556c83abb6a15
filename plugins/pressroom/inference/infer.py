"""Inference: a cleaned source becomes an Article whose every field says where it came from.

Editor frontmatter always wins; without it, each field has its rules, and a field that no
rule finds stays empty and says so (with a warning where an editor should act).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from ..cleaning import unmatched_selectors
from ..cleaning.metadata_lines import DATELINE, UPDATE_STAMP, publication_segment
from ..cleaning.tag_lines import tags_of
from ..function_words import clear_language
from ..language_id import PRESS_LANGUAGES, identify
from ..model import (
    DAY_WITH_ANCHOR,
    FIRST_DATE_IN_TEXT,
    NOT_FOUND,
    Article,
    Cleaned,
    Headline,
    Inferred,
    Removal,
    Source,
    by_rule,
    from_frontmatter,
)
from ..problems import Problem, warning
from .anchors import translation_anchors
from .dates import find_dates, iter_dates, publication_date, stamp_date
from .header import Head, head_of
from .lead import lead_paragraph, summary_from_lead, title_from_lead
from .publisher import infer_publisher

T = TypeVar("T")
# Below this confidence the language is reported for an editor to confirm.
SURE_LANGUAGE = 0.9


def infer(source: Source, cleaned: Cleaned) -> tuple[Article, list[Problem]]:
    problems: list[Problem] = []
    head = head_of(cleaned)

    def editor_or(key: str, infer_field: Callable[[], Inferred[T]]) -> Inferred[T]:
        given = source.editor(key)
        return Inferred(given.value, from_frontmatter(given)) if given else infer_field()

    lang = editor_or("lang", lambda: _language(cleaned))
    title = editor_or("title", lambda: _title(head, cleaned.headline))
    date = editor_or("date", lambda: _date(head, cleaned))
    article = Article(
        source=source.path,
        lang=lang,
        title=title,
        date=date,
        publisher=editor_or("source", lambda: infer_publisher(head, cleaned)),
        tags=editor_or("tags", lambda: _tags(cleaned)),
        summary=editor_or("summary", lambda: _summary(head, cleaned)),
        story=editor_or("story", lambda: Inferred(None, NOT_FOUND)),
        anchors=translation_anchors(head.body),
        body=head.body,
        removals=(*cleaned.removals, *taken_from_body(head)),
        source_url=_value(source, "source_url"),
        cases=_value(source, "cases") or (),
        draft=bool(_value(source, "draft")),
        embargo=_value(source, "embargo"),
        image=_value(source, "image"),
        image_alt=_value(source, "image_alt"),
    )
    problems += _doubts(source, article)
    return article, problems


def _value(source: Source, key: str) -> object:
    given = source.editor(key)
    return given.value if given else None


def _language(cleaned: Cleaned) -> Inferred[str]:
    """The clean text's function words when they lean clearly one way (counted already while
    cleaning, for most lines); otherwise the language identifier, which says how sure it is."""
    text = cleaned.text
    clear = clear_language(text)
    if clear is not None:
        detail = f"{clear.seen} {clear.lang}, {clear.other_seen} {clear.other}"
        return Inferred(clear.lang, by_rule("function-words", detail=detail))
    lang, confidence = identify(text, PRESS_LANGUAGES)
    return Inferred(lang, by_rule("language-identifier", detail=f"confidence {confidence:.2f}",
                                  confidence=confidence))


def _title(head: Head, chosen: Headline | None) -> Inferred[str]:
    if head.headline is not None and chosen is not None:
        detail = chosen.reason
        if chosen.passed_over:
            detail += "; passed over: " + " / ".join(repr(text) for text in chosen.passed_over)
        return Inferred(head.headline.text.strip(), by_rule("headline", head.headline.number,
                                                            detail, 1.0 if chosen.sure else 0.5))
    lead = lead_paragraph(head.body)
    if lead is None:
        return Inferred("", NOT_FOUND)
    return Inferred(title_from_lead(lead), by_rule("first-sentence", lead.number,
                                                   "no headline in the clipping"))


def _date(head: Head, cleaned: Cleaned) -> Inferred[dt.date | None]:
    """The page's own dateline first (the publication part of it, not its update stamp),
    then the first date of the text that it does not report of something else, then an
    update stamp; a day the page was shown (a date above a calendar) is none of them."""
    if head.dateline is not None:
        choice = publication_date(find_dates([head.dateline]))
        if choice is not None:
            return Inferred(choice.date, by_rule("dateline", head.dateline.number))
    dated = _stamped(cleaned, DATELINE)
    if dated is not None:
        return dated
    choice = publication_date(iter_dates(head.body))
    if choice is None:
        return _stamped(cleaned, UPDATE_STAMP) or Inferred(None, NOT_FOUND)
    if choice.anchor is not None:
        detail = f"year from line {choice.anchor.line}"
        return Inferred(choice.date, by_rule(DAY_WITH_ANCHOR, choice.mention.line, detail))
    return Inferred(choice.date, by_rule(FIRST_DATE_IN_TEXT, choice.mention.line))


def _stamped(cleaned: Cleaned, rule: str) -> Inferred[dt.date | None] | None:
    """The first complete date of the removed lines of a rule, in the order of the page."""
    for removal in sorted(cleaned.removed_by(rule), key=lambda removal: removal.line):
        part = publication_segment(removal.text) if rule == DATELINE else removal.text
        date = stamp_date(part or "")
        if date is not None:
            return Inferred(date, by_rule(rule, removal.line, removal.text.strip()))
    return None


def _tags(cleaned: Cleaned) -> Inferred[tuple[str, ...]]:
    removals = sorted(cleaned.removed_by("tag-line"), key=lambda removal: removal.line)
    if not removals:
        return Inferred((), NOT_FOUND)
    tags: dict[str, str] = {}
    for removal in removals:
        for tag in tags_of(removal.text):
            tags.setdefault(tag.casefold(), tag)
    return Inferred(tuple(tags.values()), by_rule("tag-line", removals[0].line))


def _summary(head: Head, cleaned: Cleaned) -> Inferred[str | None]:
    for removal in cleaned.removed_by("meta-description"):
        return Inferred(removal.text.strip(), by_rule("meta-description", removal.line))
    lead = lead_paragraph(head.body)
    if lead is None:
        return Inferred(None, NOT_FOUND)
    return Inferred(summary_from_lead(lead), by_rule("lead", lead.number))


def _doubts(source: Source, article: Article) -> list[Problem]:
    """What an editor should look at: guessed titles, missing dates, unsure languages."""
    path = source.path
    problems = []
    if article.title.provenance.rule == "first-sentence":
        problems.append(warning(path, f"no headline; title taken from the first sentence "
                                      f"({article.title.value!r}): set 'title'",
                                article.title.provenance.line))
    title = article.title.provenance
    if title.rule == "headline" and title.confidence is not None and title.confidence < 1:
        problems.append(warning(path, f"headline {article.title.value!r} chosen on thin evidence "
                                      f"({title.detail}): check it or set 'title'", title.line))
    if not article.title.value:
        problems.append(warning(path, "no title could be found: set 'title'"))
    if article.date.value is None:
        problems.append(warning(path, "no publication date found in the text: set 'date'"))
    confidence = article.lang.provenance.confidence
    if confidence is not None and confidence < SURE_LANGUAGE:
        problems.append(warning(path, f"language {article.lang.value!r} is uncertain "
                                      f"(confidence {confidence:.2f}): set 'lang'"))
    for key in ("keep", "drop"):
        given = source.editor(key)
        for selector in unmatched_selectors(source.body, given.value if given else ()):
            problems.append(warning(path, f"{key!r} names {selector!r}, which matches no line",
                                    given.line if given else None))
    return problems


def taken_from_body(head: Head) -> list[Removal]:
    """The headline, byline and dateline read off the top of the text leave the body: each
    is recorded as a removal, so that no line goes without a word (the title of frontmatter
    may differ from the headline line it replaces)."""
    taken = ((head.headline, "headline"), (head.byline, "byline"), (head.dateline, "dateline"))
    return [Removal(line=line.number, text=line.text, rule=rule)
            for line, rule in taken if line is not None]
