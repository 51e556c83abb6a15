"""Bytes to text: the encodings clippings arrive in, decided without guessing."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

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


@dataclass(frozen=True)
class MojibakeRepair:
    """A line whose mojibake was repaired: its number (from 1), what it read and reads now."""

    line: int
    was: str
    now: str


def decode(raw: bytes) -> tuple[str, str]:
    """Return the text of a clipping and the encoding it was in (see ``decode_repaired``)."""
    text, encoding, _ = decode_repaired(raw)
    return text, encoding


def decode_repaired(raw: bytes) -> tuple[str, str, list[MojibakeRepair]]:
    """Return the text of a clipping, the encoding it was in and the lines whose mojibake
    was repaired.

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
    lines = normalise_newlines(unicodedata.normalize("NFC", text)).split("\n")
    repairs = []
    for number, line in enumerate(lines, 1):
        repaired = repair_mojibake(line)
        if repaired != line:
            repairs.append(MojibakeRepair(number, line, repaired))
            lines[number - 1] = repaired
    return "\n".join(lines), encoding, repairs


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


# Mojibake of UTF-8 (read as Windows-1252 or Latin-1, once or more) always shows a lead byte's
# character ("Â" to "ô") followed by a continuation byte's ("\x80" to "¿", or what
# Windows-1252 makes of 0x80 to 0x9F: "€", "™", "’", ...); Windows punctuation read as Latin-1
# shows C1 controls. Lines without either, almost all, are not handed to ftfy: its own test
# costs six times as much, and a lone "Ã" or "Â" before a space ("Ã la carte") is the text's
# own, where ftfy would take it for a lost no-break space.
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MAYBE_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]|[\u0080-\u009f]")


def repair_mojibake(line: str) -> str:
    """The line with its mojibake undone by ftfy: UTF-8 read as Windows-1252 or Latin-1, once
    or twice, in all of the line or in part of it beside correct text.

    ftfy decides by how unlikely the line reads as it is, so text that merely has an "Ã" or
    "â€" of its own is left as it is.
    """
    if not _MAYBE_MOJIBAKE.search(line):
        return line
    # Imported where needed: a build whose clippings have no mojibake never loads it.
    from ftfy import fix_encoding

    return unicodedata.normalize("NFC", fix_encoding(line))
