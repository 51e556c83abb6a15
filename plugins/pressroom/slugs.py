"""URL slugs: lowercase ASCII, German letters transliterated the German way."""

from __future__ import annotations

import re
import unicodedata

# German transliteration, not NFD stripping: "Fälschungen" is "faelschungen", not "falschungen".
_TRANSLITERATION = str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS",
    "æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "œ": "oe", "Œ": "Oe",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th",
})
MAX_SLUG_WORDS = 10


def slugify(text: str, max_words: int = MAX_SLUG_WORDS) -> str:
    ascii_text = (
        unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text)
                              .translate(_TRANSLITERATION))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
    )
    slug_words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(slug_words[:max_words])


def heading_slug(value: str, separator: str = "-") -> str:
    """Anchors for headings (Markdown's toc extension): "Über uns" -> "ueber-uns"."""
    return slugify(value, max_words=100).replace("-", separator)
