"""A case's documents (a ruling, a complaint, a court's press release): files of the seeds
folder, checked and published under the case, ``cases/<case>/<file name>``.

A document is read as a source is: a regular file in the seeds folder (never a link, nor
one in a linked folder), bounded in size, a PDF that is one and carries no script, or UTF-8
text. Whatever is wrong is an error naming the registry's line; the document is then left
out, and the case is published without it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..addresses import case_document
from ..problems import Problem, SourceError, error
from ..sources.reading import read_regular
from .cases import Case, CaseDocument

# A ruling with its annexes runs to a few megabytes.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# What runs in a PDF viewer; a document the press room publishes carries none of it. (A
# script inside a compressed object stream is not seen by this look at the bytes.)
_PDF_ACTIONS = (b"/JavaScript", b"/JS ", b"/JS(", b"/JS<", b"/Launch", b"/EmbeddedFile")


@dataclass(frozen=True)
class PublishedDocument:
    """A checked document with its bytes, and where the site publishes it."""

    case: str
    document: CaseDocument
    data: bytes = field(repr=False)

    @property
    def path(self) -> str:
        return case_document(self.case, self.document.name)

    @property
    def size(self) -> int:
        return len(self.data)


def document_paths(cases: Iterable[Case], seeds: Path) -> set[Path]:
    """The files the registry names as documents: they are no clippings."""
    return {seeds / document.file for case in cases for document in case.documents}


def check_documents(
    cases: Sequence[Case], registry: Path, seeds: Path
) -> tuple[list[PublishedDocument], list[Problem]]:
    """Every document that can be published, and an error for each that cannot."""
    published: list[PublishedDocument] = []
    problems: list[Problem] = []
    for case in cases:
        for document in case.documents:
            try:
                data = _document_bytes(seeds, document)
            except ValueError as exc:
                problems.append(error(registry, f"case {case.id!r}: document "
                                                f"{document.file!r} {exc}; it is not "
                                                "published", document.line))
                continue
            published.append(PublishedDocument(case.id, document, data))
    return published, problems


def _document_bytes(seeds: Path, document: CaseDocument) -> bytes:
    path = seeds / document.file
    _refuse_linked_folders(seeds, path)
    if not path.exists() and not path.is_symlink():
        raise ValueError("does not exist in the seeds folder")
    try:
        data = read_regular(path, MAX_DOCUMENT_BYTES, lambda size: (
            f"is {size / 1_000_000:.1f} MB: documents larger than "
            f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} MB are refused"))
    except SourceError as exc:
        # The reading error names the file; here the registry's line is named instead.
        raise ValueError(exc.problems[0].message) from exc
    except OSError as exc:
        raise ValueError(f"cannot be read ({exc.strerror or exc})") from exc
    _check_content(document, data)
    return data


def _refuse_linked_folders(seeds: Path, path: Path) -> None:
    """A folder on the way that is a link would lead outside the seeds: refused unread."""
    current = seeds
    for part in Path(path).relative_to(seeds).parts[:-1]:
        current = current / part
        if os.path.islink(current):
            raise ValueError(f"stands in {part!r}, a symbolic link to a folder: the press "
                             "room reads regular files of the seeds folder only")


def _check_content(document: CaseDocument, data: bytes) -> None:
    if not data:
        raise ValueError("is empty")
    if document.media_type == "application/pdf":
        if not data.lstrip()[:5] == b"%PDF-":
            raise ValueError("is not a PDF (it does not begin with %PDF-)")
        action = next((name for name in _PDF_ACTIONS if name in data), None)
        if action is not None:
            raise ValueError(f"holds {action.decode().strip('( <')}, which a PDF viewer runs "
                             "or opens: the press room publishes documents without it")
        return
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"is not UTF-8 text (byte {exc.start})") from exc
