"""A message forwarded from a media-monitoring service becomes Sources: its article, and each
clipping attached to it (a page, a text, a PDF) as a source of its own.

The message is read with Python's ``email`` package (``policy.default``: headers decoded,
each part by its own charset). Its article is the HTML part, read as a saved page is, or
the plain part, its hard-wrapped lines joined into paragraphs. The sender and the subject
are the monitoring service's, not the article's: they stand in for the publisher and the
headline only where the text gives none, and say so. An attachment is named
``<message>#<attachment>`` and has its own outcome, its own sidecar and its own page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parseaddr
from pathlib import Path
from typing import Any

from lxml import etree

from ...inference.dates import stamp_date
from ...language.text import ends_sentence, is_prose
from ...model import Found, Line, Source
from ...problems import Problem, SourceError, error, note, warning
from ..decoding import UndecodableError
from ..reading import (
    MAIL_SUFFIXES,
    PAGE_SUFFIXES,
    PDF_SUFFIXES,
    TEXT_SUFFIXES,
    read_source,
    repair_warnings,
    size_limit,
)
from ..unsafe_characters import safe_lines, safe_text, shown
from . import Read
from .block_text import block_lines
from .charset import decode_declared
from .html_page import MIN_ARTICLE_WORDS, Page, page_source
from .page_metadata import parse_page
from .sidecar import SidecarKeys, sidecar_keys

# "Fwd:", "WG:", "AW:", "Re:": what forwarding and replying put before a subject.
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:fwd?|wg|aw|re|tr|vs)\s*:\s*)+", re.IGNORECASE)
# The header block a mail program writes over a forwarded message, in English and German.
_FORWARD_MARK = re.compile(r"^[-\s]*(?:forwarded message|original message|weitergeleitete "
                           r"nachricht|ursprüngliche nachricht|begin forwarded message)[-\s:]*$",
                           re.IGNORECASE)
_FORWARD_HEADER = re.compile(r"^\s*(?:from|sent|date|to|cc|subject|von|gesendet|datum|an|"
                             r"betreff)\s*:", re.IGNORECASE)
# A hard-wrapped plain text: most of its lines end near this width.
WRAP_WIDTH = 80
ATTACHED_SUFFIXES = (*TEXT_SUFFIXES, *PAGE_SUFFIXES, *PDF_SUFFIXES)


def read_message(
    path: Path, raw: bytes, keys: SidecarKeys, sidecars: dict[str, bytes]
) -> list[Read]:
    """The message's own source (or a container, when only its attachments are clippings),
    then one per clipping attached."""
    message = _parsed(path, raw)
    stated = _headers(message)
    attached, notes = _attachments(path, message, sidecars)
    try:
        source, problems = _own_source(path, raw, message, keys, stated)
    except SourceError as exc:
        if not attached:
            raise
        reason = "; ".join(problem.message for problem in exc.problems)
        container = Read(path, None, (*notes, note(path, f"read for the {len(attached)} "
                                                         f"clipping(s) attached to it; its own "
                                                         f"text is none ({reason})")), True)
        return [container, *attached]
    return [Read(path, source, (*problems, *notes)), *attached]


def _parsed(path: Path, raw: bytes) -> EmailMessage:
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
    except Exception as exc:  # the parser failing on a hostile file is a fact of the file
        raise SourceError(error(path, f"cannot be read as an e-mail ({exc})")) from exc
    if not message.keys():
        raise SourceError(error(path, "has no e-mail headers: save the message as .eml from "
                                      "the mail program, or its text as a .txt clipping"))
    assert isinstance(message, EmailMessage)
    return message


def _header(message: Message, name: str) -> Any:
    """A header's value, or None where it is missing or cannot be read."""
    try:
        return message[name]
    except (ValueError, IndexError, TypeError, AttributeError):
        return None


def _headers(message: EmailMessage) -> tuple[Found, ...]:
    """What the headers say, used only after the text's rules (``before`` false): the
    subject and the sender are the monitoring service's words, not the article's."""
    found = []
    subject = _header(message, "subject")
    if subject:
        title = " ".join(_SUBJECT_PREFIX.sub("", safe_text(str(subject))[0]).split())
        if title:
            found.append(Found("title", title, "e-mail Subject header", before=False))
    sender = _header(message, "from")
    if sender:
        name, address = parseaddr(safe_text(str(sender))[0])
        who = name or address.partition("@")[2]
        if who:
            found.append(Found("publisher", who, "e-mail From header", before=False))
    date = _header(message, "date")
    moment = getattr(date, "datetime", None)
    if isinstance(moment, dt.datetime):
        found.append(Found("date", moment.date(), "e-mail Date header (the day it was sent)",
                           before=False))
    return tuple(found)


def _own_source(
    path: Path, raw: bytes, message: EmailMessage, keys: SidecarKeys, stated: tuple[Found, ...]
) -> tuple[Source, list[Problem]]:
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        raise SourceError(error(path, "has no text or HTML part to read an article from"))
    text, charset, problems = _part_text(path, body)
    if body.get_content_subtype() == "html":
        try:
            fields = labelled_fields(block_lines(parse_page(text)))
        except (etree.ParserError, ValueError):
            fields = []  # reading it as a page says what is wrong with it
        return page_source(path, Page(text, charset, raw), keys, "email", problems,
                           (*fields, *stated))
    unquoted, forward = _without_forward_headers(text.split("\n"))
    text, removed = safe_lines(_paragraphs("\n".join(unquoted), body))
    problems += [*repair_warnings(path, removed), *keys.problems]
    lines = text.split("\n")
    if forward:
        problems.append(note(path, f"the forwarding header ({forward} lines) is not part of "
                                   "the article: left out"))
    prose = sum(len(line.split()) for line in lines if is_prose(line))
    if prose < MIN_ARTICLE_WORDS:
        raise SourceError(error(path, f"no article in the message's text: {prose} words of "
                                      "running text"))
    body_lines = tuple(Line(number, line) for number, line in enumerate(lines, 1))
    return Source(path=path, raw=raw, encoding=charset, body=body_lines, frontmatter=keys.keys,
                  format="email", found=stated), problems


# A monitoring service names the outlet and the day of each clipping in labelled fields
# ("Source: …", "Quelle: …", "Date: …"), which an extractor of articles drops as furniture.
_PUBLISHER_FIELD = re.compile(r"^(?:source|quelle|medium|media|outlet|publication|publikation|"
                              r"publisher|herausgeber|verlag)\s*:\s*(?P<value>.+)$", re.I)
_DATE_FIELD = re.compile(r"^(?:date|datum|published|publication date|erschienen|"
                         r"veröffentlicht|erscheinungsdatum)\s*:\s*(?P<value>.+)$", re.I)
MAX_FIELD_WORDS = 8


def labelled_fields(lines: list[str]) -> list[Found]:
    """The outlet and the day a message's labelled fields give (the first of each), outside
    a forwarded message's header block."""
    kept, _ = _without_forward_headers(lines)
    found: dict[str, Found] = {}
    for line in kept:
        publisher, date = _PUBLISHER_FIELD.match(line), _DATE_FIELD.match(line)
        if publisher and "publisher" not in found:
            value = publisher["value"].strip()
            if len(value.split()) <= MAX_FIELD_WORDS and not ends_sentence(value):
                field = line.split(":", 1)[0].strip()
                found["publisher"] = Found("publisher", value, f"the message's {field!r} field")
        elif date and "date" not in found:
            day = stamp_date(date["value"])
            if day is not None:
                field = line.split(":", 1)[0].strip()
                found["date"] = Found("date", day, f"the message's {field!r} field")
    return list(found.values())


def _part_text(path: Path, part: Message) -> tuple[str, str, list[Problem]]:
    """A text part's text by its declared charset (where that is wrong, as a text clipping
    is read, with a warning)."""
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    declared = part.get_content_charset()
    try:
        decoded = decode_declared(data, declared, "its Content-Type") if data else None
    except ValueError as exc:
        raise SourceError(error(path, f"its {part.get_content_type()} part cannot be read "
                                      f"as text: {exc}")) from exc
    if decoded is None:
        return "", declared or "utf-8", []
    problems = [warning(path, decoded.doubt)] if decoded.doubt else []
    return decoded.text, decoded.encoding, problems


def _paragraphs(text: str, part: Message) -> str:
    """One paragraph per line: quoting marks off; a hard-wrapped text (or one sent as
    format=flowed) joined within its paragraphs, which blank lines part."""
    lines = [re.sub(r"^(?:>\s?)+", "", line).rstrip() for line in text.split("\n")]
    flowed = (part.get_param("format") or "").lower() == "flowed"
    filled = [line for line in lines if line.strip()]
    wrapped = filled and sum(WRAP_WIDTH * 0.6 <= len(line) <= WRAP_WIDTH
                             for line in filled) * 3 >= len(filled) \
        and max(len(line) for line in filled) <= WRAP_WIDTH + 2
    if not (flowed or wrapped):
        return "\n".join(lines)
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    paragraphs += [" ".join(current)] if current else []
    return "\n".join(paragraphs)


def _without_forward_headers(lines: list[str]) -> tuple[list[str], int]:
    """The lines without the header block of a forwarded message (its mark, then From:,
    Date:, Subject: …), which become blank lines; and how many went."""
    kept = [re.sub(r"^(?:>\s?)+", "", line) for line in lines]
    removed = 0
    for index in range(len(kept)):
        if not _FORWARD_MARK.match(kept[index]):
            continue
        end = index + 1
        while end < len(kept) and (_FORWARD_HEADER.match(kept[end]) or not kept[end].strip()):
            end += 1
        for number in range(index, end):
            removed += bool(kept[number].strip())
            kept[number] = ""
    return kept, removed


def _attachments(
    path: Path, message: EmailMessage, sidecars: dict[str, bytes]
) -> tuple[list[Read], list[Problem]]:
    """Each clipping attached, as a source named ``<message>#<attachment>``; a note for
    each attachment that is not a clipping (an image, a spreadsheet)."""
    reads: list[Read] = []
    notes: list[Problem] = []
    taken: set[str] = set()
    for part in message.iter_attachments():
        name = _attachment_name(part, taken)
        suffix = Path(name).suffix.lower()
        if suffix in MAIL_SUFFIXES or part.get_content_type() == "message/rfc822":
            notes.append(note(path, f"attachment {name!r} is a message of its own: save it "
                                    "as a file of its own to read it"))
            continue
        if suffix not in ATTACHED_SUFFIXES:
            notes.append(note(path, f"attachment {name!r} ({part.get_content_type()}) is not "
                                    "a clipping: not read"))
            continue
        reads.append(_attached(path, name, part, sidecars))
    return reads, notes


def _attachment_name(part: Message, taken: set[str]) -> str:
    """The attachment's file name without folders or characters no name can carry; a second
    attachment of one name gets a number ("ruling (2).pdf"), in the order of the message."""
    raw_name = shown(part.get_filename() or "") or "attachment"
    name = re.sub(r"[\x00-\x1f/\\#]", "_", raw_name.replace("\\", "/").rsplit("/", 1)[-1])
    name = name.lstrip(".") or "attachment"
    if Path(name).suffix == "" and part.get_content_type() == "application/pdf":
        name += ".pdf"
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, count = name, 1
    while candidate in taken:
        count += 1
        candidate = f"{stem} ({count}){suffix}"
    taken.add(candidate)
    return candidate


def _attached(path: Path, name: str, part: Message, sidecars: dict[str, bytes]) -> Read:
    attached_path = path.with_name(f"{path.name}#{name}")
    try:
        data = _attachment_bytes(attached_path, part)
        keys = sidecar_keys(path.parent, attached_path.name, sidecars)
        suffix = attached_path.suffix.lower()
        if suffix in PDF_SUFFIXES:
            from .pdf import read_pdf
            source, problems = read_pdf(attached_path, data, keys)
        elif suffix in PAGE_SUFFIXES:
            from .html_page import read_page
            source, problems = read_page(attached_path, data, keys)
        else:
            source, problems = read_source(attached_path, data)
            # A text attached can carry frontmatter; a sidecar beside the message wins.
            source = replace(source, frontmatter={**source.frontmatter, **keys.keys})
            problems += keys.problems
    except SourceError as exc:
        return Read(attached_path, None, exc.problems)
    return Read(attached_path, source, tuple(problems))


def _attachment_bytes(path: Path, part: Message) -> bytes:
    """The attachment's bytes; a text attachment re-encoded as UTF-8 from its declared
    charset, which a clipping read on its own would not know."""
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    if not data:
        raise SourceError(error(path, "the attachment is empty"))
    limit = size_limit(path)
    if len(data) > limit:
        raise SourceError(error(path, f"is {len(data) / 1_000_000:.1f} MB: clippings larger "
                                      f"than {limit // (1024 * 1024)} MB are refused"))
    if part.get_content_maintype() == "text" and path.suffix.lower() in TEXT_SUFFIXES:
        try:
            decoded = decode_declared(data, part.get_content_charset(), "its Content-Type")
        except UndecodableError as exc:
            raise SourceError(error(path, f"cannot be read as text: {exc}")) from exc
        return decoded.text.encode("utf-8")
    return data
