"""Dates written in clippings: English and German words, ISO, 2023.05.30, 03.03.2025.

Month names come from Babel's CLDR data for both languages, so "Mai", "Sept." and "March"
are known without a list of our own. A day without a year ("September 13th") gets its year
only from an anchor in the same text: a date with a year, in the same month if there is one.
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
    month = int(groups["mon"]) if groups.get("mon") else _month_numbers()[groups["month"]]
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    if year is not None and year not in YEARS:
        return None
    mention = DateMention(line, match.start(), match.end(), month, day, year)
    # A mention with a day must be a day that exists (in a leap year when the year is open).
    if day is not None and mention.as_date(year or 2000) is None:
        return None
    return mention


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
    """The first day named in the text, with its year or with an anchor's year.

    Mentions are read as they come: in most texts the first day named is a complete date,
    and the rest of the text need not be searched. Only a day without a year needs them all,
    to find its anchor.
    """
    pending = iter(mentions)
    read: list[DateMention] = []
    for mention in pending:
        read.append(mention)
        if mention.complete:
            return _dated(mention)
        if mention.day is not None:
            return _first_datable([*read, *pending], start=len(read) - 1)
    return None


def _first_datable(mentions: Sequence[DateMention], start: int) -> DateChoice | None:
    for mention in mentions[start:]:
        if mention.day is None:
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
