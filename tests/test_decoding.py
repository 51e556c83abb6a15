import codecs

import pytest

from pressroom.decoding import UndecodableError, decode

TEXT = "„Black PR“ kostet 10 € – “smear” campaigns’ end\nZweite Zeile: Grüße"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_every_accepted_encoding_gives_the_same_text(raw, encoding):
    text, found = decode(raw)
    assert text == TEXT
    assert found == encoding
    assert "\ufeff" not in text


def test_windows_1252_keeps_curly_quotes_and_euro_without_mojibake():
    text, _ = decode("“Zitat” kostet 5 €".encode("cp1252"))
    assert text == "“Zitat” kostet 5 €"
    assert "â€" not in text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(newline):
    text, _ = decode(newline.join(["one", "two", "three"]).encode("utf-8"))
    assert text == "one\ntwo\nthree"


def test_decomposed_umlauts_are_composed():
    text, _ = decode("Gru\u0308ße".encode())
    assert text == "Grüße"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"PK\x03\x04\x00\x00binary", "NUL"),
        (bytes(range(1, 32)) * 4 + b"abc", "control characters"),
        (b"caf\xe9 \x81\x8d", "cp1252"),
    ],
)
def test_what_is_not_text_is_refused_with_a_reason(raw, reason):
    with pytest.raises(UndecodableError, match=reason):
        decode(raw)


def as_a_browser_reads_windows_1252(raw: bytes) -> str:
    """Windows-1252 as browsers decode it: its five undefined bytes become C1 characters."""
    return "".join(bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in raw)


def test_utf8_once_read_as_windows_1252_is_repaired():
    broken = as_a_browser_reads_windows_1252("Xiaomi’s “Black PR” case: Grüße, 10 €".encode())
    assert "â€" in broken
    text, _ = decode(broken.encode("utf-8"))
    assert text == "Xiaomi’s “Black PR” case: Grüße, 10 €"


def test_genuine_text_that_looks_like_mojibake_is_left_alone():
    text, _ = decode("Ã la carte: Âme".encode())
    assert text == "Ã la carte: Âme"
