"""Who published a clipping, as the clipping itself says it.

In order of trust: an outlet's byline under the headline ("By Harbour News"; a person's name
is an author, not a publisher), a "Source: …" line, the issuer a distribution service names
("X published this content on …"), the agency that provided the content, the masthead above
the headline (a site's name with its tagline, a firm's or a court's name; a person's own
name where it stands above their byline, on their own site), the court or authority of a
press release, a law firm that reports its own case ("JunHe Represented Xiaomi …"), a site
that describes itself ("XiaomiWelt verkauft … keine Produkte", "Über X" / "X ist …"), the
employer an author box names, the site a cookie banner names, an agency's tag before the
first paragraph ("BERLIN (wire) –"), the owner of a copyright line, a site named in its
disclaimer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..cleaning.attribution import leading_name, self_described_name, source_line_name
from ..cleaning.metadata_lines import (
    ABOUT_PUBLISHER,
    AGENCY_LINE,
    AUTHOR_BOX,
    BYLINE,
    DATELINE,
    MASTHEAD,
    about_name,
    agency_name,
    byline_names,
    employer,
    is_person_name,
    masthead_name,
    names_an_outlet,
)
from ..language.text import ends_sentence
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
# What a distribution service says of the release it carries: who issued it.
ISSUER = re.compile(
    r"(?P<name>[A-ZÄÖÜ][\w&\-]*(?:\.[\w&\-]+)*(?:\s+(?:[A-ZÄÖÜ&][\w&.\-]*|of|for|und|and))"
    r"{0,5})\s+(?:(?:published|issued|released) this (?:content|press release|release|"
    r"news release|document)\b|hat diese[ns]? (?:Inhalte?|Pressemitteilung|Meldung) am\b)"
)
# The words those two patterns turn on: a line without them is not searched from each of its
# capitals.
_ISSUER_CUE = re.compile(r"(?:published|issued|released) this |hat diese[ns]? ")
_REPRESENTED_CUE = re.compile(r" (?:represented|advised|acted for)\b")
# A press release's own label: its issuer is the court or authority its first sentence names.
RELEASE_LABEL = re.compile(r"\b(?:press release|news release|media release|pressemitteilung|"
                           r"pressemeldung|presseinformation|medienmitteilung)\b", re.IGNORECASE)
COURT = re.compile(
    r"\b(?P<en>(?:[A-Z][a-z]+\s+){1,4}(?:Court|Tribunal|Authority|Commission|Ministry)"
    r"(?:\s+of\s+(?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2})?)"
    r"|\b(?P<de>[A-ZÄÖÜ]\w*(?:gerichtshof|gericht|behörde|ministerium|kommission|amt))"
    # "Landgericht Köln hat": a place after the court, where a verb or a stop follows it.
    r"(?:e?s)?\b(?P<place>\s+[A-ZÄÖÜ][a-zäöüß]+(?=\s+[a-zäöüß]|[.,;:]))?"
)
_DETERMINER = re.compile(r"^(?:The|A|An)\s+")
# "Cookies on Example.org", "… how you use Example.org": a cookie banner names its site.
COOKIE_SITE = re.compile(
    r"\b(?i:cookies?)\s+(?:on|auf)\s+(?P<name>[A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+){0,2})"
    r"|\bhow you use\s+(?P<use>[A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+){0,2})"
)
# "BERLIN (wire) –", "KIEL nwa |": a place in capitals, an agency's short name, a dash.
AGENCY_TAG = re.compile(
    r"^\W*[A-ZÄÖÜ]{3,}(?:[\s/\-][A-ZÄÖÜ]{2,})*\s*"
    r"(?:\((?P<bracketed>[A-Za-z]{2,8})\)|(?P<bare>[a-z]{2,8}|[A-Z]{2,8}))\s*[|–—:-]\s"
)
COPYRIGHT_OWNER = re.compile(
    r"^\W*(?:©|\([cC]\)|(?i:copyright))\s*(?:©|\([cC]\))?\s*\d{4}(?:\s*[-–]\s*\d{4})?,?\s+"
    r"(?:by\s+)?(?P<name>[A-ZÄÖÜ][\w&\-]*(?:\.[\w&\-]+)*(?:\s+[A-ZÄÖÜ&][\w&\-]*){0,4})"
)

Found = tuple[str, int] | None


def infer_publisher(head: Head, cleaned: Cleaned) -> Inferred[str | None]:
    rules: Sequence[tuple[str, Callable[[], Found]]] = (
        ("byline", lambda: _outlet_byline(head, cleaned)),
        ("source-line", lambda: _from_removals(cleaned, "source-line", source_line_name)),
        ("issuer", lambda: _issuer(head, cleaned)),
        ("agency-line", lambda: _from_removals(cleaned, AGENCY_LINE, agency_name)),
        ("masthead", lambda: _from_removals(cleaned, MASTHEAD, masthead_name)),
        ("own-site", lambda: _from_removals(cleaned, MASTHEAD, _own_site)),
        ("press-release", lambda: _press_release_issuer(head, cleaned)),
        ("law-firm-report", lambda: _law_firm(head)),
        ("self-description", lambda: _from_removals(cleaned, "self-description",
                                                    self_described_name)),
        ("about-publisher", lambda: _from_removals(cleaned, ABOUT_PUBLISHER, about_name)),
        ("author-box", lambda: _from_removals(cleaned, AUTHOR_BOX, employer)),
        ("cookie-notice", lambda: _cookie_banner_site(cleaned)),
        ("agency-tag", lambda: _agency_tag(head)),
        ("copyright", lambda: _from_removals(cleaned, "copyright", _copyright_owner)),
        ("disclaimer", lambda: _from_removals(cleaned, "disclaimer", _disclaimer_name)),
    )
    for rule, find in rules:
        found = find()
        if found is not None:
            name, line = found
            return Inferred(name, by_rule(rule, line))
    return Inferred(None, NOT_FOUND)


def _outlet_byline(head: Head, cleaned: Cleaned) -> Found:
    """A byline that names an outlet ("Harbour News", "Von Stadtkurier"); a byline that
    names a person, or a lone word under the headline ("Contact"), names no publisher."""
    found = _from_line(head.byline, byline_name)
    if found is not None and names_an_outlet(found[0]):
        return found
    for rule in (BYLINE, DATELINE):
        found = _from_removals(cleaned, rule, byline_names)
        if found is not None and names_an_outlet(found[0]):
            return found
    return None


def _from_line(line: Line | None, name_of: Callable[[str], str | None]) -> Found:
    if line is None:
        return None
    name = name_of(line.text)
    return (name, line.number) if name else None


def _from_removals(cleaned: Cleaned, rule: str, name_of: Callable[[str], str | None]) -> Found:
    for removal in sorted(cleaned.removed_by(rule), key=lambda removal: removal.line):
        name = name_of(removal.text)
        if name:
            return name, removal.line
    return None


def _issuer(head: Head, cleaned: Cleaned) -> Found:
    texts = [(removal.text, removal.line) for removal in cleaned.removals]
    texts += [(line.text, line.number) for line in head.body]
    for text, line in sorted(texts, key=lambda pair: pair[1]):
        match = ISSUER.search(text) if _ISSUER_CUE.search(text) else None
        name = leading_name(match["name"]) if match else None
        if name:
            return name, line
    return None


def _own_site(text: str) -> str | None:
    """A person's name as the masthead, above their own byline: the page is their site."""
    name = " ".join(text.split())
    return name if is_person_name(name) else None


def _press_release_issuer(head: Head, cleaned: Cleaned) -> Found:
    """A press release of a court or an authority: the one its first sentence names."""
    if not any(RELEASE_LABEL.search(removal.text) for removal in cleaned.removed_by(DATELINE)):
        return None
    for line in head.body:
        text = line.text.strip()
        if not ends_sentence(text):
            continue  # the decision's number and date, a heading: not yet the release's text
        match = COURT.search(text[:OPENING_CHARS])
        name = _court_name(match) if match else None
        return (name, line.number) if name else None
    return None


def _court_name(match: re.Match[str]) -> str | None:
    if match["en"]:
        name = _DETERMINER.sub("", match["en"])
        return name if len(name.split()) >= 2 else None  # "the Court" says not which
    return _nominative(match["de"]) + (match["place"] or "")


# How much of a release's first paragraph is read for its issuer: its first sentence or so
# (a sentence split would stop at "Der 3. Senat").
OPENING_CHARS = 200


def _nominative(name: str) -> str:
    """ "des Bundesgerichts" -> "Bundesgericht": the court's name, not its genitive."""
    return re.sub(r"(gerichtshof|gericht|amt)e?s$", r"\1", name)


def _law_firm(head: Head) -> Found:
    if head.headline is not None:
        match = REPRESENTS.match(head.headline.text.strip())
        if match and leading_name(match["name"]):
            return match["name"], head.headline.number
    for line in head.body:
        if not _REPRESENTED_CUE.search(line.text):
            continue
        match = TEAM_REPRESENTED.search(line.text)
        if match and leading_name(match["name"]):
            return match["name"], line.number
    return None


def _cookie_banner_site(cleaned: Cleaned) -> Found:
    """The site a cookie banner names, in the banner's removed lines or in a line of it
    left in the text (even where it was taken for the headline)."""
    found = _from_removals(cleaned, "cookie-notice", _cookie_site)
    if found is not None:
        return found
    for line in cleaned.lines:
        name = _cookie_site(line.text) if len(line.text) <= COOKIE_LINE else None
        if name:
            return name, line.number
    return None


# A cookie banner's lines are short; an article about cookies is not a banner.
COOKIE_LINE = 200


def _cookie_site(text: str) -> str | None:
    match = COOKIE_SITE.search(text)
    return (match["name"] or match["use"]).rstrip(".") if match else None


def _agency_tag(head: Head) -> Found:
    """The agency tag before the first paragraph of running text."""
    for line in head.body[:PARAGRAPHS_WITH_TAG]:
        match = AGENCY_TAG.match(line.text)
        if match:
            return match["bracketed"] or match["bare"], line.number
    return None


# The agency tag stands before the report's first paragraph, below a standfirst at most.
PARAGRAPHS_WITH_TAG = 6


def _copyright_owner(text: str) -> str | None:
    """ "© 2024 Harbour News. All rights reserved." -> "Harbour News"; a photo credit
    without a year ("©Jane Roe/agency") names no publisher."""
    match = COPYRIGHT_OWNER.match(text.strip())
    return match["name"].rstrip(".") if match else None


def _disclaimer_name(text: str) -> str | None:
    match = DISCLAIMER_NAME.search(text)
    return leading_name(match["name"]) if match else None
