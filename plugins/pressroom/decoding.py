"""Bytes to text: the encodings clippings arrive in, decided without guessing."""

from __future__ import annotations

import codecs
import re
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
    text = normalise_newlines(unicodedata.normalize("NFC", text))
    return "\n".join(repair_mojibake(line) for line in text.split("\n")), encoding


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
    controls = len(_CONTROL.findall(text))
    if controls and controls * 100 > len(text):
        raise UndecodableError(f"{controls} control characters: this is not a text file")


# C0 controls and DEL fill binary files (tab, newline, carriage return and form feed are
# text); C1 controls (U+0080-U+009F) are left alone, as mojibake carries them where
# Windows-1252 has no character.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# UTF-8 read once as Windows-1252 leaves these marks: "â€™" for "’", "Ã¤" for "ä", "Â " for a
# no-break space. Scrapers pass such text on; a clipping can carry it in any encoding.
_MOJIBAKE_MARKS = ("â€", "Ã", "Â")


def repair_mojibake(line: str) -> str:
    """Undo one round of UTF-8-read-as-Windows-1252, where the line round-trips exactly.

    A line with genuine "Ã" or "â€" does not round-trip (the bytes that follow are not a UTF-8
    sequence) and is left as it is.
    """
    if not any(mark in line for mark in _MOJIBAKE_MARKS):
        return line
    try:
        repaired = _legacy_bytes(line).decode("utf-8")
    except UnicodeError:
        return line
    return unicodedata.normalize("NFC", repaired)


def _legacy_bytes(text: str) -> bytes:
    """Windows-1252 bytes of text; the five bytes it leaves undefined come back as themselves,
    because a browser that met them turned them into the C1 characters of the same number."""
    return b"".join(
        bytes([ord(char)]) if "\x80" <= char <= "\x9f" else char.encode(LEGACY_ENCODING)
        for char in text
    )
