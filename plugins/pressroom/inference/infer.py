"""Inference: a cleaned source becomes an Article whose every field says where it came from.

Editor frontmatter always wins; without it, each field has its rules, and a field that no
rule finds stays empty and says so (with a warning where an editor should act).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..cleaning import unmatched_selectors
from ..cleaning.metadata_lines import DATELINE, UPDATE_STAMP, publication_segment
from ..cleaning.tag_lines import tags_of
from ..language.function_words import clear_language
from ..language.language_id import PRESS_LANGUAGES, identify
from ..model import (
    DAY_WITH_ANCHOR,
    FIRST_DATE_IN_TEXT,
    NOT_FOUND,
    Article,
    Cleaned,
    Found,
    Headline,
    Inferred,
    Provenance,
    Removal,
    Source,
    by_rule,
    from_frontmatter,
    from_markup,
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


# The article's field each editor key sets, where the names differ.
FIELD_OF_KEY = {"source": "publisher"}
# What the text's rules give when they find nothing better than a guess: a value the file
# states after them (a message's subject) may stand in for it.
GUESSES = frozenset({"first-sentence"})
LATE_NOTE = "nothing better in the text"


def infer(source: Source, cleaned: Cleaned) -> tuple[Article, list[Problem]]:
    problems: list[Problem] = []
    head = head_of(cleaned)

    def editor_or(key: str, infer_field: Callable[[], Inferred[T]]) -> Inferred[T]:
        """The editor's value; else what the file states and is trusted before the text's
        rules (a page's markup); else those rules; else what it states after them."""
        given = source.editor(key)
        if given:
            return Inferred(given.value, from_frontmatter(given))
        field = FIELD_OF_KEY.get(key, key)
        stated = source.stated(field, before=True)
        if stated is not None:
            return Inferred(stated.value, from_markup(stated))
        inferred = infer_field()
        late = source.stated(field, before=False)
        if late is not None and (not inferred.found or inferred.provenance.rule in GUESSES):
            return Inferred(late.value, from_markup(late, LATE_NOTE))
        return inferred

    lang = _stated_language(source, cleaned, problems)
    title = editor_or("title", lambda: _title(head, cleaned.headline))
    date = editor_or("date", lambda: _date(head, cleaned))
    source_url = editor_or("source_url", lambda: Inferred(None, NOT_FOUND))
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
        source_url=source_url.value,
        cases=_value(source, "cases") or (),
        draft=bool(_value(source, "draft")),
        embargo=_value(source, "embargo"),
        image=_value(source, "image"),
        image_alt=_value(source, "image_alt"),
        author=editor_or("author", lambda: Inferred(None, NOT_FOUND)),
        source_url_from=source_url.provenance,
    )
    problems += _doubts(source, article)
    return article, problems


def _stated_language(source: Source, cleaned: Cleaned, problems: list[Problem]) -> Inferred[str]:
    """The editor's language; else the one the page's markup states, unless the text is
    clearly in another, by its function words or a sure identifier (templates state the
    site's language on every page, whatever the article's): then the text's, warned."""
    given = source.editor("lang")
    if given:
        return Inferred(given.value, from_frontmatter(given))
    inferred = _language(cleaned)
    stated = _press_language(source)
    if stated is None or stated.value == inferred.value:
        return Inferred(inferred.value, from_markup(stated)) if stated else inferred
    confidence = inferred.provenance.confidence
    if inferred.provenance.rule == "function-words" or (confidence or 0) >= SURE_LANGUAGE:
        problems.append(warning(source.path, f"{stated.where} says {stated.value!r}, but the "
                                             f"text is {inferred.value!r} ("
                                             f"{inferred.provenance.detail}): the text's "
                                             "language is taken; set 'lang' if it is wrong",
                                stated.line))
        return inferred
    return Inferred(stated.value, from_markup(stated))


def _press_language(source: Source) -> Found | None:
    """The first language the file states that the press room publishes in."""
    return next((found for found in source.found
                 if found.field == "lang" and found.value in PRESS_LANGUAGES), None)


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
    problems += _late_values(path, article)
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


def _late_values(path: Path, article: Article) -> list[Problem]:
    """A headline or a publisher taken from what a file states only for want of anything
    better (a message's subject or sender) is for an editor to confirm."""
    problems = []
    for name in ("title", "publisher", "date"):
        provenance: Provenance = article.fields()[name].provenance
        if provenance.origin == "markup" and LATE_NOTE in (provenance.detail or ""):
            problems.append(warning(path, f"{name} {article.fields()[name].value!s} taken from "
                                          f"{provenance.rule}, for want of anything better in "
                                          f"the text: check it or set '{_key_of(name)}'"))
    return problems


def _key_of(field: str) -> str:
    return next((key for key, name in FIELD_OF_KEY.items() if name == field), field)


def taken_from_body(head: Head) -> list[Removal]:
    """The headline, byline and dateline read off the top of the text leave the body: each
    is recorded as a removal, so that no line goes without a word (the title of frontmatter
    may differ from the headline line it replaces)."""
    taken = ((head.headline, "headline"), (head.byline, "byline"), (head.dateline, "dateline"))
    return [Removal(line=line.number, text=line.text, rule=rule)
            for line, rule in taken if line is not None]
