"""URL slugs: lowercase ASCII, German letters transliterated the German way.

A slug is a file name (``<slug>.md``) and a folder of the URL: it is bounded in bytes, cut
at a word, well under the 255 bytes a file name may have on common file systems (and under
the 143 of encrypted home folders), so that no title, however long, can stop a build.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# German transliteration, not NFD stripping: "Fälschungen" is "faelschungen", not "falschungen".
_TRANSLITERATION = str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS",
    "æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "œ": "oe", "Œ": "Oe",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th",
})
MAX_SLUG_WORDS = 10
# Ten long German words fit (the seeds' longest slug has 73); slugs are ASCII, so bytes are
# characters.
MAX_SLUG_BYTES = 100
# A story whose title and file name have no letter or digit of the Latin alphabet (a Chinese
# headline in a file named in Chinese) is known by a digest of its file name.
FALLBACK_PREFIX = "story-"
FALLBACK_DIGITS = 12


def slugify(text: str, max_words: int = MAX_SLUG_WORDS,
            max_bytes: int | None = MAX_SLUG_BYTES) -> str:
    ascii_text = (
        unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text)
                              .translate(_TRANSLITERATION))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
    )
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_text)[:max_words])
    return slug if max_bytes is None else bounded(slug, max_bytes)


def bounded(slug: str, max_bytes: int = MAX_SLUG_BYTES) -> str:
    """The slug cut to at most ``max_bytes``: after its last whole word that fits, or inside
    the first word when that alone is too long."""
    if len(slug) <= max_bytes:
        return slug
    cut = slug[:max_bytes + 1].rfind("-")
    return slug[:cut] if cut > 0 else slug[:max_bytes]


def story_slug(title: str, stem: str) -> str:
    """A story's address when the editor gave none: its title's slug, else its file name's,
    else a digest of its file name (never empty, stable from build to build)."""
    return slugify(title) or slugify(stem) or fallback_slug(stem)


def fallback_slug(stem: str) -> str:
    digest = hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()
    return FALLBACK_PREFIX + digest[:FALLBACK_DIGITS]


def heading_slug(value: str, separator: str = "-") -> str:
    """Anchors for headings (Markdown's toc extension): "Über uns" -> "ueber-uns". Anchors
    are not file names: they are bounded in words only."""
    return slugify(value, max_words=100, max_bytes=None).replace("-", separator)
