"""Dates written in clippings: English and German words, ISO, 2023.05.30, 03.03.2025,
21.10.25, and 09/14/2021 where the order of month and day is beyond doubt.

Month names come from Babel's CLDR data for both languages, so "Mai", "Sept." and "March"
are known without a list of our own. A day without a year ("September 13th") gets its year
only from an anchor in the same text: a date with a year, in the same month if there is one.

A date the text reports ("Urteil vom 4. Mai 2016", "the judgment of May 3, 2024", "bis zum
30. Juni") is the date of something else than the page: it anchors years, but it is never
taken for the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from babel.dates import get_month_names

from ..model import Line

MONTH_LOCALES = ("en", "de")
YEARS = range(1900, 2101)


@dataclass(frozen=True)
class DateMention:
    line: int
    start: int
    end: int
    month: int
    day: int | None = None
    year: int | None = None
    # Said of a decision, a hearing or a deadline the text reports, not of the page.
    reported: bool = False

    @property
    def complete(self) -> bool:
        return self.day is not None and self.year is not None

    def as_date(self, year: int | None = None) -> dt.date | None:
        try:
            return dt.date(year or self.year or 0, self.month, self.day or 0)
        except ValueError:
            return None


@cache
def _month_numbers() -> dict[str, int]:
    names: dict[str, int] = {}
    for locale in MONTH_LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[name.rstrip(".")] = number
    names["Sept"] = 9  # common in English, though CLDR abbreviates "Sep"
    return names


_DIGIT = re.compile(r"\d")
_CENTURIES = ("19", "20", "21")  # how every year a pattern reads begins
# "21.10.25": a two-digit year is this century's, the way German pages print their own dates.
_CENTURY = 2000
# What makes a date the date of something the text reports. A decision, a hearing or a
# document it cites: the noun (also as the end of a German compound, "Senatsurteil"), at most
# three words, then "vom", "of", "v." ("Urteil des 3. Strafsenats vom", "the judgment of",
# "Urt. v."), or the noun glued to the date. A deadline: "bis zum", "until", "no later than"
# right before the date. Verbs after a date ("Am 3. März entschied das Gericht") are no cue:
# a page may say what happened on the day it was published.
_REPORTED_NOUN = (
    r"(?:\w*(?:urteils?|beschlusse?s?|beschlüssen?|entscheidung(?:en)?|verfügung|anordnung|"
    r"verhandlung|termin|mitteilung|meldung|erklärung|schreiben|bericht|klage|antrag|frist)"
    r"|\b(?:urt|beschl)\.|\b(?:ruling|judgm?ents?|judgement|decisions?|orders?|hearing|"
    r"verdict|injunction|trial|press release|statement|letter|report|complaint|filing|"
    r"deadline))"
)
REPORTED_CUE = re.compile(
    rf"(?:{_REPORTED_NOUN}\.?(?:(?:\s+\S+){{0,3}}\s+(?:vom|v\.|of|dated|from|on|am))?"
    r"|\b(?:decided|entschieden|verkündet|erlassen)\s+(?:on|am)"
    r"|\b(?:bis(?:\s+(?:zum|zur|am))?|spätestens(?:\s+(?:am|zum|bis))?|until|till|"
    r"no later than|not later than|by))\s*$",
    re.IGNORECASE,
)
# How far before a date its cue may stand: three words and a noun.
_CUE_REACH = 60


@dataclass(frozen=True)
class _DatePattern:
    pattern: re.Pattern[str]
    # What a line must contain for the pattern to match there: checked first, since most
    # lines with digits hold no date, and a pattern costs far more than a substring test.
    needs_year: bool
    needs_month: bool


@cache
def _patterns() -> tuple[_DatePattern, ...]:
    month = "(?P<month>" + "|".join(sorted(map(re.escape, _month_numbers()), key=len,
                                            reverse=True)) + r")\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20|21)\d\d)"
    return (
        _DatePattern(re.compile(rf"(?<!\d){year}-(?P<mon>[01]?\d)-{day}(?!\d)"), True, False),
        _DatePattern(re.compile(rf"(?<!\d){year}[./](?P<mon>[01]?\d)[./]{day}(?!\d)"),
                     True, False),
        _DatePattern(re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.{year}(?!\d)"),
                     True, False),
        _DatePattern(re.compile(rf"\b{month}\s+{day}\b(?:,?\s+{year}\b)?"), False, True),
        _DatePattern(re.compile(rf"(?<![\d.])\b{day}\.?\s+(?:of\s+)?{month}(?:,?\s+{year}\b)?"),
                     False, True),
        _DatePattern(re.compile(rf"\b{month},?\s+{year}\b"), True, True),
        # 09/14/2021 or 14/09/2021: read only where one of the two cannot be a month.
        _DatePattern(re.compile(rf"(?<![\d/.])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/{year}"
                                r"(?![\d/])"), True, False),
        _DatePattern(re.compile(r"(?<![\d.])(?P<day>[0-3]\d)\.(?P<mon>[01]\d)\.(?P<short>\d\d)"
                                r"(?!\d|\.\d)"), False, False),
    )


def _patterns_for(text: str) -> list[re.Pattern[str]]:
    """The patterns that could match in text."""
    if not _DIGIT.search(text):  # every pattern has a day or a year in digits
        return []
    has_year = any(century in text for century in _CENTURIES)
    has_month = any(name in text for name in _month_numbers())
    return [candidate.pattern for candidate in _patterns()
            if (has_year or not candidate.needs_year) and (has_month or not candidate.needs_month)]


def find_dates(lines: Iterable[Line]) -> list[DateMention]:
    """Every date mention in reading order; overlapping readings keep the longest."""
    return list(iter_dates(lines))


def iter_dates(lines: Iterable[Line]) -> Iterator[DateMention]:
    """The mentions of find_dates, a line at a time: a reader that has what it needs stops
    before the rest of the text is searched."""
    for line in lines:
        found = [mention for pattern in _patterns_for(line.text)
                 for match in pattern.finditer(line.text)
                 if (mention := _mention(line.number, match)) is not None]
        yield from _longest_first(found)


def _mention(line: int, match: re.Match[str]) -> DateMention | None:
    groups = match.groupdict()
    if groups.get("first"):
        order = _month_and_day(int(groups["first"]), int(groups["second"]))
        if order is None:
            return None
        month, day = order
    else:
        month = int(groups["mon"]) if groups.get("mon") else _month_numbers()[groups["month"]]
        day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("short"):
        year = _CENTURY + int(groups["short"])
    if year is not None and year not in YEARS:
        return None
    before = match.string[max(0, match.start() - _CUE_REACH) : match.start()]
    mention = DateMention(line, match.start(), match.end(), month, day, year,
                          reported=bool(REPORTED_CUE.search(before)))
    # A mention with a day must be a day that exists (in a leap year when the year is open).
    if day is not None and mention.as_date(year or 2000) is None:
        return None
    return mention


def _month_and_day(first: int, second: int) -> tuple[int, int] | None:
    """Month and day of a slashed date: month first (US) where the second number cannot be a
    month, day first where the first cannot be; both could be months, and it is no date."""
    if first <= 12 < second:
        return first, second
    if second <= 12 < first:
        return second, first
    return None


def _longest_first(found: list[DateMention]) -> list[DateMention]:
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


@dataclass(frozen=True)
class DateChoice:
    date: dt.date
    mention: DateMention
    anchor: DateMention | None = None


def publication_date(mentions: Iterable[DateMention]) -> DateChoice | None:
    """The first day named in the text and not reported of something else, with its year or
    with an anchor's year (a reported date may be the anchor).

    Mentions are read as they come: in most texts the first day named is a complete date,
    and the rest of the text need not be searched. Only a day without a year needs them all,
    to find its anchor.
    """
    pending = iter(mentions)
    read: list[DateMention] = []
    for mention in pending:
        read.append(mention)
        if mention.reported:
            continue
        if mention.complete:
            return _dated(mention)
        if mention.day is not None:
            return _first_datable([*read, *pending], start=len(read) - 1)
    return None


def stamp_date(text: str) -> dt.date | None:
    """The first complete date of a page's own stamp ("Press release of 3 May 2024"): its
    label is the page's, so no word before it makes it a reported date."""
    for mention in find_dates([Line(0, text)]):
        if mention.complete:
            return mention.as_date()
    return None


def _first_datable(mentions: Sequence[DateMention], start: int) -> DateChoice | None:
    for mention in mentions[start:]:
        if mention.day is None or mention.reported:
            continue
        if mention.complete:
            return _dated(mention)
        anchor = year_anchor(mention, mentions)
        if anchor is not None:
            date = mention.as_date(anchor.year)
            if date is not None:
                return DateChoice(date, mention, anchor)
    return None


def _dated(mention: DateMention) -> DateChoice | None:
    date = mention.as_date()
    return DateChoice(date, mention) if date else None


def year_anchor(mention: DateMention, mentions: Sequence[DateMention]) -> DateMention | None:
    """A mention that gives a yearless day its year: same month first, else a lone year."""
    with_year = [other for other in mentions if other.year is not None]
    same_month = [other for other in with_year if other.month == mention.month]
    if same_month:
        return same_month[0]
    if with_year and len({other.year for other in with_year}) == 1:
        return with_year[0]
    return None


def is_dateline(text: str) -> bool:
    """A line that is nothing but a complete date (with punctuation around it)."""
    line = Line(0, text.strip())
    mentions = find_dates([line])
    return (len(mentions) == 1 and mentions[0].complete
            and not (line.text[: mentions[0].start] + line.text[mentions[0].end :]).strip(" ,.-|·"))
