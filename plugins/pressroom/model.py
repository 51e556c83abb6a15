"""The domain objects that flow between the stages."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
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
    """A value an editor wrote in a source's frontmatter, with the line it stands on."""

    value: Any
    line: int


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

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.body)

    def received(self) -> Received:
        return Received(self.path, hashlib.sha256(self.raw).hexdigest(), self.encoding,
                        self.frontmatter)


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


@dataclass(frozen=True)
class Provenance:
    """Where a field's value came from: the editor, a rule, or nothing at all."""

    origin: str  # "frontmatter", "rule" or "none"
    rule: str | None = None
    line: int | None = None
    detail: str | None = None
    confidence: float | None = None

    def __str__(self) -> str:
        if self.origin == "none":
            return "not found"
        where = f" (line {self.line})" if self.line else ""
        what = "frontmatter" if self.origin == "frontmatter" else f"rule {self.rule}"
        extra = f": {self.detail}" if self.detail else ""
        return f"{what}{where}{extra}"


NOT_FOUND = Provenance("none")


def from_frontmatter(key: EditorKey) -> Provenance:
    return Provenance("frontmatter", line=key.line)


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
        return {
            "lang": self.lang,
            "title": self.title,
            "date": self.date,
            "publisher": self.publisher,
            "tags": self.tags,
            "summary": self.summary,
            "story": self.story,
        }
