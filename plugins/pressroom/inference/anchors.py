"""Anchors: what survives translation in an article, its numbers (10,000 = 10.000), its names
(Xiaomi, YU7, Lei Jun), the dates it mentions (May 19, 2020 = 19. Mai 2020) and its file
numbers (I ZR 94/13). Grouping pairs an English and a German report of one event by them.

An anchor is a string whose first character says its kind: ``#`` a number, ``@`` a date
(``@2020-05-19``, or ``@05-19`` without a year), ``§`` a file number; a name is lower case.

Worked out with the rest of inference, once per source, so that the source cache keeps them:
every build pairs the whole archive again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache

from babel.dates import get_month_names

from ..language.lexicon import COMMON_WORDS, PLACE_NAMES
from ..model import Line
from .dates import MONTH_LOCALES, _month_numbers

NUMBER, DATE, FILE_NUMBER = "#", "@", "§"
# A number, with the numbers slashed to it: "2397/19", "09/14/2021".
_NUMBER = re.compile(r"\d[\d.,\u202f]*\d(?:/\d+)*")
_NOT_DIGIT = re.compile(r"[^0-9]")
# A capitalised word that does not begin a sentence: a name (or, in German, also a noun).
# The capital comes first and what stands before it is checked after (a look-behind over it
# and the two characters before): the search then skips to capitals, twice as fast as
# checking the look-behind at every position.
_NAME = re.compile(r"[A-ZÄÖÜ](?<=[\w,;:)“”\"] [A-ZÄÖÜ])[\w\-]+")
# Four digits from 1900 to 2099: a year, which every article of that year may mention.
_YEAR = re.compile(r"#(?:19|20)\d\d")


def translation_anchors(body: Sequence[Line]) -> frozenset[str]:
    text = " ".join(line.text for line in body)
    days, rest = _dates(text)
    # A date's day and year are read in the date, not again as numbers of their own.
    return frozenset(_numbers(_NUMBER.findall(rest)) | _names(_NAME.findall(text)) | days)


def _numbers(found: list[str]) -> set[str]:
    """Numbers by their digits (10,000 = 10.000), and a file or case number ("94/13", "2397/19":
    a number and the year it was filed under) also as a whole."""
    numbers = {NUMBER + _NOT_DIGIT.sub("", number) for number in found if "/" not in number}
    for slashed in [number for number in found if "/" in number]:
        parts = slashed.split("/")
        numbers.update(NUMBER + _NOT_DIGIT.sub("", part) for part in parts if len(part) > 1)
        if len(parts) == 2 and parts[0].isdigit() and len(parts[0]) <= 6 \
                and 2 <= len(parts[1]) <= 4:
            numbers.add(FILE_NUMBER + slashed)
    return numbers


def _names(found: list[str]) -> set[str]:
    """Names as both languages write them: case folded; a hyphenated compound also by its
    capitalised parts (German glues names to nouns: "Amazon-Kunden"); a place by its English
    name. Month names are left to the dates, which say more."""
    names = set(map(str.casefold, found))
    for name in [name for name in found if "-" in name]:
        names.update(part.casefold() for part in name.split("-") if part[:1].isupper())
    names -= _not_names()
    for name in names & _place_forms().keys():
        names.discard(name)
        names.add(_place_forms()[name])
    return names


@cache
def _not_names() -> frozenset[str]:
    months = (name.casefold() for locale in MONTH_LOCALES
              for name in get_month_names("wide", locale=locale).values())
    return COMMON_WORDS.union(months)


@cache
def _place_forms() -> dict[str, str]:
    """The places' other forms, with the German genitive ("Italiens", "Europas")."""
    return {**{form + "s": name for form, name in PLACE_NAMES.items()}, **PLACE_NAMES}


@cache
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A day with its month, and the year where there is one: "19. Mai 2020", "19th of May",
    "19.05.2020"; "May 19, 2020" (month names from the dates' own table). Each pattern begins
    with what it looks for, a digit or a month name, so that a search passes over the rest of
    the text by its first character: finding dates line by line as `dates.py` does, with the
    cues of reported dates, cost seven times all the other anchors together."""
    month = "(?:" + "|".join(sorted(map(re.escape, _month_numbers()), key=len, reverse=True)) + ")"
    year = r"(?P<year>(?:19|20)\d\d)"
    day_first = re.compile(
        rf"(?P<day>\d(?<![\d.]\d)\d?)(?:(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<month>{month})\b\.?"
        rf"(?:,?\s+{year}\b)?|\.(?P<number>[01]?\d)\.(?P<full>(?:19|20)\d\d)(?!\d))")
    month_first = re.compile(rf"(?P<month>{month})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
                             rf"(?:,?\s+{year}\b)?")
    return day_first, month_first


def _dates(text: str) -> tuple[set[str], str]:
    """The days the text mentions, with their year where it gives one, and the text without
    them. A month alone is no anchor: every article of that month may name it."""
    days = set()
    spans = []
    for pattern in _date_patterns():
        for match in pattern.finditer(text):
            # A month name must begin a word ("Mai", not the end of "Schmai").
            start = match.start("month") if match["month"] else 0
            day = _day_of(match) if not text[start - 1 : start].isalpha() else None
            if day is not None:
                days.add(DATE + day)
                spans.append(match.span())
    if not spans:
        return days, text
    kept, end = [], 0
    for start, stop in sorted(spans):
        kept.append(text[end:start])
        end = max(end, stop)
    return days, " ".join([*kept, text[end:]])


def _day_of(match: re.Match[str]) -> str | None:
    """ "2020-05-19", or "05-19" without a year; None for a day that does not exist."""
    found = match.groupdict()
    day = int(found["day"])
    month = _month_numbers()[found["month"]] if found["month"] else int(found["number"])
    year = found["year"] or found.get("full")
    try:
        dt.date(int(year or 2000), month, day)  # 2000: the 29th of February is a day
    except ValueError:
        return None
    return f"{year}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"


def readable(anchor: str) -> str:
    """An anchor as an editor reads it: "10000", "2020-05-19", "94/13", "xiaomi"."""
    return anchor[1:] if anchor[0] in (NUMBER, DATE, FILE_NUMBER) else anchor


def is_year(anchor: str) -> bool:
    return len(anchor) == 5 and _YEAR.match(anchor) is not None


def is_specific(anchor: str) -> bool:
    """A date, a file number or a figure of three digits or more (not a year): what two
    reports of one event share, and two stories about one company rarely do."""
    if anchor[0] in (DATE, FILE_NUMBER):
        return True
    return anchor[0] == NUMBER and len(anchor) > 3 and not is_year(anchor)
