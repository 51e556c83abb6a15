"""A PDF becomes a Source: its text page by page with PDFium (pypdfium2), running headers,
footers and page numbers removed, columns read in order, hyphenation at line ends undone and
paragraphs rebuilt (``pdf_layout``). A PDF without a text layer (a scan) is an error that
says so: the press room does no OCR.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...inference.dates import stamp_date
from ...model import Found, Line, Source
from ...problems import Problem, SourceError, error, note, warning
from ..reading import MAX_SOURCE_BYTES
from ..unsafe_characters import safe_lines, safe_text
from .pdf_layout import Char, Run, paragraphs, reading_order, running_lines, runs_of
from .sidecar import SidecarKeys

# A name in a running header (a newspaper's) has this many words at most.
MAX_NAME_WORDS = 4
# A clipping or a ruling has tens of pages; a file of more is something else.
MAX_PAGES = 500
# PDFium marks a hyphen that ends a line with U+FFFE (and U+0002 in older versions).
_LINE_END_HYPHENS = {"\ufffe": "-", "\x02": "-"}
# A document title that is a file name or a program's ("Microsoft Word - draft.docx") is
# no headline.
_FILE_TITLE = re.compile(r"\.(?:docx?|odt|rtf|pdf|indd|qxp|txt)\b|^microsoft\b|^untitled",
                         re.IGNORECASE)


def read_pdf(path: Path, raw: bytes, keys: SidecarKeys) -> tuple[Source, list[Problem]]:
    """A PDF as a Source. Raises SourceError naming the file when it cannot be read, is
    locked, or has no text layer."""
    document = _opened(path, raw)
    try:
        pages, heights, info, damaged = _pages(path, document)
    finally:
        document.close()
    problems: list[Problem] = [*keys.problems]
    if damaged:
        problems.append(warning(path, f"page(s) {_ranges(damaged)} cannot be read (damaged): "
                                      "what they show is not in the clipping"))
    empty = [number + 1 for number, runs in enumerate(pages)
             if not runs and number + 1 not in damaged]
    if not pages:
        raise SourceError(error(path, "has no pages"))
    if len(damaged) == len(pages):
        raise SourceError(error(path, "none of its pages can be read (a damaged PDF)"))
    if len(empty) + len(damaged) == len(pages):
        raise SourceError(error(path, f"has no text layer on any of its {len(pages)} pages "
                                      "(a scan?): the press room does no OCR; export the "
                                      "PDF with its text, or copy the text into a .txt "
                                      "clipping"))
    if empty:
        problems.append(warning(path, f"page(s) {_ranges(empty)} have no text layer (scanned?): "
                                      "what they show is not in the clipping"))
    pages, running = running_lines(pages, heights)
    ordered: list[Run] = []
    columned = []
    block = 0
    for number, runs in enumerate(pages, 1):
        page_order, columns = reading_order(runs, block)
        block += len(page_order) + 1
        ordered += page_order
        if columns > 1:
            columned.append(number)
    texts, joined = paragraphs(ordered)
    text, removed = safe_lines("\n".join(texts))
    if len(text) > MAX_SOURCE_BYTES:
        raise SourceError(error(path, f"its text is {len(text):,} characters: far more than a "
                                      "clipping (is it one?)"))
    problems.append(note(path, _summary(len(pages), running, columned, joined, len(texts))))
    problems += [warning(path, f"took out characters that pages cannot carry on paragraph "
                               f"{line}") for line, _ in removed[:3]]
    lines = tuple(Line(number, line) for number, line in enumerate(text.split("\n"), 1))
    return Source(path=path, raw=raw, encoding="pdf", body=lines, frontmatter=keys.keys,
                  format="pdf", found=(*info, *running_facts(running))), problems


def running_facts(running: list[str]) -> tuple[Found, ...]:
    """What a newspaper's running header says of the clipping, used where the text says
    nothing better: its first date, and a name alone (the paper's) as the publisher."""
    found: list[Found] = []
    for text in running:
        day = stamp_date(text)
        if day is not None and not any(fact.field == "date" for fact in found):
            found.append(Found("date", day, f"the PDF's running header {text!r}", before=False))
        words = text.split()
        if (1 <= len(words) <= MAX_NAME_WORDS and all(word[:1].isupper() for word in words)
                and not any(char.isdigit() for char in text)
                and not any(fact.field == "publisher" for fact in found)):
            found.append(Found("publisher", text, "the PDF's running header", before=False))
    return tuple(found)


def _opened(path: Path, raw: bytes) -> pdfium.PdfDocument:
    if not raw.lstrip()[:5] == b"%PDF-":
        raise SourceError(error(path, "is not a PDF (it does not begin with %PDF-)"))
    try:
        return pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        locked = "password" in str(exc).lower()
        reason = "it is locked with a password" if locked else f"PDFium: {exc}"
        raise SourceError(error(path, f"cannot be read as a PDF ({reason})")) from exc


def _pages(path: Path, document: pdfium.PdfDocument
           ) -> tuple[list[list[Run]], list[float], tuple[Found, ...], list[int]]:
    """The runs and height of each page, the document information, and the pages PDFium
    could not load (damaged: they count as pages without text, and are named)."""
    count = len(document)
    if count > MAX_PAGES:
        raise SourceError(error(path, f"has {count:,} pages: clippings of more than "
                                      f"{MAX_PAGES} pages are refused (is it one?)"))
    pages: list[list[Run]] = []
    heights: list[float] = []
    damaged: list[int] = []
    for number in range(count):
        try:
            runs, height = _page_runs(document, number)
        except pdfium.PdfiumError:
            runs, height = [], 0.0
            damaged.append(number + 1)
        pages.append(runs)
        heights.append(height)
    return pages, heights, _document_info(document), damaged


def _page_runs(document: pdfium.PdfDocument, number: int) -> tuple[list[Run], float]:
    page = document[number]
    try:
        textpage = page.get_textpage()
        try:
            return runs_of(_chars(textpage), number), page.get_height()
        finally:
            textpage.close()
    finally:
        page.close()


def _chars(textpage: pdfium.PdfTextPage) -> list[Char]:
    """The page's characters in the order drawn, each with its box and type size."""
    chars: list[Char] = []
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        text = _LINE_END_HYPHENS.get(chr(code), chr(code)) if code else ""
        if not text:
            continue
        if pdfium_c.FPDFText_IsGenerated(textpage, index) and text not in "\r\n":
            text = " "  # a space PDFium inferred between words
        left, bottom, right, top = textpage.get_charbox(index)
        size = pdfium_c.FPDFText_GetFontSize(textpage, index)
        chars.append((text, left, bottom, right, top, size))
    return chars


def _document_info(document: pdfium.PdfDocument) -> tuple[Found, ...]:
    """The document information's title and author, trusted only after the text's rules:
    they are often a file's name or its template's."""
    try:
        info = document.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError:
        return ()
    found = []
    title = " ".join(safe_text(str(info.get("Title", "")))[0].split())
    if len(title.split()) >= 3 and not _FILE_TITLE.search(title):
        found.append(Found("title", title, "PDF document information: Title", before=False))
    author = " ".join(safe_text(str(info.get("Author", "")))[0].split())
    if author and len(author) <= 200:
        found.append(Found("author", author, "PDF document information: Author", before=False))
    return tuple(found)


def _summary(pages: int, running: list[str], columned: list[int], joined: int,
             count: int) -> str:
    parts = [f"text of {pages} page(s) read by PDFium, {count} paragraphs rebuilt"]
    if running:
        shown = ", ".join(repr(text) for text in running[:6])
        parts.append(f"running headers, footers and page numbers removed: {shown}")
    if columned:
        parts.append(f"columns read in order on page(s) {_ranges(columned)}")
    if joined:
        parts.append(f"{joined} word(s) hyphenated at a line's end joined")
    return "; ".join(parts) + "; line numbers are those of the paragraphs"


def _ranges(numbers: list[int]) -> str:
    """ "1-3, 5"."""
    ranges: list[list[int]] = []
    for number in numbers:
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ", ".join(f"{start}" if start == end else f"{start}-{end}" for start, end in ranges)
