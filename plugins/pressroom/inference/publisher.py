"""Who published a clipping, as the clipping itself says it.

In order of trust: a byline under the headline, a "Source: …" line, a law firm that reports
its own case ("JunHe Represented Xiaomi …"), a site that describes itself at the foot of its
page ("XiaomiWelt verkauft … keine Produkte"), a site named in its disclaimer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..cleaning.attribution import leading_name, self_described_name, source_line_name
from ..model import NOT_FOUND, Cleaned, Inferred, Line, by_rule
from .header import Head, byline_name

_NAME = r"(?P<name>[A-ZÄÖÜ][\w&.\-]*(?:\s+[A-ZÄÖÜ][\w&.\-]*){0,3})"
# A firm announcing a mandate: "<Firm> Represented / Advises / vertritt <Client>".
REPRESENTS = re.compile(
    rf"^{_NAME}\s+(?:represented|represents|advised|advises|acted for|acts for|assisted|"
    r"assists|vertritt|vertrat|berät|beriet|unterstützt)\b",
    re.IGNORECASE,
)
# "<Firm>’s team represented …" in the body of the firm's own report.
TEAM_REPRESENTED = re.compile(
    rf"{_NAME}['’]s? (?:team|lawyers|attorneys) (?:represented|advised|acted for)\b"
)
DISCLAIMER_NAME = re.compile(
    rf"{_NAME}\s+(?:is not responsible|assumes no|accepts no|takes no|bears no|"
    r"übernimmt keine|haftet nicht|ist nicht verantwortlich)"
)


def infer_publisher(head: Head, cleaned: Cleaned) -> Inferred[str | None]:
    rules: Sequence[tuple[str, Callable[[], tuple[str, int] | None]]] = (
        ("byline", lambda: _from_line(head.byline, byline_name)),
        ("source-line", lambda: _from_removals(cleaned, "source-line", source_line_name)),
        ("law-firm-report", lambda: _law_firm(head)),
        ("self-description", lambda: _from_removals(cleaned, "self-description",
                                                    self_described_name)),
        ("disclaimer", lambda: _from_removals(cleaned, "disclaimer", _disclaimer_name)),
    )
    for rule, find in rules:
        found = find()
        if found is not None:
            name, line = found
            return Inferred(name, by_rule(rule, line))
    return Inferred(None, NOT_FOUND)


def _from_line(line: Line | None, name_of: Callable[[str], str | None]) -> tuple[str, int] | None:
    if line is None:
        return None
    name = name_of(line.text)
    return (name, line.number) if name else None


def _from_removals(
    cleaned: Cleaned, rule: str, name_of: Callable[[str], str | None]
) -> tuple[str, int] | None:
    for removal in cleaned.removed_by(rule):
        name = name_of(removal.text)
        if name:
            return name, removal.line
    return None


def _law_firm(head: Head) -> tuple[str, int] | None:
    if head.headline is not None:
        match = REPRESENTS.match(head.headline.text.strip())
        if match and leading_name(match["name"]):
            return match["name"], head.headline.number
    for line in head.body:
        match = TEAM_REPRESENTED.search(line.text)
        if match and leading_name(match["name"]):
            return match["name"], line.number
    return None


def _disclaimer_name(text: str) -> str | None:
    match = DISCLAIMER_NAME.search(text)
    return leading_name(match["name"]) if match else None
