"""Bytes to text: the encodings clippings arrive in, decided without guessing."""

from __future__ import annotations

import codecs
import unicodedata

# Byte order marks, longest first: a UTF-32 mark begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Windows-1252 leaves these five bytes undefined: a file that has them is not a legacy clipping.
LEGACY_ENCODING = "cp1252"

# Control characters that no text file carries; tab, newline and carriage return are text.
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f"}


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we accept."""


def decode(raw: bytes) -> tuple[str, str]:
    """Return the text of a clipping and the encoding it was in.

    UTF-8 (with or without BOM) and UTF-16/32 with BOM are recognised by their marks and
    validity; anything else that is not valid UTF-8 is read as Windows-1252, the encoding of
    legacy clippings. Line ends become LF and the text is NFC-normalised so that "ü" is one
    character whichever way it was typed.
    """
    if not raw:
        raise UndecodableError("the file is empty")
    encoding = _encoding_of(raw)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"not valid {encoding} at byte {exc.start}") from exc
    _reject_binary(text)
    return normalise_newlines(unicodedata.normalize("NFC", text)), encoding


def _encoding_of(raw: bytes) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    if b"\x00" in raw:
        # Text without a BOM never holds NUL bytes; UTF-16 without BOM is not accepted.
        raise UndecodableError("the file holds NUL bytes: it is binary, not text")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return LEGACY_ENCODING
    return "utf-8"


def _reject_binary(text: str) -> None:
    controls = sum(1 for char in text if _is_control(char))
    if controls and controls * 100 > len(text):
        raise UndecodableError(f"{controls} control characters: this is not a text file")


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in _TEXT_CONTROLS


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
