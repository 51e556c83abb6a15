"""The build's "now", which decides what an embargo still holds back.

Two builds of the same sources at the same "now" give the same bytes (tests/
test_reproducible.py): nothing else the build writes depends on the time it runs. ``now``
is fixed by ``PRESSROOM_NOW`` (an ISO date-time, for previews and tests) or, where that is
not set, by ``SOURCE_DATE_EPOCH`` (seconds since 1970, the variable reproducible builds
share); otherwise it is the build's own clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

CLOCK = "PRESSROOM_NOW"
EPOCH = "SOURCE_DATE_EPOCH"


class ClockError(ValueError):
    """A clock variable that is not a time."""


def build_now(environ: Mapping[str, str]) -> dt.datetime:
    """The build's "now", in UTC unless PRESSROOM_NOW names another zone."""
    fixed = environ.get(CLOCK)
    if fixed:
        try:
            moment = dt.datetime.fromisoformat(fixed)
        except ValueError as exc:
            raise ClockError(f"{CLOCK}={fixed!r} is not an ISO date-time") from exc
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    epoch = environ.get(EPOCH)
    if epoch:
        # The standard asks for a malformed value to fail the build, not to be ignored.
        if not epoch.isascii() or not epoch.isdigit():
            raise ClockError(f"{EPOCH}={epoch!r} is not a number of seconds since 1970")
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC)
