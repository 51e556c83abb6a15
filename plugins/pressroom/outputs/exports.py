"""The data exports other tools read: /api/articles.json and /api/cases.json.

Both are described by JSON Schemas in `schemas/`, published next to them.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..addresses import Address, Addresses, Kind, story_address
from ..language import LANGUAGES
from ..model import Article
from ..reuse import Reuse
from ..stories.case_documents import PublishedDocument
from ..stories.cases import Basis, Case, SourceRef
from ..stories.edition import Edition
from ..stories.grouping import Story

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
ARTICLES = "api/articles.json"
CASES = "api/cases.json"


def articles_export(edition: Edition, addresses: Addresses) -> dict[str, Any]:
    """Every story; tags, and whether a version is the press room's translation (of the
    version in which language), are each version's own."""
    return {"stories": [_story(_story_values(story, edition, addresses))
                        for story in edition.stories]}


def articles_json(edition: Edition, addresses: Addresses, reuse: Reuse) -> str:
    """The export's text, as ``json.dumps(articles_export(...), indent=2)`` writes it, made
    story by story: a rebuild takes the text of every story an edit left alone from the
    last build (``reuse``), and at 10,000 stories that is all but one."""
    stories = [reuse(_story_text, _story_values(story, edition, addresses))
               for story in edition.stories]
    if not stories:
        return '{\n  "stories": []\n}\n'
    return '{\n  "stories": [\n' + ",\n".join(stories) + "\n  ]\n}\n"


# What a story's entry is made of, in plain values and its frozen articles: its id, date and
# cases, and per version: its language, the article, its address, its tags (id and labels),
# the language of the version it translates.
StoryValues = tuple[str, str | None, tuple[str, ...],
                    tuple[tuple[str, Article, str, tuple[tuple[str, tuple[tuple[str, str], ...]],
                                                          ...], str | None], ...]]


def _story_values(story: Story, edition: Edition, addresses: Addresses) -> StoryValues:
    versions = []
    for lang, article in story.versions.items():
        original = edition.original_of(story, lang)
        versions.append((lang, article, addresses.absolute(story_address(lang, story.id)),
                         tuple((tag.id, tuple(tag.labels.items()))
                               for tag in edition.tags_of(story, lang)),
                         original.lang.value if original else None))
    return (story.id, story.date.isoformat() if story.date else None,
            tuple(case.id for case in edition.cases_of.get(story.id, ())), tuple(versions))


def _story_text(values: StoryValues) -> str:
    """A story's entry as it stands in the export's list (two levels in: four spaces)."""
    return textwrap.indent(json.dumps(_story(values), ensure_ascii=False, indent=2), "    ")


def _story(values: StoryValues) -> dict[str, Any]:
    story_id, date, cases, versions = values
    available = {version[0] for version in versions}
    return {
        "id": story_id,
        "date": date,
        "cases": list(cases),
        "translation_status": {lang: "available" if lang in available else "missing"
                               for lang in LANGUAGES},
        "versions": {
            lang: {
                "url": url,
                "title": article.title.value,
                "date": article.date.value.isoformat() if article.date.value else None,
                # Whether the page gives that date as its publication date, or only the text
                # names it (the story is then dated by what it reports).
                "date_is_publication": article.published is not None,
                "publisher": article.publisher.value,
                "summary": article.summary.value,
                "source_url": article.source_url,
                "tags": [{"id": tag_id, "labels": dict(labels)} for tag_id, labels in tags],
                "translation_of": original,
            }
            for lang, article, url, tags, original in versions
        },
    }


def cases_export(edition: Edition, addresses: Addresses) -> dict[str, Any]:
    """Every case with its addresses, its stories' and its documents'."""
    story_ids = {story.id for story in edition.stories}

    def story_url(story_id: str, lang: str) -> str | None:
        return (addresses.absolute(story_address(lang, story_id)) if story_id in story_ids
                else None)

    def case_url(case: Case, lang: str) -> str:
        return addresses.absolute(Address(Kind.CASES, lang)) + f"#{case.id}"

    return {"cases": [_case(case, case_url, story_url,
                            [_document(doc, addresses) for doc in edition.documents
                             if doc.case == case.id])
                      for case in edition.cases]}


def _document(published: PublishedDocument, addresses: Addresses) -> dict[str, Any]:
    document = published.document
    return {"file": document.file, "url": addresses.absolute(published.path), "kind": document.kind,
            "title": dict(document.title), "date": document.date.iso() if document.date else None,
            "language": document.language, "media_type": document.media_type,
            "bytes": published.size}


def _case(case: Case, case_url: Callable[[Case, str], str],
          story_url: Callable[[str, str], str | None],
          documents: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": case.id,
        "context": case.context,
        "title": dict(case.title),
        "urls": {lang: case_url(case, lang) for lang in LANGUAGES},
        "kind": case.kind,
        "jurisdiction": case.jurisdiction,
        "court": dict(case.court) if case.court else None,
        "docket": case.docket,
        "status": case.status,
        "status_as_of": ({"date": case.status_as_of.date.iso() if case.status_as_of.date else None,
                          "basis": _basis(case.status_as_of.basis)}
                         if case.status_as_of else None),
        "final": case.final,
        "updated": case.updated.isoformat() if case.updated else None,
        "outcome": ({"text": dict(case.outcome.text), "basis": _basis(case.outcome.basis)}
                    if case.outcome else None),
        "parties": [{"name": dict(p.name), "role": p.role, "counsel": p.counsel,
                     "basis": _basis(p.basis) if p.basis else None,
                     "source": _source(p.source)} for p in case.parties],
        # Each date by its kind: the step's own, the day it was announced, the day reported.
        "events": [{"date": e.date.iso() if e.date else None,
                    "announced": e.announced.iso() if e.announced else None,
                    "reported": e.reported.isoformat() if e.reported else None,
                    "date_note": dict(e.date_note) if e.date_note else None,
                    "kind": e.kind, "text": dict(e.text), "basis": _basis(e.basis),
                    "source": _source(e.source)}
                   for e in case.events],
        "remedies": [{"kind": r.kind, "amount": r.amount, "currency": r.currency,
                      "text": dict(r.text) if r.text else None, "basis": _basis(r.basis),
                      "source": _source(r.source)}
                     for r in case.remedies],
        "related": [{"case": other, "relation": relation} for other, relation in case.related],
        "stories": [{"id": story, "urls": {lang: url for lang in LANGUAGES
                                           if (url := story_url(story, lang))}}
                    for story in case.stories if story_url(story, LANGUAGES[0])],
        # Only documents that passed their checks: the others are errors of the build.
        "documents": documents,
    }


def _source(ref: SourceRef) -> dict[str, Any]:
    source: dict[str, Any] = {"file": ref.file, "line": ref.line, "quote": ref.quote}
    for lang, version in ref.versions:
        source[lang] = _source(version)
    return source


def _basis(basis: Basis) -> dict[str, Any]:
    """How the source states it: "reported", "announced" (by), "alleged" (by), "suspected",
    "found" (instance)."""
    return {"kind": basis.kind, "by": dict(basis.by) if basis.by else None,
            "instance": basis.instance}
