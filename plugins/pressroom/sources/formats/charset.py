"""Bytes of a page or a message part to text, by the charset it declares.

A page says its encoding in a byte order mark, in ``<meta charset>`` or in ``<meta
http-equiv="Content-Type">``; a message part in its Content-Type header. The declaration is
believed where the bytes bear it out; where they do not, or where it names no encoding
Python knows, the bytes are read as a text clipping's are (UTF-8, else Windows-1252) and a
warning says so: a page is never read wrong without a word.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from ..decoding import UndecodableError, decode, normalise_newlines

# Browsers look for the declaration in the first 1024 bytes; saved pages put scripts and
# styles first often enough that the whole head is searched, up to this many bytes.
_HEAD_BYTES = 64 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# Labels that browsers read as another encoding (WHATWG's Encoding Standard): a page that
# says Latin-1 is read as Windows-1252, whose extra characters ("€", "„") such pages carry.
_BROWSER_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254",
                    "tis-620": "cp874"}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    # What went differently from the declaration, for a warning; None when all was as said.
    doubt: str | None = None


def declared_charset(raw: bytes) -> str | None:
    """The charset a page's markup declares (meta charset or http-equiv), if any."""
    match = _META_CHARSET.search(raw[:_HEAD_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def decode_declared(raw: bytes, declared: str | None, where: str) -> Decoded:
    """The text of bytes that ``where`` declares to be in ``declared``. Raises
    UndecodableError for bytes that are no text at all."""
    if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _plain(raw)  # a byte order mark outranks every declaration, as in browsers
    if declared is None:
        return _plain(raw)
    name = _BROWSER_ALIASES.get(declared, declared)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        plain = _plain(raw)
        return Decoded(plain.text, plain.encoding, f"{where} declares the charset "
                       f"{declared!r}, which is not known: read as {plain.encoding}")
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        plain = _plain(raw)
        return Decoded(plain.text, plain.encoding, f"{where} declares {declared}, but byte "
                       f"{exc.start} is not {declared}: read as {plain.encoding}")
    if "\x00" in text:
        raise UndecodableError("the file holds NUL bytes: it is binary, not text")
    return Decoded(normalise_newlines(unicodedata.normalize("NFC", text)), codec)


def _plain(raw: bytes) -> Decoded:
    text, encoding = decode(raw)
    return Decoded(text, encoding)
