import codecs

import pytest

from pressroom.sources.decoding import UndecodableError, decode, decode_repaired

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


def as_windows_1252(text: str) -> str:
    """UTF-8 bytes of text as a browser reads them as Windows-1252."""
    return as_a_browser_reads_windows_1252(text.encode())


def as_latin_1(text: str) -> str:
    """UTF-8 bytes read as Latin-1: Windows' punctuation comes out as C1 controls."""
    return text.encode().decode("latin-1")


# Written for these tests: what clippings carry, and what they meant.
MEANT = [
    "Die Kanzlei äußerte sich am Dienstag nicht zur Klage.",
    "“We will appeal,” the spokesperson said – on Monday.",
    "Schadenersatz von 12.500 € und „eine öffentliche Entschuldigung“",
    "ÄRZTE UND ÖFFENTLICHE STELLEN ÜBERPRÜFEN DIE BEWERTUNGEN",
    "Zürich, Málaga and Łódź: the hearings’ dates",
]


@pytest.mark.parametrize("meant", MEANT)
@pytest.mark.parametrize(
    "broken_by",
    [as_windows_1252, as_latin_1, lambda text: as_windows_1252(as_windows_1252(text))],
    ids=["read as Windows-1252", "read as Latin-1", "encoded twice"],
)
def test_mojibake_is_repaired_once_or_twice_and_in_any_legacy_reading(meant, broken_by):
    broken = broken_by(meant)
    assert broken != meant
    text, _ = decode(f"Headline\n{broken}".encode())
    assert text == f"Headline\n{meant}"


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("Grüße aus " + as_windows_1252("München und Köln"),
         "Grüße aus München und Köln"),
        (as_windows_1252("„nicht wahr“") + " – so äußerte sich die Firma",
         "„nicht wahr“ – so äußerte sich die Firma"),
        ("Fines of € 500; " + as_windows_1252("costs of € 700"),
         "Fines of € 500; costs of € 700"),
        ("The firm\x92s lawyer said \x93no\x94", "The firm’s lawyer said “no”"),
    ],
    ids=["umlauts", "quotes", "euro", "C1 punctuation"],
)
def test_mojibake_beside_correct_text_in_one_line_is_repaired(line, meant):
    text, _ = decode(line.encode())
    assert text == meant


@pytest.mark.parametrize(
    "genuine",
    [
        "SÃO PAULO: JOÃO DA SILVA VERKLAGT DEN BLOGGER",
        "CHÂTEAU, PÂTISSERIE, ÂGE",
        "Ångström and Øresund were the projects’ names",
        "¡Hola! ¿Qué tal? dijo el abogado",
        "21 °C ± 2 °C, Ø 12 mm, 5 µg, ½ der Summe, 2× so viel",
        "«Guillemets», ‹single› ones, „zitiert“ and ‚zitiert‘",
        "The © notice, the ® mark and the ™ sign",
        "Citroën, Škoda, Æsir, Œuvre, Ðorđe, naïve façade",
        "ÉTAT DE DROIT — décision n° 123",
        "Straße, Maß, ẞ, 10 € – 😀 – 中文",
    ],
)
def test_correct_text_with_unusual_letters_is_left_alone(genuine):
    text, _ = decode(genuine.encode())
    assert text == genuine
    assert decode_repaired(genuine.encode())[2] == []


def test_each_repaired_line_is_told_with_its_number_and_both_readings():
    broken = as_windows_1252("Grüße")
    _, _, repairs = decode_repaired(f"Title\n{broken}\nplain\n{broken} again".encode())
    assert [(repair.line, repair.was, repair.now) for repair in repairs] == [
        (2, broken, "Grüße"), (4, f"{broken} again", "Grüße again")]
