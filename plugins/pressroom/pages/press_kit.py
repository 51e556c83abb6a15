"""Texts editors write once in a hand-written page, which other pages show: the company
boilerplate of each language's media kit, under every story. And the names of the press kit's
hand-written pages.

The block is marked in the page's Markdown: ``<!-- boilerplate -->`` … ``<!-- /boilerplate -->``
in docs/<lang>/media-kit.md. The press contacts are data, not a block of a page: see
``stories.contacts`` and ``contact_cards``.
"""

from __future__ import annotations

import re

MEDIA_KIT = "media-kit.md"
CONTACTS = "contacts.md"
BOILERPLATE = "boilerplate"
_BLOCK = re.compile(r"<!--\s*(?P<name>[a-z-]+)\s*-->(?P<text>.*?)<!--\s*/(?P=name)\s*-->", re.S)


def marked_block(markdown: str, name: str) -> str | None:
    """The text between the page's markers of that name; None where it has none, or an
    empty one."""
    for match in _BLOCK.finditer(markdown):
        if match["name"] == name:
            return match["text"].strip() or None
    return None
