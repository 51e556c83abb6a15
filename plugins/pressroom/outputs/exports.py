"""The data exports other tools read: /api/articles.json and /api/cases.json.

Both are described by JSON Schemas in `schemas/`, published next to them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..model import Article
from ..sources.editor_keys import LANGUAGES
from ..stories.case_documents import PublishedDocument
from ..stories.cases import Basis, Case, SourceRef
from ..stories.grouping import Story
from ..stories.taxonomy import Tag

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
ARTICLES = "api/articles.json"
CASES = "api/cases.json"


def articles_export(
    stories: Sequence[Story], tags_of: Callable[[Story, str], Sequence[Tag]],
    original_of: Callable[[Story, str], Article | None],
    cases_of: Mapping[str, Sequence[Case]], url_of: Callable[[Story, str], str],
) -> dict[str, Any]:
    """Every story; tags, and whether a version is the press room's translation (of the
    version in which language), are each version's own."""
    return {"stories": [_story(story, tags_of, original_of, cases_of.get(story.id, ()), url_of)
                        for story in stories]}


def _story(story: Story, tags_of: Callable[[Story, str], Sequence[Tag]],
           original_of: Callable[[Story, str], Article | None], cases: Sequence[Case],
           url_of: Callable[[Story, str], str]) -> dict[str, Any]:
    return {
        "id": story.id,
        "date": story.date.isoformat() if story.date else None,
        "cases": [case.id for case in cases],
        "translation_status": {lang: "available" if lang in story.versions else "missing"
                               for lang in LANGUAGES},
        "versions": {
            lang: {
                "url": url_of(story, lang),
                "title": article.title.value,
                "date": article.date.value.isoformat() if article.date.value else None,
                # Whether the page gives that date as its publication date, or only the text
                # names it (the story is then dated by what it reports).
                "date_is_publication": article.published is not None,
                "publisher": article.publisher.value,
                "summary": article.summary.value,
                "source_url": article.source_url,
                "tags": [{"id": tag.id, "labels": dict(tag.labels)}
                         for tag in tags_of(story, lang)],
                "translation_of": original.lang.value
                if (original := original_of(story, lang)) else None,
            }
            for lang, article in story.versions.items()
        },
    }


def cases_export(
    cases: Sequence[Case], case_url: Callable[[Case, str], str],
    story_url: Callable[[str, str], str | None],
    documents: Sequence[PublishedDocument] = (), url: Callable[[str], str] = str,
) -> dict[str, Any]:
    """``url`` gives a published document's absolute address from its path."""
    return {"cases": [_case(case, case_url, story_url,
                            [_document(doc, url) for doc in documents if doc.case == case.id])
                      for case in cases]}


def _document(published: PublishedDocument, url: Callable[[str], str]) -> dict[str, Any]:
    document = published.document
    return {"file": document.file, "url": url(published.path), "kind": document.kind,
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
