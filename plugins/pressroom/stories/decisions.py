"""The courts' decisions in the case registry, and which of them the coverage reported last.

A decision is a ruling of a legal case (background records have none). Sources often give a
ruling no date of its own, so "latest" goes by the best day the registry knows for it: its
own date, else the day a party announced it, else the day a source reported it, else the date
of the source its fact is quoted from (the day it was published, else the first date its text
names: a source that tells of a ruling dates it better than nothing). That day only orders the
decisions; each is shown with its own date as the registry states it, "date not reported"
included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .cases import Case, Event, PartialDate

DECISION_KINDS = ("ruling",)


@dataclass(frozen=True)
class Decision:
    case: Case
    event: Event


def decisions(cases: Sequence[Case]) -> list[Decision]:
    """Every ruling of the legal cases, in the registry's order."""
    return [Decision(case, event) for case in cases if not case.context
            for event in case.events if event.kind in DECISION_KINDS]


def latest_decision(cases: Sequence[Case],
                    source_day: Callable[[str], dt.date | None]) -> Decision | None:
    """The decision with the latest known day (see above); ``source_day`` gives the day of a
    source file. Decisions with no day at all come after every dated one; between equal
    days, the registry's order decides."""
    found = decisions(cases)
    if not found:
        return None
    days = [known_day(decision.event, source_day) for decision in found]
    # max() keeps the first of equal keys; ranked by (dated, day, earlier in the registry).
    best = max(range(len(found)),
               key=lambda index: (days[index] is not None, days[index] or dt.date.min, -index))
    return found[best]


def known_day(event: Event, source_day: Callable[[str], dt.date | None]) -> dt.date | None:
    """The best day the registry knows for a step; a month or a year counts from its start."""
    for day in (event.date, event.announced):
        if day is not None:
            return _first_day(day)
    return event.reported or source_day(event.source.file)


def _first_day(date: PartialDate) -> dt.date:
    return dt.date(date.year, date.month or 1, date.day or 1)


def case_day(case: Case, source_day: Callable[[str], dt.date | None]) -> dt.date | None:
    """The day a case is ordered by: its latest decision's known day, else its latest step's;
    None where the registry knows no day for any of its steps."""
    decision = latest_decision([case], source_day)
    if decision is not None:
        return known_day(decision.event, source_day)
    days = [day for event in case.events if (day := known_day(event, source_day))]
    return max(days, default=None)


def newest_first(cases: Sequence[Case],
                 source_day: Callable[[str], dt.date | None]) -> list[Case]:
    """The cases by ``case_day``, newest first; cases with no day last; between equal days
    (and among the undated), the registry's order."""
    days = [case_day(case, source_day) for case in cases]
    order = sorted(range(len(cases)), key=lambda index: (
        days[index] is None, -(days[index] or dt.date.min).toordinal(), index))
    return [cases[index] for index in order]
