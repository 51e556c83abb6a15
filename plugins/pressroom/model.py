"""The domain objects that flow between the stages."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Line:
    """One line of a source body, numbered as in the source file (1-based)."""

    number: int
    text: str


@dataclass(frozen=True)
class EditorKey:
    """A value an editor wrote in a source's frontmatter, with the line it stands on;
    ``where`` names the sidecar file it stands in, for a source that cannot carry
    frontmatter (a page, a message, a PDF)."""

    value: Any
    line: int
    where: str | None = None


@dataclass(frozen=True)
class Found:
    """A value that a source states besides its text, and where: a page's markup (JSON-LD,
    Open Graph, <title>, <time>), a message's headers, a PDF's document information.

    ``field`` is the article's field it may fill (title, date, publisher, author, summary,
    source_url, lang); ``where`` says which markup (``JSON-LD NewsArticle.headline``), and
    ``line`` is the line of the file where it stands, when known. A value found ``before``
    the text's own rules is trusted over them (a page's JSON-LD headline); one that is not
    is used only when the text gives nothing (a message's subject is not a headline)."""

    field: str
    value: Any
    where: str
    line: int | None = None
    before: bool = True


class _EditorKeys:
    frontmatter: Mapping[str, EditorKey]

    def editor(self, key: str) -> EditorKey | None:
        return self.frontmatter.get(key)


@dataclass(frozen=True)
class Source(_EditorKeys):
    """A clipping as received: its decoded body and the editor's frontmatter."""

    path: Path
    raw: bytes
    encoding: str
    body: tuple[Line, ...]
    frontmatter: Mapping[str, EditorKey] = field(default_factory=dict)
    # "text" for a clipping of plain text; "html", "email" or "pdf" for one whose text was
    # extracted (its lines are then those of the extracted text), with what it stated.
    format: str = "text"
    found: tuple[Found, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.body)

    def received(self) -> Received:
        return Received(self.path, hashlib.sha256(self.raw).hexdigest(), self.encoding,
                        self.frontmatter, self.format, self.found)

    def stated(self, name: str, before: bool) -> Found | None:
        """The first value the source states for a field, of those trusted before (or
        after) the text's rules."""
        return next((found for found in self.found
                     if found.field == name and found.before == before), None)


@dataclass(frozen=True)
class Received(_EditorKeys):
    """What the build keeps of a source once it is cleaned and inferred: the bytes' digest
    (the same clipping twice is published once), their encoding and the editor's frontmatter.
    The text lives on in the cleaned lines and the article; keeping it twice more would
    double what workers send back and what the source cache stores and loads."""

    path: Path
    digest: str
    encoding: str
    frontmatter: Mapping[str, EditorKey] = field(default_factory=dict)
    format: str = "text"
    found: tuple[Found, ...] = ()


@dataclass(frozen=True)
class Removal:
    """Something the cleaner took out of a body: a whole line, or a fragment of one.

    ``replacement`` is what stands in the line now when only a fragment was repaired
    (None when the whole line went).
    """

    line: int
    text: str
    rule: str
    replacement: str | None = None


@dataclass(frozen=True)
class Headline:
    """The line the cleaner took for the article's headline, and why: the evidence it had,
    whether that was enough to be sure, and the other headings it passed over."""

    line: int
    text: str
    sure: bool
    reason: str
    passed_over: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cleaned:
    """A body without noise, and the record of everything that was removed."""

    lines: tuple[Line, ...]
    removals: tuple[Removal, ...]
    language_hint: str
    headline: Headline | None = None

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def removed_by(self, *rules: str) -> list[Removal]:
        return [removal for removal in self.removals if removal.rule in rules]

    @cached_property
    def text_digest(self) -> str:
        """The text's digest, its spacing aside (a clipping saved twice is one text). Kept
        with the outcome: every build compares every source's with the others'."""
        return hashlib.sha256(" ".join(self.text.split()).encode()).hexdigest()


@dataclass(frozen=True)
class Provenance:
    """Where a field's value came from: the editor, a rule, or nothing at all."""

    origin: str  # "frontmatter", "rule", "markup" (what the file states: Found) or "none"
    rule: str | None = None
    line: int | None = None
    detail: str | None = None
    confidence: float | None = None

    def __str__(self) -> str:
        if self.origin == "none":
            return "not found"
        where = f" (line {self.line})" if self.line else ""
        if self.origin == "markup":
            return f"{self.detail}{where}"
        what = "frontmatter" if self.origin == "frontmatter" else f"rule {self.rule}"
        extra = f": {self.detail}" if self.detail else ""
        return f"{what}{where}{extra}"


NOT_FOUND = Provenance("none")


def from_frontmatter(key: EditorKey) -> Provenance:
    return Provenance("frontmatter", line=key.line, detail=key.where)


def from_markup(found: Found, note: str | None = None) -> Provenance:
    """``note`` says why a value stated after the text's rules was used."""
    detail = f"{found.where} ({note})" if note else found.where
    return Provenance("markup", rule=found.where, line=found.line, detail=detail)


def by_rule(
    rule: str, line: int | None = None, detail: str | None = None,
    confidence: float | None = None,
) -> Provenance:
    return Provenance("rule", rule=rule, line=line, detail=detail, confidence=confidence)


@dataclass(frozen=True)
class Inferred(Generic[T]):
    """A field's value together with its provenance."""

    value: T
    provenance: Provenance

    @property
    def found(self) -> bool:
        return self.provenance.origin != "none"


# Rules that date an article by the first date its text names ("On 14 May 2025, …"): that day
# is what the text reports, not when the page was published.
FIRST_DATE_IN_TEXT = "first-date-in-text"
DAY_WITH_ANCHOR = "day-with-anchor"  # a day whose year another date of the text gives
TEXT_DATE_RULES = frozenset({FIRST_DATE_IN_TEXT, DAY_WITH_ANCHOR})


@dataclass(frozen=True)
class Article:
    """One source, cleaned and described: what the site model is built from."""

    source: Path
    lang: Inferred[str]
    title: Inferred[str]
    date: Inferred[dt.date | None]
    publisher: Inferred[str | None]
    tags: Inferred[tuple[str, ...]]
    summary: Inferred[str | None]
    body: tuple[Line, ...]
    removals: tuple[Removal, ...]
    story: Inferred[str | None]
    anchors: frozenset[str]  # its numbers and names, which pair it with its translation
    source_url: str | None = None
    cases: tuple[str, ...] = ()
    draft: bool = False
    embargo: dt.datetime | None = None
    image: str | None = None  # a file of docs/, shown with the story where it leads
    image_alt: str | None = None
    author: Inferred[str | None] = Inferred(None, NOT_FOUND)
    source_url_from: Provenance = NOT_FOUND

    @property
    def published(self) -> dt.date | None:
        """The day the page was published, where it gives one; a date only its text names
        (the article's sorting date then) is not shown as a publication date."""
        if self.date.provenance.rule in TEXT_DATE_RULES:
            return None
        return self.date.value

    def is_public(self, now: dt.datetime) -> bool:
        """Drafts and stories under embargo stay off the built site until their time has come."""
        return not self.draft and (self.embargo is None or self.embargo <= now)

    def fields(self) -> dict[str, Inferred[Any]]:
        """Every field with its provenance; author and original address where found (a
        saved page states them, a text clipping rarely does)."""
        fields: dict[str, Inferred[Any]] = {
            "lang": self.lang,
            "title": self.title,
            "date": self.date,
            "publisher": self.publisher,
            "tags": self.tags,
            "summary": self.summary,
            "story": self.story,
        }
        if self.author.found:
            fields["author"] = self.author
        if self.source_url_from.origin != "none":
            fields["source_url"] = Inferred(self.source_url, self.source_url_from)
        return fields
